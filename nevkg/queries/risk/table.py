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


def risk_text(rows: list[dict[str, Any]], *, width: int | None = None, max_rows: int | None = None) -> str:
    """The rows as one table per section, under its heading (a section with no row says so)."""
    from nevkg.queries.report import render_rows

    flat = risk_table(rows)
    parts = []
    for section, title in SECTION_TITLES.items():
        chosen = [f for f, r in zip(flat, rows, strict=True) if r["section"] == section]
        body = render_rows(chosen, SHORT_COLUMNS, "table", width=width, max_rows=max_rows) if chosen else "(none)"
        parts.append(f"{title}\n\n{body}")
    return "\n\n".join(parts)
