"""Deployments from cue patterns: robotaxi services and fleets, charging and swap networks, stores, showrooms,
dealer agencies and service centres in the places of their clause, with their operator and partners (the cue words
are :mod:`~nevkg.ingest.extract.deploy_cues`'s; a mixin of
:class:`~nevkg.ingest.extract.relations_markets.MarketRules`)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.deploy_cues import CUE_VERBS, HAS_BRANCHES, MORE_SITES, cue_pattern, kind_of_cue
from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.network_countries import NETWORK_KINDS
from nevkg.ingest.extract.periods import _plain
from nevkg.ingest.extract.relations_actors import _GOV, _RELATIVE, _is_home
from nevkg.ingest.extract.relations_gapped import GappedDeployments
from nevkg.ingest.extract.spans import IN_CLAUSE, span_at, verb_of

__all__ = ["CueDeployments"]

#: a company whose name says it runs chargers ("X Charging", "Y Charge", "Z Volt")
_CHARGER = re.compile(r"\b(?:Charg\w*|Volt\w*|E-?Charge)\b", re.I)
#: a partner named after "with" ("will work with local operator X")
_WITH = re.compile(r"\b(?:with|alongside)\s+(?:[\w\-]+\s+){0,3}$")
#: the words that open a deployment's places ("in", "across", "along" a road, "starting with A, B and C")
_PLACE_WORDS = r"in|across|at|along|into|including|such\s+as|(?:starting|beginning)\s+with"
#: the words before a deployment's place
_PLACE_PREP = re.compile(rf"\b(?:{_PLACE_WORDS})\s+(?:the\s+)?(?:[\w\-]+\s+){{0,3}}$|"
                         r"\bexpand\w*\s+(?:[\w\-]+\s+){0,4}?to\s+(?:the\s+)?$|(?:,|\band)\s+(?:the\s+)?$")
#: the word before a road a deployment runs on ("fast chargers on the Pacific and Hume highways")
_ON = re.compile(r"\bon\s+(?:the\s+)?$")
#: a stretch of country the stores run across ("from Whangarei to Invercargill"): both ends are their places
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2})\s+to\s+"
                      r"(?P<b>[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2})")
#: a relative clause that opens right after a name and runs to the cue (", which currently operates 85 DC ")
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\s+(?:[\w\-]+\s+){1,5}")
#: an apposition that names a company's owner ("X, a subsidiary of Y"): a relative clause after Y is X's
_OWNER_APPOS = re.compile(r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}of\s+")
#: a subject that speaks of the organisations named together just before
_BOTH = re.compile(r"\b(?:[Tt]he\s+(?:two\s+)?(?:companies|firms|partners|groups)|[Bb]oth\s+(?:companies|firms|"
                   r"partners)|[Tt]hey)\b")
#: two organisations named together ("A and B", "A, B", "A and mapping group B")
#: "… in X and Y, respectively": the places pair with the names before, one each
_RESPECTIVELY = re.compile(IN_CLAUSE + r"*?,?\s+respectively\b")
_AND = re.compile(r"\s+and\s+(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){0,4}|,\s+(?:and\s+)?")
#: a place listed after the first of a list ("in A and B", "across A, B and C"): its list starts after a preposition
_LISTED = re.compile(rf"\b(?:{_PLACE_WORDS}|to)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*"
                     r"(?:(?:,|\s+and)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)*(?:,|\s+and)\s+(?:the\s+)?$")
#: a deployment run with a partner ("the tests will be carried out with X", "the service is operated together with")
_RUN_WITH = re.compile(r"\b(?:(?:tests?|testing|trials?|pilot|service|robotaxis?|fleet|operations?|vehicles)\b"
                       + IN_CLAUSE + r"{0,60}?\b(?:(?:carried\s+out|conducted|run|operated|done|managed|deployed)\s+"
                       r"(?:together\s+|jointly\s+)?with|in\s+(?:partnership|collaboration|cooperation)\s+with|together\s+with|"
                       r"(?:booked|hailed|ordered|requested)\s+(?:only\s+)?(?:through|via|on|using))|(?:run|operat|"
                       r"launch|offer|conduct|provid|test)\w*\s+(?:the|its|a|their)\s+(?:[\w\-]+\s+){0,2}?(?:service|"
                       r"tests?|trials?|pilot|fleet|robotaxis?|rides)\s+(?:together\s+|jointly\s+)?with)\s+(?:the\s+)?",
                       re.I)
#: a list of places counted out ("nine showrooms: two in Seoul, …, and one each in A, B and C"): no new clause
_EACH_IN = re.compile(r",\s+and\s+(?:one|two|three|four|five|\d+)(?:\s+each)?\s+in\s+", re.I)
#: the same network's growth told in a clause of its own (", and plans to have 200 by 2028 in A, B and C")
_GROWS_TO = re.compile(r",\s+and\s+(?:plans?|aims?|expects?|wants?|hopes?)\s+(?:to\s+(?:have|reach|add|build|install|"
                       r"open|run|operate)\s+)?(?:about\s+|some\s+|up\s+to\s+|more\s+than\s+)?\d", re.I)
#: a place a site's phrase names before the cue ("assembling cars at a plant run by X in the Y zone in Z, with the
#: first cars due in showrooms"): where the plant is, not where stores are
_SITE_PHRASE = re.compile(r"\b(?:plant|factory|facility|assembly\s+line)\b[^,;.]{0,80}?\bin\s+(?:the\s+)?"
                          r"(?:[A-Z][\w\-]*\s+){0,5}(?:in\s+)?(?:the\s+)?$")
#: where one clause ends and another, about something else, begins
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|as)\s|\bwhile\b|\bwhereas\b|\b(?:said|says|told)\b")
#: a place named as where a plant stands ("built at a plant in X", "from its factory outside Y"): where the
#: cars are made, not where they run
_WORKS_AT = re.compile(r"\b(?:plant|factory|factories|plants|works|assembly\s+line|production\s+line|production\s+"
                       r"base)\s+(?:in|at|near|outside|of)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)


#: the words before a figure's source named after it ("… 612 points of sale, according to the count of X")
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\b[^.;]{0,90}$|\b(?:data|figures|estimates?|a\s+count|a\s+report|"
                            r"research)\s+(?:from|by|of)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
#: stores named again, placed by a sentence of their own ("Five of the dealerships are in A and B")
_THE_STORES_IN = re.compile(r"\b(?:the|these|those)\s+(?:new\s+|other\s+)?(?P<cue>dealerships|showrooms|stores|outlets|"
                            r"sales\s+points)\s+(?:are|will\s+be|would\s+be)\s+(?:located\s+|based\s+)?in\b", re.I)
#: how far back (characters) the stores' owner may be named
_STORES_BACK = 1200
#: more of a network counted just before, told by a number alone ("It plans to have 160 by the end of 2028 in A, B
#: and C"; "the company plans to have 260 …, in A and B")
_MORE_OF_THEM = re.compile(r"\b(?:plans?|aims?|intends?|expects?|wants?|hopes?)\s+to\s+(?:have|operate|run|install|"
                           r"reach)\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?(?P<cue>\d[\d,]*)"
                           r"(?=\s*(?:[,.;]|by\b|in\b|across\b|along\b|at\b))")
#: how far back (characters) the network counted before may end
_COUNTED_BACK = 300


#: what stands between a deployment's cue and a company whose premises host it ("chargers at X's showrooms")
_AT_HOSTS = re.compile(r"\s+(?:[\w\-]+\s+){0,3}?at\s+(?:(?:all|each|some|most|several)\s+(?:of\s+)?)?(?:the\s+)?")
_HOSTS_PREMISES = re.compile(r"['’]s?\s+(?:[\w\-]+\s+){0,2}?(?:showrooms?|dealerships?|depots?|stores?|sites?|"
                             r"branches|outlets?|premises|service\s+cent(?:re|er)s?|garages?|car\s+parks?|"
                             r"stations?|malls?|hotels?|offices?)\b")


class CueDeployments(GappedDeployments):
    """Deployments named by a cue noun and a verb of running or opening (a mixin of the extractor)."""

    def _deployments(self, s, e, sent, orgs, places, periods, dates) -> None:
        rx, verbs = cue_pattern(self.text, s), CUE_VERBS
        named = [o for o in orgs if not o.rule.startswith("anaphor")]
        if self._network_grows(s, e, sent, rx, places, periods, dates):
            return
        for m in rx.finditer(sent) if named else ():
            kind = kind_of_cue(m.group("cue"))
            owner = self._actor_before(s + m.start(), s, named) or next((o for o in named if not o.compiler), None)
            if owner is None:
                continue
            if kind == "store-network":  # whose stores a later "the dealerships" speaks of
                self._store_owner = owner
            if kind in NETWORK_KINDS and re.search(r"\d\s+(?:[\w\-]+\s+){0,2}$", sent[:m.start()]):
                self._counted = (kind, owner, s + m.end())  # a network counted: more may follow by number alone
        if not verbs.search(sent):
            if not named:  # ("…, the company said" names no new company)
                self._stores_there(s, e, sent, places, periods, dates)
            return
        cues = list(rx.finditer(sent))
        for m in cues:  # each cue with the places of its own clause
            if re.fullmatch(MORE_SITES, m.group("cue"), re.I) and not re.match(r"(?:sales|retail|dealer)\b", m.group(
                    "cue"), re.I) and not HAS_BRANCHES.search(sent, 0, m.end()) and not any(
                    k.start() < m.start() and kind_of_cue(k.group("cue")) == "store-network"
                    and not re.fullmatch(MORE_SITES, k.group("cue"), re.I) for k in cues):
                continue  # "new sites" speak of stores only after stores were named ("has 11 dealerships, …"),
                # unless they say they sell ("62 sales and service sites across the UK") or are a seller's own
                # ("X, which has branches in A and B")
            self._deployment_at(m, s, e, sent, orgs, places, periods, dates)

    def _network_grows(self, s, e, sent, rx, places, periods, dates) -> bool:
        """"It plans to have 160 by the end of 2028 in A, B and C" right after a sentence that counted a network
        ("X currently operates 42 public chargers"): the network's owner runs it in those places too."""
        counted = getattr(self, "_counted", None)
        m = _MORE_OF_THEM.search(sent)
        if counted is None or m is None or s - counted[2] > _COUNTED_BACK or rx.search(sent):
            return False
        self._deployment_at(m, s, e, sent, [counted[1]], places, periods, dates, kind=counted[0])
        return True

    def _stores_there(self, s, e, sent, places, periods, dates) -> None:
        """"Five of the dealerships are in A, B and C": a sentence that names no organisation and places the stores
        named before ("… with eight dealerships set to open") runs them for their owner there."""
        owner = getattr(self, "_store_owner", None)
        m = _THE_STORES_IN.search(sent)
        if m is None or owner is None or s - owner.end > _STORES_BACK:
            return
        self._deployment_at(m, s, e, sent, [owner], places, periods, dates)

    def _deployment_at(self, m, s, e, sent, orgs, places, periods, dates, kind=None) -> None:
        cue = m.group("cue").lower()
        kind = kind or kind_of_cue(cue)
        if kind == "robotaxi-fleet" and re.search(r"\bservice\b", sent, re.I):
            kind = "robotaxi-service"
        cue_s, cue_e = s + m.start(), s + m.end()
        if re.search(r"\b(?:makers?|suppliers?|manufacturers?|producers?|developers?)\s+of\s+(?:[\w\-]+\s+){0,2}$",
                     self.text[max(s, cue_s - 40):cue_s], re.I):
            return  # "X, a maker of fast chargers, …": what X makes, not where it runs them
        where = [p for p in self._deployment_places(s, e, cue_s, cue_e, places)
                 if kind != "store-network" or self.ents.kind_of(p.id) != "road"]  # (chargers run along a road)
        if not where:
            return
        # "… with X, which runs 85 fast chargers in Y": X runs them (the name right before the clause: in "X,
        # which ran 14 Y showrooms", X is a dealer of the brand Y)
        last = max((o for o in orgs if o.end <= cue_s), key=lambda o: o.end, default=None)
        antecedent = last if last is not None and _RELATIVE_OPEN.fullmatch(self.text[last.end:cue_s]) else None
        head = max((o for o in orgs if antecedent is not None and o.end <= antecedent.start and
                    _OWNER_APPOS.fullmatch(self.text[o.end:antecedent.start])), key=lambda o: o.end, default=None)
        antecedent = head or antecedent  # "through X, a subsidiary of Y, which operates 28 showrooms": X does
        op = antecedent or self._actor_before(cue_s, s, orgs) or next((o for o in orgs if not o.compiler and not (
            _LISTED.search(re.sub(r"(?:[A-Z][\w\-]*\s+)+$", "", self.text[s:o.start]))) and not _SOURCE_BEFORE.search(
            self.text[max(s, o.start - 110):o.start])), None)  # (not the count's source: "according to X")
        # (a name at the end of a list of places, "in A, B and C D", is the parser's misreading of a place)
        owner = [o for o in orgs if op is not None and o.end < op.start and re.fullmatch(
            r"['’]s?\s+", self.text[o.end:op.start])]
        owned = bool(owner) and bool(re.fullmatch(r"\s+", self.text[op.end:cue_s]))
        if owned:
            op = owner[-1]  # "X's Y robotaxis": Y names X's service, X operates it
        owned = owned or op is not None and bool(re.fullmatch(r"['’]s?\s+", self.text[op.end:cue_s]))  # "X's cars"
        if op is not None and op is not antecedent and _WITH.search(self.text[max(s, op.start - 40):op.start]):
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
        dealer = self.brand_dealer(kind, op, orgs, s, cue_s)  # "X operates nine Y agencies in A": X sells Y
        if self.gapped_deployments(kind, op, where, orgs, cue_s, cue_e, sent):  # "A in X and B in Y"
            return
        partners = [o.id for o in orgs if o.id != op.id and (0 <= cue_s - o.end < 60 or 0 <= o.start - cue_e < 150
                                                            and self._with_in_clause(cue_s, cue_e, o))
                    and re.search(r"\bwith\s+(?:[\w\-]+\s+){0,2}$", self.text[max(s, o.start - 25):o.start])]
        # ("with X" before the cue, or after it in its clause: "will open four swap stations in A, with X connecting
        # them")
        partners += [o.id for o in orgs if o.id != op.id and o.id not in partners and 0 <= o.start - cue_e < 60
                     and _AT_HOSTS.fullmatch(self.text[cue_e:o.start]) and _HOSTS_PREMISES.match(self.text, o.end)]
        # ("will install 45 fast chargers at X's showrooms": X hosts them)
        partners += [g.id for g in group if both and g.id != op.id and g.id not in partners]
        partners += [dealer.id] if dealer is not None and dealer.id not in partners else []
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
        # the status and time of the cue's own clause ("currently operates 11 showrooms …, and plans to take the
        # number to 16 by 2027": 11 operating now; the plan is another clause's)
        after = re.search(r"[;]|,\s+(?:and|but|while|whereas)\s+(?:it\s+|the\s+\w+\s+)?(?:plans?|aims?|intends?|"
                          r"hopes?|wants?|expects?|will)\b", self.text[cue_e:e])
        clause_end = cue_e + after.start() if after is not None else e
        status = _status(self.text[s:clause_end])
        periods = [p for p in periods if p.start < clause_end]
        dates = [d for d in dates if d.start < clause_end]
        rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in "
                                        f"{', '.join(dict.fromkeys(self.label(p.id) for p in where))}",
                               "kind": kind, "operator": op.id}
        if partners:
            rec["partners"] = partners
            self._local_partners([o for o in orgs if o.id in partners], where[0].id)
        rec["places"] = list(dict.fromkeys(p.id for p in where))
        units = {"stores"} if kind == "store-network" else {"vehicles", "stores"}  # (no store counts "12" as cars)
        stats = [st for st in find_statistics(sent, s) if st.kind == "amount" and st.unit in units]
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
        team = {op.id, *partners}
        same = next((c for c in self.candidates if c.file == "deployments" and c.record.get("kind") == kind
                     and set(rec["places"]) == set(c.record.get("places", []))
                     and team & {c.record["operator"], *c.record.get("partners", [])}), None)
        if same is not None:  # "A and B plan robotaxis in X" (a headline), then "B and A plan to launch … in X"
            known = {same.record["operator"], *same.record.get("partners", [])}
            if team - known:
                same.record.setdefault("partners", []).extend(sorted(team - known))
            return
        rid = self.cid(f"{op.id}-{kind}-{where[0].id}")
        self.add("deployments", {"id": rid, **rec}, 0.6, spans, f"deployment:{cue}")

    def _with_in_clause(self, cue_s: int, cue_e: int, org: Mention) -> bool:
        """Whether the "with" before ``org`` hangs on the verb of the deployment's cue at ``text[cue_s:cue_e]``
        (not on another clause's: "whose robotaxis run in X, said it teamed up with Y to open …")."""
        doc = getattr(self, "doc", None)
        cue, name = (span_at(doc, cue_s, cue_e), span_at(doc, org.start, org.end)) if doc is not None else (None, None)
        if cue is None or name is None or not len(cue) or not len(name):
            return False
        prep = next((t for t in name.root.ancestors if t.lower_ == "with"), None)
        return prep is not None and prep.head.i == verb_of(cue.root).i

    def brand_dealer(self, kind: str, brand: Mention, orgs: list[Mention], s: int, cue_s: int) -> Mention | None:
        """The company that runs a carmaker's or brand's stores named with the brand before the store noun ("X
        operates nine Y agencies", "X ran 14 Y showrooms"): the clause's actor before the brand; ``None`` when
        there is none or the brand is no attribute of the noun."""
        if kind != "store-network" or not re.fullmatch(r"\s+", self.text[brand.end:cue_s]) or (
                brand.kind or "") not in {"automaker", "brand"}:
            return None
        dealer = self._actor_before(brand.start, s, orgs, {brand.id})  # type: ignore[attr-defined]
        return dealer if dealer is not None and dealer.file == "organizations" and (
            dealer.kind or "") not in _GOV and not re.search(r"[;.]", self.text[dealer.end:brand.start]) else None

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
        ends = {(r.start(k), r.end(k)) for r in _FROM_TO.finditer(self.text, s, e) for k in ("a", "b")
                if r.start() > cue_e and not _CLAUSE_BREAK.search(self.text, cue_e, r.start())}
        out = []
        for p in places:
            if (p.start, p.end) in ends:  # "11 dealerships, from A to B"
                out.append(p)
                continue
            before = self.text[max(s, p.start - 40):p.start]
            listed = re.search(r"(?:,|\band)\s+(?:the\s+)?$", before[-8:])
            chained = bool(out) and bool(re.fullmatch(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?",
                                                      self.text[out[-1].end:p.start]))  # "A, B, C and D": each
            on_road = self.ents.kind_of(p.id) == "road" and _ON.search(before)  # ("chargers on the X highway")
            if not chained and not on_road and (not _PLACE_PREP.search(before) or listed and not _LISTED.search(
                    self.text[max(s, p.start - 90):p.start])):
                continue
            gap = _EACH_IN.sub(" ", self.text[min(cue_s, p.end):max(cue_e, p.start)])  # (", and one each in": a list)
            if p.start > cue_e:
                gap = _GROWS_TO.sub(" ", gap)  # ("runs 35 chargers, …, and plans 200 … in A": the network grown)
            if chained:
                gap = ""  # "in A, B, and C": the list's own ", and" breaks no clause (the place before was kept)
            if _CLAUSE_BREAK.search(gap) or any(
                    a <= p.start < b and not a <= cue_s < b for a, b in aside) or self._country_of_city(p, places) \
                    or self.aside_place(p) or _WORKS_AT.search(before) or self._origin_of_org(p) \
                    or _is_home(self.text, p) or p.end <= cue_s and _SITE_PHRASE.search(
                        self.text, max(s, p.start - 100), p.start):
                continue  # (nor a company's home: "X, headquartered in Y, … runs seven showrooms in A and B")
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
    return "planned" if re.search(r"plans?\s+to|will\b|planned|\bplans?\s+(?:about\s+|some\s+|up\s+to\s+)?\d",
                                  sent, re.I) else \
        "launched" if re.search(r"launch\w*|began|started|rolled\s+out", sent, re.I) else \
        "opened" if re.search(r"\bopen\w*", sent, re.I) else "operating" if re.search(r"operat\w*|runs?\b",
                                                                                     sent, re.I) else None
