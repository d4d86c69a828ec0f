"""Name spans from the parse, widened and split where the parser's entity span is known to be wrong.

The parser's entities, joined across name connectors ("Renault do Brasil"), with the legal form or the leading
word of a company's name the parser left out ("[Motor] Mundo Ltda", "Savinja Bus [d.d.]"), split at a line break,
at "between A and B" or around a capitalised title between a body's name and a person's ("Chiyuan Chairperson Ou
Jingrui"); an event's name gives only the place it opens with (:func:`name_spans`, read by
:func:`~nevkg.ingest.extract.ner.ner_mentions`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.hyphen_names import hyphen_joined
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.ner_types import _CONNECTORS, _ORG_WORDS, TRADE_ENDS
from nevkg.ingest.extract.portfolios import PORTFOLIO_ORG
from nevkg.ingest.extract.title_words import _RANK, trailing_function
from nevkg.ingest.extract.title_words import ROLE_TITLE_RX as _TITLE_RX
from nevkg.ingest.extract.vocab import (
    CLOSE_QUOTES,
    LEGAL_DOTTED_RE,
    LEGAL_LEADS,
    LEGAL_POLISH_RE,
    LEGAL_TAIL_RE,
    OPEN_QUOTES,
    ZONE_END,
)

__all__ = ["LEGAL_AFTER", "name_spans"]

#: an event's name, of which only the place it opens with is a name of interest ("Paris Motor Show")
_EVENT = re.compile(r"\b(?:Motor\s+Show|Auto\s+Show|Expo|Fair|Summit|Forum|Conference|Congress|Games|Olympics)$")


#: words of a post's standing that open a title after a name, besides the words of rank ("X Acting Director")
_STANDING = {"acting", "interim", "former"}


class _Span:
    """A name span (start/end token, character offsets and label) like spaCy's, that can be widened."""

    def __init__(self, doc: Any, start: int, end: int, label: str) -> None:
        self.doc, self.start, self.end, self.label_ = doc, start, end, label
        self.start_char, self.end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def name_spans(doc: Any) -> list[_Span]:
    """The parser's entities, joined across name connectors ("Renault do Brasil", "Sao Jose dos Pinhais");
    an event's name ("Paris Motor Show") gives only the place it starts with."""
    ents = [_Span(doc, e.start, e.end, e.label_) for e in doc.ents]
    text = doc.text  # built from the tokens on every access: once, not once a name
    out: list[_Span] = []
    i = 0
    while i < len(ents):
        cur = ents[i]
        while True:
            end = cur.end
            if end < len(doc) and doc[end].lower_ in _CONNECTORS and end + 1 < len(doc) and doc[end + 1].is_title:
                nxt = next((x for x in ents[i + 1:] if x.start == end + 1), None)
                stop = nxt.end if nxt else end + 1
                while nxt is None and stop < len(doc) and doc[stop].pos_ == "PROPN":
                    stop += 1
                cur = _Span(doc, cur.start, stop, cur.label_)
                if nxt is not None:
                    i = ents.index(nxt)
                continue
            break
        while cur.label_ in {"PERSON", "GPE"} and i + 1 < len(ents) and ents[i + 1].label_ == cur.label_ and \
                ents[i + 1].start <= cur.end + 1 and (text[cur.end_char:ents[i + 1].start_char] == " " or
                                                      text[cur.start_char:ents[i + 1].start_char] == "Ma. "):
            cur = _Span(doc, cur.start, ents[i + 1].end, cur.label_)  # "Syed Faraz" "Hasan Jafri", "Santo" "Tomas",
            i += 1  # "Ma." "Leonora V. Cabangbang" (the Filipino María): one name the parser cut in two
        if cur.label_ == "PERSON" and (stop := _apostrophe_name_end(doc, cur.end)) > cur.end:
            cur = _Span(doc, cur.start, stop, cur.label_)  # "Daniel Ochieng' Akumu": one name
            while i + 1 < len(ents) and ents[i + 1].start < stop:
                i += 1  # (the parser's name for the rest of it: "Akumu" read as a place)
        if cur.label_ == "PERSON" and not HONORIFIC_RANK.match(doc[cur.start:cur.end].text + " ") and \
                (stop := _surname_end(doc, cur.end)) > cur.end:  # (the honorific rules read "Datuk Seri X Y")
            cur = _Span(doc, cur.start, stop, cur.label_)  # "[Andrés Mauricio Pinzón] Rueda": one name
        while cur.end - cur.start > 1 and doc[cur.end - 1].is_lower and doc[cur.end - 1].lower_ in _NOT_A_NAME:
            cur = _Span(doc, cur.start, cur.end - 1, cur.label_)  # "a depot at [Eagle Farm to] X": no name ends so
        if (joined := hyphen_joined(doc, cur.start, cur.end)) != (cur.start, cur.end):
            cur = _Span(doc, *joined, cur.label_)  # "[Mazar]-i-Sharif": one name
            while i + 1 < len(ents) and ents[i + 1].start < cur.end:
                i += 1
        cur = _without_share(doc, cur)  # "and [Yunshao 49 percent]": the holder's name, not its share
        cur = next((_Span(doc, cur.start, t.i, cur.label_) for t in doc[cur.start + 1:cur.end - 1]
                    if t.text == "to" and doc[t.i + 1].pos_ == "VERB"), cur)  # "[X to Assemble Trucks]": a headline
        while cur.end - cur.start > 1 and not any(ch.isalnum() for ch in doc[cur.start].text):
            cur = _Span(doc, cur.start + 1, cur.end, cur.label_)  # a bullet the parser read into the name: "• X"
        cur = _with_city_head(doc, _with_trade_end(doc, _with_legal_lead(doc, _with_legal_form(doc, cur, text)), text))
        if cur.end - cur.start == 1 and doc[cur.start].like_num and doc[cur.start].is_alpha:
            i += 1  # a number in words that opens a sentence ("Sixty electric minibuses …"): no name
            continue
        name = text[cur.start_char:cur.end_char]
        if _EVENT.search(name) or (cur.end < len(doc) and _EVENT.match(doc[cur.end:cur.end + 2].text)):
            first = cur.start + (doc[cur.start].lower_ == "the")
            if first < cur.end and doc[first].pos_ == "PROPN":
                out.append(_Span(doc, first, first + 1, "GPE"))
        else:
            out += [x for part in _lines(doc, cur) for y in _between(doc, part) for z in _possessed_place(doc, y)
                    for w in _after_comma(doc, z) for v in _listed_places(doc, w) for u in _titled(doc, v)
                    for t in _after_remit(doc, u) for x in _place_in_place(doc, _without_function(doc, t))]
        i += 1
    return out


