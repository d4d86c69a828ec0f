"""Figures in wire-report and trade-press wordings: more verbs of change, 'pct', bases written 'on a year
earlier'; on sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import find_statistics
from nevkg.ingest.extract.periods import _plain


def figures(text):
    return [(_plain(s.value), s.unit, s.role) for s in find_statistics(text)]


@pytest.mark.parametrize("text, want", [
    ("Orvista's shipments dipped 4.1 pct to 47,900 in March.", [(-4.1, "percent", "yoy"), (47900, "vehicles", "base")]),
    ("Registrations slumped 12 percent to 3,100 units.", [(-12, "percent", "yoy"), (3100, "vehicles", "base")]),
    ("Deliveries leapt 30% to 8,200 vehicles in May.", [(30, "percent", "yoy"), (8200, "vehicles", "base")]),
    ("Its exports tumbled 7.5 pct last quarter.", [(-7.5, "percent", "yoy")]),
])
def test_more_verbs_of_change_and_pct(text, want):
    assert figures(text) == want


@pytest.mark.parametrize("text, want", [
    ("The group sold 52,000 cars, a 14% rise on a year earlier.", 14),
    ("Output reached 9,800 units, a 6 per cent fall on last year.", -6),
])
def test_a_change_on_a_year_earlier(text, want):
    assert (want, "percent", "yoy") in figures(text)


@pytest.mark.parametrize("text, want", [
    ("The operator aims to be present in at least 12 European cities by 2028.", (12, "cities", "lower")),
    ("The fund backs 40 Chinese companies abroad.", (40, "companies", None)),
    ("The brand is sold in nine Asian markets.", (9, "countries-and-regions", None)),
])
def test_a_demonym_between_a_count_and_its_noun(text, want):
    assert [(_plain(s.value), s.unit, s.bound) for s in find_statistics(text)] == [want]


@pytest.mark.parametrize("text, want", [
    ("The shuttle line opens with 25 electric minivans.", 25),
    ("The city ordered 140 vans and 60 MPVs from the maker.", 60),
    ("Its fleet includes 300 taxis.", 300),
])
def test_more_vehicle_nouns(text, want):
    assert (want, "vehicles", "base") in figures(text)


@pytest.mark.parametrize("text, want", [
    ("The dealer will service the cars for at least ten years.", (10, "years", "lower")),
    ("The subsidy was extended for up to three years.", (3, "years", "upper")),
    ("The brand has sold cars in Chile for six years.", (6, "years", None)),
])
def test_a_span_of_years_after_for_with_a_hedge(text, want):
    assert [(_plain(s.value), s.unit, s.bound) for s in find_statistics(text)] == [want]


def test_years_without_for_are_no_duration():
    assert figures("The plant will open in three years.") == []


@pytest.mark.parametrize("text", ["Analysts expect exports to top 900,000 units.",
                                  "The group wants its sales to exceed 50,000 cars.",
                                  "Deliveries are forecast to surpass 12,000 vehicles."])
def test_to_top_a_figure_is_a_lower_bound(text):
    assert [s.bound for s in find_statistics(text)] == ["lower"]


@pytest.mark.parametrize("text, want", [
    ("It sold 9,000 cars, a 12% drop, in May.", (-12, "percent", "yoy")),
    ("Output came to 640,000 units, an 8.5 percent increase.", (8.5, "percent", "yoy")),
    ("Exports totalled 31,000 vehicles, a 22-percent rise.", (22, "percent", "yoy")),
])
def test_a_change_set_after_its_figure(text, want):
    assert want in figures(text)


def test_a_change_against_another_period_set_after_a_figure_is_a_change():
    # (that it is no yearly change of 5,000 is decided with its sentence: tests/ingest/test_measures_amounts.py)
    assert (3, "percent", "yoy") in figures("Sales rose to 5,000 units, a 3 percent rise over the previous quarter.")


@pytest.mark.parametrize("text", ["The brand will launch four models over the next 18 months.",
                                  "It expects to break even within 3 years.",
                                  "Output doubled in the past 12 months."])
def test_the_time_span_of_a_plan_is_no_figure(text):
    assert all(unit not in {"months", "years"} for _, unit, _ in figures(text))


def test_a_duration_after_for_is_still_a_figure():
    assert (14, "months", "base") in figures("Its sales have grown for 14 consecutive months.")


@pytest.mark.parametrize("text", ["It holds a 35% market share in Chile.",
                                  "The brand took a 12 percent share of sales.",
                                  "Chinese brands held a combined 9.5% share of the market."])
def test_a_percentage_before_the_word_share_is_a_share(text):
    assert [s.role for s in find_statistics(text)] == ["share"]


@pytest.mark.parametrize("text, want", [
    ("It expects 30,000 deliveries in 2026, twice last year's total.", (30000, 2)),
    ("Exports reached 8,000 units, twice the previous year's level.", (8000, 2)),
])
def test_twice_the_year_before_is_a_doubling(text, want):
    assert [(_plain(s.value), s.role) for s in find_statistics(text)][-1] == (want[1], "yoy")


@pytest.mark.parametrize("text, want", [
    ("The state investor will pay NOK 120 million for the stake.", (120000000, "nok")),
    ("The carmaker spent SEK 2.5 billion on its Ghent plant.", (2500000000, "sek")),
    ("A depot in Zurich cost CHF 40 million to build.", (40000000, "chf")),
])
def test_european_currency_codes_before_the_amount(text, want):
    assert [(_plain(s.value), s.unit) for s in find_statistics(text) if s.role == "base"] == [want]


@pytest.mark.parametrize("text, value", [
    ("Thailand took 9,500 of the group's cars, making it the largest market.", 9500),
    ("About 3,000 of its EVs went to Chile last year.", 3000),
    ("Buyers in Peru registered 1,200 of Lanshan's electric vans.", 1200),
])
def test_a_part_of_a_whole_is_counted_in_vehicles(text, value):
    assert [(int(st.value), st.unit) for st in find_statistics(text, 0)] == [(value, "vehicles")]


@pytest.mark.parametrize("text, value", [
    ("The state cut the company's sales tax for fifteen years.", 15),
    ("The battery maker will supply cells under a five-year contract signed on Monday.", 5),
    ("The dealer has sold cars in Morocco for more than twenty-five years.", 25),
    ("Lanshan signed a 10-year lease on the site.", 10),
])
def test_a_term_of_years_is_a_figure(text, value):
    assert [(int(st.value), st.unit) for st in find_statistics(text, 0)] == [(value, "years")]


@pytest.mark.parametrize("text", ["We have spent three years learning the streets.", "The five-year plan ends.",
                                  "Sales will double within three years."])
def test_a_span_of_years_that_is_no_term_is_no_figure(text):
    assert find_statistics(text, 0) == []


@pytest.mark.parametrize("text, value, unit", [
    ("The plant is expected to create 2,100 direct jobs.", 2100, "jobs"),
    ("The first batch of 1,200 kits left the port of Tianjin last week.", 1200, "vehicles"),
    ("The taxi firm works with some 2,300 affiliated drivers.", 2300, "jobs"),
    ("The line will assemble 5,000 CKD kits a year.", 5000, "vehicles"),
])
def test_a_count_with_one_more_describing_word(text, value, unit):
    assert [(int(st.value), st.unit) for st in find_statistics(text, 0)] == [(value, unit)]
