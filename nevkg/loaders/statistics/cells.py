"""Reading a table: the file (plain or gzip), its layout, and the cells (numbers, periods) checked one by one."""

from __future__ import annotations

import calendar
import csv
import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from nevkg.errors import LoaderError, RecordError
from nevkg.loaders.statistics.vocab import _DECIMAL, _PLAIN_ALIASES, COMTRADE_COLUMNS, PLAIN_COLUMNS


class _BadRow(Exception):
    """One row that cannot be loaded (message says which column and why)."""


def detect_layout(header: list[str]) -> str:
    """``comtrade`` or ``plain`` from a header row.

    >>> detect_layout(["period", "reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue"])
    'comtrade'
    >>> detect_layout(["subject", "measure", "period_start", "value", "unit"])
    'plain'
    """
    names = set(header)
    if "reporterISO" in names or "cmdCode" in names:
        missing = [c for c in COMTRADE_COLUMNS if c not in names]
        if not ({"period", "refYear", "refPeriodId"} & names):
            missing.append("period (or refYear/refMonth)")
        if missing:
            raise _BadRow(f"a Comtrade table needs the column(s) {', '.join(missing)}")
        return "comtrade"
    plain = {_PLAIN_ALIASES.get(_norm(h), _norm(h)) for h in header}
    if "subject" in plain or "measure" in plain:
        missing = [c for c in PLAIN_COLUMNS if c not in plain]
        if missing:
            raise _BadRow(f"a nevkg table needs the column(s) {', '.join(missing)}")
        if "unit" not in plain and "currency" not in plain:
            raise _BadRow("a nevkg table needs a unit or a currency column")
        return "plain"
    raise _BadRow("unknown table layout: expected the UN Comtrade columns (" + ", ".join(COMTRADE_COLUMNS)
                  + ", period …) or the nevkg columns (subject, measure, destination, product, period_start, "
                    "period_end, value, unit, currency, qualifier, source)")


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())



def _draw(name: str, fh, size: int, shown: int) -> int:
    try:
        done = min(1.0, fh.buffer.tell() / size) if hasattr(fh, "buffer") else 0.0
    except (OSError, ValueError):
        return shown
    bar = int(30 * done)
    sys.stderr.write(f"\rloading {name} [{'#' * bar}{'.' * (30 - bar)}] {done:4.0%}")
    sys.stderr.flush()
    return shown + 1


def _open_text(path: Path):
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open("r", encoding="utf-8-sig", newline="")


def _chain_first(first: str, rest) -> Iterator[str]:
    yield first
    yield from rest


#: what reading a damaged file raises: a truncated or corrupt gzip stream (OSError, EOFError, zlib.error) or
#: bytes that are not UTF-8 (UnicodeDecodeError)
_DAMAGE = (OSError, EOFError, zlib.error, UnicodeDecodeError)


def damaged(path: Path, line: int, exc: BaseException) -> LoaderError:
    """The error for a file that cannot be read on from ``line`` on (a damaged gzip stream, bytes not UTF-8)."""
    if isinstance(exc, UnicodeDecodeError):
        why = f"the bytes are not UTF-8 text ({exc.reason} at byte {exc.start} of the line); save the table as UTF-8"
    elif path.name.lower().endswith(".gz"):
        why = (f"the gzip stream is truncated or damaged ({exc}); download the file again, or unpack and "
               "re-compress it (gzip -t tests it)")
    else:
        why = f"the file cannot be read ({exc})"
    return LoaderError(f"unreadable table {path.name}; nothing was loaded", [RecordError(why, file=str(path),
                                                                                        line=line)])


def read_line(fh, path: Path) -> str:
    """The first line of a table, with a damaged file reported as :func:`damaged`."""
    try:
        return fh.readline()
    except _DAMAGE as exc:
        raise damaged(path, 1, exc) from None


def records(reader, path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """``(first line, last line, cells)`` of each CSV record of ``reader`` (a :func:`csv.reader`).

    A record spans several lines when a quote opens a field that a later line closes (or the end of the
    file does): the caller reports it where it starts. A field past :func:`csv.field_size_limit` and a
    damaged file raise :class:`~nevkg.errors.LoaderError` naming the file and the line.
    """
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            limit = csv.field_size_limit()
            why = (f"a field is longer than {limit:,} characters ({limit // 1024} kB), the most a cell may hold; "
                   "most often a quote (\") opens a field that is never closed: remove the stray quote"
                   if "field limit" in str(exc) else f"not readable as CSV ({exc})")
            raise LoaderError(f"unreadable row in {path.name}; nothing was loaded",
                              [RecordError(why, file=str(path), line=start)]) from None
        except _DAMAGE as exc:
            raise damaged(path, start, exc) from None
        yield start, reader.line_num, row


def spanned(start: int, end: int, row: list[str], delimiter: str) -> tuple[str, int]:
    """For a record over several lines: what happened, and how many table rows (non-blank lines) it swallowed."""
    lost = sum(1 for line in delimiter.join(row).splitlines() if line.strip()) or 1
    return (f"a quote (\") opens a field at line {start} that runs to line {end}: {lost} table rows were read as "
            "one bad row; remove the stray quote (or close it on its own line)"), lost



def _decimal(text: str, column: str) -> str:
    """The ``xsd:decimal`` lexical form of a cell, or :class:`_BadRow`."""
    if _DECIMAL.match(text):
        return text
    if not text:
        raise _BadRow(f"the {column} column is empty")
    try:
        value = Decimal(text.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text) else text)
    except InvalidOperation:
        raise _BadRow(f"'{text}' in column {column} is not a number") from None
    if not value.is_finite():
        raise _BadRow(f"'{text}' in column {column} is not a finite number")
    return format(value, "f")


def _amount(text: str, column: str) -> str:
    """A trade value or quantity: :func:`_decimal`, and never below zero."""
    value = _decimal(text, column)
    if value.startswith("-") and Decimal(value) != 0:
        raise _BadRow(f"a negative number ('{text}') in column {column}: trade values and quantities cannot be "
                      "below zero; check the sign (re-imports and re-exports are flows of their own)")
    return value


def _parse_period(text: str) -> tuple[date, date, str]:
    """``2024``, ``202401``, ``2024-01``, ``2024-01-15`` → (first day, last day, label)."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?", t)
    if not m:
        raise _BadRow(f"'{text}' is not a period: write YYYY, YYYYMM, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d, d.isoformat()
        if m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            return first, date(year, month, calendar.monthrange(year, month)[1]), f"{year:04d}-{month:02d}"
        return date(year, 1, 1), date(year, 12, 31), f"{year:04d}"
    except ValueError:
        raise _BadRow(f"'{text}' is not a period: no such month or day") from None
