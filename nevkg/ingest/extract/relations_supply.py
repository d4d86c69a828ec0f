"""Suppliers of parts: who makes the parts a maker's or a venture's vehicles are built from.

"Seats and door panels for the taxis will be made by X at its workshop in Y", "Wiring harnesses will be supplied by
X", "Battery packs will come from X", "X will supply chassis frames and seats from its factory", "X will make the seat
frames for the pickups": X supplies the company whose vehicles the parts go into — the organisation after "for" when
one is named, else the joint venture the article told of last, else the carmaker it is mostly about. A
``supply`` partnership of the two, with X its ``supplier``. Vehicles supplied to a buyer are orders, not parts
(:mod:`.relations_orders`); a company's own parts from its own plant are no supply of another's.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.stake_forms import named_as_venture

__all__ = ["PARTS", "SupplyRules"]

#: nouns of parts and materials a vehicle is built from
PARTS = {"seat", "frame", "body", "panel", "cabin", "canopy", "tray", "bed", "box", "rack", "carrier", "harness",
         "loom", "wiring", "battery", "pack", "cell", "housing", "chassis", "window", "glass", "tyre", "tire", "timber",
         "aluminium", "aluminum", "steel", "trim", "headliner", "roof", "component", "part", "interior", "upholstery",
         "cover", "cage", "axle", "bar", "footrest", "module", "inverter", "motor", "sensor", "lidar", "chip", "cable"}
#: verbs of making or supplying parts, in the passive with their maker as the agent ("will be made by X")
_MADE_BY = {"make", "supply", "build", "produce", "manufacture", "sew", "upholster", "provide", "deliver", "fabricate",
            "weld", "assemble", "cast", "mould", "mold", "source"}
#: verbs whose subject supplies the parts named as their object ("X will supply chassis frames and seats")
_SUPPLIES = {"supply", "make", "produce", "manufacture", "provide", "build", "deliver", "fabricate", "sew"}


def _parts(noun: Any) -> bool:
    """Whether ``noun`` or a noun joined to it names parts ("Seats, windows and interior panels")."""
    return any(t.lemma_.lower() in PARTS and t.pos_ in {"NOUN", "PROPN"}
               for t in [noun, *(c for c in noun.conjuncts)])


class SupplyRules:
    """Supplies of parts to a maker or venture (a mixin of the parsed relations)."""

    candidates: list[Any]

    def parts_suppliers(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose the ``supply`` partnership of each supplier of parts in the parsed sentence ``sent``."""
        for verb in (t for t in sent if t.pos_ == "VERB" and not any(c.dep_ == "neg" for c in t.children)):
            lem = verb.lemma_.lower()
            goods = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"} and _parts(c)), None)
            if goods is None:
                continue
            if goods.dep_ == "nsubjpass" and lem in _MADE_BY:  # "… will be made by X"
                by = next((c for c in verb.children if c.dep_ == "agent"), None)
                supplier = self._named_in(by, orgs) if by is not None else None  # type: ignore[attr-defined]
            elif goods.dep_ == "nsubj" and lem == "come":  # "Battery packs will come from X"
                supplier = next((self._supplier_at(o, orgs) for p in verb.children
                                 if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if o.dep_ == "pobj"),
                                None)
            elif goods.dep_ == "dobj" and lem in _SUPPLIES:  # "X will supply chassis frames and seats"
                supplier = self._actor(verb, orgs)  # type: ignore[attr-defined]
            else:
                continue
            if supplier is None:
                continue
            client = self._parts_client(verb, goods, orgs, supplier)
            if client is not None:
                self._supply(supplier, client, verb)

    def _supplier_at(self, tok: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation ``tok`` itself names ("from X"; not one named inside its phrase: "from X's plant")."""
        m = self._mention_of(tok)  # type: ignore[attr-defined]
        return m if m is not None and m in orgs and not m.rule.startswith("anaphor:") else None

    def _parts_client(self, verb: Any, goods: Any, orgs: list[Mention], supplier: Mention) -> Mention | None:
        """Whose vehicles the parts go into: the organisation after "for" (on the verb or the parts), else the
        joint venture told of last, else the carmaker the article is mostly about (not a local partner or a zone
        whose site the article named last)."""
        for prep in (c for t in (verb, goods) for c in t.children if c.dep_ == "prep" and (
                c.lower_ == "for" or c.lower_ == "to" and goods.dep_ == "dobj")):  # ("supply harnesses to Y")
            named = next((m for t in prep.subtree if (m := self._mention_of(t)) is not None  # type: ignore
                          and m in orgs and m.id != supplier.id), None)
            if named is not None:
                return named
        venture = next((c.record["company"] for c in reversed(self.candidates) if c.file == "partnerships"
                        and c.record.get("kind") == "joint-venture" and c.record.get("company")), None)
        named = next((m for m in reversed(self.ents.mentions) if m.start < verb.idx  # type: ignore[attr-defined]
                      and m.file == "organizations" and m.id not in (supplier.id, None) and (
                          m.id == venture or (self.ents.new.get(m.id) or {}).get(  # type: ignore[attr-defined]
                              "kind") == "joint-venture-company" or named_as_venture(self.text, m.start, m.end))),
                     None)  # ("a joint venture, X, …": named as one before its record is made)
        if named is not None:
            return named
        focus = self.focus_org()  # type: ignore[attr-defined]
        return focus if focus is not None and (focus.kind or "") in {"automaker", "brand"} else None

    def _supply(self, supplier: Mention, client: Mention, verb: Any) -> None:
        if supplier.id == client.id or (supplier.kind or "") in _GOV or (client.kind or "") in _GOV or \
                self.same_group_ids(supplier.id, client.id) or any(  # type: ignore[attr-defined]
                    c.file == "partnerships" and c.record.get("kind") == "supply"
                    and set(c.record["partners"]) == {supplier.id, client.id} for c in self.candidates):
            return
        self.add("partnerships", {  # type: ignore[attr-defined]
            "id": self.cid(f"{supplier.id}-{client.id}-supply"),  # type: ignore[attr-defined]
            "label": f"{self.label(supplier.id)} supplies {self.label(client.id)}",  # type: ignore[attr-defined]
            "kind": "supply", "partners": [supplier.id, client.id], "supplier": supplier.id}, 0.5,
            [(supplier.start, supplier.end), (verb.idx, verb.idx + len(verb.text)), (client.start, client.end)],
            "parse:supply:parts")
