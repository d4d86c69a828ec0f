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
