"""What a review document predicts, read for scoring against the corpus gold (:mod:`corpus_score`): every id's
names (:func:`predicted_names`, :func:`known_names`, compared after :func:`norm`) and every pair of ids a candidate
relates (:func:`predicted_relations`, by predicate family).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

ENTITY_FILES = ("organizations", "places", "people", "vehicle_models", "policies")


def norm(text: str) -> str:
    """Case, accents, punctuation and "&" folded: ``"U.S."`` → ``"us"``, ``"Mercedes-Benz"`` → ``"mercedes benz"``."""
    text = unicodedata.normalize("NFKD", str(text).casefold().replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", text)  # U.S. → US
    text = re.sub(r"[’']s\b", "", text)
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())



def predicted_names(doc: dict[str, Any], gaz: Any) -> dict[str, set[str]]:
    """Every id the review mentions or proposes → its normalised names (mention text, label, aliases)."""
    names: dict[str, set[str]] = {}
    text = doc.get("text") or ""
    for m in doc.get("mentions") or []:
        n = names.setdefault(m["id"], set())
        n.add(norm(m.get("text") or ""))
        for s, e in m.get("spans") or []:
            n.add(norm(text[s:e]))
        entry = gaz.entries.get(m["id"]) if gaz is not None else None
        if entry is not None:
            n |= {norm(x) for x in [entry.label, *entry.names]}
    for file, recs in (doc.get("candidates") or {}).items():
        for rec in recs:
            meta = rec.get("_review") or {}
            if str(meta.get("rule", "")).startswith("publisher") or not (
                    file in ENTITY_FILES or file == "sites" and str(meta.get("rule", "")).startswith("ner:")):
                continue
            n = names.setdefault(meta.get("merge_into") or rec["id"], set())
            n |= {norm(x) for x in [rec.get("label") or "", *(rec.get("aliases") or [])]}
            if file == "policies":
                continue  # a measure's evidence spans hold its issuer and what it hits, which are not its names
            for s, e in meta.get("spans") or []:
                n.add(norm(text[s:e]))
    for n in names.values():
        n.discard("")
    return names


def known_names(rid: str | None, names: dict[str, set[str]], gaz: Any) -> set[str]:
    """The names of any id (one the review names, or a known record, or failing both its slug)."""
    if not rid:
        return set()
    if rid in names:
        return names[rid]
    entry = gaz.entries.get(rid) if gaz is not None else None
    if entry is not None:
        return {norm(x) for x in [entry.label, *entry.names]}
    return {norm(rid.replace("-", " "))}


def predicted_relations(doc: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    """(family, a, b, title) for every pair the review proposes; family is place | org | role | policy; title is a
    role's title, ``"investment"`` for an investment (its own fact even where a site names the same pair)."""
    c = doc.get("candidates") or {}
    out: list[tuple[str, str, str, str | None]] = []
    for r in c.get("roles") or []:
        out.append(("role", r["person"], r["organization"], r.get("title")))
    for r in c.get("sites") or []:
        for op in r.get("operator") or []:
            if r.get("place"):
                out.append(("place", op, r["place"], None))
            out += [("org", op, prev, None) for prev in r.get("previous_operator") or []]  # took_over_site_of
    for r in c.get("market_presence") or []:
        out.append(("place", r["exporter"], r["market"], None))
    for r in c.get("investments") or []:  # a fact of its own: not merged with a site or stake of the same pair
        if r.get("place"):
            out.append(("place", r["investor"], r["place"], "investment"))
        if r.get("investee"):
            out.append(("org", r["investor"], r["investee"], "investment"))
    for r in c.get("partnerships") or []:
        ps = r.get("partners") or []
        out += [("org", a, b, None) for i, a in enumerate(ps) for b in ps[i + 1:]]
        if r.get("company"):  # the venture's company and each of its parents (subsidiary_of, joint_venture_of)
            out += [("org", r["company"], p, None) for p in ps if p != r["company"]]
    for r in c.get("deployments") or []:
        actors = [r.get("operator"), *(r.get("partners") or [])]
        for a in filter(None, actors):
            out += [("place", a, p, None) for p in r.get("places") or []]
        out += [("org", r["operator"], p, None) for p in r.get("partners") or [] if r.get("operator")]
    for r in c.get("vehicle_models") or []:
        if r.get("maker"):
            out.append(("org", r["id"], r["maker"], None))
    for r in c.get("organizations") or []:
        if str((r.get("_review") or {}).get("rule", "")).startswith("publisher"):
            continue
        rid = (r.get("_review") or {}).get("merge_into") or r["id"]
        for key, fam in (("parent", "org"), ("brand_of", "org"), ("based_in", "place"), ("country", "place")):
            for v in r.get(key) or [] if isinstance(r.get(key), list) else [r.get(key)]:
                if v and v != rid:
                    out.append((fam, rid, v, None))
    for r in c.get("places") or []:
        rid = (r.get("_review") or {}).get("merge_into") or r["id"]
        inside = r.get("located_in") or []
        for v in [inside] if isinstance(inside, str) else inside:
            if v != rid:
                out.append(("place", rid, v, None))
    for r in c.get("policies") or []:
        # the issuer imposes the measure on what it hits (imposes_measure_on); the measure covers the places whose
        # goods it targets (policy_targets). The jurisdiction is where the measure applies, not what it hits.
        hit = [*(r.get("targets") or []), *(r.get("origins") or [])]
        rid = (r.get("_review") or {}).get("merge_into") or r.get("id")
        out += [("policy", r["issuer"], tgt, None) for tgt in hit if r.get("issuer") and tgt != r["issuer"]]
        out += [("policy", rid, tgt, None) for tgt in r.get("origins") or [] if rid and tgt != rid]
        # for a policy other than a trade measure (a licence regime, a law, a ban: no country or company it is
        # imposed on says who made it), its issuer and the authorities that issue it jointly or carry it out
        if rid and r.get("kind") != "trade-measure":
            out += [("policy", a, rid, None) for a in [r.get("issuer"), *(r.get("implementers") or [])]
                    if a and a != rid]
    for r in c.get("duty_rates") or []:
        for tgt in r.get("applies_to") or []:
            if r.get("measure"):
                out.append(("policy", r["measure"], tgt, None))
    return list(dict.fromkeys(out))
