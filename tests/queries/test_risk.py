"""Risk warnings on fixed dates over the shipped records: who is affected by which measure, how, and how much."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from nevkg.errors import NevkgError, ParameterError, UnknownNameError
from nevkg.queries.library import ask
from nevkg.queries.risk import RISK_COLUMNS, measures, parse_date, risk, risk_table

EU_DEFINITIVE = "https://w3id.org/nevkg/id/eu-definitive-cvd-bev-2024"
N = "https://w3id.org/nevkg/id/"


@pytest.fixture(scope="module")
def oct_2024(kg):
    """As of 1 October 2024 with a 60-day window: the EU definitive duties are 29 days ahead."""
    return risk(kg, as_of=dt.date(2024, 10, 1), within_days=60)


def _row(rows, org: str, measure: str = EU_DEFINITIVE):
    found = [r for r in rows if r["organization_id"] == N + org and r["measure_id"] == measure]
    return found[0] if found else None


@pytest.mark.parametrize(("org", "rate"), [("byd", Decimal("17.0")), ("saic", Decimal("35.3")),
                                           ("tesla", Decimal("7.8"))])
def test_eu_definitive_duties_appear_with_company_rates(oct_2024, org, rate):
    row = _row(oct_2024, org)
    assert row is not None, org
    assert (row["phase"], row["event"], row["date"], row["days"]) == ("coming", "comes into force", "2024-10-30", 29)
    assert row["company_rate"] == rate
    assert row["jurisdiction"] == "European Union"
    assert "eu-regulation-2024-2754" in row["measure_sources"]
    assert "10 % MFN" in row["rate"]


def test_geely_is_not_listed_for_the_eu_because_no_source_ties_it_to_an_eu_market(kg, oct_2024):
    """The regulation gives Geely a rate (18.8 %), but the articles tie Geely only to Kyrgyzstan and unnamed
    overseas markets: with no tie into the EU the risk list must not claim Geely is exposed there."""
    rates = {tuple(r["applies_to"]): r["rate"] for m in measures(kg) if m["id"] == EU_DEFINITIVE for r in m["rates"]}
    assert rates[(N + "geely",)] == Decimal("18.8")
    assert _row(oct_2024, "geely") is None
    assert _row(oct_2024, "geely-auto") is None


def test_paths_name_the_tie_and_its_sources(oct_2024):
    byd = _row(oct_2024, "byd")
    assert byd["path"].startswith("BYD → opened deliveries in → ")
    assert byd["path"].endswith("⊂ European Union")
    assert {p.split(" → ")[-1] for p in byd["paths"]} == {
        f"{c} ⊂ European Union" for c in ("Belgium", "Germany", "Netherlands")}
    assert "spiceup-2022-12-ev-exports-record-november" in byd["tie_sources"]
    assert set(byd["sources"]) == set(byd["tie_sources"]) | set(byd["measure_sources"])
    saic = _row(oct_2024, "saic")
    assert saic["path"] == ("SAIC Group → has a distribution network in → Europe ⊇ European Union (a wider "
                            "region, not the market itself)")
    assert (saic["exposure"], saic["reach"]) == (0.5, "indirect")
    tesla = _row(oct_2024, "tesla")
    assert "subsidiary Tesla Shanghai" in tesla["path"]


def test_provisional_duties_in_force_and_other_markets(oct_2024):
    prov = _row(oct_2024, "byd", N + "eu-provisional-cvd-bev-2024")
    assert (prov["phase"], prov["company_rate"], prov["nearness"]) == ("in force", Decimal("17.4"), 0.25)
    canada = [r for r in oct_2024 if r["measure_id"] == N + "canada-china-ev-surtax-2024"]
    assert canada and all(r["phase"] == "changed" and r["days"] == 0 for r in canada)


def test_score_is_exposure_times_rate_factor_times_nearness(oct_2024):
    from nevkg.queries.risk import SECTIONS
    from nevkg.queries.risk.scoring import PHASES

    for r in oct_2024:
        assert r["score"] == pytest.approx(r["exposure"] * r["rate_factor"] * r["nearness"], abs=1e-3)
        if not r["rate_known"]:
            assert (r["rate_factor"], r["change_pp"]) == (1.0, None)
        elif r["effect"] == "adverse":
            assert r["rate_factor"] == pytest.approx(max(0, 1 + float(r["cost_pp"]) / 100))
        else:
            assert r["rate_factor"] == pytest.approx(max(0, 1 - float(r["cost_pp"]) / 100))
    keys = [(SECTIONS.index(r["section"]), PHASES.index(r["phase"]), -r["score"]) for r in oct_2024]
    assert keys == sorted(keys)
    byd = _row(oct_2024, "byd")
    assert byd["change_pp"] == Decimal("-0.4")  # 17.4 % provisional → 17.0 % definitive: signed, a decrease
    assert byd["nearness"] == pytest.approx(1 - 0.5 * 29 / 61, abs=1e-3)


def test_a_company_specific_undertaking_concerns_only_that_company(kg):
    rows = risk(kg, as_of="2026-02-15", within_days=30)
    hit = {r["organization"] for r in rows if r["measure_id"] == N + "eu-price-undertaking-volkswagen-anhui-2026"}
    assert hit == {"Volkswagen", "Cupra"}
    vw = [r for r in rows if r["organization"] == "Volkswagen"
          and r["measure_id"] == N + "eu-price-undertaking-volkswagen-anhui-2026"][0]
    assert vw["company_rate"] == Decimal("0") and "Cupra Tavascan is made in China" in vw["origin"]


def test_export_licence_reaches_exporters_through_their_home_country(kg):
    rows = risk(kg, as_of="2025-12-15", within_days=30, org="BYD")
    lic = [r for r in rows if r["measure_id"] == N + "china-pure-ev-export-licence-2026"][0]
    assert (lic["phase"], lic["date"]) == ("coming", "2026-01-01")
    assert lic["path"].startswith("BYD → is from → China ⊇ Chinese mainland (home country); exports: ")
    everyone = risk(kg, as_of="2025-12-15", within_days=30)
    licensed = {r["organization"] for r in everyone if r["measure_id"] == N + "china-pure-ev-export-licence-2026"}
    assert "BYD" in licensed and "Li Auto" not in licensed  # no tie abroad on record: not an exporter here


def test_rate_steps_of_a_schedule_are_events(kg):
    rows = risk(kg, as_of="2026-05-01", within_days=90, org="BYD", market="Brazil")
    assert [(r["event"], r["date"]) for r in rows] == [("rate step", "2026-07-01")]
    assert "35 % import tax (BEV, was 25 %)" in rows[0]["rate"]


def test_market_and_org_filters(kg):
    rows = risk(kg, as_of="2024-10-01", within_days=60, org="BYD", market="Germany")
    assert [(r["measure_id"], r["phase"]) for r in rows] == [
        (EU_DEFINITIVE, "coming"), (N + "eu-provisional-cvd-bev-2024", "in force")]
    assert all("Germany ⊂ European Union" in r["path"] for r in rows)
    assert risk(kg, as_of="2024-10-01", within_days=60, org="Li Auto", market="EU") == []


def test_window_excludes_far_events(kg):
    rows = risk(kg, as_of="2024-10-01", within_days=10, org="BYD", market="EU")
    assert [r["phase"] for r in rows] == ["in force"]  # the definitive duties are 29 days away


@pytest.mark.parametrize("bad", ["2024-13-01", "1 Oct 2024", "yesterday", "2024/10/01", ""])
def test_malformed_date_is_a_clear_error(kg, bad):
    with pytest.raises(ParameterError, match="is not a valid as-of date; write YYYY-MM-DD"):
        risk(kg, as_of=bad)


def test_negative_window_is_an_error(kg):
    with pytest.raises(ParameterError, match="negative"):
        risk(kg, as_of="2024-10-01", within_days=-5)


def test_unknown_market_suggests_names(kg):
    with pytest.raises(UnknownNameError, match="no place is called 'Thailnd'; did you mean: Thailand"):
        risk(kg, as_of="2024-10-01", market="Thailnd")


def test_unknown_org_suggests_names(kg):
    with pytest.raises(UnknownNameError, match="no organisation is called 'Geeley'; did you mean: Geely"):
        risk(kg, as_of="2024-10-01", org="Geeley")


def test_an_org_name_is_not_a_market(kg):
    with pytest.raises(NevkgError):
        risk(kg, as_of="2024-10-01", market="BYD")


def test_parse_date_partial_and_end():
    assert parse_date("2024") == dt.date(2024, 1, 1)
    assert parse_date("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_date(dt.datetime(2024, 10, 1, 12)) == dt.date(2024, 10, 1)


def test_table_rows_are_flat_text(oct_2024):
    table = risk_table(oct_2024)
    assert len(table) == len(oct_2024)
    assert all(list(row) == RISK_COLUMNS and all(isinstance(v, str) for v in row.values()) for row in table)
    byd = [t for t, r in zip(table, oct_2024, strict=True) if r is _row(oct_2024, "byd")][0]
    assert byd["company_rate"] == "17"  # the canonical xsd:decimal form, the same on every store
    assert "eu-regulation-2024-2754" in byd["sources"].split("; ")


def test_named_query_lists_the_measures_in_the_window(kg):
    result = ask(kg, "risk-measures-in-window", **{"from": "2024-10-01", "to": "2024-11-30"})
    rows = [{str(v): row[v] for v in result.vars} for row in result]
    definitive = [r for r in rows if str(r["measure"]) == EU_DEFINITIVE and str(r["event"]) == "comes into force"]
    assert {(str(r["day"]), str(r["appliesToLabel"] or r["group"]), str(r["ratePct"])) for r in definitive} >= {
        ("2024-10-30", "BYD", "17"), ("2024-10-30", "Geely", "18.8"), ("2024-10-30", "SAIC Group", "35.3")}
    measures_seen = {str(r["measure"]).rsplit("/", 1)[-1] for r in rows}
    assert measures_seen == {"canada-china-ev-surtax-2024", "russia-recycling-fee-increase-2024",
                             "eu-definitive-cvd-bev-2024", "eu-provisional-cvd-bev-2024"}
    assert all("2024-10-01" <= str(r["day"]) <= "2024-11-30" for r in rows)


# -- issue 14: an honest score ------------------------------------------------------------------------------------
@pytest.mark.parametrize("org", ["BYD", "SAIC Motor", "Tesla Shanghai"])
def test_eu_definitive_duties_come_first_as_of_october_2024(kg, org):
    rows = risk(kg, as_of="2024-10-01", within_days=60, org=org)
    threats = [r for r in rows if r["section"] == "threat"]
    assert threats[0]["measure_id"] == EU_DEFINITIVE, [(r["measure"], r["score"]) for r in threats[:3]]
    assert rows[0] is threats[0]


def test_october_2024_scores_checked_by_hand(oct_2024):
    near = 1 - 0.5 * 29 / 61  # 29 days ahead in a 60-day window
    byd, saic, tesla = _row(oct_2024, "byd"), _row(oct_2024, "saic"), _row(oct_2024, "tesla-shanghai")
    assert byd["score"] == pytest.approx(1.0 * (1 - 0.4 / 100) * near, abs=1e-3)  # 0.759
    assert saic["score"] == pytest.approx(0.5 * (1 - 2.3 / 100) * near, abs=1e-3)  # 0.372: indirect, −2.3 pp
    assert tesla["score"] == pytest.approx(0.5 * (1 + 7.8 / 100) * near, abs=1e-3)  # a new 7.8 % company rate
    # SAIC's other warning that day, Russia's recycling fee, has no rate on record: none is invented
    russia = _row(oct_2024, "saic", N + "russia-recycling-fee-increase-2024")
    assert (russia["rate_known"], russia["change_pp"], russia["rate_factor"]) == (False, None, 1.0)
    assert russia["rate"].startswith("rate unknown")
    assert oct_2024.index(russia) > oct_2024.index(saic)  # changed (a later phase) after coming


def test_reliefs_are_never_threats_and_chinas_rules_have_their_own_section(kg):
    rows = risk(kg, as_of="2026-01-20", within_days=30)
    china_rules = {N + "china-nev-purchase-tax-halving-2026", N + "china-pure-ev-export-licence-2026"}
    threats = [r for r in rows if r["section"] == "threat"]
    assert not {r["measure_id"] for r in threats} & china_rules
    assert all(r["jurisdiction"] not in ("China", "Chinese mainland") for r in threats)
    halving = [r for r in rows if r["measure_id"] == N + "china-nev-purchase-tax-halving-2026"]
    assert len({r["organization"] for r in halving}) >= 10
    for r in halving:
        # a relief cut from 100 % to 50 % of the tax: signed −50 as stated, +50 pp for the payer
        assert (r["section"], r["effect"], r["change_pp"], r["cost_pp"]) == ("china", "adverse", Decimal(-50),
                                                                            Decimal(50))
    favourable = {r["measure_id"] for r in rows if r["section"] == "favourable"}
    assert {N + "canada-china-ev-arrangement-2026", N + "eu-price-undertaking-volkswagen-anhui-2026"} <= favourable
    assert all(r["effect"] == "favourable" for r in rows if r["section"] == "favourable")
    sections = [r["section"] for r in rows]
    assert sections == sorted(sections, key=["threat", "favourable", "china"].index)


def test_a_full_relief_is_favourable(kg):
    rows = risk(kg, as_of="2025-06-01", within_days=30, org="BYD")
    exemption = [r for r in rows if r["measure_id"] == N + "china-nev-purchase-tax-exemption-to-2025"]
    assert exemption and exemption[0]["effect"] == "favourable" and exemption[0]["section"] == "china"


def test_a_region_around_a_market_is_indirect_exposure(kg):
    rows = risk(kg, as_of="2024-10-01", within_days=60, org="BYD")
    brazil = [r for r in rows if r["measure_id"] == N + "brazil-ev-import-tax-schedule-2024"][0]
    assert "South America ⊇ Brazil (a wider region" in brazil["path"]
    assert (brazil["reach"], brazil["exposure"]) == ("indirect", 0.5)
    direct = _row(rows, "byd")
    assert (direct["reach"], direct["exposure"]) == ("direct", 1.0)


def test_risk_text_has_three_sections(kg):
    from nevkg.queries.risk import SECTION_TITLES, risk_text

    text = risk_text(risk(kg, as_of="2026-01-20", within_days=30, org="BYD"), width=120)
    positions = [text.index(title) for title in SECTION_TITLES.values()]
    assert positions == sorted(positions)
    assert max(len(line) for line in text.splitlines()) <= 120
