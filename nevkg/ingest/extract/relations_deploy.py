"""Robotaxi and driverless deployments read from the parse: the actor's operations (tests and permits too) in the
places of its clause, with the clause's other organisations as partners (a mixin of the parsed relations,
:class:`~nevkg.ingest.extract.parsed.ParsedRelations`, whose clause helpers it uses)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.plans import parsed_plan_status
from nevkg.ingest.extract.relations_actors import _GOV, _clause
from nevkg.ingest.extract.spans import span_at, verb_of
from nevkg.ingest.extract.vocab import SITE_NOUNS

#: what a robotaxi operator expands or brings to new places ("extend the service to X")
_SERVICE_OBJ = {"service", "fleet", "robotaxi", "robotaxis", "operation", "ride", "test", "testing", "trial", "pilot"}
_EXPAND_VERBS = {"expand", "extend", "bring", "take"}
#: where cars are made: a place hung on one of these is no place a fleet runs in
_WORKS_NOUNS = SITE_NOUNS | {"line", "base"}


#: verbs of asking for a permit (one asked for is not held)
_ASK_FOR = {"apply", "seek", "request", "await", "file", "pursue", "lodge", "want"}
#: a sentence that speaks of driverless cars (in a sentence, "autonomous" is taken to mean them too)
DRIVERLESS = re.compile(r"robo-?taxi|driverless|self-driving|autonomous", re.I)
#: an article about driverless services (not "autonomous", which a carmaker's driver assistance is called too)
_ROBOTAXI_STORY = re.compile(r"robo-?taxis?\b|driverless|self-driving", re.I)


def _kind_family(c: Any) -> str:
    """A deployment's kind, robotaxi fleets and services as one ("robotaxi")."""
    kind = str(c.record.get("kind", ""))
    return "robotaxi" if kind.startswith("robotaxi") else kind