def _without_share(doc: Any, span: _Span) -> _Span:
    """``span`` without a share that ends it ("Yunshao 49 percent", "B 40 per cent", "C 25%")."""
    end = span.end
    if doc[end - 1].lower_ in {"percent", "%", "pct"}:
        end -= 1
    elif doc[end - 1].lower_ == "cent" and end - 2 > span.start and doc[end - 2].lower_ == "per":
        end -= 2
    else:
        return span
    if end - 1 > span.start and doc[end - 1].like_num:
        return _Span(doc, span.start, end - 1, span.label_)
    return span


def _surname_end(doc: Any, end: int) -> int:
    """The end of the person's name that the parser ended at ``end``, with the last words it left out: capitalised
    proper nouns outside any entity, up to the one the name's last word modifies ("[Andrés Mauricio Pinzón] Rueda",
    "[Luisa Fernanda] Ospina Rueda", a second surname), none a word of a title or a company ("X Director", "X Chief
    Executive Officer")."""
    last = doc[end - 1]
    if last.dep_ != "compound" or last.head.i < end:
        return end
    stop = last.head.i + 1
    return stop if all(t.ent_iob_ == "O" and t.pos_ == "PROPN" and t.is_title and not _TITLE_RX.fullmatch(t.text)
                       and not _ORG_WORDS.fullmatch(t.text) and not re.fullmatch(_RANK, t.text)
                       and t.lower_ not in _STANDING for t in doc[end:stop]) else end


