"""Exporters: every format round-trips (RDF through rdflib and pyoxigraph), network formats reopen, writes are atomic."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import zipfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from nevkg.errors import NevkgError, UnknownNameError
from nevkg.graph.export import (
    EXPORTERS,
    Exporter,
    export_graph,
    format_for_path,
    get_exporter,
    jsonld_context,
)
from tests.conftest import FIXTURE_RECORDS

RDF_FORMATS = {  # name → (rdflib parser, pyoxigraph format, keeps named graphs)
    "ttl": ("turtle", ox.RdfFormat.TURTLE, False),
    "nt": ("nt", ox.RdfFormat.N_TRIPLES, False),
    "nq": ("nquads", ox.RdfFormat.N_QUADS, True),
    "trig": ("trig", ox.RdfFormat.TRIG, True),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, True),
}
NETWORK_FORMATS = ["graphml", "gexf", "nodelink", "csv"]


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def store_kg(request, tmp_path_factory):
    """The fixture records in each kind of store."""
    from nevkg.graph.build import build

    spec = "memory" if request.param == "memory" else "oxigraph:" + str(tmp_path_factory.mktemp("store"))
    kg = build(spec, [FIXTURE_RECORDS], shipped=False)
    yield kg
    kg.close()


@pytest.fixture
def no_network(monkeypatch):
    """Fail any attempt to open a network connection."""
    def refuse(*args, **kwargs):
        raise AssertionError("the export tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def export_bytes(kg, fmt: str, **options) -> bytes:
    buf = io.BytesIO()
    export_graph(kg, fmt, buf, **options)
    return buf.getvalue()


def norm(term):
    """RDF 1.1: a simple literal is an xsd:string (oxrdflib returns the datatype, rdflib's parsers do not)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def canonical_quads(kg) -> set[tuple]:
    return {(s, p, norm(o), g) for s, p, o, g in kg.quads()}


def normalized(graph: Graph) -> Graph:
    out = Graph()
    out += ((s, p, norm(o)) for s, p, o in graph)
    return out


def rdflib_quads(ds: Dataset) -> set[tuple]:
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        g = getattr(g, "identifier", g)
        out.add((s, p, norm(o), DATASET_DEFAULT_GRAPH_ID if g is None else g))
    return out


def ox_text(term) -> str:
    """A term as N-Triples text, the same for rdflib and pyoxigraph terms (plain literals as xsd:string)."""
    if isinstance(term, ox.DefaultGraph) or term == DATASET_DEFAULT_GRAPH_ID or term is None:
        return "DEFAULT"
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return str(term)
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    if term.language:
        return str(ox.Literal(str(term), language=term.language))
    if term.datatype is None:
        return str(ox.Literal(str(term)))
    return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))


