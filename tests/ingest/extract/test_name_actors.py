"""One-word company names the parser leaves unlabelled, found by what they do; on sentences written for these
tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract


def orgs(gaz, text):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    return {m.text for m in result.mentions if m.file == "organizations"}


@pytest.mark.parametrize("text, name", [
    ("Lyft bought a taxi app for 175 million euros. Lyft said the deal would close in May.", "Lyft"),
    ("Uber and Lyft compete in Canada. The deal lets Lyft offer rides in Germany.", "Lyft"),
])
def test_a_word_acting_as_a_company_is_one(gaz, nlp_pipeline, text, name):
    assert name in orgs(gaz, text)


@pytest.mark.parametrize("text, word", [
    ("Staffing will reach 900 by May. Staffing costs rose.", "Staffing"),
    ("Anna Provost runs the plant. Provost said it would hire 300 staff.", "Provost"),
    ("Exports rose in May. Analysts said demand was strong.", "Analysts"),
])
def test_common_words_and_surnames_are_not_companies(gaz, nlp_pipeline, text, word):
    assert word not in orgs(gaz, text)


def test_the_company_word_is_a_figure_s_subject(gaz, nlp_pipeline):
    result = extract("Lyft bought FreeNow for 175 million euros. Lyft said the deal closed in May.", gaz,
                     article_date="2026-03-15", source_id="test-source")
    obs = [c.record for c in result.candidates if c.file == "observations"]
    assert [(o["value"], o.get("subject")) for o in obs] == [(175000000, "lyft")]
