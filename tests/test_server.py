"""The SPARQL endpoint (nevkg.server) against real HTTP clients on 127.0.0.1.

Servers: the memory store in a server thread of this process, and an oxigraph store (built into a temporary
folder) in a real ``serve()`` subprocess; a second subprocess with tight limits for the limit and attack
tests. Each binds 127.0.0.1 on a free port; nothing leaves the machine.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from tests.conftest import FIXTURE_RECORDS, REPO, require_or_skip

KASEI = "http://kasei.us/2009/09/sparql/data/"
D0, D1, D2, D3 = (f"{KASEI}data{i}.rdf" for i in range(4))

# The graphs the W3C protocol tests assume (data1.nt … data3.nt, each typing its own graph's IRI).
PROTOCOL_TRIG = "\n".join(
    f"<{g}> {{ <{g}> a <http://xmlns.com/foaf/0.1/Document> ; <http://purl.org/dc/terms/title> \"data{i}\" . }}"
    for i, g in ((1, D1), (2, D2), (3, D3)))


# -- servers ------------------------------------------------------------------------------------------------
class Server:
    """A running endpoint: where it listens and which process serves it."""

    def __init__(self, port: int, pid: int, proc: subprocess.Popen | None = None, log: Path | None = None):
        self.host, self.port, self.pid, self.proc, self.log = "127.0.0.1", port, pid, proc, log
        self.url = f"http://127.0.0.1:{port}/sparql"

    def request(self, method: str, target: str, body: bytes | str | None = None, headers: dict | None = None,
                timeout: float = 30):
        """``(status, headers with lower-case names, body)``."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, target, body=body.encode() if isinstance(body, str) else body,
                         headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def health(self) -> dict:
        return json.loads(self.request("GET", "/health")[2])


def _start(spec: str, log: Path, **limits) -> Server:
    code = ("import json, sys\nfrom nevkg.server import serve\n"
            "serve(sys.argv[1], host='127.0.0.1', port=0, **json.loads(sys.argv[2]))")
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", code, spec, json.dumps(limits)], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/sparql", log.read_text(errors="replace"))
        if match:
            return Server(int(match.group(1)), proc.pid, proc, log)
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"the server did not start:\n{log.read_text(errors='replace')}")


def _stop(server: Server) -> None:
    server.proc.send_signal(signal.SIGTERM)
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    """The fixture records plus a TriG file holding the W3C protocol tests' graphs."""
    folder = tmp_path_factory.mktemp("protocol")
    trig = folder / "protocol.trig"
    trig.write_text(PROTOCOL_TRIG + "\n", encoding="utf-8")
    (folder / "protocol.trig.source.yaml").write_text(
        "kind: dataset\ntitle: SPARQL protocol test graphs\npublisher: fixture-press\nissued: '2026-04-01'\n")
    return [FIXTURE_RECORDS, trig]


@pytest.fixture(scope="module")
def ox_spec(sources, tmp_path_factory) -> str:
    from nevkg.graph.build import build

    spec = f"oxigraph:{tmp_path_factory.mktemp('store') / 'kg'}"
    build(spec, sources, shipped=False).close()
    return spec


@pytest.fixture(scope="module")
def oxigraph_server(ox_spec, tmp_path_factory):
    server = _start(ox_spec, tmp_path_factory.mktemp("log") / "serve.log", timeout=30, max_concurrent=3)
    yield server
    _stop(server)


@pytest.fixture(scope="module")
def tight_server(ox_spec, tmp_path_factory):
    """Tight limits: a 2 s timeout, 50 rows, one worker and no queue, short URLs and bodies, one CORS origin."""
    server = _start(ox_spec, tmp_path_factory.mktemp("log") / "tight.log", timeout=2, max_rows=50,
                    max_concurrent=1, max_queue=0, max_url=2048, max_body=100_000, cors=["http://example.test"])
    yield server
    _stop(server)


