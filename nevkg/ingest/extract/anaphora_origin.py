"""An anaphoric phrase with a country's adjective ("the Chinese carmaker", "the Korean firm") stands for the
organisation the article describes as of that country ("China's X", "Chinese carmaker X"), not merely the one
named last ("X and Y set up Z … Y holds 51 % of Z and the Chinese carmaker the rest": X)."""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention

__all__ = ["described_from", "described_otherwise"]


def described_from(text: str, orgs: list[Mention], pos: int, phrase: str) -> Mention | None:
    """Of the organisations named before ``pos``, the last one the text describes as of the country whose
    adjective ``phrase`` holds; ``None`` when it holds none or no such organisation is named.

    >>> t = "China's Kestrel Auto and Saryarka Holding set up Kestrel Saryarka LLP. The Chinese carmaker holds 49%."
    >>> a = Mention(8, 20, "Kestrel Auto", "organizations", "ka", False, "automaker")
    >>> b = Mention(25, 41, "Saryarka Holding", "organizations", "sh", False, "company")
    >>> c = Mention(49, 69, "Kestrel Saryarka LLP", "organizations", "ks", False, "automaker")
    >>> described_from(t, [a, b, c], 71, "The Chinese carmaker").id
    'ka'
    """
    from nevkg.ingest.countries import DEMONYMS

    adj = next((w for w in phrase.split() if w in DEMONYMS), None)
    if adj is None:
        return None
    country = re.escape(DEMONYMS[adj])
    ids = _described_as(text, orgs, rf"\b{re.escape(adj)}|\b{country}['’]s") or _based_in(text, orgs, DEMONYMS[adj])
    return max((o for o in orgs if o.end <= pos and o.id in ids), key=lambda o: o.end, default=None)


#: "Salvador-based" (a town's name written as a company's base)
_BASED = re.compile(r"\b(?P<town>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)-based\b")
#: ", which is based in Hefei", ", headquartered in Hefei" (a company's base after its name)
_BASED_IN_AFTER = re.compile(r",\s+(?:(?:which|that)\s+is\s+)?(?:based|headquartered)\s+in\s+"
                             r"(?P<town>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)\b")


def _based_in(text: str, orgs: list[Mention], country: str) -> set[str]:
    """The ids of ``orgs`` described as based in a town of ``country`` (or in the country), in an apposition after
    the name ("X, a Salvador-based conglomerate", "X, which is based in Salvador") or in the words before it
    ("Salvador-based dealer X").

    >>> t = "Yunmo Group and Grupo Tatu, a Salvador-based conglomerate, signed a deal."
    >>> a = Mention(0, 11, "Yunmo Group", "organizations", "yg", False, "company")
    >>> b = Mention(16, 26, "Grupo Tatu", "organizations", "gt", False, "company")
    >>> _based_in(t, [a, b], "Brazil")
    {'gt'}
    """
    from nevkg.ingest.cities import city_country
    from nevkg.ingest.countries import COUNTRIES

    code = COUNTRIES.get(country)
    out = set()
    for o in orgs:
        after = re.match(r",\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?(?=[A-Z][\w'’ ]*-based)", text[o.end:o.end + 60])
        before = re.search(rf"{_BASED.pattern}\s+(?:[a-z\-]+\s+){{0,3}}$", text[max(0, o.start - 50):o.start])
        m = _BASED.match(text, o.end + after.end()) if after is not None else before
        m = m or _BASED_IN_AFTER.match(text, o.end)
        if m is not None and code is not None and (city_country(m.group("town")) == code
                                                   or m.group("town") == country):
            out.add(o.id)
    return out


def described_otherwise(text: str, orgs: list[Mention], pos: int, phrase: str) -> set[str]:
    """The ids of the organisations named before ``pos`` that the text describes as of another country than the
    one whose adjective ``phrase`` holds: never what "the German carmaker" stands for when it is "Chinese
    carmaker X" (empty when ``phrase`` holds no such adjective).

    >>> t = "Chinese maker Zhaoyang Auto is in talks with Kessler to share the German carmaker's plant."
    >>> a = Mention(14, 27, "Zhaoyang Auto", "organizations", "za", False, "automaker")
    >>> b = Mention(45, 52, "Kessler", "organizations", "k", False, "company")
    >>> described_otherwise(t, [a, b], 62, "the German carmaker")
    {'za'}
    """
    from nevkg.ingest.countries import DEMONYMS

    adj = next((w for w in phrase.split() if w in DEMONYMS), None)
    if adj is None:
        return set()
    others = "|".join(re.escape(d) for d in sorted(DEMONYMS, key=len, reverse=True)
                      if DEMONYMS[d] != DEMONYMS[adj])
    return _described_as(text, [o for o in orgs if o.end <= pos], rf"\b(?:{others})")


def _described_as(text: str, orgs: list[Mention], lead: str) -> set[str]:
    """The ids of ``orgs`` that a mention of has, in the 50 characters before it, the words ``lead`` (a pattern of
    a country's adjective) opens and a few lower-case describing words end ("Chinese carmaker X"; a bracketed
    acronym among them: "Chinese new-energy vehicle (NEV) manufacturer X"; the name in apposition to them
    after an article: "a Chinese bus maker, X,"; not a headline's "Chinese bus maker, X in deal")."""
    cue = re.compile(rf"(?:{lead})\s+(?:[a-z\-]+\s+){{0,3}}(?:\([A-Z]{{2,6}}\)\s+(?:[a-z\-]+\s+){{0,2}})?$"
                     rf"|\b(?:[Aa]n?|[Tt]he)\s+(?:{lead})\s+(?:[a-z\-]+\s+){{0,2}}[a-z\-]+,\s+$")
    return {o.id for o in orgs if cue.search(text, max(0, o.start - 50), o.start)}
