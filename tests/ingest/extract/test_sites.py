"""Production sites (:mod:`nevkg.ingest.extract.relations_sites`): one site named twice, first by its country
and then by its city, is one record at the city. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def sites(result) -> list[tuple[tuple[str, ...], str]]:
    return sorted((tuple(r["operator"]), r.get("place")) for r in records(result, "sites"))


@pytest.mark.parametrize("text, operator, place", [
    ("Orvan Group chose Spain for its first overseas plant. Its factory in Valencia will make vans from 2027.",
     "orvan-group", "valencia"),
    ("Kestrel Auto is building a vehicle plant in Mexico. Its new factory in Monterrey will employ 900 people.",
     "kestrel-auto", "monterrey"),
])
def test_a_site_named_by_country_then_city_is_one_site(run, text, operator, place):
    assert sites(run(text)) == [((operator,), place)]


@pytest.mark.parametrize("text, expected", [
    ("Velmora Motors builds buses at a plant in Hungary. Orvan Group has opened a plant in Debrecen.",
     [(("orvan-group",), "debrecen"), (("velmora-motors",), "hungary")]),
    ("Kestrel Auto runs a plant in Monterrey. Orvan Group runs a factory in Monterrey too.",
     [(("kestrel-auto",), "monterrey"), (("orvan-group",), "monterrey")]),
])
def test_sites_of_two_operators_stay_two(run, text, expected):
    assert sites(run(text)) == expected


@pytest.mark.parametrize("text, company", [
    ("Peru is courting Chinese carmakers to build plants near Trujillo, the trade minister said after meeting "
     "executives of Kestrel Auto in Lima.", "kestrel-auto"),
    ("Chile wants a bus factory in Antofagasta, officials told reporters while Orvan Group was visiting.",
     "orvan-group"),
])
def test_a_company_named_after_a_speech_verb_or_subordinate_runs_no_site_of_the_clause(run, text, company):
    assert not any(op == (company,) for op, _ in sites(run(text)))


@pytest.mark.parametrize("text, company, place", [
    ("A second plant in Peru was ruled out, Korvell Motors said.", "korvell-motors", "peru"),
    ("A bus plant in Trujillo is due to open in May, Orvan Group announced.", "orvan-group", "trujillo"),
])
def test_a_company_named_after_its_site_is_its_operator(run, text, company, place):
    assert ((company,), place) in sites(run(text))


@pytest.mark.parametrize("text", [
    "Kestrel Auto will produce the K5 at Orvan Group's Zaragoza factory from 2026.",
    "Kestrel Auto builds its vans at Orvan Group's plant in Zaragoza.",
    "Kestrel Auto is assembling SUVs at the Zaragoza plant of Orvan Group.",
])
def test_a_maker_producing_at_another_companys_site(run, text):
    result = run(text)
    got = {(r["kind"], tuple(r["operator"]), r.get("place")) for r in records(result, "sites")}
    assert ("production-project", ("kestrel-auto",), "zaragoza") in got
    assert any(op == ("orvan-group",) and place == "zaragoza" for _, op, place in got)
    assert {frozenset(r["partners"]) for r in records(result, "partnerships")} == \
        {frozenset({"kestrel-auto", "orvan-group"})}


@pytest.mark.parametrize("text, place", [
    ("Kestrel Auto opened a showroom in Lima. The company's new plant in Tangier will start production in 2027.",
     "tangier"),
    ("Kestrel Auto plans to invest $500 million in Hungary, where it will build its first European plant.",
     "hungary"),
    ("Orvan Group has chosen Peru, where the group’s first plant will open in 2028.", "peru"),
])
def test_a_site_of_the_company_spoken_of_or_at_the_place_where(run, text, place):
    got = sites(run(text))
    assert got and all(p == place for _, p in got) and len(got) == 1, got


@pytest.mark.parametrize("text, operator, place", [
    ("Orvan Group signed 40 dealers in Chile and is even weighing plans to build a factory in the country.",
     "orvan-group", "chile"),
    ("Kestrel Auto opened a showroom in Lima. It also plans to build a plant there.", "kestrel-auto", "lima"),
    ("Velmora Motors will assemble buses in Debrecen, with Orvan Group building a battery factory nearby.",
     "orvan-group", "debrecen"),
])
def test_a_site_at_a_place_spoken_of_again(run, text, operator, place):
    assert ((operator,), place) in sites(run(text))


@pytest.mark.parametrize("text", [
    "Kestrel Auto's third plant outside China will open in Brazil next year.",
    "Kestrel Auto builds its first factory outside of China in Hungary.",
])
def test_a_site_outside_a_country_is_not_in_it(run, text):
    got = sites(run(text))
    assert got and ("china" not in {p for _, p in got}), got


@pytest.mark.parametrize("text, operator, places", [
    ("Chery builds cars at plants in Wuhu and in Barcelona, Spain.", "chery", {"wuhu", "barcelona"}),
    ("Geely assembles vehicles at its plants in Ningbo and in Kuala Lumpur, Malaysia.", "geely",
     {"ningbo", "kuala-lumpur"}),
    ("BYD produces buses at factories in Shenzhen and in Budapest.", "byd", {"shenzhen", "budapest"}),
])
def test_places_listed_with_the_preposition_said_again_are_each_a_site(run, text, operator, places):
    assert {((operator,), p) for p in places} <= set(sites(run(text)))


@pytest.mark.parametrize("text, maker, place, client", [
    ("WeRide showed its new robotaxi on Tuesday. The car is built for WeRide by Chery at its plant in Wuhu, Anhui "
     "province.", "chery", "wuhu", "weride"),
    ("The vans are assembled by Geely at its factory in Ningbo for Uber.", "geely", "ningbo", "uber"),
    ("Uber's robotaxis will be made by BYD at its new plant in Szeged, Hungary.", "byd", "szeged", "uber"),
])
def test_its_plant_in_a_passive_clause_is_the_agents(run, text, maker, place, client):
    got = sites(run(text))
    assert ((maker,), place) in got and ((client,), place) not in got
