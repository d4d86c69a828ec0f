"""People forms of round 8 (branch i15-people8): accented names, offices of state without an organisation in
their sentence, contact blocks, titles with a comma or a possessive inside, honorifics and particles. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def _roles(gaz, text):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in result.candidates
            if c.file == "roles"}


@pytest.mark.parametrize("text, role", [
    ('"Credit will tighten first," said Ramón Ibáñez, an economist at Banco Lucero in Bogotá.',
     ("ramon-ibanez", "banco-lucero", "economist")),
    ("Jürgen Köhler, an analyst at Rheinblick Research, expects more price cuts.",
     ("jurgen-kohler", "rheinblick-research", "analyst")),
])
def test_a_name_with_accented_letters_takes_its_title(gaz, text, role):
    assert role in _roles(gaz, text)
