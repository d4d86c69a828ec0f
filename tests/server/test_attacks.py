"""Hostile requests (SERVICE, LOAD, floods) and real clients (SPARQLWrapper, rdflib's SPARQLStore)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.conftest import require_or_skip

from .support import ask, child_processes, direct, fd_count, form, qs, thread_count


# -- attacks ------------------------------------------------------------------------------------------------
@pytest.fixture
def listener():
    """A loopback TCP port that records every connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.1)
    hits: list = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            hits.append(conn.recv(1024))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    sock.close()


def test_service_is_refused_and_never_called(server, listener):
    port, hits = listener
    url = f"http://127.0.0.1:{port}/sparql"
    for text in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                 f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
                 f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
                 f"ASK {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
                 f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
                 f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}"):
        status, _, body = server.request("POST", "/sparql", **form(query=text))
        assert status == 400 and b"SERVICE is refused" in body, (text, status, body)
    # FROM / FROM NAMED / the protocol's graphs read the store only: nothing is fetched
    for target, text in (("/sparql", f"ASK FROM <{url}> {{ ?s ?p ?o }}"),
                         ("/sparql", f"ASK FROM NAMED <{url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"),
                         ("/sparql" + qs(**{"default-graph-uri": url}), "ASK { ?s ?p ?o }")):
        assert not ask(server, text, target)
    time.sleep(0.3)
    assert hits == []


def test_load_is_refused(server, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:p> <urn:o> .\n")
    load = f"LOAD <{secret.as_uri()}>"
    assert server.request("GET", "/sparql" + qs(update=load))[0] == 403
    assert server.request("POST", "/sparql", **form(update=load))[0] == 403
    assert server.request("POST", "/sparql", **direct(load, media="application/sparql-update"))[0] == 403
    status, _, body = server.request("POST", "/sparql", **form(query=load))
    assert status == 400 and b"SPARQL update" in body
    status, _, body = server.request("POST", "/sparql", **direct(load))
    assert status == 400
    assert not ask(server, "ASK { <urn:secret> ?p ?o }", "/sparql")
    assert not ask(server, f"ASK FROM <{secret.as_uri()}> {{ <urn:secret> ?p ?o }}", "/sparql")


def test_thread_and_process_counts_stay_flat(oxigraph_server):
    s = oxigraph_server
    texts = ["ASK { nevid:chery nev:country nevid:china }", "SELECT ?c WHERE { nevid:chery nev:country ?c }",
             "CONSTRUCT WHERE { nevid:chery ?p ?o }"]

    def one(i: int) -> int:
        if i % 4 == 3:
            return s.request("GET", "/queries/partnerships-of?org=Chery")[0]
        return s.request("POST", "/sparql", **form(query=texts[i % 3]))[0]

    for i in range(20):  # warm up
        assert one(i) == 200
    threads, children, fds = thread_count(s.pid), child_processes(s.pid), fd_count(s.pid)
    statuses = [one(i) for i in range(1000)]
    assert statuses.count(200) == 1000
    assert thread_count(s.pid) == threads
    after = child_processes(s.pid)
    assert set(after) == set(children) and "Z" not in after.values()  # the same workers, none added, no zombie
    assert fd_count(s.pid) <= fds + 2


# -- real clients -------------------------------------------------------------------------------------------
def test_sparqlwrapper(oxigraph_server):
    try:
        import SPARQLWrapper  # noqa: F401
    except ImportError:
        require_or_skip(False, "SPARQLWrapper is not installed (pip install SPARQLWrapper)")
    from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

    sw = SPARQLWrapper(oxigraph_server.url)
    sw.setQuery("SELECT ?c WHERE { nevid:chery nev:country ?c }")
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert [r["c"]["value"] for r in rows] == ["https://w3id.org/nevkg/id/china"]
    sw.setMethod(POST)
    assert sw.query().convert()["results"]["bindings"] == rows
    sw.setReturnFormat(CSV)
    assert b"https://w3id.org/nevkg/id/china" in sw.query().convert()
    sw.setReturnFormat(XML)
    sw.setQuery("ASK { nevid:chery nev:country nevid:china }")
    assert sw.query().convert().getElementsByTagName("boolean")[0].firstChild.data == "true"
    sw.setQuery("CONSTRUCT WHERE { nevid:chery rdfs:label ?l }")
    assert len(sw.query().convert()) == 1  # an rdflib Graph parsed from RDF/XML
    sw.setReturnFormat(TURTLE)
    assert b"Chery" in sw.query().convert()
    sw.setQuery("CLEAR ALL")  # SPARQLWrapper sends updates as update=…: refused
    sw.setMethod(POST)
    with pytest.raises(Exception, match="403|read-only|Forbidden"):
        sw.query()
    sw.setQuery("ASK {")
    with pytest.raises(Exception, match="400|QueryBadFormed|syntax"):
        sw.query()


def test_rdflib_sparqlstore(oxigraph_server):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    chery, country = URIRef("https://w3id.org/nevkg/id/chery"), URIRef("https://w3id.org/nevkg/ontology#country")
    g = Graph(store=SPARQLStore(query_endpoint=oxigraph_server.url, returnFormat="json"))
    rows = list(g.query("SELECT ?c WHERE { ?org ?p ?c }", initBindings={"org": chery, "p": country}))
    assert [str(r.c) for r in rows] == ["https://w3id.org/nevkg/id/china"]
    assert bool(g.query("ASK { nevid:chery nev:country nevid:china }").askAnswer)
    assert list(g.triples((chery, country, None))) == [(chery, country, URIRef("https://w3id.org/nevkg/id/china"))]
    with pytest.raises(ValueError):  # asked for SPARQL JSON results only, a graph is 406 Not Acceptable
        g.query("CONSTRUCT WHERE { nevid:chery rdfs:label ?l }")
    g = Graph(store=SPARQLStore(query_endpoint=oxigraph_server.url))  # the default asks for XML or RDF/XML
    built = g.query("CONSTRUCT WHERE { nevid:chery rdfs:label ?l }").graph
    assert [str(o) for o in built.objects()] == ["Chery"]
    with pytest.raises(Exception):  # noqa: B017 (the store raises urllib's HTTPError: 403)
        Graph(store=SPARQLStore(query_endpoint=oxigraph_server.url)).update("CLEAR ALL")
