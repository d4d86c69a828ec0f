"""Rule-based extraction of candidate records from an article's text: explainable, no model, no network.

Every candidate carries the rule that produced it, a confidence and the character spans of its evidence
(offsets into the article text: ``text[start:end]`` is exactly the matched words).

Families of rules
-----------------
entities
    Known things by label and alias (:class:`~nevkg.ingest.gazetteer.Gazetteer`); new ones from patterns: a
    run of capitalised words ending in a company suffix (Co., Ltd., Group, Motors, Auto, Technology …),
    "X Customs", "X Province", "X City", "X District", "X Port", "X Association", and quoted model names;
    countries named by their adjective before "market" ("the Chilean market"); cities named as a company's
    home ("Wuhu-based", "based in Wuhu") or before a country ("in Gothenburg, Sweden").
statistics
    A number with its scale and unit ("1.35 million vehicles", "6.82 billion yuan", "$3.2 billion",
    "48.4 percent", "more than three times"), its qualifier (more than/over → bound lower; nearly/about →
    approximate; less than/up to → bound upper), the year-on-year change that follows it, the period
    (explicit, or "last year"/"this year"/a bare month resolved against the article date and marked
    inferred), and the measure, subject, destination, product scope and compiler from nearby cues.
relations
    Cue patterns: joint venture with, partnership/cooperation with, "A and B signed …", a deal, agreement or
    pact that is signed/inked/struck ("under an agreement with"), "working with", run/built/opened "together
    with" or "jointly with", "the partnership between A and B" (a pair keeps its most specific kind);
    factory/plant/production base in (also "X's plant in Z", "the plant, in Z", "a plant in Z, built by X")
    and what is made where ("X, which assembles SUVs in Z", "… to build EVs in Z"); exports to, shipped to,
    bound for, went to, "with A and B its largest markets", "A and B are among its main destinations",
    delivered to, entered (also "the Chilean market"), sold in, deployed/launched in. A sentence without an
    actor of its own refers back (its, them, the company → the organisation named last; else the subject of
    the paragraph's figures, such as a port). People with their titles ("NAME, TITLE of ORG", "ORG TITLE
    NAME", "TITLE of ORG, NAME", "NAME, ORG's TITLE").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nevkg.ingest.gazetteer import Entry, Gazetteer, slugify

__all__ = ["Mention", "Candidate", "Period", "Statistic", "Extraction", "extract", "split_sentences",
           "find_periods", "find_statistics", "resolve_month_year"]


# =============================================================================================== model
@dataclass
class Mention:
    """A name found in the text: a known thing (``known``) or a new one a pattern proposes."""

    start: int
    end: int
    text: str
    file: str
    id: str
    known: bool
    kind: str | None = None
    rule: str = "gazetteer"
    confidence: float = 0.95
    label: str | None = None
    #: a known entity named here by a name it does not have yet
    new_alias: str | None = None
    #: a compiler ("according to X") rather than the subject of a figure
    compiler: bool = False


@dataclass
class Candidate:
    """A proposed record with its review metadata."""

    file: str
    record: dict[str, Any]
    confidence: float
    spans: list[tuple[int, int]]
    rule: str
    status: str = "proposed"
    new: bool | None = None
    merge_into: str | None = None
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record["id"]


@dataclass
class Period:
    """A time expression: a period (start/end as YYYY[-MM]) or a single date."""

    start: int
    end: int
    text: str
    period_start: str | None
    period_end: str | None
    inferred: bool = False
    date: bool = False  # a day ("On April 2") rather than a reporting period
    kind: str = "period"  # period | since | by-end | date | relative


@dataclass
class Statistic:
    """A number the text states, before it becomes an observation."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: str  # amount | percent | times
    bound: str | None = None
    approximate: bool = False
    role: str = "base"  # base | yoy | share | penetration | growth | multiple
    yoy: Decimal | None = None
    yoy_bound: str | None = None
    yoy_span: tuple[int, int] | None = None
    unit_text: str = ""
    conversion: bool = False
    unit_span: tuple[int, int] | None = None
    #: "12,000 of them": unit, measure and subject come from the figure before
    anaphoric: bool = False


@dataclass
class Extraction:
    mentions: list[Mention]
    candidates: list[Candidate]


# ============================================================================================ helpers
_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "half": Decimal("0.5")}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTH_NUM = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
              "september": 9, "october": 10, "november": 11, "december": 12}
for _m, _i in list(_MONTH_NUM.items()):
    _MONTH_NUM[_m[:3]] = _i
_MONTH_NUM["sept"] = 9
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])")
_NW = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
YEARX = r"(?:\d{4}|this\s+year|last\s+year|the\s+(?:current|previous|past)\s+year|next\s+year)"
_ABBREV = {"co", "ltd", "inc", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx", "est", "e.g", "i.e", "u.s", "u.k",
           "gov", "dept"}


def _month(name: str) -> int:
    return _MONTH_NUM[name.rstrip(".").lower()]


def _num(text: str) -> Decimal:
    t = text.lower().strip()
    if t in _NUMWORDS:
        return Decimal(_NUMWORDS[t])
    return Decimal(t.replace(",", ""))


def _plain(value: Decimal) -> int | float:
    """A Decimal as the int or float a YAML record holds (1.35 million → 1350000)."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of each sentence: paragraphs at line breaks, sentences at . ! ? before a
    capital, a digit or a quote, except after abbreviations such as Co., Ltd., Jan. or U.S.

    >>> t = "Lanshan Motors Co., Ltd. grew. Sales rose 5%.\\nNew line"
    >>> [t[s:e] for s, e, _ in split_sentences(t)]
    ['Lanshan Motors Co., Ltd. grew.', 'Sales rose 5%.', 'New line']
    """
    out: list[tuple[int, int, int]] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        base = pos
        pos += len(line) + 1
        start = 0
        for m in re.finditer(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘(])", line):
            before = re.search(r"([A-Za-z][A-Za-z.]*)\.?$", line[start:m.start() + 1].rstrip(".!?\"”’')]") + "")
            word = (before.group(1) if before else "").lower().rstrip(".")
            if line[m.start()] == "." and (word in _ABBREV or re.fullmatch(r"[a-z]", word)):
                continue
            end = m.start() + len(m.group(0).rstrip())
            if line[start:end].strip():
                out.append((base + start, base + end, para))
            start = m.end()
        if line[start:].strip():
            s = start + (len(line[start:]) - len(line[start:].lstrip()))
            out.append((base + s, base + len(line.rstrip()), para))
    return out


# ============================================================================================ periods
def resolve_month_year(month: int, article_date: str | None) -> int | None:
    """The year of a month named without one: the latest such month not after the article date.

    >>> resolve_month_year(11, "2026-01-15"), resolve_month_year(2, "2026-03"), resolve_month_year(2, None)
    (2025, 2026, None)
    """
    if not article_date:
        return None
    parts = article_date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year
    return year if month <= int(parts[1]) else year - 1


def _year_of(expr: str | None, article_year: int | None) -> tuple[int | None, bool]:
    """(year, inferred) of an expression like '2026', 'this year', 'last year'."""
    if not expr:
        return None, True
    e = " ".join(expr.lower().split())
    if e.isdigit():
        return int(e), False
    if article_year is None:
        return None, True
    if e in {"this year", "the current year"}:
        return article_year, True
    if e in {"last year", "the previous year", "the past year"}:
        return article_year - 1, True
    if e == "next year":
        return article_year + 1, True
    return None, True


_PERIOD_RULES: list[tuple[str, re.Pattern]] = [
    ("first-months", re.compile(rf"(?:the\s+)?(?:first|past|initial)\s+(?P<n>{_NW})\s+months(?:\s+(?:of|in)\s+"
                                rf"(?P<y>{YEARX}))?", re.I)),
    ("quarters", re.compile(rf"(?:the\s+)?first\s+(?P<n>two|three|2|3)\s+quarters(?:\s+(?:of|in)\s+(?P<y>{YEARX}))?",
                            re.I)),
    ("quarter", re.compile(rf"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of|in)"
                           rf"\s+(?P<y>{YEARX}))?", re.I)),
    ("quarter", re.compile(r"\bQ(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?\b")),
    ("half", re.compile(rf"(?:the\s+)?(?P<h>first|second)\s+half(?:\s+(?:of|in)\s+(?P<y>{YEARX}))?", re.I)),
    ("half", re.compile(r"\bH(?P<h>[12])(?:\s+(?P<y>\d{4}))?\b")),
    ("month-range", re.compile(rf"(?:from\s+|between\s+)?(?P<m1>{MONTH})\s*(?:to|and|through|until|-|–|—)\s*"
                               rf"(?P<m2>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEARX}))?")),
    ("day", re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>\d{{4}}))?")),
    ("month", re.compile(rf"(?:(?P<rel>this|last|next)\s+)?(?P<m>{MONTH})(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
                         rf"(?:,?\s+(?:of\s+)?(?P<y>{YEARX}))?")),
    ("relative-month", re.compile(r"\b(?P<rel>this|last|next|the\s+previous|the\s+past)\s+month\b", re.I)),
    ("relative", re.compile(r"(?:(?P<so>so\s+far\s+)?this|last|next|the\s+(?:current|previous|past))\s+year\b"
                            r"(?:['’]s)?", re.I)),
    ("year", re.compile(r"(?:(?P<pre>by\s+the\s+end\s+of|since|as\s+of|full[- ]year|the\s+whole\s+of)\s+)?"
                        r"(?<![\d,.$])\b(?P<y>(?:19[89]|20[0-4])\d)\b(?![\d,.]\d|\s*(?:units|vehicles|cars|yuan|"
                        r"percent|%))")),
]
_COMPARISON = re.compile(r"(?:compared\s+(?:with|to)|from|than|over|versus|vs\.?|against|on)\s+(?:the\s+same\s+"
                         r"(?:period|month|time)\s+(?:of\s+|in\s+)?)?$", re.I)


