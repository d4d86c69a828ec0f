"""Statistics as pictures: the observations of one measure for some subjects, drawn as an offline SVG chart.

* :func:`series` reads the data points by SPARQL, with the measure, subject, scope and unit bound as RDF
  terms (never pasted into the query text).
* :func:`render_chart` draws them without any JavaScript library: a measure over periods for one or more
  subjects (one line of markers per subject and scope; each value sits at the middle of its period with a
  whisker spanning the period, and only values over periods of the same length are joined), or, when every
  value covers the same period, a comparison across subjects (bars). Every value is labelled with its figure
  and a footnote number that names its source (publisher, date, title) under the chart. Vague figures are drawn
  as such: a lower bound ("more than 40 %") as an open upward triangle labelled ``≥``, an upper bound as an
  open downward triangle labelled ``≤``, an approximate figure ("nearly 130,000") as a hollow circle labelled
  ``≈``; an exact one as a filled circle. Output: SVG, a small HTML page with the SVG inline, or PNG (a
  screenshot by headless Chromium, when asked and installed).
"""

from __future__ import annotations

import html
import math
import os
import re
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from nevkg.errors import NevkgError, ParameterError, QueryError

__all__ = ["Point", "series", "render_chart", "chart_svg", "CHROMIUM_ARGS"]

#: flags for headless Chromium (no sandbox in containers, nothing fetched in the background)
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--hide-scrollbars", "--mute-audio")
_COLOURS = ("#2e6db4", "#c0392b", "#23936b", "#e69f00", "#8e44ad", "#00a0a0", "#7d6608", "#c05fa8")


@dataclass(frozen=True)
class Point:
    """One observed figure, with its qualifiers and sources."""

    subject: str
    subject_label: str
    measure: str
    period_start: str
    period_end: str
    value: float
    unit: str = ""
    scope: str = ""
    bound: str = ""
    approximate: bool = False
    source_title: str = ""
    source_date: str = ""
    source_publisher: str = ""
    source_id: str = ""
    observation: str = ""
    sources: tuple[tuple[str, str, str, str], ...] = field(default=())
    """Every source as ``(id, title, date, publisher)``; the ``source_*`` fields name the first."""

    @property
    def series_key(self) -> tuple[str, str]:
        return (self.subject, self.scope)

    @property
    def series_label(self) -> str:
        return self.subject_label + (f" — {self.scope}" if self.scope else "")

    @property
    def qualifier(self) -> str:
        """``"≥"``, ``"≤"``, ``"≈"`` (or ``"≈≥"``) or ``""``."""
        mark = {"lower": "≥", "upper": "≤"}.get(self.bound, "")
        return ("≈" if self.approximate else "") + mark


_SERIES_QUERY = """
SELECT DISTINCT ?obs ?subject ?subjectLabel ?measure ?measureLabel ?scope ?scopeLabel ?unit ?unitLabel
       ?start ?end ?value ?bound ?approx ?src ?title ?issued ?publisher WHERE {
  ?obs a nev:Observation ; nev:measure ?measure ; nev:subject ?subject ; nev:value ?value .
  OPTIONAL { ?subject rdfs:label ?subjectLabel }
  OPTIONAL { ?measure rdfs:label ?measureLabel }
  @SCOPE@
  @UNIT@
  OPTIONAL { ?obs nev:periodStart ?start }
  OPTIONAL { ?obs nev:periodEnd ?end }
  OPTIONAL { ?obs nev:bound ?bound }
  OPTIONAL { ?obs nev:approximate ?approx }
  OPTIONAL { ?obs prov:wasDerivedFrom ?src .
             OPTIONAL { ?src dcterms:title ?title }
             OPTIONAL { ?src dcterms:issued ?issued }
             OPTIONAL { ?src dcterms:publisher/rdfs:label ?publisher } }
}"""
_OPTIONAL_SCOPE = "OPTIONAL { ?obs nev:productScope ?scope . OPTIONAL { ?scope rdfs:label ?scopeLabel } }"
_REQUIRED_SCOPE = "?obs nev:productScope ?scope . OPTIONAL { ?scope rdfs:label ?scopeLabel }"
_OPTIONAL_UNIT = "OPTIONAL { ?obs nev:unit ?unit . OPTIONAL { ?unit rdfs:label ?unitLabel } }"
_REQUIRED_UNIT = "?obs nev:unit ?unit . OPTIONAL { ?unit rdfs:label ?unitLabel }"


