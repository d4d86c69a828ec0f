"""A country's exports by destination: who exports when a clause names no exporter, and destination rankings.

"China's car exports rose in May … Exports to Chile doubled, while shipments to Peru fell": a clause about exports
to a place that names no exporter of its own speaks of the country whose exports the text spoke of last
(:meth:`ExportRules.export_country`). "Chile was the largest destination, followed by Peru and Ecuador": each
place of a ranking of destinations is one the exporter ships to (:meth:`ExportRules.rankings`): the exporter is
the possessor ("its top market") or, without one, that country; "with A and B its largest markets" lists places
the company exports to or sells in (:meth:`ExportRules._destinations`). A mixin of the cue rules
(:class:`~nevkg.ingest.extract.relations_markets.MarketRules`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.lists import joined_runs
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import IN_CLAUSE

#: between two places of one list ("A, B and the C")
_PLACE_GAP = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?")
_DEST_NOUN = re.compile(r"^\s*(?:(?:are|were|is|was|remain(?:s|ed)?|became|become)\s+)?(?:now\s+|still\s+)?"
                        r"(?:(?:among|one\s+of)\s+)?(?:its|their|the\s+(?:company|group|carmaker|automaker|brand)['’]s)"
                        r"\s+(?:[\w\-]+\s+){0,2}?(?:markets?|destinations?)\b", re.I)
#: a country's exports ("China's vehicle exports", "Chinese car shipments", "the country's overseas sales")
_EXPORTS_OF = re.compile(r"(?:['’]s?)?\s+(?:(?!(?:as|and|or|to|for|of|in|at|while|but|the|a|an)\s)[\w\-]+\s+){0,2}?"
                         r"(?:exports|shipments|overseas\s+(?:sales|shipments))\b", re.I)
#: where a clause begins: after a semicolon or a comma before a joining word
_CLAUSE_START = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s|\b(?:while|whereas)\s")
#: a place ranked among destinations ("was the largest destination", "remained its top export market")
_RANKED = re.compile(r"\s+(?:(?:has\s+|have\s+)?(?:remained|remains|remain|was|is|were|are|became|has\s+been|"
                     r"have\s+been|ranked\s+as)\s+)"
                     r"(?:now\s+|still\s+)?(?P<own>the|its|their|our|(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}['’]s)\s+(?:(?:single|"
                     r"largest|biggest|top|main|leading|second|third|fourth|fifth|second-largest|third-largest|"
                     r"two|three|four|five|six|seven|eight|nine|ten|"
                     r"second-biggest|most\s+important|No\.\s*\d)\s+)+(?:(?:overseas|foreign|international)\s+)?"
                     r"(?P<noun>(?:export\s+)?(?:destination|market|region))s?\b", re.I)
#: whose goods a market ranking counts ("… markets for Chinese NEVs", "for Chinese-made cars"; not "for Chinese
#: brands", whose sales there may be of cars made anywhere)
_FOR_MAKERS_OF = re.compile(r"\s+for\s+(?P<adj>[A-Z][a-z]+)(?:-(?:made|built))?\s+(?:[a-z\-]+\s+){0,2}?"
                            r"(?:NEVs?|EVs?|cars?|vehicles?|exports|car\s+exports|vehicle\s+exports)\b")
#: the places that follow a ranked one ("…, followed by A with 40,000 and B with 31,000")
_FOLLOWED = re.compile(IN_CLAUSE + r"{0,60}?,?\s+followed\s+by\s+(?:the\s+)?", re.I)
#: what may stand between two places of the list after "followed by" (a figure each)
_NEXT = re.compile(r"(?:\s+(?:with|at|on)\s+[\d.,]+\s*(?:million|thousand|units|vehicles|cars|percent|%)?|"
                   r"\s*\([\d.,]+\s*(?:units|vehicles|cars|%)?\))?"
                   r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:by\s+)?(?:the\s+)?")


#: a company's plant a sentence names with its owner ("its plant in", "X's main factory at"), the place after it
_OWN_PLANT = (r"(?P<own>(?i:its|their|the\s+(?:company|group|brand|carmaker|automaker|maker|firm)['’]s)|"
              r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s?)\s+"
              r"(?:[a-z-]+\s+){0,2}?(?i:plant|factory|facility|factories|plants|works)\s+(?:in|at)\s+")
#: goods that come from a company's plant abroad ("the kits are shipped from Mingsha's plant in Tianshui", "imported
#: fully built from Yuemian's factory in Liaocheng", "will come from its factory in Wuhu", "will supply CKD kits from
#: its factory in X", "will ship cells to Kulim from its factory in X")
_SHIPPED_FROM = re.compile(r"\b(?P<verb>(?i:ship|ships|shipped|imported|sourced|supply|supplies|supplied|"
                           r"brought\s+in|come|comes|came|coming|arrive|arrives|arriving))(?:\s+(?:[\w-]+|\([A-Z]{2,6}\))){0,8}?\s+from\s+"
                           + _OWN_PLANT)
#: kits made at a company's plant ("will put trucks together from kits made at X's main factory in Baotou")
_KITS_MADE_AT = re.compile(r"\b(?P<verb>(?i:kits?|CKD|SKD|parts|components))\s+(?:[\w-]+\s+){0,2}?"
                           r"(?i:made|produced|built|manufactured)\s+(?:at|in)\s+" + _OWN_PLANT)

#: a place in a list of destinations ("exported to Burundi and the Democratic Republic of Congo")
_SENT_ON = re.compile(r"\b(?:to|into)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
                      r"(?:\s+\([A-Z]{2,6}(?:\s+\w+)?\))?\s*(?:,|and|,\s+and)\s+(?:the\s+)?)*"
                      r"(?:[A-Z][\w'’. -]*\s+\()?$")
#: verbs of goods sent that need a destination or goods for assembly to be an export ("ships cells to Kulim from",
#: "will supply CKD kits from its factory in X"; not "supplies car makers from its home plants")
_SHIP_OR_SUPPLY = {"ship", "ships", "supply", "supplies"}
_ASSEMBLY_GOODS = re.compile(r"\b(?:kits?|CKD|SKD|cells|packs|modules|components|parts)\b")


class ExportRules:
    """A country's exports named without an exporter, and destination rankings (a mixin of the extractor)."""

    def clause_start(self, s: int, pos: int) -> int:
        """Where the clause holding offset ``pos`` begins in the sentence starting at ``s``."""
        starts = [m.end() for m in _CLAUSE_START.finditer(self.text, s, pos)]
        return starts[-1] if starts else s

    def export_country(self, pos: int) -> Mention | None:
        """The country whose exports the text before ``pos`` spoke of last ("China's car exports", "Chinese
        shipments", "the country's exports"), if any."""
        found = [m for m in self.ents.mentions if m.file == "places" and m.kind == "country" and m.end <= pos
                 and _EXPORTS_OF.match(self.text, m.end)]
        return max(found, key=lambda m: m.end) if found else None

    def rankings(self, s: int, e: int, orgs: list[Mention], places: list[Mention], periods: list[Any]) -> None:
        """"A was the largest destination, followed by B and C": the exporter ships to each of them."""
        for p in places:
            m = _RANKED.match(self.text, p.end, e)
            if m is None:
                continue
            named = next((o for o in orgs if o.start == m.start("own") and not o.compiler), None)
            of = _FOR_MAKERS_OF.match(self.text, m.end(), e)  # "the top markets for Chinese NEVs": China's
            maker = next((q for q in self.ents.mentions if of and q.file == "places" and q.kind == "country"
                          and q.start == of.start("adj")), None)
            if m.group("own").lower() == "the":
                exporter = maker or self.export_country(p.start)
            elif named is not None:
                exporter = named  # "Thailand remained X's largest overseas market"
            elif m.group("own").lower() not in {"its", "their"}:
                continue  # a possessor that names no organisation
            else:
                pool = [o for o in orgs if o.end <= p.start and not o.compiler]
                exporter = pool[-1] if pool else self.last_org
            if exporter is None:
                continue
            run = next((r for r in joined_runs([q for q in places if s <= q.start], self.text, _PLACE_GAP)
                        if r[-1] is p), [p])  # ("A, B and C were the top three markets": each of them)
            follow = _FOLLOWED.match(self.text, m.end(), e)
            at = follow.end() if follow else None
            while at is not None:
                nxt = next((q for q in places if q.start == at), None)
                if nxt is None:
                    break
                run.append(nxt)
                gap = _NEXT.match(self.text, nxt.end, e)
                at = gap.end() if gap else None
            noun = m.group("noun").lower()  # ("its largest export market", "its top destination": exports)
            activity = "exports-to" if "destination" in noun or "export" in noun or m.group("own").lower() == "the" \
                else "sells-in"
            for mk in run:
                self.listed_market(exporter, mk, activity, periods, (m.start("noun"), m.end("noun")),
                                   "presence:ranking")

    def listed_market(self, exporter: Mention, mk: Mention, activity: str, periods: list[Any],
                      cue: tuple[int, int], rule: str) -> None:
        """Propose ``exporter``'s exports to or sales in ``mk`` (named in a list or ranking) unless known."""
        if exporter.id == mk.id or any(c.file == "market_presence" and c.record["exporter"] == exporter.id
                                       and c.record["market"] == mk.id for c in self.candidates):
            return
        verb = "exports to" if activity == "exports-to" else "sales in"
        rec: dict[str, Any] = {"label": f"{self.label(exporter.id)} {verb} {self.label(mk.id)}",
                               "exporter": exporter.id, "market": mk.id, "activity": activity}
        if periods:
            rec["start"], rec["end"] = periods[0].period_start, periods[0].period_end
            if periods[0].inferred:
                rec["period_inferred"] = True
        self.add("market_presence", {"id": self.cid(f"{exporter.id}-{activity}-{mk.id}"), **rec}, 0.55,
                 [(exporter.start, exporter.end), cue, (mk.start, mk.end)], rule)

    def shipped_from(self, s: int, e: int, orgs: list[Mention], places: list[Mention]) -> None:
        """"The kits are shipped from X's plant in Tianshui", "from kits made at X's factory in Baotou": X exports to
        the market the goods go to, when the plant lies in another country: the country the sentence sends them to
        ("to Australia"), else the country of the place named last before (in the sentence or the one before: "… at
        Steyr. Kits will be shipped from …"), else the country the article reports from. Never what a person "came
        from"."""
        for m in [*_SHIPPED_FROM.finditer(self.text, s, e), *_KITS_MADE_AT.finditer(self.text, s, e)]:
            plant = next((p for p in places if p.start == m.end()), None)
            own = m.group("own")
            exporter = next((o for o in orgs if o.start == m.start("own") and not o.compiler), None) \
                if own.split()[0].lower() not in {"its", "their", "the"} else \
                (self.anaphor_at(m.start("own")) or self._fallback_actor(s, m.start("own")))
            if plant is None or exporter is None or exporter.file != "organizations" or any(
                    k.file == "people" for k in self.mentions_in(s, m.start(), ("people",))):
                continue
            where = self._country_of_place(plant.id)
            if where is None:
                continue
            before = max((a for a, b, _ in self._sentences if b <= s), default=s)
            sent_to = [p for p in self.mentions_in(m.start(), e, ("places",)) if re.search(
                r"\bto\s+(?:the\s+)?$", self.text[max(s, p.start - 8):p.start])]  # ("ships cells to Kulim from")
            if m.group("verb").lower() in _SHIP_OR_SUPPLY and not sent_to and not _ASSEMBLY_GOODS.search(m.group(0)):
                continue  # "supplies car makers from its plants in X": no export without a destination or kits
            near = [self._country_of_place(p.id) for p in self.mentions_in(before, m.start(), ("places",))
                    if p.start >= s or not _SENT_ON.search(self.text, max(before, p.start - 80), p.start)] + \
                [self._country_of_place(p.id) for p in sent_to]  # (not where the sentence before sends others)
            to = [c for c in near if c is not None and c != where]
            home = to[-1] if to else self.ents.home_country()  # (its dateline's, else the one it names most)
            market = next((k for k in self.ents.mentions if k.id == home), None) if home is not None else None
            if market is not None and market.id != where:
                self.listed_market(exporter, market, "exports-to", [], (m.start(), m.end()), "presence:shipped-from")

    def _country_of_place(self, pid: str) -> str | None:
        return pid if self.ents.kind_of(pid) == "country" else self.ents.country_above(pid)

    def _destinations(self, s, e, orgs, places, periods) -> None:
        """"with A and B its largest markets", "A, B and C are among its main destinations": exports to each."""
        for run in joined_runs(places, self.text, _PLACE_GAP):
            m = _DEST_NOUN.match(self.text[run[-1].end:e])
            if m is None:
                continue
            pool = [o for o in orgs if o.end <= run[0].start and not o.compiler]
            exporter = pool[-1] if pool else self._fallback_actor(s, run[-1].end + m.end())
            if exporter is None:
                continue
            # "its sales rose, with A and B its top markets": sales there; shipped or exported: exports
            sold = re.search(r"markets?\b", m.group(0), re.I) and re.search(r"\b(?:sales|sold|sell\w*)\b",
                                                                            self.text[s:run[0].start], re.I) \
                and not re.search(r"\b(?:export\w*|ship\w*)\b", self.text[s:run[0].start], re.I)
            activity = "sells-in" if sold else "exports-to"
            for mk in run:
                self.listed_market(exporter, mk, activity, periods, (run[-1].end + m.start(), run[-1].end + m.end()),
                                   "presence:destination-list")
