"""Rows of :func:`nevkg.queries.risk.risk` as flat text: one table per section for people, columns for machines."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = ["RISK_COLUMNS", "SHORT_COLUMNS", "SECTION_TITLES", "risk_table", "risk_text"]

#: columns of :func:`risk_table`, in order (CSV and JSON keep them all)
RISK_COLUMNS = ["section", "score", "organization", "measure", "jurisdiction", "phase", "event", "date", "days",
                "status", "effect", "rate", "company_rate", "change_pp", "exposure", "reach", "nearness", "path",
                "sources"]
#: the columns a terminal table shows
SHORT_COLUMNS = ["score", "organization", "measure", "phase", "date", "days", "rate", "change_pp", "reach", "path"]
#: section → heading
SECTION_TITLES = {"threat": "Threats abroad (adverse measures), ranked by phase, then score",
                  "favourable": "Favourable abroad (reliefs, undertakings, arrangements): not threats",
                  "china": "China's own rules (domestic and export-side)"}


def _flat(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral() else str(v)
    return str(v)


def risk_table(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows of :func:`~nevkg.queries.risk.risk` as flat text, one key per :data:`RISK_COLUMNS`.

    Examples
    --------
    >>> risk_table([{"section": "threat", "score": 0.759, "organization": "BYD", "measure": "m",
    ...   "change_pp": Decimal("-0.4"), "sources": ["a", "b"]}])[0]["change_pp"]
    '-0.4'
    """
    return [{col: _flat(r.get(col)) for col in RISK_COLUMNS} for r in rows]


def _days(r: dict[str, Any]) -> str:
    if r.get("days") is None or r["days"] == "":
        return ""
    d = int(r["days"])
    return "today" if d == 0 else (f"in {d} days" if d > 0 else f"{-d} days ago")


def _block(r: dict[str, Any], width: int | None) -> str:
    """One row as a short block: score and who/what; when and how much; the path that brings it home."""
    import textwrap

    change = ""
    if r.get("change_pp") is not None:
        c = _flat(r["change_pp"])
        change = f" · change {'+' if not c.startswith('-') and c != '0' else ''}{c} pp"
    when = f"{r['phase']}: {r['event']} {r['date']} ({_days(r)})" if r.get("date") else f"{r['phase']}"
    lines = [f"{r['score']:<6} {r['organization']} — {r['measure']}",
             f"{when} · {r['rate']}{change} · {r['effect']}",
             f"{r['reach']}: {r['path']}",
             f"sources: {_flat(r['sources'])}"]
    wrap = (width or 10_000) - 7
    out = []
    for i, line in enumerate(lines):
        parts = textwrap.wrap(line, wrap, break_long_words=False, break_on_hyphens=False) or [""]
        out += [(parts[0] if i == 0 else " " * 7 + parts[0])] + [" " * 7 + p for p in parts[1:]]
    return "\n".join(out)


def risk_text(rows: list[dict[str, Any]], *, width: int | None = None, max_rows: int | None = None) -> str:
    """The rows for people: under each section's heading, one short block per row (score, organisation and
    measure; phase, date, rate and signed change; the path and its reach; sources), at most ``max_rows`` per
    section with a count line; a section with no row says so.

    Examples
    --------
    >>> print(risk_text([{"section": "threat", "score": 0.759, "organization": "BYD", "measure": "EU duties",
    ...   "phase": "coming", "event": "comes into force", "date": "2024-10-30", "days": 29, "effect": "adverse",
    ...   "rate": "17 % countervailing duty", "change_pp": Decimal("-0.4"), "reach": "direct",
    ...   "path": "BYD → opened deliveries in → Germany ⊂ European Union", "sources": ["eu-2024-2754"]}]))
    ... # doctest: +NORMALIZE_WHITESPACE
    Threats abroad (adverse measures), ranked by phase, then score
    <BLANKLINE>
    0.759  BYD — EU duties
           coming: comes into force 2024-10-30 (in 29 days) · 17 % countervailing duty · change -0.4 pp · adverse
           direct: BYD → opened deliveries in → Germany ⊂ European Union
           sources: eu-2024-2754
    (1 row)
    <BLANKLINE>
    Favourable abroad (reliefs, undertakings, arrangements): not threats
    <BLANKLINE>
    (none)
    <BLANKLINE>
    China's own rules (domestic and export-side)
    <BLANKLINE>
    (none)
    """
    from nevkg.queries.results import count_line

    parts = []
    for section, title in SECTION_TITLES.items():
        chosen = [r for r in rows if r["section"] == section]
        shown = chosen[:max_rows] if max_rows is not None else chosen
        body = "\n\n".join(_block(r, width) for r in shown) + "\n" + count_line(len(chosen), len(shown)) \
            if chosen else "(none)"
        parts.append(f"{title}\n\n{body}")
    return "\n\n".join(parts)
