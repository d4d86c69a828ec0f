"""The trade queries and the headline check on small fixture tables, with answers worked out by hand.

comtrade-small.csv: China's exports of HS 870380 to Germany, Spain, the UAE and Thailand (and the World
row) in 2024-01, 2024-02 and 2025-01, and of 870360 in 2024-01; plain-small.csv adds China → Germany
870380 in 2024-03 (95 M USD, 3,800 vehicles). The fixture records know Spain and the UAE; Germany and
Thailand are minted from their ISO codes.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Variable

from nevkg.graph.build import build
from nevkg.queries.headlines import check_headlines, format_headlines
from nevkg.queries.library import ask, get_query

from ..conftest import FIXTURE_RECORDS, RESOURCES

STATS = RESOURCES / "stats"
INPUTS = [FIXTURE_RECORDS, STATS / "comtrade-small.csv", STATS / "plain-small.csv", STATS / "headline-2026.csv"]
YEAR = {"reporter": "China", "product": "870380", "from": "2024-01", "to": "2024-12"}


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def trade_kg(request, tmp_path_factory):
    spec = "memory" if request.param == "memory" else f"oxigraph:{tmp_path_factory.mktemp('trade')}/kg"
    kg = build(spec, INPUTS, shipped=False)
    yield kg
    kg.close()


def _rows(result, *names):
    out = []
    for row in result.bindings:
        values = [row.get(Variable(n)) for n in names]
        out.append(tuple(None if v is None else str(v) if n.endswith("Label") else Decimal(str(v))
                         for n, v in zip(names, values, strict=True)))
    return out


def test_top_destinations(trade_kg):
    rows = _rows(ask(trade_kg, "trade-top-destinations", **YEAR), "destinationLabel", "value", "volume", "months")
    assert rows == [("Germany", 315_000_000, 12_800, 3), ("Spain", 90_000_000, 4_500, 2),
                    ("United Arab Emirates", 75_000_000, 2_500, 2), ("Thailand", 45_000_000, 2_250, 2)]


def test_change_year_on_year(trade_kg):
    rows = _rows(ask(trade_kg, "trade-change", reporter="China", product="870380", month="2025-01"),
                 "destinationLabel", "value", "previousMonth", "yearEarlier", "yoyPct")
    assert rows == [("Germany", 150_000_000, None, 100_000_000, 50), ("Spain", 60_000_000, None, 50_000_000, 20),
                    ("United Arab Emirates", 30_000_000, None, 30_000_000, 0),
                    ("Thailand", 10_000_000, None, 20_000_000, -50)]


def test_change_month_on_month(trade_kg):
    rows = _rows(ask(trade_kg, "trade-change", reporter="China", product="870380", month="2024-02"),
                 "destinationLabel", "previousMonth", "momPct", "yoyPct")
    assert rows == [("Germany", 100_000_000, 20, None), ("United Arab Emirates", 30_000_000, 50, None),
                    ("Spain", 50_000_000, -20, None), ("Thailand", 20_000_000, 25, None)]


def test_share_uses_the_world_row(trade_kg):
    rows = _rows(ask(trade_kg, "trade-share", destination="Spain", **YEAR), "value", "total", "sharePct")
    assert rows == [(90_000_000, 430_000_000, Decimal("20.93"))]  # 90 / (200 + 230) million


def test_unit_values(trade_kg):
    rows = _rows(ask(trade_kg, "trade-unit-values", **YEAR), "destinationLabel", "value", "vehicles", "unitValue")
    assert rows == [("United Arab Emirates", 75_000_000, 2_500, 30_000),
                    ("Germany", 315_000_000, 12_800, Decimal("24609.38")),
                    ("Spain", 90_000_000, 4_500, 20_000), ("Thailand", 45_000_000, 2_250, 20_000)]
    # 870360 to Germany: the February row has no quantity and is left out of the average
    rows = _rows(ask(trade_kg, "trade-unit-values", reporter="China", product="870360", **{"from": "2024-01",
                 "to": "2024-12"}), "destinationLabel", "value", "vehicles", "unitValue")
    assert ("Germany", 10_000_000, 400, 25_000) in rows


@pytest.mark.parametrize("name", ["trade-top-destinations", "trade-change", "trade-share", "trade-unit-values"])
def test_headers_are_complete(name):
    q = get_query(name)
    assert q.title and q.description and q.examples and all(p.example for p in q.params)


def test_headline_check(trade_kg):
    rows = check_headlines(trade_kg)
    assert [(r["curated_value"], r["table_sum"], r["difference_pct"], r["basis"]) for r in rows] == [
        (583_000, 576_000, -1.2, "World rows"), (580_000, 576_000, -0.69, "World rows")]
    assert rows[0]["curated_source"].endswith("/fixture-news-a") and rows[1]["curated_source"].endswith("/fixture-news-b")
    assert rows[0]["table_source"].endswith("/table-headline-2026-csv") and rows[0]["months"] == 2
    assert "-1.20" in format_headlines(rows)