def find_periods(text: str, offset: int, article_date: str | None) -> list[Period]:
    """Time expressions in a piece of text (a sentence at ``offset``), resolved against the article date.

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
            if name == "first-months":
                n = int(_num(g["n"]))
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (ay, True)
                if y and 1 <= n <= 12:
                    p = Period(s, e, m.group(0), f"{y}-01", f"{y}-{n:02d}", inf)
            elif name == "quarters":
                n = int(_num(g["n"]))
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (ay, True)
                if y:
                    p = Period(s, e, m.group(0), f"{y}-01", f"{y}-{3 * n:02d}", inf)
            elif name == "quarter":
                q = _ORDINALS.get(g["q"].lower(), None) if not g["q"].isdigit() else int(g["q"])
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (ay, True)
                if y and q:
                    p = Period(s, e, m.group(0), f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", inf)
            elif name == "half":
                h = {"first": 1, "second": 2, "1": 1, "2": 2}[g["h"].lower()]
                y, inf = _year_of(g.get("y"), ay) if g.get("y") else (ay, True)
                if y:
                    p = Period(s, e, m.group(0), f"{y}-{6 * h - 5:02d}", f"{y}-{6 * h:02d}", inf)
            elif name == "month-range":
                m1, m2 = _month(g["m1"]), _month(g["m2"])
                if g.get("y"):
                    y, inf = _year_of(g["y"], ay)
                else:
                    y, inf = resolve_month_year(m2, article_date), True
                if y and m1 <= m2:
                    p = Period(s, e, m.group(0), f"{y}-{m1:02d}", f"{y}-{m2:02d}", inf)
            elif name == "day":
                mo = _month(g["m"])
                y, inf = (int(g["y"]), False) if g.get("y") else (resolve_month_year(mo, article_date), True)
                if y:
                    d = f"{y}-{mo:02d}-{int(g['d']):02d}"
                    p = Period(s, e, m.group(0), d, d, inf, date=True, kind="date")
            elif name == "month":
                mo = _month(g["m"])
                if g["m"] == "May" and not (g.get("y") or g.get("rel") or g.get("d")) and \
                        not re.search(r"\b(?:in|during|for|of|since|until|by)\s+$", text[:s]):
                    continue  # "May" the verb
                rel = (g.get("rel") or "").lower()
                if g.get("y"):
                    y, inf = _year_of(g["y"], ay)
                elif rel == "last" and ay:
                    y, inf = ay - 1, True
                elif rel in {"this", "next"} and ay:
                    y, inf = ay + (rel == "next"), True
                else:
                    y, inf = resolve_month_year(mo, article_date), True
                if y:
                    if g.get("d"):
                        d = f"{y}-{mo:02d}-{int(g['d']):02d}"
                        p = Period(s, e, m.group(0), d, d, inf, date=True, kind="date")
                    else:
                        p = Period(s, e, m.group(0), f"{y}-{mo:02d}", f"{y}-{mo:02d}", inf)
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
                if y:
                    p = Period(s, e, m.group(0), str(y), str(y), True, kind="relative")
            elif name == "year":
                if _COMPARISON.search(text[:s]) and not g.get("pre"):
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


# ========================================================================================= statistics
_SCALES = {"thousand": Decimal(1000), "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
           "trillion": Decimal(10) ** 12, "mn": Decimal(10) ** 6, "bn": Decimal(10) ** 9}
_NUMBER = re.compile(
    r"(?<![\w.,$])(?P<cur>US\$|\$|¥|RMB\s?|CNY\s?|USD\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn)\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b))?"
    r"(?:[\s-]?(?P<times>times|fold)\b)?")
_WORD_TIMES = re.compile(r"\b(?P<num>two|three|four|five|six|seven|eight|nine|ten)[\s-](?P<times>times|fold)\b", re.I)
_DOUBLED = re.compile(r"\b(?P<num>doubled|tripled|quadrupled)\b", re.I)
_UNIT_AFTER = re.compile(
    r"^\s*(?:(?:new[\s-]energy|new|electric|passenger|pure[\s-]electric|plug-in|hybrid|intelligent|driverless|"
    r"NEV|EV|overseas|robotaxi|export|more|complete|finished|locally\s+built|domestic)\s+){0,3}"
    r"(?P<unit>units?|vehicles?|cars?|NEVs?|EVs?|robotaxis?|pickups?|trucks?|buses|SUVs?|sedans?|yuan|RMB|U\.S\.\s+dollars|US\s+dollars|dollars|"
    r"euros?|orders?|stores?|showrooms?|outlets|countries\s+and\s+regions|countries|overseas\s+markets|markets|"
    r"models|jobs|factories|plants|months|deliveries|square\s+met(?:re|er)s)(?![\w])")
_UNIT_OF = {"unit": "vehicles", "vehicle": "vehicles", "car": "vehicles", "nev": "vehicles", "ev": "vehicles",
            "robotaxi": "vehicles", "delivery": "vehicles", "deliverie": "vehicles", "pickup": "vehicles",
            "truck": "vehicles", "buse": "vehicles", "bus": "vehicles", "suv": "vehicles", "sedan": "vehicles",
            "yuan": "cny", "rmb": "cny", "u.s. dollar": "usd", "us dollar": "usd", "dollar": "usd", "euro": "eur",
            "order": "orders-unit", "store": "stores", "showroom": "stores", "outlet": "stores",
            "countries and region": "countries-and-regions", "countrie": "countries-and-regions",
            "overseas market": "countries-and-regions", "market": "countries-and-regions", "model": "models",
            "job": "jobs", "factorie": "factories", "plant": "factories", "month": "months",
            "square metre": "square-metres", "square meter": "square-metres"}
_CUR_OF = {"us$": "usd", "$": "usd", "usd": "usd", "¥": "cny", "rmb": "cny", "cny": "cny"}
_QUAL = re.compile(
    r"(?P<q>more\s+than|over|exceeding|exceeded|exceeds|surpassed|surpassing|surpasses|above|at\s+least|"
    r"upwards\s+of|in\s+excess\s+of|topped|topping|passed|passing|beyond|nearly|almost|about|around|approximately|roughly|close\s+to|"
    r"an\s+estimated|some|less\s+than|under|below|fewer\s+than|up\s+to|at\s+most|no\s+more\s+than)\s+$", re.I)
_LOWER = {"more than", "over", "exceeding", "exceeded", "exceeds", "surpassed", "surpassing", "surpasses", "above",
          "at least", "upwards of", "in excess of", "topped", "topping", "passed", "passing",
          "beyond"}
_UPPER = {"less than", "under", "below", "fewer than", "up to", "at most", "no more than"}
_YOY_AFTER = re.compile(
    r"^[\s,]*(?:year[\s-]on[\s-]year|y-o-y|yoy|on\s+an\s+annual\s+basis|(?:(?P<less>less|lower|fewer)\s+than|"
    r"(?:more\s+|higher\s+)?than|from|compared\s+(?:with|to)|over|versus)\s+(?:in\s+)?"
    r"(?:the\s+same\s+(?:period|month|time)\s+(?:of\s+|in\s+)?)?(?:a\s+year\s+(?:earlier|ago|before)|"
    r"last\s+year|the\s+previous\s+year|the\s+year\s+before|(?:19|20)\d{2}))", re.I)
_UPWORDS = (r"year[\s-]on[\s-]year\s+(?:increase|growth|rise|jump|surge|gain)\s+of|(?:increase|growth|rise|jump|"
            r"surge|gain)(?:\s+rate)?\s+of|\bup(?:\s+by)?|rose(?:\s+by)?|rising|grew(?:\s+by)?|growing|"
            r"increased(?:\s+by)?|increasing(?:\s+by)?|surged|surging|jumped|jumping|climbed|climbing|soared|"
            r"soaring|gained|expanded(?:\s+by)?|an?\s+(?:annual\s+)?increase\s+of")
_DOWNWORDS = (r"year[\s-]on[\s-]year\s+(?:decline|decrease|drop|fall)\s+of|\bdown(?:\s+by)?|fell(?:\s+by)?|falling|"
              r"dropped(?:\s+by)?|dropping|declined(?:\s+by)?|declining|decreased(?:\s+by)?|decreasing|slipped|slid|"
              r"shrank|an?\s+(?:decline|decrease|drop|fall)\s+of")
_Q = r"(?:(?:more\s+than|nearly|about|over|around|almost|roughly|approximately)\s+)?"
_UP_BEFORE = re.compile(rf"(?:{_UPWORDS})\s+{_Q}$", re.I)
_DOWN_BEFORE = re.compile(rf"(?:{_DOWNWORDS})\s+{_Q}$", re.I)
_SHARE_BEFORE = re.compile(
    rf"(?:accounting\s+for|accounted\s+for|accounts\s+for|account\s+for|making\s+up|made\s+up|makes\s+up|"
    rf"representing|represented|took|taking|claimed|captured|held|share\s+of|share\s+(?:reached|rose\s+to|was|stood\s+at|hit|of)|"
    rf"penetration\s+rate\s+(?:reached|rose\s+to|was|stood\s+at|hit|of)|a\s+share\s+of)\s+{_Q}$", re.I)


def find_statistics(text: str, offset: int = 0) -> list[Statistic]:
    """The figures in a sentence, with qualifier, unit and the role a percentage or multiple plays.

    >>> [(_plain(s.value), s.unit, s.bound, s.approximate, s.role) for s in find_statistics(
    ...     "Exports reached more than 1.35 million units, up 48.4 percent year on year")]
    [(1350000, 'vehicles', 'lower', False, 'base'), (48.4, 'percent', None, False, 'yoy')]
    """
    stats: list[Statistic] = []
    hits = [(m, "num") for m in _NUMBER.finditer(text)] + [(m, "wordtimes") for m in _WORD_TIMES.finditer(text)] \
        + [(m, "doubled") for m in _DOUBLED.finditer(text)]
    hits.sort(key=lambda h: h[0].start())
    for m, how in hits:
        s, e = m.start(), m.end()
        before = text[max(0, s - 60):s]
        after = text[e:e + 80]
        if how == "doubled":
            value = Decimal({"doubled": 2, "tripled": 3, "quadrupled": 4}[m.group("num").lower()])
            st = Statistic(s, e, value, "times", "times")
        elif how == "wordtimes":
            st = Statistic(s, e, _num(m.group("num")), "times", "times")
        else:
            g = m.groupdict()
            raw = g["num"]
            if re.match(r"[A-Za-z]", text[s - 1:s] if s else "") or re.match(r"^(?:st|nd|rd|th)\b", after):
                continue
            value = _num(raw)
            if g["scale"]:
                value *= _SCALES[g["scale"].lower()]
            unit, kind, unit_text, unit_span = None, "amount", "", None
            if g["pct"]:
                unit, kind = "percent", "percent"
            elif g["times"]:
                unit, kind = "times", "times"
            elif g["cur"]:
                unit = _CUR_OF[g["cur"].strip().lower()]
                wm = re.match(r"^\s+worth\s+of\s+(?P<what>(?:[\w-]+\s+){0,3}?(?:vehicles|cars|NEVs|EVs)\b)", after)
                if wm:
                    unit_text = wm.group("what")
            else:
                um = _UNIT_AFTER.match(after)
                if um:
                    word = um.group("unit").lower()
                    key = re.sub(r"\s+", " ", word)
                    key = key[:-1] if key.endswith("s") and key not in {"us dollars"} else key
                    key = key.rstrip("s") if key.endswith("s") else key
                    unit = _UNIT_OF.get(key) or _UNIT_OF.get(key.rstrip("s"))
                    unit_text = um.group(0)
                    unit_span = (e + um.start("unit"), e + um.end("unit"))
                    e_unit = e + um.end()
                    e = e_unit
                if unit is None:
                    cur = re.match(r"^\s*(yuan|RMB|U\.S\.\s+dollars|US\s+dollars|dollars|euros)\b", after)
                    if cur:
                        unit = _UNIT_OF[re.sub(r"\s+", " ", cur.group(1).lower()).rstrip("s")]
                if unit is None and re.match(r"^\s+of\s+(?:them|these|those|which)\b", after):
                    st = Statistic(s, e, value, None, "amount", anaphoric=True)
                    unit = "?"
                if unit is None:
                    continue  # a bare number (a year, a model name, an ordinal): not a statistic
                if unit == "vehicles" and not g["scale"] and "," not in raw and re.fullmatch(r"(19|20)\d\d", raw):
                    continue
            if unit == "?":
                st.unit = None
            else:
                st = Statistic(s, e, value, unit, kind, unit_text=unit_text, unit_span=unit_span)
        q = _QUAL.search(before)
        if q:
            word = " ".join(q.group("q").lower().split())
            if word in _LOWER:
                st.bound = "lower"
            elif word in _UPPER:
                st.bound = "upper"
            else:
                st.approximate = True
            st.start = s - (len(before) - q.start())
        # the role of a percentage or multiple
        if st.kind in {"percent", "times"}:
            pre = text[max(0, st.start - 70):st.start]
            if _SHARE_BEFORE.search(pre):
                st.role = "penetration" if re.search(r"penetration", pre, re.I) else "share"
            elif _DOWN_BEFORE.search(pre) or (_YOY_AFTER.match(after) and _YOY_AFTER.match(after).group("less")):
                st.role, st.value = "yoy", -st.value
            elif _UP_BEFORE.search(pre) or _YOY_AFTER.match(after) or how == "doubled":
                st.role = "yoy"
            elif st.kind == "percent" and re.search(r"penetration\s+rate", pre, re.I):
                st.role = "penetration"
            elif st.kind == "times":
                st.role = "multiple"
            else:
                st.role = "percent"
        if st.kind == "amount" and re.search(r"\(\s*(?:around|about|approximately|roughly|or|some|nearly)?\s*$",
                                             text[max(0, st.start - 16):st.start]):
            st.conversion = True
        ya = _YOY_AFTER.match(after)
        if st.role == "yoy" and ya and text[e:e + ya.end()].strip():
            st.end = e + ya.end()
        st.start += offset
        st.end += offset
        if st.unit_span:
            st.unit_span = (st.unit_span[0] + offset, st.unit_span[1] + offset)
        stats.append(st)
    return stats


# ==================================================================================== cue vocabularies
_MEASURE_CUES: list[tuple[str, re.Pattern]] = [
    ("robotaxi-fleet-size", re.compile(r"\bdeploy\w*|\bfleet\b", re.I)),
    ("nev-penetration-rate", re.compile(r"penetration\s+rate", re.I)),
    ("overseas-deliveries", re.compile(r"overseas\s+deliver|deliver\w*\s+(?:\S+\s+){0,4}?overseas|"
                                       r"deliver\w*\s+abroad", re.I)),
    ("overseas-sales", re.compile(r"overseas\s+sales|sales\s+(?:abroad|overseas|outside\s+China)|sold\s+"
                                  r"(?:\S+\s+){0,3}?(?:overseas|abroad)|international\s+sales", re.I)),
    ("export", re.compile(r"\bexport\w*|\bshipped\b|\bshipments?\b|outbound", re.I)),
    ("deliveries", re.compile(r"\bdeliver\w*", re.I)),
    ("sales-volume", re.compile(r"\bsales\b|\bsold\b|\bsell\w*", re.I)),
    ("orders", re.compile(r"\border(?:s|ed)?\b", re.I)),
    ("production-volume", re.compile(r"\bproduc(?:tion|ed)\b|\boutput\b|\bmanufactured\b|rolled\s+off", re.I)),
    ("revenue", re.compile(r"\brevenue\b|\bturnover\b", re.I)),
    ("profit", re.compile(r"\b(?:net\s+)?profits?\b", re.I)),
    ("first-registrations", re.compile(r"\bregistrations?\b|\bregistered\b", re.I)),
    ("new-model-launches", re.compile(r"\blaunch\w*\b|\brelease\w*\b|\bdebut\w*\b", re.I)),
]
_UNIT_MEASURE = {"countries-and-regions": "market-reach", "stores": "store-count", "models": "new-model-launches",
                 "factories": "factory-count", "jobs": "jobs-created", "orders-unit": "orders",
                 "square-metres": "floor-area", "months": "consecutive-growth-months"}
_SCOPES: list[tuple[str, re.Pattern]] = [
    ("nev-passenger-cars", re.compile(r"\bNEV\s+passenger\s+(?:cars|vehicles)|new[\s-]energy\s+passenger", re.I)),
    ("nev", re.compile(r"\bNEVs?\b|new[\s-]energy", re.I)),
    ("ev", re.compile(r"\bEVs?\b|\belectric\s+(?:vehicles?|cars?)|battery[\s-]electric|pure[\s-]electric", re.I)),
    ("passenger-cars", re.compile(r"\bpassenger\s+(?:cars|vehicles)", re.I)),
    ("robotaxis", re.compile(r"\brobotaxis?\b", re.I)),
    ("auto-parts", re.compile(r"\b(?:auto\s+)?parts\b", re.I)),
]
_COMPILER_BEFORE = re.compile(r"(?:according\s+to|data\s+(?:from|released\s+by|compiled\s+by|published\s+by)|"
                              r"figures\s+(?:from|released\s+by)|statistics\s+(?:from|released\s+by)|"
                              r"released\s+by|compiled\s+by|cited\s+by)\s+(?:the\s+)?(?:latest\s+)?"
                              r"(?:data\s+(?:from|of)\s+(?:the\s+)?)?$", re.I)
_COMPILER_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:data|figures|statistics)\b", re.I)
_POINT_MEASURES = {"robotaxi-fleet-size", "store-count", "market-reach", "factory-count"}
_COMPILER_KINDS = {"customs-office", "industry-association", "government-body", "ministry", "research-centre"}
_FORECAST = re.compile(r"\bexpect\w*|\bforecast\w*|\bproject(?:s|ed|ion)\b|\bpredict\w*|\bwill\s+(?:reach|"
                       r"hit|exceed|top|rise|grow|climb)|\bis\s+set\s+to\b", re.I)
_TARGET = re.compile(r"\btarget\w*|\baims?\s+to\b|\baiming\s+to\b|\bgoal\b|\bplans?\s+to\s+(?:sell|export|"
                     r"deliver|produce|launch|build|open)|\bwill\s+(?:launch|open|build|sell|export)", re.I)


def _nearest_cue(text: str, pos: int, span: tuple[int, int]) -> tuple[str | None, int]:
    """The measure cue nearest to ``pos`` within ``span`` (sentence-relative), preferring cues before it."""
    best: tuple[int, str | None] = (10 ** 9, None)
    s0, s1 = span
    for name, rx in _MEASURE_CUES:
        for m in rx.finditer(text, s0, s1):
            d = pos - m.end() if m.end() <= pos else (m.start() - pos) * 1.5 + 5
            d = int(d)
            if d < best[0]:
                best = (d, name)
    return best[1], best[0]


# ========================================================================================== entities
_CAP = r"(?!(?:Co|Ltd|Inc|Corp)\.)[A-Z][A-Za-z0-9&\-]*"
_RUN = re.compile(rf"{_CAP}(?:[ ]+(?:{_CAP}|&|of|and|de|for))*(?:,?[ ]+Co\.,?(?:[ ]+Ltd\.)?|,?[ ]+Ltd\.|"
                  rf",?[ ]+Inc\.|[ ]+Corp\.)?")
_LEAD_STOP = {"the", "in", "on", "at", "by", "for", "from", "as", "while", "meanwhile", "according", "also",
              "chinese", "china's", "both", "last", "this", "its", "his", "her", "their", "our", "a", "an", "and",
              "since", "after", "before", "with", "under", "among", "when", "during", "thai", "spanish", "german",
              "european", "japanese", "korean", "american", "british", "french", "italian", "brazilian", "mexican",
              "indonesian", "malaysian", "vietnamese", "saudi", "emirati", "russian", "turkish", "indian", "of",
              "to", "but", "however", "now", "automaker", "carmaker", "startup", "if", "so", "that", "these",
              "those", "all", "each", "every", "new", "local", "state-owned", "privately", "unlike", "like", "via",
              "across", "through", "near", "within", "outside", "inside", "throughout", "into", "beyond", "around",
              "about", "over", "toward", "towards", "including", "except", "separately", "earlier", "later", "then",
              "yet", "still", "competition", "rival", "rivals", "sample", "article"}
_ORG_SUFFIX = {
    "customs": "customs-office", "association": "industry-association", "federation": "industry-association",
    "chamber": "business-association", "university": "university", "institute": "research-centre",
    "academy": "research-centre", "ministry": "ministry", "commission": "government-body",
    "administration": "government-body", "bureau": "government-body", "government": "government-body",
    "technology": "technology-company", "technologies": "technology-company", "tech": "technology-company",
    "robotics": "technology-company", "motors": "automaker", "motor": "automaker", "auto": "automaker",
    "automobile": "automaker", "automotive": "automaker", "automobiles": "automaker", "vehicles": "automaker",
    "group": "company", "holdings": "company", "holding": "company", "corporation": "company", "corp.": "company",
    "company": "company", "co.": "company", "co., ltd.": "company", "co. ltd.": "company", "ltd.": "company",
    "inc.": "company", "limited": "company", "energy": "company", "battery": "company", "logistics": "company",
    "shipping": "company", "trading": "company", "partners": "company", "mobility": "company",
    "daily": "publisher", "times": "publisher", "post": "publisher", "media": "publisher",
    "press": "publisher",
}
_OF_HEADS = {"Ministry", "Bank", "University", "Association", "Department", "Bureau", "Administration",
             "Commission", "Chamber", "Federation", "Academy", "Institute", "Office", "Council", "Government",
             "Republic", "Union", "Port", "City", "Province", "Kingdom"}
_PLACE_SUFFIX = {"province": "province", "city": "city", "district": "district", "port": "port",
                 "prefecture": "city", "county": "district"}
#: adjectives of countries, for "the Chilean market" (the country is meant)
DEMONYMS = {
    "Algerian": "Algeria", "Argentine": "Argentina", "Argentinian": "Argentina", "Australian": "Australia",
    "Austrian": "Austria", "Bangladeshi": "Bangladesh", "Belgian": "Belgium", "Brazilian": "Brazil",
    "British": "United Kingdom", "Bulgarian": "Bulgaria", "Cambodian": "Cambodia", "Canadian": "Canada",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Croatian": "Croatia", "Czech": "Czechia",
    "Danish": "Denmark", "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "Estonian": "Estonia", "Ethiopian": "Ethiopia", "Finnish": "Finland",
    "French": "France", "German": "Germany", "Greek": "Greece", "Hungarian": "Hungary", "Indian": "India",
    "Indonesian": "Indonesia", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kazakhstani": "Kazakhstan", "Kenyan": "Kenya",
    "Korean": "South Korea", "Kuwaiti": "Kuwait", "Malaysian": "Malaysia", "Mexican": "Mexico",
    "Moroccan": "Morocco", "Nepalese": "Nepal", "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman",
    "Pakistani": "Pakistan", "Peruvian": "Peru", "Philippine": "Philippines", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Saudi": "Saudi Arabia", "Serbian": "Serbia", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "South African": "South Africa", "Spanish": "Spain", "Sri Lankan": "Sri Lanka", "Swedish": "Sweden",
    "Swiss": "Switzerland", "Thai": "Thailand", "Turkish": "Turkey", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Vietnamese": "Vietnam"}
_DEMONYM_MARKET = re.compile(r"\b(?:the|its|their)\s+(?P<adj>" + "|".join(sorted(DEMONYMS, key=len, reverse=True))
                             + r")\s+(?:(?:car|auto|automobile|vehicle|EV|NEV|passenger[\s-]car|new[\s-]energy)\s+)?"
                             r"markets?\b")
#: a place named as the home of a company: "Wuhu-based", "based in Wuhu", "headquartered in Wuhu"
_HOME_CITY = re.compile(r"\b(?P<a>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?)-(?:based|headquartered)\b|"
                        r"\b(?:based|headquartered)\s+in\s+(?P<b>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?)\b(?!['’-])")
_STRIP_FOR_HEAD = re.compile(r"(?:[ ]+(?:Automobile|Auto|Motors?|Group|Holdings?|Technology|Technologies|"
                             r"Corporation|Corp\.|Company|Co\.,?(?:[ ]+Ltd\.)?|Ltd\.|Inc\.|Limited|International|"
                             r"New[ ]+Energy|Automotive|Vehicles?))+$")
_QUOTED = re.compile(r"[\"“‘](?P<name>[A-Z0-9][A-Za-z0-9+\- ]{0,28}?)[\"”’]")
_MODEL_CONTEXT = re.compile(r"\b(?:models?|SUVs?|sedans?|hatchbacks?|MPVs?|pickups?|pick-ups?|coupes?|cars?|"
                            r"vehicles?|wagons?|crossovers?|minivans?|trucks?|buses?)\b", re.I)
_MODEL_AFTER_NOUN = re.compile(r"\b(?:model|SUV|sedan|hatchback|MPV|pickup|crossover)s?,?\s+(?:the\s+|its\s+)?"
                               r"(?P<name>[A-Z][A-Za-z]*(?:[ -][A-Z0-9][A-Za-z0-9+]*){0,2}\d?[A-Za-z0-9+]*)")


def _clean_run(run: str, start: int) -> tuple[str, int]:
    """Drop sentence-initial and adjectival words from the front of a capitalised run."""
    words = run.split(" ")
    while words and (words[0].lower() in _LEAD_STOP or words[0].lower().rstrip("s") in _LEAD_STOP
                     or words[0].lower() in _MONTH_NUM or re.search(r"-(?:based|owned|listed|headquartered|"
                                                                    r"made|built)$", words[0])):
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[0].lower() in {"of", "and", "&", "de", "for"}:
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


class _Entities:
    """Finds and keeps entity mentions; proposes the new ones."""

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        self.mentions: list[Mention] = []
        self.new: dict[str, dict[str, Any]] = {}  # id → record (new entities)
        self.new_meta: dict[str, Mention] = {}

    def overlaps(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.start < e and s < m.end]

    def add(self, m: Mention) -> None:
        for other in self.overlaps(m.start, m.end):
            self.mentions.remove(other)
        self.mentions.append(m)

    def run(self) -> None:
        text, gaz = self.text, self.gaz
        for s, e, entry in gaz.finditer(text):
            self.mentions.append(Mention(s, e, text[s:e], entry.file, entry.id, True, entry.kind, "gazetteer",
                                         0.95, entry.label))
        self._patterns()
        self._countries()
        self._demonym_markets()
        self._home_cities()
        self._models()
        self._short_names()
        self.mentions.sort(key=lambda m: m.start)

    def _new_id(self, label: str, file: str) -> str:
        base = slugify(label)
        if file == "vehicle_models" and base in self.gaz.ids:
            base = f"{base}-model"
        return base

    def _patterns(self) -> None:
        text, gaz = self.text, self.gaz
        pieces: list[tuple[str, int]] = []
        for m in _RUN.finditer(text):
            offset = m.start()
            # "A Group and B Ltd." are two names; "Shares of X Group" is X Group, "Ministry of Y" stays whole
            parts = re.split(r"( (?:and|&) | of )", m.group(0))
            current, current_start = "", offset
            for part in parts:
                if part == " of " and current and current.split(" ")[-1] in _OF_HEADS:
                    current += part
                elif part.strip() in {"and", "&", "of"}:
                    if current:
                        pieces.append((current, current_start))
                    current, current_start = "", offset + len(part)
                else:
                    current += part
                offset += len(part)
            if current:
                pieces.append((current, current_start))
        for raw, raw_start in pieces:
            run, start = _clean_run(raw, raw_start)
            if not run:
                continue
            words = run.split(" ")
            lower = run.lower()
            org_kind = place_kind = None
            cut = None
            # the longest prefix of the run that ends with a suffix word
            for i in range(len(words), 1, -1):
                tail = " ".join(words[:i]).lower()
                last = words[i - 1].lower()
                for suffix in ("co., ltd.", "co. ltd."):
                    if tail.endswith(" " + suffix) and len(tail) > len(suffix) + 1:
                        org_kind, cut = "company", " ".join(words[:i])
                        break
                if cut:
                    break
                if last in _ORG_SUFFIX:
                    org_kind, cut = _ORG_SUFFIX[last], " ".join(words[:i])
                    break
                if last in _PLACE_SUFFIX:
                    place_kind, cut = _PLACE_SUFFIX[last], " ".join(words[:i])
                    break
            if not cut:
                continue
            name = cut.rstrip(",")
            s, e = start, start + len(name)
            if re.search(r"\b(?:and|of|for)$", name) or name.lower() == lower and len(words) < 2:
                continue
            head = _STRIP_FOR_HEAD.sub("", name) if org_kind else re.sub(r"[ ]+\w+$", "", name)
            if not head or head == name and org_kind:
                head = name
            inside = [k for k in self.overlaps(s, e) if k.known]
            if any(k.start <= s and e <= k.end for k in inside):
                continue  # already a known name (or inside one)
            file = "places" if place_kind else "organizations"
            known = gaz.lookup(name, (file,)) or (gaz.lookup(head, (file,)) if head != name else None)
            if org_kind == "customs-office" or org_kind in {"ministry", "government-body", "university",
                                                            "industry-association", "research-centre"}:
                known = gaz.lookup(name, (file,))  # "Qingdao Customs" is not Qingdao
            if known is not None:
                alias = name if normalize_in(name, known) is False else None
                self.add(Mention(s, e, name, known.file, known.id, True, known.kind,
                                 "pattern+gazetteer", 0.85, known.label, new_alias=alias))
                continue
            if any(len(name) <= len(k.text) for k in inside):
                continue
            if place_kind:
                label = head
                rid = self._new_id(label, "places")
                rec = {"id": rid, "label": label, "aliases": [name], "kind": place_kind}
                rule, conf = f"place-suffix:{words[len(name.split(' ')) - 1]}", 0.7
            else:
                label = name
                rid = self._new_id(label, "organizations")
                rec = {"id": rid, "label": label, "kind": org_kind}
                if org_kind == "automaker" or re.search(r"\bAuto(?:mobiles?|motive)?\b(?!\s+Parts)|\bMotors?\b",
                                                        name) and org_kind == "company":
                    rec["kind"] = "automaker"
                if org_kind == "customs-office":
                    if "general-administration-of-customs" in gaz.ids:
                        rec["parent"] = "general-administration-of-customs"
                    city = gaz.lookup(head, ("places",))
                    if city:
                        rec["based_in"] = city.id
                rule, conf = f"org-suffix:{name.split(' ')[-1]}", 0.7 if org_kind != "company" else 0.6
            self._add_new(rec, Mention(s, e, name, file, rid, False, rec["kind"], rule, conf, label))

    def _countries(self) -> None:
        """Countries the records do not know yet, from the built-in list (with their ISO codes)."""
        from nevkg.ingest.countries import COUNTRIES

        names = [n for n in COUNTRIES if self.gaz.lookup(n, ("places",)) is None]
        if not names:
            return
        rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                        + r")(?![\w])")
        for m in rx.finditer(self.text):
            if self.overlaps(m.start(), m.end()):
                continue
            name = m.group(0)
            rid = self._new_id(name, "places")
            if rid in self.gaz.ids and rid not in self.new:
                rid = f"{rid}-country"
            rec = {"id": rid, "label": name, "kind": "country", "iso_code": COUNTRIES[name]}
            if rid in self.new:
                self.mentions.append(Mention(m.start(), m.end(), name, "places", rid, False, "country",
                                             "country-list", 0.85, name))
            else:
                self._add_new(rec, Mention(m.start(), m.end(), name, "places", rid, False, "country",
                                           "country-list", 0.85, name))

    def _country_mention(self, s: int, e: int, name: str, rule: str, conf: float) -> Mention | None:
        """A mention at ``text[s:e]`` of the country called ``name`` (known, or new from the country list)."""
        from nevkg.ingest.countries import COUNTRIES

        known = self.gaz.lookup(name, ("places",))
        if known is not None:
            return Mention(s, e, self.text[s:e], "places", known.id, True, known.kind, rule, conf, known.label)
        if name not in COUNTRIES:
            return None
        rid = self._new_id(name, "places")
        if rid in self.gaz.ids and rid not in self.new:
            rid = f"{rid}-country"
        mention = Mention(s, e, self.text[s:e], "places", rid, False, "country", rule, conf, name)
        if rid not in self.new:
            self.new[rid] = {"id": rid, "label": name, "kind": "country", "iso_code": COUNTRIES[name]}
            self.new_meta[rid] = mention
        return mention

    def _demonym_markets(self) -> None:
        """"the Chilean market": the adjective names the country (a market for the presence rules)."""
        for m in _DEMONYM_MARKET.finditer(self.text):
            s, e = m.span("adj")
            if self.overlaps(s, e):
                continue
            mention = self._country_mention(s, e, DEMONYMS[m.group("adj")], "demonym-market", 0.75)
            if mention is not None:
                self.mentions.append(mention)

    def _home_cities(self) -> None:
        """New cities named as a company's home ("Wuhu-based", "based in Wuhu") or before a country
        ("in Gothenburg, Sweden")."""
        from nevkg.ingest.countries import COUNTRIES

        found: list[tuple[int, int, str | None]] = []
        for m in _HOME_CITY.finditer(self.text):
            g = "a" if m.group("a") else "b"
            found.append((m.start(g), m.end(g), None))
        countries = [k for k in self.mentions if k.file == "places" and k.kind == "country"]
        for k in countries:
            m = re.search(r"\b(?:in|at|near|outside|from)\s+(?P<name>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?),\s+"
                          r"(?:the\s+)?$", self.text[max(0, k.start - 50):k.start])
            if m:
                off = max(0, k.start - 50)
                found.append((off + m.start("name"), off + m.end("name"), k.id))
        for s, e, country in found:
            name = self.text[s:e]
            if self.overlaps(s, e) or name in DEMONYMS or name in COUNTRIES or name.lower() in _LEAD_STOP \
                    or name.lower() in _MONTH_NUM or self.gaz.lookup(name) is not None:
                continue
            rid = self._new_id(name, "places")
            if rid in self.gaz.ids and rid not in self.new:
                continue
            rec: dict[str, Any] = {"id": rid, "label": name, "kind": "city"}
            if country:
                rec["located_in"] = country
            rule = "city-of-country" if country else "home-city"
            self._add_new(rec, Mention(s, e, name, "places", rid, False, "city", rule, 0.5, name))

    def _add_new(self, rec: dict[str, Any], mention: Mention) -> None:
        if rec["id"] not in self.new:
            self.new[rec["id"]] = rec
            self.new_meta[rec["id"]] = mention
        self.add(mention)

    def _models(self) -> None:
        text = self.text
        spans: list[tuple[int, int, str]] = []
        for m in _QUOTED.finditer(text):
            name = m.group("name").strip()
            ctx = text[max(0, m.start() - 50):m.end() + 30]
            if len(name.split()) > 4 or not _MODEL_CONTEXT.search(ctx):
                continue
            spans.append((m.start("name"), m.start("name") + len(name), "quoted-model"))
        for m in _MODEL_AFTER_NOUN.finditer(text):
            name = m.group("name").strip()
            if not re.search(r"\d", name) and len(name.split()) < 2:
                continue
            spans.append((m.start("name"), m.start("name") + len(name), "model-after-noun"))
        for s, e, rule in spans:
            name = text[s:e]
            if any(k.start <= s and e <= k.end for k in self.overlaps(s, e)):
                continue
            known = self.gaz.lookup(name, ("vehicle_models",))
            if known:
                self.add(Mention(s, e, name, "vehicle_models", known.id, True, None, rule, 0.8, known.label))
                continue
            rid = self._new_id(name, "vehicle_models")
            self._add_new({"id": rid, "label": name},
                          Mention(s, e, name, "vehicle_models", rid, False, None, rule,
                                  0.55 if rule == "quoted-model" else 0.45, name))

    def _short_names(self) -> None:
        """Later mentions of a new organisation by its head name ("Lanshan" for "Lanshan Motors")."""
        for rid, rec in list(self.new.items()):
            if rec.get("kind") in {"customs-office", "ministry", "government-body", "university",
                               "industry-association", "research-centre"} or "aliases" in rec:
                continue
            if self.new_meta[rid].file != "organizations":
                continue
            head = _STRIP_FOR_HEAD.sub("", rec["label"])
            if not head or head == rec["label"] or self.gaz.lookup(head):
                continue
            for m in re.finditer(rf"(?<![\w]){re.escape(head)}(?![\w])(?!\s+(?:{_CAP}))", self.text):
                if self.overlaps(m.start(), m.end()):
                    continue
                self.mentions.append(Mention(m.start(), m.end(), head, "organizations", rid, False, rec["kind"],
                                             "short-name", 0.6, rec["label"]))
                rec.setdefault("aliases", [])
                if head not in rec["aliases"]:
                    rec["aliases"].append(head)


def normalize_in(name: str, entry: Entry) -> bool:
    """Whether the name is already one of the entry's names (compared normalized)."""
    from nevkg.queries.resolve import normalize

    key = normalize(name)
    return any(normalize(n) == key for n in [entry.label, *entry.names])


