"""Market presence from cue patterns: exports to, sales in, entry into, lists of destinations, export hubs (the
deployments of cue nouns are :mod:`~nevkg.ingest.extract.relations_cue_deploy`'s)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.plans import plan_status
from nevkg.ingest.extract.relations_actors import _is_outside, is_government
from nevkg.ingest.extract.relations_cue_deploy import CueDeployments
from nevkg.ingest.extract.relations_exports import ExportRules
from nevkg.ingest.extract.spans import WORKS_NAMED
from nevkg.ingest.extract.stake_forms import named_as_venture
from nevkg.ingest.extract.vocab import NON_OPERATORS, TO_COME_RE

#: a market verb spoken of as to come, right before it ("plans to sell", "will enter", "is set to export")
_TO_COME = re.compile(rf"\b(?:{TO_COME_RE}|(?:is|are)\s+set|is\s+preparing|(?:has|have|is|are)\s+yet)\s+(?:to\s+)?"
                      r"(?:also\s+|soon\s+|start\s+|begin\s+|be\s+)?$", re.I)  # ("has yet to sell in X": not there yet)
#: after a noun cue and its markets: "deliveries to A and B are planned from 2027" — not there yet
_PLANNED_AFTER = re.compile(r"\s+(?:are|is|were|was)\s+(?:now\s+|also\s+)?(?:planned|expected|scheduled|due|"
                            r"envisaged|foreseen)\b", re.I)


#: an office, hub or research centre set up in a place ("opened its European hub in X")
_HUB = re.compile(r"\b(?:open\w*|set(?:s|ting)?\s+up|establish\w*|inaugurat\w*|launch\w*|buil[dt]\w*)\s+"
                  r"(?:of\s+)?(?:its|a|an|the|their)\s+(?:[\w\-]+\s+){0,3}?(?P<what>hub|headquarters|HQ|office|"
                  r"(?:R&D|research(?:\s+and\s+development)?|innovation|technology|test(?:ing)?)\s+(?:cent(?:re|er)|"
                  r"base|hub))(?:,?\s+(?:to\s+be\s+|which\s+will\s+be\s+)?(?:based|located|set\s+up))?"
                  r"\s+(?:in|at)\s+(?:the\s+)?", re.I)


#: what is sold when a company sells an asset rather than cars ("sold its idle plant in X to Y")
ASSET_NOUNS = {"plant", "factory", "facility", "site", "stake", "share", "holding", "business", "unit", "division",
               "operation", "operations", "asset", "assets", "subsidiary", "headquarters", "office", "land",
               "building"}
_ASSET_SOLD = re.compile(r"\s+(?:(?:its|their|a|an|the|[\w\-]+['’]s)\s+)?(?:[\w\-,%]+\s+){0,3}?(?:plants?|"
                         r"factor(?:y|ies)|facilit(?:y|ies)|sites?|stakes?|shares?|holdings?|business(?:es)?|units?|"
                         r"divisions?|operations|assets|subsidiar(?:y|ies)|headquarters|offices?|land|building)\b",
                         re.I)




#: a place named as where goods are made or come from, not where they go: "(shipped) from its factory in X"
_MADE_AT = re.compile(r"(?:\b(?:factory|factories|plant|plants|works|facility|facilities|base)\s+(?:in|at|near)|"
                      r"\bfrom)\s+(?:the\s+)?$", re.I)


#: a demonym used as an adjective before a common noun ("with a Maltese partner, from which cars will be shipped"):
#: it describes the noun, it ships nothing
_ADJECTIVE_USE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:partner|company|group|firm|investor|operator|distributor|"
                            r"importer|dealer|buyer|customer|unit|subsidiary|government|authorities|port|hub)s?\b")


#: a place goods come from ("buses from Kaduna to be exported to Ghana"): an origin, never the exporter
_FROM_PLACE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)


#: goods as the subject of a passive ("Vehicles assembled in X are expected to be sold", "the cars will be shipped")
_GOODS_PASSIVE = re.compile(r"\s*(?:(?:(?:up\s+to\s+|about\s+|around\s+|some\s+|nearly\s+|over\s+)?"
                            r"(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)|half|a\s+third|a\s+quarter|most|some)\s+of\s+)?"
                            r"(?:The\s+|Its\s+|All\s+|Most\s+)?(?:[\w-]+\s+){0,2}?(?:vehicles|cars|units|models|"
                            r"SUVs|EVs|pickups|vans|trucks|buses)\b|[^.;]{0,90}?\b(?:the\s+|its\s+)?(?P<plant>(?:(?:plant|"
                            r"factory|facility)['’]s\s+)?(?:output|production))\b)[^.;]{0,80}?\b(?:are|were|will\s+be|"
                            r"would\s+be|to\s+be|(?<=output\s)is|(?<=production\s)is)\b", re.I)
# (also "up to 30 percent of the vehicles will be exported to …", "35 percent of the plant's output will be exported
# to …", "According to X, about 30 percent of the output will be …", "a third of the plant's output is meant for
# export")
#: goods right before "would go to" ("the plant's output would go to A"; "most of the vehicles will go to B")
_GOODS_GO = re.compile(r"\b(?:output|production|vehicles|cars|units|buses|trucks|exports|shipments)\s+$", re.I)
#: goods before "(is) earmarked (intended, reserved, meant) for": "40% of the output is earmarked for A and B"
_GOODS_FOR = re.compile(r"\b(?:output|production|vehicles|cars|units|buses|minibuses|vans|trucks|exports)\s+"
                        r"(?:is|are|will\s+be|would\s+be)\s+(?:\w+\s+)?$", re.I)
#: between "go to" and the market: the article, or the buyers there ("will go to carmakers in A, B and C"; countries
#: only: "vehicles will go to operators in Soweto" is a delivery at home)
_GO_GAP = r"\s+(?:the\s+)?(?:(?:carmakers|customers|buyers|clients|dealers|operators)\s+in\s+(?:the\s+)?)?"
#: what separates the next market of a list from the one before: "to A, to B and to C", "to A and B in 2029,
#: followed by C", "to the GCC, starting with A and B", "mainly to A and B, but also to C"
_NEXT_MARKET = re.compile(r"(?:\s+\([A-Z]{2,6}\))?(?:\s+(?:markets?|countries|states))?"
                          r"(?:\s+(?:in|from|by)\s+(?:early\s+|late\s+)?\d{4})?"
                          r"(?:,\s+but\s+also\s+|,\s*|\s+and\s+(?:later\s+|then\s+|eventually\s+|also\s+)?|,\s+and\s+|"
                          r",?\s+as\s+well\s+as\s+|"
                          r"\s*/\s*|,\s+(?:starting|beginning)\s+with\s+|"
                          r",\s+(?:and\s+)?(?:later\s+)?(?:followed\s+by|then)\s+)(?:(?:to|in|into)\s+)?(?:the\s+)?")


#: a second verb of the subject that makes things where the sales clause ends ("sells in 63 countries and assembles
#: motorcycles in A and B": A and B are sites)
AND_MAKES = (r"\s+and\s+(?:already\s+|also\s+|now\s+)?(?:assembles?|assembled|builds?|built|makes?|made|produces?|"
              r"produced|manufactures?|manufactured)\b")


class MarketRules(ExportRules, CueDeployments):
    """Exports, sales, entries, destination lists and deployments (a mixin of the extractor)."""

    def _presence(self, s, e, sent, orgs, places, periods) -> None:
        # whole words: a "best-seller" made in X, a "reseller" or "resold" goods say nothing of a market
        rx = re.compile(r"(?<![\w\-])(?P<cue>export\w*|import(?:s|ed|ing)?(?=\s+(?:[\w\-]+\s+){0,3}?into\b)|shipped|"
                        r"shipments?|(?<!took\s)(?<!take\s)(?<!takes\s)(?<!taken\s)(?<!taking\s)(?<!for\s)"
                        r"deliver(?!y\s+cent(?:re|er))\w*|entered|"  # ("took delivery of": received; "motorcycles
                        # for deliveries in X": the buyer's business there)
                        r"entry\s+into|launched|debuted|went\s+on\s+sale|(?:been|be|are|is|was|were)\s+on\s+sale|sells?\b|sold|"
                        r"bound\s+for|destined\s+for|(?:earmarked|intended|reserved|meant)\s+for|"
                        r"headed\s+(?:for|to)|went\s+to|(?:will\s+|would\s+)go\s+to|goes\s+to|(?:best|top|biggest)[\s-]selling|"
                        r"(?:(?<=were\s)|(?<=was\s)|(?<=be\s)|(?<=been\s)|(?<=are\s)|(?<=is\s))sent\s+to|"
                        r"most\s+popular|market\s+leader|"  # ("the best-selling Chinese brand in X")
                        r"(?:buses|coaches|vehicles|cars|trucks|taxis|EVs)\s+(?:now\s+|already\s+|currently\s+)?"
                        r"(?:run|operate|(?:are|is)\s+in\s+(?:use|service|operation))\b)", re.I)
        # ("its buses now run in 37 countries, including A and B": sold there)
        seen: set[tuple[str, str, str]] = set()
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            if re.match(r"(?:will\s+|would\s+)?go(?:es)?\s+to", cue) and not _GOODS_GO.search(
                    self.text, max(s, cue_s - 60), cue_s):
                continue  # goods go somewhere ("a third of the plant's output would go to A"); a person only travels
            if cue.startswith(("earmarked", "intended", "reserved", "meant")) and not _GOODS_FOR.search(
                    self.text, max(s, cue_s - 60), cue_s):
                continue  # the output is earmarked for A (money earmarked for a town buys nothing there)
            if cue.startswith(("bound", "destined", "headed", "went to", "sent to", "will go", "would go", "goes",
                               "earmarked", "intended", "reserved", "meant")):
                activity, preps = "exports-to", r"$"
            elif cue.startswith(("export", "ship")):
                activity, preps = "exports-to", r"to"
            elif cue.startswith("import"):  # "began importing cars into X": a company's exports there
                activity, preps = "exports-to", r"into"
            elif cue.startswith("deliver"):
                activity, preps = "delivers-to", r"to|in"
            elif cue.startswith(("enter", "entry")):
                activity, preps = "entered", r"the|into"
            elif cue.startswith(("sell", "sold", "best", "top", "biggest", "most", "market", "bus", "coach", "vehicle",
                                 "car", "truck", "taxi", "ev")) or re.match(r"(?!went)\w+\s+on\s+sale", cue):
                activity, preps = "sells-in", r"in"
            else:
                activity, preps = "entered", r"in|into"
            end_clause = re.search(r"[;]|,\s+(?:while|but(?!\s+also\b)|and\s+(?:its|the|a))\b|\.\s|" + AND_MAKES,
                                   self.text[cue_e:e])  # ("…, but also to C": the list goes on)
            limit = cue_e + end_clause.start() if end_clause else e
            if re.search(r"robotaxi|charging|(?<![\w-])(?:stores?|showrooms?)\b", sent, re.I) and activity == "entered":
                continue  # deployments handle launched services (an "ex-showroom" price opens none)
            if plan_status(self.text[s:cue_s]):
                continue  # a launch or entry only weighed, put off or given up
            if activity == "sells-in" and _ASSET_SOLD.match(self.text[cue_e:e]):
                continue  # "sold its plant in X", "sells a stake in Y": an asset changes hands, no cars are sold
            if cue[0] in "btbm" and not cue.startswith(("sell", "sold")) and re.match(
                    r"\s+(?:[\w\-]+\s+){0,3}?(?:made|built|produced|assembled|manufactured)\b", self.text[cue_e:e]):
                continue  # "the best-selling EV made in X": where it is made, not sold
            markets: list[Mention] = []
            first = origin = None
            for p in places:
                if p.start < cue_e or p.start > limit or self.aside_place(p) or _is_outside(self.text, p) \
                        or _MADE_AT.search(self.text, max(0, p.start - 40), p.start) or origin is not None and \
                        re.fullmatch(r",\s*(?:the\s+)?", self.text[origin.end:p.start]):
                    origin = p if p.start >= cue_e else None
                    continue  # ("sells cars in 31 countries outside China": not in China; "shipped from its
                    # factory in X, Y province": where they are made)
                gap = self.text[cue_e:p.start]
                if first is None:
                    if preps == r"$" and re.fullmatch(_GO_GAP, gap) and (p.kind == "country" or not re.search(
                            r"\bin\s", gap)) or preps != r"$" and re.search(
                            rf"\b(?:{preps})\s+(?:the\s+)?(?:[\w\-,]+\s+){{0,5}}?(?:markets?,?\s+(?:of|in|such\s+as|"
                            rf"including|like|starting\s+with|beginning\s+with),?\s+)?$", gap, re.I) and len(gap) < 90:
                        if activity == "entered" and cue.startswith(("enter", "entry")) and \
                                not re.search(r"market", self.text[p.end:p.end + 12] + gap, re.I):
                            if not re.fullmatch(r"\s+(?:the\s+)?", gap):
                                continue
                        first = p
                        markets.append(p)
                elif _NEXT_MARKET.fullmatch(self.text, markets[-1].end, p.start):  # ("to A, to B and to C")
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
                                              and not self.aside_place(p) and not _FROM_PLACE.search(
                                                  self.text, max(0, p.start - 8), p.start)
                                              and not (p.rule.startswith("demonym") and (
                                                  p.kind == "region" or _ADJECTIVE_USE.match(self.text, p.end)))]) \
                or self._actor_before(cue_s, s, orgs)  # "X sold …, and most were shipped to B": X, never a place
            if exporter is None:
                exporter = self._goods_maker(s, cue_s) or self._fallback_actor(s, cue_s)
                if (exporter is None or exporter.file == "places") and activity == "exports-to" and \
                        not self._refers_back(s, cue_s):
                    exporter = self.export_country(cue_s) or exporter  # "exports to B", after "China's exports"
            if exporter is None or cue.startswith("import") and exporter.file != "organizations" or \
                    exporter.file == "organizations" and (is_government(exporter) or (
                        exporter.kind or "") in NON_OPERATORS):
                continue  # a country's imports are no exports of its own; a ministry or a newspaper trades no goods
            if _TO_COME.search(self.text[max(s, cue_s - 40):cue_s]) or cue[-1] == "s" and \
                    _PLANNED_AFTER.match(self.text, markets[-1].end):
                activity = "targets-market"  # "plans to sell in X", "will enter Y": not there yet
            for mk in (markets if activity != "exports-to" else [self._country_of_town(m) for m in markets]):
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

    def _country_of_town(self, mk: Mention) -> Mention:
        """The country a town that goods are exported to lies in, as the article names it ("shipped to Port Louis":
        exports to Mauritius); ``mk`` itself when it is no town or its country is not named."""
        if (mk.kind or "") not in {"city", "town", "port", "district"}:
            return mk
        country = self.ents.country_above(mk.id)  # type: ignore[attr-defined]
        return next((k for k in self.ents.mentions if k.id == country and k.file == "places"), mk)  # type: ignore

    def _goods_maker(self, s: int, pos: int) -> Mention | None:
        """The carmaker whose goods a sentence without an organisation sells or ships in the passive ("Vehicles
        assembled in X are expected to be sold in Y"): the article's main actor, when it is a carmaker or brand."""
        goods = _GOODS_PASSIVE.match(self.text, s, pos)
        if goods is None:
            return None
        if goods.group("plant"):  # "the output": of the plant told last, its operator's
            site = next((c for c in reversed(self.candidates) if c.file == "sites" and c.record.get("operator")
                         and min(a for a, _ in c.spans) < s), None)
            owner = site.record["operator"][0] if site is not None else None
            op = self._venture_of(owner, s) or next(
                (m for m in reversed(self.ents.mentions) if m.start < s and m.id == owner), None)
            if op is not None and not is_government(op):
                return op
        focus = self.focus_org()  # (a plant's output is its maker's, whatever the parser calls the company)
        return focus if focus is not None and ((focus.kind or "") in {"automaker", "brand"} or goods.group("plant")
                                               and not is_government(focus)) else None

    def _venture_of(self, parent: str | None, pos: int) -> Mention | None:
        """The joint venture's company named before ``pos`` in a sentence that names ``parent`` too ("A and B set up
        a joint venture, X, …"): a plant its parent runs makes the venture's output."""
        for m in reversed(self.ents.mentions):
            if m.start < pos and m.file == "organizations" and ((self.ents.new.get(m.id) or {}).get(
                    "kind") == "joint-venture-company" or named_as_venture(self.text, m.start, m.end)):
                x, y = next(((x, y) for x, y, _ in self._sentences if x <= m.start < y), (m.start, m.end))
                if any(o.id == parent and x <= o.start < y for o in self.ents.mentions):
                    return m
        return None

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
