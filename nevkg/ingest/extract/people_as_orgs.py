"""A "person" the parser named that is no person: title words only ("Vice President"), a name right after a noun for
a company ("its Brazilian subsidiary X"), one that starts like a company's name, or a family firm a company title
names as its organisation ("chief executive of Henri Kessler"). A mixin of the role rules."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.linking import fullest_name
from nevkg.ingest.extract.model import Mention

__all__ = ["PersonOrOrg"]

#: words of titles that never make a person's name on their own ("Vice President")
_TITLE_WORDS_ONLY = {"vice", "president", "chief", "executive", "officer", "senior", "deputy", "managing", "director",
                     "general", "manager", "chairman", "chairwoman", "minister", "prime", "secretary", "head"}
#: nouns of a company that a name right after them names ("its Brazilian subsidiary X")
_UNIT_NOUN = r"(?:subsidiary|unit|arm|division|affiliate|venture|distributor|importer)"
#: a company's title and its preposition right before a name: the name is the company's
_COMPANY_OF = re.compile(r"\b(?:chief\s+(?:executive|operating|financial|technology)(?:\s+officer)?|CEO|CFO|COO|CTO|"
                         r"chair(?:man|woman|person)|managing\s+director|general\s+manager|board\s+of\s+directors|"
                         r"spokes(?:man|woman|person))\s+(?:of|at)\s+$", re.I)
#: a company's title after a possessive name ("NAME's chief executive")
_COMPANY_POSSESSIVE = re.compile(r"['’]s?\s+(?:(?:new|former|acting|interim|deputy)\s+)?(?:chief\s+executive|CEO|"
                                 r"CFO|COO|CTO|chair(?:man|woman|person)|managing\s+director|general\s+manager|"
                                 r"board\s+of\s+directors|spokes(?:man|woman|person))\b", re.I)


class PersonOrOrg:
    """Names the parser took for people that are organisations (needs the extractor's ``ents`` and ``text``)."""

    def _not_a_person(self, p: Mention) -> bool:
        """A "person" the parser named that is no person: title words only ("Vice President"), a name right after
        a noun for a company ("its Brazilian subsidiary X"), or one that starts with a company's first word."""
        from nevkg.ingest.countries import DEMONYMS
        from nevkg.ingest.extract.portfolios import PORTFOLIO_ORG

        words = p.text.split()
        portfolio = len(words) > 1 and words[0] in DEMONYMS and PORTFOLIO_ORG.fullmatch(" ".join(words[1:]))
        if all(w.lower() in _TITLE_WORDS_ONLY for w in words) or portfolio:
            if not p.known:
                self.ents.forget(p)
            if portfolio:  # "Kenyan Transport Cabinet Secretary": the adjective names the country
                country = self.ents._country_mention(p.start, p.start + len(words[0]), DEMONYMS[words[0]],
                                                     "demonym", 0.7)
                if country is not None:
                    self.ents.add(country)
            return True
        first = p.text.split()[0]
        holder = re.search(rf"\bof\s+(?:the|its|their)\s+(?:[\w\-]+\s+)?{_UNIT_NOUN}\s+$",
                           self.text[max(0, p.start - 40):p.start], re.I) and \
            re.match(r",?\s+(?:told|said|says|added|stated)\b", self.text[p.end:p.end + 12])
        if not holder and re.search(rf"\b(?:{_UNIT_NOUN}|brand)\s+$", self.text[max(0, p.start - 14):p.start], re.I) \
                or any(
                o.file == "organizations" and o.text.split()[0] == first and len(o.text.split()) > 1
                and o.id != p.id and not (o.start < p.end and p.start < o.end) for o in self.ents.mentions):
            if not p.known and p.id in self.ents.new and not _short_of_own(self.ents, p):
                self._person_to_org(p)
            return True  # "its Brazilian subsidiary Velmora do Brasil", a name that starts like a company's (not
        return False  # the holder of a post there who speaks: "director general of the joint venture NAME told")

    def companies_named_like_people(self, s: int, e: int) -> None:
        """Make organisations of the new "people" that a company title names as its organisation.

        "chief executive of NAME", "NAME's managing director": a company named after a person (a family firm,
        a dealer group).

        Parameters
        ----------
        s, e : int
            The sentence's offsets in the text.
        """
        for p in [m for m in self.ents.mentions if s <= m.start and m.end <= e and m.file == "people"
                  and not m.known and m.id in self.ents.new and m.rule.startswith("ner:")]:
            if _COMPANY_OF.search(self.text[max(s, p.start - 40):p.start]) or \
                    _COMPANY_POSSESSIVE.match(self.text[p.end:min(e, p.end + 40)]):
                self._person_to_org(p)

    def _person_to_org(self, p: Mention) -> None:
        """The parser's new "person" ``p`` is an organisation: the article's organisation it is the short name of
        ("Velmora" for "Velmora Motors"), else a new one."""
        full = fullest_name(self.ents.mentions, p.text, exclude=p.id)
        if full is None:
            from nevkg.ingest.extract.ner import retype

            retype(self.ents, p.id, "organizations", "company")
            return
        old = p.id
        for m in self.ents.mentions:
            if m.id == old:
                m.id, m.file, m.kind, m.label, m.rule = full.id, "organizations", full.kind, full.label, "short-name"
        self.ents.new.pop(old, None)
        self.ents.new_meta.pop(old, None)


def _short_of_own(E: Any, p: Mention) -> bool:
    """Whether ``p`` is already the short name of a longer new organisation's ("X" of "X Group"): it stays that
    one's, and is no other company's for sharing its first word (not "X Automotive JSC", the group's unit)."""
    return E.new_meta[p.id].file == "organizations" and E.new[p.id].get("label") != p.text
