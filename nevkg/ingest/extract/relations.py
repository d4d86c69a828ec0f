"""Relations from cue patterns: partnerships, sites, market presence, deployments."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.model import Mention, Period
from nevkg.ingest.extract.periods import _plain

#: nouns of an agreement ("a supply deal with X") and the verbs that make one a partnership
_DEAL_NOUNS = (r"(?:agreement|deal|pact|contract|memorandum\s+of\s+understanding|MoU)")
_DEAL_VERBS = (r"sign\w*|ink\w*|str(?:uck|ike|ikes)|reach\w*|conclud\w*|agree\w*|clinch\w*|seal\w*|"
               r"enter\w*\s+into")
#: verbs of running, building or opening something "together with" a partner
_VENTURE_VERBS = (r"run|runs|operat\w+|buil[dt]\w*|develop\w*|open\w*|set\s+up|establish\w*|launch\w*|"
                  r"produc\w+|manufactur\w+|assembl\w+|roll\w*\s+out|invest\w*")
#: a production site named by its verb: "assembles compact SUVs in Haikou", "to build EVs in Abu Dhabi"
_MAKE_VERB = re.compile(
    r"\b(?P<verb>assembl(?:e|es|ed|ing)|build(?:s|ing)?|manufactur(?:e|es|ed|ing)|produc(?:e|es|ed|ing)|"
    r"mak(?:e|es|ing))\s+(?P<obj>(?:[\w\-]+\s+){0,4}?(?:vehicles|cars|SUVs|sedans|pickups|EVs|NEVs|models|"
    r"hatchbacks|buses|trucks|vans|batter(?:y|ies)|battery\s+packs|packs|kits|robotaxis|cells))\s+"
    r"(?:locally\s+)?(?:in|at|near|outside)\s+(?:the\s+)?$")
#: "the plant … built by X": the operator named after the site
_SITE_BY = re.compile(r"^[^.;]{0,80}?\b(?:built|run|operated|owned|developed|managed)\s+by\s+(?:a\s+joint\s+venture\s+"
                      r"(?:between|of)\s+)?(?:the\s+)?$")
#: "with A and B its largest markets", "A, B and C are among its main destinations"
_DEST_NOUN = re.compile(r"^\s*(?:(?:are|were|is|was|remain(?:s|ed)?|became|become)\s+)?(?:now\s+|still\s+)?"
                        r"(?:(?:among|one\s+of)\s+)?(?:its|their|the\s+(?:company|group|carmaker|automaker|brand)['’]s)"
                        r"\s+(?:[\w\-]+\s+){0,2}?(?:markets?|destinations?)\b", re.I)
_ANAPHOR = re.compile(r"^(?:The\s+(?:company|firm|automaker|carmaker|group|brand|start-?up|manufacturer|"
                      r"maker)|It|Its)\b")


def _is_destination(text: str, m: Mention) -> bool:
    """A place named after "to"/"into" (a destination, not an actor)."""
    return m.file == "places" and bool(re.search(r"\b(?:to|into)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$",
                                                  text[max(0, m.start - 30):m.start]))


def _is_home(text: str, m: Mention) -> bool:
    """A place named as a company's home ("based in X", "X-based"): never the actor itself."""
    before = text[max(0, m.start - 20):m.start]
    return m.file == "places" and bool(re.search(r"\b(?:based|headquartered)\s+in\s+$", before)
                                       or re.match(r"-(?:based|headquartered)\b", text[m.end:m.end + 14]))



