"""Relation forms of round 4 (issue 15), on sentences written for these tests: where a plant's goods go is no
site of it."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _sites(result) -> set[tuple[str, str]]:
    return {(o, r["place"]) for r in records(result, "sites") for o in r.get("operator") or []}


@pytest.mark.parametrize("text, company, site, markets", [
    ("Tovaro Motors will build a plant in Rosario, and the plant will supply Chile, Peru and Bolivia.",
     "tovaro-motors", "rosario", {"chile", "peru", "bolivia"}),
    ("Brennick Auto opened a factory in Rayong, where it will build right-hand-drive cars for Australia and "
     "New Zealand.", "brennick-auto", "rayong", {"australia", "new-zealand"}),
    ("Dalvik Motors will assemble vans in Tangier and ship kits to Senegal and Ghana from its plant there.",
     "dalvik-motors", "tangier", {"senegal", "ghana"}),
])
def test_where_a_plants_goods_go_is_no_site(run, text, company, site, markets):
    sites = _sites(run(text))
    assert (company, site) in sites
    assert not {p for _, p in sites} & markets


def _partnerships(result) -> set[tuple[str, frozenset]]:
    return {(r["kind"], frozenset(r["partners"])) for r in records(result, "partnerships")}


@pytest.mark.parametrize("text, a, b", [
    ("Tovaro Motors and Kestrel Auto Group will build a plant in Perak. The plant will be run by a joint venture "
     "in which Tovaro will hold 55 per cent and Kestrel the remaining 45 per cent.", "tovaro-motors",
     "kestrel-auto-group"),
    ("Dalvik Motors and Harwell Industries signed a deal on Monday. They will set up a joint venture in which "
     "Dalvik Motors owns 51% and Harwell Industries 49%.", "dalvik-motors", "harwell-industries"),
    ("Brennick Auto and Castel Motors agreed to cooperate. The partners will form a joint venture, Brenca "
     "Mobility, owned 70% by Brennick Auto and 30% by Castel Motors.", "brennick-auto", "castel-motors"),
])
def test_a_joint_venture_of_the_owners_its_clause_lists_with_shares(run, text, a, b):
    parts = _partnerships(run(text))
    assert ("joint-venture", frozenset({a, b})) in parts
    assert not any(kind != "joint-venture" and {a, b} <= set(p) for kind, p in parts)


def test_the_partners_as_a_subject_make_no_partner_of_a_stakeholder(run):
    parts = _partnerships(run("Brennick Auto and Castel Motors agreed to cooperate. The partners will form a joint "
                              "venture, Brenca Mobility, owned 60% by Brennick Auto, 30% by Castel Motors and 10% "
                              "by Halden Capital, a fund."))
    assert not any("halden-capital" in p and kind == "cooperation" for kind, p in parts)


@pytest.mark.parametrize("text, company, place", [
    ("The Ministry of Industry of Kenya announced a plant in Mombasa to be built by Tovaro Motors.",
     "tovaro-motors", "mombasa"),
    ("The Ministry of Trade welcomed the decision of Dalvik Motors to build a factory in Tangier.",
     "dalvik-motors", "tangier"),
    ("The Investment Authority said Brennick Auto would open an assembly plant in Rayong next year.",
     "brennick-auto", "rayong"),
])
def test_a_government_body_runs_no_plant_it_announces(run, text, company, place):
    sites = _sites(run(text))
    assert all(op == company for op, _ in sites)


@pytest.mark.parametrize("text, full", [
    ("Tovaro Motors to build vans in Chile\nTovaro Motors Group Co., Ltd. said on Monday that it would build a "
     "plant near Santiago.", "tovaro-motors-group-co-ltd"),
    ("Dalvik Auto signs deal\nDalvik Auto Holdings Ltd. and Harwell Industries signed a supply deal.",
     "dalvik-auto-holdings-ltd"),
])
def test_a_company_named_without_its_group_word_and_legal_form_is_one(run, text, full):
    ids = {r["id"] for r in records(run(text), "organizations")}
    assert full in ids and full.split("-group")[0].split("-holdings")[0] not in ids


def _exports(result) -> set[tuple[str, str]]:
    return {(r["exporter"], r["market"]) for r in records(result, "market_presence") if r["activity"] == "exports-to"}


@pytest.mark.parametrize("text, company, markets", [
    ("Tovaro Motors will build a plant in Rosario, and the plant will supply Chile, Peru and Bolivia.",
     "tovaro-motors", {"chile", "peru", "bolivia"}),
    ("Brennick Auto said its factory in Rayong would supply Vietnam and Cambodia from next year.",
     "brennick-auto", {"vietnam", "cambodia"}),
])
def test_the_places_a_plant_supplies_are_its_operators_export_markets(run, text, company, markets):
    planned = {(r["exporter"], r["market"]) for r in records(run(text), "market_presence")
               if r["activity"] == "targets-market"}
    assert {(company, m) for m in markets} <= planned  # (a plant to come supplies markets to come)


def test_supplying_parts_to_a_company_is_no_export_market(run):
    result = run("Harwell Industries will supply batteries to Tovaro Motors in Chile.")
    assert not _exports(result)


@pytest.mark.parametrize("text, company, place", [
    ("Tovaro Motors will build cars in Kulim. Battery packs will come from Harwell Cell Technology, a long-standing "
     "Tovaro supplier, which said last month that it was opening a module plant in Penang.",
     "harwell-cell-technology", "penang"),
    ("Orvista Mobility sells cars in Spain. Parts come from Brogan Industries, a rival of Velmora Group, which said "
     "it would open a factory in Portugal.", "brogan-industries", "portugal"),
    ("Dalvik Motors, which said it would build a plant in Ghana, sold 5,000 vans last year.", "dalvik-motors",
     "ghana"),
])
def test_it_in_a_relative_clause_is_what_the_clause_is_about(run, text, company, place):
    assert {op for op, p in _sites(run(text)) if p == place} == {company}
