"""The rdf loader: each file into its own named graph, with a source record; JSON-LD never fetches contexts."""

from __future__ import annotations

import pytest

from nevkg.errors import LoaderError, UnknownNameError
from nevkg.graph.build import build
from nevkg.loaders.rdf import RdfLoader
from nevkg.loaders.registry import LOADERS, get_loader, loader_name_for
from nevkg.ontology.namespaces import PROV, entity_iri, graph_iri, source_iri

from ..conftest import FIXTURE_RECORDS, RESOURCES

RDF_DIR = RESOURCES / "rdf"


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_registry_loads_each(name):
    assert get_loader(name).name == name


def test_unknown_loader_lists_valid_ones():
    with pytest.raises(UnknownNameError, match="curated, rdf"):
        get_loader("xlsx")
    with pytest.raises(UnknownNameError, match=r"\.ttl"):
        loader_name_for(RDF_DIR / "extra.ttl.source.yaml")


@pytest.mark.parametrize("name", ["extra.ttl", "quads.trig", "xpeng.jsonld"])
def test_each_file_gets_its_graph_and_source(name):
    result = RdfLoader().load([RDF_DIR / name])
    slug = "file-" + name.replace(".", "-")
    assert str(source_iri(slug)) in result.sources
    typed = {s for s, p, o, g in result.quads if str(p).endswith("#type") and str(o).startswith(
        "https://w3id.org/nevkg/ontology#Automaker")}
    assert typed
    for s in typed:
        assert any(q[0] == s and q[1] == PROV.wasDerivedFrom and q[2] == source_iri(slug) for q in result.quads)


def test_trig_named_graphs_are_kept():
    result = RdfLoader().load([RDF_DIR / "quads.trig"])
    graphs = {str(g) for s, p, o, g in result.quads if s == entity_iri("nio")}
    assert graphs == {"https://example.org/g/1"}
    geely = {g for s, p, o, g in result.quads if s == entity_iri("geely")}
    assert geely == {graph_iri("file-quads-trig")}


def test_sidecar_source_record_is_used():
    result = RdfLoader().load([RDF_DIR / "extra.ttl"])
    titles = {str(o) for s, p, o, g in result.quads if s == source_iri("file-extra-ttl") and str(p).endswith("title")}
    assert titles == {"Extra facts for the loader tests"}


def test_rdf_files_build_with_curated_records():
    kg = build("memory", [FIXTURE_RECORDS, RDF_DIR / "extra.ttl", RDF_DIR / "quads.trig", RDF_DIR / "xpeng.jsonld"],
               shipped=False)
    assert kg.build_info.report.conforms
    row = next(iter(kg.query("SELECT ?c WHERE { nevid:byd nev:country ?c }")))
    assert str(row.c) == str(entity_iri("china"))


@pytest.mark.parametrize("context", ["https://schema.org/", "file:///etc/hostname", "context.jsonld"])
def test_jsonld_never_fetches_a_context(tmp_path, context):
    doc = tmp_path / "remote.jsonld"
    doc.write_text(f'{{"@context": "{context}", "@id": "https://w3id.org/nevkg/id/a", "name": "A"}}')
    with pytest.raises(LoaderError) as info:
        RdfLoader().load([doc])
    assert "remote.jsonld" in str(info.value) and "inline the JSON-LD context" in str(info.value)


def test_malformed_turtle_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix nev: <https://w3id.org/nevkg/ontology#> .\n\nnev:a nev:b \"unterminated .\n")
    with pytest.raises(LoaderError) as info:
        RdfLoader().load([bad])
    text = str(info.value)
    assert "bad.ttl:3" in text and "malformed turtle" in text
