"""Figures completed by their neighbours: ranges and numbers written without a unit noun.

* a range is one figure with an upper end: "between 10 and 15 per cent", "12-15%", "40,000 to 45,000 cars"
  (but "rose from 40,000 to 45,000" is a change, two figures);
* a number without a unit noun takes the unit of the figure it continues in the same sentence: "5.1 million cars
  in 2025, of which X accounted for 210,000", "48,000 cars in 2025 and 52,000 in 2026", "Of the 210,000 cars it
  sold, 80,000 went to Europe";
* a ranking's bare numbers ("X led with 2,210, followed by Y with 1,870") count in the unit of the paragraph's
  count before them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from nevkg.ingest.extract.model import Statistic
from nevkg.ingest.extract.spans import IN_CLAUSE

#: a change verb before "from A to B": the two ends of a change, not a range
_CHANGE_FROM = re.compile(r"\b(?:rose|rise[sn]?|rising|grew|grow(?:s|n|ing)?|increas\w*|jump\w*|climb\w*|surg\w*|"
                          r"fell|fall(?:s|en|ing)?|drop\w*|declin\w*|decreas\w*|slipp?\w*|slid|cut|rais\w*|lower\w*|"
                          r"up|down|went|go(?:es|ne)?|moved?|increase|change\w*)\b" + IN_CLAUSE
                          + r"{0,40}\bfrom\s+(?:about\s+|around\s+)?$", re.I)
#: units a bare number may take from the figure before it (counts, not money or rates)
_COUNT_UNITS = {"vehicles", "jobs", "stores", "orders-unit", "factories", "countries-and-regions", "cities",
                "companies", "rides", "chargers"}
#: "N of the group's cars", "N of its EVs", "N of those vehicles": a part of a whole counted in vehicles
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|those|these|all|[A-Z][\w-]*['’]s)\s+(?:[\w-]+['’]s\s+)?"
                      r"(?:[\w-]+\s+){0,2}?(?P<noun>cars|vehicles|units|EVs|NEVs|SUVs|vans|trucks|buses|pickups|taxis|"
                      r"robotaxis)\b")
#: words between two figures that make the second continue the first ("of which", "and", "including")
_CONTINUES = re.compile(r"\b(?:of\s+which|of\s+them|of\s+these|including|and|while|with|compared\s+with|"
                        r"against|versus|up\s+from|down\s+from|from|to|than)\b|[,:;(]", re.I)


#: a name right before a bare number, its verb left out after a comma or "and" ("…, Japan 1,310 and South Korea 440")
_GAPPED_NAME = re.compile(r"(?:,|\band)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+$")
#: a part's origin after its bare number ("…, while 198 came from China")
_CAME_FROM = re.compile(r"\s+(?:came|come|were|was)\s+from\b")
#: the verb of a sentence's figure after a count named as where ("in 28 markets climbed to N")
_NEW_PREDICATE = re.compile(r"\b(?:rose|climbed|grew|fell|jumped|surged|increased|decreased|dropped|declined|reached|"
                            r"totall?ed|amounted|stood)\b", re.I)
#: a word right after a bare number that names what it counts (not a preposition, verb or time word)
_OTHER_NOUN = re.compile(r"\s+(?!(?:in|into|to|of|and|or|at|for|by|from|during|last|this|next|over|were|was|went|"
                         r"are|is|a|an|the|while|with|compared|versus|against|respectively|each|apiece|so|a\s+year|"
                         r"year|month|units?|went|came|left|were|had|have|has|will|would|could|more|less|fewer|"
                         r"alone|only|overseas|abroad|domestically|locally|that|which|since|until|before|after)\b)"
                         r"[a-z]{3,}")


def grouped(raw: str) -> bool:
    """Whether a number is written with separators of thousands, commas or spaces ("210,000", "52 806").

    >>> grouped("210,000"), grouped("52\u00a0806"), grouped("1.5")
    (True, True, False)
    """
    return bool(re.search(r"\d[,\s]\d", raw))


def bare_value(raw: str, scale: str | None) -> bool:
    """Whether a number without a unit noun is still a quantity a sentence may give: written with thousands
    separators or a scale word, or at least 10 and not a year.

    >>> bare_value("210,000", None), bare_value("1.2", "million"), bare_value("2025", None), bare_value("7", None)
    (True, True, False, False)
    """
    if scale or grouped(raw):
        return True
    value = Decimal(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else Decimal(0)
    return value >= 10 and not re.fullmatch(r"(?:19|20)\d\d", raw)


def merge_ranges(text: str, stats: list[Statistic], offset: int = 0) -> list[Statistic]:
    """Join "A to B UNIT", "between A and B UNIT" and "A-B UNIT" into one figure ``A`` with ``value_max`` B
    (``A`` takes B's unit; an ``A`` with a unit of its own, "17% and 35%", stays a figure of its own).
    ``text`` is the sentence the offsets of ``stats`` count from ``offset`` in.

    >>> from nevkg.ingest.extract.figures import find_statistics
    >>> [(s.value, s.value_max, s.unit) for s in find_statistics("It holds between 10 and 15 per cent of it.")]
    [(Decimal('10'), Decimal('15'), 'percent')]
    """
    out: list[Statistic] = []
    for st in sorted(stats, key=lambda x: x.start):
        prev = out[-1] if out else None
        # (a low end written with its own unit, "17% and 35.3%", may be two rates: only an implied unit joins)
        if prev is not None and prev.value_max is None and (prev.unit is None or prev.kind == st.kind == "amount"
                                                            and prev.unit == st.unit and not prev.unit_text) \
                and st.kind in {"amount", "percent"} and prev.value < st.value:
            gap = text[prev.end - offset:st.start - offset]
            lead = text[max(0, prev.start - offset - 60):prev.start - offset]
            year = prev.unit is None and re.fullmatch(r"(?:19|20)\d\d", text[prev.start - offset:prev.end - offset]) \
                and re.search(r"\b(?:in|during|since|by|until|of|for)\s+$", lead, re.I)  # "rose 25% in 2025 to N"
            joined = not year and (re.fullmatch(r"\s*(?:-|–|to)\s*", gap) and not _CHANGE_FROM.search(lead)) or \
                re.fullmatch(r"\s+and\s+", gap) and re.search(r"\bbetween\s+$", lead, re.I)
            if joined:
                prev.value_max, prev.unit, prev.end, prev.kind, prev.role = st.value, st.unit, st.end, st.kind, st.role
                prev.unit_text, prev.unit_span = prev.unit_text or st.unit_text, prev.unit_span or st.unit_span
                continue
        out.append(st)
    return out


def continue_units(text: str, bare: list[Statistic], stats: list[Statistic], offset: int = 0) -> list[Statistic]:
    """The bare numbers (``unit`` None) that continue an earlier count figure of the sentence, given its unit;
    a bare number right before a range's upper end is kept for :func:`merge_ranges`.

    Parameters
    ----------
    text : str
        The sentence.
    bare : list of Statistic
        Its numbers written without a unit noun.
    stats : list of Statistic
        Its figures with a unit.
    offset : int
        Where the sentence starts in the article (the figures' offsets count from the article's start).

    Returns
    -------
    list of Statistic
        The bare numbers kept, with the unit they continue.

    >>> from nevkg.ingest.extract.figures import find_statistics
    >>> [(int(s.value), s.unit) for s in find_statistics("It sold 48,000 cars in 2025 and 52,000 in 2026.")]
    [(48000, 'vehicles'), (52000, 'vehicles')]
    """
    out = []
    for b in bare:
        after = text[b.end - offset:b.end - offset + 30]
        nxt = next((x for x in sorted(stats, key=lambda x: x.start) if x.start >= b.end), None)
        gap = text[b.end - offset:nxt.start - offset] if nxt is not None else ""
        lead = text[max(0, b.start - offset - 20):b.start - offset]
        if nxt is not None and (re.match(r"\s*(?:-|–|to)\s*$", gap) or re.match(r"\s*and\s*$", gap)
                                and re.search(r"\bbetween\s+$", lead, re.I)):
            out.append(b)  # the low end of a range
            continue
        if nxt is not None and nxt.kind == "amount" and nxt.unit in _COUNT_UNITS and \
                re.fullmatch(r"(?:\s*,\s*\d[\d,.]*)*\s*,?\s*(?:and|or)\s*", gap):
            b.unit, b.unit_text = nxt.unit, nxt.unit_text  # "1,200, 800 and 500 vehicles": a list shares its unit
            out.append(b)
            continue
        part_of = _PART_OF.match(text, b.end - offset)
        if part_of:  # "took 9,500 of the group's cars": a part counted in the whole's unit
            b.unit, b.unit_text = "vehicles", part_of.group("noun")
            out.append(b)
            continue
        if re.match(r"\s*(?:%|per\s*cent|percent|years?\b|months?\b|days?\b|km\b|kilomet|kwh|kw\b|mw\b|gwh|hours?\b)",
                    after, re.I) or _OTHER_NOUN.match(after):
            continue  # a count of something else ("half a million batteries")
        # "X supplied 2,050 of them, Y 1,310 and Z 440, while 198 came from W": parts of the same whole as the part
        # before, each after a name whose verb is left out or before its origin (no count of its own between)
        part = max((x for x in stats if x.end <= b.start and x.kind == "amount" and x.anaphoric and not x.batch),
                   key=lambda x: x.end, default=None)
        gapped = _GAPPED_NAME.search(text, 0, b.start - offset) or _CAME_FROM.match(text, b.end - offset)
        if part is not None and gapped and not any(x.unit in _COUNT_UNITS and part.end < x.end <= b.start
                                                   for x in stats):
            b.anaphoric = True
            out.append(b)
            continue
        earlier = [x for x in stats if x.end <= b.start and x.kind == "amount" and x.unit in _COUNT_UNITS
                   and not x.anaphoric]
        if not earlier:
            continue
        src = max(earlier, key=lambda x: x.end)
        if not _CONTINUES.search(text[src.end - offset:b.start - offset]):
            continue
        if re.search(r"\b(?:in|across)\s+$", text[max(0, src.start - offset - 10):src.start - offset]) and \
                _NEW_PREDICATE.search(text[src.end - offset:b.start - offset]):
            continue  # "Registrations in 28 markets climbed to 104,860": where they were counted, not what
        b.unit, b.unit_text = src.unit, src.unit_text
        out.append(b)
    return out


#: the verbs of a ranking ("X led with N", "followed by Y with M", "ahead of Z")
_RANKING = re.compile(r"\b(?:led|leads|topped|tops|followed\s+(?:by|with)|ahead\s+of|behind|trailed\s+by|"
                      r"in\s+(?:second|third)\s+place|finished\s+(?:first|second|third|\w+th)|rounded\s+out|"
                      r"top\s+(?:five|ten|\d+))\b", re.I)
#: a figure in brackets right after a name of a ranking ("Mazda (6,004) finished fourth ahead of Kia (5,870)")
NAME_BRACKET = re.compile(r"[A-Z][\w.&'’-]*\s*\($")
#: a figure of a ranking, after "with"
_WITH_FIGURE = re.compile(r"\bwith\s+(?:about\s+|some\s+|around\s+|nearly\s+|just\s+over\s+)?$")


def ranking_unit(text: str, pos: int, count_unit: str | None) -> str | None:
    """``count_unit`` (the unit of the count the paragraph gave before) for a bare number at ``pos`` of a ranking
    sentence ("BYD led with 2,210, followed by Tesla with 1,870"), else ``None``.

    >>> t = "BYD led with 2,210, followed by Tesla with 1,870."
    >>> ranking_unit(t, t.index("1,870"), "vehicles"), ranking_unit("It ended with 2,210 in stock.", 14, "vehicles")
    ('vehicles', None)
    >>> t = "Mazda (6,004) finished fourth ahead of Kia (5,870)."
    >>> ranking_unit(t, t.index("5,870"), "vehicles")
    'vehicles'
    """
    if count_unit and _RANKING.search(text) and (_WITH_FIGURE.search(text[:pos]) or NAME_BRACKET.search(
            text[:pos]) and re.match(r"\d[\d,.]*\d?(?:\s+[a-z]+)?\s*(?:[);]|,\s)", text[pos:])):
        return count_unit  # ("Isuzu (1,588; 11.4%)", "MG (19,870, minus 4.1 percent)", "BYD (21,640 units, …)")
    return None


#: a flow of goods changed by a share, then the bare number it changed to ("Imports from India fell 16.1 percent to
#: 6,910", "while exports rose 71 percent to 842")
_CHANGED_TO = re.compile(r"\b(?:imports|exports|sales|registrations|shipments|deliveries)\b" + IN_CLAUSE
                         + r"{0,60}?\b(?:rose|fell|grew|dropped|climbed|declined|jumped|slipped|increased|decreased)"
                         r"\s+(?:by\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+to\s+(?:about\s+|around\s+)?$", re.I)


def changed_to_unit(text: str, pos: int, count_unit: str | None) -> str | None:
    """``count_unit`` (the unit of the count the paragraph gave before) for a bare number at ``pos`` that a flow of
    goods changed to by a share ("Bhutan imported 8,640 vehicles. Imports from India fell 16.1 percent to 6,910"),
    else ``None``.

    >>> t = "Imports from India fell 16.1 percent to 6,910, while those from China rose 71 percent to 842."
    >>> changed_to_unit(t, t.index("6,910"), "vehicles"), changed_to_unit(t, t.index("6,910"), None)
    ('vehicles', None)
    """
    return count_unit if count_unit and _CHANGED_TO.search(text[:pos]) else None
