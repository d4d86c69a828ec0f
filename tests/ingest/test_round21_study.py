"""Forms found on the round-21 samples (a Malaysian CKD venture, a Chinese stake in a Karachi assembler, a cathode
plant in Tangier, a bakkie plant in the Coega SEZ, a Dhaka e-bus order, an LFP cell venture in Miskolc) once their
unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round20_study import _markets


def _figures(result):
    return {(c.record["value"], c.record["unit"]) for c in cands(result, "observations")}


def test_thousands_grouped_by_spaces_are_one_number_but_a_phone_number_is_none(gaz):
    text = ("Passenger-car sales rose 4.2% to 41 257 units in October, the association said. The Gqeberha plant "
            "will build 18 000 vehicles a year and cost R1 350 000 000. Enquiries: +27 41 000 0000.")
    result = run(gaz, text, date="2026-11-05")
    figures = _figures(result)
    assert {(41257, "vehicles"), (18000, "vehicles"), (1350000000, "zar")} <= figures
    assert not {v for v, _u in figures} & {41, 257, 18, 0, 1, 350}


def test_tonnes_of_a_material_and_hectares_written_ha_are_units_of_their_own(gaz):
    text = ("Lanfeng Materials will build a precursor plant on a 24 ha site in Kenitra with a capacity of 30,000 "
            "tonnes a year. It shipped 112,500 metric tons of cathode material last year.")
    result = run(gaz, text, date="2026-11-05")
    figures = _figures(result)
    assert {(24, "hectares"), (30000, "tonnes"), (112500, "tonnes")} <= figures
    assert not {v for v, u in figures if u == "vehicles"}


def test_the_short_name_a_parent_shares_with_a_venture_named_after_both_parents_is_the_parent_s(gaz):
    text = ("Chinese cathode maker Lanfeng Advanced Materials Co. will build a plant in Kenitra. The plant will be run "
            "by Lanfeng Sebou Materials SA, a joint venture in which Lanfeng holds 60% and Moroccan group Sebou "
            "Industries holds 40%. Lanfeng said the plant would start in 2028.")
    result = run(gaz, text, date="2026-11-05")
    orgs = {c.record["id"]: c.record for c in cands(result, "organizations")}
    assert "Lanfeng" in orgs["lanfeng-advanced-materials-co"].get("aliases", [])
    assert "Lanfeng" not in orgs["lanfeng-sebou-materials-sa"].get("aliases", [])


def _ventures(result):
    return {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships")
            if c.record.get("kind") == "joint-venture"}


def test_a_company_which_is_owned_in_parts_after_an_apposition_or_a_relative_word_is_a_joint_venture(gaz):
    text = ("Seri Kenanga Holdings Bhd and Chinese carmaker Lanfeng Motor Co Ltd will assemble vans in Gurun. The "
            "plant will be run by a joint venture company, Lanfeng Kenanga Auto Sdn Bhd, which is 55 per cent owned "
            "by Seri Kenanga and 45 per cent by Lanfeng.")
    assert _ventures(run(gaz, text, date="2026-11-05")) == {("lanfeng-motor-co-ltd", "seri-kenanga-holdings-bhd")}


def test_owned_by_the_chinese_group_is_the_maker_described_as_chinese_before_a_bracketed_acronym(gaz):
    text = ("Chinese new-energy vehicle (NEV) manufacturer Lanfeng Motor Group will build vans in the Dube "
            "TradePort. The operating company, Lanfeng Automotive South Africa, is 74% owned by the Chinese group and 26% "
            "by investment company Umhlanga Ridge Holdings.")
    assert _ventures(run(gaz, text, date="2026-11-05")) == {("lanfeng-motor-group", "umhlanga-ridge-holdings")}


def test_a_share_the_parser_reads_into_a_name_is_the_holder_s_and_the_venture_s_parents_hold_it(gaz):
    text = ("South Korea's Haneul Cell and Chinese carmaker Lanfeng Automobile will build a battery plant in Hungary "
            "through a joint venture, Haneul Lanfeng Battery Kft., in which Haneul will hold 60 percent and Lanfeng "
            "40 percent. Lanfeng will also acquire a 3.5 percent stake in Haneul.")
    result = run(gaz, text, date="2026-11-05")
    assert _ventures(result) == {("haneul-cell", "lanfeng-automobile")}
    assert not [c for c in cands(result, "vehicle_models") if "percent" in c.record["id"]]
    stakes = {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}
    assert ("lanfeng-automobile", "haneul-cell") in stakes
    assert "south-korea" not in {c.record["place"] for c in cands(result, "sites")}


def test_a_stake_in_a_plant_is_no_stake_in_the_company_that_runs_it(gaz):
    text = ("Lanfeng Cell Technology opened a cell plant in Morowali in October. PT Sulawesi Daya Energi holds a 20 "
            "percent stake in the Morowali plant.")
    result = run(gaz, text, date="2026-11-05")
    assert not [c for c in cands(result, "investments") if c.record.get("investee") == "lanfeng-cell-technology"]


def test_taka_amounts_and_the_fiscal_year_of_an_article_written_in_taka_without_a_dateline(gaz):
    text = ("The city corporation signed a Tk 420 crore deal for 120 electric buses on Wednesday. Each bus costs "
            "about Tk 3.5 crore. In the budget for the 2026-27 fiscal year, the revenue board cut the duty on bus "
            "kits to 2% from 12%.")
    result = run(gaz, text, date="2026-12-03")
    figures = {(c.record["value"], c.record["unit"], c.record.get("period_start"), c.record.get("period_end"))
               for c in cands(result, "observations")}
    assert {v for v, u, _s, _e in figures if u == "bdt"} >= {4200000000, 35000000}
    assert (2, "percent", "2026-07", "2027-06") in figures


def _dated(result):
    return {(c.record["value"], c.record.get("period_start")) for c in cands(result, "observations")}


def test_the_level_a_change_starts_from_and_a_current_level_take_no_later_time_of_their_sentence(gaz):
    text = ("Lanfeng Motors said the expansion will raise the plant's capacity from 15,000 units to 40,000 units a "
            "year by 2029. Local content currently stands at 22 percent and the company is targeting 45 percent by "
            "2029. Its exports grew from 9,000 vehicles in 2024 to 14,500 vehicles in 2025.")
    dated = _dated(run(gaz, text, date="2026-12-01"))
    assert {(15000, None), (40000, "2029"), (22, None), (45, "2029"), (9000, "2024"), (14500, "2025")} <= dated


def test_asean_is_a_market_and_places_listed_with_as_its_markets_are_all_markets(gaz):
    text = ("Lanfeng Automobile exported 88,000 vehicles in January-October, with Central Asia, the Middle East and "
            "Africa as its main overseas markets. It plans to enter ASEAN next year.")
    result = run(gaz, text, date="2026-12-01")
    assert {("lanfeng-automobile", "central-asia"), ("lanfeng-automobile", "middle-east"),
            ("lanfeng-automobile", "africa")} <= {(x, m) for x, m, _a in _markets(result)}
    assert "asean" not in {c.record["id"] for c in cands(result, "organizations")}
    assert ("lanfeng-automobile", "asean", "targets-market") in _markets(result)


def test_world_regions_are_known_places_but_never_a_part_of_a_country_s_name(gaz):
    text = ("Lanfeng Motors has sold cars in South Africa since 2023. It also ships to Central Asia and North Africa. "
            "\"We will grow,\" said Liu Fang, chief executive of Lanfeng Africa.")
    result = run(gaz, text, date="2026-12-01")
    markets = {m for _x, m, _a in _markets(result)}
    assert {"south-africa", "central-asia", "north-africa"} <= markets and not markets & {"africa", "asia"}
    assert [(c.record["person"], c.record["organization"]) for c in cands(result, "roles")] == [
        ("liu-fang", "lanfeng-africa")]


def test_a_title_of_the_group_after_a_unit_was_spoken_of_is_the_group_s(gaz):
    text = ("Lanfeng Automobile Group named new managers on Monday. In Mexico, Lanfeng Mexico's sales rose 21 per "
            "cent to 8,400 cars. At head office, Wei Ning was named chief financial officer of the group, effective "
            "1 January.")
    result = run(gaz, text, date="2026-12-01")
    assert [(c.record["person"], c.record["organization"]) for c in cands(result, "roles")] == [
        ("wei-ning", "lanfeng-automobile-group")]


def test_a_name_the_parser_cut_in_two_and_a_name_opening_with_md_are_one_person(gaz):
    text = ("Karnaphuli Motors Ltd will assemble buses. \"We are ready,\" KML Chief Executive Officer Syed Imran Ali "
            "Rizvi said. The deal was signed by city corporation Chief Executive Officer Md Mahbubur Rahman Khan and the maker.")
    result = run(gaz, text, date="2026-12-01")
    people = {c.record["id"] for c in cands(result, "people")}
    assert {"syed-imran-ali-rizvi", "md-mahbubur-rahman-khan"} <= people
    assert not [c for c in cands(result, "roles") if c.record["title"].lower().endswith(" md")]


def test_the_name_after_an_honorific_the_parser_tagged_alone_is_the_person(gaz):
    text = "The ministry approved the plant on Monday. Trade Minister Datuk Seri Mohd Azlan Hashim said it would open."
    result = run(gaz, text, date="2026-12-01")
    assert "mohd-azlan-hashim" in {c.record["id"] for c in cands(result, "people")}


def test_a_headline_s_capitalised_scale_and_the_area_of_a_site_without_a_later_time(gaz):
    text = ("Lanfeng to Build MAD 3.2 Billion Cell Plant in Kenitra\n\nLanfeng Cell Co. will build the plant, raising "
            "capacity to 30 GWh by 2030. It will stand on a 40 ha site and employ about 900 people.")
    result = run(gaz, text, date="2026-12-01")
    assert {(c.record["value"], c.record["unit"]) for c in cands(result, "observations")} >= {
        (3200000000, "mad"), (40, "hectares")}
    assert (40, None) in _dated(result)


def test_a_portfolio_of_several_fields_before_minister_is_not_split_into_companies(gaz):
    text = ("The Ministry of Economy, Trade and Industry (METI) said Lanfeng Motor Co will assemble vans in Gurun.\n\n"
            "Economy, Trade and Industry Minister Datuk Seri Mohd Azlan Hashim said the plant would open in 2027.")
    result = run(gaz, text, date="2026-12-01")
    assert not {"economy", "trade-and-industry"} & {c.record["id"] for c in cands(result, "organizations")}


def test_goods_shipped_from_a_maker_s_plant_abroad_are_its_exports_to_the_market_they_go_to(gaz):
    text = ("Chinese carmaker Lanfeng Motor Co will have its vans assembled at Brandauer's plant in Graz, Austria. Kits "
            "will be shipped from Lanfeng's plant in Wuhu, in China's Anhui province. Its chief engineer came from "
            "the company's plant in Hefei.")
    result = run(gaz, text, date="2026-12-01")
    shipped = {(x, m) for x, m, a in _markets(result) if a == "exports-to"}
    assert ("lanfeng-motor-co", "austria") in shipped and not {m for _x, m in shipped} & {"china", "anhui"}


def test_a_maker_that_has_sold_in_a_country_since_a_date_entered_it_but_not_its_towns(gaz):
    text = ("Lanfeng Automobile Group will build a plant in Coega. Lanfeng has sold imported vehicles in Namibia since "
            "March 2024 through Etosha Motor Holdings, which runs 12 Lanfeng dealerships in Windhoek and Walvis Bay.")
    result = run(gaz, text, date="2026-12-01")
    entered = {m for x, m, a in _markets(result) if a == "entered"}
    assert entered == {"namibia"}