@pytest.fixture(scope="module")
def memory_server(sources):
    from nevkg.graph.build import build
    from nevkg.server import create_app, make_server

    app = create_app(build("memory", sources, shipped=False), timeout=30, max_concurrent=2)
    httpd = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield Server(httpd.server_address[1], os.getpid())
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture(params=["memory", "oxigraph"])
def server(request) -> Server:
    """Each core protocol test runs on both stores."""
    return request.getfixturevalue(f"{request.param}_server")


# -- helpers ------------------------------------------------------------------------------------------------
def _form(**params) -> dict:
    return {"body": urlencode(params, doseq=True), "headers": {"Content-Type": "application/x-www-form-urlencoded"}}


def _direct(text: str, *, media: str = "application/sparql-query") -> dict:
    return {"body": text.encode("utf-8"), "headers": {"Content-Type": media}}


def _qs(**params) -> str:
    return "?" + urlencode(params, doseq=True, quote_via=quote)


def _boolean(status: int, headers: dict, body: bytes) -> bool:
    assert 200 <= status < 400, (status, body)
    ctype = headers["content-type"]
    if "json" in ctype:
        return json.loads(body)["boolean"]
    assert "xml" in ctype, ctype
    return b"<boolean>true</boolean>" in body


def _ask(server: Server, text: str, target: str = "/sparql/") -> bool:
    return _boolean(*server.request("POST", target, **_direct(text)))


