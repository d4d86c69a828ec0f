"""The parsed tokens under a stretch of text: one place that turns character offsets into a spaCy span."""

from __future__ import annotations

from typing import Any


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
