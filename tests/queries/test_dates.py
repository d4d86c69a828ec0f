"""Dates shown to people keep the precision their source stated."""

from nevkg.queries.tour import example_facts


def test_the_tour_shows_source_dates_as_stated(kg):
    dates = {kind: issued for kind, _text, _source, issued in example_facts(kg)}
    # the two-sessions article is dated by month only: never shown as if it named the first day
    assert dates["partnership"] == "2025-03"
    assert all(len(d) in (4, 7, 10) for d in dates.values())


def test_measures_keep_the_stated_precision_of_their_dates(kg):
    """Indonesia's BKPM 6/2023 is dated by its year alone: "issued 2023", never "2023-01-01"."""
    from nevkg.queries.risk.measures import measures

    found = {m["id"].rsplit("/", 1)[-1]: m for m in measures(kg)}
    incentives = found["indonesia-bev-import-incentives"]
    assert incentives["issued"] == "2023"
    assert incentives["end"] == "2025-12-31"
    assert all(len(m["start"]) in (0, 4, 7, 10) for m in found.values())
