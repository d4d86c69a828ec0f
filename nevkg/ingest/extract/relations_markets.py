"""Market presence and deployments from cue patterns: exports to, sales in, entry into, lists of destinations,
robotaxi services, stores and charging networks in a place."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.periods import _plain
from nevkg.ingest.extract.plans import plan_status
from nevkg.ingest.extract.relations_actors import _GOV, _RELATIVE, _is_home, _is_outside
from nevkg.ingest.extract.relations_exports import ExportRules
from nevkg.ingest.extract.relations_gapped import GappedDeployments
from nevkg.ingest.extract.spans import IN_CLAUSE, WORKS_NAMED
from nevkg.ingest.extract.vocab import TO_COME_RE

#: a market verb spoken of as to come, right before it ("plans to sell", "will enter", "is set to export")
_TO_COME = re.compile(rf"\b(?:{TO_COME_RE}|(?:is|are)\s+set|is\s+preparing)\s+(?:to\s+)?(?:also\s+|soon\s+|start\s+|"
                      r"begin\s+)?$", re.I)
#: "with A and B its largest markets", "A, B and C are among its main destinations"


#: a company whose name says it runs chargers ("X Charging", "Y Charge", "Z Volt")
_CHARGER = re.compile(r"\b(?:Charg\w*|Volt\w*|E-?Charge)\b", re.I)
#: a partner named after "with" ("will work with local operator X")
_WITH = re.compile(r"\b(?:with|alongside)\s+(?:[\w\-]+\s+){0,3}$")
#: words of driverless services that name a deployment as "robotaxi" does ("driverless cars", "autonomous rides")
_DRIVERLESS = (r"(?:driverless|self-driving|autonomous|fully\s+autonomous|level[\s-]4)\s+(?:cars?|vehicles?|taxis?|"
               r"ride-?hailing|rides|shuttles?|buses|fleets?|mobility\s+services?|testing|tests|trials|operations)|robo-?buse?s?")
#: the words before a deployment's place
_PLACE_PREP = re.compile(r"\b(?:in|across|at|into|including|such\s+as)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$|"
                         r"\bexpand\w*\s+(?:[\w\-]+\s+){0,4}?to\s+(?:the\s+)?$|(?:,|\band)\s+(?:the\s+)?$")
#: a subject that speaks of the organisations named together just before
_BOTH = re.compile(r"\b(?:[Tt]he\s+(?:two\s+)?(?:companies|firms|partners|groups)|[Bb]oth\s+(?:companies|firms|"
                   r"partners)|[Tt]hey)\b")
#: two organisations named together ("A and B", "A, B", "A and mapping group B")
#: "… in X and Y, respectively": the places pair with the names before, one each
_RESPECTIVELY = re.compile(IN_CLAUSE + r"*?,?\s+respectively\b")
_AND = re.compile(r"\s+and\s+(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){0,4}|,\s+(?:and\s+)?")
#: a place listed after the first of a list ("in A and B", "across A, B and C"): its list starts after a preposition
_LISTED = re.compile(r"\b(?:in|across|at|into|to|including|such\s+as)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*"
                     r"(?:(?:,|\s+and)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)*(?:,|\s+and)\s+(?:the\s+)?$")
#: a deployment run with a partner ("the tests will be carried out with X", "the service is operated together with")
_RUN_WITH = re.compile(r"\b(?:(?:tests?|testing|trials?|pilot|service|robotaxis?|fleet|operations?|vehicles)\b"
                       + IN_CLAUSE + r"{0,60}?\b(?:(?:carried\s+out|conducted|run|operated|done|managed|deployed)\s+"
                       r"(?:together\s+|jointly\s+)?with|in\s+(?:partnership|collaboration|cooperation)\s+with|together\s+with)|(?:run|operat|"
                       r"launch|offer|conduct|provid|test)\w*\s+(?:the|its|a|their)\s+(?:[\w\-]+\s+){0,2}?(?:service|"
                       r"tests?|trials?|pilot|fleet|robotaxis?|rides)\s+(?:together\s+|jointly\s+)?with)\s+(?:the\s+)?",
                       re.I)
#: an office, hub or research centre set up in a place ("opened its European hub in X")
_HUB = re.compile(r"\b(?:open\w*|set(?:s|ting)?\s+up|establish\w*|inaugurat\w*|launch\w*|buil[dt]\w*)\s+"
                  r"(?:of\s+)?(?:its|a|an|the|their)\s+(?:[\w\-]+\s+){0,3}?(?P<what>hub|headquarters|HQ|office|"
                  r"(?:R&D|research(?:\s+and\s+development)?|innovation|technology|test(?:ing)?)\s+(?:cent(?:re|er)|"
                  r"base|hub))(?:,?\s+(?:to\s+be\s+|which\s+will\s+be\s+)?(?:based|located|set\s+up))?"
                  r"\s+(?:in|at)\s+(?:the\s+)?", re.I)
#: where one clause ends and another, about something else, begins
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|as)\s|\bwhile\b|\bwhereas\b|\b(?:said|says|told)\b")


#: what is sold when a company sells an asset rather than cars ("sold its idle plant in X to Y")
ASSET_NOUNS = {"plant", "factory", "facility", "site", "stake", "share", "holding", "business", "unit", "division",
               "operation", "operations", "asset", "assets", "subsidiary", "headquarters", "office", "land",
               "building"}
_ASSET_SOLD = re.compile(r"\s+(?:(?:its|their|a|an|the|[\w\-]+['’]s)\s+)?(?:[\w\-,%]+\s+){0,3}?(?:plants?|"
                         r"factor(?:y|ies)|facilit(?:y|ies)|sites?|stakes?|shares?|holdings?|business(?:es)?|units?|"
                         r"divisions?|operations|assets|subsidiar(?:y|ies)|headquarters|offices?|land|building)\b",
                         re.I)


#: a place named as where a plant stands ("built at a plant in X", "from its factory outside Y"): where the
#: cars are made, not where they run
_WORKS_AT = re.compile(r"\b(?:plant|factory|factories|plants|works|assembly\s+line|production\s+line|production\s+"
                       r"base)\s+(?:in|at|near|outside|of)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)


#: a place named as where goods are made or come from, not where they go: "(shipped) from its factory in X"
_MADE_AT = re.compile(r"(?:\b(?:factory|factories|plant|plants|works|facility|facilities|base)\s+(?:in|at|near)|"
                      r"\bfrom)\s+(?:the\s+)?$", re.I)


#: goods as the subject of a passive ("Vehicles assembled in X are expected to be sold", "the cars will be shipped")
_GOODS_PASSIVE = re.compile(r"\s*(?:The\s+|Its\s+|All\s+|Most\s+)?(?:[\w-]+\s+)?(?:vehicles|cars|units|models|SUVs|"
                            r"EVs|pickups|vans|trucks|buses)\b[^.;]{0,80}?\b(?:are|were|will\s+be|would\s+be|to\s+be)\b",
                            re.I)


class MarketRules(ExportRules, GappedDeployments):
    """Exports, sales, entries, destination lists and deployments (a mixin of the extractor)."""

    def _presence(self, s, e, sent, orgs, places, periods) -> None:
        # whole words: a "best-seller" made in X, a "reseller" or "resold" goods say nothing of a market
        rx = re.compile(r"(?<![\w\-])(?P<cue>export\w*|import(?:s|ed|ing)?(?=\s+(?:[\w\-]+\s+){0,3}?into\b)|shipped|"
                        r"shipments?|deliver(?!y\s+cent(?:re|er))\w*|entered|"
                        r"entry\s+into|launched|debuted|went\s+on\s+sale|sells?\b|sold|bound\s+for|destined\s+for|"
                        r"headed\s+(?:for|to)|went\s+to|(?:were|was)\s+sent\s+to|(?:best|top|biggest)[\s-]selling|"
                        r"most\s+popular|market\s+leader)", re.I)  # ("the best-selling Chinese brand in X")
        seen: set[tuple[str, str, str]] = set()
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            if cue.startswith(("bound", "destined", "headed", "went to", "were", "was")):
                activity, preps = "exports-to", r"$"
            elif cue.startswith(("export", "ship")):
                activity, preps = "exports-to", r"to"
            elif cue.startswith("import"):  # "began importing cars into X": a company's exports there
                activity, preps = "exports-to", r"into"
            elif cue.startswith("deliver"):
                activity, preps = "delivers-to", r"to|in"
            elif cue.startswith(("enter", "entry")):
                activity, preps = "entered", r"the|into"
            elif cue.startswith(("sell", "sold", "best", "top", "biggest", "most", "market")):
                activity, preps = "sells-in", r"in"
            else:
                activity, preps = "entered", r"in|into"
            end_clause = re.search(r"[;]|,\s+(?:while|but|and\s+(?:its|the|a))\b|\.\s", self.text[cue_e:e])
            limit = cue_e + end_clause.start() if end_clause else e
            if re.search(r"robotaxi|charging|stores?|showrooms?", sent, re.I) and activity == "entered":
                continue  # deployments handle launched services
            if plan_status(self.text[s:cue_s]):
                continue  # a launch or entry only weighed, put off or given up
            if activity == "sells-in" and _ASSET_SOLD.match(self.text[cue_e:e]):
                continue  # "sold its plant in X", "sells a stake in Y": an asset changes hands, no cars are sold
            if cue[0] in "btbm" and not cue.startswith(("sell", "sold")) and re.match(
                    r"\s+(?:[\w\-]+\s+){0,3}?(?:made|built|produced|assembled|manufactured)\b", self.text[cue_e:e]):
                continue  # "the best-selling EV made in X": where it is made, not sold
            markets: list[Mention] = []
            first = None
            for p in places:
                if p.start < cue_e or p.start > limit or self.aside_place(p) or _is_outside(self.text, p) \
                        or _MADE_AT.search(self.text, max(0, p.start - 40), p.start):
                    continue  # ("sells cars in 31 countries outside China": not in China; "shipped from its
                    # factory in X": where they are made)
                gap = self.text[cue_e:p.start]
                if first is None:
                    if preps == r"$" and re.fullmatch(r"\s+(?:the\s+)?", gap) or preps != r"$" and re.search(
                            rf"\b(?:{preps})\s+(?:the\s+)?(?:[\w\-,]+\s+){{0,5}}?(?:markets?\s+(?:of|in|such\s+as|"
                            rf"including|like),?\s+)?$", gap, re.I) and len(gap) < 90:
                        if activity == "entered" and cue.startswith(("enter", "entry")) and \
                                not re.search(r"market", self.text[p.end:p.end + 12] + gap, re.I):
                            if not re.fullmatch(r"\s+(?:the\s+)?", gap):
                                continue
                        first = p
                        markets.append(p)
                elif re.fullmatch(r"(?:,\s*|\s+and\s+|,\s+and\s+|\s+as\s+well\s+as\s+|\s*/\s*)(?:(?:to|in|into)\s+)?"
                                  r"(?:the\s+)?", self.text[markets[-1].end:p.start]):  # ("to A, to B and to C")
                    markets.append(p)
            if not markets:
                continue
            # "…, and the carmaker entered the Australian market": the anaphor is among the organisations
            start = self.clause_start(s, cue_s)  # "A with 40,000, while shipments to B fell": not A's
            shipped = [o for o in orgs if o.start >= start] if cue.startswith(("bound", "destined", "headed")) \
                else []  # "a vessel with cars made by X left a port in Y, bound for Z": X's, not Y's
            exporter = (self._actor_before(cue_s, s, shipped) if shipped else None) \
                or self._actor_before(cue_s, s, [o for o in orgs if o.start >= start],
                                      places=[p for p in places if p not in markets and p.start >= start
                                              and not WORKS_NAMED.match(self.text, p.end)
                                              and not self.aside_place(p)]) \
                or self._actor_before(cue_s, s, orgs)  # "X sold …, and most were shipped to B": X, never a place
            if exporter is None:
                exporter = self._goods_maker(s, cue_s) or self._fallback_actor(s, cue_s)
                if (exporter is None or exporter.file == "places") and activity == "exports-to" and \
                        not self._refers_back(s, cue_s):
                    exporter = self.export_country(cue_s) or exporter  # "exports to B", after "China's exports"
            if exporter is None or cue.startswith("import") and exporter.file != "organizations":
                continue  # a country's imports are no exports of its own
            if _TO_COME.search(self.text[max(s, cue_s - 40):cue_s]):
                activity = "targets-market"  # "plans to sell in X", "will enter Y": not there yet
            for mk in markets:
                key = (exporter.id, mk.id, activity)
                if key in seen or exporter.id == mk.id:
                    continue
                seen.add(key)
                verb = {"exports-to": "exports to", "delivers-to": "deliveries to", "entered": "entry into",
                        "sells-in": "sales in", "targets-market": "targets"}[activity]
                rec: dict[str, Any] = {"label": f"{self.label(exporter.id)} {verb} {self.label(mk.id)}",
                                       "exporter": exporter.id, "market": mk.id, "activity": activity}
                if periods:
                    p = periods[0]
                    rec["start"], rec["end"] = p.period_start, p.period_end
                    if p.inferred:
                        rec["period_inferred"] = True
                rid = self.cid(f"{exporter.id}-{activity}-{mk.id}")
                conf = 0.7 if mk is markets[0] else 0.6
                self.add("market_presence", {"id": rid, **rec}, conf,
                         [(exporter.start, exporter.end), (cue_s, cue_e), (mk.start, mk.end)],
                         f"presence:{activity}")

    def _goods_maker(self, s: int, pos: int) -> Mention | None:
        """The carmaker whose goods a sentence without an organisation sells or ships in the passive ("Vehicles
        assembled in X are expected to be sold in Y"): the article's main actor, when it is a carmaker or brand."""
        if not _GOODS_PASSIVE.match(self.text, s, pos):
            return None
        focus = self.focus_org()
        return focus if focus is not None and (focus.kind or "") in {"automaker", "brand"} else None

    def _deployments(self, s, e, sent, orgs, places, periods, dates) -> None:
        rx = re.compile(r"(?P<cue>robotaxi\s+(?:service|fleet|operations?)|robotaxis?|" + _DRIVERLESS +
                        r"|charging\s+(?:stations?|piles?|network|points?|hubs?|depots?)|(?:fast|high-power|ultra-fast)[\s-]+chargers|"
                        r"(?:battery[\s-]+)?swap(?:ping)?\s+(?:stations?|network)|(?:sales\s+and\s+service|service)\s+"
                        r"cent(?:re|er)s?|stores?|showrooms?|dealerships?|delivery\s+cent(?:re|er)s?)", re.I)
        verbs = re.compile(r"deploy\w*|launch\w*|operat\w*|open\w*|roll\w*\s+out|put\s+into\s+service|establish\w*|"
                           r"built|build\w*|set\s+up|runs?|started|began|began\s+offering|expand\w*|test\w*|"
                           r"trial\w*|offer\w*|integrat\w*|introduc\w*|available|install\w*|add(?:s|ed|ing)?|"
                           r"put(?:s|ting)?|plac(?:e|es|ed|ing)|"
                           r"ha(?:s|ve|d)\s+(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?\d[\d,]*\s+(?:own\s+)?"
                           r"(?:showrooms?|stores?|outlets?|dealerships?)", re.I)  # "has 34 showrooms across X"
        if not verbs.search(sent):
            return
        for m in rx.finditer(sent):  # each cue with the places of its own clause
            self._deployment_at(m, s, e, sent, orgs, places, periods, dates)

    def _deployment_at(self, m, s, e, sent, orgs, places, periods, dates) -> None:
        cue = m.group("cue").lower()
        kind = "robotaxi-service" if re.search(r"robotaxi\s+(?:service|operations?)", cue) or re.fullmatch(
            _DRIVERLESS, cue, re.I) else "robotaxi-fleet" if "robotaxi" in cue else \
            "charging-network" if re.search(r"charg|swap", cue) else "sales-service-centre" if "service" in cue else \
            "delivery-centre" if "delivery" in cue else "store-network"
        if kind == "robotaxi-fleet" and re.search(r"\bservice\b", sent, re.I):
            kind = "robotaxi-service"
        cue_s, cue_e = s + m.start(), s + m.end()
        if re.search(r"\b(?:makers?|suppliers?|manufacturers?|producers?|developers?)\s+of\s+(?:[\w\-]+\s+){0,2}$",
                     self.text[max(s, cue_s - 40):cue_s], re.I):
            return  # "X, a maker of fast chargers, …": what X makes, not where it runs them
        where = self._deployment_places(s, e, cue_s, cue_e, places)
        if not where:
            return
        op = self._actor_before(cue_s, s, orgs) or next((o for o in orgs if not o.compiler and not _LISTED.search(
            re.sub(r"(?:[A-Z][\w\-]*\s+)+$", "", self.text[s:o.start]))), None)
        # (a name at the end of a list of places, "in A, B and C D", is the parser's misreading of a place)
        owner = [o for o in orgs if op is not None and o.end < op.start and re.fullmatch(
            r"['’]s?\s+", self.text[o.end:op.start])]
        owned = bool(owner) and bool(re.fullmatch(r"\s+", self.text[op.end:cue_s]))
        if owned:
            op = owner[-1]  # "X's Y robotaxis": Y names X's service, X operates it
        owned = owned or op is not None and bool(re.fullmatch(r"['’]s?\s+", self.text[op.end:cue_s]))  # "X's cars"
        if op is not None and _WITH.search(self.text[max(s, op.start - 40):op.start]):
            lead = self._actor_before(op.start, s, orgs, {op.id})  # "A will work with B to run robotaxis": A runs
            with_partner, op = (op, lead) if lead is not None else (None, op)
        else:
            with_partner = None
        group = getattr(self, "_last_group", None) or []
        both = bool(group) and bool(_BOTH.search(self.text[s:cue_s])) and (op is None or op.id in {g.id for g in group})
        if both:  # "The two companies plan to expand the service to …" after "A and B …": both take part
            op = op or group[0]
        if op is None or (op.kind or "") in _GOV:
            return  # an authority grants permits and approves services: it runs none
        if self.gapped_deployments(kind, op, where, orgs, cue_s, cue_e, sent):  # "A in X and B in Y"
            return
        partners = [o.id for o in orgs if o.id != op.id and 0 <= cue_s - o.end < 60 and re.search(
            r"\bwith\s+(?:[\w\-]+\s+){0,2}$", self.text[max(s, o.start - 25):o.start])]
        partners += [g.id for g in group if both and g.id != op.id and g.id not in partners]
        # "A and B plan to …" (op named there, or again later: "… to deploy B's robotaxis"): both take part; the
        # first named leads unless the cars are the other's
        named = [k for k in orgs if k.id == op.id and k.end <= cue_s]
        together = [o for o in orgs if o.id != op.id and o.end <= cue_s and not o.compiler and any(
            _AND.fullmatch(self.text[o.end:k.start]) or _AND.fullmatch(self.text[k.end:o.start]) for k in named)]
        ranks = self._place_ranks(where) if together and _RESPECTIVELY.match(self.text, cue_e) else []
        if together and len(ranks) == len(together) + 1:
            # "A and B opened showrooms in X and Y, respectively": A in X and B in Y, each on its own
            for org, rank in zip(sorted([named[0], *together], key=lambda k: k.start), ranks, strict=False):
                self._deployment_at_place(kind, org, next(p for p in where if p.id in rank), cue_s, cue_e, sent)
            return
        if together and not owned and together[0].start < min(k.start for k in named):  # A first leads, B partners
            together[0], op = next(k for k in named), together[0]
        partners += [o.id for o in together if o.id not in partners]
        if with_partner is not None and with_partner.id not in partners:
            partners.append(with_partner.id)
        chargers = [o for o in orgs if (o.id in partners or op.rule.startswith("anaphor")) and o.id != op.id
                    and _CHARGER.search(self.label(o.id))]
        if kind == "charging-network" and len({o.id for o in chargers}) == 1 and not _CHARGER.search(self.label(op.id)):
            # the charging firm runs the chargers (also the one "the company" stands for: "… provided by X Charge
            # under a contract with Y; the company is installing 40 chargers")
            partners = ([] if op.rule.startswith("anaphor") else [op.id]) + [p for p in partners if p != chargers[0].id]
            op = chargers[0]
        status = _status(sent)
        rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in "
                                        f"{', '.join(dict.fromkeys(self.label(p.id) for p in where))}",
                               "kind": kind, "operator": op.id}
        if partners:
            rec["partners"] = partners
            self._local_partners([o for o in orgs if o.id in partners], where[0].id)
        rec["places"] = list(dict.fromkeys(p.id for p in where))
        stats = [st for st in find_statistics(sent, s) if st.kind == "amount" and st.unit in {"vehicles", "stores"}]
        spans = [(op.start, op.end), (cue_s, cue_e)] + [(p.start, p.end) for p in where]
        if stats:
            st = stats[0]
            rec["count"] = _plain(st.value)
            rec["count_unit"] = st.unit
            if st.bound:
                rec["count_bound"] = st.bound
            spans.append((st.start, st.end))
        if status:
            rec["status"] = status
        when = dates[0] if dates else periods[0] if periods else None
        if when is not None:
            rec["date"] = when.period_end if not when.date else when.period_start
            if when.inferred:
                rec["date_inferred"] = True
        if any(c.file == "deployments" and c.record["operator"] == op.id and set(rec["places"]) <= set(
                c.record.get("places", [])) for c in self.candidates):
            return  # another cue of the sentence found it
        rid = self.cid(f"{op.id}-{kind}-{where[0].id}")
        self.add("deployments", {"id": rid, **rec}, 0.6, spans, f"deployment:{cue}")

    def _deployment_at_place(self, kind: str, op: Mention, place: Mention, cue_s: int, cue_e: int, sent: str) -> None:
        """One company's own deployment at one place (of a "respectively" pairing)."""
        rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                               "kind": kind, "operator": op.id, "places": [place.id]}
        if status := _status(sent):
            rec["status"] = status
        self.add("deployments", {"id": self.cid(f"{op.id}-{kind}-{place.id}"), **rec}, 0.55,
                 [(op.start, op.end), (cue_s, cue_e), (place.start, place.end)], "deployment:respectively")

    def _deployment_places(self, s: int, e: int, cue_s: int, cue_e: int, places: list[Mention]) -> list[Mention]:
        """The places of a deployment cue at ``text[cue_s:cue_e]``: after "in", "across", "including", "expand
        to", or listed after one of those; not across a clause break, inside a relative clause the cue is not in
        (", which is listed in X,"), nor a country after its city."""
        aside = [(r.start(), r.end()) for r in _RELATIVE.finditer(self.text, s, e)]
        out = []
        for p in places:
            before = self.text[max(s, p.start - 40):p.start]
            listed = re.search(r"(?:,|\band)\s+(?:the\s+)?$", before[-8:])
            chained = bool(out) and bool(re.fullmatch(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?",
                                                      self.text[out[-1].end:p.start]))  # "A, B, C and D": each
            if not chained and (not _PLACE_PREP.search(before) or listed and not _LISTED.search(
                    self.text[max(s, p.start - 90):p.start])):
                continue
            if _CLAUSE_BREAK.search(self.text[min(cue_s, p.end):max(cue_e, p.start)]) or any(
                    a <= p.start < b and not a <= cue_s < b for a, b in aside) or self._country_of_city(p, places) \
                    or self.aside_place(p) or _WORKS_AT.search(before) or self._origin_of_org(p):
                continue
            out.append(p)
        return out

    def _country_of_city(self, p: Mention, places: list[Mention]) -> bool:
        """"in Gothenburg, Sweden": the country after a city and a comma says where the city is, no second place."""
        q = next((q for q in places if q.end < p.start and re.fullmatch(r",\s+", self.text[q.end:p.start])), None)
        return q is not None and (p.kind or "") in {"country", "province", "state"} and \
            (q.kind or "") not in {"country", "region", "economic-union"}

    def _deployment_partners(self, s, e, sent, orgs, places) -> None:
        """"The tests will be run with local operator X" after a sentence naming a deployment but no place: X
        takes part in the deployment named last (its places, as a partner)."""
        aside = [(r.start(), r.end()) for r in _RELATIVE.finditer(self.text, s, e)]  # ", which listed in X,"
        where = [p for p in places if not p.rule.startswith("demonym") and not _is_home(self.text, p)
                 and not any(a <= p.start < b for a, b in aside)]  # (not "a Belgian operator", "X-based")
        if where or not _RUN_WITH.search(sent):
            return
        last = next((c for c in reversed(self.candidates) if c.file == "deployments" and c.record.get("places")),
                    None)
        if last is None:
            return
        where_last = next(((a, b) for a, b, _ in self._sentences if a <= min(last.spans)[0] < b), None)
        if where_last is not None:  # the sentence's first deployment: its main clause
            last = next(c for c in self.candidates if c.file == "deployments" and c.record.get("places")
                        and where_last[0] <= min(c.spans)[0] < where_last[1])
        cue = _RUN_WITH.search(sent)
        for o in orgs:
            if o.start < s + cue.end() or not re.fullmatch(r"(?:[\w\-]+\s+){0,4}", self.text[s + cue.end():o.start]):
                continue
            if o.id == last.record["operator"] or o.id in last.record.get("partners", []) or (o.kind or "") in _GOV:
                return
            last.record["partners"] = last.record.get("partners", []) + [o.id]
            self._local_partners([o], last.record["places"][0])
            last.spans = sorted(set(last.spans) | {(o.start, o.end)})
            return

    def _hubs(self, s, e, orgs, places) -> None:
        """"X opened its European hub in Y", "set up a research and development centre in Y": X is present in Y (an
        entry, noted as an office or centre: no production site)."""
        for m in _HUB.finditer(self.text, s, e):
            place = next((p for p in places if p.start == m.end()), None)
            actor = self._actor_before(m.start(), s, orgs) if place is not None else None
            if actor is None or actor.id == place.id or any(
                    c.file == "market_presence" and c.record["exporter"] == actor.id and c.record["market"] == place.id
                    for c in self.candidates):
                continue
            rec = {"label": f"{self.label(actor.id)} {m.group('what').lower()} in {self.label(place.id)}",
                   "exporter": actor.id, "market": place.id, "activity": "entered"}
            self.add("market_presence", {"id": self.cid(f"{actor.id}-entered-{place.id}"), **rec}, 0.5,
                     [(actor.start, actor.end), (m.start("what"), m.end("what")), (place.start, place.end)],
                     "presence:hub", notes=[f"an {m.group('what').lower()} there, not a production site"])

    def _local_partners(self, partners: list[Mention], place: str) -> None:
        """A new partner called "local" ("with local bus operator X") is of the deployment's place: its country,
        or its home city."""
        for o in partners:
            rec = self.ents.new.get(o.id)
            if rec is None or o.known or rec.get("country") or rec.get("based_in") or not re.search(
                    r"\blocal\s+(?:[\w\-]+\s+){0,3}$", self.text[max(0, o.start - 40):o.start], re.I):
                continue
            rec["country" if self.ents.kind_of(place) == "country" else "based_in"] = place


def _status(sent: str) -> str | None:
    """A deployment's status from the words of its sentence."""
    return "planned" if re.search(r"plans?\s+to|will\b|planned", sent, re.I) else \
        "launched" if re.search(r"launch\w*|began|started|rolled\s+out", sent, re.I) else \
        "opened" if re.search(r"\bopen\w*", sent, re.I) else "operating" if re.search(r"operat\w*|runs?\b",
                                                                                     sent, re.I) else None