# ===================================================================================== people + roles
_TITLE_WORDS = (r"chairman|chairwoman|chairperson|chair|president|vice[\s-]president|director|director-general|"
                r"general\s+manager|manager|chief\s+executive(?:\s+officer)?|CEO|CFO|CTO|COO|founder|co-founder|"
                r"head|secretary|spokesperson|spokesman|spokeswoman|executive|officer|minister|deputy|partner|"
                r"engineer|analyst|researcher|economist|professor|dean|leader|boss")
_TITLE_RX = re.compile(rf"\b(?:{_TITLE_WORDS})\b", re.I)
_NAME = r"[A-Z][a-z]+(?:[ ][A-Z][a-z]+(?:-[a-z]+)?){1,2}"
_NAME_STOP = {"The", "In", "On", "According", "China", "Chinese", "Its", "His", "Her", "Both", "This", "That",
              "Last", "Next", "Since", "After", "However", "Meanwhile", "Speaking", "Asked"}


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and not any(w in _NAME_STOP or w.lower() in _MONTH_NUM for w in words)


# ========================================================================================= extraction
class _Extractor:
    def __init__(self, text: str, gaz: Gazetteer, article_date: str | None, source_id: str) -> None:
        self.text = text
        self.gaz = gaz
        self.date = article_date
        self.source = source_id
        self.ents = _Entities(text, gaz)
        self.candidates: list[Candidate] = []
        self.used_ids: set[str] = set()
        #: the organisation the text last spoke about ("The company" refers to it)
        self.last_org: Mention | None = None
        #: the subject of the paragraph's latest figure (a port or city can be an exporter too)
        self.para_subject: Mention | None = None

    # -- helpers
    def cid(self, base: str) -> str:
        base = re.sub(r"-+", "-", base).strip("-")[:80].strip("-") or "candidate"
        rid, n = base, 2
        while rid in self.used_ids or rid in self.gaz.ids:
            rid, n = f"{base}-{n}", n + 1
        self.used_ids.add(rid)
        return rid

    def label(self, rid: str) -> str:
        if rid in self.ents.new:
            return self.ents.new[rid]["label"]
        entry = self.gaz.entries.get(rid)
        return entry.label if entry else rid

    def add(self, file: str, record: dict[str, Any], conf: float, spans: list[tuple[int, int]], rule: str,
            **kw: Any) -> Candidate:
        record = {**record, "sources": [self.source]}
        cand = Candidate(file, record, round(max(0.05, min(conf, 0.99)), 2), sorted(set(spans)), rule, **kw)
        self.candidates.append(cand)
        return cand

    def mentions_in(self, s: int, e: int, files: tuple[str, ...] = ("organizations", "places")) -> list[Mention]:
        return [m for m in self.ents.mentions if s <= m.start and m.end <= e and m.file in files]

    # -- run
    def run(self) -> Extraction:
        self.ents.run()
        sentences = split_sentences(self.text)
        self.mark_compilers(sentences)
        state: dict[int, dict[str, Any]] = {}
        for s, e, para in sentences:
            ctx = state.setdefault(para, {"period": None, "subject": None})
            periods = find_periods(self.text[s:e], s, self.date)
            self.para_subject = ctx.get("subject")  # from the sentences before this one
            self.statistics(s, e, periods, ctx)
            self.relations(s, e, periods)
            self.people(s, e)
            actors = [m for m in self.mentions_in(s, e, ("organizations",)) if not m.compiler]
            if actors:
                self.last_org = actors[0]
            stat_periods = [p for p in periods if not p.date and p.kind != "since"]
            if stat_periods:
                ctx["period"] = stat_periods[-1]
        self.entity_candidates()
        return Extraction(sorted(self.ents.mentions, key=lambda m: m.start), self.candidates)

    def mark_compilers(self, sentences: list[tuple[int, int, int]]) -> None:
        for m in self.ents.mentions:
            if m.file != "organizations":
                continue
            if _COMPILER_BEFORE.search(self.text[max(0, m.start - 60):m.start]) or \
                    _COMPILER_AFTER.match(self.text[m.end:m.end + 30]):
                m.compiler = True
            elif m.kind in _COMPILER_KINDS and re.match(r"^\s+(?:said|says|reported|announced|estimated|showed)\b",
                                                        self.text[m.end:m.end + 30]):
                m.compiler = True

    # -- statistics
    def statistics(self, s: int, e: int, periods: list[Period], ctx: dict[str, Any]) -> None:
        sent = self.text[s:e]
        stats = find_statistics(sent, s)
        # numbers inside a date or period ("14, 2025") are not figures
        stats = [st for st in stats if not any(p.start <= st.start < p.end for p in periods)]
        # model names and ids ("SU7") were skipped by find_statistics; numbers inside entity names are dropped here
        stats = [st for st in stats if not any(m.start <= st.start < m.end for m in self.ents.mentions)]
        bases: list[tuple[Statistic, Candidate | None]] = []
        compilers = [m for m in self.mentions_in(s, e, ("organizations",)) if m.compiler]
        status = "forecast" if _FORECAST.search(sent) else "target" if _TARGET.search(sent) else \
            "estimate" if re.search(r"\bestimat(?:ed|es)\b(?!\s+\d)", sent) and not re.search(
                r"\ban\s+estimated\b", sent) else "reported"
        for st in stats:
            if st.role == "yoy":
                target = next((c for b, c in reversed(bases) if c is not None and b.yoy is None
                               and not b.conversion), None)
                base_stat = next((b for b, c in reversed(bases) if c is target), None)
                if base_stat is not None and self._clause_break(base_stat.end, st.start):
                    target = base_stat = None
                if target is not None and base_stat is not None:
                    yoy = (st.value - 1) * 100 if st.kind == "times" else st.value
                    base_stat.yoy = yoy
                    target.record["yoy_change_pct"] = _plain(yoy)
                    if st.bound:
                        target.record["yoy_bound"] = st.bound
                    target.spans.append((st.start, st.end))
                    target.spans.sort()
                    # conversions of the same figure share its change
                    for b, c in bases:
                        if b.conversion and c is not None and b.start > base_stat.start:
                            c.record["yoy_change_pct"] = _plain(yoy)
                    continue
                st.role = "growth"
            cand = self.observation(st, s, e, periods, ctx, compilers, status, bases)
            bases.append((st, cand))

    def _clause_break(self, a: int, b: int) -> bool:
        """Whether a new clause about another subject starts between two offsets."""
        gap = self.text[a:b]
        if re.search(r";|,\s+(?:while|whereas|but)\b|\bwhile\b", gap):
            return True
        return any(m.file == "organizations" and not m.compiler for m in self.mentions_in(a, b))

    def observation(self, st: Statistic, s: int, e: int, periods: list[Period], ctx: dict[str, Any],
                    compilers: list[Mention], status: str, bases: list) -> Candidate | None:
        text = self.text
        sent = text[s:e]
        pos = st.start - s
        notes: list[str] = []
        conf = 0.8
        missing: list[str] = []
        # clause window for cues: from the previous figure (or sentence start) to the next one
        prev_end = max([b.end - s for b, _ in bases] + [0])
        window = (prev_end, min(len(sent), st.end - s + 60))
        # measure
        measure: str | None
        last = ctx.get("last_obs")
        if st.role in {"share", "penetration"}:
            exports = re.search(r"export", sent, re.I) or (
                last is not None and str(last.record.get("measure", "")).startswith("export"))
            measure = "nev-penetration-rate" if st.role == "penetration" else (
                "overseas-sales-share" if re.search(r"overseas|abroad", sent[max(0, pos - 60):pos], re.I)
                else "export-share" if exports else "combined-market-share")
        elif st.role == "growth":
            cue, _ = _nearest_cue(sent, pos, (0, len(sent)))
            if cue in {"sales-volume", "overseas-sales"}:
                measure = "sales-growth-rate"
            else:
                measure, conf = None, 0.4
                notes.append("a change with no base figure; pick a measure or reject")
        elif st.role == "multiple":
            measure = "growth-multiple"
            conf = 0.55
        elif st.role == "percent":
            cue, _ = _nearest_cue(sent, pos, window)
            if re.search(r"margin", sent[max(0, pos - 40):pos], re.I):
                measure = "gross-margin" if re.search(r"gross", sent, re.I) else "profit-margin"
            else:
                measure, conf = None, 0.35
                notes.append("a percentage whose meaning the rules do not know")
        elif st.unit in _UNIT_MEASURE:
            measure = _UNIT_MEASURE[st.unit]
            if st.unit == "orders-unit":
                measure = "orders"
        else:
            cue, dist = _nearest_cue(sent, pos, window)
            if cue is None:
                cue, dist = _nearest_cue(sent, pos, (0, len(sent)))
                conf -= 0.15
            money = st.unit in {"cny", "usd", "eur"}
            if cue == "export":
                measure = "export-value" if money else "export-volume"
            elif cue in {"sales-volume", "overseas-sales"} and money:
                measure = "revenue"
            elif cue == "new-model-launches":
                measure = None
            else:
                measure = cue
            if measure is None:
                conf = 0.35
                notes.append("no measure cue near the figure")
        # subject, compiler, destination
        ments = [m for m in self.mentions_in(s, e) if not m.compiler]
        before = [m for m in ments if m.end - s <= pos]
        after = [m for m in ments if m.start - s >= st.end - s]
        dest = None
        for m in after:
            gap = text[st.end:m.start]
            if m.file == "places" and re.fullmatch(r"[^.;]{0,40}?\b(?:to|in|into)\s+(?:the\s+)?", gap) and \
                    (m.start - st.end) < 60:
                dest = m
                break
        subject = None
        if st.role == "share":
            of = next((m for m in after if re.fullmatch(r"\s*of\s+(?:the\s+)?", text[st.end:m.start])), None)
            subject = of
        if subject is None:
            cands = [m for m in before if m is not dest and not _is_destination(text, m)]
            # the clause's own actor: an organisation before the figure wins over a place (an appositive
            # "a developer from Qingdao City" or "sales in Europe" names no actor)
            clause = [m for m in cands if not self._clause_break(m.end, st.start)] or cands
            orgs = [m for m in clause if m.file == "organizations"]
            pick = orgs[-1] if orgs else clause[-1] if clause else None
            if pick is not None and pick.file == "places":
                # "Qingdao City in Shandong Province": the first place is the one meant
                i = cands.index(pick)
                while i > 0 and cands[i - 1].file == "places" and re.fullmatch(
                        r",?\s+(?:in\s+|of\s+)?(?:[a-z]+\s+)?(?:[A-Z]\w+['’]s\s+)?",
                        text[cands[i - 1].end:cands[i].start]):
                    i -= 1
                pick = cands[i]
            subject = pick
        if subject is None and _ANAPHOR.match(sent) and self.last_org is not None:
            subject, conf = self.last_org, conf - 0.1
            notes.append(f"'{_ANAPHOR.match(sent).group(0)}' read as {self.last_org.text}")
        if subject is None:
            cands = [m for m in after if m is not dest and not _is_destination(text, m)]
            if cands and cands[0].start - st.end < 50:
                subject, conf = cands[0], conf - 0.1
        if subject is None and ctx.get("subject") is not None:
            subject, conf = ctx["subject"], conf - 0.2
            notes.append(f"subject carried from an earlier sentence ({subject.text})")
        if subject is not None:
            ctx["subject"] = subject
        # period: nearest statistic period in the sentence, else the paragraph's
        stat_periods = [p for p in periods if not p.date and p.kind not in {"since"}]
        # periods in the figure's own clause (not across "; " or "and will …")
        own = [p for p in stat_periods if not re.search(r";|\band\s+(?:will|plans|is|has)\b|,\s+while\b",
                                                        text[min(p.end, st.end):max(p.start, st.start)])]
        period = None
        if own:
            period = min(own, key=lambda p: abs(p.start - st.start) * (1 if p.start < st.start else 1.3))
        elif ctx.get("period") is not None and not stat_periods:
            period, conf = ctx["period"], conf - 0.15
            notes.append(f"period carried from an earlier sentence ({period.text})")
        elif measure in _POINT_MEASURES and self.date:
            period = Period(st.start, st.start, "", self.date[:7], self.date[:7], True, kind="as-of")
            notes.append("a count at the time of the article: period set to the article's month")
        if st.conversion:
            conf -= 0.15
            notes.append("a currency conversion the article gives in parentheses")
        scope = None
        scope_text = sent[max(0, window[0]):window[1]]
        for m in self.mentions_in(s + window[0], s + window[1], ("organizations", "places", "vehicle_models")):
            a, b = m.start - s - window[0], m.end - s - window[0]
            scope_text = scope_text[:a] + " " * (b - a) + scope_text[b:]
        scope_text += " " + st.unit_text
        for name, rx in _SCOPES:
            if rx.search(st.unit_text) or rx.search(scope_text):
                scope = name
                break
        if scope is None and st.unit == "vehicles" and measure in {"export-volume", "sales-volume",
                                                                   "production-volume"}:
            scope = "all-vehicles"
        rec: dict[str, Any] = {}
        if measure:
            rec["measure"] = measure
        else:
            missing.append("measure")
        if subject is not None:
            rec["subject"] = subject.id
        else:
            missing.append("subject")
        if dest is not None and measure not in {"export-share"}:
            rec["destination"] = dest.id
        if scope and scope in self.gaz.concepts | {"nev", "ev", "all-vehicles"}:
            rec["scope"] = scope
        if period is not None:
            rec["period_start"], rec["period_end"] = period.period_start, period.period_end
            if period.inferred:
                rec["period_inferred"] = True
                conf -= 0.05
        else:
            missing.append("period")
            notes.append("no period found" + ("" if self.date else "; give the article date (--date)"))
        rec["value"] = _plain(st.value)
        unit = st.unit
        if unit and self.gaz.concepts and unit not in self.gaz.concepts:
            missing.append("unit")
            notes.append(f"unit '{unit}' is not a concept yet")
        rec["unit"] = unit
        if st.bound:
            rec["bound"] = st.bound
        if st.approximate:
            rec["approximate"] = True
        if status != "reported":
            rec["status"] = status
        if compilers:
            rec["compiler"] = compilers[0].id
        parts = [(rec.get("subject") or "unknown"), measure or "figure"]
        if scope and scope not in {"all-vehicles"}:
            parts.append(scope)
        if dest is not None:
            parts.append(dest.id)
        if period is not None:
            ps, pe = period.period_start, period.period_end
            parts.append(ps if ps == pe else f"{ps}-{pe[5:]}" if ps[:4] == pe[:4] and len(pe) > 4 else f"{ps}-{pe}")
        if st.conversion:
            parts.append(unit or "")
        spans = [(st.start, st.end)]
        if subject is not None and abs(subject.start - st.start) < 200:
            spans.append((subject.start, subject.end))
        if period is not None and s <= period.start < e:
            spans.append((period.start, period.end))
        if st.anaphoric:
            if last is None:
                return None
            for k in ("measure", "subject", "scope", "period_start", "period_end", "period_inferred", "unit"):
                if k in last.record:
                    rec[k] = last.record[k]
            missing = [k for k in missing if k not in rec]
            if rec.get("unit") in self.gaz.concepts or not self.gaz.concepts:
                missing = [k for k in missing if k != "unit"]
            notes = [n for n in notes if not n.startswith(("no measure", "subject carried", "period carried"))]
            notes.append(f"'of them' read as part of {last.id}")
            conf = 0.6
            parts = [rec.get("subject", "unknown"), rec.get("measure", "figure")]
            if dest is not None:
                parts.append(dest.id)
            parts.append(str(rec.get("period_start", "")))
        body = {"id": self.cid("-".join(parts)), **rec}
        body = {k: body[k] for k in _OBS_ORDER if k in body}
        cand = self.add("observations", body, conf - 0.1 * len(missing), spans, f"statistic:{st.role}",
                        status="incomplete" if missing else "proposed", missing=missing, notes=notes)
        if st.kind == "amount" and not st.conversion and not st.anaphoric:
            ctx["last_obs"] = cand
        return cand

    # -- relations
    def relations(self, s: int, e: int, periods: list[Period]) -> None:
        sent = self.text[s:e]
        orgs = self.mentions_in(s, e, ("organizations",))
        places = self.mentions_in(s, e, ("places",))
        stat_periods = [p for p in periods if not p.date]
        dates = [p for p in periods if p.date]
        self._partnerships(s, e, sent, orgs, places, dates)
        self._sites(s, e, sent, orgs, places, dates)
        self._presence(s, e, sent, orgs, places, stat_periods)
        self._destinations(s, e, orgs, places, stat_periods)
        self._deployments(s, e, sent, orgs, places, stat_periods, dates)

    def _actor_before(self, pos: int, s: int, orgs: list[Mention], exclude: set[str] = frozenset(),
                      places: list[Mention] | None = None) -> Mention | None:
        pool = [m for m in orgs + (places or []) if m.end <= pos and m.id not in exclude and not m.compiler
                and not _is_destination(self.text, m) and not _is_home(self.text, m)]
        if not pool and _ANAPHOR.match(self.text[s:pos]) and self.last_org is not None \
                and self.last_org.id not in exclude:
            return self.last_org
        return max(pool, key=lambda m: m.end) if pool else None

    def _partnerships(self, s, e, sent, orgs, places, dates) -> None:
        rx = re.compile(r"(?P<strategic>strategic\s+)?(?P<cue>joint[\s-]venture|partnership|cooperation|alliance|"
                        r"cooperation\s+agreement|partnership\s+agreement|partnered|teamed\s+up|tie-up|cooperate|"
                        r"collaborat\w+|" + _DEAL_NOUNS + r"|work(?:s|ed|ing)?(?=\s+(?:closely\s+)?with\b)|"
                        r"(?<=\s)(?:together|jointly)(?=\s+with\b))", re.I)
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            after = [o for o in orgs if o.start >= cue_e and re.fullmatch(
                r"[^.;]{0,30}?\b(?:with|between)\s+(?:[A-Z][\w]*['’]s\s+)?(?:the\s+)?(?:[a-z\-]+\s+){0,2}",
                self.text[cue_e:o.start])]
            b = after[0] if after else None
            if b is not None:
                a = self._actor_before(cue_s, s, orgs, {b.id})
                if re.search(r"\b(?:it|the\s+(?:company|group|firm|carmaker|automaker))\s+(?:has\s+|have\s+|had\s+|"
                             r"also\s+|then\s+|later\s+)*(?:\w+\s+){0,2}$", self.text[max(s, cue_s - 40):cue_s]) \
                        and self.last_org is not None and self.last_org.id != b.id:
                    a = self._it_actor(s, cue_s, orgs, {b.id})
                # "between A and B"
                nxt = [o for o in orgs if o.start > b.end and re.fullmatch(r"\s+and\s+", self.text[b.end:o.start])]
                if a is None and nxt:
                    a, b = b, nxt[0]
            else:
                pair = [o for o in orgs if o.end <= cue_s]
                pair = [o for o in pair if not o.compiler]
                a = b = None
                if len(pair) >= 2 and re.search(r"\band\b", self.text[pair[-2].end:pair[-1].start]):
                    a, b = pair[-2], pair[-1]
            if a is None or b is None or a.id == b.id:
                continue
            cue = m.group("cue").lower()
            if cue in {"together", "jointly"} and not re.search(
                    rf"\b(?:{_VENTURE_VERBS})\s+(?:[\w\-]+\s+){{0,4}}$", self.text[max(s, cue_s - 50):cue_s], re.I):
                continue  # "X together with Y" partners only as the way something is run, built or opened
            if re.match(_DEAL_NOUNS + "$", cue, re.I) and not re.search(
                    rf"\b(?:{_DEAL_VERBS})\s+(?:[\w\-]+\s+){{0,4}}$|\bunder\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,2}}$",
                    self.text[max(s, cue_s - 60):cue_s], re.I):
                continue  # a deal that is signed, inked, struck, reached …
            kind = "joint-venture" if cue.startswith("joint") else "alliance" if cue == "alliance" else \
                "strategic-cooperation" if m.group("strategic") else "cooperation"
            if not self._new_partnership(a.id, b.id, kind):
                continue
            rec: dict[str, Any] = {"label": f"{self.label(a.id)}–{self.label(b.id)} "
                                            f"{kind.replace('-', ' ')}", "kind": kind, "partners": [a.id, b.id]}
            mk = [p for p in places if p.start > cue_e and re.fullmatch(
                r"[^.;]{0,90}?\b(?:in|for|across|into)\s+(?:the\s+)?", self.text[cue_e:p.start])]
            if mk:
                rec["markets"] = [mk[0].id]
            if dates:
                rec["announced_on"] = dates[0].period_start
            rid = self.cid(f"{a.id}-{b.id}-{kind}")
            conf = 0.7 if b.start - cue_e < 40 else 0.55
            self.add("partnerships", {"id": rid, **rec}, conf,
                     [(a.start, a.end), (cue_s, cue_e), (b.start, b.end)], f"partnership:{cue}")

    def _new_partnership(self, a: str, b: str, kind: str) -> bool:
        """Whether a partnership of ``kind`` between a and b is news: a pair keeps its most specific kind
        (a joint venture named once and called "the partnership" later stays one joint venture)."""
        rank = {"cooperation": 0, "strategic-cooperation": 1, "alliance": 1, "joint-venture": 2}
        for c in list(self.candidates):
            if c.file == "partnerships" and set(c.record["partners"]) == {a, b}:
                if rank.get(c.record["kind"], 0) >= rank.get(kind, 0):
                    return False
                self.candidates.remove(c)
        return True

    def _sites(self, s, e, sent, orgs, places, dates) -> None:
        rx = re.compile(r"(?P<cue>(?:vehicle\s+|car\s+|assembly\s+|parts\s+|battery\s+|manufacturing\s+|production\s+|"
                        r"new\s+|first\s+|overseas\s+)*(?:factory|factories|plant|plants|production\s+base|"
                        r"manufacturing\s+base|manufacturing\s+facilit(?:y|ies)|production\s+facilit(?:y|ies)|"
                        r"production\s+line|assembly\s+line|knock-down\s+assembly|CKD\s+\w+)\b)", re.I)
        seen: set[tuple[str, str]] = set()
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            place = next((p for p in places if p.start >= cue_e and re.fullmatch(
                r",?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}(?:[A-Z]\w+['’]s\s+)?"
                r"(?:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?,\s+)?", self.text[cue_e:p.start])), None)
            if place is None:
                place = next((p for p in places if p.end <= cue_s and re.fullmatch(
                    r"(?:['’]s)?\s+(?:[a-z\-]+\s+){0,1}", self.text[p.end:cue_s])), None)
            if place is None:
                continue
            after = max(cue_e, place.end)
            op = next((o for o in orgs if o.start >= after and not o.compiler and _SITE_BY.match(
                self.text[after:o.start])), None)  # "a plant in Jeddah, built by X"
            if op is None:
                op = self._actor_before(min(cue_s, place.start), s, orgs)
            if op is None:
                op = next((o for o in orgs if o.start > cue_e and not o.compiler), None)
            if op is None or (op.id, place.id) in seen:
                continue
            seen.add((op.id, place.id))
            kind = "knock-down-assembly" if re.search(r"knock-down|ckd", cue) else "parts-factory" if "parts" in cue \
                else "production-base" if re.search(r"base|facilit", cue) else "plant" if "plant" in cue \
                else "factory"
            status = None
            if re.search(r"under\s+construction|broke\s+ground|began\s+construction|started\s+construction|"
                         r"is\s+building|being\s+built", sent, re.I):
                status = "under-construction"
            elif re.search(r"plans?\s+to|will\s+(?:build|set\s+up|open)|planned|to\s+be\s+built", sent, re.I):
                status = "planned"
            elif re.search(r"began\s+production|started\s+production|start(?:ed)?\s+operation|went\s+into\s+"
                           r"(?:operation|production)|came\s+on\s+stream|rolled\s+off|inaugurated", sent, re.I):
                status = "launched"
            elif re.search(r"expand\w*|ramp\w*\s+up|extend\w*", sent, re.I):
                status = "expanding"
            elif re.search(r"announc\w+", sent, re.I):
                status = "announced"
            elif re.search(r"\boperat\w+|\bruns\b|\bopened\b", sent, re.I):
                status = "operating"
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                                   "kind": kind, "operator": [op.id], "place": place.id}
            if status:
                rec["status"] = status
            if dates:
                rec["announced_on" if status in {"announced", "planned"} else "start"] = dates[0].period_start
            models = [mm for mm in self.mentions_in(s, e, ("vehicle_models",))]
            if models:
                rec["products"] = sorted({mm.id for mm in models})
            rid = self.cid(f"{op.id}-{place.id}-{kind}")
            self.add("sites", {"id": rid, **rec}, 0.65, [(op.start, op.end), (cue_s, cue_e),
                                                         (place.start, place.end)], f"site:{cue}")
        self._made_in(s, sent, orgs, places, seen)

    def _made_in(self, s, sent, orgs, places, seen: set[tuple[str, str]]) -> None:
        """Sites named by what is made there: "X, which assembles SUVs in Haikou", "X … to build EVs in Y"."""
        for place in places:
            m = _MAKE_VERB.search(self.text[max(s, place.start - 120):place.start])
            if m is None:
                continue
            vs = max(s, place.start - 120) + m.start()
            which = [o for o in orgs if o.end <= vs and re.fullmatch(r",\s+(?:which|that|who)\s+(?:\w+\s+){0,2}",
                                                                      self.text[o.end:vs])]
            subject = [o for o in orgs if o.end <= vs and not o.compiler and not _is_destination(self.text, o)]
            op = which[-1] if which else subject[0] if subject else None
            if op is None and re.search(r"\b(?:it|its|the\s+(?:company|carmaker|automaker|group|firm))\b",
                                        self.text[s:vs], re.I):
                op = self.last_org
            if op is None or (op.id, place.id) in seen or any(
                    c.file == "sites" and op.id in c.record["operator"] and c.record["place"] == place.id
                    for c in self.candidates):
                continue
            seen.add((op.id, place.id))
            parts = re.search(r"batter|packs|cells", m.group("obj"), re.I)
            kind = "parts-factory" if parts else "plant"
            before = self.text[max(s, vs - 30):vs]
            status = "planned" if re.search(r"\bto\s+$|\bwill\s+(?:\w+\s+)?$|plans?\s+to", before, re.I) else \
                "operating" if m.group("verb").endswith(("es", "s")) else None
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                                   "kind": kind, "operator": [op.id], "place": place.id}
            if status:
                rec["status"] = status
            rid = self.cid(f"{op.id}-{place.id}-{kind}")
            self.add("sites", {"id": rid, **rec}, 0.55, [(op.start, op.end), (vs, vs + len(m.group(0).rstrip())),
                                                         (place.start, place.end)], f"site:made-in:{m.group('verb')}")

    def _presence(self, s, e, sent, orgs, places, periods) -> None:
        rx = re.compile(r"(?P<cue>export\w*|shipped|shipments?|deliver(?!y\s+cent(?:re|er))\w*|entered|entry\s+into|"
                        r"launched|debuted|went\s+on\s+sale|sells?|sold|bound\s+for|destined\s+for|"
                        r"headed\s+(?:for|to)|went\s+to|(?:were|was)\s+sent\s+to)", re.I)
        seen: set[tuple[str, str, str]] = set()
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            if cue.startswith(("bound", "destined", "headed", "went to", "were", "was")):
                activity, preps = "exports-to", r"$"
            elif cue.startswith(("export", "ship")):
                activity, preps = "exports-to", r"to"
            elif cue.startswith("deliver"):
                activity, preps = "delivers-to", r"to|in"
            elif cue.startswith(("enter", "entry")):
                activity, preps = "entered", r"the|into"
            elif cue.startswith(("sell", "sold")):
                activity, preps = "sells-in", r"in"
            else:
                activity, preps = "entered", r"in|into"
            end_clause = re.search(r"[;]|,\s+(?:while|but|and\s+(?:its|the|a))\b|\.\s", self.text[cue_e:e])
            limit = cue_e + end_clause.start() if end_clause else e
            if re.search(r"robotaxi|charging|stores?|showrooms?", sent, re.I) and activity == "entered":
                continue  # deployments handle launched services
            markets: list[Mention] = []
            first = None
            for p in places:
                if p.start < cue_e or p.start > limit:
                    continue
                gap = self.text[cue_e:p.start]
                if first is None:
                    if preps == r"$" and re.fullmatch(r"\s+(?:the\s+)?", gap) or preps != r"$" and re.search(
                            rf"\b(?:{preps})\s+(?:the\s+)?(?:[\w\-,]+\s+){{0,5}}?(?:markets?\s+(?:of|in|such\s+as|"
                            rf"including|like),?\s+)?$", gap, re.I) and len(gap) < 90:
                        if activity == "entered" and cue.startswith(("enter", "entry")) and \
                                not re.search(r"market", self.text[p.end:p.end + 12] + gap, re.I):
                            if not re.fullmatch(r"\s+(?:the\s+)?", gap):
                                continue
                        first = p
                        markets.append(p)
                elif re.fullmatch(r"(?:,\s*|\s+and\s+|,\s+and\s+|\s+as\s+well\s+as\s+|\s*/\s*)(?:the\s+)?",
                                  self.text[markets[-1].end:p.start]):
                    markets.append(p)
            if not markets:
                continue
            if re.search(r"\b(?:it|the\s+(?:company|group|firm|carmaker|automaker|brand))\s+(?:has\s+|have\s+|had\s+|"
                         r"also\s+|then\s+|later\s+|now\s+|since\s+)*$", self.text[max(s, cue_s - 40):cue_s], re.I) \
                    and self.last_org is not None:
                exporter = self._it_actor(s, cue_s, orgs)  # "…, and the carmaker entered the Australian market"
            else:
                exporter = self._actor_before(cue_s, s, orgs, places=[p for p in places if p not in markets]) \
                    or self._fallback_actor(s, cue_s)
            if exporter is None:
                continue
            for mk in markets:
                key = (exporter.id, mk.id, activity)
                if key in seen or exporter.id == mk.id:
                    continue
                seen.add(key)
                verb = {"exports-to": "exports to", "delivers-to": "deliveries to", "entered": "entry into",
                        "sells-in": "sales in"}[activity]
                rec: dict[str, Any] = {"label": f"{self.label(exporter.id)} {verb} {self.label(mk.id)}",
                                       "exporter": exporter.id, "market": mk.id, "activity": activity}
                if periods:
                    p = periods[0]
                    rec["start"], rec["end"] = p.period_start, p.period_end
                    if p.inferred:
                        rec["period_inferred"] = True
                rid = self.cid(f"{exporter.id}-{activity}-{mk.id}")
                conf = 0.7 if mk is markets[0] else 0.6
                self.add("market_presence", {"id": rid, **rec}, conf,
                         [(exporter.start, exporter.end), (cue_s, cue_e), (mk.start, mk.end)],
                         f"presence:{activity}")

    def _it_actor(self, s: int, pos: int, orgs: list[Mention], exclude: set[str] = frozenset()) -> Mention | None:
        """Whom "it" or "the company" before ``pos`` means: the sentence's speaker ("X said on Monday it had …"),
        else the organisation named last."""
        own = [o for o in orgs if o.end <= pos and o.id not in exclude and not o.compiler and re.search(
            r"\b(?:said|says|announced|reported|told|added|stated|confirmed)\b", self.text[o.end:pos])]
        return own[-1] if own else self.last_org

    def _fallback_actor(self, s: int, pos: int) -> Mention | None:
        """Who a sentence without an actor of its own speaks about: the organisation named last when the
        sentence refers back to it (its, them, the company …), else the subject of the paragraph's figures."""
        if re.search(r"\b(?:its|their|them|it|they|the\s+(?:company|group|firm|carmaker|automaker|brand))\b",
                     self.text[s:pos], re.I) and self.last_org is not None:
            return self.last_org
        return self.para_subject

    def _destinations(self, s, e, orgs, places, periods) -> None:
        """"with A and B its largest markets", "A, B and C are among its main destinations": exports to each."""
        runs: list[list[Mention]] = []
        for p in places:
            if runs and re.fullmatch(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?", self.text[runs[-1][-1].end:p.start]):
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            m = _DEST_NOUN.match(self.text[run[-1].end:e])
            if m is None:
                continue
            pool = [o for o in orgs if o.end <= run[0].start and not o.compiler]
            exporter = pool[-1] if pool else self._fallback_actor(s, run[-1].end + m.end())
            if exporter is None:
                continue
            for mk in run:
                if exporter.id == mk.id or any(c.file == "market_presence" and c.record["exporter"] == exporter.id
                                               and c.record["market"] == mk.id for c in self.candidates):
                    continue
                rec: dict[str, Any] = {"label": f"{self.label(exporter.id)} exports to {self.label(mk.id)}",
                                       "exporter": exporter.id, "market": mk.id, "activity": "exports-to"}
                if periods:
                    rec["start"], rec["end"] = periods[0].period_start, periods[0].period_end
                    if periods[0].inferred:
                        rec["period_inferred"] = True
                self.add("market_presence", {"id": self.cid(f"{exporter.id}-exports-to-{mk.id}"), **rec}, 0.55,
                         [(exporter.start, exporter.end), (mk.start, mk.end),
                          (run[-1].end + m.start(), run[-1].end + m.end())], "presence:destination-list")

    def _deployments(self, s, e, sent, orgs, places, periods, dates) -> None:
        rx = re.compile(r"(?P<cue>robotaxi\s+(?:service|fleet|operations?)|robotaxis?|charging\s+(?:stations?|piles?|"
                        r"network|points?)|(?:sales\s+and\s+service|service)\s+cent(?:re|er)s?|stores?|showrooms?|"
                        r"delivery\s+cent(?:re|er)s?)", re.I)
        verbs = re.compile(r"deploy\w*|launch\w*|operat\w*|open\w*|roll\w*\s+out|put\s+into\s+service|"
                           r"built|build\w*|set\s+up|runs?|started|began|began\s+offering|expanded", re.I)
        m = rx.search(sent)
        if not m or not verbs.search(sent):
            return
        cue = m.group("cue").lower()
        kind = "robotaxi-service" if re.search(r"robotaxi\s+(?:service|operations?)", cue) else \
            "robotaxi-fleet" if "robotaxi" in cue else "charging-network" if "charging" in cue else \
            "sales-service-centre" if "service" in cue else "delivery-centre" if "delivery" in cue else \
            "store-network"
        if kind == "robotaxi-fleet" and re.search(r"\bservice\b", sent, re.I):
            kind = "robotaxi-service"
        cue_s, cue_e = s + m.start(), s + m.end()
        where = [p for p in places if re.search(r"\b(?:in|across|at|into)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$",
                                                  self.text[max(s, p.start - 40):p.start])]
        if not where:
            return
        op = self._actor_before(cue_s, s, orgs) or next((o for o in orgs if not o.compiler), None)
        if op is None:
            return
        partners = [o.id for o in orgs if o.id != op.id and 0 <= cue_s - o.end < 60 and re.search(
            r"\bwith\s+(?:[\w\-]+\s+){0,2}$", self.text[max(s, o.start - 25):o.start])]
        status = "planned" if re.search(r"plans?\s+to|will\b|planned", sent, re.I) else \
            "launched" if re.search(r"launch\w*|began|started|rolled\s+out", sent, re.I) else \
            "opened" if re.search(r"\bopen\w*", sent, re.I) else "operating" if re.search(r"operat\w*|runs?\b",
                                                                                         sent, re.I) else None
        rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in "
                                        f"{', '.join(self.label(p.id) for p in where)}",
                               "kind": kind, "operator": op.id}
        if partners:
            rec["partners"] = partners
        rec["places"] = list(dict.fromkeys(p.id for p in where))
        stats = [st for st in find_statistics(sent, s) if st.kind == "amount" and st.unit in {"vehicles", "stores"}]
        spans = [(op.start, op.end), (cue_s, cue_e)] + [(p.start, p.end) for p in where]
        if stats:
            st = stats[0]
            rec["count"] = _plain(st.value)
            rec["count_unit"] = st.unit
            if st.bound:
                rec["count_bound"] = st.bound
            spans.append((st.start, st.end))
        if status:
            rec["status"] = status
        when = dates[0] if dates else periods[0] if periods else None
        if when is not None:
            rec["date"] = when.period_end if not when.date else when.period_start
            if when.inferred:
                rec["date_inferred"] = True
        rid = self.cid(f"{op.id}-{kind}-{where[0].id}")
        self.add("deployments", {"id": rid, **rec}, 0.6, spans, f"deployment:{cue}")

    # -- people
    def people(self, s: int, e: int) -> None:
        text = self.text
        orgs = self.mentions_in(s, e, ("organizations",))
        found: list[tuple[int, int, str, int, int, Mention, str]] = []  # name_s, name_e, title, t_s, t_e, org, rule
        for o in orgs:
            left = text[s:o.start]
            right = text[o.end:e]
            # NAME, (the) TITLE of/at ORG
            m = re.search(rf"(?P<name>{_NAME}),\s+(?:who\s+is\s+|and\s+)?(?:the\s+|a\s+|an\s+)?(?P<title>[A-Za-z]"
                          rf"[A-Za-z\s\-]{{1,70}}?)\s+(?:of|at|for|with)\s+(?:the\s+)?(?:[A-Z]\w+['’]s\s+)?$", left)
            if m and _TITLE_RX.search(m.group("title")) and _is_name(m.group("name")):
                found.append((s + m.start("name"), s + m.end("name"), m.group("title"), s + m.start("title"),
                              s + m.end("title"), o, "person:name-title-of-org"))
                continue
            # TITLE of ORG(,) NAME
            m = re.search(rf"(?:^|\s)(?P<title>(?:[a-z\-]+\s+){{0,3}}(?i:{_TITLE_WORDS}))\s+(?:of|at)\s+(?:the\s+)?$",
                          left)
            n = re.match(rf"^,?\s+(?P<name>{_NAME})\b", right)
            if m and n and _is_name(n.group("name")) and not self.mentions_in(o.end + n.start("name"),
                                                                             o.end + n.end("name")):
                found.append((o.end + n.start("name"), o.end + n.end("name"), m.group("title"), s + m.start("title"),
                              s + m.end("title"), o, "person:title-of-org-name"))
                continue
            # ORG('s) TITLE NAME
            n = re.match(rf"^(?:['’]s?)?\s+(?P<title>(?:[a-z\-]+\s+){{0,3}}?(?:{_TITLE_WORDS}))\s+(?P<name>{_NAME})\b",
                         right)
            if n and _is_name(n.group("name")) and not self.mentions_in(o.end + n.start("name"),
                                                                        o.end + n.end("name")):
                found.append((o.end + n.start("name"), o.end + n.end("name"), n.group("title"),
                              o.end + n.start("title"), o.end + n.end("title"), o, "person:org-title-name"))
                continue
            # NAME, ORG's TITLE
            m = re.search(rf"(?P<name>{_NAME}),\s+(?:the\s+)?$", left)
            n = re.match(rf"^['’]s?\s+(?P<title>(?:[a-z\-]+\s+){{0,4}}?(?:{_TITLE_WORDS})(?:\s+of\s+[a-z\s]+?)?)"
                         rf"(?=[,.;]|\s+(?:said|says|told|added|noted))", right)
            if m and n and _is_name(m.group("name")):
                found.append((s + m.start("name"), s + m.end("name"), n.group("title"), o.end + n.start("title"),
                              o.end + n.end("title"), o, "person:name-org-title"))
        if self.last_org is not None:
            for m in re.finditer(rf"\b(?:the|its)\s+(?:company|firm|group|carmaker|automaker)['’]s\s+"
                                 rf"(?P<title>(?:[a-z\-]+\s+){{0,3}}?(?:{_TITLE_WORDS}))\s+(?P<name>{_NAME})\b",
                                 text[s:e]):
                if _is_name(m.group("name")):
                    found.append((s + m.start("name"), s + m.end("name"), m.group("title"), s + m.start("title"),
                                  s + m.end("title"), self.last_org, "person:company-title-name"))
        for ns, ne, title, ts, te, org, rule in found:
            name = text[ns:ne]
            title = " ".join(title.split())
            if self.mentions_in(ns, ne, ("organizations", "places")):
                continue
            known = self.gaz.lookup(name, ("people",))
            if known:
                pid = known.id
                self.ents.add(Mention(ns, ne, name, "people", pid, True, None, "gazetteer", 0.95, known.label))
            else:
                pid = slugify(name)
                if pid in self.gaz.ids and pid not in self.ents.new:
                    pid = f"{pid}-person"
                if pid not in self.ents.new:
                    self.ents.new[pid] = {"id": pid, "label": name}
                    m = Mention(ns, ne, name, "people", pid, False, None, rule, 0.75, name)
                    self.ents.new_meta[pid] = m
                self.ents.add(Mention(ns, ne, name, "people", pid, False, None, rule, 0.75, name))
            rec: dict[str, Any] = {"label": f"{name}, {title} of {self.label(org.id)}", "person": pid,
                                   "organization": org.id, "title": title}
            if self.date:
                rec["as_of"] = self.date[:7]
            tslug = "-".join(slugify(title).split("-")[:4])
            if any(c.file == "roles" and c.record["person"] == pid and c.record["organization"] == org.id
                   for c in self.candidates):
                continue
            self.add("roles", {"id": self.cid(f"{pid}-{org.id}-{tslug}"), **rec}, 0.75 if org.known else 0.65,
                     [(ns, ne), (ts, te), (org.start, org.end)], rule)

    # -- entities
    def entity_candidates(self) -> None:
        by_id: dict[str, list[Mention]] = {}
        for m in self.ents.mentions:
            by_id.setdefault(m.id, []).append(m)
        for rid, rec in self.ents.new.items():
            first = self.ents.new_meta[rid]
            spans = [(m.start, m.end) for m in by_id.get(rid, [first])]
            file = first.file
            body = dict(rec)
            if file == "vehicle_models":
                maker = self._maker_of(first)
                if maker:
                    body["maker"] = maker.id
            if file == "organizations" and body.get("kind") in {"automaker", "company", "technology-company"}:
                country = self._country_of(first)
                if country:
                    body["country"] = country
            missing = ["maker"] if file == "vehicle_models" and "maker" not in body else []
            order = ["id", "label", "aliases", "kind", "parent", "based_in", "country", "maker", "located_in",
                     "iso_code"]
            body = {k: body[k] for k in order if k in body and body[k] not in (None, [])}
            self.add(file, body, first.confidence + min(0.1, 0.03 * (len(spans) - 1)) - 0.2 * len(missing), spans,
                     first.rule, new=True, status="incomplete" if missing else "proposed", missing=missing,
                     notes=["no maker named near the model; fill in 'maker'"] if missing else [])
        # known entities named by a new alias
        aliases: dict[str, list[Mention]] = {}
        for m in self.ents.mentions:
            if m.known and m.new_alias:
                aliases.setdefault(m.id, []).append(m)
        for rid, ms in aliases.items():
            entry = self.gaz.entries[rid]
            names = list(dict.fromkeys(m.new_alias for m in ms))
            body = {"id": rid, "label": entry.label, "aliases": names}
            if entry.kind:
                body["kind"] = entry.kind
            self.add(entry.file, body, 0.75, [(m.start, m.end) for m in ms], "alias-of-known",
                     new=False, merge_into=rid, notes=[f"adds the alias(es) {', '.join(names)} to '{rid}'"])

    def _maker_of(self, model: Mention) -> Mention | None:
        for s, e, _ in split_sentences(self.text):
            if s <= model.start < e:
                orgs = [m for m in self.mentions_in(s, model.start, ("organizations",)) if not m.compiler]
                if orgs:
                    return orgs[-1]
                orgs = [m for m in self.mentions_in(model.end, e, ("organizations",)) if not m.compiler]
                return orgs[0] if orgs else None
        return None

    def _country_of(self, org: Mention) -> str | None:
        before = self.text[max(0, org.start - 40):org.start]
        if re.search(r"\bChinese\s+(?:[a-z\-]+\s+){0,2}$", before):
            return "china" if "china" in self.gaz.ids else None
        for m in self.ents.mentions:
            if m.file == "places" and m.kind == "country" and m.end <= org.start and \
                    re.fullmatch(r"['’]s\s+(?:[a-z\-]+\s+){0,2}", self.text[m.end:org.start]):
                return m.id
        return None


