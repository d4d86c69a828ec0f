"""Relations a sentence names but does not assert: the cue word is negated or sits in a denied report.

A rule proposes a relation from a cue word (a plant, "sell", "export", "partner" …) with its organisation and
place; the parse then says whether the sentence states it as a fact:

* negated: the cue, or the verb it is the object of, has "not", "never" or "n't" ("does not sell cars in X",
  "will never build a plant in Y"), or the cue noun has "no" ("has no plant in Z", "no plans for a factory in W");
* denied: the cue is inside what a verb of denying governs ("denied a report that it would open a plant in V",
  "dismissed talk of a deal with U").

Such a relation is withdrawn. A site that has not *yet* opened or started is still a (planned) site, and a site
whose plan the text gives up or puts off keeps its status (``dropped``, ``postponed``: :mod:`plans`) instead.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.spans import span_at

__all__ = ["AssertionRules", "unasserted"]

#: the candidate files that hold relations read from a cue word
RELATION_FILES = ("partnerships", "sites", "market_presence", "investments", "deployments")
#: verbs of denying what a report, a rumour or another clause says
_DENY = {"deny", "dismiss", "refute", "disclaim", "rebut", "debunk"}
#: verbs a site noun can be negated under and still exist, planned ("has not yet opened its plant")
_STARTING = {"start", "begin", "open", "launch", "commence", "complete", "finish", "reach", "inaugurate", "announce",
             "disclose", "name", "say", "give", "reveal", "confirm"}
#: dependency labels through which a negation reaches the cue (its verb and that verb's own complements)
_NEG_UP = {"dobj", "pobj", "prep", "attr", "acomp", "xcomp", "compound", "amod", "oprd", "npadvmod", "appos",
           "dative", "pcomp"}
#: labels that end the clause a denial can reach into (a new sentence of its own, an aside, a second clause)
_DENY_STOP = {"advcl", "conj", "parataxis", "ROOT"}


def _negated(tok: Any) -> bool:
    """Whether ``tok`` has a negation of its own: "not", "never", "n't" (not "not only"), or "no" before a noun."""
    for child in tok.children:
        if child.dep_ == "neg":
            nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if nxt is not None and nxt.lower_ in {"only", "just", "merely"}:
                continue  # "not only sells in A but also …"
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
    return False


def _yet(tok: Any) -> bool:
    return any(c.lower_ in {"yet", "still"} for c in tok.children)


def unasserted(cue: Any, site: bool = False) -> str | None:
    """Why the relation read from the token ``cue`` is not stated as a fact, or None when it is.

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word (a plant, a verb of selling, a deal …).
    site : bool
        True for a production site: a site negated only by "not yet" or under a verb of opening or starting
        ("has not started production at its plant in X") still exists, planned.

    Returns
    -------
    str or None
        ``"negated"`` or ``"denied"``; None when the sentence asserts it.
    """
    tok = cue
    while True:  # the negation of the cue or of the verb (and its complements) the cue belongs to
        if _negated(tok):
            if not (site and (_yet(tok) or tok.lemma_.lower() in _STARTING)):
                return "negated"
            break
        if tok.dep_ not in _NEG_UP or tok.head is tok or tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"xcomp"}:
            break
        tok = tok.head
    tok = cue
    while tok.head is not tok and tok.dep_ not in _DENY_STOP | {"nsubj", "nsubjpass"}:
        # up through objects, reports and their clauses (not from a subject: "denied that its plant would close")
        tok = tok.head
        if tok.lemma_.lower() in _DENY:
            return "denied"
    return None


class AssertionRules:
    """Withdraws the relations of a sentence that it negates or denies (a mixin of the extractor)."""

    def drop_unasserted(self, before: set[int], s: int, e: int) -> None:
        """Withdraw the relation candidates added since ``before`` (ids of the candidates that were there) whose
        cue the sentence ``s:e`` negates or denies."""
        if self.doc is None:
            return
        names = {(m.start, m.end) for m in self.ents.mentions}
        for cand in [c for c in self.candidates if id(c) not in before and c.file in RELATION_FILES]:
            if cand.record.get("status") in {"dropped", "postponed"}:
                continue  # the plan's own status says it was given up or put off
            cues = [(a, b) for a, b in cand.spans if s <= a and b <= e and (a, b) not in names]
            site = cand.file == "sites"
            for a, b in cues:
                span = span_at(self.doc, a, b)
                if span is None or not len(span):
                    continue
                if any(unasserted(t, site) for t in span if not t.is_punct):
                    cand.notes.append("withdrawn: the sentence negates or denies it")
                    self.candidates.remove(cand)
                    break
