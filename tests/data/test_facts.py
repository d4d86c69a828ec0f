"""Specific facts from the five articles, checked by SPARQL over the built graph (fixture ``kg``).

Every assertion compares exact values, so a changed, dropped or mis-attributed record makes it fail.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

PREFIXES = """
PREFIX nev: <https://w3id.org/nevkg/ontology#>
PREFIX nevid: <https://w3id.org/nevkg/id/>
PREFIX nevsrc: <https://w3id.org/nevkg/source/>
PREFIX nevg: <https://w3id.org/nevkg/graph/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX time: <http://www.w3.org/2006/time#>
"""

S000 = "nev-export-driver-2026-03"
S001 = "sohu-2025-04-16-exports-in-overdrive"
S002 = "two-sessions-2025-03-nev-lawmakers"
S003 = "spiceup-2022-12-ev-exports-record-november"
S004 = "36kr-2026-02-11-guangzhou-nev-exports"


def rows(kg, body: str) -> list[tuple]:
    """Result rows as tuples of Python values (IRIs as strings)."""
    out = []
    for row in kg.query(PREFIXES + body):
        out.append(tuple(None if t is None else (t.toPython() if hasattr(t, "toPython") else t) for t in row))
    return out


def col(kg, body: str) -> set:
    return {r[0] for r in rows(kg, body)}


def local(iri) -> str:
    return str(iri).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def obs(kg, oid: str) -> dict:
    """All (predicate local name → set of values) of one observation."""
    found: dict[str, set] = {}
    for p, o in rows(kg, f"SELECT DISTINCT ?p ?o WHERE {{ nevid:{oid} ?p ?o }}"):
        found.setdefault(local(p), set()).add(local(o) if "w3id.org" in str(o) else o)
    assert found, f"no observation {oid}"
    return found


def one(found: dict, key: str):
    values = found.get(key, set())
    assert len(values) == 1, (key, values)
    return next(iter(values))


def graphs_of(kg, iri_local: str) -> set[str]:
    return {local(g) for g in col(kg, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ nevid:{iri_local} ?p ?o }} }}")}


# --------------------------------------------------------------------------------------------- article 000

def test_china_nev_exports_jan_feb_2026(kg):
    o = obs(kg, "china-nev-exports-2026-01-02")
    assert one(o, "value") == Decimal("583000")
    assert one(o, "yoyChangePct") == Decimal("110")
    assert one(o, "subject") == "china" and one(o, "productScope") == "nev" and one(o, "unit") == "vehicles"
    assert one(o, "compiledBy") == "caam"
    assert str(one(o, "periodStart")) == "2026-01-01" and str(one(o, "periodEnd")) == "2026-02-28"
    assert one(o, "wasDerivedFrom") == S000
    assert graphs_of(kg, "china-nev-exports-2026-01-02") == {S000}


def test_china_vehicle_exports_jan_feb_2026(kg):
    found = rows(kg, """SELECT ?v ?y ?c WHERE { ?o nev:subject nevid:china ; nev:measure nevid:export-volume ;
        nev:productScope nevid:all-vehicles ; nev:periodStart "2026-01-01"^^xsd:date ; nev:value ?v ;
        nev:yoyChangePct ?y ; nev:compiledBy ?c }""")
    assert found == [(Decimal("1350000"), Decimal("48.4"), "https://w3id.org/nevkg/id/caam")]


def test_nev_share_of_exports_is_a_lower_bound(kg):
    o = obs(kg, "china-nev-export-share-2026-01-02")
    assert (one(o, "value"), one(o, "bound"), one(o, "unit")) == (Decimal("40"), "lower", "percent")


def test_ningbo_customs_compiled_the_682_billion_yuan_figure(kg):
    found = rows(kg, """SELECT DISTINCT ?o ?y WHERE { ?o nev:compiledBy nevid:ningbo-customs ; nev:subject nevid:ningbo ;
        nev:value ?v ; nev:unit nevid:cny ; nev:yoyChangePct ?y . FILTER(?v = 6820000000) }""")
    assert sorted(y for _, y in found) == [Decimal("300"), Decimal("312.6")]


def test_ningbo_value_in_dollars_is_approximate(kg):
    o = obs(kg, "ningbo-nev-export-value-usd-2026-01-02")
    assert (one(o, "value"), one(o, "unit"), one(o, "approximate")) == (Decimal("990290000"), "usd", True)


def test_zhejiang_exports_and_market_reach(kg):
    o = obs(kg, "zhejiang-nev-exports-2026-01-02")
    assert (one(o, "value"), one(o, "yoyChangePct")) == (Decimal("98000"), Decimal("98.4"))
    reach = obs(kg, "zhejiang-nev-export-markets-2026-01-02")
    assert (one(reach, "value"), one(reach, "unit")) == (Decimal("125"), "countries-and-regions")


def test_geely_sales_figures(kg):
    assert one(obs(kg, "geely-nev-sales-2026-01-02"), "value") == Decimal("242000")
    feb = obs(kg, "geely-nev-sales-2026-02")
    assert (one(feb, "value"), one(feb, "yoyChangePct")) == (Decimal("117000"), Decimal("19"))
    assert one(obs(kg, "geely-nev-penetration-2026-02"), "value") == Decimal("57")
    target = obs(kg, "geely-new-nev-models-2026")
    assert (one(target, "value"), one(target, "bound"), one(target, "observationStatus")) == (
        Decimal("10"), "lower", "ObsTarget")


def test_li_yuxi_role(kg):
    found = rows(kg, """SELECT ?t ?d WHERE { ?r nev:person nevid:li-yuxi ; nev:organization nevid:geely-auto ;
        nev:title ?t ; nev:asOf ?d ; nev:asOfPrecision time:unitMonth }""")
    assert [(t, str(d)) for t, d in found] == [("director of international business", "2026-03-01")]


def test_geely_ningbo_facilities_export_to_kyrgyzstan(kg):
    assert col(kg, "SELECT ?p WHERE { nevid:geely-ningbo-nev-facilities nev:place ?p }") == {
        "https://w3id.org/nevkg/id/ningbo"}
    assert kg.query(PREFIXES + """ASK { ?m nev:exporter nevid:geely ; nev:market nevid:kyrgyzstan ;
        nev:activity nev:ActivityExportsTo }""").askAnswer


def test_source_000_publisher_is_not_named_and_date_inferred(kg):
    found = rows(kg, f"""SELECT ?pub ?d ?inf WHERE {{ nevsrc:{S000} dcterms:publisher ?pub ; dcterms:issued ?d ;
        nev:dateInferred ?inf }}""")
    assert [(local(p), str(d), i) for p, d, i in found] == [("publisher-not-named", "2026-03-01", True)]
    assert kg.query(PREFIXES + f"ASK {{ nevsrc:{S000} nev:issuedPrecision time:unitMonth }}").askAnswer
    assert col(kg, f"SELECT ?u WHERE {{ nevsrc:{S000} schema:url ?u }}") == set()


# --------------------------------------------------------------------------------------------- article 001

def test_two_articles_give_different_2024_export_totals(kg):
    found = rows(kg, """SELECT ?v ?b ?a ?src WHERE { ?o nev:subject nevid:china ; nev:measure nevid:export-volume ;
        nev:productScope nevid:all-vehicles ; nev:periodStart "2024-01-01"^^xsd:date ; nev:value ?v ;
        prov:wasDerivedFrom ?src . OPTIONAL { ?o nev:bound ?b } OPTIONAL { ?o nev:approximate ?a } }""")
    assert sorted((v, b, a, local(s)) for v, b, a, s in found) == [
        (Decimal("6400000"), "lower", None, S001), (Decimal("6410000"), None, True, S001)]


def test_2024_export_total_growth_and_rank(kg):
    o = obs(kg, "china-vehicle-exports-2024-customs")
    assert (one(o, "yoyChangePct"), one(o, "rank"), one(o, "compiledBy")) == (
        Decimal("22.8"), 1, "general-administration-of-customs")


def test_over_two_million_evs_in_2024_from_two_articles(kg):
    found = rows(kg, """SELECT ?src WHERE { ?o nev:subject nevid:china ; nev:productScope nevid:ev ;
        nev:measure nevid:export-volume ; nev:periodStart "2024-01-01"^^xsd:date ; nev:value ?v ;
        nev:bound "lower" ; prov:wasDerivedFrom ?src . FILTER(?v = 2000000) }""")
    assert sorted(local(s) for (s,) in found) == sorted([S001, S002])


def test_exports_in_2020(kg):
    assert one(obs(kg, "china-vehicle-exports-2020"), "value") == Decimal("1080000")
    assert one(obs(kg, "china-vehicle-export-growth-2020-2024"), "value") == Decimal("5")


def test_core_export_markets_2024(kg):
    markets = col(kg, """SELECT ?m WHERE { ?p nev:exporter nevid:china ; nev:market ?m ;
        nev:activity nev:ActivityCoreMarket ; nev:startDate "2024-01-01"^^xsd:date ;
        nev:startDatePrecision time:unitYear }""")
    assert {local(m) for m in markets} == {"russia", "mexico", "united-arab-emirates"}


def test_provincial_support_policies(kg):
    found = rows(kg, """SELECT ?issuer ?status WHERE { ?p a nev:Policy ; nev:policyKind nev:PolicySupportMeasure ;
        nev:issuer ?issuer ; nev:lifecycle ?status . ?issuer nev:locatedIn+ nevid:china }""")
    assert {(local(i), local(s)) for i, s in found} == {
        ("guangdong", "LifecycleInForce"), ("anhui", "LifecycleFormulating"), ("guizhou", "LifecycleFormulating")}


def test_byd_and_chery_factories_abroad(kg):
    found = rows(kg, """SELECT ?op ?place WHERE { ?s a nev:ProductionSite ; nev:operator ?op ; nev:place ?place .
        FILTER(?op IN (nevid:byd, nevid:chery)) }""")
    pairs = {(local(o), local(p)) for o, p in found}
    for maker in ("byd", "chery"):
        for region in ("southeast-asia", "south-america", "middle-east"):
            assert (maker, region) in pairs
    assert ("byd", "thailand") in pairs


def test_zhu_huarong_has_two_roles_from_two_sources(kg):
    found = rows(kg, """SELECT ?org ?title ?g WHERE { GRAPH ?g { ?r nev:person nevid:zhu-huarong ;
        nev:organization ?org ; nev:title ?title } }""")
    assert {(local(o), t, local(g)) for o, t, g in found} == {
        ("changan", "president", S002), ("npc", "National People's Congress delegate", S001)}


def test_zhu_huarong_database_proposal_in_both_articles(kg):
    found = col(kg, """SELECT ?src WHERE { ?s nev:speaker nevid:zhu-huarong ;
        nev:statementKind nev:StatementProposal ; prov:wasDerivedFrom ?src }""")
    assert {local(s) for s in found} == {S001, S002}


def test_sohu_source_metadata(kg):
    found = rows(kg, f"""SELECT ?d ?u ?pub ?ch WHERE {{ nevsrc:{S001} dcterms:issued ?d ; schema:url ?u ;
        dcterms:publisher ?pub ; nev:republishedFrom ?ch }}""")
    assert [(str(d), str(u), local(p), local(c)) for d, u, p, c in found] == [
        ("2025-04-16", "https://www.sohu.com/a/868809686_122066676_", "sohu", "brics-bridge")]


# --------------------------------------------------------------------------------------------- article 002

def test_chery_joint_venture_partner_is_ebro(kg):
    partners = col(kg, """SELECT ?p WHERE { ?jv nev:partnershipKind nev:JointVenture ; nev:partner nevid:chery ;
        nev:partner ?p . FILTER(?p != nevid:chery) }""")
    assert {local(p) for p in partners} == {"ebro"}
    assert {str(x) for x in col(kg, "SELECT ?s WHERE { nevid:chery-ebro-jv nev:startDate ?s }")} == {"2024-01-01"}
    assert graphs_of(kg, "chery-ebro-jv") == {S002}


def test_nev_production_over_13_million(kg):
    o = obs(kg, "china-nev-annual-production")
    assert (one(o, "value"), one(o, "bound"), one(o, "compiledBy")) == (Decimal("13000000"), "lower", "ndrc")


def test_su7_ultra_orders(kg):
    assert one(obs(kg, "xiaomi-su7-ultra-orders-10-minutes"), "value") == Decimal("6900")
    two_hours = obs(kg, "xiaomi-su7-ultra-orders-2-hours")
    assert (one(two_hours, "value"), one(two_hours, "bound")) == (Decimal("10000"), "lower")
    assert col(kg, "SELECT ?m WHERE { nevid:xiaomi-su7-ultra nev:manufacturer ?m }") == {
        "https://w3id.org/nevkg/id/xiaomi"}


def test_byd_overseas_sales_february_2025(kg):
    o = obs(kg, "byd-overseas-sales-2025-02")
    assert (one(o, "value"), one(o, "periodInferred"), one(o, "wasDerivedFrom")) == (Decimal("67025"), True, S002)


def test_yin_tongyue_roles(kg):
    found = rows(kg, "SELECT ?org WHERE { ?r nev:person nevid:yin-tongyue ; nev:organization ?org }")
    assert {local(o) for (o,) in found} == {"chery", "npc"}


def test_michael_woo_roles_and_hu_oddity(kg):
    orgs = {local(o) for o in col(kg, "SELECT ?o WHERE { ?r nev:person nevid:michael-woo-kim-kong ; nev:organization ?o }")}
    assert orgs == {"bpa-supervisory-council", "cppcc-national-committee"}
    note = col(kg, "SELECT ?n WHERE { nevid:michael-woo-kim-kong rdfs:comment ?n }")
    assert len(note) == 1 and '"Hu"' in next(iter(note))


def test_liu_yiyan_and_feng_xingya_roles(kg):
    assert {local(o) for o in col(kg, "SELECT ?o WHERE { ?r nev:person nevid:liu-yiyan ; nev:organization ?o }")} == {
        "npc", "saic-volkswagen"}
    assert {local(o) for o in col(kg, "SELECT ?o WHERE { ?r nev:person nevid:feng-xingya ; nev:organization ?o }")} == {
        "npc", "gac-group"}


def test_feng_xingya_recall_proposals(kg):
    found = rows(kg, """SELECT ?p ?k WHERE { nevid:feng-xingya-recall-proposal nev:about ?p .
        ?p a nev:PolicyProposal ; nev:proposedPolicyKind ?k ; nev:planStatus nev:PlanProposed ;
        nev:author nevid:feng-xingya . FILTER NOT EXISTS { ?p a nev:Policy } }""")
    assert {local(k) for _, k in found} == {"PolicyPilotProgramme", "PolicyRegulation"}


def test_xiuying_port_hierarchy(kg):
    assert kg.query(PREFIXES + "ASK { nevid:xiuying-port nev:locatedIn+ nevid:hainan . nevid:hainan nev:isoCode 'CN-HI' }").askAnswer
    assert kg.query(PREFIXES + "ASK { nevid:ningbo nev:locatedIn+ nevid:china . nevid:zhejiang nev:isoCode 'CN-ZJ' }").askAnswer


# --------------------------------------------------------------------------------------------- article 003

def test_november_ev_export_record(kg):
    o = obs(kg, "china-ev-export-value-2022-11")
    assert (one(o, "value"), one(o, "unit"), one(o, "yoyChangePct")) == (Decimal("3200000000"), "usd", Decimal("165"))
    assert one(o, "wasDerivedFrom") == S003


def test_europe_share_and_total_exports_november(kg):
    share = obs(kg, "china-ev-export-share-europe-2022-11")
    assert (one(share, "value"), one(share, "approximate"), one(share, "destination")) == (Decimal("70"), True, "europe")
    assert one(obs(kg, "china-vehicle-export-value-2022-11"), "value") == Decimal("6000000000")
    assert one(obs(kg, "china-vehicle-exports-2022-01-11"), "value") == Decimal("3000000")


def test_tesla_shanghai_exports(kg):
    o = obs(kg, "tesla-shanghai-exports-2022-11")
    assert (one(o, "value"), one(o, "subject")) == (Decimal("37000"), "tesla-shanghai")
    assert col(kg, "SELECT ?p WHERE { nevid:tesla-shanghai nev:parentOrganization ?p }") == {
        "https://w3id.org/nevkg/id/tesla"}


def test_exporter_ranking(kg):
    found = rows(kg, "SELECT ?s ?r WHERE { ?o nev:measure nevid:exporter-rank ; nev:subject ?s ; nev:rank ?r ; "
                     f"prov:wasDerivedFrom nevsrc:{S003} }}")
    assert {(local(s), r) for s, r in found} == {("china", 2), ("japan", 1)}


def test_cupra_tavascan_built_in_anhui(kg):
    found = rows(kg, """SELECT ?place ?op WHERE { ?s nev:produces nevid:cupra-tavascan ; nev:place ?place ;
        nev:operator ?op }""")
    assert [(local(p), local(o)) for p, o in found] == [("anhui", "volkswagen-anhui")]
    assert col(kg, "SELECT ?b WHERE { nevid:cupra nev:brandOf ?b }") == {"https://w3id.org/nevkg/id/volkswagen"}


def test_mini_electric_line_leaves_oxford(kg):
    assert kg.query(PREFIXES + """ASK { nevid:bmw-oxford-plant nev:place nevid:oxford ;
        nev:produces nevid:mini-electric . nevid:mini-electric-line-china nev:status nev:StatusPlanned ;
        nev:place nevid:china }""").askAnswer


def test_byd_opened_deliveries_in_four_countries_this_year(kg):
    found = rows(kg, """SELECT ?m ?s ?inf WHERE { ?p nev:exporter nevid:byd ; nev:activity nev:ActivityOpenedDeliveries ;
        nev:market ?m ; nev:startDate ?s ; nev:periodInferred ?inf }""")
    assert {(local(m), str(s), i) for m, s, i in found} == {
        (c, "2022-01-01", True) for c in ("germany", "norway", "belgium", "netherlands")}


def test_ora_is_great_walls_brand_spelled_ola(kg):
    assert kg.query(PREFIXES + """ASK { nevid:ora nev:brandOf nevid:great-wall-motor ; skos:altLabel "Ola" }""").askAnswer


def test_source_003_date_inferred(kg):
    found = rows(kg, f"SELECT ?d ?pub WHERE {{ nevsrc:{S003} dcterms:issued ?d ; nev:dateInferred true ; dcterms:publisher ?pub }}")
    assert [(str(d), local(p)) for d, p in found] == [("2022-12-01", "spiceup-news")]


# --------------------------------------------------------------------------------------------- article 004

def test_weride_uber_plan_at_least_1200_robotaxis_by_2027(kg):
    found = rows(kg, """SELECT ?v ?b ?by ?ann WHERE { ?p nev:partner nevid:weride, nevid:uber ;
        nev:partnershipKind nev:StrategicCooperation ; nev:announcedOn ?ann ; nev:hasTarget ?t .
        ?t nev:value ?v ; nev:bound ?b ; nev:targetDate ?by ; nev:place nevid:middle-east }""")
    assert [(v, b, str(by), str(a)) for v, b, by, a in found] == [(Decimal("1200"), "lower", "2027-12-31", "2026-02-06")]
    markets = col(kg, "SELECT ?m WHERE { nevid:weride-uber-cooperation nev:market ?m }")
    assert {local(m) for m in markets} >= {"abu-dhabi", "dubai", "riyadh"}


def test_weride_fleet_and_services(kg):
    fleet = rows(kg, "SELECT ?c ?b WHERE { nevid:weride-middle-east-robotaxi-fleet nev:count ?c ; nev:bound ?b }")
    assert fleet == [(Decimal("200"), "lower")]
    places = col(kg, """SELECT ?pl WHERE { ?d nev:deploymentKind nev:DeploymentRobotaxiService ; nev:place ?pl ;
        nev:operator ?op . FILTER(?op IN (nevid:weride, nevid:weride-middle-east)) }""")
    assert {local(p) for p in places} == {"abu-dhabi", "dubai", "riyadh"}
    assert col(kg, "SELECT ?p WHERE { nevid:weride-middle-east nev:parentOrganization ?p }") == {
        "https://w3id.org/nevkg/id/weride"}


def test_pony_ai_robotaxi_launch_places(kg):
    places = col(kg, "SELECT ?p WHERE { nevid:pony-ai-overseas-robotaxi-service nev:place ?p }")
    assert {local(p) for p in places} == {"dubai", "south-korea", "singapore", "luxembourg", "qatar"}


def test_guangzhou_ev_exports_2025(kg):
    units = obs(kg, "guangzhou-ev-exports-2025")
    assert (one(units, "value"), one(units, "yoyChangePct"), one(units, "compiledBy")) == (
        Decimal("139000"), Decimal("80"), "guangzhou-customs")
    value = obs(kg, "guangzhou-ev-export-value-2025")
    assert (one(value, "value"), one(value, "yoyChangePct")) == (Decimal("16490000000"), Decimal("70.3"))


def test_gac_aion_hong_kong_growth(kg):
    o = obs(kg, "gac-aion-hk-first-registrations-2025")
    assert (one(o, "value"), one(o, "yoyChangePct"), one(o, "destination"), one(o, "rank")) == (
        Decimal("1809"), Decimal("714.9"), "hong-kong", 1)
    x = obs(kg, "xpeng-hk-first-registrations-2025")
    assert (one(x, "value"), one(x, "yoyChangePct")) == (Decimal("1995"), Decimal("308.8"))


def test_gac_and_xpeng_overseas_2025(kg):
    gac = obs(kg, "gac-own-brands-overseas-sales-2025")
    assert (one(gac, "value"), one(gac, "approximate"), one(gac, "yoyChangePct")) == (Decimal("130000"), True, Decimal("47"))
    xp = obs(kg, "xpeng-overseas-deliveries-2025")
    assert (one(xp, "value"), one(xp, "yoyChangePct")) == (Decimal("45000"), Decimal("96"))


def test_he_xiaopeng_targets(kg):
    share = obs(kg, "xpeng-overseas-sales-share-2030-target")
    assert (one(share, "value"), one(share, "observationStatus"), str(one(share, "periodStart"))) == (
        Decimal("50"), "ObsTarget", "2030-01-01")
    rank = obs(kg, "xpeng-nev-export-rank-2027-target")
    assert (one(rank, "rank"), one(rank, "bound")) == (3, "upper")
    assert col(kg, "SELECT ?t WHERE { ?r nev:person nevid:he-xiaopeng ; nev:organization nevid:xpeng ; nev:title ?t }") == {
        "chairman"}


def test_gac_aion_thailand_factory(kg):
    found = rows(kg, "SELECT ?s ?p WHERE { nevid:gac-aion-thailand-factory nev:startDate ?s ; nev:produces ?p }")
    assert {(str(s), local(p)) for s, p in found} == {("2025-03-01", "aion-v"), ("2025-03-01", "aion-ut")}
    assert col(kg, "SELECT ?r WHERE { nevid:aion-v nev:modelRole ?r }") == {"GAC's first global strategic model"}


def test_xpeng_production_projects_and_charging(kg):
    places = col(kg, """SELECT ?p WHERE { ?s nev:operator nevid:xpeng ; nev:siteKind nev:SiteProductionProject ;
        nev:place ?p }""")
    assert {local(p) for p in places} == {"indonesia", "austria", "malaysia"}
    assert rows(kg, "SELECT ?c WHERE { nevid:xpeng-charging-network nev:count ?c }") == [(Decimal("31"),)]
    assert rows(kg, "SELECT ?c WHERE { nevid:xpeng-supercharging-clusters nev:count ?c }") == [(Decimal("7"),)]


def test_gac_aion_market_plans(kg):
    plans = col(kg, """SELECT ?p WHERE { ?p a nev:CorporatePlan ; nev:author nevid:gac-aion ; nev:market ?m
        FILTER NOT EXISTS { ?p a nev:Policy } FILTER NOT EXISTS { ?p a schema:Legislation } }""")
    assert {local(p) for p in plans} == {"gac-aion-thailand-action", "gac-aion-european-market-plan",
                                         "gac-aion-hong-kong-action"}


def test_gac_group_loss_range(kg):
    o = obs(kg, "gac-group-net-loss-2025")
    assert (one(o, "value"), one(o, "valueMax"), one(o, "unit"), one(o, "observationStatus")) == (
        Decimal("8000000000"), Decimal("9000000000"), "cny", "ObsForecast")


def test_gac_brand_sales_decline(kg):
    aion = obs(kg, "gac-aion-sales-2025")
    assert (one(aion, "value"), one(aion, "yoyChangePct")) == (Decimal("290000"), Decimal("-22.62"))
    trumpchi = obs(kg, "gac-trumpchi-sales-2025")
    assert (one(trumpchi, "value"), one(trumpchi, "yoyChangePct")) == (Decimal("319200"), Decimal("-23.02"))


def test_xpeng_january_2026_deliveries(kg):
    o = obs(kg, "xpeng-deliveries-2026-01")
    assert (one(o, "value"), one(o, "approximate"), one(o, "yoyChangePct"), one(o, "rank")) == (
        Decimal("20000"), True, Decimal("-34.1"), 3)


def test_nev_market_growth_and_caam_forecast(kg):
    assert one(obs(kg, "china-nev-penetration-passenger-2025"), "value") == Decimal("54")
    assert one(obs(kg, "china-nev-sales-growth-2025"), "value") == Decimal("28.2")
    forecast = obs(kg, "china-nev-sales-growth-2026-forecast")
    assert (one(forecast, "value"), one(forecast, "compiledBy"), one(forecast, "observationStatus")) == (
        Decimal("15.2"), "caam", "ObsForecast")
    band = obs(kg, "china-nev-sales-growth-2023-2024")
    assert (one(band, "value"), one(band, "valueMax")) == (Decimal("30"), Decimal("40"))


def test_cada_industry_profit(kg):
    profit = obs(kg, "china-auto-industry-profit-2025-01-11")
    assert (one(profit, "value"), one(profit, "yoyChangePct"), one(profit, "compiledBy")) == (
        Decimal("440300000000"), Decimal("7.5"), "cada")
    assert one(obs(kg, "china-auto-industry-profit-margin-2025-01-11"), "value") == Decimal("4.4")
    revenue = obs(kg, "china-auto-industry-revenue-2025-01-11")
    assert (one(revenue, "value"), one(revenue, "bound")) == (Decimal("10000000000000"), "lower")


def test_byd_gross_margins(kg):
    found = rows(kg, """SELECT ?d ?v WHERE { ?o nev:subject nevid:byd ; nev:measure nevid:gross-margin ;
        nev:destination ?d ; nev:value ?v }""")
    assert {(local(d), v) for d, v in found} == {("china", Decimal("16.97")), ("overseas-markets", Decimal("19.82"))}


def test_guangzhou_industry_adjustment(kg):
    assert one(obs(kg, "guangzhou-industrial-added-value-growth-2025"), "value") == Decimal("1.2")
    assert one(obs(kg, "guangzhou-auto-manufacturing-added-value-growth-2025"), "value") == Decimal("-1.6")
    found = rows(kg, """SELECT ?i ?s ?e WHERE { nevid:guangzhou-advanced-manufacturing-city-plan nev:issuedOn ?i ;
        nev:startDate ?s ; nev:endDate ?e }""")
    assert [(str(i), str(s), str(e)) for i, s, e in found] == [("2026-01-01", "2024-01-01", "2035-12-31")]


def test_xpeng_huangpu_centre(kg):
    area = obs(kg, "xpeng-huangpu-centre-area")
    assert (one(area, "value"), one(area, "unit")) == (Decimal("25000"), "square-metres")
    found = rows(kg, """SELECT ?v WHERE { nevid:xpeng-huangpu-delivery-centre nev:hasTarget ?t .
        ?t nev:measure nevid:daily-delivery-capacity ; nev:value ?v }""")
    assert found == [(Decimal("150"),)]
    opened = col(kg, "SELECT ?d WHERE { nevid:xpeng-huangpu-sales-service-centre nev:startDate ?d }")
    assert {str(d) for d in opened} == {"2026-02-09"}


def test_people_of_article_004(kg):
    assert col(kg, "SELECT ?t WHERE { ?r nev:person nevid:gu-yuanqin ; nev:organization nevid:xpeng ; nev:title ?t }") == {
        "vice-president"}
    assert {local(o) for o in col(kg, "SELECT ?o WHERE { ?r nev:person nevid:chen-qingquan ; nev:organization ?o }")} == {
        "hong-kong-polytechnic-university", "iastic"}
    assert {local(o) for o in col(kg, "SELECT ?o WHERE { ?r nev:person nevid:mo-luyi ; nev:organization ?o }")} == {
        "pony-ai"}


def test_gu_yuanqin_statements_dated_9_february(kg):
    dates = col(kg, "SELECT ?d WHERE { ?s nev:speaker nevid:gu-yuanqin ; nev:statedOn ?d }")
    assert {str(d) for d in dates} == {"2026-02-09"}
    assert len(rows(kg, "SELECT ?s WHERE { ?s nev:speaker nevid:gu-yuanqin }")) == 4


def test_source_004_credits(kg):
    found = rows(kg, f"""SELECT ?a ?pub ?ch ?d WHERE {{ nevsrc:{S004} schema:author ?a ; dcterms:publisher ?pub ;
        nev:republishedFrom ?ch ; dcterms:issued ?d }}""")
    assert [(a, local(p), local(c), str(d)) for a, p, c, d in found] == [
        ("Zhang Xilong", "36kr", "jiemian-news", "2026-02-11")]
    cited = {local(c) for c in col(kg, f"SELECT ?c WHERE {{ nevsrc:{S004} dcterms:references ?c }}")}
    assert {"guangzhou-customs", "caam", "cada"} <= cited


def test_nev_purchase_tax_resumption(kg):
    assert kg.query(PREFIXES + """ASK { nevid:nev-purchase-tax-resumption nev:policyKind nev:PolicyTaxChange ;
        nev:jurisdiction nevid:china ; nev:lifecycle nev:LifecycleInForce }""").askAnswer


@pytest.mark.parametrize("source", [S000, S001, S002, S003, S004])
def test_every_article_has_its_own_named_graph_of_observations(kg, source):
    n = rows(kg, f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ GRAPH nevg:{source} {{ ?o a nev:Observation }} }}")
    assert n[0][0] >= 5
