"""Whose words a person reports, and whose money a lender's is: the clauses a verb of saying reports ("X ordered 20
vans from Y, said owner NAME": X's owner), and a lender named after a financing word ("… with a loan from the X Bank,
said owner NAME": not the bank's). A mixin of the role-context rules (:class:`~.roles_context.RoleContextRules`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_orders import _LENDER
from nevkg.ingest.extract.spans import span_at

__all__ = ["SpeakerClauses", "financing"]

#: words of financing before the lender that gives it ("a loan from", "financed by", "credit of … from")
_FINANCING = re.compile(r"\b(?:loans?|financ\w*|credit|funding|facility|grant)\b", re.I)


def financing(text: str, s: int, m: Mention) -> bool:
    """Whether ``m`` is a lender by its name that finances something named before it in the sentence from ``s``
    ("… with a loan from the National Development Bank"): whose company title follows, it is not.

    >>> t = "The firm bought 12 buses with a loan from Pacific Bank, said owner Ann Lee."
    >>> financing(t, 0, Mention(t.index("Pacific"), t.index(", said"), "Pacific Bank", "organizations", "pb", False))
    True
    """
    return _LENDER.search(m.label or m.text) is not None and _FINANCING.search(text, s, m.start) is not None


class SpeakerClauses:
    """The clauses a named person's verb of saying reports, and the organisations they speak of (needs the
    extractor's ``doc`` and ``_mention_at``)."""

    def _reported_clauses(self, p: Mention, verbs: set[str]) -> list[Any]:
        """The clauses the person ``p``'s verb of saying (one of ``verbs``) reports, the person as its subject or
        in apposition to it ("NAME, the chief executive, said ORG would …": the clause "ORG would …")."""
        span = span_at(self.doc, p.start, p.end)
        if span is None:
            return []
        subj = span.root.head if span.root.dep_ == "appos" else span.root  # ("the chief executive, NAME, said")
        if subj.dep_ != "nsubj" or subj.head.lemma_ not in verbs:
            return []
        return [c for c in subj.head.children if c.dep_ == "ccomp"]

    def _reported_subject(self, p: Mention, orgs: list[Mention]) -> Mention | None:
        """The organisation of ``orgs`` that is the subject of the clause the person's verb of saying reports
        ("X ordered 20 vans from Y, said owner NAME": X, the clause's subject, not Y, the nearer name)."""
        found = [self._mention_at(t) for c in self._reported_clauses(p, {"say", "tell", "add", "note", "confirm",
                                                                          "explain"})
                 for k in c.children if k.dep_ in {"nsubj", "nsubjpass"} for t in k.subtree]
        return next((m for m in found if m is not None and m in orgs), None) or self._opening_subject(p, orgs)

    def _opening_subject(self, p: Mention, orgs: list[Mention]) -> Mention | None:
        """The organisation of ``orgs`` that is the subject of the sentence's main verb where the person, titled,
        closes it after a comma with a verb of saying the parse hung elsewhere ("X has ordered 30 buses from Y,
        managing director NAME told the paper")."""
        span = span_at(self.doc, p.start, p.end)
        if span is None or not re.match(r"\s+(?:said|says|told|added|confirmed)\b[^,;]*[.!?]?\s*$",
                                        self.text[p.end:p.end + 60].split("\n")[0]):
            return None
        root = span.root.sent.root
        if "," not in self.text[root.idx:p.start]:
            return None
        found = [self._mention_at(t) for k in root.children if k.dep_ in {"nsubj", "nsubjpass"} for t in k.subtree]
        return next((m for m in found if m is not None and m in orgs and m.end < root.idx), None)

    def _speaks_of(self, p: Mention, orgs: list[Mention]) -> bool:
        """Whether the person ``p`` says what the only organisation of the sentence ``orgs`` does ("NAME, the chief
        executive, said ORG would invest more"): the subject of the clause the person's verb of saying reports."""
        if len({o.id for o in orgs}) != 1:
            return False
        said = self._reported_clauses(p, {"say", "tell", "add", "note", "expect", "confirm", "explain"})
        return any(self._mention_at(t) is orgs[0] for c in said for t in c.children if t.dep_ in {"nsubj", "nsubjpass"})
