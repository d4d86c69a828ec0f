"""Numbers and time expressions: periods resolved against the article date."""

from __future__ import annotations

import re
from decimal import Decimal

from nevkg.ingest.extract import period_forms as forms
from nevkg.ingest.extract.model import Period
from nevkg.ingest.extract.period_forms import (
    _ahead,
    _ahead_at,
    _ahead_unsaid,
    _fiscal,
    _starts_from,
    _trailing,
    resolve_weekday,  # noqa: F401 (public here)
)

_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "half": Decimal("0.5"), "a": 1,
             "half a": Decimal("0.5")}
_TEENS = ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMWORDS.update({w: 13 + i for i, w in enumerate(_TEENS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)})
_NUMWORDS.update({f"{t}-{u}": 20 + 10 * i + n for i, t in enumerate(_TENS)
                  for n, u in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], 1)})
_ORDINALS, _MONTH_NUM = forms.ORDINALS, forms.MONTH_NUM  # (others read the months from here)
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])")
_NW = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
YEARX = (r"(?:\d{4}|this\s+year|last\s+year|the\s+(?:current|previous|past)\s+year|next\s+year"
         r"|the\s+year(?!\s+(?:to|ended|ending|until|through)\b))")


#: "by the end of", "as of the end of", "through the end of" right before a month
_BY_END = re.compile(r"\b(?:by|through|to|until|as\s+of)\s+the\s+end\s+of\s+$", re.I)
#: a perfect tense ("had shipped", "has sold"): a count that has built up
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:already\s+|now\s+|so\s+far\s+)?(?:\w+ed|sold|built|made|grown|"
                      r"risen|won|taken|seen|driven)\b", re.I)


def _month(name: str) -> int:
    return _MONTH_NUM[name.rstrip(".").lower()]


#: a space between groups of thousands ("52 806")
_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def _num(text: str) -> Decimal:
    t = " ".join(text.lower().split())
    if t in _NUMWORDS:
        return Decimal(_NUMWORDS[t])
    if re.fullmatch(r"\d{1,3},\d{1,2}", t):  # a decimal comma before a scale word ("21,6 million")
        return Decimal(t.replace(",", "."))
    return Decimal(_GROUP_SPACE.sub("", t.replace(",", "")))


