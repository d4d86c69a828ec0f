"""Datelines: the city (and the agency) a wire story or press release was filed from.

The forms: "CITY, Month N (Agency) -", "CITY, N Month -", "CITY (Agency) —", "CITY:" and, for press releases,
"City, Month N, YYYY /Agency/ --"; a wire story may also open with its agency alone, "(Agency) --". A dateline
opens a paragraph (several do in a round-up of short items), and the article's first one is the place "here"
means. The parser reads a city in capitals as a company ("BANGKOK"), or takes only part of it ("SAO" of "SAO
PAULO"); here the city becomes a place (a known one when the records have it) and the agency a source named,
never an actor. A web page's masthead line ("Site Name | Section | December 1, 2026") names its site so too. Where
the headline ends, and the front matter above the first dateline (:func:`front_matter_end`), is read here as well.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.model import Mention

__all__ = ["find_datelines", "datelines", "headline_end", "front_matter_end"]

_CAPS = r"[A-Z][A-Z'\-]+(?:[ ][A-Z][A-Z'\-\.]+){0,2}"
_TITLED = r"[A-Z][a-z'\-]+(?:[ ][A-Z][a-z'\-]+){0,2}"
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
_AGENCY = r"(?:\((?P<agency>[A-Z][\w .&\-]{1,40})\)|/(?P<slashed>[A-Z][\w .&\-]{1,40})/)"
_DASH = r"\s*(?:-{1,2}|—|–)"
#: "CITY, May 5 (Agency) -", "CITY/CITY, May 5 (Agency) -" (filed from two cities), "CITY, Country, 5 May -",
#: "City, May 5, 2025 /Agency/ --", "CITY (Agency) —"
_FORMS = [
    re.compile(rf"(?P<city>{_CAPS})(?:/(?P<city2>{_CAPS}))?(?:,\s+[A-Z][A-Za-z ]{{2,30}})?,\s+{_DATE}\s*"
               rf"(?:{_AGENCY})?{_DASH}"),
    re.compile(rf"(?P<city>{_CAPS}|{_TITLED})(?:,\s+[A-Z][A-Za-z ]{{2,30}})?,\s+{_DATE}\s*{_AGENCY}{_DASH}"),
    re.compile(rf"(?P<city>{_CAPS}|{_TITLED})\s*{_AGENCY}{_DASH}"),
    # a line of its own: "Jakarta ● Fri, December 4, 2026", "Hanoi • Thursday, 3 December 2026"
    re.compile(rf"(?P<city>{_TITLED}|{_CAPS})[ \t]*[●•·][ \t]*(?:[A-Z][a-z]{{2,8}}\.?,?[ \t]+)?{_DATE}"
               rf"(?:,?[ \t]+\d{{4}})?[ \t]*$", re.M),
]
#: "(Agency) --" opening a paragraph with no city before it
_AGENCY_ALONE = re.compile(rf"[ \t]*\((?P<agency>[A-Z][\w .&\-]{{1,40}})\){_DASH}")
#: a web page's masthead line: "Site Name | Section | December 1, 2026" (fields split by "|", a date last)
_MASTHEAD = re.compile(r"(?m)^[ \t]*(?P<pub>[A-Z][^|\n]{2,60}?)[ \t]*\|[^\n]*?\|?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+"
                       r"\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4}|\d{4}-\d\d-\d\d)[ \t]*$")
#: a trade site's credit line naming its source: "Source: Site    Editor: NAME    Date: 2026-11-30"
_SOURCE_FIELD = re.compile(r"(?m)^[ \t]*Source[ \t]*:[ \t]*(?P<pub>[A-Z][\w.&\-]*(?:[ ][A-Z][\w.&\-]*){0,3}?)"
                           r"(?=[ \t]+[A-Z][a-z]+[ \t]*:|[ \t]*$)")  # (up to the next field)
#: "Massawa, 05 December 2026- …": a town in title case, the full date with its year, then a dash (any town)
_TITLED_DATED = re.compile(rf"(?P<city>{_TITLED}),[ \t]+(?:[A-Z][a-z]{{2,8}},?[ \t]+)?"
                           rf"(?:\d{{1,2}}[ \t]+[A-Z][a-z]{{2,8}}|[A-Z][a-z]{{2,8}}\.?[ \t]+\d{{1,2}},?)[ \t]+\d{{4}}"
                           rf"[ \t]*(?:-{{1,2}}|—|–)")
#: "MUMBAI:", "OTTAWA —", "PHILIPSBURG--Twelve" opening the story's first paragraph: a city in capitals alone
_BARE = re.compile(rf"(?P<city>{_CAPS})\s*(?::|(?:—|–|-{{1,2}})\s|--(?=[A-Z\"“]))")
#: "Dar es Salaam. The agency …", "Nairobi. Kenya's …": a city in title case (its particles in lower case) closed by
#: a full stop, opening the story's first paragraph (East African papers)
_STOPPED = re.compile(r"(?P<city>[A-Z][a-z'\-]+(?:[ ](?:(?:es|de|del|da|do|al|el|la|di|du)[ ])?[A-Z][a-z'\-]+){0,2})"
                      r"\.[ \t]+(?=[A-Z\"“])")


def find_datelines(text: str) -> list[re.Match]:
    """The datelines of an article: one per paragraph at most, at the paragraph's start.

    >>> [m.group("city") for m in find_datelines("Title\\n\\nSAO PAULO, May 5 (Reuters) - A plant.\\n\\n"
    ...                                          "Jakarta, March 3, 2025 /PRNewswire/ -- A deal.\\n\\n"
    ...                                          "BEIJING/SEOUL, May 6 (Reuters) - A deal.")]
    ['SAO PAULO', 'Jakarta', 'BEIJING']
    >>> story = "KUALA LUMPUR: Car sales in Malaysia rose by a fifth in the first half, the industry body said."
    >>> [m.group("city") for m in find_datelines(story + "\\n\\nNOTE: a later line.")]
    ['KUALA LUMPUR']
    >>> [m.group("city") for m in find_datelines("Title\\n\\nDar es Salaam. The agency signed a deal.")]
    ['Dar es Salaam']
    >>> [m.group("city") for m in find_datelines("Title\\n\\nPHILIPSBURG--Twelve buses will run next year.")]
    ['PHILIPSBURG']
    >>> [m.group("city") for m in find_datelines("Title\\n\\nMassawa, 05 December 2026- A plant was opened.")]
    ['Massawa']
    """
    found: list[re.Match] = []
    lines = [(m.start(), m.group(0).rstrip()) for m in re.finditer(r"(?m)^[ \t]*\S.*$", text)]
    # the first paragraph: a title line (or a deck under it, however long) holds no sentence's full stop
    first_body = next((s for s, line in lines if line.endswith((".", '."', ".”"))
                       or len(line) > 80 and re.search(r"[.!?][\"”]?\s+[A-Z]", line)), None)
    for s, _ in lines:
        s += len(text[s:]) - len(text[s:].lstrip(" \t"))
        m = next((x for x in (f.match(text, s) for f in _FORMS) if x is not None), None)
        if m is None and s == first_body:
            m = _BARE.match(text, s)
            if m is not None and len(m.group("city").replace(" ", "")) < 4:
                m = None  # "UK:", "EU —": a heading's short word, not a city
        if m is None and not found and s < 1500:  # (after a deck's bullet points too)
            stopped = _STOPPED.match(text, s)
            if stopped is not None and (city_country(stopped.group("city")) is not None
                                        or stopped.group("city") in _capitals()):
                m = stopped  # (only a larger town of the world: "Meanwhile. The …" is none)
            else:
                m = _TITLED_DATED.match(text, s)  # (with the full date and its year: any town)
        if m is not None:
            found.append(m)
    return found


def _capitals() -> dict[str, str]:
    from nevkg.ingest.countries import CAPITALS

    return CAPITALS


def datelines(E: Any) -> None:
    """Make each dateline's city a place and its agency a named source; ``E.dateline`` is the first city."""
    E.dateline, E.dateline_city = None, None
    E.dateline_spans = [m.span() for m in find_datelines(E.text)]  # (city, country and date: no place acted in)
    _mastheads(E)
    for m in re.finditer(r"(?m)^", E.text):
        alone = _AGENCY_ALONE.match(E.text, m.start())
        if alone is None:
            continue  # "(Bloomberg) -- X and Y plan …": a news agency (the parser's place too), the source,
        from nevkg.ingest.extract.org_context import org_at  # never a partner of X or Y

        org_at(E, alone.start("agency"), alone.end("agency"), "publisher", "news-agency")
        for k in E.mentions:
            if k.file == "organizations" and alone.start("agency") <= k.start < alone.end("agency"):
                k.compiler = True
    for m in find_datelines(E.text):
        if m.groupdict().get("city2"):
            for k in [k for k in E.mentions if k.start < m.end("city") and k.end > m.start("city2")]:
                E.forget(k)  # "BOGOTA/QUITO" read as one name: two cities
        for group in ("city", "city2"):
            if m.groupdict().get(group):
                _city(E, m, group)
        for group in ("agency", "slashed"):
            if m.re.groupindex.get(group) and m.group(group):  # the agency is the source, not an actor
                for k in E.mentions:
                    if k.file == "organizations" and m.start(group) <= k.start < m.end(group):
                        k.compiler = True


