"""Forms found on the round-31 samples (an e-motorcycle plant and swap stations in Mongla, an e-bus contract in
Chonburi, an e-truck venture in Camaçari, an e-bus SKD venture and chargers in Nadi, e-motorcycles and swap stations
in Naivasha, an e-taxi plant under the Thai investment board) once their unseen scores were recorded. The sentences
are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _short_name_owner(result, form):
    return {m.id for m in result.mentions if m.text == form and m.rule == "short-name"}


@pytest.mark.parametrize("venture", ["Lanmei Pacific Motors Pte Limited", "Lanmei Caribbean Pty Ltd",
                                     "Lanmei Motors Africa Ltd", "Lanmei Motors (Fiji) Ltd"])
def test_a_bare_name_shared_with_a_regional_venture_named_after_the_parent_is_the_parent(gaz, venture):
    text = (f"Lanmei New Energy Bus Co Ltd and Korotogo Holdings signed a venture agreement yesterday. The plant will "
            f"be run by a new company, {venture}, in which Lanmei holds 51 per cent. Lanmei will ship kits from "
            f"its factory in Xiamen.")
    assert _short_name_owner(run(gaz, text, date="2026-12-10"), "Lanmei") == {"lanmei-new-energy-bus-co-ltd"}


def _partnerships(result):
    return {frozenset(c.record["partners"]): c.record for c in cands(result, "partnerships")}


@pytest.mark.parametrize("second", ["Grupo Tatu", "the Brazilian group"])
def test_a_venture_named_with_an_abbreviated_legal_form_is_owned_in_parts_by_its_parents(gaz, second):
    text = ("Chinese truck maker Yunmo Group and Grupo Tatu, a Salvador-based conglomerate, signed an agreement on "
            "Thursday to build a truck plant in Camaçari. The joint venture, to be called Yunmo Tatu Ltda., will be "
            f"60% owned by Yunmo and 40% by {second}.")
    jv = _partnerships(run(gaz, text, date="2026-12-10"))[frozenset({"yunmo-group", "grupo-tatu"})]
    assert jv["kind"] == "joint-venture" and jv["majority_partner"] == "yunmo-group"


def test_a_company_based_in_a_town_of_a_country_is_what_that_countrys_adjective_speaks_of(gaz):
    text = ("Sahyadri Lanmei Motor India to make cars in Chakan\n\nPune-based Sahyadri Group and China's Lanmei Motor "
            "on Tuesday signed the agreements for their joint venture, Sahyadri Lanmei Motor India Pvt Ltd, in which "
            "the Indian conglomerate will hold 51 per cent and the Chinese carmaker the remaining 49 per cent.")
    orgs = {c.id: c.record for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert orgs["sahyadri-lanmei-motor-india-pvt-ltd"].get("parent") == "sahyadri-group"


def test_ordered_vehicles_put_to_work_in_towns_are_the_buyers_fleet_there(gaz):
    text = ("Yunmo Motors will build trucks in Camaçari. Capibaribe Bebidas S.A., a beverage distributor, has agreed "
            "to buy 260 electric trucks from Yunmo for R$182 million. The first 40 trucks will be delivered in May "
            "2027 and put to work in Salvador, Recife and Fortaleza.")
    fleets = [c.record for c in cands(run(gaz, text, date="2026-12-10"), "deployments")
              if c.record["kind"] == "vehicle-fleet"]
    assert [(f["operator"], f["partners"], f["places"]) for f in fleets] == [
        ("capibaribe-bebidas-s-a", ["yunmo-motors"], ["salvador", "recife", "fortaleza"])]


@pytest.mark.parametrize("text, company, kind", [
    ("Chinese electric vehicle maker Yunmo New Energy Vehicle Group signed an agreement on Thursday.",
     "yunmo-new-energy-vehicle-group", "automaker"),
    ("Bus and coach manufacturer Lanmei Transport Equipment Group will open a plant in Kenya.",
     "lanmei-transport-equipment-group", "automaker"),
    ("Battery maker Lanmei Energy Storage Group will open a plant in Kenya.", "lanmei-energy-storage-group",
     "company")])
def test_a_company_named_after_a_vehicle_makers_description_is_a_carmaker(gaz, text, company, kind):
    orgs = {c.id: c.record for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert orgs[company]["kind"] == kind


def test_a_public_board_or_ministry_named_with_its_portfolio_is_a_government_body(gaz):
    text = ("BUSINESS\nDecember 16, 2026 | 14:05\nBy The Nation\n\nThe Board of Investment (BOI) has granted "
            "investment promotion to a plant of Lanmei Motors.\n\nThe Board of Directors of Lanmei Motors approved it, and the board of Kaiyun "
            "Automobile Group Co., Ltd. met on Monday. Department of Investment Review Director-General Chang "
            "Wei-lun said the Ministry of Industry and Construction of Kazakhstan had also been told.")
    result = run(gaz, text, date="2026-12-16")
    orgs = {c.id: c.record for c in cands(result, "organizations")}
    assert orgs["board-of-investment"]["kind"] == "government-body"
    assert orgs["department-of-investment-review"]["kind"] == "government-body"
    assert not {o for o in orgs if o.startswith(("board-of-directors", "board-of-kaiyun", "ministry-of-industry-"))
                and o != "ministry-of-industry-and-construction-of-kazakhstan"}
    assert ("chang-wei-lun", "department-of-investment-review") in {
        (c.record["person"], c.record["organization"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("text, places", [
    ("Tsavo Shuttle Sacco has ordered 80 electric buses from Lanmei Motors. The buses will ply the Nairobi "
     "CBD-Syokimau-Athi River and Nairobi CBD-Ngong routes.", ["nairobi", "syokimau", "ngong"]),
    ("Korolevu Bus Services has ordered 60 electric buses from Lanmei Motors. They will run on the Suva-Navua "
     "corridor and on routes to Lami.", ["suva", "navua", "lami"])])
def test_the_towns_a_routes_name_joins_with_hyphens_are_where_the_ordered_buses_run(gaz, text, places):
    fleets = [c.record for c in cands(run(gaz, text, date="2026-12-10"), "deployments")
              if c.record["kind"] == "vehicle-fleet"]
    assert len(fleets) == 1 and set(places) <= set(fleets[0]["places"])


@pytest.mark.parametrize("order", [
    "The venture's first customer is Tavua Coach Lines Pte Limited, which has ordered 60 electric buses worth $27.6m.",
    "Tavua Coach Lines Pte Limited, the venture's first customer, has ordered 60 electric buses worth $27.6m."])
def test_a_customer_of_the_venture_orders_from_it_and_runs_the_buses_told_two_sentences_later(gaz, order):
    text = ("Lanmei Bus Co Ltd and Korotogo Holdings Pte Limited signed a joint venture agreement in Suva yesterday. "
            "It will be owned by a new company, Lanmei Pacific Motors Pte Limited, in which Lanmei holds 51 per cent "
            f"and Korotogo Holdings 49 per cent.\n\n{order}\n\nThe first 20 will be shipped fully built from Xiamen "
            "and are expected in March.\n\nThey will run on routes to Lami and Nasinu.")
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"lanmei-pacific-motors-pte-limited", "tavua-coach-lines-pte-limited"}) in partner_pairs(result)
    fleets = [c.record for c in cands(result, "deployments") if c.record["kind"] == "vehicle-fleet"]
    assert [(f["operator"], f["places"]) for f in fleets] == [("tavua-coach-lines-pte-limited", ["lami", "nasinu"])]


def _markets(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}


@pytest.mark.parametrize("text, expected", [
    ("Lanmei Motors will build a plant in Lautoka. Its vice-president, Chen Haoran, said between 35 and 40 per cent of "
     "the plant's output would go to Samoa, Tonga and Vanuatu.",
     {("lanmei-motors", "samoa"), ("lanmei-motors", "tonga"), ("lanmei-motors", "vanuatu")}),
    ("Chen Haoran of Lanmei Motors will go to Samoa and Tonga next week.", set())])
def test_goods_that_go_to_countries_are_exported_there_and_a_person_going_there_exports_nothing(gaz, text, expected):
    assert _markets(run(gaz, text, date="2026-12-10")) == expected


def _units(result):
    return {(c.record["value"], c.record["unit"]) for c in cands(result, "observations")}


def test_a_bare_dollar_beside_us_dollars_in_a_fijian_story_is_the_fiji_dollar(gaz):
    text = ("Lanmei Motors picks Lautoka for plant\n\nLanmei Motors will build a $38 million (about US$16.9m) plant "
            "in Lautoka, Fiji. The Fijian plant will make buses for Fiji and its neighbours. Fiji's budget waives "
            "duty on kits.")
    units = _units(run(gaz, text, date="2026-12-10"))
    assert (38000000, "fjd") in units and (16900000, "usd") in units


def test_a_figure_over_the_period_has_the_period_of_the_figure_told_just_before(gaz):
    text = ("Lanmei Motors sold 14,600 buses in the first 11 months of 2026.\n\nAccording to the statistics bureau, "
            "Fiji imported vehicles worth $418.5m in the nine months to September, up 11 per cent on a year "
            "earlier.\n\nVehicle imports from China jumped 52 per cent to $96.3m over the period.")
    periods = {c.record["value"]: (c.record.get("period_start"), c.record.get("period_end"))
               for c in cands(run(gaz, text, date="2026-12-15"), "observations")}
    assert periods[96300000] == ("2026-01", "2026-09")


def test_a_pte_limited_company_named_later_without_its_legal_form_is_the_same_company(gaz):
    text = ("Lanmei Bus Co Ltd and Korotogo Holdings Pte Limited signed a venture agreement in Suva yesterday. "
            "Korotogo Holdings is a family-owned group. Korotogo Holdings chief executive Vilikesa Tuilau said talks "
            "had taken two years.")
    result = run(gaz, text, date="2026-12-10")
    assert "korotogo-holdings" not in {c.id for c in cands(result, "organizations")}
    assert {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")} == {
        ("vilikesa-tuilau", "korotogo-holdings-pte-limited")}


@pytest.mark.parametrize("title", ["Trade Cabinet Secretary", "Investments, Trade and Industry Cabinet Secretary"])
def test_a_portfolio_in_the_plural_is_no_organisation_of_a_cabinet_secretary(gaz, title):
    text = (f"Kenya's first bus plant will open in May. {title} Wanjiru Mbugua said the plant in Kenya would create "
            "jobs. Kenya needs them.")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(run(gaz, text, date="2026-12-10"), "roles")}
    assert roles == {("wanjiru-mbugua", "kenya")}


@pytest.mark.parametrize("text, person", [
    ("SUVA – Minister for Finance Ratu Tevita Kurisaqila said the venture would get incentives. Fiji will gain.",
     "tevita-kurisaqila"),
    ("HARARE – Industry Minister Cde Sekai Moyo said the plant would open in Zimbabwe. Zimbabwe needs it.",
     "sekai-moyo")])
def test_a_chiefly_or_party_honorific_is_no_part_of_the_persons_name(gaz, text, person):
    assert {c.record["person"] for c in cands(run(gaz, text, date="2026-12-10"), "roles")} == {person}


@pytest.mark.parametrize("name, org, country", [
    ("the Department of Finance Canada", "department-of-finance-canada", "canada"),
    ("the Ghana Standards Authority", "ghana-standards-authority", "ghana")])
def test_a_country_named_second_in_a_pair_of_capitalised_words_of_a_bodys_name_is_its_country(gaz, name, org,
                                                                                             country):
    text = f"Lanmei Motors will sell electric buses in Ghana and Canada, {name} said on Monday."
    orgs = {c.id: c.record for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert orgs[org].get("country") == country
