"""The SPARQL 1.1 Protocol on both stores: the 34 W3C cases, content negotiation, the service description,
named queries, /health and the query page."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from .conftest import D0, D1, D2, D3
from .support import ask, boolean, direct, form, qs

# -- the W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests sparql/sparql11/protocol/manifest.ttl) -------------
# Each case sends the manifest's request; the seven update cases, which expect 2xx, become "refused" checks:
# 403, and the follow-up request of the case shows that nothing was written.
ASK_D1_D2_TYPED = f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"
ASK_NAMED = f"ASK {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
UPDATE_PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"


def _case_query_post_form(s):
    assert boolean(*s.request("POST", "/sparql/" + qs(**{"default-graph-uri": D0}), **form(query="ASK {}")))


def _case_query_dataset_default_graphs_get(s):
    target = "/sparql/" + qs(query=ASK_D1_D2_TYPED, **{"default-graph-uri": [D1, D2]})
    assert boolean(*s.request("GET", target))
    # and the protocol's dataset really is the default graph: with data1 alone, data2 is not in it
    assert not boolean(*s.request("GET", "/sparql/" + qs(query=ASK_D1_D2_TYPED, **{"default-graph-uri": D1})))


def _case_query_dataset_default_graphs_post(s):
    target = "/sparql/" + qs(**{"default-graph-uri": [D1, D2]})
    assert boolean(*s.request("POST", target, **direct(ASK_D1_D2_TYPED)))


def _case_query_dataset_named_graphs_post(s):
    target = "/sparql/" + qs(**{"named-graph-uri": [D1, D2]})
    assert boolean(*s.request("POST", target, **direct(ASK_NAMED)))
    assert not boolean(*s.request("POST", "/sparql/" + qs(**{"named-graph-uri": D1}), **direct(ASK_NAMED)))


def _case_query_dataset_named_graphs_get(s):
    assert boolean(*s.request("GET", "/sparql/" + qs(query=ASK_NAMED, **{"named-graph-uri": [D1, D2]})))


def _case_query_dataset_full(s):
    text = (f"ASK {{\n  <{D3}> a ?type\n  GRAPH ?g1 {{ <{D1}> a ?type }}\n"
            f"  GRAPH ?g2 {{ <{D2}> a ?type }}\n}}")
    target = "/sparql/" + qs(**{"default-graph-uri": D3, "named-graph-uri": [D1, D2]})
    assert boolean(*s.request("POST", target, **direct(text)))
    # data3 is only in the default graph, not available to GRAPH
    assert not ask(s, f"ASK {{ GRAPH ?g {{ <{D3}> a ?t }} }}", target)


def _case_query_multiple_dataset(s):
    # The manifest percent-encodes the '&' between the two named-graph-uri values (%26); the validator the
    # test comes from sends two parameters (w3c/rdf-tests#78), which is what is sent here.
    text = f"ASK FROM <{D3}> {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
    target = "/sparql/" + qs(**{"named-graph-uri": [D1, D2]})
    assert boolean(*s.request("POST", target, **direct(text)))
    # the protocol's dataset wins over FROM: the default graph is empty, not data3
    assert not ask(s, f"ASK FROM <{D3}> {{ <{D3}> a ?t }}", target)
    assert ask(s, f"ASK FROM <{D3}> {{ <{D3}> a ?t }}")  # without it, FROM <data3> holds
    assert not ask(s, f"ASK FROM <{D3}> {{ <{D1}> a ?t }}")  # … and only data3


def _case_query_get(s):
    assert boolean(*s.request("GET", "/sparql/" + qs(query="ASK {}", **{"default-graph-uri": D0})))


def _case_query_content_type_select(s):
    status, headers, body = s.request("POST", "/sparql/" + qs(**{"default-graph-uri": D0}),
                                      **direct("SELECT (1 AS ?value) {}"))
    assert status == 200
    assert headers["content-type"].split(";")[0] in ("application/sparql-results+json",
                                                     "application/sparql-results+xml", "text/csv",
                                                     "text/tab-separated-values")
    assert json.loads(body)["results"]["bindings"][0]["value"]["value"] == "1"


def _case_query_content_type_ask(s):
    status, headers, body = s.request("POST", "/sparql/" + qs(**{"default-graph-uri": D0}), **direct("ASK {}"))
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
    _rdf(*s.request("POST", "/sparql/" + qs(**{"default-graph-uri": D0}), **direct("DESCRIBE <http://example.org/>")))


def _case_query_content_type_construct(s):
    graph = _rdf(*s.request("POST", "/sparql/" + qs(**{"default-graph-uri": D0}),
                            **direct("CONSTRUCT { <s> <p> 1 } WHERE {}")))
    assert len(graph) == 1  # <s> and <p> resolved against the endpoint's URL
    assert all(str(t).startswith("http://127.0.0.1:") for t in next(iter(graph))[:2])


def _refused(s, target, update: str, check: str, *, as_form: bool = False):
    """An update is answered 403 and the case's follow-up ASK shows nothing was written."""
    kwargs = form(update=update) if as_form else direct(update, media="application/sparql-update")
    status, headers, body = s.request("POST", target, **kwargs)
    assert status == 403, (status, body)
    assert b"read-only" in body
    assert not ask(s, check)