def _apostrophe_name_end(doc: Any, end: int) -> int:
    """Where a person's name goes on after a word closed by an apostrophe that is no possessive (the word does not
    end in "s": "Ochieng' Akumu"): past the capitalised words after it; ``end`` when it does not."""
    mark = end - 1 if doc[end - 1].text in {"'", "’"} else end  # (the parser's span may hold the apostrophe)
    if mark + 1 >= len(doc) or mark < 1 or doc[mark].text not in {"'", "’"} or \
            doc[mark - 1].idx + len(doc[mark - 1].text) != doc[mark].idx or \
            doc[mark - 1].text[-1:].lower() in {"s", "z", "x"} or not doc[mark + 1].is_title:
        return end
    stop = mark + 1
    while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
        stop += 1
    return stop if stop > mark + 1 else end


def _possessed_place(doc: Any, span: _Span) -> list[_Span]:
    """A span that runs a possessor into a country or town after its "'s" ("[Zhaoxu's New Zealand] distributor")
    is two names: the possessor's and the place's; so is one that runs a body into its committee ("[Tynwald's Public
    Accounts Committee]")."""
    from nevkg.ingest.countries import COUNTRIES

    k = next((k for k in range(span.start + 1, span.end - 1) if doc[k].text in {"'s", "’s"}), None)
    if k is None:
        return [span]
    rest = doc[k + 1:span.end].text
    if span.label_ == "ORG" and doc[span.end - 1].text in _PART_OF_BODY and doc[k + 1].is_title and \
            doc[k - 1].text not in {"People", "Workers", "Women", "Citizens"}:  # (not "X People's Committee")
        return [_Span(doc, span.start, k, "ORG"), _Span(doc, k + 1, span.end, "ORG")]
    if rest not in COUNTRIES and city_country(rest) is None:
        return [span]
    return [_Span(doc, span.start, k, span.label_), _Span(doc, k + 1, span.end, "GPE")]


#: the last word of a body's part named after its owner's possessive ("Tynwald's Public Accounts Committee")
_PART_OF_BODY = {"Committee", "Subcommittee", "Commission", "Caucus"}


#: what may follow a comma inside one company's name: its legal form ("X Co., Ltd", "X, Inc.")
_LEGAL_AFTER_COMMA = re.compile(rf"(?:{LEGAL_TAIL_RE}|{LEGAL_DOTTED_RE}|Ltd|Limited|Inc|Corp|Co|PLC|Plc|Pty|Pvt|"
                                r"GmbH|AG|SA|NV|BV|SpA|Srl|Sdn|JSC|LLC)\b\.?")


def _after_comma(doc: Any, span: _Span) -> list[_Span]:
    """An organisation's span run on from words before a comma ("Before [Haolan, Mshatta Motors] was …", "On [La
    Digue, Union Estate Cabs (Pty) Ltd] will …") is the name after the comma: one to three capitalised words and a
    comma open no company's name, unless a legal form follows ("X, Inc."); the words are a place after "on", "in",
    "at" or "from" (not in a list of names: "at [A, B, C and] D" stays the list rules')."""
    comma = next((k for k in range(span.start + 1, min(span.start + 4, span.end - 2)) if doc[k].text == ","), None)
    if span.label_ != "ORG" or comma is None or not all(t.is_title for t in doc[span.start:comma]) \
            or _LEGAL_AFTER_COMMA.match(doc[comma + 1].text):
        return [span]
    listed = any(t.text == "," for t in doc[comma + 1:span.end])
    if listed and comma > span.start + 1:
        return [span]
    after = _Span(doc, comma + 1, span.end, span.label_)
    if not listed and span.start > 0 and doc[span.start - 1].lower_ in {"in", "on", "at", "from"}:
        return [_Span(doc, span.start, comma, "GPE"), after]
    return [after]


#: a road's or street's name ending a span ("the Compact Road", "Kissy Road")
_ROAD_END = re.compile(r"\b(?:Road|Highway|Street|Avenue|Boulevard|Motorway|Expressway)$")


