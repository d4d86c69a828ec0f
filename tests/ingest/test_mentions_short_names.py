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
