"""Store folders and who may remove them (nevkg.graph.store): leases, the clean-up policy."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from nevkg.graph.build import build
from nevkg.graph.store import MANIFEST, current_store_dir, lease_current, remove_unused

from ..conftest import FIXTURE_RECORDS, REPO


def _build(home: Path) -> Path:
    build(f"oxigraph:{home}", [FIXTURE_RECORDS], shipped=False).close()
    return current_store_dir(home)


def _stores(home: Path) -> list[str]:
    return sorted(p.name for p in home.glob("store-*"))


def test_a_leased_store_survives_builds_until_released(tmp_path):
    home = tmp_path / "home"
    _build(home)
    lease = lease_current(home)
    _build(home)
    newest = _build(home)
    assert _stores(home) == sorted([lease.store_dir.name, newest.name])  # the leased one and the current one
    assert remove_unused(home) == []  # still leased
    lease.release()
    assert remove_unused(home) == [lease.store_dir]
    assert _stores(home) == [newest.name]


def test_a_killed_reader_leaves_no_lease_behind(tmp_path):
    home = tmp_path / "home"
    first = _build(home)
    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from nevkg.graph.store import lease_current
        lease = lease_current(Path({str(home)!r}))
        print("leased", flush=True)
        time.sleep(60)
    """)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "leased"
        _build(home)
        assert first.is_dir()  # read by the other process
        reader.send_signal(signal.SIGKILL)
        reader.wait(timeout=10)
        assert remove_unused(home) == [first]  # the kernel dropped the dead reader's lock
    finally:
        reader.kill()
        reader.wait()


def test_clean_up_keeps_what_is_still_being_built(tmp_path):
    home = tmp_path / "home"
    current = _build(home)
    # a build still writing (no manifest yet; its pid, ours, is alive) and one about to swap in (newer)
    writing = home / f"store-20990101000000-{os.getpid()}-1"
    writing.mkdir()
    ready = home / f"store-20990101000001-{os.getpid()}-2"
    ready.mkdir()
    manifest = json.loads((current / MANIFEST).read_text())
    (ready / MANIFEST).write_text(json.dumps({**manifest, "built": "2099-01-01T00:00:01+00:00"}))
    # what a killed build left: no manifest, and its process is gone
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    abandoned = home / f"store-20000101000000-{int(dead.stdout)}-3"
    abandoned.mkdir()
    time.sleep(0.1)
    assert remove_unused(home) == [abandoned]
    assert _stores(home) == sorted([current.name, writing.name, ready.name])


def test_an_open_graph_keeps_its_folder_through_a_build(tmp_path):
    """A long `nevkg query` (any open_graph reader) never loses its folder to a build that lands meanwhile."""
    from nevkg.graph.build import build
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.graph.store import current_store_dir

    from ..conftest import FIXTURE_RECORDS

    spec = f"oxigraph:{tmp_path}"
    build(spec, [FIXTURE_RECORDS], shipped=False).close()
    kg = open_graph(spec)
    first = current_store_dir(tmp_path)
    build(spec, [FIXTURE_RECORDS], shipped=False).close()
    assert current_store_dir(tmp_path) != first and first.is_dir()
    assert bool(kg.query("ASK { nevid:chery nev:country nevid:china }").askAnswer)
    kg.close()
    build(spec, [FIXTURE_RECORDS], shipped=False).close()
    assert not first.exists()
