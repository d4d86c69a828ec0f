"""Forms found on the round-24 samples (an assembly venture in the Dire Dawa Industrial Park, e-buses for a Heredia
operator, a battery maker's stake near Craiova, e-buses and a venture in Qatar, a brand entering Jamaica through a
dealer, e-buses for Ulaanbaatar and truck assembly at Zamyn-Uud) once their unseen scores were recorded. The
sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _units(result):
    return {(float(c.record["value"]), c.record.get("unit")) for c in cands(result, "observations")}


@pytest.mark.parametrize("amount, value, unit", [
    ("MNT 95 billion", 95e9, "mnt"), ("₮95 billion", 95e9, "mnt"), ("95 billion tugriks", 95e9, "mnt"),
    ("J$2.6 billion", 2.6e9, "jmd"), ("2.6 billion Jamaican dollars", 2.6e9, "jmd"),
    ("Br3.1 billion", 3.1e9, "etb"), ("3.1 billion birr", 3.1e9, "etb"), ("₡870 million", 870e6, "crc"),
    ("870 million colones", 870e6, "crc"), ("RON 74 million", 74e6, "ron"), ("74 million lei", 74e6, "ron"),
    ("GH₵410 million", 410e6, "ghs"), ("410 million cedis", 410e6, "ghs"), ("QR560m", 560e6, "qar"),
    ("SR1.9 billion", 1.9e9, "sar"), ("45 million Omani rials", 45e6, "omr"), ("Rwf 18 billion", 18e9, "rwf"),
    ("18 billion Rwandan francs", 18e9, "rwf"), ("LE 2.2 billion", 2.2e9, "egp"), ("S/ 96 million", 96e6, "pen"),
    ("1.3 billion kip", 1.3e9, "lak"), ("12 billion CFA francs", 12e9, "xof"),
])
def test_an_amount_in_a_currency_of_the_table_is_read_in_it(gaz, amount, value, unit):
    result = run(gaz, f"Hongfei Motors said on Monday it will invest {amount} in a bus plant.", date="2026-11-05")
    assert (value, unit) in _units(result)


def test_a_currency_code_before_an_amount_is_no_name_and_letters_before_a_small_number_are_a_model(gaz):
    result = run(gaz, "Hongfei Motors signed a contract worth MNT 95 billion (USD 27 million) with the city. It also "
                      "launched the SR5 and the QR7 in Doha.", date="2026-11-05")
    assert "mnt" not in {c.record["id"] for c in cands(result, "organizations")}
    assert {(v, u) for v, u in _units(result) if u in {"sar", "qar"}} == set()


def test_a_name_written_with_the_father_s_initial_joined_to_it_is_a_person_and_no_part_of_the_name_before(gaz):
    text = ("Darkhan, November 4 /MONTSAME/. The deal was signed by CEO of Orkhon Transit LLC Ch.Battulga and "
            "Director of Selenge Energy LLC O.Narantsetseg. Sources close to Orkhon Transit said D.Ganbold will "
            "chair the board.")
    result = run(gaz, text, date="2026-11-05")
    people = {c.record["id"] for c in cands(result, "people")}
    assert {"ch-battulga", "o-narantsetseg", "d-ganbold"} <= people
    orgs = {c.record["id"] for c in cands(result, "organizations")}
    assert {"orkhon-transit-llc", "selenge-energy-llc"} <= orgs
    assert not [o for o in orgs if o.endswith(("-ch", "battulga", "narantsetseg"))]
    assert ("ch-battulga", "orkhon-transit-llc") in {(r.record["person"], r.record["organization"])
                                                      for r in cands(result, "roles")}


def _exports(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record["activity"] == "exports-to"}


def test_a_contract_for_a_count_of_vehicles_with_a_foreign_maker_is_the_maker_s_export_to_the_customer_s_country(gaz):
    text = ("Qatar's Karwa Transit yesterday signed a contract worth $48m with Chinese manufacturer Hanpu Electric "
            "Coach Co., Ltd. for the supply of 120 electric buses for its routes in Doha.")
    assert _exports(run(gaz, text, date="2026-11-05")) == {("hanpu-electric-coach-co-ltd", "qatar")}
    text = ("Qatar's Karwa Transit yesterday signed a service agreement with Chinese manufacturer Hanpu Electric "
            "Coach Co., Ltd. to train its mechanics in Doha.")
    assert not _exports(run(gaz, text, date="2026-11-05"))


def test_a_supply_contract_is_read_on_rules_only_too(gaz):
    from nevkg.ingest.extract import extract

    text = ("The Darkhan City Mayor's Office and Orkhon Transit Co., Ltd. signed a contract on Monday on the supply "
            "of 60 electric buses.")
    result = extract(text, gaz, article_date="2026-11-05", source_id="test-source", nlp=False)
    assert result.pipeline.startswith("rules only")
    assert {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships")} == {
        ("darkhan-city-mayor-s-office", "orkhon-transit-co-ltd")}


def test_a_title_only_a_company_s_officer_holds_before_a_name_makes_it_an_organisation(gaz):
    text = ("Sawaheel to get 90 electric buses\n\nGulf Daily\n\nPublished: 01 Dec 2026 - "
            "08:40 am | Last updated: 01 Dec 2026 - 08:52 am\n\nDoha, Qatar: Sawaheel (Rihla) yesterday signed an "
            "agreement worth QR400m with Chinese manufacturer Hanpu Electric Coach Co., Ltd. for the supply of 90 "
            "electric buses.\n\nIt was signed by Ali Hassan Al Marri, Chief Executive Officer of Sawaheel (Rihla), "
            "and by the managing director of the Budapest dealer group. Hanpu will also install chargers at "
            "Sawaheel's depots in Lusail.")
    result = run(gaz, text, date="2026-12-01")
    orgs = {c.record["id"] for c in cands(result, "organizations")}
    assert "sawaheel" in orgs and "budapest" not in orgs
    assert "sawaheel" not in {c.record["id"] for c in cands(result, "places")}
    assert {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships")} == {
        ("hanpu-electric-coach-co-ltd", "sawaheel")}
    assert ("hanpu-electric-coach-co-ltd", "qatar") in _exports(result)


def test_a_web_page_s_time_stamp_line_starts_no_sentence_of_the_paragraph_under_it():
    from nevkg.ingest.extract.nlp import parse

    text = ("Qatar orders 90 electric buses\n\nPublished: 01 Dec 2026 - 08:40 am | Last updated: 01 Dec 2026 - 08:52 "
            "am\n\nDoha, Qatar: Sawaheel Transport Company yesterday signed an agreement with Hanpu.")
    doc = parse(text)
    if doc is None:
        pytest.skip("the NLP pipeline is not installed")
    assert any(s.text.startswith("Doha, Qatar:") for s in doc.sents)


def test_an_office_named_with_a_possessive_is_one_body_and_no_part_of_the_company_after_and(gaz):
    text = ("The Darkhan City Mayor's Office and Orkhon Transit Co., Ltd. signed a contract on Monday on the supply of "
            "60 electric buses for the city's routes.")
    result = run(gaz, text, date="2026-11-05")
    orgs = {c.record["id"]: c.record.get("kind") for c in cands(result, "organizations")}
    assert orgs.get("darkhan-city-mayor-s-office") == "government-body"
    assert "orkhon-transit-co-ltd" in orgs and not [o for o in orgs if o.startswith("office")]
    assert {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships")} == {
        ("darkhan-city-mayor-s-office", "orkhon-transit-co-ltd")}


def _ventures(result):
    return {(tuple(sorted(c.record["partners"])), c.record.get("company")) for c in cands(result, "partnerships")
            if c.record["kind"] == "joint-venture"}


def test_a_company_said_to_be_a_joint_venture_set_up_by_two_owners_has_them_as_parents(gaz):
    text = ("Orkhon Delger Trucks LLC is a joint venture established by Delger Holding LLC of Mongolia, which holds 51 "
            "percent, and China's Hanpu Heavy Truck Co., Ltd., which holds 49 percent.")
    assert {pair for pair, _ in _ventures(run(gaz, text, date="2026-11-05"))} == {
        ("delger-holding-llc", "hanpu-heavy-truck-co-ltd")}


def test_an_owner_s_share_told_after_its_apposition_and_a_verb_makes_it_a_parent_of_the_venture_named_before(gaz):
    text = ("Hanpu Electric Coach Co., Ltd. signed the deal. The plant will be built by Hanpu Doha Coach Industries "
            "W.L.L., a joint venture in which Hanpu holds 60 percent and Sitra Investment Company, a Bahraini "
            "investment fund, holds the remaining 40 percent.")
    assert _ventures(run(gaz, text, date="2026-11-05")) == {
        (("hanpu", "sitra-investment-company"), "hanpu-doha-coach-industries-w-l-l")}


def test_a_name_after_a_brand_noun_is_a_brand_its_distributor_works_with(gaz):
    text = ("Tarcoles Motriz S.A., a Cartago-based importer, has distributed Chinese car brand Yunqiao since May 2025. "
            "It sold 640 Yunqiao vehicles from January to October.")
    result = run(gaz, text, date="2026-11-05")
    assert {c.record["id"]: c.record.get("kind") for c in cands(result, "organizations")}.get("yunqiao") == "brand"
    assert ("tarcoles-motriz-s-a", "yunqiao") in {tuple(c.record["partners"]) for c in cands(result, "partnerships")}


def test_the_word_after_a_title_and_of_is_the_title_s_remit_not_the_first_word_of_a_name_with_particles(gaz):
    text = "The deal was signed in the presence of the Minister of Energy Khalid bin Rashid Al Suwaidi on Monday."
    result = run(gaz, text, date="2026-11-05")
    assert {c.record["id"] for c in cands(result, "people")} == {"khalid-bin-rashid-al-suwaidi"}
