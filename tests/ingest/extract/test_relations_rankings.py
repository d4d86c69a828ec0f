"""Brands ranked by their sales in one market, or with stores in a country, sell there
(:mod:`nevkg.ingest.extract.relations_rankings`)."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _sales(result) -> set:
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record["activity"] == "sells-in"}


def test_a_ranked_list_under_a_lead_in_sells_in_the_datelines_country(gaz):
    text = ("LIMA, Nov. 5 (Reuters) - Peru's electric car registrations rose 40% in October, the industry body "
            "said.\n\nThe leading brands in October were:\n\n1. BYD - 812 units\n2. Tesla - 301 units\n3. GAC "
            "Aion - 255 units\n\nDealers expect more in November.")
    sales = _sales(run(gaz, text, date="2026-11-05"))
    assert {("byd", "peru"), ("tesla", "peru"), ("gac-aion", "peru")} <= sales


def test_a_ranking_sentence_sells_in_the_country_it_names(gaz):
    text = "In Chile, BYD led electric car sales in October with 812 units, followed by Tesla with 301 units."
    assert {("byd", "chile"), ("tesla", "chile")} <= _sales(run(gaz, text, date="2026-11-05"))


def test_rates_and_a_single_companys_total_rank_nothing(gaz):
    text = ("Mexico will charge BYD 17% and Tesla 9%, the ministry said. BYD sold 4.3 million cars last year, "
            "the company said in Mexico City.")
    assert not _sales(run(gaz, text, date="2026-11-05"))


def test_a_ranking_without_unit_nouns_counts_in_the_paragraphs_unit(gaz):
    text = ("Imported car registrations in Chile reached 9,120 in October. BYD led with 2,210, followed by Tesla "
            "with 1,870 and Volvo with 940.")
    result = run(gaz, text, date="2026-11-05")
    obs = {(c.record["subject"], float(c.record["value"])): c.record for c in cands(result, "observations")}
    for key in (("byd", 2210.0), ("tesla", 1870.0), ("volvo", 940.0)):
        assert obs[key]["unit"] == "vehicles" and obs[key]["period_start"] == "2026-10", key
    assert {("byd", "chile"), ("tesla", "chile"), ("volvo", "chile")} <= _sales(result)


def test_a_bare_number_after_with_is_no_count_without_a_ranking_or_a_count_before(gaz):
    for text in ("Marlin Auto sold 9,120 cars in October. It ended the month with 2,210 in stock.",
                 "Marlin Auto led the market in October with 2,210."):
        values = {float(c.record["value"]) for c in cands(run(gaz, text, date="2026-11-05"), "observations")}
        assert 2210.0 not in values, text


def test_a_carmakers_stores_in_countries_are_its_markets(gaz):
    text = ("In Europe, Marlin Auto continued to expand its network with its partner Lindholm Auto Group, which now "
            "operates 42 Marlin stores in Denmark, Sweden and Finland.")
    sales = _sales(run(gaz, text, date="2026-11-05"))
    assert {("marlin-auto", "denmark"), ("marlin-auto", "sweden"), ("marlin-auto", "finland")} <= sales
