"""Forms found on the round-28 samples (an EV venture in Iran's Aras Free Zone, a Taiwanese supplier's assembly venture
in Rayong, electric trucks and swap stations on Kenya's Northern Corridor, electric haul trucks at a lithium mine in
Salta, an e-motorcycle plant in Batu Kawan, e-taxis and a robotaxi pilot in Manila) once their unseen scores were
recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _ids(result, file):
    return {c.record["id"] for c in cands(result, file)}


def test_a_short_name_in_a_photo_caption_above_the_dateline_is_the_company_the_body_names_in_full(gaz):
    result = run(gaz, "China's Huaiyang picks Kedah for e-bus plant\n\nBy Aminah Yusof\n\nBuses wait at a depot in "
                      "Alor Setar. Huaiyang says its buses will run on local routes. — Picture by Hafiz Roslan\n\n"
                      "ALOR SETAR, Dec 3 — Chinese bus maker Huaiyang Electric Bus Co., Ltd. will build a bus plant "
                      "in Kedah.\n\nHuaiyang chairman Li Wen said the plant would open in 2027.", date="2026-12-03")
    orgs = _ids(result, "organizations")
    assert "huaiyang-electric-bus-co-ltd" in orgs and "huaiyang" not in orgs
    operators = {o for c in cands(result, "sites") for o in c.record["operator"]}
    assert operators == {"huaiyang-electric-bus-co-ltd"}  # (the photographer is no company with a plant)
    assert "hafiz-roslan" not in _ids(result, "people")


def test_a_venture_between_a_short_name_and_a_company_with_a_legal_form_is_two_companies_and_listed_is_no_name(gaz):
    result = run(gaz, "Chinese scooter maker Qianhe Electric Co., Ltd. will build a plant in Kulim. The plant will be "
                      "owned by a joint venture between Qianhe and Cempaka Mobility Sdn Bhd, a unit of Bursa "
                      "Malaysia-listed Seroja Holdings Bhd.", date="2026-12-08")
    orgs = _ids(result, "organizations")
    assert {"qianhe-electric-co-ltd", "cempaka-mobility-sdn-bhd", "seroja-holdings-bhd"} <= orgs
    assert not any("and" in o.split("-") or "listed" in o for o in orgs), orgs
    pairs = partner_pairs(result)
    assert frozenset({"qianhe-electric-co-ltd", "cempaka-mobility-sdn-bhd"}) in pairs


def _roles(result):
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")}


def test_a_state_chief_minister_with_an_honorific_of_rank_is_a_person_of_the_state(gaz):
    result = run(gaz, "Penang Chief Minister Datuk Seri Tan Boon Keat, who attended the launch, said the state would "
                      "offer land.", date="2026-12-08")
    assert ("tan-boon-keat", "penang", "Chief Minister") in _roles(result)


@pytest.mark.parametrize("text, person, country, title", [
    ("Investment, Trade and Industry Minister Datuk Seri Dr Hamzah Rahman said the project in Malaysia was "
     "approved.", "hamzah-rahman", "malaysia", "Investment, Trade and Industry Minister"),
    ("Deputy Roads, Housing and Urban Development Minister Reza Ahmadi, who attended the ceremony, said Iran would "
     "build the road.", "reza-ahmadi", "iran", "Deputy Roads, Housing and Urban Development Minister")])
def test_a_ministers_portfolio_listed_with_commas_is_the_whole_title_and_no_list_of_companies(gaz, text, person,
                                                                                              country, title):
    result = run(gaz, text, date="2026-12-08")
    assert (person, country, title) in _roles(result)
    assert not cands(result, "organizations")


@pytest.mark.parametrize("subject", ["the two sides", "the two companies", "the parties"])
def test_a_venture_named_by_the_pair_named_before_is_their_joint_venture(gaz, subject):
    result = run(gaz, "Kenya's Tana Motors Ltd and China's Beiyu Automobile Group signed an agreement in Mombasa on "
                      f"Friday. Under the agreement, {subject} will set up a joint venture named Beiyu Tana Assembly "
                      "Company.", date="2026-12-08")
    ventures = [c.record for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture"]
    assert [(set(v["partners"]), v.get("company")) for v in ventures] == [
        ({"tana-motors-ltd", "beiyu-automobile-group"}, "beiyu-tana-assembly-company")]


def test_the_output_exported_in_the_passive_is_the_plant_operators(gaz):
    result = run(gaz, "Beiyu Automobile Group will build a truck plant in Naivasha. According to the zone's managing "
                      "director, about 30 percent of the output will be exported to Uganda, Rwanda and Burundi.",
                 date="2026-12-08")
    sold = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert sold == {("beiyu-automobile-group", m) for m in ("uganda", "rwanda", "burundi")}


def test_a_name_ending_in_manufacturers_is_a_company_and_its_acronym_names_it(gaz):
    result = run(gaz, "The buses will be assembled by Uganda Coach Manufacturers (UCM) at its plant in Jinja. UCM "
                      "has built trucks since 2019.", date="2026-12-08")
    orgs = _ids(result, "organizations")
    assert "uganda-coach-manufacturers" in orgs and "ucm" not in orgs


def test_a_spelled_out_airport_or_district_before_its_acronym_is_a_place_and_the_acronym_names_it(gaz):
    result = run(gaz, "Lanao Transport Corp. will buy 300 sedans to serve the Mactan Cebu International Airport "
                      "(MCIA). Its robotaxis will run in Cebu Business Park City (CBPC) from 2027. MCIA and CBPC are "
                      "busy.", date="2026-12-08")
    places = {c.record["id"]: c.record.get("kind") for c in cands(result, "places")}
    assert places.get("mactan-cebu-international-airport") == "airport"
    assert places.get("cebu-business-park-city") == "district"
    assert not {"mactan-cebu-international-airport", "cebu-business-park-city", "mcia", "cbpc"} & _ids(
        result, "organizations")


@pytest.mark.parametrize("text", [
    "Ruoyu Automobile Co. Ltd. makes cars in Hefei. Dalisay Mobility Corp. has been the Chinese carmaker's exclusive "
    "distributor in the Philippines since April 2024.",
    "Dalisay Mobility Corp., which has been Ruoyu Automobile Co. Ltd.'s exclusive distributor in the Philippines "
    "since April 2024, sold 1,870 cars."])
def test_a_distributor_of_the_carmaker_named_by_an_anaphor_or_in_a_relative_clause_is_its_partner(gaz, text):
    result = run(gaz, text, date="2026-12-11")
    pairs = partner_pairs(result)
    assert pairs == {frozenset({"ruoyu-automobile-co-ltd", "dalisay-mobility-corp"})}


def test_the_carmaker_of_one_nation_never_stands_for_a_company_described_as_of_another(gaz):
    result = run(gaz, "Chinese electric vehicle maker Zhaoyang Auto is in talks with Kessler Werke to take over the "
                      "German carmaker's idle plant in Zweibruecken.", date="2026-11-30")
    operators = {o for c in cands(result, "sites") for o in c.record["operator"]}
    assert "zhaoyang-auto" not in operators


@pytest.mark.parametrize("text, buyer", [
    ("Ruoyu Automobile Co. Ltd. makes cars. Under the deal, Dalisay's taxi subsidiary, Banaba Transport Corp., will "
     "buy 800 Ruoyu sedans to serve the airport.", "banaba-transport-corp"),
    ("Ruoyu Automobile Co. Ltd. makes scooters. Seroja Rider Leasing Sdn Bhd will buy 2,500 Ruoyu scooters to rent "
     "out to delivery riders.", "seroja-rider-leasing-sdn-bhd")])
def test_a_unit_named_in_apposition_that_buys_sedans_or_scooters_is_the_makers_customer(gaz, text, buyer):
    result = run(gaz, text, date="2026-12-11")
    pairs = partner_pairs(result)
    assert frozenset({"ruoyu-automobile-co-ltd", buyer}) in pairs
    assert not any("dalisay" in p for pair in pairs for p in pair)


def test_a_based_in_city_before_a_title_is_no_title_word_nor_a_company_named_after_the_city(gaz):
    result = run(gaz, "Other brands showed trucks at the Kampala International Trade Show in October.\n\n"
                      "Kampala-based transport economist Ruth Nakato of Mabira Analytics said the deal would test "
                      "electric trucks.", date="2026-12-08")
    assert ("ruth-nakato", "mabira-analytics", "transport economist") in _roles(result)
