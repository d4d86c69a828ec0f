"""A company's founding year is never the period of a figure of the same sentence
(:func:`nevkg.ingest.extract.observation_periods._aside`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


@pytest.mark.parametrize("text, value, start", [
    ("Tengyun Auto makes electric vans in Hefei. Founded in 2015, it sold 412,000 vehicles in 2025.", 412000, "2025"),
    ("Nordlys Taxi AS, founded in 1987 and based in Oslo, operates a fleet of about 1,100 taxis.", 1100, "2026-03"),
    ("The company, established in 2019, delivered 52,000 cars last year.", 52000, "2025"),
])
def test_the_founding_year_is_not_the_figures_period(gaz, text, value, start):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    got = {(c.record["value"], c.record.get("period_start")) for c in result.candidates if c.file == "observations"}
    assert (value, start) in got
