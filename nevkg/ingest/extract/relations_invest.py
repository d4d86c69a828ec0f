"""Investments from the dependency parse (trade flows, read on the same cue words, are :mod:`.relations_trade`'s).

* an investment: the verb *invest* ("X invests / will invest / plans to invest N in Y"), the noun *investment*
  ("X's N investment in Y", "an investment of N by X in Y", "X announced an investment of N in Y"), and money
  *pledged* or *committed* to a place ("X pledged N for plants in Y") → one ``investments`` record per investor and
  place (or organisation invested in), with the amount and its currency where the clause states one.

The actor of a clause is found as in :mod:`parsed` (possessor, modifier or subject; "it" → the company named last).
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.invest_sites import SITE_OBJECTS, SPOKEN_SITE_NOUNS, earlier_site_place, site_spoken_of
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.periods import _plain
from nevkg.ingest.extract.relations_trade import TradeRules
from nevkg.ingest.extract.vocab import MONEY_UNITS, NON_OPERATORS

#: currencies an amount may be stated in (the unit concepts of :mod:`figures`)
_MONEY = MONEY_UNITS
#: verbs whose money object goes somewhere ("pledged N to", "committed N for")
_PLEDGE = {"pledge", "commit", "earmark", "allocate", "inject", "pour", "plough", "plow"}
#: verbs above an investment that make it a plan rather than a fact
_PLAN = {"plan", "intend", "aim", "expect", "seek", "want", "propose", "consider", "promise", "agree", "pledge",
         "commit", "prepare", "hope"}
#: how specific a place kind is (lower: more specific)
_RANK = {"district": 0, "port": 0, "city": 1, None: 1, "province": 2, "special-administrative-region": 2,
         "country": 3, "region": 4, "economic-union": 4}
_EXPORT = {"export", "ship", "shipment", "send"}


def _span_of(tokens: list[Any]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _preps(node: Any, words: set[str]) -> list[Any]:
    """The prepositions among ``words`` that hang on ``node`` or on its nouns ("invest N in X": the parser hangs
    "in X" on the verb or on the amount), never inside another verb's clause."""
    out = []
    for t in node.subtree:
        if t.i == node.i or t.dep_ != "prep" or t.lower_ not in words:
            continue
        up = t.head
        while up.i != node.i and up.pos_ not in {"VERB", "AUX"} and up.head.i != up.i:
            up = up.head
        if up.i == node.i:
            out.append(t)
    return out


#: verbs of the money's purpose whose object may be a site named before ("invest N to expand the plant")
_GROW = {"expand", "upgrade", "enlarge", "extend", "modernise", "modernize", "retool", "build", "equip"}


