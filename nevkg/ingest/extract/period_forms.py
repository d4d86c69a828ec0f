"""Time expressions of a fixed shape and the words that put one ahead of the article: weekdays resolved against
the article date, trailing windows ("the past 12 months") and fiscal years by number ("FY2024-25"); used by
:func:`~nevkg.ingest.extract.periods.find_periods`."""

from __future__ import annotations

import re

from nevkg.ingest.countries import FOLLOWS
from nevkg.ingest.extract.model import Period
from nevkg.ingest.extract.spans import IN_CLAUSE

#: ordinal words of a quarter or a half ("the fourth quarter", "the 2nd half")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
#: month names and their abbreviations, by number
MONTH_NUM = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
             "september": 9, "october": 10, "november": 11, "december": 12}
MONTH_NUM.update({m[:3]: i for m, i in MONTH_NUM.items()} | {"sept": 9})


#: words before a month that put it ahead of the article ("will take effect on 1 October", "starting in May")
_AHEAD_WORDS = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:set|due|scheduled|expected|going)\s+to|plans?\s+to|"
                          r"(?:is|are)\s+due\s+(?=in|by|before)|to\s+follow|(?:agreed|undertaken|promised|pledged)"
                          r"\s+(?:[\w-]+\s+){0,5}?to\s+(?:install|put|build|deliver|supply|open|add|set\s+up|"
                          r"provide)|"
                          r"aims?\s+to|starting|beginning|effective|upcoming|from\s+next|takes\s+effect|"
                          r"comes\s+into\s+force|(?:due|set|scheduled|slated)\s+to\s+(?:open|start|begin|launch|enter|"
                          r"arrive|be|take|go|come|resume|commence|run|roll))\b",
                          re.I)
#: a relative clause set off by commas ("X, which plans to expand, said in May"): its tense is not the clause's
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*,")
#: verbs of saying: a weekday after one dates the saying ("will build a plant, it said on Thursday")
_SAID = re.compile(r"\b(?:said|announced|told|reported|disclosed|stated|confirmed|wrote)\b", re.I)
#: a clause of what already happened, after the words that put the sentence ahead ("will build a plant, after the
#: two companies signed an agreement on Tuesday"): a weekday in it is past
_DONE_CLAUSE = re.compile(r"\b(?:after|when|since|because|following)\s+(?:[\w\-]+\s+){0,4}?"
                          r"(?:\w+ed|met|held|won|struck|made|took|gave|began)\b", re.I)


def _ahead(before: str) -> bool:
    """Whether the words before a time expression put it ahead of the article (not those of a relative clause)."""
    return bool(_AHEAD_WORDS.search(_RELATIVE.sub(",", before)))


def _ahead_at(text: str, s: int, e: int) -> bool:
    """Whether the time expression ``text[s:e]`` lies ahead: by the words before it, or as the start of what the
    sentence says will happen ("From 1 July, imports will face …")."""
    return _ahead(text[:s]) or bool(re.search(r"\b(?:from|starting|effective|as\s+of)\s+$", text[:s], re.I)
                                    and _AHEAD_WORDS.search(text[e:]))


def _ahead_unsaid(before: str) -> bool:
    """Whether the words before a weekday put it ahead, with no verb of saying or clause of what happened after them
    ("will build a plant, it said on Thursday", "… after the two signed an agreement on Tuesday": past)."""
    plain = _RELATIVE.sub(",", before)
    ahead = [a.end() for a in _AHEAD_WORDS.finditer(plain)]
    return bool(ahead) and not _SAID.search(plain, ahead[-1]) and not _DONE_CLAUSE.search(plain, ahead[-1])


def resolve_weekday(name: str, article_date: str | None, future: bool = False) -> str | None:
    """The day a weekday named in a news story means: the latest such day on or before the article date (the
    first on or after it for a day the sentence puts ahead: "will open on Friday").

    >>> resolve_weekday("Friday", "2026-05-16"), resolve_weekday("Monday", "2026-05-18")
    ('2026-05-15', '2026-05-18')
    >>> resolve_weekday("Friday", "2026") is None, resolve_weekday("Friday", "2026-05-16", future=True)
    (True, '2026-05-22')
    """
    from datetime import date, timedelta

    if not article_date or len(article_date) < 10:
        return None
    today = date.fromisoformat(article_date[:10])
    want = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(name.lower())
    if future:
        return (today + timedelta(days=(want - today.weekday()) % 7)).isoformat()
    return (today - timedelta(days=(today.weekday() - want) % 7)).isoformat()


def month_span(s: int, e: int, text: str, first: int, last: int, inferred: bool) -> Period:
    """The period ``text`` (at ``s``-``e``) from month ``first`` to month ``last``, each counted from January of
    year 0 (``year * 12 + month - 1``).

    >>> p = month_span(0, 4, "FY27", 2026 * 12 + 6, 2027 * 12 + 5, False); (p.period_start, p.period_end)
    ('2026-07', '2027-06')
    """
    return Period(s, e, text, f"{first // 12}-{first % 12 + 1:02d}", f"{last // 12}-{last % 12 + 1:02d}", inferred)


