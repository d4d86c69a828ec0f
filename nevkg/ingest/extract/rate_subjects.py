"""Whose a duty rate is when it is set for no company of its own.

A duty set company by company ends with a rate for the rest: "while other cooperating companies will pay
19.8% and all remaining exporters 33.5%", "a residual rate of 48.6% for all other companies". Such a rate is no
company's named before it (the subject rules took the last one): it is the measure's, so its subject is the
authority or market that charges it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["residual_rate", "residual_rate_subject", "charged_payer"]

#: nouns of a rate charged to someone ("charges X a duty of 16.4%")
_RATE_NOUNS = {"duty", "tariff", "levy", "surtax", "rate", "fee", "tax", "surcharge"}

_REST = (r"(?:all\s+)?(?:the\s+)?(?:other|remaining|non-cooperating|uncooperative)\s+(?:[\w-]+\s+)?"
         r"(?:companies|exporters|producers|manufacturers|carmakers|automakers|makers|firms|brands)")
#: before the rate: "other cooperating companies will pay ", "all remaining exporters ", "a residual rate of "
_REST_BEFORE = re.compile(rf"(?:\b{_REST}\s+(?:(?:will|would|must|shall|now|also)\s+)*(?:pay|face|get|be\s+charged)?\s*"
                          r"|\b(?:residual|all-others|all\s+others)\s+(?:duty\s+|tariff\s+)?rate\s+(?:of\s+)?)$", re.I)
#: after it: "33.5% for all other companies"
_REST_AFTER = re.compile(rf"\s*(?:for|on|to|applies\s+to|applying\s+to)\s+{_REST}\b", re.I)


def residual_rate(text: str, start: int, end: int, s: int) -> bool:
    """Whether the percentage at ``text[start:end]`` (in the sentence starting at ``s``) is the rate for the
    companies with no rate of their own.

    Parameters
    ----------
    text : str
        The article's text.
    start, end : int
        The figure's span.
    s : int
        Its sentence's start.

    Returns
    -------
    bool
        True for "… other companies will pay N%", "a residual rate of N%", "N% for all other exporters".
    """
    return bool(_REST_BEFORE.search(text[max(s, start - 70):start]) or _REST_AFTER.match(text, end))


def residual_rate_subject(R: Any, market: Any, s: int, e: int) -> Any:
    """The subject of a residual rate in the sentence ``text[s:e]``: the market that charges the duty, else the
    public body named in the sentence, else its country or union, else the public body named last before it.

    Parameters
    ----------
    R : ObservationRules
        The extractor.
    market : Mention or None
        The market the subject rules found for the sentence's tariff.
    s, e : int
        The sentence's bounds.

    Returns
    -------
    Mention or None
        The subject.
    """
    if market is not None:
        return market
    bodies = [m for m in R.ents.mentions if m.file == "organizations" and m.kind in {"government-body", "ministry"}
              and m.start < e]
    inside = [m for m in bodies if m.start >= s]
    if inside:
        return inside[-1]
    country = next((m for m in R.ents.mentions if m.file == "places" and s <= m.start < e and not
                    m.rule.startswith("demonym") and m.kind in {"country", "economic-union", "union", "region"}), None)
    return country or (bodies[-1] if bodies else None)


def charged_payer(doc: Any, start: int, end: int, mention_at: Any) -> Any:
    """The company a rate at ``doc.text[start:end]`` is charged to, named as the verb's indirect object ("the
    Commission charges X a duty of 16.4%", "imposes on … X a levy of N%"): its mention (``mention_at`` maps a
    token to one), else ``None``."""
    from nevkg.ingest.extract.spans import span_at

    span = span_at(doc, start, end) if doc is not None else None
    tok = span.root if span is not None else None
    for _ in range(3):  # up from the figure to the rate noun ("a duty of 16.4%")
        if tok is None or tok.lemma_.lower() in _RATE_NOUNS or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok is None or tok.lemma_.lower() not in _RATE_NOUNS or tok.dep_ != "dobj":
        return None
    dative = next((c for c in tok.head.children if c.dep_ == "dative"), None)
    m = mention_at(dative) if dative is not None else None
    return m if m is not None and m.file == "organizations" else None
