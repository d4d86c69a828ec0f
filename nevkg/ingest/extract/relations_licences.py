"""Licences listed item by item under a lead-in that grants them: "The Agency grants pilot licences to the following
applicants: (a) X, a company …, jointly with Y, for Zone A (P) and Zone B (Q). (b) …". Each item's licence holder
(the organisation the item opens with, and those it names "jointly with", "together with" or "with") deploys in
the places the item names after "for" or "in" (a mixin of the cue-pattern relations,
:class:`~nevkg.ingest.extract.relations.RelationRules`). An item of a list of refused or deferred applications
gives nothing: the lead-in must grant, issue or award."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_deploy import DRIVERLESS

#: an item of a lettered or numbered list
_ITEM = re.compile(r"\s*(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})[.)])\s+")
#: a lead-in that grants licences or permits to the items below it
_GRANTS = re.compile(r"\b(?:grant(?:s|ed)?|issue[sd]?|award(?:s|ed)?|approve[sd]?)\b[^.;]{0,80}?\b(?:licen[cs]es?|"
                     r"permits?|authori[sz]ations?|approvals?)\b[^.;]{0,60}:\s*$", re.I)
#: the partners an item names with its holder
_JOINT = re.compile(r"\b(?:jointly|together)\s+with\s+(?:[\w\-]+\s+){0,4}$|\bwith\s+(?:its\s+)?(?:[\w\-]+\s+){0,3}"
                    r"partner\s+$", re.I)
#: where the licence applies
_FOR = re.compile(r"\b(?:for|in|covering)\b", re.I)


class LicenceRules:
    """Deployments of licence holders listed under a lead-in that grants them."""

    def licence_items(self, s: int, e: int, orgs: list[Mention], places: list[Mention]) -> None:
        """Propose the deployment of the list item ``text[s:e]`` under a granting lead-in.

        Parameters
        ----------
        s, e : int
            The sentence's offsets.
        orgs : list of Mention
            Its organisations.
        places : list of Mention
            Its places.
        """
        text = self.text
        item = _ITEM.match(text, s)
        if item is None or not orgs or not places or not DRIVERLESS.search(text):
            return
        lead = self._lead_in(s)
        if lead is None or not _GRANTS.search(lead):
            return
        holder = next((o for o in orgs if not o.compiler and (o.kind or "") not in {"government", "government-body"}),
                      None)
        if holder is None or holder.start - item.end() > 5:
            return  # the item must open with the holder's name
        partners = [o for o in orgs if o.id != holder.id and _JOINT.search(text[max(s, o.start - 60):o.start])]
        where_from = _FOR.search(text, max(o.end for o in [holder, *partners]), e)
        if where_from is None:
            return
        where = [p for p in places if p.start >= where_from.start() and not self.aside_place(p)]
        groups = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text[s:e])]
        where = [p for p in where if not any(  # "Zone A (X, covering its centre, Y and Z)": X, its districts aside
            s + a < q.start < p.start < s + b for a, b in groups for q in where)]
        new = [p.id for p in where if not any(
            c.file == "deployments" and c.record.get("operator") == holder.id and p.id in c.record.get("places", [])
            for c in self.candidates)]
        if not new:
            return
        rec: dict[str, Any] = {"label": f"{self.label(holder.id)} robotaxi service in "
                                        f"{', '.join(self.label(p) for p in dict.fromkeys(new))}",
                               "kind": "robotaxi-service", "operator": holder.id, "places": list(dict.fromkeys(new)),
                               "status": "planned"}
        if partners:
            rec["partners"] = list(dict.fromkeys(o.id for o in partners))
        self.add("deployments", {"id": self.cid(f"{holder.id}-robotaxi-{new[0]}"), **rec}, 0.5,
                 [(holder.start, holder.end)] + [(p.start, p.end) for p in where], "deployment:licence-item")

    def _lead_in(self, s: int) -> str | None:
        """The text of the sentence before the list the item at ``s`` belongs to: the last sentence ending in a
        colon before it, past the earlier items and their sentences (a paragraph that is no item ends the search)."""
        before = [(a, b) for a, b, _ in self._sentences if b <= s]
        for a, b in reversed(before):
            sent = self.text[a:b].rstrip()
            if sent.endswith(":"):
                return sent
            opens = a == 0 or "\n" in self.text[max(0, a - 2):a]
            if opens and not _ITEM.match(self.text, a):
                return None
        return None
