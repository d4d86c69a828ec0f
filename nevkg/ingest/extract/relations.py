"""Relations from cue patterns: the sentence-level entry point, and partnerships.

Sites are in :mod:`relations_sites`, market presence and deployments in :mod:`relations_markets`, the actor
helpers in :mod:`relations_actors`; relations read from the dependency parse are in :mod:`parsed`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.lists import NAME_GAP, joined_runs
from nevkg.ingest.extract.model import Mention, Period
from nevkg.ingest.extract.relations_actors import _ANAPHOR, ActorRules, _is_destination, _is_home
from nevkg.ingest.extract.relations_licences import LicenceRules
from nevkg.ingest.extract.relations_markets import MarketRules
from nevkg.ingest.extract.relations_riders import RiderRules
from nevkg.ingest.extract.relations_sites import SiteRules
from nevkg.ingest.extract.spans import IN_CLAUSE, span_at
from nevkg.ingest.extract.vocab import DESCRIBED_RE

__all__ = ["RelationRules", "_ANAPHOR", "_is_destination", "_is_home"]

#: nouns of an agreement ("a supply deal with X"; whole words: "dealers" is no deal) and the verbs that make one a
#: partnership
_DEAL_NOUNS = (r"(?:\b(?:agreement|deal|pact|contract)s?\b|memorandum\s+of\s+understanding|\bMoU\b|"
               r"\b(?:loan|credit|financ(?:e|ing))\s+(?:[\w\-]+\s+)?facilit(?:y|ies)\b)")  # ("a finance facility")
_DEAL_VERBS = (r"sign\w*|ink\w*|str(?:uck|ike|ikes)|reach\w*|conclud\w*|agree\w*|clinch\w*|seal\w*|"
               r"enter\w*\s+into")
#: verbs of an authority that approves a deal of others ("the board clears a joint venture with B")
_APPROVES = re.compile(r"\b(?:approv|clear|authori[sz]|endors|sanction|green-?light|rubber-stamp)\w*\s+"
                       r"(?:[\w.,$€£¥'’-]+\s+){0,5}$", re.I)
#: a consortium whose members a deal is made with ("a contract with a consortium of A and B")
_CONSORTIUM = r"(?:an?\s+)?consortium\s+(?:of|comprising|made\s+up\s+of|formed\s+by|led\s+by)\s+"
#: verbs of running, building or opening something "together with" a partner
_VENTURE_VERBS = (r"run|runs|operat\w+|buil[dt]\w*|develop\w*|open\w*|set\s+up|establish\w*|launch\w*|"
                  r"produc\w+|manufactur\w+|assembl\w+|roll\w*\s+out|invest\w*")


class RelationRules(SiteRules, MarketRules, RiderRules, LicenceRules, ActorRules):
    """Partnerships, production sites, market presence, destinations and deployments from cue patterns."""

    # -- relations
    def relations(self, s: int, e: int, periods: list[Period]) -> None:
        sent = self.text[s:e]
        orgs = self.orgs_in(s, e)
        places = self.mentions_in(s, e, ("places",))
        stat_periods = [p for p in periods if not p.date]
        dates = [p for p in periods if p.date]
        self._partnerships(s, e, sent, orgs, places, dates)
        self._sites(s, e, sent, orgs, places, dates)
        self._presence(s, e, sent, orgs, places, stat_periods)
        self._destinations(s, e, orgs, places, stat_periods)
        self.shipped_from(s, e, orgs, places)
        self.rankings(s, e, orgs, places, stat_periods)
        self._deployments(s, e, sent, orgs, places, stat_periods, dates)
        self._deployment_partners(s, e, sent, orgs, places)
        self.rider_deployments(s, e, orgs, places)
        self.fleet_service_partners(s, e, orgs)
        self.licence_items(s, e, orgs, places)
        self._hubs(s, e, orgs, places)
        self.prune_coarse_sites()

    def _partnerships(self, s, e, sent, orgs, places, dates) -> None:
        rx = re.compile(r"(?P<strategic>strategic\s+)?(?P<cue>joint[\s-]venture|partnership|cooperation|alliance|"
                        r"cooperation\s+agreement|partnership\s+agreement|partnered|teamed\s+up|tie-up|cooperate|"
                        r"collaborat\w+|" + _DEAL_NOUNS + r"|work(?:s|ed|ing)?(?=\s+(?:closely\s+)?with\b)|"
                        r"work(?:s|ed|ing)?\s+together|join(?:s|ed|ing)?\s+forces|team(?:s|ed|ing)?\s+up|"
                        r"(?<=\s)(?:together|jointly)(?=\s+with\b))", re.I)
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            if re.search(r"\b(?:not|never|no|refused\s+to|declined\s+to|failed\s+to)\s+(?:\w+\s+){0,4}$"
                         r"|n['’]t\s+(?:\w+\s+){0,3}$",
                         self.text[max(s, cue_s - 30):cue_s], re.I):
                continue  # "had not cooperated with …", "refused to sign a deal": no partnership
            if re.match(r"\w*\s+(?:fully\s+)?with\s+(?:the\s+|its\s+|their\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}"
                        r"(?:investigation|inquiry|enquiry|probe|review|audit|authorities|regulators?)\b",
                        self.text[cue_e:e], re.I):
                continue  # "companies that cooperated with the investigation": with a process, no partner
            after = [o for o in orgs if o.start >= cue_e and not re.fullmatch(r"(?i:its|their)", o.text)
                     and re.fullmatch(
                IN_CLAUSE + rf"{{0,30}}?\b(?:with|between)\s+(?:[A-Z][\w]*['’]s\s+)?(?:the\s+)?(?:{_CONSORTIUM}"
                rf"{DESCRIBED_RE}|(?:[a-z\-]+\s+){{0,3}})", self.text[cue_e:o.start])]  # "with its investigation":
            # "its" is no partner
            b = after[0] if after else None
            signed_after = False
            if b is not None:
                a = self._actor_before(cue_s, s, orgs, {b.id})  # "it", "the company": their anaphors (orgs_in)
                if a is not None and _APPROVES.search(self.text, a.end, cue_s):
                    continue  # "the board clears a joint venture with B": who approves it is no partner
                # "between A and B" (also after a name: "X, a joint venture between A and B" joins A and B)
                nxt = [o for o in orgs if o.start > b.end and re.fullmatch(r"\s+and\s+", self.text[b.end:o.start])]
                between = re.search(r"\bbetween\s+", self.text[cue_e:b.start])
                if nxt and (a is None or between):
                    a, b = b, nxt[0]
                signer = next((o for o in orgs if cue_e < o.start and o.end < b.start and re.fullmatch(
                    r"\s+(?:that|which)\s+(?:the\s+)?", self.text[cue_e:o.start]) and re.fullmatch(
                    rf"\s+(?:has\s+|have\s+|had\s+)?(?:{_DEAL_VERBS})\s+with\s+(?:the\s+)?", self.text[o.end:b.start])),
                    None)  # "a facility that A signed with B"
                if signer is not None and signer.id != b.id:
                    a, signed_after = signer, True
            else:
                pair = [o for o in orgs if o.end <= cue_s]
                pair = [o for o in pair if not o.compiler]
                a = b = None
                if len(pair) >= 2 and re.fullmatch(r"\s*,?\s+(?:and|&)\s+(?:[\w'’-]+\s+){0,4}",
                                                   self.text[pair[-2].end:pair[-1].start]) \
                        and not re.match(r"\.?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}joint[\s-]venture\b",
                                         self.text[pair[-1].end:]):
                    a, b = pair[-2], pair[-1]  # "A and B formed a joint venture" (not "the plant … will be run by
                    # X, a joint venture": X is the venture)
                elif re.search(r"\btheir\s+(?:[\w-]+\s+){0,2}$", self.text[s:cue_s]):
                    # "A and B will assemble cars …, after the board approved their joint venture": the pair
                    # the sentence opens with
                    a, b = next(((x, y) for x, y in zip(pair, pair[1:], strict=False) if re.fullmatch(
                        r"\s*,?\s+(?:and|&)\s+(?:[\w'’-]+\s+){0,4}", self.text[x.end:y.start])), (None, None))
                signers = [o for o in orgs if o.start > cue_e and not o.compiler]  # "a deal that A and B signed"
                if a is None and len(signers) >= 2 and re.fullmatch(r"\s+(?:that|which)\s+", self.text[
                        cue_e:signers[0].start]) and re.fullmatch(r"\s+(?:and|&)\s+", self.text[
                        signers[0].end:signers[1].start]) and re.match(rf"\s+(?:have\s+|had\s+)?(?:{_DEAL_VERBS})\b",
                                                                       self.text[signers[1].end:e]):
                    a, b, signed_after = signers[0], signers[1], True
            if a is None or b is None or a.id == b.id:
                continue
            cue = m.group("cue").lower()
            if not cue.startswith("joint") and any(k.start <= cue_s and cue_e <= k.end and k.file != "places"
                                                   for k in self.ents.mentions):
                continue  # the word of a name ("the Gulf Cooperation Council", "the Framework Agreement")
            if cue in {"together", "jointly"} and not re.search(
                    rf"\b(?:{_VENTURE_VERBS})\s+(?:[\w\-]+\s+){{0,4}}$", self.text[max(s, cue_s - 50):cue_s], re.I) \
                    and not (cue == "jointly" and re.search(r",\s*$", self.text[s:cue_s])):
                continue  # "X together with Y" partners only as the way something is run, built or opened (or
                # as a licence's holders: "X, a company …, jointly with Y, for zone A")
            if re.match(_DEAL_NOUNS + "$", cue, re.I) and not signed_after and not re.search(
                    rf"\b(?:{_DEAL_VERBS})\s+(?:[\w\-]+\s+|[$€£¥]?[\d.,]+\s+|\([^()]{{0,40}}\)\s+){{0,4}}$|\bunder\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,2}}$",
                    self.text[max(s, cue_s - 60):cue_s], re.I):
                continue  # a deal that is signed, inked, struck, reached …
            kind = "joint-venture" if cue.startswith("joint") and cue != "jointly" else \
                "alliance" if cue == "alliance" else "strategic-cooperation" if m.group("strategic") else "cooperation"
            mk = [p for p in places if p.start > cue_e and re.fullmatch(
                IN_CLAUSE + r"{0,90}?\b(?:in|for|across|into)\s+(?:the\s+)?", self.text[cue_e:p.start])]
            members = self._consortium(b, orgs, cue_e)  # "with a consortium of B and C": B and C work together
            pairs = [(a, o) for o in [b, *(members[1:] or self._partners_listed_after(b, orgs, a))]] + \
                [(x, y) for i, x in enumerate(members) for y in members[i + 1:]]
            for x, o in pairs:  # "with B, C and D": each one
                if not self._new_partnership(x.id, o.id, kind):
                    continue
                rec: dict[str, Any] = {"label": f"{self.label(x.id)}–{self.label(o.id)} "
                                                f"{kind.replace('-', ' ')}", "kind": kind, "partners": [x.id, o.id]}
                if mk:
                    rec["markets"] = [mk[0].id]
                if dates:
                    rec["announced_on"] = dates[0].period_start
                rid = self.cid(f"{x.id}-{o.id}-{kind}")
                conf = 0.7 if o.start - cue_e < 40 else 0.55
                self.add("partnerships", {"id": rid, **rec}, conf,
                         [(x.start, x.end), (cue_s, cue_e), (o.start, o.end)], f"partnership:{cue}")

    def _consortium(self, b: Mention, orgs: list[Mention], cue_e: int) -> list[Mention]:
        """The members of a consortium a deal is made with, ``b`` first ("a contract with a consortium of Chinese bus
        maker B and local firm C"), or none when ``b`` is named otherwise."""
        if not re.search(rf"\b{_CONSORTIUM}{DESCRIBED_RE}$", self.text[cue_e:b.start], re.I):
            return []
        members = [b]
        for o in (o for o in orgs if o.start > b.end):
            if not re.fullmatch(rf"\s*,?\s*(?:and\s+)?{DESCRIBED_RE}", self.text[members[-1].end:o.start]):
                break
            members.append(o)
        return members if len(members) > 1 else []

    def _partners_listed_after(self, b: Mention, orgs: list[Mention], a: Mention) -> list[Mention]:
        """The organisations listed after ``b`` ("B, C and D", "B , C, and D"), not ``a`` nor one of a group."""
        run = next((r for r in joined_runs(orgs, self.text, NAME_GAP) if b in r), [b])
        listed: list[Mention] = []
        for o in run[run.index(b) + 1:]:
            span = span_at(self.doc, o.start, o.end) if self.doc is not None else None
            if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"} or re.match(
                    r"\s+(?:will|would|shall|can|could|may|might|must|is|are|was|were|has|have|had|said|says)\b",
                    self.text[o.end:o.end + 8]):
                break  # "with B and C will supply …": C opens the next clause
            listed.append(o)
        before_last = listed[-2] if len(listed) > 1 else b
        if not listed or not re.fullmatch(r"\s*,?\s*and\s+", self.text[before_last.end:listed[-1].start]):
            return []  # a list ends in "and"
        return [o for o in listed if o.id not in {a.id, b.id} and not self._same_group(a, o)]

    def _named_kin(self, rid: str) -> set[str]:
        """``rid`` and the organisations whose label is the first words of its label or starts with its label (a
        unit named after its company: "Magna Complete Vehicles" and "Magna")."""
        own = self.label(rid)
        out = {rid}
        for m in self.ents.mentions:
            if m.file == "organizations" and m.id != rid:
                other = self.label(m.id)
                if own.startswith(other + " ") or other.startswith(own + " "):
                    out.add(m.id)
        return out

    def _new_partnership(self, a: str, b: str, kind: str) -> bool:
        """Whether a partnership of ``kind`` between a and b is news: a pair keeps its most specific kind
        (a joint venture named once and called "the partnership" later stays one joint venture); two brands of
        one owner are no partnership."""
        owner = {r: self.ents.new.get(r, {}).get("brand_of") for r in (a, b)}
        if owner[a] and owner[a] == owner[b]:
            return False  # two brands of one owner are not partners ("A and B will be sold by …")
        rank = {"cooperation": 0, "strategic-cooperation": 1, "alliance": 1, "joint-venture": 2}
        kin = {x: self._named_kin(x) for x in (a, b)}
        if any(c.tie and set(c.record["partners"]) != {a, b} and len(c.record["partners"]) == 2
               and all(any(p in kin[x] for p in c.record["partners"]) for x in (a, b))
               and rank.get(c.record["kind"], 0) >= rank.get(kind, 0) for c in self.candidates):
            return False  # said already of a company named in the other's name ("Magna" and "Magna Steyr Graz")
        for c in list(self.candidates):
            if c.tie and set(c.record["partners"]) == {a, b}:
                if rank.get(c.record["kind"], 0) >= rank.get(kind, 0):
                    return False
                self.candidates.remove(c)
        return True