def _place_in_place(doc: Any, span: _Span) -> list[_Span]:
    """A site's, a road's or a place's span run on over "in" and the place it lies in ("the [Newton Industrial Estate
    in Christ Church]", "the [Compact Road in Airai]") is two: the site, road (or place) and the place (a name of
    capitalised words after "in")."""
    if span.label_ not in {"ORG", "FAC", "GPE", "LOC"}:
        return [span]
    k = next((k for k in range(span.start + 1, span.end - 1) if doc[k].text == "in"), None)
    if k is None or not all(doc[j].is_title for j in range(k + 1, span.end)) \
            or not (ZONE_END.search(doc[span.start:k].text) or _ROAD_END.search(doc[span.start:k].text)):
        return [span]
    return [_Span(doc, span.start, k, span.label_), _Span(doc, k + 1, span.end, "GPE")]


def _listed_places(doc: Any, span: _Span) -> list[_Span]:
    """A place's span over two places of a list ("in Lagos, [Abuja, Port Harcourt] and Enugu") is two: the part
    after the comma is coordinated with the part before (a town and its province, "Shenzhen, Guangdong", are
    not)."""
    if span.label_ not in {"GPE", "LOC"}:
        return [span]
    for i in range(span.start + 1, span.end - 1):
        if doc[i].text == "," and any(t.dep_ == "conj" and span.start <= t.head.i < i for t in doc[i + 1:span.end]):
            return [_Span(doc, span.start, i, span.label_), *_listed_places(doc, _Span(doc, i + 1, span.end,
                                                                                        span.label_))]
    return [span]


def _between(doc: Any, span: _Span) -> list[_Span]:
    """A span after "between" that holds "A and B" is two names ("a road between Xanadu and El Dorado"), unless it
    only follows "between" as a company's long name would not: the two parts must each be capitalised."""
    if span.start == 0 or doc[span.start - 1].lower_ != "between":
        return [span]
    joins = [k for k in range(span.start + 1, span.end - 1) if doc[k].lower_ == "and"]
    if len(joins) != 1 or not doc[joins[0] + 1].is_title or not doc[joins[0] - 1].is_title:
        return [span]
    return [_Span(doc, span.start, joins[0], span.label_), _Span(doc, joins[0] + 1, span.end, span.label_)]


#: a capitalised title written between a body's name and a person's ("Chiyuan Chairperson Ou Jingrui")
_TITLE_TOKENS = {"Chairman", "Chairwoman", "Chairperson", "Chair", "President", "CEO", "Governor", "Mayor", "Minister",
                 "Secretary", "Commissioner", "Ambassador", "Spokesperson", "Spokesman", "Spokeswoman", "Founder",
                 "Director", "Vice", "Deputy", "Managing", "Chief", "Executive", "Officer", "General", "Manager"}
_TITLE_HEAD_TOKENS = _TITLE_TOKENS - {"Vice", "Deputy", "Managing", "Chief", "Executive", "General"}


def _titled(doc: Any, span: _Span) -> list[_Span]:
    """A person's span that holds a body's name, a capitalised title and a name of two words or more ("Chiyuan
    Chairperson Ou Jingrui", "San Luis Potosí Governor Aurelio Medellín Ortiz") is the body's name (an
    organisation's span; the types decide whether it is a place) and the person's; the title is neither. A person's
    span that ends with a title right before another person's ("Chiyuan Chairwoman" | "Ou Jingrui") is the body's
    name alone."""
    if span.label_ != "PERSON" or span.end - span.start < 2:
        return [span]
    k = next((k for k in range(span.start + 1, span.end) if doc[k].text in _TITLE_TOKENS), None)
    if k is None:
        return [span]
    m = k
    while m < span.end and doc[m].text in _TITLE_TOKENS | {"and", "&"}:
        m += 1
    if doc[m - 1].text not in _TITLE_HEAD_TOKENS:
        return [span]
    if not all(doc[j].is_title or doc[j].is_upper for j in range(span.start, k)):
        return [span]
    lead = _Span(doc, span.start, k, "ORG")
    if m == span.end:
        nxt = doc[m] if m < len(doc) else None
        return [lead] if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B" else [span]
    if span.end - m < 2 or not all(doc[j].is_title for j in range(m, span.end)):
        return [span]
    return [lead, _Span(doc, m, span.end, "PERSON")]


