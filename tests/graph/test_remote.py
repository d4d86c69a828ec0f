"""External SPARQL servers as the store: Oxigraph server and Virtuoso, started on 127.0.0.1 by the tests.

The shipped graph is built into each; every named query must return the rows it returns on the embedded store.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading

import pytest
from rdflib import URIRef

from nevkg.errors import QueryError, StoreError
from nevkg.graph import remote
from nevkg.graph.build import build
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.remote import SparqlClient, bind_values
from nevkg.graph.store import parse_store_spec
from nevkg.queries.library import ask, list_queries

from ..conftest import FIXTURE_RECORDS, require_or_skip
from ..servers import oxigraph_binary, start_oxigraph, start_virtuoso

SERVERS = {"oxigraph": (start_oxigraph, oxigraph_binary), "virtuoso": (start_virtuoso, lambda: shutil.which("virtuoso-t"))}


@pytest.fixture(scope="module", params=sorted(SERVERS))
def server(request, tmp_path_factory):
    start, binary = SERVERS[request.param]
    require_or_skip(binary() is not None, f"the {request.param} server is not installed")
    srv = start(tmp_path_factory.mktemp(request.param))
    saved = {k: os.environ.get(k) for k in srv.env}
    os.environ.update(srv.env)
    yield srv
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    srv.stop()


@pytest.fixture(scope="module")
def remote_kg(server):
    return build(server.spec)


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    kg = build(f"oxigraph:{tmp_path_factory.mktemp('embedded')}")
    yield kg
    kg.close()


def _rows(result):
    if result.type == "ASK":
        return [bool(result.askAnswer)]
    if result.type != "SELECT":
        return sorted(tuple(t.n3() for t in triple) for triple in result.graph)
    return sorted(tuple("" if row.get(v) is None else row.get(v).n3() for v in result.vars) for row in result.bindings)


def _examples(query) -> dict[str, str]:
    return {p.name: p.example for p in query.params if p.example}


def test_build_and_reopen(server, remote_kg):
    assert remote_kg.graph_names()[0].startswith("https://w3id.org/nevkg/graph/")
    again = open_graph(server.spec)
    from nevkg.loaders.curated import DEFAULT_DATA_DIR

    sources = (DEFAULT_DATA_DIR / "sources.yaml").read_text(encoding="utf-8").count("\n- id: ") + 1
    assert len(again.graph_names()) == sources + 1  # one graph per source, and the ontology
    assert again.origin("https://w3id.org/nevkg/id/chery-ebro-jv").endswith("partnerships.yaml:1#chery-ebro-jv") or \
        "partnerships.yaml" in again.origin("https://w3id.org/nevkg/id/chery-ebro-jv")


def _variants() -> list:
    """Each named query with its header's examples and, when it has optional parameters, without them."""
    out = []
    for query in list_queries():
        examples = _examples(query)
        required = {p.name: examples[p.name] for p in query.params if p.required and p.name in examples}
        out.append(pytest.param(query, examples, id=query.name))
        if required != examples:
            out.append(pytest.param(query, required, id=f"{query.name}-without-optional"))
    return out


@pytest.mark.parametrize("query,params", _variants())
def test_named_query_same_rows_as_embedded(server, remote_kg, embedded, query, params):
    """Every named query, on Oxigraph server and on Virtuoso, returns exactly the embedded store's rows.

    The library is written in forms every engine evaluates alike (docs/sparql-servers.md lists the Virtuoso
    7.2 constructs it avoids); the remote client binds parameters in the query text.
    """
    if any(p.required and p.name not in params for p in query.params):
        pytest.fail(f"{query.name}: a required parameter has no example in the header")
    assert _rows(ask(remote_kg, query.name, **params)) == _rows(ask(embedded, query.name, **params))


def test_a_triple_stated_by_several_sources_counts_once(remote_kg, embedded):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a nev:Country }"
    assert int(next(iter(remote_kg.query(q))).n) == int(next(iter(embedded.query(q))).n) == 30
    assert not any("nevkg-union" in str(g) for g in remote_kg.graph_names())
    listed = {str(r.g) for r in remote_kg.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert not any("nevkg-union" in g for g in listed)


def test_quads_are_complete_despite_result_caps(remote_kg, embedded, monkeypatch):
    monkeypatch.setattr(remote, "PAGE", 250)  # many pages: the server's row cap is never what ends a page
    assert sorted(q for q in remote_kg.quads() if "build-" not in str(q[0]) + str(q[2])) == \
        sorted(q for q in embedded.quads() if "build-" not in str(q[0]) + str(q[2]))


def test_analytics_and_export_run_remotely(remote_kg):
    from nevkg.queries.analytics import entity_graph, path

    G = entity_graph(remote_kg)
    [hops] = path(G, "https://w3id.org/nevkg/id/ningbo-customs", "https://w3id.org/nevkg/id/kyrgyzstan")
    assert hops[-1]["to"] == "Kyrgyzstan"


def test_failed_upload_leaves_previous_build(server, remote_kg, records, monkeypatch):
    before = sorted(_rows(ask(remote_kg, "partnerships-of", org="Chery")))
    calls = {"n": 0}
    real = SparqlClient.update

    def flaky(self, text):
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError("connection reset (simulated)")
        return real(self, text)

    monkeypatch.setattr(SparqlClient, "update", flaky)
    with pytest.raises(StoreError, match="simulated"):
        build(server.spec, [records], shipped=False)
    monkeypatch.setattr(SparqlClient, "update", real)
    again = open_graph(server.spec)
    assert sorted(_rows(ask(again, "partnerships-of", org="Chery"))) == before
    staging = again.client.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '#staging-')) }")
    assert list(staging) == []


