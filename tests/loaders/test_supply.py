"""Supply partnerships: a supplier of parts or materials and the company it supplies."""

from __future__ import annotations

from pathlib import Path

import pytest

from nevkg.errors import LoaderError
from nevkg.loaders.curated import CuratedLoader, parse_records
from nevkg.ontology.namespaces import NEV, RDF, entity_iri, graph_iri

SUPPLY = """- id: ebro-chery-supply
  label: Ebro supplies seats to Chery
  kind: supply
  partners: [ebro, chery]
  supplier: ebro
  sources: [fixture-news-a]
"""


def _with(records: Path, text: str) -> Path:
    with (records / "partnerships.yaml").open("a", encoding="utf-8") as f:
        f.write(text)
    return records


def test_a_supply_loads_with_its_kind_and_supplier(records):
    quads = CuratedLoader().load([_with(records, SUPPLY)]).quads
    node, g = entity_iri("ebro-chery-supply"), graph_iri("fixture-news-a")
    assert (node, RDF.type, NEV.Partnership, g) in quads
    assert (node, NEV.partnershipKind, NEV.Supply, g) in quads
    assert (node, NEV.supplier, entity_iri("ebro"), g) in quads
    assert {o for s, p, o, _ in quads if s == node and p == NEV.partner} >= {entity_iri("ebro"), entity_iri("chery")}


@pytest.mark.parametrize(("change", "words"), [
    (("  supplier: ebro\n", ""), "names its 'supplier'"),
    (("supplier: ebro", "supplier: uber"), "must be one of the 'partners'"),
    (("kind: supply", "kind: cooperation"), "only a supply names one"),
])
def test_a_supply_without_its_supplier_or_with_a_stranger_is_refused(records, change, words):
    _with(records, SUPPLY.replace(*change))
    with pytest.raises(LoaderError) as info:
        parse_records([records])
    assert any("ebro-chery-supply" in str(p) and words in str(p) for p in info.value.problems), info.value.problems


def test_the_shapes_accept_a_supply():
    from rdflib import Graph

    from nevkg.graph.validate import validate_graph
    from tests.graph.test_validate import VALID

    turtle = VALID + """
nevid:s a nev:Partnership ; rdfs:label "X supplies Y" ; nev:partnershipKind nev:Supply ;
    nev:partner nevid:x, nevid:y ; nev:supplier nevid:x ; prov:wasDerivedFrom src:a .
"""
    report = validate_graph(Graph().parse(data=turtle, format="turtle"))
    assert report.conforms, report.text()