_OBS_ORDER = ["id", "label", "measure", "subject", "destination", "scope", "period_start", "period_end",
              "period_inferred", "value", "value_max", "unit", "bound", "approximate", "yoy_change_pct", "yoy_bound",
              "status", "compiler", "rank", "note"]


#: nouns of an agreement ("a supply deal with X") and the verbs that make one a partnership
_DEAL_NOUNS = (r"(?:agreement|deal|pact|contract|memorandum\s+of\s+understanding|MoU)")
_DEAL_VERBS = (r"sign\w*|ink\w*|str(?:uck|ike|ikes)|reach\w*|conclud\w*|agree\w*|clinch\w*|seal\w*|"
               r"enter\w*\s+into")
#: verbs of running, building or opening something "together with" a partner
_VENTURE_VERBS = (r"run|runs|operat\w+|buil[dt]\w*|develop\w*|open\w*|set\s+up|establish\w*|launch\w*|"
                  r"produc\w+|manufactur\w+|assembl\w+|roll\w*\s+out|invest\w*")
#: a production site named by its verb: "assembles compact SUVs in Haikou", "to build EVs in Abu Dhabi"
_MAKE_VERB = re.compile(
    r"\b(?P<verb>assembl(?:e|es|ed|ing)|build(?:s|ing)?|manufactur(?:e|es|ed|ing)|produc(?:e|es|ed|ing)|"
    r"mak(?:e|es|ing))\s+(?P<obj>(?:[\w\-]+\s+){0,4}?(?:vehicles|cars|SUVs|sedans|pickups|EVs|NEVs|models|"
    r"hatchbacks|buses|trucks|vans|batter(?:y|ies)|battery\s+packs|packs|kits|robotaxis|cells))\s+"
    r"(?:locally\s+)?(?:in|at|near|outside)\s+(?:the\s+)?$")
