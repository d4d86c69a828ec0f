"""The world's larger cities (nevkg.ingest.cities): a town the parser calls a person or a company is a place. The
sentences are written for these tests."""

from __future__ import annotations

from nevkg.ingest.cities import city_country
from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def test_the_table_knows_larger_towns_and_their_countries():
    assert city_country("Nyíregyháza") == "HU" and city_country("Nyiregyhaza") == "HU"  # with and without accents
    assert city_country("Ibadan") == "NG" and city_country("São Paulo") == "BR"
    assert city_country("Lanshan") is None  # a small Chinese town shares its name with companies: left out
    assert city_country("Marlin Auto") is None


def test_the_table_knows_every_capital_however_small():
    assert city_country("Kingstown") == "VC" and city_country("Port of Spain") == "TT"
    assert city_country("Funafuti") == "TV" and city_country("Andorra la Vella") == "AD"


def test_a_small_capital_is_a_place_not_the_short_name_of_a_company_named_after_it(gaz):
    text = ("Buses for the capital\n\nMarlin Auto signed a deal with Apia Transport to run 20 electric buses in Apia "
            "and Faleolo, Samoa. Apia will pay for the depot, and Marlin Auto will deliver buses to Funafuti and "
            "Majuro next year.")
    result = run(gaz, text, date="2026-03-02")
    places = {c.record["id"]: c.record for c in cands(result, "places")}
    assert {"apia", "faleolo", "funafuti", "majuro"} <= set(places)
    assert places["samoa"]["kind"] == "country"  # (it holds the pair before it: no town named like the country)
    assert "samoa" not in places["funafuti"].get("located_in", []) + places["majuro"].get("located_in", [])
    transport = next(c.record for c in cands(result, "organizations") if c.record["id"] == "apia-transport")
    assert "Apia" not in transport.get("aliases", [])


def _places(result) -> set[str]:
    return {c.record["id"] for c in cands(result, "places")}


def test_a_town_that_offers_land_is_a_place_and_the_plant_there_stands_in_it(gaz):
    text = ("Lanshan Motors looked at sites in three countries. Nyíregyháza offered the land and fast permits, "
            "and the carmaker will build its plant there from 2027.")
    result = run(gaz, text, date="2026-03-02")
    assert "nyiregyhaza" in _places(result)
    assert not any(c.record["id"] == "nyiregyhaza" for c in cands(result, "organizations"))
    sites = {(tuple(c.record["operator"]), c.record["place"]) for c in cands(result, "sites")}
    assert (("lanshan-motors",), "nyiregyhaza") in sites


def test_a_surname_that_is_also_a_city_stays_a_person(gaz):
    text = "Marlin Auto hired Carla Santos as its head of sales. Ms Santos said the plant in Ibadan would open soon."
    result = run(gaz, text, date="2026-03-02")
    assert "santos" not in _places(result)
    assert "carla-santos" in {c.record["id"] for c in cands(result, "people")}


def test_a_country_adjective_the_parser_calls_a_place_is_its_country(gaz):
    text = "Marlin Auto chose Debrecen for its rail links to the Ukrainian and Slovak borders."
    result = run(gaz, text, date="2026-03-02")
    ids = {m.id for m in result.mentions}  # (the parser calls "Ukrainian" a place here, "Slovak" a person)
    assert {"ukraine", "slovakia"} <= ids and not {"ukrainian", "slovak"} & ids


def test_a_town_named_after_its_country_is_a_town_not_the_country(gaz):
    text = ("Buses for the islands\n\nMarlin Auto will ship 14 electric buses to Kingstown via Port of Spain next "
            "year. Its dealer, Arinsal Motors of Andorra la Vella, sells the cars in Andorra.")
    result = run(gaz, text, date="2026-03-02")
    places = _places(result)
    assert {"port-of-spain", "andorra-la-vella", "andorra"} <= places
    assert "spain" not in places
    markets = {c.record["market"] for c in cands(result, "market_presence")}
    assert "spain" not in markets
