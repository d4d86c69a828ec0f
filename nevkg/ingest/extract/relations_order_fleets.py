"""Where ordered vehicles will run: the buyer's fleet, run with the maker.

"X has ordered 2,000 electric motorcycles from Y, which will be used for deliveries in A and B"; "X will take 60 of
Y's motorcycles for deliveries in A and B"; "X placed an order for 120 buses. The first 40 … will be deployed on
routes between A and B": the buyer deploys the vehicles in the places the clause of using them names, with the maker
as its partner (a fleet deployment). The places are those of the order's sentence or of the two after it (of the
five after it when the sentence's subject is the vehicles or the order, "The new buses will run …"; such a sentence,
"The order is made up of 28 buses", keeps the order in reach from there), within the phrase of a verb
of using the vehicles; a place the vehicles come from ("imported from China") or are made in is not
where they run.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_orders import _VEHICLES, PURPOSES
from nevkg.ingest.extract.spans import span_at

__all__ = ["OrderFleetRules", "sentences_between"]

#: verbs of putting vehicles to work ("will be used in", "deployed on routes", "put into service", "put to work",
#: "ply", "will be based at", "garaged in", "assigned to"; with the vehicles as subject, "they will move containers
#: between A and B", "they will work from A", "the vans will deliver parcels in A and B", where "will be delivered in"
#: is when they arrive)
_USE = {"use", "deploy", "run", "operate", "serve", "ply", "put", "move", "haul", "carry", "transport", "work",
        "deliver", "drive", "rent", "base", "garage", "station", "assign", "allocate"}
#: nouns of the ways the vehicles run ("routes from the city centre to A and B")
_ROUTES = {"route", "line", "service", "corridor", "trip", "run"}
#: verbs whose places are where the vehicles come from or are made, not where they run
_ORIGIN = {"import", "build", "make", "assemble", "manufacture", "produce", "ship", "bring"}
#: the kinds of place a fleet runs in
_LOCAL = {"city", "town", "district", "port", "province", "state", "region", "area", "road", "airport"}


def _of_vehicles(verb: Any) -> bool:
    """Whether ``verb`` speaks of the vehicles, not of what a company does: passive ("will be used", "deployed on
    routes", a verb joined to a passive one) or with the vehicles as subject ("they will run in A")."""
    while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head  # ("will be delivered in July and deployed on routes …")
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in {"which", "that"} and verb.dep_ == "relcl":
        return verb.head.lemma_.lower() in _VEHICLES or verb.head.pos_ == "NUM"  # ("the buses, which will run in
        # A"; not "an operator which runs 85 diesel buses on routes to A": its own fleet)
    return subj is not None and (subj.lemma_.lower() in _VEHICLES | {"they", "which", "that"} or subj.pos_ == "NUM")
    # ("The first 40 will be on the streets of A": a number of the vehicles ordered)


def _to_work(tok: Any) -> bool:
    """Whether ``tok`` completes "put" as "to work" or "to use" (the parser hangs "to" on the noun or the noun on
    "to")."""
    if tok.lemma_.lower() in {"work", "use"}:
        return any(c.lower_ == "to" for c in tok.children)
    return tok.lower_ == "to" and any(c.lemma_.lower() in {"work", "use"} for c in tok.children)


def _on_routes(tok: Any, preps: frozenset[str] = frozenset({"on"})) -> bool:
    """Whether ``tok`` completes "put" as "on routes" ("will be put on routes linking A with B", "on the streets of
    A"), or, with more ``preps``, sends vehicles to them ("assigned to routes")."""
    return tok.lower_ in preps and any(c.lemma_.lower() in _WAYS for c in tok.children)


#: the ways vehicles are put on or sent to ("assigned to routes serving A", "on the streets of A")
_WAYS = _ROUTES | {"street", "road"}
#: the prepositions that send vehicles on or to their ways
_TO_WAYS = frozenset({"on", "to", "onto"})
#: what vehicles are put "in": service, operation ("will be in service in A")
_IN_SERVICE = {"service", "operation"}


def _to_ways(verb: Any) -> bool:
    """Whether ``verb`` sends the vehicles on or to routes or streets, or puts them in service, whatever the verb
    ("will be assigned to routes serving A and B", "they will go to routes in A", "the first 40 will be on the
    streets of A", "the first 100 will be in service in A")."""
    return any(c.dep_ == "prep" and (_on_routes(c, _TO_WAYS) or c.lower_ == "in" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _IN_SERVICE for o in c.children)) for c in verb.children)


