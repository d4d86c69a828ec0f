"""Orders of vehicles: the buyer and the maker work together.

"X has ordered 46 electric buses from Y", "X will buy 1,200 cars from Y", "X placed an order for 150 Y B12 buses",
"X signed the order with Y and its distributor, Z" (an order placed with each),
"Y won an order from X for 214 buses", "Y landed a contract from X", "X signed an agreement for 1,500 taxis made by
Y"; "Y will supply 600 electric taxis to X", "Y has agreed to supply 1,500 cars to X": the company or public body
that orders is the maker's customer, a cooperation of the two (a transport authority buying buses too, unlike one
that only grants permits). The maker is the one the order is placed with ("from Y"), the subject of a verb of winning
or supplying, or the maker named in the goods ("Y B12 buses", a model of Y's).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.vocab import SITE_NOUNS

__all__ = ["PURPOSES", "OrderRules"]

#: verbs whose subject wins an order (the maker)
_WIN = {"win", "land", "secure", "receive", "bag", "clinch", "get", "obtain", "book", "take"}
#: verbs whose subject places an order (the buyer)
_PLACE = {"place", "sign", "make", "award", "give", "issue"}
#: verbs whose subject supplies vehicles "to" a customer (the maker)
_SUPPLY = {"supply", "deliver", "sell"}
#: verbs whose subject sends any goods "to" a company that uses them ("will ship chassis and batteries to X"; a
#: supply of parts is the supply rules', relations_actors)
_SHIP_GOODS = {"ship"}


#: words of a lender's name: an order's "from" phrase naming one names who finances it, not who makes the vehicles
_LENDER = re.compile(r"\b(?:Bank|Banka|Banca|Banco|Banque|Finance|Financing|Credit|Capital|Fund)\b")
#: verbs of a purchase only meant, not made
_INTENT = {"plan", "intend", "consider", "want", "hope", "aim", "seek", "propose"}
#: possessive pronouns, which in the goods' phrase name the buyer ("for its BRT corridors"), not the maker
_PRONOUNS = {"its", "their", "his", "her", "our"}
#: nouns of a deal that is an order when it is "for" a number of vehicles ("an agreement for 1,500 electric taxis")
_DEALS = {"agreement", "contract", "deal"}
#: prepositions of where ordered vehicles will be used, whose phrase names no maker
_WHERE = {"at", "in", "around", "near", "across"}
#: nouns of what vehicles are taken for, whose phrase names where they will run and whose company uses them, never
#: their maker ("for deliveries in A and B", "for its depots in A", "for X feeder routes in A", "for use at mine sites",
#: "for its rounds in A", "for refuse collection in B", "for police patrols in C")
PURPOSES = {"delivery", "depot", "operation", "use", "route", "service", "round", "collection", "patrol"}
#: nouns of vehicles ordered
_VEHICLES = {"vehicle", "car", "taxi", "bus", "coach", "truck", "van", "ev", "unit", "minibus", "pickup", "suv",
             "sedan", "saloon", "hatchback", "crossover", "scooter", "motorcycle", "motorbike", "lorry", "tractor",
             "wheeler", "tricycle", "trike", "moped", "rickshaw"}


def _vehicles_counted(noun: Any) -> bool:
    """Whether ``noun`` is a number of vehicles ("1,200 electric cars", "200 buses"; "150 electric cargo
    three-wheelers", which the parser reads as a number of cargo with the vehicles in apposition)."""
    return (noun.lemma_.lower() in _VEHICLES or any(c.dep_ == "appos" and c.lemma_.lower() in _VEHICLES
                                                   for c in noun.children)) and any(
        n.dep_ == "nummod" for n in noun.children)


def _part_of_vehicles(noun: Any) -> bool:
    """Whether ``noun`` is a number of some vehicles ("60 of Y's electric motorcycles", "90 of the buses")."""
    return noun.pos_ == "NUM" and any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _VEHICLES for o in p.children) for p in noun.children)


def _bought_vehicles(tok: Any) -> bool:
    """Whether ``tok`` is a verb of buying a number of vehicles: "will buy 1,200 electric cars from Y", "has signed
    for 120 electric trucks", "will take 240 vans from the plant", "will receive 90 of Y's motorcycles"."""
    return tok.pos_ == "VERB" and (tok.lemma_.lower() in {"buy", "purchase", "procure", "take", "receive"} and any(
        o.dep_ == "dobj" and (_vehicles_counted(o) or _part_of_vehicles(o)) for o in tok.children)
        or tok.lemma_.lower() == "sign" and any(
        p.dep_ == "prep" and p.lower_ == "for" and any(o.dep_ == "pobj" and _vehicles_counted(o) for o in p.children)
        for p in tok.children))


