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


# ------------------------------------------------------------------------------------------------ hostile files
RDFXML = ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
          'xmlns:ex="http://example.org/">\n{body}</rdf:RDF>\n')
TEN = "".join(f'<rdf:Description rdf:about="http://example.org/a{i}"><ex:p>x</ex:p></rdf:Description>\n'
              for i in range(10))
ENTITY_BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE r [\n <!ENTITY a "aaaaaaaaaa">\n'
               + "".join(f' <!ENTITY {n} "{("&" + p + ";") * 10}">\n' for p, n in zip("abcdefgh", "bcdefghi",
                                                                                         strict=True))
               + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">'
               '<rdf:Description rdf:about="http://e/a"><ex:p>&i;</ex:p></rdf:Description></rdf:RDF>\n')


def _refused(path, *expected):
    with pytest.raises(LoaderError) as info:
        RdfLoader().load([path])
    text = str(info.value)
    assert str(path) in text, text
    for e in expected:
        assert e in text, text
    return text


def test_the_complete_rdfxml_loads(tmp_path):
    path = tmp_path / "ten.rdf"
    path.write_text(RDFXML.format(body=TEN), encoding="utf-8")
    subjects = {str(q[0]) for q in RdfLoader().load([path]).quads if str(q[0]).startswith("http://example.org/a")}
    assert len(subjects) == 10


@pytest.mark.parametrize("cut", ["</rdf:RDF>\n", "</rdf:Description>\n</rdf:RDF>\n", "x</ex:p></rdf:Description>\n"
                                 "</rdf:RDF>\n"])
def test_truncated_rdfxml_is_an_error_not_a_partial_load(tmp_path, cut):
    text = RDFXML.format(body=TEN)
    path = tmp_path / "cut.rdf"
    path.write_text(text[:-len(cut)], encoding="utf-8")
    _refused(path, "not well-formed XML", "nothing was loaded")


@pytest.mark.parametrize("doc", [ENTITY_BOMB, '<!DOCTYPE r [<!ENTITY % p "x">]><r/>',
                                 '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>'])
def test_dtd_entities_are_refused_at_once(tmp_path, doc):
    path = tmp_path / "bomb.rdf"
    path.write_text(doc, encoding="utf-8")
    _refused(path, "declares the DTD entity", "nevkg reads no DTD entities")


def test_an_entity_bomb_through_the_cli_stays_small_and_fast(tmp_path):
    from ..limits import clean_failure, nevkg

    path = tmp_path / "bomb.rdf"
    path.write_text(ENTITY_BOMB, encoding="utf-8")
    proc = nevkg("build", "--store", "memory", "--no-shipped", "--data", str(path),
                 env={**__import__("os").environ, "NEVKG_HOME": str(tmp_path / "home")})
    clean_failure(proc, f"{path}:3", "DTD entity 'a'")


def test_deeply_nested_rdfxml_is_refused(tmp_path):
    path = tmp_path / "deep.rdf"
    n = 5000
    path.write_text(RDFXML.format(body="<rdf:Description><ex:p>" * n + "x" + "</ex:p></rdf:Description>" * n),
                    encoding="utf-8")
    _refused(path, "nest more than 256 levels")


@pytest.mark.parametrize("doc,kind", [("42", "a number"), ('"text"', "a string"), ("null", "null"),
                                      ("true", "a boolean"), ("[1, 2]", "not a number")])
def test_jsonld_must_be_an_object_or_a_list_of_objects(tmp_path, doc, kind):
    path = tmp_path / "x.jsonld"
    path.write_text(doc, encoding="utf-8")
    _refused(path, kind)


def test_jsonld_nested_past_the_interpreter_is_an_error(tmp_path):
    path = tmp_path / "deep.jsonld"
    path.write_text('{"http://p": ' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    _refused(path, "nested too deeply")


@pytest.mark.parametrize("size", [2 << 20, 16 << 20])
def test_a_huge_literal_is_refused_with_the_limit(tmp_path, size):
    path = tmp_path / "big.nt"
    path.write_text('<http://example.org/a> <http://example.org/p> "' + "x" * size + '" .\n', encoding="utf-8")
    _refused(path, "1,048,576 characters")


def test_a_fifo_given_as_an_rdf_file_is_refused_without_hanging(tmp_path):
    import os

    path = tmp_path / "pipe.ttl"
    os.mkfifo(path)
    _refused(path, "not a regular file (a FIFO)")


@pytest.mark.parametrize("fmt,template", [
    ("trig", "<{g}> {{ <https://w3id.org/nevkg/id/byd> <http://example.org/p> \"spoofed\" . }}\n"),
    ("nq", "<https://w3id.org/nevkg/id/byd> <http://example.org/p> \"spoofed\" <{g}> .\n"),
])
@pytest.mark.parametrize("target", ["https://w3id.org/nevkg/graph/fixture-news-a",
                                    "https://w3id.org/nevkg/graph/ontology",
                                    "https://w3id.org/nevkg/graph/file-other-ttl"])
def test_a_file_cannot_write_into_nevkg_graphs(tmp_path, capsys, fmt, template, target):
    path = tmp_path / f"spoof.{fmt}"
    path.write_text(template.format(g=target), encoding="utf-8")
    kg = build("memory", [FIXTURE_RECORDS, path], shipped=False)
    own = graph_iri(f"file-spoof-{fmt}")
    graphs = {str(g) for s, p, o, g in kg.quads() if str(o) == "spoofed"}
    assert graphs == {str(own)}
    err = capsys.readouterr().err
    assert f"{path}: graph name(s) in nevkg's namespace re-homed" in err and target in err


def test_a_files_own_graph_and_foreign_graphs_are_kept(tmp_path, capsys):
    path = tmp_path / "own.trig"
    path.write_text('<https://w3id.org/nevkg/graph/file-own-trig> { <http://e/a> <http://e/p> "mine" . }\n'
                    '<http://example.org/g> { <http://e/a> <http://e/p> "theirs" . }\n', encoding="utf-8")
    quads = RdfLoader().load([path]).quads
    assert {(str(o), str(g)) for s, p, o, g in quads if str(p) == "http://e/p"} == {
        ("mine", "https://w3id.org/nevkg/graph/file-own-trig"), ("theirs", "http://example.org/g")}
    assert "re-homed" not in capsys.readouterr().err


@pytest.mark.parametrize("obj,expected", [
    ('"2026-13-01"^^<http://www.w3.org/2001/XMLSchema#date>', "'2026-13-01' is not a valid xsd:date"),
    ('"abc"^^<http://www.w3.org/2001/XMLSchema#integer>', "'abc' is not a valid xsd:integer"),
    ("1e400", "is not plausible; figures must be finite"),
    ('"0000"^^<http://www.w3.org/2001/XMLSchema#gYear>', "year 0000 is not plausible"),
])
def test_ill_typed_and_implausible_literals_are_refused_quietly(tmp_path, capfd, obj, expected):
    path = tmp_path / "odd.ttl"
    path.write_text(f'<https://w3id.org/nevkg/id/x> <https://w3id.org/nevkg/ontology#value> {obj} .\n',
                    encoding="utf-8")
    text = _refused(path, expected, "<https://w3id.org/nevkg/id/x>")
    assert "Traceback" not in capfd.readouterr().err + text  # rdflib's logged traceback is not shown
