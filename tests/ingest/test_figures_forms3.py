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
