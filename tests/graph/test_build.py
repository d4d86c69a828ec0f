"""Build: atomic swap into the oxigraph store; a failed or killed build leaves the previous graph usable."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from nevkg.errors import BuildLockedError, LoaderError, StoreError, ValidationError
from nevkg.graph import build as build_module
from nevkg.graph.build import build, is_current
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.lock import build_lock, lock_holder
from nevkg.graph.store import current_store_dir

from ..conftest import FIXTURE_RECORDS
from ..limits import clean_failure, nevkg

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a nev:Partnership }"


def _partnerships(spec: str) -> int:
    with open_graph(spec) as kg:
        return int(next(iter(kg.query(COUNT)))[0])


def _add_partnership(records: Path) -> None:
    with (records / "partnerships.yaml").open("a", encoding="utf-8") as fh:
        fh.write(textwrap.dedent("""\
            - id: uber-chery-test
              label: test partnership
              kind: cooperation
              partners: [uber, chery]
              sources: [fixture-news-b]
            """))


def test_build_and_reopen_without_reloading(records, tmp_path, monkeypatch):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    kg = build(spec, [records], shipped=False)
    n = len(kg)
    kg.close()
    assert n > 1000

    def no_loading(*args, **kwargs):
        raise AssertionError("reopening must not load anything")

    monkeypatch.setattr(build_module, "load_sources", no_loading)
    with open_graph(spec) as again:
        assert len(again) == n
        assert again.origin("https://w3id.org/nevkg/id/chery-ebro-jv").endswith("partnerships.yaml:1#chery-ebro-jv")
    assert is_current(spec, [records], shipped=False)


def test_bad_record_leaves_previous_graph(records, tmp_path):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, [records], shipped=False).close()
    before = current_store_dir(tmp_path / "kg")
    (records / "people.yaml").write_text("- id: x\n  label: X\n  sources: [nope]\n", encoding="utf-8")
    with pytest.raises(LoaderError):
        build(spec, [records], shipped=False)
    assert current_store_dir(tmp_path / "kg") == before
    assert _partnerships(spec) == 2
    assert sorted(p.name for p in (tmp_path / "kg").glob("store-*")) == [before.name]


def test_shape_violation_is_not_swapped_in(records, tmp_path):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, [records], shipped=False).close()
    # an RDF file with a partnership that has only one partner passes the loader but not the shapes
    bad = tmp_path / "bad.ttl"
    bad.write_text("""@prefix nev: <https://w3id.org/nevkg/ontology#> .
        <https://w3id.org/nevkg/id/lonely> a nev:Partnership ; <http://www.w3.org/2000/01/rdf-schema#label> "x" ;
            nev:partnershipKind nev:Cooperation ; nev:partner <https://w3id.org/nevkg/id/chery> .""")
    with pytest.raises(ValidationError) as info:
        build(spec, [records, bad], shipped=False)
    assert "at least two partners" in str(info.value) and "lonely" in str(info.value)
    assert _partnerships(spec) == 2


def test_exception_halfway_leaves_previous_graph(records, tmp_path, monkeypatch):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, [records], shipped=False).close()
    _add_partnership(records)

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_module, "swap_in", boom)
    with pytest.raises(StoreError, match="the disk is full; the previous graph is unchanged"):
        build(spec, [records], shipped=False)
    assert _partnerships(spec) == 2
    assert len(list((tmp_path / "kg").glob("store-*"))) == 1  # the new folder was removed


