"""Whom "we", "our" and "us" inside a quotation stand for: the organisation its paragraph speaks of.

A news story quotes the people of a company by paragraph: "NAME, ORG's TITLE, said … "We will build here and
from here we will supply A and B," he said." Where the paragraph, outside its quotations, names exactly one
organisation (by name or by "the company"), the speaker's "we" is that organisation; where it names none or
several, "we" stays unresolved (a quote from an analyst about two carmakers speaks for neither).

Outside quotations "we" is the voice of a statement's issuer, where the statement defines it ('X (the "Group")':
:func:`issuer_voice`), or of the interviewee in the answers of a question-and-answer interview
(:func:`interviewee_voice`).
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention

__all__ = ["interviewee_voice", "issuer_voice", "quoted_voice"]

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


#: a statement's own definition of its issuer: 'X (… "X" or the "Group")', 'X (the "Company")'
_DEFINED = re.compile(r"\s*\([^()]{0,120}?[“\"](?:the\s+)?(?P<term>Company|Group)[”\"]", re.I)
_TERMS = re.compile(r"[“\"](?:the\s+)?(Company|Group)[”\"]", re.I)


def issuer_voice(text: str, orgs: list[Mention], out: list[Mention]) -> list[Mention]:
    """In a statement that defines its issuer ('X (the "Group")', 'X (the "Company", together with its
    subsidiaries, the "Group")'), "we", "our", "us" outside quotations and the defined terms ("the Group", "the
    Company") stand for the issuer."""
    issuer, found = next(((o, m) for o in orgs if (m := _DEFINED.match(text, o.end))), (None, None))
    if issuer is None or found is None:
        return out
    # every term the bracket defines: '(the "Company", together with its subsidiaries, the "Group")'
    bracket = text[found.start():text.find(")", found.end()) + 1 if ")" in text[found.end():] else found.end()]
    terms = sorted({t.capitalize() for t in _TERMS.findall(bracket)} or {found.group("term")})
    phrase = re.compile(rf"\b[Tt]he\s+(?:{'|'.join(terms)})\b")
    out = [a for a in out if not phrase.fullmatch(a.text)]
    for rx in (_WE, phrase):
        for m in rx.finditer(text, issuer.end):
            line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
            if len(re.findall(r"[“”\"]", line)) % 2 or any(a.start <= m.start() < a.end for a in out):
                continue  # inside a quotation: the speaker's "we"
            out.append(Mention(m.start(), m.end(), m.group(0), issuer.file, issuer.id, issuer.known, issuer.kind,
                               "anaphor:issuer", round(issuer.confidence * 0.8, 2), issuer.label))
    voiced = [a for a in out if a.rule == "anaphor:issuer"]
    for i, a in enumerate(out):  # "The Group sells its cars in X": its, after the term in its clause, is the issuer's
        lead = next((v for v in voiced if v.end <= a.start and not re.search(r"[.;:]\s", text[v.end:a.start])
                     and not any(v.end <= o.start < a.start for o in orgs)), None)
        if a.rule in {"anaphor:it", "anaphor:its"} and lead is not None and a.id != issuer.id:
            out[i] = Mention(a.start, a.end, a.text, issuer.file, issuer.id, issuer.known, issuer.kind, a.rule,
                             a.confidence, issuer.label)
    return sorted(out, key=lambda a: a.start)


#: the turns of an interview: a question line and an answer line ("Q:", "A:", "Q.", "A –")
_QUESTION = re.compile(r"^[ \t]*Q\s*[:.\u2013\u2014-]\s", re.M)
_ANSWER = re.compile(r"^[ \t]*A\s*[:.\u2013\u2014-]\s", re.M)


def interviewee_voice(text: str, orgs: list[Mention], out: list[Mention]) -> list[Mention]:
    """In an interview written as question and answer turns ("Q:" / "A:"), "we", "our", "us" in the answers stand
    for the organisation the introduction names most (the first of those named as often)."""
    first_q = _QUESTION.search(text)
    if first_q is None or not _ANSWER.search(text, first_q.end()):
        return out
    intro = [o for o in orgs if o.end <= first_q.start() and not o.compiler]
    if not intro:
        return out
    counts = {o.id: sum(m.id == o.id for m in intro) for o in intro}
    issuer = next(o for o in intro if counts[o.id] == max(counts.values()))
    for turn in _ANSWER.finditer(text, first_q.end()):
        nxt = _QUESTION.search(text, turn.end())
        for m in _WE.finditer(text, turn.end(), nxt.start() if nxt else len(text)):
            if not any(a.start <= m.start() < a.end for a in out):
                out.append(Mention(m.start(), m.end(), m.group(0), issuer.file, issuer.id, issuer.known, issuer.kind,
                                   "anaphor:interviewee", round(issuer.confidence * 0.8, 2), issuer.label))
    return sorted(out, key=lambda a: a.start)
