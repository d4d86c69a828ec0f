"""Forms found on the round-23 samples (an EV assembly venture in 10th of Ramadan City, e-buses for Lima through
the Port of Chancay, a plant in Laos's Saysettha zone, a stake in a Kocaeli van maker, a brand launched in Sri Lanka
through a distributor, an e-motorbike venture in Ghana) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _org_ids(result):
    return {c.record["id"] for c in cands(result, "organizations")}


def test_a_legal_form_in_brackets_before_ltd_ends_the_company_s_name_and_the_name_without_it_is_the_same(gaz):
    text = ("Kelani Drive (Pvt) Ltd, a unit of Ratmalana Holdings PLC, has launched Chinese brand Lanfeng in Sri "
            "Lanka. Kelani Drive will open 6 showrooms in Colombo. It signed a deal with Meegoda Charge (Pvt) Ltd, "
            "which runs 40 chargers. \"We will add 20 more,\" Meegoda Charge Chief Executive Officer Nadeesha "
            "Priyangika Rathnayake said.")
    result = run(gaz, text, date="2026-11-05")
    ids = _org_ids(result)
    assert "kelani-drive-pvt-ltd" in ids
    assert not {"kelani-drive", "ltd", "meegoda-charge"} & ids
    assert {c.record["operator"] for c in cands(result, "deployments")} == {"kelani-drive-pvt-ltd"}
    assert {(r.record["person"], r.record["organization"]) for r in cands(result, "roles")} == {
        ("nadeesha-priyangika-rathnayake", "meegoda-charge-pvt-ltd")}


def test_a_brand_named_with_a_nation_s_adjective_is_no_brand_of_the_company_that_signs_for_it(gaz):
    text = ("Grupo Tonala Automotriz, which operates 41 agencies in Jalisco, signed this week a distribution "
            "contract with the Chinese brand Suhang Auto to open six points of sale in Guadalajara.")
    result = run(gaz, text, date="2026-11-05")
    suhang = next(c.record for c in cands(result, "organizations") if c.record["id"] == "suhang-auto")
    assert "brand_of" not in suhang
    assert {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships")} == {
        ("grupo-tonala-automotriz", "suhang-auto")}


def test_a_company_that_has_been_the_distributor_of_a_brand_in_a_country_since_a_date_brings_the_brand_in(gaz):
    text = ("Suhang Automobile makes cars in Yancheng. Nile Crest Motors has been the exclusive distributor of "
            "Suhang vehicles in Egypt since January 2025.")
    result = run(gaz, text, date="2026-11-05")
    got = {(c.record["exporter"], c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")}
    assert ("suhang-automobile", "egypt", "entered") in got
    assert ("nile-crest-motors", "egypt", "entered") not in got