def _plain(value: Decimal) -> int | float:
    """A Decimal as the int or float a YAML record holds (1.35 million → 1350000)."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# ============================================================================================ periods
def resolve_month_year(month: int, article_date: str | None, future: bool = False) -> int | None:
    """The year of a month named without one: the latest such month not after the article date, or, for a
    month the sentence puts ahead ("will start in March"), the first such month not before it.

    >>> resolve_month_year(11, "2026-01-15"), resolve_month_year(2, "2026-03"), resolve_month_year(2, None)
    (2025, 2026, None)
    >>> resolve_month_year(2, "2026-03-10", future=True), resolve_month_year(3, "2026-03-10", future=True)
    (2027, 2026)
    """
    if not article_date:
        return None
    parts = article_date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year
    if future:
        return year if month >= int(parts[1]) else year + 1
    return year if month <= int(parts[1]) else year - 1


def _last_done(year: int | None, end_month: int, article_date: str | None, before: str) -> int | None:
    """The year of a part of a year named without one ("the first half", "the third quarter"): the article's
    year, or the year before when that part ends after the article's month and the sentence does not put it ahead.

    >>> _last_done(2026, 9, "2026-03-15", "It sold 80,000 cars in "), _last_done(2025, 9, "2025-10-02", "")
    (2025, 2025)
    >>> _last_done(2026, 9, "2026-03-15", "It will sell 80,000 cars in ")
    2026
    """
    if year is None or not article_date or len(article_date) < 7 or end_month <= int(article_date[5:7]):
        return year
    return year if _ahead(before) else year - 1


def _year_of(expr: str | None, article_year: int | None) -> tuple[int | None, bool]:
    """(year, inferred) of an expression like '2026', 'this year', 'last year'."""
    if not expr:
        return None, True
    e = " ".join(expr.lower().split())
    if e.isdigit():
        return int(e), False
    if article_year is None:
        return None, True
    if e in {"this year", "the current year", "the year"}:
        return article_year, True
    if e in {"last year", "the previous year", "the past year"}:
        return article_year - 1, True
    if e == "next year":
        return article_year + 1, True
    return None, True


#: the current fiscal year after a count of its first months ("the first five months of the current fiscal year")
_OF_FISCAL = re.compile(r"(?:\s+\([^()]{1,40}\))?\s+of\s+(?:the\s+|this\s+|its\s+)?(?:current\s+)?(?:fiscal|financial)"
                        r"\s+year\b(?!\s+\d)", re.I)  # (also after an aside: "(mid-July to mid-November) of the …")

_PERIOD_RULES: list[tuple[str, re.Pattern]] = [
    ("fiscal", forms.FISCAL_QUARTER),  # (before a quarter or a fiscal year alone: "the fourth quarter of FY29")
    ("fiscal-to", forms.FISCAL_TO),  # ("the fiscal year that ended in mid-July")
    ("fiscal", re.compile(r"\b(?:(?:(?P<m>\d{1,2})M)?(?:FY\s?|fiscal\s+(?:year\s+)?|financial\s+year\s+)"
                          r"(?P<a>(?:19|20)?\d\d)(?:[-/](?P<b>"
                          r"(?:19|20)?\d\d))?|(?P<c>(?:19|20)\d\d)[-/](?P<d>\d\d))\b(?![-/.,]\d)", re.I)),
    # (not "the first two months of production", "its first six months on sale": counted from a start, not January)
    ("first-months", re.compile(rf"(?:the\s+)?(?P<w>first|past|initial|last)\s+(?P<n>{_NW})\s+months(?:\s+(?:of|in)\s+"
                                rf"(?P<y>{YEARX}))?(?!\s+(?:of|on|in|since|after)\s+(?:its\s+|the\s+|their\s+)?(?:"
                                r"production|operations?|sales?|service|trading|business|deliveries|launch|existence|"
                                r"plant|factory|venture|programme|program|scheme|partnership|agreement|deal)\b)",
                                re.I)),
    # a financial report's code of the first N months or half of a year ("10M26", "9M25", "1H26")
    ("months-code", re.compile(r"\b(?P<n>1[0-2]|[1-9])(?P<u>[MH])(?P<y>[0-9]\d)\b")),
    ("quarters", re.compile(rf"(?:the\s+)?first\s+(?P<n>two|three|2|3)\s+quarters(?:\s+(?:of|in)\s+(?P<y>{YEARX}))?",
                            re.I)),
    ("quarter", re.compile(rf"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of|in)"
                           rf"\s+(?P<y>{YEARX}))?", re.I)),
    ("quarter", re.compile(r"\bQ(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?\b")),
    ("half", re.compile(rf"(?:the\s+)?(?P<h>first|second)[\s-]+half(?:\s+(?:of|in)\s+(?P<y>{YEARX}))?", re.I)),
    ("half", re.compile(r"\bH(?P<h>[12])(?:\s+(?P<y>\d{4}))?\b")),
    # "April 2025 to March 2026", "between January 2025 and June 2026": each end with its own year
    ("month-range", re.compile(rf"(?:from\s+|between\s+)?(?P<m1>{MONTH})\s+(?P<y1>\d{{4}})\s*(?:to|and|through|until|"
                               rf"-|–|—)\s*(?P<m2>{MONTH})\s+(?P<y>\d{{4}})")),
    ("month-range", re.compile(rf"(?:from\s+|between\s+)?(?P<m1>{MONTH})\s*(?:to|and|through|until|[-–]to[-–]|-|–|—)\s*"
                               rf"(?P<m2>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEARX}))?")),
    # "the year to September", "the 12 months to June", "the fiscal year ended March 2026", "the September quarter",
    # "the ten months ended 31 October 2026"
    ("to-month", re.compile(rf"(?:the\s+)?(?P<fy>(?:fiscal|financial)\s+)?(?:(?P<yr>year)|(?P<n>{_NW})\s+months|"
                            rf"(?P<qtr>quarter)(?=\s+(?:to|through|ended|ending)\s)|"
                            rf"(?P<qm>{MONTH})\s+quarter)(?:\s+(?:to|through|until|ended|ending)\s+(?:the\s+end\s+"
                            rf"of\s+|end-|\d{{1,2}}\s+)?(?P<m>{MONTH})(?:\s+\d{{1,2}}\b)?(?:,?\s+(?P<y>{YEARX}))?)?",
                            re.I)),
    ("day", re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>\d{{4}}))?")),
    ("month", re.compile(rf"(?:(?P<rel>this|last|next)\s+)?(?P<m>{MONTH})(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
                         rf"(?:,?\s+(?:of\s+)?(?P<y>{YEARX}))?")),
    ("weekday", re.compile(r"\b(?:on|last|this\s+past)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday)\b")),
    ("relative-quarter", re.compile(r"\b(?P<rel>this|last|next|the\s+previous|the\s+past|the\s+current)\s+quarter\b",
                                    re.I)),
    ("relative-month", re.compile(r"\b(?P<rel>this|last|next|the\s+previous|the\s+past)\s+month\b", re.I)),
    ("full-year", re.compile(r"\b(?:full[\s-]year|(?:for|over)\s+the\s+(?:full|whole|entire)\s+year)\b"
                             r"(?!\s+(?:of\s+)?(?:19|20)\d\d|\s+to\b)", re.I)),
    ("year-end", re.compile(r"\bby\s+(?:the\s+)?(?:year[\s-]end|end\s+of\s+(?:the|this)\s+year)\b", re.I)),
    # "the remaining weeks of this year", "the rest of the year": the article's month to December
    ("rest-of-year", re.compile(r"\b(?:the\s+)?(?:remaining\s+(?:weeks|months|days)|rest|remainder|balance)\s+of\s+"
                                r"(?:this|the)\s+year\b", re.I)),
    # "by the end of the decade": a target for the decade's last round year (2030 in the 2020s)
    ("decade-end", re.compile(r"\b(?:by|before)\s+(?:the\s+end\s+of\s+(?:the|this)\s+decade|the\s+decade['’]s\s+end)\b",
                              re.I)),
    ("ytd", re.compile(r"\byear[\s-]to[\s-]date\b|\bYTD\b", re.I)),
    ("relative", re.compile(r"(?:(?P<so>so\s+far\s+)?this|last|next|the\s+(?:current|previous|past))\s+year\b"
                            r"(?:['’]s)?", re.I)),
    ("year", re.compile(r"(?:(?P<pre>by\s+the\s+end\s+of|since(?:\s+the\s+(?:start|beginning|end)\s+of)?|as\s+of|"
                        r"full[- ]year|the\s+whole\s+of)\s+)?"
                        r"(?<![\d,.$])\b(?P<y>(?:19[89]|20[0-4])\d)\b(?![\d,.]\d|\s*(?:units|vehicles|cars|yuan|"
                        r"percent|%))")),
]
_COMPARISON = re.compile(r"\b(?:compared\s+(?:with|to)|from|than|over|versus|vs\.?|against|on)\s+(?:the\s+same\s+"
                         r"(?:period|month|time)\s+(?:of\s+|in\s+)?)?$", re.I)


#: the words that make a month the base of a comparison ("from February", "than in May")
_MONTH_BASE = re.compile(r"\b(?:compared\s+(?:with|to)|from|than|versus|vs\.?|against)\s+(?:in\s+|with\s+)?$", re.I)


def _to_month(g: dict, s: int, e: int, text: str, article_date: str | None, before: str) -> Period | None:
    """A span that ends in a named month: "the year through September" (January to September: the year so far),
    "the year to March", "the 12 months to June" or "the fiscal year ended March 2026" (the twelve months ending
    then), "the September quarter" (the three months ending then); ``None`` for "the year" or "N months" without
    an end month."""
    end_name = g.get("m") or g.get("qm")
    if end_name is None or g.get("qm") and g.get("m"):
        return None
    mo = _month(end_name)
    y, inf = _year_of(g.get("y"), int(article_date[:4]) if article_date else None) if g.get("y") else (
        resolve_month_year(mo, article_date, bool(_ahead(before))), True)
    if y is None:
        return None
    # "the year to/ended March": the twelve months ending then; "the year through/until September": the year so far
    twelve = g.get("fy") or re.search(r"\b(?:to|ended|ending)\s", text)
    n = 3 if g.get("qm") or g.get("qtr") else int(_num(g["n"])) if g.get("n") else 12 if twelve else mo
    if not 1 <= n <= 36:
        return None
    return forms.month_span(s, e, text, y * 12 + mo - n, y * 12 + mo - 1, inf)  # (months since year 0)


def find_periods(text: str, offset: int, article_date: str | None, fiscal_start: float = 4) -> list[Period]:
    """Time expressions in a piece of text (a sentence at ``offset``), resolved against the article date (and a
    fiscal year numbered "FY27" against the month the article's country starts one in, ``fiscal_start``).

    >>> [(p.text, p.period_start, p.period_end, p.inferred) for p in find_periods(
    ...     "In the first two months of 2026 and in November last year", 0, "2026-03-10")]
    [('the first two months of 2026', '2026-01', '2026-02', False), ('November last year', '2025-11', '2025-11', True)]
    """
    ay = int(article_date[:4]) if article_date else None
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    for name, rx in _PERIOD_RULES:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            p: Period | None = None
            if name == "to-month":
                p = _to_month(g, s, e, m.group(0), article_date, text[:s])
                if p is None:
                    continue
            elif name == "fiscal":
                start, e = forms.start_after_end(text, e) or (fiscal_start, e)  # ("…, which ended in September")
                p = _fiscal(g, s, e, text[s:e], start)
            elif name == "fiscal-to":
                p = forms.fiscal_to(g, s, e, m.group(0), article_date)
            elif name == "first-months":
                n = int(_num(g["n"]))
                if g["w"].lower() in {"past", "last"} and not g.get("y"):
                    p = _trailing(n, s, e, m.group(0), article_date)  # "the past 12 months": up to the last month
                    if p is not None:
                        found.append(Period(p.start + offset, p.end + offset, p.text, p.period_start,
                                            p.period_end, True))
                        taken.append((s, e))
                    continue
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (_last_done(ay, n, article_date, text[:s]), True)
                if _OF_FISCAL.match(text, e) and article_date and len(article_date) >= 7 and 1 <= n <= 12 and \
                        g["w"].lower() == "first":  # "the first five months of the current fiscal year"
                    p = forms.fiscal_first_months(n, s, e, m.group(0), article_date, fiscal_start)
                elif y and 1 <= n <= 12 and g["w"].lower() in {"past", "last"}:  # "the last three months of 2025"
                    p = Period(s, e, m.group(0), f"{y}-{13 - n:02d}", f"{y}-12", inf)
                elif y and 1 <= n <= 12:
                    p = Period(s, e, m.group(0), f"{y}-01", f"{y}-{n:02d}", inf)
            elif name == "months-code":
                n = int(g["n"]) * (6 if g["u"] == "H" else 1)
                if n <= 12:
                    p = Period(s, e, m.group(0), f"20{g['y']}-01", f"20{g['y']}-{n:02d}", False)
            elif name == "quarters":
                n = int(_num(g["n"]))
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (_last_done(ay, 3 * n, article_date, text[:s]),
                                                                      True)
                if y:
                    p = Period(s, e, m.group(0), f"{y}-01", f"{y}-{3 * n:02d}", inf)
            elif name == "quarter":
                q = _ORDINALS.get(g["q"].lower(), None) if not g["q"].isdigit() else int(g["q"])
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (
                    _last_done(ay, 3 * (q or 0), article_date, text[:s]), True)
                if y and q:
                    p = Period(s, e, m.group(0), f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", inf)
            elif name == "half":
                h = {"first": 1, "second": 2, "1": 1, "2": 2}[g["h"].lower()]
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (_last_done(ay, 6 * h, article_date, text[:s]),
                                                                      True)
                if y:
                    p = Period(s, e, m.group(0), f"{y}-{6 * h - 5:02d}", f"{y}-{6 * h:02d}", inf)
            elif name == "month-range":
                m1, m2 = _month(g["m1"]), _month(g["m2"])
                if g.get("y"):
                    y, inf = _year_of(g["y"], ay)
                else:
                    y, inf = resolve_month_year(m2, article_date, bool(_ahead(text[:s]))), True
                y1 = int(g["y1"]) if g.get("y1") else y
                if y and y1 and (y1, m1) <= (y, m2):
                    p = Period(s, e, m.group(0), f"{y1}-{m1:02d}", f"{y}-{m2:02d}", inf)
            elif name == "day":
                mo = _month(g["m"])
                y, inf = (int(g["y"]), False) if g.get("y") else (
                    resolve_month_year(mo, article_date, _ahead_at(text, s, e)), True)
                if y:
                    d = f"{y}-{mo:02d}-{int(g['d']):02d}"
                    p = Period(s, e, m.group(0), d, d, inf, date=True, kind="date")
            elif name == "month":
                mo = _month(g["m"])
                if g["m"] == "May" and not (g.get("y") or g.get("rel") or g.get("d")) and \
                        not re.search(r"\b(?:in|during|for|of|since|until|by|from)\s+$", text[:s], re.I):
                    continue  # "May" the verb
                rel = (g.get("rel") or "").lower()
                if not g.get("d") and _MONTH_BASE.search(text[:s]) and not _starts_from(text[:s]) \
                        and not re.match(r"['’]s\s", text[e:e + 3]):
                    taken.append((s, e))  # "up 8% from February", "than in May": the base of a change (but
                    continue  # "from October's 12,913 units" dates that base figure)
                if g.get("y"):
                    y, inf = _year_of(g["y"], ay)
                elif rel == "last" and ay:
                    y, inf = ay - 1, True
                elif rel in {"this", "next"} and ay:
                    y, inf = ay + (rel == "next"), True
                else:
                    y, inf = resolve_month_year(mo, article_date, _ahead_at(text, s, e)), True
                if y:
                    if g.get("d"):
                        d = f"{y}-{mo:02d}-{int(g['d']):02d}"
                        p = Period(s, e, m.group(0), d, d, inf, date=True, kind="date")
                    elif re.search(r"\bsince\s+$", text[:s], re.I) and article_date and len(article_date) >= 7 \
                            and f"{y}-{mo:02d}" < article_date[:7]:  # "since January": up to the article's month
                        p = Period(s, e, m.group(0), f"{y}-{mo:02d}", article_date[:7], True)
                    elif _BY_END.search(text[:s]) and _PERFECT.search(text) and not _ahead_at(text, s, e):
                        # "By the end of September it had shipped N": a count of the year so far
                        p = Period(s, e, m.group(0), f"{y}-01", f"{y}-{mo:02d}", inf)
                    else:
                        p = Period(s, e, m.group(0), f"{y}-{mo:02d}", f"{y}-{mo:02d}", inf)
            elif name == "weekday":
                day = resolve_weekday(g["wd"], article_date, _ahead_unsaid(text[:s]))
                if day:
                    p = Period(s, e, m.group(0), day, day, True, date=True, kind="date")
            elif name == "relative-quarter":
                if _COMPARISON.search(text[:s]) or not article_date or len(article_date) < 7:
                    taken.append((s, e))
                    continue
                shift = {"this": 0, "the current": 0, "next": 1}.get(" ".join(g["rel"].lower().split()), -1)
                q = int(article_date[:4]) * 4 + (int(article_date[5:7]) - 1) // 3 + shift  # quarters from year 0
                y, q = divmod(q, 4)
                p = Period(s, e, m.group(0), f"{y}-{3 * q + 1:02d}", f"{y}-{3 * q + 3:02d}", True, kind="relative")
            elif name == "relative-month":
                if _COMPARISON.search(text[:s]) or not article_date or len(article_date) < 7:
                    taken.append((s, e))
                    continue
                y, mo = int(article_date[:4]), int(article_date[5:7])
                shift = {"this": 0, "next": 1}.get(g["rel"].lower(), -1)
                mo += shift
                if mo == 0:
                    y, mo = y - 1, 12
                elif mo == 13:
                    y, mo = y + 1, 1
                p = Period(s, e, m.group(0), f"{y}-{mo:02d}", f"{y}-{mo:02d}", True, kind="relative")
            elif name == "relative":
                if _COMPARISON.search(text[:s]):
                    taken.append((s, e))  # "compared with last year": the base of a change, not a period
                    continue
                y, inf = _year_of(re.sub(r"^so\s+far\s+", "", m.group(0).lower()).replace("’s", "").replace(
                    "'s", ""), ay)
                if y and g.get("so") and article_date and len(article_date) >= 7 and y == ay:
                    # "so far this year": January to the article's month (the report's period, where it gives one)
                    p = Period(s, e, m.group(0), f"{y}-01", f"{y}-{article_date[5:7]}", True, kind="ytd")
                elif y:
                    p = Period(s, e, m.group(0), str(y), str(y), True, kind="relative")
            elif name == "ytd":  # "year-to-date", "YTD": January to the article's month
                if ay is None or not article_date or len(article_date) < 7:
                    continue
                p = Period(s, e, m.group(0), f"{ay}-01", f"{ay}-{article_date[5:7]}", True, kind="ytd")
            elif name == "full-year":  # the article's year; early in a year, the year just ended
                if ay is None:
                    continue
                y = ay - 1 if article_date and len(article_date) >= 7 and int(article_date[5:7]) <= 2 and \
                    not _ahead(text[:s]) else ay
                p = Period(s, e, m.group(0), str(y), str(y), True, kind="relative")
            elif name == "rest-of-year":
                if ay is None or not article_date or len(article_date) < 7:
                    continue
                p = Period(s, e, m.group(0), article_date[:7], f"{ay}-12", True)
            elif name == "decade-end":
                if ay is None:
                    continue
                y = ay // 10 * 10 + 10
                p = Period(s, e, m.group(0), str(y), str(y), True, kind="by-end")
            elif name == "year-end":
                if ay is None:
                    continue
                p = Period(s, e, m.group(0), str(ay), str(ay), True, kind="by-end")
            elif name == "year":
                if _COMPARISON.search(text[:s]) and not g.get("pre") and not _starts_from(text[:s]) or \
                        forms.NAMED_YEAR.search(text[:s]):  # ("under its Industrial Policy Resolution 2022": a name)
                    taken.append((s, e))
                    continue
                pre = (g.get("pre") or "").lower()
                kind = "since" if pre.startswith("since") else "by-end" if pre.startswith(("by", "as of")) \
                    else "period"
                p = Period(s, e, m.group(0), g["y"], g["y"], False, kind=kind)
            if p is not None:
                p.start += offset
                p.end += offset
                found.append(p)
                taken.append((s, e))
    return sorted(found, key=lambda p: p.start)
