"""The one place on the mention layer that says which countries an article names (:mod:`countries_here`)."""

from __future__ import annotations

from nevkg.ingest.extract.countries_here import country_entry, is_country_name
from nevkg.ingest.extract.mentions import _Entities
from nevkg.ingest.extract.nlp import parse
from tests.ingest.test_parse_rules import pipeline  # noqa: F401  (the pipeline fixture applies here too)


def entities(gaz, text: str) -> _Entities:
    ents = _Entities(text, gaz, parse(text))
    ents.run()
    return ents


def test_countries_of_a_span_with_or_without_adjectives(gaz):
    text = ("Buyers in the Spanish market liked the vans. Korvell Motors sells them in Spain and Peru, and soon "
            "in Chile. Tallis Motors builds vans in Peru.")
    ents = entities(gaz, text)
    assert [m.text for m in ents.countries_in(0, len(text))] == ["Spanish", "Spain", "Peru", "Chile", "Peru"]
    assert [m.text for m in ents.countries_in(0, 90, adjectives=False)] == ["Spain", "Peru"]
    assert [m.text for m in ents.most_named_country()] == ["Spanish", "Spain"]  # a tie: the first named
    assert [m.text for m in ents.most_named_country(adjectives=False)] == ["Peru", "Peru"]


def test_the_country_at_an_offset_and_inside_a_name(gaz):
    text = "The Thailand Board of Investment approved a plan by Korvell Motors to build vans in Vietnam."
    ents = entities(gaz, text)
    at = text.index("Vietnam") + 2
    assert ents.country_at(at).text == "Vietnam"
    assert ents.country_at(text.index("Korvell")) is None
    name_end = text.index(" approved")
    assert [m.text for m in ents.countries_in(0, name_end)] == []  # the name is an organisation …
    assert [m.id for m in ents.countries_in(0, name_end, inner=True)] == ["thailand"]  # … with a country inside


def test_a_word_names_a_country_from_the_records_or_the_built_in_list(gaz):
    assert is_country_name("Thailand", gaz) and is_country_name("Uzbekistan", gaz)
    assert not is_country_name("Rayong", gaz) and not is_country_name("Europe", gaz)
    assert country_entry("Thailand", gaz).id == "thailand" and country_entry("Europe", gaz) is None


def test_the_country_above_a_place_from_the_records_the_text_or_a_new_record(gaz):
    text = ("Korvell Motors opened showrooms in Ningbo and in Osh, Kyrgyzstan, and sells vans in Mexico. "
            "A warehouse in Lisbon serves Europe.")
    ents = entities(gaz, text)
    ids = {m.text: m.id for m in ents.mentions}
    assert ents.country_above(ids["Ningbo"]) == "china"  # the records' chain: Ningbo, Zhejiang, China
    assert ents.country_above(ids["Osh"]) == "kyrgyzstan"  # the container the text states for a new city
    assert ents.country_above(ids["Mexico"]) is None  # a country has no country above it
    assert ents.country_id("Kyrgyzstan") == "kyrgyzstan" and ents.country_id("Lisbon") is None
    assert ents.kind_of(ids["Lisbon"]) == "city" and ents.kind_of(None) is None
    assert ents.country_above(ids["Lisbon"]) is None  # a capital is not put in the country named just before it


def test_a_country_proposed_here_is_a_country_above_its_places(gaz):
    text = "Korvell Motors opened a showroom in Cochabamba, Bolivia, and another in Sofia."
    ents = entities(gaz, text)
    ids = {m.text: m.id for m in ents.mentions}
    assert ids["Bolivia"] in ents.new and ents.kind_of(ids["Bolivia"]) == "country"
    assert ents.country_above(ids["Cochabamba"]) == ids["Bolivia"] == ents.country_id("Bolivia")
    assert ents.country_above(ids["Sofia"]) is None  # Bulgaria's capital, not in Bolivia
