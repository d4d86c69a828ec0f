"""Places named by the words around them, where the parser missed the name or took it for a company.

* "the (southern) (Indian) state of X", "the province of X", "the city of X": X is a state, province or city;
  so is X of "the state (provincial, regional) government of X";
* "a X-based start-up", "the X-headquartered supplier": X, a company's home, is a city;
* "in Hungary's X", "near Spain's X": X is a town of that country (``located_in`` it);
* "the X plant", "Y's X factory", "its X site": a one- or two-word name before a site noun is where the site is;
* "X will host …'s factory", "X will house the plant": the subject of hosting a site is a place;
* "picked X for its plant", "chose X as the site of its factory": X is a place;
* "Indian conglomerate X", "South Korean carmaker Y": the adjective before a company noun names the company's
  country, also where the parser did not tag it;
* a new place the parser named with its lower-case noun ("Rayong province") is the place "Rayong" of that kind;
* "signed at the X Buildings", "held at the Y Palace": a building an event took place at is a place;
* "in A, B, C and D" where two of the names or more are places: the others are places too;
* a larger town of the world's table after "in", "at", "near" or after a place and "and": a city;
* "in St Helier", "services to St Aubin": a town named after a saint (also where the parser called it a person).

A new name the parser called an organisation (and no corporate word, company noun or known record says is one)
becomes a place; a name the parser missed is added. Short forms of a new company are restored afterwards
(:meth:`~.mentions._Entities._short_names` runs later): "the Orvan plant" after "Orvan Group" stays Orvan Group.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.vocab import LEGAL_FORM_END, SITE_NOUN_RE

_NAME = r"(?P<name>[A-Z][\w\-’']*[^\W\d_A-Z](?:\s+(?:do|da|de|dos|das|del)\s+[A-Z][\w\-]+|\s+[A-Z][\w\-]*[^\W\d_A-Z])?)"
_SITE = rf"(?:{SITE_NOUN_RE}|assembly\s+plant|production\s+base|industrial\s+park)"
_KIND = {"state": "state", "province": "province", "provincial": "province", "regional": "region",
         "region": "region", "prefecture": "province",
         "county": "district", "city": "city", "town": "city", "municipality": "city", "district": "district"}
#: the word of a saint a town is named after ("St Helier"; a hyphened "Sainte-Marie" aside)
_SAINT_RE = r"(?:St\.?|Saint|Sainte|Ste\.?)"
_SAINT = re.compile(rf"{_SAINT_RE}\s")
_FORMS = [
    # "the (southern) (Brazilian) state of X"
    re.compile(r"\b(?:the\s+)?(?:(?:[a-z\-]+|[A-Z][a-z]+)\s+){0,2}(?P<noun>state|province|region|prefecture|county|"
               rf"city|town|municipality|district)\s+of\s+{_NAME}"),
    # "after Jizzakh region", "in Andijan and Namangan regions": a name before a lower-case region noun
    re.compile(rf"\b{_NAME}(?:\s+and\s+[A-Z][\w\-’']+)?\s+(?P<noun>region|province|prefecture)s?\b(?P<soft>)"),
    # "the state government of X", "the provincial government of X": X is that state or province
    re.compile(r"\b(?P<noun>state|province|provincial|regional)\s+government\s+of\s+(?P<name>[A-Z][a-z]+"
               r"(?:\s+[A-Z][a-z]+)?)\b"),
    # "a Chennai-based start-up", "the Pune-headquartered supplier": a company's home is a place (a city)
    re.compile(r"(?<![\w\-])(?P<name>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)-(?:based|headquartered)\b"),
    # "in Hungary's X"
    re.compile(rf"\b(?:in|at|near|outside)\s+(?P<country>[A-Z][\w\s]{{2,30}}?)['’]s\s+{_NAME}(?!\s+[A-Z])"),
    # "near X in Hungary", "in X, Morocco"
    re.compile(rf"\b(?:in|at|near|outside)\s+{_NAME}(?:,\s*|\s+in\s+)(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"),
    # "a plant in São Bento, Paraná.": the name after a site's town and a comma is the town's state or province
    re.compile(rf"\b{_SITE}\s+(?:in|at|near)\s+(?:[A-Z][\w\-]*(?:\s+(?:do|da|de|dos|das|del)?\s*[A-Z][\w\-]*)*),\s+"
               rf"(?P<noun>){_NAME}(?=\s*[.;)]|\s*,\s+(?!and\b|or\b)[a-z]|\s*$)"),
    # "the X plant", "Y's X factory", "its X site"
    re.compile(rf"(?:\b(?:the|its|their|a|an|new)|['’]s)\s+{_NAME}\s+(?:(?:car|vehicle|assembly|EV|battery|"
               rf"production|manufacturing|bus|truck)\s+)?{_SITE}\b"),
    # "X will host the plant"
    re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_NAME}\s+(?:will\s+|would\s+|is\s+(?:set\s+)?to\s+|is\s+going\s+to\s+)?"
               rf"(?:host|hosts|hosted|house|houses|housed|be\s+home\s+to|is\s+home\s+to)\s+(?:[\w\-’']+\s+){{0,5}}?"
               rf"{_SITE}\b"),
    # "picked X for its plant", "chose X as the site of its factory"
    re.compile(rf"\b(?:pick(?:s|ed)?|cho(?:se|oses|sen)|select(?:s|ed)?|favou?r(?:s|ed)?)\s+{_NAME}\s+(?:as|for)\s+"
               rf"(?:[\w\-’']+\s+){{0,5}}?{_SITE}\b"),
    # "in St Helier", "services to St Aubin", "and St Ouen": a town named after a saint, after a word of place
    re.compile(rf"\b(?:in|to|near|outside|between|from|and)\s+(?P<name>{_SAINT_RE}\s+[A-Z][a-z]+(?:['’]s)?)"
               r"(?![\w'’]|\s+[A-Z]|\s+(?:[Hh]ospital|[Cc]hurch|[Cc]athedral|[Ss]chool|[Cc]ollege|[Pp]ark|[Ss]treet)\b)"),
    # "the Lagos State Commissioner for …", "Ogun State government": a state named with "State" before its government
    re.compile(r"\b(?!(?:The|A|An|This|Its)\s)(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?P<noun>State))(?=\s+(?:"
               r"[Gg]overnment|[Gg]overnor|"
               r"[Cc]ommissioner|[Mm]inistry|House\s+of\s+Assembly)\b)"),
]
#: words that never name a place of their own
_NOT_PLACE = {"The", "This", "That", "Its", "Their", "New", "First", "Second", "Third", "Chinese", "European",
              "Production", "Assembly", "Factory", "Plant", "Company", "Group", "State", "Province", "City"}


#: a compass direction written in lower case before a continent ("east Asia", "southern Africa")
_DIRECTION = re.compile(r"\b(?P<d>(?:north|south)(?:-?(?:east|west))?|east|west|central)(?P<ern>ern)?\s+$")
_CONTINENTS = {"Asia", "Africa", "Europe", "America"}


def directional_regions(E: Any) -> None:
    """"east Asia", "southern Europe": a direction in lower case and a continent name one region (the known one
    of that name, else a new one), not the continent. Run after the parser's names are found."""
    from nevkg.ingest.extract.ner import _propose

    for m in [m for m in E.mentions if m.file == "places" and m.text in _CONTINENTS]:
        d = _DIRECTION.search(E.text, max(0, m.start - 16), m.start)
        if d is None:
            continue
        name = f"{d.group('d').title().replace('-', '')}{d.group('ern') or ''} {m.text}"
        known = E.gaz.lookup(name, ("places",))
        E.forget(m)
        if known is not None:
            E.add(Mention(d.start(), m.end, name, "places", known.id, True, known.kind, "direction", 0.8,
                          known.label))
        else:
            _propose(E, "places", "region", name, d.start(), m.end, "LOC")


