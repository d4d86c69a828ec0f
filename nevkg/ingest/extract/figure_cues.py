"""The words around a figure that say what it measures (sales, exports, output …), its product scope, who compiled
it, and whether it is a forecast or a target."""

from __future__ import annotations

import re

from nevkg.ingest.extract.spans import IN_CLAUSE

#: money put, poured or injected into something ("poured 2 billion yuan into the plant", "a capital injection of
#: EUR 40 million into the venture"): an investment (the measure cue, and a figure with no period of its own)
PUT_INTO = r"\b(?:put|puts|putting|pour(?:s|ed|ing)?|inject(?:s|ed|ing|ions?)?)\b(?=" + IN_CLAUSE + r"{0,40}\binto\b)"

_MEASURE_CUES: list[tuple[str, re.Pattern]] = [
    ("production-capacity", re.compile(r"\bcapacity\b|\b(?:able\s+to|can|could|designed\s+to)\s+(?:build|produce|"
                                       r"make|assemble|turn\s+out|roll\s+out)\b", re.I)),
    ("investment-amount", re.compile(r"\binvest(?:s|ed|ing|ment|ments)?\b|\bcapital\s+expenditure\b|\bcapex\b|"
                                     + PUT_INTO, re.I)),
    ("robotaxi-fleet-size", re.compile(r"\bdeploy\w*|\bfleet\b", re.I)),
    ("nev-penetration-rate", re.compile(r"penetration\s+rate", re.I)),
    ("overseas-deliveries", re.compile(r"overseas\s+deliver|deliver\w*\s+(?:\S+\s+){0,4}?overseas|"
                                       r"deliver\w*\s+abroad", re.I)),
    ("overseas-sales", re.compile(r"overseas\s+sales|(?:sales|sold\s+(?:\S+\s+){0,3}?)(?:abroad|overseas|outside\s+"
                                  r"(?:the\s+)?(?:Chinese\s+mainland|mainland\s+China|mainland|China))|"
                                  r"international\s+sales", re.I)),
    ("export", re.compile(r"\bexport\w*|\bshipped\b|\bshipments?\b|outbound|\bdestinations?\b", re.I)),
    ("import", re.compile(r"\bimport(?:s|ed)?\b", re.I)),
    ("deliveries", re.compile(r"\bdeliver\w*", re.I)),
    ("sales-volume", re.compile(r"\bsales\b|\bsold\b|\bsell\w*", re.I)),
    ("orders", re.compile(r"\border(?:s|ed)?\b|\bsupply\s+(?:deal|contract|agreement)\b", re.I)),
    ("production-volume", re.compile(r"\bproduc(?:tion|ed)\b|\boutput\b|\bmanufactured\b|rolled\s+off", re.I)),
    ("revenue", re.compile(r"\brevenues?\b|\bturnover\b", re.I)),
    ("net-loss", re.compile(r"\b(?:net\s+|operating\s+)?loss(?:es)?\b(?!\s+of\s+(?:jobs|market|share))", re.I)),
    ("profit", re.compile(r"(?<![\w-])(?:net\s+)?profits?\b", re.I)),  # (not "a non-profit association")
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
#: a source described, then named: "according to the national statistics institute, INEGI"
_COMPILER_DESCRIBED = re.compile(r"according\s+to\s+(?:the|its|an?)\s+(?:[a-z][\w'’-]*\s+){0,4}(?:institute|bureau|"
                                 r"office|agency|association|body|federation|authority|regulator|consultancy|firm|"
                                 r"council|commission|registry|provider|group|service|ministry|department),\s+$")
#: a source quoted through one of its people ("according to NAME, deputy secretary-general of the X"): a compiler
#: when X is a body that compiles figures (a company quoted through its chairman stays a subject)
_COMPILER_VIA = re.compile(r"according\s+to(?:\s+(?-i:[A-Z])[\w.'’-]*){1,3},\s+(?:an?\s+)?(?:[\w-]+\s+){1,4}?"
                           r"(?:of|at)\s+(?:the\s+)?$", re.I)
#: "according to X's chief financial officer, NAME": X quoted through one of its officers, like _COMPILER_VIA
_OFFICER_AFTER = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,4}?(?:officer|chairman|chairwoman|chair|president|"
                            r"spokes(?:person|man|woman)|director|head|chief|CEO|CFO|executive|manager|founder|"
                            r"minister|secretary|boss|vice-president)\b", re.I)
_COMPILER_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:data|figures|statistics)\b", re.I)
#: a firm cited through its analysts or a note of theirs ("analysts at X said", "a research note from X")
_ANALYSTS_AT = re.compile(r"\b(?:analysts?|economists?|strategists?|researchers?)\s+(?:at|with|from)\s+(?:the\s+)?$|"
                          r"\b(?:(?:research\s+)?note|report)\s+(?:from|by)\s+(?:the\s+)?$", re.I)
#: ("X analysts said", "X analyst Jane Doe wrote")
_ANALYSTS_AFTER = re.compile(r"(?:['’]s)?\s+(?:analysts?|economists?|strategists?)\b")
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