def test_a_cut_result_is_an_error_not_an_answer(server, remote_kg):
    cross = "SELECT ?a ?b WHERE { ?a rdfs:label ?x . ?b a nev:Country }"
    if server.name == "virtuoso":  # ResultSetMaxRows = 10000 in the tests' configuration
        with pytest.raises(QueryError, match=r"returned 10,000 of the query's [\d,]+ rows \(its result cap\)"):
            remote_kg.query(cross)
    else:
        assert len(remote_kg.query(cross).bindings) > 10_000  # Oxigraph server has no cap
    # exactly the cap because the query asks for that many: not an error
    assert len(remote_kg.query(cross + " ORDER BY ?a ?b LIMIT 10000").bindings) == 10_000


def test_cli_query_warns_about_non_portable_forms(server, remote_kg):
    from click.testing import CliRunner

    from nevkg.cli import main

    q = "SELECT DISTINCT ?x WHERE { ?x nev:locatedIn* nevid:middle-east } ORDER BY ?x"
    result = CliRunner().invoke(main, ["query", "--store", server.spec, q, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "warning: some SPARQL servers evaluate this query wrongly — zero-or-more path" in result.stderr
    assert "https://w3id.org/nevkg/id/dubai" in result.stdout
    portable = "SELECT DISTINCT ?x WHERE { ?x nev:locatedIn+ nevid:middle-east } ORDER BY ?x"
    assert "warning" not in CliRunner().invoke(main, ["query", "--store", server.spec, portable]).stderr


def test_bindings_are_terms_not_text():
    with pytest.raises(QueryError, match="not a valid IRI"):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": URIRef('https://x/> } DROP ALL ; <y')})
    text = bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": __import__("rdflib").Literal('x" } DROP ALL #')})
    assert 'VALUES (?o) { ("x\\" } DROP ALL #") }' in text


def test_sub_queries_project_bound_values_once():
    text = bind_values(
        "SELECT ?r ?n WHERE { { SELECT ?r (SUM(?v) AS ?n) WHERE { SELECT DISTINCT ?r ?v WHERE { ?x nev:from ?r ; "
        "nev:value ?v } } GROUP BY ?r } OPTIONAL { SELECT ?r ?l WHERE { ?r rdfs:label ?l } } }",
        {"r": URIRef("http://x/china")})
    # the innermost sub-query that projects ?r projects the value; the one around it keeps ?r (already in scope)
    assert "SELECT ?r (SUM(?v) AS ?n)" in text
    assert "SELECT DISTINCT (<http://x/china> AS ?r) ?v WHERE { ?x nev:from <http://x/china>" in text
    assert "SELECT (<http://x/china> AS ?r) ?l WHERE { <http://x/china> rdfs:label ?l }" in text
    assert "GROUP BY ?r" in text


def test_every_named_query_with_bound_parameters_parses(embedded):
    """What the remote client sends must be valid SPARQL for every named query (checked with rdflib and oxigraph)."""
    import pyoxigraph
    from rdflib.plugins.sparql import prepareQuery

    from nevkg.ontology.namespaces import PREFIX_IRIS
    from nevkg.queries.library import bind_params

    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIX_IRIS.items())
    for query in list_queries():
        text = prologue + bind_values(query.text, bind_params(embedded, query, _examples(query)))
        prepareQuery(text)
        pyoxigraph.Store().query(text)


def test_every_request_has_a_timeout():
    # a server that accepts connections and never answers
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    held = []
    thread = threading.Thread(target=lambda: held.append(listener.accept()), daemon=True)
    thread.start()
    client = SparqlClient(f"http://127.0.0.1:{port}/query", timeout=1)
    with pytest.raises(StoreError, match="cannot reach"):
        client.query("ASK {}")
    listener.close()


def test_credentials_come_from_the_environment(server):
    if server.name != "virtuoso":
        pytest.skip("only Virtuoso's update endpoint asks for credentials here")
    spec = parse_store_spec(server.spec)
    saved = os.environ.pop("NEVKG_SPARQL_PASSWORD")
    try:
        with pytest.raises(QueryError, match="401"):
            SparqlClient(spec.query_url, spec.update_url).update("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }")
    finally:
        os.environ["NEVKG_SPARQL_PASSWORD"] = saved


def test_fixture_records_build_too(server, records):
    kg = build(server.spec, [FIXTURE_RECORDS], shipped=False)
    assert _rows(ask(kg, "partnerships-of", org="Chery"))[0][5] == '"Ebro"'
    build(server.spec)  # leave the shipped graph for the other tests of this module


def test_nothing_built_says_so(server):
    spec = parse_store_spec(server.spec)
    SparqlClient(spec.query_url, spec.update_url).update(f"DROP SILENT GRAPH <{remote.META_GRAPH}>")
    with pytest.raises(StoreError, match="no nevkg graph has been built"):
        open_graph(spec)
    build(server.spec)
