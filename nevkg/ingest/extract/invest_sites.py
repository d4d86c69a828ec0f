"""Where money put "in the project" or "into the plant" goes: the place of the investor's site named before.

A plant agreement is often told in two sentences: "X will build a plant in Y." then "X will invest N in the
project." The second names no place; its object is a site noun with a determiner, which speaks of the site the
article named for the same investor.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.vocab import SITE_NOUNS

__all__ = ["SITE_OBJECTS", "SPOKEN_SITE_NOUNS", "earlier_site_place", "site_spoken_of"]

#: nouns that speak again of a production site or a project
SITE_OBJECTS = SITE_NOUNS | {"project", "venture"}
#: nouns that, as a clause's subject, speak of a site named before ("the plant", "the new phase", "the hub")
SPOKEN_SITE_NOUNS = SITE_NOUNS | {"phase", "project", "base", "line", "hub"}


def earlier_site_place(preps: list[Any], investor: Mention, candidates: list[Any],
                       mentions: list[Mention], objects: tuple[Any, ...] = ()) -> list[Mention]:
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
    objects : tuple of spacy.tokens.Token
        Other nouns that may speak of the site: the objects of the money's purpose ("to expand the plant").

    Returns
    -------
    list of Mention
        One mention of the site's place, or none.
    """
    spoken = any(obj.lemma_.lower() in SITE_OBJECTS and any(d.lower_ in {"the", "this", "its"} for d in obj.children)
                 and not any(d.dep_ == "prep" for d in obj.children)
                 for obj in [*(o for p in preps for o in p.children if o.dep_ == "pobj"), *objects])
    if not spoken:
        return []
    site = next((c for c in reversed(candidates) if c.file == "sites" and investor.id in c.record.get("operator", [])
                 and c.record.get("place") and c.record.get("kind") != "production-project"
                 and c.record.get("status") not in {"considered", "dropped", "denied"}), None)
    if site is None:
        return []
    return [m for m in mentions if m.id == site.record["place"]][:1]


def site_spoken_of(rules: Any, cue: Any) -> tuple[Mention, Mention] | None:
    """The operator and place of the production site the cue's clause is about ("the plant", "the factory",
    "the new phase" as subject): the site proposed last in the article. ``rules`` is the extractor."""
    verb, subjects = cue, []
    for _ in range(6):  # up to the first verb with a subject ("the plant is set to serve as …")
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}] if verb.pos_ in {
            "VERB", "AUX"} else []
        if subjects or verb.head.i == verb.i:
            break
        verb = verb.head
    again = cue.lemma_.lower() == "investment" and cue.dep_ in {"nsubj", "nsubjpass"} and any(
        c.lower_ in {"the", "this"} for c in cue.children)  # "The investment of N will create …"
    if not again and not any(c.lemma_.lower() in SPOKEN_SITE_NOUNS and not rules._mention_of(c, anaphors=False)
                             for c in subjects):
        return None
    sites = [c for c in rules.candidates if c.file == "sites" and c.record.get("place")
             and c.record.get("operator") and c.record.get("kind") != "production-project"]
    if not sites:
        return None
    # the site whose place is named nearest before the cue ("The Extrema investment", "Extrema is … This
    # investment …"), else the one proposed last
    near = [m.id for m in rules.ents.mentions if m.file == "places" and cue.idx - 250 <= m.start <= cue.idx + 30]
    rec = next((c.record for p in reversed(near) for c in reversed(sites) if c.record["place"] == p),
               sites[-1].record)
    who = next((m for m in rules.ents.mentions if m.id == rec["operator"][0]), None)
    where = next((m for m in rules.ents.mentions if m.id == rec["place"]), None)
    return (who, where) if who is not None and where is not None else None
