"""Checks on the parser's names before relations are read (:mod:`nevkg.ingest.extract.name_checks`).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def labels(result, file: str) -> set[str]:
    return {r["label"] for r in records(result, file)}


def exporters(result) -> set[str]:
    return {r["exporter"] for r in records(result, "market_presence")}


@pytest.mark.parametrize("text, name", [
    ("Lianfeng Electric shipped 38,000 vehicles abroad in the first half. Brazil was its largest foreign market.",
     "Lianfeng Electric"),
    ("Dongrui Motors exported 9,000 buses to Chile last year, its finance chief said.", "Dongrui Motors"),
])
def test_a_person_named_like_a_company_is_an_organisation(run, text, name):
    result = run(text)
    assert name in labels(result, "organizations")
    assert name not in labels(result, "people")
    assert exporters(result) == {name.lower().replace(" ", "-")}


@pytest.mark.parametrize("text, person", [
    ("Maria Costa, its overseas president, told reporters in Lima that sales had doubled.", "Maria Costa"),
    ("Sales chief Ali Reza said Velmora Motors would open ten stores in Oman.", "Ali Reza"),
])
def test_a_persons_name_stays_a_person(run, text, person):
    assert person in labels(run(text), "people")


@pytest.mark.parametrize("text, company", [
    ("Robotaxi operator Yuntu Mobility has received a permit to test driverless cars in Abu Dhabi.",
     "Yuntu Mobility"),
    ("Battery maker Qinglan Power will supply cells to Velmora Motors from a plant in Debrecen.", "Qinglan Power"),
])
def test_a_trade_descriptor_opening_a_sentence_is_no_organisation(run, text, company):
    result = run(text)
    orgs = labels(result, "organizations")
    assert company in orgs
    assert not orgs & {"Robotaxi", "Battery"}
    for rec in records(result, "partnerships") + records(result, "deployments"):
        assert "robotaxi" not in str(rec.get("partners")) and rec.get("operator") != "robotaxi"


@pytest.mark.parametrize("text, maker", [
    ("Renault supplier Qinglan Power will open a cell plant near Valladolid next year.", "Renault"),
    ("Hyundai partner Yuntu Mobility has started robotaxi trials in Seoul.", "Hyundai"),
])
def test_a_known_carmaker_opening_a_sentence_before_a_trade_noun_stays(run, text, maker):
    assert maker in labels(run(text), "organizations")


def test_a_one_word_name_that_opens_a_sentence_elsewhere_stays(run):
    result = run("Velmora Motors signed a deal with Kestrel. Kestrel operates 300 taxis in Dubai.")
    assert "Kestrel" in labels(result, "organizations")


@pytest.mark.parametrize("text, model, owner", [
    ("Tianlu Group's Bangkok plant assembles its Aurora sedan and exports it to Malaysia.", "Aurora",
     "tianlu-group"),
    ("Velmora Motors will build the group's new Lynx SUV in Izmir from next year.", "Lynx", "velmora-motors"),
])
def test_a_name_between_a_possessive_and_a_body_style_is_a_model(run, text, model, owner):
    result = run(text)
    (rec,) = [r for r in records(result, "vehicle_models") if r["label"] == model]
    assert rec["maker"] == owner
    assert model not in labels(result, "organizations")
    assert all(model.lower() not in rec["partners"] for rec in records(result, "partnerships"))
    assert all(rec["exporter"] != model.lower() for rec in records(result, "market_presence"))


def test_a_company_before_a_body_style_without_a_possessive_stays_a_company(run):
    result = run("Velmora Motors and Kestrel signed a deal. Kestrel vans will be sold in Oman.")
    assert "Kestrel" in labels(result, "organizations")


@pytest.mark.parametrize("text, a, b", [
    ("A venture between Kestrel Auto and Andes Motors will build buses in Lima.", "kestrel-auto", "andes-motors"),
    ("The joint venture between Fengtai Auto and Thai Union Motors, in which Fengtai holds 49%, will make pickups "
     "in Chonburi.", "fengtai-auto", "thai-union-motors"),
])
def test_two_companies_joined_by_and_are_two_names(run, text, a, b):
    result = run(text)
    orgs = {r["id"] for r in records(result, "organizations")}
    assert {a, b} <= orgs
    assert not any(" and" in r["label"] for r in records(result, "organizations"))
    assert [sorted(r["partners"]) for r in records(result, "partnerships")] == [sorted([a, b])]


@pytest.mark.parametrize("text, name", [
    ("Procter and Gamble Holdings opened an office in Lima.", "Procter and Gamble Holdings"),
    ("Kestrel and Andes Motors opened a showroom in Lima.", "Kestrel and Andes Motors"),
])
def test_a_name_with_and_whose_first_part_is_no_company_stays_whole(run, text, name):
    result = run(text)
    assert name in labels(result, "organizations")
    assert [m.text for m in result.mentions if m.file == "organizations"] == [name]


@pytest.mark.parametrize("text, place", [
    ("Under the agreement signed in Jakarta, Gaoyuan Motors will supply 5,000 buses to the city.", "Jakarta"),
    ("Under a deal signed in Surabaya, Kestrel Auto will supply 300 buses to Velmora Motors.", "Surabaya"),
])
def test_a_place_after_in_that_a_list_rule_made_a_company_is_a_place_again(run, text, place):
    result = run(text)
    assert place not in labels(result, "organizations")
    assert any(m.text == place and m.file == "places" for m in result.mentions)
    assert not any(place.lower() in r["partners"] for r in records(result, "partnerships"))


@pytest.mark.parametrize("text, company", [
    ("Kestrel Auto invested in Orvan Group, a bus maker based in Lima.", "Orvan Group"),
    ("Velmora Motors signed a supply deal with Andes Motors in Lima.", "Andes Motors"),
])
def test_a_company_after_in_stays_a_company(run, text, company):
    assert company in labels(run(text), "organizations")


@pytest.mark.parametrize("text, company, market", [
    ("Shenghua Motors already sells cars in Italy through importer Autoitalia.", "Autoitalia", "italy"),
    ("Kestrel Auto sells its buses in Chile through local distributor Andesur.", "Andesur", "chile"),
])
def test_a_place_named_after_a_company_role_noun_is_an_organisation(run, text, company, market):
    result = run(text)
    assert company in labels(result, "organizations")
    assert {r["market"] for r in records(result, "market_presence")} == {market}


@pytest.mark.parametrize("text, place", [
    ("Velmora Motors sells vans in Peru through a dealer in Trujillo.", "Trujillo"),
    ("Kestrel Auto opened a showroom in Arequipa.", "Arequipa"),
])
def test_a_place_after_a_preposition_stays_a_place(run, text, place):
    assert any(m.text == place and m.file == "places" for m in run(text).mentions)
