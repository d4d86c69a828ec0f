"""People listed under a heading that gives their title: a research note's "Analysts: NAME (CITY); NAME (CITY)",
"Analyst: NAME, CFA". Each is an analyst of the organisation that writes the note (its letterhead), else of the
organisation the heading's paragraph names. And a press release's contact block: the organisation on one line,
"NAME, TITLE" on the next, then an e-mail or telephone line.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.linking import fullest_name
from nevkg.ingest.extract.model import Mention

__all__ = ["contact_block_roles", "headed_list_roles"]

#: the heading and the list after it, up to the end of the sentence or line
_HEADING = re.compile(r"(?:^|\n|[.]\s+)(?P<head>Analysts?|Research\s+analysts?|Authors?|Economists?|"
                      r"Strategists?)\s*:\s*", re.I)
_TITLES = {"analyst": "analyst", "analysts": "analyst", "research analyst": "research analyst",
           "research analysts": "research analyst", "economist": "economist", "economists": "economist",
           "strategist": "strategist", "strategists": "strategist"}


def headed_list_roles(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Roles of the people listed after a heading "Analysts:" in the sentence ``text[s:e]``.

    Parameters
    ----------
    R : PeopleRules
        The extractor (its text, mentions and ``_writer``).
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation, rule)`` for each person listed.
    """
    text, out = R.text, []
    for h in _HEADING.finditer(text, max(0, s - 1), e):
        title = _TITLES.get(" ".join(h.group("head").lower().split()))
        if title is None:
            continue  # (an author is no title)
        stop = re.search(r"[.](?:\s|$)|\n", text[h.end():e])
        end = h.end() + stop.start() if stop else e
        _listed_names(R, h.end(), end)
        people = [m for m in R.ents.mentions if m.file == "people" and h.end() <= m.start < end]
        if not people:
            continue
        para_end = text.find("\n", end)
        org = R._writer() or next(iter(R.mentions_in(end, para_end if para_end > 0 else len(text),
                                                     ("organizations",))), None)
        if org is None:
            continue
        for p in people:
            out.append((p.start, p.end, title, h.start("head"), h.end("head"), org, "person:headed-list"))
    return out


#: a credential after an analyst's name ("NAME, CFA"): no organisation
_CREDENTIAL = {"CFA", "CPA", "PhD", "MBA", "FRM", "ACCA", "CAIA", "CMT"}


def _listed_names(R: Any, a: int, b: int) -> None:
    """The names of a list after "Analysts:" in ``text[a:b]`` are people: a credential after one ("CFA") is no
    organisation, and a new two- or three-word name the parser called an organisation or place is a person
    ("Maya Okonkwo-Reyes, CFA (Hong Kong)")."""
    from nevkg.ingest.extract.ner import retype
    from nevkg.ingest.extract.person_like import person_like

    for m in [k for k in R.ents.mentions if a <= k.start < b and not k.known and k.id in R.ents.new]:
        if m.file == "organizations" and m.text in _CREDENTIAL and R.text[max(a, m.start - 2):m.start].strip() == ",":
            R.ents.forget(m)
        elif m.file in {"organizations", "places"} and person_like(m, R.ents) and re.match(
                r"\s*(?:[,;(]|$)", R.text[m.end:b]) and re.search(r"(?:^|[;,]\s*|\band\s+)$", R.text[a:m.start]):
            retype(R.ents, m.id, "people", "")
            R.ents.new[m.id].pop("kind", None)


#: "ORG\nNAME, TITLE\nEmail: …": a contact block's lines (the last an address or a number alone too:
#: "press@x.example", "+971 4 555 0199")
_CONTACT = re.compile(r"(?m)^[ \t]*(?P<org>\S[^\n]{2,80}?)[ \t]*\n[ \t]*(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}),"
                      r"[ \t]+(?P<title>[A-Z][A-Za-z&\- ]{2,60}?)[ \t]*\n[ \t]*(?:(?:E-?mail|Tel|Phone|Mobile|[TEM])\b|"
                      r"[\w.+-]+@[\w-]+\.[\w.-]+[ \t]*$|\+?\(?\d[\d ().-]{6,}[ \t]*$)")


def contact_block_roles(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Roles of a press release's contact block whose person line lies in ``text[s:e]``: the organisation on the
    line before ("Kunlai Robotics Inc.\nHugo Tan, Director of Investor Relations\nEmail: …").

    Parameters
    ----------
    R : PeopleRules
        The extractor (its text and mentions).
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation, rule)`` for each block.
    """
    from nevkg.ingest.extract.people import _TITLE_RX

    out = []
    for m in _CONTACT.finditer(R.text):
        if not s <= m.start("name") < e or not _TITLE_RX.search(m.group("title")):
            continue
        org = next((k for k in R.ents.mentions if k.file == "organizations" and k.start == m.start("org")
                    and k.end >= m.end("org") - 1), None)  # (the whole line is the organisation's name)
        if org is None and not R.ents.overlaps(m.start("org"), m.end("org")):
            full = fullest_name(R.ents.mentions, m.group("org"))  # a heading with the short name: "Lumora"
            org = Mention(m.start("org"), m.end("org"), m.group("org"), "organizations", full.id, full.known,
                          full.kind, "short-name", 0.6, full.label) if full is not None else None
            if org is not None:
                R.ents.add(org)
        if org is not None:
            out.append((m.start("name"), m.end("name"), m.group("title"), m.start("title"), m.end("title"), org,
                        "person:contact-block"))
    return out
