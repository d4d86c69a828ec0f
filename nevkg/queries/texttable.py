"""Plain-text tables for people (no rdflib: the trade queries' command path uses them too)."""

from __future__ import annotations

__all__ = ["rows_table", "count_line"]


def rows_table(header: list[str], rows: list[list[str]], *, width: int = 60) -> str:
    """Rows as an aligned plain-text table (cells cut at ``width`` characters).

    >>> print(rows_table(["a", "b"], [["x", "yy"]]))
    a  b
    -  --
    x  yy
    """
    cut = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cut]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cut]
    return "\n".join(lines)


def count_line(n: int) -> str:
    """``(1 row)``, ``(2 rows)``: the line under a table."""
    return f"({n} row{'' if n == 1 else 's'})"
