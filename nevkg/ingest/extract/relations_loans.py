"""Loans read from the parse: a lender and its borrower work together.

"a Sh218 billion loan from Bank X to Y", "Y secured a $50 million loan from X", "X will lend $40 million to Y",
"X extended Y a loan", "X will provide a loan of N to Y", "X will finance the cars through a loan to Y", "X approved a
credit line for Y's scheme", "X approved a facility to finance Y's working capital", "Y has ordered 120 buses,
financed through a loan from X": X and Y are partners (a ``cooperation``, as the samples record a bank's loan or
facility to a company; no investment: a loan buys no share). The lender is the "from" phrase's organisation or the
subject of a verb of giving; the borrower the "to" or "for" phrase's, a verb of getting's subject, the indirect
object, the object of the loan's purpose or the subject of the clause a participle of financing hangs on. A mixin of
the parsed relations, whose ``_mention_of`` and ``_client_partner`` it uses; an authority on either side is left out
there ("the Treasury's guarantee").
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_order_fleets import sentences_between

__all__ = ["LoanRules"]

#: nouns of borrowed money
_LOAN = {"loan", "loans", "credit", "facility"}
#: verbs whose subject gives the loan ("X will provide a loan to Y") and whose subject gets it ("Y secured a loan")
_GIVE = {"provide", "extend", "grant", "give", "offer", "approve", "disburse", "arrange", "lend", "finance", "fund"}
#: verbs of a loan's purpose ("a facility to finance X's working capital")
_FUND = {"finance", "fund", "support", "cover"}
_GET = {"secure", "obtain", "receive", "take", "win", "raise", "sign", "get"}
#: words of paying for an order, in the sentence a loan with no borrower named stands in
_PAID = {"purchase", "cost", "pay", "price", "order", "buy", "finance", "fund"}


class LoanRules:
    """Lenders and borrowers (a mixin of the parsed relations)."""

    def loan_partners(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose the cooperation of each lender and borrower the sentence's loans name."""
        for tok in sent:
            lem = tok.lemma_.lower()
            if lem == "lend" and tok.pos_ == "VERB":
                lender, borrower = self._loan_subject(tok, orgs), self._loan_prep(tok, {"to"}, orgs)
            elif (lem in _LOAN or lem == "grant" and _lent(tok)) and tok.pos_ == "NOUN" and (
                    lem != "credit" or _of_money(tok)):
                if tok.dep_ == "compound" and tok.head.lemma_.lower() in {"line", "facility"}:
                    tok = tok.head  # "a credit line for X": the line is the loan's noun
                verb = tok.head if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"} else None
                # ("financed by a loan from X to Y": the parser hangs "to Y" on the verb)
                near = verb or (tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in {"by", "with", "through"}
                                and tok.head.head.pos_ == "VERB" else None)
                lender = self._loan_prep(tok, {"from"}, orgs) or (self._loan_prep(near, {"from"}, orgs) if near else
                                                                  None)
                borrower = self._loan_prep(tok, {"to", "for"}, orgs) or (
                    self._loan_prep(near, {"to", "for"}, orgs) if near is not None else None)
                giver = verb if verb is not None else near  # ("X will finance the cars through a loan to Y")
                if giver is not None and giver.lemma_.lower() in _GIVE:
                    lender = lender or self._loan_subject(giver, orgs)
                    borrower = borrower or next((m for c in giver.children if c.dep_ == "dative"
                                                 and (m := self._loan_party(c, orgs)) is not None), None) or \
                        self._financed(tok, orgs)
                elif verb is not None and verb.lemma_.lower() in _GET:
                    borrower = borrower or self._loan_subject(verb, orgs)
                if borrower is None and verb is None and near is not None:
                    borrower = self._host_subject(near, orgs)
            else:
                continue
            payer = self._order_payer(sent) if lender is not None and borrower is None else None
            borrower = borrower or payer  # (a public body that buys vehicles borrows as a company does)
            if lender is not None and borrower is not None and lender.id != borrower.id:
                self._client_partner(lender, borrower, tok, "parse:loan", "funds" if lem == "grant" else "lends to",
                                     public_client=payer is not None)

    def _order_payer(self, sent: Any) -> Mention | None:
        """The buyer of the order told in ``sent`` or in the sentence right before, when ``sent`` speaks of paying
        for it ("X has ordered 40 buses. A grant from Y will cover most of the cost"; "The purchase will be financed
        by a loan from Y"; "…, which its members will pay for with loans from Y")."""
        last = getattr(self, "last_buyer", None)
        if last is None or not any(t.lemma_.lower() in _PAID for t in sent):
            return None
        between = sentences_between(sent.doc, last[2], sent.start) if last[2] <= sent.start else -1
        if last[2] != sent.end and not (between == 0 or between == 1 and any(
                t.dep_ == "nsubjpass" and t.lemma_.lower() in {"purchase", "order"} for t in sent)):
            return None  # (the next sentence, a paragraph's break between; one sentence further when the
        return last[0]  # purchase itself is what is financed: "The purchase will be financed with …")

    def _host_subject(self, participle: Any, orgs: list[Mention]) -> Mention | None:
        """The borrower of a loan in a participle with no subject of its own: the subject of the clause it hangs
        on ("X has ordered 120 buses, financed through a loan from Bank Y": X; "X bought 30 trucks financed by a
        loan from Y": X)."""
        if participle.tag_ != "VBN" or participle.dep_ not in {"advcl", "acl"} or any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in participle.children):
            return None
        host = participle.head  # (the verb, or the noun the participle describes: up to that noun's verb)
        while host.pos_ not in {"VERB", "AUX"} and host.head is not host:
            host = host.head
        while host.dep_ in {"advcl", "xcomp"} and not any(c.dep_.startswith("nsubj") for c in host.children):
            host = host.head  # ("X signed an agreement with Y to buy 300 cars, financed by a loan from Z": X buys)
        return self._loan_subject(host, orgs) if host.pos_ in {"VERB", "AUX"} else None

    def _financed(self, loan: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation a loan's purpose clause names ("a facility to finance X's working capital")."""
        return next((m for c in loan.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in _FUND
                     for o in c.children if o.dep_ == "dobj" and (m := self._loan_party(o, orgs)) is not None), None)

    def _loan_party(self, tok: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation ``tok``'s phrase names (a relative word's noun is not one of its phrase)."""
        return next((m for t in tok.subtree if (m := self._mention_of(t)) is not None and m in orgs), None)

    def _loan_prep(self, tok: Any, preps: set[str], orgs: list[Mention]) -> Mention | None:
        """The organisation after one of ``preps`` hanging on ``tok`` ("a loan from X", "lend N to Y")."""
        return next((m for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
                     for o in p.children if o.dep_ == "pobj" and (m := self._loan_party(o, orgs)) is not None), None)

    def _loan_subject(self, verb: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation that is ``verb``'s subject (or its auxiliary chain's: "will provide")."""
        return next((m for c in verb.children if c.dep_ == "nsubj" and (m := self._loan_party(c, orgs)) is not None),
                    None)


def _of_money(tok: Any) -> bool:
    """Whether "credit" is borrowed money ("a $50 million credit line"), not praise or a tax credit."""
    return any(c.lower_ in {"line", "facility"} for c in tok.head.subtree) or any(
        c.like_num or c.lower_ in {"$", "€", "£"} for c in tok.subtree) and not any(
        c.lower_ in {"tax", "carbon"} for c in tok.children)


def _lent(grant: Any) -> bool:
    """Whether a grant is money given "from" someone ("a grant of US$9 million from the X Fund")."""
    return any(p.dep_ == "prep" and p.lower_ == "from" for p in grant.children)
