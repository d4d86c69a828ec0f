"""Production moved to another place: "X moved its compact van to Poland", "shifted the model to Spain",
"relocated the line to Slovakia". The place the vehicle or line goes to is where the company now builds it: a
production site of the company there (the place it left is not; no site is proposed for it here).
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["MovedProductionRules"]

#: verbs of moving something to another place
_MOVE = {"move", "shift", "relocate", "transfer"}
#: what is moved when production moves: a vehicle or a line of it
_MOVED = {"van", "car", "suv", "model", "pickup", "truck", "bus", "line", "sedan", "hatchback", "vehicle"}


class MovedProductionRules:
    """Sites read from production moved to a place (a mixin of the extractor's parsed relations)."""

    def moved_production(self, sent: Any, orgs: list[Mention], places: list[Mention]) -> None:
        """Propose a site of the mover at the place a vehicle or line is moved to ("moved its van to Poland").

        Parameters
        ----------
        sent : spacy.tokens.Span
            The sentence's parse.
        orgs : list of Mention
            Its organisations (anaphors included).
        places : list of Mention
            Its places.
        """
        for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _MOVE):
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            moved = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not any(c.lemma_.lower() in _MOVED or self._mention_of(c, ("vehicle_models",)) for c in moved):
                continue
            to = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                  if p.dep_ == "pobj"]
            where = [m for t in to for m in places if m.start <= t.idx < m.end]
            actor = self._actor(verb, orgs) if where else None
            if actor is None or any(c.file == "sites" and actor.id in c.record.get("operator", [])
                                    and c.record.get("place") == where[0].id for c in self.candidates):
                continue
            place = where[0]
            self.add("sites", {"id": self.cid(f"{actor.id}-plant-{place.id}"),
                               "label": f"{self.label(actor.id)} production in {self.label(place.id)}",
                               "kind": "factory", "operator": [actor.id], "place": place.id}, 0.45,
                     [(actor.start, actor.end), (verb.idx, verb.idx + len(verb.text)), (place.start, place.end)],
                     "parse:site:moved-to")
