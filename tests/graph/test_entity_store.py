"""The entity graph is computed once per build, kept in the store folder, and read back instead of recomputed."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from nevkg.graph.build import build
from nevkg.graph.entity import collapse, entity_graph
from nevkg.graph.entity_store import ENTITY_FILE, load_entity_graph
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.project import to_networkx
from nevkg.graph.store import current_store_dir


def _same(G, H) -> None:
    assert set(G.nodes) == set(H.nodes)
    assert sorted(G.edges(keys=True)) == sorted(H.edges(keys=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        assert H.edges[u, v, k] == d
    for n, d in G.nodes(data=True):
        assert H.nodes[n] == d
    assert G.graph["facts"].keys() == H.graph["facts"].keys()
    for iri, f in G.graph["facts"].items():
        assert dict(H.graph["facts"][iri]["roles"]) == dict(f["roles"])
        assert H.graph["facts"][iri]["attrs"] == f["attrs"]


@pytest.fixture
def built(records, tmp_path):
    spec = f"oxigraph:{tmp_path / 'home'}"
    build(spec, [records], shipped=False).close()
    return spec


def test_a_build_stores_the_entity_graph_of_its_own_store(built):
    with open_graph(built) as kg:
        folder = current_store_dir(kg.spec.path)
        data = json.loads((folder / ENTITY_FILE).read_text(encoding="utf-8"))
        assert data["built"] == kg.manifest["built"]
        stored = load_entity_graph(kg)
        assert isinstance(stored, nx.MultiDiGraph)
        _same(collapse(to_networkx(kg)), stored)


def test_open_graphs_read_the_stored_copy_instead_of_projecting(built, monkeypatch):
    import nevkg.graph.project as project

    def refuse(*args, **kwargs):
        raise AssertionError("projected again although the build stored the entity graph")

    with open_graph(built) as kg:
        monkeypatch.setattr(project, "to_networkx", refuse)
        G = entity_graph(kg)
        assert entity_graph(kg) is G  # kept on the open graph too
        assert G.number_of_nodes() > 0


def test_a_stale_or_damaged_file_is_never_used(built):
    with open_graph(built) as kg:
        path = current_store_dir(kg.spec.path) / ENTITY_FILE
        data = json.loads(path.read_text(encoding="utf-8"))
        data["built"] = "1999-01-01T00:00:00+00:00"
        data["nodes"] = []
        path.write_text(json.dumps(data), encoding="utf-8")
        assert load_entity_graph(kg) is None
        assert entity_graph(kg).number_of_nodes() > 0  # computed afresh: slower, never wrong
        path.write_text("{not json", encoding="utf-8")
        assert load_entity_graph(kg) is None


def test_memory_stores_have_no_file_but_keep_their_graph(fixture_kg):
    assert load_entity_graph(fixture_kg) is None
    assert entity_graph(fixture_kg) is entity_graph(fixture_kg)


def test_statistics_table_rows_stay_out_of_the_entity_graph(records, tmp_path, fixture_kg):
    # one node per customs row would make the projection as large as the table (and the build's memory with it)
    from nevkg.loaders.synthetic import generate_comtrade

    table = tmp_path / "comtrade.csv"
    generate_comtrade(200, table, seed=1)
    spec = f"oxigraph:{tmp_path / 'home'}"
    build(spec, [records, table], shipped=False).close()
    with open_graph(spec) as kg:
        assert kg.manifest["table_graphs"]
        stored = load_entity_graph(kg)
        curated = entity_graph(fixture_kg)
        assert set(stored.graph["facts"]) == set(curated.graph["facts"])
        assert stored.number_of_edges() == curated.number_of_edges()
