"""Periods in more wordings: plans written 'due to open', a relative clause that does not set the main clause's
tense, 'since the start of' a year, and the full year; on phrases written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.periods import find_periods


def spans(text: str, date: str = "2026-06-09") -> list[tuple[str, str, str]]:
    return [(p.period_start, p.period_end, p.kind) for p in find_periods(text, 0, date)]


@pytest.mark.parametrize("text, want", [
    ("The line, due to open in the fourth quarter, will make vans.", ("2026-10", "2026-12")),
    ("The store is slated to start trading in November.", ("2026-11", "2026-11")),
    ("Deliveries, set to begin in the third quarter, are sold out.", ("2026-07", "2026-09")),
])
def test_due_to_open_puts_the_time_ahead(text, want):
    assert spans(text)[0][:2] == want


@pytest.mark.parametrize("text", ["Sales fell due to strikes in March.",
                                  "Output dipped due to the holiday in April."])
def test_due_to_a_cause_does_not(text):
    assert spans(text)[0][0] < "2026-06"


@pytest.mark.parametrize("text, want", [
    ("Orvista, which plans to enter Peru, said in May that sales rose.", ("2026-05", "2026-05")),
    ("The group, which will list its shares, opened a store in February.", ("2026-02", "2026-02")),
])
def test_a_relative_clause_does_not_put_the_main_clause_ahead(text, want):
    assert spans(text)[0][:2] == want


@pytest.mark.parametrize("text", ["The rule has applied since the start of 2026.",
                                  "It has grown since the beginning of 2025."])
def test_since_the_start_of_a_year_is_a_since_period(text):
    assert spans(text)[0][2] == "since"


@pytest.mark.parametrize("text, date, want", [
    ("Analysts expect full-year exports to top 2 million.", "2026-11-12", ("2026", "2026")),
    ("For the whole year, the brand plans to sell 20,000 cars.", "2026-05-01", ("2026", "2026")),
    ("Full-year deliveries rose 8%.", "2026-02-10", ("2025", "2025")),
])
def test_the_full_year(text, date, want):
    assert spans(text, date)[0][:2] == want


def test_a_full_year_with_its_number_is_that_year():
    assert spans("Its full-year 2025 sales were a record.")[0][:2] == ("2025", "2025")


@pytest.mark.parametrize("text, want", [
    ("The carmaker sold 27,500 units in the quarter ended September.", ("2025-07", "2025-09")),
    ("In the quarter to June 2025 it grew.", ("2025-04", "2025-06")),
    ("Revenue in the quarter ending March 31 rose.", ("2026-01", "2026-03")),
])
def test_the_quarter_ended_a_month(text, want):
    assert spans(text, "2026-05-20")[0][:2] == want


@pytest.mark.parametrize("text, want", [
    ("Its first-quarter total reached 41,000.", ("2026-01", "2026-03")),
    ("First-half sales rose.", ("2025-01", "2025-06")),
])
def test_a_hyphenated_quarter_or_half(text, want):
    assert spans(text, "2026-05-20")[0][:2] == want


@pytest.mark.parametrize("text, want", [
    ("From July 1, imported cars will face a higher tariff.", "2026-07-01"),
    ("Starting 1 August, the rebate will shrink.", "2026-08-01"),
])
def test_a_start_day_of_what_will_happen_is_ahead(text, want):
    assert spans(text, "2026-03-20")[0][0] == want


def test_a_start_day_of_what_happened_stays_past():
    assert spans("From 1 November, sales rose.", "2026-03-20")[0][0] == "2025-11-01"


@pytest.mark.parametrize("text, want", [
    ("The group shipped 41,200 vans in the ten months ended 31 October 2026.", ("2026-01", "2026-10")),
    ("Revenue for the six months ended 30 June 2026 rose by a fifth.", ("2026-01", "2026-06")),
    ("Its loss for the year ended 31 December 2025 narrowed.", ("2025-01", "2025-12")),
])
def test_months_ended_on_a_day_written_before_its_month(text, want):
    assert spans(text)[0][:2] == want
