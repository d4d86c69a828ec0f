"""Places named by the words around them (:mod:`nevkg.ingest.extract.place_contexts`), and the sites read from
them, on sentences written for these tests (invented companies; real towns the records do not know)."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def places(result) -> dict[str, tuple[str, list[str]]]:
    return {r["id"]: (r["kind"], r.get("located_in") or []) for r in records(result, "places")}


def sites(result) -> list[tuple[tuple[str, ...], str | None]]:
    return sorted((tuple(r["operator"]), r.get("place")) for r in records(result, "sites"))


@pytest.mark.parametrize("text, place, kind, up", [
    ("Kestrel Auto opened a showroom in the Indian state of Maharashtra.", "maharashtra", "state", ["india"]),
    ("Kestrel Auto is building its first overseas plant in Hungary's Szeged.", "szeged", "city", ["hungary"]),
    ("Orvan Group will assemble vans in the southern province of Chiriquí from May.", "chiriqui", "province", []),
])
def test_a_place_named_by_its_noun_or_country(run, text, place, kind, up):
    assert places(run(text)).get(place) == (kind, up)


@pytest.mark.parametrize("text, operator, place", [
    ("Debrecen will host Kestrel Auto's first European factory.", "kestrel-auto", "debrecen"),
    ("Production of the K5 will start at the Zaragoza plant of Orvan Group next year.", "orvan-group", "zaragoza"),
    ("Kestrel Auto has picked Tangier for its new assembly plant.", "kestrel-auto", "tangier"),
])
def test_a_site_at_a_place_the_parser_missed_or_called_a_company(run, text, operator, place):
    result = run(text)
    assert (operator,) in [s[0] for s in sites(result)] and ((operator,), place) in sites(result)
    assert place not in {r["id"] for r in records(result, "organizations")}


def test_a_company_named_elsewhere_is_not_made_a_place(run):
    text = "Orvan said on Monday it would expand. Output at the Orvan plant rose to 9,000 vans."
    result = run(text)
    assert "orvan" not in places(result)


@pytest.mark.parametrize("text, operator, place, chain", [
    ("Kestrel Auto opened an assembly line at its site near Pune, in the Indian state of Maharashtra.",
     "kestrel-auto", "pune", {"pune": ["maharashtra"], "maharashtra": ["india"]}),
    ("Orvan Group will build a new plant in Halol, Gujarat, and will hire 2,000 workers.", "orvan-group", "halol",
     {"halol": ["gujarat"]}),
    ("The plant in Camaçari, in the northeastern state of Bahia, Brazil, will be run by Kestrel Auto.",
     "kestrel-auto", "camacari", {"camacari": ["bahia"], "bahia": ["brazil"]}),
])
def test_a_site_is_at_the_most_specific_place_and_the_places_chain_up(run, text, operator, place, chain):
    result = run(text)
    assert sites(result) == [((operator,), place)]
    got = places(result)
    assert {p: got[p][1] for p in chain} == chain


@pytest.mark.parametrize("text, operator, place", [
    ("The new factory will be built by Kestrel Auto in Tangier, Morocco.", "kestrel-auto", "tangier"),
    ("A plant will be set up by Orvan Group near Szeged in Hungary.", "orvan-group", "szeged"),
])
def test_a_site_in_the_passive_with_its_builder(run, text, operator, place):
    assert ((operator,), place) in sites(run(text))


@pytest.mark.parametrize("text, country", [
    ("South Korean carmaker Kestrel Motor signed a deal in Lima.", "south-korea"),
    ("Indian conglomerate Varun Group plans a plant in Pune.", "india"),
])
def test_a_companys_country_from_its_adjective(run, text, country):
    assert [r.get("country") for r in records(run(text), "organizations")][0] == country


@pytest.mark.parametrize("text", [
    "Kestrel Auto will assemble vans alongside Orvan Group models at the Bento plant in São José dos Pinhais, "
    "Paraná.",
    "Orvan Group builds Kestrel Auto's vans at a factory in São José dos Pinhais, Paraná.",
])
def test_the_name_after_a_sites_town_is_its_state_and_no_second_site(run, text):
    result = run(text)
    assert places(result).get("sao-jose-dos-pinhais", ("", []))[1] == ["parana"]
    assert "parana" not in {place for _, place in sites(result)}


@pytest.mark.parametrize("text, town, country", [
    ("Velmora Motors signed a deal with the Moroccan government to build a factory near Kenitra.", "kenitra",
     "morocco"),
    ("The Uzbek presidency said output at the plant in central province Navoiy would double.\n\nKestrel Auto "
     "shipped the first cars from China.", "navoiy", "uzbekistan"),
])
def test_a_sites_town_lies_in_the_one_country_whose_government_is_named(run, text, town, country):
    assert places(run(text))[town][1] == [country]


def test_no_host_country_when_two_governments_are_named(run):
    text = ("The Moroccan government and the Spanish ministry of industry welcomed the plan. Velmora Motors will "
            "build a factory near Kenitra.")
    assert places(run(text))["kenitra"][1] == []


def test_two_places_of_two_clauses_are_no_town_and_its_country(run):
    result = run("After opening a plant in Rayong, Kestrel Auto will now build one in Indonesia.")
    assert places(result)["rayong"][1] == []
    result = run("Kestrel Auto chose Spain for its plant. The factory in Zaragoza will open in 2027.")
    assert places(result)["zaragoza"][1] == ["spain"]


def test_a_place_named_before_a_plant_in_a_container_lies_in_it(run):
    result = run("Riverlane Mobility said the Halol plant in Gujarat will make 100,000 cars a year.")
    assert places(result)["halol"][1] == ["gujarat"]
