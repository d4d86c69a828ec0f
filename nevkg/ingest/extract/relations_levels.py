"""A market is a country: a sale proposed at a city is moved to the country the city lies in.

The cue rules read the place after "in" or "to"; when that place is a city ("sells through showrooms in Riyadh",
"opened its first store in Santiago, Chile"), the market the sentence speaks of is the city's country. The country
comes from the records (a known city's ``located_in`` chain), from the container the article states ("Santiago,
Chile") or from a new place's ``located_in``. Without one the city stays; so does an office, a hub or a centre,
and a port or city that goods are shipped to. A market already proposed at that country for the same company and
activity is not proposed twice. A new city whose country nobody says is no market of its own either when the same
sentence has the company selling in a country ("showrooms in Saudi Arabia, including in Riyadh and Jeddah").
A town where the article places a company's site is no exporter either: the company is.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["MarketLevelRules"]

#: the activities whose market is a country (an office, a hub or a centre stays at its city, and so does a port or a
#: city goods are shipped to)
_TRADE = {"sells-in", "targets-market"}
#: kinds of place that are no market of their own, nor an exporter (relations_invest: "shipping from a town")
_LOCAL = {"city", "district", "port", "place", "town", "municipality", "state", "province"}
#: of these, the towns (not a "place", which may be a region: "Benelux")
_TOWNS = _LOCAL - {"place"}
#: the country whose industry the graph maps, and the activities that speak of a market abroad
_HOME = "china"
_DOMESTIC = {"sells-in", "delivers-to", "entered", "targets-market"}
#: what names a town as where stores are, or as one of a country's listed towns
_STORE_TOWN = re.compile(r"(?:\b(?:showrooms?|stores?|outlets?|dealers(?:hips?)?|branches|service\s+cent(?:re|er)s)\s+"
                         r"(?:[\w\-]+\s+){0,3}?in|\bincluding(?:\s+in)?)\s+(?:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?,?\s+"
                         r"(?:and\s+)?)*$")


#: names of regions of several countries, never one country's town
_REGION_WORD = re.compile(r"\b(?:Benelux|Scandinavia|Nordics?|Balkans|Baltics?|Caucasus|Maghreb|Levant|Gulf|Sahel|"
                          r"Caribbean|Iberia|Europe|Asia|Africa|America)\b")
#: the kinds of place inside a country
_SUBNATIONAL = {"province", "state", "city", "district", "port"}
#: kinds of organisation that count, rule or report on a market but sell nothing in it
_NO_SELLERS = {"industry-association", "business-association", "publisher", "research-centre", "university"}


class MarketLevelRules:
    """Moves market presence proposed at a city to its country (a mixin of the extractor)."""

    def city_markets(self, before: set[int]) -> None:
        """Move the market presence candidates added since ``before`` (ids of the candidates that were there) whose
        market is a city to the city's country (a road is no market: "showrooms and chargers along the X Road")."""
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"]:
            market = cand.record.get("market")
            if self.ents.kind_of(market) == "road":
                cand.notes.append("withdrawn: a road is no market")
                self.candidates.remove(cand)
                continue
            if cand.record.get("activity") not in _TRADE:
                continue
            local = self.ents.kind_of(market) in _LOCAL
            country = self.ents.country_above(market) if local else None
            if country is None and self.ents.kind_of(market) in _TOWNS and not self.gaz.entries.get(market) \
                    and self._store_town(cand) and any(
                    c is not cand and id(c) not in before and c.file == "market_presence"
                    and c.record.get("exporter") == cand.record.get("exporter")
                    and c.record.get("activity") == cand.record.get("activity")
                    and self.ents.kind_of(c.record.get("market")) == "country" for c in self.candidates):
                cand.notes.append("withdrawn: a new city of a sentence that names the seller's country market")
                self.candidates.remove(cand)  # "in Saudi Arabia, including in Riyadh, Jeddah and Dammam"
                continue
            if country is None and cand.record.get("activity") == "sells-in" and self._local_town(market):
                country = self.ents.home_country()  # a new town of no known country, in a local paper's story
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
            if r["id"].endswith(f"-{market}") and not any(r["id"] in str(c.record.values()) for c in self.candidates
                                                             if c is not cand):
                self.used_ids.discard(r["id"])  # (the id names the market too: "x-sells-in-guyana", not "…-shaanxi")
                r["id"] = self.cid(f"{r['id'][:-len(market)]}{country}")
            cand.notes.append(f"market moved from the city {market} to its country")

    def _local_town(self, pid: str) -> bool:
        """A town the article proposes, that neither the records nor the world's larger towns place anywhere, and
        whose name is one place's ("Marka", "Oshakati"; not "Madrid", "Benelux", "Scandinavia")."""
        from nevkg.ingest.cities import city_country
        from nevkg.ingest.countries import COUNTRIES

        rec = self.ents.new.get(pid) or {}
        label = rec.get("label") or ""
        return self.ents.kind_of(pid) in _TOWNS and not self.gaz.entries.get(pid) and city_country(label) is None \
            and label not in COUNTRIES and not _REGION_WORD.search(label)

    def domestic_sales(self, before: set[int]) -> None:
        """Withdraw the sales, deliveries and entries proposed since ``before`` whose market is China: the graph maps
        the Chinese industry's markets abroad, and no record (nor gold) holds a sale at home ("sold in Wuhu", "its
        robotaxis in Chinese cities"); so are a country's sales in its own towns, a company's exports to a town or
        province at home or in no known country, and the sales of bodies that sell nothing."""
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and c.record.get("market") == _HOME and c.record.get("activity") in _DOMESTIC]:
            cand.notes.append("withdrawn: a sale in China is no export market")
            self.candidates.remove(cand)
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and self.ents.kind_of(c.record.get("exporter")) == "country"
                     and self.ents.country_above(c.record.get("market") or "") == c.record["exporter"]]:
            self.candidates.remove(cand)  # "In Uzbekistan, the cars will be sold in Tashkent": a country's own town
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and c.record.get("activity") == "exports-to" and self.ents.kind_of(c.record.get("exporter"))
                     != "country" and self.ents.kind_of(c.record.get("market")) in _SUBNATIONAL
                     and self.ents.country_above(c.record["market"]) in {None, self._home_of(c.record["exporter"])}]:
            self.candidates.remove(cand)  # "X, based in Lu'an, also in Anhui, exported 212,300 vehicles": a
            # company's exports go to a town or province abroad, never to one at home or in no known country
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and self.ents.kind_of(c.record.get("exporter")) in _NO_SELLERS]:
            self.candidates.remove(cand)  # "sales rose 9%, the association said": a body that counts sells nothing
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and c.record.get("activity") == "sells-in" and c.record.get("market")
                     and self._home_of(c.record.get("exporter")) == c.record["market"]]:
            self._brand_sold_at_home(cand)  # "the Riyadh-based distributor sells its cars in Saudi Arabia"

    def _brand_sold_at_home(self, cand: Any) -> None:
        """A local company's sale in its own country is the sale there of the carmaker or brand it works with (its
        partner in the article, when there is one): the partner sells there; the local company's own record goes."""
        seller = cand.record["exporter"]
        makers = [p for c in self.candidates if c.file == "partnerships" and seller in (c.record.get("partners") or [])
                  for p in c.record["partners"] if p != seller and self.ents.kind_of(p) in {"automaker", "brand"}
                  and self._home_of(p) != cand.record["market"]]
        if len(set(makers)) != 1:
            return
        self.candidates.remove(cand)
        maker = makers[0]
        if not any(c.file == "market_presence" and c.record.get("exporter") == maker and c.record.get("market") ==
                   cand.record["market"] and c.record.get("activity") == "sells-in" for c in self.candidates):
            cand.record.update(exporter=maker, id=self.cid(f"{maker}-sells-in-{cand.record['market']}"),
                               label=f"{self.label(maker)} sells in {self.label(cand.record['market'])}")
            cand.notes.append(f"sold at home by its partner {seller}: the partner's brand sells there")
            self.candidates.append(cand)

    def _home_of(self, rid: str | None) -> str | None:
        """The country a known or new organisation's record says it is from (its country, or its town's)."""
        entry = self.gaz.entries.get(rid) if rid else None
        rec = self.ents.new.get(rid) or {} if rid else {}
        town = rec.get("based_in")
        return rec.get("country") or (self.ents.country_above(town) if town else None) or (
            (entry.parents[0] if entry.file == "organizations" and entry.parents else None) if entry is not None
            else None)  # (a known organisation's country is the first of its record's parents)

    def town_exporters(self, before: set[int]) -> None:
        """A town proposed as an exporter since ``before`` ("vehicles from Sagamu to be exported to Ghana") stands
        for the company whose site the article places there: the site's operator exports. A town or port with no
        site named there stays (a port's or a city's exports are its own figures: "exports through Nansha")."""
        for cand in [c for c in self.candidates if id(c) not in before and c.file == "market_presence"
                     and self.ents.kind_of(c.record.get("exporter")) in _TOWNS - {"port"}]:
            town = cand.record["exporter"]
            site = next((c for c in reversed(self.candidates) if c.file == "sites" and c.record.get("place") == town
                         and c.record.get("operator")), None)
            if site is None:
                continue
            op = site.record["operator"][0]
            self.candidates.remove(cand)
            if not any(c.file == "market_presence" and c.record.get("exporter") == op
                                          and c.record.get("market") == cand.record.get("market")
                                          and c.record.get("activity") == cand.record.get("activity")
                                          for c in self.candidates):
                cand.record["exporter"] = op
                cand.record["label"] = cand.record.get("label", "").replace(self.label(town), self.label(op), 1)
                cand.record["id"] = self.cid(f"{op}-{cand.record['activity']}-{cand.record['market']}")
                cand.notes.append(f"the exporter was the town {town}: the operator of its site")
                self.candidates.append(cand)

    def _store_town(self, cand: Any) -> bool:
        """Whether the candidate's market is named as where stores are or in a list after "including"
        ("showrooms in Riyadh and Jeddah", "in Saudi Arabia, including in Riyadh")."""
        market = cand.record.get("market")
        spans = [(a, b) for a, b in cand.spans if any(m.id == market and (m.start, m.end) == (a, b)
                                                      for m in self.ents.mentions)]
        return any(_STORE_TOWN.search(self.text[max(0, a - 90):a]) for a, _ in spans)
