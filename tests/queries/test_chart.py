"""Charts without a browser: the data points, and the SVG holds exactly them, labelled with their sources."""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from nevkg.errors import NevkgError, QueryError, UnknownNameError
from nevkg.queries.chart import Point, chart_svg, output, render_chart, series

SVG = "{http://www.w3.org/2000/svg}"


def points_of(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "point"]


def texts(el: ET.Element, cls: str) -> list[str]:
    return ["".join(t.itertext()) for t in el.iter(f"{SVG}text") if t.get("class") == cls]


def test_series_reads_values_qualifiers_and_sources(kg):
    pts = series(kg, "export volume", "China", unit="vehicles")
    assert len(pts) == 8
    assert [p.period_start for p in pts] == sorted(p.period_start for p in pts)
    nev = [p for p in pts if p.scope == "new energy vehicles"]
    assert [(p.value, p.period_start, p.period_end) for p in nev] == [(583000, "2026-01-01", "2026-02-28")]
    assert nev[0].source_date == "2026-03-01" and nev[0].source_id == "nev-export-driver-2026-03"
    vague = {(p.value, p.bound, p.approximate) for p in pts if p.period_start == "2024-01-01"
             and p.scope == "all vehicles"}
    assert vague == {(6400000, "lower", False), (6410000, "", True)}
    assert all(p.unit == "vehicles" and p.source_title for p in pts)


def test_series_filters_and_several_subjects(kg):
    both = series(kg, "sales volume", ["GAC Aion", "GAC Trumpchi"])
    assert sorted((p.subject_label, p.value) for p in both) == [("GAC Aion", 290000), ("GAC Trumpchi", 319200)]
    assert series(kg, "sales volume", "GAC Aion, GAC Trumpchi", period="2025") == both
    assert series(kg, "sales volume", "GAC Aion", period="2024") == []
    assert [p.value for p in series(kg, "sales volume", "Geely Auto", period="2026-02")] == [117000]
    with pytest.raises(UnknownNameError):
        series(kg, "no such measure at all", "China")