def _children(pid: int) -> dict[int, str]:
    """The child processes of ``pid`` and their state letters (Z = zombie), read from /proc."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out[int(entry)] = fields[0]
    return out


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def _fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def _wait_for(predicate, timeout: float = 10, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


SLOW = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"


# -- the W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests sparql/sparql11/protocol/manifest.ttl) -------------
# Each case sends the manifest's request; the seven update cases, which expect 2xx, become "refused" checks:
# 403, and the follow-up request of the case shows that nothing was written.
ASK_D1_D2_TYPED = f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"
ASK_NAMED = f"ASK {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
UPDATE_PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"


def _case_query_post_form(s):
    assert _boolean(*s.request("POST", "/sparql/" + _qs(**{"default-graph-uri": D0}), **_form(query="ASK {}")))


def _case_query_dataset_default_graphs_get(s):
    target = "/sparql/" + _qs(query=ASK_D1_D2_TYPED, **{"default-graph-uri": [D1, D2]})
    assert _boolean(*s.request("GET", target))
    # and the protocol's dataset really is the default graph: with data1 alone, data2 is not in it
    assert not _boolean(*s.request("GET", "/sparql/" + _qs(query=ASK_D1_D2_TYPED, **{"default-graph-uri": D1})))


def _case_query_dataset_default_graphs_post(s):
    target = "/sparql/" + _qs(**{"default-graph-uri": [D1, D2]})
    assert _boolean(*s.request("POST", target, **_direct(ASK_D1_D2_TYPED)))


def _case_query_dataset_named_graphs_post(s):
    target = "/sparql/" + _qs(**{"named-graph-uri": [D1, D2]})
    assert _boolean(*s.request("POST", target, **_direct(ASK_NAMED)))
    assert not _boolean(*s.request("POST", "/sparql/" + _qs(**{"named-graph-uri": D1}), **_direct(ASK_NAMED)))


def _case_query_dataset_named_graphs_get(s):
    assert _boolean(*s.request("GET", "/sparql/" + _qs(query=ASK_NAMED, **{"named-graph-uri": [D1, D2]})))


def _case_query_dataset_full(s):
    text = (f"ASK {{\n  <{D3}> a ?type\n  GRAPH ?g1 {{ <{D1}> a ?type }}\n"
            f"  GRAPH ?g2 {{ <{D2}> a ?type }}\n}}")
    target = "/sparql/" + _qs(**{"default-graph-uri": D3, "named-graph-uri": [D1, D2]})
    assert _boolean(*s.request("POST", target, **_direct(text)))
    # data3 is only in the default graph, not available to GRAPH
    assert not _ask(s, f"ASK {{ GRAPH ?g {{ <{D3}> a ?t }} }}", target)


def _case_query_multiple_dataset(s):
    # The manifest percent-encodes the '&' between the two named-graph-uri values (%26); the validator the
    # test comes from sends two parameters (w3c/rdf-tests#78), which is what is sent here.
    text = f"ASK FROM <{D3}> {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
    target = "/sparql/" + _qs(**{"named-graph-uri": [D1, D2]})
    assert _boolean(*s.request("POST", target, **_direct(text)))
    # the protocol's dataset wins over FROM: the default graph is empty, not data3
    assert not _ask(s, f"ASK FROM <{D3}> {{ <{D3}> a ?t }}", target)
    assert _ask(s, f"ASK FROM <{D3}> {{ <{D3}> a ?t }}")  # without it, FROM <data3> holds
    assert not _ask(s, f"ASK FROM <{D3}> {{ <{D1}> a ?t }}")  # … and only data3


def _case_query_get(s):
    assert _boolean(*s.request("GET", "/sparql/" + _qs(query="ASK {}", **{"default-graph-uri": D0})))


def _case_query_content_type_select(s):
    status, headers, body = s.request("POST", "/sparql/" + _qs(**{"default-graph-uri": D0}),
                                      **_direct("SELECT (1 AS ?value) {}"))
    assert status == 200
    assert headers["content-type"].split(";")[0] in ("application/sparql-results+json",
                                                     "application/sparql-results+xml", "text/csv",
                                                     "text/tab-separated-values")
    assert json.loads(body)["results"]["bindings"][0]["value"]["value"] == "1"


def _case_query_content_type_ask(s):
    status, headers, body = s.request("POST", "/sparql/" + _qs(**{"default-graph-uri": D0}), **_direct("ASK {}"))
    assert status == 200
    assert headers["content-type"].split(";")[0] in ("application/sparql-results+json",
                                                     "application/sparql-results+xml")


def _rdf(status, headers, body):
    from rdflib import Graph

    assert status == 200, body
    media = headers["content-type"].split(";")[0]
    assert media in ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
    return Graph().parse(data=body, format={"text/turtle": "turtle", "application/n-triples": "nt",
                                            "application/ld+json": "json-ld", "application/rdf+xml": "xml"}[media])


def _case_query_content_type_describe(s):
    _rdf(*s.request("POST", "/sparql/" + _qs(**{"default-graph-uri": D0}), **_direct("DESCRIBE <http://example.org/>")))


def _case_query_content_type_construct(s):
    graph = _rdf(*s.request("POST", "/sparql/" + _qs(**{"default-graph-uri": D0}),
                            **_direct("CONSTRUCT { <s> <p> 1 } WHERE {}")))
    assert len(graph) == 1  # <s> and <p> resolved against the endpoint's URL
    assert all(str(t).startswith("http://127.0.0.1:") for t in next(iter(graph))[:2])


def _refused(s, target, update: str, check: str, *, form: bool = False):
    """An update is answered 403 and the case's follow-up ASK shows nothing was written."""
    kwargs = _form(update=update) if form else _direct(update, media="application/sparql-update")
    status, headers, body = s.request("POST", target, **kwargs)
    assert status == 403, (status, body)
    assert b"read-only" in body
    assert not _ask(s, check)


def _case_update_dataset_default_graph(s):
    _refused(s, "/sparql/" + _qs(**{"using-graph-uri": D1}),
             UPDATE_PREFIXES + f"CLEAR ALL ;\nINSERT DATA {{ GRAPH <{D1}> {{ <{D1}> a foaf:Document }} }} ;\n"
             "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> { ?s a dc:BibliographicResource } }"
             " WHERE { ?s a foaf:Document }",
             f"ASK {{ GRAPH <http://example.org/protocol-update-dataset-test/> {{ <{D1}> a "
             "<http://purl.org/dc/terms/BibliographicResource> } }")
    assert _ask(s, f"ASK {{ GRAPH <{D2}> {{ ?s ?p ?o }} }}")  # CLEAR ALL did not run either


