"""Areas the parser did not name: an industrial zone or park ("304 Industrial Park", "the Demirtaş Organized
Industrial Zone", "the Sidi Khettab industrial zone"), a town's district written with its lower-case noun after
"in" ("in Si Maha Phot district") and a named road ("the Cairo-Alexandria Desert Road", "the Southern and Central
Expressways").

Run after the parser's names and the place contexts (:mod:`.place_contexts`): a name already found there is left
as it is; the parser's new companies or people inside the area's name are pieces of it and give way.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.vocab import ZONE_WORDS_RE

__all__ = ["named_areas"]

_WORD = r"[A-ZÀ-Þ][\w’'\-]*"
#: an industrial zone's name: a number or capitalised words, then the zone's words ("304 Industrial Park")
_ZONE = re.compile(rf"(?<![\w\-’'])(?P<name>(?:\d{{1,4}}|{_WORD})(?:\s+{_WORD}){{0,3}}?\s+{ZONE_WORDS_RE})\b")
#: "the X industrial zone": the name before the zone's words in lower case is the zone's
_LOWER_ZONE = re.compile(rf"\bthe\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?:industrial|free|special\s+economic|"
                         r"economic|export\s+processing)\s+(?:zone|park|estate)\b")
#: "in X district", "in the X county": a district of a town (the noun in lower case, the name before it)
_DISTRICT = re.compile(rf"\bin\s+(?:the\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?P<noun>district|county)\b")
#: a road's head words (singular; the plural after two names joined by "and")
_ROAD_HEADS = r"(?:Road|Highway|Expressway|Motorway|Freeway|Causeway)"
#: a named road: capitalised words, then the road's head, not the start of a longer name ("the Cairo-Ain Sokhna
#: Road"; not "the Road Transport Authority", "the Belt and Road Initiative")
_ROAD = re.compile(rf"(?<![\w\-’'])(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}}?\s+{_ROAD_HEADS})\b(?!\s+[A-Z&])")
#: a numbered road ("Route 13 North", "National Highway 48", "Highway 401")
_NUMBERED_ROAD = re.compile(r"(?<![\w\-])(?P<name>(?:National\s+)?(?:Route|Highway|Road|Expressway)\s+\d{1,4}[A-Z]?"
                            r"(?:\s+(?:North|South|East|West))?)\b")
#: a road named with its head in lower case ("along the Kyiv-Chop highway"): the name and the head together
_LOWER_ROAD = re.compile(rf"\bthe\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}}\s+(?:highway|expressway|motorway))\b")
#: two roads of one head written once, in the plural ("the Southern and Central Expressways", "the Pacific and Hume
#: highways")
_ROADS = re.compile(rf"\bthe\s+(?P<a>{_WORD}(?:\s+{_WORD})?)\s+and\s+(?P<b>{_WORD}(?:\s+{_WORD})?)\s+"
                    rf"(?P<head>{_ROAD_HEADS}|road|highway|expressway|motorway|freeway)s\b(?!\s+[A-Z&])")
#: a capitalised word that opens a sentence or a phrase, never an area's name
_NOT_NAME = {"The", "A", "An", "Its", "Their", "This", "That", "In", "At", "New", "Our", "Her", "His"}


def named_areas(E: Any) -> None:
    """Add the industrial zones and districts of the forms above that no place mention covers yet.

    Parameters
    ----------
    E : _Entities
        The article's mentions, after the parser's names and the place contexts are in.
    """
    from nevkg.ingest.extract.place_contexts import _add_place

    for rx in (_ZONE, _LOWER_ZONE, _DISTRICT):
        for m in rx.finditer(E.text):
            s, e = m.span("name")
            words = m.group("name").split()
            while words and words[0] in _NOT_NAME:
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) < (2 if rx is _ZONE else 1) or "\n" in E.text[s:e]:
                continue
            here = E.overlaps(s, e)
            if any(k.known or k.file == "places" or not k.rule.startswith("ner:") or k.start < s or k.end > e
                   for k in here):
                continue  # found already, or part of a longer name
            for k in here:
                E.forget(k)
            _add_place(E, s, e, "district", ("area+gazetteer", "area"), 0.6)
    _roads(E)


def _roads(E: Any) -> None:
    """Add the named roads no place mention covers yet (the parser's names inside give way): "the Cairo-Alexandria
    Desert Road" one, "Route 13 North" one, "the Kyiv-Chop highway" one, "the Southern and Central Expressways" two
    (each name with the head in the singular); a new place of the parser's named so is a road."""
    from nevkg.ingest.extract.place_contexts import _add_place

    named: list[tuple[tuple[int, int], str | None]] = [
        (m.span("name"), None) for rx in (_ROAD, _NUMBERED_ROAD, _LOWER_ROAD) for m in rx.finditer(E.text)]
    for m in _ROADS.finditer(E.text):  # (each of the two named with the head in the singular)
        head = m.group("head").title()
        named += [(m.span(x), m.group(x) if re.search(r"\d", m.group(x)) else f"{m.group(x)} {head}")
                  for x in ("a", "b")]  # (a numbered road is its number: "the highways")
    for (s, e), label in named:
        words = E.text[s:e].split()
        while words and words[0] in _NOT_NAME:
            s += len(words[0]) + 1
            words = words[1:]
        here = E.overlaps(s, e)
        for k in [k for k in here if label and not k.known and (k.start, k.end) == (s, e) and k.text != label]:
            E.forget(k)  # ("Pacific" of "the Pacific and Hume highways": the parser's place is the road's name)
            here.remove(k)
        for k in here:
            if (k.start, k.end) == (s, e) and k.file == "places" and k.id in E.new and k.kind != "road":
                E.new[k.id]["kind"] = k.kind = "road"  # ("the East-West Highway": the parser's region is a road)
        if len(words) < (1 if label else 2) or "\n" in E.text[s:e] or any(
                k.start < s or k.end > e or (k.start, k.end) == (s, e) and k.file == "places" or k.known and
                k.file != "places" for k in here):
            continue  # found already, or part of a longer name (a town inside gives way: "Cairo" of the road)
        for k in here:
            E.forget(k)
        _add_place(E, s, e, "road", ("road+gazetteer", "road"), 0.6, label=label)
