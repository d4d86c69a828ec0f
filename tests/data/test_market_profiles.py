"""Market profiles, the policy timeline and duty rates: they load, validate, and say what the sources say.

The shapes must reject a rate outside 0–1000 %, a measure without a jurisdiction and a lifecycle that is not
one of the ontology's states; the record schemas reject the same before any RDF is made.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import get_args

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS

from nevkg.errors import LoaderError
from nevkg.graph.validate import ontology_graph, validate_graph
from nevkg.loaders.curated import DEFAULT_DATA_DIR, curie, parse_records, vocab_term
from nevkg.loaders.records import DutyRate, MarketProfile, Policy

#: the markets the issue names, plus the EU members and other markets the articles name
REQUIRED_MARKETS = {
    "european-union", "belgium", "netherlands", "germany", "luxembourg", "austria", "finland", "spain", "portugal",
    "poland", "united-kingdom", "russia", "mexico", "united-arab-emirates", "saudi-arabia", "qatar", "thailand",
    "indonesia", "malaysia", "singapore", "hong-kong", "kyrgyzstan", "australia", "new-zealand", "south-korea",
    "brazil", "turkey", "canada", "united-states",
}
#: every measure of shared/reference/markets.md, as a dated policy record
TIMELINE = {
    "eu-provisional-cvd-bev-2024": ("2024-07-05", "expired"),
    "eu-definitive-cvd-bev-2024": ("2024-10-30", "in-force"),
    "eu-china-price-undertaking-guidance-2026": ("", "adopted"),
    "eu-price-undertaking-volkswagen-anhui-2026": ("", "in-force"),
    "us-section-301-ev-increase-2024": ("2024-09-27", "in-force"),
    "canada-china-ev-surtax-2024": ("2024-10-01", "in-force"),
    "canada-china-ev-arrangement-2026": ("", "adopted"),
    "mexico-non-agreement-tariffs-2026": ("2026-01-01", "in-force"),
    "turkey-additional-tariff-china-vehicles-2024": ("2024-07-07", "in-force"),
    "brazil-ev-import-tax-schedule-2024": ("2024-01", "in-force"),
    "indonesia-bev-import-incentives": ("", "expired"),
    "indonesia-bev-production-obligation-2026": ("2026-01-01", "in-force"),
    "indonesia-ev-local-content-path": ("", "in-force"),
    "russia-recycling-fee-increase-2024": ("2024-10-01", "in-force"),
    "china-pure-ev-export-licence-2026": ("2026-01-01", "in-force"),
    "china-nev-purchase-tax-halving-2026": ("2026-01-01", "in-force"),
}
LEFT_HAND = {"united-kingdom", "thailand", "indonesia", "malaysia", "singapore", "hong-kong", "macao", "australia",
             "new-zealand", "japan"}
NO_CONNECTOR_DATA = {"thailand", "indonesia", "malaysia", "turkey", "russia", "kyrgyzstan"}


@pytest.fixture(scope="module")
def parsed():
    return parse_records([DEFAULT_DATA_DIR])


@pytest.fixture(scope="module")
def by_id(parsed):
    return {pr.record.id: pr for pr in parsed}


def test_every_required_market_has_a_sourced_profile(parsed):
    profiles = {pr.record.market: pr.record for pr in parsed if pr.kind == "market_profiles"}
    assert REQUIRED_MARKETS <= set(profiles), REQUIRED_MARKETS - set(profiles)
    for market, p in profiles.items():
        assert p.sources, market
        assert set(p.traffic_sources) | set(p.connector_sources) <= set(p.sources)


def test_driving_side_follows_the_country_coder_list(parsed):
    for pr in parsed:
        if pr.kind != "market_profiles" or pr.record.market == "european-union":
            continue
        p = pr.record
        assert p.traffic == ("left" if p.market in LEFT_HAND else "right"), p.market
        assert p.right_hand_drive == ("needed" if p.market in LEFT_HAND else "not-needed"), p.market
        assert "country-coder-borders-2026-04" in p.traffic_sources


def test_connectors_are_left_unknown_where_no_source_gives_them(by_id):
    for market in NO_CONNECTOR_DATA:
        assert by_id[f"market-profile-{market}"].record.connectors == [], market
    assert set(by_id["market-profile-germany"].record.connectors) == {
        "connector-type-2", "connector-ccs2", "connector-chademo"}
    assert "connector-nacs" in by_id["market-profile-united-states"].record.connectors
    assert by_id["market-profile-china"].record.connectors == ["connector-gbt-ac", "connector-gbt-dc"]


def test_every_measure_is_a_dated_record_with_lifecycle_and_jurisdiction(by_id):
    for pid, (start, status) in TIMELINE.items():
        rec = by_id[pid].record
        assert (rec.start or "", rec.status) == (start, status), pid
        assert rec.jurisdiction and rec.trade_flow, pid
        if pid != "indonesia-ev-local-content-path":  # its two reported versions disagree on the dates
            assert rec.start or rec.issued_on or rec.end, f"{pid} has no date at all"
    assert by_id["eu-definitive-cvd-bev-2024"].record.issued_on == "2024-10-29"
    assert by_id["eu-definitive-cvd-bev-2024"].record.replaces == ["eu-provisional-cvd-bev-2024"]
    assert by_id["canada-china-ev-arrangement-2026"].record.quota == Decimal(49000)
    assert by_id["china-pure-ev-export-licence-2026"].record.trade_flow == "exports"
    assert by_id["china-pure-ev-export-licence-2026"].record.product_codes == ["cn-8703801090"]


def test_company_rates_of_the_eu_duties(parsed):
    rates = {(pr.record.measure, tuple(pr.record.applies_to)): pr.record.rate_pct
             for pr in parsed if pr.kind == "duty_rates"}
    definitive = "eu-definitive-cvd-bev-2024"
    assert rates[(definitive, ("byd",))] == Decimal("17.0")
    assert rates[(definitive, ("geely",))] == Decimal("18.8")
    assert rates[(definitive, ("saic",))] == Decimal("35.3")
    assert rates[(definitive, ("tesla-shanghai",))] == Decimal("7.8")
    assert rates[("eu-provisional-cvd-bev-2024", ("saic",))] == Decimal("37.6")


def test_brazil_schedule_by_date_and_powertrain(parsed):
    steps = Counter(pr.record.powertrain for pr in parsed
                    if pr.kind == "duty_rates" and pr.record.measure == "brazil-ev-import-tax-schedule-2024")
    assert steps == {"bev": 4, "phev": 4, "hev": 4}


def test_conflicting_local_content_paths_are_kept_side_by_side(by_id):
    text = by_id["market-profile-indonesia"].record.local_rules
    assert "60 % in 2027" in text and "60 % before 2030" in text


def test_secondary_reports_are_marked_and_no_address_is_invented(parsed):
    sources = {pr.record.id: pr.record for pr in parsed if pr.kind == "sources"}
    for sid in ("cnevpost-2026-02-11-eu-price-undertaking", "global-times-2026-02-11-eu-price-undertaking",
                "cnevpost-2026-01-16-canada-china-ev-arrangement", "afp-2026-01-16-canada-china-ev-arrangement",
                "scmp-2026-01-16-canada-china-ev-arrangement", "reuters-2024-06-turkey-china-vehicle-tariff",
                "xinhua-2025-09-26-ev-export-licences", "nevkg-markets-reference"):
        assert sources[sid].secondary, sid
    for sid in ("eu-regulation-2024-1866", "eu-regulation-2024-2754", "gecex-2023-11-10-ev-import-tax"):
        assert not sources[sid].secondary
    # an address only where it can be vouched for: the EU regulations' ELI identifiers, none guessed for Gecex
    assert sources["eu-regulation-2024-2754"].url == "http://data.europa.eu/eli/reg_impl/2024/2754/oj"
    assert sources["gecex-2023-11-10-ev-import-tax"].url is None


def test_product_codes_carry_their_notation(by_id):
    for cid, code in (("hs-870380", "870380"), ("hs-870460", "870460"), ("cn-8703801090", "8703801090")):
        rec = by_id[cid].record
        assert rec.kind == "product-scope" and rec.notation == code and rec.definition


def test_every_predicate_and_value_of_rates_and_profiles_is_declared():
    g = ontology_graph()
    for model in (DutyRate, MarketProfile, Policy):
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra or {}
            if extra.get("rdf", "").startswith("nev:"):
                assert (curie(extra["rdf"]), RDFS.label, None) in g, f"{model.__name__}.{name}"
            if "vocab" in extra:
                args = [a for a in get_args(info.annotation) if a is not type(None)]
                for value in get_args(args[0]) if args and not isinstance(args[0], str) else args:
                    assert (vocab_term(extra["vocab"], value), RDFS.label, None) in g, f"{name}={value}"


def test_shipped_measures_validate(kg):
    from nevkg.graph.validate import validate_kg

    report = validate_kg(kg)
    assert report.conforms, report.text()


# -- the shapes reject bad measures ------------------------------------------------------------------------------
PREFIX = """
@prefix nev: <https://w3id.org/nevkg/ontology#> .
@prefix nevid: <https://w3id.org/nevkg/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
nevid:src a nev:Source ; rdfs:label "s" ; dcterms:title "s" ; dcterms:publisher nevid:pub ; dcterms:issued "2024-01-01"^^xsd:date .
nevid:pub a nev:Organization ; rdfs:label "p" .
nevid:eu a nev:Place ; rdfs:label "EU" .
"""
GOOD_MEASURE = """
nevid:m a nev:Policy, nev:TradeMeasure ; rdfs:label "m" ; prov:wasDerivedFrom nevid:src ;
    nev:policyKind nev:PolicyTradeMeasure ; nev:lifecycle nev:LifecycleInForce ; nev:tradeFlow nev:FlowImports ;
    nev:jurisdiction nevid:eu ; nev:startDate "2024-10-30"^^xsd:date ; nev:endDate "2029-10-29"^^xsd:date .
