"""The time a forecast speaks of: a month or quarter named without its year ("expects … in the fourth quarter")
that the article's date resolved to one already past is the next one; a start of production told in the sentence
before a capacity ("Production is scheduled to start in the third quarter of 2028. The plant's capacity is …")."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["production_start_before", "resolved_past", "year_on"]


def resolved_past(period: Any, article_date: str | None) -> bool:
    """Whether a forecast's period named without its year ("in the fourth quarter", "in May") was resolved to one
    that ended before the article: a forecast speaks of the next one."""
    if not (period.inferred and article_date and period.period_end) or period.kind != "period" or re.search(
            r"\d{4}|\b(?:last|past|previous|ago|earlier|this|so\s+far|to\s+date|end|by)\b", period.text, re.I):
        return False
    if period.period_start != period.period_end and not re.search(r"quarter|half|Q[1-4]|H[12]", period.text, re.I):
        return False  # "by the end of September": the year so far, named by its last month
    return period.period_end < article_date[:len(period.period_end)]


def year_on(value: str | None) -> str | None:
    """``YYYY[-MM]`` a year on."""
    return None if value is None else f"{int(value[:4]) + 1}{value[4:]}"


#: a start of production still to come, told with its time ("Production is scheduled to start in …", "Assembly will
#: begin in …")
_START_TOLD = re.compile(r"\b(?:[Pp]roduction|[Aa]ssembly|[Oo]perations|[Oo]utput)\s+(?:is|are|will|would|should)\s+"
                         r"(?:(?:be\s+)?(?:scheduled|set|due|expected|planned|slated)\s+to\s+)?(?:start|begin|"
                         r"commence)\s+(?=in\s|by\s)")


def production_start_before(text: str, s: int, article_date: str | None, fiscal_start: float,
                            at: int | None = None) -> Any:
    """The period of a start of production still to come that the sentence right before ``text[s]`` tells (the
    time of the capacity a sentence then gives without one of its own), or, with ``at`` (a capacity's offset), that
    its own sentence tells before it ("Assembly is scheduled to start in the second half of 2028, with the capacity
    to produce …"), else ``None``.

    >>> t = "Production is scheduled to start in the third quarter of 2028. The capacity is 1,500 buses a year."
    >>> p = production_start_before(t, t.index("The"), "2026-12-04", 4)
    >>> p.period_start, p.period_end
    ('2028-07', '2028-09')
    """
    from nevkg.ingest.extract.periods import find_periods

    def to_come(piece: str, offset: int) -> Any:  # the first period still to come named in ``piece``
        periods = [p for p in find_periods(piece, offset, article_date, fiscal_start)
                   if p.kind == "period" and p.period_start and article_date and p.period_start > article_date[:7]]
        return periods[0] if periods else None

    if at is not None:
        told = _START_TOLD.search(text, s, at)
        return to_come(text[told.end():at], told.end()) if told is not None else None
    offset = max(0, s - 300)
    before = text[offset:s].rstrip()
    if not before.endswith((".", "!", "?")):
        return None
    cut = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z\"“])", before)]
    told = _START_TOLD.search(before, cut[-1] if cut else 0)
    return to_come(before[told.end():], offset + told.end()) if told is not None else None