def _supplied_vehicles(tok: Any) -> bool:
    """Whether ``tok`` is a verb of supplying a number of vehicles to someone: "will supply 600 electric taxis to
    X", "delivered 90 buses to X"."""
    lem = tok.lemma_.lower()
    return tok.pos_ == "VERB" and lem in _SUPPLY | _SHIP_GOODS and any(
        o.dep_ == "dobj" and (_vehicles_counted(o) or lem in _SHIP_GOODS) for o in tok.children) and any(
        p.dep_ == "prep" and p.lower_ == "to" for p in tok.children)


def _counted_vehicles(tok: Any, nouns: set[str] = _DEALS) -> bool:
    """Whether ``tok`` is a deal (one of ``nouns``) "for" a number of vehicles: "signed an agreement for 1,500
    electric taxis made by Y", "a contract for 200 buses"."""
    return tok.lemma_.lower() in nouns and tok.pos_ == "NOUN" and any(
        p.dep_ == "prep" and p.lower_ == "for" and any(o.dep_ == "pobj" and _vehicles_counted(o) for o in p.children)
        for p in tok.children)


#: nouns of the one who buys from a maker ("the venture's first customer")
_CUSTOMERS = {"customer", "client", "buyer"}


def _customer_of(rules: Any, verb: Any, orgs: list[Mention]) -> Mention | None:
    """The maker whose customer the buyer is said to be ("The venture's first customer is X, which has ordered 60
    buses"; "X, the venture's first customer, has ordered …"): the possessor of the customer noun the buyer is the
    complement of or in apposition to."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    noun = relative_antecedent(verb) if subj.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl" else subj
    nouns = [c for c in noun.children if c.dep_ == "appos"]  # "X, the venture's first customer, …"
    if noun.dep_ == "attr":  # "the venture's first customer is X, which …"
        nouns += [c for c in noun.head.children if c.dep_ == "nsubj"]
    for n in (n for n in nouns if n.lemma_.lower() in _CUSTOMERS):
        owner = next((c for c in n.children if c.dep_ == "poss"), None) or next(  # ("the first customer of
            (o for p in n.children if p.dep_ == "prep" and p.lower_ in {"of", "for"}  # the joint venture"; not
             for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() not in SITE_NOUNS), None)  # "of the plant")
        m = rules._mention_of(owner) if owner is not None else None
        if m is not None and m in orgs:
            return m
    return None


def _to_purpose(verb: Any) -> bool:
    """Whether ``verb`` is an infinitive of purpose hung on the verb before it ("signed an agreement … to buy")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _no_lender(m: Mention | None) -> Mention | None:
    """``m``, unless it is a lender by its name (a bank, a fund: who finances an order, not who makes it)."""
    return None if m is None or _LENDER.search(m.label or m.text) else m


def relative_antecedent(verb: Any) -> Any:
    """The noun a relative clause ``verb`` tells of: its head, or, when the parser hung the clause on the last noun
    of an apposition ("X, the bus company of the capital area, which has ordered …"), the name that apposition
    describes."""
    noun = verb.head
    up = noun
    while up.dep_ in {"pobj", "prep"}:
        up = up.head
    if up is noun or up.dep_ != "appos":
        return noun
    named = up.head  # (a legal form's dot the parser took apart as the head: "X bs[.], the …": the name before)
    return named.doc[named.i - 1] if named.is_punct and named.i > 0 else named


