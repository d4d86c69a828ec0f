"""The entity graph's core: the same graph as the full entity graph for the algorithms, stored and read back."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import networkx as nx
import pytest

from nevkg.graph.build import build
from nevkg.graph.entity import entity_core, entity_graph
from nevkg.graph.entity_core import EntityCore, ontology_kinds
from nevkg.graph.entity_store import CORE_FILE, EDGES_FILE, read_entity_core, stored_core
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.store import current_store_dir


def _loop_simple(G, nodes) -> nx.Graph:
    """The simple view as the analytics built it before the core: one networkx lookup per multi-edge."""
    U = nx.Graph()
    U.add_nodes_from(nodes)
    for u, v in G.edges():
        if u in U and v in U and u != v:
            if U.has_edge(u, v):
                U[u][v]["weight"] += 1
            else:
                U.add_edge(u, v, weight=1)
    return U


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("core") / "home"
    build(f"oxigraph:{home}", ["tests/resources/records"], shipped=False).close()
    return f"oxigraph:{home}"


def test_the_simple_view_is_the_same_graph_in_the_same_order(fixture_kg):
    G = entity_graph(fixture_kg)
    C = EntityCore.from_graph(G)
    nodes = [n for n, d in G.nodes(data=True) if d.get("type") != "Measure"]
    expected, got = _loop_simple(G, nodes), C.simple(nodes)
    assert list(got.nodes) == list(expected.nodes)
    assert list(got.edges(data=True)) == list(expected.edges(data=True))  # order too: Louvain's seed sees it
    assert {d["weight"] for _, _, d in got.edges(data=True)} > {1}  # parallel ties are counted


def test_the_stored_core_is_the_core_of_the_stored_graph(built):
    with open_graph(built) as kg:
        G = entity_graph(kg)
        stored = stored_core(built)
        assert stored is not None and stored.lease.store_dir == current_store_dir(kg.spec.path)
        mine = EntityCore.from_graph(G)
        assert stored.ids == mine.ids and stored.labels == mine.labels and stored.types == mine.types
        assert list(stored.edges(data=True)) == list(mine.edges(data=True))
        assert stored.kinds == ontology_kinds()
        for u, v in set(G.edges()):
            assert stored.get_edge_data(u, v) == {k: d for k, d in G.get_edge_data(u, v).items()}
        assert entity_core(kg).ids == stored.ids
        stored.lease.release()


def test_nodes_and_edges_answer_as_networkx(fixture_kg):
    G = entity_graph(fixture_kg)
    C = entity_core(fixture_kg)
    assert entity_core(fixture_kg) is C and entity_core(C) is C
    assert len(C) == len(G) and C.number_of_edges() == G.number_of_edges()
    china = "https://w3id.org/nevkg/id/china"
    assert C.nodes[china] == {k: G.nodes[china][k] for k in ("label", "type", "isoCode")}
    uae = "https://w3id.org/nevkg/id/united-arab-emirates"
    assert C.nodes[uae]["altLabel"] == "UAE"
    assert [(u, v, d["relation"]) for u, v, d in C.edges(data=True)] == \
        [(u, v, d["relation"]) for u, v, d in G.edges(data=True)]
    assert C.get_edge_data(china, "urn:nothing") is None


def test_a_stale_or_damaged_core_is_never_read(built, tmp_path):
    with open_graph(built) as kg:
        folder, stamp = current_store_dir(kg.spec.path), kg.manifest["built"]
    assert read_entity_core(folder, stamp) is not None
    assert read_entity_core(folder, "1999-01-01T00:00:00+00:00") is None  # another build's
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in (CORE_FILE, EDGES_FILE):
        (copy / name).write_bytes((folder / name).read_bytes())
    assert read_entity_core(copy, stamp) is not None
    (copy / EDGES_FILE).write_bytes((folder / EDGES_FILE).read_bytes()[:-10])  # truncated edges
    assert read_entity_core(copy, stamp) is None
    data = json.loads((folder / CORE_FILE).read_text(encoding="utf-8"))
    data["code"] = "another version"
    (copy / EDGES_FILE).write_bytes((folder / EDGES_FILE).read_bytes())
    (copy / CORE_FILE).write_text(json.dumps(data), encoding="utf-8")
    assert read_entity_core(copy, stamp) is None


def test_no_core_for_stores_without_one(tmp_path):
    assert stored_core("memory") is None
    assert stored_core(f"oxigraph:{tmp_path / 'never-built'}") is None


def test_the_kinds_are_the_ontology_subclass_closure():
    from nevkg.graph.validate import ontology_graph
    from nevkg.ontology.namespaces import NEV, RDFS

    g, kinds = ontology_graph(), ontology_kinds()
    for name in ("Organization", "Place", "Fact", "Publisher", "Company"):
        found = {str(c)[len(str(NEV)):] for c in g.transitive_subjects(RDFS.subClassOf, NEV[name])}
        assert kinds[name] == frozenset(found)


def test_reading_the_core_imports_neither_rdflib_nor_pyoxigraph(built):
    code = textwrap.dedent("""
        import sys
        from nevkg.graph.entity_store import stored_core
        from nevkg.queries.analytics import communities, find_node, path, rank
        C = stored_core(sys.argv[1])
        assert rank(C, top=1) and communities(C)
        assert path(C, find_node(C, "Yin Tongyue"), find_node(C, "Spain"))
        print(sorted({m.split(".")[0] for m in sys.modules} & {"rdflib", "pyoxigraph", "pyshacl"}))
    """)
    out = subprocess.run([sys.executable, "-c", code, built], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
