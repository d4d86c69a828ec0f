"""Relation forms of round 3 (issue 15), on sentences written for these tests: places that are no market,
actors outside relative clauses, exporters within their clause, destination rankings, and partnerships that are
none."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _markets(result) -> set[tuple[str, str]]:
    """(organisation, place) of every market presence and every deployment's operator and partners."""
    out = {(r["exporter"], r["market"]) for r in records(result, "market_presence")}
    return out | {(o, p) for r in records(result, "deployments") for o in [r["operator"], *r.get("partners", [])]
                  for p in r["places"]}


# ------------------------------------------------------------------------- a place in a title is no market
@pytest.mark.parametrize("text, company, place, title_places", [
    ("Orvix Mobility wants its driverless cars on sale in Oslo by 2027, according to Mia Lund, the company's general "
     "manager for Denmark, Norway and Finland.", "orvix-mobility", "oslo", {"denmark", "norway", "finland"}),
    ("Tovaro Motors plans to sell electric vans in Chile next year, said Pablo Reyes, its head of Peru and "
     "Colombia.", "tovaro-motors", "chile", {"peru", "colombia"}),
    ("Brennick Auto will launch robotaxis in Dubai, according to a spokesperson for its office in Qatar.",
     "brennick-auto", "dubai", {"qatar"}),
])
def test_a_place_in_a_persons_title_or_an_attribution_is_no_market(run, text, company, place, title_places):
    result = run(text)
    where = _markets(result)
    assert (company, place) in where
    assert not {p for _, p in where} & title_places


# ---------------------------------------------------- a name inside a relative clause is not the clause's actor
@pytest.mark.parametrize("text, actor, place, others", [
    ("Lyra Mobility, which has signed deals with Kovo Robotics, Tarsen Auto and Pelix Systems over the past year, "
     "wants robotaxis on its app in Norway and Sweden by 2028.", "lyra-mobility", "norway",
     {"kovo-robotics", "tarsen-auto", "pelix-systems"}),
    ("Dalvik Motors, whose vans are built by Harwell Industries, Brogan Group and Castel Motors, will open "
     "showrooms in Poland next spring.", "dalvik-motors", "poland", {"harwell-industries", "brogan-group",
                                                                      "castel-motors"}),
])
def test_names_in_a_relative_clause_with_commas_are_not_the_actor(run, text, actor, place, others):
    where = _markets(run(text))
    assert (actor, place) in where
    assert not {o for o, _ in where} & others