class InvestRules(TradeRules):
    """Investments and import/export flows read from each sentence's parse (a mixin of the extractor)."""

    def invest_relations(self, sent: Any, orgs: list[Mention]) -> None:
        money = [st for st in find_statistics(sent.text, sent.start_char) if st.kind == "amount"
                 and st.unit in _MONEY and st.role == "base" and not st.conversion]
        for tok in sent:
            lem = tok.lemma_.lower()
            if lem == "invest" and tok.pos_ in {"VERB", "AUX"}:
                self._invest(tok, orgs, money, ("in", "into"))
            elif lem == "investment" and tok.pos_ in {"NOUN", "PROPN"}:
                self._investment_noun(tok, orgs, money)
            elif lem in _PLEDGE and tok.pos_ == "VERB" and self._money_in(
                    [c for c in tok.children if c.dep_ == "dobj"], money):
                self._invest(tok, orgs, money, ("in", "into", "to", "for"))
            elif lem == "import":
                self._imports(tok)
            elif lem == "distribute" and tok.pos_ == "VERB":
                self._distributes(tok)
            elif lem in _EXPORT:
                self._exports(tok, orgs)

    # -- investments
    def _money_in(self, nodes: list[Any], money: list[Any]) -> Any:
        """The first money figure inside the subtrees of ``nodes``."""
        for node in nodes:
            lo, hi = _span_of(list(node.subtree))
            for st in money:
                if lo <= st.start and st.end <= hi:
                    return st
        return None

    def _targets(self, preps: list[Any]) -> tuple[list[Mention], list[Mention]]:
        """Places and organisations the money goes to: the objects of "in"/"into"/"to" and what they hold
        ("in a plant in Hungary" → Hungary; "in Volta" → the company Volta)."""
        places: list[Mention] = []
        firms: list[Mention] = []
        for prep in preps:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                head = self._mention_of(obj)
                if head is not None and head.rule.removeprefix("anaphor:") in SITE_OBJECTS:
                    head = None  # "in the factory": the site named before (its place, below), not its company
                if head is not None:
                    firms.append(head)
                    continue
                for t in obj.subtree:
                    m = self._mention_of(t, ("places",))
                    if m is not None and m not in places and not m.rule.startswith("demonym"):
                        prev = self.doc[t.i - 1] if t.i > 0 else None
                        if prev is None or prev.lower_ != "from":
                            places.append(m)
        return places, firms

    def _invest(self, verb: Any, orgs: list[Mention], money: list[Any], words: tuple[str, ...]) -> None:
        investor = self._investor(verb, orgs)
        if investor is None:
            return
        preps = _preps(verb, set(words))
        for c in verb.children:  # "pledged N to build plants in Y": the purpose clause says where
            if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in {"build", "expand", "set", "open", "develop"}:
                preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ in {"in", "into"}]
        places, firms = self._targets(preps)
        if any(o.dep_ == "pobj" and o.lemma_.lower() in SITE_OBJECTS for p in preps for o in p.children):
            places += self._targets(_preps(verb, {"at", "on", "near"}))[0]  # "invest N in a plant on a plot at the
            # X Estate": where the plant is (its places only)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        amount = self._money_in(objects, money) or self._money_in(
            [p for p in verb.children if p.dep_ == "prep" and p.lower_ in {"of", "worth"}], money)
        if verb.lemma_.lower() in _PLEDGE and amount is None:
            return
        if not places and not firms:  # "will build a plant in X, investing N": where its site of the sentence is
            places = [m for c in self.candidates if c.file == "sites" and investor.id in c.record.get("operator", [])
                      and verb.sent.start_char <= min(c.spans)[1] and max(c.spans)[0] < verb.sent.end_char
                      for m in self.ents.mentions if m.id == c.record.get("place")][:1]
        if not places and not firms:  # "X will invest N in the project", "… N to expand the plant": the place of
            purposes = tuple(o for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in
                             _GROW for o in c.children if o.dep_ == "dobj")  # X's site named before
            places = earlier_site_place(preps, investor, self.candidates, self.ents.mentions, purposes)
        self._propose(investor, places, firms, amount, verb, self._planned(verb))

    def _investor(self, cue: Any, orgs: list[Mention]) -> Mention | None:
        """Who invests: the possessor or subject, or the object of "by"; never a body that only approves."""
        for c in cue.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    m = self._mention_of(p)
                    if m is not None:
                        return m
        actor = self._actor(cue, orgs)
        if actor is None and cue.dep_ == "acl" and cue.pos_ == "VERB":
            actor = self._mention_of(cue.head)  # "X investing in Y"; a sentence opening "In May X invested …"
        if actor is None and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in cue.children):
            actor = self._it_actor(cue.sent.start_char, cue.idx, orgs)  # "X said its … investment"
        if actor is not None and self.ents.new.get(actor.id, {}).get("kind") in {"government-body", "ministry"}:
            return None
        if actor is not None:
            entry = self.gaz.entries.get(actor.id)
            if entry is not None and getattr(entry, "kind", None) in {"government-body", "ministry"}:
                return None
        return actor

    def _investment_noun(self, noun: Any, orgs: list[Mention], money: list[Any]) -> None:
        if any(c.dep_ == "amod" and c.lower_ in {"foreign", "total", "overall", "direct"} for c in noun.children) \
                and not any(c.dep_ in {"poss", "prep"} for c in noun.children):
            return  # "total investment" alone is a figure of a project, not an investor's act
        investor = self._investor(noun, orgs)
        if investor is not None and investor.rule.startswith("anaphor:") and investor.rule[8:] in SPOKEN_SITE_NOUNS:
            investor = None  # "the plant" stands for its operator: the site's own place is where it invests
        site = site_spoken_of(self, noun) if investor is None else None
        if site is not None:  # "the plant …, with an investment of N": its operator invests where it stands
            investor = site[0]
        if investor is None:
            return
        preps = _preps(noun, {"in", "into"})
        if not preps and noun.dep_ in {"dobj", "pobj"}:
            head = noun.head if noun.dep_ == "dobj" else noun.head.head
            preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "into"} and c.i != noun.head.i]
        places, firms = self._targets(preps)
        if site is not None and not places and not firms:
            places = [site[1]]
        amount = self._money_in([c for c in noun.children if c.dep_ in {"compound", "nummod", "quantmod", "amod"}
                                 or c.dep_ == "prep" and c.lower_ in {"of", "worth"}], money)
        self._propose(investor, places, firms, amount, noun, self._planned(noun))

    def _planned(self, cue: Any) -> str | None:
        """"planned" for money pledged or committed, "will invest", and an investment that a plan, an intent or
        an expectation governs ("plans to invest", "announced plans for an investment of N")."""
        if cue.lemma_.lower() in _PLEDGE or any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll"}
                                                 for c in cue.children):
            return "planned"
        node = cue
        while node.dep_ in {"xcomp", "dobj", "pobj", "prep", "acl"} and node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in _PLAN:
                return "planned"
        return None

    def _propose(self, investor: Mention, places: list[Mention], firms: list[Mention], amount: Any, cue: Any,
                 status: str | None) -> None:
        if (investor.kind or "") in NON_OPERATORS:
            return  # an association invests nothing of its own
        home = self._country_of(investor)
        places = [p for p in places if p.id not in {investor.id, home}]
        firms = [f for f in firms if f.id != investor.id]
        targets: list[tuple[str, Mention]] = []
        if places:
            targets.append(("place", self._host_country(min(places, key=lambda p: _RANK.get(p.kind, 1)))))
        targets += [("investee", f) for f in firms]
        for key, target in targets:
            same = [c for c in self.candidates if c.file == "investments" and c.record["investor"] == investor.id
                    and target.id in {c.record.get("place"), c.record.get("investee"),
                                      *self._containers(c.record.get("place") or "")}]
            if same:
                if amount is not None and "amount" not in same[0].record:
                    self._amount(same[0].record, amount)
                continue
            rec: dict[str, Any] = {"label": f"{self.label(investor.id)} investment in {self.label(target.id)}",
                                   "investor": investor.id, key: target.id}
            if amount is not None:
                self._amount(rec, amount)
            if status:
                rec["status"] = status
            spans = [(investor.start, investor.end), (cue.idx, cue.idx + len(cue.text)), (target.start, target.end)]
            if amount is not None:
                spans.append((amount.start, amount.end))
            self.add("investments", {"id": self.cid(f"{investor.id}-investment-{target.id}"), **rec},
                     0.6 if amount is not None else 0.5, spans, f"parse:invest:{cue.lemma_.lower()}")

    def _host_country(self, place: Mention) -> Mention:
        """The country a place lies in, as the article states it (an investment is recorded by host country);
        the place itself when it is one or the text names none."""
        seen, cur = set(), place
        while cur.kind != "country" and cur.id not in seen:
            seen.add(cur.id)
            up = (self.ents.new.get(cur.id, {}).get("located_in") or [None])[0] or \
                (getattr(self.ents, "stated_in", {}).get(cur.id) or (None,))[0]
            nxt = next((m for m in self.ents.mentions if m.id == up), None)
            if nxt is None:
                return place
            cur = nxt
        return cur

    @staticmethod
    def _amount(rec: dict[str, Any], st: Any) -> None:
        rec["amount"], rec["currency"] = _plain(st.value), st.unit
        if st.bound:
            rec["amount_bound"] = st.bound
        if st.approximate:
            rec["approximate"] = True