def _case_update_dataset_default_graph(s):
    _refused(s, "/sparql/" + qs(**{"using-graph-uri": D1}),
             UPDATE_PREFIXES + f"CLEAR ALL ;\nINSERT DATA {{ GRAPH <{D1}> {{ <{D1}> a foaf:Document }} }} ;\n"
             "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> { ?s a dc:BibliographicResource } }"
             " WHERE { ?s a foaf:Document }",
             f"ASK {{ GRAPH <http://example.org/protocol-update-dataset-test/> {{ <{D1}> a "
             "<http://purl.org/dc/terms/BibliographicResource> } }")
    assert ask(s, f"ASK {{ GRAPH <{D2}> {{ ?s ?p ?o }} }}")  # CLEAR ALL did not run either


def _update_into(graph: str, where: str = "?s a foaf:Document") -> str:
    return (UPDATE_PREFIXES + "DROP ALL ;\nINSERT DATA {\n"
            + "".join(f"  GRAPH <{g}> {{ <{g}> a foaf:Document }}\n" for g in (D1, D2, D3))
            + f"}} ;\nINSERT {{ GRAPH <{graph}> {{ ?s a dc:BibliographicResource }} }} WHERE {{ {where} }}")


def _check_in(graph: str) -> str:
    return (f"ASK {{ GRAPH <{graph}> {{ <{D1}> a <http://purl.org/dc/terms/BibliographicResource> . "
            f"<{D2}> a <http://purl.org/dc/terms/BibliographicResource> . }} }}")


def _case_update_dataset_default_graphs(s):
    g = "http://example.org/protocol-update-dataset-graphs-test/"
    _refused(s, "/sparql/" + qs(**{"using-graph-uri": [D1, D2]}), _update_into(g), _check_in(g))


def _case_update_dataset_named_graphs(s):
    g = "http://example.org/protocol-update-dataset-named-graphs-test/"
    _refused(s, "/sparql/" + qs(**{"using-named-graph-uri": [D1, D2]}),
             _update_into(g, "GRAPH ?g { ?s a foaf:Document }"), _check_in(g))


