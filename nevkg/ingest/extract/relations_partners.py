"""Partnerships and brands read from the parse: partners of a clause (a joint venture's company and owners:
:mod:`.venture_parse`), contract manufacturing ("makes cars for Y"), selling another company's goods, and the
brands of an owner."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.spans import span_at, verb_of
from nevkg.ingest.extract.venture_parse import VentureParseRules
from nevkg.ingest.extract.vocab import DESCRIBED_RE

#: nouns of a named service ("X's Y robotaxi service")
_SERVICE_NOUNS = {"service", "platform", "app", "application", "robotaxi", "robotaxis"}
#: nouns of a part of a company named in apposition ("Y, X's robotaxi unit")
_UNIT_NOUNS = {"unit", "arm", "subsidiary", "division"}
#: nouns of places: names listed after them ("in 15 cities, including A and B") are places, not partners
_PLACE_NOUNS = {"city", "country", "market", "region", "state", "province", "place", "location", "nation", "capital",
                "destination", "town", "territory"}
#: verbs of selling someone's goods
_SELL_VERBS = {"sell", "distribute", "retail", "import", "market"}
#: verbs of supplying goods to a client ("X will supply 600 vans to Y"), and of making them ("are built by X")
_SUPPLY_VERBS = {"supply", "provide", "deliver"}
_MAKE_VERBS = _SUPPLY_VERBS | {"build", "make", "manufacture", "produce", "assemble"}
#: verbs of a tenant taking its site from a landlord ("lease … from", "rent … from")
_LEASE_VERBS = {"lease", "rent"}
#: the words between "for" and a client's name ("for Chinese maker Y")
_DESCRIBED_FOR = re.compile(rf"\s+{DESCRIBED_RE}")
#: verbs of choosing a company for a task ("picked Y to install …", "chose Y as its operator")
_PICK_VERBS = {"pick", "choose", "select", "hire", "tap", "enlist", "commission", "engage", "appoint", "contract"}
#: goods whose supply makes a partnership (not "information", "details", "a statement")
_GOODS = {"car", "vehicle", "minivan", "van", "robotaxi", "robotaxis", "taxi", "suv", "sedan", "bus", "truck",
          "shuttle", "unit", "model", "kit", "sensor", "software", "system", "battery", "cell", "charger", "lidar",
          "chip", "pack", "motorcycle", "scooter", "tricycle", "pickup", "bakkie"}


#: anaphors that may name a partner of a clause's actor: a filing's issuer, a venture named before
_OTHERS_ANAPHORS = {"anaphor:issuer", "anaphor:jv", "anaphor:venture"}


#: prepositions of where or when a deal was made, whose phrase names no partner
_WHERE_WHEN = {"at", "in", "on", "during", "near", "after", "before", "since"}


def _denied(cue: Any) -> bool:
    """Whether the clause of a partnership cue denies or refuses it ("did not sign a deal", "never partnered",
    "refused to cooperate")."""
    verb = verb_of(cue)
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"refuse", "decline", "fail", "reject"}


#: a company opening a gapped clause of a list, then its own "with": "…, B with Y", "…, while B works with Y"
_GAP_OPEN = re.compile(r"(?:[,;:]|\bwhile|\bwhereas|\bbut)\s+$")
_GAP_WITH = re.compile(r"\s+(?:[a-z]+\s+){0,2}with\b")


def _gapped_owner(text: str, actor: Mention, o: Mention, orgs: list[Mention]) -> Mention:
    """Whose partner ``o`` is in a list of gapped clauses ("deals before: A with X in Dubai and with Y in Qatar,
    B with Z in Warsaw"): the last company before it that opens such a clause with its own "with", else
    ``actor``."""
    lead = [m for m in orgs if actor.end <= m.start and m.end <= o.start and m.id != actor.id
            and _GAP_OPEN.search(text, max(0, m.start - 10), m.start) and _GAP_WITH.match(text, m.end)
            and not m.rule.startswith("anaphor:")]
    return lead[-1] if lead else actor


class PartnerParseRules(VentureParseRules):
    """Partnerships and brands from a clause (a mixin of the extractor)."""

    def _partners(self, cue: Any, actor: Mention, orgs: list[Mention]) -> None:
        # the cue's own phrase and its head's objects ("signed a deal with X", "a partnership of X and Y"), not
        # the whole sentence the head governs
        clause = {t.i for t in cue.subtree} | {d.i for c in cue.head.children if c.dep_ in {"prep", "dobj", "conj"}
                                               and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
                                               for d in c.subtree}  # not a clause coordinated with the cue's
        clause -= {d.i for c in [*cue.children, *cue.head.children] if c.dep_ == "prep" and c.lower_ in _WHERE_WHEN
                   for d in c.subtree}  # (also on the cue: "an agreement at Capital Hill")
        clause -= {d.i for i in clause if self.doc[i].dep_ == "relcl" and self.doc[i].head != cue
                   and cue not in self.doc[i].subtree
                   for d in self.doc[i].subtree}  # "a deal with X, a start-up in which Y holds a stake": not Y
        # (but "a contract under which the plant will supply Y": the cue's own clause names its partner)
        if cue.dep_ == "appos" and any(c.dep_ == "poss" for c in cue.children):
            clause.add(cue.head.i)  # "X, Y's sales partner": X is the partner of Y
        if cue.dep_ == "pobj" and cue.head.lower_ == "as":  # "appointed X as its distributor": X
            clause |= {d.i for c in cue.head.head.children if c.dep_ in {"dobj", "oprd"} for d in c.subtree}
        if cue.dep_ in {"dobj", "oprd", "attr"} and any(c.dep_ == "poss" for c in cue.children):
            # "making X its distributor", read as a clause of its own: X (its subject or, the name's last word
            # taken for that clause's verb, its words) holds the role
            clause |= {d.i for c in cue.head.children if c.dep_ in {"nsubj", "compound"} for d in c.subtree}
            if cue.head.pos_ == "PROPN":
                clause.add(cue.head.i)
        if _denied(cue):
            return  # "never partnered with X", "refused to sign a deal with X"
        if any(c.dep_ == "prep" and c.lower_ == "with" and any(t.dep_ == "pobj" and t.lemma_.lower() in {
                "investigation", "inquiry", "enquiry", "probe", "review", "audit", "authority", "regulator"}
                for t in c.children) for c in cue.children):
            return  # "A and B cooperated with the investigation": with a process, not with each other
        kind = "joint-venture" if cue.lemma_.lower() in {"venture", "jv"} else \
            "alliance" if cue.lemma_.lower() == "alliance" else \
            "strategic-cooperation" if any(t.lower_ == "strategic" for t in cue.head.subtree) else "cooperation"
        if kind == "joint-venture" and self._named_venture(cue, actor, orgs):
            return
        if kind == "joint-venture" and self._venture_of_owners(cue, self._venture_owners(cue, orgs)):
            return  # "a joint venture in which A holds 60% and B 40%"
        if cue.lemma_.lower() == "partner" and cue.tag_ == "NNS" and cue.dep_ in {"nsubj", "nsubjpass"} and any(
                c.lower_ in {"the", "both", "two", "three"} for c in cue.children):
            return  # "the partners will set up …": named before, the clause names what they do, not new partners
        orgs = orgs + self._listed_partners(cue, orgs)
        for o in orgs:
            tok = span_at(self.doc, o.start, o.end)
            if o.id == actor.id or tok is None or tok.root.i not in clause or self._same_group(actor, o) \
                    or o.rule.startswith("anaphor:") and o.rule not in _OTHERS_ANAPHORS:  # "its", "the company":
                continue  # the actor's side, not a partner (but "to the Group" in a filing names the issuer, and
                # "from the JV" the venture named before: "X signed an agreement to buy cells from the JV")
            if kind == "joint-venture" and tok.root.dep_ == "appos" and (tok.root.head.i == cue.i or any(
                    k is not o and k.start <= tok.root.head.idx < k.end for k in orgs)):
                continue  # "its joint venture with A, X, …": X names the venture, no partner of its own
            if (o.kind or "") in _GOV or (actor.kind or "") in _GOV:
                continue
            own = _gapped_owner(self.text, actor, o, orgs)  # "A with X in Dubai, B with Y in Warsaw": B's Y
            if own.id == o.id:
                continue
            if self._new_partnership(own.id, o.id, kind):
                rid = self.cid(f"{own.id}-{o.id}-{kind}")
                rec = {"label": f"{self.label(own.id)} and {self.label(o.id)} {kind.replace('-', ' ')}",
                       "kind": kind, "partners": [own.id, o.id]}
                self.add("partnerships", {"id": rid, **rec}, 0.55,
                         [(own.start, own.end), (cue.idx, cue.idx + len(cue.text)), (o.start, o.end)],
                         f"parse:partner:{cue.lemma_.lower()}")

    def _listed_partners(self, cue: Any, orgs: list[Mention]) -> list[Mention]:
        """Names listed after "including" or "such as" in a partnership's clause ("deals with 60 dealers,
        including A, B and C") are organisations, also those the parser took for a person or a place."""
        from nevkg.ingest.extract.ner import retype

        clause = cue.head.subtree if cue.head is not cue else cue.subtree
        heads = [t for t in clause if (t.lower_ == "including" or t.lower_ == "as" and t.i > 0
                 and t.doc[t.i - 1].lower_ == "such") and t.head.lemma_.lower() not in _PLACE_NOUNS]
        out: list[Mention] = []
        for h in heads:
            for m in self.mentions_in(h.idx, h.sent.end_char, ("people", "places")):
                span = span_at(self.doc, m.start, m.end)
                if span is None or span.root not in list(h.subtree) or m.known or m.id not in self.ents.new \
                        or (m.kind or "") == "country":
                    continue
                retype(self.ents, m.id, "organizations", "company")
                out += [k for k in self.ents.mentions if k.id == m.id and k not in orgs and k not in out]
        return out

    def _same_group(self, a: Mention, b: Mention) -> bool:
        return self.same_group_ids(a.id, b.id)

    def same_group_ids(self, a: str, b: str) -> bool:
        """Whether the new records make ``a`` or ``b`` the other's brand or unit."""
        rec_a, rec_b = self.ents.new.get(a, {}), self.ents.new.get(b, {})
        return rec_a.get("brand_of") == b or rec_b.get("brand_of") == a or \
            rec_a.get("parent") == b or rec_b.get("parent") == a

    def _goods_owner(self, cue: Any, actor: Mention) -> Mention | None:
        """Whose goods a selling verb moves: the possessor of its object ("distribute B's vehicles"), if another
        organisation than the actor."""
        if cue.pos_ != "VERB" or cue.lemma_.lower() not in _SELL_VERBS:
            return None
        for obj in (c for c in cue.children if c.dep_ == "dobj"):
            for c in obj.children:
                m = self._mention_of(c) if c.dep_ in {"poss", "compound"} else None
                if m is not None and m.id != actor.id and (m.kind or "") not in _GOV:
                    return m
            if cue.lemma_.lower() in {"distribute", "import", "retail"}:  # "has distributed Chinese car brand B"
                for t in (obj, *(c for c in [*obj.children, *cue.children] if c.dep_ in {"appos", "npadvmod"})):
                    m = self._mention_of(t)
                    if m is not None and m.id != actor.id and (m.kind or "") in {"brand", "automaker"}:
                        return m
        return None

    def supply_partners(self, sent: Any, orgs: list[Mention]) -> None:
        """"X will supply 600 vans to Y" (the subject supplies the organisation after "to"), "the cars are supplied
        by X", "built for Y by X" (the agent makes them for the organisation after "for", else for the one named in
        the goods' phrase, else for the one the text spoke of last): the two work together; so do a tenant and
        its landlord (:meth:`_landlords`)."""
        for verb in sent:
            lem = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lem not in _MAKE_VERBS or any(c.dep_ == "neg" for c in verb.children):
                continue
            after = [t for t in verb.subtree if t.i > verb.i]
            if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):  # passive: the agent makes them
                goods = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                by = next((t for t in after if t.lower_ == "by"), None)
                if goods is None or goods.lemma_.lower() not in _GOODS or by is None or by.i + 1 >= len(verb.doc):
                    continue
                maker = self._named_in(verb.doc[by.i + 1], orgs)
                client = self._named_after(after, "for", orgs) or self._named_in(goods, orgs) or (
                    self.last_org if any(c.lower_ in {"the", "its", "their"} for c in goods.children) else None)
            elif lem in _SUPPLY_VERBS:  # active: the subject supplies the organisation after "to"
                goods = next((t for t in after[:8] if t.lemma_.lower() in _GOODS and t.pos_ == "NOUN"), None)
                if goods is None:
                    continue
                maker = self._actor(verb, orgs)
                client = self._named_after([t for t in after if t.i > goods.i], "to", orgs)
            else:
                continue
            if maker is not None and client is not None and not self._same_group(maker, client):
                self._client_partner(maker, client, verb, f"parse:partner:{lem}", "supplies")
        self._landlords(sent, orgs)

    def _landlords(self, sent: Any, orgs: list[Mention]) -> None:
        """"X will lease the site for 25 years from Y", "a site which the joint venture will rent from the
        landowner, Y", "will occupy 2.3 hectares … on a 25-year lease from Y": a tenant works with its landlord, a
        company or a public body (a cooperation)."""
        for cue in sent:  # (the verb, or the noun "lease")
            if cue.pos_ not in {"VERB", "NOUN"} or cue.lemma_.lower() not in _LEASE_VERBS or any(
                    c.dep_ in {"neg", "auxpass", "nsubjpass"} for c in cue.children):
                continue
            frm = next((t for t in cue.subtree if t.i > cue.i and t.lower_ == "from"), None)
            landlord = next((m for m in orgs if frm is not None and m.start > frm.idx and re.fullmatch(
                r"from\s+(?:the\s+(?:(?:[a-z-]+\s+)?[a-z-]+,?\s+)?)?", self.text[frm.idx:m.start])), None)
            tenant = self._actor(cue, orgs) if landlord is not None else None
            if landlord is None and cue.pos_ == "VERB":  # "Y will buy them and lease them to X": the lessor Y
                lessee = next((m for to in cue.children if to.lower_ == "to" and to.dep_ in {"prep", "dative"}
                               for p in to.children if p.dep_ == "pobj" and (m := self._named_in(p, orgs))), None)
                lessor = self._actor(cue, orgs) if lessee is not None else None
                if lessor is not None and not self._same_group(lessor, lessee):
                    self._client_partner(lessor, lessee, cue, "parse:partner:lease", "leases to", public_client=True)
            if tenant is not None and not self._same_group(tenant, landlord):
                self._client_partner(tenant, landlord, cue, "parse:partner:lease", "leases from",
                                     public_client=True)

    def picked_partners(self, sent: Any, orgs: list[Mention]) -> None:
        """"X picked Y to install chargers", "X has chosen Y as its fleet operator", "X hired Y to build …", "X
        signed up Y to build …": a company chosen by another for a task (an infinitive or "as" after it) works with
        it: a cooperation. Not when the verb is negated or the chooser is an authority (a regulator "selected" for
        a permit)."""
        for verb in sent:
            signed_up = verb.lemma_.lower() == "sign" and any(c.dep_ == "prt" and c.lower_ == "up"
                                                              for c in verb.children)  # ("signed up Y to build")
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PICK_VERBS and not signed_up or _denied(verb) or \
                    any(c.dep_ == "neg" for c in verb.children):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            task = any(c.dep_ in {"xcomp", "advcl"} and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children)
                       or c.dep_ == "prep" and c.lower_ == "as" for c in [*verb.children, *(obj.children if obj
                                                                                          else [])])
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if obj is None or subj is None or not task:
                continue
            chooser = self._mention_of(subj)
            chosen = self._mention_of(obj)
            if chooser is None or chosen is None or chooser not in orgs or chosen not in orgs or \
                    self._same_group(chooser, chosen):
                continue
            self._client_partner(chooser, chosen, verb, f"parse:partner:{verb.lemma_.lower()}", "works with")

    def _named_in(self, tok: Any, orgs: list[Mention]) -> Mention | None:
        """The first organisation named in ``tok``'s phrase."""
        return next((m for t in tok.subtree if (m := self._mention_of(t)) is not None and m in orgs
                     and not m.rule.startswith("anaphor:")), None)

    def _named_after(self, tokens: list[Any], word: str, orgs: list[Mention]) -> Mention | None:
        """The organisation named right after the first ``word`` ("to", "for") of ``tokens``."""
        at = next((t for t in tokens if t.lower_ == word and t.i + 1 < len(t.doc)), None)
        return self._named_in(at.doc[at.i + 1], orgs) if at is not None else None

    def _client(self, cue: Any, actor: Mention, orgs: list[Mention]) -> None:
        """"X assembles cars for Y", "X starts production for Y": X makes Y's cars (contract manufacturing),
        so the two work together (also where the parser hangs "for Y" on the goods: "assembles motorcycles for Y")."""
        goods = [c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in _GOODS] if cue.pos_ == "VERB" \
            else []
        for prep in (c for t in [cue, *goods] for c in t.children if c.dep_ == "prep" and c.lower_ == "for"):
            client = next((m for t in prep.subtree if (m := self._mention_of(t)) is not None and m in orgs
                           and m.id != actor.id), None) or next((  # (a name the parser tore off the phrase)
                m for m in orgs if m.id != actor.id and m.start > prep.idx and _DESCRIBED_FOR.fullmatch(
                    self.text[prep.idx + len(prep.text):m.start])), None)
            if client is not None:
                self._client_partner(actor, client, cue, "parse:partner:made-for", "builds for")

    def _client_partner(self, maker: Mention, client: Mention, cue: Any, rule: str, verb: str,
                        public_client: bool = False) -> None:
        """Propose the cooperation of a maker or supplier and its client (never an authority, unless
        ``public_client`` lets a public body that buys be the client), once."""
        if maker.id == client.id or (maker.kind or "") in _GOV or (client.kind or "") in _GOV and not public_client:
            return
        if self._new_partnership(maker.id, client.id, "cooperation"):
            self.add("partnerships", {"id": self.cid(f"{maker.id}-{client.id}-cooperation"),
                                      "label": f"{self.label(maker.id)} {verb} {self.label(client.id)}",
                                      "kind": "cooperation", "partners": [maker.id, client.id]}, 0.5,
                     [(maker.start, maker.end), (cue.idx, cue.idx + len(cue.text)), (client.start, client.end)], rule)

    def _brands(self, cue: Any, actor: Mention, orgs: list[Mention]) -> None:
        """"its brands A and B", "the A and B brands", "A, a brand of X": A and B are brands of the owner (not a
        brand named with a nation's adjective: "X launched Chinese EV brand A in Sri Lanka" is A's distributor)."""
        if _national_brand(cue):
            return
        near = {t.i for t in cue.subtree} | {t.i for t in cue.head.subtree if t.dep_ in {"appos", "conj"}}
        brands = []
        names = orgs + [m for m in self.mentions_in(cue.sent.start_char, cue.sent.end_char, ("places",))
                        if not m.known and m.rule.startswith("ner:") and m.id in self.ents.new]
        for o in names:
            span = span_at(self.doc, o.start, o.end)
            if o.id != actor.id and span is not None and (span.root.i in near or span.root.head.i == cue.i):
                brands.append(o)
        for b in brands:
            if b.known:
                continue
            rec = self.ents.new.get(b.id)
            if rec is not None and b.file == "places":
                from nevkg.ingest.extract.ner import retype

                retype(self.ents, b.id, "organizations", "brand")
            if rec is not None and not rec.get("brand_of"):
                rec["brand_of"] = actor.id
                rec["kind"] = "brand"

    def services(self, sent: Any, orgs: list[Mention]) -> None:
        """"X's Y robotaxi service", "X's Y app": the named service is X's brand; "Y, X's robotaxi unit" (or "X's
        robotaxi unit, Y"): Y is X's brand (a service) or subsidiary (a unit, arm or division)."""
        for cue in sent:
            lem = cue.lemma_.lower()
            if lem not in _SERVICE_NOUNS and lem not in _UNIT_NOUNS:
                continue
            owner = next((m for c in cue.children if c.dep_ == "poss" and (m := self._mention_of(c)) in orgs), None)
            if owner is None:
                continue
            if cue.dep_ == "appos":
                self._owned_in_apposition(cue, cue.head, owner, orgs)
            for named in (c for c in cue.children if c.dep_ == "appos"):  # "X's robotaxi unit, Y, …"
                self._owned_in_apposition(cue, named, owner, orgs)
            if lem not in _SERVICE_NOUNS:
                continue
            for c in cue.children:
                if c.dep_ != "compound":
                    continue
                m = self._mention_of(c, ("organizations", "places"))
                rec = self.ents.new.get(m.id) if m is not None and not m.known and m.id != owner.id else None
                if rec is None or rec.get("brand_of") or (m.kind or "") == "country":
                    continue
                if m.file == "places":
                    from nevkg.ingest.extract.ner import retype

                    retype(self.ents, m.id, "organizations", "brand")
                rec["brand_of"], rec["kind"] = owner.id, "brand"


    def _owned_in_apposition(self, cue: Any, name: Any, owner: Mention, orgs: list[Mention]) -> None:
        """"Y, X's robotaxi unit" or "X's robotaxi unit, Y" (``cue`` and the name ``name`` in apposition, the cue
        possessed by X): a new Y is X's brand or subsidiary."""
        named = self._mention_of(name, ("organizations",), anaphors=False)
        rec = self.ents.new.get(named.id) if named is not None and named in orgs and not named.known else None
        if rec is None or named.id == owner.id or rec.get("brand_of") or rec.get("parent") not in {None, owner.id}:
            return  # (a parent the stake rules gave it already is the same one: the unit is its subsidiary)
        if cue.lemma_.lower() in _UNIT_NOUNS:
            rec["parent"], rec["kind"] = owner.id, "subsidiary"
        else:
            rec["brand_of"], rec["kind"] = owner.id, "brand"


def _national_brand(cue: Any) -> bool:
    """Whether the noun phrase of a "brand" cue has a nation's adjective ("Chinese electric vehicle (EV) brand A",
    "the Chinese brand A"): the brand is named as a foreign one, not as the subject's own."""
    from nevkg.ingest.countries import DEMONYMS

    nouns = [cue]
    while nouns[-1].dep_ in {"compound", "appos"} and nouns[-1].head is not nouns[-1] and len(nouns) < 3:
        nouns.append(nouns[-1].head)
    return any(c.dep_ == "amod" and c.text in DEMONYMS for n in nouns for c in n.children)
