"""Brands ranked by their sales in one market: each sells there.

"The top brands in October were: 1. BYD - 3,104 units (31.6%) 2. GWM - 902 units …", "In Germany, BMW led with
5,210 registrations, followed by X with 2,150": a sentence (or a list under one lead-in) that gives the sales,
registrations or market shares of two or more carmakers or brands ranks them in one market — the place its figures
name, else the country its sentence or the sentence before names, else the market whose sales figure was given
just before it, else the country of the article's dateline (or
the one it names most, three times at least). Each
ranked company sells in that market. A single company's figure is no ranking (its total may be worldwide), and
figures of production, exports or capacity rank nothing sold. A carmaker's or brand's stores in a country (its
own, or a partner's that sell it: "its partner X now operates 42 Y stores in A, B and C") say the same.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.relations_levels import _NO_SELLERS
from nevkg.ingest.extract.sentences import list_intros

__all__ = ["RankingRules"]

#: measures of what a company sells in a market (a figure with no measure counts when it is in vehicles)
_SOLD = {"sales-volume", "first-registrations", "market-share", "deliveries", None}
#: measures of what a company or a country exports
_EXPORTED = {"export-volume", "export-value"}
#: kinds of organisation whose figures count what others sell (an association, an authority, a publisher)
_NOT_SELLERS = _NO_SELLERS | _GOV | {"news-agency", "project"}
#: kinds of place a ranking is in
_MARKET_KINDS = {"country", "region", "economic-union"}
#: a maker of vehicles, by the noun before its name or a word of its name ("Chinese manufacturer X", "Y Bus Co.")
_MAKER_BEFORE = re.compile(r"\b(?:manufacturer|maker|carmaker|automaker|builder|producer)\s+$", re.I)
_MAKER_NAME = re.compile(r"\b(?:Bus|Buses|Coach|Motors?|Auto|Automobile|Automotive|Vehicles?|Trucks?|EV)\b")
#: a sentence that sells vehicles under a contract: a word of supply or purchase (or a deal for a number) and a count
#: of vehicles
_SUPPLY = re.compile(r"\b(?:suppl(?:y|ies|ied)|orders?|ordered|purchas(?:e|es|ed)|bought|buy|deliver(?:y|ies|ed)?|"
                     r"(?:deal|contract)\s+(?:[\w$.,]+\s+){0,3}?for\s+\d)\b")  # ("a QR1.2bn deal for 350 buses")
_VEHICLE_COUNT = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:buses|vehicles|cars|trucks|taxis|vans|cabs|minibuses|"
                            r"coaches|units|e-buses|electric\s+buses)\b")


class RankingRules:
    """Sales in a market from rankings of companies' figures and from stores (a mixin of the extractor)."""

    candidates: list[Any]

    def sales_rankings(self) -> None:
        """Propose a sale in the market of each ranking of two or more carmakers' or brands' figures (run once the
        article is read, from the observations)."""
        sentences = getattr(self, "_sentences", None) or []
        groups: dict[int, list[tuple[Any, Mention]]] = {}
        intros = list_intros(self.text)  # type: ignore[attr-defined]
        for c in (c for c in self.candidates if c.file == "observations"):
            rec = c.record
            if rec.get("measure") not in _SOLD or rec.get("unit") != "vehicles" and not (
                    rec.get("unit") == "percent" and rec.get("measure") == "market-share"):
                continue  # (a percentage without a measure is as often a duty rate as a share)
            maker = self._ranked_maker(rec.get("subject"), c)
            at = min((a for a, _ in c.spans), default=None)
            sent = next((x for x in sentences if at is not None and x[0] <= at < x[1]), None)
            if maker is None or sent is None:
                continue
            groups.setdefault(intros.get(sent[2], -1 - sentences.index(sent)), []).append((c, maker))
        for key, found in groups.items():
            makers = {m.id: m for _, m in found}
            if len(makers) < 2:
                continue
            market = self._ranking_market([c for c, _ in found], key, sentences)
            if market is None:
                continue
            for maker in makers.values():
                if maker.id != market.id:
                    self.listed_market(maker, market, "sells-in", [], (maker.start, maker.end),  # type: ignore
                                       "presence:sales-ranking")

    def _ranked_maker(self, subject: str | None, cand: Any) -> Mention | None:
        """The carmaker or brand a figure is of, named in the figure's evidence."""
        if not subject:
            return None
        return next((m for m in self.ents.mentions if m.id == subject and m.file == "organizations"  # type: ignore
                     and (m.kind or "") in {"automaker", "brand"} and any(a <= m.start < b for a, b in cand.spans)),
                    None)

    def _ranking_market(self, cands: list[Any], key: int, sentences: list[tuple[int, int, int]]) -> Mention | None:
        """The market a ranking's figures are counted in: their destination, a country of their sentence or of the
        sentence (or list lead-in) before, else the dateline's country."""
        places = [m for m in self.ents.mentions if m.file == "places"]  # type: ignore[attr-defined]
        for c in cands:
            dest = c.record.get("destination")
            found = next((m for m in places if m.id == dest and (m.kind or "") in _MARKET_KINDS), None)
            if found is not None:
                return found
        at = min(a for c in cands for a, _ in c.spans)
        idx = next(i for i, x in enumerate(sentences) if x[0] <= at < x[1])
        para = sentences[idx][2]
        scope = [x for x in sentences[max(0, idx - 2):idx + 1] if x[2] == para or key >= 0 and x[2] == key]
        for s, e, _ in reversed(scope):
            named = [m for m in places if s <= m.start and m.end <= e and (m.kind or "") in _MARKET_KINDS
                     and not m.rule.startswith("demonym") and not self.aside_place(m)]  # type: ignore
            if len({m.id for m in named}) == 1:
                return named[0]
        total = next((m for m in places if m.id == self._market_total_before(at) and m.end <= at), None)
        if total is not None:  # "In Peru, sales rose 9% to 17,230 units." + "Toyota led with 3,105 units, …"
            return total
        country = self.ents.home_country()  # type: ignore[attr-defined]
        return next((m for m in places if m.id == country), None) if country else None

    def _market_total_before(self, at: int) -> str | None:
        """The market (a country or region) whose sales figure was given in the 600 characters before ``at``: the
        figure's destination, else its subject ("Chinese brands sold N" is of brands from China, and sales in China
        are no market abroad)."""
        places = {m.id for m in self.ents.mentions if m.file == "places"  # type: ignore[attr-defined]
                  and (m.kind or "") in _MARKET_KINDS} - {"china"}
        for c in reversed(self.candidates):
            if c.file == "observations" and c.record.get("measure") in _SOLD - {None} and c.spans \
                    and at - 600 < c.evidence_end <= at:
                market = c.record.get("destination") or c.record.get("subject")
                if market in places:
                    return market
        return None

    def export_figures(self) -> None:
        """A company's or a country's export figure with a destination ("Saudi Arabia received 27,500", "exports to
        Chile rose to 18,600") is its export there; a company's sales, registrations or deliveries counted in a
        market ("X registered 5,140 cars in France", "its sales in Spain rose to N") are its sales there."""
        for c in [c for c in self.candidates if c.file == "observations" and c.record.get("destination")
                  and c.record.get("measure") in _EXPORTED | _SOLD - {None, "market-share"}]:
            rec = c.record
            exported = rec["measure"] in _EXPORTED
            firm = next((m for m in self.ents.mentions if m.id == rec.get("subject")  # type: ignore[attr-defined]
                         and (m.file == "organizations" and (m.kind or "") not in _NOT_SELLERS
                              or exported and m.id == "china")), None)  # (China's exports too)
            place = next((m for m in self.ents.mentions if m.id == rec["destination"]  # type: ignore[attr-defined]
                          and m.file == "places" and (m.kind or "") in _MARKET_KINDS), None)
            if firm is not None and place is not None:
                self.listed_market(firm, place, "exports-to" if exported else "sells-in", [], c.spans[0],  # type: ignore
                                   "presence:export-figure" if exported else "presence:sales-figure")

    def supply_exports(self) -> None:
        """A contract between a maker of one country and a customer of another for a count of vehicles ("X signed an
        agreement with China's Y for the supply of 350 electric buses"): the maker exports to the customer's country
        (the customer's record's, else the country the article reports from, else the one other country the
        sentence names)."""
        home = self.ents.home_country()  # type: ignore[attr-defined]
        for c in [c for c in self.candidates if c.file == "partnerships"  # type: ignore[attr-defined]
                  and c.record.get("kind") == "cooperation" and len(c.record.get("partners") or []) == 2]:
            a, b = min(s for s, _ in c.spans), max(e for _, e in c.spans)
            spans = [(x, y) for x, y, _ in self._sentences if x < b and a < y]  # type: ignore[attr-defined]
            said = self.text[spans[0][0]:spans[-1][1]] if spans else ""  # type: ignore[attr-defined]
            if not spans or len(spans) > 2 or not (_SUPPLY.search(said) and _VEHICLE_COUNT.search(said)):
                continue  # (read in one sentence, or two: "X signed a contract with Y. It covers 350 buses")
            named = {m.id for m in self.ents.mentions if m.file == "places" and m.kind == "country"  # type: ignore
                     and spans[0][0] <= m.start < spans[-1][1]}
            homes = {p: self._home_of(p) or next(  # type: ignore[attr-defined]
                (o.record.get("country") for o in self.candidates if o.file == "organizations"  # type: ignore
                 and o.record["id"] == p), None) for p in c.record["partners"]}
            makers = [p for p in c.record["partners"] if self.ents.kind_of(p) == "automaker" or any(  # type: ignore
                m.id == p and (_MAKER_BEFORE.search(self.text[max(0, m.start - 30):m.start])  # type: ignore
                               or _MAKER_NAME.search(m.text)) for m in self.ents.mentions)]  # type: ignore
            if len(makers) != 1:
                continue  # (which of the two makes the vehicles must be plain)
            maker, customer = makers[0], next(p for p in c.record["partners"] if p != makers[0])
            here = named - {homes[maker]}  # (the one other country the sentence names: "Doha, Qatar: X signed …")
            where = homes[customer] or home or (here.pop() if len(here) == 1 else None)
            firm = next((m for m in self.ents.mentions if m.id == maker  # type: ignore[attr-defined]
                         and m.file == "organizations" and (m.kind or "") not in _NOT_SELLERS), None)
            market = next((m for m in self.ents.mentions if m.id == where  # type: ignore[attr-defined]
                           and m.file == "places" and m.kind == "country"), None)
            if firm is None or market is None or not homes[maker] or homes[maker] == where or any(
                    x.file == "market_presence" and x.record["exporter"] == maker and x.record["market"] == where
                    and x.record.get("activity") == "exports-to" for x in self.candidates):  # type: ignore
                continue  # (no maker's country, a sale at home, or the export read already)
            self.add("market_presence", {  # type: ignore[attr-defined]
                "id": self.cid(f"{maker}-exports-to-{where}"), "exporter": maker, "market": where,  # type: ignore
                "label": f"{self.label(maker)} exports to {self.label(where)}",  # type: ignore[attr-defined]
                "activity": "exports-to"}, 0.45, c.spans, "presence:supply-contract")

    def store_markets(self) -> None:
        """A carmaker's or brand's stores in a country (its own, or a partner's that sell it): it sells there."""
        for c in [c for c in self.candidates if c.file == "deployments" and c.record.get("kind") == "store-network"]:
            op = c.record.get("operator")
            maker = next((m for m in self.ents.mentions if m.id == op and m.file == "organizations"  # type: ignore
                          and (m.kind or "") in {"automaker", "brand"}), None)
            if maker is None:
                continue
            for pid in c.record.get("places") or []:
                place = next((m for m in self.ents.mentions if m.id == pid and m.file == "places"  # type: ignore
                              and (m.kind or "") in _MARKET_KINDS), None)
                if place is not None:
                    self.listed_market(maker, place, "sells-in", [], c.spans[0], "presence:stores")  # type: ignore
