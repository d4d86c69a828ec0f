"""Stakes and ownership: who holds how much of whom.

Three forms, over the organisation mentions of a sentence:

* a stake taken or held: "A will take a 30 % stake in B", "A holds a majority stake in B" (the holder is the
  clause's subject, read from the parse, or the organisation named last before the stake);
* a company owned in parts: "B is 60 % owned by A and 40 % by C", "A will hold 60 % of the company, B, and C the
  remaining 40 %" (B is a joint venture of A and C);
* an acquisition: "A acquired B", "A took over B".

A majority (over 50 %, "majority", "controlling", an acquisition) makes the holder the company's ``parent``
(a new company's record, or a merge record for a known one); a minority stake is proposed as the holder's
investment in the company, with the stake in its note; a company owned in parts gives a joint venture of its owners,
the largest one its ``majority_partner``.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import subtree_text
from nevkg.ingest.extract.stake_forms import (
    ACQUIRE,
    ACQUISITION,
    AND_BY,
    BACKED,
    BACKED_APPOS,
    BACKED_BY,
    BOUGHT,
    DESCR,
    HEDGED,
    HOLD,
    HOLDS,
    NAMED_UNIT,
    OWN_VENTURE,
    OWNED,
    OWNED_BEFORE,
    OWNED_GAP,
    PARTNER_WORD,
    PCT,
    REST,
    SOLD_BEFORE,
    STAKE,
    STAKE_NOUNS,
    UNIT_OF,
    UNIT_POSS,
    WHOLE_SHARES,
)
from nevkg.ingest.extract.stake_lists import listed_shareholders
from nevkg.ingest.extract.vocab import SITE_NOUNS

#: the comma that closes a name in apposition (after its acronym in brackets: "Y (CMI),")
_CLOSED = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?,")


class StakeRules:
    """Stakes, ownership splits and acquisitions (a mixin of the extractor)."""

    def stakes(self, sent: Any, orgs: list[Mention]) -> None:
        s, e = sent.start_char, sent.end_char
        text = self.text
        listed_shareholders(self, s, e, orgs)  # "The company's major shareholders are A (32.6 %), B (17.9 %) …"
        for m in STAKE.finditer(text, s, e):
            target = self._org_at(orgs, m.end(), e) if m.group("of") else self._stake_owner_of(sent, m.start(), orgs)
            unit = NAMED_UNIT.match(text, target.end) if target is not None else None
            if unit is not None:  # "a stake in X's Middle East subsidiary, X Middle East": the unit named after
                target = next((o for o in orgs if o.start == unit.end()), target)
            if target is None or SOLD_BEFORE.search(text[max(s, m.start() - 40):m.start()]) \
                    or HEDGED.search(text[max(s, m.start() - 40):m.start()]):
                continue  # ("the Vendor agreed to sell 40% of the equity interest in X": the seller's no more;
                # "Y would take a minority stake in X": a possibility, not a holding)
            holder = self._holder(sent, m.start(), orgs, target)
            if holder is None:
                continue
            pct = float(m.group("pct")) if m.group("pct") else None
            word = (m.group("word") or "").lower()
            self._stake(holder, target, pct, word in {"majority", "controlling"} or (pct or 0) > 50,
                        (m.start(), m.end()))
        for m in HOLDS.finditer(text, s, e):
            target = self._org_at(orgs, m.end(), e)
            if target is not None and (target.text.lower() in {"its", "their"} or text.startswith("'", target.end)):
                continue  # "buy 30 percent of its distributor", "X's unit": the share is of a company not named
            verb = next((t for t in sent if t.idx == m.start()), None)
            actor = self._actor(verb, orgs) if verb is not None and verb.pos_ == "VERB" else None
            holder = actor if actor is not None and target is not None and actor.id != target.id else (
                self._holder(sent, m.start(), orgs, target) if target is not None else None)
            if holder is None or HEDGED.search(text[max(s, m.start() - 40):m.start()]):
                continue
            pct = float(m.group("pct"))
            second = self._second_holder(target.end, sent, orgs, {holder.id, target.id}, pct, r"and|while")
            if second and pct + second[1] == 100:  # "A will hold 62.5% of the company, X, and B the remaining
                # 37.5%": owned in parts, a joint venture of A and B
                self._owned_in_parts(target, [(holder, pct), second[:2]], (m.start(), second[2]))
                continue
            self._stake(holder, target, pct, pct > 50, (m.start(), m.end()))
            if second:  # (", and C 45%")
                self._stake(second[0], target, second[1], second[1] > 50, (second[0].start, second[2]))
        for m in OWNED.finditer(text, s, e):
            owner = self._org_at(orgs, m.end(), e)
            owned = max((o for o in orgs if o.end <= m.start() and OWNED_GAP.fullmatch(text[o.end:m.start()])),
                        key=lambda o: o.end, default=None)
            if owner is None or owned is None:
                continue
            owners = [(owner, float(m.group("pct") or m.group("pct2")))]
            self.note_share(owner, owned, owners[0][1], m.start())
            more = AND_BY.match(text, owner.end)
            other = self._org_at(orgs, more.end(), e) if more else None
            if other is not None and other.id != owner.id:
                owners.append((other, float(more.group("pct"))))
            self._owned_in_parts(owned, owners, (m.start(), m.end()))
        for child in orgs:
            m = UNIT_OF.match(text, child.end)
            parent = self._org_at(orgs, m.end(), e) if m else None
            if parent is None:  # "X-owned Y", "X-controlled carmaker Y"
                parent = next((o for o in orgs if o.end < child.start and not o.rule.startswith("anaphor:") and
                               OWNED_BEFORE.fullmatch(text[o.end:child.start])), None)
            if parent is None:
                parent = next((o for o in orgs if o.end < child.start and UNIT_POSS.match(
                    text[o.end:child.start]) and len(text[o.end:child.start]) < 40 and (
                    "," not in text[o.end:child.start] or _CLOSED.match(text, child.end))), None)
                # ("X's driving arm, Y, will run …": Y in apposition, closed by a comma; not "Founded by engineers
                # from X's unit, Y has …")
            if parent is not None and parent.id != child.id:
                self._set_parent(child, parent, (child.start, child.end), f"'{child.id}' belongs to '{parent.id}'")
        for t in sent:
            if t.lemma_.lower() in ACQUIRE or t.lemma_.lower() == "take" and any(
                    c.dep_ == "prt" and c.lower_ == "over" for c in t.children):
                if t.pos_ != "VERB":
                    continue
                objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
                target = next((self._mention_of(c) for c in objs if self._mention_of(c) in orgs), None)
                holder = self._actor(t, orgs) if target is not None else None
                if holder is not None and holder.id != target.id:
                    self._stake(holder, target, None, True, (t.idx, t.idx + len(t.text)))
            elif t.pos_ == "NOUN" and t.lemma_.lower() in ACQUISITION:
                self._acquisition_noun(t, orgs)
            elif t.pos_ == "VERB" and t.lemma_.lower() == "own":
                self._owns(t, orgs)
        self._held_shares(sent, orgs)
        self._backers(sent, orgs)

    def _owns(self, verb: Any, orgs: list[Mention]) -> None:
        """"X, which owns Y", "X owns Y": X is Y's parent; "X owns 21% of Y": X's stake in Y (its parent above
        half). Not a negated or supposed owning."""
        from nevkg.ingest.extract.relations_assert import unasserted

        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or unasserted(verb):
            return
        target = next((m for t in obj.subtree if (m := self._mention_of(t, anaphors=False)) in orgs), None)
        holder = self._actor(verb, orgs) if target is not None else None
        if holder is None or holder.id == target.id:
            return
        pct = re.search(PCT, self.text[verb.idx:target.start])  # "owns 21% of Y", "owns 5 per cent of Y"
        value = float(pct.group("pct")) if pct is not None else None
        self._stake(holder, target, value, value is None or value > 50, (verb.idx, verb.idx + len(verb.text)))

    def _acquisition_noun(self, noun: Any, orgs: list[Mention]) -> None:
        """"X's acquisition of Y", "X completed its takeover of Y": the possessor (or the subject of the verb
        the noun is the object of) acquires the organisation after "of"."""
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [c for p in of for c in p.children if c.dep_ == "pobj"]
        target = next((m for c in objs if (m := self._mention_of(c, anaphors=False)) in orgs), None)
        if target is None:
            return
        holder = self._actor(noun, orgs)
        if holder is not None and holder.id != target.id:
            self._stake(holder, target, None, True, (noun.idx, noun.idx + len(noun.text)))

    def _backers(self, sent: Any, orgs: list[Mention]) -> None:
        """A company an investor backs: "the X-backed start-up Y", "Y, an X-backed maker of vans",
        "Y, an X portfolio company" (the backer's investment in it; a backed joint venture is read by
        :meth:`venture_backer`)."""
        for x in orgs:
            m = BACKED.match(self.text, x.end)
            if m is None or x.rule.startswith("anaphor:"):
                continue
            after = self._org_at(orgs, m.end(), sent.end_char)
            before = max((o for o in orgs if o.end <= x.start and BACKED_APPOS.fullmatch(self.text[o.end:x.start])),
                         key=lambda o: o.end, default=None)
            target = after or before
            if target is None or target.id == x.id or any(
                    c.file == "investments" and c.record["investor"] == x.id and c.record.get("investee") == target.id
                    for c in self.candidates):
                continue
            self.add("investments", {"id": self.cid(f"{x.id}-{target.id}-backing"),
                                     "label": f"{self.label(x.id)} backing of {self.label(target.id)}",
                                     "investor": x.id, "investee": target.id}, 0.55,
                     [(x.start, m.end()), (target.start, target.end)], "parse:backed",
                     notes=[f"'{target.id}' is backed by '{x.id}'"])

    def _held_shares(self, sent: Any, orgs: list[Mention]) -> None:
        """A share held without the word "stake": "A owns 20 % of B", "A keeps 45 % of B", "B, in which A holds
        35 %, …" (the holder is the verb's subject; the company the share is of, its "of" object or the noun
        the relative clause is about)."""
        last = None  # the company the sentence's share before was of ("… and B holds the remaining 49 %")
        first: tuple[Mention, float] | None = None  # who held that share, and how much
        for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in HOLD):
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None:
                continue
            obj_end = obj.idx + len(obj.text)
            cent = re.match(r"\s+per\s+cent\b", self.text[obj_end:])  # ("the remaining 40 per cent": "40" the object)
            obj_end += cent.end() if cent else 0
            pct = re.fullmatch(rf"(?:an?\s+|the\s+)?(?:other\s+|remaining\s+)?{PCT}",
                               self.text[obj.left_edge.idx:obj_end])
            if pct is None:
                continue
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}), None) or next(
                (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > obj.i), None)
            # ("A will hold 74 per cent in the joint venture": the parser hangs "in" on the verb)
            phrase = subtree_text(of) if of is not None else ""
            if re.fullmatch(rf"of\s+(?:the\s+|its\s+|their\s+)?{WHOLE_SHARES}", phrase):
                # "in which A will hold 70 per cent of the shares (and B 30 per cent)": a share of the whole
                obj_end, of = of.idx + len(phrase), None
            target = next((self._apposed_org(c, orgs) or self._mention_of(c)  # "30% of the operating company, X"
                           for c in of.children if c.dep_ == "pobj"), None) if of else None
            if target is None and verb.dep_ == "relcl":
                target = self._mention_of(verb.head)
            rest = target is None and of is None and re.match(r"the\s+(?:other|remaining)\b", pct.group(0))
            if rest:
                target = last  # "A holds 51 % of B, and C holds the remaining 49 %": of B
            if target is None and of is None and self._split_between(verb, obj_end, float(pct.group("pct")), orgs,
                                                                      sent):
                continue
            holder = self._actor(verb, orgs) if target in orgs else None
            if holder is None or holder.id == target.id:
                continue
            last = target
            share, end = float(pct.group("pct")), obj_end
            if rest and first is not None and first[0].id != holder.id:  # B is owned in parts by A and C
                self._owned_in_parts(target, [first, (holder, share)], (verb.idx, end))
                continue
            first = (holder, share)
            second = self._second_holder(end, sent, orgs, {holder.id, target.id}, share, r"and|while|whereas")
            if second:  # "in which A holds 51 % and B the remaining 49 %": a venture owned in parts
                other, more, rest_end = second
                self._owned_in_parts(target, [(holder, share), (other, more)], (verb.idx, rest_end))
            else:
                self._stake(holder, target, share, share > 50, (verb.idx, end))

    def _apposed_org(self, noun: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation named in apposition right after a common noun ("the operating company, X SpA", "the
        joint venture, to be called X")."""
        end = noun.idx + len(noun.text)
        return next((o for o in orgs if re.fullmatch(r",\s+(?:(?:to\s+be\s+|which\s+will\s+be\s+)?(?:called|named)\s+)?"
                                                     r"(?:the\s+)?", self.text[end:o.start])), None)

    def _stake_owner_of(self, sent: Any, pos: int, orgs: list[Mention]) -> Mention | None:
        """The company a stake is in, named before it: "X, a venture in which A holds a 35 % stake"."""
        tok = next((t for t in sent if t.idx >= pos and t.lemma_.lower() in STAKE_NOUNS), None)
        verb = tok.head if tok is not None else None
        if verb is None or verb.dep_ != "relcl":
            return None
        noun = verb.head
        m = self._mention_of(noun)
        if m is None and noun.dep_ == "appos":
            m = self._mention_of(noun.head)
        return m if m in orgs else None

    def _org_at(self, orgs: list[Mention], pos: int, end: int) -> Mention | None:
        """The organisation named at ``pos``, after a short description ("Chinese carmaker X"), or a phrase standing
        for one whose article the pattern before ``pos`` took ("owned by the Chinese group")."""
        for o in orgs:
            gap = self.text[pos:o.start]
            if pos <= o.start < end and DESCR.fullmatch(gap) and not PARTNER_WORD.search(gap) \
                    and not self.text.startswith("-based", o.end):  # ("a stake in X-based operator Y": Y)
                return o
        return next((o for o in orgs if o.start < pos < o.end and self.text[o.start:pos].lower().strip() == "the"),
                    None)

    def _holder(self, sent: Any, pos: int, orgs: list[Mention], target: Mention) -> Mention | None:
        """Who holds a stake: the subject of the clause (from the parse), else the organisation named last
        before it."""
        tok = next((t for t in sent if t.idx >= pos and t.lemma_.lower() in STAKE_NOUNS), None)
        if tok is not None:
            actor = self._actor(tok, orgs)
            if actor is not None and actor.id != target.id:
                return actor
        before = [o for o in orgs if o.end <= pos and o.id != target.id]
        return before[-1] if before else None

    def _stake(self, holder: Mention, target: Mention, pct: float | None, majority: bool,
               cue: tuple[int, int]) -> None:
        share = f"{pct:g} %" if pct is not None else "a majority" if majority else "a minority"
        if target.rule.startswith("anaphor:") and target.rule.split(":")[1].lower() in SITE_NOUNS:
            return  # "a 15 percent stake in the Morowali plant": in a plant, not in the company that runs it
        if majority:
            self._set_parent(target, holder, cue, f"'{holder.id}' holds {share} of '{target.id}'")
            said = next((self.text[max(x, cue[0] - 60):min(y, cue[1] + 140)] for x, y, _ in self._sentences
                         if x <= cue[0] < y), "")
            if not BOUGHT.search(said):  # (in the stake's own sentence, near the stake)
                return  # (a majority bought is an investment too: "to buy a 51 % stake in X for $310m")
        if any(c.file == "investments" and c.record["investor"] == holder.id and c.record.get("investee") == target.id
               or c.file == "partnerships" and c.record.get("kind") == "joint-venture" and holder.id in c.record[
                   "partners"] and target.id == c.record.get("company")
               for c in self.candidates):
            return  # said already (a venture's company and its parents say their stakes; a cooperation does not;
            # one partner's stake in the other is a stake of its own)
        rec = {"label": f"{self.label(holder.id)} stake in {self.label(target.id)}", "investor": holder.id,
               "investee": target.id}
        self.add("investments", {"id": self.cid(f"{holder.id}-{target.id}-stake"), **rec}, 0.6,
                 [(holder.start, holder.end), cue, (target.start, target.end)], "parse:stake",
                 notes=[f"'{holder.id}' holds {share} of '{target.id}' ("
                        f"{'a majority bought for a price' if majority else 'a minority stake'})"])

    def _split_between(self, verb: Any, end: int, share: float, orgs: list[Mention], sent: Any) -> bool:
        """"The project would cost $65 million, with A holding 60 % and B 40 %": two companies whose shares of
        something the sentence does not name as a company make up the whole own it together, a joint venture (the
        first share ends at ``end``)."""
        holder = self._actor(verb, orgs)
        second = self._second_holder(end, sent, orgs, {holder.id}, share, r"and") \
            if holder is not None else None
        if second is None or share + second[1] != 100:
            return False
        other, more, rest_end = second
        if self._new_partnership(holder.id, other.id, "joint-venture"):
            rec: dict[str, Any] = {"label": f"{self.label(holder.id)}–{self.label(other.id)} joint venture",
                                   "kind": "joint-venture", "partners": [holder.id, other.id]}
            if share != more:
                rec["majority_partner"] = holder.id if share > more else other.id
            self.add("partnerships", {"id": self.cid(f"{holder.id}-{other.id}-joint-venture"), **rec}, 0.6,
                     [(holder.start, holder.end), (verb.idx, rest_end), (other.start, other.end)],
                     "parse:split-between", notes=[f"'{holder.id}' holds {share:g} % and '{other.id}' {more:g} %"])
        return True

    def _second_holder(self, end: int, sent: Any, orgs: list[Mention], skip: set[str], share: float,
                       conj: str) -> tuple[Mention, float, int] | None:
        """The other holder named after a share that ends at ``end`` (", and B 40 %", "while B will own the
        remaining 26 per cent", "and B the rest"): the holder, its share and where its share ends."""
        gap = re.match(rf"\s*,?\s+(?:{conj})\s+(?:the\s+)?", self.text[end:sent.end_char])
        other = self._org_at(orgs, end + gap.end(), sent.end_char) if gap else None
        rest = REST.match(self.text, other.end) if other is not None and other.id not in skip else None
        if rest is None:
            return None
        return other, float(rest.group("pct")) if rest.group("pct") else 100 - share, rest.end()

    def _owned_in_parts(self, owned: Mention, owners: list[tuple[Mention, float]], cue: tuple[int, int]) -> None:
        top, pct = max(owners, key=lambda x: x[1])
        if any(o.id == owned.id for o, _ in owners):
            pct = 0.0  # the company was linked to one of its owners ("X International" to X): no parent for it
        elif pct > 50:
            self._set_parent(owned, top, cue, f"'{top.id}' holds {pct:g} % of '{owned.id}'")
        if len(owners) < 2 or not self._new_partnership(owners[0][0].id, owners[1][0].id, "joint-venture"):
            return
        (a, pa), (b, pb) = owners[:2]
        self.note_venture(owned, [a, b], cue)
        self.note_share(b, owned, pb, cue[0])
        rec: dict[str, Any] = {"label": f"{self.label(a.id)}–{self.label(b.id)} joint venture", "kind": "joint-venture",
                               "partners": [a.id, b.id]}
        if pct > 50:
            rec["majority_partner"] = top.id
        self.add("partnerships", {"id": self.cid(f"{a.id}-{b.id}-joint-venture"), **rec}, 0.65,
                 [(owned.start, owned.end), cue, (a.start, a.end), (b.start, b.end)], "parse:owned-in-parts",
                 notes=[f"'{owned.id}' is {pa:g} % owned by '{a.id}' and {pb:g} % by '{b.id}'"])

    def venture_backer(self, sent: Any, orgs: list[Mention]) -> None:
        """A new joint-venture company named with one backer ("Y, a joint venture backed by X", "X's joint
        venture Y", "its joint venture Y"): X is its parent, unless a stated majority owner says otherwise."""
        e = sent.end_char
        for y in (o for o in orgs if o.id in self.ents.new and not o.rule.startswith("anaphor:")):
            rec = self.ents.new[y.id]
            if rec.get("parent") or self.ents.new_meta[y.id].file != "organizations":
                continue
            after = [x for x in orgs if x.start >= y.end and x.id != y.id and BACKED_BY.fullmatch(
                self.text[y.end:x.start])]
            before = [x for x in orgs if x.end <= y.start and x.id != y.id and OWN_VENTURE.fullmatch(
                self.text[x.end:y.start])]
            backer = after[0] if after else before[-1] if before else None
            if backer is None or re.match(r"\s*(?:,\s*)?(?:and|&)\s", self.text[backer.end:e]):
                continue  # "backed by A and B": two parents, no one parent
            rec["kind"] = "joint-venture-company"
            self._set_parent(y, backer, (y.start, backer.end), f"'{y.id}' is a joint venture of '{backer.id}'")
            self._backer_only = getattr(self, "_backer_only", set()) | {y.id}

    def _set_parent(self, child: Mention, parent: Mention, cue: tuple[int, int], note: str) -> None:
        """``child`` is owned by ``parent``: set the new record's parent, or propose it for a known one."""
        if child.id == parent.id:
            return
        rec = self.ents.new.get(child.id)
        if rec is not None:
            if self.ents.new_meta[child.id].file == "organizations":
                if child.id in getattr(self, "_backer_only", set()):  # a stated majority beats a named backer
                    self._backer_only.discard(child.id)
                    rec.pop("parent", None)
                rec.setdefault("parent", parent.id)
            return
        entry = self.gaz.entries.get(child.id)
        if entry is None or entry.file != "organizations" or any(
                c.file == "organizations" and c.rule == "stated-parent" and c.record["id"] == child.id
                for c in self.candidates):
            return
        self.add("organizations", {"id": child.id, "label": entry.label, "kind": entry.kind or "company",
                                   "parent": parent.id}, 0.6, [(child.start, child.end), cue,
                                                               (parent.start, parent.end)],
                 "stated-parent", new=False, merge_into=child.id, notes=[note])