def _the_vehicles(sent: Any) -> bool:
    """Whether the subject of ``sent`` is the vehicles told of before ("The new buses will run …", "These trucks
    …"), which may come some sentences after their order."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lemma_.lower() in _VEHICLES and t.tag_ == "NNS" and any(
        c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in t.children) for t in sent)


def _of_the_order(sent: Any) -> bool:
    """Whether the subject of ``sent`` is the order or its vehicles told of again ("The order is made up of …",
    "The first 15 are due …", "These buses …")."""
    return _the_vehicles(sent) or any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT" and (
        t.lemma_.lower() in {"order", "contract", "purchase"} or t.pos_ == "NUM") and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in t.children) for t in sent)


def sentences_between(doc: Any, a: int, b: int) -> int:
    """How many sentences start between the tokens ``a`` and ``b`` (an order's sentence's end and a later
    sentence's start), blanks aside: none for the next sentence, a paragraph's break between."""
    return sum(1 for t in doc[a:b] if t.is_sent_start and not t.is_space)


class OrderFleetRules:
    """Fleet deployments of ordered vehicles (a mixin of the parsed relations)."""

    candidates: list[Any]
    #: the latest order read: (buyer, maker, the token index its sentence ends at); kept till a fleet is read
    _last_order: tuple[Mention, Mention, int] | None = None
    #: the same, kept for the loans that pay for it
    last_buyer: tuple[Mention, Mention, int] | None = None

    def note_order(self, buyer: Mention, maker: Mention, sent: Any) -> None:
        """Remember an order of ``sent`` for the sentence that may say where the vehicles will run (and its buyer
        for the one that may say who finances it)."""
        self._last_order = self.last_buyer = (buyer, maker, sent.end)

    def order_fleets(self, sent: Any, places: list[Mention]) -> None:
        """Propose the buyer's fleet deployment in the places where the order's vehicles will be used."""
        if self._last_order is None:
            return
        buyer, maker, end = self._last_order
        if end != sent.end:
            again = _of_the_order(sent)
            if sentences_between(sent.doc, end, sent.start) >= (6 if again else 2):
                return  # (only the order's sentence and the two after it: "The first 20 will be shipped from X in
                # March. They will run on routes to A and B.")
            if again:  # ("The order is made up of 28 buses …", "The first 15 are due in June …": the order told
                self._last_order = (buyer, maker, sent.end)  # of again, from here on)
        if not places:
            return
        where: list[str] = []
        origin = {t.i for p in sent if p.dep_ == "prep" and p.lower_ == "from" and p.head.lemma_.lower() not in
                  _USE | _ROUTES | PURPOSES for t in p.subtree}  # ("from China"; not a route's "from A to B", nor
        # "deliveries from its depots in A and B")
        for use in (o for t in sent if t.dep_ == "prep" and t.lower_ == "for" for o in t.children
                    if o.dep_ == "pobj" and (o.lemma_.lower() in PURPOSES or any(
                        c.lemma_.lower() in PURPOSES for c in o.children if c.dep_ in {"dobj", "compound"}))):
            # ("for refuse collection in A", the purpose the parser hangs under the word before it)
            self._local_places_in({t.i for t in use.subtree} - origin, places, where)  # "for deliveries in A and
            # B", "for its depots in A"
        for verb in (t for t in sent if t.pos_ in {"VERB", "AUX"} and (
                t.lemma_.lower() in _USE and t.pos_ == "VERB" or _to_ways(t))):
            if verb.lemma_.lower() == "put" and not any(c.lower_ == "into" or _to_work(c) or _on_routes(c)
                                                        for c in verb.children) or \
                    not _of_vehicles(verb) or verb.lemma_.lower() == "deliver" and any(
                        c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
                continue
            inside = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                                                    for t in c.subtree}
            own = {t.i for t in verb.subtree}  # ("will be imported from X and will ply routes to A": the routes')
            inside -= {t.i for v in sent if v.lemma_.lower() in _ORIGIN and v.i != verb.i for t in v.subtree} - own
            self._local_places_in(inside - origin, places, where)
        if not where:
            return
        self.add("deployments", {  # type: ignore[attr-defined]
            "id": self.cid(f"{buyer.id}-vehicle-fleet"),  # type: ignore[attr-defined]
            "label": f"{self.label(buyer.id)} fleet of {self.label(maker.id)} vehicles in "  # type: ignore
                     f"{', '.join(self.label(p) for p in where)}",  # type: ignore[attr-defined]
            "kind": "vehicle-fleet", "operator": buyer.id, "partners": [maker.id], "places": where}, 0.45,
            [(buyer.start, buyer.end), (maker.start, maker.end)], "deployment:order-fleet")
        self._last_order = None

    def _local_places_in(self, inside: set[int], places: list[Mention], where: list[str]) -> None:
        """Add to ``where`` (once each) the ids of the towns, districts and other local places of ``places`` whose
        parsed head is one of the token indices ``inside``."""
        for p in places:
            span = span_at(self.doc, p.start, p.end)  # type: ignore[attr-defined]
            if span is not None and span.root.i in inside and (p.kind or "city") in _LOCAL and p.id not in where:
                where.append(p.id)
