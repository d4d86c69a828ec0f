"""A partner named in a clause that opens with its market: "In the UK we work with X", "In Mexico, our partner is
Y", "In Kenya, Z was appointed as its distributor".

A cooperation proposed in a clause that opens with "In <country or region>" is the carmaker's way into that market:
the carmaker sells there. Not when the clause speaks of making or money (a plant, an assembly line, a stake, an
investment: "In Brazil, X teamed up with Y to build a plant" is no sale).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["FrontedMarketRules"]

#: where a clause starts: the sentence's start, after a semicolon, or after ", and" / ", while" / ", but"
_CLAUSE_OPEN = re.compile(r"(?:^\s*|;\s*|,\s+(?:and|while|but|whereas)\s+)[\"“]?[Ii]n\s+(?:the\s+)?$")
#: a turn to another clause between the market and the partnership's cue
_CLAUSE_TURN = re.compile(r"[.;]|,\s+(?:and|while|but|whereas)\s")
#: a clause about making or money, whose partner is no sales channel
_MAKING = re.compile(r"\b(?:plants?|factor(?:y|ies)|assembl\w*|produc\w*|build\w*|manufactur\w*|stakes?|invest\w*|"
                     r"joint\s+venture|JV|batter(?:y|ies)|cells?|research|develop\w*)\b", re.I)
#: kinds of place that are markets
_MARKETS = {"country", "region", "economic-union"}


class FrontedMarketRules:
    """Sales in the market a partnership's clause opens with (a mixin of the extractor)."""

    candidates: list[Any]
    text: str

    def fronted_markets(self, before: set[int], s: int, e: int) -> None:
        """For each cooperation added since ``before`` (ids of the candidates there before the sentence was read)
        in a clause opening "In <market>", propose its carmaker's sale in that market."""
        added = [c for c in self.candidates if id(c) not in before and c.file == "partnerships"
                 and c.record.get("kind") in {"cooperation", "distribution"}]
        if not added:
            return
        places = [m for m in self.mentions_in(s, e, ("places",)) if m.kind in _MARKETS]  # type: ignore[attr-defined]
        for cand in added:
            cue = min(a for a, _ in cand.spans)
            market = next((p for p in reversed(places) if p.end <= cue and _CLAUSE_OPEN.search(self.text[s:p.start])
                           and not _CLAUSE_TURN.search(self.text[p.end:cue])), None)
            if market is None:
                continue
            clause_end = re.search(r";|,\s+(?:and|while|but|whereas)\s+[\"“]?[Ii]n\s", self.text[cue:e])
            if _MAKING.search(self.text, market.end, cue + clause_end.start() if clause_end else e):
                continue
            maker = self._partner_mention(cand, s, e)
            if maker is not None:
                self.listed_market(maker, market, "sells-in", [], (market.start, market.end),  # type: ignore
                                   "presence:fronted-partner")

    def _partner_mention(self, cand: Any, s: int, e: int) -> Mention | None:
        """The mention, in the sentence, of the partnership's carmaker or brand: its first partner when that is one
        (else the first that is, else its first partner)."""
        partners = cand.record.get("partners") or []
        if not partners:
            return None
        pool = self.mentions_in(s, e, ("organizations",)) + [  # type: ignore[attr-defined]
            a for a in self.ents.anaphors if s <= a.start < e and a.file == "organizations"]  # type: ignore
        kinds = {m.id: m.kind for m in pool}
        maker = partners[0] if kinds.get(partners[0]) in {"automaker", "brand"} else next(
            (p for p in partners if kinds.get(p) in {"automaker", "brand"}), partners[0])  # (the actor, listed first)
        spans = set(cand.spans)
        return next((m for m in pool if m.id == maker and (m.start, m.end) in spans), None) or next(
            (m for m in pool if m.id == maker), None)