# -- registry ----------------------------------------------------------------------------------------------
def test_registry_covers_the_design_formats():
    assert set(EXPORTERS) == {"ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "nodelink", "csv"}


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_exporter_describes_itself(name):
    exporter = get_exporter(name)
    assert isinstance(exporter, Exporter)
    assert exporter.name == name
    assert exporter.suffix.startswith(".")
    assert "/" in exporter.media_type
    assert isinstance(exporter.binary, bool)
    assert exporter.description


def test_unknown_format_lists_the_valid_ones():
    with pytest.raises(UnknownNameError) as err:
        get_exporter("xlsx")
    for name in EXPORTERS:
        assert name in str(err.value)
    with pytest.raises(UnknownNameError):
        export_graph(object(), "pdf", io.BytesIO())


def test_format_for_path():
    assert format_for_path("g.ttl") == "ttl"
    assert format_for_path(Path("x/net.zip")) == "csv"
    with pytest.raises(UnknownNameError, match="trig"):
        format_for_path("graph.docx")


# -- RDF round trips ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_export_round_trips_through_rdflib(store_kg, fmt, no_network):
    parser, _, quads = RDF_FORMATS[fmt]
    data = export_bytes(store_kg, fmt)
    if quads:
        ds = Dataset()
        ds.parse(data=data, format=parser)
        assert rdflib_quads(ds) == canonical_quads(store_kg)
        assert {g for *_, g in rdflib_quads(ds)} - {DATASET_DEFAULT_GRAPH_ID} == set(store_kg.graph_names())
    else:
        g = Graph()
        g.parse(data=data, format=parser)
        union = normalized(store_kg.union_graph())
        assert len(g) == len(union)
        assert isomorphic(normalized(g), union)


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_export_round_trips_through_pyoxigraph(store_kg, fmt, no_network):
    _, ox_format, quads = RDF_FORMATS[fmt]
    data = export_bytes(store_kg, fmt)
    parsed = list(ox.parse(data, format=ox_format))
    if quads:
        got = {tuple(ox_text(t) for t in (q.subject, q.predicate, q.object, q.graph_name)) for q in parsed}
        want = {tuple(ox_text(t) for t in q) for q in store_kg.quads()}
        assert got == want
        # the same set again through oxigraph's own store loader
        store = ox.Store()
        store.load(data, format=ox_format)
        assert len(store) == len(want)
        assert {str(g) for g in store.named_graphs()} == {f"<{g}>" for g in store_kg.graph_names()}
    else:
        got = {tuple(ox_text(t) for t in (q.subject, q.predicate, q.object)) for q in parsed}
        want = {tuple(ox_text(t) for t in (s, p, o)) for s, p, o, _ in store_kg.quads()}
        assert got == want


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_exports_are_stable(fixture_kg, fmt):
    assert export_bytes(fixture_kg, fmt) == export_bytes(fixture_kg, fmt)


def test_jsonld_embeds_the_package_context(fixture_kg, no_network):
    doc = json.loads(export_bytes(fixture_kg, "jsonld"))
    context = doc["@context"]
    assert isinstance(context, dict), "the context is inline, never a URL"
    assert context == jsonld_context()
    assert context["nev"] == "https://w3id.org/nevkg/ontology#"
    for prefix in ("nev", "nevid", "schema", "org", "prov", "dcterms", "skos", "qb", "rdfs", "xsd"):
        assert prefix in context

    def contexts(node):
        if isinstance(node, dict):
            if "@context" in node:
                yield node["@context"]
            for value in node.values():
                yield from contexts(value)
        elif isinstance(node, list):
            for value in node:
                yield from contexts(value)

    for ctx in contexts(doc):
        assert not (isinstance(ctx, str) and "http" in ctx)
        assert not (isinstance(ctx, list) and any(isinstance(c, str) for c in ctx))
    named = {obj["@id"] for obj in doc["@graph"] if "@graph" in obj}
    assert "nevg:fixture-news-a" in named


def test_context_file_is_valid_json_with_the_project_prefixes():
    from nevkg.ontology.namespaces import PREFIX_IRIS

    path = Path(__file__).resolve().parents[2] / "nevkg" / "ontology" / "context.jsonld"
    ctx = json.loads(path.read_text(encoding="utf-8"))["@context"]
    assert ctx == PREFIX_IRIS


def test_turtle_uses_the_project_prefixes(fixture_kg):
    text = export_bytes(fixture_kg, "ttl").decode("utf-8")
    assert "@prefix nev: <https://w3id.org/nevkg/ontology#> ." in text
    assert re.search(r"nevid:chery-ebro-jv a [^;.]*\bnev:Partnership\b", text)


# -- network formats ---------------------------------------------------------------------------------------
def test_graphml_reopens_with_the_same_counts(fixture_kg, tmp_path):
    G = fixture_kg.to_networkx()
    path = export_graph(fixture_kg, "graphml", tmp_path / "g.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    chery = H.nodes["https://w3id.org/nevkg/id/chery"]
    assert (chery["label"], chery["type"], chery["kind_group"]) == ("Chery", "Automaker", "entity")
    assert {d["relation"] for *_, d in H.edges(data=True)} >= {"partner", "locatedIn"}


def test_gexf_reopens_with_the_same_counts(fixture_kg, tmp_path):
    G = fixture_kg.to_networkx()
    path = export_graph(fixture_kg, "gexf", tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["https://w3id.org/nevkg/id/chery"]["label"] == "Chery"


@pytest.mark.parametrize("collapse", [False, True])
def test_nodelink_has_the_required_keys(fixture_kg, collapse):
    data = json.loads(export_bytes(fixture_kg, "nodelink", collapse_facts=collapse))
    G = fixture_kg.to_networkx(collapse_facts=collapse)
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["links"]) == G.number_of_edges()
    for node in data["nodes"]:
        assert {"id", "label", "type"} <= set(node)
    for link in data["links"]:
        assert {"source", "target", "relation"} <= set(link)
    H = nx.node_link_graph(data, edges="links")
    assert H.number_of_edges() == G.number_of_edges()


def test_csv_zip_holds_nodes_and_edges(fixture_kg):
    G = fixture_kg.to_networkx()
    with zipfile.ZipFile(io.BytesIO(export_bytes(fixture_kg, "csv"))) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = list(csv.DictReader(io.StringIO(zf.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.DictReader(io.StringIO(zf.read("edges.csv").decode("utf-8"))))
    assert len(nodes) == G.number_of_nodes()
    assert len(edges) == G.number_of_edges()
    assert list(nodes[0])[:3] == ["id", "label", "type"]
    assert list(edges[0])[:5] == ["source", "target", "relation", "label", "sources"]
    ids = {row["id"] for row in nodes}
    assert all(row["source"] in ids and row["target"] in ids for row in edges)


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_network_exports_take_collapse_facts(fixture_kg, fmt):
    assert export_bytes(fixture_kg, fmt) != export_bytes(fixture_kg, fmt, collapse_facts=True)


# -- where the output goes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_export_to_a_path_matches_the_stream(fixture_kg, tmp_path, fmt):
    target = tmp_path / f"out{get_exporter(fmt).suffix}"
    assert export_graph(fixture_kg, fmt, target) == target
    if fmt not in ("gexf", "csv"):  # gexf stamps the date; zip stamps times
        assert target.read_bytes() == export_bytes(fixture_kg, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_export_to_stdout(fixture_kg, capsysbinary):
    assert export_graph(fixture_kg, "nt", "-") is None
    out = capsysbinary.readouterr().out
    assert out == export_bytes(fixture_kg, "nt")


def test_export_to_a_missing_folder_is_a_clear_error(fixture_kg, tmp_path):
    with pytest.raises(NevkgError, match="does not exist"):
        export_graph(fixture_kg, "ttl", tmp_path / "nope" / "g.ttl")


def test_failed_export_leaves_the_old_file_and_no_temp_file(fixture_kg, tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous export\n", encoding="utf-8")
    from nevkg.graph.export import rdf as export_module

    def half_then_fail(self, kg, out):
        out.write(b"@prefix half: <http://example.org/> .\n")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export_module.TurtleExporter, "write", half_then_fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_graph(fixture_kg, "ttl", target)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_failed_export_to_stdout_writes_nothing(fixture_kg, monkeypatch, capsysbinary):
    from nevkg.graph.export import rdf as export_module

    def half_then_fail(self, kg, out):
        out.write(b"<a> <b> <c> .\n")
        raise RuntimeError("broken")

    monkeypatch.setattr(export_module.NTriplesExporter, "write", half_then_fail)
    with pytest.raises(RuntimeError):
        export_graph(fixture_kg, "nt", "-")
    assert capsysbinary.readouterr().out == b""
