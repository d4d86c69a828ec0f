"""Where an organisation belongs, read from the parse: a government body speaking for a country ("Peru will
cut the duty, the trade ministry said") and a company based somewhere ("X, based in Y", "Y-based X").

A new organisation gets ``country`` or ``based_in`` on its record; a known one gets a record proposed for merging,
as :meth:`known_facts` does for "Chinese carmaker X".
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV

_SPEECH = {"say", "announce", "state", "add", "confirm", "tell", "report", "note"}
#: "X, based in Y", "X, which is headquartered in Y", "X (based in Y)"
_BASED_AFTER = re.compile(r"\s*[,(]\s*(?:which\s+is\s+|a\s+[\w\s\-]{0,30}?)?(?:based|headquartered)\s+in\s+"
                          r"(?:the\s+)?$")
#: "Y-based X", "Y-based carmaker X"
_BASED_BEFORE = re.compile(r"^-(?:based|headquartered)\s+(?:[a-z][\w\-]*\s+){0,3}$")


class PlaceRules:
    """The country or base of an organisation, as a sentence states it (a mixin of the extractor)."""

    def org_places(self, sent: Any, orgs: list[Mention], places: list[Mention]) -> None:
        for m in orgs:
            if (m.kind or "") in _GOV:
                country = self._spoken_for(m, places)
                if country is not None:
                    self._state(m, "country", country)
            base = self._base_of(m, places)
            if base is not None:
                self._state(m, "based_in", base)

    def _spoken_for(self, gov: Mention, places: list[Mention]) -> Mention | None:
        """The country a government body speaks for: "C will …, the ministry said"."""
        span = self.doc.char_span(gov.start, gov.end, alignment_mode="expand")
        if span is None:
            return None
        tok = span.root.head if span.root.dep_ == "appos" else span.root
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _SPEECH:
            return None
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for subj in (c for c in clause.children if c.dep_ == "nsubj"):
                p = next((p for p in places if p.start <= subj.idx < p.end and p.kind == "country"
                          and not p.rule.startswith("demonym")), None)
                if p is not None:
                    return p
        return None

    def _base_of(self, org: Mention, places: list[Mention]) -> Mention | None:
        """Where a company is based: "X, based in Y", "Y-based X"."""
        for p in places:
            if p.start >= org.end and p.start - org.end < 60 and _BASED_AFTER.search(self.text[org.end:p.start]):
                return p
            if p.end <= org.start and org.start - p.end < 40 and _BASED_BEFORE.match(self.text[p.end:org.start]):
                return p
        return None

    def _state(self, org: Mention, key: str, place: Mention) -> None:
        """Record that the text places ``org`` (its ``country`` or ``based_in``) at ``place``."""
        if place.id == org.id:
            return
        rec = self.ents.new.get(org.id)
        if rec is not None:
            if self.ents.new_meta[org.id].file == "organizations":
                rec.setdefault(key, place.id)
            return
        entry = self.gaz.entries.get(org.id)
        if entry is None or entry.file != "organizations":
            return
        if key == "country" and any(self._country_of(m) for m in self.ents.mentions if m.id == org.id):
            return  # stated elsewhere too: :meth:`known_facts` proposes it
        rule = "stated-country" if key == "country" else "stated-base"
        if any(c.file == "organizations" and c.rule == rule and c.record["id"] == org.id for c in self.candidates):
            return
        self.add("organizations", {"id": org.id, "label": entry.label, "kind": entry.kind or "company",
                                   key: place.id}, 0.55, [(org.start, org.end), (place.start, place.end)], rule,
                 new=False, merge_into=org.id, notes=[f"this article places '{org.id}' in '{place.id}'"])
