"""Investments and trade flows read from the parse (:mod:`nevkg.ingest.extract.relations_invest`), on sentences
written for these tests. Without the ``nlp`` extra they skip, except under ``NEVKG_REQUIRE_ALL=1``."""

from __future__ import annotations

import pytest

from nevkg.loaders.records import Investment
from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def found(gaz, text, file="investments"):
    return [c.record for c in run(gaz, text).candidates if c.file == file]


def strip(rec):
    return {k: v for k, v in rec.items() if k not in {"id", "label", "sources"}}


@pytest.mark.parametrize("text, status", [
    ("Korvell Motors will invest $1.2 billion in a new van plant in Hungary.", "planned"),
    ("Korvell Motors plans to invest $1.2 billion in Hungary over four years.", "planned"),
    ("Last spring Korvell Motors invested $1.2 billion in Hungary.", None),
])
def test_the_verb_invest_with_its_amount(gaz, text, status):
    [rec] = found(gaz, text)
    want = {"investor": "korvell-motors", "place": "hungary", "amount": 1200000000, "currency": "usd"}
    assert strip(rec) == {**want, **({"status": status} if status else {})}


def test_the_noun_investment_with_by_and_of(gaz):
    [rec] = found(gaz, "A further investment of 2 billion euros by Korvell Motors in Morocco was approved.")
    assert strip(rec) == {"investor": "korvell-motors", "place": "morocco", "amount": 2000000000, "currency": "eur"}


def test_a_possessive_investment_and_its_after_a_speaker(gaz):
    [rec] = found(gaz, "Korvell Motors said on Friday that its $300 million investment in Kenya had begun.")
    assert (rec["investor"], rec["place"], rec["amount"]) == ("korvell-motors", "kenya", 300000000)


def test_money_pledged_to_build_plants(gaz):
    [rec] = found(gaz, "Korvell Motors pledged $900 million to build two factories in Turkey.")
    assert strip(rec) == {"investor": "korvell-motors", "place": "turkey", "amount": 900000000, "currency": "usd",
                          "status": "planned"}


def test_investing_in_a_company(gaz):
    [rec] = found(gaz, "In March Korvell Motors invested in Volta Mobility, a battery start-up from Oslo.")
    assert strip(rec) == {"investor": "korvell-motors", "investee": "volta-mobility"}


def test_the_plant_with_an_investment_is_its_operator_s_in_the_host_country(gaz):
    text = ("Korvell Motors opened a van plant in Rabat, Morocco on Monday. The plant, with an investment of "
            "$700 million, will make 90,000 vans a year.")
    [rec] = found(gaz, text)
    assert strip(rec) == {"investor": "korvell-motors", "place": "morocco", "amount": 700000000, "currency": "usd"}


def test_no_investment_without_an_investor_or_a_destination(gaz):
    assert found(gaz, "Total investment in the sector rose by a third in the first half.") == []
    assert found(gaz, "Korvell Motors said investment would stay flat next year.") == []
    assert found(gaz, "The ministry pledged support for the van makers.") == []


def test_proposed_investments_are_valid_records(gaz):
    result = run(gaz, "Korvell Motors plans to invest 3 billion yuan in Hungary and $2 billion in Peru.")
    recs = [c.record for c in result.candidates if c.file == "investments"]
    assert {r["place"] for r in recs} >= {"hungary"}
    for rec in recs:
        Investment(**rec)  # the schema accepts every proposal as it stands


# ------------------------------------------------------------------------------------------------ trade flows
def test_imports_from_a_country_or_a_company(gaz):
    flows = {(r["exporter"], r["market"]) for r in found(gaz, "Peru imported most of its buses from China.",
                                                          "market_presence")}
    assert flows == {("china", "peru")}
    flows = {(r["exporter"], r["market"]) for r in found(
        gaz, "Mexico imported 60,000 vans from Korvell Motors last year.", "market_presence")}
    assert flows == {("korvell-motors", "mexico")}


def test_a_country_s_exports_to_a_list_of_markets(gaz):
    flows = {(r["exporter"], r["market"]) for r in found(
        gaz, "China's exports to Chile, Peru and Colombia fell in May.", "market_presence")}
    assert flows == {("china", "chile"), ("china", "peru"), ("china", "colombia")}


def test_a_plant_as_an_export_hub(gaz):
    text = ("Korvell Motors opened a van plant in Rabat, Morocco on Monday. The factory will also serve as an "
            "export hub for West Africa and Europe.")
    flows = {(r["exporter"], r["market"]) for r in found(gaz, text, "market_presence")}
    assert {("korvell-motors", "west-africa"), ("korvell-motors", "europe")} <= flows


def test_a_measure_on_goods_from_a_country_means_that_country_exports_there(gaz):
    text = "Peru's trade ministry will impose a 30 percent surtax on Chinese electric buses from June."
    assert {(r["exporter"], r["market"]) for r in found(gaz, text, "market_presence")} == {("china", "peru")}


def test_no_flow_from_a_measure_on_goods_from_a_region(gaz):
    text = "Poland's finance ministry will impose a 30 percent surtax on European electric buses from June."
    assert found(gaz, text, "market_presence") == []


