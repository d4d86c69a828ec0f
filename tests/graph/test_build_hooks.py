"""Build hooks: every registered hook runs on the new folder before the swap; a failing one leaves the previous graph."""

from __future__ import annotations

import pytest

from nevkg.graph import build_hooks
from nevkg.graph.build import build
from nevkg.graph.entity_store import ENTITY_FILE
from nevkg.graph.store import current_store_dir
from nevkg.graph.void import VOID_FILE

from .test_build import COUNT, _add_partnership, _partnerships


def test_every_hook_sees_the_new_folder_open_before_the_swap(records, tmp_path, monkeypatch):
    seen = []

    def probe(new: build_hooks.NewStore) -> None:
        seen.append((new.folder, new.manifest["quads"], _count(new.kg), new.written is not None,
                     (new.folder / VOID_FILE).is_file()))

    monkeypatch.setitem(build_hooks.HOOKS, "probe", probe)
    home = tmp_path / "kg"
    with build(f"oxigraph:{home}", [records], shipped=False) as kg:
        quads = kg.build_info.quads
    folder = current_store_dir(home)
    # the hook ran on the folder that was then swapped in, after the VoID hook, with the quads still in memory
    assert seen == [(folder, quads, 2, True, True)]
    assert (folder / ENTITY_FILE).is_file()


def _count(kg) -> int:
    return int(next(iter(kg.query(COUNT)))[0])


def test_a_failing_hook_deletes_the_new_folder_and_keeps_the_previous_graph(records, tmp_path, monkeypatch):
    home = tmp_path / "kg"
    spec = f"oxigraph:{home}"
    build(spec, [records], shipped=False).close()
    before = current_store_dir(home)
    _add_partnership(records)

    def broken(new: build_hooks.NewStore) -> None:
        raise RuntimeError("hook failed")

    monkeypatch.setitem(build_hooks.HOOKS, "broken", broken)
    with pytest.raises(RuntimeError, match="hook failed"):
        build(spec, [records], shipped=False)
    assert current_store_dir(home) == before
    assert list(home.glob("store-*")) == [before]  # the new folder was removed
    assert _partnerships(spec) == 2