def _case_update_dataset_full(s):
    g = "http://example.org/protocol-update-dataset-full-test/"
    _refused(s, "/sparql/" + qs(**{"using-graph-uri": D1, "using-named-graph-uri": D2}),
             _update_into(g, "{ GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) } UNION "
                             "{ ?s a foaf:Document . BIND(\"default\" AS ?in) }"),
             f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")


def _case_update_post_form(s):
    _refused(s, "/sparql/", "CLEAR ALL", f"ASK {{ FILTER NOT EXISTS {{ GRAPH <{D1}> {{ ?s ?p ?o }} }} }}", as_form=True)


def _case_update_post_direct(s):
    _refused(s, "/sparql/", "CLEAR ALL", f"ASK {{ FILTER NOT EXISTS {{ GRAPH <{D1}> {{ ?s ?p ?o }} }} }}")


def _case_update_base_uri(s):
    g = "http://example.org/protocol-base-test/"
    _refused(s, "/sparql/", f"CLEAR GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{ <http://example.org/s> "
                            "<http://example.org/p> <test> } }", f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    status, _, body = s.request("POST", "/sparql/", **direct(
        f"SELECT ?o WHERE {{ GRAPH <{g}> {{ <http://example.org/s> <http://example.org/p> ?o }} }}"))
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def _case_query_post_direct(s):
    assert boolean(*s.request("POST", "/sparql/", **direct("ASK {}")))


def _status4xx(status, headers, body):
    assert 400 <= status < 500, (status, body)
    return status


def _case_bad_query_method(s):
    status = _status4xx(*s.request("PUT", "/sparql/" + qs(query="ASK {}", **{"default-graph-uri": D0}),
                                   body=b"", headers={"Content-Type": "application/x-www-form-urlencoded"}))
    assert status == 405


def _case_bad_multiple_queries(s):
    _status4xx(*s.request("GET", "/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"))


def _case_bad_query_wrong_media_type(s):
    _status4xx(*s.request("POST", "/sparql/", **direct("ASK {}", media="text/plain")))


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
    _status4xx(*s.request("POST", "/sparql/", **form(update=["CLEAR NAMED", "CLEAR DEFAULT"])))


def _case_bad_update_wrong_media_type(s):
    _status4xx(*s.request("POST", "/sparql/", **direct("CLEAR NAMED", media="text/plain")))


def _case_bad_update_missing_form_type(s):
    _status4xx(*s.request("POST", "/sparql/", body=b"update=CLEAR%20NAMED"))


def _case_bad_update_non_utf8(s):
    _status4xx(*s.request("POST", "/sparql/", body="CLEAR NAMED".encode("utf-16"),
                          headers={"Content-Type": "application/sparql-update; charset=UTF-16"}))


def _case_bad_update_syntax(s):
    _status4xx(*s.request("POST", "/sparql/", **form(update="CLEAR XYZ")))


def _case_bad_update_dataset_conflict(s):
    _status4xx(*s.request("POST", "/sparql/" + qs(**{"using-named-graph-uri": "http://example/people"}),
                          **direct("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
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
    status, headers, body = server.request("GET", "/sparql" + qs(query=text),
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
    status, _, body = server.request("GET", "/sparql" + qs(query='SELECT ?l WHERE { nevid:chery rdfs:label ?l }'))
    assert json.loads(body)["results"]["bindings"] == [{"l": {"type": "literal", "value": "Chery"}}]


def test_xml_results(server):
    import xml.etree.ElementTree as ET

    status, _, body = server.request("GET", "/sparql" + qs(query="SELECT ?c WHERE { nevid:chery nev:country ?c }"),
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
    for target in ("/sparql" + qs(query=evil), "/queries/" + quote(evil), "/" + quote(evil),
                   "/queries/partnerships-of" + qs(org=evil)):
        status, headers, body = server.request("GET", target)
        assert status in (400, 404), (target, status)
        assert not headers["content-type"].startswith("text/html")
        assert headers["x-content-type-options"] == "nosniff"




def test_self_description_is_served(server):
    """A client discovers classes, properties, graphs and example queries from the endpoint alone."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import Namespace

    void = Namespace("http://rdfs.org/ns/void#")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    status, headers, body = server.request("GET", "/sparql")
    g = Graph().parse(data=body, format="turtle")
    classes = set(g.objects(None, void["class"]))
    assert URIRef("https://w3id.org/nevkg/ontology#Automaker") in classes
    assert URIRef("https://w3id.org/nevkg/ontology#country") in set(g.objects(None, void.property))
    status, headers, body = server.request("GET", "/.well-known/void", headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=body, format="nt")) > 10
    status, headers, body = server.request("GET", "/.well-known/sparql-examples")
    examples = Graph().parse(data=body, format="turtle")
    texts = [str(t) for t in examples.objects(None, sh.select)]
    assert len(texts) >= 40 and all("SELECT" in t for t in texts)
    status, headers, body = server.request("GET", "/ontology")
    assert status == 200 and headers["content-type"].startswith("text/html") and b"Automaker" in body
