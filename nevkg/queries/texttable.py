"""Plain-text tables for people: cells wrap to fit a terminal, never cut; a row cap on a terminal.

No rdflib here: the trade queries' command path uses these too.
"""

from __future__ import annotations

__all__ = ["rows_table", "count_line", "table_options", "TERMINAL_ROW_CAP"]

#: rows shown at most when a table is printed on a terminal (a pipe or a file gets every row)
TERMINAL_ROW_CAP = 200
#: a column is not wrapped narrower than this (or its header, if shorter)
MIN_COLUMN = 10
#: a word up to this long is not broken when a column narrows (longer ones are)
LONG_WORD = 48


def table_options(stream=None) -> dict:
    """``width`` and ``max_rows`` for :func:`rows_table`: the terminal's width and :data:`TERMINAL_ROW_CAP`
    when ``stream`` (default standard output) is a terminal, else no limits (the whole text, every row).

    >>> import io
    >>> table_options(io.StringIO())
    {'width': None, 'max_rows': None}
    """
    import shutil
    import sys

    stream = sys.stdout if stream is None else stream
    if not getattr(stream, "isatty", lambda: False)():
        return {"width": None, "max_rows": None}
    return {"width": shutil.get_terminal_size((100, 24)).columns, "max_rows": TERMINAL_ROW_CAP}


def _column_widths(header: list[str], rows: list[list[str]], width: int | None) -> list[int]:
    """Each column's width: its longest line, the widest ones narrowed (never below :data:`MIN_COLUMN` or
    the header) until the table fits ``width``."""
    natural = [max([len(h)] + [max((len(x) for x in r[i].split("\n")), default=0) for r in rows])
               for i, h in enumerate(header)]
    if width is None:
        return natural
    room = width - 2 * (len(header) - 1)
    # a column is not narrowed below its header, MIN_COLUMN, or its longest word (up to LONG_WORD): ids and
    # source names stay whole where they can
    words = [max([len(w) for r in rows for w in r[i].split()] or [0]) for i in range(len(header))]
    floor = [min(n, max(MIN_COLUMN, len(h), min(w, LONG_WORD))) for n, h, w in zip(natural, header, words, strict=True)]
    if sum(natural) <= room:
        return natural
    lo, hi = 0, max(natural)  # the largest cap c with sum(max(floor, min(natural, c))) <= room
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(f, min(n, mid)) for f, n in zip(floor, natural, strict=True)) <= room:
            lo = mid
        else:
            hi = mid - 1
    return [max(f, min(n, lo)) for f, n in zip(floor, natural, strict=True)]


def rows_table(header: list[str], rows: list[list[str]], *, width: int | None = None,
               max_rows: int | None = None) -> str:
    """Rows as an aligned plain-text table; long cells wrap (never cut) so the table fits ``width`` characters.

    Parameters
    ----------
    header : list of str
    rows : list of list of str
    width : int, optional
        The width to fit (a terminal's); default: no limit, every cell on one line.
    max_rows : int, optional
        Show at most this many rows (:func:`count_line` then says how many there are).

    Examples
    --------
    >>> print(rows_table(["a", "b"], [["x", "yy"]]))
    a  b
    -  --
    x  yy
    >>> print(rows_table(["name", "note"], [["BYD", "a factory in Thailand and deliveries in Europe"]], width=30))
    name  note
    ----  ------------------------
    BYD   a factory in Thailand
          and deliveries in Europe
    """
    import textwrap

    rows = rows[:max_rows] if max_rows is not None else rows
    widths = _column_widths(header, rows, width)
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in rows:
        cells = []
        for cell, w in zip(row, widths, strict=True):
            parts = []
            for line in cell.split("\n") or [""]:
                parts += textwrap.wrap(line, w, break_long_words=True, break_on_hyphens=False) or [""]
            cells.append(parts)
        for i in range(max(len(c) for c in cells) if cells else 0):
            lines.append("  ".join((c[i] if i < len(c) else "").ljust(w)
                                   for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


def count_line(n: int, shown: int | None = None) -> str:
    """``(1 row)``, ``(2 rows)``, ``(1,234 rows; 200 shown)``: the line under a table.

    >>> count_line(1), count_line(1234, 200), count_line(3, 3)
    ('(1 row)', '(1,234 rows; 200 shown)', '(3 rows)')
    """
    text = f"({n:,} row{'' if n == 1 else 's'}"
    if shown is not None and shown < n:
        text += f"; {shown:,} shown"
    return text + ")"