class RelationRules:
    """Partnerships, production sites, market presence, destinations and deployments from cue patterns."""

    # -- relations
    def relations(self, s: int, e: int, periods: list[Period]) -> None:
        sent = self.text[s:e]
        orgs = self.mentions_in(s, e, ("organizations",))
        places = self.mentions_in(s, e, ("places",))
        stat_periods = [p for p in periods if not p.date]
        dates = [p for p in periods if p.date]
        self._partnerships(s, e, sent, orgs, places, dates)
        self._sites(s, e, sent, orgs, places, dates)
        self._presence(s, e, sent, orgs, places, stat_periods)
        self._destinations(s, e, orgs, places, stat_periods)
        self._deployments(s, e, sent, orgs, places, stat_periods, dates)

    def _actor_before(self, pos: int, s: int, orgs: list[Mention], exclude: set[str] = frozenset(),
                      places: list[Mention] | None = None) -> Mention | None:
        pool = [m for m in orgs + (places or []) if m.end <= pos and m.id not in exclude and not m.compiler
                and not _is_destination(self.text, m) and not _is_home(self.text, m)]
        if not pool and _ANAPHOR.match(self.text[s:pos]) and self.last_org is not None \
                and self.last_org.id not in exclude:
            return self.last_org
        return max(pool, key=lambda m: m.end) if pool else None

    def _partnerships(self, s, e, sent, orgs, places, dates) -> None:
        rx = re.compile(r"(?P<strategic>strategic\s+)?(?P<cue>joint[\s-]venture|partnership|cooperation|alliance|"
                        r"cooperation\s+agreement|partnership\s+agreement|partnered|teamed\s+up|tie-up|cooperate|"
                        r"collaborat\w+|" + _DEAL_NOUNS + r"|work(?:s|ed|ing)?(?=\s+(?:closely\s+)?with\b)|"
                        r"(?<=\s)(?:together|jointly)(?=\s+with\b))", re.I)
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            after = [o for o in orgs if o.start >= cue_e and re.fullmatch(
                r"[^.;]{0,30}?\b(?:with|between)\s+(?:[A-Z][\w]*['’]s\s+)?(?:the\s+)?(?:[a-z\-]+\s+){0,2}",
                self.text[cue_e:o.start])]
            b = after[0] if after else None
            if b is not None:
                a = self._actor_before(cue_s, s, orgs, {b.id})
                if re.search(r"\b(?:it|the\s+(?:company|group|firm|carmaker|automaker))\s+(?:has\s+|have\s+|had\s+|"
                             r"also\s+|then\s+|later\s+)*(?:\w+\s+){0,2}$", self.text[max(s, cue_s - 40):cue_s]) \
                        and self.last_org is not None and self.last_org.id != b.id:
                    a = self._it_actor(s, cue_s, orgs, {b.id})
                # "between A and B"
                nxt = [o for o in orgs if o.start > b.end and re.fullmatch(r"\s+and\s+", self.text[b.end:o.start])]
                if a is None and nxt:
                    a, b = b, nxt[0]
            else:
                pair = [o for o in orgs if o.end <= cue_s]
                pair = [o for o in pair if not o.compiler]
                a = b = None
                if len(pair) >= 2 and re.search(r"\band\b", self.text[pair[-2].end:pair[-1].start]):
                    a, b = pair[-2], pair[-1]
            if a is None or b is None or a.id == b.id:
                continue
            cue = m.group("cue").lower()
            if cue in {"together", "jointly"} and not re.search(
                    rf"\b(?:{_VENTURE_VERBS})\s+(?:[\w\-]+\s+){{0,4}}$", self.text[max(s, cue_s - 50):cue_s], re.I):
                continue  # "X together with Y" partners only as the way something is run, built or opened
            if re.match(_DEAL_NOUNS + "$", cue, re.I) and not re.search(
                    rf"\b(?:{_DEAL_VERBS})\s+(?:[\w\-]+\s+){{0,4}}$|\bunder\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,2}}$",
                    self.text[max(s, cue_s - 60):cue_s], re.I):
                continue  # a deal that is signed, inked, struck, reached …
            kind = "joint-venture" if cue.startswith("joint") else "alliance" if cue == "alliance" else \
                "strategic-cooperation" if m.group("strategic") else "cooperation"
            if not self._new_partnership(a.id, b.id, kind):
                continue
            rec: dict[str, Any] = {"label": f"{self.label(a.id)}–{self.label(b.id)} "
                                            f"{kind.replace('-', ' ')}", "kind": kind, "partners": [a.id, b.id]}
            mk = [p for p in places if p.start > cue_e and re.fullmatch(
                r"[^.;]{0,90}?\b(?:in|for|across|into)\s+(?:the\s+)?", self.text[cue_e:p.start])]
            if mk:
                rec["markets"] = [mk[0].id]
            if dates:
                rec["announced_on"] = dates[0].period_start
            rid = self.cid(f"{a.id}-{b.id}-{kind}")
            conf = 0.7 if b.start - cue_e < 40 else 0.55
            self.add("partnerships", {"id": rid, **rec}, conf,
                     [(a.start, a.end), (cue_s, cue_e), (b.start, b.end)], f"partnership:{cue}")

    def _new_partnership(self, a: str, b: str, kind: str) -> bool:
        """Whether a partnership of ``kind`` between a and b is news: a pair keeps its most specific kind
        (a joint venture named once and called "the partnership" later stays one joint venture)."""
        rank = {"cooperation": 0, "strategic-cooperation": 1, "alliance": 1, "joint-venture": 2}
        for c in list(self.candidates):
            if c.file == "partnerships" and set(c.record["partners"]) == {a, b}:
                if rank.get(c.record["kind"], 0) >= rank.get(kind, 0):
                    return False
                self.candidates.remove(c)
        return True

    def _sites(self, s, e, sent, orgs, places, dates) -> None:
        rx = re.compile(r"(?P<cue>(?:vehicle\s+|car\s+|assembly\s+|parts\s+|battery\s+|manufacturing\s+|production\s+|"
                        r"new\s+|first\s+|overseas\s+)*(?:factory|factories|plant|plants|production\s+base|"
                        r"manufacturing\s+base|manufacturing\s+facilit(?:y|ies)|production\s+facilit(?:y|ies)|"
                        r"production\s+line|assembly\s+line|knock-down\s+assembly|CKD\s+\w+)\b)", re.I)
        seen: set[tuple[str, str]] = set()
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            place = next((p for p in places if p.start >= cue_e and re.fullmatch(
                r",?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}(?:[A-Z]\w+['’]s\s+)?"
                r"(?:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?,\s+)?", self.text[cue_e:p.start])), None)
            if place is None:
                place = next((p for p in places if p.end <= cue_s and re.fullmatch(
                    r"(?:['’]s)?\s+(?:[a-z\-]+\s+){0,1}", self.text[p.end:cue_s])), None)
            if place is None:
                continue
            after = max(cue_e, place.end)
            op = next((o for o in orgs if o.start >= after and not o.compiler and _SITE_BY.match(
                self.text[after:o.start])), None)  # "a plant in Jeddah, built by X"
            if op is None:
                op = self._actor_before(min(cue_s, place.start), s, orgs)
            if op is None:
                op = next((o for o in orgs if o.start > cue_e and not o.compiler), None)
            if op is None or (op.id, place.id) in seen:
                continue
            seen.add((op.id, place.id))
            kind = "knock-down-assembly" if re.search(r"knock-down|ckd", cue) else "parts-factory" if "parts" in cue \
                else "production-base" if re.search(r"base|facilit", cue) else "plant" if "plant" in cue \
                else "factory"
            status = None
            if re.search(r"under\s+construction|broke\s+ground|began\s+construction|started\s+construction|"
                         r"is\s+building|being\s+built", sent, re.I):
                status = "under-construction"
            elif re.search(r"plans?\s+to|will\s+(?:build|set\s+up|open)|planned|to\s+be\s+built", sent, re.I):
                status = "planned"
            elif re.search(r"began\s+production|started\s+production|start(?:ed)?\s+operation|went\s+into\s+"
                           r"(?:operation|production)|came\s+on\s+stream|rolled\s+off|inaugurated", sent, re.I):
                status = "launched"
            elif re.search(r"expand\w*|ramp\w*\s+up|extend\w*", sent, re.I):
                status = "expanding"
            elif re.search(r"announc\w+", sent, re.I):
                status = "announced"
            elif re.search(r"\boperat\w+|\bruns\b|\bopened\b", sent, re.I):
                status = "operating"
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                                   "kind": kind, "operator": [op.id], "place": place.id}
            if status:
                rec["status"] = status
            if dates:
                rec["announced_on" if status in {"announced", "planned"} else "start"] = dates[0].period_start
            models = [mm for mm in self.mentions_in(s, e, ("vehicle_models",))]
            if models:
                rec["products"] = sorted({mm.id for mm in models})
            rid = self.cid(f"{op.id}-{place.id}-{kind}")
            self.add("sites", {"id": rid, **rec}, 0.65, [(op.start, op.end), (cue_s, cue_e),
                                                         (place.start, place.end)], f"site:{cue}")
        self._made_in(s, sent, orgs, places, seen)

    def _made_in(self, s, sent, orgs, places, seen: set[tuple[str, str]]) -> None:
        """Sites named by what is made there: "X, which assembles SUVs in Haikou", "X … to build EVs in Y"."""
        for place in places:
            m = _MAKE_VERB.search(self.text[max(s, place.start - 120):place.start])
            if m is None:
                continue
            vs = max(s, place.start - 120) + m.start()
            which = [o for o in orgs if o.end <= vs and re.fullmatch(r",\s+(?:which|that|who)\s+(?:\w+\s+){0,2}",
                                                                      self.text[o.end:vs])]
            subject = [o for o in orgs if o.end <= vs and not o.compiler and not _is_destination(self.text, o)]
            op = which[-1] if which else subject[0] if subject else None
            if op is None and re.search(r"\b(?:it|its|the\s+(?:company|carmaker|automaker|group|firm))\b",
                                        self.text[s:vs], re.I):
                op = self.last_org
            if op is None or (op.id, place.id) in seen or any(
                    c.file == "sites" and op.id in c.record["operator"] and c.record["place"] == place.id
                    for c in self.candidates):
                continue
            seen.add((op.id, place.id))
            parts = re.search(r"batter|packs|cells", m.group("obj"), re.I)
            kind = "parts-factory" if parts else "plant"
            before = self.text[max(s, vs - 30):vs]
            status = "planned" if re.search(r"\bto\s+$|\bwill\s+(?:\w+\s+)?$|plans?\s+to", before, re.I) else \
                "operating" if m.group("verb").endswith(("es", "s")) else None
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                                   "kind": kind, "operator": [op.id], "place": place.id}
            if status:
                rec["status"] = status
            rid = self.cid(f"{op.id}-{place.id}-{kind}")
            self.add("sites", {"id": rid, **rec}, 0.55, [(op.start, op.end), (vs, vs + len(m.group(0).rstrip())),
                                                         (place.start, place.end)], f"site:made-in:{m.group('verb')}")

    def _presence(self, s, e, sent, orgs, places, periods) -> None:
        rx = re.compile(r"(?P<cue>export\w*|shipped|shipments?|deliver(?!y\s+cent(?:re|er))\w*|entered|entry\s+into|"
                        r"launched|debuted|went\s+on\s+sale|sells?|sold|bound\s+for|destined\s+for|"
                        r"headed\s+(?:for|to)|went\s+to|(?:were|was)\s+sent\s+to)", re.I)
        seen: set[tuple[str, str, str]] = set()
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            if cue.startswith(("bound", "destined", "headed", "went to", "were", "was")):
                activity, preps = "exports-to", r"$"
            elif cue.startswith(("export", "ship")):
                activity, preps = "exports-to", r"to"
            elif cue.startswith("deliver"):
                activity, preps = "delivers-to", r"to|in"
            elif cue.startswith(("enter", "entry")):
                activity, preps = "entered", r"the|into"
            elif cue.startswith(("sell", "sold")):
                activity, preps = "sells-in", r"in"
            else:
                activity, preps = "entered", r"in|into"
            end_clause = re.search(r"[;]|,\s+(?:while|but|and\s+(?:its|the|a))\b|\.\s", self.text[cue_e:e])
            limit = cue_e + end_clause.start() if end_clause else e
            if re.search(r"robotaxi|charging|stores?|showrooms?", sent, re.I) and activity == "entered":
                continue  # deployments handle launched services
            markets: list[Mention] = []
            first = None
            for p in places:
                if p.start < cue_e or p.start > limit:
                    continue
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
                elif re.fullmatch(r"(?:,\s*|\s+and\s+|,\s+and\s+|\s+as\s+well\s+as\s+|\s*/\s*)(?:the\s+)?",
                                  self.text[markets[-1].end:p.start]):
                    markets.append(p)
            if not markets:
                continue
            if re.search(r"\b(?:it|the\s+(?:company|group|firm|carmaker|automaker|brand))\s+(?:has\s+|have\s+|had\s+|"
                         r"also\s+|then\s+|later\s+|now\s+|since\s+)*$", self.text[max(s, cue_s - 40):cue_s], re.I) \
                    and self.last_org is not None:
                exporter = self._it_actor(s, cue_s, orgs)  # "…, and the carmaker entered the Australian market"
            else:
                exporter = self._actor_before(cue_s, s, orgs, places=[p for p in places if p not in markets]) \
                    or self._fallback_actor(s, cue_s)
            if exporter is None:
                continue
            for mk in markets:
                key = (exporter.id, mk.id, activity)
                if key in seen or exporter.id == mk.id:
                    continue
                seen.add(key)
                verb = {"exports-to": "exports to", "delivers-to": "deliveries to", "entered": "entry into",
                        "sells-in": "sales in"}[activity]
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

    def _it_actor(self, s: int, pos: int, orgs: list[Mention], exclude: set[str] = frozenset()) -> Mention | None:
        """Whom "it" or "the company" before ``pos`` means: the sentence's speaker ("X said on Monday it had …"),
        else the organisation named last."""
        own = [o for o in orgs if o.end <= pos and o.id not in exclude and not o.compiler and re.search(
            r"\b(?:said|says|announced|reported|told|added|stated|confirmed)\b", self.text[o.end:pos])]
        return own[-1] if own else self.last_org

    def _fallback_actor(self, s: int, pos: int) -> Mention | None:
        """Who a sentence without an actor of its own speaks about: the organisation named last when the
        sentence refers back to it (its, them, the company …), else the subject of the paragraph's figures."""
        if re.search(r"\b(?:its|their|them|it|they|the\s+(?:company|group|firm|carmaker|automaker|brand))\b",
                     self.text[s:pos], re.I) and self.last_org is not None:
            return self.last_org
        return self.para_subject

    def _destinations(self, s, e, orgs, places, periods) -> None:
        """"with A and B its largest markets", "A, B and C are among its main destinations": exports to each."""
        runs: list[list[Mention]] = []
        for p in places:
            if runs and re.fullmatch(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?", self.text[runs[-1][-1].end:p.start]):
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            m = _DEST_NOUN.match(self.text[run[-1].end:e])
            if m is None:
                continue
            pool = [o for o in orgs if o.end <= run[0].start and not o.compiler]
            exporter = pool[-1] if pool else self._fallback_actor(s, run[-1].end + m.end())
            if exporter is None:
                continue
            for mk in run:
                if exporter.id == mk.id or any(c.file == "market_presence" and c.record["exporter"] == exporter.id
                                               and c.record["market"] == mk.id for c in self.candidates):
                    continue
                rec: dict[str, Any] = {"label": f"{self.label(exporter.id)} exports to {self.label(mk.id)}",
                                       "exporter": exporter.id, "market": mk.id, "activity": "exports-to"}
                if periods:
                    rec["start"], rec["end"] = periods[0].period_start, periods[0].period_end
                    if periods[0].inferred:
                        rec["period_inferred"] = True
                self.add("market_presence", {"id": self.cid(f"{exporter.id}-exports-to-{mk.id}"), **rec}, 0.55,
                         [(exporter.start, exporter.end), (mk.start, mk.end),
                          (run[-1].end + m.start(), run[-1].end + m.end())], "presence:destination-list")

    def _deployments(self, s, e, sent, orgs, places, periods, dates) -> None:
        rx = re.compile(r"(?P<cue>robotaxi\s+(?:service|fleet|operations?)|robotaxis?|charging\s+(?:stations?|piles?|"
                        r"network|points?)|(?:sales\s+and\s+service|service)\s+cent(?:re|er)s?|stores?|showrooms?|"
                        r"delivery\s+cent(?:re|er)s?)", re.I)
        verbs = re.compile(r"deploy\w*|launch\w*|operat\w*|open\w*|roll\w*\s+out|put\s+into\s+service|"
                           r"built|build\w*|set\s+up|runs?|started|began|began\s+offering|expanded", re.I)
        m = rx.search(sent)
        if not m or not verbs.search(sent):
            return
        cue = m.group("cue").lower()
        kind = "robotaxi-service" if re.search(r"robotaxi\s+(?:service|operations?)", cue) else \
            "robotaxi-fleet" if "robotaxi" in cue else "charging-network" if "charging" in cue else \
            "sales-service-centre" if "service" in cue else "delivery-centre" if "delivery" in cue else \
            "store-network"
        if kind == "robotaxi-fleet" and re.search(r"\bservice\b", sent, re.I):
            kind = "robotaxi-service"
        cue_s, cue_e = s + m.start(), s + m.end()
        where = [p for p in places if re.search(r"\b(?:in|across|at|into)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$",
                                                  self.text[max(s, p.start - 40):p.start])]
        if not where:
            return
        op = self._actor_before(cue_s, s, orgs) or next((o for o in orgs if not o.compiler), None)
        if op is None:
            return
        partners = [o.id for o in orgs if o.id != op.id and 0 <= cue_s - o.end < 60 and re.search(
            r"\bwith\s+(?:[\w\-]+\s+){0,2}$", self.text[max(s, o.start - 25):o.start])]
        status = "planned" if re.search(r"plans?\s+to|will\b|planned", sent, re.I) else \
            "launched" if re.search(r"launch\w*|began|started|rolled\s+out", sent, re.I) else \
            "opened" if re.search(r"\bopen\w*", sent, re.I) else "operating" if re.search(r"operat\w*|runs?\b",
                                                                                         sent, re.I) else None
        rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in "
                                        f"{', '.join(self.label(p.id) for p in where)}",
                               "kind": kind, "operator": op.id}
        if partners:
            rec["partners"] = partners
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
        rid = self.cid(f"{op.id}-{kind}-{where[0].id}")
        self.add("deployments", {"id": rid, **rec}, 0.6, spans, f"deployment:{cue}")
