"""Periods that end in a named month, trailing windows and fiscal years, on phrases written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.periods import find_periods


def spans(text: str, date: str = "2026-11-10") -> list[tuple[str, str]]:
    return [(p.period_start, p.period_end) for p in find_periods(text, 0, date)]


@pytest.mark.parametrize("text, want", [
    ("Deliveries in the year through September rose.", ("2026-01", "2026-09")),
    ("It shipped more in the year until July than before.", ("2026-01", "2026-07")),
])
def test_the_year_through_a_month_is_the_year_so_far(text, want):
    assert spans(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("Deliveries in the year to September rose.", ("2025-10", "2026-09")),
    ("Output for the year to the end of August 2025 was flat.", ("2024-09", "2025-08")),
    ("Profit for the year ended June 2025 fell.", ("2024-07", "2025-06")),
])
def test_the_year_to_or_ended_a_month_is_the_twelve_months_ending_then(text, want):
    assert spans(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("Sales in the 12 months to October were a record.", ("2025-11", "2026-10")),
    ("In the three months ending June, output fell.", ("2026-04", "2026-06")),
    ("Revenue for the September quarter grew.", ("2026-07", "2026-09")),
    ("In the fiscal year ended March 2026 it sold more.", ("2025-04", "2026-03")),
])
def test_a_span_ending_in_a_month_counts_back_from_it(text, want):
    assert spans(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("Over the past 12 months it doubled.", ("2025-11", "2026-10")),
    ("Registrations in the last six months were weak.", ("2026-05", "2026-10")),
    ("In the last three months of 2025 sales slowed.", ("2025-10", "2025-12")),
])
def test_past_months_are_the_whole_months_before_the_article(text, want):
    assert spans(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("It sold 40,000 cars in FY25.", ("2024-04", "2025-03")),
    ("Exports in FY2024-25 rose.", ("2024-04", "2025-03")),
    ("Its fiscal 2026 volume fell.", ("2025-04", "2026-03")),
    ("Profit for fiscal year 2023/24 rose.", ("2023-04", "2024-03")),
])
def test_a_fiscal_year_by_number_ends_in_march(text, want):
    assert spans(text) == [want]


def test_since_a_month_runs_to_the_article_month():
    assert spans("It has sold 9,000 cars there since February.") == [("2026-02", "2026-11")]
    assert spans("It opened in February.") == [("2026-02", "2026-02")]


@pytest.mark.parametrize("text, want", [
    ("Sales fell last quarter.", ("2026-07", "2026-09")),
    ("It expects a record this quarter.", ("2026-10", "2026-12")),
    ("Output rose in the previous quarter.", ("2026-07", "2026-09")),
])
def test_a_quarter_named_relative_to_the_article(text, want):
    assert spans(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("Exports doubled in the second half of the year.", [("2026-07", "2026-12")]),
    ("It sold more in 2024-25 than before.", [("2024-04", "2025-03")]),
    ("It sold more during the July-September quarter.", [("2026-07", "2026-09")]),
])
def test_the_year_a_two_year_span_and_a_quarter_by_its_months(text, want):
    assert spans(text) == want


@pytest.mark.parametrize("text", ["Year-to-date exports stand at 21,000 units.", "YTD sales rose 5%.",
                                  "Exports year to date reached 9,000 vehicles."])
def test_year_to_date_is_january_to_the_articles_month(text):
    assert [(p.period_start, p.period_end) for p in find_periods(text, 0, "2025-06-10")] == [("2025-01", "2025-06")]
