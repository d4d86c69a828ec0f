"""Markets from the dependency parse: the places of a clause a market cue (sell, launch, export, enter, dealer,
showroom …) puts its actor in, one market presence each ("began selling cars in X": an entry too).

A mixin of :class:`~nevkg.ingest.extract.parsed.ParsedRelations`, which finds the cue, its actor and the clause's
places (``_clause_places``).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.plans import parsed_plan_status
from nevkg.ingest.extract.policy_authorities import policy_not_trade
from nevkg.ingest.extract.relations_deploy import _SERVICE_OBJ
from nevkg.ingest.extract.relations_markets import AND_MAKES, ASSET_NOUNS
from nevkg.ingest.extract.relations_sites import expands_a_site
from nevkg.ingest.extract.relations_types import no_market_cue, office_place, robotaxi_goods, run_in_label
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.vocab import FUTURE_MODALS, PLAN_VERBS

__all__ = ["ParsedMarkets", "SALES_NOUNS"]

#: nouns an adjective of a country names a market with ("the Indian market", "its Indian dealer network")
SALES_NOUNS = {"market", "network", "dealership", "showroom", "outlet"}
#: verbs whose object is the market itself ("enter Japan", "reach X")
#: verbs of goods sent to a seller abroad ("shipped to its dealers in A and B")
_SENT = {"ship", "export", "re-export", "send"}
_MARKET_OBJECT = {"enter", "reach", "target", "join", "penetrate", "supply"}


class ParsedMarkets:
    """Market presences read from a parsed clause (a mixin of the parsed relations)."""

    candidates: list[Any]

    def _markets(self, cue: Any, actor: Mention, places: list[Mention]) -> None:
        if run_in_label(cue):
            return  # "- New city launches: the Company started robotaxi services in X": a heading word, no verb
        if policy_not_trade(cue, actor) or no_market_cue(cue):
            return  # "the ministry's export licences": a measure, not a trade ("entered into an agreement": none)
        lem = cue.lemma_.lower()
        activity = "exports-to" if lem in {"export", "ship", "supply"} else "entered" if lem in {"enter", "entry"} \
            else "sells-in"
        if lem == "market" and any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() == "export"
                                   for c in cue.children):
            activity = "exports-to"  # "its largest export market, followed by A and B": the maker exports there
        started = lem in {"sell", "sale"} and cue.dep_ in {"xcomp", "dobj"} and cue.head.lemma_.lower() in {
            "begin", "start", "commence"} or lem == "sell" and cue.pos_ == "VERB" and any(
            c.dep_ in {"dobj", "nsubjpass"} and any(a.lower_ == "first" and a.dep_ == "amod" for a in c.children)
            for c in cue.children) or _appointed(cue, lambda t: self._mention_of(t) == actor)  # "began selling
        # cars in X", "its first buses in X were sold in 2023", "A was appointed B's dealer for X": it (B) entered X
        since = lem in {"sell", "distribute"} and cue.pos_ == "VERB" and _perfect_since(cue)  # "has sold cars in X
        # since 2024" too
        be = cue.head.head if lem == "sale" and cue.head.lower_ == "on" and cue.head.head.lemma_ == "be" else None
        since = since or be is not None and _perfect_since(be)  # ("have been on sale in X since 2024")
        # ("A has distributed B's vehicles in X since 2024": B entered X, through A)
        brand = self._role_brand(cue, actor) if _held_since(cue) else None  # "A has been the distributor of B
        # vehicles in X since 2025": B entered X too
        since = since or _held_since(cue) and brand is None and any(  # "A has been B's importer in X since 2023":
            self._mention_of(c) == actor for c in cue.children if c.dep_ == "poss")  # B (the actor) entered X
        if lem == "supply" and not any(c.dep_ == "dobj" and self._mention_of(c, ("places",)) is not None
                                       for c in cue.children):
            return  # "supply batteries to X", "supply X with cells": parts between companies, no market
        where = self._clause_places(cue, places, actor) if parsed_plan_status(cue) is None else []  # not weighed
        where = [p for p in where if not re.search(AND_MAKES, self.text[cue.idx + len(cue.text):p.start])]
        # ("sells in 63 countries and assembles motorcycles in A": A is a site's)
        if lem == "sell" and any(c.dep_ == "dobj" and c.lemma_.lower() in ASSET_NOUNS for c in cue.children):
            return  # "sold a stake in its unit in X": an asset changes hands, no cars are sold there
        if lem == "expand" and any(c.dep_ == "dobj" and c.lemma_.lower() in _SERVICE_OBJ for c in cue.children):
            return  # "expand the robotaxi service to X": a deployment (relations_deploy), no sales
        if expands_a_site(cue):
            return  # "will expand its plant in X", "the expansion of the factory": a site grows, not a market
        if robotaxi_goods(cue):
            return  # "launch robotaxis in X", "its robotaxis will be available in Y": a deployment, no sales
        owner = self._goods_owner(cue, actor)
        if owner is not None:  # "A will distribute B's cars in X": B is in X through its distributor A
            if self._new_partnership(actor.id, owner.id, "cooperation"):
                self.add("partnerships", {"id": self.cid(f"{actor.id}-{owner.id}-cooperation"),
                                          "label": f"{self.label(actor.id)} {lem}s for {self.label(owner.id)}",
                                          "kind": "cooperation", "partners": [actor.id, owner.id]}, 0.5,
                         [(actor.start, actor.end), (cue.idx, cue.idx + len(cue.text)), (owner.start, owner.end)],
                         f"parse:partner:{lem}s-for")
            actor = owner
        actors = [actor] + [m for m in getattr(self, "_last_group", []) if m.id != actor.id] \
            if self._plural_subject(cue) and actor in getattr(self, "_last_group", []) else [actor]
        # ("would enter Japan in 2026": not there yet; an entry is news of its own, beside a site there)
        supplied = lem in _ROLE_CUES and (cue.dep_ == "dobj" and cue.head.lemma_.lower() in {"supply", "ship"} or
                                          cue.dep_ == "pobj" and cue.head.lower_ == "to" and
                                          cue.head.head.lemma_.lower() in _SENT) or \
            lem == "importer" and any(self._mention_of(c) == actor for c in cue.children if c.dep_ == "poss")
        # ("from which it will supply its dealers in A, B and C", "parts will be shipped to its dealers in A": it
        # sells there, and ships there; "A is B's importer in X": B's cars are shipped there)
        dones = ["targets-market" if _to_come(cue) else activity] + (["entered"] if started else []) + (
            ["exports-to"] if supplied and not _to_come(cue) else [])
        for actor, p in ((a, p) for a in actors for p in where):  # "the two companies will expand to X": both
            noun = span_at(self.doc, p.start, p.end).root
            if activity == "exports-to" and office_place(noun):
                continue  # "export to A, using its offices in B": B has an office, no export of its own
            if activity == "exports-to" and any(a.dep_ == "prep" and a.lower_ == "from" for a in noun.ancestors
                                                if cue in a.ancestors):
                continue  # "kits shipped from X's factory in Yingtan": where the goods come from
            while noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i != noun.i:
                noun = noun.head
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() not in _MARKET_OBJECT and \
                    noun.lemma_.lower() not in SALES_NOUNS:  # (not "expanded its Indian network")
                continue  # "sells its X SUV through dealers": what is sold, not where
            sited = any(c.file == "sites" and actor.id in c.record.get("operator", []) and (
                c.record.get("place") == p.id or p.id in self._containers(c.record.get("place") or ""))
                for c in self.candidates)
            entry = ["entered"] if since and "entered" not in dones and self.ents.kind_of(p.id) in {
                "country", "region", "economic-union"} else []  # (the market entered, not the towns it sells in)
            if brand is not None and self.ents.kind_of(p.id) == "country":
                self.entered_market(brand, p, cue, f"parse:market:{lem}-since")  # type: ignore[attr-defined]
            for done in dones + entry:
                if any(c.file == "market_presence" and c.record["exporter"] == actor.id and c.record["market"] == p.id
                       and (done not in {"entered", "exports-to"} or c.record["activity"] == done
                            or done == "exports-to" and c.record["activity"] == "targets-market")
                       for c in self.candidates) or \
                        sited and done != "entered":
                    continue
                rid = self.cid(f"{actor.id}-{done}-{p.id}")
                rec = {"label": f"{self.label(actor.id)} {done.replace('-', ' ')} {self.label(p.id)}",
                       "exporter": actor.id, "market": p.id, "activity": done}
                self.add("market_presence", {"id": rid, **rec}, 0.5,
                         [(actor.start, actor.end), (cue.idx, cue.idx + len(cue.text)), (p.start, p.end)],
                         f"parse:market:{lem}")

    def _role_brand(self, cue: Any, actor: Mention) -> Mention | None:
        """Whose goods a seller's role noun names in its "of" phrase ("distributor of B vehicles", "of B's cars",
        "of B"), if another organisation than the actor."""
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for t in [obj, *(c for c in obj.children if c.dep_ in {"poss", "compound"})]:
                    m = self._mention_of(t)
                    if m is not None and m.id != actor.id:
                        return m
        return None


#: the nouns of a seller's role for another's goods ("the exclusive distributor of B vehicles")
_ROLE_CUES = {"distributor", "importer", "dealer", "representative"}


def _appointed(cue: Any, is_actor: Any) -> bool:
    """Whether a seller's role noun is what its holder was appointed or named by the actor (``is_actor`` of a
    token), whose goods it sells ("A was appointed B's dealer for X", "B named A as its distributor for X"): the
    appointment opens the market to B (not to A: "A was appointed distributor for X" says nothing of whose)."""
    if cue.lemma_.lower() not in _ROLE_CUES:
        return False
    head = cue.head.head if cue.dep_ == "pobj" and cue.head.lower_ == "as" else cue.head
    if not (cue.dep_ in {"oprd", "pobj", "attr", "xcomp"} and head.pos_ == "VERB"
            and head.lemma_.lower() in {"appoint", "name"}):
        return False
    verbs = [head, head.head] if head.dep_ == "conj" else [head]  # ("which has been … and was appointed …")
    held = [c for v in verbs for c in v.children if c.dep_ in {"nsubjpass", "dobj"}]
    return not any(is_actor(c) or c.lower_ in {"which", "who", "that"} for c in held)  # (the holder, not the brand)


def _held_since(cue: Any) -> bool:
    """Whether a seller's role is held since a time: "A has been the distributor of B('s) vehicles in X since
    2025" (the noun the attribute of a perfect "be", "since" on the verb or the noun)."""
    if cue.lemma_.lower() not in _ROLE_CUES or cue.dep_ != "attr" or cue.head.lemma_.lower() != "be":
        return False
    return _perfect_since(cue.head, cue)


def _perfect_since(verb: Any, *more: Any) -> bool:
    """Whether ``verb`` is in the perfect ("has sold", "have been") with a "since" phrase on it (or on ``more``)."""
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "since" for t in (verb, *more) for c in t.children)


#: verbs whose "to" clause is a plan ("plans to enter", "is set to sell", "aims to export")
_PLAN_HEADS = PLAN_VERBS | {"seek", "set", "look", "schedule"}


def _to_come(cue: Any) -> bool:
    """Whether a market verb is spoken of as to come: "will/would/shall enter", "plans/aims/is set to enter", "has
    yet to sell"."""
    if cue.pos_ != "VERB":
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | {"'ll"} for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and (cue.head.lemma_.lower() in _PLAN_HEADS or cue.head.lemma_.lower() in {
        "have", "be"} and any(c.lower_ == "yet" for c in cue.head.children))  # "has yet to sell in X"
