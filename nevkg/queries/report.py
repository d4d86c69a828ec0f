"""Analytics results as text: a readable table for terminals, JSON and CSV for machines.

Each ``*_report`` function takes the output of the analytics function of the same name and returns the
text of one format; the CLI commands only resolve names, call the analytics, and print this.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from nevkg.queries.texttable import count_line, rows_table

__all__ = ["REPORT_FORMATS", "render_rows", "path_report", "grouped_report"]

REPORT_FORMATS = ("table", "json", "csv")


def render_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str) -> str:
    """Rows (dicts) in a format; lists in cells are joined with ``; `` for table and CSV.

    >>> print(render_rows([{"a": 1, "b": ["x", "y"]}], ["a", "b"], "csv"), end="")
    a,b
    1,x; y
    """
    if fmt == "json":
        return json.dumps(rows, indent=1, ensure_ascii=False, default=str)  # Decimal and date values as text

    def cell(value: Any) -> str:
        if isinstance(value, list | tuple):
            return "; ".join(str(v) for v in value)
        return "" if value is None else str(value)

    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[cell(r.get(c)) for c in columns] for r in rows])
        return buf.getvalue()
    return rows_table(columns, [[cell(r.get(c)) for c in columns] for r in rows], width=70) + "\n" + \
        count_line(len(rows))


HOP_COLUMNS = ["path", "hop", "from", "relation", "to", "direction", "via", "sources"]


def path_report(paths: list[list[dict[str, Any]]], fmt: str) -> str:
    """Paths: JSON ``{"paths": [[hop, …], …]}``; CSV one row per hop; a table of readable lines and hops."""
    if fmt == "json":
        return json.dumps({"paths": paths}, indent=1, ensure_ascii=False)
    rows = [{"path": i, "hop": j, **hop} for i, hops in enumerate(paths, 1) for j, hop in enumerate(hops, 1)]
    if fmt == "csv":
        return render_rows(rows, HOP_COLUMNS + ["from_id", "to_id"], "csv")
    if not paths:
        return "no connection"
    from nevkg.queries.analytics import path_text  # networkx and rdflib: only for paths

    lines = [f"{i}. {path_text(hops)}" for i, hops in enumerate(paths, 1)]
    return "\n".join(lines) + "\n\n" + render_rows(rows, HOP_COLUMNS, "table")


def grouped_report(groups: list[dict[str, Any]], key: str, columns: list[str], fmt: str) -> str:
    """Groups with ``ties`` (footprint, exposure): JSON as is; one row per tie, led by the group's ``key``."""
    if fmt == "json":
        return json.dumps(groups, indent=1, ensure_ascii=False)
    rows = [{key: g[key], **tie} for g in groups for tie in g["ties"]]
    return render_rows(rows, [key, *columns], fmt)
