"""Trade and industrial policy in its common English forms: permits, export controls, minimum prices; the scope
a clause gives ("imposed by X on Y", "Y will be subject to", "manage exports of Y under"); measures stated by a
verb ("banned imports of"); capitals acting for their governments; the authorities that issue a measure jointly
or carry it out (:mod:`.measures`, :mod:`.measure_verbs`, :mod:`.relations_policy`, :mod:`.policy_authorities`).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def policies(result) -> dict[str, dict]:
    return {r["label"]: r for r in records(result, "policies")}


def only(result) -> dict:
    (rec,) = records(result, "policies")
    return rec


# ---------------------------------------------------------------------------------------------- measure words
@pytest.mark.parametrize("text, label, kind", [
    ("Peru will require import permits for used tyres from June 1, 2027.", "import permits for used tyres",
     "licence"),
    ("Chile said it would impose export controls on lithium brine from May 2, 2027.",
     "export controls on lithium brine", "regulation"),
    ("Canada will set a minimum import price for steel wire from July 1, 2027.",
     "minimum import price for steel wire", "trade-measure"),
    ("Mexico announced restrictions on imports of used buses from April 3, 2027.",
     "restrictions on imports of used buses", "regulation"),
])
def test_permits_controls_restrictions_and_minimum_prices_are_measures(run, text, label, kind):
    rec = policies(run(text))[label]
    assert rec["kind"] == kind and rec["start"].startswith("2027-0")


@pytest.mark.parametrize("text", [
    "Quality controls on imported parts were tightened, the plant manager said.",
    "Prices of imported scooters rose by 4% in May.",
])
def test_control_and_price_without_a_trade_word_are_no_measures(run, text):
    assert policies(run(text)) == {}


# ---------------------------------------------------------------------------------------------- clause scopes
@pytest.mark.parametrize("text, label, issuer, origin", [
    ("Duties imposed by Peru on electric scooters from 2027 will reach 20%.", "duties on electric scooters",
     "peru", None),
    ("Electric scooters imported from Vietnam will be subject to a 25% anti-subsidy duty, Peru announced.",
     "duty on electric scooters imported from Vietnam", "peru", "vietnam"),
    ("Chile will manage exports of lithium carbonate under a licence system from March 1, 2027.",
     "licence system for exports of lithium carbonate", "chile", None),
])
def test_a_clause_gives_the_scope_of_a_measure_named_without_one(run, text, label, issuer, origin):
    rec = policies(run(text))[label]
    assert rec["issuer"] == issuer
    assert origin is None or origin in rec["origins"]


# ---------------------------------------------------------------------------------------------- verb forms
@pytest.mark.parametrize("text, label, issuer, origin", [
    ("Mexico banned imports of used cars from the United States last year.", "ban on imports of used cars",
     "mexico", "united-states"),
    ("Imports of diesel buses from China were banned by Chile in May.", "ban on imports of diesel buses",
     "chile", "china"),
    ("Peru will restrict exports of copper scrap from June 1, 2027.", "restrictions on exports of copper scrap",
     "peru", None),
])
def test_a_verb_of_prohibition_on_a_trade_flow_states_a_measure(run, text, label, issuer, origin):
    rec = policies(run(text))[label]
    assert rec["issuer"] == issuer and rec["kind"] == "regulation"
    assert origin is None or origin in rec["origins"]


def test_a_verb_of_prohibition_on_other_things_states_none(run):
    assert policies(run("The city banned diesel buses from its centre.")) == {}


# ---------------------------------------------------------------------------------------------- capitals
@pytest.mark.parametrize("text, issuer", [
    ("Brussels imposed duties of up to 35% on electric bicycles from Vietnam.", "european-union"),
    ("Tariffs levied by Ottawa on Chinese-made buses took effect on October 1, 2026.", "canada"),
    ("Beijing will require export licences for graphite anodes from December 1, 2026.", "china"),
])
def test_a_capital_acting_for_its_government_is_the_issuer(run, text, issuer):
    assert only(run(text))["issuer"] == issuer


def test_a_capital_named_as_a_place_is_not_an_issuer(run):
    text = "A plant near Beijing will face a 20% tariff on electric buses shipped to Canada from June 1, 2027."
    assert all(r.get("issuer") != "china" for r in records(run(text), "policies"))


# ---------------------------------------------------------------------------------------------- authorities
@pytest.mark.parametrize("text, issuer, others", [
    ("The Ministry of Production and the National Customs Directorate of Peru will require export permits for "
     "copper scrap from June 1, 2027.", "ministry-of-production", ["national-customs-directorate"]),
    ("Peru will require import permits for used tyres from June 1, 2027, according to a notice issued by the "
     "Ministry of Production and the National Customs Directorate.", "peru",
     ["ministry-of-production", "national-customs-directorate"]),
    ("Peru's Ministry of Production will require import permits for used tyres from June 1, 2027. The permits "
     "will be issued by the National Customs Directorate.", "ministry-of-production",
     ["national-customs-directorate"]),
])
def test_authorities_that_issue_a_measure_jointly_or_carry_it_out_are_its_implementers(run, text, issuer, others):
    rec = next(r for r in records(run(text), "policies") if "permits" in r["label"])
    assert rec["issuer"] == issuer and rec["implementers"] == others


def test_a_ministry_announcing_its_countrys_measure_implements_it_and_a_foreign_one_does_not(run):
    own = only(run("Peru will require export licences for copper scrap from June 1, 2027, the Ministry of "
                   "Production of Peru said."))
    assert own["issuer"] == "peru" and own["implementers"] == ["ministry-of-production"]
    foreign = only(run("Peru will charge a 20% tariff on electric buses from Chile from June 1, 2027, the "
                       "Ministry of Economy of Chile said."))
    assert foreign["issuer"] == "peru" and "implementers" not in foreign


# ---------------------------------------------------------------------------------------------- no measure
@pytest.mark.parametrize("text", [
    "BYD was granted a licence to sell cars in Japan from April 1, 2027.",
    "Geely will limit exports of its compact models to Europe from June 1, 2027.",
    "The company said higher import duties in Brazil would not change its plans, its chief executive told "
    "Reuters in Beijing.",
])
def test_a_licence_granted_a_company_limiting_its_exports_or_a_news_agency_make_no_measure(run, text):
    assert records(run(text), "policies") == []


@pytest.mark.parametrize("text, targets", [
    ("The EU imposed countervailing duties of 17% on BYD, 18.8% on Geely and 35.3% on SAIC from October 30, 2024.",
     ["byd", "geely", "saic"]),
    ("Brazil set surtaxes of 10 percent for BYD and 12 percent for Geely from June 1, 2027, officials said, as "
     "Stellantis watched.", ["byd", "geely"]),
])
def test_each_company_listed_with_its_own_rate_is_a_target(run, text, targets):
    assert only(run(text))["targets"] == targets


@pytest.mark.parametrize("text, issuer", [
    ("BEIJING, May 3 (Xinhua) -- The government will impose a surtax on imported used cars, officials said.",
     "china"),
    ("OTTAWA, May 3 (Reuters) -- The government will require import permits for used buses, officials said.",
     "canada"),
])
def test_the_government_of_a_datelined_article_is_the_datelines_country(run, text, issuer):
    assert only(run(text))["issuer"] == issuer


def test_the_government_without_a_dateline_is_no_issuer(run):
    assert records(run("The government will impose a surtax on imported used cars, officials said."),
                   "policies") == []
