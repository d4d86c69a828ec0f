"""A new organisation's short name is that organisation, even where the parser called it a place or a person
(sentences written for these tests, invented companies)."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


@pytest.mark.parametrize("text, short, full", [
    ("Xiangjiang Motors signed a deal in Dubai on Tuesday. Xiangjiang shipped 9,400 vehicles to the Middle East "
     "in 2025, and Xiangjiang plans to double that.", "Xiangjiang", "xiangjiang-motors"),
    ("Jinhai Automobile opened an assembly line in Egypt last week. Jinhai exported 5,200 cars to Africa in 2025, "
     "and Jinhai expects more.", "Jinhai", "jinhai-automobile"),
    ("Tianyuan Motors signed a deal in Dubai on Tuesday. Tianyuan shipped 9,400 vehicles to the Middle East in "
     "2025, and Tianyuan plans to double that.", "Tianyuan", "tianyuan-motors"),
])
def test_a_short_name_the_parser_called_a_place_is_the_organisation(gaz, text, short, full):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    later = [m for m in result.mentions if m.text == short]
    assert later and all(m.id == full and m.file == "organizations" for m in later), later
    assert not any(c.record.get("label") == short for c in result.candidates
                   if c.file in {"places", "people", "organizations"}), "no record of its own"
    subjects = [c.record.get("subject") for c in result.candidates if c.file == "observations"]
    assert subjects == [full]


@pytest.mark.parametrize("text, name", [
    ("Brian Kingston, president of the Canadian Vehicle Manufacturers' Association, welcomed the move.",
     "Canadian Vehicle Manufacturers' Association"),
    ("Ana Kovacs, head of the Portuguese Car Importers’ Federation, backed the quota.",
     "Portuguese Car Importers’ Federation"),
])
def test_a_plural_possessive_inside_an_associations_name(gaz, text, name):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert name in [m.text for m in result.mentions if m.file == "organizations"]
    roles = [(c.record["title"], c.record["organization"]) for c in result.candidates if c.file == "roles"]
    assert len(roles) == 1 and roles[0][0] in {"president", "head"}


def test_a_possessive_before_a_title_stays_outside_the_name(gaz):
    result = extract("Korvan Motors' Chief Executive Lena Vogt said demand was strong.", gaz,
                     article_date="2026-03-15", source_id="test-source")
    assert "Korvan Motors" in [m.text for m in result.mentions if m.file == "organizations"]


@pytest.mark.parametrize("text, short, full", [
    ("Orvan Mobility Group signed a deal with a bus operator. Orvan will build buses in Chennai.", "Orvan",
     "orvan-mobility-group"),
    ("Harwick Tessaly Motor India will launch four models this year. Harwick Tessaly plans to sell 9,000 cars "
     "in India by 2027.", "Harwick Tessaly", "harwick-tessaly-motor-india"),
    ("Quillan Varo Automotive opened a plant in Pune. Later, Quillan Varo said exports would start in May.",
     "Quillan Varo", "quillan-varo-automotive"),
])
def test_the_first_words_of_a_new_name_are_its_short_form(gaz, text, short, full):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    later = [m for m in result.mentions if m.text == short]
    assert later and all(m.id == full for m in later), [(m.text, m.id, m.file) for m in result.mentions]
    assert not any(c.record.get("label") == short or c.record["id"] == short.lower().replace(" ", "-")
                   for c in result.candidates if c.file in {"places", "people", "organizations", "vehicle_models"})


def test_a_first_word_two_new_names_share_or_a_known_brand_is_no_short_form(gaz):
    text = "Varun Group and Varun Mobility Ltd signed a deal. Varun will build vans in Pune."
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert not any(m.text == "Varun" and m.rule == "short-name" for m in result.mentions)
    result = extract("Jaecoo UK Ltd opened 20 showrooms. Jaecoo sold 900 cars in May.", gaz,
                     article_date="2026-03-15", source_id="test-source")
    assert not any(m.text == "Jaecoo" and m.id == "jaecoo-uk-ltd" for m in result.mentions)


@pytest.mark.parametrize("text, short, full", [
    ("Riverlane Mobility Corporation (RMC) will build vans in Pune. RMC plans to export them to Nepal.", "RMC",
     "riverlane-mobility-corporation"),
    ("Tessaly Motor Group will open a plant in Chennai. TMG said the plant would employ 2,000 people.", "TMG",
     "tessaly-motor-group"),
])
def test_the_acronym_of_a_new_name_is_that_organisation(gaz, text, short, full):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert {m.id for m in result.mentions if m.text == short} == {full}
    assert short.lower() not in {c.record["id"] for c in result.candidates if c.file == "organizations"}


def _ids_of(result, short):
    return {m.id for m in result.mentions if m.text == short}


@pytest.mark.parametrize("text, short, full", [
    ("Corvane Logistica Holdings runs the Setubal terminal. Corvane handled 41,000 cars there in 2025.",
     "Corvane", "corvane-logistica-holdings"),
    ("The vans are sold by Marlow Fleet Solutions, an importer. Last year Marlow sold 2,300 of them.",
     "Marlow", "marlow-fleet-solutions"),
    ("The plant is run by Ostra Componentes, a Spanish supplier, and Ostra still owns the press shop.",
     "Ostra", "ostra-componentes"),
])
def test_a_leading_word_used_only_after_the_full_name_is_that_organisation(gaz, text, short, full):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert _ids_of(result, short) == {full}


def test_a_form_that_is_one_names_head_and_anothers_leading_word_is_the_first(gaz):
    text = ("Sorrel Mobility Holdings and Kanto Motor will form Sorrel Kanto Automotive, a joint venture. "
            "Sorrel will hold 51 per cent of it.")
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert _ids_of(result, "Sorrel") == {"sorrel-mobility-holdings"}


def test_a_name_never_runs_across_a_line_break(gaz):
    text = "Results for the year.\n\nBy order of the Board\nVantor Automobile Holdings Limited\nChairman\n"
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    labels = [c.record.get("label") for c in result.candidates if c.file == "organizations"]
    assert not any("\n" in (lab or "") for lab in labels), labels
    assert "Vantor Automobile Holdings Limited" in labels
