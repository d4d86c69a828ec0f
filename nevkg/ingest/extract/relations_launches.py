"""A launch named by the adjective of its place: "a European launch set for 2026", "BYD's Mexican debut", "its UK
roll-out" (a mixin of the parsed relations, :class:`~nevkg.ingest.extract.parsed.ParsedRelations`, whose actor
finder it uses).

The place is the adjective's (a demonym, or a place's name used as one) hung on a noun of launching; the company
is the noun's possessor or its clause's subject. A robotaxi operator's launch (the sentence speaks of driverless
cars, or the company runs them already) is a deployment there; any other is an entry into the market. A launch
spoken of as to come ("set for", "planned", "will", "next year") is a planned deployment or a market targeted.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_deploy import DRIVERLESS
from nevkg.ingest.extract.vocab import TO_COME_RE

__all__ = ["LaunchRules"]

#: nouns of launching in a place
_LAUNCH = {"launch", "debut", "rollout", "roll-out", "premiere", "entry", "expansion"}
#: words that put a launch in the future (or put it off)
_TO_COME = re.compile(rf"\b(?:{TO_COME_RE}|set|slated|scheduled|due|expected|targets?|next\s+year|later\s+this\s+year|"
                      r"upcoming|coming|"
                      # (a launch put off is still to come: "the Australian launch has been moved to 2027")
                      r"postponed|delayed|deferred|pushed\s+back|put\s+off|moved\s+to)\b", re.I)


class LaunchRules:
    """Launches named by the adjective of their place."""

    def adjective_launches(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose a market entry (or a robotaxi deployment) for each launch noun whose adjective names a place.

        Parameters
        ----------
        sent : spacy.tokens.Span
            The sentence.
        orgs : list of Mention
            Its organisations.
        """
        for noun in sent:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _LAUNCH:
                continue
            for adj in (c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i):
                place = self._mention_of(adj, ("places",), anaphors=False)  # type: ignore[attr-defined]
                actor = self._launcher(noun, orgs) if place is not None else None
                if actor is None or actor.file != "organizations" or (place.kind or "") == "economic-union":
                    continue
                later = bool(_TO_COME.search(sent.text))
                if DRIVERLESS.search(sent.text) or self.runs_driverless({actor.id}):  # type: ignore[attr-defined]
                    self._launch_deployment(actor, place, noun, later)
                else:
                    self._launch_entry(actor, place, noun, later)

    def _launcher(self, noun: Any, orgs: list[Mention]) -> Mention | None:
        """Whose launch: the noun's possessor or its clause's subject; where the noun is that subject itself ("…,
        with a European launch set for 2026"), the subject of a clause above it."""
        actor = self._actor(noun, orgs)  # type: ignore[attr-defined]
        if actor is not None or noun.dep_ not in {"nsubj", "nsubjpass"}:
            return actor
        for verb in noun.head.ancestors:
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return self._mention_of(subj)  # type: ignore[attr-defined]
        return None

    def _launch_deployment(self, actor: Mention, place: Mention, noun: Any, later: bool) -> None:
        if any(c.file == "deployments" and c.record.get("operator") == actor.id
               and place.id in c.record.get("places", []) for c in self.candidates):  # type: ignore[attr-defined]
            return
        rec: dict[str, Any] = {"label": f"{self.label(actor.id)} robotaxi service in "  # type: ignore[attr-defined]
                                        f"{self.label(place.id)}",  # type: ignore[attr-defined]
                               "kind": "robotaxi-service", "operator": actor.id, "places": [place.id]}
        if later:
            rec["status"] = "planned"
        self.add("deployments", {"id": self.cid(f"{actor.id}-robotaxi-{place.id}"), **rec},  # type: ignore[attr-defined]
                 0.5, [(actor.start, actor.end), (place.start, place.end), (noun.idx, noun.idx + len(noun.text))],
                 f"parse:launch:{noun.lemma_.lower()}")

    def _launch_entry(self, actor: Mention, place: Mention, noun: Any, later: bool) -> None:
        activity = "targets-market" if later else "entered"
        if any(c.file == "market_presence" and c.record.get("exporter") == actor.id
               and c.record.get("market") == place.id for c in self.candidates):  # type: ignore[attr-defined]
            return
        verb = "targets" if later else "entered"
        rec = {"label": f"{self.label(actor.id)} {verb} {self.label(place.id)}",  # type: ignore[attr-defined]
               "exporter": actor.id, "market": place.id, "activity": activity}
        self.add("market_presence", {"id": self.cid(f"{actor.id}-{activity}-{place.id}"), **rec},  # type: ignore[attr-defined]
                 0.5, [(actor.start, actor.end), (place.start, place.end), (noun.idx, noun.idx + len(noun.text))],
                 f"parse:launch:{noun.lemma_.lower()}")
