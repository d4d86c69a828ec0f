"""The time of a comparison's base: "revenue was RMB 528 million, up 67% from RMB 316 million in the same period
of 2025", "gross margin was 18.6%, compared with 9.1% in the third quarter of 2025". The time after the base
figure is the base's, not the head figure's; the head figure is the report's own period (or the base's a year
on), and "the same period of 2025" is the report's months in 2025. Likewise a sentence giving two levels ("from A
to B by 2029", "rising to B by 2031", "currently A … B by FY29") dates each with its own time
(:func:`times_of_this_level`)."""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Period, Statistic

__all__ = ["base_periods", "head_period", "same_period"]

#: a comparison word, then a base figure ("from RMB 316 million", "compared with a net loss of RMB 468 million";
#: not the hedge "more than 14 million")
_BASE_GAP = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|(?<!more\s)(?<!less\s)(?<!fewer\s)"
                       r"(?<!rather\s)(?<!other\s)than)\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?"
                       r"(?:RMB|US\$|HK\$|S\$|A\$|[$€£¥₹]|EUR|USD|CNY|Rs\.?)?\s?\d")
#: a change's base written as a time right after it: "an increase of 39.6% from the third quarter of 2025",
#: "up 12% over the same quarter of 2025" (the time dates the base, whichever figure of the sentence it is)
_CHANGE_BASE = re.compile(r"\d(?:\.\d+)?\s?(?:%|per\s?cent|percent|percentage\s+points?)\s+(?:from|over|compared\s+"
                          r"(?:with|to)|versus|vs\.?)\s+(?:the\s+)?$", re.I)
#: "the same period of", "the same quarter in" right before a year, or "the same period" before "last year"
_SAME = re.compile(r"\bthe\s+same\s+(?:period|quarter|half|months?)\s+(?:(?:of|in)\s+)?$", re.I)
#: where the head figure's clause ends
_TURN = re.compile(r";|,\s+while\b|\band\s+(?:will|plans?|expects?)\b")


def _earlier(p: Period, article_date: str | None, report: Period | None) -> bool:
    """Whether ``p`` lies before the report's own period (or, without one, before the article's year)."""
    end = p.period_end or ""
    if report is not None and report.period_start and end:
        return end < report.period_start
    return bool(article_date) and end[:4].isdigit() and end[:4] < article_date[:4]


def base_periods(text: str, st: Statistic, periods: list[Period], article_date: str | None,
                 report: Period | None) -> list[Period]:
    """The times in ``periods`` that date the base of the figure ``st``'s comparison, not ``st``.

    Parameters
    ----------
    text : str
        The article.
    st : Statistic
        The head figure.
    periods : list of Period
        The times of its sentence.
    article_date : str or None
        The article's date (YYYY-MM-DD).
    report : Period or None
        The report's own period (the widest range the article names so far).

    Returns
    -------
    list of Period
        The times after a base figure ("from RMB 316 million in the same period of 2025") that lie before the
        report's period or are "the same period" of another year.
    """
    out = []
    for p in periods:
        change_base = _CHANGE_BASE.search(text[max(0, p.start - 40):p.start]) is not None and not re.match(
            r"['’]s\b", text[p.end:p.end + 2])  # (not "from October's 12,913 units": the base figure's own time)
        if p.start < st.end and not change_base:  # (a change's base time dates no other figure either)
            continue
        gap = text[st.end:p.start]
        if p.start >= st.end and (_BASE_GAP.search(gap) is None and not change_base or _TURN.search(gap)):
            continue
        if _SAME.search(text[max(0, p.start - 40):p.start]) or _earlier(p, article_date, report):
            out.append(p)
    return out


def head_period(base: Period, article_date: str | None, report: Period | None) -> Period | None:
    """The head figure's time when its sentence gives only its base's: the report's period when the base lies
    before it, else the base's a year later (not after the article's month).

    >>> head_period(Period(0, 4, "2025", "2025-07", "2025-09", False), "2026-11-18", None).period_start
    '2026-07'
    """
    if report is not None and report.period_start and base.period_end and base.period_end < report.period_start:
        return Period(base.start, base.start, report.text, report.period_start, report.period_end, True,
                      kind="report")
    if not base.period_start or not base.period_end or not base.period_start[:4].isdigit():
        return None
    on = [f"{int(v[:4]) + 1}{v[4:]}" for v in (base.period_start, base.period_end)]
    if article_date and on[1][:7] > article_date[:7]:
        return None
    return Period(base.start, base.start, base.text, on[0], on[1], True, kind="report")