def panels_of(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [e for e in root.iter(f"{SVG}svg") if e.get("class") == "panel"] or [root]


def test_line_chart_has_every_point_with_value_and_source(kg):
    pts = series(kg, "export volume", "China", unit="vehicles")
    svg = chart_svg(pts, title="China's exports")
    drawn = points_of(svg)
    assert len(drawn) == len(pts)
    assert sorted(float(g.get("data-value")) for g in drawn) == sorted(float(p.value) for p in pts)
    notes_all = []
    assert {panel.get("data-kind") for panel in panels_of(svg)} == {"line", "bar"}  # years over time; one stretch
    for panel in panels_of(svg):
        notes = texts(panel, "source")
        notes_all += notes
        for g in (g for g in panel.iter(f"{SVG}g") if g.get("class") == "point"):
            (label,) = texts(g, "label")  # every label carries its value and a footnote of its own panel
            refs = re.findall(r"\[(\d+)\]", label)
            assert refs and all(1 <= int(r) <= len(notes) for r in refs)
    assert any("Exports in Overdrive — Sohu, 2025-04-16" in n for n in notes_all)
    labels = {"".join(texts(g, "label")) for g in drawn}
    assert any(lab.startswith("583,000 [") for lab in labels)
    lower = [g for g in drawn if g.get("data-bound") == "lower"]
    assert lower and all(texts(g, "label")[0].startswith("≥") for g in lower)
    assert all(any(m.get("class") == "marker bound-lower" for m in g) for g in lower)
    approx = [g for g in drawn if g.get("data-approximate") == "true"]
    assert approx and all(texts(g, "label")[0].startswith("≈") for g in approx)


def test_periods_of_different_lengths_never_share_an_axis(kg):
    pts = series(kg, "export volume", "China", unit="vehicles")
    lengths = {(p.period_start[5:], p.period_end[5:]) for p in pts}
    assert ("01-01", "12-31") in lengths and ("01-01", "02-28") in lengths  # years beside January–February
    svg = chart_svg(pts, title="China's exports")
    root = ET.fromstring(svg)
    assert any("separate panels" in t for t in texts(root, "panel-note"))
    panels = panels_of(svg)
    assert len(panels) >= 2
    for panel in panels:
        periods = [g.get("data-period") for g in panel.iter(f"{SVG}g") if g.get("class") == "point"]
        spans = {(date.fromisoformat(b) - date.fromisoformat(a)).days for a, b in (x.split("/") for x in periods)}
        assert max(spans) - min(spans) <= 3, f"one axis holds periods of {sorted(spans)} days"
        title = " ".join(texts(panel, "title"))
        assert title.startswith("China's exports — ")
        assert ("whole years" in title) == (min(spans) >= 364)
    months = [int(p.get("data-months")) for p in panels]
    assert {2, 12} <= set(months) and len(set(months)) == len(months)


def test_long_titles_wrap_inside_the_chart():
    title = "China's vehicle exports by month and by year, new energy vehicles against all vehicles, " \
            "as reported by the customs administration and the industry association"
    p = Point("urn:x", "China", "export volume", "2025-01-01", "2025-12-31", 5, "vehicles")
    root = ET.fromstring(chart_svg([p], title=title, width=640))
    lines = texts(root, "title")
    assert len(lines) >= 3 and " ".join(lines) == title
    # 17 px semibold is at most about 10 px a character in the fonts the page names; the browser test measures
    assert all(86 + 10 * len(line) <= 640 for line in lines)


def test_bar_chart_for_one_period(kg):
    pts = series(kg, "sales volume", ["GAC Aion", "GAC Trumpchi"], period="2025")
    svg = chart_svg(pts)
    root = ET.fromstring(svg)
    assert root.get("data-kind") == "bar" and len(panels_of(svg)) == 1
    drawn = points_of(svg)
    assert [(g.get("data-subject"), texts(g, "label")[0]) for g in drawn] == \
        [("GAC Aion", "290,000 [1]"), ("GAC Trumpchi", "319,200 [1]")]
    assert len([r for g in drawn for r in g.iter(f"{SVG}rect")]) == 2


def test_text_is_escaped():
    evil = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    p = Point("urn:x", evil, evil, "2025-01-01", "2025-12-31", 5, "cars", source_title=evil, source_id="s",
              sources=(("s", evil, "2025", evil),))
    svg = chart_svg([p], title=evil)
    assert "<script" not in svg and "<img" not in svg
    root = ET.fromstring(svg)  # still well-formed XML
    assert evil in "".join(texts(root, "source"))


def test_formats(tmp_path, monkeypatch):
    p = Point("urn:x", "China", "export volume", "2024-01-01", "2024-12-31", 6400000, "vehicles", bound="lower")
    page = render_chart([p], tmp_path / "c.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert render_chart([p], tmp_path / "c.svg").read_text(encoding="utf-8").startswith("<svg")
    assert render_chart([p], tmp_path / "c.txt", fmt="svg").read_text(encoding="utf-8").startswith("<svg")
    with pytest.raises(QueryError, match="format"):
        render_chart([p], tmp_path / "c.gif", fmt="gif")
    with pytest.raises(QueryError, match=r"cannot tell the chart format from 'x.pdf'.*\.html, \.svg or \.png"):
        render_chart([p], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    monkeypatch.setattr(output, "_chromium", lambda: None)
    with pytest.raises(NevkgError, match="Chromium"):
        render_chart([p], tmp_path / "c.png", fmt="png")
    assert not (tmp_path / "c.png").exists()


def test_files_are_readable_by_others(tmp_path):
    p = Point("urn:x", "China", "export volume", "2024-01-01", "2024-12-31", 6400000, "vehicles")
    old = os.umask(0o022)
    try:
        for name in ("c.html", "c.svg"):
            out = render_chart([p], tmp_path / name)
            assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(old)
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".")] == []  # no temporary file left


def test_refuses_mixed_units_and_nothing():
    a = Point("urn:a", "A", "m", "2025-01-01", "2025-12-31", 1, "percent")
    b = Point("urn:b", "B", "m", "2025-01-01", "2025-12-31", 2, "vehicles")
    with pytest.raises(QueryError, match="several units"):
        chart_svg([a, b])
    with pytest.raises(QueryError, match="no data"):
        chart_svg([])


def test_cli_chart_refuses_an_unknown_extension_and_writes_nothing(tmp_path):
    from click.testing import CliRunner

    from nevkg.cli import main

    out = tmp_path / "x.pdf"
    result = CliRunner().invoke(main, ["chart", "--store", "memory", "-o", str(out), "--measure", "export volume",
                                       "--subject", "China"])
    assert result.exit_code == 1, result.output
    assert "cannot tell the chart format from 'x.pdf'" in result.output and ".png" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []
