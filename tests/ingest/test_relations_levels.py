"""A sale proposed at a city is moved to the city's country (:mod:`relations_levels`); sentences written
for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def _markets(gaz, text: str) -> set:
    return {p for p in pairs(run(gaz, text)) if p[0] == "market_presence"}


def test_a_market_at_a_city_is_its_country(gaz):
    for text, country in (("Chery sells its cars through two showrooms in Riyadh.", "saudi-arabia"),
                          ("Geely sells its cars in Mendoza, a city in western Argentina, through one dealer.",
                           "argentina"),
                          ("BYD now sells its buses in Dubai as well.", "united-arab-emirates")):
        got = _markets(gaz, text)  # (a sale in Shanghai, China, is no market abroad: tests/ingest/test_round11_lead)
        assert any(p[2] == country for p in got), (text, got)
        assert not any(p[2] in {"riyadh", "mendoza", "dubai"} for p in got), (text, got)


def test_a_city_and_its_country_give_one_market(gaz):
    got = _markets(gaz, "In Saudi Arabia, Chery sells its cars through its own showrooms in Riyadh.")
    assert {p[2] for p in got if p[1] == "chery"} == {"saudi-arabia"}
