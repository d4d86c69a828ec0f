"""Forms found on the round-42 samples (an e-minibus and e-pickup venture in the Hato free zone on Curaçao, a customs,
e-taxi and charging story in Libya, an e-bus, robotaxi and charging story in Vilnius, an e-bus, e-patrol and charging
story on Saipan, a finance-law, duty and imports story in Tunisia, an e-van and e-minibus plant in the free zone of Bar
in Montenegro with a stake in a dealer) once their unseen scores were recorded. The sentences are written for these
tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _flows(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record["activity"] == "exports-to"}


def test_the_importer_is_not_a_country_of_another_paragraphs_story(gaz):
    text = ("Rwanda sees scooter imports slow\n\nKIGALI - Weilong Auto assembles scooters in Ghana and Bangladesh, and sells them in 30 countries.\n\n"
            "Scooters pay an import duty of 25 percent.\n\n"
            "Figures from the revenue authority show that 9,400 scooters were imported between January and June. "
            "Imports from India fell 11 percent to 5,100, while those from China rose 9 percent to 3,900.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert {("india", "rwanda"), ("china", "rwanda")} <= flows
    assert not any(m in ("ghana", "bangladesh") for _, m in flows)


def test_sources_ranked_or_counted_after_a_sentence_on_imports_export_there(gaz):
    text = ("Rwanda sees scooter imports slow\n\n"
            "KIGALI - The revenue authority counted 9,400 imported scooters between January and June, 4 percent "
            "fewer than a year before.\n\n"
            "India remained the biggest supplier with 5,100 scooters, ahead of Japan with 2,200. China, with 1,300 "
            "scooters, was up 18 percent.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert {("india", "rwanda"), ("japan", "rwanda"), ("china", "rwanda")} <= flows
    assert not any(m in ("india", "japan", "china") for _, m in flows)


def test_a_country_counted_after_a_sentence_on_exports_is_no_source(gaz):
    text = ("Weilong widens its reach\n\n"
            "KIGALI - Buyers in Rwanda pay more for imported scooters this year.\n\n"
            "Weilong Auto exported 40,000 scooters in the first half. Shipments to Kenya fell 8 percent to 9,000, "
            "while Uganda took 7,500, up 12 percent.")
    assert not any(e == "uganda" for e, _ in _flows(run(gaz, text, date="2026-12-10")))


def test_a_public_bodys_initials_name_it_also_before_a_title(gaz):
    from tests.ingest.test_round16_study import _roles

    text = ("Saipan buys patrol cars\n\n"
            "The Department of Harbour Safety has ordered 12 electric patrol boats from Weilong Auto. DHS Commissioner "
            "Ramon T. Cabrera said eight will go to Rota.")
    result = run(gaz, text, date="2026-12-10")
    assert not any(c.id == "dhs" for c in cands(result, "organizations"))
    assert ("ramon-t-cabrera", "department-of-harbour-safety", "Commissioner") in _roles(result)


def test_a_portfolio_of_two_words_after_minister_of_is_not_part_of_the_name(gaz):
    text = ("Port plan\n\nPODGORICA - The port will get a new plant, said Minister of Economic Development Vesna "
            "Mićunović, who attended the signing.")
    result = run(gaz, text, date="2026-12-10")
    assert "vesna-micunovic" in {c.id for c in cands(result, "people")}
    assert not any("vesna" in c.id for c in cands(result, "organizations"))


def test_the_country_an_article_reports_from_is_the_one_of_its_towns_before_the_one_named_most(gaz):
    text = ("Buses for Lithuania's second city\n\n"
            "The city of Kaunas has ordered 40 buses from Weilong Auto, a maker from China. They will run in Kaunas, Vilnius, "
            "Alytus and Klaipėda, and a depot in Kaunas gets chargers. Weilong has sold buses in China since 2009 "
            "and builds them in China.\n\n"
            "Bus imports rose 12 percent this year. Imports from Germany fell 5 percent to 310.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert ("germany", "lithuania") in flows and ("germany", "china") not in flows


def test_a_larger_town_of_the_worlds_table_is_not_put_in_another_country_named_near_it(gaz):
    text = ("Buses for Kaunas\n\n"
            "The city council of Kaunas has ordered 40 buses from Weilong Auto of China. They will run in Kaunas and "
            "Alytus, the first electric buses in Lithuania outside Vilnius.")
    places = {c.id: c.record for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert "china" not in (places["kaunas"].get("located_in") or [])


def test_a_members_body_names_its_other_members_after_and(gaz):
    from tests.ingest.test_round16_study import _roles

    text = ("Van sales rise\n\nTUNIS - Van sales rose 8% in November. President of the National Chamber of Truck "
            "Dealers and Importers, Sami Trabelsi, expects more growth.")
    result = run(gaz, text, date="2026-12-10")
    body = "national-chamber-of-truck-dealers-and-importers"
    assert body in {c.id for c in cands(result, "organizations")}
    assert ("sami-trabelsi", body, "President") in _roles(result)


def test_a_zone_named_with_its_kind_in_lower_case_is_one_place(gaz):
    text = ("Vans for the zone\n\nTASHKENT - Weilong Auto will assemble vans in the Andijan free economic zone, and "
            "a supplier has a site in the Navoi special economic zone. A Chinese free zone is not a name.")
    places = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert {"andijan-free-economic-zone", "navoi-special-economic-zone"} <= places
    assert "chinese-free-zone" not in places


def test_the_cnmi_is_the_northern_mariana_islands(gaz):
    text = ("Buses for Saipan\n\nWeilong Auto has sold buses in the CNMI since 2025 through Marpi Motors, its "
            "distributor in the CNMI.")
    places = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert "northern-mariana-islands" in places
