"""Dates as their source stated them: every date property holds an ``xsd:date``, and its ``…Precision``
sibling (``time:unitYear``, ``time:unitMonth``, ``time:unitDay``) says how much of it was stated; shown to a
person, a date keeps that precision ("2025-03", not the first day "2025-03-01" the store uses for comparisons)."""

from __future__ import annotations

__all__ = ["as_stated"]

_KEEP = {"unitYear": 4, "unitMonth": 7, "unitDay": 10}


def as_stated(value: object, precision: object = None) -> str:
    """A stored date cut back to its stated precision (the whole date when the precision is unknown).

    Examples
    --------
    >>> as_stated("2025-03-01", "http://www.w3.org/2006/time#unitMonth")
    '2025-03'
    >>> as_stated("2024-01-01", "http://www.w3.org/2006/time#unitYear"), as_stated("2024-10-29")
    ('2024', '2024-10-29')
    """
    text = str(value)
    keep = _KEEP.get(str(precision or "").rsplit("#", 1)[-1])
    return text[:keep] if keep else text
