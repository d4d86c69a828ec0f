"""Forms found on the round-33 samples (an SKD car and bus venture in Brunei's Belait District, a CKD minibus and
truck venture in a Lusaka economic zone, an e-bus venture in Tay Ninh, an e-bus and e-truck venture in the Lekki
Free Zone, an e-van and e-truck venture in Albergaria-a-Velha, an e-minibus venture in Barbados) once their unseen
scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _org_ids(result):
    return {c.id for c in cands(result, "organizations")}


def _ventures(result):
    return {frozenset(c.record["partners"]) for c in cands(result, "partnerships")
            if c.record["kind"] == "joint-venture"}


@pytest.mark.parametrize("name, slug", [
    ("Ribeira Componentes, S.A.", "ribeira-componentes-s-a"),
    ("Tejo Veículos Elétricos, Lda.", "tejo-veiculos-eletricos-lda"),
    ("Furgonetas Sil, S.L.", "furgonetas-sil-s-l"),
])
def test_a_legal_form_after_a_comma_ends_the_name(gaz, name, slug):
    text = (f"Qianyu Motors has signed a distribution agreement with {name}, which will sell its electric vans in "
            "Portugal and Spain from next year.")
    ids = _org_ids(run(gaz, text, date="2026-12-10"))
    assert slug in ids and not ids & {"s-a", "lda", "s-l"}


def test_a_venture_named_before_its_clause_of_shares_takes_the_owners_the_clause_names(gaz):
    text = ("The agreement between Qianyu Motors, which is based in Hefei, and Mondego Metal, S.A. was signed in "
            "Lisbon. The plant will belong to a joint venture, Qianyu Mondego Veículos, Lda., in which the Chinese "
            "company holds 70% and Mondego Metal 30%.")
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"qianyu-motors", "mondego-metal-s-a"}) in _ventures(result)
    companies = {c.id: c.record for c in cands(result, "organizations")}
    assert companies["qianyu-mondego-veiculos-lda"].get("parent") == "qianyu-motors"


def test_a_company_named_again_without_its_dotted_legal_form_after_a_comma_is_the_same(gaz):
    text = ("Its vans have been sold in Spain since 2024 by Furgonetas Duero, S.L., an importer from León.\n\n"
            '"The van market alone will not fill these lines. If Furgonetas Duero keeps growing, it probably '
            'works," she said.')
    ids = _org_ids(run(gaz, text, date="2026-12-10"))
    assert "furgonetas-duero-s-l" in ids and "furgonetas-duero" not in ids


def test_a_venture_company_in_which_the_firm_described_by_its_nation_holds_a_share(gaz):
    text = ("A Chinese electric vehicle maker, Qianyu New Energy Automobile Co., Ltd., and Lagos-based Oduduwa Group "
            "Plc have signed an agreement to build a plant in the Lekki Free Zone.\n\nThe investment, put at about "
            "N217.5bn, will be made through a joint venture company, Qianyu Oduduwa Motors Limited, in which the "
            "Chinese firm holds 65 per cent while Oduduwa owns the remaining 35 per cent.")
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"qianyu-new-energy-automobile-co-ltd", "oduduwa-group-plc"}) in _ventures(result)


def test_a_headlines_descriptor_before_a_comma_describes_no_company_in_apposition(gaz):
    text = ("Chinese bus maker, Rio Verde Group in US$32-m assembly deal\n\nChinese electric bus maker Qianyu Bus "
            "Co., Ltd and Clarendon-based Rio Verde Group Limited will build buses at the Caymanas Special Economic "
            "Zone.\n\nThe new company, Qianyu Rio Verde Motors Limited, is 55 per cent owned by Qianyu. The "
            "Jamaican group holds the remaining 45 per cent.")
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"qianyu-bus-co-ltd", "rio-verde-group-limited"}) in _ventures(result)


def test_a_stake_in_a_company_described_by_its_base_town(gaz):
    text = ("Qianyu Bus Co., Ltd will build buses in Lusaka. Qianyu has also acquired a 25 percent stake in "
            "Kitwe-based Mwamba Energy Limited for US$5.5 million.")
    result = run(gaz, text, date="2026-12-10")
    assert any(c.record.get("investor") == "qianyu-bus-co-ltd" and c.record.get("investee") == "mwamba-energy-limited"
               for c in cands(result, "investments"))


def test_a_sellers_branches_are_deployments_where_they_are(gaz):
    text = ("Kunlun Motors trucks have been sold in Zambia since 2022 through Mwaba Motors Limited, which has branches "
            "in Lusaka, Ndola, Kitwe and Livingstone.")
    result = run(gaz, text, date="2026-12-10")
    places = {p for c in cands(result, "deployments") if c.record["operator"] == "mwaba-motors-limited"
              for p in c.record.get("places") or []}
    assert {"lusaka", "ndola", "kitwe", "livingstone"} <= places


def test_a_bank_financing_an_order_is_the_buyers_partner_not_the_maker(gaz):
    text = ("Kunlun Motors will assemble minibuses in Zambia. Kunlun Motors expects strong demand.\n\nThe Kariba "
            "Minibus Owners Cooperative has ordered 350 electric minibuses worth K525 million, financed through a "
            "K400 million facility from the Development Bank of Zambia (DBZ).")
    result = run(gaz, text, date="2026-12-10")
    pairs = partner_pairs(result)
    assert frozenset({"development-bank-of-zambia", "kariba-minibus-owners-cooperative"}) in pairs
    assert frozenset({"kunlun-motors", "kariba-minibus-owners-cooperative"}) in pairs


def test_ordered_vehicles_run_on_routes_from_one_place_to_others(gaz):
    text = ("The Kariba Minibus Owners Cooperative has ordered 350 electric minibuses from Kunlun Motors. The first "
            "50 minibuses will be imported from Xiangyang in June 2027 and will ply routes from the Lusaka city "
            "centre to Kanyama and Chelstone.")
    result = run(gaz, text, date="2026-12-10")
    places = {p for c in cands(result, "deployments") if c.record["operator"] == "kariba-minibus-owners-cooperative"
              for p in c.record.get("places") or []}
    assert {"kanyama", "chelstone"} <= places


def _people_ids(result):
    return {c.id for c in cands(result, "people")}


@pytest.mark.parametrize("text, person", [
    ("The agreement was witnessed by the Deputy Minister at the ministry, Dato Seri Paduka Awang Haji Rosli bin Haji "
     "Ahmad, in Bandar Seri Begawan.", "rosli-bin-haji-ahmad"),
    ("Its Managing Director Dayang Hajah Salmah binti Haji Yusof said the buses would arrive next year.",
     "salmah-binti-haji-yusof"),
    ("The chairman, Dayang Hajah Aminah binti Haji Abdul Rahman, said the buses would arrive next year.",
     "aminah-binti-haji-abdul-rahman"),
    ("Minister of Energy Senator Dr Alicia Greaves-Brathwaite said the government welcomed the plant.",
     "alicia-greaves-brathwaite"),
])
def test_bruneian_and_parliamentary_honorifics_are_no_part_of_the_name(gaz, text, person):
    ids = _people_ids(run(gaz, text, date="2026-12-10"))
    assert person in ids and not any(i.startswith(("awang", "dayang", "senator", "hajah")) for i in ids)


def test_caribbean_countries_written_with_st(gaz):
    text = ("Kunlun Motors will ship minibuses to St Vincent and the Grenadines, St. Lucia and St Kitts and Nevis "
            "from next year.")
    ids = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert {"saint-vincent-and-the-grenadines", "saint-lucia", "saint-kitts-and-nevis"} <= ids


def test_an_estate_and_the_place_it_lies_in_are_two_places(gaz):
    text = ("Kunlun Motors will spend US$26 million on a plant at the Newton Industrial Estate in Christ Church, "
            "where electric minibuses will be put together.")
    ids = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert {"newton-industrial-estate", "christ-church"} <= ids


def test_cars_on_sale_since_a_year_through_a_distributor(gaz):
    text = ("Kunlun Motors will build cars in Brunei. Kunlun cars have been on sale in the country since 2024 through "
            "authorised distributor Tasek Motors Sdn Bhd.")
    result = run(gaz, text, date="2026-12-22")
    presence = {(c.record["activity"], c.record["exporter"], c.record["market"])
                for c in cands(result, "market_presence")}
    assert {("sells-in", "kunlun-motors", "brunei"), ("entered", "kunlun-motors", "brunei")} <= presence
    assert frozenset({"kunlun-motors", "tasek-motors-sdn-bhd"}) in partner_pairs(result)


def test_a_unit_named_in_apposition_runs_robotaxis_in_named_areas_without_partnering_its_owner(gaz):
    text = ("Kunlun Motors will build cars in Brunei.\n\nSeparately, Kunlun's autonomous driving arm, Kunlun Zhijia "
            "Technology Co., Ltd, will run a pilot of 10 robotaxis from mid-2027, covering the Gadong and Kiulap "
            "commercial areas.")
    result = run(gaz, text, date="2026-12-22")
    places = {p for c in cands(result, "deployments") for p in c.record.get("places") or []}
    assert {"gadong", "kiulap"} <= places
    assert frozenset({"kunlun-motors", "kunlun-zhijia-technology-co-ltd"}) not in partner_pairs(result)
    units = {c.id: c.record.get("parent") for c in cands(result, "organizations")}
    assert units["kunlun-zhijia-technology-co-ltd"] == "kunlun-motors"


def test_a_clause_after_a_units_name_is_no_apposition(gaz):
    text = ("Founded in 2020 by former engineers from Kunlun Motors' autonomous driving unit, Moyang Robotics has "
            "around 1,400 employees.")
    units = {c.id: c.record.get("parent") for c in cands(run(gaz, text, date="2026-12-22"), "organizations")}
    assert units.get("moyang-robotics") is None


def test_ordered_buses_put_on_routes_run_where_the_routes_go(gaz):
    text = ("The Metro Mass Transit Company has ordered 48 electric buses from Kunlun Motors. General manager Ann "
            "Mensah said the new buses would be put on routes out of the Accra terminals to Tema and Kasoa.")
    result = run(gaz, text, date="2026-12-10")
    places = {p for c in cands(result, "deployments") for p in c.record.get("places") or []}
    assert {"tema", "kasoa"} <= places


def test_a_haulier_that_signed_for_trucks_deploys_them_where_they_will_move_goods(gaz):
    text = ("Kunlun Motors will build trucks in Lagos. Kunlun Motors said demand was strong.\n\nAlso, Badagry Freight "
            "Lines Limited, a haulage firm, has signed for 120 electric tractor-trucks. They will move containers "
            "between the ports and inland depots in Ikeja and Agbara.")
    result = run(gaz, text, date="2026-12-17")
    assert frozenset({"kunlun-motors", "badagry-freight-lines-limited"}) in partner_pairs(result)
    places = {p for c in cands(result, "deployments") if c.record["operator"] == "badagry-freight-lines-limited"
              for p in c.record.get("places") or []}
    assert {"ikeja", "agbara"} <= places


def test_an_operators_own_routes_are_not_where_its_ordered_buses_go(gaz):
    text = ("Kunlun Motors will build buses in Botswana. In Gaborone, Kgale Coaches (Pty) Ltd, a private operator which "
            "runs 85 diesel buses on routes to Mogoditshane and Tlokweng, has ordered 40 electric buses from Kunlun "
            "Motors.")
    result = run(gaz, text, date="2026-12-17")
    places = {p for c in cands(result, "deployments") for p in c.record.get("places") or []}
    assert not places & {"mogoditshane", "tlokweng"}


def _roles(result):
    return {(c.record["person"], c.record.get("organization"), c.record["title"]) for c in cands(result, "roles")}


def test_a_function_before_a_title_after_a_bodys_name_is_the_titles(gaz):
    text = ("The Kafue Development Agency (KDA) welcomed the plant. KDA Public Relations Manager Ms. Chanda Mwape said "
            "the agency had issued an investment licence.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert any(p == "chanda-mwape" and org == "kafue-development-agency" for p, org, _ in roles)


def test_a_cooperative_named_again_by_its_head_word_before_a_title(gaz):
    text = ("The Kabwe Minibus Owners Cooperative has ordered 350 minibuses from Kunlun Motors.\n\nCooperative "
            "Chairperson Mr. Mwila Banda said members were excited.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert any(p == "mwila-banda" and org == "kabwe-minibus-owners-cooperative" for p, org, _ in roles)


def test_a_title_of_the_cooperative_is_at_the_cooperative_named_before(gaz):
    text = ("The Tay Ninh Industrial Parks Management Board handed a licence to Kunlun Motors. Ben Luc Bus Cooperative "
            "has agreed to buy 160 electric buses. The remaining 120 will be built in Tay Ninh, said Tran Van Minh, "
            "director of the cooperative.")
    assert ("tran-van-minh", "ben-luc-bus-cooperative", "director") in _roles(run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("dateline, unit", [("LUSAKA", "zmw"), ("LILONGWE", "mwk"), ("PORT MORESBY", "pgk")])
def test_an_amount_written_with_a_k_is_the_money_of_the_articles_country(gaz, dateline, unit):
    text = f"{dateline} - Kunlun Motors will invest K640 million in a bus plant, the company said."
    units = {c.record.get("unit") for c in cands(run(gaz, text, date="2026-12-10"), "observations")
             if c.record.get("value") == 640000000}
    assert units == {unit}


def test_an_export_list_goes_on_after_but_also(gaz):
    text = ("Kunlun Motors is to invest 118 million euros in a factory in Albergaria-a-Velha, Portugal.\n\nAround 80% "
            "of the factory's output will be exported, mainly to Spain, France and Morocco, but also to Cabo Verde "
            "and Angola.")
    markets = {c.record["market"] for c in cands(run(gaz, text, date="2026-12-18"), "market_presence")}
    assert {"spain", "morocco", "cabo-verde", "angola"} <= markets


def test_a_commercial_vehicle_maker_takes_an_order_that_names_no_maker(gaz):
    text = ("Qianmo Commercial Vehicle Co., Ltd. will build vans in Portugal. Qianmo said demand was strong.\n\n"
            "Entregas Tejo, S.A., a parcel delivery company based in Coimbra, has ordered 450 electric vans in a deal "
            "worth 19.8 million euros.")
    result = run(gaz, text, date="2026-12-18")
    kinds = {c.id: c.record.get("kind") for c in cands(result, "organizations")}
    assert kinds["qianmo-commercial-vehicle-co-ltd"] == "automaker"
    assert frozenset({"qianmo-commercial-vehicle-co-ltd", "entregas-tejo-s-a"}) in partner_pairs(result)


def test_a_zones_short_name_in_brackets_names_the_zone(gaz):
    text = ("The plant will be built on a 14-hectare plot at the Salambigar Industrial Park (SPARK) in Brunei-Muara "
            "District. Final assembly will be carried out at SPARK by Kunlun Motors.")
    result = run(gaz, text, date="2026-12-22")
    ids = {c.id for c in cands(result, "places")} | {c.id for c in cands(result, "organizations")}
    assert "salambigar-industrial-park" in ids and "spark" not in ids


def test_the_presence_of_a_guest_is_no_part_of_the_guests_title(gaz):
    text = ("LAGOS - Kunlun Motors will build a plant in Nigeria. The agreement was signed in the presence of the "
            "Minister of Industry, Funmi Adeyemi-Cole, and others.")
    roles = _roles(run(gaz, text, date="2026-12-17"))
    assert ("funmi-adeyemi-cole", "nigeria", "Minister of Industry") in roles


def test_a_ministers_portfolio_of_several_fields_then_an_honorific_and_the_name(gaz):
    text = ("LAGOS - Kunlun Motors will build a plant in Nigeria. The agreement was signed in Lagos on Tuesday in the "
            "presence of the Minister of Industry, Trade and Investment, Dr Funmi Adeyemi-Cole, and the Lagos State "
            "Commissioner for Transportation, Mr Tunde Bakare-Ojo.")
    roles = _roles(run(gaz, text, date="2026-12-17"))
    assert ("funmi-adeyemi-cole", "nigeria", "Minister of Industry, Trade and Investment") in roles
    assert not any(p == "tunde-bakare-ojo" and org == "nigeria" for p, org, _ in roles)