class DeployParseRules:
    """Deployments from a clause (a mixin of the extractor)."""

    def service_expansions(self, sent: Any, orgs: list[Mention], places: list[Mention]) -> None:
        """"It plans to extend the service to A and B", "the partners will bring the fleet to 15 more cities,
        including A": a company that runs robotaxis (by the article, or the sentence says so) deploys in the places
        after "to"; "the partners" or "they" are the companies named together last."""
        for verb in sent:
            obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _EXPAND_VERBS or obj is None or \
                    obj.lemma_.lower() not in _SERVICE_OBJ:
                continue
            actor = self._actor(verb, orgs)
            if actor is None or (actor.kind or "") in _GOV:
                continue
            team = [actor] + [g for g in getattr(self, "_last_group", []) if g.id != actor.id] \
                if self._plural_subject(verb) else [actor]
            if not self.runs_driverless({m.id for m in team}) and not DRIVERLESS.search(sent.text):
                continue
            to = {d.i for h in (verb, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                  for d in c.subtree}  # ("the service to X": the parser may hang "to" on the object)
            where = [p for p in places if (sp := span_at(self.doc, p.start, p.end)) is not None and sp.root.i in to]
            have = {p for c in self.candidates if c.file == "deployments" and c.record.get("operator") == actor.id
                    for p in c.record.get("places", [])}
            new = [p for p in dict.fromkeys(p.id for p in where) if p not in have]
            if not new:
                continue
            rec: dict[str, Any] = {"label": f"{self.label(actor.id)} robotaxi service in "
                                            f"{', '.join(self.label(p) for p in new)}",
                                   "kind": "robotaxi-service", "operator": actor.id, "places": new,
                                   "status": "planned"}
            if len(team) > 1:
                rec["partners"] = [m.id for m in team[1:]]
            self.add("deployments", {"id": self.cid(f"{actor.id}-robotaxi-{new[0]}"), **rec}, 0.5,
                     [(actor.start, actor.end), (verb.idx, verb.idx + len(verb.text))] +
                     [(p.start, p.end) for p in where], f"parse:deploy:{verb.lemma_.lower()}")

    def _sole_owner(self, sent: Any, orgs: list[Mention]) -> Mention | None:
        """The one company a sentence names in the possessive ("X's portfolio"), not an authority; ``None``
        where it names none or more than one."""
        owners = {o.id: o for o in orgs
                  if (o.kind or "") not in _GOV and re.match(r"'s?\b", self.text[o.end:o.end + 2])}
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _deploy(self, cue: Any, actor: Mention, orgs: list[Mention], places: list[Mention]) -> None:
        """Robotaxi or driverless operations (tests and permits too) in the clause's places, with the clause's
        other organisations as partners. An authority is no operator: the one it grants a permit to is."""
        if cue.lemma_.lower() in {"permit", "licence", "license", "approval"} and any(
                v.lemma_.lower() in _ASK_FOR for v in [cue.head, *cue.head.ancestors][:3]):
            return  # "it has applied for a permit in X": asked for, not held
        if (actor.kind or "") in _GOV:
            actor = self._permit_holder(cue)
            if actor is None:
                return
        where = self._clause_places(cue, places, actor) if parsed_plan_status(cue) is None else []  # not weighed
        where = [p for p in where if not self._works_place(p)]
        first = verb_of(cue)
        if not where and first.dep_ == "conj" and first.head.pos_ in {"VERB", "AUX"} and \
                parsed_plan_status(cue) is None:
            # "… got a permit to test in X and will run the tests with Y": the first verb's places
            where = [p for p in self._clause_places(first.head, places, actor) if not self._works_place(p)]
        if not where or not any(t.lemma_.lower() in {"robotaxi", "robotaxis", "driverless", "autonomous", "self",
                                                      "ride", "mobility", "unmanned"} for t in cue.sent) and \
                not re.search(r"\blevel[\s-]?4\b|\bL4\b|\bself-driving\b|\brobo-?(?:taxi|bus)", cue.sent.text, re.I) \
                and not self._runs_robotaxis(cue, actor):
            return
        head = verb_of(cue)
        clause = _clause(head)
        if self._respective_deployments(cue, head, actor, orgs, where, clause) or self.gapped_deployments(
                "robotaxi-service", actor, sorted(where, key=lambda p: p.start), orgs, cue.idx,
                cue.idx + len(cue.text), cue.sent.text):
            return
        for t in head.subtree:  # "X, which is listed on Y, runs robotaxis …": Y is no partner
            if t.dep_ == "relcl" and cue.i not in {d.i for d in t.subtree}:
                clause -= {d.i for d in t.subtree}
        partners = list(dict.fromkeys(o.id for o in self._coactors(actor, orgs) + self._planners(cue, orgs)
                                      if o.id != actor.id and not self._same_group(actor, o)))
        for o in orgs:
            span = span_at(self.doc, o.start, o.end)
            if o.id != actor.id and span is not None and span.root.i in clause and o.id not in partners and \
                    not o.compiler and not self._same_group(actor, o):  # its own brand is no partner, a source none
                partners.append(o.id)
        if self._plural_subject(cue):  # "the companies plan to deploy …": both named before take part
            partners += [m.id for m in getattr(self, "_last_group", []) if m.id != actor.id and m.id not in partners]
        owners = {actor.id, *partners}
        partners = [o for o in partners if self.ents.new.get(o, {}).get("brand_of") not in owners]
        self._local_partners([o for o in orgs if o.id in partners], where[0].id)
        same = [c for c in self.candidates if c.file == "deployments" and (c.record.get("operator") == actor.id or (
            actor.id in c.record.get("partners", []) and set(c.record.get("places", [])) & {p.id for p in where}))]
        have = {p for c in same for p in c.record.get("places", [])}
        new = [p for p in where if p.id not in have]
        for c in same:  # the cue rules found it already: add the partners they missed
            if set(c.record.get("places", [])) & {p.id for p in where}:
                more = [o for o in partners if o not in c.record.get("partners", []) and o != c.record["operator"]]
                if more:
                    c.record["partners"] = c.record.get("partners", []) + more
        if not new:
            return
        rec: dict[str, Any] = {"label": f"{self.label(actor.id)} robotaxi service in "
                                        f"{', '.join(self.label(p.id) for p in new)}",
                               "kind": "robotaxi-service", "operator": actor.id}
        if partners:
            rec["partners"] = partners
        rec["places"] = list(dict.fromkeys(p.id for p in new))
        self.add("deployments", {"id": self.cid(f"{actor.id}-robotaxi-{new[0].id}"), **rec}, 0.5,
                 [(actor.start, actor.end), (cue.idx, cue.idx + len(cue.text))] + [(p.start, p.end) for p in new],
                 f"parse:deploy:{cue.lemma_.lower()}")

    def _respective_deployments(self, cue: Any, head: Any, actor: Mention, orgs: list[Mention],
                                where: list[Mention], clause: set[int]) -> bool:
        """"A and B run fleets in X and Y, respectively": A runs in X and B in Y, each on its own (no partners).
        Whether the clause pairs its names and places this way (and the deployments were proposed)."""
        if not any(self.doc[i].lower_ == "respectively" for i in clause):
            return False
        own = set(clause)  # the clause's places, not those of a clause it governs (", while C tests in Z")
        for i in clause:
            if i != head.i and self.doc[i].dep_ in {"advcl", "relcl", "ccomp"} and self.doc[i].pos_ in {"VERB", "AUX"}:
                own -= {d.i for d in self.doc[i].subtree}
        actors = sorted({m.id: m for m in [actor, *self._coactors(actor, orgs)]}.values(), key=lambda m: m.start)
        places = sorted({p.id: p for p in where if (sp := span_at(self.doc, p.start, p.end)) is not None
                         and sp.root.i in own}.values(), key=lambda p: p.start)
        if len(actors) < 2 or len(actors) != len(places):
            return True  # a pairing the clause does not spell out: no deployment rather than a wrong one
        for a, p in zip(actors, places, strict=True):
            if any(c.file == "deployments" and c.record.get("operator") == a.id and p.id in c.record.get("places", [])
                   for c in self.candidates):
                continue
            self.add("deployments", {"id": self.cid(f"{a.id}-robotaxi-{p.id}"),
                                     "label": f"{self.label(a.id)} robotaxi service in {self.label(p.id)}",
                                     "kind": "robotaxi-service", "operator": a.id, "places": [p.id]}, 0.5,
                     [(a.start, a.end), (cue.idx, cue.idx + len(cue.text)), (p.start, p.end)],
                     f"parse:deploy:{cue.lemma_.lower()}:respectively")
        return True

    def _works_place(self, place: Mention) -> bool:
        """Whether the parse hangs ``place`` on a plant ("built at a plant in X", "from its factory outside Y"):
        where the cars are made, not where they run."""
        span = span_at(self.doc, place.start, place.end)
        prep = span.root.head if span is not None else None
        return prep is not None and prep.dep_ == "prep" and prep.lower_ in {"in", "at", "near", "outside", "of"} and \
            prep.head.lemma_.lower() in _WORKS_NOUNS

    def _permit_holder(self, cue: Any) -> Mention | None:
        """Whom an authority's verb gives the permit or approval to: its indirect object ("the agency granted X a
        permit", "issued them a licence") or its object before "to" ("allowed X to test"); "the partners" or "the
        companies" are the ones named together last. None when the clause names no one."""
        for verb in [cue, *cue.ancestors]:  # "granted X a permit to test …": up from "test" to "granted"
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            for c in verb.children:
                if c.dep_ != "dative" and not (c.dep_ == "dobj" and any(d.dep_ == "xcomp" for d in verb.children)):
                    continue
                m = self._mention_of(c)
                if m is not None and (m.kind or "") not in _GOV:
                    return m
                if c.tag_ == "NNS" and c.lemma_.lower() in {"partner", "company", "firm", "operator"}:
                    group = getattr(self, "_last_group", None) or []
                    return next((g for g in group if (g.kind or "") not in _GOV), None)
            if verb.dep_ not in {"acl", "xcomp", "relcl", "ccomp"}:
                break
        return None

    def _runs_robotaxis(self, cue: Any, actor: Mention) -> bool:
        """Whether "testing in X" ("a trial in X", "a pilot in X", "shuttles at X", "permits in X") speaks of
        driverless cars without saying so: the actor runs a robotaxi or driverless service named earlier in the
        article, or is a technology company in an article about robotaxis ("Pony.ai has been testing in X")."""
        if cue.lemma_.lower() not in {"test", "testing", "trial", "pilot", "shuttle", "permit"}:
            return False
        return self.runs_driverless({actor.id}) or \
            self.ents.kind_of(actor.id) == "technology-company" and bool(_ROBOTAXI_STORY.search(self.text))

    def runs_driverless(self, ids: set[str]) -> bool:
        """Whether one of the organisations ``ids`` runs (or partners in) a robotaxi deployment proposed already."""
        return any(c.file == "deployments" and str(c.record.get("kind", "")).startswith("robotaxi") and ids & {
            c.record.get("operator"), *c.record.get("partners", [])} for c in self.candidates)

    def narrow_deployments(self) -> None:
        """A deployment's places without those that hold another of its places ("a test permit in X, its first in
        the European Union": X; the union only says where X lies), and its partners without the authorities that
        only approved it ("granted a permit by the transport ministry")."""
        for c in self.candidates:
            if c.file == "deployments" and c.record.get("partners"):
                c.record["partners"] = [p for p in c.record["partners"] if self.ents.kind_of(p) not in _GOV]
                if not c.record["partners"]:
                    del c.record["partners"]
            places = c.record.get("places") if c.file == "deployments" else None
            if not places or len(places) < 2:
                continue
            keep = [p for p in places if not any(q != p and p in self._containers(q) for q in places)]
            if len(keep) < len(places):
                c.record["places"] = keep

    def same_team_deployments(self) -> None:
        """Two deployments by the same companies (one rule read A with partner B, another B with partner A) are
        told the same way round, the first's; one whose places the other has already is dropped."""
        deps = [c for c in self.candidates if c.file == "deployments"]
        for i, b in enumerate(deps):
            team = {b.record["operator"], *b.record.get("partners", [])}
            a = next((a for a in deps[:i] if a in self.candidates and len(team) > 1 and
                      {a.record["operator"], *a.record.get("partners", [])} == team), None)
            if a is None:
                continue
            b.record["operator"], b.record["partners"] = a.record["operator"], list(a.record.get("partners", []))
            if set(b.record.get("places", [])) <= set(a.record.get("places", [])):
                a.spans = sorted(set(a.spans) | set(b.spans))
                self.candidates.remove(b)

    def nested_deployments(self) -> None:
        """One robotaxi deployment told twice, at a district and at its city (or at a city and its country), by
        companies of one team ("robotaxis in Oslo … the pilot in Oslo's Fornebu district"): the one at the wider
        place goes, its companies joining the narrower one as partners. (Stores in a country and a showroom in
        one of its cities stay two facts.)"""
        deps = [c for c in self.candidates if c.file == "deployments"]
        for wide in deps:
            team = {wide.record["operator"], *wide.record.get("partners", [])}
            narrow = next((c for c in deps if c is not wide and c in self.candidates and team & {
                c.record["operator"], *c.record.get("partners", [])} and all(
                    any(p in self._wider(q) for q in c.record.get("places", [])) for p in wide.record.get("places", [])
                ) and _kind_family(c) == _kind_family(wide) == "robotaxi"), None)
            if narrow is None or not wide.record.get("places"):
                continue
            more = [o for o in team if o != narrow.record["operator"] and o not in narrow.record.get("partners", [])]
            if more:
                narrow.record["partners"] = narrow.record.get("partners", []) + more
            narrow.spans = sorted(set(narrow.spans) | set(wide.spans))
            self.candidates.remove(wide)

    def _wider(self, pid: str) -> set[str]:
        """Every place ``pid`` lies in, up the chain of containers."""
        out: set[str] = set()
        todo = [pid]
        while todo:
            for q in self._containers(todo.pop()) - out:
                out.add(q)
                todo.append(q)
        return out

    def deployment_partnerships(self) -> None:
        """Each company a deployment is run with is the operator's partner ("X will offer rides through Y's app",
        "the tests are run with Y"): a cooperation, unless the pair is partners already, Y is an authority or one
        owns the other ("X's driving arm, Y, will run robotaxis": a unit is no partner)."""
        for c in [c for c in self.candidates if c.file == "deployments" and c.record.get("partners")]:
            op = c.record["operator"]
            for p in c.record["partners"]:
                if p == op or self.ents.kind_of(p) in _GOV or self.same_group_ids(op, p) or any(
                        k.file == "partnerships" and {op, p} <= set(k.record.get("partners") or []) or
                        k.file == "partnerships" and k.record.get("company") in {op, p} for k in self.candidates):
                    continue
                if self._new_partnership(op, p, "cooperation"):
                    self.add("partnerships", {"id": self.cid(f"{op}-{p}-cooperation"),
                                              "label": f"{self.label(op)} and {self.label(p)} deployment partners",
                                              "kind": "cooperation", "partners": [op, p]}, 0.45, c.spans,
                             "deployment:partner")
