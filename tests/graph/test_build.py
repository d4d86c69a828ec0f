"""Build: atomic swap into the oxigraph store; a failed or killed build leaves the previous graph usable."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nevkg.errors import LoaderError, StoreError, ValidationError
from nevkg.graph import build as build_module
from nevkg.graph.build import build, is_current
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.store import current_store_dir

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
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(build_module, "swap_in", boom)
    with pytest.raises(OSError):
        build(spec, [records], shipped=False)
    assert _partnerships(spec) == 2


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