def test_kill_9_during_build_leaves_previous_graph(records, tmp_path):
    home = tmp_path / "kg"
    spec = f"oxigraph:{home}"
    build(spec, [records], shipped=False).close()
    _add_partnership(records)
    # a real SIGKILL at the worst moment: the new store is fully written, the swap not yet done
    script = textwrap.dedent(f"""
        import os, signal
        from nevkg.graph import build as b
        b.swap_in = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        b.build({spec!r}, [{str(records)!r}], shipped=False)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert len(list(home.glob("store-*"))) == 2  # the abandoned one is left for the next build to remove
    assert _partnerships(spec) == 2
    kg = build(spec, [records], shipped=False)
    assert int(next(iter(kg.query(COUNT)))[0]) == 3
    kg.close()
    assert len(list(home.glob("store-*"))) == 1


def test_open_before_build_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="nevkg build"):
        open_graph(f"oxigraph:{tmp_path / 'empty'}")


def test_memory_and_oxigraph_hold_the_same_quads(records, tmp_path):
    mem = build("memory", [records], shipped=False)
    ox = build(f"oxigraph:{tmp_path / 'kg'}", [records], shipped=False)
    def content(kg):  # the two builds' prov:Activity nodes differ by time: compare everything else
        return {tuple(str(t) for t in q) for q in kg.quads() if "/id/build-" not in str(q[0]) + str(q[2])}

    assert content(mem) == content(ox)
    ox.close()


def test_progress_is_silent_off_terminal(records, tmp_path, capfd):
    build(f"oxigraph:{tmp_path / 'kg'}", [records], shipped=False).close()
    err = capfd.readouterr().err
    assert "[####" not in err and "\r" not in err


def test_a_triple_stated_by_several_sources_counts_once_on_every_store(kg, tmp_path):
    """Ad-hoc queries see each triple once on the oxigraph store too (its own union repeats it per graph)."""
    ox_kg = build(f"oxigraph:{tmp_path / 'kg'}")
    counts = ["SELECT (COUNT(*) AS ?n) WHERE { ?s a nev:Country }",
              "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
              "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"]
    for q in counts:
        assert int(next(iter(ox_kg.query(q))).n) == int(next(iter(kg.query(q))).n), q
    # the United Arab Emirates is a Country in several source graphs, and counted once
    sources = int(next(iter(ox_kg.query(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { nevid:united-arab-emirates a nev:Country } }"))).n)
    assert sources > 1
    assert int(next(iter(ox_kg.query(
        "SELECT (COUNT(*) AS ?n) WHERE { nevid:united-arab-emirates a nev:Country }"))).n) == 1
    # the union graph is a query aid: not a graph of the knowledge graph, not in GRAPH ?g, not exported
    names = {str(g) for g in ox_kg.graph_names()}
    assert not any("nevkg-union" in g for g in names)
    listed = {str(r.g) for r in ox_kg.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert listed == names
    assert not any("nevkg-union" in str(q[3]) for q in ox_kg.quads())
    ox_kg.close()


# ---------------------------------------------------------------------------------------------- concurrent builds
def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NEVKG_STORE",)}
    env["NEVKG_HOME"] = str(home)
    return env


def _wait_for_holder(home: Path, pid: int, proc) -> None:
    """Poll until process ``pid`` holds the build lock of ``home`` (it takes it first thing)."""
    for _ in range(600):
        if lock_holder(home).get("pid") == pid:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the build never took the lock")


def test_a_second_build_fails_at_once_naming_the_running_one(records, tmp_path):
    home = tmp_path / "kg"
    build(f"oxigraph:{home}", [records], shipped=False).close()
    before = current_store_dir(home)
    holder = _hold_lock(home)
    try:
        started = lock_holder(home)["started"]
        proc = nevkg("build", "--no-shipped", "--data", str(records), env=_env(home))
        err = clean_failure(proc, "another build is running", f"pid {holder.pid}", started, "--wait")
        assert str(home) in err
    finally:
        holder.kill()
        holder.wait()
    assert current_store_dir(home) == before  # nothing was touched
    assert sorted(p.name for p in home.glob("store-*")) == [before.name]


def test_kill_9_never_leaves_the_lock_stuck(records, tmp_path):
    home = tmp_path / "kg"
    spec = f"oxigraph:{home}"
    build(spec, [records], shipped=False).close()
    proc = nevkg("build", "--no-shipped", "--data", str(records), env=_env(home), background=True)
    _wait_for_holder(home, proc.pid, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _partnerships(spec) == 2  # the previous graph is intact
    again = nevkg("build", "--no-shipped", "--data", str(records), env=_env(home))  # not blocked by the dead one
    assert again.returncode == 0, again.stderr[-2000:]
    assert _partnerships(spec) == 2
    assert len(list(home.glob("store-*"))) == 1


def _hold_lock(home: Path):
    """A real second process holding the build lock of ``home``, as a running build does, until killed."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from nevkg.graph.lock import build_lock
        with build_lock(Path({str(home)!r})):
            print("held", flush=True)
            time.sleep(300)
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_concurrent_builds_with_wait_both_land_and_delete_nothing_of_each_other(records, tmp_path):
    import threading

    home = tmp_path / "kg"
    holder = _hold_lock(home)
    builds, errors = [], [[], []]
    try:
        for i in range(2):  # two real builds, both queued behind the holder
            proc = nevkg("build", "--wait", "--no-shipped", "--data", str(records), env=_env(home), background=True)
            threading.Thread(target=lambda p=proc, e=errors[i]: e.extend(p.stderr), daemon=True).start()
            builds.append(proc)
        for _ in range(1200):  # both say they wait, naming the running build
            if all(any("waiting for the build already running" in line for line in e) for e in errors):
                break
            assert all(b.poll() is None for b in builds), errors
            time.sleep(0.05)
        for e in errors:
            assert any(f"waiting for the build already running on {home} (pid {holder.pid}, started " in line
                       for line in e), e
    finally:
        holder.kill()
        holder.wait()
    # released: the two builds now run one after the other (the kernel picks the order)
    outs = [b.stdout.read() for b in builds]
    for b in builds:
        b.wait(timeout=180)
    assert [b.returncode for b in builds] == [0, 0], errors
    assert "Traceback" not in "".join(errors[0] + errors[1])
    assert all("built" in out for out in outs)
    # the last one swapped in; no folder of the other was deleted while being written, and none is left over
    assert [p.name for p in home.glob("store-*")] == [current_store_dir(home).name]
    assert _partnerships(f"oxigraph:{home}") == 2


def test_the_lock_in_one_process(tmp_path):
    with build_lock(tmp_path):
        with pytest.raises(BuildLockedError, match=f"pid {os.getpid()}, started "):
            build(f"oxigraph:{tmp_path}", [], shipped=True)
    with build_lock(tmp_path):  # released on leaving the block
        pass


# ---------------------------------------------------------------------------------------------- disk full
def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def test_disk_full_is_a_clear_error_and_keeps_the_graph(records, tmp_path):
    """A real full disk: a small tmpfs (needs permission to mount; otherwise the simulated ENOSPC test above
    covers the same code path)."""
    home = tmp_path / "small"
    if not _mount_tmpfs(home, "24m"):
        pytest.skip("cannot mount a tmpfs here (needs root); the ENOSPC path is also tested by simulation")
    try:
        spec = f"oxigraph:{home}"
        build(spec, [records], shipped=False).close()
        before = current_store_dir(home)
        free = os.statvfs(home).f_bavail * os.statvfs(home).f_frsize
        (home / "filler").write_bytes(b"\0" * max(free - (256 << 10), 0))
        proc = nevkg("build", "--no-shipped", "--data", str(records), env=_env(home))
        clean_failure(proc, "the disk is full", "the previous graph is unchanged")
        (home / "filler").unlink()
        assert current_store_dir(home) == before
        assert _partnerships(spec) == 2
    finally:
        subprocess.run(["umount", "-l", str(home)], capture_output=True)


def test_a_store_write_error_is_a_store_error(records, tmp_path, monkeypatch):
    import pyoxigraph

    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, [records], shipped=False).close()

    def full(self, quads):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pyoxigraph.Store, "bulk_extend", full)
    with pytest.raises(StoreError, match="the disk is full"):
        build(spec, [records], shipped=False)
    monkeypatch.undo()
    assert _partnerships(spec) == 2
    assert len(list((tmp_path / "kg").glob("store-*"))) == 1


