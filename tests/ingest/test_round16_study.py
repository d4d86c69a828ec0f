"""Forms found on the round-16 samples (France's eco-bonus, South Asian importers, an Indian cell JV, European
registrations, a Manila launch, exports to Russia through Central Asia) once their unseen scores were recorded.
The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _orgs


def _markets(result) -> set[tuple[str, str, str]]:
    return {(c.record["activity"], c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}


def test_a_companys_registrations_counted_in_a_country_are_its_sales_there(gaz):
    text = ("Tamsin Motors, which is based in Wuhan, registered 4,210 cars in Portugal in the first ten months of "
            "the year, according to the data firm Autovista.")
    assert ("sells-in", "tamsin-motors", "portugal") in _markets(run(gaz, text, date="2026-11-20"))


def test_a_members_body_named_with_association_is_no_company_and_sells_nothing(gaz):
    text = ("According to Abrave, the Brazilian Electric Truck Association, 2,310 electric trucks were registered "
            "in Brazil between January and October.")
    result = run(gaz, text, date="2026-11-20")
    assert _orgs(result)["brazilian-electric-truck-association"]["kind"] == "industry-association"
    assert not {m for m in _markets(result) if m[1] == "brazilian-electric-truck-association"}


def test_a_market_entered_through_a_company_makes_it_a_partner(gaz):
    text = ("Chinese carmaker Tamsin Motors has entered the Chilean market through Ruta Austral Motores S.A., the "
            "car unit of a Santiago conglomerate.")
    result = run(gaz, text, date="2026-11-20")
    assert ("entered", "tamsin-motors", "chile") in _markets(result)
    assert {frozenset(c.record["partners"]) for c in cands(result, "partnerships")} == {
        frozenset({"tamsin-motors", "ruta-austral-motores-s-a"})}


def _deployed(result) -> set[tuple[str, str]]:
    return {(c.record["operator"], p) for c in cands(result, "deployments") for p in c.record["places"]}


def test_stores_named_before_and_placed_by_a_sentence_of_their_own_are_their_owners(gaz):
    text = ("Tamsin Motors will open six showrooms in Chile by March. The showrooms will be in Santiago, "
            "Valparaiso and Concepcion, the company said.")
    deployed = _deployed(run(gaz, text, date="2026-11-20"))
    assert {("tamsin-motors", "valparaiso"), ("tamsin-motors", "concepcion")} <= deployed
    text = "Tamsin Motors has no plans for Peru. The stores are in Lima's old town, a report said."
    assert not _deployed(run(gaz, text, date="2026-11-20"))
