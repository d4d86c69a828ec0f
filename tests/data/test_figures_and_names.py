"""Figures, flags and names users query by (issue 14, points 5, 8 and 10)."""

from __future__ import annotations

import pytest

from nevkg.loaders.curated import DEFAULT_DATA_DIR, parse_records

from .test_facts import col, local, rows


@pytest.fixture(scope="module")
def parsed():
    return parse_records([DEFAULT_DATA_DIR])


def _parties(fact) -> set[str]:
    found: set[str] = set()
    for name in ("operator", "partners"):
        value = getattr(fact, name, None)
        if value:
            found |= set(value if isinstance(value, list) else [value])
    return found


def test_every_figure_with_several_shapes_is_linked(parsed):
    """An observation repeating a deployment's count, or a deployment's or partnership's target, says so."""
    facts = [pr.record for pr in parsed if pr.kind in ("deployments", "partnerships")]
    unlinked = []
    for pr in parsed:
        if pr.kind != "observations":
            continue
        o = pr.record
        for f in facts:
            if o.subject not in _parties(f):
                continue
            same_count = getattr(f, "count", None) == o.value and getattr(f, "count_unit", None) == o.unit
            same_target = any(t.value == o.value and t.measure == o.measure for t in getattr(f, "targets", []))
            if (same_count or same_target) and f.id not in o.figure_of:
                unlinked.append((o.id, f.id))
    assert unlinked == []


def test_linked_shapes_agree(kg):
    """nev:figureOf joins an observation to a fact node whose count or target has the same value."""
    found = rows(kg, """SELECT DISTINCT ?o ?f WHERE { ?o nev:figureOf ?f ; nev:value ?v .
        FILTER NOT EXISTS { ?f nev:count ?v } FILTER NOT EXISTS { ?f nev:hasTarget/nev:value ?v }
        FILTER NOT EXISTS { ?f a nev:ProductionSite } }""")
    assert found == []
    assert {local(f) for f in col(kg, "SELECT ?f WHERE { nevid:weride-uber-fleet-target-2027 nev:figureOf ?f }")} == {
        "weride-uber-cooperation", "weride-uber-middle-east-fleet-plan"}


def test_chinese_automakers_with_a_plant_in_thailand_include_gac_aion(kg):
    found = col(kg, """SELECT ?org WHERE { ?org a nev:Automaker ; nev:country nevid:china .
        ?site a nev:ProductionSite ; nev:operator ?org ; nev:place/nev:locatedIn* nevid:thailand }""")
    assert {"gac-aion", "byd"} <= {local(o) for o in found}


def test_brands_carry_their_owner_s_country(kg):
    countries = dict(rows(kg, """SELECT ?b ?c WHERE { VALUES ?b { nevid:gac-aion nevid:mg nevid:ora }
        ?b nev:country ?c }"""))
    assert {local(b): local(c) for b, c in countries.items()} == {"gac-aion": "china", "mg": "china", "ora": "china"}
    assert col(kg, "SELECT ?o WHERE { nevid:mg nev:brandOrigin ?o }") == {"https://w3id.org/nevkg/id/united-kingdom"}


def test_inferred_values_say_so_in_the_data(kg):
    """'thousands of jobs' → 1,000, 'dozens' → 24, 2 × 45,000 and a year the article does not give."""
    found = rows(kg, """SELECT ?x ?p WHERE { ?x nev:inferred true ; nev:inferredProperty ?p ; nev:inferenceNote ?n }""")
    pairs = {(local(x), local(p)) for x, p in found}
    assert {("byd-thailand-factory-jobs", "value"), ("weride-abu-dhabi-orders-per-vehicle", "value"),
            ("xpeng-overseas-deliveries-2026-forecast", "value"), ("nev-purchase-tax-resumption", "startDate"),
            ("xiaomi-su7-ultra", "releasedOn")} <= pairs
    # the older 'this year' flags count as inferred too, naming the dates they resolved
    assert ("hong-kong-annual-vehicle-sales", "periodStart") in {
        (local(x), local(p)) for x, p in rows(kg, "SELECT ?x ?p WHERE { ?x nev:inferred true ; nev:inferredProperty ?p }")}
    # a stated figure is not flagged
    assert col(kg, "SELECT ?x WHERE { nevid:xpeng-overseas-deliveries-2025 nev:inferred ?x }") == set()


# -- point 5: the named records ---------------------------------------------------------------------------------

def test_guangzhou_action_plan_targets_no_company(kg):
    targets = {local(t) for t in col(kg, "SELECT ?t WHERE { nevid:guangzhou-icv-nev-three-year-action-plan nev:targets ?t }")}
    assert targets == {"nev", "intelligent-connected-vehicles"}


def test_bmw_oxford_plant_is_not_closing(kg):
    assert col(kg, "SELECT ?s WHERE { nevid:bmw-oxford-plant nev:status ?s }") == set()
    assert col(kg, "SELECT ?s WHERE { nevid:mini-electric-line-china nev:status ?s }") == {
        "https://w3id.org/nevkg/ontology#StatusPlanned"}


def test_xpeng_export_champion_is_the_article_s_claim(kg):
    found = rows(kg, """SELECT ?sp ?d WHERE { nevid:xpeng-2024-new-force-export-champion nev:speaker ?sp ;
        nev:statedOn ?d }""")
    assert [(local(sp), str(d)) for sp, d in found] == [("jiemian-news", "2026-02-11")]


def test_xpeng_three_factories_are_overseas(kg):
    assert col(kg, "SELECT ?p WHERE { nevid:xpeng-three-factories nev:place ?p }") == {
        "https://w3id.org/nevkg/id/overseas-markets"}
    assert col(kg, "SELECT ?d WHERE { nevid:xpeng-factory-count-2026 nev:destination ?d }") == {
        "https://w3id.org/nevkg/id/overseas-markets"}


def test_corporate_plans_are_not_policies(kg):
    assert col(kg, """SELECT ?p WHERE { ?p a nev:Policy ; nev:issuer ?o . ?o a nev:Company }""") == set()
    assert {local(p) for p in col(kg, "SELECT ?p WHERE { ?p a nev:CorporatePlan }")} == {
        "gac-aion-thailand-action", "gac-aion-european-market-plan", "gac-aion-hong-kong-action"}


def test_brazil_hybrid_import_tax_january_2024(kg):
    found = rows(kg, """SELECT ?pt ?r WHERE { ?x nev:rateOf nevid:brazil-ev-import-tax-schedule-2024 ;
        nev:ratePowertrain ?pt ; nev:ratePct ?r ; nev:startDate "2024-01-01"^^xsd:date }""")
    assert {(local(pt), int(r)) for pt, r in found} == {("PowertrainBev", 10), ("PowertrainPhev", 12),
                                                         ("PowertrainHev", 15)}
