"""Charts as SVG: a measure over periods (lines of markers) or across subjects (bars), every value labelled.

Periods of different lengths never share an axis: when the figures cover, say, whole years and a two-month
stretch, each length gets its own panel, titled with it, with its own axis, under a line that says so.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from datetime import date

from nevkg.errors import QueryError
from nevkg.queries.chart.data import Point
from nevkg.queries.chart.marks import (
    COLOURS,
    days,
    days_of,
    esc,
    length_class,
    length_name,
    marker,
    nice_ticks,
    num,
    period_text,
    point_attrs,
    refs,
    short,
    source_notes,
    tick,
    tooltip,
    wrap,
)

__all__ = ["chart_svg", "default_title"]


def default_title(points: Sequence[Point]) -> str:
    """The measures and the series, in words."""
    measures = sorted({p.measure for p in points})
    return f"{', '.join(measures)} — {', '.join(dict.fromkeys(p.series_label for p in points))}"


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
    >>> year = Point("x", "China", "export volume", "2025-01-01", "2025-12-31", 2000000, "vehicles")
    >>> svg = chart_svg([p, year])
    >>> svg.count('class="panel"'), "whole years" in svg, "2-month periods" in svg
    (2, True, True)
    """
    points = list(points)
    if not points:
        raise QueryError("no data points to draw")
    units = sorted({p.unit for p in points})
    if len(units) > 1:
        raise QueryError(f"the points are in several units ({', '.join(units)}); choose one (unit=…)")
    if kind not in ("auto", "line", "bar"):
        raise QueryError(f"unknown chart kind {kind!r}; choose auto, line or bar")
    classes: dict[int, list[Point]] = {}
    for p in points:
        classes.setdefault(length_class(days_of(p)), []).append(p)
    if len(classes) == 1:
        return _panel(points, title, kind, width, height)[0]
    base = title or default_title(points)
    note = ("Figures over periods of different lengths are drawn in separate panels, each with its own axis: "
            "compare within a panel, not across panels.")
    lines = wrap(note, (width - 110) / 6.6)
    y = 16 + 18 * len(lines)
    parts = []
    for months, pts in sorted(classes.items(), reverse=True):
        svg, h = _panel(pts, f"{base} — {length_name(months)}", kind, width, height)
        parts.append(svg.replace("<svg ", f'<svg x="0" y="{y}" class="panel" data-months="{months}" ', 1))
        y += h
    head = "".join(f'<text x="86" y="{20 + 18 * i}" fill="#7e5109" font-weight="600" class="panel-note">'
                   f'{esc(line)}</text>' for i, line in enumerate(lines))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" viewBox="0 0 {width} {y}" '
            f'role="img" aria-label="{esc(base)}" font-family="system-ui, sans-serif" font-size="12">'
            f'<title>{esc(base)}</title><rect width="{width}" height="{y}" fill="#fff"/>{head}'
            + "\n".join(parts) + "</svg>")


