"""Sites that change hands and companies that leave a market.

* A site taken over: "X will take over Y's plant in Z", "X acquired the former Y factory in Z", "Y's plant in Z
  was bought by X", "the factory stands on the former site of Y's operations" → X's site at Z with Y as its
  ``previous_operator`` (Y's own site at Z, read from the same words, is dropped: Y ran it before);
* an exit: "X pulled out of Z", "X exits the Z market", "X is leaving Z", "X withdrew from Z", "X's departure from
  Z" → a market presence of X in Z with the activity ``exited``. The company must be the subject of the verb (the
  parse says so), so that "ships carrying X's cars left Z" is no exit of X.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import IN_CLAUSE, span_at
from nevkg.ingest.extract.vocab import SITE_NOUN_RE

_SITE_NOUN = rf"(?:{SITE_NOUN_RE}|production\s+base|assembly\s+(?:plant|line)|premises)"
#: verbs of taking a site over, active ("X took over …") and passive ("… was taken over by X")
_TAKE = re.compile(r"\b(?:tak(?:e|es|ing)\s+over|took\s+over|acquir(?:e|es|ed|ing)|b(?:uy|uys|uying|ought)|"
                   r"purchas(?:e|es|ed|ing)|(?:tak(?:e|es|ing)|took)\s+control\s+of|tak(?:e|es|ing)\s+on|took\s+on|"
                   r"mov(?:e|es|ed|ing)\s+into|reopen(?:s|ed|ing)?|revamp(?:s|ed|ing)?|convert(?:s|ed|ing)?)\s+",
                   re.I)
_TAKEN_BY = re.compile(r"\b(?:taken\s+over|acquired|bought|purchased|reopened|converted)\s+by\s+(?:the\s+)?$", re.I)
_TAKEN_BY_X = re.compile(r"\b(?:was|were|is|has\s+been|had\s+been|will\s+be|to\s+be|being)\s+(?:\w+\s+)?"
                         r"(?:taken\s+over|acquired|bought|purchased|reopened|converted)\s+by\s+(?:the\s+)?", re.I)
#: "the former Y plant", "Y's former factory", "the former site of Y"
_FORMER = re.compile(rf"\b(?:former|old|ex-|disused|idle|shuttered|closed)\s*(?:[\w\-]+\s+){{0,3}}?{_SITE_NOUN}\b",
                     re.I)
#: "(once|formerly) owned by Y", "that Y used to run", "of Y"
_PREV_AFTER = re.compile(r"^\s*(?:,\s*)?(?:(?:which|that)\s+(?:was\s+)?)?(?:once\s+|formerly\s+|previously\s+)?"
                         r"(?:owned|operated|run|used|built)\s+by\s+(?:the\s+)?$|^\s+(?:of|from)\s+(?:the\s+)?$",
                         re.I)
#: leaving "the market" spoken of ("X pulled out of the market", "will exit the local market")
_EXIT_MARKET = re.compile(r"\b(?:pull(?:s|ed|ing)?\s+out\s+of|exit(?:s|ed|ing)?|withdr(?:aw|aws|ew|awn|awing)\s+from|"
                          r"leav(?:e|es|ing)|left|quit(?:s|ting)?)\s+the\s+(?:local\s+|domestic\s+|country['’]s\s+)?"
                          r"market\b", re.I)
#: verbs and nouns of leaving a market, right before the place
_EXIT = re.compile(r"\b(?:pull(?:s|ed|ing)?\s+out\s+of|exit(?:s|ed|ing)?(?:\s+from)?|withdr(?:aw|aws|ew|awn|awing)\s+"
                   r"from|leav(?:e|es|ing)|left|quit(?:s|ting)?|retreat(?:s|ed|ing)?\s+from|(?:departure|exit|"
                   r"withdrawal|retreat)\s+from|(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|halt(?:s|ed|ing)?)\s+"
                   r"(?:selling|sales|exporting|exports|deliveries)\s+(?:of\s+)?(?:[\w\-]+\s+){0,3}?(?:in|to))"
                   r"\s+(?:the\s+)?(?:(?:state|province|city|region)\s+of\s+)?$", re.I)
#: (also "stopped selling cars in X", "halted exports to Y")


class HandoverRules:
    """Sites taken over and markets left (a mixin of the extractor)."""

    def handovers(self, s: int, e: int) -> None:
        """The site takeovers and the exits of one sentence."""
        orgs = [o for o in self.orgs_in(s, e) if not o.compiler]
        places = self.mentions_in(s, e, ("places",))
        if not orgs:
            return
        for m in _TAKE.finditer(self.text, s, e):
            noun = re.match(rf"(?:the\s+)?(?:[\w\-’']+\s+){{0,5}}?{_SITE_NOUN}\b", self.text[m.end():e], re.I)
            if noun is None:
                continue
            obj_s, obj_e = m.end(), m.end() + noun.end()
            prev = self._previous(orgs, obj_s, obj_e)
            new = self._actor_before(m.start(), s, orgs, {prev.id} if prev else set())
            if prev is not None and new is not None:
                self._handover(new, prev, places, obj_s, obj_e, s, e)
        for m in _TAKEN_BY_X.finditer(self.text, s, e):  # "Y's plant in Z was bought by X"
            new = next((o for o in orgs if o.start == m.end()), None)
            noun = list(re.finditer(rf"\b{_SITE_NOUN}\b", self.text[s:m.start()], re.I))
            if new is None or not noun:
                continue
            n_s, n_e = s + noun[-1].start(), s + noun[-1].end()
            prev = next((o for o in reversed(orgs) if o.end <= n_s and not o.rule.startswith("anaphor:")
                         and re.fullmatch(
                r"(?:['’]s?|\s+(?:former|old))?\s+(?:[\w\-]+\s+){0,3}", self.text[o.end:n_s])), None)
            if prev is not None:
                self._handover(new, prev, places, n_s, n_e, s, e)
        for m in _FORMER.finditer(self.text, s, e):
            prev = self._previous(orgs, m.start(), m.end())
            if prev is None:
                continue
            new = self._actor_before(m.start(), s, orgs, {prev.id})
            if new is None:  # "… the former Y plant was bought by X", "On the former site of Y, the plant …"
                by = next((o for o in orgs if o.start > m.end() and _TAKEN_BY.search(self.text[m.end():o.start])),
                          None)
                new = by or next((o for o in orgs if o.start > m.end() and o.id != prev.id), None)
            if new is not None:
                self._handover(new, prev, places, m.start(), m.end(), s, e)
        self._exits(s, e, orgs, places)

    def _previous(self, orgs: list[Mention], a: int, b: int) -> Mention | None:
        """The site's former operator: named inside its noun phrase ("Y's plant", "the former Y factory") or
        right after it ("the plant owned by Y", "the former site of Y")."""
        inside = [o for o in orgs if a <= o.start and o.end <= b and not o.rule.startswith("anaphor:")]
        if inside:
            return inside[-1]
        return next((o for o in orgs if o.start >= b and _PREV_AFTER.match(self.text[b:o.start])
                     and not o.rule.startswith("anaphor:")), None)

    def _handover(self, new: Mention, prev: Mention, places: list[Mention], a: int, b: int, s: int, e: int) -> None:
        if new.id == prev.id:
            return
        place = next((p for p in places if p.start >= b and re.fullmatch(
            r"(?:\s+(?:of|from)\s+(?:the\s+)?" + IN_CLAUSE
            + r"{0,40}?)?\s*,?\s+(?:in|at|near)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}",
            self.text[b:p.start])), None) or next((p for p in places if a <= p.start and p.end <= b), None)
        sites = [c for c in self.candidates if c.file == "sites"]
        for c in sites:  # the former operator's site there, read from the same words: it was theirs before
            if c.record.get("operator") == [prev.id] and any(s <= x < e for x, _ in c.spans) and (
                    place is None or c.record.get("place") in {place.id, *self._containers(place.id)}):
                self.candidates.remove(c)
        own = [c for c in self.candidates if c.file == "sites" and new.id in c.record.get("operator", []) and (
            place is None or c.record.get("place") in {place.id, *self._containers(place.id)}
            or place.id in self._containers(c.record.get("place") or ""))]
        if own:  # the site of the same sentence, else the one named first (the article's main one)
            own = [c for c in own if any(s <= x < e for x, _ in c.spans)] or own[:1]
            rec = own[-1].record
            if place is not None and rec.get("place") in self._containers(place.id):
                rec["place"] = place.id
            if prev.id not in rec.setdefault("previous_operator", []):
                rec["previous_operator"].append(prev.id)
            own[-1].spans = sorted({*own[-1].spans, (prev.start, prev.end)})
            return
        rec: dict[str, Any] = {"label": f"{self.label(new.id)} site, formerly {self.label(prev.id)}'s"
                                        + (f", in {self.label(place.id)}" if place else ""),
                               "kind": "plant", "operator": [new.id], "previous_operator": [prev.id]}
        if place is not None:
            rec["place"] = place.id
        spans = [(new.start, new.end), (a, b), (prev.start, prev.end)] + ([(place.start, place.end)] if place else [])
        self.add("sites", {"id": self.cid(f"{new.id}-{place.id if place else prev.id}-plant"), **rec}, 0.55, spans,
                 "site:taken-over", notes=[f"'{new.id}' took the site over from '{prev.id}'"])

    def _exits(self, s: int, e: int, orgs: list[Mention], places: list[Mention]) -> None:
        """"X pulled out of Z", "X is leaving Z", "X's exit from Z": X left the market Z."""
        found = []
        for p in places:
            m = _EXIT.search(self.text[max(s, p.start - 60):p.start])
            if m is None or (p.rule.startswith("demonym") and not re.match(r"\s+market", self.text[p.end:p.end + 8])):
                continue
            v = max(s, p.start - 60) + m.start()
            found.append((self._leaver(orgs, v), p, v, len(m.group(0).rstrip())))
        for who, p, v, n in found + self._market_left(s, e, orgs):
            if who is None or who.id == p.id or any(
                    c.file == "market_presence" and c.record["exporter"] == who.id and c.record["market"] == p.id
                    and c.record["activity"] == "exited" for c in self.candidates):
                continue
            for c in [c for c in self.candidates if c.file == "market_presence" and c.record["exporter"] == who.id
                      and c.record["market"] == p.id and any(a < v + n + 30 and b > v for a, b in c.spans)]:
                self.candidates.remove(c)  # "pulled out of the X market" is no sale there
            rec = {"label": f"{self.label(who.id)} exits {self.label(p.id)}", "exporter": who.id, "market": p.id,
                   "activity": "exited"}
            self.add("market_presence", {"id": self.cid(f"{who.id}-exited-{p.id}"), **rec}, 0.55,
                     [(who.start, who.end), (v, v + n), (p.start, p.end)], "presence:exited")

    def _market_left(self, s: int, e: int, orgs: list[Mention]) -> list[tuple[Mention, Mention, int, int]]:
        """"X pulled out of the market", "X will exit the local market": the country named last before (in the
        400 characters before), not an adjective."""
        out = []
        for m in _EXIT_MARKET.finditer(self.text, s, e):
            who = self._leaver(orgs, m.start())
            back = [p for p in self.ents.countries_in(max(0, m.start() - 400), m.start(), adjectives=False)]
            if who is not None and back:
                out.append((who, back[-1], m.start(), len(m.group(0))))
        return out

    def _leaver(self, orgs: list[Mention], v: int) -> Mention | None:
        """Who leaves: the subject of the verb at ``v`` (or its conjoined subject), or the possessor of the noun
        ("X's exit from"), or "the departure of X from"."""
        if self.doc is None:
            return None
        span = span_at(self.doc, v, v + 1)
        if span is None:
            return None
        tok = span.root
        if tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
                    m = next((self._mention_of(t) for t in c.subtree if self._mention_of(t) in orgs), None)
                    if m is not None:
                        return m
            return None
        verb = tok
        while verb.dep_ in {"conj", "xcomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            verb = verb.head
        for c in verb.children:
            if c.dep_ == "nsubj":  # the subject itself, not a name inside it ("ships carrying X's cars")
                m = self._mention_of(c)
                if m is None:  # "a company like X is leaving", "carmakers such as X have left"
                    m = next((self._mention_of(o) for p in c.children if p.dep_ == "prep" and p.lower_ in
                              {"like", "as"} for o in p.children if o.dep_ == "pobj"), None)
                if m is not None and m in orgs:
                    return m
        return None