def _without_function(doc: Any, span: _Span) -> _Span:
    """An organisation's span that ends with the function of the title after it ("[ZDA Public Relations] Manager")
    without it: the function is the title's."""
    if span.label_ != "ORG" or span.end >= len(doc) or doc[span.end].text not in _TITLE_HEAD_TOKENS:
        return span
    n = trailing_function(doc[span.start:span.end])
    return _Span(doc, span.start, span.end - n, span.label_) if n else span


def _after_remit(doc: Any, span: _Span) -> list[_Span]:
    """A person's span of three capitalised words or more right after a title and "of" ("Minister of [Economy Arsen
    Melkumyan]", "Deputy Mayor of [Yerevan Gagik Harutyunyan]") opens with the title's remit: a portfolio (neither
    name) or a body's or place's name (an organisation's span; the types decide whether it is a place); the person
    is the rest. So is an organisation's span there that opens with a portfolio of two words or more and ends with
    a name ("Minister of [Economic Development Dragana Šćepanović]")."""
    if span.label_ not in ("PERSON", "ORG") or span.end - span.start < 3 or not all(
            doc[j].is_title or doc[j].lower_ in ("and", "&") for j in range(span.start, span.end)):
        return [span]
    k = span.start - (span.start > 0 and doc[span.start - 1].lower_ == "the")
    if k < 2 or doc[k - 1].lower_ != "of" or doc[k - 2].text not in _TITLE_HEAD_TOKENS:
        return [span]
    # the longest portfolio that leaves a name of two or three words ("[Economic Development] Dragana Šćepanović")
    cut = next((j for j in range(span.end - 2, span.start, -1) if span.end - j <= 3
                and PORTFOLIO_ORG.fullmatch(doc[span.start:j].text) and doc[j].lower_ not in ("and", "&")), None)
    if cut is not None and (cut > span.start + 1 or span.label_ == "ORG"):
        return [_Span(doc, cut, span.end, "PERSON")]
    if span.label_ != "PERSON" or not all(doc[j].is_title for j in range(span.start, span.end)):
        return [span]
    lead = doc[span.start]
    person = _Span(doc, span.start + 1, span.end, "PERSON")
    return [person] if PORTFOLIO_ORG.fullmatch(lead.text) else [_Span(doc, span.start, span.start + 1, "ORG"), person]


def _lines(doc: Any, span: _Span) -> list[_Span]:
    """The parts of a name span on each of its lines: a name never runs across a line break ("By order of the
    Board" above a company's name in a signature gives only the company)."""
    parts, start = [], span.start
    for k in range(span.start, span.end + 1):
        if k == span.end or doc[k].is_space and "\n" in doc[k].text:
            if start < k:
                parts.append(_Span(doc, start, k, span.label_))
            start = k + 1
    return parts


#: a company's legal form ending its name ("Sdn Bhd", "Ltda", "Kft", "LLC", "S.p.A", "A.S")
_LEGAL_TAIL = re.compile(rf"\b(?:Sdn\s+Bhd|{LEGAL_TAIL_RE}|{LEGAL_DOTTED_RE}|Pte(?:\s+Ltd)?|Pty(?:\s+Ltd)?|"
                         r"Pvt(?:\s+Ltd)?|GmbH|AG|S\.A|"
                         r"Ltd|Inc|PLC|Co)\.?$")
_NOT_A_NAME = {"the", "a", "an", "in", "on", "at", "for", "with", "by", "and", "but", "its", "their", "our", "this",
               "that", "from", "to", "of", "as", "after", "before", "while", "when",
               # a time the parser ran into the name ("approved by the Assembly of the Republic last week")
               "last", "next", "week", "month", "year", "yesterday", "today", "tomorrow"}


def _with_legal_lead(doc: Any, span: _Span) -> _Span:
    """The parser often leaves out the first word of a company's name ("[Motor] Mundo Ltda", "[Auto] Plaza Kft")
    and a legal form written before the name ("PT Arjuna Mitra", Latvia's "SIA X", "AS X", Lithuania's "UAB X"):
    take the capitalised words right before a name that ends in a legal form, and such a form right before any
    name."""
    start = span.start
    if start > 0 and doc[start - 1].text in LEGAL_LEADS:
        start -= 1
    elif _LEGAL_TAIL.search(doc[span.start:span.end].text):
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in _NOT_A_NAME and doc[start - 1].ent_type_ in {"", span.label_}:
            start -= 1
    return span if start == span.start else _Span(doc, start, span.end, span.label_)


