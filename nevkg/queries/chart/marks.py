"""Small drawing helpers of the charts: text, numbers, ticks, markers, footnotes, periods and their lengths."""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence
from typing import Any

from nevkg.errors import ParameterError
from nevkg.queries.chart.data import Point, span

COLOURS = ("#2e6db4", "#c0392b", "#1f7f5c", "#b06f00", "#8e44ad", "#00807f", "#7d6608", "#b04f97")


def esc(text: Any) -> str:
    """Text for SVG/HTML content and attribute values.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def num(value: float) -> str:
    """A figure as people write it: ``583,000``, ``16.97``, ``6,410,000``.

    >>> num(583000), num(16.97), num(2.0), num(-1.5)
    ('583,000', '16.97', '2', '-1.5')
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def tick(value: float) -> str:
    """A short axis label: ``1.5M``, ``250k``, ``40``."""
    magnitude = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            return f"{value / limit:g}{suffix}"
    return f"{value:g}"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high].

    >>> nice_ticks(0, 583000)
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


def days(text: str, end: bool = False) -> int:
    first, last = span(text)
    return (last if end else first).toordinal()


def source_notes(points: Sequence[Point]) -> tuple[list[tuple[str, str, str, str]], dict[str, int]]:
    notes: list[tuple[str, str, str, str]] = []
    index: dict[str, int] = {}
    for p in points:
        for src in p.sources or ((p.source_id, p.source_title, p.source_date, p.source_publisher),):
            if src[0] not in index:
                index[src[0]] = len(notes) + 1
                notes.append(src)
    return notes, index


def marker(p: Point, x: float, y: float, colour: str) -> str:
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


def point_attrs(p: Point, note: str) -> str:
    return (f'class="point" data-value="{esc(p.value)}" data-subject="{esc(p.subject_label)}" '
            f'data-scope="{esc(p.scope)}" data-period="{esc(p.period_start)}/{esc(p.period_end)}" '
            f'data-bound="{esc(p.bound)}" data-approximate="{str(p.approximate).lower()}" '
            f'data-source="{esc(p.source_id)}" data-note="{esc(note)}"')


def tooltip(p: Point) -> str:
    srcs = "; ".join(f"{t or i} ({pub + ', ' if pub else ''}{d or 'undated'})" for i, t, d, pub in p.sources)
    return (f"{p.series_label}: {p.qualifier}{num(p.value)} {p.unit} for {p.period_start} – {p.period_end}; "
            f"source: {srcs or p.source_title}")


def refs(p: Point, note_no: dict[str, int]) -> str:
    """The footnote numbers of a point's sources: ``[1][3]``."""
    ids = [s[0] for s in p.sources] or ([p.source_id] if p.source_id else [])
    return "".join(f"[{note_no[i]}]" for i in ids if i in note_no)


def short(text: str, room: float) -> str:
    chars = max(6, int(room / 7))
    return text if len(text) <= chars else text[:chars - 1] + "…"


def period_text(start: str, end: str) -> str:
    if start == end or not end:
        return start
    try:
        a0, a1 = span(start)
        b0, b1 = span(end)
    except ParameterError:
        return f"{start} – {end}"
    if a0.month == 1 and a0.day == 1 and b1.month == 12 and b1.day == 31:
        return str(a0.year) if a0.year == b1.year else f"{a0.year} – {b1.year}"
    return f"{start} – {end}"



def wrap(text: str, chars: int) -> list[str]:
    """Lines of at most ``chars`` characters (a long word is split rather than run over the edge).

    >>> wrap("China's vehicle exports, new energy and all vehicles", 24)
    ["China's vehicle exports,", 'new energy and all', 'vehicles']
    """
    return textwrap.wrap(str(text), max(int(chars), 8), break_long_words=True) or [""]


def days_of(p: Point) -> int:
    """How many days a point's period covers."""
    first = span(p.period_start or p.period_end)[0]
    last = span(p.period_end or p.period_start)[1]
    return (last - first).days + 1


def length_class(days: int) -> int:
    """A period length rounded to whole months (0: shorter than a month), so 28–31 days are all "a month".

    >>> length_class(365), length_class(59), length_class(31), length_class(28), length_class(7)
    (12, 2, 1, 1, 0)
    """
    return 0 if days < 27 else max(1, round(days / 30.44))


def length_name(months: int) -> str:
    """Words for a length class.

    >>> length_name(12), length_name(2), length_name(1), length_name(0), length_name(24)
    ('whole years', '2-month periods', 'single months', 'periods shorter than a month', '24-month periods')
    """
    return {12: "whole years", 1: "single months", 0: "periods shorter than a month"}.get(months,
                                                                                          f"{months}-month periods")
