"""Market presence read from the parse, round 4 forms (:mod:`parsed`), on sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def test_expanding_a_plant_is_no_market(gaz):
    for text, place in (("Kovara Motors will expand its plant at Halol in Gujarat to make 300,000 cars a year.",
                         "gujarat"),
                        ("Kovara Motors will expand its factory at Tatabanya in Hungary next year.", "hungary"),
                        ("Kovara Motors said it would expand capacity at Nitra in Slovakia.", "slovakia")):
        got = pairs(run(gaz, text))
        assert ("market_presence", "kovara-motors", place) not in got, (text, got)


def test_expanding_into_a_country_is_a_market(gaz):
    got = pairs(run(gaz, "Kovara Motors will expand into Chile and Peru next year."))
    assert {("market_presence", "kovara-motors", "chile"), ("market_presence", "kovara-motors", "peru")} <= got, got


def test_a_place_held_by_another_owners_site_noun_is_not_the_actors(gaz):
    for text, wrong in (
            ("The region's car industry is built around Renault's plant in Tangier and the Stellantis factory in "
             "Kenitra.", ("sites", "stellantis", "tangier")),
            ("Most of the cars come from Kovara Motors' plant in Rayong and the Jinlan Auto factory in Chonburi.",
             ("sites", "jinlan-auto", "rayong")),
            ("The industry grew around BYD's plant in Szeged and the Chery factory in Barcelona.",
             ("sites", "chery", "szeged"))):
        got = pairs(run(gaz, text))
        assert wrong not in got, (text, got)


def test_the_subject_says_whose_named_plant_it_is(gaz):
    for text, owner in (
            ("Kovara Motors will assemble vans at a plant in Rayong. Jinlan Auto already runs the Chonburi plant "
             "with Ostra Components, a parts maker.", "jinlan-auto"),
            ("Kovara Motors builds its vans at a factory in Szeged. Pellin Group operates the Debrecen factory "
             "together with Ostra Components.", "pellin-group"),
            ("Kovara Motors opened a car plant in Kenitra in May. Since 2019 Jinlan Auto has run the Tangier plant "
             "with Ostra Components.", "jinlan-auto")):
        got = pairs(run(gaz, text))
        assert ("partnerships", "kovara-motors", "ostra-components") not in got, (text, got)
        assert any(owner in p for p in got), (text, got)  # the plant's own operator is read


def test_its_of_a_plant_is_the_plants_own(gaz):
    for text in ("Kovara Motors runs a plant in Rayong. Reports say Jinlan Auto may buy a car plant in Spain. "
                 "The Rayong plant will double its output in 2027.",
                 "Kovara Motors runs a factory in Rayong. Jinlan Auto plans a car factory in Spain. The Rayong "
                 "factory should reach its full capacity of 90,000 cars next year.",
                 "Kovara Motors runs a plant in Rayong. Jinlan Auto plans a car plant in Spain. Managers expect the "
                 "Rayong plant to lift its output by a third."):
        got = pairs(run(gaz, text))
        assert ("sites", "jinlan-auto", "rayong") not in got and ("sites", "kovara-motors", "rayong") in got, got


def test_we_in_a_statement_that_defines_its_issuer_is_the_issuer(gaz):
    for text in ('Kovara Motors Holdings Limited (the "Company") announces its results. In 2026 we entered Chile '
                 "and Peru.",
                 'Kovara Motors Holdings Limited ("Kovara" or the "Group") announces its results. Our plant in '
                 "Rayong, Thailand, made 30,000 cars. We entered Chile.",
                 'Kovara Motors Holdings Limited (together with its subsidiaries, the "Group") reports. The Group '
                 "entered Chile in May."):
        got = pairs(run(gaz, text))
        assert ("market_presence", "kovara-motors-holdings-limited", "chile") in got, (text, got)


def test_we_in_a_quotation_or_without_a_definition_is_no_one(gaz):
    for text in ('Kovara Motors Holdings Limited (the "Company") announces its results. "We entered Chile," said '
                 "an analyst at Jinlan Research.",
                 "Kovara Motors Holdings Limited announces its results. In 2026 we entered Chile."):
        got = pairs(run(gaz, text))
        assert ("market_presence", "kovara-motors-holdings-limited", "chile") not in got, (text, got)


@pytest.mark.parametrize("text, activity, markets", [
    ("Brisco Motors exports vans to Chile, to Peru and to Ecuador.", "exports-to", {"chile", "peru", "ecuador"}),
    ("Calder Auto sells cars in Spain, in Portugal and in Italy.", "sells-in", {"spain", "portugal", "italy"}),
    ("Tallis Motors now delivers to Norway as well as to Sweden and Denmark.", "delivers-to",
     {"norway", "sweden", "denmark"}),
])
def test_a_list_that_repeats_its_preposition_is_one_list_of_markets(gaz, text, activity, markets):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    found = {(c.record["activity"], c.record["market"]) for c in result.candidates if c.file == "market_presence"}
    assert found == {(activity, m) for m in markets}