#: "the plant … built by X": the operator named after the site
_SITE_BY = re.compile(r"^[^.;]{0,80}?\b(?:built|run|operated|owned|developed|managed)\s+by\s+(?:a\s+joint\s+venture\s+"
                      r"(?:between|of)\s+)?(?:the\s+)?$")
#: "with A and B its largest markets", "A, B and C are among its main destinations"
_DEST_NOUN = re.compile(r"^\s*(?:(?:are|were|is|was|remain(?:s|ed)?|became|become)\s+)?(?:now\s+|still\s+)?"
                        r"(?:(?:among|one\s+of)\s+)?(?:its|their|the\s+(?:company|group|carmaker|automaker|brand)['’]s)"
                        r"\s+(?:[\w\-]+\s+){0,2}?(?:markets?|destinations?)\b", re.I)
_ANAPHOR = re.compile(r"^(?:The\s+(?:company|firm|automaker|carmaker|group|brand|start-?up|manufacturer|"
                      r"maker)|It|Its)\b")


def _is_destination(text: str, m: Mention) -> bool:
    """A place named after "to"/"into" (a destination, not an actor)."""
    return m.file == "places" and bool(re.search(r"\b(?:to|into)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$",
                                                  text[max(0, m.start - 30):m.start]))


def _is_home(text: str, m: Mention) -> bool:
    """A place named as a company's home ("based in X", "X-based"): never the actor itself."""
    before = text[max(0, m.start - 20):m.start]
    return m.file == "places" and bool(re.search(r"\b(?:based|headquartered)\s+in\s+$", before)
                                       or re.match(r"-(?:based|headquartered)\b", text[m.end:m.end + 14]))


def extract(text: str, gazetteer: Gazetteer, *, article_date: str | None = None,
            source_id: str = "new-source") -> Extraction:
    """Find candidate records in an article's text.

    Parameters
    ----------
    text : str
        The article's plain text (offsets refer to it).
    gazetteer : Gazetteer
        The known entities.
    article_date : str, optional
        ``YYYY[-MM[-DD]]``: resolves "last year", "this year" and months named without a year.
    source_id : str
        Id of the source record every candidate cites.

    Returns
    -------
    Extraction
        The entity mentions and the candidate records.
    """
    return _Extractor(text, gazetteer, article_date, source_id).run()