#: a legal form the parser leaves out of a name before it ("Savinja Bus [d.d.]", "Adria Charge [d.o.o.]", "Rijn
#: Mobility [B.V.]"): Slovenian, Croatian, Serbian, Czech, Slovak, Polish, Dutch, Danish, Norwegian, Estonian,
#: Lithuanian, Latvian, Spanish and Portuguese forms, and the undotted ones ("SpA", "Kft", "Ltda", "LLC"); a dotted
#: form and "LLC" also after a comma ("Entregas Mondego, S.A.", "Furgonetas Duero, S.L.", "X, LLC"); a Bahraini
#: closed company's mark after its form ("X B.S.C. [(c)]")
LEGAL_AFTER = re.compile(rf"(?:[ ]+(?:{LEGAL_DOTTED_RE}|{LEGAL_POLISH_RE}|{LEGAL_TAIL_RE})"
                         rf"|,[ ]+(?:{LEGAL_DOTTED_RE}|LLC)|(?<=[BQK]\.S\.C\.)[ ]\([cC]\))"
                         r"(?=\.?(?:[\s,;:)\"”’]|$))")
#: the same after up to two capitalised words the parser left out of the name ("X Cordillera [Energía SpA]")
_WORDS_THEN_LEGAL = re.compile(rf"(?:[ ]+[A-ZÀ-Þ][\w\-]*){{0,2}}?{LEGAL_AFTER.pattern}")


def _with_legal_form(doc: Any, span: _Span, text: str) -> _Span:
    """A name the parser read without the legal form right after it takes it, and is an organisation's."""
    m = _WORDS_THEN_LEGAL.match(text, span.end_char)  # ("X Cordillera" + " Energía SpA": the parser cut it short)
    if m is None and span.start_char and text[span.start_char - 1] in OPEN_QUOTES:  # ("the company “X” d.o.o.")
        m = _WORDS_THEN_LEGAL.match(text, span.end_char + 1) if text[span.end_char:span.end_char + 1] in \
            CLOSE_QUOTES else None
    if m is None or span.label_ not in {"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP"}:
        return span
    end = span.end
    while end < len(doc) and doc[end].idx < m.end():
        end += 1
    return _Span(doc, span.start, end, "ORG")


#: a trade word that ends a company's name, right after a name the parser cut before it ("[Uganda Coach]
#: Manufacturers")
_TRADE_END_AFTER = re.compile(rf"[ ]+(?:{TRADE_ENDS})(?![\w-])")


def _with_trade_end(doc: Any, span: _Span, text: str) -> _Span:
    """A company's name the parser read without the trade word that ends it takes it."""
    m = _TRADE_END_AFTER.match(text, span.end_char)
    if m is None or span.label_ not in {"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"} or span.end >= len(doc):
        return span
    return _Span(doc, span.start, span.end + 1, "ORG")


def _with_city_head(doc: Any, span: _Span) -> _Span:
    """A place the parser cut after a particle ("Dar es [Salaam]", "Bandar [Abbas]" is whole): the larger city of
    the world whose name the words before it complete; a town's hyphened name, whole ("Port-of-Spain")."""
    if span.label_ not in {"GPE", "LOC", "FAC"} or span.start < 2:
        return span
    start = span.start  # "Port-of-[Spain]", "Port-au-[Prince]": a town's hyphened name, joined by a particle
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
            not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    if start < span.start and doc[start].is_title and any(t.is_lower for t in doc[start:span.start]):
        return _Span(doc, start, span.end, span.label_)
    for back in (2, 1):
        head = doc[span.start - back:span.start]
        if head[0].is_title and all(t.is_title or t.lower_ in {*_CONNECTORS, "es", "al", "el"} for t in head) \
                and city_country(doc[span.start - back:span.end].text) is not None:
            return _Span(doc, span.start - back, span.end, span.label_)
    return span
