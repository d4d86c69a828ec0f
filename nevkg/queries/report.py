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


def render_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, *, width: int | None = None,
                max_rows: int | None = None) -> str:
    """Rows (dicts) in a format; lists in cells are joined with ``; `` for table and CSV.

    A table wraps long cells to fit ``width`` and shows at most ``max_rows`` rows (see
    :func:`nevkg.queries.results.table_options`), saying so under it; JSON and CSV hold everything.

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
    shown = min(len(rows), max_rows) if max_rows is not None else None
    return rows_table(columns, [[cell(r.get(c)) for c in columns] for r in rows], width=width, max_rows=max_rows) \
        + "\n" + count_line(len(rows), shown)


HOP_COLUMNS = ["path", "hop", "sentence", "from", "relation", "to", "direction", "via", "sources"]


def path_report(paths: list[list[dict[str, Any]]], fmt: str, *, width: int | None = None) -> str:
    """Paths: JSON ``{"paths": [[hop, …], …]}``; CSV one row per hop; for people, each path as a line of
    arrows and then one sentence per hop, in the order the path reads, with the fact and sources behind it.

    >>> hops = [{"from": "Guangzhou", "to": "WeRide", "relation": "is based in", "direction": "backward",
    ...          "via": "", "sources": ["36kr"]}]
    >>> print(path_report([hops], "table"))
    1. Guangzhou ← is based in ← WeRide
    <BLANKLINE>
    hop  sentence                       fact  sources
    ---  -----------------------------  ----  -------
    1    WeRide is based in Guangzhou.        36kr
    """
    if fmt == "json":
        return json.dumps({"paths": paths}, indent=1, ensure_ascii=False)
    from nevkg.queries.analytics import path_sentences, path_text  # networkx and rdflib: only for paths

    rows = [{"path": i, "hop": j, **hop, "sentence": sentence}
            for i, hops in enumerate(paths, 1)
            for j, (hop, sentence) in enumerate(zip(hops, path_sentences(hops), strict=True), 1)]
    if fmt == "csv":
        return render_rows(rows, HOP_COLUMNS + ["from_id", "to_id"], "csv")
    if not paths:
        return "no connection"
    out = []
    for i, hops in enumerate(paths, 1):
        table = rows_table(["hop", "sentence", "fact", "sources"],
                           [[str(j), s, h.get("via", ""), "; ".join(h.get("sources", []))]
                            for j, (h, s) in enumerate(zip(hops, path_sentences(hops), strict=True), 1)],
                           width=width)
        out.append(f"{i}. {path_text(hops)}\n\n{table}")
    return "\n\n".join(out)


def grouped_report(groups: list[dict[str, Any]], key: str, columns: list[str], fmt: str, *,
                   width: int | None = None, max_rows: int | None = None) -> str:
    """Groups with ``ties`` and ``other_ties`` (footprint, exposure): JSON as is; CSV one row per tie, led by
    the group's ``key``, with its ``kind``; for people, the presence ties, then the home and institutional
    ties under a heading of their own."""
    if fmt == "json":
        return json.dumps(groups, indent=1, ensure_ascii=False)
    if fmt == "csv":
        rows = [{key: g[key], **tie} for g in groups for tie in g["ties"] + g.get("other_ties", [])]
        return render_rows(rows, [key, *columns, "kind"], "csv")
    present = [{key: g[key], **tie} for g in groups for tie in g["ties"]]
    other = [{key: g[key], **tie} for g in groups for tie in g.get("other_ties", [])]
    text = "Presence\n\n" + render_rows(present, [key, *columns], "table", width=width, max_rows=max_rows)
    if other:
        text += ("\n\nNot presence: home country and institutional ties\n\n"
                 + render_rows(other, [key, "kind", *columns], "table", width=width, max_rows=max_rows))
    return text