def _city(E: Any, m: re.Match, group: str) -> None:
    """Make the city of a dateline's ``group`` a place (a known one, the parser's name retyped, or a new one)."""
    from nevkg.ingest.extract.ner import _propose, retype

    s, e = m.span(group)
    name = m.group(group).strip()
    label = name.title() if name.isupper() else name
    inside = [k for k in E.mentions if s <= k.start and k.end <= e]
    known = E.gaz.lookup(label, ("places",))
    if any(k.known and k.file != "places" for k in inside):
        return  # a known company in capitals ("BYD:"), not a city
    if m.re is _BARE and known is None and not any(k.start == s and k.end == e for k in inside) \
            and label.title() not in _capitals() and city_country(label.title()) is None and not any(
                k.file == "places" and re.search(rf"\b{re.escape(label.title())}\b", k.text) for k in E.mentions):
        return  # "CITY:" alone is a dateline only of a known place, a capital, a larger town of the world
        # ("KARACHI:"), a name the parser saw ("BREAKING:") or one a place of the article is named after
        # ("MATSAPHA –" beside "the Matsapha Industrial Estate")
    if known is not None or any(k.start != s or k.end != e for k in inside) or not inside:
        for k in inside:
            E.forget(k)  # the parser's part of the city ("SAO" of "SAO PAULO")
        same = next((r for r, rec in E.new.items() if E.new_meta[r].file == "organizations"
                     and rec.get("label") == label), None)
        if known is None and same is not None:  # the parser's company "Matsapha" of a headline is the town
            retype(E, same, "places", "city")
            E.add(Mention(s, e, E.text[s:e], "places", same, False, "city", "dateline", 0.6, label))
        elif known is not None:
            E.add(Mention(s, e, E.text[s:e], "places", known.id, True, known.kind, "dateline", 0.9, known.label))
        else:
            _propose(E, "places", "city", name, s, e, "dateline")
    else:
        for k in inside:
            if not k.known and k.id in E.new and k.file != "places":
                retype(E, k.id, "places", "city")
                rec = E.new[k.id]
                if rec["label"].isupper():
                    rec["label"], rec["aliases"] = label, sorted({*rec.get("aliases", []), rec["label"]})
    for k in E.mentions:
        if k.start == s and k.end == e:
            k.rule = "dateline"  # later rules never make it a company acting ("BANGKOK ... signed")
    if E.dateline_city is None:
        E.dateline_city = label
        E.dateline = next((k for k in E.mentions if k.file == "places" and k.start == s), None)


