"""Authorities in trade-policy news: short names in brackets (:mod:`nevkg.ingest.extract.acronyms`), customs
offices, committees and directorates as government bodies (:mod:`.name_patterns`, :mod:`.ner_types`),
ministries named without their country (:mod:`.org_forms`, ``dateline_country``). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.acronyms import fits_name
from tests.ingest.extract.conftest import records


def orgs(result) -> dict[str, dict]:
    return {r["label"]: r for r in records(result, "organizations")}


@pytest.mark.parametrize("text, name, short", [
    ("The Korea Automobile Manufacturers Association (KAMA) welcomed the decision, KAMA chairman Kim Joon said.",
     "Korea Automobile Manufacturers Association", "KAMA"),
    ("Exporters must register with the Federal Trade Licensing Bureau (FTLB). The FTLB will publish a list.",
     "Federal Trade Licensing Bureau", "FTLB"),
    ("According to the Andean Motor Industry Federation (AMIF), sales fell in May.",
     "Andean Motor Industry Federation", "AMIF"),
])
def test_capitals_in_brackets_after_an_organisation_are_its_short_name(run, text, name, short):
    found = orgs(run(text))
    assert short in found[name].get("aliases", [])
    assert short not in found  # never a company of its own


def test_a_role_held_at_the_short_name_is_held_at_the_organisation(run):
    text = "The Korea Automobile Manufacturers Association (KAMA) backed the plan, KAMA chairman Kim Joon said."
    (role,) = records(run(text), "roles")
    assert role["organization"] == "korea-automobile-manufacturers-association"


@pytest.mark.parametrize("acronym, name, fits", [
    ("MOFCOM", "Ministry of Commerce", True), ("BOI", "Thailand Board of Investment", True),
    ("EU", "Ministry of Commerce", False), ("CEO", "Korea Automobile Manufacturers Association", False),
])
def test_an_acronym_fits_a_name_when_its_letters_come_from_it_in_order(acronym, name, fits):
    assert fits_name(acronym, name) is fits


@pytest.mark.parametrize("text, name, country", [
    ("The State Customs Committee of Uzbekistan will collect the new levy.", "State Customs Committee",
     "uzbekistan"),
    ("Peru's National Customs Directorate said the rule starts in June.", "National Customs Directorate", "peru"),
])
def test_customs_committees_and_directorates_are_government_bodies_of_their_country(run, text, name, country):
    rec = orgs(run(text))[name]
    assert rec["kind"] in {"government-body", "customs-office"} and rec["country"] == country
    assert "parent" not in rec  # not an office of China's customs


def test_a_chinese_city_customs_office_is_an_office_of_chinas_customs(run):
    rec = orgs(run("Officials at Shenzhen Customs said inspections had doubled."))["Shenzhen Customs"]
    assert rec["parent"] == "general-administration-of-customs"


@pytest.mark.parametrize("text", [
    "Trade ministry spokesperson Ana Ruiz said the rules would apply to every exporter.",
    "Commerce ministry officials met exporters on Monday.",
])
def test_a_ministry_named_by_its_area_at_a_sentence_start_is_a_ministry(run, text):
    found = orgs(run(text))
    assert any(r["kind"] == "ministry" and r["label"].startswith("Ministry of ") for r in found.values())
    assert not {"Trade", "Commerce"} & set(found)


@pytest.mark.parametrize("text", [
    "HANOI, May 4 (Reuters) -- The commerce ministry will require permits for scooter exports to Cambodia, "
    "officials said. Vietnam shipped 90,000 scooters last year.",
    "Vietnam's scooter exports rose. In Hanoi, the commerce ministry said it would publish new rules.",
])
def test_a_ministry_without_its_country_is_the_datelines_or_the_capitals_country(run, text):
    found = orgs(run(text))
    assert found["Ministry of Commerce"]["country"] == "vietnam"


@pytest.mark.parametrize("text", [
    "BEIJING, May 3 (Xinhua) -- The commerce ministry and customs administration will require licences for "
    "exports of electric scooters from June 1, 2027.",
    "China's customs administration said it would check every shipment of battery packs.",
])
def test_a_countrys_customs_administration_in_lower_case_is_its_known_customs_office(run, text):
    result = run(text)
    assert any(m.id == "general-administration-of-customs" for m in result.mentions)


@pytest.mark.parametrize("text", [
    "BEIJING, May 3 (Xinhua) -- China's commerce ministry and customs administration on Friday announced export "
    "licence rules for electric scooters, effective June 1, 2027.",
    "LIMA, May 3 (Reuters) -- Peru's trade ministry on Monday announced export permit rules for copper scrap, "
    "effective June 1, 2027.",
])
def test_an_authority_is_never_an_exporter_and_export_licences_are_no_trade(run, text):
    assert records(run(text), "market_presence") == []


def test_a_ministry_named_again_by_its_area_or_alone_is_the_one_named_before(run):
    text = ("Peru's Ministry of Industry and Trade will require permits for scrap exports. The industry ministry "
            "said the permits take ten days. Ministry spokesperson Rosa Quispe said the rule was final.")
    result = run(text)
    found = orgs(result)
    assert list(found) == ["Ministry of Industry and Trade"]
    (role,) = records(result, "roles")
    assert role["organization"] == found["Ministry of Industry and Trade"]["id"]


@pytest.mark.parametrize("text", [
    "The Ministry of Commerce (MOFCOM) said on Friday the rules would apply from June. Its spokeswoman, Wang "
    "Fang, said exporters had been consulted.",
    "Wang Fang, a spokeswoman for the Ministry of Commerce (MOFCOM), said the list would grow.",
])
def test_a_name_whose_bracketed_short_name_is_known_is_that_known_organisation(run, text):
    result = run(text)
    assert "Ministry of Commerce" not in orgs(result)
    (role,) = records(result, "roles")
    assert role["organization"] == "mofcom"


@pytest.mark.parametrize("text, known", [
    ("BEIJING, May 3 (Xinhua) -- The commerce ministry said exporters of scooters will need licences.", "mofcom"),
    ("BEIJING, May 3 (Xinhua) -- The General Administration of Customs said inspections will rise.",
     "general-administration-of-customs"),
    ("Peru's trade rules changed. In Beijing, the commerce ministry said it would respond.", "mofcom"),
])
def test_a_known_authority_the_text_places_in_its_country_gets_that_country_stated(run, text, known):
    stated = [r for r in records(run(text), "organizations") if r["id"] == known]
    assert stated and stated[0]["country"] == "china"


def test_a_known_authority_named_without_its_country_states_none(run):
    text = "The General Administration of Customs said inspections will rise."
    assert not [r for r in records(run(text), "organizations") if r["id"] == "general-administration-of-customs"]
