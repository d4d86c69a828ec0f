"""Self-description responses: a client learns classes, properties and examples from the endpoint alone."""

from __future__ import annotations

import json

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from nevkg.graph.void import DATASET, SD, VOID, void_counts
from nevkg.publish.endpoint import negotiate, respond, service_description
from tests.conftest import require_module

ENDPOINT = "http://127.0.0.1:7878/sparql"


def test_service_description_lists_classes_properties_and_graphs(fixture_kg):
    ctype, body = service_description(fixture_kg, ENDPOINT)
    assert ctype.startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    service = URIRef(ENDPOINT)
    assert (service, RDF.type, SD.Service) in g and (service, SD.endpoint, service) in g
    assert (service, SD.defaultDataset, DATASET) in g
    counts = void_counts(fixture_kg)
    classes = {str(r.c): int(r.n) for r in g.query(
        "SELECT ?c ?n WHERE { ?s sd:defaultDataset ?d . ?d void:classPartition [ void:class ?c ; void:entities ?n ] }",
        initNs={"sd": SD, "void": VOID})}
    assert classes == counts["classes"]
    props = {str(r.p) for r in g.query("SELECT ?p WHERE { ?d void:propertyPartition [ void:property ?p ] }",
                                       initNs={"void": VOID})}
    assert props == set(counts["property_triples"])
    assert set(g.objects(DATASET, SD.namedGraph)) == set(fixture_kg.graph_names())


def test_well_known_paths(fixture_kg):
    ctype, body = respond("/.well-known/void", fixture_kg, ENDPOINT)
    assert (DATASET, VOID.sparqlEndpoint, URIRef(ENDPOINT)) in Graph().parse(data=body, format="turtle")
    ctype, body = respond("/.well-known/sparql-examples", fixture_kg, ENDPOINT, "application/ld+json")
    assert ctype.startswith("application/ld+json")
    g = Graph().parse(data=body, format="json-ld")
    assert len(set(g.subjects(RDF.type, SH.SPARQLExecutable))) > 20
    assert respond("/examples/", fixture_kg, ENDPOINT)[1] == respond("/examples", fixture_kg, ENDPOINT)[1]
    assert respond("/sparql/other", fixture_kg, ENDPOINT) is None
    json.loads(body)  # JSON-LD is JSON


def test_ontology_page_is_served():
    require_module("pylode")
    ctype, body = respond("/ontology", None, ENDPOINT)
    assert ctype == "text/html; charset=utf-8" and b"<title>nevkg ontology</title>" in body


def test_negotiation_prefers_the_highest_quality():
    assert negotiate("text/turtle;q=0.4, application/n-triples;q=0.9") == "application/n-triples"
    assert negotiate("application/ld+json;q=0") == "text/turtle"
