"""Robotaxi and driverless deployments read from the parse: the actor's operations (tests and permits too) in the
places of its clause, with the clause's other organisations as partners (a mixin of the parsed relations,
:class:`~nevkg.ingest.extract.parsed.ParsedRelations`, whose clause helpers it uses)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.plans import parsed_plan_status
from nevkg.ingest.extract.relations_actors import _GOV, _clause
from nevkg.ingest.extract.spans import span_at


class DeployParseRules:
    """Deployments from a clause (a mixin of the extractor)."""

    def _deploy(self, cue: Any, actor: Mention, orgs: list[Mention], places: list[Mention]) -> None:
        """Robotaxi or driverless operations (tests and permits too) in the clause's places, with the clause's
        other organisations as partners."""
        where = self._clause_places(cue, places, actor) if parsed_plan_status(cue) is None else []  # not weighed
        if not where or not any(t.lemma_.lower() in {"robotaxi", "robotaxis", "driverless", "autonomous", "self",
                                                      "ride", "mobility", "unmanned"} for t in cue.sent) and \
                not re.search(r"\blevel[\s-]?4\b|\bL4\b|\bself-driving\b|\brobo-?(?:taxi|bus)", cue.sent.text, re.I) \
                and not self._runs_robotaxis(cue, actor):
            return
        head = cue
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        clause = _clause(head)
        for t in head.subtree:  # "X, which is listed on Y, runs robotaxis …": Y is no partner
            if t.dep_ == "relcl" and cue.i not in {d.i for d in t.subtree}:
                clause -= {d.i for d in t.subtree}
        partners = list(dict.fromkeys(o.id for o in self._coactors(actor, orgs) + self._planners(cue, orgs)
                                      if o.id != actor.id and not self._same_group(actor, o)))
        for o in orgs:
            span = span_at(self.doc, o.start, o.end)
            if o.id != actor.id and span is not None and span.root.i in clause and o.id not in partners and \
                    not self._same_group(actor, o):  # its own service brand is no partner
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

    def _runs_robotaxis(self, cue: Any, actor: Mention) -> bool:
        """Whether "testing in X" speaks of driverless cars without saying so: the actor runs a robotaxi or
        driverless service named earlier in the article."""
        return cue.lemma_.lower() in {"test", "testing"} and any(
            c.file == "deployments" and str(c.record.get("kind", "")).startswith("robotaxi") and actor.id in {
                c.record.get("operator"), *c.record.get("partners", [])} for c in self.candidates)

    def narrow_deployments(self) -> None:
        """A deployment's places without those that hold another of its places ("a test permit in X, its first in
        the European Union": X; the union only says where X lies)."""
        for c in self.candidates:
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

    def deployment_partnerships(self) -> None:
        """Each company a deployment is run with is the operator's partner ("X will offer rides through Y's app",
        "the tests are run with Y"): a cooperation, unless the pair is partners already or Y is an authority."""
        for c in [c for c in self.candidates if c.file == "deployments" and c.record.get("partners")]:
            op = c.record["operator"]
            for p in c.record["partners"]:
                kind = (self.ents.new.get(p) or {}).get("kind") or getattr(self.gaz.entries.get(p), "kind", None)
                if p == op or (kind or "") in _GOV or any(
                        k.file == "partnerships" and {op, p} <= set(k.record.get("partners") or []) or
                        k.file == "partnerships" and k.record.get("company") in {op, p} for k in self.candidates):
                    continue
                if self._new_partnership(op, p, "cooperation"):
                    self.add("partnerships", {"id": self.cid(f"{op}-{p}-cooperation"),
                                              "label": f"{self.label(op)} and {self.label(p)} deployment partners",
                                              "kind": "cooperation", "partners": [op, p]}, 0.45, c.spans,
                             "deployment:partner")
