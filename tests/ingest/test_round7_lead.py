"""Forms of wire and trade-press prose found on the two robotaxi articles of the corpus (07, 10) once they moved to
dev: typographic apostrophes, companies described through a possessive or a web address, lists of partners. The
sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def _orgs(result) -> dict[str, dict]:
    return {c.record["id"]: c.record for c in cands(result, "organizations")}


def test_a_typographic_apostrophe_reads_as_a_straight_one(gaz):
    for text in ("Geely’s Caocao Ride service runs 500 cars in twelve cities.",
                 "Geely's Caocao Ride service runs 500 cars in twelve cities."):
        result = run(gaz, text)
        assert _orgs(result).get("caocao-ride", {}).get("brand_of") == "geely", text
        assert {c.record["subject"] for c in cands(result, "observations")} == {"geely"}, text


def test_the_review_keeps_the_original_apostrophe_at_the_same_offsets(gaz):
    text = "Geely’s Caocao Ride service runs 500 cars in twelve cities."
    result = run(gaz, text)
    ride = next(m for m in result.mentions if m.id == "caocao-ride")
    assert text[ride.start:ride.end] == "Caocao Ride"


def test_a_name_described_through_a_possessive_in_apposition_is_a_company(gaz):
    for text, country in (
            ("The shuttles will run together with Marc Felten (www.felten.example), the country's largest coach "
             "operator.", None),
            ("The shuttles will run together with Marc Felten (www.felten.example), Belgium's premier mobility "
             "provider.", "belgium"),
            ("Pony.ai will test its cars with Anna Kessel, Belgium's leading coach operator, from May.", "belgium")):
        org = _orgs(run(gaz, text)).get("marc-felten" if "Felten" in text else "anna-kessel")
        assert org is not None and org["kind"] == "company", text
        assert org.get("country") == country, text


def test_a_title_in_a_possessive_apposition_keeps_the_person(gaz):
    result = run(gaz, "The permit was welcomed by Marc Felten, Belgium's transport minister, on Monday.")
    assert "marc-felten" not in _orgs(result)
    assert any(c.record["id"] == "marc-felten" for c in cands(result, "people"))


def test_a_name_with_its_web_address_is_an_organisation(gaz):
    result = run(gaz, "Pony.ai will test its cars with Hugo Lentz (www.lentz.example) in the capital.")
    assert _orgs(result).get("hugo-lentz", {}).get("kind") == "company"


def test_each_organisation_of_a_list_after_working_with_is_a_partner(gaz):
    text = "Uber has widened its robotaxi push, working with Zetaro , Pony.ai, WeRide, and Corvana, this year."
    result = run(gaz, text)
    assert _orgs(result).get("corvana", {}).get("kind") == "company"  # a new "place" listed with companies
    got = {p[1:] for p in pairs(result) if p[0] == "partnerships"}
    assert {("uber", "zetaro"), ("pony-ai", "uber"), ("uber", "weride"), ("corvana", "uber")} <= got


def test_a_name_that_opens_the_next_clause_is_not_listed(gaz):
    got = {p[1:] for p in pairs(run(gaz, "Geely signed an agreement with Renault, and Volvo will supply the engines."))
           if p[0] == "partnerships"}
    assert ("geely", "renault") in got and ("geely", "volvo") not in got


def _roles(result) -> set[tuple[str, str, str]]:
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")}


def test_a_title_of_a_business_function_before_the_name_keeps_its_company(gaz):
    for text, title in (
            ("\"We are ready,\" Uber Senior Vice President of Global Partnerships Ella Marsh told reporters.",
             "Senior Vice President of Global Partnerships"),
            ("Uber Vice President of Marketing Ella Marsh said demand was strong.", "Vice President of Marketing"),
            ("Ella Marsh, Uber's Senior Vice President of Rider Operations, said demand was strong.",
             "Senior Vice President of Rider Operations")):
        result = run(gaz, text)
        assert _roles(result) == {("ella-marsh", "uber", title)}, text
        assert not [c for c in cands(result, "organizations") if c.record["id"] != "uber"], text


def test_a_company_named_like_a_function_stays_a_company(gaz):
    result = run(gaz, "Ma Lin, chairman of Beiling Technology, said the plant would open in May.")
    assert ("ma-lin", "beiling-technology", "chairman") in _roles(result)


def test_an_acquisition_named_by_its_noun_makes_the_buyer_the_parent(gaz):
    for text in ("The plan relies on Uber's $300 million acquisition of Nordic ride app Taxify, completed on Thursday.",
                 "Uber's acquisition of Taxify was completed in May.",
                 "Uber completed the acquisition of Taxify in May."):
        assert _orgs(run(gaz, text)).get("taxify", {}).get("parent") == "uber", text


def test_a_purchase_of_goods_or_of_a_stake_is_no_acquisition_of_the_seller(gaz):
    result = run(gaz, "Uber's purchase of 500 cars from Taxify was completed in May.")
    assert "parent" not in _orgs(result).get("taxify", {})


def test_a_name_made_an_organisation_by_its_context_gets_no_role(gaz):
    result = run(gaz, "Qiyuan will start road tests together with Marc Felten (www.felten.example), Belgium's largest "
                      "coach operator.")
    assert not cands(result, "roles") and not [c for c in cands(result, "people") if c.record["id"] == "marc-felten"]


def test_a_ministry_named_for_public_works_is_no_site(gaz):
    result = run(gaz, "Belgium's Ministry of Mobility & Public Works has granted Pony.ai a permit to test "
                      "driverless cars.")
    assert not cands(result, "sites")
    body = [c.record for c in cands(result, "organizations") if "ministry" in c.record["id"]]
    assert body and body[0]["kind"] == "government-body" and body[0]["label"].endswith("& Public Works")


def test_places_of_a_list_ending_in_other_regions_are_no_containers(gaz):
    result = run(gaz, "Founded in 2016, the firm has spread across China, Europe, east Asia, the Middle East and "
                      "other regions.")
    assert not [c for c in cands(result, "places") if c.record.get("located_in") == ["middle-east"]]


def _deployed(result) -> set[tuple[str, str]]:
    return {(c.record["operator"], p) for c in cands(result, "deployments") for p in c.record.get("places", [])}


_GRANTED = "Belgium's transport ministry has granted WeRide a permit to test driverless cars. "


def test_permits_held_in_places_are_where_their_company_tests(gaz):
    result = run(gaz, _GRANTED + "This authorisation widens WeRide's testing portfolio, building on existing permits "
                                 "in China, Japan and South Korea.")
    assert {("weride", "belgium"), ("weride", "china"), ("weride", "japan"), ("weride", "south-korea")} <= \
        _deployed(result)


def test_a_permit_applied_for_is_not_held(gaz):
    result = run(gaz, _GRANTED + "WeRide has applied for a similar permit in Abu Dhabi, the filing showed. It is "
                                 "also seeking permits in Japan.")
    assert _deployed(result) == {("weride", "belgium")}


def _markets(result) -> set[tuple[str, str]]:
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}


def test_its_in_a_to_clause_of_making_a_company_act_is_that_companys(gaz):
    lead = "Ride-hailing company Lyft said it would add robotaxis. "
    result = run(gaz, lead + "Uber's rapid growth puts pressure on Lyft to grow beyond its North American home "
                             "market.")
    assert _markets(result) == {("lyft", "north-america")}



def test_a_lower_case_direction_and_a_continent_name_one_region(gaz):
    result = run(gaz, "BYD sells cars in China, Europe, east Asia and other regions. It also exports buses to "
                      "north Africa and eastern Europe.")
    assert {("byd", "east-asia"), ("byd", "north-africa"), ("byd", "eastern-europe")} <= _markets(result)
    assert not {m for m in _markets(result) if m[1] in {"asia", "africa"}}
    # (East Asia is a shipped region now: the mention links to it, no new place is proposed)
    assert {(m.id, m.known, m.kind) for m in result.mentions if m.id == "east-asia"} == {("east-asia", True, "region")}


def test_a_launch_named_by_the_adjective_of_its_place(gaz):
    result = run(gaz, "BYD is planning a Mexican launch of its Seagull model next year.")
    assert [(c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")] == \
        [("mexico", "targets-market")]
    result = run(gaz, "Xpeng made its Australian debut with the G6 in March.")
    assert [(c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")] == \
        [("australia", "entered")]


def test_a_robotaxi_operators_launch_is_a_planned_deployment(gaz):
    result = run(gaz, "Uber has widened its robotaxi push, working with WeRide, with a European launch also set "
                      "for 2026.")
    deps = [c.record for c in cands(result, "deployments")]
    assert [(d["operator"], d["places"], d.get("status")) for d in deps] == [("uber", ["europe"], "planned")]


def test_a_launch_whose_adjective_names_no_company_place_gives_nothing(gaz):
    result = run(gaz, "Officials in Brussels said a Chinese expansion was a worry.")
    assert not cands(result, "market_presence") and not cands(result, "deployments")


def _activities(result) -> set[tuple[str, str, str]]:
    return {(c.record["exporter"], c.record["activity"], c.record["market"]) for c in cands(result, "market_presence")}


def test_a_market_spoken_of_as_to_come_is_targeted_not_entered(gaz):
    for text, activity in (("Geely-owned Zeekr said it would enter Japan in 2026.", "targets-market"),
                           ("Zeekr entered Japan in 2025.", "entered"),
                           ("BYD plans to sell its Seal sedan in Japan.", "targets-market"),
                           ("BYD sells the Seal in Japan.", "sells-in"),
                           ("BYD will start exporting buses to Chile next year.", "targets-market"),
                           ("BYD exported 300 buses to Chile in May.", "exports-to")):
        got = _activities(run(gaz, text))
        assert len(got) == 1 and next(iter(got))[1] == activity, (text, got)


def test_a_companys_own_figure_after_its_relative_clause_is_its_own(gaz):
    result = run(gaz, "XPeng, whose backers include Volkswagen, said deliveries rose 12% to 30,000 vehicles in "
                      "October.")
    assert [c.record.get("subject") for c in cands(result, "observations")] == ["xpeng"]
    result = run(gaz, "The China Association of Automobile Manufacturers said exports rose 20% to 500,000 vehicles "
                      "in May.")  # an association that says so reports a market's figure, not its own
    assert [c.record.get("subject") for c in cands(result, "observations")] == [None]


def test_where_shares_trade_is_no_place_of_the_business(gaz):
    for text in ("WeRide shares jumped 8% in Hong Kong after it won a licence to run driverless robotaxis in Abu "
                 "Dhabi.", "WeRide, which is listed in Hong Kong, runs robotaxis in Abu Dhabi."):
        assert _deployed(run(gaz, text)) == {("weride", "abu-dhabi")}, text
    assert ("weride", "hong-kong") in _deployed(run(gaz, "WeRide runs robotaxis in Hong Kong and Abu Dhabi."))


def test_a_site_read_at_a_country_and_at_a_region_inside_it_is_one(gaz):
    result = run(gaz, "Great Wall Motor has shelved plans for a plant in Russia's Tula region.")
    assert [(c.record["place"], c.record.get("status")) for c in cands(result, "sites")] == [("tula", "dropped")]


def test_the_best_selling_brand_in_a_country_sells_there(gaz):
    assert ("mg", "sells-in", "united-kingdom") in _activities(run(
        gaz, "SAIC's MG brand is the best-selling Chinese brand in Britain, according to industry data."))
    assert ("byd", "sells-in", "brazil") in _activities(run(gaz, "BYD is now the market leader in Brazil."))
    assert not _activities(run(gaz, "BYD's Seal was the best-selling EV made in China last year."))


def _periods(result) -> list[tuple[str, str, str | None]]:
    return [(c.record.get("period_start"), c.record.get("period_end"), c.record.get("status"))
            for c in cands(result, "observations")]


def test_a_forecast_for_a_quarter_named_without_its_year_is_the_next_one(gaz):
    date = "2025-08-04"
    assert _periods(run(gaz, "Xpeng expects to deliver between 30,000 and 32,000 vehicles in the fourth quarter.",
                        date)) == [("2025-10", "2025-12", "forecast")]
    assert _periods(run(gaz, "Xpeng delivered 30,000 vehicles in the second quarter.", date)) == \
        [("2025-04", "2025-06", None)]
    # the year so far, named by its month, stays the year so far
    got = _periods(run(gaz, "Velmor set itself a target of 150,000 for 2026. By the end of September it had "
                            "shipped 81,500 cars.", "2026-11-10"))
    assert ("2026-01", "2026-09") in [g[:2] for g in got]


def test_a_firm_cited_through_its_analysts_is_a_source_not_a_partner(gaz):
    result = run(gaz, "Huoyan, which debuted on Nasdaq last year, will deploy robotaxis in Guangzhou, analysts at "
                      "Alcantara Research said.")
    deps = [c.record for c in cands(result, "deployments")]
    assert deps and all(not d.get("partners") for d in deps)
    assert not cands(result, "partnerships")
    assert any(m.id == "alcantara-research" and m.compiler for m in result.mentions)


def test_a_countrys_makers_share_of_a_market_is_that_countrys_share_there(gaz):
    for text in ("Chinese brands' share of the Thai EV market reached 75% last year.",
                 "Chinese carmakers took 75% of Thailand's EV market last year."):
        got = [(c.record.get("subject"), c.record.get("destination"), c.record.get("measure"))
               for c in cands(run(gaz, text), "observations")]
        assert got == [("china", "thailand", "market-share")], text
    got = [c.record.get("subject") for c in cands(run(gaz, "BYD's share of the Thai EV market reached 40% last "
                                                           "year."), "observations")]
    assert got == ["byd"]


def test_a_sites_status_comes_from_its_own_clause(gaz):
    result = run(gaz, "Great Wall Motor runs a plant in Brazil and is building another plant in Thailand.")
    assert {(c.record["place"], c.record.get("status")) for c in cands(result, "sites")} == {
        ("brazil", "operating"), ("thailand", "under-construction")}
    result = run(gaz, "BYD, which plans to expand in Asia, runs a plant in Brazil.")
    assert [c.record.get("status") for c in cands(result, "sites")] == ["operating"]
    result = run(gaz, "BYD plans to build a plant in Hungary.")
    assert [c.record.get("status") for c in cands(result, "sites")] == ["planned"]


def test_a_nio_written_in_title_case_is_the_known_company(gaz):
    result = run(gaz, "Nio pulled out of the German market in March.")
    assert ("nio", "exited", "germany") in _activities(result)


def test_sales_stopped_in_a_market_are_an_exit(gaz):
    for text in ("Xpeng stopped selling cars in Norway last year.", "Xpeng halted exports to Norway in May."):
        assert _activities(run(gaz, text)) == {("xpeng", "exited", "norway")}, text


def test_no_plans_and_no_intention_deny_the_plan(gaz):
    assert not cands(run(gaz, "Chery has no plans to build a plant in Europe."), "sites")
    assert not cands(run(gaz, "Chery has no intention of selling cars in Japan."), "market_presence")
    assert [c.record.get("status") for c in cands(run(gaz, "Chery has plans to build a plant in Spain."),
                                                   "sites")] == ["planned"]


def test_a_company_compared_with_is_no_client(gaz):
    result = run(gaz, "Unlike BYD, Geely has no plant in Hungary.")
    assert not cands(result, "sites") and not cands(result, "partnerships")
    result = run(gaz, "Magna builds Xpeng's cars in Graz.")
    assert ("partnerships", "magna", "xpeng") in pairs(result)


def test_a_company_that_owns_another_is_its_parent_or_investor(gaz):
    assert _orgs(run(gaz, "Geely, which owns Volvo Cars, will start selling the EX5 in Britain next month.")).get(
        "volvo-cars", {}).get("parent") == "geely"
    assert ("investments", "volkswagen", "xpeng") in pairs(run(gaz, "Volkswagen owns 5% of Xpeng."))
    # (Renault Korea is Renault's arm, named for its country; Geely owns no part of it)
    assert _orgs(run(gaz, "Geely does not own Renault Korea.")).get("renault-korea", {}).get("parent") != "geely"


def test_a_place_naming_a_plant_is_no_exporter(gaz):
    got = _activities(run(gaz, "Tesla's Shanghai plant shipped 50,000 cars to Europe in the second quarter."))
    assert got == {("tesla", "exports-to", "europe")}
