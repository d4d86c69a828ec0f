"""Whom "we", "our" and "us" inside a quotation stand for: the organisation its paragraph speaks of.

A news story quotes the people of a company by paragraph: "NAME, ORG's TITLE, said … "We will build here and
from here we will supply A and B," he said." Where the paragraph, outside its quotations, names exactly one
organisation (by name or by "the company"), the speaker's "we" is that organisation; where it names none or
several, "we" stays unresolved (a quote from an analyst about two carmakers speaks for neither).
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention

__all__ = ["quoted_voice"]

_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")
#: a quotation: typographic or straight double quotes, within a paragraph
_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def quoted_voice(text: str, orgs: list[Mention], sentences: list[tuple[int, int, int]],
                 out: list[Mention], sources: list[Mention] = (), people: list[Mention] = ()) -> list[Mention]:
    """Add a mention for each "we", "our", "us" inside a quotation whose paragraph names one organisation
    outside its quotations, or, naming none, one person whom the article introduced with a title at an
    organisation ("Zhao Pengfei, Vice President of X" … '"… our third-largest market," Zhao said': X).

    Parameters
    ----------
    text : str
        The article's text.
    orgs : list of Mention
        The named organisation mentions (no compilers).
    sentences : list of (int, int, int)
        ``(start, end, paragraph)`` of each sentence.
    out : list of Mention
        The anaphors found so far ("the company" counts as a name of what it stands for).
    sources : list of Mention, optional
        Organisations cited as sources ("an analyst at X"): a paragraph naming one may quote its people, so
        its "we" stays unresolved.

    Returns
    -------
    list of Mention
        ``out`` with the quoted "we" mentions added (rule ``anaphor:quoted-we``), in text order.

    Examples
    --------
    >>> t = 'Lena Berg, head of Korvell Motors, spoke. "We will sell cars in Chile," she said.'
    >>> k = Mention(16, 30, "Korvell Motors", "organizations", "korvell-motors", False, "automaker")
    >>> [(a.text, a.id) for a in quoted_voice(t, [k], [(0, 41, 0), (42, 81, 0)], [])]
    [('We', 'korvell-motors')]
    """
    paras: dict[int, tuple[int, int]] = {}
    for s, e, p in sentences:
        a, b = paras.get(p, (s, e))
        paras[p] = (min(a, s), max(b, e))
    added: list[Mention] = []
    for a, b in paras.values():
        quotes = [q.span() for q in _QUOTE.finditer(text, a, b)]
        if not quotes:
            continue
        named = [m for m in orgs + out if a <= m.start < b and m.file == "organizations"
                 and not any(qa <= m.start < qb for qa, qb in quotes)]
        said = [m for m in named if _surname(m, people)]  # ('"…," Zhao said': the parser's company is Zhao Pengfei)
        named = [m for m in named if m not in said]
        if not named:
            speakers = {m.text for m in people + said if a <= m.start < b
                        and not any(qa <= m.start < qb for qa, qb in quotes)}
            named = [o for o in [_employer(text, speakers.pop(), people, orgs)] if o is not None] \
                if len(speakers) == 1 else []
        if len({m.id for m in named}) != 1 or any(a <= m.start < b for m in sources):
            continue
        who = next(m for m in named if m in orgs) if any(m in orgs for m in named) else named[0]
        for qa, qb in quotes:
            for w in _WE.finditer(text, qa, qb):
                if not any(x.start <= w.start() < x.end for x in out):
                    added.append(Mention(w.start(), w.end(), w.group(0), who.file, who.id, who.known, who.kind,
                                         "anaphor:quoted-we", round(who.confidence * 0.7, 2), who.label))
    return sorted(out + added, key=lambda m: m.start)


#: between a person's name and an organisation: a title "of" or "at" it ("Zhao Pengfei, Vice President of X")
_TITLE_OF = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?[A-Za-z][\w\s,&'’-]{0,70}?\s(?:of|at)\s+(?:the\s+)?")


def _employer(text: str, name: str, people: list[Mention], orgs: list[Mention]) -> Mention | None:
    """The organisation the article first names a person's title at ("NAME, Vice President of X"), else None; the
    person is named ``name`` or first named in full with it ("Zhao" of "Zhao Pengfei")."""
    first = min((m for m in people if set(name.split()) <= set(m.text.split())), key=lambda m: m.start)
    return next((o for o in sorted(orgs, key=lambda o: o.start) if 0 < o.start - first.end <= 90
                 and _TITLE_OF.fullmatch(text[first.end:o.start])), None)


def _surname(m: Mention, people: list[Mention]) -> bool:
    """Whether a one-word name is a word of a person's full name given before it ("Zhao" after "Zhao Pengfei")."""
    return " " not in m.text and any(p.end <= m.start and " " in p.text and m.text in p.text.split() for p in people)
