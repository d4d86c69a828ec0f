"""Trade flows from the dependency parse: who exports to whom.

* "Y imports … from X", "imported into Y from X", "Y's imports from X", "Y's imports of Chinese cars" → X exports
  to Y, X a company or a country; "X, a Dhaka-based distributor, has imported cars from Y" and "X has imported Y
  cars" (a maker named as the goods' make) → X and Y work together, and Y exports to X's home country; "X has
  distributed Y vehicles" → the same, and Y sells there; "… since 2024" → Y entered that country;
* "X's exports to Y", "exports of Chinese cars to Y", "shipments from X to Y", "X shipped … to A, B and C",
  "the plant is an export hub for Y" → X (or the plant's operator) exports there;
* a trade measure on goods from X imposed by a country → X exports to that country (:meth:`TradeRules.measure_flows`).

A mixin of the parse rules (:class:`~nevkg.ingest.extract.parsed.ParsedRelations`), which call :meth:`_imports`
and :meth:`_exports` on their cue words.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.invest_sites import site_spoken_of
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_levels import _LOCAL

#: what a carmaker sends abroad ("sent 5,000 cars to")
_GOODS = {"car", "vehicle", "ev", "nev", "unit", "van", "bus", "truck", "suv", "sedan", "kit", "battery", "model"}
#: organisations that make no goods of their own
_NOT_MAKERS = {"government-body", "ministry", "publisher", "industry-association", "business-association",
               "customs-office", "legislature", "political-body"}
#: what an export hub is called ("an export hub for X")
_HUB = {"hub", "base", "centre", "center", "platform", "gateway"}
#: people a company sends somewhere: staff, not goods ("send 60 engineers to X" is no export)
_STAFF = {"engineer", "technician", "expert", "specialist", "worker", "employee", "staff", "manager", "executive",
          "delegation", "mission", "team", "people", "personnel", "official", "trainer", "adviser", "advisor",
          "consultant"}


class TradeRules:
    """Exports and imports between companies and countries (a mixin of the extractor)."""

    def _trade(self, exporter: Mention, market: Mention, cue: Any | None, rule: str) -> None:
        if exporter.id == market.id or any(
                c.file == "market_presence" and c.record["exporter"] == exporter.id and c.record["market"] == market.id
                and c.record["activity"] != "sells-in" for c in self.candidates):  # (sales there are no exports)
            return
        rec = {"label": f"{self.label(exporter.id)} exports to {self.label(market.id)}", "exporter": exporter.id,
               "market": market.id, "activity": "exports-to"}
        spans = [(exporter.start, exporter.end), (market.start, market.end)]
        if cue is not None:
            spans.append((cue.idx, cue.idx + len(cue.text)))
        self.add("market_presence", {"id": self.cid(f"{exporter.id}-exports-to-{market.id}"), **rec},
                 0.5 if cue is not None else 0.4, spans, rule)

    def _party(self, tok: Any) -> Mention | None:
        """A company or a place named by ``tok`` (or a word of its phrase)."""
        for t in [tok, *tok.subtree]:
            m = self._mention_of(t) or self._mention_of(t, ("places",))
            if m is not None and not m.rule.startswith("demonym"):
                return m
        return None

    def _imports(self, cue: Any) -> None:
        """"Y imports … from X", "imported into Y from X", "Y's imports from X": X exports to Y."""
        scope = [cue, *cue.children] + ([cue.head] if cue.dep_ in {"acl", "amod", "compound"} else [])
        sources = [p for t in scope for p in t.children if p.dep_ == "prep" and p.lower_ == "from"]
        exporters = [m for p in sources for o in p.children if o.dep_ == "pobj"
                     for m in [self._party(o), *map(self._party, o.conjuncts)] if m is not None]
        origin = self._origin_of_goods(cue) or self._make_of_goods(cue)
        if not exporters and origin is not None:
            exporters = [origin]  # "Y's imports of Chinese cars", "X has imported Zhaoxu cars"
        if not exporters:
            return
        self._importer(cue, exporters)
        markets: list[Mention] = []
        for c in cue.children:
            if c.dep_ in {"nsubj", "poss", "compound"} or c.dep_ == "prep" and c.lower_ in {"into", "to"}:
                node = c if c.dep_ != "prep" else next((o for o in c.children if o.dep_ == "pobj"), None)
                m = self._mention_of(node, ("places",)) if node is not None else None
                if m is not None:
                    markets.append(m)
        if not markets and cue.dep_ == "ROOT" and cue.i > cue.sent.start:  # "Peru imports …" parsed as one noun
            m = self._mention_of(self.doc[cue.i - 1], ("places",))
            if m is not None:
                markets.append(m)
        for exp in exporters:
            for mk in markets:
                self._trade(exp, mk, cue, "parse:trade:import")

    def _distributes(self, cue: Any) -> None:
        """"X, which has distributed Moqiao vehicles since 2025": X works with the maker, which sells (and exports)
        in X's country."""
        maker = self._make_of_goods(cue)
        if maker is not None:
            self._importer(cue, [maker], sells=True)

    def _importer(self, cue: Any, exporters: list[Mention], sells: bool = False) -> None:
        """"X, a Dhaka-based distributor, has imported cars from Y": X buys Y's cars (the two work together), and Y
        exports to X's home country when the article names it, else to the country the article reports from (and,
        with ``sells``, sells there)."""
        subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "WDT" and cue.dep_ == "relcl":
            subj = cue.head  # "X, which has imported Y cars since 2023"
        importer = self._mention_of(subj) if subj is not None else None
        if importer is None or importer.file != "organizations":
            return
        based = next((p for p in self.mentions_in(importer.end, cue.idx, ("places",))  # type: ignore[attr-defined]
                      if self.text.startswith("-based", p.end)), None)
        home = self._home_of(importer.id) or (self.ents.country_above(based.id) if based is not None else None) \
            or self._importing_home()
        market = next((m for m in self.ents.mentions if m.id == home and m.file == "places"), None)
        for exp in (x for x in exporters if x.file == "organizations" and x.id != importer.id
                    and self._home_of(x.id) != home):  # (never to the maker's own country)
            if self._new_partnership(importer.id, exp.id, "cooperation"):  # type: ignore[attr-defined]
                self.add("partnerships", {"id": self.cid(f"{importer.id}-{exp.id}-cooperation"),
                                          "label": f"{self.label(importer.id)} imports {self.label(exp.id)}'s cars",
                                          "kind": "cooperation", "partners": [importer.id, exp.id]}, 0.5,
                         [(importer.start, importer.end), (cue.idx, cue.idx + len(cue.text)), (exp.start, exp.end)],
                         "parse:partner:imports")
            if market is not None and sells:
                self.listed_market(exp, market, "sells-in", [], (cue.idx, cue.idx + len(cue.text)),  # type: ignore
                                   "parse:market:distributes")
            if market is not None:
                self._trade(exp, market, cue, "parse:trade:importer")
            if market is not None and any(c.dep_ == "prep" and c.lower_ == "since" for c in cue.children):
                self.entered_market(exp, market, cue, "parse:market:importer-since")  # "X, which has
                # distributed Y vehicles since March 2024"

    def entered_market(self, exporter: Mention, market: Mention, cue: Any, rule: str) -> None:
        """Propose that ``exporter`` entered ``market`` (a maker whose importer or distributor there has sold its
        cars since a time), unless that entry is proposed already; ``cue`` is the word that tells it."""
        if any(c.file == "market_presence" and c.record["exporter"] == exporter.id and c.record["market"] == market.id
               and c.record["activity"] == "entered" for c in self.candidates):
            return
        self.add("market_presence", {"id": self.cid(f"{exporter.id}-entered-{market.id}"),
                                     "label": f"{self.label(exporter.id)} entered {self.label(market.id)}",
                                     "exporter": exporter.id, "market": market.id, "activity": "entered"}, 0.5,
                 [(exporter.start, exporter.end), (cue.idx, cue.idx + len(cue.text)), (market.start, market.end)], rule)

    def _importing_home(self) -> str | None:
        """The country an importer the article places nowhere is of: the one the article reports from, unless the
        article names it as where goods come from ("cars made in China")."""
        home = self.ents.home_country()
        if home is None or any(m.id == home and self._named_as_origin(m)  # type: ignore[attr-defined]
                               for m in self.ents.mentions if m.file == "places"):
            return None
        return home

    def measure_flows(self) -> None:
        """A trade measure on goods from X, imposed by a country or its government: X exports there (run once
        the article is read, when the measures and their issuers' countries are known)."""
        for c in [c for c in self.candidates if c.file == "policies" and c.record.get("origins")]:
            issuer = c.record.get("issuer")
            country = issuer if any(m.id == issuer and m.file == "places" for m in self.ents.mentions) else \
                self.ents.new.get(issuer, {}).get("country") or next(
                    (o.record.get("country") for o in self.candidates if o.file == "organizations"
                     and o.record["id"] == issuer and o.record.get("country")), None)
            market = next((m for m in self.ents.mentions if m.id == country and m.file == "places"), None)
            if market is None:
                continue
            for origin in c.record["origins"]:
                exp = next((m for m in self.ents.mentions if m.id == origin), None)
                if exp is not None and self.ents.kind_of(origin) in {"country", "economic-union"}:
                    # (a measure's origin that is a town or a zone exports nothing: "vehicles from zone A")
                    self._trade(exp, market, None, "parse:trade:measure")

    def _origin_of_goods(self, cue: Any) -> Mention | None:
        """"imports of Chinese cars", "exports of Korean vans": the country an adjective names as the goods' origin."""
        for p in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"):
            for o in (c for c in p.children if c.dep_ == "pobj"):
                for t in o.children:
                    m = self._mention_of(t, ("places",))
                    if t.dep_ == "amod" and m is not None and m.rule.startswith("demonym"):
                        return m
        return None

    def _make_of_goods(self, cue: Any) -> Mention | None:
        """"X has imported Zhaoxu cars since 2023": the company named as the make of the goods a verb of importing
        or distributing takes as its object."""
        for obj in (c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in _GOODS):
            for t in obj.children:
                m = self._mention_of(t, anaphors=False) if t.dep_ in {"compound", "nmod", "amod"} else None
                if m is not None and m.file == "organizations" and (m.kind or "") not in _NOT_MAKERS:
                    return m
        return None

    def _markets_after(self, cue: Any) -> list[Mention]:
        """The places goods go to: the objects of "to"/"into" and the names listed with them."""
        out: list[Mention] = []
        for p in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}):
            for o in (c for c in p.children if c.dep_ == "pobj"):
                for t in [o, *o.conjuncts]:
                    mk = self._mention_of(t, ("places",))
                    if mk is not None and not mk.rule.startswith("demonym") and mk not in out:
                        out.append(mk)
        return out

    def _exports(self, cue: Any, orgs: list[Mention]) -> None:
        """"China's exports to Y", "exports of Chinese cars to Y", "shipments from X to Y", "X sent N cars to Y",
        "exported to Y by X" (a company or a place as the exporter); "the plant is an export hub for Y": the
        plant's operator exports to Y."""
        if cue.dep_ in {"compound", "amod"} and cue.head.lemma_.lower() in _HUB:
            site = site_spoken_of(self, cue.head)
            if site is not None:
                for p in (c for c in cue.head.children if c.dep_ == "prep" and c.lower_ in {"for", "to"}):
                    for o in (c for c in p.children if c.dep_ == "pobj"):
                        for t in [o, *o.conjuncts]:
                            mk = self._mention_of(t, ("places",))
                            if mk is not None:
                                self._trade(site[0], mk, cue, "parse:trade:export-hub")
            return
        markets = self._markets_after(cue)
        if not markets:
            return
        if cue.pos_ == "VERB" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _STAFF
                                      for c in cue.children):
            return  # "will send about 60 engineers to X", "staff were sent to Y": people, not goods
        who = None
        for c in cue.children:
            if c.dep_ in {"poss", "compound", "nsubj"} or c.dep_ == "prep" and c.lower_ in {"by", "from"} or \
                    c.dep_ == "agent":
                node = c if c.dep_ in {"poss", "compound", "nsubj"} else next(
                    (o for o in c.children if o.dep_ == "pobj"), None)
                who = self._party(node) if node is not None else None
                if who is not None and not who.rule.startswith("demonym"):
                    break
                who = None
        who = who or self._origin_of_goods(cue)
        if who is not None and who.file == "places" and cue.pos_ == "VERB" and (firm := self._actor(cue, orgs)):
            who = firm  # "X plans to ship cars from Thailand to Japan": X ships; Thailand is where they come from
        sent = [c for c in cue.children if c.dep_ == "dobj"] if cue.lemma_.lower() == "send" else []
        if sent and not any(t.like_num and t.pos_ == "NUM" or t.lemma_.lower() in _GOODS for g in sent
                            for t in g.subtree):  # ("a second mission": an ordinal is no amount of goods)
            return  # "the province will send a mission to Peru": people or letters sent are no trade
        if who is None and sent and cue.pos_ == "VERB":
            who = self._actor(cue, orgs)  # "X sent 5,000 cars to Y"
        if who is None or who.file == "places" and self.ents.kind_of(who.id) in _LOCAL:
            return  # (goods shipped from a town or a port: the town exports nothing; its makers do)
        for mk in markets:
            self._trade(who, mk, cue, f"parse:trade:{cue.lemma_.lower()}")
