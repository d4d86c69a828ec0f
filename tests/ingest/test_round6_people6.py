"""People and policy forms of round 6 (branch i15-people6): :mod:`nevkg.ingest.extract.title_spans` and the
rules it feeds. Sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def _result(gaz, text):
    return extract(text, gaz, article_date="2026-03-15", source_id="test-source")


def _roles(gaz, text):
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in _result(gaz, text).candidates
            if c.file == "roles"}


@pytest.mark.parametrize("text, role", [
    ("Wu Qiming is chairman of Lingbo Auto Europe, the European arm of Lingbo Motor Group.",
     ("wu-qiming", "lingbo-auto-europe", "chairman")),
    ("Hanna Olsen, 58, is chief executive of Nordvik Leasing, the rental unit of Fjordbank Holdings, since May.",
     ("hanna-olsen", "nordvik-leasing", "chief executive")),
    ("Diego Marin is president of Andes Flotas (the fleet arm of Grupo Cordillera).",
     ("diego-marin", "andes-flotas", "president")),
])
def test_a_title_ends_at_the_organisation_a_comma_then_describes(gaz, text, role):
    got = _roles(gaz, text)
    assert role in got
    assert not any(r[0] == role[0] and r[1] != role[1] for r in got)  # not the parent named in the description