# ---------------------------------------------------------------------------------------------- data paths, FROM
def test_builds_load_the_user_data_folder_after_the_shipped_records(home):
    from nevkg.graph.build import data_paths, user_data_dir
    from nevkg.loaders.curated import DEFAULT_DATA_DIR

    assert data_paths() == [DEFAULT_DATA_DIR]
    (home / "data").mkdir(parents=True)
    assert user_data_dir() == home / "data"
    assert data_paths(["extra.ttl"]) == [DEFAULT_DATA_DIR, home / "data", Path("extra.ttl")]
    assert data_paths([home / "data"]) == [DEFAULT_DATA_DIR, home / "data"]  # not twice
    assert data_paths(["x.ttl"], shipped=False) == [Path("x.ttl")]


def test_from_reads_only_the_named_graph_on_every_store(tmp_path):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    query = "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/nevkg/graph/ontology> WHERE { ?s ?p ?o }"
    named = ("SELECT (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/nevkg/graph/ontology> "
             "WHERE { GRAPH ?g { ?s ?p ?o } }")
    counts = {}
    for store in (spec, "memory"):
        kg = build(store, [FIXTURE_RECORDS], shipped=False)
        everything = int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0])
        counts[store] = [int(next(iter(kg.query(q)))[0]) for q in (query, named)]
        in_graph = sum(1 for _ in kg.quads((None, None, None, build_module.ONTOLOGY_GRAPH)))
        kg.close()
        assert counts[store] == [in_graph, in_graph] and in_graph < everything
    assert counts[spec] == counts["memory"]