def context_places(E: Any) -> None:
    """Add or retype the places of the forms above in ``E`` (an ``_Entities`` whose parser names are found)."""
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.extract.countries_here import is_country_name
    from nevkg.ingest.extract.linking import SAINTS_TOWN
    from nevkg.ingest.extract.ner import retype
    from nevkg.ingest.makers import MAKERS

    text = E.text
    spans: dict[str, tuple[str, set[tuple[int, int]]]] = {}  # new company → (kind, its spans in place contexts)
    decisive: set[str] = set()  # new companies that one context alone makes places
    for i, rx in enumerate(_FORMS):
        for m in rx.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            if name.split()[0] in _NOT_PLACE or re.search(r"['’]s$", name) and not SAINTS_TOWN.fullmatch(name) or \
                    name in COUNTRIES or name in MAKERS or \
                    E.gaz.lookup(name, ("organizations",)):
                continue
            noun = m.groupdict().get("noun")
            kind = "province" if noun == "" else _KIND.get((noun or "").lower(), "city")
            country = m.groupdict().get("country")
            if country and not is_country_name(country.strip(), E.gaz):
                continue  # "in X, Y", "at X in Y": Y must be a country ("an analyst at X in Copenhagen": no place)
            here = [k for k in E.overlaps(s, e)]
            if any(k.known or k.file == "places" or not k.rule.startswith("ner:") or (k.start, k.end) != (s, e)
                   for k in here):
                if any(k.file == "places" and k.id in E.new and (k.start, k.end) == (s, e) for k in here) and \
                        kind != "city" and m.groupdict().get("soft") is None:  # (a noun after the name adds no kind)
                    E.new[here[0].id]["kind"] = kind  # "the state of X": a state, not a city
                continue
            if here:  # the parser's company at this very span may be the place
                if here[0].id in E.new and here[0].file == "people" and _SAINT.match(name):
                    retype(E, here[0].id, "places", "city")  # ("to St Aubin": a saint's town, no person)
                elif here[0].id in E.new and here[0].file == "organizations":
                    spans.setdefault(here[0].id, (kind, set()))[1].add((s, e))
                    if "government" in m.group(0):
                        decisive.add(here[0].id)  # a state's own government: the name is the state's throughout
                continue
            up = E.gaz.lookup(country.strip(), ("places",)) if country else None
            _add_place(E, s, e, kind, ("context-place+gazetteer", f"context-place:{i}"), 0.6, up)
    for rid, (kind, where) in spans.items():  # a company every mention of which is in a place context is a place
        if rid in decisive or all((o.start, o.end) in where for o in E.mentions if o.id == rid):
            retype(E, rid, "places", kind)
    _company_demonyms(E)
    _place_nouns(E)
    _venues(E)
    _listed_places(E)
    _table_towns(E)


