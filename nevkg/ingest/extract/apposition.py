"""The phrase a person's name stands in apposition to, before the name ("the chairman of X, NAME"), read by the
role rules (:mod:`.roles`, :mod:`.roles_context`)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.portfolios import without_portfolio_commas
from nevkg.ingest.extract.title_words import ROLE_TITLE_RX

__all__ = ["apposed_phrase"]


def apposed_phrase(span: Any, text: str) -> tuple[int, int] | None:
    """The phrase a name stands in apposition to, before the name.

    "the chairman of X, NAME": the parser often hangs the name on the last noun of the phrase ("X"), so the
    phrase is that of the noun the preposition belongs to; a clause before a comma without a title word in it
    is left out ("… build the plant, its CEO, NAME").

    Parameters
    ----------
    span : spacy.tokens.Span
        The person's name in the parse.
    text : str
        The article text the parse was made of.

    Returns
    -------
    tuple of int or None
        The start and end offsets of the phrase, or None when the name is in apposition to nothing before it.
    """
    root = span.root
    if root.dep_ != "appos" or root.head.i >= span.start:
        return None
    head = root.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in {"NOUN", "PROPN"} \
            and head.head.head.i < head.i and not ROLE_TITLE_RX.fullmatch(head.text):
        head = head.head.head  # "the envoy to Y, NAME": the envoy, not Y; a title stops it ("in the presence of
    sub = [t for t in head.subtree if t.i < span.start]  # the Minister of Transport, NAME": not the presence)
    if not sub:
        return None
    a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    body = text[a:b].rstrip(" ,")
    cut = without_portfolio_commas([c for c in re.finditer(r",\s*", body)
                                    if not ROLE_TITLE_RX.search(body[:c.start()])], body)
    return (a + cut[-1].end() if cut else a), b
