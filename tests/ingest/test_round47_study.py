"""Forms found on the round-47 samples (an e-minibus venture at Antsirabe, a showroom and ski buses in Andorra, e-buses
and a loan in Nuuk, e-buses, e-ferries and chargers on Cabo Verde, e-SUVs and a lease on Montserrat, an e-trike and
e-pickup venture at Mukalla) once their unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round16_study import _roles
from tests.ingest.test_round42_study import _flows


def test_sources_listed_after_a_counted_source_are_sources_too(gaz):
    text = ("Car imports\n\n"
            "Figures from the statistics office of Tonga show that 2,300 cars were imported between January and "
            "September. New Zealand, where most of the used cars are bought, shipped 1,400 of them, up 2 percent, "
            "followed by Japan with 500 and Australia with 210. Fiji sent 120 and China 90.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert {("new-zealand", "tonga"), ("japan", "tonga"), ("australia", "tonga")} <= flows
    assert not {("new-zealand", "japan"), ("japan", "australia"), ("fiji", "china"), ("china", "fiji")} & flows


def test_a_source_whose_verb_is_left_out_after_and_is_a_source(gaz):
    text = ("Car imports\n\n"
            "Some 410 vehicles were imported into Samoa in the first half. Japan supplied 250 of them and the "
            "United States 60, while 70 came from China.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert {("japan", "samoa"), ("united-states", "samoa"), ("china", "samoa")} <= flows
    assert not {("japan", "united-states"), ("china", "united-states")} & flows


def test_a_country_owning_the_body_that_counts_imports_is_the_importer_not_a_source(gaz):
    text = ("Buses\n\n"
            "Exports to Brazil grew fast.\n\n"
            "Figures from Samoa's Bureau of Statistics show that the country imported 900 vehicles in the first nine "
            "months, of which 200 came from China and 500 from Japan.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert {("china", "samoa"), ("japan", "samoa")} <= flows
    assert not {m for _, m in flows} & {"brazil"}
    assert not any(e == "samoa" for e, _ in flows)


def test_a_ministers_portfolio_of_several_fields_is_the_title_before_the_name(gaz):
    text = ("Fleet plan\n\n"
            "Tonga will buy 12 electric buses, Minister of Lands, Fisheries and Sustainability Sione Vaka Tuipulotu "
            "said in Nuku'alofa.\n\n"
            "The Minister of Home Affairs, Local Government and Youth, Mele Ana Fifita, said the buses would run from "
            "March. Tonga's Minister of Works and Utilities, Hon. Tevita Lomu, told reporters the depot was ready.")
    result = run(gaz, text, date="2026-12-10")
    roles = _roles(result)
    assert ("sione-vaka-tuipulotu", "tonga", "Minister of Lands, Fisheries and Sustainability") in roles
    assert ("mele-ana-fifita", "tonga", "Minister of Home Affairs, Local Government and Youth") in roles
    assert ("tevita-lomu", "tonga", "Minister of Works and Utilities") in roles
    orgs = {c.record["id"] for c in cands(result, "organizations")}
    assert not orgs & {"youth", "utilities", "local-government", "works-and-utilities"}


def test_a_side_or_party_before_a_legislators_title_is_left_out_and_mla_is_such_a_title(gaz):
    text = ("Bus fares\n\n"
            "Opposition MLA Hon. Corinne Blake-Hodge asked the Legislative Assembly on Thursday to publish the fares. "
            "MLA Dwayne Lake said the fares were fair.")
    result = run(gaz, text, date="2026-12-10")
    roles = _roles(result)
    assert ("corinne-blake-hodge", "legislative-assembly", "MLA") in roles
    assert ("dwayne-lake", "legislative-assembly", "MLA") in roles
    people = {c.record["id"] for c in cands(result, "people")}
    assert not any(p.startswith("mla") for p in people)


def test_of_the_company_noun_closing_a_title_is_the_organisation_named_before_not_title_words(gaz):
    text = ("Land deal\n\n"
            "The Kirkwall Harbour Corporation leased the land for 25 years, said Samir Ba-Hadi, chairman of the "
            "corporation. The Orkney Bus Trust will run the buses, said Mark Ban, chief executive of the trust.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("samir-ba-hadi", "kirkwall-harbour-corporation", "chairman") in roles
    assert ("mark-ban", "orkney-bus-trust", "chief executive") in roles


def test_a_rank_or_honorific_with_a_full_stop_before_a_name_ends_no_sentence(gaz):
    from nevkg.ingest.extract.sentences import split_sentences

    text = ("Trikes\n\n"
            "Tarim Trading Group will assemble the trikes. The group sold 1,200 three-wheelers this year, said its "
            "chief executive, Eng. Salem Bin Awad. The port is run by Capt. Omar Ba-Wazir.")
    assert len(split_sentences(text)) == 4
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("salem-bin-awad", "tarim-trading-group", "chief executive") in roles


def test_the_field_a_person_heads_at_an_organisation_is_the_remit_of_the_title(gaz):
    text = ("Power\n\n"
            "The utility Arctic Power will supply the depot. Nearly all of the town's power comes from hydropower, "
            "said Maja Lund, who heads customer relations at Arctic Power. Eva Dahl, who leads marketing at Arctic "
            "Power, agreed.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("maja-lund", "arctic-power", "head of customer relations") in roles
    assert ("eva-dahl", "arctic-power", "head of marketing") in roles


def test_a_market_named_by_its_town_is_the_towns_country(gaz):
    text = ("Cars for the islands\n\n"
            "Soufriere Motors, which sells used cars in Castries, was named by Ruihe Auto as its dealer for Saint "
            "Lucia and for Saint Vincent and the Grenadines. The company plans to open a sales office in Kingstown "
            "early next year, Rohan James said.")
    result = run(gaz, text, date="2026-12-10")
    markets = {(c.record["exporter"], c.record["activity"], c.record["market"])
               for c in cands(result, "market_presence")}
    assert ("soufriere-motors", "entered", "saint-vincent-and-the-grenadines") in markets
    assert not {m for _, _, m in markets} & {"kingstown", "castries"}


def test_a_short_name_in_brackets_after_a_legal_forms_full_stop_names_the_company(gaz):
    text = ("Buses\n\n"
            "The buyer, Transportes Urbanos de Santiago, S.A. (TUS), will place 24 of the buses in Praia. The "
            "chairman of the board of TUS, Ana Lima Duarte, said the first would arrive in May.")
    result = run(gaz, text, date="2026-12-10")
    orgs = {c.record["id"] for c in cands(result, "organizations")}
    assert "transportes-urbanos-de-santiago-s-a" in orgs and "tus" not in orgs
    assert any(p == "ana-lima-duarte" and o == "transportes-urbanos-de-santiago-s-a" for p, o, _ in _roles(result))


def test_a_source_whose_verb_is_left_out_is_no_importer_of_the_next_sentence(gaz):
    text = ("Car imports\n\n"
            "Some 2,100 used cars were imported into Gabon in the first half. Belgium supplied 900 of them and France "
            "600. Imports from China rose 20 percent to 310.")
    flows = _flows(run(gaz, text, date="2026-12-10"))
    assert ("china", "gabon") in flows
    assert ("china", "france") not in flows
