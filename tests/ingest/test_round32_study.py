"""Forms found on the round-32 samples (an e-bus CKD venture in Hrazdan, an e-trishaw and e-bus venture in a Sri
Lankan export processing zone, an LFP cell plant and an SKD line in Hungary, an e-bus SKD venture and chargers in
Jamaica, an e-truck and e-bus venture in Selebi-Phikwe, an e-taxi SKD venture in Thilawa) once their unseen scores
were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _org_ids(result):
    return {c.id for c in cands(result, "organizations")}


def test_a_short_form_in_the_deck_above_a_byline_is_the_company_the_body_names_in_full(gaz):
    text = ("BUSINESS\n\nRegulator approves EV plant\n\nLanmei Automobile and a local partner will assemble taxis "
            "near Yangon\n\nBy Aung Kyaw\n14 December 2026\n\nThe commission has approved a joint venture between "
            "China's Lanmei Automobile Group and Pyin Oo Industrial Group. Lanmei will hold 70 percent.")
    result = run(gaz, text, date="2026-12-14")
    assert "lanmei-automobile-group" in _org_ids(result) and "lanmei-automobile" not in _org_ids(result)


def _roles(result):
    return {(c.record["person"], c.record.get("organization"), c.record["title"]) for c in cands(result, "roles")}


def test_a_title_and_its_remit_before_a_name_are_no_part_of_the_name(gaz):
    text = ("Minister of Economy Arsen Vardanyan, presenting the project in Yerevan, said assembly would start in "
            "2027. The first buses will run in the capital, Deputy Mayor of Yerevan Gagik Sargsyan told reporters.")
    result = run(gaz, text, date="2026-12-10")
    people = {c.id for c in cands(result, "people")}
    assert {"arsen-vardanyan", "gagik-sargsyan"} <= people
    assert ("gagik-sargsyan", "yerevan", "Deputy Mayor") in _roles(result)


def test_a_list_of_people_named_title_first_gives_each_the_title_before_the_name(gaz):
    text = ("The signing was attended by Deputy Minister of Trade Elif Kaya, Governor of Eskişehir Murat Aydın, "
            "Chairman of the Board of Lanmei Automobile Group Zhou Wenbo and others.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("murat-aydin", "eskisehir", "Governor") in roles
    assert not any(person == "elif-kaya" and org == "eskisehir" for person, org, _ in roles)
    assert not any(person == "murat-aydin" and org == "lanmei-automobile-group" for person, org, _ in roles)


def test_a_minister_is_not_of_the_countries_the_goods_go_to(gaz):
    text = ("Armenia will assemble the buses in Hrazdan. Deputy Minister of Economy Anna Petrosyan said most of the "
            "output would be exported to the markets of the Eurasian Economic Union (Russia, Kazakhstan and Belarus) "
            "and Georgia.")
    assert ("anna-petrosyan", "armenia", "Deputy Minister of Economy") in _roles(run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("text, person, org", [
    ("Economist Hayk Arakelyan from the Sevan Research Center told reporters that the plant may pay off.",
     "hayk-arakelyan", "sevan-research-center"),
    ('"It is a test case," said Anna Kowal, a senior fellow at the Lumen Policy Centre, a Brussels think tank.',
     "anna-kowal", "lumen-policy-centre"),
])
def test_a_research_or_policy_centre_is_the_employer_of_its_analysts_not_a_site(gaz, text, person, org):
    result = run(gaz, text, date="2026-12-10")
    assert {(p, o) for p, o, _ in _roles(result)} == {(person, org)}
    assert not cands(result, "sites")


def test_the_company_after_goods_brought_in_by_an_importer_is_the_importer(gaz):
    text = ("Lanmei cars have been imported to Armenia since 2023 by Sevan Auto LLC, the official importer. In "
            "January-November 2026 the company imported 3,180 Lanmei cars. About 55% of them were re-exported to "
            "Russia, the company's director Tigran Hakobyan said.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert {(p, o) for p, o, _ in roles} == {("tigran-hakobyan", "sevan-auto-llc")}


@pytest.mark.parametrize("text, person", [
    ("Kandawgyi Taxi Services chairman U Min Thu said the cars would be charged overnight.", "min-thu"),
    ("Kravanh Group chairman Oknha Lim Sovann said the plant would employ 900 people.", "lim-sovann"),
])
def test_burmese_and_cambodian_honorifics_are_no_part_of_the_name(gaz, text, person):
    assert person in {c.id for c in cands(run(gaz, text, date="2026-12-10"), "people")}


def _partnerships(result):
    return {frozenset(c.record["partners"]): c.record for c in cands(result, "partnerships")}


@pytest.mark.parametrize("opening", [
    "The government approved the investment programme of Lanmei Sevan Motors CJSC, a joint venture that will "
    "assemble buses in Hrazdan.",
    "The government approved the investment programme of Lanmei Sevan Motors CJSC in Hrazdan.",
])
def test_a_company_founded_by_two_with_their_shares_is_their_venture(gaz, opening):
    text = (f"{opening} The company was founded by China's Lanmei Electric Vehicle Co. (51%) and Sevan "
            "Industrial Group CJSC (49%).")
    jv = _partnerships(run(gaz, text, date="2026-12-10"))[frozenset({"lanmei-electric-vehicle-co",
                                                                    "sevan-industrial-group-cjsc"})]
    assert jv["kind"] == "joint-venture" and jv["company"] == "lanmei-sevan-motors-cjsc"
    assert jv["majority_partner"] == "lanmei-electric-vehicle-co"


def test_a_name_without_its_group_word_and_legal_form_used_after_it_is_the_same_company(gaz):
    text = ("Lanmei, Galle Auto ink e-bus deal\n\nLanmei Electric Vehicle Co. Ltd. and Galle Auto Industries PLC "
            "signed an agreement yesterday. The plant will be run by a joint venture in which Lanmei holds 70% and "
            "Galle Auto the remaining 30%.")
    result = run(gaz, text, date="2026-12-10")
    assert "galle-auto" not in _org_ids(result)
    assert frozenset({"lanmei-electric-vehicle-co-ltd", "galle-auto-industries-plc"}) in _partnerships(result)


def test_shareholders_listed_with_their_shares_each_hold_a_stake(gaz):
    text = ("Galle Auto Industries PLC shares closed at Rs. 48.70 yesterday. The company's major shareholders are "
            "Unawatuna Capital Ltd. (32.6%), Weligama Investments (Pvt.) Ltd. (17.9%) and Koggala Trust Ltd. (5.1%), "
            "according to its interim report.")
    stakes = {(c.record["investor"], c.record["investee"]) for c in cands(run(gaz, text, date="2026-12-10"),
                                                                           "investments")}
    assert stakes == {(holder, "galle-auto-industries-plc") for holder in
                      ("unawatuna-capital-ltd", "weligama-investments-pvt-ltd", "koggala-trust-ltd")}


@pytest.mark.parametrize("second", ["The Jamaican group", "Blue Mountain"])
def test_the_rest_held_by_a_partner_described_in_a_relative_clause_makes_a_venture(gaz, second):
    text = ("CHINESE bus maker Lanmei New Energy Bus Co., Ltd and Mandeville-based Blue Mountain Group Limited will "
            "spend US$32 million on a bus plant at the Caymanas Special Economic Zone in St Catherine. The two "
            "companies signed the agreement in Kingston on Monday in the presence of the minister. The new company, "
            "Lanmei Blue Mountain Motors Limited, is 55 per cent owned by Lanmei. "
            f"{second}, whose interests span coffee, haulage and quarrying, holds the remaining 45 per cent.")
    jv = _partnerships(run(gaz, text, date="2026-12-10"))[frozenset({"lanmei-new-energy-bus-co-ltd",
                                                                    "blue-mountain-group-limited"})]
    assert jv["company"] == "lanmei-blue-mountain-motors-limited"
    assert jv["majority_partner"] == "lanmei-new-energy-bus-co-ltd"


def _markets(result):
    return {(c.record["exporter"], c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")}


def test_output_going_to_buyers_in_countries_is_exported_there_but_not_to_a_home_town(gaz):
    text = ("Lanmei Tech will build a cell plant in Dunaújváros. According to its president, roughly two-thirds of "
            "the output will go to carmakers in Germany, Slovakia and Austria. The first 300 vehicles will go to "
            "operators in Soweto next year.")
    markets = _markets(run(gaz, text, date="2026-12-10"))
    assert {("lanmei-tech", m, "exports-to") for m in ("germany", "slovakia", "austria")} <= markets
    assert not any(m == "soweto" for _, m, _ in markets)


def test_a_currency_code_after_an_amount_is_no_company(gaz):
    text = ("According to the programme, 18.6 billion drams (about 48 million USD) will be invested in 2027-2029 in "
            "a bus plant in Hrazdan by Lanmei Sevan Motors CJSC.")
    result = run(gaz, text, date="2026-12-10")
    assert not any(c.record.get("label") == "USD" for c in cands(result, "organizations"))
