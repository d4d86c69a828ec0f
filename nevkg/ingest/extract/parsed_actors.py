"""Who does what a cue word names: the organisation that possesses or modifies a cue noun, else the subject of its
clause ("X, which makes …": X; "the venture" after a joint venture; "the companies" after "A and B"); whose brands
"its brands" are. A mixin of :class:`~nevkg.ingest.extract.parsed.ParsedRelations`."""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import org_of_description
from nevkg.ingest.extract.spans import unit_appositions, verb_of, without_examples

__all__ = ["ClauseActors"]

#: subjects that speak of the organisations named together just before
_PLURAL = {"they", "both", "two", "company", "firm", "partner", "group", "side", "party"}
_RELATIVE = {"which", "that", "who"}


class ClauseActors:
    """The actor of a cue (needs the extractor's ``_mention_of``, ``anaphor_at``, ``_adverb_subject``, ``last_org``)."""

    def _actor(self, cue: Any, orgs: list[Mention]) -> Mention | None:
        """The organisation doing the cue: possessor or modifier of a cue noun, else the clause's subject."""
        for c in cue.children:
            if c.dep_ in {"poss", "compound", "nmod"}:
                # (a place word inside "the X plant" is no anaphor's: the clause's subject says whose plant it is)
                m = self._mention_of(c, anaphors=c.dep_ == "poss" or self.anaphor_at(cue.idx) is None)
                if m is not None:
                    return m
        verb = cue
        for _ in range(6):
            if verb.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
                break
            named = self._adverb_subject(verb)
            if named is not None:
                return named
            if verb.head.i == verb.i:
                break
            verb = verb.head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    c = verb.head  # "X, which makes …": the relative clause speaks of the noun it hangs on
                    c = org_of_description(self, c) or c  # ("X, a fund based in Y, which paid …": X, not Y)
                    if c.dep_ == "appos" and self._mention_of(c) is None and self._mention_of(c.head) is not None:
                        c = c.head  # "X, a cell maker that supplies Y": X
                m = self._subject_name(c)
                if m is not None:
                    return m
                if c.lower_ in {"venture", "jv"} and getattr(self, "_last_venture", None) is not None:
                    return self._last_venture  # "the venture" after "X, a joint venture"
                if c.tag_ == "NNS" and c.lemma_.lower() in _PLURAL and getattr(self, "_last_group", None):
                    return self._last_group[0]  # "the companies" after "A and B …"
        if verb.dep_ == "conj":
            return self._actor(verb.head, orgs) if verb.head.i != cue.i else None
        return None

    def _subject_name(self, c: Any) -> Mention | None:
        """The organisation a subject phrase names: its own word's, a unit's name in apposition to it ("X's arm,
        Y, has …": Y, not its owner X), else the first named in it (not among its examples: "…, including X,")."""
        return self._mention_of(c) or next((n for a in unit_appositions(c) if (n := self._mention_of(a)) is not None),
                                           None) \
            or next((self._mention_of(t) for t in without_examples(c) if self._mention_of(t)), None)

    def _plural_subject(self, cue: Any) -> bool:
        """Whether the cue's clause has "they", "the companies", "the two", "both" … as subject."""
        for verb in [cue, *cue.ancestors]:
            for c in verb.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"they", "both", "two"} or c.lemma_.lower()
                                                         in _PLURAL and c.tag_ == "NNS"):  # (not "the company")
                    return True
        return False

    def _owner(self, cue: Any, orgs: list[Mention]) -> Mention | None:
        """Whose brands: the possessor of "brands" ("X's brands"; "its" → the clause subject or the company named
        last), else "of X", else the clause subject; never a name modifying "brands" (those are the brands)."""
        for c in cue.children:
            if c.dep_ == "poss":
                m = self._mention_of(c)
                if m is not None:
                    return m
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    m = self._mention_of(p)
                    if m is not None:
                        return m
        verb = verb_of(cue.head)
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    c = verb.head
                m = self._subject_name(c)
                if m is not None:
                    return m
        return self.last_org
