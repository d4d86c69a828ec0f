"""The SHACL shapes: a crafted graph breaking each rule is rejected with a message about that rule."""

from __future__ import annotations

import pytest
from rdflib import Graph

from nevkg.graph.validate import find_conflicts, validate_graph, validate_kg

PREFIXES = """
@prefix nev: <https://w3id.org/nevkg/ontology#> . @prefix nevid: <https://w3id.org/nevkg/id/> .
@prefix src: <https://w3id.org/nevkg/source/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix qb: <http://purl.org/linked-data/cube#> .
"""

VALID = PREFIXES + """
src:a a nev:Source ; rdfs:label "A" ; dcterms:title "A" ; dcterms:publisher nevid:press ; dcterms:issued "2026-01-02"^^xsd:date .
nevid:press a nev:Publisher, nev:Organization ; rdfs:label "Press" ; prov:wasDerivedFrom src:a .
nevid:p a nev:Person ; rdfs:label "P" ; prov:wasDerivedFrom src:a .
nevid:x a nev:Automaker, nev:Organization ; rdfs:label "X" ; prov:wasDerivedFrom src:a .
nevid:y a nev:Automaker, nev:Organization ; rdfs:label "Y" ; prov:wasDerivedFrom src:a .
nevid:cn a nev:Country, nev:Place ; rdfs:label "China" ; nev:isoCode "CN" ; prov:wasDerivedFrom src:a .
nevid:u a nev:Unit ; rdfs:label "vehicles" ; prov:wasDerivedFrom src:a .
nevid:m a nev:Measure ; rdfs:label "exports" ; prov:wasDerivedFrom src:a .
nevid:jv a nev:Partnership ; rdfs:label "JV" ; nev:partnershipKind nev:JointVenture ;
    nev:partner nevid:x, nevid:y ; prov:wasDerivedFrom src:a .
nevid:r a nev:Role ; rdfs:label "role" ; nev:person nevid:p ; nev:organization nevid:x ; nev:title "chair" ;
    nev:startDate "2025-01-01"^^xsd:date ; prov:wasDerivedFrom src:a .
nevid:o a nev:Observation ; rdfs:label "obs" ; nev:measure nevid:m ; nev:subject nevid:cn ; nev:unit nevid:u ;
    nev:value 5.0 ; nev:periodStart "2026-01-01"^^xsd:date ; nev:periodEnd "2026-02-28"^^xsd:date ;
    qb:dataSet nevid:ds ; prov:wasDerivedFrom src:a .
"""


def _report(turtle: str):
    return validate_graph(Graph().parse(data=turtle, format="turtle"))


def test_valid_graph_conforms():
    report = _report(VALID)
    assert report.conforms, report.text()
    assert report.violations == []


