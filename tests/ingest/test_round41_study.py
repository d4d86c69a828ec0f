"""Forms found on the round-41 samples (an e-SUV and e-van venture at Tezno in Slovenia, an e-bus, e-taxi and
distribution-hub story in Panama, a customs, e-taxi and charging story in Erbil in the Kurdistan Region of Iraq, an
e-van and e-minibus takeover at Mošnov in the Czech Republic, an e-taxi, e-shuttle and charging story in the Turks and
Caicos Islands, a subsidy, duty and imports story in North Macedonia) once their unseen scores were recorded. The
sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round16_study import _deployed, _roles
from tests.ingest.test_round38_study import _market_actors


def test_a_short_name_in_brackets_in_the_bodys_own_language_or_with_its_legal_form(gaz):
    text = ("Weilong Auto will build chargers with the power distributor Norte Energia (NESA), the company said. "
            "NESA general manager Luis Pardo said the work starts in May. A warehouse in the Manzanillo Free Zone "
            "(ZLM) will hold spare parts, ZLM director Ana Reyes said.")
    result = run(gaz, text, date="2026-12-10")
    orgs = {c.id for c in cands(result, "organizations")}
    assert "nesa" not in orgs and "zlm" not in orgs  # the short names are no bodies of their own
    roles = _roles(result)
    assert ("luis-pardo", "norte-energia", "general manager") in roles
    assert any(p == "ana-reyes" and o == "manzanillo-free-zone" for p, o, _ in roles)


def test_a_bracket_short_name_of_other_letters_stays_apart(gaz):
    text = "Weilong Auto will sell vans through Norte Motors (BYD), the company said."
    result = run(gaz, text, date="2026-12-10")
    assert not any("BYD" in (c.record.get("aliases") or []) for c in cands(result, "organizations"))


def test_ordered_vehicles_sent_on_streets_or_to_routes_run_there(gaz):
    text = ("The taxi cooperative Gatun Taxis has ordered 120 electric sedans from Weilong Auto. The first 40 will be "
            "on the streets of Leeds and York in April 2027, its president said.")
    assert {("gatun-taxis", "leeds"), ("gatun-taxis", "york")} <= _deployed(run(gaz, text, date="2026-12-10"))
    text = ("Metro Bus Lines has ordered 120 electric buses from Weilong Auto. The first 80 buses will arrive in May "
            "2027 and will be assigned to routes serving Leeds and York.")
    assert ("metro-bus-lines", "york") in _deployed(run(gaz, text, date="2026-12-10"))
    text = ("Metro Bus Lines has ordered 120 electric buses from Weilong Auto. The first 80 will arrive in May 2027 "
            "at the port of Leeds.")
    assert not _deployed(run(gaz, text, date="2026-12-10"))  # where they arrive is not where they run


def test_an_owner_named_by_a_bare_title_owns_the_company_spoken_of(gaz):
    text = ("Erbil Taxi Company has ordered 300 sedans from Weilong Auto. The first 100 will be in service in Erbil "
            "by March, owner Shwan Mawlud said.")
    assert ("shwan-mawlud", "erbil-taxi-company", "owner") in _roles(run(gaz, text, date="2026-12-10"))


def test_a_bare_title_after_a_loan_is_not_the_lenders(gaz):
    text = ("Tuzla Freight Company ordered 20 electric vans from Weilong Auto, financed with a loan from Spreca Banka, "
            "said the owner Goran Vidovic.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("goran-vidovic", "tuzla-freight-company", "owner") in roles
    assert not any(o == "spreca-banka" for _, o, _ in roles)


def test_carriers_end_a_companys_name(gaz):
    text = "Yuheng Shipping chartered two ships from Piraeus-based owner Kallistos Car Carriers last year."
    result = run(gaz, text, date="2026-12-10")
    assert "kallistos-car-carriers" in {c.id for c in cands(result, "organizations")}
    assert "kallistos-car-carriers" not in {c.id for c in cands(result, "people")}


def test_a_cooperatives_legal_form_after_a_comma_and_its_president(gaz):
    text = ("The taxi cooperative Cooperativa de Taxis Portobelo, R.L. has ordered 120 electric sedans from Weilong "
            "Auto, cooperative president Luis Pardo said.")
    result = run(gaz, text, date="2026-12-10")
    orgs = {c.id for c in cands(result, "organizations")}
    assert "cooperativa-de-taxis-portobelo-r-l" in orgs and "r-l" not in orgs
    assert frozenset({"weilong-auto", "cooperativa-de-taxis-portobelo-r-l"}) in partner_pairs(result)
    assert ("luis-pardo", "cooperativa-de-taxis-portobelo-r-l", "president") in _roles(result)


def test_czech_town_names_joined_by_nad_and_pod_are_one_name(gaz):
    text = "Radhost Sedadla s.r.o. makes the seats at its factory in Frenštát pod Radhoštěm, the company said."
    result = run(gaz, text, date="2026-12-10")
    places = {c.id for c in cands(result, "places")}
    assert "frenstat-pod-radhostem" in places and "frenstat" not in places


def test_a_board_member_is_a_title(gaz):
    text = ("Weilong Auto signed a memorandum with the motorway company DARS on 24 fast chargers, DARS management "
            "board member Simona Golob said.")
    assert ("simona-golob", "dars", "management board member") in _roles(run(gaz, text, date="2026-12-10"))


def test_a_country_in_an_aside_on_the_goods_is_not_the_importer(gaz):
    text = ("According to the customs office, 84,600 vehicles entered Iraq in the first ten months. Used cars from "
            "the United Arab Emirates, most of them first sold in the United States, fell 12 percent to 31,900, and "
            "imports from Turkey dropped 9.5 percent to 18,700.")
    actors = _market_actors(run(gaz, text, date="2026-12-10"))
    assert ("turkey", "iraq") in actors and ("united-arab-emirates", "iraq") in actors
    assert not any(m == "united-states" for _, m in actors)


def test_a_loan_for_a_purchase_agreed_is_the_buyers(gaz):
    text = ("Erbil Taxi Company signed an agreement with Bastora Motors last month to buy 300 electric sedans, financed "
            "by a $13.7 million loan from Azmar Bank.")
    assert frozenset({"azmar-bank", "erbil-taxi-company"}) in partner_pairs(run(gaz, text, date="2026-12-10"))


def test_the_purchase_financed_a_sentence_later_is_the_last_orders(gaz):
    text = ("The largest order has come from the taxi company Vodno Taksi DOOEL, which will buy 200 electric sedans "
            "through Treska Avto DOOEL. The first 80 will arrive in March 2027. The purchase will be financed with a "
            "credit line of EUR 3.2 million from the Development Bank of North Macedonia.")
    result = run(gaz, text, date="2026-12-10")
    assert "vodno-taksi-dooel" in {c.id for c in cands(result, "organizations")}
    assert frozenset({"development-bank-of-north-macedonia", "vodno-taksi-dooel"}) in partner_pairs(result)


def test_a_body_named_of_a_country_before_its_short_name_is_one_name(gaz):
    text = ("Treska Avto also signed an agreement with the state-owned Power Plants of North Macedonia (ESM) for 60 "
            "fast chargers, which ESM will install by the end of 2028 in Skopje.")
    result = run(gaz, text, date="2026-12-10")
    orgs = {c.id for c in cands(result, "organizations")}
    assert "power-plants-of-north-macedonia" in orgs and not {"esm", "power-plants"} & orgs
    assert frozenset({"treska-avto", "power-plants-of-north-macedonia"}) in partner_pairs(result)


def test_a_governor_written_gov(gaz):
    text = "Airai Gov. Ilong Ngirasob said the state would use the rent to pave two hamlet roads."
    assert ("ilong-ngirasob", "airai", "Governor") in _roles(run(gaz, text, date="2026-12-10"))


def test_a_title_after_and_the_has_no_article(gaz):
    text = ("The Government of Kenya signed the deal on Monday. The agreement was signed for Government by the "
            "Chairperson of the NIC, Cllr. Mary W. Wanjiru, and the Minister of Commerce and Industry, Hon. Peter S. "
            "Otieno.")
    titles = {t for p, _, t in _roles(run(gaz, text, date="2026-12-10")) if p == "peter-s-otieno"}
    assert titles and not any(t.lower().startswith("the ") for t in titles)
