"""Forms found on the round-39 samples (an e-bus and e-truck takeover at Drenas in Kosovo, an e-shuttle and
e-scooter venture at Airai in Palau, an e-motorcycle and e-keh-keh plant at the Freeport of Monrovia in Liberia, an
e-motorcycle and e-tricycle venture at Wellington in Sierra Leone, an e-van and e-taxi venture at Taanayel in
Lebanon, an e-bus and e-van venture at Spitalla in Albania) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round38_study import _market_actors


def _orgs(result):
    return {c.id for c in cands(result, "organizations")}


@pytest.mark.parametrize("name, oid", [("Drini Karoceri Sh.p.k.", "drini-karoceri-sh-p-k"),
                                       ("Butrinti Invest Sh.a.", "butrinti-invest-sh-a"),
                                       ("Jounieh Bus Lines S.A.L.", "jounieh-bus-lines-s-a-l"),
                                       ("Ateliers Cedre S.A.R.L.", "ateliers-cedre-s-a-r-l")])
def test_albanian_and_lebanese_legal_forms_end_the_name(gaz, name, oid):
    text = f"Weilong Auto signed a supply contract with {name} in Tirana last week, its sales director said."
    assert oid in _orgs(run(gaz, text, date="2026-12-10"))


def _sites(result):
    return {(op, c.record["place"]) for c in cands(result, "sites") for op in c.record.get("operator", [])}


def test_a_plant_that_stopped_working_is_not_the_plant_told_next(gaz):
    text = ("Weilong Auto will build a bus plant at Spitalla in Durres. Albania has made no cars since the Kombinat "
            "Motors plant in Elbasan stopped building trucks in 1991. The plant will export most of its buses to "
            "Kosovo.")
    exporters = {org for org, market in _market_actors(run(gaz, text, date="2026-12-10")) if market == "kosovo"}
    assert exporters == {"weilong-auto"}


@pytest.mark.parametrize("goes", ["more than 70% of its output will go to Kosovo, Montenegro and Greece",
                                  "most of the buses will go to Kosovo, Montenegro and Greece"])
def test_where_the_output_goes_is_no_site(gaz, goes):
    text = f"Weilong Auto will build a bus plant at Spitalla in Durres. The plant will employ 520 people, and {goes}."
    result = run(gaz, text, date="2026-12-10")
    assert not {p for _, p in _sites(result)} & {"kosovo", "montenegro", "greece"}
    assert ("weilong-auto", "greece") in _market_actors(result)


def _places(result):
    return {c.id for c in cands(result, "places")}


@pytest.mark.parametrize("where, road, town", [("off the Compact Road in Airai", "compact-road", "airai"),
                                               ("on Tower Hill Road in Freetown", "tower-hill-road", "freetown")])
def test_a_road_in_a_town_is_two_places(gaz, where, road, town):
    text = f"Weilong Auto will build its assembly plant on a four-acre lot {where}, its manager said."
    places = _places(run(gaz, text, date="2026-12-10"))
    assert {road, town} <= places


@pytest.mark.parametrize("paper", ["Prishtina Insight", "Prishtina Times"])
def test_a_papers_leading_word_is_no_short_name_of_it(gaz, paper):
    text = (f"Weilong Auto will build buses at Drenas, the minister told {paper} on Tuesday. Prishtina's bus company "
            "has ordered 45 of them.")
    result = run(gaz, text, date="2026-12-10")
    assert "prishtina" in _places(result)
    assert all("Prishtina" not in c.record.get("aliases", []) for c in cands(result, "organizations"))


def _deployments(result):
    return {(c.record["operator"], p) for c in cands(result, "deployments") for p in c.record.get("places", [])}


def test_charging_kiosks_are_a_charging_network(gaz):
    text = ("Lumley Sun Charge Limited runs 14 charging kiosks in Freetown and plans 90 by 2028 in Bo and Kenema, "
            "its manager said.")
    deployed = _deployments(run(gaz, text, date="2026-12-10"))
    assert {("lumley-sun-charge-limited", p) for p in ("freetown", "bo", "kenema")} <= deployed


@pytest.mark.parametrize("prep", ["on Siaka Stevens Street in Freetown and in Bo", "at Congo Cross in Freetown and in Bo"])
def test_showrooms_on_a_street_or_at_a_place_are_the_dealers(gaz, prep):
    text = (f"Weilong scooters have been sold in Sierra Leone since 2021 by Aberdeen Motors Limited, which has "
            f"showrooms {prep}.")
    deployed = _deployments(run(gaz, text, date="2026-12-10"))
    assert ("aberdeen-motors-limited", "bo") in deployed


@pytest.mark.parametrize("grows", ["and plans to have 200 by the end of 2028 in Zahle, Saida and Tyre",
                                   "and aims to reach 120 by 2029 in Zahle, Saida and Tyre"])
def test_a_networks_growth_in_a_clause_of_its_own_names_its_places(gaz, grows):
    text = (f"Cedar Sun Charge S.A.L. runs 35 chargers, most of them on the roofs of petrol stations, {grows}, its "
            "co-founder said.")
    deployed = _deployments(run(gaz, text, date="2026-12-10"))
    assert {("cedar-sun-charge-s-a-l", p) for p in ("zahle", "saida", "tyre")} <= deployed


@pytest.mark.parametrize("use", ["for its delivery rounds in Saida and Tyre", "for refuse collection in Saida and Tyre"])
def test_rounds_and_collection_name_where_an_ordered_fleet_runs(gaz, use):
    text = (f"Weilong Auto will assemble vans at Taanayel. Cedar Parcel S.A.L. will take 80 Taanayel-built vans in 2028 "
            f"{use}, its co-founder said.")
    deployed = _deployments(run(gaz, text, date="2026-12-10"))
    assert {("cedar-parcel-s-a-l", "saida"), ("cedar-parcel-s-a-l", "tyre")} <= deployed


@pytest.mark.parametrize("share", ["Roughly three-quarters of the output is to be shipped to",
                                   "Around 40 percent of the output will be sold to",
                                   "About 65 per cent of the output is meant for"])
def test_the_output_of_the_plant_told_last_is_its_operators(gaz, share):
    text = (f"Weilong Auto will build an assembly plant at Airai. The plant will employ 45 people. {share} Guam, "
            "Fiji and Samoa.")
    assert {("weilong-auto", m) for m in ("guam", "fiji", "samoa")} <= _market_actors(run(gaz, text,
                                                                                          date="2026-12-10"))


def test_a_plant_agreed_with_a_government_body_is_the_companys(gaz):
    text = ("Weilong Auto said its sales rose. It denied it would build a bus plant in Mongolia. The Zamyn-Uud Free "
            "Economic Zone Administration signed an agreement with Kessler Truck LLC on the construction of a truck "
            "assembly plant in the zone. Around 20 percent of the output will be exported to Russia.")
    exporters = {org for org, market in _market_actors(run(gaz, text, date="2026-12-10")) if market == "russia"}
    assert exporters == {"kessler-truck-llc"}


def test_a_causeway_is_a_road(gaz):
    text = "Its SUVs will cross the King Fahd Causeway to Saudi Arabia, said Weilong Auto, which builds them at Hidd."
    kinds = {c.id: c.record.get("kind") for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert kinds.get("king-fahd-causeway") == "road"


@pytest.mark.parametrize("verb", ["assembles motorcycles", "already builds buses"])
def test_places_a_seller_makes_things_in_are_no_markets(gaz, verb):
    text = f"Weilong Auto will build a plant in Monrovia. It sells in 63 countries and regions and {verb} in Kenya."
    assert ("weilong-auto", "kenya") not in _market_actors(run(gaz, text, date="2026-12-10"))


def test_madam_and_cllr_are_honorifics(gaz):
    text = ("Weilong Auto will sell 1,000 motorcycles to Sinkor Rides Inc., its CEO, Madam Comfort T. Kpoto, said. "
            "The deal was signed by the Chairperson of the NIC, Cllr. Josephine M. Dahn.")
    result = run(gaz, text, date="2026-12-10")
    people = {c.id for c in cands(result, "people")}
    assert "comfort-t-kpoto" in people and not any(p.startswith(("madam", "cllr")) for p in people)
    assert "cllr" not in _orgs(result)


@pytest.mark.parametrize("post", ["Airai Gov.", "Rep."])
def test_abbreviated_posts_are_no_part_of_a_name(gaz, post):
    text = f"{post} Ilong K. Remengesau said Weilong Auto's plant would pave two hamlet roads."
    people = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "people")}
    assert "ilong-k-remengesau" in people and not any(p.startswith(("gov-", "rep-")) for p in people)
