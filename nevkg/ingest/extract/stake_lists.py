"""A company's shareholders listed with their shares: "The company's major shareholders are A (32.6%), B (17.9%)
and C (8.4%)", "X's largest shareholders include A (40 %) and B (12 %)". Each listed holder holds that share of the
company; read by :meth:`~.relations_stakes.StakeRules.stakes`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.stake_forms import BRACKETED_PCT

__all__ = ["listed_shareholders"]

#: "'s (major) shareholders are", "'s largest shareholders include"
_HOLDERS_ARE = re.compile(r"['’]s?\s+(?:(?:major|main|largest|principal|biggest|key|other|top)\s+)*"
                          r"share-?holders?\s+(?:are|were|include|included|comprise|now\s+include)\s+")


def listed_shareholders(R: Any, s: int, e: int, orgs: list[Mention]) -> None:
    """Propose the stake of each holder a list in ``text[s:e]`` gives with its share in brackets.

    Parameters
    ----------
    R : StakeRules
        The extractor (its ``_stake`` records a stake).
    s, e : int
        The sentence's bounds.
    orgs : list of Mention
        The organisations named in it, anaphors ("The company") too.
    """
    text = R.text
    for m in _HOLDERS_ARE.finditer(text, s, e):
        owner = next((o for o in orgs if o.end == m.start()), None)
        if owner is None:
            continue
        end = text.find("\n", m.end())  # (the parser may end a sentence at a holder's "Ltd.": the list goes on)
        pos = m.end()
        for o in R.orgs_in(m.end(), end if end >= 0 else len(text)):
            share = re.match(rf"\.?{BRACKETED_PCT}", text[o.end:o.end + 20])  # (after "Ltd.")
            if o.start < pos or share is None or o.id == owner.id or not re.fullmatch(
                    r"\s*(?:,|,?\s+and)?\s*(?:the\s+)?", text[pos:o.start]):
                break
            pct = float(share.group("pct"))
            R._stake(o, owner, pct, pct > 50, (m.start(), m.end()))
            pos = o.end + share.end()
