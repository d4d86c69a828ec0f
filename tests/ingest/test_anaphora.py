"""What "it", "the company", "the carmaker", "the plant" and "the venture" stand for (:mod:`anaphora`), and the
relations every family reads through them; sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from nevkg.ingest.extract.anaphora import resolve_anaphors
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.sentences import split_sentences
from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def named(text: str, name: str, kind: str | None = "automaker", occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    rid = name.lower().replace(" ", "-").replace(".", "")
    return Mention(start, start + len(name), name, "organizations", rid, False, kind)


def resolved(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(a.text, a.id) for a in resolve_anaphors(text, mentions, split_sentences(text))]


# ----------------------------------------------------------------------------------------- the resolver
def test_a_carmaker_noun_wants_a_carmaker_and_it_the_sentences_subject():
    text = ("Tallis Motors hired Brenna Logistics to move its vans. The carmaker said the contract runs to 2028. "
            "Brenna Logistics said it would add ships.")
    ms = [named(text, "Tallis Motors"), named(text, "Brenna Logistics", "company"),
          named(text, "Brenna Logistics", "company", 1)]
    assert resolved(text, ms) == [("its", "tallis-motors"), ("The carmaker", "tallis-motors"),
                                  ("it", "brenna-logistics")]


def test_forward_it_and_authorities_stand_for_nothing():
    text = "The trade ministry raised the levy. It is expected that the company will appeal."
    ms = [named(text, "trade ministry", "ministry")]
    assert resolved(text, ms) == []


def test_a_site_noun_stands_for_the_operator_and_a_venture_noun_for_the_named_venture():
    text = ("Orvane Auto runs an assembly plant outside Tangier. Riverlane Mobility, a joint venture of Orvane "
            "Auto and Kessel Group, leases the cars. The facility makes 40,000 vans a year, and the venture "
            "rents them out.")
    ms = [named(text, "Orvane Auto"), named(text, "Riverlane Mobility", "company"),
          named(text, "Orvane Auto", occurrence=1), named(text, "Kessel Group", "company")]
    # the facility is the one of the sentence that named a plant, not the venture named since
    assert resolved(text, ms) == [("The facility", "orvane-auto"), ("the venture", "riverlane-mobility")]


def test_the_plant_after_a_sentence_naming_its_operator():
    text = "Orvane Auto runs an assembly plant outside Tangier. The plant makes 40,000 vans a year."
    assert resolved(text, [named(text, "Orvane Auto")]) == [("The plant", "orvane-auto")]


# --------------------------------------------------------------------------- relations through anaphors
def facts(result, file, *keys):
    return {tuple(str(c.record.get(k)) for k in keys) for c in result.candidates if c.file == file}


def test_a_site_of_the_company_named_before(gaz):
    text = ("Tallis Motors has signed a lease for land in Chile. The company will build electric buses at a new "
            "factory in Antofagasta from 2027.")
    assert ("['tallis-motors']", "antofagasta") in facts(run(gaz, text), "sites", "operator", "place")
    text = ("Orvane Auto posted a loss in the first quarter. Still, the Chinese automaker said it plans to open "
            "an assembly plant in Morocco.")
    assert ("['orvane-auto']", "morocco") in facts(run(gaz, text), "sites", "operator", "place")


def test_markets_of_the_company_named_before(gaz):
    text = ("Korvell Motors reported record revenue for the year. The carmaker began selling its vans in Peru and "
            "Colombia last month.")
    assert {("korvell-motors", "peru"), ("korvell-motors", "colombia")} <= facts(
        run(gaz, text), "market_presence", "exporter", "market")
    text = "Shares of Orvane Auto rose on Tuesday after it started exporting its compact SUVs to Chile and Argentina."
    assert {("orvane-auto", "chile"), ("orvane-auto", "argentina")} <= facts(
        run(gaz, text), "market_presence", "exporter", "market")


def test_partners_of_the_company_named_before(gaz):
    text = "Harlow Leasing Group had a difficult year. It has now signed a cooperation agreement with Dunmore Coaches."
    assert ("['harlow-leasing-group', 'dunmore-coaches']",) in facts(run(gaz, text), "partnerships", "partners")
    text = "Brisco Motors is expanding fast. The firm formed a partnership with Vantor Energy Ltd. to build hubs."
    assert ("['brisco-motors', 'vantor-energy-ltd']",) in facts(run(gaz, text), "partnerships", "partners")


def test_the_plant_named_again_with_a_narrower_place(gaz):
    text = ("Korvell Motors opened a plant in Peru in 2024. The factory, in the northern city of Trujillo, will "
            "start assembling pickups next year.")
    sites = facts(run(gaz, text), "sites", "operator", "place")
    assert ("['korvell-motors']", "trujillo") in sites and ("['korvell-motors']", "peru") not in sites
    text = "Orvane Auto runs a factory in Morocco. The plant, located in Tangier, assembles compact SUVs."
    sites = facts(run(gaz, text), "sites", "operator", "place")
    assert ("['orvane-auto']", "tangier") in sites and ("['orvane-auto']", "morocco") not in sites


def test_where_goods_are_shipped_is_no_site(gaz):
    text = ("Korvell Motors opened a plant in Lima in 2024. The facility will start assembling pickups for export "
            "to Ecuador next year.")
    assert "ecuador" not in {p for _, p in facts(run(gaz, text), "sites", "operator", "place")}
    text = "Orvane Auto builds vans at its plant near Tangier and ships them to Spain."
    result = run(gaz, text)
    assert "spain" not in {p for _, p in facts(result, "sites", "operator", "place")}
    assert ("orvane-auto", "spain") in facts(result, "market_presence", "exporter", "market")


def test_every_place_of_a_list_gets_its_site(gaz):
    assert {("['lanshan-motors']", "thailand"), ("['lanshan-motors']", "brazil")} <= facts(
        run(gaz, "Lanshan Motors already runs plants in Thailand and Brazil."), "sites", "operator", "place")
    text = "Besides its home base, Orvane Auto operates factories in Egypt, Kenya and Nigeria."
    assert {("['orvane-auto']", p) for p in ("egypt", "kenya", "nigeria")} <= facts(
        run(gaz, text), "sites", "operator", "place")


def test_the_partner_after_with_does_not_run_the_robotaxis(gaz):
    for text, operator, partner, place in [
            ("Qingyun Robotics will work with local bus operator Nordtrafik to run a fleet of robotaxis in "
             "Copenhagen.", "qingyun-robotics", "nordtrafik", "copenhagen"),
            ("Pinecrest Motors is teaming up with taxi firm Valby Cabs Ltd. to deploy robotaxis in Oslo next "
             "year.", "pinecrest-motors", "valby-cabs-ltd", "oslo")]:
        deps = [c.record for c in run(gaz, text).candidates if c.file == "deployments"]
        assert [(d["operator"], d.get("partners"), d["places"]) for d in deps] == [(operator, [partner], [place])]


def test_a_described_subject_carries_the_company_into_the_next_sentence(gaz):
    # the partner named in the middle sentence is not what "It" means next
    text = ("Autonomous driving firm Qingyun Robotics won a permit in Denmark on Monday. The Guangzhou-based "
            "startup will work with bus operator Nordtrafik to run robotaxis in Copenhagen. It also runs robotaxi "
            "services in Abu Dhabi.")
    deps = {(c.record["operator"], p) for c in run(gaz, text).candidates if c.file == "deployments"
            for p in c.record["places"]}
    assert {("qingyun-robotics", "copenhagen"), ("qingyun-robotics", "abu-dhabi")} <= deps
    text = ("Shares in Pinecrest Motors rose on Monday. The Shenzhen-based company said it would open a "
            "factory in Oslo in June.")
    assert ("['pinecrest-motors']", "oslo") in facts(run(gaz, text), "sites", "operator", "place")


def test_not_the_name_inside_a_relative_clause(gaz):
    text = ("Brisco Motors, which has sold vans in India since 2023 through importer Trident Autos, had been "
            "weighing a plant in Tamil Nadu.")
    assert facts(run(gaz, text), "sites", "operator", "place") == {("['brisco-motors']", "tamil-nadu")}
    text = "Orvane Auto, whose vans are sold by Kessel Group in Peru, will open a factory in Chile."
    assert facts(run(gaz, text), "sites", "operator", "place") == {("['orvane-auto']", "chile")}


def test_a_place_where_goods_are_made_is_not_their_exporter(gaz):
    text = "The carmaker Brisco Motors produces vans in Thailand and Indonesia, and exports them to Australia."
    assert facts(run(gaz, text), "market_presence", "exporter", "market") == {("brisco-motors", "australia")}
    text = "Orvane Auto assembles buses in Egypt and ships them to Kenya and Nigeria."
    assert facts(run(gaz, text), "market_presence", "exporter", "market") == {
        ("orvane-auto", "kenya"), ("orvane-auto", "nigeria")}


def test_a_phrase_with_a_name_of_its_own_and_an_object_it_stand_for_nothing():
    from nevkg.ingest.extract.nlp import parse

    text = "Orvane Auto runs an assembly plant in Tangier. Demand does not fill the Kessel plant in Rabat."
    ms = [named(text, "Orvane Auto"), named(text, "Kessel", "company")]
    assert [a.text for a in resolve_anaphors(text, ms, split_sentences(text), parse(text))] == []
    for text in ("Korvell Motors raised its prices. Regulators in Peru fined it in May.",
                 "Korvell Motors raised its prices. Dealers in Peru praised it for the move."):
        ms = [named(text, "Korvell Motors")]
        assert [(a.text, a.id) for a in resolve_anaphors(text, ms, split_sentences(text), parse(text))] == [
            ("its", "korvell-motors")]


@pytest.mark.parametrize("text, place", [
    ("Riverlane Mobility is the JV of Tessaly Motor and Varun Group. The JV will build vans in Pune from 2027.",
     "pune"),
    ("Tessaly Motor and Varun Group set up Riverlane Mobility last year. The venture plans a plant in Chennai.",
     "chennai"),
])
def test_the_venture_is_the_company_called_or_founded_as_one(gaz, text, place):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert [(c.record["operator"], c.record["place"]) for c in result.candidates if c.file == "sites"] == \
        [(["riverlane-mobility"], place)]


@pytest.mark.parametrize("text,file,keys,expected", [
    ("Brisco Motors, which is controlled by Kessel Group, said its exports to Chile rose to 4,000 cars in 2025.",
     "observations", ("subject", "value"), ("brisco-motors", "4000")),
    ("Halvard Trucks, which Kessel Group bought in 2022, said its deliveries to Peru reached 1,200 vans in 2025.",
     "market_presence", ("exporter", "market"), ("halvard-trucks", "peru")),
    ("Orvane Auto, a unit of Tallis Holdings, said it will open a plant in Peru.",
     "sites", ("operator", "place"), ("['orvane-auto']", "peru")),
    ("Calder Auto, which Kessel Group acquired in 2021, said it would start selling vans in Chile next year.",
     "market_presence", ("exporter", "market"), ("calder-auto", "chile")),
])
def test_it_in_a_reported_clause_is_the_speaker_not_a_name_in_its_relative_clause(gaz, text, file, keys, expected):
    assert facts(run(gaz, text), file, *keys) == {expected}


def test_a_persons_clause_names_whom_the_unit_is(gaz):
    text = "Mara Ellison, who heads Corvo Motors Chile, said the local unit would open 12 showrooms in 2026."
    assert facts(run(gaz, text), "observations", "subject", "value") == {("corvo-motors-chile", "12")}
