"""Relations a sentence only supposes or says have ended (:mod:`relations_modality`), on sentences written for these
tests: each form is checked beside the same fact stated plainly, which the rules do propose."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def _about(gaz, text: str, place: str) -> set:
    return {p for p in pairs(run(gaz, text)) if place in p[1:]}


def test_a_supposed_plant_is_no_site(gaz):
    assert ("sites", "chery", "poland") in pairs(run(gaz, "Chery opened a car plant in Poland last year."))
    for text in ("Chery could open a car plant in Poland if the duties rise, analysts believe.",
                 "In our view Chery might eventually add a car plant in Poland.",
                 "Chery may consider a second car plant in Poland after 2030, its chairman said.",
                 "Chery may one day look at Poland, where a car plant would avoid the border duties.",
                 "If Warsaw were to offer subsidies, Chery would build a car plant in Poland."):
        assert not _about(gaz, text, "poland"), text


def test_a_plan_said_with_will_stays_a_site(gaz):
    for text in ("Chery will build a car plant in Poland, it said on Tuesday.",
                 "Chery said it would build a car plant in Poland by 2028."):
        assert ("sites", "chery", "poland") in pairs(run(gaz, text)), text


def test_a_supposition_in_another_clause_does_not_reach_the_relation(gaz):
    text = "Chery, which opened a car plant in Poland last year, could soon face new duties."
    assert ("sites", "chery", "poland") in pairs(run(gaz, text))


def test_an_ended_agreement_is_no_partnership(gaz):
    assert ("partnerships", "byd", "chery") in pairs(run(gaz, "BYD signed a supply agreement with Chery in March."))
    for text in ("BYD ended its supply agreement with Chery in March.",
                 "In March BYD terminated the supply agreement it had signed with Chery.",
                 "The supply agreement between BYD and Chery expired in March and was not renewed."):
        assert ("partnerships", "byd", "chery") not in pairs(run(gaz, text)), text


def test_a_stake_sold_is_no_investment(gaz):
    assert ("investments", "byd", "chery") in pairs(run(gaz, "BYD bought a 5% stake in Chery in 2025."))
    for text in ("BYD sold its 5% stake in Chery in 2025.",
                 "In 2025 BYD disposed of its stake in Chery.",
                 "BYD has offloaded its small stake in Chery, the filing shows."):
        assert ("investments", "byd", "chery") not in pairs(run(gaz, text)), text


def test_a_market_no_longer_served_is_no_presence(gaz):
    assert ("market_presence", "byd", "norway") in pairs(run(gaz, "BYD sells its cars in Norway."))
    for text in ("BYD no longer sells its cars in Norway.",
                 "Since the spring, BYD no longer exports any cars to Norway.",
                 "BYD sold its cars in Norway until 2024."):
        assert ("market_presence", "byd", "norway") not in pairs(run(gaz, text)), text


def test_a_partner_held_until_a_time_past_is_no_partnership(gaz):
    assert ("partnerships", "byd", "chery") in pairs(run(gaz, "BYD signed a supply agreement with Chery in March."))
    for text in ("BYD had a supply agreement with Chery until last year.",
                 "Until 2024 BYD worked with Chery on batteries.",
                 "BYD cooperated with Chery on battery packs until the end of 2023."):
        assert ("partnerships", "byd", "chery") not in pairs(run(gaz, text)), text


def test_a_rumoured_relation_is_withdrawn(gaz):
    assert ("sites", "chery", "poland") in pairs(run(gaz, "Chery will build a car plant in Poland, it said."))
    for text in ("The board has seen press reports that Chery will build a car plant in Poland.",
                 "Rumours that Chery would open a car plant in Poland have circulated since May.",
                 "The long-rumoured car plant of Chery in Poland has still not been confirmed."):
        assert ("sites", "chery", "poland") not in pairs(run(gaz, text)), text
    assert ("partnerships", "byd", "chery") not in pairs(
        run(gaz, "Reports that BYD had signed a supply agreement with Chery moved both shares on Friday."))
