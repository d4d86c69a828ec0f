"""Where money put "in the project" or "into the plant" goes: the place of the investor's site named before.

A plant agreement is often told in two sentences: "X will build a plant in Y." then "X will invest N in the
project." The second names no place; its object is a site noun with a determiner, which speaks of the site the
article named for the same investor.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.vocab import SITE_NOUNS

__all__ = ["SITE_OBJECTS", "earlier_site_place"]

#: nouns that speak again of a production site or a project
SITE_OBJECTS = SITE_NOUNS | {"project", "venture"}


def earlier_site_place(preps: list[Any], investor: Mention, candidates: list[Any],
                       mentions: list[Mention]) -> list[Mention]:
    """The place of the latest production site proposed for ``investor`` when the money goes "in the project"
    (a site noun with "the", "this" or "its" as the object of one of ``preps``); else ``[]``.

    Parameters
    ----------
    preps : list of spacy.tokens.Token
        The prepositions ("in", "into") of the investing verb.
    investor : Mention
        Who invests.
    candidates : list of Candidate
        The candidates proposed so far (sites among them).
    mentions : list of Mention
        The article's mentions (the site's place is one).

    Returns
    -------
    list of Mention
        One mention of the site's place, or none.
    """
    spoken = any(obj.lemma_.lower() in SITE_OBJECTS and any(d.lower_ in {"the", "this", "its"} for d in obj.children)
                 and not any(d.dep_ == "prep" for d in obj.children)
                 for p in preps for obj in p.children if obj.dep_ == "pobj")
    if not spoken:
        return []
    site = next((c for c in reversed(candidates) if c.file == "sites" and investor.id in c.record.get("operator", [])
                 and c.record.get("place") and c.record.get("kind") != "production-project"
                 and c.record.get("status") not in {"considered", "dropped", "denied"}), None)
    if site is None:
        return []
    return [m for m in mentions if m.id == site.record["place"]][:1]
