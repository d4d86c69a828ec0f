"""Terms as projection values: source ids, literals as scalars, one type per attribute, the ontology's tree."""

from __future__ import annotations

from rdflib import Literal, URIRef

from nevkg.graph.project_terms import local_name, most_specific, ontology_terms, scalar, source_id, uniform
from nevkg.ontology.namespaces import NEV, SOURCE, XSD


def test_source_id():
    assert source_id(URIRef("https://w3id.org/nevkg/graph/a-b")) == "a-b"
    assert source_id(URIRef(str(SOURCE) + "a-b")) == "a-b"
    assert source_id(URIRef("urn:g"), {URIRef("urn:g"): URIRef(str(SOURCE) + "x")}) == "x"


def test_numbers_and_mixed_types():
    assert scalar(Literal("1.5", datatype=XSD.decimal)) == 1.5
    assert scalar(Literal("12", datatype=XSD.integer)) == 12
    assert scalar(Literal("true", datatype=XSD.boolean)) is True
    assert scalar(Literal("2026-03", datatype=XSD.gYearMonth)) == "2026-03"
    rows = [{"value": 1}, {"value": 1.5}, {"x": 1}, {"x": "a"}]
    uniform(rows)
    assert rows == [{"value": 1.0}, {"value": 1.5}, {"x": "1"}, {"x": "a"}]


def test_the_ontology_tree_and_the_most_specific_type():
    closure, labels = ontology_terms()
    assert NEV.Organization in closure[NEV.Automaker] and NEV.Automaker in closure[NEV.Automaker]
    assert labels[NEV.Automaker]
    assert most_specific({NEV.Automaker, NEV.Organization}, closure) == NEV.Automaker
    assert most_specific({URIRef("urn:x")}, closure) is None
    assert local_name(str(NEV.Automaker)) == "Automaker" and local_name("https://w3id.org/nevkg/id/a/") == "a"