"""


def _report(extra: str, measure: str = GOOD_MEASURE):
    return validate_graph(Graph().parse(data=PREFIX + measure + extra, format="turtle"))


def _rate(pct: str) -> str:
    return f"""nevid:r a nev:DutyRate ; rdfs:label "r" ; prov:wasDerivedFrom nevid:src ; nev:rateOf nevid:m ;
        nev:rateKind nev:RateCountervailing ; nev:ratePct "{pct}"^^xsd:decimal ."""


def test_shapes_accept_a_good_measure_and_rate():
    report = _report(_rate("35.3"))
    assert report.conforms, report.text()


def test_shapes_reject_a_rate_of_1500_percent():
    report = _report(_rate("1500"))
    assert not report.conforms
    assert any("between 0 and 1000" in v.message for v in report.violations)


def test_shapes_reject_a_negative_rate():
    assert not _report(_rate("-1")).conforms


def test_shapes_reject_a_measure_without_jurisdiction():
    report = _report("", GOOD_MEASURE.replace("nev:jurisdiction nevid:eu ;", ""))
    assert not report.conforms
    assert any("jurisdiction" in v.message for v in report.violations)


def test_shapes_reject_a_bad_lifecycle():
    report = _report("", GOOD_MEASURE.replace("nev:LifecycleInForce", "nev:LifecyclePending"))
    assert not report.conforms
    assert any("lifecycle" in v.message for v in report.violations)


def test_shapes_reject_dates_in_the_wrong_order():
    report = _report("", GOOD_MEASURE.replace('"2029-10-29"', '"2020-01-01"'))
    assert not report.conforms


def test_shapes_reject_a_profile_with_two_markets():
    report = _report("""nevid:p a nev:MarketProfile ; rdfs:label "p" ; prov:wasDerivedFrom nevid:src ;
        nev:profileOf nevid:eu, nevid:src .""")
    assert not report.conforms


# -- the schemas reject them before any RDF is made ----------------------------------------------------------------
def _problems(records, name: str, text: str) -> str:
    (records / name).write_text(text, encoding="utf-8")
    with pytest.raises(LoaderError) as info:
        parse_records([records])
    return str(info.value)


def test_schema_rejects_a_rate_above_1000(records):
    msg = _problems(records, "duty_rates.yaml", "- id: r\n  label: r\n  measure: fixture-action-plan\n"
                    "  kind: surtax\n  rate_pct: 1500\n  sources: [fixture-news-a]\n")
    assert "rate_pct" in msg and "1000" in msg


def test_schema_rejects_a_measure_without_jurisdiction(records):
    text = (records / "policies.yaml").read_text(encoding="utf-8")
    msg = _problems(records, "policies.yaml", text + "- id: m\n  label: m\n  kind: trade-measure\n"
                    "  status: in-force\n  trade_flow: imports\n  sources: [fixture-news-a]\n")
    assert "jurisdiction" in msg


def test_schema_rejects_a_bad_lifecycle(records):
    text = (records / "policies.yaml").read_text(encoding="utf-8")
    msg = _problems(records, "policies.yaml", text.replace("status: adopted", "status: pending"))
    assert "status" in msg


def test_schema_rejects_an_inconsistent_driving_side(records):
    msg = _problems(records, "market_profiles.yaml", "- id: p\n  label: p\n  market: spain\n  traffic: left\n"
                    "  right_hand_drive: not-needed\n  traffic_sources: [nevkg-curation]\n  sources: [nevkg-curation]\n")
    assert "right_hand_drive" in msg or "needed" in msg


def test_schema_wants_the_sources_of_each_group(records):
    msg = _problems(records, "market_profiles.yaml", "- id: p\n  label: p\n  market: spain\n  traffic: right\n"
                    "  right_hand_drive: not-needed\n  sources: [nevkg-curation]\n")
    assert "traffic_sources" in msg


def test_the_shipped_files_are_untouched_by_these_tests(records):
    assert records != DEFAULT_DATA_DIR
    assert (DEFAULT_DATA_DIR / "market_profiles.yaml").read_text(encoding="utf-8").startswith("# Market profiles")