BREAKS = {
    "fact without source": ("nevid:jv a nev:Partnership ; rdfs:label \"JV\" ;",
                            "nevid:jv2 a nev:Partnership ; rdfs:label \"JV2\" ; nev:partnershipKind nev:JointVenture ; "
                            "nev:partner nevid:x, nevid:y . nevid:jv a nev:Partnership ; rdfs:label \"JV\" ;",
                            "cite at least one source"),
    "source without publisher": ("dcterms:publisher nevid:press ;", "", "needs a publisher"),
    "source without title": ("dcterms:title \"A\" ;", "", "exactly one title"),
    "source without date": ("; dcterms:issued \"2026-01-02\"^^xsd:date", "", "publication date"),
    "untyped source date": ("\"2026-01-02\"^^xsd:date .", "\"2 January 2026\" .", "publication date"),
    "one partner": ("nev:partner nevid:x, nevid:y", "nev:partner nevid:x", "at least two partners"),
    "observation with two values": ("nev:value 5.0 ;", "nev:value 5.0, 6.0 ;", "exactly one xsd:decimal value"),
    "observation without unit": ("nev:unit nevid:u ;", "", "exactly one unit"),
    "observation without period": ("nev:periodEnd \"2026-02-28\"^^xsd:date ;", "", "period end"),
    "period start after end": ("\"2026-01-01\"^^xsd:date", "\"2026-03-01\"^^xsd:date", "not after its end"),
    "value as a string": ("nev:value 5.0 ;", "nev:value \"5\" ;", "xsd:decimal value"),
    "role without person": ("nev:person nevid:p ;", "", "exactly one person"),
    "role without organisation": ("nev:organization nevid:x ;", "", "exactly one organisation"),
    "entity without label": ("nevid:y a nev:Automaker, nev:Organization ; rdfs:label \"Y\" ;",
                             "nevid:y a nev:Automaker, nev:Organization ;", "rdfs:label"),
    "untyped date": ("\"2025-01-01\"^^xsd:date", "\"sometime in 2025\"", "dates are xsd:date"),
    "bad ISO code": ("nev:isoCode \"CN\"", "nev:isoCode \"China\"", "ISO 3166"),
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_each_rule_rejects_its_break(rule):
    old, new, message = BREAKS[rule]
    assert old in VALID, f"the valid graph no longer contains {old!r}"
    report = _report(VALID.replace(old, new, 1))
    assert not report.conforms
    assert any(message in v.message for v in report.violations), report.text()


def test_report_names_the_record(fixture_kg):
    report = validate_graph(Graph().parse(data=VALID.replace("nev:partner nevid:x, nevid:y", "nev:partner nevid:x"),
                                          format="turtle"),
                            {"https://w3id.org/nevkg/id/jv": "partnerships.yaml:7#jv"})
    [violation] = [v for v in report.violations if "two partners" in v.message]
    assert violation.origin == "partnerships.yaml:7#jv" and violation.focus_label == "JV"
    assert "partnerships.yaml:7#jv" in report.text() and "nev:partner" in report.text()


def test_conflicts_are_listed_not_resolved(fixture_kg):
    report = validate_kg(fixture_kg)
    assert report.conforms
    [conflict] = report.conflicts
    values = sorted(v[0] for v in conflict.values)
    assert values == ["580000 (approx.)", "583000"]
    assert conflict.compatible  # 583,000 lies within "about 580,000"
    assert {v[2].rsplit("/", 1)[1] for v in conflict.values} == {"fixture-news-a", "fixture-news-b"}


def _second_source(value: str, unit: str = "nevid:u") -> Graph:
    """The valid graph plus the same observation from a second source, with the given value and unit."""
    return Graph().parse(data=VALID + f"""
src:b a nev:Source ; rdfs:label "B" ; dcterms:title "B" ; dcterms:publisher nevid:press ; dcterms:issued "2026-01-01"^^xsd:date .
nevid:o2 a nev:Observation ; rdfs:label "obs" ; nev:measure nevid:m ; nev:subject nevid:cn ; nev:unit {unit} ;
    nev:value {value} ; nev:periodStart "2026-01-01"^^xsd:date ; nev:periodEnd "2026-02-28"^^xsd:date ;
    qb:dataSet nevid:ds ; prov:wasDerivedFrom src:b .""", format="turtle")


def test_same_value_from_two_sources_is_no_conflict():
    assert find_conflicts(_second_source("5.0")) == []


def test_another_unit_is_another_figure():
    assert find_conflicts(_second_source("9.0", unit="nevid:usd")) == []


def test_different_values_conflict():
    [conflict] = find_conflicts(_second_source("7.0"))
    assert not conflict.compatible and "figures disagree" in str(conflict)
    assert {v[0] for v in conflict.values} == {"5.0", "7.0"}


# ------------------------------------------------------------------------------------------------ report size
def test_a_real_report_prints_50_violations_and_counts_the_rest():
    people = "".join(f'nevid:p{i} a nev:Person ; prov:wasDerivedFrom src:a .\n' for i in range(400))
    report = _report(VALID + people)  # 400 people without a label
    assert len(report.violations) >= 400
    text = report.text()
    assert text.count("Violation") == 50
    assert f"... and {len(report.violations) - 50:,} more violation(s) not shown" in text
    assert report.text(limit=None).count("Violation") == len(report.violations)


def test_50000_violations_print_in_a_few_kilobytes():
    from nevkg.errors import ValidationError
    from nevkg.graph.validate import ValidationReport, Violation

    many = [Violation(f"https://w3id.org/nevkg/id/p{i}", f"P{i}", "rdfs:label", "needs a label", "Violation", None)
            for i in range(50_000)]
    text = str(ValidationError("the graph violates the shapes", ValidationReport(False, many).text()))
    assert len(text) < 20_000
    assert "... and 49,950 more violation(s) not shown" in text and "/p49>" in text and "/p50>" not in text


def test_50000_loader_problems_print_the_first_50(tmp_path):
    from nevkg.errors import LoaderError, RecordError

    problems = [RecordError("bad", file="people.yaml", line=i, record=f"r{i}") for i in range(1, 50_001)]
    text = str(LoaderError("50000 problem(s) in the curated records", problems))
    assert text.count("  - people.yaml") == 50 and "... and 49,950 more problem(s) not shown" in text
    assert len(text) < 10_000