def _panel(points: list[Point], title: str | None, kind: str, width: int, height: int) -> tuple[str, int]:
    """One chart (points of one period length) and its height."""
    units = sorted({p.unit for p in points})
    keys = list(dict.fromkeys(p.series_key for p in points))
    colour = {k: COLOURS[i % len(COLOURS)] for i, k in enumerate(keys)}
    label_of = {p.series_key: p.series_label for p in points}
    periods = {(p.period_start, p.period_end) for p in points}
    if kind == "auto":
        kind = "bar" if len(periods) == 1 and len(points) > 1 else "line"
    if kind not in ("line", "bar"):
        raise QueryError(f"unknown chart kind {kind!r}; choose auto, line or bar")
    notes, note_no = source_notes(points)
    note_lines = []
    for i, (sid, stitle, sdate, publisher) in enumerate(notes):
        text = f"[{i + 1}] {stitle or sid} — {publisher + ', ' if publisher else ''}{sdate or 'undated'}"
        for j, line in enumerate(textwrap.wrap(text, max(40, (width - 110) // 7), subsequent_indent="     ")):
            note_lines.append((sid, line, j == 0))
    title = title or default_title(points)
    left, right = 86, 24
    title_lines = wrap(title, (width - left - right) / 9.6)  # 17 px semibold: about 9.6 px a character
    key_lines = wrap(f"{units[0] or 'value'}; ≥ more than · ≤ less than · ≈ about (hollow markers); "
                     f"[n] = source, listed below", (width - left - right) / 6.6)
    head_h = 22 * len(title_lines) + 17 * len(key_lines)
    top = 22 + head_h
    height += head_h - 39  # the plot keeps its height whatever the title's
    legend_h = 22 * math.ceil(len(keys) / 3)
    plot_h = height - top - 64 - legend_h
    notes_h = 20 * len(note_lines) + 34
    total_h = height + notes_h
    plot_w = width - left - right
    values = [p.value for p in points]
    low, high = min(0.0, min(values)), max(0.0, max(values))
    ticks = nice_ticks(low, high * 1.12 if high > 0 else high)
    y_min, y_max = ticks[0], ticks[-1]

    def y_of(v: float) -> float:
        return top + plot_h - (v - y_min) / (y_max - y_min or 1) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total_h}" '
           f'viewBox="0 0 {width} {total_h}" role="img" aria-label="{esc(title)}" '
           f'font-family="system-ui, -apple-system, \'Segoe UI\', \'Noto Sans\', \'Noto Sans CJK SC\', sans-serif" '
           f'font-size="12" data-kind="{kind}">',
           f'<title>{esc(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#566573"/></marker></defs>',
           f'<rect width="{width}" height="{total_h}" fill="#fff"/>',
           *(f'<text x="{left}" y="{26 + 22 * i}" font-size="17" font-weight="600" fill="#1c2833" class="title">'
             f'{esc(line)}</text>' for i, line in enumerate(title_lines)),
           *(f'<text x="{left}" y="{22 * len(title_lines) + 22 + 17 * i}" fill="#5d6d7e" class="key">{esc(line)}</text>'
             for i, line in enumerate(key_lines))]
    for t in ticks:  # grid and y axis
        y = y_of(t)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{"#aab3bc" if t == 0 else "#e5e8eb"}"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#5d6d7e">{esc(tick(t))}</text>')

    if kind == "line":
        d0 = min(days(p.period_start or p.period_end) for p in points)
        d1 = max(days(p.period_end or p.period_start, end=True) for p in points) + 1
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
                a, b = days(p.period_start or p.period_end), days(p.period_end or p.period_start, end=True) + 1
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
            a, b = days(p.period_start or p.period_end), days(p.period_end or p.period_start, end=True) + 1
            x, y = x_of((a + b) / 2), y_of(p.value)
            c = colour[p.series_key]
            note = refs(p, note_no)
            label = f"{p.qualifier}{num(p.value)} {note}".strip()
            ly = y - 12
            while any(abs(ly - py) < 14 and abs(x - px) < 90 for px, py in placed):
                ly -= 14
            placed.append((x, ly))
            near_edge = x > left + plot_w - 8 * len(label) - 12
            tx, anchor = (x - 9, "end") if near_edge else (x + 9, "start")
            out.append(f'<g {point_attrs(p, note)}><title>{esc(tooltip(p))}</title>'
                       f'<line x1="{x_of(a):.1f}" x2="{x_of(b):.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{c}" '
                       f'stroke-width="3" opacity="0.35" stroke-linecap="round" class="period"/>'
                       f'{marker(p, x, y, c)}'
                       f'<text x="{tx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" fill="#1c2833" class="label">'
                       f'{esc(label)}</text></g>')
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
            note = refs(p, note_no)
            label = f"{p.qualifier}{num(p.value)} {note}".strip()
            style = (f'fill="{c}" fill-opacity="0.25" stroke="{c}" stroke-width="2" stroke-dasharray="5 3"'
                     if vague else f'fill="{c}" fill-opacity="0.85"')
            extra = ""
            if p.bound in ("lower", "upper"):
                up = p.bound == "lower"
                extra = (f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y:.1f}" y2="{(y - 18 if up else y + 18):.1f}" '
                         f'stroke="{c}" stroke-width="2" marker-end="url(#arrow)" class="marker bound-{p.bound}"/>')
            out.append(f'<g {point_attrs(p, note)}><title>{esc(tooltip(p))}</title>'
                       f'<rect x="{cx - bar_w / 2:.1f}" y="{min(y, y0):.1f}" width="{bar_w:.1f}" '
                       f'height="{abs(y0 - y):.1f}" {style} class="bar"/>{extra}'
                       f'<text x="{cx:.1f}" y="{min(y, y0) - (24 if p.bound == "lower" else 6):.1f}" '
                       f'text-anchor="middle" fill="#1c2833" class="label">{esc(label)}</text>'
                       f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#1c2833" '
                       f'class="category">{esc(short(p.series_label, slot))}</text></g>')
        start, end = next(iter(periods)) if len(periods) == 1 else (points[0].period_start, points[0].period_end)
        out.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 34}" text-anchor="middle" '
                   f'fill="#5d6d7e">{esc(period_text(start, end))}</text>')

    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#aab3bc"/>')
    ly = top + plot_h + 48
    for i, key in enumerate(keys):  # legend
        lx = left + (i % 3) * (plot_w / 3)
        yy = ly + 22 * (i // 3)
        out.append(f'<rect x="{lx:.1f}" y="{yy - 9}" width="12" height="12" fill="{colour[key]}" rx="2"/>'
                   f'<text x="{lx + 18:.1f}" y="{yy + 1}" fill="#1c2833" class="legend"><title>{esc(label_of[key])}'
                   f'</title>{esc(short(label_of[key], plot_w / 3 - 24))}</text>')
    ny = height + 4
    out.append(f'<text x="{left}" y="{ny}" font-weight="600" fill="#5d6d7e">Sources</text>')
    for i, (sid, line, first) in enumerate(note_lines):
        out.append(f'<text x="{left}" y="{ny + 20 * (i + 1)}" fill="#34495e" '
                   f'class="{"source" if first else "source-more"}" data-source="{esc(sid)}" '
                   f'xml:space="preserve">{esc(line)}</text>')
    out.append("</svg>")
    return "\n".join(out), total_h