def _update_into(graph: str, where: str = "?s a foaf:Document") -> str:
    return (UPDATE_PREFIXES + "DROP ALL ;\nINSERT DATA {\n"
            + "".join(f"  GRAPH <{g}> {{ <{g}> a foaf:Document }}\n" for g in (D1, D2, D3))
            + f"}} ;\nINSERT {{ GRAPH <{graph}> {{ ?s a dc:BibliographicResource }} }} WHERE {{ {where} }}")


def _check_in(graph: str) -> str:
    return (f"ASK {{ GRAPH <{graph}> {{ <{D1}> a <http://purl.org/dc/terms/BibliographicResource> . "
            f"<{D2}> a <http://purl.org/dc/terms/BibliographicResource> . }} }}")


def _case_update_dataset_default_graphs(s):
    g = "http://example.org/protocol-update-dataset-graphs-test/"
    _refused(s, "/sparql/" + _qs(**{"using-graph-uri": [D1, D2]}), _update_into(g), _check_in(g))


def _case_update_dataset_named_graphs(s):
    g = "http://example.org/protocol-update-dataset-named-graphs-test/"
    _refused(s, "/sparql/" + _qs(**{"using-named-graph-uri": [D1, D2]}),
             _update_into(g, "GRAPH ?g { ?s a foaf:Document }"), _check_in(g))