#: a name in a list of places: capitalised words, with a particle of a Romance or Dutch place name between them
_ITEM = r"[A-Z][\w’'\-]+(?:[ \t]+(?:(?:de|do|da|del|dos|das|la|di|van|den)[ \t]+)?[A-Z][\w’'\-]+){0,3}"  # (one line)
#: "in A, B, C and D", "across A, B and C": a list of names after a preposition of place
_PLACE_LIST = re.compile(rf"\b(?:in|across|at|to|of)\s+(?P<list>{_ITEM}(?:\s*,\s*{_ITEM})+,?\s+(?:and|or)\s+{_ITEM})")


def _add_place(E: Any, s: int, e: int, kind: str, rules: tuple[str, str], confidence: float,
               inside: Any = None, label: str | None = None) -> None:
    """Add the place named at ``text[s:e]``: the known one of that name (confidence raised by 0.2), else a new one
    of ``kind`` (in ``inside`` when given); ``rules`` are the mention's rule for each case. ``label`` is the place's
    name where the text writes it otherwise ("Southern" of "the Southern and Central Expressways")."""
    written = E.text[s:e]
    name = label or written
    known = E.gaz.lookup(name, ("places",))
    if known is not None:
        E.add(Mention(s, e, written, "places", known.id, True, known.kind, rules[0], round(confidence + 0.2, 2),
                      known.label))
        return
    rid = E._new_id(name, "places")
    rec: dict[str, Any] = {"id": rid, "label": name, "kind": kind}
    if inside is not None:
        rec["located_in"] = [inside.id]
    E._add_new(rec, Mention(s, e, written, "places", rid, False, kind, rules[1], confidence, name))