@pytest.mark.parametrize("damage", ["truncated", "flipped", "not utf-8"])
def test_a_damaged_gzipped_table_is_a_clear_error_and_keeps_the_graph(records, tmp_path, damage):
    import gzip

    home = tmp_path / "kg"
    build(f"oxigraph:{home}", [records], shipped=False).close()
    before = current_store_dir(home)
    raw = (FIXTURE_RECORDS.parent / "stats" / "comtrade-small.csv").read_bytes()
    if damage == "not utf-8":
        raw = raw.replace(b"Germany", b"Germ\xe4ny")
    data = bytearray(gzip.compress(raw, mtime=0))
    if damage == "truncated":
        data = data[:len(data) // 2]
    elif damage == "flipped":
        data[len(data) // 2] ^= 0xFF
    table = tmp_path / "exports.csv.gz"
    table.write_bytes(bytes(data))
    proc = nevkg("build", "--no-shipped", "--data", str(records), "--data", str(table), env=_env(home))
    clean_failure(proc, str(table))
    assert current_store_dir(home) == before and _partnerships(f"oxigraph:{home}") == 2
    assert [p.name for p in home.glob("store-*")] == [before.name]


def test_the_entity_graph_from_memory_equals_the_one_read_back_from_the_store(records, tmp_path):
    """Without tables the build projects the quads it holds in memory; reading the new store gives the same file."""
    from nevkg.graph.entity_store import CORE_FILE, EDGES_FILE, ENTITY_FILE, save_entity_graph

    build(f"oxigraph:{tmp_path / 'kg'}", [records], shipped=False).close()
    store_dir = current_store_dir(tmp_path / "kg")
    names = (ENTITY_FILE, CORE_FILE, EDGES_FILE)
    written = [(store_dir / name).read_bytes() for name in names]
    assert min(len(w) for w in written) > 1000
    save_entity_graph(store_dir)  # opens the store and reads every quad back
    assert [(store_dir / name).read_bytes() for name in names] == written
