"""Trade measures read from the parse: a tariff, duty, surtax or licence, the authority behind it, and the
countries and companies it hits (each company with a rate of its own too)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV

_MEASURE = {"tariff", "duty", "surtax", "levy", "quota", "countervailing", "anti", "licence", "license", "tax"}
#: a rate written in a sentence ("12 %", "9.5 percent", "20pc")
_RATE = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b|pc\b)", re.I)


class PolicyRules:
    """One measure per authority, with what it hits (a mixin of the extractor)."""

    def measures(self, s: int, sent: Any, lemmas: set[str], orgs: list[Mention], places: list[Mention]) -> None:
        """A sentence with a measure word opens a window of a few sentences in which "rate" speaks of it."""
        recent = s < getattr(self, "_measure_until", -1)
        if lemmas & _MEASURE:
            self._measure_until = s + 1200
        if lemmas & _MEASURE or lemmas & {"rate", "rates"} and recent:
            self._measure(sent, orgs, places, recent)

    def _measure(self, sent: Any, orgs: list[Mention], places: list[Mention], recent: bool = False) -> None:
        """A tariff, duty or surtax and the authority behind it: one measure per authority, with what it hits.
        A sentence that names no authority but gives companies their own rates ("A pays 12 %, B 9 %") adds the
        companies to the measure named in the sentences just before."""
        authorities = [m for m in orgs if (m.kind or "") in _GOV] + \
                      [m for m in places if m.kind in {"country", "economic-union"} and not m.rule.startswith("demonym")
                       and self._is_subject(m)]
        if not authorities:
            last = next((c for c in reversed(self.candidates) if c.file == "policies"
                         and c.rule == "parse:measure"), None)
            if recent and last is not None and _RATE.search(sent.text):
                self._hits(last, [m for m in orgs if (m.kind or "") not in _GOV and m.id != last.record["issuer"]])
            return
        auth = authorities[0]
        hits = [m for m in orgs if (m.kind or "") not in _GOV and m.id != auth.id] + \
               [m for m in places if m.id != auth.id and m.rule.startswith("demonym")]
        if not hits:
            return
        rec = next((c for c in self.candidates if c.file == "policies" and c.record.get("issuer") == auth.id), None)
        if rec is None:
            rid = self.cid(f"{auth.id}-trade-measure")
            body = {"label": f"{self.label(auth.id)} trade measure", "kind": "trade-measure", "status": "announced",
                    "issuer": auth.id, "targets": [], "origins": []}
            rec = self.add("policies", {"id": rid, **body}, 0.45, [(auth.start, auth.end)], "parse:measure",
                           notes=["a measure named from its clauses: give its proper name and dates"])
        self._hits(rec, hits)

    def _hits(self, rec: Any, hits: list[Mention]) -> None:
        """Add what a measure hits: companies as its targets, countries (named by an adjective) as origins."""
        for h in hits:
            key = "origins" if h.file == "places" else "targets"
            if h.id not in rec.record[key]:
                rec.record[key].append(h.id)
                rec.spans = sorted(set(rec.spans) | {(h.start, h.end)})

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "pobj"})
