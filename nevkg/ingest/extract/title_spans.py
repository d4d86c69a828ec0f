"""Where a title phrase read from the parse ends, and the posts a person holds besides the first.

- "NAME is TITLE of ORG, the overseas arm of ORG2": the words after the comma describe ORG; the title ends at
  ORG (the parser hangs the apposition on ORG, inside the title's subtree).
"""

from __future__ import annotations

from typing import Any

__all__ = ["cut_at_described_org"]

#: the punctuation that opens an apposition or a clause on a name
_OPENERS = {",", "(", ";", "—", "–"}


def cut_at_described_org(tokens: list[Any], mentions: list[Any]) -> list[Any]:
    """The tokens of a title phrase up to an organisation that a comma (or bracket, dash) then describes.

    Parameters
    ----------
    tokens : list
        The phrase's parser tokens, in text order.
    mentions : list
        The article's mentions (with ``start``, ``end`` and ``file``).

    Returns
    -------
    list
        ``tokens`` cut before the first opener that follows an organisation's name inside the phrase; the whole
        phrase when no organisation is named before such an opener.
    """
    if not tokens:
        return tokens
    start = tokens[0].idx
    for k, t in enumerate(tokens[1:], 1):
        if t.is_punct and t.text in _OPENERS and any(
                m.file == "organizations" and start <= m.start and m.end <= t.idx
                and not tokens[k - 1].text.endswith(("'s", "’s")) for m in mentions):
            return tokens[:k]
    return tokens