def _parse_period(text: str) -> tuple[date, date]:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END`` → the first and last day covered."""
    parts = str(text).split("/")
    if len(parts) > 2:
        raise ParameterError(f"'{text}' is not a period; write YYYY, YYYY-MM, YYYY-MM-DD or START/END")
    first, _ = _span(parts[0])
    _, last = _span(parts[-1])
    return first, last


def _span(text: str) -> tuple[date, date]:
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*", text)
    if not m:
        raise ParameterError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        start = date(y, int(mo), 1)
        nxt = date(y + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    day = date(y, int(mo), int(d))
    return day, day


def series(kg, measure: str, subjects: str | Iterable[str], *, scope: str | None = None, unit: str | None = None,
           period: str | None = None) -> list[Point]:
    """The observed values of one measure for one or more subjects, oldest first.

    Parameters
    ----------
    kg : KnowledgeGraph
    measure : str
        The measure (label, id or IRI of a ``nev:Measure``): ``"export volume"``, ``"sales-volume"``.
    subjects : str or iterable of str
        Who or where the figures are about (names, ids or IRIs; a string may list several, comma-separated).
    scope : str, optional
        Only figures for this product scope (``"new energy vehicles"``, ``"nev"``).
    unit : str, optional
        Only figures in this unit (``"vehicles"``, ``"percent"``).
    period : str, optional
        Only figures whose period lies within this one: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``.

    Returns
    -------
    list of Point
        One point per observation (its sources listed in ``sources``, the first also in the ``source_*``
        fields), ordered by period, then subject and scope.

    Raises
    ------
    UnknownNameError, AmbiguousNameError
        A name names nothing, or several things.
    ParameterError
        A bad period.

    Examples
    --------
    >>> import nevkg
    >>> kg = nevkg.build("memory")
    >>> pts = series(kg, "export volume", "China", scope="nev")
    >>> [(p.period_start, p.period_end, p.value, p.unit) for p in pts]
    [('2026-01-01', '2026-02-28', 583000, 'vehicles')]
    >>> pts[0].source_title
    "NEVs become important driver for China's auto export growth"
    >>> [(p.value, p.qualifier) for p in series(kg, "export volume", "China", scope="all vehicles", period="2024")]
    [(6400000, '≥'), (6410000, '≈')]
    """
    from nevkg.queries.resolve import resolve

    measure_iri = resolve(kg, measure, kinds={"Measure"}, what="measure")
    names = [s.strip() for s in subjects.split(",")] if isinstance(subjects, str) else [str(s) for s in subjects]
    names = [n for n in names if n]
    if not names:
        raise ParameterError("name at least one subject")
    bindings: dict[str, Any] = {"measure": measure_iri}
    if scope is not None:
        bindings["scope"] = resolve(kg, scope, kinds={"ProductScope"}, what="product scope")
    if unit is not None:
        bindings["unit"] = resolve(kg, unit, kinds={"Unit"}, what="unit")
    within = _parse_period(period) if period else None
    text = _SERIES_QUERY.replace("@SCOPE@", _REQUIRED_SCOPE if scope is not None else _OPTIONAL_SCOPE) \
                        .replace("@UNIT@", _REQUIRED_UNIT if unit is not None else _OPTIONAL_UNIT)
    from nevkg.graph.project import _scalar, source_id

    grouped: dict[str, dict[str, Any]] = {}
    for name in names:
        subject = resolve(kg, name)
        for r in kg.query(text, {**bindings, "subject": subject}):
            key = str(r.obs)
            entry = grouped.get(key)
            if entry is None:
                value = _scalar(r.value)
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    continue
                entry = grouped[key] = {
                    "subject": str(r.subject), "subject_label": str(r.subjectLabel or r.subject),
                    "measure": str(r.measureLabel or r.measure), "period_start": str(r.start or ""),
                    "period_end": str(r.end or r.start or ""), "value": value,
                    "unit": str(r.unitLabel or r.unit or ""), "scope": str(r.scopeLabel or r.scope or ""),
                    "bound": str(r.bound or ""), "approximate": str(r.approx or "").lower() in ("true", "1"),
                    "observation": key, "sources": {}}
            if r.src is not None:
                sid = source_id(r.src)
                entry["sources"].setdefault(sid, (sid, str(r.title or ""), str(r.issued or ""),
                                                  str(r.publisher or "")))
    points = []
    for entry in grouped.values():
        srcs = tuple(sorted(entry.pop("sources").values(), key=lambda s: (s[2], s[0])))
        first = srcs[0] if srcs else ("", "", "", "")
        point = Point(**entry, sources=srcs, source_id=first[0], source_title=first[1], source_date=first[2],
                      source_publisher=first[3])
        if within is not None:
            try:
                start, end = _span(point.period_start)[0], _span(point.period_end)[1]
            except ParameterError:
                continue
            if start < within[0] or end > within[1]:
                continue
        points.append(point)
    points.sort(key=lambda p: (p.period_start, p.period_end, p.subject_label, p.scope, p.value, p.observation))
    return points


# -- drawing --------------------------------------------------------------------------------------------------
def _esc(text: Any) -> str:
    """Text for SVG/HTML content and attribute values.

    >>> _esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def _num(value: float) -> str:
    """A figure as people write it: ``583,000``, ``16.97``, ``6,410,000``.

    >>> _num(583000), _num(16.97), _num(2.0), _num(-1.5)
    ('583,000', '16.97', '2', '-1.5')
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _tick(value: float) -> str:
    """A short axis label: ``1.5M``, ``250k``, ``40``."""
    magnitude = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            return f"{value / limit:g}{suffix}"
    return f"{value:g}"


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high].

    >>> _nice_ticks(0, 583000)
    [0, 200000, 400000, 600000]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _days(text: str, end: bool = False) -> int:
    first, last = _span(text)
    return (last if end else first).toordinal()


def _source_notes(points: Sequence[Point]) -> tuple[list[tuple[str, str, str, str]], dict[str, int]]:
    notes: list[tuple[str, str, str, str]] = []
    index: dict[str, int] = {}
    for p in points:
        for src in p.sources or ((p.source_id, p.source_title, p.source_date, p.source_publisher),):
            if src[0] not in index:
                index[src[0]] = len(notes) + 1
                notes.append(src)
    return notes, index


def _marker(p: Point, x: float, y: float, colour: str) -> str:
    """The marker of one value: filled circle (exact), hollow circle (≈), open triangle up/down (≥ / ≤)."""
    if p.bound in ("lower", "upper"):
        up = p.bound == "lower"
        tip = y - 9 if up else y + 9
        base = y + 5 if up else y - 5
        arrow = f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{(y - 20 if up else y + 20):.1f}" ' \
                f'stroke="{colour}" stroke-width="1.5" marker-end="url(#arrow)"/>'
        return (arrow + f'<polygon points="{x:.1f},{tip:.1f} {x - 7:.1f},{base:.1f} {x + 7:.1f},{base:.1f}" '
                f'fill="#fff" stroke="{colour}" stroke-width="2" class="marker bound-{p.bound}"/>')
    if p.approximate:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#fff" stroke="{colour}" stroke-width="2" ' \
               f'stroke-dasharray="3 2" class="marker approximate"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{colour}" stroke="#fff" stroke-width="1.5" ' \
           f'class="marker exact"/>'


def _point_attrs(p: Point, note: str) -> str:
    return (f'class="point" data-value="{_esc(p.value)}" data-subject="{_esc(p.subject_label)}" '
            f'data-scope="{_esc(p.scope)}" data-period="{_esc(p.period_start)}/{_esc(p.period_end)}" '
            f'data-bound="{_esc(p.bound)}" data-approximate="{str(p.approximate).lower()}" '
            f'data-source="{_esc(p.source_id)}" data-note="{_esc(note)}"')


def _tooltip(p: Point) -> str:
    srcs = "; ".join(f"{t or i} ({pub + ', ' if pub else ''}{d or 'undated'})" for i, t, d, pub in p.sources)
    return (f"{p.series_label}: {p.qualifier}{_num(p.value)} {p.unit} for {p.period_start} – {p.period_end}; "
            f"source: {srcs or p.source_title}")


def chart_svg(points: Sequence[Point], *, title: str | None = None, kind: str = "auto", width: int = 960,
              height: int = 460) -> str:
    """The chart as an SVG document (a string). See :func:`render_chart`.

    Examples
    --------
    >>> p = Point("x", "China", "export volume", "2026-01-01", "2026-02-28", 583000, "vehicles",
    ...           source_title="<b>News</b>", source_date="2026-03", source_id="s1",
    ...           sources=(("s1", "<b>News</b>", "2026-03", "Pub"),))
    >>> svg = chart_svg([p])
    >>> svg.count('class="point"'), "583,000" in svg, "&lt;b&gt;News&lt;/b&gt;" in svg, "<b>" in svg
    (1, True, True, False)
    """
    points = list(points)
    if not points:
        raise QueryError("no data points to draw")
    units = sorted({p.unit for p in points})
    if len(units) > 1:
        raise QueryError(f"the points are in several units ({', '.join(units)}); choose one (unit=…)")
    measures = sorted({p.measure for p in points})
    keys = list(dict.fromkeys(p.series_key for p in points))
    colour = {k: _COLOURS[i % len(_COLOURS)] for i, k in enumerate(keys)}
    label_of = {p.series_key: p.series_label for p in points}
    periods = {(p.period_start, p.period_end) for p in points}
    if kind == "auto":
        kind = "bar" if len(periods) == 1 and len(points) > 1 else "line"
    if kind not in ("line", "bar"):
        raise QueryError(f"unknown chart kind {kind!r}; choose auto, line or bar")
    notes, note_no = _source_notes(points)
    note_lines = []
    for i, (sid, stitle, sdate, publisher) in enumerate(notes):
        text = f"[{i + 1}] {stitle or sid} — {publisher + ', ' if publisher else ''}{sdate or 'undated'}"
        for j, line in enumerate(textwrap.wrap(text, max(40, (width - 110) // 7), subsequent_indent="     ")):
            note_lines.append((sid, line, j == 0))
    title = title or f"{', '.join(measures)} — {', '.join(dict.fromkeys(label_of.values()))}"

    left, right, top = 86, 24, 58
    legend_h = 22 * math.ceil(len(keys) / 3)
    plot_h = height - top - 64 - legend_h
    notes_h = 20 * len(note_lines) + 34
    total_h = height + notes_h
    plot_w = width - left - right
    values = [p.value for p in points]
    low, high = min(0.0, min(values)), max(0.0, max(values))
    ticks = _nice_ticks(low, high * 1.12 if high > 0 else high)
    y_min, y_max = ticks[0], ticks[-1]

    def y_of(v: float) -> float:
        return top + plot_h - (v - y_min) / (y_max - y_min or 1) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total_h}" '
           f'viewBox="0 0 {width} {total_h}" role="img" aria-label="{_esc(title)}" '
           f'font-family="system-ui, -apple-system, \'Segoe UI\', \'Noto Sans\', \'Noto Sans CJK SC\', sans-serif" '
           f'font-size="12" data-kind="{kind}">',
           f'<title>{_esc(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#566573"/></marker></defs>',
           f'<rect width="{width}" height="{total_h}" fill="#fff"/>',
           f'<text x="{left}" y="26" font-size="17" font-weight="600" fill="#1c2833">{_esc(title)}</text>',
           f'<text x="{left}" y="44" fill="#5d6d7e">{_esc(units[0] or "value")}; ≥ more than · ≤ less than · '
           f'≈ about (hollow markers); [n] = source, listed below</text>']
    for t in ticks:  # grid and y axis
        y = y_of(t)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{"#aab3bc" if t == 0 else "#e5e8eb"}"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#5d6d7e">{_esc(_tick(t))}</text>')

    if kind == "line":
        d0 = min(_days(p.period_start or p.period_end) for p in points)
        d1 = max(_days(p.period_end or p.period_start, end=True) for p in points) + 1
        pad = max((d1 - d0) * 0.04, 15)
        d0, d1 = d0 - pad, d1 + pad

        def x_of(day: float) -> float:
            return left + (day - d0) / (d1 - d0) * plot_w

        first_year, last_year = date.fromordinal(int(d0)).year, date.fromordinal(int(d1)).year
        span_years = last_year - first_year
        step = 1 if span_years <= 8 else math.ceil(span_years / 8)
        for year in range(first_year, last_year + 2, step):
            day = date(year, 1, 1).toordinal()
            if d0 <= day <= d1:
                x = x_of(day)
                out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + plot_h}" stroke="#eef0f2"/>')
                out.append(f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle" fill="#5d6d7e">'
                           f'{year}</text>')
        if span_years < 2:  # months too
            day = date(first_year, 1, 1)
            while day.toordinal() <= d1:
                if d0 <= day.toordinal() <= d1 and day.month != 1:
                    x = x_of(day.toordinal())
                    out.append(f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle" fill="#95a5a6" '
                               f'font-size="10">{day.strftime("%b")}</text>')
                day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        for key in keys:
            pts = [p for p in points if p.series_key == key]
            mids = []
            for p in pts:
                a, b = _days(p.period_start or p.period_end), _days(p.period_end or p.period_start, end=True) + 1
                mids.append((p, (a + b) / 2, b - a, a, b))
            mids.sort(key=lambda m: (m[1], m[0].value))
            # join successive values over periods of the same length (a year to a year, a month to a month);
            # dashed when either is vague
            classes: dict[int, list[tuple[Point, float, int, int, int]]] = {}
            for item in mids:
                length = next((k for k in classes if abs(k - item[2]) <= 3), item[2])
                classes.setdefault(length, []).append(item)
            for items in classes.values():
                firsts = list({m[1]: m for m in reversed(items)}.values())  # one per period
                firsts.sort(key=lambda m: m[1])
                for (p, m, *_), (q, n, *_) in zip(firsts, firsts[1:], strict=False):
                    dash = ' stroke-dasharray="4 3"' if (p.bound or q.bound or p.approximate or q.approximate) else ""
                    out.append(f'<line x1="{x_of(m):.1f}" y1="{y_of(p.value):.1f}" x2="{x_of(n):.1f}" '
                               f'y2="{y_of(q.value):.1f}" stroke="{colour[key]}" stroke-width="2" opacity="0.6"'
                               f'{dash} class="join"/>')
        placed: list[tuple[float, float]] = []
        for p in points:
            a, b = _days(p.period_start or p.period_end), _days(p.period_end or p.period_start, end=True) + 1
            x, y = x_of((a + b) / 2), y_of(p.value)
            c = colour[p.series_key]
            refs = _refs(p, note_no)
            label = f"{p.qualifier}{_num(p.value)} {refs}".strip()
            ly = y - 12
            while any(abs(ly - py) < 14 and abs(x - px) < 90 for px, py in placed):
                ly -= 14
            placed.append((x, ly))
            near_edge = x > left + plot_w - 8 * len(label) - 12
            tx, anchor = (x - 9, "end") if near_edge else (x + 9, "start")
            out.append(f'<g {_point_attrs(p, refs)}><title>{_esc(_tooltip(p))}</title>'
                       f'<line x1="{x_of(a):.1f}" x2="{x_of(b):.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{c}" '
                       f'stroke-width="3" opacity="0.35" stroke-linecap="round" class="period"/>'
                       f'{_marker(p, x, y, c)}'
                       f'<text x="{tx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" fill="#1c2833" class="label">'
                       f'{_esc(label)}</text></g>')
    else:
        groups = list(dict.fromkeys(p.series_key for p in points))
        slot = plot_w / max(len(points), 1)
        bar_w = min(70.0, slot * 0.6)
        ordered = sorted(points, key=lambda p: (groups.index(p.series_key), p.value))
        for i, p in enumerate(ordered):
            c = colour[p.series_key]
            cx = left + slot * (i + 0.5)
            y0, y = y_of(0), y_of(p.value)
            vague = p.bound or p.approximate
            refs = _refs(p, note_no)
            label = f"{p.qualifier}{_num(p.value)} {refs}".strip()
            style = (f'fill="{c}" fill-opacity="0.25" stroke="{c}" stroke-width="2" stroke-dasharray="5 3"'
                     if vague else f'fill="{c}" fill-opacity="0.85"')
            extra = ""
            if p.bound in ("lower", "upper"):
                up = p.bound == "lower"
                extra = (f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y:.1f}" y2="{(y - 18 if up else y + 18):.1f}" '
                         f'stroke="{c}" stroke-width="2" marker-end="url(#arrow)" class="marker bound-{p.bound}"/>')
            out.append(f'<g {_point_attrs(p, refs)}><title>{_esc(_tooltip(p))}</title>'
                       f'<rect x="{cx - bar_w / 2:.1f}" y="{min(y, y0):.1f}" width="{bar_w:.1f}" '
                       f'height="{abs(y0 - y):.1f}" {style} class="bar"/>{extra}'
                       f'<text x="{cx:.1f}" y="{min(y, y0) - (24 if p.bound == "lower" else 6):.1f}" '
                       f'text-anchor="middle" fill="#1c2833" class="label">{_esc(label)}</text>'
                       f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#1c2833" '
                       f'class="category">{_esc(_short(p.series_label, slot))}</text></g>')
        start, end = next(iter(periods)) if len(periods) == 1 else (points[0].period_start, points[0].period_end)
        out.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 34}" text-anchor="middle" '
                   f'fill="#5d6d7e">{_esc(_period_text(start, end))}</text>')

    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#aab3bc"/>')
    ly = top + plot_h + 48
    for i, key in enumerate(keys):  # legend
        lx = left + (i % 3) * (plot_w / 3)
        yy = ly + 22 * (i // 3)
        out.append(f'<rect x="{lx:.1f}" y="{yy - 9}" width="12" height="12" fill="{colour[key]}" rx="2"/>'
                   f'<text x="{lx + 18:.1f}" y="{yy + 1}" fill="#1c2833" class="legend">{_esc(label_of[key])}</text>')
    ny = height + 4
    out.append(f'<text x="{left}" y="{ny}" font-weight="600" fill="#5d6d7e">Sources</text>')
    for i, (sid, line, first) in enumerate(note_lines):
        out.append(f'<text x="{left}" y="{ny + 20 * (i + 1)}" fill="#34495e" '
                   f'class="{"source" if first else "source-more"}" data-source="{_esc(sid)}" '
                   f'xml:space="preserve">{_esc(line)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _refs(p: Point, note_no: dict[str, int]) -> str:
    """The footnote numbers of a point's sources: ``[1][3]``."""
    ids = [s[0] for s in p.sources] or ([p.source_id] if p.source_id else [])
    return "".join(f"[{note_no[i]}]" for i in ids if i in note_no)


