"""Dates shown to people keep the precision their source stated."""

from nevkg.queries.tour import example_facts


def test_the_tour_shows_source_dates_as_stated(kg):
    dates = {kind: issued for kind, _text, _source, issued in example_facts(kg)}
    # the two-sessions article is dated by month only: never shown as if it named the first day
    assert dates["partnership"] == "2025-03"
    assert all(len(d) in (4, 7, 10) for d in dates.values())