def _listed_places(E: Any) -> None:
    """"dealerships in A, B, C and D": where two names of such a list or more are places, the rest are too (a new
    company of the parser's there, or a part of the name it tagged, becomes the place; a name no one found is
    added)."""
    from nevkg.ingest.extract.ner import retype

    for m in _PLACE_LIST.finditer(E.text):
        items = [(i.start() + m.start("list"), i.end() + m.start("list"))
                 for i in re.finditer(_ITEM, m.group("list"))]
        for k in [k for a, b in items for k in E.overlaps(a, b)]:
            if k.file == "places" and k.id in E.new_meta and E.new_meta[k.id].file == "organizations":
                retype(E, k.id, "places", "city")  # (a town the parser named here and took for a company
                # before, "the Parramatta-based dealer group", whose new record the two share)
        whole = [[k for k in E.overlaps(a, b)] for a, b in items]
        is_place = [bool(ks) and all(k.file == "places" and (k.start, k.end) == (a, b) for k in ks)
                    for (a, b), ks in zip(items, whole, strict=True)]
        if sum(is_place) < 2 and not (is_place[0] and len(items) >= 3 and m.group(0).startswith(("in", "of"))):
            continue  # (a list after "in" or "of" that opens with a place and names three: the rest are places too)
        for (a, b), ks in zip(items, whole, strict=True):
            name = E.text[a:b]
            if any(k.file == "places" for k in ks) or any(k.known or not k.rule.startswith(("ner:", "context"))
                                                          for k in ks) or LEGAL_FORM_END.search(name) \
                    or E.gaz.lookup(name, ("organizations",)):
                continue
            same = [k for k in E.mentions if not k.known and k.text == name and k.file != "places" and any(
                k.id == o.id for o in ks)]  # the parser's name, wherever else it names it too
            for k in ks + [k for k in same if k not in ks]:
                E.forget(k)
            for a2, b2 in sorted({(a, b)} | {(k.start, k.end) for k in same}):
                _add_place(E, a2, b2, "city", ("listed-place+gazetteer", "listed-place"), 0.55)


#: a one- or two-word name after a preposition of place or after a place and "and" ("at Chakan and Nashik")
_TOWN_AFTER = re.compile(r"\b(?:in|at|near|outside|and)\s+(?P<name>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)?)\b"
                         r"(?!\s+[A-Z])")


def _table_towns(E: Any) -> None:
    """A larger town of the world's table the parser did not tag, named after "in", "at", "near", "outside" or
    after a place and "and" ("makes tractors at Chakan and Nashik"), is a city."""
    from nevkg.ingest.cities import city_country

    for m in _TOWN_AFTER.finditer(E.text):
        s, e = m.span("name")
        if E.overlaps(s, e) or city_country(m.group("name")) is None:
            continue
        if m.group(0).startswith("and") and not any(k.file == "places" and 0 <= m.start() - k.end <= 1
                                                    for k in E.mentions):
            continue  # ("A and B": B is a town where A, just before, is a place)
        _add_place(E, s, e, "city", ("table-town+gazetteer", "table-town"), 0.55)


