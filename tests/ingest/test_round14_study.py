"""Forms found on the round-14 samples (a CKD licence, a leasing deal, Latin America, a Kazakh JV, a battery-parts
plant, a surtax quota) once their first runs were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _obs, _orgs, _partners


def test_a_short_name_shared_with_a_national_arm_names_the_parent(gaz):
    text = ("The company, Kaitong Thermal Systems Group, which is based in Wuxi, said its Spanish subsidiary, Kaitong "
            "Components Spain, had received the permit. Kaitong says the factory will supply Seat.")
    orgs = _orgs(run(gaz, text, date="2026-11-20"))
    assert "Kaitong" in orgs["kaitong-thermal-systems-group"].get("aliases", [])
    assert "Kaitong" not in orgs["kaitong-components-spain"].get("aliases", []) and "kaitong" not in orgs


def _sites(result) -> set[tuple[str, str]]:
    return {(op, c.record["place"]) for c in cands(result, "sites") for op in c.record["operator"]}


def test_makers_assembled_at_a_named_plant_in_a_town_work_with_its_owner_there(gaz):
    text = ("Changan and BAIC models are assembled at the Saryarka plant in Aktobe, and Kia vehicles at the Kia "
            "Trans Uzbekistan plant in Jizzakh.")
    result = run(gaz, text, date="2026-11-20")
    orgs = _orgs(result)
    assert orgs["saryarka"]["kind"] == "company" and "kia-trans-uzbekistan" in orgs  # (a maker's arm, no model)
    assert not [c for c in cands(result, "vehicle_models") if c.record["id"] == "kia-trans-uzbekistan"]
    assert _sites(result) == {("saryarka", "aktobe"), ("changan", "aktobe"), ("baic", "aktobe"),
                              ("kia-trans-uzbekistan", "jizzakh")}
    partners = _partners(result)
    assert {frozenset({"changan", "saryarka"}), frozenset({"baic", "saryarka"})} <= partners


def test_sites_listed_after_anothers_plant_are_their_owners_not_made_for_it(gaz):
    text = ("The new plant will supply Renault's car plant in Bursa, Ford's factory in Kocaeli and Toyota's "
            "assembly plant in Sakarya.")
    result = run(gaz, text, date="2026-11-20")
    assert _sites(result) == {("renault", "bursa"), ("ford", "kocaeli"), ("toyota", "sakarya")}
    assert not cands(result, "partnerships")


def test_a_known_makers_name_with_co_and_a_full_stop_is_the_known_maker(gaz):
    text = "Great Wall Motor Co., which builds SUVs in Brazil, shipped 1,150 vehicles from China to Chile in October."
    result = run(gaz, text, date="2026-11-20")
    assert "great-wall-motor-co" not in _orgs(result)
    assert {c.record["subject"] for c in cands(result, "observations")} == {"great-wall-motor"}


def test_writers_named_in_a_byline_or_a_closing_credit_are_no_subjects(gaz):
    text = ("By Marta Quintero and Jonas Achterberg\n\nKestrel Motors will build a plant in Tanger, it said on "
            "Monday. Its first cars are due in 2028.\n\n--With assistance from Ruth Okafor.")
    result = run(gaz, text, date="2026-11-20")
    ids = {c.record["id"] for c in result.candidates}
    assert not ids & {"marta-quintero", "jonas-achterberg", "achterberg", "ruth-okafor"}
    assert {c.record["operator"][0] for c in cands(result, "sites")} == {"kestrel-motors"}


def test_making_a_company_its_distributor_makes_them_partners(gaz):
    text = ("Marlin Auto signed a deal last month making Quito-based dealer group Grupo Andino Automotriz its "
            "exclusive distributor in the country.")
    partners = [c.record["partners"] for c in cands(run(gaz, text, date="2026-11-20"), "partnerships")]
    assert any(p[0] == "marlin-auto" and p[1].startswith("grupo-andino") for p in partners)


def test_a_makers_cars_made_at_a_plant_run_by_another_or_assembled_by_it_are_contract_made(gaz):
    text = ("Marlin Auto will assemble its SUVs from kits at a $90 million plant in Batangas run by local "
            "conglomerate Pasig Industrial. Kestrel Motors cars are assembled by Norte Works Group in Cebu.")
    result = run(gaz, text, date="2026-11-20")
    assert {("pasig-industrial", "batangas"), ("marlin-auto", "batangas"), ("norte-works-group", "cebu"),
            ("kestrel-motors", "cebu")} <= _sites(result)
    partners = _partners(result)
    assert {frozenset({"marlin-auto", "pasig-industrial"}), frozenset({"kestrel-motors", "norte-works-group"})} <= \
        partners


def test_sales_and_service_sites_are_stores_and_a_part_of_them_and_a_goal_count_the_same(gaz):
    text = ("Marlin Auto currently has 48 sales and service sites across Ireland, 17 of which are equipped to "
            "service vans, and aims to reach 70 by the end of 2027.")
    obs = _obs(run(gaz, text, date="2026-11-20"))
    assert {v: (o["unit"], o.get("status", "reported")) for v, o in obs.items()} == {
        48.0: ("stores", "reported"), 17.0: ("stores", "reported"), 70.0: ("stores", "target")}



def test_a_person_based_somewhere_before_a_title_at_a_firm_holds_the_title_there(gaz):
    text = "\"Buyers are choosing electric cars,\" said Inés Calderón, a Quito-based analyst at Paramo Research."
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert roles == {("ines-calderon", "paramo-research", "analyst")}


def test_a_minister_titled_by_a_portfolio_the_article_names_a_ministry_of_works_there(gaz):
    text = ("The Ministry of Ecology and Construction of Tajikistan approved the plant on Monday. \"It is a start,\" "
            "Deputy Minister of Ecology and Construction Rustam Nazarov told reporters in Dushanbe.")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert roles == {("rustam-nazarov", "ministry-of-ecology-and-construction-of-tajikistan")}


def test_a_line_linking_to_another_story_gives_no_facts(gaz):
    text = ("Kestrel Motors shipped 2,400 cars to Chile in October.\n\nRead more: Harbin Motors Is Winning Over "
            "Buyers in Peru\n\nIt shipped 1,800 in September.")
    result = run(gaz, text, date="2026-11-20")
    assert "harbin-motors" not in _orgs(result)
    assert {c.record["subject"] for c in cands(result, "observations")} == {"kestrel-motors"}


def test_a_new_name_only_in_a_title_case_headline_is_no_name(gaz):
    text = ("Chinese EV Makers Turn to Colombia, Chile as Brazil and Mexico Raise Walls\n\nKestrel Motors sold 2,400 "
            "cars in Peru in October.")
    result = run(gaz, text, date="2026-11-20")
    ids = {c.record["id"] for c in result.candidates}
    assert not {i for i in ids if "raise" in i} and "kestrel-motors" in ids


def test_the_remaining_share_held_by_a_second_holder_is_of_the_same_company(gaz):
    text = ("Saryarka Holding holds 60% of the joint venture, Kestrel Saryarka Motors LLP, and Kestrel Motors holds "
            "the remaining 40%.")
    result = run(gaz, text, date="2026-11-20")
    # (the two shares make the company a joint venture of its holders, as "60% owned by A and 40% by B" does)
    jv = [(set(c.record["partners"]), c.record.get("company")) for c in cands(result, "partnerships")
          if c.record["kind"] == "joint-venture"]
    assert jv == [({"saryarka-holding", "kestrel-motors"}, "kestrel-saryarka-motors-llp")]
    assert _orgs(result)["kestrel-saryarka-motors-llp"]["parent"] == "saryarka-holding"


def test_the_chinese_carmaker_is_the_one_the_article_calls_chinese(gaz):
    text = ("China's Kestrel Automobile and Saryarka Holding have set up a joint venture in Aktobe. Saryarka holds "
            "60% of the joint venture, Kestrel Saryarka Motors LLP, and the Chinese carmaker holds the remaining 40%.")
    result = run(gaz, text, date="2026-11-20")
    # (the minority holder is the venture's other parent: a parent's share is no investment, as the corpus records)
    jv = [(set(c.record["partners"]), c.record.get("company"), c.record.get("majority_partner"))
          for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture"]
    assert jv == [({"kestrel-automobile", "saryarka-holding"}, "kestrel-saryarka-motors-llp", "saryarka-holding")]
    assert not cands(result, "investments")


def test_a_pilot_run_with_another_company_makes_them_partners(gaz):
    text = ("Edmonton Transit Service said Tuesday that it will run a six-month pilot of autonomous shuttles with "
            "Kuaiyun Robotics, a Shenzhen-based self-driving company, starting in May.")
    partners = _partners(run(gaz, text, date="2026-11-20"))
    assert partners == {frozenset({"edmonton-transit-service", "kuaiyun-robotics"})}


def test_its_model_is_the_maker_its_stands_for(gaz):
    text = ("Tesla, which shipped Model 3 sedans to Vancouver before the surtax, and Volvo Cars, which builds its "
            "EX30 in China, will also be able to use the quota.")
    result = run(gaz, text, date="2026-11-20")
    assert {c.record["id"]: c.record.get("maker") for c in cands(result, "vehicle_models")}.get("ex30") == "volvo-cars"
    assert not cands(result, "partnerships")


def test_a_short_name_is_no_misspelling_of_a_known_place(gaz):
    text = ("Shanhai Auto said it would build a factory in Hungary. Shanhai's overseas deliveries rose 71% to "
            "186,000 vehicles in the first 10 months of 2026.")
    result = run(gaz, text, date="2026-11-20")
    assert {c.record["subject"] for c in cands(result, "observations")} == {"shanhai-auto"}
    assert "shanghai" not in {c.record["id"] for c in result.candidates}


def test_a_generic_word_before_a_title_after_a_comma_is_no_part_of_it(gaz):
    text = ("Kestrel Motors said it would build a plant in Spain. Kestrel's boss, chairman Wu Tianlin, told an "
            "investor call that the plant was insurance.")
    titles = {c.record["title"] for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert titles == {"chairman"}


def test_a_ranking_of_destinations_goes_on_with_followed_with_and_took(gaz):
    text = ("China exported 520,000 NEVs in the first 10 months. Customs figures showed that Chile remained the "
            "largest destination for Chinese NEVs in the first 10 months, taking 96,000 units.\n\nPeru, a hub for the Andean market, followed with 58,000 units, up 7.5 "
            "percent, while Ecuador took 31,000 units, up 12 percent.")
    result = run(gaz, text, date="2026-11-20")
    obs = _obs(result)
    assert {v: (obs[v]["subject"], obs[v].get("destination")) for v in (96000.0, 58000.0, 31000.0)} == {
        96000.0: ("china", "chile"), 58000.0: ("china", "peru"), 31000.0: ("china", "ecuador")}
    presence = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert ("china", "peru") in presence


def test_a_release_s_about_and_source_lines_name_the_company_not_a_longer_one(gaz):
    text = ("Kestrel Charging Technology Co., Ltd. and Iberia Volt S.A. will build 300 charging stations in Spain, "
            "said Ana Ruiz, Chief Executive Officer of Iberia Volt S.A.\n\nAbout Kestrel Charging Technology Co., "
            "Ltd.\n\nKestrel Charging Technology Co., Ltd. makes chargers.\n\nSOURCE Kestrel Charging Technology Co., "
            "Ltd.")
    result = run(gaz, text, date="2026-11-20")
    ids = {c.record["id"] for c in result.candidates}
    assert "kestrel-charging-technology-co-ltd" in ids and not {i for i in ids if i.startswith(("about-", "source-"))}


def test_a_secretary_of_state_for_a_portfolio_is_a_title_not_a_body(gaz):
    text = "The ceremony was attended by Marta Ruiz Olmedo, Spain's Secretary of State for Energy, and other guests."
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert roles == {("marta-ruiz-olmedo", "spain", "Secretary of State for Energy")}


def test_a_name_after_state_of_is_a_state_and_a_crosshead_names_nothing(gaz):
    text = ("Kestrel Motors to reopen plant in Brazil's Piaui, wins quota\n\nKestrel Motors will restart a plant in "
            "the northeastern Brazilian state of Piaui, the company said.\n\nGOVERNOR, UNION WELCOME\n\nThe company "
            "plans to export to Argentina from the port of Pecem, said dealer association Fenabrave.")
    result = run(gaz, text, date="2026-11-20")
    places = {c.record["id"]: c.record["kind"] for c in cands(result, "places")}
    orgs = _orgs(result)
    assert places.get("piaui") == "state" and "piaui" not in orgs and "union-welcome" not in orgs
    assert orgs["fenabrave"]["kind"] == "industry-association"
    assert {c.record["exporter"] for c in cands(result, "market_presence")} <= {"kestrel-motors"}


def test_a_third_name_cut_off_before_said_is_the_persons(gaz):
    text = "Anfavea president Paulo Tavares Bastos said in a statement that it was unfair."
    result = run(gaz, text, date="2026-11-20")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")}
    assert roles == {("paulo-tavares-bastos", "anfavea")} and "bastos" not in _orgs(result)


def test_a_name_ending_in_driving_is_an_autonomous_driving_company(gaz):
    text = ("Kuaiyun launches robotaxis in Doha\n\nKuaiyun Autonomous Driving today said it has started paid "
            "robotaxi rides in Doha. Kuaiyun said the fleet would grow to 200 vehicles.")
    orgs = _orgs(run(gaz, text, date="2026-11-20"))
    assert "kuaiyun-autonomous-driving" in orgs and "kuaiyun" not in orgs


def test_a_public_body_for_its_remit_is_named_by_all_of_it(gaz):
    text = ("The General Authority for the Tangier Med Free Zone (TMFZ) said on Tuesday that it approved the plant. "
            "Amina Bennani, Chairperson of TMFZ, said it would open in 2027.")
    result = run(gaz, text, date="2026-11-20")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")}
    assert roles == {("amina-bennani", "general-authority-for-the-tangier-med-free-zone")}


def test_a_name_ending_in_industries_is_whole_and_a_chamber_of_industries_a_members_body(gaz):
    text = ("The plant will be run by Kestrel Nile Egypt for Automotive Industries, a joint company. The Federal "
            "Chamber of Automotive Industries said sales rose.")
    orgs = _orgs(run(gaz, text, date="2026-11-20"))
    assert "kestrel-nile-egypt-for-automotive-industries" in orgs
    assert orgs["federal-chamber-of-automotive-industries"]["kind"] == "business-association"


def test_the_round_led_by_an_investor_is_the_round_a_company_closed_before(gaz):
    text = ("Kuaiyun Autonomous Driving closed a $300 million Series B round on Monday. The Series B round was led "
            "by Harbor Peak Capital, with participation from Dune Ventures.")
    stakes = {(c.record["investor"], c.record["investee"]) for c in cands(run(gaz, text, date="2026-11-20"),
                                                                          "investments")}
    assert stakes == {("harbor-peak-capital", "kuaiyun-autonomous-driving"),
                      ("dune-ventures", "kuaiyun-autonomous-driving")}


def test_groep_and_gruppe_end_a_companys_name(gaz):
    text = "Kuaiyun will run the program together with Kempen Vervoer Groep, a regional bus and taxi operator."
    result = run(gaz, text, date="2026-11-20")
    assert _orgs(result)["kempen-vervoer-groep"]["kind"] == "company"
    assert _partners(result) == {frozenset({"kuaiyun", "kempen-vervoer-groep"})}


def test_a_vehicle_produced_for_one_company_by_another_makes_them_partners(gaz):
    text = "The vehicles are the Kuaiyun R6, a purpose-built robotaxi produced for Kuaiyun by Dongfeng."
    partners = _partners(run(gaz, text, date="2026-11-20"))
    assert partners == {frozenset({"kuaiyun", "dongfeng"})}