def _mastheads(E: Any) -> None:
    """A masthead line ("Connected Mobility Digest | Autonomous Vehicles | December 1, 2026") names the site (a
    publisher, the source) and its section, never an actor: the site's name is one organisation, the section
    names none. So does a credit line's source field ("Source: Site    Editor: NAME")."""
    from nevkg.ingest.extract.org_context import org_at

    for m in [*_MASTHEAD.finditer(E.text), *_SOURCE_FIELD.finditer(E.text)]:
        inside = [k for k in E.mentions if m.start() <= k.start < m.end() and k.file in {"organizations", "places"}]
        for k in inside:
            if not k.known and not (k.start == m.start("pub") and k.end == m.end("pub")):
                for other in [o for o in E.mentions if o.id == k.id]:
                    E.forget(other)  # a section ("Autonomous Vehicles") or a piece of the site's name
        org_at(E, m.start("pub"), m.end("pub"), "publisher", "news-agency")
        for k in E.mentions:
            if k.file == "organizations" and m.start() <= k.start < m.end():
                k.compiler = True


def headline_end(text: str) -> int:
    """Where the article's headline ends: a single line of under 200 characters above the first blank line, else
    -1.

    >>> headline_end("Yaolan Auto to Build EVs in Kazakhstan\\n\\nBody."), headline_end("One paragraph only.")
    (38, -1)
    """
    top = text.find("\n\n")
    return top if 0 < top < 200 and "\n" not in text[:top].strip() else -1


def front_matter_end(text: str) -> int:
    """Where the article's front matter ends: at the first paragraph's dateline when one opens a paragraph near the
    top (the headline, deck, byline, date line and photo caption stand above it), else after a byline's paragraph
    near the top, else at the headline's end.

    >>> front_matter_end("X picks a site\\n\\nX says riders swap. Photo by A\\n\\nGEORGE TOWN, Dec 8 — X Co. will")
    48
    >>> front_matter_end("Yaolan Auto to Build EVs in Kazakhstan\\n\\nBody.")
    38
    """
    first = next((m.start() for m in find_datelines(text) if m.start() < 1500), -1)
    return max(first, headline_end(text), _byline_end(text))


#: a byline line ("By A", "By A and B in X")
_BYLINE = re.compile(r"^[ \t]*By\s+[A-ZÀ-Þ][^\n.]{2,80}$", re.M)


def _byline_end(text: str) -> int:
    """The end of the byline's paragraph (with its date line) when a byline stands near the top under short lines
    only (a headline, a section label, a deck), else -1.

    >>> _byline_end("BUSINESS\\n\\nX wins\\n\\nX and Y make cars\\n\\nBy A B\\n4 May 2026\\n\\nBody.")
    54
    """
    by = _BYLINE.search(text, 0, 1500)
    if by is None or max(len(p) for p in text[:by.start()].split("\n\n")) > 400:
        return -1
    end = text.find("\n\n", by.end())
    return end if end >= 0 else len(text)