def same_period(text: str, p: Period, report: Period | None) -> Period:
    """"the same period of 2025" in a report on July to September 2026: July to September 2025 (``p`` itself
    otherwise)."""
    if report is None or not _SAME.search(text[max(0, p.start - 40):p.start]) or not (p.period_start or "")[:4] \
            .isdigit() or not report.period_start or not report.period_end \
            or report.period_start[:4] != report.period_end[:4]:
        return p
    y = p.period_start[:4]
    return Period(p.start, p.end, p.text, y + report.period_start[4:7], y + report.period_end[4:7], True,
                  kind="period")


#: a turn to a later figure ("…, rising to", "and then falling to"): what follows is the later figure's
_TURN_TO = re.compile(r",?\s+(?:and\s+)?(?:then\s+|later\s+|eventually\s+)?(?:rising|climbing|increasing|growing|"
                      r"going\s+up|expanding|falling|dropping|declining|decreasing|shrinking)\s+to\s+", re.I)
#: a hedge and a currency that may stand before a level's number ("about", "Rs", "US$")
_APPROX, _CUR = r"(?:about\s+|around\s+|some\s+)?", r"(?:[A-Z]{0,3}\$?|Rs\.?\s?)"
#: the start of a change written "from A to B" ("raise capacity from 12,000 units to 30,000 units by FY29"): A is
#: the level now, the time after B is B's
_FROM_BEFORE = re.compile(rf"\bfrom\s+{_APPROX}$", re.I)
_TO_AFTER = re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+(?P<to>to)\s+{_APPROX}{_CUR}\d")
#: B of "from A … to B": the time between is A's
_FROM_TO_BEFORE = re.compile(rf"\bfrom\s+{_APPROX}{_CUR}\d[^;:]*?\s+to\s+{_APPROX}{_CUR}$")
#: "currently", "now" or "at present" right before a figure: the level now, never a later time of its sentence
_NOW_BEFORE = re.compile(r"\b(?:now|currently|at\s+present)\s+(?:stands?\s+at|is|are|at)?\s*$", re.I)


def times_of_this_level(text: str, st: Statistic, s: int, own: list[Period]) -> list[Period]:
    """Of the times ``own`` in a figure's clause (the sentence starts at ``s``), those of this figure, not of a
    later or an earlier level the sentence also gives: "35% at the start, rising to 50% by 2031" (2031 is 50%'s);
    "from 12,000 units to 30,000 units by FY29" (FY29 is 30,000's; 12,000 keeps a time before "to": "from 9,000 in
    2023 to …"); "… to 14,500 in 2025" (not the 2023 of the level before); "currently stands at 18% … 40% by FY29"
    (18% has no later time).

    >>> from nevkg.ingest.extract.figures import find_statistics
    >>> text = "It will raise capacity from 12,000 units to 30,000 units by 2029."
    >>> a, b = find_statistics(text)
    >>> by = Period(text.index("2029"), text.index("2029") + 4, "2029", "2029", "2029")
    >>> [len(times_of_this_level(text, x, 0, [by])) for x in (a, b)]
    [0, 1]
    """
    own = [p for p in own if p.start < st.end or not _TURN_TO.search(text[st.end:p.start])]
    to = _TO_AFTER.match(text, st.end) if _FROM_BEFORE.search(text, max(s, st.start - 20), st.start) else None
    if to is not None:
        return [p for p in own if p.start < to.start("to")]
    fm = _FROM_TO_BEFORE.search(text, max(s, st.start - 80), st.start)
    if fm is not None:
        return [p for p in own if not fm.start() <= p.start < st.start]
    if _NOW_BEFORE.search(text, max(s, st.start - 30), st.start):
        return [p for p in own if p.start < st.start]
    return own
