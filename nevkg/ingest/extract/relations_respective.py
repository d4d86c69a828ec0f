"""Names paired one to one by "respectively": "A and B opened showrooms in X and Y, respectively" says A is in X
and B in Y, never A in Y nor that A and B act together.

After a sentence's relation rules have run, its candidates that pair a coordinated organisation with a
coordinated place of another rank are withdrawn, and so is a partnership of the coordinated organisations that
the sentence alone proposes. A country written after its city ("Santiago, Chile, and Lima, Peru") keeps the
city's rank.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.lists import joined_runs

__all__ = ["RespectiveRules"]

_RESPECTIVELY = re.compile(r",?\s*respectively\b", re.I)
#: what stands between two names of one list: a comma, "and", "or" (with a comma or not)
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:their\s+|its\s+)?")


def _runs(mentions: list[Any], text: str) -> list[list[Any]]:
    """The mentions grouped into lists: neighbours with only a comma, "and" or "or" between them."""
    return joined_runs(mentions, text, _LIST_GAP)


class RespectiveRules:
    """Withdraws the cross pairings of a "respectively" sentence (a mixin of the extractor)."""

    def respective_pairs(self, before: set[int], s: int, e: int) -> None:
        """Withdraw the candidates added since ``before`` that pair the i-th organisation of a list with the
        j-th place of a list (i ≠ j) in a sentence ``s:e`` that says "respectively", and the partnership of
        the listed organisations."""
        end = _RESPECTIVELY.search(self.text, s, e)
        if end is None:
            return
        orgs = [m for m in self.ents.mentions if m.file == "organizations" and s <= m.start and m.end <= end.start()
                and not m.compiler]
        places = [m for m in self.ents.mentions if m.file == "places" and s <= m.start and m.end <= end.start()]
        org_run = next((r for r in _runs(orgs, self.text) if len(r) >= 2), None)
        place_run = self._place_ranks(_runs(places, self.text)[-1] if places else [])
        if org_run is None or len(org_run) != len(place_run):
            return
        rank = {m.id: i for i, m in enumerate(org_run)}
        where = {pid: i for i, ids in enumerate(place_run) for pid in ids}
        for cand in [c for c in self.candidates if id(c) not in before]:
            r = cand.record
            if cand.file == "partnerships" and set(r.get("partners") or []) <= set(rank):
                self.candidates.remove(cand)
                continue
            actors = {"sites": r.get("operator") or [], "market_presence": [r.get("exporter")],
                      "deployments": [r.get("operator")], "investments": [r.get("investor")]}.get(cand.file)
            if not actors or not any(a in rank for a in actors):
                continue
            own = {rank[a] for a in actors if a in rank}
            if cand.file == "deployments":
                keep = [p for p in r.get("places") or [] if where.get(p, next(iter(own))) in own]
                r["partners"] = [p for p in r.get("partners") or [] if p not in rank]
                if not r["partners"]:
                    r.pop("partners")
                if keep:
                    r["places"] = keep
                    continue
            else:
                place = r.get("place") or r.get("market")
                if place not in where or where[place] in own:
                    continue
            self.candidates.remove(cand)

    def _place_ranks(self, run: list[Any]) -> list[set[str]]:
        """The ranks of a list of places: a place right after another that lies in it shares its rank."""
        ranks: list[set[str]] = []
        prev = None
        for m in run:
            if prev is not None and self.text[prev.end:m.start].strip() == "," and (
                    m.id in self._containers(prev.id) | self._parent_country(prev.id)
                    or self.ents.kind_of(m.id) == "country" != self.ents.kind_of(prev.id)):
                ranks[-1].add(m.id)
            else:
                ranks.append({m.id})
            prev = m
        return ranks

    def _parent_country(self, pid: str) -> set[str]:
        rec = self.ents.new.get(pid) or {}
        return {rec["country"]} if rec.get("country") else set()