class OrderRules:
    """Customers and makers from orders of vehicles (a mixin of the parsed relations)."""

    candidates: list[Any]

    def order_partners(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose the cooperation of each order's buyer and maker in the parsed sentence ``sent``."""
        for tok in sent:
            also: list[Mention] = []  # the other sellers an order is signed with
            supplied = _supplied_vehicles(tok)
            if not (tok.lemma_.lower() == "order" or _counted_vehicles(tok) or _bought_vehicles(tok) or supplied) \
                    or any(c.dep_ == "neg" for c in tok.head.children):
                continue
            if supplied:  # "Y will supply N taxis to X", "Y has agreed to supply N cars to X"
                maker, buyer = self._subject_org(tok, orgs), self._after_word(tok, "to", orgs, anaphors=False)
            elif tok.pos_ == "VERB":  # "X (has) ordered N buses from Y", "X will buy N cars from Y"
                buyer = self._subject_org(tok, orgs)
                # a lender is no maker ("…, financed through a facility from the X Bank": the loan rules make the
                # bank the buyer's partner); the goods or the customer noun may name the maker then
                maker = _no_lender(self._after_word(tok, "from", orgs)) or _no_lender(
                    self._ordered_maker(tok, orgs)) or _no_lender(_customer_of(self, tok, orgs))
                maker = maker or (_no_lender(self._after_word(tok.head, "with", orgs)) if _to_purpose(tok) and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _DEALS for c in tok.head.children) else None)
                # ("signed an agreement with Y last month to buy 300 sedans": bought from Y)
                maker = maker or self._story_maker(tok, buyer)
            elif tok.lemma_.lower() == "order" and tok.dep_ == "nsubj" and (owner := next(
                    (c for c in tok.children if c.dep_ == "poss"), None)) is not None:
                # "The venture's first big order is from X", "Y's first order came from X": Y's customer X
                maker, buyer = self._mention_of(owner), self._after_word(tok.head, "from", orgs)  # type: ignore
                maker = maker if maker in orgs else None
            elif tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in _WIN | _PLACE:
                verb, won = tok.head, tok.head.lemma_.lower() in _WIN
                subject = self._subject_org(verb, orgs)
                other = self._after_word(tok, "from", orgs) or self._after_word(verb, "from", orgs)
                if not won and other is None:  # "X signed the order with Y and its distributor, Z": each
                    sellers = self._all_after_word(verb, "with", orgs)
                    other, also = (sellers[0], sellers[1:]) if sellers else (None, [])
                buyer, maker = (other, subject) if won else (subject, other or self._ordered_maker(tok, orgs))
                if not won and maker is None and _counted_vehicles(tok, {"order"}):
                    maker = self._story_maker(verb, buyer, counted=True)  # "X has placed an order for 3,000 …"
            else:
                continue
            if buyer is None or maker is None or buyer.id == maker.id:
                continue
            self.note_order(buyer, maker, sent)  # type: ignore[attr-defined]
            for seller in [maker, *also]:
                if seller.id != buyer.id and self._new_partnership(seller.id, buyer.id, "cooperation"):  # type: ignore
                    self.add("partnerships", {  # type: ignore[attr-defined]
                        "id": self.cid(f"{seller.id}-{buyer.id}-cooperation"),  # type: ignore[attr-defined]
                        "label": f"{self.label(buyer.id)} orders from {self.label(seller.id)}",  # type: ignore
                        "kind": "cooperation", "partners": [seller.id, buyer.id]}, 0.5,
                        [(seller.start, seller.end), (tok.idx, tok.idx + len(tok.text)), (buyer.start, buyer.end)],
                        "parse:partner:order")

    def _story_maker(self, verb: Any, buyer: Mention | None, counted: bool = False) -> Mention | None:
        """The maker an order that names none is placed with: the carmaker the article names most before it
        ("Courier company X has separately ordered 2,000 electric motorcycles", "X has placed an order for 3,000
        motorcycles" (``counted``: the order is for a number of vehicles), in a story about one maker)."""
        if buyer is None or not (counted or any(o.dep_ == "dobj" and _vehicles_counted(o) for o in verb.children)
                                 or _bought_vehicles(verb)) or \
                verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT:
            return None  # (a plan to buy buses names no maker: "had planned to buy 100 CNG buses")
        makers = [m for m in self.ents.mentions  # type: ignore[attr-defined]
                  if m.file == "organizations" and m.kind == "automaker" and m.id != buyer.id and m.end <= verb.idx]
        top = Counter(m.id for m in makers).most_common(2)
        if not top or len(top) == 2 and top[0][1] == top[1][1]:
            return None  # (no carmaker, or two named as often)
        return next(m for m in reversed(makers) if m.id == top[0][0])

    def _subject_org(self, verb: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation the subject of ``verb`` names (or stands for); a verb that completes another ("has
        agreed to supply") has that verb's subject."""
        while (verb.dep_ == "xcomp" or _to_purpose(verb)) and not any(c.dep_ in {"nsubj", "nsubjpass"}
                                                                     for c in verb.children):
            verb = verb.head  # ("signed an agreement with Y to buy N cars": the signer buys)
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return None
        if subj.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
            subj = relative_antecedent(verb)  # "…, X, which has ordered 60 buses": X
        unit = self._subject_name(subj)  # type: ignore[attr-defined]  # ("X's taxi subsidiary, Y, will buy": Y)
        if unit in orgs:
            return unit
        named = next((m for t in subj.subtree if (m := self._mention_of(t, anaphors=False)) is not None  # type: ignore
                      and m in orgs), None)  # ("The company “X” d.o.o. ordered": X, not what "the company" was)
        return named or next((m for t in [subj, *subj.subtree] if (
            m := self._mention_of(t)) is not None and m in orgs), None)  # type: ignore[attr-defined]

    def _after_word(self, head: Any, word: str, orgs: list[Mention], anaphors: bool = True) -> Mention | None:
        """The organisation named (or, with ``anaphors``, stood for) in the phrase of ``head``'s preposition
        ``word`` ("from Y")."""
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == word), None)
        if prep is None:
            return None
        return next((m for t in prep.subtree if (m := self._mention_of(t, anaphors=anaphors))  # type: ignore
                     is not None and m in orgs), None)

    def _all_after_word(self, head: Any, word: str, orgs: list[Mention]) -> list[Mention]:
        """The organisations named in the phrase of ``head``'s preposition ``word`` ("with Y and its distributor,
        Z"), lenders left out, once each in text order."""
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == word), None)
        if prep is None:
            return []
        todo = [c for c in prep.children if c.dep_ == "pobj"] or [
            s for c in prep.children if c.dep_ == "pcomp" for s in c.children if s.dep_ == "nsubj"]
        # (the parser's "with [Y …] attended by …": Y the subject of a clause under "with")
        named = []  # the object, its conjuncts and appositions with their words, not the phrases hung on them
        while todo:  # ("…, at a ceremony in A attended by officials from B")
            t = todo.pop(0)
            named.append(t)
            todo += [c for c in t.children if c.dep_ not in {"prep", "acl", "relcl", "advcl"}]
        found: list[Mention] = []
        for t in sorted(named, key=lambda x: x.i):
            m = self._mention_of(t, anaphors=False)  # type: ignore[attr-defined]
            if m is not None and m in orgs and _no_lender(m) is not None and all(f.id != m.id for f in found):
                found.append(m)
        return found

    def _ordered_maker(self, order: Any, orgs: list[Mention]) -> Mention | None:
        """The maker named in what is ordered ("an order for 150 Y B12 buses", "ordered 46 Y buses"): an
        organisation in the goods' phrase, or the maker of a model named there."""
        where = {t.i for c in order.children if c.dep_ in {"dobj", "prep"} for t in c.subtree if t.dep_ == "prep"
                 and t.lower_ in _WHERE for t in t.subtree}  # ("for use at mine sites around Wau and Bulolo")
        where |= {t.i for c in order.children if c.dep_ in {"dobj", "prep"} for f in c.subtree if f.dep_ == "prep"
                  and f.lower_ == "for" for o in f.children if o.lemma_.lower() in PURPOSES for t in o.subtree}
        # ("120 minibuses for X feeder routes": X runs them)
        goods = [t for c in order.children if c.dep_ in {"dobj", "prep"} and c.lower_ != "from" for t in c.subtree
                 if t.i not in where]
        named = next((m for t in goods if (m := self._mention_of(t, anaphors=False)) is not None  # type: ignore
                      and m in orgs), None)  # (not "its", the buyer's: "for its BRT corridors")
        if named is not None:
            return named
        named = next((m for t in goods if t.dep_ == "poss" and t.lower_ not in _PRONOUNS and (
            m := self._mention_of(t)) is not None and m in orgs), None)  # type: ignore[attr-defined]
        if named is not None:  # "an order for 120 of the venture's buses": what "the venture" stands for
            return named
        model = next((m for m in self.ents.mentions if m.file == "vehicle_models"  # type: ignore[attr-defined]
                      and any(m.start <= t.idx < m.end for t in goods)), None)
        return self._maker_of(model) if model is not None else None  # type: ignore[attr-defined]
