"""Whose figure it is, in several English forms: relative clauses, passives with an agent, a second clause whose
name the parser misreads, a company described by its home city; written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def subjects(gaz, text, date="2026-03-15"):
    """value → subject of every proposed observation."""
    result = extract(text, gaz, article_date=date, source_id="test-source")
    return {c.record["value"]: c.record.get("subject") for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value, want", [
    ("Chery, which shipped 7,500 units to Spain last year, plans to expand.", 7500, "chery"),
    ("Rivals include Geely, which sold 30,000 cars in Chile in 2025.", 30000, "geely"),
    ("Velmora Motors is a young carmaker. The company, which sold 12,000 cars in Peru in 2025, plans a plant.",
     12000, "velmora-motors"),
])
def test_a_relative_clause_takes_the_name_it_hangs_on(gaz, text, value, want):
    assert subjects(gaz, text)[value] == want


@pytest.mark.parametrize("text, value, want", [
    ("A 30% stake in Kestrel Mobility is held by Orvista Group.", 30, "orvista-group"),
    ("About 12,000 cars were sold by Geely in Mexico last year.", 12000, "geely"),
])
def test_a_passive_figure_belongs_to_its_agent(gaz, text, value, want):
    assert subjects(gaz, text)[value] == want


def test_a_second_clause_after_a_semicolon_has_its_own_subject(gaz):
    obs = subjects(gaz, "Chery shipped 40,000 cars to Russia in 2025; Geely delivered 25,000 to Kazakhstan.")
    assert (obs[40000], obs[25000]) == ("chery", "geely")


@pytest.mark.parametrize("text", [
    "Velmora Motors has a plant in Peru. The Shenzhen-based company exported 70,000 cars in 2025.",
    "Velmora Motors has a plant in Peru. The Peruvian-listed carmaker exported 70,000 cars in 2025.",
])
def test_a_place_that_describes_the_company_is_not_the_subject(gaz, text):
    assert subjects(gaz, text)[70000] == "velmora-motors"


@pytest.mark.parametrize("text, value", [
    ("JSW Group and SAIC Motor formed JSW MG Motor India in 2023. The joint venture aims to sell 90,000 cars by "
     "2030.", 90000),
    ("Kestrel Mobility is a joint venture of Chery and Tata. Chery said on Monday the JV would invest $200 million "
     "in Pune.", 200000000),
    ("Chery and Tata run the joint venture Kestrel Mobility. The venture will employ 1,400 people.", 1400),
])
def test_the_venture_is_the_joint_venture_company_named_before(gaz, text, value):
    assert subjects(gaz, text)[value] in {"jsw-mg-motor-india", "kestrel-mobility"}


@pytest.mark.parametrize("text, value, want", [
    ("Geely's unit Zeekr sold 12,000 cars in Europe in 2025.", 12000, "zeekr"),
    ("Chery's partner Orvista Group sold 9,000 cars in Peru in 2025.", 9000, "orvista-group"),
])
def test_the_name_in_apposition_to_the_subject_noun_is_the_subject(gaz, text, value, want):
    assert subjects(gaz, text)[value] == want
