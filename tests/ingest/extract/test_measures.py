"""Policy measures named by their head and scope, with issuer, places covered, companies hit and start
(:mod:`nevkg.ingest.extract.measures`, :mod:`nevkg.ingest.extract.relations_policy`). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def measures(result) -> list[dict]:
    return [r for r in records(result, "policies") if not r["label"].endswith("trade measure")]


def only(result) -> dict:
    (rec,) = measures(result)
    return rec


# ---------------------------------------------------------------------------------------------- names
@pytest.mark.parametrize("text, label", [
    ("Mexico will impose a 50 percent tariff on all Korean-made motorcycles, the ministry said.",
     "tariff on Korean-made motorcycles"),
    ("Officials in Lima levied a 15% surtax on imported electric bicycles last week.",
     "surtax on imported electric bicycles"),
    ("From May 2, exporters need an export licence for lithium battery packs.", "export licence for lithium battery packs"),
    ("Chile confirmed a ban on combustion-engine taxis in the capital.", "ban on combustion-engine taxis"),
])
def test_a_measure_is_named_by_head_and_scope_without_rate_or_quantifier(run, text, label):
    assert only(run(text))["label"] == label


@pytest.mark.parametrize("text, label", [
    ("Importers already pay the current 8 percent Reciprocal Access import tariff.",
     "Reciprocal Access import tariff"),
    ("Peru granted assemblers a temporary duty-waiver quota worth $40mn.", "duty-waiver quota"),
])
def test_a_measure_without_scope_counts_when_its_words_name_it(run, text, label):
    assert only(run(text))["label"] == label


@pytest.mark.parametrize("text", [
    "Importers will pay higher import duties next year.",
    "The company said tariffs were hurting its margins.",
    "Ottawa added a duty on top of its standard fee.",
    "Kits will pay no import levies for three years.",
])
def test_generic_measure_words_name_no_measure(run, text):
    assert measures(run(text)) == []


@pytest.mark.parametrize("text", [
    "Countries that backed EU duties on Korean electric vans lost the plant.",
    "Carmakers worried about Brazil's import tariffs on electric buses, analysts said.",
])
def test_a_measure_named_only_in_passing_is_not_proposed(run, text):
    assert measures(run(text)) == []


def test_a_measure_referred_back_to_is_not_a_new_one(run):
    text = ("Peru will charge a 20 percent levy on imported scooters. This levy will also apply to mopeds. "
            "The same levies on spare parts are not planned.")
    assert [r["label"] for r in measures(run(text))] == ["levy on imported scooters"]


@pytest.mark.parametrize("text", [
    "Chile brought forward a duty increase for imported hybrid buses. The duty hike for imported hybrid buses "
    "had been due in 2028.",
    "A levy rise for imported hybrid buses was approved by Peru on Monday; critics said the levy increase for "
    "imported hybrid buses came too early.",
])
def test_two_phrases_with_the_same_measure_word_and_scope_are_one_measure(run, text):
    rec = only(run(text))
    assert len(rec["aliases"]) == 1 and rec["aliases"][0] != rec["label"]
    assert {rec["label"].split()[1], rec["aliases"][0].split()[1]} <= {"increase", "hike", "rise"}


def test_the_parse_cutting_a_hyphenated_word_gives_no_half_name(run):
    text = "The board gave a full, three-month duty break for semi-assembled (SKD) kits and fully built ones."
    assert all(not r["label"].endswith("semi") for r in measures(run(text)))


# --------------------------------------------------------------------------------------- relations
@pytest.mark.parametrize("text, issuer", [
    ("Mexico will impose a 50 percent tariff on all Korean-made motorcycles from March 3.", "mexico"),
    ("Higher tariffs on Vietnamese scooters imposed by the European Union took effect in May.", "european-union"),
    ("The Mexican government said it would charge a 20 percent levy on copper wire shipped from Chile.", "mexico"),
])
def test_the_issuer_comes_from_the_clause_and_the_places_covered_from_the_measure(run, text, issuer):
    rec = only(run(text))
    assert rec["issuer"] == issuer and rec["jurisdiction"] == issuer
    assert rec["origins"] and issuer not in rec["origins"]
    assert rec["kind"] == "trade-measure" and rec["trade_flow"] == "imports"


@pytest.mark.parametrize("text, start", [
    ("Mexico will impose a 50 percent tariff on all Korean-made motorcycles from March 3, the ministry said.",
     "2026-03-03"),
    ("Chile will charge a 20 percent levy on imported copper wire, beginning April 10.", "2026-04-10"),
    ("Starting on June 2, Peru applies a surtax on imported scooters.", "2026-06-02"),
])
def test_the_start_is_the_date_after_from_starting_or_beginning(run, text, start):
    assert only(run(text))["start"] == start


def test_a_second_measure_without_its_authority_keeps_the_one_named_before(run):
    text = ("Chile announced a 30 percent surtax on all Japanese-made vans, effective May 1. A week later the "
            "government added a 10 percent surtax on copper tubes imported from Peru.")
    vans, tubes = measures(run(text))
    assert vans["issuer"] == tubes["issuer"] == "chile"
    assert vans["origins"] == ["japan"] and tubes["origins"] == ["peru"]


def test_companies_given_rates_after_a_measure_are_what_it_hits(run):
    text = ("The European Union applies tariffs on finished Vietnamese scooters. Honda faces a rate of 12%, "
            "while Yamaha pays 9%.")
    rec = only(run(text))
    assert rec["issuer"] == "european-union" and set(rec["targets"]) >= {"honda", "yamaha"}


def test_an_export_licence_is_a_licence_on_exports(run):
    text = "From July 1, China will require an export licence for pure-electric buses, the commerce ministry said."
    rec = only(run(text))
    assert rec["kind"] == "licence" and rec["trade_flow"] == "exports" and rec["issuer"] == "china"


@pytest.mark.parametrize("text, label", [
    ("Starting on June 1, Chile will introduce an export licensing requirement for copper cathodes.",
     "export licensing requirement for copper cathodes"),
    ("Vietnam's Ministry of Industry said an export license regime for rice would start on May 5.",
     "export license regime for rice"),
])
def test_a_measure_word_before_a_regime_noun_names_the_regime(run, text, label):
    rec = only(run(text))
    assert rec["label"] == label and rec["kind"] == "licence" and rec["trade_flow"] == "exports"
    assert rec["origins"] == [rec["jurisdiction"]]  # an export measure bears on its own country's goods
    assert rec["start"].endswith(("-06-01", "-05-05"))


@pytest.mark.parametrize("text", [
    "Chile raised the duty on imported tyres to 35 percent.",
    "Peru set a levy on used cars to 12 percent in May.",
])
def test_a_rate_after_to_is_not_the_scope(run, text):
    assert " to " not in only(run(text))["label"]


@pytest.mark.parametrize("text, label", [
    ("Russia increased its recycling fee on imported cars, a levy that hits foreign brands hardest.",
     "recycling fee on imported cars"),
    ("Kazakhstan introduced a utilisation fee on imported cars last year.", "utilisation fee on imported cars"),
    ("Vietnam will double its import fees on electric cars next year.", "import fees on electric cars"),
])
def test_a_fee_of_a_trade_kind_is_a_measure(run, text, label):
    assert only(run(text))["label"].lower() == label.lower()


def test_a_fee_paid_for_a_service_is_no_measure(run):
    assert measures(run("The carmaker paid its adviser a fee of $2 million for the deal.")) == []
