"""Forms found on the round-22 samples (a Nepali CKD assembly venture, BRT electric buses in Dar es Salaam, a Saudi
venture at KAEC, a stake in an Australian importer, an e-bus plant in Alat, CKD assembly in Batangas) once their
unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round19_study import _roles
from tests.ingest.test_round20_study import _markets


def _partners(result, kind="cooperation"):
    return {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships") if c.record["kind"] == kind}


def test_a_unit_named_in_apposition_to_its_owner_s_arm_is_the_one_that_acts_and_that_it_stands_for(gaz):
    text = ("Lanfeng Motor and Sagarmatha Holdings will assemble vans in Nepal. Sagarmatha Holdings' trading arm, "
            "Sagarmatha Mobility, has been the sole distributor of Lanfeng vans in Nepal since 2024. It runs "
            "9 showrooms in Kathmandu and Pokhara.")
    result = run(gaz, text, date="2026-11-05")
    assert ("lanfeng-motor", "sagarmatha-mobility") in _partners(result)
    assert ("lanfeng-motor", "sagarmatha-holdings") not in _partners(result)
    assert {c.record["operator"] for c in cands(result, "deployments")} == {"sagarmatha-mobility"}



def test_their_joint_venture_is_the_pair_the_sentence_opens_with_and_who_approves_it_is_no_partner(gaz):
    text = ("Planning Board clears Rs4 billion joint venture with Sagarmatha Holdings.\n\n"
            "Chinese van maker Lanfeng Motor and Nepali business house Sagarmatha Holdings will assemble vans in "
            "Birgunj, after the Planning Board approved their joint venture on Monday.")
    result = run(gaz, text, date="2026-11-05")
    assert _partners(result, "joint-venture") == {("lanfeng-motor", "sagarmatha-holdings")}
    assert "nepali" not in {c.record["id"] for c in cands(result, "organizations")}


def test_a_company_suffix_followed_by_a_zone_word_is_the_start_of_an_area_s_name(gaz):
    text = ("Lanfeng Motor will build a van plant at the Prince Faisal Automotive Cluster in Yanbu, the company "
            "said.")
    result = run(gaz, text, date="2026-11-05")
    assert "prince-faisal-automotive" not in {c.record["id"] for c in cands(result, "organizations")}
    assert {c.record["place"] for c in cands(result, "sites")} == {"prince-faisal-automotive-cluster"}


def test_markets_listed_after_starting_with_and_followed_by_are_the_plant_s_output_s_markets(gaz):
    text = ("Lanfeng Motor will build a van plant in Jeddah. About a third of the plant's output will be exported "
            "to other GCC markets, starting with Kuwait and Bahrain in 2029, followed by Oman, the company said.")
    result = run(gaz, text, date="2026-11-05")
    got = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert {("lanfeng-motor", m) for m in ("gulf-cooperation-council", "kuwait", "bahrain", "oman")} <= got


def test_the_distributor_is_the_company_named_in_that_role_and_the_kingdom_is_the_saudi_kingdom(gaz):
    text = ("RIYADH: Lanfeng Motor will build a plant in Saudi Arabia. Lanfeng Motor currently ships cars to the "
            "Kingdom from its factory in Fuzhou, and sells them through its exclusive distributor, Nakheel Crest "
            "Motors.\n\nThe distributor operates 12 showrooms in Riyadh and Dammam.")
    result = run(gaz, text, date="2026-11-05")
    assert {c.record["operator"] for c in cands(result, "deployments")} == {"nakheel-crest-motors"}
    assert ("lanfeng-motor", "saudi-arabia", "exports-to") in _markets(result)


def test_a_titled_city_with_a_full_stop_is_a_dateline_a_word_acronym_is_the_body_s_and_a_byline_names_no_one(gaz):
    text = ("Dart orders 90 electric buses\n\nBy Amani Kisanga Mollel\n\nDar es Salaam. The Dar Rapid Transit "
            "Agency (Dart) yesterday signed a contract with Lanfeng Motor. The buses will arrive at the Dar es "
            "Salaam port in June, Dart said.")
    result = run(gaz, text, date="2026-11-05")
    orgs = {c.record["id"]: c.record for c in cands(result, "organizations")}
    places = {c.record["id"] for c in cands(result, "places")}
    assert "Dart" in orgs["dar-rapid-transit-agency"].get("aliases", []) and "dart" not in orgs
    assert "amani-kisanga-mollel" not in orgs and "dar-es-salaam" in places and "salaam" not in places


def test_a_contract_signed_with_a_consortium_joins_its_client_and_each_member_and_the_members(gaz):
    text = ("The Kampala Capital City Authority (KCCA) yesterday signed a Sh90 billion (about $24 million) contract "
            "with a consortium of Chinese bus maker Lanfeng Motor Co., Ltd and local transport firm Nakawa Green "
            "Mobility Ltd to supply 60 electric buses.")
    assert _partners(run(gaz, text, date="2026-11-05")) == {
        ("kampala-capital-city-authority", "lanfeng-motor-co-ltd"),
        ("kampala-capital-city-authority", "nakawa-green-mobility-ltd"),
        ("lanfeng-motor-co-ltd", "nakawa-green-mobility-ltd")}


def test_a_lender_and_its_borrower_are_partners_whichever_way_the_loan_is_told(gaz):
    text = ("The depot will be financed by a Sh90 billion loan from Pangani Commercial Bank Plc to Nakawa Green "
            "Mobility Ltd, the bank said. Mombasa Motors secured a $50 million loan from Equity Bank. Stanbic Bank will lend "
            "$40 million to Kibo Auto. Lanfeng Motor won a tax credit worth $3 million from the Treasury.")
    assert _partners(run(gaz, text, date="2026-11-05")) == {
        ("nakawa-green-mobility-ltd", "pangani-commercial-bank-plc"), ("equity-bank", "mombasa-motors"),
        ("kibo-auto", "stanbic-bank")}


def _money(result):
    return {(c.record["value"], c.record["unit"], c.record.get("period_start"), c.record.get("period_end"))
            for c in cands(result, "observations")}


def test_shillings_written_sh_are_the_dateline_country_s(gaz):
    text = ("Dar es Salaam. The Dar Rapid Transit Agency yesterday signed a Sh312 billion contract with Lanfeng "
            "Motor Co., Ltd. The buses will be financed by a Sh218 billion loan, the agency said.")
    units = {(v, u) for v, u, _s, _e in _money(run(gaz, text, date="2026-11-05"))}
    assert {(312000000000, "tzs"), (218000000000, "tzs")} <= units


def test_rupees_and_fiscal_years_of_an_article_without_a_dateline_are_those_of_the_country_it_names_most(gaz):
    text = ("Nepal imports more electric cars\n\nNepal imported 5,842 electric cars worth Rs12.4 billion in the "
            "first four months of the current fiscal year, the Department of Customs said. Nepal imported 15,930 "
            "electric cars in the fiscal year 2025-26. Dealers in Nepal expect more.")
    money = _money(run(gaz, text, date="2026-12-03"))
    assert (12400000000, "npr", "2026-07", "2026-11") in money
    assert (15930, "vehicles", "2025-07", "2026-07") in money


def test_a_plant_which_two_companies_will_build_is_a_site_of_each_at_the_plant_s_place(gaz):
    text = ("The buses will be assembled at a new plant at the Kwale Industrial Park in Kibaha, Pwani Region, which "
            "Nakawa Green Mobility Ltd and Lanfeng Motor will build at a cost of Sh46 billion.")
    result = run(gaz, text, date="2026-11-05")
    sites = {(tuple(c.record["operator"]), c.record["place"]) for c in cands(result, "sites")}
    assert sites == {(("nakawa-green-mobility-ltd",), "kwale-industrial-park"),
                     (("lanfeng-motor",), "kwale-industrial-park")}


def test_a_plant_s_output_to_be_exported_is_the_article_s_company_s_whatever_its_kind(gaz):
    text = ("Sumqayit Holding will build an assembly plant in Baku. Around 40 percent of the plant's output is "
            "planned to be exported, primarily to Georgia and Kazakhstan, Sumqayit Holding said.")
    got = {(c.record["exporter"], c.record["market"]) for c in cands(run(gaz, text, date="2026-11-05"),
                                                                     "market_presence")}
    assert {("sumqayit-holding", "georgia"), ("sumqayit-holding", "kazakhstan")} <= got


def test_the_first_months_of_the_fiscal_year_are_read_past_a_bracketed_aside(gaz):
    text = ("KARACHI: Pakistan imported 5,842 electric cars in the first four months (July to October) of the "
            "current fiscal year, the bureau said.")
    assert (5842, "vehicles", "2026-07", "2026-10") in _money(run(gaz, text, date="2026-11-20"))


def test_a_philippine_city_keeps_city_in_its_name_and_two_pieces_of_a_town_are_one(gaz):
    text = ("Lanfeng Motor will expand its plant in Santo Tomas, Batangas. Its dealer has showrooms in Davao City "
            "and Iloilo City.")
    places = {c.record["id"] for c in cands(run(gaz, text, date="2026-11-05"), "places")}
    assert {"davao-city", "iloilo-city"} <= places and not {"davao", "iloilo", "santo", "tomas"} & places


def test_the_place_goods_are_shipped_from_is_no_market_of_them(gaz):
    text = ("Sagada Holdings said its unit, Sagada Motor Assembly Corp., had signed an assembly agreement with "
            "Lanfeng and would expand its plant in Santa Rosa, Laguna.\n\nThe plant will put together the Lanfeng "
            "V3 van and the V5 crossover from kits shipped from Lanfeng's factory in Yingtan, Jiangxi province.")
    markets = {c.record["market"] for c in cands(run(gaz, text, date="2026-11-05"), "market_presence")}
    assert not markets & {"yingtan", "jiangxi"}


def test_showrooms_run_now_are_operating_though_the_sentence_goes_on_to_a_plan(gaz):
    text = ("Sagarmatha Mobility sold 1,284 cars last year. The company currently operates 11 showrooms in "
            "Kathmandu, Lalitpur and Pokhara, and plans to take the number to 16 by mid-July 2027.")
    deps = [c.record for c in cands(run(gaz, text, date="2026-12-03"), "deployments")]
    assert [(d["count"], d.get("status"), d.get("date")) for d in deps] == [(11, "operating", None)]


def test_a_name_the_parser_calls_a_company_with_a_title_in_apposition_is_a_person_and_a_board_of_a_field_a_body(gaz):
    text = ("\"Most buyers have shifted to smaller models,\" said Gokarna Prasad Baral, information officer at the "
            "Department of Customs. The Board of Investment, which granted tax holidays, will not extend the "
            "deadlines.")
    result = run(gaz, text, date="2026-11-05")
    assert ("gokarna-prasad-baral", "department-of-customs", "information officer") in _roles(result)
    assert "board-of-investment" in {c.record["id"] for c in cands(result, "organizations")}


def test_a_bare_title_after_a_sentence_is_of_its_subject_not_of_the_brand_its_goods_are_named_by(gaz):
    text = ("Nakheel Crest Motors sold 4,180 Lanfeng cars in the Kingdom in the first ten months of 2026, managing "
            "director Faisal Tariq Bin Jubair told Arab News.")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(run(gaz, text, date="2026-12-04"), "roles")}
    assert roles == {("faisal-tariq-bin-jubair", "nakheel-crest-motors")}


def test_a_maker_whose_vehicles_a_distributor_has_distributed_in_a_country_since_a_date_entered_it(gaz):
    text = ("Chinese maker Lanfeng Motor Co., Ltd. will build a bus plant. Sumqayit Holding has distributed Lanfeng "
            "vehicles in Azerbaijan since 2024.")
    assert ("lanfeng-motor-co-ltd", "azerbaijan", "entered") in _markets(run(gaz, text, date="2026-11-05"))


def test_the_filipino_ma_before_a_name_the_parser_split_off_is_part_of_the_name(gaz):
    text = "Trade Secretary Ma. Leonora V. Cabangbang said the project was the first of its kind in Calabarzon."
    people = {c.record["id"] for c in cands(run(gaz, text, date="2026-11-05"), "people")}
    assert "ma-leonora-v-cabangbang" in people and "leonora-v-cabangbang" not in people


def test_a_chairman_of_the_board_of_a_company_named_elsewhere_is_cut_from_its_name(gaz):
    text = ("Lanfeng Motor and Sumqayit Holding will build a plant. Chairman of the Board of Sumqayit Holding Orkhan "
            "Jafarli said the company would fund its share of the project.")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(run(gaz, text, date="2026-11-05"), "roles")}
    assert ("orkhan-jafarli", "sumqayit-holding") in roles
