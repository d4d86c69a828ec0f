"""Partnership rules (:mod:`nevkg.ingest.extract.relations`): two brands of one owner are no partnership.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


@pytest.mark.parametrize("text", [
    "Velmora Motors launched its Zarin and Kolt brands in Chile. Zarin and Kolt signed dealer agreements with "
    "three groups.",
    "Orvan Group is rolling out its brands Tamsa and Lurio in Peru. Tamsa and Lurio struck a deal with two dealers.",
])
def test_two_brands_of_one_owner_are_not_partners(run, text):
    result = run(text)
    brands = [r for r in records(result, "organizations") if r.get("brand_of")]
    assert len(brands) == 2 and brands[0]["brand_of"] == brands[1]["brand_of"]
    assert records(result, "partnerships") == []


@pytest.mark.parametrize("text", [
    "Velmora Motors and Andes Motors signed up 40 dealers across Peru this spring.",
    "Harlow Motors and Kollo Group are signing dealers in Lima and Cusco.",
])
def test_dealers_are_no_deal(run, text):
    assert records(run(text), "partnerships") == []


def _markets(result) -> set[tuple[str, str]]:
    return {(r["exporter"], r["market"]) for r in records(result, "market_presence")}


@pytest.mark.parametrize("text, company, home, market", [
    ("Crestline Holding, an Abu Dhabi investment firm, runs 18 showrooms for Velmora Motors across Oman.",
     "crestline-holding", "abu-dhabi", "oman"),
    ("Kestrel Holdings, a Lima car dealer, opened six showrooms for Velmora Motors across Chile last year.",
     "kestrel-holdings", "lima", "chile"),
])
def test_a_place_describing_a_company_in_apposition_is_its_home_not_a_market(run, text, company, home, market):
    found = _markets(run(text))
    assert (company, market) in found
    assert (company, home) not in found


@pytest.mark.parametrize("text, company, markets", [  # (a known city's market is its country: relations_levels)
    ("Velmora Motors opened showrooms in Dubai and Oman last year.", "velmora-motors",
     {"dubai", "united-arab-emirates"}),
    ("Kestrel Holdings opened six showrooms for Velmora Motors in Lima.", "kestrel-holdings", {"lima", "peru"}),
])
def test_a_place_where_showrooms_open_stays_a_market(run, text, company, markets):
    assert any((company, market) in _markets(run(text)) for market in markets)


@pytest.mark.parametrize("text, company, place", [
    ("Velmora Motors grew fast. Its best-seller, the Breeze SUV, is made in Wuhan.", "velmora-motors", "wuhan"),
    ("Kestrel Auto said its bestselling van is assembled in Tianjin.", "kestrel-auto", "tianjin"),
])
def test_a_best_seller_made_somewhere_is_no_market_there(run, text, company, place):
    assert (company, place) not in _markets(run(text))


@pytest.mark.parametrize("text, company, place", [
    ("Velmora Motors sells its vans in Peru and Chile.", "velmora-motors", "peru"),
    ("Kestrel Auto sold 4,000 buses in Chile last year.", "kestrel-auto", "chile"),
])
def test_selling_in_a_place_stays_a_market(run, text, company, place):
    assert (company, place) in _markets(run(text))


def _sites(result) -> set[tuple[str, str]]:
    return {(op, r.get("place")) for r in records(result, "sites") for op in r["operator"]}


@pytest.mark.parametrize("text, company, place", [
    ("Qinglan Power, a battery manufacturing firm, opened an office in Lima.", "qinglan-power", "lima"),
    ("Kestrel Auto and car manufacturing giant Orvan Group renewed their partnership for operations in Chile.",
     "orvan-group", "chile"),
    ("Velmora Motors, a bus production company, has opened an office in Chile.", "velmora-motors", "chile"),
])
def test_a_site_word_describing_a_company_names_no_site(run, text, company, place):
    assert (company, place) not in _sites(run(text))


@pytest.mark.parametrize("text, company, place", [
    ("Kestrel Auto will start manufacturing vans in Peru next year.", "kestrel-auto", "peru"),
    ("Velmora Motors has begun production of buses in Chile.", "velmora-motors", "chile"),
])
def test_manufacturing_somewhere_stays_a_site(run, text, company, place):
    assert (company, place) in _sites(run(text))


@pytest.mark.parametrize("text, company, place", [
    ("Yinhe Motors opened a showroom in Lima. Its cars are shipped from the port of Shanghai.", "yinhe-motors",
     "shanghai"),
    ("Kestrel Auto ships its buses from the city of Tianjin to customers abroad.", "kestrel-auto", "tianjin"),
])
def test_a_place_goods_come_from_through_of_is_no_market(run, text, company, place):
    assert (company, place) not in _markets(run(text))


@pytest.mark.parametrize("text, company, place", [
    ("Yinhe Motors ships its cars to the port of Callao in Peru.", "yinhe-motors", "peru"),  # (the port's country)
    ("Kestrel Auto exported 900 buses to Chile from Tianjin.", "kestrel-auto", "chile"),
])
def test_a_place_goods_go_to_stays_a_market(run, text, company, place):
    assert (company, place) in _markets(run(text))


@pytest.mark.parametrize("text, company, place", [
    ("Orvan Group said it had sold its idle plant in Trujillo to Velmora Motors.", "orvan-group", "trujillo"),
    ("Kestrel Auto sold a 20% stake in its unit in Chile to a local investor.", "kestrel-auto", "chile"),
])
def test_selling_an_asset_somewhere_is_no_market_there(run, text, company, place):
    assert (company, place) not in _markets(run(text))


@pytest.mark.parametrize("text, company, place", [
    ("Velmora Motors sold 4,000 vans in Peru last year.", "velmora-motors", "peru"),
    ("Kestrel Auto sells its electric buses in Chile and Peru.", "kestrel-auto", "peru"),
])
def test_selling_cars_somewhere_stays_a_market(run, text, company, place):
    assert (company, place) in _markets(run(text))
