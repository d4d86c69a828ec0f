"""The parsed tokens under a stretch of text: character offsets turned into a spaCy span, and the verb a token
hangs on; and, for the rules that read text without the parse, what a stretch inside one clause may hold."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.vocab import NAMED_WORKS_RE, UNIT_NOUNS

#: one character of the same clause, for patterns that must not run past a sentence or a semicolon: anything but a
#: full stop or a semicolon, and a decimal point is no full stop ("poured 2.5 billion yuan into")
IN_CLAUSE = r"(?:[^.;]|\.(?=\d))"


def span_at(doc: Any, start: int, end: int) -> Any:
    """The tokens that cover characters ``start:end`` of ``doc``, widened to whole tokens.

    Parameters
    ----------
    doc : spacy.tokens.Doc or None
        The parsed article; ``None`` when the extractor runs on rules only.
    start, end : int
        Character offsets into the article's text.

    Returns
    -------
    spacy.tokens.Span or None
        ``None`` without a parse, or when the offsets fall outside the text.

    Examples
    --------
    >>> span_at(None, 0, 3) is None
    True
    >>> import spacy
    >>> doc = spacy.blank("en")("BYD opened a plant.")
    >>> span_at(doc, 4, 8).text
    'opened'
    """
    if doc is None:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def verbs_of(doc: Any, a: tuple[int, int], b: tuple[int, int]) -> tuple[Any, Any] | None:
    """The nearest verbs (:func:`verb_of`) of two stretches of text, or ``None`` without a parse of both: whether
    two things are said in one clause.

    Examples
    --------
    >>> verbs_of(None, (0, 3), (4, 8)) is None
    True
    """
    first, second = span_at(doc, *a), span_at(doc, *b)
    if first is None or second is None:
        return None
    return verb_of(first.root), verb_of(second.root)


def verb_of(tok: Any) -> Any:
    """The nearest verb a token hangs on (itself when it is one); the sentence's root when none is.

    Examples
    --------
    >>> from nevkg.ingest.extract.nlp import parse
    >>> doc = parse("Lanshan, whose sales rose to 900 units, plans a plant in Chile.")
    >>> if doc is not None:
    ...     assert verb_of(doc[5]).lemma_ == "rise" and verb_of(doc[12]).lemma_ == "plan"
    """
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def asides(tokens: Any) -> set[int]:
    """Indices of the tokens, among ``tokens``, in relative clauses and in the modifiers of appositions ("X, which
    Y controls,", "X, a unit of Y,"): a name there is not who the phrase around it is. An apposition's own name
    stays ("the unit, Zeekr,"), and so do the clauses about a person ("NAME, who heads X,").

    Examples
    --------
    >>> from nevkg.ingest.extract.nlp import parse
    >>> doc = parse("Orvane Auto, a unit of Tallis Holdings, said it will open a plant.")
    >>> sorted(doc[i].text for i in asides(doc))
    ['Holdings', 'Tallis', 'a', 'of', 'unit']
    """
    out: set[int] = set()
    for a in tokens:
        if any(c.lower_ in {"who", "whom"} for c in a.children) or a.dep_ == "appos" and a.head.ent_type_ == "PERSON":
            continue  # "NAME, who heads X," or "NAME, chief of X,": X is whom the person speaks for
        if a.dep_ in {"relcl", "acl"}:
            out |= {t.i for t in a.subtree}
        elif a.dep_ == "appos":
            own = {a.i} | {c.i for c in a.children if c.dep_ in {"compound", "flat"}} if a.pos_ == "PROPN" else set()
            out |= {t.i for t in a.subtree} - own
    return out


#: words after a place that make it the name of a plant ("Tesla's Shanghai plant shipped …"): the plant's place,
#: never an actor of its own
WORKS_NAMED = re.compile(rf"\s+{NAMED_WORKS_RE}\b", re.I)

#: verbs whose object does what their "to" clause says ("urged X to cut its prices")
_OBJECT_CONTROL = {"urge", "force", "allow", "ask", "push", "pressure", "require", "enable", "help", "encourage",
                   "invite", "compel", "persuade", "oblige", "prompt", "press", "spur", "tell", "drive", "lead"}
#: nouns with the same effect as the object of "put" or "increase" ("puts pressure on X to expand")
_CONTROL_NOUNS = {"pressure", "incentive", "push"}


def controller(verb: Any, mentions: list[Any]) -> Any:
    """The mention that does what the subjectless "to" clause of ``verb`` says, when the clause hangs on a verb of
    making others act and that mention is its object right before "to" ("urged X to open its plants", "puts
    pressure on X to expand": X); else ``None`` (in "signed a deal with X to build cars" the signer builds).

    >>> from types import SimpleNamespace as NS
    >>> controller(NS(children=[], head=NS(lemma_="sign", children=[])), []) is None
    True
    """
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    head = verb.head
    if to is None or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or not (
            head.lemma_.lower() in _OBJECT_CONTROL or any(c.dep_ == "dobj" and c.lemma_.lower() in _CONTROL_NOUNS
                                                          for c in head.children)):
        return None
    doc = verb.doc
    named = [m for m in mentions if m.end <= to.idx and not doc.text[m.end:to.idx].strip()
             and (r := span_at(doc, m.start, m.end)) is not None and r.root.dep_ in {"dobj", "pobj"}]
    return named[-1] if named else None


def without_examples(tok: Any) -> list[Any]:
    """The tokens of a subject phrase without the examples it lists ("the share of China-made models, including
    those sold by brands such as X's Model 3, fell …": the share is not X's)."""
    examples = {d.i for e in tok.subtree if e.dep_ == "prep" and e.i != tok.i and (
        e.lower_ in {"including", "excluding", "like"} or e.lower_ == "as" and e.doc[e.i - 1].lower_ == "such")
        for d in e.subtree}
    return [t for t in tok.subtree if t.i not in examples]


def unit_appositions(noun: Any) -> list[Any]:
    """The tokens in apposition to a company's unit noun, which name the unit ("X's automobile arm, Y": Y); none for
    another noun ("our brand, B": the owner acts, not B)."""
    return [a for a in noun.children if a.dep_ == "appos"] if noun.lemma_.lower() in UNIT_NOUNS else []


def subtree_text(token: Any) -> str:
    """The words a token heads, as written (from its subtree's first word to its last).

    >>> from types import SimpleNamespace as T
    >>> doc = T(text="70 per cent of the shares")
    >>> of, the, shares = T(idx=12, text="of"), T(idx=15, text="the"), T(idx=19, text="shares")
    >>> of.subtree, of.doc = [of, the, shares], doc
    >>> subtree_text(of)
    'of the shares'
    """
    sub = list(token.subtree)
    return token.doc.text[sub[0].idx:sub[-1].idx + len(sub[-1].text)]
