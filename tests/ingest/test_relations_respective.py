"""Names paired one to one by "respectively" (:mod:`relations_respective`), on sentences written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def test_respectively_pairs_each_company_with_its_own_market(gaz):
    got = pairs(run(gaz, "Kovara Motors and Jinlan Auto sell their cars in Chile and Peru, respectively."))
    assert {p for p in got if p[0] == "market_presence"} == {("market_presence", "kovara-motors", "chile"),
                                                             ("market_presence", "jinlan-auto", "peru")}, got


def test_respectively_pairs_each_company_with_its_own_plant(gaz):
    got = pairs(run(gaz, "Kovara Motors and Jinlan Auto build their vans in Hungary and Poland respectively."))
    assert ("sites", "kovara-motors", "poland") not in got and ("sites", "jinlan-auto", "hungary") not in got, got
    assert ("sites", "kovara-motors", "hungary") in got, got


def test_companies_acting_respectively_are_not_partners(gaz):
    got = pairs(run(gaz, "Fenghua Motor and Tongyu Motors opened their first showrooms in Santiago, Chile, and "
                         "Lima, Peru, respectively, last week."))
    assert not {p for p in got if p[0] == "partnerships"}, got
    assert not {p for p in got if p[1] == "fenghua-motor" and p[2] in {"lima", "peru"}}, got
    together = pairs(run(gaz, "Kovara Motors and Jinlan Auto will open showrooms in Chile and Peru together."))
    assert ("partnerships", "jinlan-auto", "kovara-motors") in together, together
