"""A person's own description that speaks of a past post: "NAME, a former X engineer, said", "NAME, who joined
from X in 2020, said", "NAME, previously at X". The organisation named there is where the person was, so it does
not leave open whose title the sentence's other title is ("Chief executive NAME, who joined from X, said …": the
chief executive of the company spoken of, not of X)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.spans import span_at

__all__ = ["former_spans"]

#: words of a post no longer held
_PAST = re.compile(r"\b(?:former|formerly|previously|ex-|joined\s+(?:\w+\s+){0,2}from|(?:who\s+)?(?:left|quit)|"
                   r"(?:had\s+)?(?:worked|spent\s+\w+\s+years?)|until\s+(?:last|\d{4}))\b", re.I)


def former_spans(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of the apposition or relative clause after the person named at ``start:end`` that
    speak of a past post.

    Parameters
    ----------
    doc : spacy.tokens.Doc or None
        The parse.
    start, end : int
        The person's name in the text.

    Returns
    -------
    list of (int, int)
        Offsets of each such description (empty without a parse).
    """
    span = span_at(doc, start, end) if doc is not None else None
    if span is None:
        return []
    out = []
    for c in span.root.children:
        if c.dep_ not in {"appos", "relcl", "acl"} or c.i < span.root.i:
            continue
        a, b = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
        if _PAST.search(doc.text[a:b]):
            out.append((a, b))
    return out
