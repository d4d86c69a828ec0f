"""A market spoken of again: "… since it entered the market in 2025" enters the country named just before.

News names a country once ("ships cars to India", "sells its SUVs in Peru") and then says when the company came
in with "the market" ("since it entered the market in 2025", "its entry into the market"). The country is the
last one the sentence names before the cue, else the last one of the sentence before in the same paragraph; the
company is the one the clause speaks of (its anaphor "it" resolved, else the organisation named last before the
cue). A market already entered by the company is not proposed twice; "the Chinese market" names the country of
the adjective, not one spoken of again, and is left to the market rules.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["MarketBackRules"]

#: "entered the market", "its entry into the market", "entering the local market"
_ENTERED_BACK = re.compile(r"\b(?:entered|enters|entering|enter|entry\s+into)\s+the\s+(?:local\s+|domestic\s+)?"
                           r"market\b(?!\s+(?:for|of)\b)(?!\s+(?:in|of)\s+(?:the\s+)?[A-Z])", re.I)


class MarketBackRules:
    """Market entries whose market is "the market" named before (a mixin of the extractor)."""

    candidates: list[Any]
    text: str

    def markets_back(self, s: int, e: int) -> None:
        """Propose an entry for each "entered the market" of the sentence ``s``–``e`` into the country named
        last before it (in this sentence, else in the one before in its paragraph).

        Parameters
        ----------
        s, e : int
            The sentence's offsets in the text.
        """
        for m in _ENTERED_BACK.finditer(self.text, s, e):
            country = self._country_before(m.start(), s)
            actor = self._actor_before(m.start(), s, self.orgs_in(s, e))  # type: ignore[attr-defined]
            if country is None or actor is None or actor.file != "organizations":
                continue
            if any(c.file == "market_presence" and c.record.get("exporter") == actor.id
                   and c.record.get("market") == country.id and c.record.get("activity") == "entered"
                   for c in self.candidates):
                continue
            rec = {"label": f"{self.label(actor.id)} entered {self.label(country.id)}",  # type: ignore[attr-defined]
                   "exporter": actor.id, "market": country.id, "activity": "entered"}
            self.add("market_presence", {"id": self.cid(f"{actor.id}-entered-{country.id}"), **rec},  # type: ignore[attr-defined]
                     0.5, [(actor.start, actor.end), m.span(), (country.start, country.end)], "presence:entered-back")

    def _country_before(self, pos: int, s: int) -> Any:
        """The country named last before ``pos`` in the sentence from ``s``, else in the sentence before it (same
        paragraph); not an adjective ("Chinese")."""
        para = self.text.rfind("\n", 0, s) + 1
        ends = [para + x.end() for x in re.finditer(r"[.!?][\"”’]?\s+", self.text[para:s])]
        prev = ends[-2] if len(ends) >= 2 else para  # where the sentence before this one starts
        for lo in (s, prev):
            found = [p for p in self.mentions_in(lo, pos, ("places",))  # type: ignore[attr-defined]
                     if (p.kind or "") == "country" and not p.rule.startswith("demonym")]
            if found:
                return max(found, key=lambda p: p.end)
        return None
