"""The extractor's rules over the statistical parse: the pipeline is needed (skipped without it, except in CI)."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract


@pytest.fixture(scope="module", autouse=True)
def pipeline(nlp_pipeline):
    """Every test here needs the statistical pipeline (the shared ``nlp_pipeline`` fixture skips or fails)."""
    return nlp_pipeline


@pytest.fixture
def run(gaz):
    """Extract from a text of one's own (article date 2026-03-15)."""

    def _run(text: str, date: str = "2026-03-15"):
        return extract(text, gaz, article_date=date, source_id="test-source")

    return _run


def records(result, file: str) -> list[dict]:
    """The records proposed for one record file."""
    return [c.record for c in result.candidates if c.file == file]
