"""Forms found on the round-18 samples (a Singapore taxi order, a Mexican pickup plant, a Kenyan e-bus stake, KD
assembly in Kazakhstan with a Saudi stake, a Gulf fund's robotaxi stake, Argentina's EV quota) once their unseen
scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _orgs


def test_a_headline_short_name_of_the_company_the_body_names_in_full_is_that_company(gaz):
    text = ("Velmora Auto to Build EVs in Uzbekistan\n\n"
            "Velmora Automobile Group will start building electric cars in Uzbekistan next year, the Chinese "
            "carmaker said on Monday. Velmora will invest 500 million yuan in the plant in Jizzakh.")
    result = run(gaz, text, date="2026-12-01")
    assert "velmora-automobile-group" in _orgs(result) and "velmora-auto" not in _orgs(result)
    assert {o for c in cands(result, "sites") for o in c.record["operator"]} == {"velmora-automobile-group"}


def test_a_name_ending_in_the_legal_form_s_a_is_one_company(gaz):
    text = ("The plant will be run by a new company, Ensambladora Quebracho Velmora S.A., in which Velmora Motors "
            "will hold 20 percent and Grupo Quebracho the rest.")
    result = run(gaz, text, date="2026-12-01")
    assert "ensambladora-quebracho-velmora-s-a" in _orgs(result)
    assert not {c.record["id"] for c in cands(result, "places")} & {"ensambladora"}


def _markets(result) -> set[tuple[str, str, str]]:
    return {(c.record["exporter"], c.record["activity"], c.record["market"]) for c in cands(result, "market_presence")}


def test_each_of_coordinated_places_after_from_is_an_origin(gaz):
    text = ("Toyota, which will use its share for hybrids shipped from Brazil and Japan, was the largest "
            "beneficiary with 7,400 units.")
    assert not {m for _, _, m in _markets(run(gaz, text, date="2026-12-03"))} & {"brazil", "japan"}


def test_stores_opened_starting_with_a_list_of_cities_stand_in_each(gaz):
    text = ("Velmora Holding will open 22 showrooms by the end of 2027, starting with Abu Dhabi, Dubai, Riyadh and "
            "Doha, and aims to sell about 8,000 cars in its first full year.")
    result = run(gaz, text, date="2026-12-01")
    assert {"abu-dhabi", "dubai", "riyadh", "doha"} <= {p for c in cands(result, "deployments")
                                                        for p in c.record["places"]}
