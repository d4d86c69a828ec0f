"""Statistics as observations in more wordings (periods of other clauses, times of statements); on sentences
written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def observations(gaz, text, date="2026-06-09"):
    """value → (subject, period start, period end) of every proposed observation."""
    result = extract(text, gaz, article_date=date, source_id="test-source")
    return {c.record["value"]: (c.record.get("subject"), c.record.get("period_start"), c.record.get("period_end"))
            for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value", [
    ("Velmora Motors will buy the Pune plant for $90 million, its first site since it entered India in 2022.",
     90000000),
    ("Orvista Mobility sold 4,000 cars, the most since it began exporting in 2019.", 4000),
])
def test_a_year_in_a_since_clause_is_not_the_figures_period(gaz, text, value):
    assert observations(gaz, text)[value][1] not in {"2022", "2019"}


@pytest.mark.parametrize("text, value, want", [
    ("Velmora Motors said in May it had sold 8,200 cars to buyers in its three Asian markets in the first quarter.",
     8200, ("2026-01", "2026-03")),
    ("Orvista Mobility reported in April that 3,400 units had gone to dealers across the Andes in March.", 3400,
     ("2026-03", "2026-03")),
])
def test_the_time_of_a_statement_is_not_the_figures_period(gaz, text, value, want):
    assert observations(gaz, text)[value][1:] == want
