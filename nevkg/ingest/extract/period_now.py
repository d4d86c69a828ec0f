"""Counts dated at the article's time: "its fleet now numbers 400 cars", "X currently operates 140 charging points".

A count (of vehicles, chargers, stores, markets …, not a flow such as sales) said to be so "now", "currently" or "at
present" is a count as of the article's month, unless a time of another clause of the sentence dates it, or it is a
bound ("can now berth ships of up to 9,000 vehicles": a capacity, not a count). Used by
:class:`~.observation_periods.PeriodRules`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Period, Statistic
from nevkg.ingest.extract.spans import span_at, verb_of

__all__ = ["count_now"]

#: "now", "currently" before a count in its clause ("its fleet now numbers 400 cars"): a count (not a flow) as of
#: the article
_NOW = re.compile(r"\b(now|currently|at\s+present)\s+(?:[\w'’-]+\s+){1,5}$", re.I)
#: verbs of holding a stock, whose present tense dates a count as "now" does ("runs 18 fast chargers")
_HOLD = {"run", "operate", "have", "own", "manage"}
#: the units of counts that "now" dates
_COUNTS = {"vehicles", "stores", "cities", "countries-and-regions", "workshops", "factories", "models", "rides",
           "companies", "chargers"}


def count_now(text: str, s: int, st: Statistic, period: Period | None, date: str | None,
              doc: Any = None) -> tuple[Period, str] | None:
    """The article's month as the period of the count ``st`` (of the sentence starting at ``s``) said to be so
    now, with the note that says why; ``None`` when the figure is no such count. The caller has checked that the
    figure is a count, not a flow, and not timeless.

    Examples
    --------
    >>> from nevkg.ingest.extract.model import Statistic
    >>> t = "Torysa Charge now runs 140 public charging points."
    >>> st = Statistic(23, 50, 140, "chargers", "amount")
    >>> found = count_now(t, 0, st, None, "2026-12-10")
    >>> found[0].period_start, found[1]
    ('2026-12', "a count 'now': period set to the article's month")
    """
    if not date or period is not None and period.kind == "as-of" or st.unit not in _COUNTS:
        return None
    now = _NOW.search(text, max(s, st.start - 70), st.start)
    word = now.group(1) if now else _held_now(doc, st) if period is None else None
    if word is None or period is None and st.bound:
        return None  # (a bound said of now is a capacity)
    if now and period is not None and now.start() < period.start < st.end + 30:
        return None  # (a stock dated by another clause's time)
    return (Period(st.start, st.start, "", date[:7], date[:7], True, kind="as-of"),
            f"a count '{word}': period set to the article's month")


def _held_now(doc: Any, st: Statistic) -> str | None:
    """The verb of holding in the present tense that the count is the object of ("Sepik Volt runs 18 fast chargers",
    "the operator has 410 buses"), else ``None``."""
    span = span_at(doc, st.start, st.end) if doc is not None else None
    if span is None:
        return None
    verb = verb_of(span.root)
    return verb.text if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_.lower() in _HOLD and not any(
        c.dep_ == "aux" for c in verb.children) else None
