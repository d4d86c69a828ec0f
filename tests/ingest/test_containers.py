"""Containers of places the article implies: a known place named in one sentence with a known place that the
records put it in (sentences written for these tests)."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def implied(result) -> dict[str, list[str]]:
    return {c.record["id"]: c.record["located_in"] for c in result.candidates
            if c.file == "places" and c.rule == "named-with-container"}


def test_a_known_place_with_its_region_in_one_sentence(gaz):
    result = run(gaz, "Lumora Motors said Thailand, long a busy assembly hub in Southeast Asia, will host its "
                      "next plant.")
    assert implied(result) == {"thailand": ["southeast-asia"]}


def test_a_container_up_a_chain_of_records_counts(gaz):
    # the records put Brazil in South America and South America in the Americas
    result = run(gaz, "Korvell Motors opened its first factory in the Americas last week, in Brazil, where it "
                      "employs 900 people.")
    assert implied(result) == {"brazil": ["americas"]}


def test_no_container_for_a_list_of_markets_or_across_sentences(gaz):
    text = ("Korvell Motors sells its buses in Spain, Poland and Norway across Europe. "
            "Thailand is next. Demand in Southeast Asia keeps rising.")
    assert implied(run(gaz, text)) == {}


def new_place(result, rid):
    return next(c.record for c in result.candidates if c.file == "places" and c.record["id"] == rid)


def test_a_new_town_lies_in_the_one_country_named_around_it(gaz):
    text = "Korvell Motors is weighing several sites in Spain. Officials in Valladolid see the town as the favourite."
    assert new_place(run(gaz, text), "valladolid").get("located_in") == ["spain"]
    text = "Dunmore Coaches held talks in Romania last week. A site near Craiova could host the line."
    assert new_place(run(gaz, text), "craiova").get("located_in") == ["romania"]


def test_no_country_for_a_town_from_another_countrys_container_or_another_paragraph(gaz):
    text = "Dunmore Coaches looked at plants in Kragujevac and Trnava (Slovakia) before choosing."
    result = run(gaz, text)
    assert new_place(result, "trnava").get("located_in") == ["slovakia"]
    assert "located_in" not in new_place(result, "kragujevac")
    text = "Korvell Motors named Spain as its next market.\nOfficials in Valladolid see the town as a hub."
    assert "located_in" not in new_place(run(gaz, text), "valladolid")


def test_no_country_from_a_list_of_places(gaz):
    text = "Qingyun Robotics runs driverless services in Guangzhou and Wuhan, and has partners in Dubai and Singapore."
    assert "located_in" not in new_place(run(gaz, text), "wuhan")
    result = run(gaz, "Dunmore Coaches has depots in Arequipa and Cusco, and dealers in Bolivia and Chile.")
    assert "located_in" not in new_place(result, "arequipa") and "located_in" not in new_place(result, "cusco")


def test_a_country_named_for_something_of_its_own_is_no_container(gaz):
    # a possessive country speaks of its own quota, market or minister, not of the town named before it
    text = "Korvell Motors will build vans in Valladolid, and Mexico's new tariff worries its dealers."
    assert "located_in" not in new_place(run(gaz, text), "valladolid")
    text = "Dunmore Coaches chose a site near Craiova while Poland's subsidies went to its rivals."
    assert "located_in" not in new_place(run(gaz, text), "craiova")
    # the possessive country right before the town is its container
    text = "Dunmore Coaches opened a depot in Romania's Craiova last week, and Poland's rivals took note."
    assert new_place(run(gaz, text), "craiova").get("located_in") == ["romania"]
