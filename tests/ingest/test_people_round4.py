"""People forms of round 4 (:mod:`nevkg.ingest.extract.roles_context`, :mod:`nevkg.ingest.extract.role_titles`,
:mod:`nevkg.ingest.extract.anaphora`): appointments announced or introduced, and a public body spoken of again
before a title ("the regulator's director"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def _roles(gaz, text):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in result.candidates
            if c.file == "roles"}


@pytest.mark.parametrize("text, role", [
    ("Sophie Martens was introduced as managing director of Pony.ai Europe on Monday.",
     ("sophie-martens", "pony-ai-europe", "managing director")),
    ("WeRide announced Daniel Moreau as its new chief financial officer on Tuesday.",
     ("daniel-moreau", "weride", "chief financial officer")),
    ("Uber confirmed Anna Lindqvist as its head of autonomous mobility last week.",
     ("anna-lindqvist", "uber", "head of autonomous mobility")),
])
def test_an_appointment_announced_introduced_or_confirmed(gaz, text, role):
    assert role in _roles(gaz, text)


@pytest.mark.parametrize("text, role", [
    ('The Land Transport Authority issued the licence. "Autonomous vehicles will be core," said Lim Hui Min, the '
     "authority's group director for technology and industry.",
     ("lim-hui-min", "land-transport-authority", "group director for technology and industry")),
    ("Kairo received a permit from the Roads and Transport Authority (RTA). Mariam Haddad, the regulator's director "
     "of autonomous transport, said the tests went well.",
     ("mariam-haddad", "roads-and-transport-authority", "director of autonomous transport")),
    ("Uber signed a deal with the Ministry of Transport. Jonas Berg, the ministry's head of road safety, said "
     "checks would follow.", ("jonas-berg", "ministry-of-transport", "head of road safety")),
])
def test_the_bodys_title_names_the_public_body_named_before(gaz, text, role):
    assert role in _roles(gaz, text)


@pytest.mark.parametrize("text, person", [
    ("Founder and CEO Dr. Hu Jiayi, a former engineer who set up WeRide in 2017, said the fleet would double.",
     "hu-jiayi"),
    ('"It works," said Prof. Marco Rossi of Milan.', "marco-rossi"),
    ("Dr Anna Weber agreed with the plan, Uber said.", "anna-weber"),
])
def test_an_honorific_is_no_part_of_a_persons_name(gaz, text, person):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    people = {m.id for m in result.mentions if m.file == "people"}
    assert person in people and not any(p.startswith(("dr-", "prof-")) for p in people)


@pytest.mark.parametrize("text, person", [
    ("Sophie van der Berg was named managing director of Pony.ai Europe. Van der Berg said the venture would "
     "start small.", "sophie-van-der-berg"),
    ("Carlos de la Fuente joined WeRide last year as chief technology officer. De la Fuente said mapping takes "
     "months.", "carlos-de-la-fuente"),
    ("Uber appointed Jan de Vries as its general manager for the Benelux. De Vries told reporters the app would "
     "add robotaxis.", "jan-de-vries"),
])
def test_a_surname_with_a_particle_opening_a_sentence_is_the_person_named_in_full(gaz, text, person):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    surname = person.split("-", 1)[1]  # "van-der-berg": never a person of its own beside the full name
    assert surname not in {m.id for m in result.mentions if m.file == "people"}