def _short(text: str, room: float) -> str:
    chars = max(6, int(room / 7))
    return text if len(text) <= chars else text[:chars - 1] + "…"


def _period_text(start: str, end: str) -> str:
    if start == end or not end:
        return start
    try:
        a0, a1 = _span(start)
        b0, b1 = _span(end)
    except ParameterError:
        return f"{start} – {end}"
    if a0.month == 1 and a0.day == 1 and b1.month == 12 and b1.day == 31:
        return str(a0.year) if a0.year == b1.year else f"{a0.year} – {b1.year}"
    return f"{start} – {end}"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>@@TITLE@@</title>
<style>
body { margin: 16px; font-family: system-ui, sans-serif; background: #fff; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
@@SVG@@
</body>
</html>
"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def _png(page: str, out: Path, width: int, height: int) -> None:
    browser = _chromium()
    if browser is None:
        raise NevkgError("PNG output needs Chromium (Debian: apt-get install chromium); write svg or html instead")
    with tempfile.TemporaryDirectory(prefix="nevkg-chart-") as tmp:
        src = Path(tmp) / "chart.html"
        src.write_text(page, encoding="utf-8")
        shot = Path(tmp) / "chart.png"
        cmd = [browser, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={tmp}/profile",
               f"--window-size={width + 32},{height + 32}", f"--screenshot={shot}", src.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            raise NevkgError("Chromium took more than 60 s to draw the chart") from None
        if not shot.exists():
            raise NevkgError(f"Chromium did not write the PNG (exit {proc.returncode}): {proc.stderr.strip()[-300:]}")
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp_out = out.with_name(f".{out.name}.tmp")
        shutil.copyfile(shot, tmp_out)
        os.replace(tmp_out, out)


def render_chart(points: Sequence[Point], out_path: str | os.PathLike, *, fmt: str = "html",
                 title: str | None = None, kind: str = "auto") -> Path:
    """Write a chart of data points as an offline SVG, HTML page or PNG.

    Parameters
    ----------
    points : sequence of Point
        From :func:`series`; all in one unit.
    out_path : str or path
        The file to write (replaced atomically; parent folders are made).
    fmt : {"html", "svg", "png"}, optional
        ``html``: a small page with the SVG inline (default); ``svg``; ``png``: a screenshot of that page by
        headless Chromium (an error when Chromium is not installed).
    title : str, optional
        The chart's title (default: the measure and the subjects).
    kind : {"auto", "line", "bar"}, optional
        ``line``: the measure over periods; ``bar``: a comparison across subjects; ``auto`` (default): bars
        when every point covers the same period, else lines.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    QueryError
        No points, several units, or an unknown ``fmt``/``kind``.
    NevkgError
        PNG asked for and Chromium missing or failing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = Point("x", "Geely", "sales volume", "2026-02-01", "2026-02-28", 117000, "vehicles")
    >>> out = render_chart([p], pathlib.Path(tempfile.mkdtemp()) / "c.svg", fmt="svg")
    >>> out.read_text(encoding="utf-8").startswith("<svg")
    True
    """
    if fmt not in ("html", "svg", "png"):
        raise QueryError(f"unknown chart format {fmt!r}; choose html, svg or png")
    svg = chart_svg(points, title=title, kind=kind)
    m = re.search(r'width="(\d+)" height="(\d+)"', svg)
    width, height = (int(m.group(1)), int(m.group(2))) if m else (960, 600)
    from nevkg.queries.viz import _fill, write_atomic

    page = _fill(_PAGE, {"TITLE": _esc(title or "nevkg chart"), "SVG": svg})
    out = Path(out_path)
    if fmt == "png":
        _png(page, out, width, height)
        return out
    return write_atomic(out, svg + "\n" if fmt == "svg" else page)