def test_no_flow_from_a_measure_without_an_origin(gaz):
    text = "Peru's trade ministry will impose a 30 percent surtax on electric buses from June."
    assert found(gaz, text, "market_presence") == []


@pytest.mark.parametrize("text, flow", [
    ("Korvell Motors sent 5,000 vans to Chile in May.", ("korvell-motors", "chile")),
    ("Most of the vans are exported to Chile by Korvell Motors.", ("korvell-motors", "chile")),
    ("Shipments from Korvell Motors to Chile rose sharply.", ("korvell-motors", "chile")),
    ("Vietnam's imports of Chinese cars rose by half.", ("china", "vietnam")),
    ("Exports of Chinese cars to Russia fell by a third.", ("china", "russia")),
])
def test_exports_and_imports_in_more_forms(gaz, text, flow):
    assert {(r["exporter"], r["market"]) for r in found(gaz, text, "market_presence")} == {flow}


def test_sending_people_is_no_export(gaz):
    assert found(gaz, "Korvell Motors sent a delegation to Chile in May.", "market_presence") == []


# ------------------------------------------------------------------------------------------------ review to graph
def test_an_accepted_investment_is_a_sourced_fact_in_the_graph(home, tmp_path, gaz):
    from nevkg.graph.build import build
    from nevkg.ingest import accept, ingest

    article = tmp_path / "korvell.txt"
    article.write_text("Korvell Motors plans to invest $650 million in a van plant in Hungary, it said on Monday.\n",
                       encoding="utf-8")
    review = ingest(article, date="2026-04-09", publisher="Test Wire", kg_or_records=gaz, out=tmp_path / "r.yaml")
    report = accept(review, store="memory")
    assert report.built and any(rid.startswith("korvell-motors-investment") for rid in report.added["investments"])
    kg = build("memory")
    rows = list(kg.query("""SELECT ?amount ?unit ?status ?src WHERE {
        ?i a nev:Investment ; nev:investor nevid:korvell-motors ; nev:place nevid:hungary ; nev:amount ?amount ;
           nev:unit ?unit ; nev:status ?status ; prov:wasDerivedFrom ?src }"""))
    assert [(int(r[0]), str(r[1]).rsplit("/", 1)[-1], str(r[2]).rsplit("#", 1)[-1]) for r in rows] == [
        (650000000, "usd", "StatusPlanned")]


@pytest.mark.parametrize("text, investee, investors", [
    ("WeRide raised $400 million in March in a Series D round led by Toyota, a Japanese carmaker, with Saudi "
     "Arabia's Public Investment Fund also taking part.", "weride", {"toyota", "public-investment-fund"}),
    ("Pony.ai raised $50 million in a funding round led by Uber and Toyota last year.", "pony-ai",
     {"uber", "toyota"}),
    ("Xpeng closed a $300 million financing round led by Volkswagen, and Stellantis participated in it too.",
     "xpeng", {"volkswagen", "stellantis"}),
])
def test_everyone_in_a_funding_round_invests_in_the_company_that_raised_it(gaz, text, investee, investors):
    got = {(r["investor"], r.get("investee")) for r in found(gaz, text)}
    assert {(i, investee) for i in investors} <= got


def test_a_company_in_another_clause_is_no_investor_in_the_round(gaz):
    got = found(gaz, "BYD raised $2 billion in a funding round led by Tencent, and Uber said it would expand.")
    assert {r["investor"] for r in got} == {"tencent"}


@pytest.mark.parametrize("text, investor, investee", [
    ("Geely paid $120 million in January for new WeRide shares, the company said.", "geely", "weride"),
    ("Uber bought $500 million of Pony.ai's shares last year.", "uber", "pony-ai"),
    ("BYD subscribed for shares in Pony.ai worth $80 million.", "byd", "pony-ai"),
])
def test_buying_a_companys_shares_is_an_investment_in_it(gaz, text, investor, investee):
    assert (investor, investee) in {(r["investor"], r.get("investee")) for r in found(gaz, text)}


@pytest.mark.parametrize("text", [
    "Uber bought shares of cars from BYD.",
    "BYD bought back its own shares in March.",
    "WeRide's shares rose 5% after Uber bought cars from BYD.",
])
def test_shares_of_no_other_company_or_a_share_price_are_no_investment(gaz, text):
    assert not found(gaz, text)


@pytest.mark.parametrize("text, want", [
    ("The province will send a trade delegation to Chile and Peru in March.", set()),
    ("The province sent a second mission to Peru.", set()),
    ("Korvell Motors sent 5,000 cars to Chile last year.", {("korvell-motors", "chile")}),
    ("Dealers say anyone shipping vans from Tangier into Spain pays little duty.", set()),
    ("Korvell Motors ships vans from Tangier to Spain.", {("korvell-motors", "spain")}),
])
def test_only_goods_make_a_trade_flow_and_a_town_is_no_exporter(gaz, text, want):
    flows = {(r["exporter"], r["market"]) for r in found(gaz, text, "market_presence")
             if r["activity"] == "exports-to"}
    assert flows == want
