"""Funding rounds read from the parse: who put money into whom.

"X raised N in a funding round led by Y", "Y led a N funding round in X", "X raised N from Y" ("from investors
including Y", "from A and B"), "X's backers include Y" and "X is backed by Y": Y invests in X (an ``investments``
record with the investee, proposed through :meth:`~.relations_invest.InvestRules._propose`). The investor is the
organisation the "led by" phrase names (its owner for a unit: "led by Y's venture capital arm" is Y's money) or
the subject of "led"; the investee is whoever raised the round (a relative clause's noun too: "X, which raised
…") or the organisation after "in". A mixin of the parsed relations.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_invest import _MONEY

#: words that make a "round" a funding round
_FUNDING = {"funding", "financing", "investment", "series", "seed", "capital", "equity", "fundraising"}
#: who holds a company's shares or money in it ("its backers include X")
_BACKERS = {"backer", "investor", "shareholder", "stakeholder", "owner"}
#: verbs of leading a round
_LEAD = {"lead", "head", "anchor", "back"}
#: verbs of taking part in a round ("Y participated", "with Y also taking part")
_PART_VERBS = {"participate", "co-invest", "coinvest"}
#: verbs of buying a company's shares
_BUY_SHARES = {"pay", "buy", "purchase", "acquire", "subscribe"}
#: verbs of raising money in a round
_RAISE = {"raise", "close", "complete", "secure", "receive", "win", "announce"}
#: verbs of raising money from someone ("raised N from Y")
_RAISE_FROM = {"raise", "secure", "obtain", "attract"}
#: money that is no stake when raised from someone: a loan, a grant, a payment
_NOT_EQUITY = {"loan", "loans", "credit", "grant", "grants", "subsidy", "subsidies", "debt", "bond", "bonds",
               "financing", "payment", "fine", "order", "orders", "revenue", "sales"}


class FundingRules:
    """Investors in a funding round (a mixin of the extractor)."""

    def funding_rounds(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose each funding round's lead investor as an investor in the company that raised it."""
        for tok in sent:
            if tok.lemma_.lower() != "round" or tok.pos_ != "NOUN" or not any(
                    c.lemma_.lower() in _FUNDING or c.tag_ == "NNP" for c in tok.children if c.dep_ in {
                        "compound", "amod", "nmod"}) and not (  # "the round", a funding round named before
                    getattr(self, "_round_raiser", None) is not None and [c.lower_ for c in tok.children] == ["the"]):
                continue
            investor, investee = self._round_investor(tok), self._round_investee(tok, orgs)
            if investee is not None:
                self._round_raiser = investee  # ("X closed a Series C round. The round was led by Y": X's)
            elif any(c.lower_ == "the" for c in tok.children):
                investee = getattr(self, "_round_raiser", None)
            if investor is None or investee is None or investor.id == investee.id:
                continue
            money = [st for st in find_statistics(sent.text, sent.start_char) if st.kind == "amount"
                     and st.role == "base" and not st.conversion and st.unit in _MONEY]
            self._propose(investor, [], [investee], money[0] if money else None, tok, None)
            for other in self._co_investors(sent, investor, investee):  # no amount: the round's is the lead's
                self._propose(other, [], [investee], None, tok, None)

    def share_purchases(self, sent: Any, orgs: list[Mention]) -> None:
        """"Y paid N for new X shares", "Y bought N of X's shares", "Y subscribed for shares in X": Y invests in X
        (the company whose shares they are: a compound, a possessor, or "in"/"of" after "shares")."""
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _BUY_SHARES or any(
                    c.dep_ == "neg" for c in verb.children):
                continue
            shares = next((t for t in verb.subtree if t.lemma_.lower() in {"share", "stock"} and t.pos_ == "NOUN"
                           and next((a.i for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None) == verb.i), None)
            if shares is None:
                continue
            firm = next((m for c in shares.children if c.dep_ in {"compound", "poss", "nmod", "prep"}
                         for t in c.subtree if (m := self._mention_of(t)) is not None and m in orgs), None)
            buyer = self._actor(verb, orgs)
            if firm is None or buyer is None or buyer.id == firm.id:
                continue
            money = [st for st in find_statistics(sent.text, sent.start_char) if st.kind == "amount"
                     and st.role == "base" and not st.conversion and st.unit in _MONEY]
            self._propose(buyer, [], [firm], money[0] if money else None, verb, None)

    def raised_from(self, sent: Any, orgs: list[Mention]) -> None:
        """"X raised N from Y", "X raised N from investors including Y", "X secured N from A and B": each
        organisation of the "from" phrase invests in X, when N is money (not a loan, a grant or a payment) and the
        investor is no government body."""
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RAISE_FROM or any(
                    c.dep_ == "neg" for c in verb.children):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            if obj is None or source is None or any(t.lower_ in _NOT_EQUITY for t in obj.subtree):
                continue
            a, b = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
            money = [st for st in find_statistics(sent.text, sent.start_char) if st.kind == "amount"
                     and st.role == "base" and not st.conversion and st.unit in _MONEY and a <= st.start < b]
            investee = self._actor(verb, orgs)
            if not money or investee is None:
                continue
            investors = list({m.id: m for t in source.subtree if (m := self._mention_of(t)) is not None
                              and m.file == "organizations" and m.id != investee.id
                              and (m.kind or "") not in {"government", "government-body"}}.values())
            for i, investor in enumerate(investors):  # (the amount is the round's: the first investor's alone)
                self._propose(investor, [], [investee], money[0] if i == 0 and len(investors) == 1 else None, verb,
                              None)

    def backers(self, sent: Any, orgs: list[Mention]) -> None:
        """"X's backers include A and B", "its investors include A", "X is backed by A": each of A, B invests in
        X (not a government body; not when denied)."""
        for verb in sent:
            if any(c.dep_ == "neg" for c in verb.children) or verb.pos_ not in {"VERB", "AUX"}:
                continue
            lem = verb.lemma_.lower()
            if lem == "include":
                subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in _BACKERS), None)
                owner = next((m for c in subj.children if c.dep_ in {"poss", "prep"} for t in c.subtree
                              if (m := self._mention_of(t)) is not None and m.file == "organizations"), None) \
                    if subj is not None else None
                found = [c for c in verb.children if c.i > verb.i and c.dep_ not in {"punct", "cc", "prep"}]
            elif lem == "back" and any(c.dep_ == "auxpass" for c in verb.children) and any(
                    c.dep_ == "agent" for c in verb.children):
                owner = self._actor(verb, orgs)  # "X is backed by A": X (the parser may hang A on the verb)
                found = [c for c in verb.children if c.i > verb.i and c.dep_ in {"agent", "advmod", "npadvmod"}]
            else:
                continue
            if owner is None or not found:
                continue
            for investor in {m.id: m for f in found for t in f.subtree if (m := self._mention_of(t)) is not None
                             and m.file == "organizations" and m.id != owner.id
                             and (m.kind or "") not in {"government", "government-body"}}.values():
                self._propose(investor, [], [owner], None, verb, None)

    def _co_investors(self, sent: Any, lead: Mention, investee: Mention) -> list[Mention]:
        """The others in a round: those led with the lead ("led by A and B"), and those taking part ("with Y also
        taking part", "Y participated", "with participation from Y", "alongside Y")."""
        out: list[Mention] = []
        span = next((t for t in sent if self._mention_of(t) is lead), None)
        heads = list(span.conjuncts) if span is not None else []
        for t in sent:
            lem = t.lemma_.lower()
            if lem in _PART_VERBS or lem == "take" and any(c.lemma_.lower() == "part" for c in t.children):
                heads += [c for c in t.children if c.dep_ == "nsubj"]
            if lem in {"participation", "alongside"} or lem == "join" and t.pos_ == "VERB":
                heads += [d for c in t.children if c.dep_ in {"prep", "pobj", "agent", "dobj"} for d in c.subtree
                          if d.dep_ == "pobj" or c.dep_ in {"pobj", "dobj"}]
        for h in heads + [c for x in heads for c in x.conjuncts if c not in heads]:  # ("from A and B")
            m = next((m for d in h.subtree if (m := self._mention_of(d)) is not None), None)
            if m is not None and m.id not in {lead.id, investee.id} and m not in out and m.file == "organizations":
                out.append(m)
        return out

    def _round_investor(self, rnd: Any) -> Mention | None:
        """The organisation leading a round: "a round led by Y" (Y's own name inside its unit's phrase) or the
        subject of "Y led a round"."""
        for acl in (c for c in rnd.children if c.dep_ == "acl" and c.lemma_.lower() in _LEAD):
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                found = [m for t in agent.subtree if (m := self._mention_of(t)) is not None]
                if found:
                    return found[0]
        if rnd.dep_ == "dobj" and rnd.head.lemma_.lower() in _LEAD:
            return self._actor(rnd.head, [])
        if rnd.dep_ == "nsubjpass" and rnd.head.lemma_.lower() in _LEAD:  # "the round was led by Y"
            for agent in (c for c in rnd.head.children if c.dep_ == "agent"):
                found = [m for t in agent.subtree if (m := self._mention_of(t)) is not None]
                if found:
                    return found[0]
        return None

    def _round_investee(self, rnd: Any, orgs: list[Mention]) -> Mention | None:
        """Who raised the round: "a round in X", or the subject of "raised … in a round" (the noun a relative
        clause hangs on: "X, which raised …")."""
        for prep in (c for c in rnd.children if c.dep_ == "prep" and c.lower_ in {"in", "for"}):
            found = [m for t in prep.subtree if (m := self._mention_of(t)) is not None]
            if found:
                return found[0]
        verb = next((a for a in rnd.ancestors if a.pos_ in {"VERB", "AUX"}), None) if rnd.dep_ == "pobj" else \
            rnd.head if rnd.dep_ == "dobj" else None  # ("raised $N in a round": the parser may hang it on N)
        if verb is None or verb.lemma_.lower() not in _RAISE:
            return None
        return self._actor(verb, orgs)