def fiscal_first_months(n: int, s: int, e: int, text: str, article_date: str, start: float) -> Period:
    """"the first five months of the current fiscal year": the ``n`` months from the first month (``start``) of
    the fiscal year the article's date falls in.

    >>> p = fiscal_first_months(5, 0, 0, "", "2026-12-04", 7); (p.period_start, p.period_end, p.inferred)
    ('2026-07', '2026-11', True)
    >>> p = fiscal_first_months(4, 0, 0, "", "2026-12-04", 7.5); (p.period_start, p.period_end)  # mid-July on
    ('2026-07', '2026-11')
    """
    first = int(article_date[:4]) * 12 + int(article_date[5:7]) - 1
    first -= (first - (int(start) - 1)) % 12
    return month_span(s, e, text, first, first + n - (start == int(start)), True)  # (from mid-July: to mid-November)


def _trailing(n: int, s: int, e: int, text: str, article_date: str | None) -> Period | None:
    """"the past N months": the N whole months before the article's month."""
    if not article_date or len(article_date) < 7 or not 1 <= n <= 36:
        return None
    last = int(article_date[:4]) * 12 + int(article_date[5:7]) - 2  # the month before, counted from 0
    first = last - n + 1
    return month_span(s, e, text, first, last, True)


#: the month a country's fiscal year starts in, where it is not April (by ISO 3166-1 code): July in Pakistan,
#: Bangladesh, Egypt, Kenya, Tanzania, Uganda, Australia, New Zealand, Bhutan, Mauritius, Samoa and Tonga; August in
#: Fiji; October in Thailand; January in China and most of Europe is a calendar year. A half month starts it in the
#: middle of the month: Nepal's runs from mid-July (Shrawan) to mid-July and Ethiopia's from 8 July (Hamle), so their
#: months are July to July (as the press and the samples date them)
FISCAL_START = {"PK": 7, "BD": 7, "EG": 7, "KE": 7, "TZ": 7, "UG": 7, "AU": 7, "NP": 7.5, "ET": 7.5, "NZ": 7, "BT": 7,
                "MU": 7, "WS": 7, "TO": 7, "FJ": 8, "TH": 10}
FISCAL_START |= {code: FISCAL_START[of] for code, of in FOLLOWS.items()}  # (Norfolk Island's year is Australia's)
#: the country whose own currency an article's amounts are written in, for the currencies of FISCAL_START's
#: countries: the fiscal year of an article without a dateline ("Tk 350 crore … the 2026-27 fiscal year")
_CURRENCY_HOME = {"pkr": "PK", "bdt": "BD", "egp": "EG", "kes": "KE", "aud": "AU", "tzs": "TZ", "ugx": "UG",
                  "npr": "NP"}


def fiscal_start_of(text: str, country_code: str | None) -> float:
    """The month the fiscal years an article names start in: its dateline country's, else that of the country
    whose currency most of its amounts are written in (at least two amounts), else April.

    >>> fiscal_start_of("Dhaka: a Tk 350 crore deal; Tk 5 lakh a bus; $3 million", None)
    7
    >>> fiscal_start_of("a Rs 14 billion plant", "IN"), fiscal_start_of("a $3 million deal", None)
    (4, 4)
    """
    if country_code:
        return FISCAL_START.get(country_code, 4)
    from collections import Counter

    from nevkg.ingest.extract.figures import find_statistics

    counts = Counter(s.unit for s in find_statistics(text) if s.unit in _CURRENCY_HOME)
    unit, n = counts.most_common(1)[0] if counts else (None, 0)
    return FISCAL_START[_CURRENCY_HOME[unit]] if n >= 2 else 4


def _fiscal(g: dict, s: int, e: int, text: str, start: float = 4) -> Period | None:
    """A fiscal year by its number: "FY2024-25", "FY25", "fiscal 2025": the twelve months from ``start`` (a month,
    April by default: the usual fiscal year of Indian and Japanese companies) that end in the year the number names;
    "5MFY27", its first five months (Pakistan's press)."""
    def full(v: str) -> int:
        return int(v) if len(v) == 4 else 2000 + int(v)
    if g.get("c"):  # "2024-25": the fiscal year of the two calendar years (not "2025-09", a month)
        if int(g["d"]) != (int(g["c"]) + 1) % 100:
            return None
        g = {"a": g["c"], "b": g["d"]}
    end = full(g["b"]) if g.get("b") else full(g["a"])
    if g.get("b") and end < full(g["a"]):
        end = full(g["a"]) + 1
    first = (end - 1) * 12 + int(start) - 1  # the fiscal year's first month (months from year 0)
    if g.get("q") or g.get("q2"):  # "the fourth quarter of FY29": January to March 2029; the first, April to June
        q = g.get("q") or g["q2"]
        first += 3 * ((int(q) if q.isdigit() else ORDINALS[q.lower()]) - 1)
        last = first + 2
    else:
        last = first + (int(g["m"]) if g.get("m") else 12) - (start == int(start))  # ("5MFY27": its first five
        # months; a year from the middle of a month ends in the middle of that month a year on)
    return month_span(s, e, text, first, last, False)


