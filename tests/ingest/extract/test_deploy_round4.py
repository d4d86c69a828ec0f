"""Deployment forms of round 4 (:mod:`nevkg.ingest.extract.relations_deploy`,
:mod:`nevkg.ingest.extract.relations_markets`): an authority that grants a permit runs nothing, the company it
grants the permit to does. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _deployed(result) -> set[tuple[str, str]]:
    """(organisation, place) for every operator and partner of a proposed deployment."""
    return {(o, p) for r in records(result, "deployments") for o in [r["operator"], *r.get("partners", [])]
            for p in r["places"]}


@pytest.mark.parametrize("text, company, authority, place", [
    ("Last week the Swiss Federal Roads Office granted Velvix a licence to run driverless taxis in Zurich.",
     "velvix", "swiss-federal-roads-office", "zurich"),
    ("The Ministry of Transport allowed Kairo to test robotaxis without a safety driver in Abu Dhabi.",
     "kairo", "ministry-of-transport", "abu-dhabi"),
    ("The Land Transport Authority, which approved the service in May, said it would issue Kairo a permit to test "
     "robotaxis in Singapore.", "kairo", "land-transport-authority", "singapore"),
    ("Tripla and Kairo signed a deal in March. Last week the city's transport authority granted the partners a "
     "licence to run driverless taxis in Zurich.", "tripla", "transport-authority", "zurich"),
])
def test_the_permit_holder_deploys_and_the_authority_does_not(run, text, company, authority, place):
    deployed = _deployed(run(text))
    assert (company, place) in deployed
    assert not any(o == authority for o, _ in deployed)


@pytest.mark.parametrize("text, pairs", [
    ("Pony.ai and WeRide will launch robotaxi services in Luxembourg and Riyadh, respectively, the companies said "
     "on Monday.", {("pony-ai", "luxembourg"), ("weride", "riyadh")}),
    ("WeRide and Pony.ai, which run driverless fleets in Dubai and Singapore respectively, will expand to Qatar.",
     {("weride", "dubai"), ("pony-ai", "singapore")}),
    ("WeRide and Pony.ai operate driverless taxis in Abu Dhabi and Luxembourg respectively, while Uber has no "
     "fleet yet.", {("weride", "abu-dhabi"), ("pony-ai", "luxembourg")}),
])
def test_respectively_pairs_each_operator_with_its_place_and_makes_no_partners(run, text, pairs):
    result = run(text)
    deployed = _deployed(result)
    assert pairs <= deployed
    crossed = {(a, p) for a, _ in pairs for _, p in pairs} - pairs
    assert not crossed & deployed
    assert not records(result, "partnerships")


@pytest.mark.parametrize("text, speaker, other, place", [
    ("WeRide runs test fleets in Singapore, while Pony.ai has said it will start driverless rides in Dubai this "
     "year.", "pony-ai", "weride", "dubai"),
    ("Uber runs robotaxis in Texas, but Tripla said on Monday that it would deploy driverless cars in Oslo.",
     "tripla", "uber", "oslo"),
    ("Pony.ai has a fleet of 300 robotaxis in Guangzhou, whereas WeRide says it plans to test driverless taxis in "
     "Riyadh.", "weride", "pony-ai", "riyadh"),
])
def test_it_in_a_reported_clause_is_the_reporting_organisation(run, text, speaker, other, place):
    result = run(text)
    deployed = _deployed(result)
    assert (speaker, place) in deployed
    assert (other, place) not in deployed
    assert not records(result, "partnerships")


@pytest.mark.parametrize("text, operator, place, nationality", [
    ("Pony.ai said it had obtained a permit to test fully driverless vehicles on public roads in Luxembourg, making "
     "it the first Chinese company to do so in the country.", "pony-ai", "luxembourg", "china"),
    ("WeRide won a licence to run robotaxis in Switzerland, the first Chinese self-driving firm to operate in the "
     "country.", "weride", "switzerland", "china"),
    ("Uber will offer driverless rides in Qatar with WeRide, the first American platform to test them in the "
     "country.", "uber", "qatar", "united-states"),
])
def test_the_country_is_not_the_nationality_of_a_company_noun(run, text, operator, place, nationality):
    places = {p for o, p in _deployed(run(text)) if o == operator}
    assert place in places and nationality not in places


@pytest.mark.parametrize("text, operator, places", [
    ("NIO has opened 120 battery swap stations in Norway and Germany since 2022.", "nio", {"norway", "germany"}),
    ("XPeng will install 300 ultra-fast chargers at dealerships in France and Italy next year.", "xpeng",
     {"france", "italy"}),
    ("BYD will build and run depot charging hubs for taxi fleets in Dubai and Riyadh.", "byd", {"dubai", "riyadh"}),
])
def test_chargers_swap_stations_and_charging_hubs_are_charging_deployments(run, text, operator, places):
    result = run(text)
    got = {(r["operator"], p) for r in records(result, "deployments") if r["kind"] == "charging-network"
           for p in r["places"]}
    assert {(operator, p) for p in places} <= got


def test_what_a_company_makes_is_not_where_it_runs_chargers(run):
    result = run("Volterra Charge, a Hangzhou-based maker of fast chargers, opened an office in Paris.")
    assert not records(result, "deployments")


@pytest.mark.parametrize("text, operator, places", [
    ("WeRide runs a robotaxi service in Abu Dhabi. It plans to expand the service to Dubai and Riyadh next year.",
     "weride", {"dubai", "riyadh"}),
    ("Pony.ai launched driverless rides in Guangzhou in 2022. The company intends to extend the service to Seoul "
     "and Luxembourg in 2026.", "pony-ai", {"seoul", "luxembourg"}),
    ("Uber and WeRide operate robotaxis in Abu Dhabi. The partners aim to bring the service to 15 more cities, "
     "including Dubai and Doha.", "uber", {"dubai", "doha"}),
])
def test_a_robotaxi_service_extended_to_places_is_deployed_there(run, text, operator, places):
    result = run(text)
    sold = {r["market"] for r in records(result, "market_presence")}
    assert places <= {p for o, p in _deployed(result) if o == operator} and not sold & places


def test_a_dealer_network_expanded_is_no_deployment(run):
    result = run("BYD sells cars in Chile. It plans to expand its dealer network to Peru.")
    assert ("byd", "peru") not in _deployed(result)


@pytest.mark.parametrize("text, team", [
    ("Geely and its partner Uber announced a partnership on Monday. The partners intend to extend the robotaxi "
     "service to Bergen next year.", {("geely", "bergen"), ("uber", "bergen")}),
    ("WeRide, a Chinese developer, and Uber, the ride-hailing platform, signed a deal in May. The companies plan to "
     "launch robotaxis in Riyadh next year.", {("weride", "riyadh"), ("uber", "riyadh")}),
    ("Pony.ai, which is listed in New York, and Uber, which runs in 70 countries, will cooperate. The two companies "
     "will deploy robotaxis in Doha.", {("pony-ai", "doha"), ("uber", "doha")}),
])
def test_the_partners_are_the_subjects_named_together_with_descriptions(run, text, team):
    assert team <= _deployed(run(text))