#: "signed at the Union Buildings", "held at the Palace of Culture": a named building where an event took place
_VENUE = re.compile(r"\b(?:signed|held|hosted|took\s+place|unveiled|witnessed|presented|launched)\s+(?:[a-z]+\s+)?at\s+"
                    r"(?:the\s+)?(?P<name>(?:[A-Z][\w’'-]+\s+(?:of\s+(?:the\s+)?)?){0,3}(?:Buildings|Palace|House|Hall|"
                    r"Complex|Centre|Center|Hotel|Plaza|Square|Stadium|Pavilion|Castle|Mansion))\b")


def _venues(E: Any) -> None:
    """A new organisation or person of the parser's that is named as the building an event was held at is a place
    ("signed at the X Buildings", "signed yesterday at Sir Y House": the name the parser saw, or it and the
    building's noun)."""
    from nevkg.ingest.extract.ner import retype

    for m in _VENUE.finditer(E.text):
        s, e = m.span("name")
        k = next((k for k in E.overlaps(s, e) if s <= k.start and k.end <= e), None)
        if k is None or k.file not in {"organizations", "people"} or k.id not in E.new or \
                not k.rule.startswith("ner:"):
            continue
        if k.end == e:
            retype(E, k.id, "places", "place")
        elif len(E.overlaps(s, e)) == 1 and not any(o.id == k.id and o is not k for o in E.mentions):
            E.forget(k)  # "Sir X Y House" read as a person "X Y": the building's whole name
            _add_place(E, k.start, e, "place", ("venue+gazetteer", "venue"), 0.55)


def _company_demonyms(E: Any) -> None:
    """"Indian conglomerate X": the adjective of a country before a company noun is a mention of the country."""
    from nevkg.ingest.countries import DEMONYMS
    from nevkg.ingest.extract.ner import _demonym
    from nevkg.ingest.extract.relations_places import _COMPANY_NOUNS

    adj = "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
    for m in re.finditer(rf"\b(?P<adj>{adj})\s+(?:[a-z\-]+\s+){{0,2}}?(?P<noun>[a-z\-]+)\b", E.text):
        if m.group("noun").rstrip("s") in _COMPANY_NOUNS and not E.overlaps(*m.span("adj")):
            _demonym(E, m.start("adj"), m.end("adj"), m.group("adj"))


def _place_nouns(E: Any) -> None:
    """"Rayong province" (a new place named with its lower-case noun): the place Rayong, a province; "the Abruzzo
    Region" (its noun capitalised) where the article names "Abruzzo" as a place too: that place."""
    for rid, rec in list(E.new.items()):
        if rid not in E.new or E.new_meta[rid].file != "places":
            continue
        cap = re.fullmatch(r"(?P<head>[A-Z].*?)\s+(?:Province|Region|Prefecture|County|District)",
                           rec.get("label") or "")
        same = _place_named(E, cap.group("head"), rid) if cap else None
        if same is not None:  # "the Abruzzo Region" beside "Abruzzo": the region named again with its noun
            for k in E.mentions:
                if k.id == rid:
                    k.id, k.known, k.kind, k.label = same.id, same.known, same.kind, same.label
            E.new.pop(rid, None)
            E.new_meta.pop(rid, None)
            continue
        m = re.fullmatch(r"(?P<head>[A-Z].*?)\s+(?P<noun>province|state|prefecture|county|region|district)",
                         rec.get("label") or "")
        if m is None:
            continue
        rec["aliases"] = sorted({*(rec.get("aliases") or []), rec["label"]})
        rec["label"] = m.group("head")
        rec["kind"] = _KIND[m.group("noun")]
        for k in E.mentions:
            if k.id == rid:
                k.kind, k.label = rec["kind"], rec["label"]


def _place_named(E: Any, name: str, other: str) -> Mention | None:
    """A mention of a place called ``name`` other than the record ``other``."""
    return next((k for k in E.mentions if k.file == "places" and k.id != other and k.text == name), None)