#: a quarter of a fiscal year by its number ("the fourth quarter of FY29", "Q1 FY2027", "Q3FY26")
FISCAL_QUARTER = re.compile(r"(?:\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+"
                            r"(?:of\s+)?|\bQ(?P<q2>[1-4])\s*)(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<a>(?:19|20)?\d\d)\b(?![-/.,]\d)",
                            re.I)
#: a year that ends a named plan, policy or law ("Industrial Policy Resolution 2022", "Vision 2030"): a name's part
NAMED_YEAR = re.compile(r"(?-i:\b(?:Resolution|Policy|Plan|Vision|Strategy|Programme|Program|Act|Agenda|Scheme|"
                        r"Initiative|Roadmap|Regulations?|Rules|Guidelines|Decree|Law))\s+$")

#: a fiscal year named by the month it ends in ("the fiscal year that ended in mid-July", "the fiscal year to June
#: 2027", "the financial year ending March")
FISCAL_TO = re.compile(r"\b(?:the\s+|its\s+)?(?:fiscal|financial)\s+year\s+(?:(?:that|which)\s+"
                       r"(?P<v>ended|ends|will\s+end)\s+in\s+|to\s+|ending\s+(?:in\s+)?)(?P<mid>mid-|late\s+|early\s+|the\s+end\s+of\s+)?"
                       r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"(?:\s+(?P<y>(?:19|20)\d\d))?\b")


#: the month a fiscal year named by its number is said to end in, right after it ("fiscal 2025/2026, which ended in
#: September")
_ENDED_IN = re.compile(r",?\s+(?:which|that)\s+(?:ended|ends|will\s+end)\s+in\s+(?P<m>January|February|March|April|May|"
                       r"June|July|August|September|October|November|December)\b")


def start_after_end(text: str, e: int) -> tuple[int, int] | None:
    """The first month of the fiscal year named at ``text[:e]`` and where the words after it that say the month it
    ends in end, when they follow.

    >>> start_after_end("in fiscal 2025/2026, which ended in September, …", 19), start_after_end("FY2026.", 6)
    ((10, 45), None)
    """
    m = _ENDED_IN.match(text, e)
    return (MONTH_NUM[m.group("m").lower()] % 12 + 1, m.end()) if m else None


def fiscal_to(g: dict, s: int, e: int, text: str, article_date: str | None) -> Period | None:
    """The twelve months of a fiscal year named by the month it ends in: to the end of that month (from the same
    month a year before when it ends in the middle of it). Without a year, one that "ended" is the latest before
    the article's month, another the next from it.

    >>> p = fiscal_to(FISCAL_TO.search("in the fiscal year that ended in mid-July").groupdict(), 0, 0, "", "2026-12-04")
    >>> (p.period_start, p.period_end, p.inferred)
    ('2025-07', '2026-07', True)
    >>> p = fiscal_to(FISCAL_TO.search("for the fiscal year to June 2027").groupdict(), 0, 0, "", "2026-12-04")
    >>> (p.period_start, p.period_end, p.inferred)
    ('2026-07', '2027-06', False)
    """
    month = MONTH_NUM[g["m"].lower()]
    if g.get("y"):
        year = int(g["y"])
    elif article_date and len(article_date) >= 7:
        ay, am = int(article_date[:4]), int(article_date[5:7])
        past = (g.get("v") or "").startswith("ended")
        year = (ay if month <= am else ay - 1) if past else (ay if month >= am else ay + 1)
    else:
        return None
    end = year * 12 + month - 1  # (months from 0)
    first = end - 12 if (g.get("mid") or "").startswith("mid") else end - 11
    return month_span(s, e, text, first, end, not g.get("y"))


def _starts_from(before: str) -> bool:
    """"deliveries from 2027": "from" opens a period unless a change word before makes it the base ("up 5% from")."""
    return bool(re.search(r"\bfrom\s+$", before, re.I)) and not re.search(
        r"\b(?:up|down|rose|rise|rising|fell|fall|falling|grew|growth|increas\w*|decreas\w*|declin\w*|higher|lower|"
        r"jump\w*|drop\w*|climb\w*|gain\w*|slipped|slid|dipped|eased|slumped|plunged|tumbled|compared|change\w*|"
        r"moved?|brought|brings?)\b" + IN_CLAUSE + r"*$", before[-80:], re.I)


#: "in the quarter", "during the quarter", "for the quarter": the report's own quarter
THE_QUARTER = re.compile(r"\b(?:in|during|for|over|of)\s+the\s+quarter\b(?!\s+(?:to|ended|ending)\b)", re.I)
#: "over the period", "in the same period": the period of the figure told just before
THE_PERIOD = re.compile(r"\b(?:in|during|for|over)\s+the\s+(?:same\s+)?period\b(?!\s+(?:of|to|from|ended|ending|"
                        r"between)\b)", re.I)
QUARTER_END = re.compile(r"\b(?:at|by)\s+the\s+end\s+of\s+the\s+quarter\b", re.I)
