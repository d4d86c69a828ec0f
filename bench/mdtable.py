"""The Markdown table every benchmark script prints (run as ``python bench/NAME.py``: this folder is on the path)."""

from __future__ import annotations


def markdown_table(header: tuple, rows: list[tuple]) -> str:
    """Rows under a header as an aligned Markdown table.

    >>> print(markdown_table(("a", "bb"), [(1, 2)]))
    | a | bb |
    |---|----|
    | 1 | 2  |
    """
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in [header, *rows]]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
