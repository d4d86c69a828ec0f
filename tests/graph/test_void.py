"""The VoID description: counts checked against the graph itself, and written beside the store at build time."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF

from nevkg.graph.build import build
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.store import current_store_dir
from nevkg.graph.void import DATASET, VOID, VOID_FILE, read_void, void_counts, void_graph

CLASS_PARTITIONS = """SELECT ?class ?n WHERE { ?d void:classPartition ?part . ?part void:class ?class ; void:entities ?n }"""
PROPERTY_PARTITIONS = """SELECT ?p ?n WHERE { ?d void:propertyPartition ?part . ?part void:property ?p ; void:triples ?n }"""


def _partitions(g: Graph, query: str) -> dict[str, int]:
    return {str(r[0]): int(r[1]) for r in g.query(query, initNs={"void": VOID})}


def test_counts_agree_with_the_union_graph(fixture_kg):
    union = fixture_kg.union_graph()
    g = void_graph(fixture_kg)
    assert int(g.value(DATASET, VOID.triples)) == len(union)
    classes = Counter(o for s, o in set(union.subject_objects(RDF.type)) if isinstance(o, URIRef))
    assert _partitions(g, CLASS_PARTITIONS) == {str(c): n for c, n in classes.items()}
    properties = Counter(p for _, p, _ in union)
    assert _partitions(g, PROPERTY_PARTITIONS) == {str(p): n for p, n in properties.items()}
    typed = {s for s in union.subjects(RDF.type) if isinstance(s, URIRef)}
    assert int(g.value(DATASET, VOID.entities)) == len(typed)
    assert int(g.value(DATASET, VOID.properties)) == len(properties)


def test_one_subset_per_named_graph_with_its_source(fixture_kg):
    g = void_graph(fixture_kg)
    subsets = set(g.objects(DATASET, VOID.subset))
    assert subsets == set(fixture_kg.graph_names())
    per_graph = Counter(q[3] for q in set(fixture_kg.quads()) if q[3] != DATASET_DEFAULT_GRAPH_ID)
    for sub in subsets:
        assert int(g.value(sub, VOID.triples)) == per_graph[sub], sub
    news_a = URIRef("https://w3id.org/nevkg/graph/fixture-news-a")
    assert str(g.value(news_a, URIRef("http://purl.org/dc/terms/source"))).endswith("/source/fixture-news-a")
    assert str(g.value(news_a, URIRef("http://purl.org/dc/terms/issued"))) == "2026-03-10"


def test_build_writes_the_description_beside_the_store(home, tmp_path):
    from tests.conftest import FIXTURE_RECORDS

    kg = build(None, [FIXTURE_RECORDS], shipped=False)
    kg.close()
    path = current_store_dir(home) / VOID_FILE
    assert path.is_file()
    written = Graph().parse(path)
    with open_graph() as kg:
        counted = void_counts(kg)
        assert int(written.value(DATASET, VOID.triples)) == counted["triples"]
        assert _partitions(written, CLASS_PARTITIONS) == counted["classes"]
        assert set(read_void(kg, endpoint="http://x/sparql")) >= set(written)  # read back, not recounted
    memory = build("memory", [FIXTURE_RECORDS], shipped=False)
    assert int(read_void(memory).value(DATASET, VOID.triples)) == counted["triples"]  # the same on every store
