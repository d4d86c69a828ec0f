"""A market is a country: a sale proposed at a city is moved to the country the city lies in.

The cue rules read the place after "in" or "to"; when that place is a city ("sells through showrooms in Riyadh",
"opened its first store in Santiago, Chile"), the market the sentence speaks of is the city's country. The country
comes from the records (a known city's ``located_in`` chain), from the container the article states ("Santiago,
Chile") or from a new place's ``located_in``. Without one the city stays; so does an office, a hub or a centre,
and a port or city that goods are shipped to. A market already proposed at that country for the same company and
activity is not proposed twice.
"""

from __future__ import annotations

__all__ = ["MarketLevelRules"]

#: the activities whose market is a country (an office, a hub or a centre stays at its city, and so does a port or a
#: city goods are shipped to)
_TRADE = {"sells-in"}
#: kinds of place that are no market of their own
_LOCAL = {"city", "district", "port", "place", "town", "municipality"}


class MarketLevelRules:
    """Moves market presence proposed at a city to its country (a mixin of the extractor)."""

    def city_markets(self, before: set[int]) -> None:
        """Move the market presence candidates added since ``before`` (ids of the candidates that were there) whose
        market is a city to the city's country."""
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and c.record.get("activity") in _TRADE]:
            market = cand.record.get("market")
            country = self.ents.country_above(market) if self.ents.kind_of(market) in _LOCAL else None
            if country is None:
                continue
            r = cand.record
            if any(c is not cand and c.file == "market_presence" and c.record.get("exporter") == r.get("exporter")
                   and c.record.get("activity") == r.get("activity") and c.record.get("market") == country
                   for c in self.candidates):
                cand.notes.append(f"withdrawn: the same market as its country {country}")
                self.candidates.remove(cand)
                continue
            r["market"] = country
            r["label"] = r.get("label", "").replace(self.label(market), self.label(country))
            cand.notes.append(f"market moved from the city {market} to its country")
