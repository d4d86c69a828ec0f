"""What a figure measures when it is a plant's capacity, an amount invested or a market share, and whose it is when
the subject is a facility ("the new factory will be able to build …") or "the brand's share in X"; sentences written
for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from tests.ingest.test_parse_rules import pipeline  # noqa: F401  (the pipeline fixture applies here too)


def figures(gaz, text):
    """value → (subject, measure, destination, period start) of every proposed observation."""
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    return {c.record["value"]: (c.record.get("subject"), c.record.get("measure"), c.record.get("destination"),
                                c.record.get("period_start")) for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value, subject", [
    ("Brisco Motors is expanding in Thailand. The new factory in Rayong will be able to build 120,000 vehicles a "
     "year once it is completed in 2027.", 120000, "brisco-motors"),
    ("Tallis Motors said its Hungarian plant has an annual capacity of 200,000 units.", 200000, "tallis-motors"),
    ("Calder Auto's line in Tangier can turn out 45,000 vans a year.", 45000, "calder-auto"),
])
def test_a_capacity_is_a_production_capacity_with_no_time(gaz, text, value, subject):
    assert figures(gaz, text)[value] == (subject, "production-capacity", None, None)


@pytest.mark.parametrize("text, value, subject, dest", [
    ("Kessel Group will invest 1.2 billion euros in a battery plant in Hungary.", 1200000000, "kessel-group",
     "hungary"),
    ("Kessel Group plans to invest 800 million dollars in Mexico.", 800000000, "kessel-group", "mexico"),
    ("The investment of $300 million by Orvane Auto covers a paint shop and a test track.", 300000000,
     "orvane-auto", None),
])
def test_money_invested_is_an_investment_amount(gaz, text, value, subject, dest):
    assert figures(gaz, text)[value] == (subject, "investment-amount", dest, None)


@pytest.mark.parametrize("text, value, subject, dest", [
    ("Orvane Auto is growing fast in Europe. The brand's market share in Norway rose to 4.6% in 2025.", 4.6,
     "orvane-auto", "norway"),
    ("Brisco Motors opened a showroom in Madrid. The carmaker's share in Spain reached 1.8% in May.", 1.8,
     "brisco-motors", "spain"),
    ("Orvane Auto held a 4.6% share of the market in Norway last year.", 4.6, "orvane-auto", "norway"),
])
def test_a_share_in_a_market_is_the_companys_there(gaz, text, value, subject, dest):
    assert figures(gaz, text)[value][:3] == (subject, "market-share", dest)
