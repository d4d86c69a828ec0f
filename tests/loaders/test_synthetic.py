"""The synthetic Comtrade generator: deterministic, realistic enough, loadable."""

from __future__ import annotations

import csv
import io

from nevkg.loaders.statistics import StatisticsLoader, TableContext
from nevkg.loaders.synthetic import COLUMNS, PRODUCTS, generate_comtrade


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_same_seed_same_file_other_seed_other_file():
    a, b, c = io.StringIO(), io.StringIO(), io.StringIO()
    assert generate_comtrade(4000, a, seed=5) == generate_comtrade(4000, b, seed=5) == 4000
    generate_comtrade(4000, c, seed=6)
    assert a.getvalue() == b.getvalue() != c.getvalue()


def test_layout_and_content():
    buf = io.StringIO()
    generate_comtrade(12_000, buf, seed=1)
    rows = _rows(buf.getvalue())
    assert len(rows) == 12_000 and list(rows[0]) == COLUMNS
    assert {r["cmdCode"] for r in rows} == set(PRODUCTS)
    assert "CHN" in {r["reporterISO"] for r in rows} and len({r["reporterISO"] for r in rows}) >= 4
    partners = {r["partnerISO"] for r in rows} - {"W00"}
    assert 150 <= len(partners) <= 200
    assert len({r["period"] for r in rows}) >= 2 and all(len(r["period"]) == 6 for r in rows)
    assert any(r["qty"] == "" for r in rows) and any(r["netWgt"] == "" for r in rows)  # missing cells
    assert any(r["isQtyEstimated"] == "True" for r in rows)
    us = {r["partnerCode"] for r in rows if r["partnerISO"] == "USA"}
    assert us <= {"842"}  # Comtrade's own code, not ISO numeric 840
    # the World row sums its group
    world = [r for r in rows if r["partnerISO"] == "W00"]
    first = world[0]
    group = [r for r in rows if (r["period"], r["reporterISO"], r["cmdCode"]) ==
             (first["period"], first["reporterISO"], first["cmdCode"]) and r["partnerISO"] != "W00"]
    assert abs(sum(float(r["primaryValue"]) for r in group) - float(first["primaryValue"])) < 1
    values = [float(r["primaryValue"]) / int(r["qty"]) for r in rows if r["qty"] and r["cmdCode"] == "870380"]
    assert 10_000 < sorted(values)[len(values) // 2] < 40_000  # a plausible price per battery-electric car


def test_generated_table_loads_without_bad_rows(tmp_path):
    path = tmp_path / "g.csv"
    generate_comtrade(3000, path, seed=2)
    loader = StatisticsLoader(TableContext.shipped())
    quads = sum(len(c) for c in loader.stream(path))
    report = loader.reports[0]
    assert (report.rows, report.skipped) == (3000, 0) and report.observations > 5000 and quads == report.quads
