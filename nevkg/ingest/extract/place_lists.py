"""A name listed among places is a place: "showrooms in cities including Mecca, Medina, Khobar and Abha" — the
parser found three of the four towns; the fourth, written the same way in the same list, is one too.

A list is a run of capitalised names joined by commas and "and". When at least two of its names are places of one
kind (towns, or countries) and none is an organisation, vehicle model or person, each name of the run that is no
mention yet becomes a new place of that kind.

A name the parse coordinates with a town, province or state after a preposition of place ("showrooms in Sabah and
Sarawak", the parser naming the first only) is a place of that kind too (:func:`coordinated_places`).

The towns a route's name joins with hyphens are places ("the Nairobi CBD-Mlolongo-Kitengela route", "the
Suva-Nausori corridor"; :func:`route_places`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.model import Mention

__all__ = ["coordinated_places", "listed_places", "new_place", "route_places"]

_NAME = r"[A-Z][\w'’\-]+(?: (?:de |do |da |del |al-|el-)?[A-Z][\w'’\-]+){0,2}"
#: a run of three or more names joined by commas and "and"
_RUN = re.compile(rf"{_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_NAME}){{2,}}")
_ITEM = re.compile(_NAME)
#: the kinds of place a list may share (a town's kinds count as one)
_TOWN = {"city", "district", "port", "town"}


def new_place(E: Any, s: int, e: int, kind: str, rule: str) -> None:
    """Add ``E.text[s:e]`` as a new place of ``kind`` (the new record of that label when there is one already)."""
    name = E.text[s:e]
    rid = next((r for r, rec in E.new.items() if rec.get("label") == name), None) or E._new_id(name, "places")
    E._add_new({"id": rid, "label": name, "kind": kind},
               Mention(s, e, name, "places", rid, False, kind, rule, 0.5, name))


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is written in title case (most of its words capitalised)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’\-]*", text[start:end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _kind(m: Mention) -> str | None:
    kind = m.kind or ""
    return "city" if kind in _TOWN else kind if kind in {"country", "province", "state"} else None


def listed_places(E: Any) -> None:
    """Add a new place for each name of a list of places the parser left unnamed (``E`` is the mention finder)."""
    for run in _RUN.finditer(E.text):
        if _title_case_line(E.text, run.start()):
            continue  # a headline capitalises every word: "Picks Hungary for EUR1.5 Billion EV Plant, Beating …"
        items = [(run.start() + i.start(), run.start() + i.end()) for i in _ITEM.finditer(run.group(0))]
        found = [E.overlaps(s, e) for s, e in items]
        if any(k.file != "places" for ks in found for k in ks):
            continue  # a list with a company, model or person in it is no list of places
        _town_named_like_a_country(E, found, items)
        kinds = [_kind(ks[0]) for ks in found if ks]
        if len(kinds) < 2 or len(set(kinds)) != 1 or kinds[0] is None:
            continue
        for (s, e), ks in zip(items, found, strict=True):
            if ks or E.gaz.lookup(E.text[s:e]) is not None:
                continue
            new_place(E, s, e, kinds[0], "place-list")


def _town_named_like_a_country(E: Any, found: list[list[Mention]], items: list[tuple[int, int]]) -> None:
    """A country the records do not know, named once as one of three or more names of which the others are towns
    or names not found yet, is a town of that name ("showrooms in San José, Heredia, Cartago and Liberia": the
    Costa Rican town); not one a comma sets after a pair joined by "and", where it holds them ("in Apia and
    Faleolo, Samoa")."""
    from nevkg.ingest.extract.ner import retype

    if found[-1] and len(items) > 2 and re.fullmatch(r",\s+", E.text[items[-2][1]:items[-1][0]]) and re.fullmatch(
            r"\s+and\s+", E.text[items[-3][1]:items[-2][0]]):
        return
    odd = [ks[0] for ks in found if ks and _kind(ks[0]) == "country"]
    towns = sum(1 for ks in found if ks and _kind(ks[0]) == "city")
    unfound = sum(not ks for ks in found)
    if len(odd) != 1 or not towns or len(found) - towns - 1 != unfound or odd[0].known \
            or odd[0].rule != "country-list" or odd[0].id not in E.new:
        return
    if sum(1 for k in E.mentions if k.id == odd[0].id) == 1:
        retype(E, odd[0].id, "places", "city")
        E.new[odd[0].id].pop("iso_code", None)


#: prepositions of place whose object may be a pair of places ("in A and B", "across A and B")
_LOCATIVE = {"in", "across", "at", "near", "to", "throughout"}


def coordinated_places(E: Any, doc: Any) -> None:
    """Add a new place for a proper name the parse joins by "and" to a town, province or state that is the object
    of a preposition of place ("in Sabah and Sarawak"), when the name is no mention yet, not a known entity, not one
    the parser calls a person or organisation, and not placed itself ("by A in Brussels and B in Beijing": B is a
    reporter)."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ != "PROPN" or tok.head.dep_ != "pobj" or tok.ent_type_ in {
                "PERSON", "ORG"} or any(c.dep_ == "prep" for c in tok.children) or \
                tok.head.head.lower_ not in _LOCATIVE or not any(c.lower_ == "and" for c in tok.head.children):
            continue
        first = next((m for m in E.overlaps(tok.head.idx, tok.head.idx + len(tok.head.text)) if m.file == "places"),
                     None)
        kind = _kind(first) if first is not None else None
        words = [t for t in tok.subtree if t.dep_ in {"compound", "flat"} or t.i == tok.i]
        s, e = words[0].idx, tok.idx + len(tok.text)
        name = E.text[s:e]
        if kind not in {"city", "province", "state"} or E.overlaps(s, e) or E.gaz.lookup(name) is not None \
                or not all(t.is_title for t in words):
            continue
        new_place(E, s, e, kind, "place-pair")


_STOP = r"[A-Z][\w'’]+(?: [A-Z][\w'’]+)?"
#: a route's name: towns joined by hyphens or dashes before a route's noun ("Nairobi CBD-Rongai routes", "the
#: Suva-Nausori corridor"), several such names joined by "and"
_ROUTE = re.compile(rf"\b(?P<names>{_STOP}(?:[-–]{_STOP})+(?:\s+and\s+{_STOP}(?:[-–]{_STOP})+)*)\s+"
                    r"(?:routes?|corridors?|lines?|highways?|expressways?|roads?|links?)\b")
#: the part of a city a route starts from, after the city's name ("Nairobi CBD")
_CITY_PART = re.compile(r"\s+(?:CBD|Centre|Center|Downtown|Central)$")


def route_places(E: Any) -> None:
    """Add a new town for each stop of a route's name that is no mention yet ("the Nairobi CBD-Mlolongo-Kitengela
    route": Mlolongo and Kitengela), when another stop of it is a known or found town; the parser's one name for
    several stops gives way.

    Parameters
    ----------
    E : _Entities
        The article's mentions and new records (new places are added to them).
    """
    from nevkg.ingest.countries import CAPITALS

    for m in _ROUTE.finditer(E.text):
        stops = [(m.start("names") + s.start(), m.start("names") + s.end())
                 for s in re.finditer(_STOP, m.group("names")) if s.group(0) != "and"]
        stops = [(s, s + len(_CITY_PART.sub("", E.text[s:e]))) for s, e in stops]
        for k in E.overlaps(m.start("names"), m.end("names")):  # the parser's one name for two stops ("Nairobi
            if not k.known and k.rule.startswith("ner:") and sum(k.start < e and s < k.end for s, e in stops) > 1:
                E.forget(k)  # CBD-Rongai", "Suva-Nausori"): the stops are named one by one
        found = [E.overlaps(s, e) for s, e in stops]
        known = [E.gaz.lookup(E.text[s:e], ("places",)) for s, e in stops]
        towns = {k.text for k in E.mentions if k.file == "places" and _kind(k) == "city"} | set(CAPITALS)
        if any(k.file != "places" for ks in found for k in ks) or not any(
                ks and _kind(ks[0]) == "city" or entry is not None and entry.kind in _TOWN or city_country(
                    E.text[s:e]) or E.text[s:e] in towns for (s, e), ks, entry in zip(stops, found, known,
                                                                                    strict=True)):
            continue  # (a company's name with a hyphen is no route; a stop is a town known, found or named so
            # elsewhere in the article)
        for (s, e), ks, entry in zip(stops, found, known, strict=True):
            name = E.text[s:e]
            if ks or " " in name:
                continue
            if entry is not None:
                E.add(Mention(s, e, name, "places", entry.id, True, entry.kind, "route-stop", 0.8, entry.label))
                continue
            new_place(E, s, e, "city", "route-stop")
