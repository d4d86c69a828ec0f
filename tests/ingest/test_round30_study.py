"""Forms found on the round-30 samples (an e-bus CKD venture in Kenitra, an e-truck plant and swap stations in Kaunas,
an e-bus venture and chargers in Kuwait, an e-motorcycle plant and swap stations in Bulawayo, an e-trike plant in
Mactan, a Chinese carmaker's stake in its Guyanese dealer) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _places(result):
    return {c.id: c.record for c in cands(result, "places")}


@pytest.mark.parametrize("text, country, code", [
    ("Lianhe Auto will ship its first vans to Guyana and Suriname in March.", "guyana", "GY"),
    ("The carmaker's e-trikes are also sold in Fiji, Samoa and Timor-Leste.", "timor-leste", "TL"),
    ("A Fijian importer, Koro Motors, ordered 40 buses.", "fiji", "FJ")])
def test_every_country_of_the_world_is_a_country_with_its_iso_code(gaz, text, country, code):
    places = _places(run(gaz, text, date="2026-12-08"))
    assert places[country]["kind"] == "country" and places[country]["iso_code"] == code


def test_a_country_named_once_in_a_list_of_towns_is_a_town_of_that_name(gaz):
    places = _places(run(gaz, "Lianhe Auto sells its cars in Costa Rica through a local dealer, which now has seven "
                              "showrooms, in San José, Heredia, Cartago and Liberia, and plans two more.",
                         date="2026-12-08"))
    assert places["liberia"]["kind"] == "city" and "iso_code" not in places["liberia"]


@pytest.mark.parametrize("text, company", [
    ("Chinese EV maker buys into Kaieteur Auto\n\nRongxia Automobile will take a 30 per cent stake in local car "
     "dealer Kaieteur Auto Inc for US$9 million.", "kaieteur-auto-inc"),
    ("Sulin names Lompoul Auto its importer\n\nThe buses will be sold through Dakar-based Lompoul Auto SA, the "
     "importer there since 2023.", "lompoul-auto-sa")])
def test_a_legal_form_without_a_dot_ends_the_companys_name_after_a_headline_without_it(gaz, text, company):
    assert company in {c.id for c in cands(run(gaz, text, date="2026-12-08"), "organizations")}


def _titles(result):
    return {(c.record["person"], c.record["title"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("text, person, title", [
    ("Daugava Post, a parcel delivery company, has ordered 240 Ziyan electric vans. The first 60 will be used in "
     "Riga, the company's chairman of the board Ilze Berzina said.", "ilze-berzina", "chairman of the board"),
    ("Chinese carmaker Rongxia Automobile will take a stake in Kaieteur Auto Inc. The deal was announced in "
     "Georgetown by Rongxia's regional director for Latin America and the Caribbean, Wei Lanhua.", "wei-lanhua", "regional director for Latin America and the Caribbean")])
def test_a_title_keeps_the_article_of_the_board_and_of_a_region_named_after_and(gaz, text, person, title):
    assert (person, title) in _titles(run(gaz, text, date="2026-12-08"))


def test_a_transit_company_is_named_whole_and_its_name_without_holdings_later_is_its_short_name(gaz):
    result = run(gaz, "Harare-based bus operator Chimanimani Urban Transit has ordered 120 electric buses. Meanwhile "
                      "Qianlang will own 55 percent of the venture, while Mabira Energy Holdings will hold the rest. "
                      "Mabira Energy will also buy 150 electric coaches, its managing director, Mr Ivan Tumusiime, "
                      "said.", date="2026-12-08")
    orgs = {c.id for c in cands(result, "organizations")}
    assert {"chimanimani-urban-transit", "mabira-energy-holdings"} <= orgs and "mabira-energy" not in orgs


def test_counted_stations_after_swap_stations_were_named_are_a_charging_network(gaz):
    result = run(gaz, "Lianhe Auto has taken a stake in Ruwa Energy, a Zimbabwean start-up that runs battery swap "
                      "stations.\n\nRuwa, which operates eight stations in Harare, plans to have 60 stations in Harare, "
                      "Bulawayo and Gweru by 2027.", date="2026-12-08")
    nets = [c.record for c in cands(result, "deployments") if c.record["kind"] == "charging-network"]
    assert {p for r in nets for p in r["places"]} >= {"harare", "bulawayo", "gweru"}


@pytest.mark.parametrize("text, pair", [
    ("Tiansui Motors and Runde Holdings formed a joint venture, Tiansui Runde Motors, to build buses in Bulawayo. "
     "Harare-based bus operator Chimanimani Urban Transit has placed an order for 120 of the venture's electric "
     "buses worth US$21.6 million.", {"tiansui-runde-motors", "chimanimani-urban-transit"}),
    ("Tiansui Motors will build electric motorcycles in Bulawayo. Tiansui Motors already sells them in Zambia. "
     "Courier company Gokwe Couriers has separately ordered 2,000 electric motorcycles, which will be used for "
     "deliveries in Harare.", {"tiansui-motors", "gokwe-couriers"})])
def test_an_order_naming_no_maker_or_only_the_venture_is_placed_with_the_storys_maker(gaz, text, pair):
    assert frozenset(pair) in partner_pairs(run(gaz, text, date="2026-12-08"))


def test_a_plan_to_buy_vehicles_names_no_maker(gaz):
    result = run(gaz, "Tiansui Motors will build buses in Bulawayo. Tiansui Motors sells them in Zambia. The city "
                      "council of Gweru, Gweru City Council, had planned to buy 100 diesel buses in 2024 but dropped "
                      "the plan.", date="2026-12-08")
    assert not any("tiansui-motors" in pair for pair in partner_pairs(result))


def _fleets(result):
    return {(c.record["operator"], tuple(c.record["partners"]), p) for c in cands(result, "deployments")
            if c.record["kind"] == "vehicle-fleet" for p in c.record["places"]}


def test_ordered_vehicles_used_in_places_are_the_buyers_fleet_there_run_with_the_maker(gaz):
    result = run(gaz, "Tiansui Motors will build electric motorcycles in Bulawayo. Tiansui Motors already sells them "
                      "in Zambia. Courier company Gokwe Couriers has separately ordered 2,000 electric motorcycles, "
                      "which will be used for deliveries in Harare and Bulawayo. Harare-based bus operator "
                      "Chimanimani Urban Transit has placed an order for 120 of Tiansui's electric buses. The first "
                      "40 buses, which will be imported from China, will be delivered in July and deployed on routes "
                      "in Harare.", date="2026-12-08")
    assert _fleets(result) == {("gokwe-couriers", ("tiansui-motors",), "harare"),
                               ("gokwe-couriers", ("tiansui-motors",), "bulawayo"),
                               ("chimanimani-urban-transit", ("tiansui-motors",), "harare")}


def test_a_buyers_own_operations_told_after_an_order_are_no_fleet_of_the_order(gaz):
    result = run(gaz, "Lianhe Motor will supply 300 electric taxis to Moxing Cabs. Moxing Cabs currently operates "
                      "about 950 taxis in Wuhan and Suzhou.", date="2026-12-08")
    assert not _fleets(result)


def test_the_one_told_is_not_who_exports_in_the_clause_reported(gaz):
    result = run(gaz, "Tiansui Motors will build a plant in Bulawayo.\n\nTiansui's general manager for Africa, Mr Pan "
                      "Yuhang, told The Herald that about half of the plant's output would be exported to Zambia, "
                      "Malawi and Botswana.", date="2026-12-08")
    exports = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert {("tiansui-motors", m) for m in ("zambia", "malawi", "botswana")} <= exports


@pytest.mark.parametrize("text, value, unit", [
    ("Ruwa Transit ordered 120 electric buses worth US$21,6 million.", 21600000, "usd"),
    ("Lianhe Auto will invest R1,5 billion in the Silverton plant.", 1500000000, "zar")])
def test_a_decimal_comma_before_a_scale_word_is_a_decimal_point(gaz, text, value, unit):
    result = run(gaz, text, date="2026-12-08")
    assert (value, unit) in {(c.record["value"], c.record["unit"]) for c in cands(result, "observations")}


def test_a_sale_moved_from_a_town_to_its_country_has_the_countrys_name_in_its_id(gaz):
    from pathlib import Path

    text = (Path(__file__).parents[1] / "resources/articles/r11-businessday-ogun-ckd-assembly.txt").read_text()
    sales = {c.id: c.record["market"] for c in cands(run(gaz, text, date="2026-12-02"), "market_presence")}
    assert "nigeria" in sales.values() and all(rid.endswith(market) for rid, market in sales.items())
