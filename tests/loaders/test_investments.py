"""Investment records: an organisation (or state) investing in a place or an organisation, amount with currency."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from nevkg.errors import LoaderError
from nevkg.graph.validate import validate_graph
from nevkg.loaders.curated import CuratedLoader, parse_records
from nevkg.ontology.namespaces import NEV, PROV, RDF, entity_iri, graph_iri, source_iri

INVESTMENT = """- id: chery-spain-investment
  label: Chery investment in Spain
  investor: chery
  place: spain
  amount: 400000000
  currency: eur
  status: planned
  announced_on: '2026-02'
  sources: [fixture-news-a]
- id: chery-ebro-investment
  label: Chery stake money for Ebro
  investor: chery
  investee: ebro
  sources: [fixture-news-a]
"""
EUR = """- id: eur
  label: euro
  kind: unit
  sources: [nevkg-curation]
"""


def _with(records: Path, text: str) -> Path:
    (records / "investments.yaml").write_text(text, encoding="utf-8")
    with (records / "concepts.yaml").open("a", encoding="utf-8") as f:
        f.write(EUR)
    return records


def test_investment_loads_as_a_sourced_fact_node(records):
    quads = CuratedLoader().load([_with(records, INVESTMENT)]).quads
    inv, g = entity_iri("chery-spain-investment"), graph_iri("fixture-news-a")
    assert (inv, RDF.type, NEV.Investment, g) in quads
    assert (inv, NEV.investor, entity_iri("chery"), g) in quads
    assert (inv, NEV.place, entity_iri("spain"), g) in quads
    assert (inv, NEV.unit, entity_iri("eur"), g) in quads
    assert (inv, NEV.status, NEV.StatusPlanned, g) in quads
    assert (inv, PROV.wasDerivedFrom, source_iri("fixture-news-a"), g) in quads
    amounts = [o for s, p, o, _ in quads if s == inv and p == NEV.amount]
    assert [a.toPython() for a in amounts] == [Decimal("400000000")]
    assert (entity_iri("chery-ebro-investment"), NEV.investee, entity_iri("ebro"), g) in quads


def test_investment_without_place_or_investee_is_refused(records):
    _with(records, INVESTMENT.replace("  place: spain\n", ""))
    with pytest.raises(LoaderError) as info:
        parse_records([records])
    [msg] = [str(p) for p in info.value.problems]
    assert "record 'chery-spain-investment'" in msg and "'place' or an 'investee'" in msg


def test_amount_without_currency_is_refused(records):
    _with(records, INVESTMENT.replace("  currency: eur\n", ""))
    with pytest.raises(LoaderError) as info:
        parse_records([records])
    assert any("needs its 'currency'" in str(p) for p in info.value.problems)


def test_investee_must_be_an_organisation(records):
    _with(records, INVESTMENT.replace("investee: ebro", "investee: spain"))
    with pytest.raises(LoaderError) as info:
        parse_records([records])
    assert any("chery-ebro-investment" in str(p) and "investee" in str(p) for p in info.value.problems)


SHAPED = """
@prefix nev: <https://w3id.org/nevkg/ontology#> . @prefix nevid: <https://w3id.org/nevkg/id/> .
@prefix src: <https://w3id.org/nevkg/source/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
src:a a nev:Source ; rdfs:label "A" ; dcterms:title "A" ; dcterms:publisher nevid:press ;
    dcterms:issued "2026-01-02"^^xsd:date .
nevid:press a nev:Publisher, nev:Organization ; rdfs:label "Press" ; prov:wasDerivedFrom src:a .
nevid:x a nev:Automaker, nev:Organization ; rdfs:label "X" ; prov:wasDerivedFrom src:a .
nevid:cn a nev:Country, nev:Place ; rdfs:label "China" ; nev:isoCode "CN" ; prov:wasDerivedFrom src:a .
nevid:i a nev:Investment ; rdfs:label "X in China" ; nev:investor nevid:x ; nev:place nevid:cn ;
    nev:amount 5.0 ; prov:wasDerivedFrom src:a .
"""


def test_shapes_accept_an_investment_and_reject_one_going_nowhere():
    assert validate_graph(Graph().parse(data=SHAPED, format="turtle")).conforms
    broken = validate_graph(Graph().parse(data=SHAPED.replace("nev:place nevid:cn ;", ""), format="turtle"))
    assert not broken.conforms
    assert any("place or an investee" in v.message for v in broken.violations), broken.text()
    two = validate_graph(Graph().parse(data=SHAPED.replace("nev:amount 5.0", "nev:amount 5.0, 6.0"), format="turtle"))
    assert any("amount is one decimal" in v.message for v in two.violations), two.text()
