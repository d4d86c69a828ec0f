"""One datatype per date property, the stated precision kept, numbers that match (issue 14, point 9)."""

from __future__ import annotations

import pytest

from .test_facts import col, rows

DATE_PROPERTIES = ["startDate", "endDate", "asOf", "announcedOn", "issuedOn", "expectedOn", "targetDate", "statedOn",
                   "releasedOn", "periodStart", "periodEnd"]


@pytest.mark.parametrize("prop", DATE_PROPERTIES + ["dcterms:issued"])
def test_every_date_property_has_one_datatype_and_a_precision(kg, prop):
    term = prop if ":" in prop else f"nev:{prop}"
    precision = "nev:issuedPrecision" if prop == "dcterms:issued" else f"nev:{prop}Precision"
    types = col(kg, f"SELECT DISTINCT (DATATYPE(?d) AS ?t) WHERE {{ ?s {term} ?d }}")
    assert {str(t) for t in types} <= {"http://www.w3.org/2001/XMLSchema#date"}
    without = rows(kg, f"SELECT ?s WHERE {{ ?s {term} ?d FILTER NOT EXISTS {{ ?s {precision} ?u }} }}")
    assert without == []


def test_a_typed_date_filter_keeps_every_start_date(kg):
    """Stated as a year, a month or a day, every start date from 2025 on passes a typed comparison."""
    starts = rows(kg, "SELECT ?s ?d WHERE { ?s nev:startDate ?d }")
    expected = {s for s, d in starts if str(d) >= "2025-01-01"}
    kept = col(kg, 'SELECT ?s WHERE { ?s nev:startDate ?d FILTER(?d >= "2025-01-01"^^xsd:date) }')
    assert kept == expected and len(kept) > 14
    years = col(kg, "SELECT ?s WHERE { ?s nev:startDate ?d ; nev:startDatePrecision time:unitYear }")
    assert years & kept  # dates stated as a bare year are among them


def test_stated_precision_is_kept(kg):
    found = rows(kg, """SELECT ?d ?u WHERE { nevid:guangzhou-advanced-manufacturing-city-plan nev:issuedOn ?d ;
        nev:issuedOnPrecision ?u }""")
    assert [(str(d), str(u).rsplit("#", 1)[-1]) for d, u in found] == [("2026-01-01", "unitMonth")]


def test_integer_figures_match_integer_literals(kg):
    assert col(kg, "SELECT ?t WHERE { ?t nev:value 1200 ; nev:measure nevid:robotaxi-fleet-size }")
    assert "https://w3id.org/nevkg/id/xpeng-overseas-deliveries-2025" in col(kg, "SELECT ?o WHERE { ?o nev:value 45000 }")
    # a fractional figure stays a decimal
    assert col(kg, "SELECT ?o WHERE { ?o nev:value 1.2 }") == {
        "https://w3id.org/nevkg/id/guangzhou-industrial-added-value-growth-2025"}
