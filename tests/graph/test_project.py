"""The networkx projection: things as nodes, literals as attributes, object properties as sourced edges."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Literal

from nevkg.graph.project import FACT_LINKS, to_networkx
from nevkg.ontology.namespaces import NEV, NEVID, SOURCE

ID = str(NEVID)


def edges_between(G, u: str, v: str) -> list[dict]:
    return list(G.get_edge_data(ID + u, ID + v, default={}).values())


@pytest.fixture(scope="module")
def G(fixture_kg):
    return to_networkx(fixture_kg)


@pytest.fixture(scope="module")
def C(fixture_kg):
    return to_networkx(fixture_kg, collapse_facts=True)


def test_returns_a_multidigraph_keyed_by_iri(G, fixture_kg):
    assert isinstance(G, nx.MultiDiGraph)
    assert fixture_kg.to_networkx().number_of_nodes() == G.number_of_nodes()
    assert all(n.startswith("https://w3id.org/nevkg/id/") for n in G)


def test_entity_node_attributes(G):
    chery = G.nodes[ID + "chery"]
    assert chery["label"] == "Chery"
    assert chery["type"] == "Automaker"  # the most specific class, not nev:Organization
    assert chery["kind_group"] == "entity"
    assert chery["sources"] == "fixture-news-a"
    assert chery["altLabel"] == "奇瑞"
    spain = G.nodes[ID + "spain"]
    assert (spain["type"], spain["isoCode"]) == ("Country", "ES")
    assert G.nodes[ID + "vehicles"]["type"] == "Unit"  # a SKOS concept with a nev: class


def test_fact_node_attributes(G):
    jv = G.nodes[ID + "chery-ebro-jv"]
    assert (jv["type"], jv["kind_group"], jv["label"]) == ("Partnership", "fact", "Chery–Ebro joint venture")
    assert jv["partnershipKind"] == "joint venture"  # a vocabulary individual, as its label
    assert jv["startDate"] == "2024"  # as the source stated it (stored as the xsd:date 2024-01-01)
    obs = G.nodes[ID + "china-nev-exports-2026-01-02-a"]
    assert obs["type"] == "Observation"
    assert obs["value"] == 583000
    assert obs["unit"] == "vehicles"
    assert obs["measure"] == "export volume"
    assert (obs["periodStart"], obs["periodEnd"]) == ("2026-01", "2026-02")  # months, as stated
    assert G.nodes[ID + "china-nev-exports-2026-01-02-b"]["approximate"] is True
    role = G.nodes[ID + "yin-tongyue-chery-chairman"]
    assert (role["type"], role["title"]) == ("Role", "chairman")
    groups = {d["type"]: d["kind_group"] for _, d in G.nodes(data=True)}
    for fact in ("Role", "Partnership", "MarketPresence", "Investment", "Policy", "Deployment", "Statement",
                 "Observation", "ProductionSite", "Target"):
        assert groups[fact] == "fact", fact


def test_attributes_are_scalars_never_none(G, C):
    for graph in (G, C):
        for _, data in graph.nodes(data=True):
            assert {"label", "type", "kind_group", "sources"} <= set(data)
            assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data
        for *_, data in graph.edges(data=True):
            assert {"relation", "label", "sources"} <= set(data)
            assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data


def test_attribute_types_are_uniform_across_nodes(G):
    kinds: dict[str, set] = {}
    for _, data in G.nodes(data=True):
        for key, value in data.items():
            kinds.setdefault(key, set()).add(type(value))
    assert all(len(ts) == 1 for ts in kinds.values()), kinds


def test_no_literal_and_no_provenance_became_a_node(G, fixture_kg):
    literals = {str(o) for _, _, o, _ in fixture_kg.quads() if isinstance(o, Literal)}
    assert not literals & set(G.nodes)
    assert not [n for n in G if n.startswith(str(SOURCE))]  # source documents stay out
    assert not [n for n in G if n.startswith(str(NEV))]  # so do ontology terms
    assert not [n for n in G if "/graph/" in n or "/build-" in n]


def test_partnership_fact_links_both_partners(G):
    partner = edges_between(G, "chery-ebro-jv", "chery") + edges_between(G, "chery-ebro-jv", "ebro")
    assert len(partner) == 2
    for data in partner:
        assert data["relation"] == "partner"
        assert data["label"] == "partner"
        assert data["sources"] == "fixture-news-a"
        assert data["predicate"] == str(NEV.partner)


def test_edge_labels_come_from_the_ontology(G):
    (located,) = edges_between(G, "spain", "europe")
    assert (located["relation"], located["label"]) == ("locatedIn", "located in")
    relations = {d["relation"] for *_, d in G.edges(data=True)}
    assert "type" not in relations and "wasDerivedFrom" not in relations


def test_sources_name_every_graph_stating_the_triple(G):
    (located,) = edges_between(G, "united-arab-emirates", "middle-east")
    assert located["sources"] == "nevkg-curation"
    (operator,) = edges_between(G, "weride-middle-east-fleet", "weride")
    assert operator["sources"] == "fixture-news-b"


def test_collapse_links_partners_directly(C):
    assert not [n for n, d in C.nodes(data=True) if d["kind_group"] == "fact"]
    assert ID + "chery-ebro-jv" not in C
    (jv,) = [d for d in edges_between(C, "chery", "ebro") if d["relation"] == "partnership"]
    assert jv["label"] == "Chery–Ebro joint venture"
    assert jv["fact"] == ID + "chery-ebro-jv"
    assert jv["factType"] == "Partnership"
    assert jv["sources"] == "fixture-news-a"
    assert {d["relation"] for d in edges_between(C, "chery", "spain")} == {"partnershipMarket", "marketPresence"}
    (inv,) = [d for d in edges_between(C, "chery", "ebro") if d["relation"] == "investmentIn"]
    assert (inv["fact"], inv["factType"]) == (ID + "chery-ebro-investment", "Investment")


def test_collapse_turns_roles_and_other_facts_into_labelled_edges(C):
    relations = {d["relation"]: d for d in edges_between(C, "yin-tongyue", "chery")}
    assert relations["role"]["label"] == "chairman"
    assert relations["statement"]["label"] == "Yin urges partnerships abroad"
    assert [d["relation"] for d in edges_between(C, "weride", "abu-dhabi")] == ["deployment"]
    assert [d["relation"] for d in edges_between(C, "weride", "uber")] == ["deploymentPartner"]
    assert {d["relation"] for d in edges_between(C, "ebro", "spain")} == {
        "country", "partnershipMarket", "productionSite"}
    assert [d["relation"] for d in edges_between(C, "china", "chery")] == ["policy"]
    assert [d["relation"] for d in edges_between(C, "china", "caam")] == ["observationCompiledBy"]
    assert not [(u, v) for u, v in C.edges() if u == v]  # policy issuer == jurisdiction: no self-loop
    # plain edges between things survive
    assert [d["relation"] for d in edges_between(C, "spain", "europe")] == ["locatedIn"]


def test_every_fact_class_has_collapse_rules():
    assert set(FACT_LINKS) == {"Role", "Partnership", "MarketPresence", "Investment", "Policy", "Deployment",
                               "Statement", "Observation", "ProductionSite", "Target", "Plan"}


def test_include_sources_keeps_source_documents(fixture_kg):
    S = to_networkx(fixture_kg, include_sources=True)
    src = str(SOURCE) + "fixture-news-a"
    assert S.nodes[src]["kind_group"] == "source"
    assert S.nodes[src]["title"] == "Fixture article A"
    assert S.nodes[src]["sources"] == "fixture-news-a"
    assert [d["relation"] for d in S.get_edge_data(ID + "chery", src).values()] == ["wasDerivedFrom"]


def test_projection_of_an_oxigraph_store_matches_memory(fixture_kg, tmp_path):
    from nevkg.graph.build import build

    with build("oxigraph:" + str(tmp_path), [fixture_kg.manifest["inputs"][0]], shipped=False) as kg:
        ox_graph = to_networkx(kg)
    G = to_networkx(fixture_kg)
    # same nodes, edges and attributes, in the same order: exports do not depend on the store
    assert list(ox_graph.nodes(data=True)) == list(G.nodes(data=True))
    assert list(ox_graph.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
