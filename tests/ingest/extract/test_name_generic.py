"""Capitalised words that name nothing, and one organisation written with and without its legal form; on
sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from nevkg.ingest.extract.name_generic import generic_name


def ids(gaz, text):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    return {m.id: m.file for m in result.mentions}


@pytest.mark.parametrize("name", ["In March", "Last Year", "In The Region", "the Company", "Group's",
                                  "Board of Directors", "Minister of Industry", "Chief Operating Officer",
                                  "The Government", "On Friday", "Overseas Chief", "Regional President",
                                  "the Grand Duchy", "The Kingdom"])
def test_phrases_that_name_nothing(name):
    assert generic_name(name)


@pytest.mark.parametrize("name", ["State Council", "Ministry of Industry", "Office of the President",
                                  "March Motors", "Velmora Group", "Region of Murcia", "In Motion Ltd",
                                  "Czech Republic", "United Kingdom", "Russian Federation"])
def test_names_stay_names(name):
    assert not generic_name(name)


@pytest.mark.parametrize("text, bad", [
    ("In March, Velmora Motors and Kestrel Mobility signed a cooperation agreement.", "in-march"),
    ("Velmora Motors said the Company would hire 300 staff in Peru.", "company"),
    ("Orvista Group said the Group's board backed the plan.", "group"),
    ("The Board of Directors of Orvista Group approved the plant in Peru.", "board-of-directors"),
    ("Ana Ruiz, the Minister of Industry, visited the Velmora Motors plant in Peru.", "minister-of-industry"),
    ("Together, Chery and Geely control a third of the Chilean market.", "together"),
    ("Speaking in Lima, Chery's Overseas Chief said the brand would enter Peru.", "overseas-chief"),
])
def test_generic_names_are_not_proposed(gaz, nlp_pipeline, text, bad):
    assert bad not in ids(gaz, text)


@pytest.mark.parametrize("text, full, short", [
    ("Velmora Motors Co. opened a plant in Peru on Monday. Velmora Motors' chairman Zhou Lin said the plant would "
     "export to Chile.", "velmora-motors-co", "velmora-motors"),  # without its legal form
    ("Andes Velmora Motor Peru said on Monday it would build a plant in Lima. The company, earlier called Velmora "
     "Motor Peru, sells cars in Chile.", "andes-velmora-motor-peru", "velmora-motor-peru"),  # without its first word
    ("Velmora Robotics won a testing permit in Luxembourg on Monday. Velmora will run the cars with a local "
     "partner.", "velmora-robotics", "velmora"),  # without its trade word
    ("Velmora Motors Brasil will sell the cars. Velmora Motors do Brasil said sales would start in May.",
     "velmora-motors-do-brasil", "velmora-motors-brasil"),  # without its connecting word
])
def test_a_shorter_name_of_a_new_company_is_the_same_company(gaz, nlp_pipeline, text, full, short):
    found = {i for i, f in ids(gaz, text).items() if f == "organizations"}
    assert full in found and short not in found


def test_a_lowercase_grouping_of_markets_is_no_named_place(gaz, nlp_pipeline):
    found = ids(gaz, "Velmora Motors wants to grow in overseas markets and in Europe.")
    assert "europe" in found and "overseas-markets" not in found


def test_a_region_after_a_title_is_not_a_person(gaz, nlp_pipeline):
    text = "Orvista Group said its new Managing Director would oversee Latin America."
    assert ids(gaz, text).get("latin-america") != "people"


@pytest.mark.parametrize("text, city", [("LIMA: Velmora Motors will open a plant in Peru next year.", "lima"),
                                        ("NAIROBI: Velmora Motors will open a plant in Kenya.", "nairobi")])
def test_a_dateline_in_capitals_is_a_city(gaz, nlp_pipeline, text, city):
    assert ids(gaz, text)[city] == "places"


@pytest.mark.parametrize("text, model", [
    ("Its best sellers are the Falcon EV and the Sparrow EV.", "falcon-ev"),
    ("Velmora Motors launched the Heron EV in Peru last week.", "heron-ev"),
])
def test_a_name_ending_in_a_powertrain_tag_is_a_vehicle_model(gaz, nlp_pipeline, text, model):
    assert ids(gaz, text)[model] == "vehicle_models"


def test_two_companies_the_parser_joined_stay_apart_from_the_second(gaz, nlp_pipeline):
    from nevkg.ingest.extract.mentions import _Entities
    from nevkg.ingest.extract.model import Mention
    from nevkg.ingest.extract.name_merges import merge_legal_forms

    E = _Entities("Haiyue Auto Beiling Technology … Beiling Technology … Haiyue Auto", gaz)
    for s, name in [(0, "Haiyue Auto Beiling Technology"), (33, "Beiling Technology"), (54, "Haiyue Auto")]:
        rid = E._new_id(name, "organizations")
        E._add_new({"id": rid, "label": name, "kind": "company"},
                   Mention(s, s + len(name), name, "organizations", rid, False, "company", "ner:ORG", 0.6, name))
    merge_legal_forms(E)
    assert "beiling-technology" in E.new


@pytest.mark.parametrize("text, want", [
    ("Chery said Zentra and Lumo Iberia S.A. will open 30 showrooms in Spain.", "zentra-and-lumo-iberia-s-a"),
    ("While it has 40 dealers, Orvo and Tarsa UK Ltd wants 80 by the end of the year.", "orvo-and-tarsa-uk-ltd"),
    ("The cars are sold by Orvo and Tarsa Poland Ltd in Warsaw.", "orvo-and-tarsa-poland-ltd"),
])
def test_a_company_named_after_two_brands_is_one_name(gaz, nlp_pipeline, text, want):
    assert ids(gaz, text).get(want) == "organizations"


@pytest.mark.parametrize("text, want", [
    ("The rules were issued with the Ministry of Industry and Information Technology on Friday.",
     "ministry-of-industry-and-information-technology"),
    ("Peru's Ministry of Transport and Communications approved the permit for Velmora Motors.",
     "ministry-of-transport-and-communications"),
])
def test_a_ministry_of_two_fields_is_one_body(gaz, nlp_pipeline, text, want):
    assert ids(gaz, text).get(want) == "organizations"


def test_two_full_names_joined_by_and_stay_two(gaz, nlp_pipeline):
    found = ids(gaz, "It partnered with Velmora New Energy Group and Orvo Mobility Ltd. to run 40 stores in Spain.")
    assert not any(i.startswith("group-and") for i in found)


def test_a_numbered_announcement_is_a_policy_and_a_document_word_no_name(gaz, nlp_pipeline):
    text = ("The Customs Tariff Commission said its Announcement No. 12 of 2026 takes effect on Nov. 1. According to "
            "the Announcement, exporters need licences. The Guidelines will be reviewed every year.")
    result = extract(text, gaz, article_date="2026-10-10", source_id="test-source")
    files = {c.record.get("label"): c.file for c in result.candidates}
    assert files.get("Announcement No. 12 of 2026") == "policies"  # the year is part of its name
    assert "Announcement" not in files and "Guidelines" not in files
