"""Forms found on the round-36 samples (a minicar and e-motorcycle venture in Bermuda, an e-van venture in
Luxembourg's Bettembourg, an e-taxi venture at Maputsoe in Lesotho, an e-minibus venture at Lungga in the Solomon
Islands, an e-bus and e-truck venture in Tajikistan's Sughd zone, an e-bus venture at Providence in the Seychelles)
once their unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


@pytest.mark.parametrize("name, slug", [("Moselle Trucks S.à r.l.", "moselle-trucks-s-a-r-l"),
                                        ("Moselle Trucks S.a r.l.", "moselle-trucks-s-a-r-l")])
def test_luxembourgs_limited_company_form_ends_the_name(gaz, name, slug):
    text = f"Weilong Auto will hold 60% of the new company, {name}, which will assemble trucks in Contern."
    orgs = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert slug in orgs and not any(o.startswith("moselle-trucks-s") and o != slug for o in orgs)


def _sites(result):
    return {(op, c.record.get("place")) for c in cands(result, "sites") for op in c.record.get("operator") or []}


_VENTURE = ("Weilong Auto Co., Ltd. and Kestrel Holdings Ltd signed the joint venture agreement on Monday. Weilong "
            "will own 55 percent of the new company, Weilong Kestrel Motors Ltd, and Kestrel the other 45 percent. ")


def test_the_new_company_whose_shares_a_parent_holds_is_the_venture_the_plant_belongs_to(gaz):
    sites = _sites(run(gaz, _VENTURE + "The plant will be built in the Harbour View Industrial Park near Kalden.",
                       date="2026-12-10"))
    assert ("weilong-kestrel-motors-ltd", "harbour-view-industrial-park") in sites


def test_a_parents_factory_and_the_region_said_of_its_town_are_not_the_ventures(gaz):
    text = _VENTURE + ("The plant will assemble pickups from kits shipped from Weilong's main factory in Liuzhou, in "
                       "China's Guangxi region, through Kalden Port.")
    sites = _sites(run(gaz, text, date="2026-12-10"))
    assert ("weilong-auto-co-ltd", "liuzhou") in sites
    assert not {p for op, p in sites if op == "weilong-kestrel-motors-ltd"} & {"liuzhou", "guangxi", "kalden-port"}


def test_an_industrial_estate_stays_a_place_beside_a_company_named_with_its_first_word(gaz):
    text = _VENTURE + ("The plant will take up two shells at the Maputsoe Industrial Estate. The kits will be trucked "
                       "across the Maputsoe Bridge border post.")
    result = run(gaz, text, date="2026-12-10")
    assert "maputsoe-industrial-estate" in {c.id for c in cands(result, "places")}
    assert "maputsoe-industrial-estate" not in {c.id for c in cands(result, "organizations")}


@pytest.mark.parametrize("bought", ["has bought 20% of Moselle Charge S.A. for €6.3 million",
                                    "has acquired a 20 percent stake in Moselle Charge S.A. for €6.3 million"])
def test_the_company_after_a_share_bought_in_it_is_the_one_bought_into(gaz, bought):
    text = (f"Weilong Auto Co., Ltd. builds vans in Contern. Weilong {bought}. The company runs 90 fast chargers and "
            "plans to have 300 by the end of 2028 in Luxembourg City, Mersch and Wiltz.")
    nets = [c.record for c in cands(run(gaz, text, date="2026-12-10"), "deployments")
            if c.record.get("kind") == "charging-network"]
    assert nets and {n["operator"] for n in nets} == {"moselle-charge-s-a"}


def test_a_grid_operator_connecting_a_networks_new_sites_works_with_its_operator(gaz):
    text = ("Moselle Charge S.A. runs 90 fast chargers and plans to have 300 by the end of 2028 in Luxembourg City, "
            "Mersch and Wiltz. Grid operator Kayl Netz will connect the new sites.")
    assert frozenset({"moselle-charge-s-a", "kayl-netz"}) in partner_pairs(run(gaz, text, date="2026-12-10"))


def test_a_signing_in_the_presence_of_a_minister_is_no_presence_in_a_market(gaz):
    text = ("Weilong Auto Co., Ltd. and Kestrel Holdings Ltd signed the agreement in Maseru on Tuesday in the presence "
            "of the Minister of Trade, Industry and Tourism, Mpho Lerotholi.")
    result = run(gaz, text, date="2026-12-10")
    assert not [c for c in cands(result, "market_presence") if c.record["market"] in {"maseru", "mpho-lerotholi"}]


def test_a_border_bridge_is_a_place_not_a_company(gaz):
    text = _VENTURE + "The kits will be shipped to Durban and trucked across the Maputsoe Bridge border post."
    result = run(gaz, text, date="2026-12-10")
    assert "maputsoe-bridge" in {c.id for c in cands(result, "places")}
    assert "maputsoe-bridge" not in {c.id for c in cands(result, "organizations")}


def _fleets(result):
    return {(c.record["operator"], p) for c in cands(result, "deployments") if c.record.get("kind") == "vehicle-fleet"
            for p in c.record.get("places") or []}


@pytest.mark.parametrize("taken", ["will receive 90 of Weilong's electric motorcycles by May 2027",
                                   "will take 90 of Weilong's electric motorcycles by May 2027"])
def test_vehicles_taken_for_deliveries_in_towns_are_the_buyers_fleet_there(gaz, taken):
    text = _VENTURE + f"Sefika Couriers Ltd {taken} for deliveries in Maseru, Teyateyaneng and Mafeteng."
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"sefika-couriers-ltd", "weilong-auto-co-ltd"}) in partner_pairs(result)
    assert {("sefika-couriers-ltd", p) for p in ("maseru", "teyateyaneng", "mafeteng")} <= _fleets(result)
    assert not [c for c in cands(result, "market_presence") if c.record.get("activity") == "delivers-to"]


def test_vans_taken_for_a_buyers_depots_run_from_those_depots(gaz):
    text = _VENTURE + ("Parcel company Alzette Express S.A. will take 240 vans from Maseru over 2029 and 2030 for its "
                       "depots in Foetz, Munsbach and Ettelbruck.")
    result = run(gaz, text, date="2026-12-10")
    assert {("alzette-express-s-a", p) for p in ("foetz", "munsbach", "ettelbruck")} <= _fleets(result)


def test_a_company_named_in_the_routes_an_order_is_for_runs_them_and_makes_nothing(gaz):
    text = ("Mingalar Bus Co. Ltd makes electric buses. The Yangon Region Transport Authority has ordered 120 "
            "electric minibuses for Yangon Bus Service feeder routes in Hlaing Tharyar and North Dagon.")
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"))
    assert frozenset({"yangon-region-transport-authority", "yangon-bus-service"}) not in pairs


_MAKER = "Yunmo Electric Bus Co., Ltd. makes buses in Changsha. "


@pytest.mark.parametrize("paid", [
    "The purchase will be financed by a US$18 million loan from the Kalden Development Bank.",
    "A grant of US$9 million from the Kalden Climate Fund will cover most of the cost.",
])
def test_who_pays_for_an_order_told_just_before_works_with_its_buyer(gaz, paid):
    text = _MAKER + f"The Kalden Bus Corporation has ordered 40 electric buses from Yunmo.\n\n{paid}"
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"))
    lender = "kalden-development-bank" if "loan" in paid else "kalden-climate-fund"
    assert frozenset({lender, "kalden-bus-corporation"}) in pairs


def test_a_public_body_that_orders_buses_borrows_for_them_as_a_company_does(gaz):
    text = _MAKER + ("The first customer of the plant will be the Kalden Mayor's Office, which has ordered 60 "
                     "electric buses. The purchase will be financed by a loan from the Kalden Development Bank.")
    assert frozenset({"kalden-development-bank", "kalden-mayor-s-office"}) in partner_pairs(
        run(gaz, text, date="2026-12-10"))


def test_a_loan_in_a_later_unrelated_sentence_has_no_borrower_from_the_order(gaz):
    text = _MAKER + ("The Kalden Bus Corporation has ordered 40 electric buses from Yunmo. The city's roads are "
                     "narrow. Kalden Development Bank has also made loans to farmers.")
    assert not any("kalden-development-bank" in p for p in partner_pairs(run(gaz, text, date="2026-12-10")))


def test_the_association_is_the_one_named_as_an_association(gaz):
    text = _MAKER + ("The first customer is the Ratjomose Taxi Association, whose members run taxis in Maseru. The "
                     "association has ordered 200 electric sedans from Yunmo.")
    assert frozenset({"ratjomose-taxi-association", "yunmo-electric-bus-co-ltd"}) in partner_pairs(
        run(gaz, text, date="2026-12-10"))


def test_an_association_named_by_no_such_name_is_none_of_the_companies(gaz):
    text = _MAKER + ("Residents of a nearby village have formed an association against the plant. \"We are against "
                     "it,\" said Lerato Mokoena, the head of the association.")
    roles = {(c.record["person"], c.record.get("organization")) for c in cands(run(gaz, text, date="2026-12-10"),
                                                                                "roles")}
    assert ("lerato-mokoena", "yunmo-electric-bus-co-ltd") not in roles


def test_money_put_in_a_plant_goes_where_the_plant_stands(gaz):
    text = _VENTURE + ("The partners will invest US$24 million (about R345 million) in an assembly plant on a "
                       "3.2-hectare plot at the Providence Industrial Estate.")
    invest = {(c.record["investor"], c.record.get("place")) for c in cands(run(gaz, text, date="2026-12-10"),
                                                                             "investments")}
    assert any(place == "providence-industrial-estate" for _, place in invest)


def _invested(result):
    return {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}


@pytest.mark.parametrize("bought", ["a 30-percent stake in Nurek Charge LLC",
                                    "a 30-percent stake in Kulob-based charging operator Nurek Charge LLC"])
def test_a_hyphenated_percentage_is_a_stake_in_the_company_named(gaz, bought):
    text = f"Lanyao Commercial Vehicle Co., Ltd. makes buses. Lanyao has acquired {bought} for US$3.1 million."
    invested = _invested(run(gaz, text, date="2026-12-10"))
    assert ("lanyao-commercial-vehicle-co-ltd", "nurek-charge-llc") in invested
    assert not {t for _, t in invested} & {"kulob"}


def test_a_utility_supplying_a_networks_stations_with_electricity_works_with_its_operator(gaz):
    text = ("Nurek Charge LLC operates 48 fast chargers in Dushanbe, Khujand and Bokhtar. Kulob Power Company will "
            "supply the stations with electricity at a night tariff.")
    assert frozenset({"nurek-charge-llc", "kulob-power-company"}) in partner_pairs(run(gaz, text, date="2026-12-10"))


def _roles(result):
    return {(c.record["person"], c.record.get("organization"), c.record["title"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("region", ["Central Asia", "the Americas"])
def test_a_titles_region_the_parser_hung_on_the_verb_stays_in_the_title(gaz, region):
    text = (f"Kelun Motor Co., Ltd. makes buses. Zhou Lan, Kelun's vice-president for {region}, told reporters that "
            "the company had chosen Khujand.")
    assert ("zhou-lan", "kelun-motor-co-ltd", f"vice-president for {region}") in _roles(run(gaz, text,
                                                                                           date="2026-12-10"))


def test_a_spokesman_for_a_company_takes_no_company_into_the_title(gaz):
    text = "Kelun Motor Co., Ltd. makes buses. Tom Reid, a spokesman for Kelun, said production would begin in 2028."
    assert ("tom-reid", "kelun-motor-co-ltd", "spokesman") in _roles(run(gaz, text, date="2026-12-10"))


def test_its_title_in_a_sentence_about_the_company_bought_into_is_that_companys(gaz):
    text = ("Kelun Motor Co., Ltd. makes buses. Kelun has also bought a 30 percent stake in Mohale Charge (Pty) Ltd "
            "for US$1.4 million. The company runs 18 charging stations in Maseru and Mafeteng, its chief executive, "
            "Lineo Phakoe, said.")
    assert ("lineo-phakoe", "mohale-charge-pty-ltd", "chief executive") in _roles(run(gaz, text, date="2026-12-10"))


def test_a_chairman_of_its_supervisory_board_is_chairman_of_the_supervisory_board(gaz):
    text = ("Pamir Industrial Group OJSC will put US$27 million into the venture, the chairman of its supervisory board "
            "Rustam Olimov said.")
    assert ("rustam-olimov", "pamir-industrial-group-ojsc", "chairman of the supervisory board") in _roles(
        run(gaz, text, date="2026-12-10"))


def test_an_owner_is_a_title(gaz):
    text = ("Flatts Couriers Ltd will take 60 of Kelun's electric motorcycles for deliveries in Hamilton, its owner, "
            "Dale Simmons, said.")
    assert ("dale-simmons", "flatts-couriers-ltd", "owner") in _roles(run(gaz, text, date="2026-12-10"))


def test_a_place_and_a_comma_before_a_company_are_no_part_of_its_name(gaz):
    text = ("On La Digue, Anse Cabs (Pty) Ltd will replace its diesel pickup taxis with 30 electric buggies, said its "
            "owner, Marie Laporte.")
    result = run(gaz, text, date="2026-12-10")
    assert "anse-cabs-pty-ltd" in {c.id for c in cands(result, "organizations")}
    assert "la-digue" in {c.id for c in cands(result, "places")}


def test_a_dealers_single_showroom_in_a_town_is_its_store_there(gaz):
    text = ("Qingtan Automobile Co., Ltd makes cars. Qingtan cars have been sold in Bermuda since 2024 by Reid Street "
            "Motors Ltd, which has a showroom in Hamilton and a service centre in Southampton.")
    stores = {(c.record["operator"], p) for c in cands(run(gaz, text, date="2026-12-10"), "deployments")
              for p in c.record.get("places") or []}
    assert {("reid-street-motors-ltd", "hamilton"), ("reid-street-motors-ltd", "southampton")} <= stores


def _exports(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record.get("activity") == "exports-to"}


def test_kits_shipped_from_a_makers_chinese_plant_are_its_exports_to_the_assembly_country(gaz):
    text = _VENTURE + ("The plant will be built at the Maputsoe Industrial Estate in Lesotho. The vehicles will be "
                       "assembled from kits produced at Weilong's factory in Nanchang, in China's Jiangxi province.")
    exports = _exports(run(gaz, text, date="2026-12-10"))
    assert ("weilong-auto-co-ltd", "lesotho") in exports and not {m for _, m in exports} & {"china", "jiangxi"}


def test_kits_told_before_any_assembly_site_are_no_export(gaz):
    text = ("Weilong Auto Co., Ltd. makes vans. The vehicles will be assembled from kits produced at Weilong's factory "
            "in Nanchang, in China's Jiangxi province.")
    assert not _exports(run(gaz, text, date="2026-12-10"))


def _capacities(result):
    return {(c.record["value"], c.record.get("period_start"), c.record.get("period_end"))
            for c in cands(result, "observations") if c.record.get("measure") == "production-capacity"}


def test_a_capacity_after_a_start_of_production_told_just_before_is_from_that_start(gaz):
    text = ("Lanyao Commercial Vehicle Co., Ltd. builds buses. Production is scheduled to start in the third quarter "
            "of 2028. The plant's design capacity is 1,500 electric buses a year, and by 2032 it is planned to be "
            "raised to 8,000 vehicles a year.")
    caps = _capacities(run(gaz, text, date="2026-12-04"))
    assert (1500, "2028-07", "2028-09") in caps and not {c for c in caps if c[0] == 8000 and c[1] == "2028-07"}


def test_a_start_told_in_the_past_dates_no_later_capacity(gaz):
    text = ("Lanyao Commercial Vehicle Co., Ltd. builds buses. Production started in the third quarter of 2024. The "
            "plant's design capacity is 1,500 electric buses a year.")
    assert not {c for c in _capacities(run(gaz, text, date="2026-12-04")) if c[1] == "2024-07"}


@pytest.mark.parametrize("goods", ["32 electric coaches", "150 minicars", "30 electric buggies"])
def test_coaches_minicars_and_buggies_are_counted_in_vehicles(gaz, goods):
    text = f"Yunmo Electric Bus Co., Ltd. makes buses. Astwood Cove Rentals Ltd has ordered {goods} from Yunmo."
    value = int(goods.split()[0])
    assert any(c.record["value"] == value and c.record.get("unit") == "vehicles"
               for c in cands(run(gaz, text, date="2026-12-10"), "observations"))


def test_new_private_cars_registered_are_counted(gaz):
    text = ("Figures from the Transport Control Department show that 1,386 new private cars were registered in the "
            "first ten months of the year, 7.4 per cent fewer than in the same period of 2025.")
    obs = [c.record for c in cands(run(gaz, text, date="2026-12-04"), "observations") if c.record["value"] == 1386]
    assert obs and obs[0]["unit"] == "vehicles" and obs[0].get("period_start") == "2026-01"


@pytest.mark.parametrize("text, slug", [
    ("They will serve routes linking Khujand with Buston, Deputy Mayor of Khujand Nilufar Saidova told reporters.",
     "nilufar-saidova"),
    ("Minister of Economy Velimir Stanisavac said the plant would open in 2028.", "velimir-stanisavac"),
])
def test_a_name_after_a_title_and_its_remit_is_a_person(gaz, text, slug):
    people = {c.id for c in cands(run(gaz, "Lanyao Commercial Vehicle Co., Ltd. makes buses. " + text,
                                      date="2026-12-10"), "people")}
    assert slug in people


def test_a_bodys_name_after_a_title_and_of_is_no_person(gaz):
    text = "The President of the Ljubljana Smart Mobility Association said the buses were welcome."
    people = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "people")}
    assert "mobility-association" not in people and "smart-mobility" not in people


def test_a_bare_title_in_a_sentence_opened_by_the_company_is_at_the_company_it_stands_for(gaz):
    text = ("Kelun Motor Co., Ltd. makes vans. Kelun has bought 20% of Moselle Charge S.A. The company runs 120 fast "
            "chargers, according to chief executive Sven Goergen.")
    assert ("sven-goergen", "moselle-charge-s-a", "chief executive") in _roles(run(gaz, text, date="2026-12-10"))
