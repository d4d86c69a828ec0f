"""Figures in more written forms: abbreviated crore, units in compound nouns, fractions of a total, and a dollar
sign after a country code; on sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract, find_statistics
from nevkg.ingest.extract.periods import _plain


def figures(text):
    return [(_plain(s.value), s.unit) for s in find_statistics(text)]


@pytest.mark.parametrize("text, want", [
    ("The group will spend Rs 2,500 cr on the line.", (25000000000, "inr")),
    ("It runs 120 sales and service outlets nationwide.", (120, "stores")),
    ("The factory has a 2,400-strong workforce.", (2400, "jobs")),
    ("The 75-acre site was bought last year.", (75, "acres")),
    ("It is building a 30,000-square-metre warehouse.", (30000, "square-metres")),
])
def test_a_unit_in_a_compound_or_an_abbreviation(text, want):
    assert want in figures(text)


def test_sales_outlets_are_not_sales_volumes():
    assert figures("The brand has 85 sales and service centres in Chile.") == [(85, "stores")]


@pytest.mark.parametrize("text, want", [
    ("Mexico took two-thirds of the brand's exports last year.", 66.67),
    ("Hybrids made up about half of its sales in May.", 50),
    ("The firm holds a third of the Chilean EV market.", 33.33),
    ("Three-quarters of the group's output goes abroad.", 75),
])
def test_a_fraction_of_a_total_is_a_percentage(text, want):
    assert (want, "percent") in figures(text)


@pytest.mark.parametrize("text", ["The company will sell half a million cars.", "Half of the site is built.",
                                  "A third plant opened in Peru."])
def test_other_fractions_are_not_percentages(text):
    assert all(unit != "percent" for _, unit in figures(text))


def test_an_abbreviation_of_rupees_does_not_end_the_sentence(gaz, nlp_pipeline):
    result = extract("Velmora Motors will invest Rs. 1,200 crore in its plant.", gaz, article_date="2026-03-15",
                     source_id="test-source")
    obs = [c.record for c in result.candidates if c.file == "observations"]
    assert [(o["value"], o["unit"], o.get("subject")) for o in obs] == [(12000000000, "inr", "velmora-motors")]


def test_a_dollar_sign_after_a_country_code_names_no_country(gaz, nlp_pipeline):
    result = extract("The plant deal is worth US$ 2 billion.", gaz, article_date="2026-03-15", source_id="test-source")
    assert not any(m.id == "united-states" for m in result.mentions)


@pytest.mark.parametrize("text, want", [
    ("The ministry granted a six-month tariff holiday to importers.", (6, "months")),
    ("Buyers get a three-month grace period.", (3, "months")),
    ("Its sales have grown for 14 consecutive months.", (14, "months")),
])
def test_a_span_of_months_that_qualifies_a_duration(text, want):
    assert want in figures(text)


def test_months_as_a_time_span_of_a_plan_are_no_duration():
    assert figures("The brand will launch two models in the next six months.") == [(2, "models")]


@pytest.mark.parametrize("text, want", [
    ("The plant can make 3,00,000 units a year.", (300000, "vehicles")),
    ("It sold 1,20,000 cars in the year.", (120000, "vehicles")),
    ("The plan needs ₹1 lakh crore of investment.", (1000000000000, "inr")),
])
def test_indian_digit_grouping_and_lakh_crore(text, want):
    assert figures(text) == [want]


@pytest.mark.parametrize("text, bound", [("The plant will hire as many as 3,000 workers.", "upper"),
                                         ("It may spend as much as $2 billion on the site.", "upper"),
                                         ("It sold just under 40,000 cars.", "upper")])
def test_hedges_of_an_upper_bound(text, bound):
    assert [s.bound for s in find_statistics(text)] == [bound]
