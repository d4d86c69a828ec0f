"""Name forms found by an audit of the dev samples' false relations (round 6): a national capital is a place whatever
the parser calls it; an organisation quoted through one of its officers is no source of figures; a city after a
locative is no short name of a fund named for it; names cut at a pattern's edge or ending in a function word; names
the parser joined with "and" (split by name_checks); a place suffix inside a longer name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


@pytest.mark.parametrize("text", [
    "Chinese carmakers tell Lisbon to keep its incentives. Korvell Motors sells vans in Portugal.",
    "Korvell Motors opened an office in Vienna, its first in Austria.",
])
def test_a_national_capital_is_a_city(run, text):
    result = run(text)
    name = "Lisbon" if "Lisbon" in text else "Vienna"
    (m,) = [m for m in result.mentions if m.text == name]
    assert (m.file, m.kind) == ("places", "city")
    assert not [r for r in records(result, "organizations") if r["label"] == name]


def test_a_company_quoted_through_its_officer_is_still_the_company_spoken_of(run):
    result = run("Dealers in Hungary were sceptical, said Anna Berg of Orbis Advisory. Not so, according to "
                 "Korvell Motors' chief financial officer, Li Wen. \"We are ready,\" he said. The company's plant in "
                 "Szeged, Hungary, will open in 2027.")
    assert [r["operator"] for r in records(result, "sites")] == [["korvell-motors"]]


def test_a_company_cited_for_its_data_is_still_a_source(run):
    for text in ("Korvell Motors sold 4,000 vans in Chile in May, according to Orbis Research Ltd's data.",
                 "Korvell Motors sold 4,000 vans in Chile in May, according to Orbis Research Ltd."):
        result = run(text)
        assert [r.get("subject") for r in records(result, "observations")] == ["korvell-motors"]
        assert [m.compiler for m in result.mentions if m.text.startswith("Orbis")] == [True]


def test_a_city_named_after_a_locative_is_no_short_name_of_a_fund_named_for_it(run):
    result = run("Korvell Motors said its home plant in Hanzhong will ship vans to Chile and Peru. Hanzhong "
                 "Industrial Fund, the city's state investor, holds 5% of Korvell Motors.")
    (m,) = [m for m in result.mentions if m.text == "Hanzhong" and m.start < 60]
    assert m.file == "places"
    assert {r["exporter"] for r in records(result, "market_presence")} <= {"korvell-motors"}


@pytest.mark.parametrize("text, name", [
    ("The partners are Orvane Mobility, Northern Star Charging Pty Ltd, Tallis Power and the city council.",
     "Northern Star Charging Pty Ltd"),
    ("Orvane Mobility and Southern Cross Fleet Services GmbH will run the depot.", "Southern Cross Fleet Services GmbH"),
])
def test_a_listed_company_with_a_legal_form_keeps_its_whole_name(run, text, name):
    result = run(text)
    assert name in {r["label"] for r in records(result, "organizations")}
    assert not [r for r in records(result, "organizations") if r["label"] != name and name.endswith(r["label"])]


def test_a_name_never_ends_in_a_function_word(run):
    result = run("Councillors leased a disused depot at Eagle Farm to Southern Cross Charging Pty Ltd, which will "
                 "build a charging hub there.")
    labels = {m.label or m.text for m in result.mentions}
    assert "Eagle Farm" in labels and not any(lab.endswith(" to") for lab in labels)


def test_a_short_name_joined_to_a_known_company_is_the_fuller_name_of_the_text(run):
    result = run("Ostrava Autonomy, a developer of self-driving software, runs robotaxis in Shenzhen. The cars are "
                 "offered through Uber under an agreement that Ostrava and Uber signed in July.")
    assert {m.id for m in result.mentions if m.text.startswith("Ostrava")} == {"ostrava-autonomy"}
    assert not [r for r in records(result, "organizations") if " and " in r["label"]]


def test_a_body_named_with_two_common_nouns_stays_one_name(run):
    result = run("The Ministry of Trade and Customs said trade with Chile grew. Customs officers checked the cars.")
    assert not [r for r in records(result, "organizations") if r["label"] == "Trade"]


def test_a_place_suffix_inside_a_longer_name_makes_no_place(run):
    result = run("Orvane Mobility will test driverless shuttles at the Grand Port Fluvial de Lyon from January.")
    assert not [r for r in records(result, "places") if r["label"] in {"Grand", "Grand Port"}]
