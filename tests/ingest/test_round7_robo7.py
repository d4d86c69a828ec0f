"""Round-7 robotaxi forms (a wire brief, a trade-newsletter item, a quarterly business update), on sentences
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _deployments(result) -> set[tuple[str, str]]:
    return {(op, place) for c in result.candidates if c.file == "deployments"
            for op in [c.record["operator"], *(c.record.get("partners") or [])] for place in c.record["places"]}


def _new_orgs(result) -> set[str]:
    return {c.record["id"] for c in result.candidates if c.file == "organizations"}


def test_a_headline_short_form_does_not_keep_the_leading_word_a_company_of_its_own(gaz):
    text = ("Pengrui Drive wins robotaxi licence in Qatar\n\n"
            "Chinese developer Pengrui Drive Technology has won a licence to test robotaxis in Doha. "
            "Pengrui also runs robotaxis in Wuhan and Chengdu, the company said.")
    result = run(gaz, text)
    assert "pengrui" not in _new_orgs(result)
    deps = _deployments(result)
    assert ("pengrui-drive-technology", "wuhan") in deps and ("pengrui", "wuhan") not in deps


def test_an_agency_opening_the_story_alone_is_its_source_not_a_partner(gaz):
    text = ("(Bloomberg) -- Ridewell Inc., the US ride-hailing company, and Chinese autonomous-driving firm Tanglin "
            "Autonomous Driving plan to start robotaxi services in Belgium and Austria from 2027, the companies said "
            "on Monday.")
    result = run(gaz, text, date="2026-11-30")
    partners = [set(c.record["partners"]) for c in result.candidates if c.file == "partnerships"]
    assert partners and not any("bloomberg" in p for p in partners)
    assert not any(op == "bloomberg" for op, _ in _deployments(result))
    assert "bloomberg" in _new_orgs(result)  # a source named, not a place


def _obs(result) -> list[dict]:
    return [c.record for c in result.candidates if c.file == "observations"]


def test_revenues_in_the_plural_are_revenue(gaz):
    text = "Kunlai Robotics said its revenues were RMB 240.5 million in the second quarter of 2026."
    rec = next(r for r in _obs(run(gaz, text, date="2026-08-20")) if r["value"] == 240500000)
    assert rec["measure"] == "revenue"


def _period(result, value) -> tuple:
    rec = next(r for r in _obs(result) if r["value"] == value)
    return rec.get("period_start"), rec.get("period_end")


def test_the_time_after_a_comparisons_base_figure_is_the_bases(gaz):
    text = ("Kunlai Robotics reported its results for the second quarter of 2026.\n\n"
            "Its gross margin was 21.4%, compared with 12.7% in the second quarter of 2025. "
            "Its net loss was RMB 310.2 million, compared with a net loss of RMB 355.0 million in the same period "
            "of 2025.")
    result = run(gaz, text, date="2026-08-20")
    assert _period(result, 21.4) == ("2026-04", "2026-06")
    assert _period(result, 12.7) == ("2025-04", "2025-06")
    assert _period(result, 310200000) == ("2026-04", "2026-06")
    assert _period(result, 355000000) == ("2025-04", "2025-06")


def test_a_time_shared_by_a_head_and_its_base_stays_the_heads(gaz):
    text = "Kunlai Robotics said its revenue rose to RMB 80 million from RMB 50 million in the first half of 2026."
    assert _period(run(gaz, text, date="2026-08-20"), 80000000) == ("2026-01", "2026-06")


def test_a_plans_time_is_not_the_reports_period(gaz):
    text = ("Kunlai Robotics reported its results for the second quarter of 2026.\n\n"
            "- Chery will build its robotaxis from the second half of 2027.\n"
            "- Its gross margin was 21.4%, compared with 12.7% in the second quarter of 2025.")
    assert _period(run(gaz, text, date="2026-08-20"), 21.4) == ("2026-04", "2026-06")


def test_a_count_a_year_earlier_is_no_rate_per_year(gaz):
    text = ("Kunlai Robotics said its robotaxi fleet reached 2,380 vehicles at the end of September, compared with "
            "1,420 vehicles a year earlier.")
    assert _period(run(gaz, text, date="2026-11-18"), 1420) == ("2025-09", "2025-09")


def test_a_stock_as_of_a_day_is_of_that_days_month(gaz):
    text = ("Kunlai Robotics said its robotaxi fleet reached 2,380 vehicles as of September 30, 2026, compared with "
            "1,420 vehicles a year earlier. Its cash totaled RMB 9.1 billion as at 30 September 2026.")
    result = run(gaz, text, date="2026-11-18")
    assert _period(result, 2380) == ("2026-09", "2026-09")
    assert _period(result, 1420) == ("2025-09", "2025-09")
    assert _period(result, 9100000000) == ("2026-09", "2026-09")


def test_a_rate_as_of_a_day_keeps_the_day(gaz):
    text = "The government said a 25% duty on imported robotaxis will apply as of 1 December 2026."
    assert _period(run(gaz, text, date="2026-11-18"), 25) == ("2026-12-01", "2026-12-01")


def test_revenue_and_a_loss_without_a_time_take_the_reports_period(gaz):
    text = ("Kunlai Robotics reported second-quarter revenue of 150 million yuan, up 40% from a year earlier, "
            "while its net loss narrowed to 220 million yuan.\n\n"
            "Revenue from robotaxi services was 95 million yuan, an increase of 70% year over year.")
    result = run(gaz, text, date="2026-08-20")
    assert _period(result, 220000000) == ("2026-04", "2026-06")
    assert _period(result, 95000000) == ("2026-04", "2026-06")


def test_a_hedge_more_than_is_no_comparisons_base(gaz):
    text = ("Kunlai Robotics runs 1,900 robotaxis in nine cities and its cars have completed more than 14 million "
            "rides since it began charging fares in 2022.")
    assert _period(run(gaz, text, date="2026-11-30"), 1900)[0] != "2023"


def test_a_share_price_closing_higher_is_no_statistic(gaz):
    text = ("Kunlai Robotics' shares rose as much as 8% in Hong Kong on Tuesday, the biggest gain in a month, "
            "before closing 5.5% higher.")
    assert not [r for r in _obs(run(gaz, text, date="2026-11-24")) if r["value"] == 5.5]


def test_a_seat_count_before_a_vehicle_noun_is_a_specification(gaz):
    for text, count in (("The partners will start with six Kunlai robotaxis and two 12-seat autonomous minibuses in "
                         "2027.", 2),
                        ("Kunlai Robotics will deploy 20 12-seat shuttles in Oslo in 2027.", 20)):
        values = {r["value"] for r in _obs(run(gaz, text, date="2026-12-01")) if r.get("unit") == "vehicles"}
        assert count in values and 12 not in values, (text, values)


def test_co_founder_alone_is_a_title_word_not_a_company(gaz):
    text = ('"We grew fast," said Dr. Wen Lihua, Co-Founder, Chairman and Chief Executive Officer of Kunlai '
            'Robotics. "We will keep growing."')
    result = run(gaz, text, date="2026-11-18")
    assert "co-founder" not in _new_orgs(result)
    roles = [c.record for c in result.candidates if c.file == "roles"]
    assert [(r["organization"], r["title"]) for r in roles] == [
        ("kunlai-robotics", "Co-Founder, Chairman and Chief Executive Officer")]


def test_the_city_and_country_of_a_dateline_are_no_deployment(gaz):
    text = ("SHENZHEN, China, Nov. 18, 2026 /PRNewswire/ -- Kunlai Robotics Inc. (\"Kunlai\"), a provider of "
            "autonomous ride-hailing services, today announced its results for the third quarter.")
    assert not _deployments(run(gaz, text, date="2026-11-18"))


def test_here_under_a_dateline_is_still_its_city(gaz):
    text = "BANGKOK, May 5 (Reuters) - Kunlai Robotics began testing robotaxis here on Tuesday, the company said."
    assert ("kunlai-robotics", "bangkok") in _deployments(run(gaz, text, date="2026-05-06"))


def test_an_exchange_with_a_ticker_is_no_partner_and_the_symbol_no_company(gaz):
    text = ("Kunlai Robotics Inc. (Nasdaq: KNLI; HKEX: 2977), a provider of autonomous ride-hailing services, "
            "will launch robotaxis in Dubai with Uber next year.")
    result = run(gaz, text, date="2026-11-18")
    assert "knli" not in _new_orgs(result)
    assert not any(op in {"hkex", "nasdaq"} for op, _ in _deployments(result))
    assert not [c for c in result.candidates if c.file == "partnerships"
                and {"hkex", "nasdaq"} & set(c.record["partners"])]


def test_a_run_in_label_is_no_market_verb(gaz):
    text = ('Kunlai Robotics Inc. ("Kunlai" or the "Company") reported its third-quarter results today.\n\n'
            "- New city launches: the Company started commercial robotaxi services in Xiamen and Nanning, bringing "
            "the number of cities with fare-charging operations to 11.")
    result = run(gaz, text, date="2026-11-18")
    assert not [c for c in result.candidates if c.file == "market_presence"]
    assert ("kunlai-robotics-inc", "xiamen") in _deployments(result)


def test_its_in_a_clause_with_its_own_subject_is_that_subjects(gaz):
    text = ("Kunlai Robotics signed an agreement with Changan Automobile to co-develop a robotaxi, the Kunlai K7, "
            "which Changan will produce at its plant in Chongqing from 2027.")
    sites = {(op, c.record["place"]) for c in run(gaz, text, date="2026-11-18").candidates if c.file == "sites"
             for op in c.record["operator"]}
    assert ("changan", "chongqing") in sites and ("kunlai-robotics", "chongqing") not in sites


def test_a_sector_word_is_no_short_name_of_a_body(gaz):
    text = ("The permit was issued after a review by Transport Malta, the regulator.\n\n"
            '"Safety comes first," said Daniel Azzopardi Vella, Malta\'s Minister for Transport and Infrastructure. '
            '"We are ready."')
    roles = [c.record for c in run(gaz, text, date="2026-12-01").candidates if c.file == "roles"]
    assert [(r["organization"], r["title"]) for r in roles] == [
        ("malta", "Minister for Transport and Infrastructure")]


def test_a_company_and_the_place_after_it_are_two_names(gaz):
    result = run(gaz, "Kunlai Robotics signed an agreement with Careem in Jeddah last year.", date="2026-12-01")
    assert "careem" in _new_orgs(result) and "careem-in-jeddah" not in _new_orgs(result)
    assert any(m.text == "Jeddah" and m.file == "places" for m in result.mentions)


def _partner_pairs(result) -> set[frozenset]:
    return {frozenset(c.record["partners"]) for c in result.candidates if c.file == "partnerships"}


def test_each_company_of_a_gapped_list_keeps_its_own_partners(gaz):
    text = ("Ridewell Inc. and Tanglin Robotics plan robotaxi services in Belgium.\n\n"
            "Both companies have signed similar agreements before: Ridewell with WeRide in Dubai and with Pony.ai "
            "in Qatar, Tanglin with Uber in Warsaw and with Geely in Riyadh.")
    pairs = _partner_pairs(run(gaz, text, date="2026-11-30"))
    assert {frozenset({"tanglin-robotics", "uber"}), frozenset({"tanglin-robotics", "geely"}),
            frozenset({"ridewell-inc", "weride"})} <= pairs
    assert frozenset({"ridewell-inc", "uber"}) not in pairs and frozenset({"ridewell-inc", "geely"}) not in pairs


def test_two_companies_one_described_in_apposition_are_the_companies_after(gaz):
    text = ("Ridewell Inc., the US ride-hailing company, and Chinese autonomous-driving firm Tanglin Robotics plan "
            "robotaxi services in Belgium.\n\n"
            "Both companies have signed similar agreements before: Ridewell with WeRide in Dubai, Tanglin with Uber "
            "in Warsaw.")
    pairs = _partner_pairs(run(gaz, text, date="2026-11-30"))
    assert {frozenset({"ridewell-inc", "weride"}), frozenset({"tanglin-robotics", "uber"})} <= pairs


def _investments(result) -> set[tuple[str, str]]:
    return {(c.record["investor"], c.record.get("investee")) for c in result.candidates if c.file == "investments"}


def test_backers_a_company_names_invest_in_it(gaz):
    for text in ("Tanglin Robotics listed in Hong Kong in March. Its investors include Chinese carmaker Geely and "
                 "ride-hailing firm Uber.",
                 "Tanglin Robotics, which is backed by carmaker Geely, runs robotaxis in Wuhan."):
        assert ("geely", "tanglin-robotics") in _investments(run(gaz, text, date="2026-11-30")), text


def test_backers_denied_are_no_investors(gaz):
    text = "Tanglin Robotics said its shareholders do not include carmaker Geely."
    assert not _investments(run(gaz, text, date="2026-11-30"))


def test_a_masthead_names_its_site_as_a_source_and_its_section_as_nothing(gaz):
    text = ("Kunlai wins test permit in Latvia\n\n"
            "Fleet Systems Weekly | Autonomous Vehicles | December 1, 2026\n\n"
            "Chinese developer Kunlai Robotics has been granted a permit to test level-4 robotaxis in Riga with "
            "local bus operator Daugava Coaches Ltd.")
    result = run(gaz, text, date="2026-12-01")
    orgs = _new_orgs(result)
    assert "autonomous-vehicles" not in orgs and "fleet-systems" not in orgs
    assert not [c for c in result.candidates if c.file == "partnerships"
                and {"fleet-systems-weekly", "fleet-systems"} & set(c.record["partners"])]


def test_a_bare_number_after_rides_counts_rides(gaz):
    text = "Kunlai Robotics said paid rides totaled 4.7 million in the third quarter, up 92% year over year."
    rec = next(r for r in _obs(run(gaz, text, date="2026-11-18")) if r["value"] == 4700000)
    assert rec["unit"] == "rides" and (rec["period_start"], rec["period_end"]) == ("2026-07", "2026-09")


def test_robotaxis_a_company_runs_are_its_fleet_now(gaz):
    text = "Shenzhen-based Kunlai Robotics runs about 1,900 robotaxis in nine Chinese cities, including Hefei."
    rec = next(r for r in _obs(run(gaz, text, date="2026-11-30")) if r["value"] == 1900)
    assert rec["measure"] == "robotaxi-fleet-size" and rec["period_start"] == "2026-11"


def test_a_figure_only_supposed_under_a_condition_is_no_statistic(gaz):
    text = ('"We could hire 30 more drivers tomorrow if we could find them," said Rita Falzon, chief executive of '
            'Daugava Coaches. Kunlai Robotics said it could build 100,000 cars a year at the plant.')
    values = {r["value"] for r in _obs(run(gaz, text, date="2026-12-01"))}
    assert 30 not in values and 100000 in values


def test_a_target_by_the_last_day_of_a_year_is_that_years(gaz):
    text = "Kunlai Robotics expects its robotaxi fleet to exceed 3,000 vehicles by December 31, 2026."
    assert _period(run(gaz, text, date="2026-11-18"), 3000) == ("2026", "2026")


def test_a_contact_block_gives_its_person_the_organisation_on_the_line_before(gaz):
    text = ("Kunlai Robotics Inc. reported its results today.\n\nFor investor and media inquiries, please contact:\n\n"
            "Kunlai Robotics Inc.\nHugo Tan, Director of Investor Relations\nEmail: ir@kunlai.example\n")
    roles = [c.record for c in run(gaz, text, date="2026-11-18").candidates if c.file == "roles"]
    assert [(r["person"], r["organization"], r["title"]) for r in roles] == [
        ("hugo-tan", "kunlai-robotics-inc", "Director of Investor Relations")]


def test_an_exchange_rate_is_no_amount_of_money(gaz):
    text = ("Kunlai Robotics said its translations are made at a rate of RMB7.1200 to US$1.00. It reported revenue "
            "of RMB 500 million (US$70 million) in the second quarter of 2026.")
    values = {r["value"] for r in _obs(run(gaz, text, date="2026-08-20"))}
    assert 7.12 not in values and 1 not in values and {500000000, 70000000} <= values


def test_an_about_heading_and_a_clock_time_zone_name_no_new_body(gaz):
    text = ("Kunlai Robotics Inc. reported its results today.\n\nAbout Kunlai Robotics Inc.\n\n"
            "Kunlai Robotics Inc. develops robotaxis. Its call starts at 8:00 a.m. U.S. Eastern Time "
            "(9:00 p.m. Beijing Time).")
    orgs = _new_orgs(run(gaz, text, date="2026-11-18"))
    assert orgs == {"kunlai-robotics-inc"}


def test_of_these_n_takes_the_period_of_the_count_before(gaz):
    text = ("Kunlai Robotics said its robotaxi fleet reached 2,380 vehicles as of September 30, 2026, compared with "
            "1,420 vehicles a year earlier. Of these, 310 vehicles were deployed outside mainland China.")
    assert _period(run(gaz, text, date="2026-11-18"), 310) == ("2026-09", "2026-09")


def test_the_quarter_of_a_quarterly_report_is_its_quarter(gaz):
    text = ("Kunlai Robotics said revenue for the third quarter rose 40% to 300 million yuan. In Doha, where it has "
            "carried passengers since March, its cars run with a local partner.\n\n"
            "Completed rides rose 64% year on year to 3.4 million in the quarter.")
    assert _period(run(gaz, text, date="2026-11-20"), 3400000) == ("2026-07", "2026-09")


def test_the_end_of_the_quarter_is_the_reports_last_month(gaz):
    text = ("Kunlai Robotics said revenue for the third quarter rose 40% to 300 million yuan.\n\n"
            "The company held 5.8 billion yuan in cash at the end of the quarter.")
    assert _period(run(gaz, text, date="2026-11-20"), 5800000000) == ("2026-09", "2026-09")


def test_parts_of_a_count_named_again_take_its_period(gaz):
    text = ("Kunlai Robotics said its driverless fleet had grown to 2,060 vehicles at the end of September.\n\n"
            "Of the 2,060 vehicles, 780 run in Beijing, 650 in Wuhan and 410 in Guangzhou, the company said.")
    result = run(gaz, text, date="2026-11-20")
    assert _period(result, 650) == ("2026-09", "2026-09") and _period(result, 410) == ("2026-09", "2026-09")


def test_level_of_an_autonomy_level_is_no_body(gaz):
    text = ("Kunlai Robotics Inc. develops Level 4 autonomous-driving technology and operates robotaxi services in "
            "China and abroad.")
    result = run(gaz, text, date="2026-11-18")
    assert "level" not in _new_orgs(result) and not any(op == "level" for op, _ in _deployments(result))