def _case_update_dataset_full(s):
    g = "http://example.org/protocol-update-dataset-full-test/"
    _refused(s, "/sparql/" + _qs(**{"using-graph-uri": D1, "using-named-graph-uri": D2}),
             _update_into(g, "{ GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) } UNION "
                             "{ ?s a foaf:Document . BIND(\"default\" AS ?in) }"),
             f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")


def _case_update_post_form(s):
    _refused(s, "/sparql/", "CLEAR ALL", f"ASK {{ FILTER NOT EXISTS {{ GRAPH <{D1}> {{ ?s ?p ?o }} }} }}", form=True)


def _case_update_post_direct(s):
    _refused(s, "/sparql/", "CLEAR ALL", f"ASK {{ FILTER NOT EXISTS {{ GRAPH <{D1}> {{ ?s ?p ?o }} }} }}")


def _case_update_base_uri(s):
    g = "http://example.org/protocol-base-test/"
    _refused(s, "/sparql/", f"CLEAR GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{ <http://example.org/s> "
                            "<http://example.org/p> <test> } }", f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    status, _, body = s.request("POST", "/sparql/", **_direct(
        f"SELECT ?o WHERE {{ GRAPH <{g}> {{ <http://example.org/s> <http://example.org/p> ?o }} }}"))
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def _case_query_post_direct(s):
    assert _boolean(*s.request("POST", "/sparql/", **_direct("ASK {}")))


def _status4xx(status, headers, body):
    assert 400 <= status < 500, (status, body)
    return status


def _case_bad_query_method(s):
    status = _status4xx(*s.request("PUT", "/sparql/" + _qs(query="ASK {}", **{"default-graph-uri": D0}),
                                   body=b"", headers={"Content-Type": "application/x-www-form-urlencoded"}))
    assert status == 405


def _case_bad_multiple_queries(s):
    _status4xx(*s.request("GET", "/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"))


def _case_bad_query_wrong_media_type(s):
    _status4xx(*s.request("POST", "/sparql/", **_direct("ASK {}", media="text/plain")))


def _case_bad_query_missing_form_type(s):
    _status4xx(*s.request("POST", "/sparql/", body=b"query=ASK%20%7B%7D"))


def _case_bad_query_missing_direct_type(s):
    _status4xx(*s.request("POST", "/sparql/", body=b"ASK {}"))


def _case_bad_query_non_utf8(s):
    _status4xx(*s.request("POST", "/sparql/", body="ASK {}".encode("utf-16"),
                          headers={"Content-Type": "application/sparql-query; charset=UTF-16"}))


def _case_bad_query_syntax(s):
    status, _, body = s.request("GET", "/sparql/?query=ASK%20%7B")
    assert status == 400 and b"syntax error at line 1" in body


def _case_bad_update_get(s):
    _status4xx(*s.request("GET", "/sparql/?update=CLEAR%20ALL"))


def _case_bad_multiple_updates(s):
    _status4xx(*s.request("POST", "/sparql/", **_form(update=["CLEAR NAMED", "CLEAR DEFAULT"])))


def _case_bad_update_wrong_media_type(s):
    _status4xx(*s.request("POST", "/sparql/", **_direct("CLEAR NAMED", media="text/plain")))


def _case_bad_update_missing_form_type(s):
    _status4xx(*s.request("POST", "/sparql/", body=b"update=CLEAR%20NAMED"))


def _case_bad_update_non_utf8(s):
    _status4xx(*s.request("POST", "/sparql/", body="CLEAR NAMED".encode("utf-16"),
                          headers={"Content-Type": "application/sparql-update; charset=UTF-16"}))


def _case_bad_update_syntax(s):
    _status4xx(*s.request("POST", "/sparql/", **_form(update="CLEAR XYZ")))


def _case_bad_update_dataset_conflict(s):
    _status4xx(*s.request("POST", "/sparql/" + _qs(**{"using-named-graph-uri": "http://example/people"}),
                          **_direct("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
                                    "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName "
                                    "'William' }\nWHERE { ?person foaf:givenName 'Bill' }",
                                    media="application/sparql-update")))


W3C_CASES = [
    "query_post_form", "query_dataset_default_graphs_get", "query_dataset_default_graphs_post",
    "query_dataset_named_graphs_post", "query_dataset_named_graphs_get", "query_dataset_full",
    "query_multiple_dataset", "query_get", "query_content_type_select", "query_content_type_ask",
    "query_content_type_describe", "query_content_type_construct", "update_dataset_default_graph",
    "update_dataset_default_graphs", "update_dataset_named_graphs", "update_dataset_full", "update_post_form",
    "update_post_direct", "update_base_uri", "query_post_direct", "bad_query_method", "bad_multiple_queries",
    "bad_query_wrong_media_type", "bad_query_missing_form_type", "bad_query_missing_direct_type",
    "bad_query_non_utf8", "bad_query_syntax", "bad_update_get", "bad_multiple_updates",
    "bad_update_wrong_media_type", "bad_update_missing_form_type", "bad_update_non_utf8", "bad_update_syntax",
    "bad_update_dataset_conflict",
]


def test_w3c_manifest_has_34_cases():
    assert len(W3C_CASES) == len(set(W3C_CASES)) == 34
    assert all(callable(globals().get(f"_case_{name}")) for name in W3C_CASES)


@pytest.mark.parametrize("case", W3C_CASES)
def test_w3c_protocol(server, case):
    globals()[f"_case_{case}"](server)


# -- the rest of the protocol --------------------------------------------------------------------------------
@pytest.mark.parametrize(("accept", "form", "expected"), [
    (None, "SELECT", "application/sparql-results+json"),
    ("application/sparql-results+xml", "SELECT", "application/sparql-results+xml"),
    ("text/csv", "SELECT", "text/csv"),
    ("text/tab-separated-values", "SELECT", "text/tab-separated-values"),
    ("application/json", "SELECT", "application/sparql-results+json"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "ASK", "application/sparql-results+xml"),
    (None, "CONSTRUCT", "text/turtle"),
    ("application/n-triples", "CONSTRUCT", "application/n-triples"),
    ("application/ld+json", "DESCRIBE", "application/ld+json"),
    ("application/rdf+xml", "CONSTRUCT", "application/rdf+xml"),
    ("image/png", "SELECT", 406),
    ("text/turtle", "SELECT", 406),
    ("application/sparql-results+json", "CONSTRUCT", 406),
    ("application/sparql-results+json;q=0", "ASK", 406),
])
def test_content_negotiation(server, accept, form, expected):
    text = {"SELECT": "SELECT ?c WHERE { nevid:chery nev:country ?c }",
            "ASK": "ASK { nevid:chery nev:country nevid:china }",
            "CONSTRUCT": "CONSTRUCT { nevid:chery nev:country ?c } WHERE { nevid:chery nev:country ?c }",
            "DESCRIBE": "DESCRIBE nevid:chery"}[form]
    status, headers, body = server.request("GET", "/sparql" + _qs(query=text),
                                           headers={"Accept": accept} if accept else {})
    if expected == 406:
        assert status == 406 and b"Accept" in body
        return
    assert status == 200, body
    assert headers["content-type"].split(";")[0] == expected
    assert "accept" in headers["vary"].lower()
    if expected == "text/csv":
        assert body.decode().splitlines() == ["c", "https://w3id.org/nevkg/id/china"]
    if expected == "text/tab-separated-values":
        assert body.decode().splitlines() == ["?c", "<https://w3id.org/nevkg/id/china>"]
    if form == "CONSTRUCT":
        assert len(_rdf(status, headers, body)) == 1


def test_service_description(server):
    from rdflib import Graph, URIRef
    from rdflib.namespace import Namespace

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    status, headers, body = server.request("GET", "/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    service = g.value(None, sd.endpoint, URIRef(server.url))
    assert service is not None
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert URIRef(D1) in set(g.objects(None, sd.name))


def test_query_results_are_plain_literals(server):
    status, _, body = server.request("GET", "/sparql" + _qs(query='SELECT ?l WHERE { nevid:chery rdfs:label ?l }'))
    assert json.loads(body)["results"]["bindings"] == [{"l": {"type": "literal", "value": "Chery"}}]


def test_xml_results(server):
    import xml.etree.ElementTree as ET

    status, _, body = server.request("GET", "/sparql" + _qs(query="SELECT ?c WHERE { nevid:chery nev:country ?c }"),
                                     headers={"Accept": "application/sparql-results+xml"})
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert status == 200
    assert [u.text for u in ET.fromstring(body).iter(f"{ns}uri")] == ["https://w3id.org/nevkg/id/china"]


# -- named queries, health, the page ---------------------------------------------------------------------------
def test_named_query_list(server):
    from nevkg.queries.library import list_queries

    status, headers, body = server.request("GET", "/queries")
    assert status == 200 and headers["content-type"] == "application/json"
    assert json.loads(body) == [q.as_dict() for q in list_queries()]


def test_named_query_runs(server):
    status, _, body = server.request("GET", "/queries/partnerships-of?org=Chery")
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    assert sorted(r["partnerLabel"]["value"] for r in rows) == ["Ebro"]
    status, headers, body = server.request("GET", "/queries/partnerships-of?org=chery", headers={"Accept": "text/csv"})
    assert status == 200 and headers["content-type"].startswith("text/csv") and b"Ebro" in body


@pytest.mark.parametrize(("target", "status", "says"), [
    ("/queries/partnerships-of", 400, "needs org"),
    ("/queries/partnerships-of?org=Chery&colour=red", 400, "no parameter colour"),
    ("/queries/partnerships-of?org=Chery&org=Ebro", 400, "given 2 times"),
    ("/queries/partnerships-off?org=Chery", 404, "did you mean: partnerships-of"),
    ("/queries/partnerships-of?org=Cheery", 404, "Chery"),
])
def test_named_query_errors(server, target, status, says):
    got, headers, body = server.request("GET", target)
    assert got == status, body
    assert headers["content-type"] == "application/json"
    assert says in json.loads(body)["error"]


def test_health(server):
    health = server.health()
    assert health["ok"] is True and health["triples"] > 1000 and health["workers"] >= 1


def test_query_page_is_offline_and_escapes(server):
    status, headers, body = server.request("GET", "/")
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe" not in csp
    assert "<form" in page and "queries" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing loaded from elsewhere
    assert "innerHTML" not in page and "insertAdjacentHTML" not in page and "document.write" not in page
    assert "textContent" in page


def test_nothing_user_sent_comes_back_as_html(server):
    evil = "<script>alert(1)</script>"
    for target in ("/sparql" + _qs(query=evil), "/queries/" + quote(evil), "/" + quote(evil),
                   "/queries/partnerships-of" + _qs(org=evil)):
        status, headers, body = server.request("GET", target)
        assert status in (400, 404), (target, status)
        assert not headers["content-type"].startswith("text/html")
        assert headers["x-content-type-options"] == "nosniff"


# -- limits -------------------------------------------------------------------------------------------------
def test_row_cap_is_an_error_never_a_cut(tight_server):
    status, _, body = tight_server.request("GET", "/sparql" + _qs(query="SELECT * WHERE { ?s ?p ?o }"))
    assert status == 422 and b"more than 50 solutions" in body and b"LIMIT" in body
    status, headers, body = tight_server.request("GET", "/sparql" + _qs(query="SELECT * WHERE { ?s ?p ?o } LIMIT 50"))
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50 and headers["x-nevkg-rows"] == "50"
    status, _, body = tight_server.request("GET", "/sparql" + _qs(query="CONSTRUCT WHERE { ?s ?p ?o }"))
    assert status == 422 and b"more than 50 triples" in body


def test_url_cap(tight_server):
    status, _, body = tight_server.request("GET", "/sparql" + _qs(query="ASK {}" + " " * 3000))
    assert status == 414 and b"POST" in body


def test_body_cap_refuses_50_mb_without_reading_it(tight_server):
    def rss_kib() -> int:
        status = Path(f"/proc/{tight_server.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))

    before = rss_kib()
    with socket.create_connection((tight_server.host, tight_server.port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 50000000\r\n\r\n" + b"ASK {}" + b" " * 4096)
        started = time.monotonic()
        head = sock.recv(4096)
    assert head.startswith(b"HTTP/1.0 413"), head
    assert time.monotonic() - started < 2  # answered at once, not after 50 MB
    assert rss_kib() - before < 10_000
    # a body under the limit but without Content-Length is refused too (411), never read to the end
    with socket.create_connection((tight_server.host, tight_server.port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.0 411")


def test_timeout_kills_the_query(tight_server):
    before = tight_server.health()["replaced"]
    started = time.monotonic()
    status, _, body = tight_server.request("POST", "/sparql", **_form(query=SLOW))
    assert status == 504 and b"time limit of 2 s" in body
    assert time.monotonic() - started < 5
    assert tight_server.health()["replaced"] == before + 1
    assert _wait_for(lambda: len(_children(tight_server.pid)) == 1)  # the killed worker is gone, a fresh one up
    assert "Z" not in _children(tight_server.pid).values()
    assert _ask(tight_server, "ASK { nevid:chery nev:country nevid:china }", "/sparql")


def test_concurrency_cap_answers_503_with_retry_after(tight_server):
    slow = threading.Thread(target=tight_server.request, args=("POST", "/sparql"), kwargs=_form(query=SLOW))
    slow.start()
    try:
        assert _wait_for(lambda: tight_server.health()["busy"] == 1, timeout=3)
        status, headers, body = tight_server.request("GET", "/sparql" + _qs(query="ASK {}"))
        assert status == 503 and headers["retry-after"] == "1" and b"too many queries" in body
        assert tight_server.request("GET", "/health")[0] == 200  # the rest of the server still answers
    finally:
        slow.join(timeout=10)
    assert _ask(tight_server, "ASK {}", "/sparql")


def test_client_that_disconnects_does_not_leave_its_query_running(oxigraph_server):
    before = set(_children(oxigraph_server.pid))
    replaced = oxigraph_server.health()["replaced"]
    body = urlencode({"query": SLOW}).encode()
    with socket.create_connection((oxigraph_server.host, oxigraph_server.port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                     b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        assert _wait_for(lambda: oxigraph_server.health()["busy"] == 1, timeout=3)
    # the server's timeout is 30 s: only the hang-up can have stopped it
    assert _wait_for(lambda: oxigraph_server.health()["replaced"] == replaced + 1, timeout=5)
    after = _children(oxigraph_server.pid)
    assert len(after) == len(before) and set(after) != before and "Z" not in after.values()
    assert oxigraph_server.health()["busy"] == 0
    assert _wait_for(lambda: '" 499 ' in oxigraph_server.log.read_text(), timeout=3)  # logged as 499


def test_cors(tight_server):
    ok = tight_server.request("GET", "/health", headers={"Origin": "http://example.test"})[1]
    assert ok["access-control-allow-origin"] == "http://example.test"
    other = tight_server.request("GET", "/health", headers={"Origin": "http://evil.test"})[1]
    assert "access-control-allow-origin" not in other
    status, headers, _ = tight_server.request("OPTIONS", "/sparql", headers={
        "Origin": "http://example.test", "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in headers["access-control-allow-methods"]


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
        status, _, body = server.request("POST", "/sparql", **_form(query=text))
        assert status == 400 and b"SERVICE is refused" in body, (text, status, body)
    # FROM / FROM NAMED / the protocol's graphs read the store only: nothing is fetched
    for target, text in (("/sparql", f"ASK FROM <{url}> {{ ?s ?p ?o }}"),
                         ("/sparql", f"ASK FROM NAMED <{url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"),
                         ("/sparql" + _qs(**{"default-graph-uri": url}), "ASK { ?s ?p ?o }")):
        assert not _ask(server, text, target)
    time.sleep(0.3)
    assert hits == []


def test_load_is_refused(server, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:p> <urn:o> .\n")
    load = f"LOAD <{secret.as_uri()}>"
    assert server.request("GET", "/sparql" + _qs(update=load))[0] == 403
    assert server.request("POST", "/sparql", **_form(update=load))[0] == 403
    assert server.request("POST", "/sparql", **_direct(load, media="application/sparql-update"))[0] == 403
    status, _, body = server.request("POST", "/sparql", **_form(query=load))
    assert status == 400 and b"SPARQL update" in body
    status, _, body = server.request("POST", "/sparql", **_direct(load))
    assert status == 400
    assert not _ask(server, "ASK { <urn:secret> ?p ?o }", "/sparql")
    assert not _ask(server, f"ASK FROM <{secret.as_uri()}> {{ <urn:secret> ?p ?o }}", "/sparql")


def test_thread_and_process_counts_stay_flat(oxigraph_server):
    s = oxigraph_server
    texts = ["ASK { nevid:chery nev:country nevid:china }", "SELECT ?c WHERE { nevid:chery nev:country ?c }",
             "CONSTRUCT WHERE { nevid:chery ?p ?o }"]

    def one(i: int) -> int:
        if i % 4 == 3:
            return s.request("GET", "/queries/partnerships-of?org=Chery")[0]
        return s.request("POST", "/sparql", **_form(query=texts[i % 3]))[0]

    for i in range(20):  # warm up
        assert one(i) == 200
    threads, children, fds = _threads(s.pid), _children(s.pid), _fds(s.pid)
    statuses = [one(i) for i in range(1000)]
    assert statuses.count(200) == 1000
    assert _threads(s.pid) == threads
    after = _children(s.pid)
    assert set(after) == set(children) and "Z" not in after.values()  # the same workers, none added, no zombie
    assert _fds(s.pid) <= fds + 2


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
