"""A public body whose name joins two fields with "and" is one organisation ("Roads and Transport Authority"),
while two companies joined by "and" stay two; sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract


@pytest.fixture(scope="module", autouse=True)
def pipeline(nlp_pipeline):
    return nlp_pipeline


def orgs(gaz, text):
    result = extract(text, gaz, article_date="2025-06-10", source_id="test-source")
    return sorted(c.record["label"] for c in result.candidates if c.file == "organizations")


@pytest.mark.parametrize("text, want", [
    ("The Dubai Roads and Transport Authority approved trials by a local start-up in the Jumeirah district.",
     ["Dubai Roads and Transport Authority"]),
    ("Beijing Science and Technology Commission published the rules for driverless tests.",
     ["Beijing Science and Technology Commission"]),
    ("Peru's Energy and Mines Ministry said the charging rules would change.", ["Energy and Mines Ministry"]),
    ("Officials of the Industry and Trade Bureau in Hanoi approved the plant.", ["Industry and Trade Bureau"]),
    ("Lanshan Group and Haiyue Auto signed the deal in Penang.", ["Haiyue Auto", "Lanshan Group"]),
])
def test_and_inside_a_public_bodys_name(gaz, text, want):
    assert orgs(gaz, text) == want
