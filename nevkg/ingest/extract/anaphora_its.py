"""Whose "it" or "its" a clause speaks of, by the parse: the organisation that says the clause ("X said it would
…"), the agent of a passive clause ("built for A by B at its plant": B's) and the named subject of the clause the
"its" stands in ("the K7, which Changan will produce at its plant": Changan's). Used by
:func:`~nevkg.ingest.extract.anaphora.resolve_anaphors`."""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import asides, span_at, verb_of

__all__ = ["clause_subject_of", "parsed_its", "passive_agent_of", "speaker_of"]


def speaker_of(doc: Any, pos: int, before: list[Mention]) -> Mention | None:
    """The organisation that says the clause whose subject is "it" or "its …" at ``pos``: named in the subject of
    the reporting verb ("X said it would …", "X's robotaxi unit has said it will …", "X said its sales rose"), the
    last one named there outside its relative clauses and appositions."""
    if doc is None:
        return None
    span = span_at(doc, pos, pos + (3 if doc.text[pos:pos + 3].lower() == "its" else 2))
    if span is None:
        return None
    tok = span.root
    if tok.dep_ == "poss" and tok.head.dep_ in {"nsubj", "nsubjpass"}:
        tok = tok.head  # "X said its sales rose": the clause of "its sales"
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ccomp":
        return None
    say = tok.head.head
    subj = next((c for c in say.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return _last_named(doc, before, {t.i for t in subj.subtree} - asides(subj.subtree))


def parsed_its(doc: Any, pos: int) -> Any:
    """The parsed "its" at ``pos`` when it is a possessor (the token), else ``None``."""
    span = span_at(doc, pos, pos + 3) if doc is not None else None
    return span.root if span is not None and span.root.dep_ == "poss" else None


def _last_named(doc: Any, before: list[Mention], indices: set[int]) -> Mention | None:
    """The last of ``before`` whose parsed head is one of the token ``indices``."""
    named = [m for m in before if (r := span_at(doc, m.start, m.end)) is not None and r.root.i in indices]
    return named[-1] if named else None


def passive_agent_of(its: Any, before: list[Mention]) -> Mention | None:
    """Whose "its" (the token ``its``) is in a passive clause with an agent: the agent's ("the car is built for A by
    B at its plant in X": B's plant)."""
    verb = verb_of(its.head)
    if not any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) and not (
            verb.dep_ == "acl" and verb.tag_ == "VBN"):  # (also a reduced one: "SUVs built by B at its plant")
        return None
    by = {t.i for a in verb.subtree if a.lower_ == "by" and a.dep_ in {"agent", "prep"} and a.i < its.i
          for t in a.subtree}  # ("built for A by B": the parser may hang "by B" on A)
    return _last_named(its.doc, before, by)


def clause_subject_of(its: Any, before: list[Mention]) -> Mention | None:
    """Whose "its" (the token ``its``) is when its own clause has a named subject ("the K7, which Changan will
    produce at its plant in Chongqing": Changan's plant, not the sentence's first company's; "…, and B has begun
    exporting from its plant": B's)."""
    verb = verb_of(its.head)
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i and not any(c.dep_ == "nsubj"
                                                                             for c in verb.children):
        verb = verb.head  # "B has begun exporting from its plant", "B will supply kits and train staff at its
        # plant": the subject of the verb the clause completes or is coordinated with
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    head = next((m for m in before if m.start <= subj.idx < m.end), None)  # the subject's own name
    if head is not None:
        return head
    # (a name of the subject's relative clause is not the subject's)
    return _last_named(its.doc, before, {t.i for t in subj.subtree} - asides(subj.subtree))
