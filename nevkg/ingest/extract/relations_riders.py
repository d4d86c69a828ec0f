"""Deployments named by who may ride, and the partners that serve a fleet ("the first 100 cars will be owned and
insured by X", "charging will be handled by Y": the robotaxi operator's partners). Who may ride: "its cars will be
offered to Lyft riders in Frankfurt and Munich", "the first
vehicles would be offered to X users in Y, followed by Z", "it agreed to offer W vehicles to its riders in V". The
platform whose riders they are runs the service there, with the company whose cars they are: the one named
between the verb and "to" ("offer W vehicles"), else the clause's company before the verb, else the companies
named together last (a mixin of the cue-pattern relations, :class:`~nevkg.ingest.extract.relations.RelationRules`).

A sentence with no word of driverless cars counts only when a company of it already runs robotaxis in the article,
or the article speaks of robotaxis, driverless or self-driving cars elsewhere ("offered to its customers in X" in a
carmaker's story is a sale).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

#: "to X riders in", "to its users in", "to X's customers across"
_RIDERS = re.compile(r"\bto\s+(?:(?P<its>its|their)\s+|(?P<org>[A-Z][^\s,;]*(?:\s+[A-Z][^\s,;]*){0,3}?)(?:['’]s)?\s+)"
                     r"(?:app\s+)?(?:riders|users|customers|passengers|members)\s+(?:in|across)\s+")
#: the verb of offering before it, in the same clause
_OFFER = re.compile(r"\b(?P<v>offer(?:s|ed|ing)?|(?:made\s+)?available|bookable|provid(?:e|es|ed|ing))\b[^.;:]{0,80}$",
                    re.I)
#: what the places run up to: a new clause or an attribution
_STOP = re.compile(r";|\b(?:according|subject|said|says|while|whereas|which|where|but)\b")
_DRIVERLESS = re.compile(r"robo-?taxi|driverless|self-driving|autonomous|level[\s-]4", re.I)
#: an article about driverless services: its cars are robotaxis where it does not say so again
_ROBOTAXI = re.compile(r"robo-?taxis?\b|driverless|self-driving", re.I)


#: the services a fleet's partner runs for it ("charging, cleaning and insurance will be handled by X")
_FLEET_SERVICE = re.compile(r"\b(?:charging|cleaning|maintenance|insurance|dispatch|depots?|remote\s+assistance|"
                            r"fleet\s+management|operations|cars|vehicles|robotaxis|fleet)\b[^.;]{0,80}?\b(?:will\s+be|"
                            r"is|are|were|was)\s+(?:(?:handled|provided|run|managed|operated|supplied|done|owned|"
                            r"insured|maintained|leased|financed|serviced)(?:,\s+|\s+and\s+|\s+))+by\s+$", re.I)


#: "The local partner is X": the partner of the deployment spoken of
_PARTNER_IS = re.compile(r"(?:^|[.:]\s*)(?:[Tt]he|[Ii]ts)\s+(?:local\s+|operating\s+|fleet\s+|platform\s+|"
                         r"ride-hailing\s+)?partners?\s+(?:there\s+|here\s+)?(?:is|are|will\s+be)\s+(?:[\w\-]+\s+)?$")
#: a company described as a unit of another right after its name
_UNIT_OF = re.compile(r",\s+(?:a|an|the|its)\s+(?:\w+\s+){0,2}(?:subsidiary|unit|arm|division)\b")


class RiderRules:
    """Deployments of a service offered to a platform's riders in a place, and the partners that serve its fleet."""

    def fleet_service_partners(self, s: int, e: int, orgs: list[Mention]) -> None:
        """"… charging, cleaning and insurance will be handled by X", "maintenance is provided by X", "the local
        partner is X": X is a
        cooperation partner of the company that runs the robotaxi deployment named last (unless the sentence says
        whose contract it is: "… under a contract with Y").

        Parameters
        ----------
        s, e : int
            The sentence's offsets.
        orgs : list of Mention
            Its organisations.
        """
        text = self.text
        if re.search(r"\bcontract\s+(?:with|for)\b|\bon\s+behalf\s+of\b", text[s:e], re.I):
            return
        last = next((c for c in reversed(self.candidates) if c.file == "deployments"
                     and str(c.record.get("kind", "")).startswith("robotaxi")), None)
        if last is None:
            return
        op = last.record["operator"]
        for o in orgs:
            before = text[max(s, o.start - 140):o.start]
            if o.id == op or o.compiler or not (_FLEET_SERVICE.search(before) or _PARTNER_IS.search(before)) or \
                    _UNIT_OF.match(text[o.end:e]):
                continue  # (a unit of the group is no partner of it: "X, a new subsidiary of Y")
            if any(c.file == "partnerships" and {op, o.id} <= set(c.record.get("partners") or [])
                   for c in self.candidates):
                continue
            self.add("partnerships", {"id": self.cid(f"{op}-{o.id}-cooperation"),
                                      "label": f"{self.label(op)} and {self.label(o.id)} fleet services",
                                      "kind": "cooperation", "partners": [op, o.id]}, 0.5,
                     [(o.start, o.end)], "partnership:fleet-service")

    def rider_deployments(self, s: int, e: int, orgs: list[Mention], places: list[Mention]) -> None:
        """Propose the deployments of the sentence ``text[s:e]`` that offers cars to a platform's riders in places.

        Parameters
        ----------
        s, e : int
            The sentence's offsets.
        orgs : list of Mention
            Its organisations (named ones and anaphors).
        places : list of Mention
            Its places.
        """
        text = self.text
        for m in _RIDERS.finditer(text, s, e):
            offer = _OFFER.search(text, s, m.start())
            if offer is None:
                continue
            if m.group("org"):
                platform = next((o for o in orgs if o.start == m.start("org")), None)
            else:  # "its riders": the clause's company before "to"
                platform = next((o for o in reversed(orgs) if o.end <= offer.start()), None)
            if platform is None or (platform.kind or "") in {"government", "government-body"}:
                continue
            cars = [o for o in orgs if offer.end("v") <= o.start and o.end <= m.start() and o.id != platform.id]
            cars = cars or [o for o in orgs if o.end <= offer.start() and o.id != platform.id][-1:]
            cars = cars or [g for g in getattr(self, "_last_group", []) if g.id != platform.id]
            stop = _STOP.search(text, m.end(), e)
            end = stop.start() if stop else e
            where = [p for p in places if m.end() <= p.start < end and re.search(
                r"(?:\bin|,|\band|followed\s+by|then)\s+(?:the\s+)?$", text[max(s, p.start - 14):p.start])]
            team = {platform.id, *(o.id for o in cars)}
            if not where or not (self.runs_driverless(team) or _DRIVERLESS.search(text, s, e)  # type: ignore[attr-defined]
                                 or _ROBOTAXI.search(text)):
                continue
            op = cars[0] if cars else platform
            partners = list(dict.fromkeys(o.id for o in [platform, *cars[1:]] if o.id != op.id))
            new = [p.id for p in where if not any(
                c.file == "deployments" and {c.record.get("operator"), *c.record.get("partners", [])} & team and
                p.id in c.record.get("places", []) for c in self.candidates)]
            if not new:
                continue
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} robotaxi service in "
                                            f"{', '.join(self.label(p) for p in dict.fromkeys(new))}",
                                   "kind": "robotaxi-service", "operator": op.id,
                                   "places": list(dict.fromkeys(new))}
            if partners:
                rec["partners"] = partners
            self.add("deployments", {"id": self.cid(f"{op.id}-robotaxi-{new[0]}"), **rec}, 0.5,
                     [(platform.start, platform.end), (m.start(), m.end())] + [(p.start, p.end) for p in where],
                     "deployment:offered-to-riders")
