"""One measure named in several ways is one record.

A trade note may call the same duty "company-specific EV duties" in a heading, "provisional duties on Chinese
electric cars" in a section title and "provisional countervailing duties on battery-electric cars" in its body.
The measures found by their clauses (:mod:`measures`) are keyed by their words, so each wording became a record of
its own, and each record repeated the measure's relations. :func:`merge_measures` keeps one record per measure:
two measures of the same kind, jurisdiction (or issuer) and trade flow whose names both speak of electric cars
(and name no different instrument type: anti-dumping and countervailing duties stay apart) are one; the record
with the most facts stays, with the other's names as aliases. Measures named by a proper name are never merged.
"""

from __future__ import annotations

import re
from typing import Any

#: words that say a measure is about electric cars
_EV = re.compile(r"\b(?:EVs?|NEVs?|BEVs?|electric(?:-vehicle)?|battery-electric|plug-in|e-cars?)\b", re.I)
#: words of other goods: a measure naming them is about those ("steel and aluminium")
_OTHER_GOODS = re.compile(r"\b(?:steel|alumini?um|batter(?:y|ies)\b(?!-)|solar|parts|components|chips?)\b", re.I)
#: instrument types that make two measures different even on the same goods
_TYPES = re.compile(r"\b(?:anti-?dumping|countervailing|anti-?subsidy|safeguard|surtax|quota|most-favou?red)\b",
                    re.I)

__all__ = ["merge_measures"]


def _names(rec: dict[str, Any]) -> str:
    return " ".join([rec.get("label", ""), *(rec.get("aliases") or [])])


def _same_measure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    where = [r.get("jurisdiction") or r.get("issuer") for r in (a, b)]
    if not where[0] or where[0] != where[1] or (a.get("kind"), a.get("trade_flow")) != (b.get("kind"),
                                                                                          b.get("trade_flow")):
        return False
    na, nb = _names(a), _names(b)
    if not (_EV.search(na) and _EV.search(nb)) or _OTHER_GOODS.search(na) or _OTHER_GOODS.search(nb):
        return False
    ta = {t.lower().replace("-", "") for t in _TYPES.findall(na)}
    tb = {t.lower().replace("-", "") for t in _TYPES.findall(nb)}
    return not (ta and tb and ta != tb)


def _weight(rec: dict[str, Any]) -> int:
    return sum(len(rec.get(k) or []) for k in ("targets", "origins", "implementers")) + bool(rec.get("start"))


def merge_measures(candidates: list[Any]) -> list[Any]:
    """The candidates with each measure (found by its clauses, rule ``measure:…``) proposed once.

    Parameters
    ----------
    candidates : list of Candidate
        The extractor's candidates, after the measures got their facts.

    Returns
    -------
    list of Candidate
        The same list without the records merged into another; the kept record carries the merged one's names
        as aliases, its facts (targets, origins, implementers) and its evidence spans.
    """
    measures = [c for c in candidates if c.file == "policies" and c.rule.startswith("measure:")]
    dropped: set[int] = set()
    for i, a in enumerate(measures):
        if id(a) in dropped:
            continue
        for b in measures[i + 1:]:
            if id(b) in dropped or not _same_measure(a.record, b.record):
                continue
            keep, gone = (a, b) if _weight(a.record) >= _weight(b.record) else (b, a)
            rec = keep.record
            for name in [gone.record["label"], *(gone.record.get("aliases") or [])]:
                if name != rec["label"] and name not in rec.setdefault("aliases", []):
                    rec["aliases"].append(name)
            for key in ("targets", "origins", "implementers"):
                more = [x for x in gone.record.get(key) or [] if x not in (rec.get(key) or [])]
                if more:
                    rec[key] = [*(rec.get(key) or []), *more]
            if not rec.get("start") and gone.record.get("start"):
                rec["start"] = gone.record["start"]
            keep.spans = sorted(set(keep.spans) | set(gone.spans))
            dropped.add(id(gone))
            if gone is a:
                break
    into = {c.id: k.id for c in measures if id(c) in dropped for k in measures
            if id(k) not in dropped and c.record["label"] in (k.record.get("aliases") or [])}
    for c in candidates:  # a duty rate of the merged measure is a rate of the kept one
        if c.record.get("measure") in into:
            c.record["measure"] = into[c.record["measure"]]
    return [c for c in candidates if id(c) not in dropped]
