"""A company's share of a market is a sale there: "BYD took 3.4% of Mexico's car market", "MG remains the largest
Chinese seller with a 7.2% share" in a story about Mexico.

After the statistics are read, each market-share figure of an organisation gives its sales in the figure's market:
the place the figure names (its destination), else the market the article is about — the dateline's country, or
the one country the article names far more often than any other. Never the company's home country, nor a share
of exports or of a company's own sales.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

__all__ = ["ShareMarketRules"]

#: measures of a share of a market (not of exports or of a company's own sales)
_SHARES = {"market-share", "combined-market-share"}


#: words that say the share is of a market's sales
_OF_SALES = re.compile(r"\bmarkets?\b|\bsales\b|\bsold\b|\bsell(?:er|ers|ing)\b|\bregistrations?\b|"
                       r"\bbrands?\b", re.I)


class ShareMarketRules:
    """Sales in a market from a company's share of it (a mixin of the extractor)."""

    candidates: list[Any]

    def share_markets(self) -> None:
        """Propose sales in its market for each organisation's market-share figure."""
        focus = self._focus_market()
        for obs in [c for c in self.candidates if c.file == "observations"
                    and c.record.get("measure") in _SHARES]:
            rec = obs.record
            who, market = rec.get("subject"), rec.get("destination") or focus
            if not who or not market or who == market or self._file_of(who) != "organizations" \
                    or self._file_of(market) != "places" or self._home_of(who) == market:
                continue
            if any(c.file == "market_presence" and c.record["exporter"] == who and c.record["market"] == market
                   for c in self.candidates) or not _OF_SALES.search(self._sentence_at(obs.spans[0][0])):
                continue  # (a share of "all paid rides" or of a fleet is no share of a market)
            body = {"label": f"{self.label(who)} sales in {self.label(market)}",  # type: ignore[attr-defined]
                    "exporter": who, "market": market, "activity": "sells-in"}
            if rec.get("period_start"):
                body["start"], body["end"] = rec["period_start"], rec["period_end"]
            self.add("market_presence", {"id": self.cid(f"{who}-sells-in-{market}"), **body},  # type: ignore
                     0.5, list(obs.spans), "share:market",
                     notes=["a share of this market, so sales there" + ("" if rec.get("destination") else
                                                                       " (the market the article is about)")])

    def _sentence_at(self, pos: int) -> str:
        return next((self.text[s:e] for s, e, _ in self._sentences if s <= pos < e), "")  # type: ignore[attr-defined]

    def _focus_market(self) -> str | None:
        """The country the article is about: its dateline's, else the one it names at least three times and more
        than twice as often as any other (countries named by an adjective not counted)."""
        dateline = self.ents.dateline_country()  # type: ignore[attr-defined]
        if dateline:
            return dateline
        counts = Counter(m.id for m in self.ents.mentions  # type: ignore[attr-defined]
                         if m.file == "places" and m.kind == "country" and not m.rule.startswith("demonym"))
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _file_of(self, rid: str) -> str | None:
        entry = self.gaz.entries.get(rid)  # type: ignore[attr-defined]
        meta = self.ents.new_meta.get(rid)  # type: ignore[attr-defined]
        return entry.file if entry is not None else meta.file if meta is not None else None

    def _home_of(self, rid: str) -> str | None:
        entry = self.gaz.entries.get(rid)  # type: ignore[attr-defined]
        if entry is not None:
            return entry.parents[0] if entry.parents else None
        return (self.ents.new.get(rid) or {}).get("country")  # type: ignore[attr-defined]
