"""Forms found on the round-8 samples (a trade-press deliveries story, a wire exclusive, a local paper's plant
story, a feature, a press release, a policy story) once their first run was recorded. The sentences are written for
these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _files(result, rid: str) -> set[str]:
    return {m.file for m in result.mentions if m.id == rid}


def test_a_name_typed_by_its_own_company_word_stays_a_company_beside_an_opening_place(gaz):
    text = ("Qiaoxin Auto shipped 9,400 cars abroad in October. In Peru, Qiaoxin's sales tripled after it "
            "opened a sales company in Lima. In Chile, Qiaoxin sells through a distributor.")
    result = run(gaz, text)
    assert _files(result, "qiaoxin-auto") == {"organizations"}
    assert not [c for c in cands(result, "places") if c.id == "qiaoxin-auto"]


def _models(result) -> dict[str, dict]:
    return {c.record["id"]: c.record for c in cands(result, "vehicle_models")}


def test_a_name_between_a_determiner_and_a_body_type_is_a_model(gaz):
    for text, model in (
            ("Brightwell Auto began exports of its Velia sedan to Chile in May.", "velia"),
            ("Brightwell Auto will build the new Orla mid-size SUV at its Rayong plant.", "orla"),
            ("Brightwell Auto will launch the Pavo 3 crossover in Peru next year.", "pavo-3")):
        result = run(gaz, text)
        assert model in _models(result), text
        assert not [m for m in result.mentions if m.id == model and m.file != "vehicle_models"], text
    # a country's adjective or a known company is no model's name
    result = run(gaz, "Brightwell Auto said its Thai SUV sales and its BYD sedan rival grew in May.")
    assert not _models(result)


def test_a_name_cut_before_a_model_code_is_that_model(gaz):
    text = ("Pavo 3 goes on sale in Chile\n\nBrightwell Auto will sell the Pavo 3 crossover in Chile from June, "
            "it said on Monday.")
    result = run(gaz, text)
    assert {m.text for m in result.mentions if m.id == "pavo-3"} == {"Pavo 3"}
    assert not [c for c in cands(result, "places") if c.id == "pavo"]


def test_a_german_company_word_at_a_name_end_makes_a_company(gaz):
    text = "Qiaoxin Auto is in talks with Brandner Fahrzeugwerke to share the German carmaker's idle plant in Kassel."
    result = run(gaz, text)
    assert _files(result, "brandner-fahrzeugwerke") == {"organizations"}


def test_a_headline_may_name_a_company_by_its_short_name_before_the_body_names_it_whole(gaz):
    text = ("Qiaoxin in talks to take over idle Brandner plant\n\n"
            "Qiaoxin Auto is in talks with Brandner Fahrzeugwerke to take over the German carmaker's idle plant in "
            "Kassel, two people familiar with the matter said.")
    result = run(gaz, text)
    brandner = {m.text: m.id for m in result.mentions if m.text.startswith("Brandner")}
    assert brandner == {"Brandner": "brandner-fahrzeugwerke", "Brandner Fahrzeugwerke": "brandner-fahrzeugwerke"}
    assert not [c for c in cands(result, "organizations") if c.id == "brandner"]


def test_an_airport_or_a_convention_centre_is_a_place_not_a_company(gaz):
    text = ("Qiaoxin Drive will run robotaxis between Tarsa International Airport and the Tarsa Exhibition Centre, "
            "it said. Its cars will also serve Malta International Airport from May.")
    result = run(gaz, text)
    for rid, kind in (("tarsa-international-airport", "airport"), ("tarsa-exhibition-centre", "venue"),
                      ("malta-international-airport", "airport")):
        rec = next((c.record for c in cands(result, "places") if c.id == rid), None)
        assert rec is not None and rec["kind"] == kind, rid
    assert not [c for c in cands(result, "organizations") if "airport" in c.id]
    # "Tarsa" is no company's short name then
    assert not [c for c in cands(result, "partnerships")]


def test_a_city_named_after_its_country_is_a_city_of_its_own(gaz):
    text = "Qiaoxin Auto opened a showroom in Mexico City and another in Panama City, an analyst in Kuwait City said."
    result = run(gaz, text)
    places = {c.id: c.record for c in cands(result, "places")}
    for rid in ("mexico-city", "panama-city", "kuwait-city"):
        assert places.get(rid, {}).get("kind") == "city", rid
    mexico = [m for m in result.mentions if m.id == "mexico"]
    assert not mexico or all(m.text == "Mexico" for m in mexico)


def test_a_capital_dateline_under_a_long_headline_and_deck_says_whose_ministries_are_meant(gaz):
    text = ("Government raises duties on imported electric buses from three countries for the next four years\n\n"
            "Finance ministry accepts the trade regulator's advice in full; importers say prices will rise by a "
            "fifth\n\n"
            "NEW DELHI: The finance ministry on Friday raised the duty on electric buses imported into India to 40%, "
            "the commerce ministry said.\n\n"
            "China's Ministry of Commerce said it regretted the decision.")
    result = run(gaz, text)
    by_text = {m.text: m.id for m in result.mentions if "inistry" in m.text}
    assert by_text["finance ministry"].endswith("india") and by_text["commerce ministry"].endswith("india")
    assert by_text["Ministry of Commerce"] == "mofcom"
    assert any(m.text == "NEW DELHI" and m.file == "places" for m in result.mentions)


def _markets(result) -> set[tuple[str, str, str]]:
    return {(c.record["activity"], c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}


def test_a_market_named_after_outside_is_no_market(gaz):
    result = run(gaz, "Qiaoxin Auto now sells cars in 28 countries outside China, it said on Monday.")
    assert not {m for m in _markets(result) if m[2] == "china"}


def test_a_launch_put_off_is_still_to_come(gaz):
    result = run(gaz, "Qiaoxin Auto said its Australian launch has been postponed to the second half of 2027.")
    assert ("entered", "qiaoxin-auto", "australia") not in _markets(result)
    assert ("targets-market", "qiaoxin-auto", "australia") in _markets(result)


def test_a_region_in_a_speakers_title_is_no_exporter(gaz):
    text = ("Qiaoxin Auto's vice president for Latin America, Rui Campos, said part of the output would be exported "
            "to Argentina and Uruguay.")
    result = run(gaz, text)
    exporters = {m[1] for m in _markets(result)}
    assert exporters == {"qiaoxin-auto"}


def test_places_in_a_relative_clause_about_another_company_are_not_the_actors_markets(gaz):
    text = ("Qiaoxin Auto entered Peru in 2025 through a distribution agreement with Andes Motor Holding, a dealer "
            "group that now runs 14 showrooms in Lima, Arequipa and Cusco.")
    result = run(gaz, text)
    entered = {m[2] for m in _markets(result) if m[0] == "entered" and m[1] == "qiaoxin-auto"}
    assert entered == {"peru"}


def test_where_goods_are_made_is_no_market_of_a_sales_cue(gaz):
    result = run(gaz, "Qiaoxin Auto said its best-selling model in the region is the Pavo 3, which is shipped from "
                      "its factory in Changzhou.")
    assert not {m for m in _markets(result) if m[2] == "changzhou"}


def _stakes(result) -> set[tuple[str, str]]:
    return {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}


def test_a_stake_beside_a_cooperation_is_a_fact_of_its_own_but_a_possible_one_is_none(gaz):
    text = ("Qiaoxin Drive Technology and Sahra Mobility LLC signed a strategic partnership on Monday. Under the "
            "agreement, Qiaoxin will subscribe for new shares representing a 6% stake in Sahra for $12 million.")
    assert ("qiaoxin-drive-technology", "sahra-mobility-llc") in _stakes(run(gaz, text))
    text = ("Qiaoxin Drive Technology and Sahra Mobility LLC signed a strategic partnership on Monday. People "
            "familiar with the matter said Sahra would take a small minority stake in Qiaoxin.")
    assert not _stakes(run(gaz, text))


def _policies(result) -> list[dict]:
    return [c.record for c in cands(result, "policies")]


def test_the_government_under_a_dateline_imposes_a_duty_on_goods_imported_from_elsewhere(gaz):
    text = ("Govt imposes duty of up to 30% on Chinese electric buses\n\n"  # (a headline naming no authority)
            "JAKARTA: The government has imposed countervailing duties ranging from 12.5% to 30% on electric buses "
            "imported from China, ending a year-long investigation.")
    result = run(gaz, text)
    measures = _policies(result)
    assert measures and {m.get("issuer") for m in measures} == {"indonesia"}
    assert all("china" in m.get("origins", []) for m in measures)


def _partners(result) -> set[frozenset]:
    return {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}


def test_a_company_described_as_a_joint_venture_is_no_partner_of_its_owners(gaz):
    text = ("Qiaoxin Motors laid the first stone of its plant in Ponta Alta on Friday. The plant will cover 90 "
            "hectares and will be run by Qiaoxin Serra Automotores Ltda., a joint venture in which Qiaoxin holds 70% "
            "and the local holding company Serra Participações S.A. holds the remaining 30%.")
    partners = _partners(run(gaz, text))
    assert not any("qiaoxin-serra-automotores-ltda" in p for p in partners)
    assert frozenset({"qiaoxin-motors", "serra-participacoes-s-a"}) in partners


def test_specification_abbreviations_are_no_organisations(gaz):
    text = ("The Pavo 3 comes with a 78 kWh NMC battery, AWD and a WLTP range of 540 km, Qiaoxin Auto said. Its "
            "CLTC range is 610 km.")
    result = run(gaz, text)
    assert not {m.text for m in result.mentions if m.file == "organizations"} & {"NMC", "AWD", "WLTP", "CLTC"}


def test_a_month_possessing_a_base_figure_dates_that_figure(gaz):
    text = "Qiaoxin Auto delivered 14,386 vehicles abroad in November, up 11.4 percent from October's 12,913 units."
    obs = {c.record["value"]: c.record for c in cands(run(gaz, text), "observations")}
    assert obs[12913]["period_start"].endswith("-10") and obs[14386]["period_start"].endswith("-11")
    assert obs[11.4]["period_start"].endswith("-11")


def test_a_figure_takes_the_time_of_its_own_verb_over_a_nearer_one_of_another(gaz):
    text = "Qiaoxin Auto's plant in Chonburi started production in July and built 2,050 units in November."
    obs = [c.record for c in cands(run(gaz, text), "observations") if c.record["value"] == 2050]
    assert obs and all(o["period_start"].endswith("-11") for o in obs)


def test_a_bracketed_acronym_spells_out_a_name_listed_with_commas(gaz):
    text = ("Qiaoxin Motor said it would appeal to the Customs, Excise and Service Tax Appellate Tribunal (CESTAT) "
            "in New Delhi. CESTAT has 60 days to rule.")
    orgs = {c.id: c.record for c in cands(run(gaz, text), "organizations")}
    assert "customs-excise-and-service-tax-appellate-tribunal" in orgs
    assert not {"customs", "excise", "service-tax-appellate-tribunal", "cestat"} & set(orgs)


def test_a_wire_tag_glued_to_a_headline_is_no_name(gaz):
    text = ("EXCLUSIVE-China's Qiaoxin in talks for idle German plant -sources\n\n"
            "BERLIN, Nov 30 (Reuters) - Qiaoxin Auto is in talks to take over an idle plant in Kassel, two people "
            "familiar with the matter said.")
    result = run(gaz, text)
    assert not [m for m in result.mentions if "EXCLUSIVE" in m.text]
    assert any(m.id == "china" and m.start == 10 for m in result.mentions)


def test_a_source_described_then_named_is_a_compiler(gaz):
    text = ("Qiaoxin Auto sold 4,100 cars in Peru in the first ten months of 2026, according to the national "
            "statistics institute, INEI.")
    obs = [c.record for c in cands(run(gaz, text), "observations") if c.record["value"] == 4100]
    assert obs and obs[0]["subject"] == "qiaoxin-auto" and obs[0].get("compiler") == "inei"


def test_a_month_range_with_a_year_at_each_end_is_one_period(gaz):
    text = ("Imports of electric cars from China rose to 46,800 units in the period of investigation, April 2025 to "
            "March 2026, the trade remedies office said.")
    obs = [c.record for c in cands(run(gaz, text), "observations") if c.record["value"] == 46800]
    assert obs and (obs[0]["period_start"], obs[0]["period_end"]) == ("2025-04", "2026-03")


def test_a_figure_right_after_a_company_in_a_gapped_list_is_that_companys(gaz):
    text = "Under the decision, Qiaoxin Motor will pay a duty of 18.4%, Baiyun Bus 22.7% and Tengyun Auto 13.9%."
    subjects = {c.record["value"]: c.record["subject"] for c in cands(run(gaz, text), "observations")}
    assert subjects == {18.4: "qiaoxin-motor", 22.7: "baiyun-bus", 13.9: "tengyun-auto"}


def test_the_first_months_of_production_are_not_january_onwards(gaz):
    from nevkg.ingest.extract.periods import find_periods

    for text in ("it sold 9,600 cars in the first two months of production", "in its first six months on sale",
                 "in the first three months of the venture"):
        assert not find_periods(text, 0, "2026-12-02"), text
    for text in ("in the first ten months of 2026", "in the first ten months of this year", "in the first nine months"):
        assert find_periods(text, 0, "2026-12-02")[0].period_start == "2026-01", text


def test_the_agent_of_a_passive_sale_is_the_sellers_channel(gaz):
    text = ("Qiaoxin Auto launched the Pavo 3 in Britain in June. It is sold in the UK and Ireland by Marlowe Motor "
            "Imports, the importer that has held the distribution rights since March.")
    assert frozenset({"qiaoxin-auto", "marlowe-motor-imports"}) in _partners(run(gaz, text))


def test_a_price_takes_no_period_from_the_sentences_before(gaz):
    text = ("Qiaoxin Auto sold 12,400 cars in Chile in the first ten months of 2026. Its Pavo 3 crossover is priced "
            "at 24.9 million pesos, and the long-range version starts at 27.5 million pesos.")
    prices = [c.record for c in cands(run(gaz, text), "observations") if c.record.get("unit") == "clp"]
    assert len(prices) == 2 and not any(p.get("period_start") for p in prices)


def test_a_rate_of_the_one_dated_measure_starts_on_its_day(gaz):
    text = ("The countervailing duties take effect from December 1, 2026, the ministry said.\n\n"
            "Investigators found that subsidies had cut prices by a fifth.\n\n"
            "Under the notification, Qiaoxin Motor will pay a duty of 18.4%, Baiyun Bus 22.7% and Tengyun Auto "
            "13.9%. They come on top of the standard 10% tariff.")
    obs = {c.record["value"]: c.record for c in cands(run(gaz, text), "observations")}
    assert all(obs[v].get("period_start") == "2026-12-01" for v in (18.4, 22.7, 13.9))
    assert not obs[10].get("period_start")


def test_light_and_heavy_vehicles_are_vehicles():
    from nevkg.ingest.extract.figures import find_statistics

    for text in ("They took 21.4% of the 1.24 million light vehicles sold in Peru in 2026.",
                 "Registrations of heavy-duty trucks reached 41,200 units, and of 380,000 light commercial vehicles."):
        assert any(st.unit == "vehicles" and st.value >= 41200 for st in find_statistics(text, 0)), text


def test_a_plans_later_year_is_no_time_of_a_figure_reported_after_it(gaz):
    text = ("The plant will build about 4,500 Qiaoxin cars this year and 18,000 in 2027, its director said. "
            "Qiaoxin's share of the market has climbed to 1.5%.")
    share = [c.record for c in cands(run(gaz, text, date="2026-11-20"), "observations") if c.record["value"] == 1.5]
    assert share and share[0].get("period_start") != "2027"


def test_the_total_a_share_is_taken_of_is_the_markets(gaz):
    text = "Chinese brands took 21.4% of the 1.24 million light vehicles sold in Peru in the first 10 months of 2026."
    total = [c.record for c in cands(run(gaz, text), "observations") if c.record["value"] == 1240000]
    assert total and total[0]["subject"] == "peru"


def test_a_market_ranked_as_a_named_companys_largest_is_that_companys(gaz):
    text = ("Baiyun Bus delivered 900 buses in October. Thailand remained Qiaoxin Auto's largest overseas market last "
            "month with 3,120 units, followed by Brazil (2,210) and Mexico (1,980).")
    markets = _markets(run(gaz, text))
    assert {("sells-in", "qiaoxin-auto", p) for p in ("thailand", "brazil", "mexico")} <= markets
    assert not {m for m in markets if m[1] == "baiyun-bus"}


def test_a_legal_provision_or_a_family_is_no_organisation(gaz):
    for text, rid in (
            ("Serra Participações, which belongs to the Bittencourt Almeida family, already operates 34 dealerships in "
             "Brazil through its subsidiary Serra Motors.", "bittencourt-almeida"),
            ("This press release contains forward-looking statements within the meaning of Section 21E of the "
             "Securities Exchange Act of 1934, as amended.", "section-21e"),
            ("The transaction is a connected transaction under Chapter 14A of the Listing Rules.", "chapter-14a")):
        assert not [m for m in run(gaz, text).mentions if m.id == rid], text


def test_a_short_name_with_accented_letters_is_the_companys(gaz):
    text = ("Xiangjiang Auto sells through Grupo Norteño Automotriz, a dealer group in Monterrey. Grupo Norteño "
            "now runs 26 showrooms.")
    ids = {m.text: m.id for m in run(gaz, text).mentions if m.text.startswith("Grupo")}
    assert ids == {"Grupo Norteño Automotriz": "grupo-norteno-automotriz", "Grupo Norteño": "grupo-norteno-automotriz"}


def test_a_company_that_became_anothers_importer_is_its_partner(gaz):
    for text in ("Andes Motors became Qiaoxin Auto's official importer in Peru in March.",
                 "Andes Motors is Qiaoxin Auto's distributor in Peru."):
        assert frozenset({"qiaoxin-auto", "andes-motors"}) in _partners(run(gaz, text)), text


def test_a_change_and_the_figure_it_leads_to_across_a_time_and_its_base(gaz):
    text = "EV sales in Peru fell 12% in April from a year earlier to 6,200 units."
    obs = [c.record for c in cands(run(gaz, text), "observations")]
    assert [(o["value"], o.get("yoy_change_pct")) for o in obs] == [(6200, -12)]


def test_a_percentage_of_the_market_is_a_market_share(gaz):
    text = "Sales of Chinese brands in Peru reached 24,100 units in the third quarter, or 9.8% of the market."
    obs = {c.record["value"]: c.record for c in cands(run(gaz, text), "observations")}
    assert obs[9.8].get("measure") == "market-share"
