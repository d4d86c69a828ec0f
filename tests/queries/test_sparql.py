"""Arbitrary SPARQL: syntax errors with line and column, read-only, hard timeouts, result formats."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
from rdflib import Graph, URIRef

from nevkg.errors import QueryError, QueryTimeout
from nevkg.graph.build import build
from nevkg.queries.results import format_result
from nevkg.queries.sparql import query_type, run_query

from ..conftest import FIXTURE_RECORDS

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    ox = build(f"oxigraph:{tmp_path_factory.mktemp('ox')}", [FIXTURE_RECORDS], shipped=False)
    yield {"memory": build("memory", [FIXTURE_RECORDS], shipped=False), "oxigraph": ox}
    ox.close()


@pytest.mark.parametrize("text,where", [
    ("SELECT ?s WHERE {\n  ?s ?p \n", "line 2, column 3"),
    ("SELECT ?s WHERE { ?s ?p ?o } LIMT 3", "line 1, column 30: Expected end of text, found .LIMT."),
])
def test_syntax_error_names_line_and_column(text, where):
    with pytest.raises(QueryError, match=where):
        query_type(text)


@pytest.mark.parametrize("update", ["DELETE WHERE { ?s ?p ?o }", "INSERT DATA { <a:b> <a:b> <a:b> }",
                                    "CLEAR ALL", "LOAD <http://example.org/x>"])
def test_updates_are_refused(update):
    with pytest.raises(QueryError, match="read-only"):
        query_type(update)


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_timeout_stops_a_runaway_query(stores, store):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 1 s"):
        run_query(stores[store], RUNAWAY, timeout=1)
    assert time.monotonic() - started < 10
    # the store is still usable afterwards
    assert bool(run_query(stores[store], "ASK { nevid:chery a nev:Automaker }", timeout=10).askAnswer)


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_results_with_and_without_worker_agree(stores, store):
    q = "SELECT DISTINCT ?p ?l WHERE { nevid:chery-ebro-jv nev:partner ?p . ?p rdfs:label ?l } ORDER BY ?l"
    direct = [tuple(r) for r in run_query(stores[store], q)]
    worker = [tuple(r) for r in run_query(stores[store], q, timeout=30)]
    assert direct == worker == [(URIRef("https://w3id.org/nevkg/id/chery"), direct[0][1]),
                                (URIRef("https://w3id.org/nevkg/id/ebro"), direct[1][1])]
    assert [str(r[1]) for r in direct] == ["Chery", "Ebro"]


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_service_is_refused_before_running(stores, store):
    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(stores[store], "SELECT ?x WHERE { SERVICE <http://127.0.0.1:9/> { ?x ?y ?z } }")


def test_from_never_fetches(stores):
    # rdflib would load <http://127.0.0.1:9/> for FROM; graph loading is off, so the dataset is just empty
    result = run_query(stores["memory"], "SELECT * FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }")
    assert list(result) == []


def test_json_is_sparql_results_json(fixture_kg):
    out = json.loads(format_result(fixture_kg.query(
        "SELECT ?c ?n WHERE { nevid:chery nev:country ?c . ?c rdfs:label ?n }"), "json"))
    assert out["head"]["vars"] == ["c", "n"]
    [row] = out["results"]["bindings"]
    assert row["c"] == {"type": "uri", "value": "https://w3id.org/nevkg/id/china"}
    assert row["n"] == {"type": "literal", "value": "China"}


def test_csv_and_tsv(fixture_kg):
    result = fixture_kg.query("SELECT ?v WHERE { nevid:china-nev-exports-2026-01-02-a nev:value ?v }")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [["v"], ["583000"]]
    tsv = format_result(result, "tsv").splitlines()
    assert tsv == ["?v", '"583000"^^<http://www.w3.org/2001/XMLSchema#integer>']


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_construct_formats_parse_back(fixture_kg, fmt, parser):
    result = fixture_kg.query("CONSTRUCT { ?s nev:partner ?o } WHERE { ?s nev:partner ?o }")
    text = format_result(result, fmt)
    g = Graph().parse(data=text, format=parser)
    assert len(g) == 5  # two partnerships of two partners, and a deployment with a partner
    if fmt == "jsonld":
        assert '"@context": "http' not in text


def test_select_in_graph_format_is_refused(fixture_kg):
    with pytest.raises(QueryError, match="table, json, csv, tsv"):
        format_result(fixture_kg.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), "ttl")
