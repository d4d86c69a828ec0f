"""Robotaxi and driverless deployments (:mod:`nevkg.ingest.extract.relations_markets`,
:mod:`nevkg.ingest.extract.parsed`): partners named together, driverless services without the word "robotaxi",
permits for road tests, and the place a "where" clause hangs on. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _deployed(result) -> set[tuple[str, str]]:
    """(organisation, place) for every operator and partner of a proposed deployment."""
    return {(o, p) for r in records(result, "deployments") for o in [r["operator"], *r.get("partners", [])]
            for p in r["places"]}


def _pairs(result) -> set[frozenset[str]]:
    """Every operator–partner pair of the deployments and partnerships."""
    out = {frozenset((r["operator"], p)) for r in records(result, "deployments") for p in r.get("partners", [])}
    return out | {frozenset(r["partners"][:2]) for r in records(result, "partnerships")}


@pytest.mark.parametrize("text, first, second, places", [
    ("Uber and WeRide plan to launch robotaxi services in Qatar and Oman, the two companies said on Monday.",
     "uber", "weride", {"qatar", "oman"}),
    ("Tripla and Kairo will offer driverless rides in Madrid and Lisbon from 2026, subject to regulatory approval.",
     "tripla", "kairo", {"madrid", "lisbon"}),
    ("Ride-hailing app Tripla and Chinese self-driving startup Velvix will deploy autonomous taxis in Norway.",
     "tripla", "velvix", {"norway"}),
])
def test_companies_named_together_both_deploy_and_are_partners(run, text, first, second, places):
    result = run(text)
    assert {(first, p) for p in places} | {(second, p) for p in places} <= _deployed(result)
    assert frozenset((first, second)) in _pairs(result)
    assert [r["operator"] for r in records(result, "deployments")][:1] == [first]  # the first named leads


@pytest.mark.parametrize("text, company, place", [
    ("Velvix secured a permit for level-4 road tests in Luxembourg.", "velvix", "luxembourg"),
    ("Kairo has received approval to test driverless cars on public roads in Belgium.", "kairo", "belgium"),
    ("WeRide was granted a licence to run self-driving shuttles in Zurich.", "weride", "zurich"),
])
def test_a_permit_to_test_is_a_deployment(run, text, company, place):
    assert (company, place) in _deployed(run(text))


def test_the_place_a_where_clause_hangs_on_is_where_the_fleet_runs(run):
    text = "The robotaxis will be bookable on the Uber app in Abu Dhabi, where WeRide already runs a fleet of 50 cars."
    assert {("uber", "abu-dhabi"), ("weride", "abu-dhabi")} <= _deployed(run(text))


def test_a_local_operator_after_together_with_is_a_partner(run):
    text = ("Kairo has received approval to test driverless cars in Luxembourg. It will run the tests together with "
            "local bus operator Fjordbuss.")
    assert frozenset(("kairo", "fjordbuss")) in _pairs(run(text))


def test_a_place_after_a_later_clause_is_not_the_deployment(run):
    text = ("Tripla and Kairo plan to deploy robotaxis in Germany next year, the companies said, as the startup "
            "expands its research centre in Austria.")
    found = _deployed(run(text))
    assert ("tripla", "germany") in found and ("tripla", "austria") not in found


@pytest.mark.parametrize("text", [
    "Ride-hailing firm Tripla and Chinese group Zenvo said they plan to roll out Zenvo's Roadgo driverless cars in "
    "France and Belgium next year.",
    "Tripla and Zenvo will bring Zenvo's Roadgo robotaxis to users in France and Belgium from 2027.",
])
def test_a_pair_named_before_deploys_the_service_of_one_of_them(run, text):
    result = run(text)
    assert {("tripla", "france"), ("zenvo", "france"), ("tripla", "belgium")} <= _deployed(result)
    assert frozenset(("tripla", "zenvo")) in _pairs(result)


def test_places_listed_after_including_are_deployments(run):
    text = ("Zenvo runs robotaxis in 16 cities, including Dubai and Abu Dhabi, where it won permits for "
            "driverless testing.")
    assert {("zenvo", "dubai"), ("zenvo", "abu-dhabi")} <= _deployed(run(text))


@pytest.mark.parametrize("text", [
    "Velvix, which is listed on Nasdaq and in Hong Kong, operates robotaxi fleets in Beijing and Shenzhen.",
    "Velvix, which counts Harbor Capital among its investors, runs robotaxis in Beijing and Shenzhen.",
])
def test_a_name_in_a_relative_clause_on_the_operator_takes_no_part(run, text):
    found = _deployed(run(text))
    assert ("velvix", "beijing") in found
    assert {o for o, _ in found} == {"velvix"} and ("velvix", "hong-kong") not in found


@pytest.mark.parametrize("text", [
    "Velvix won a permit for driverless tests in Belgium. The tests will be carried out with Noord Mobility, a "
    "Belgian transport operator.",
    "Velvix will launch a robotaxi service in Belgium next year. The service will be operated together with local "
    "bus company Noord Mobility.",
])
def test_a_partner_named_in_the_next_sentence_joins_the_deployment(run, text):
    result = run(text)
    assert ("noord-mobility", "belgium") in _deployed(result)
    assert frozenset(("velvix", "noord-mobility")) in _pairs(result)


@pytest.mark.parametrize("text, company, place", [
    ("Velvix set up its European headquarters in Brussels last year.", "velvix", "brussels"),
    ("Kairo opened a research and development centre in Antwerp in 2024.", "kairo", "antwerp"),
    ("Tripla will establish a regional hub in Dubai to serve the Gulf.", "tripla", "united-arab-emirates"),
    # (a market is its town's country where that country is known: the hub enters the UAE)
    ("Kairo announced the opening of its first European Innovation Centre, to be located in Lyon.", "kairo", "lyon"),
])
def test_an_office_or_centre_abroad_is_a_presence_not_a_plant(run, text, company, place):
    result = run(text)
    assert (company, place) in {(r["exporter"], r["market"]) for r in records(result, "market_presence")}
    assert records(result, "sites") == []


def test_a_country_after_a_city_is_where_the_city_is_not_a_second_place(run):
    result = run("Tripla will launch a robotaxi service in Lyon, France, next spring.")
    assert [r["places"] for r in records(result, "deployments")] == [["lyon"]]


def test_each_cue_of_a_sentence_keeps_the_places_of_its_own_clause(run):
    text = ("Tripla, whose robotaxis have run in Doha since 2024, said on Friday it had teamed up with Noord "
            "Mobility to open a delivery centre in Muscat.")
    found = _deployed(run(text))
    assert {("tripla", "doha"), ("tripla", "muscat"), ("noord-mobility", "muscat")} <= found
    assert ("noord-mobility", "doha") not in found


@pytest.mark.parametrize("text", [
    "Tripla said it had won a commercial licence to offer paid robotaxi rides in Singapore.",
    "Zenvo was granted a licence to operate driverless taxis in Dubai, the authority said.",
])
def test_a_licence_to_run_a_service_is_no_trade_measure(run, text):
    assert records(run(text), "policies") == []


def test_an_export_licence_stays_a_measure(run):
    text = "China will require export licences for electric passenger cars from January, the commerce ministry said."
    assert records(run(text), "policies") != []


def test_a_partner_of_the_next_sentence_joins_the_main_deployment_of_the_one_before(run):
    text = ("Tripla won approval to offer paid robotaxi rides in Singapore, its first licence outside China and the "
            "Middle East. The Oslo-based company, which listed in New York last year, will run the service with "
            "local taxi operator Nordcab.")
    result = run(text)
    found = _deployed(result)
    assert ("nordcab", "singapore") in found and frozenset(("tripla", "nordcab")) in _pairs(result)
    assert not {p for _, p in found} & {"china", "middle-east", "new-york", "oslo"}


@pytest.mark.parametrize("second", [
    "The two companies plan to launch robotaxis in Doha and Muscat next year.",
    "The companies will expand the service to Doha and Muscat next year.",
])
def test_the_two_companies_named_before_both_take_part(run, second):
    result = run("Zenvo and Tripla teamed up in 2024 and now run robotaxis across the UAE. " + second)
    found = _deployed(result) | {(r["exporter"], r["market"]) for r in records(result, "market_presence")}
    assert {("zenvo", "doha"), ("tripla", "doha"), ("zenvo", "muscat"), ("tripla", "muscat")} <= found


@pytest.mark.parametrize("text, partner, key, place", [
    ("Zenvo won a permit for driverless tests in Belgium. The tests will be carried out with local bus company "
     "Noord Mobility.", "noord-mobility", "country", "belgium"),
    ("Zenvo will run robotaxis in Oslo together with local taxi firm Nordcab.", "nordcab", "based_in", "oslo"),
])
def test_a_local_partner_is_of_the_deployments_place(run, text, partner, key, place):
    rec = next(r for r in records(run(text), "organizations") if r["id"] == partner)
    assert rec.get(key) == place


@pytest.mark.parametrize("text, company, place", [
    ("Dubai's transport authority will work with Zenvo to launch robotaxi services in the city in 2026.",
     "zenvo", "dubai"),
    ("Tripla has won approval in Belgium. It will start driverless tests in the country in May.", "tripla", "belgium"),
])
def test_the_city_or_the_country_names_the_place_again(run, text, company, place):
    assert (company, place) in _deployed(run(text))


def test_the_capital_of_a_country_is_no_anaphor(run):
    result = run("Tripla won approval in Belgium. It will open an office in the capital of Norway.")
    assert not any(m.rule == "place-anaphor" for m in result.mentions)
