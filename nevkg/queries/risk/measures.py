"""Reading the trade measures (policies with a trade flow) and their rates out of the graph."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from nevkg.graph.dates import as_stated

__all__ = ["measures", "labels"]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _kebab(local: str, prefix: str) -> str:
    import re

    return re.sub(r"(?<!^)(?=[A-Z])", "-", local[len(prefix):]).lower()


def _describe(kg, pattern: str) -> dict[str, dict[str, list[Any]]]:
    """``subject → predicate local name → values`` for the subjects matching ``pattern`` (binds ``?s``)."""
    out: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in kg.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {pattern} ?s ?p ?o . }}"):
        values = out[str(row.s)][_local(str(row.p))]
        value = row.o.toPython() if hasattr(row.o, "datatype") and row.o.datatype is not None and \
            _local(str(row.o.datatype)) in ("decimal", "integer", "boolean") else str(row.o)
        if value not in values:
            values.append(value)
    return out


def labels(kg) -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in kg.query("SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label ?l FILTER(isIRI(?s)) }"):
        if str(row.s) not in labels or getattr(row.l, "language", None) in (None, "en"):
            labels[str(row.s)] = str(row.l)
    return labels


def _stated(d: dict, key: str) -> str:
    """A date as its source stated it ("2023", not the stored first day), or ``""`` (see nevkg.graph.dates)."""
    values = d.get(key) or [""]
    return as_stated(values[0], (d.get(key + "Precision") or [None])[0]) if values[0] else ""


def _source_id(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def measures(kg) -> list[dict[str, Any]]:
    """Every measure (a policy with a trade flow) with its dates, places, rates and sources.

    Returns
    -------
    list of dict
        ``id`` (IRI), ``label``, ``kind``, ``status`` (lifecycle as recorded), ``flow``, ``jurisdiction``
        (IRI), ``origins``/``targets``/``product_codes`` (IRIs), ``issued``/``start``/``end``/``expected``
        (text as recorded, or ``""``), ``quota``, ``amends``/``replaces`` (IRIs), ``sources`` (ids) and
        ``rates``: dicts with ``id``, ``label``, ``kind``, ``rate`` and ``previous`` (Decimal or None),
        ``bound``, ``applies_to`` (IRIs), ``group``, ``powertrain``, ``start``/``end``, ``min_amount``,
        ``max_amount``, ``unit`` and ``sources``; sorted by start (or issue) date.
    """
    names = labels(kg)
    rates_by_measure: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rid, d in _describe(kg, "?s a nev:DutyRate .").items():
        one = lambda k, d=d: (d.get(k) or [None])[0]  # noqa: E731
        rates_by_measure[str(one("rateOf"))].append({
            "id": rid, "label": names.get(rid, rid),
            "kind": names.get(str(one("rateKind")), _kebab(_local(str(one("rateKind"))), "Rate")),
            "rate": Decimal(str(one("ratePct"))) if one("ratePct") is not None else None,
            "previous": Decimal(str(one("previousRatePct"))) if one("previousRatePct") is not None else None,
            "bound": one("bound") or "", "applies_to": sorted(d.get("appliesTo", [])),
            "group": one("appliesToGroup") or "",
            "powertrain": _kebab(_local(str(one("ratePowertrain"))), "Powertrain") if one("ratePowertrain") else "",
            "start": _stated(d, "startDate"), "end": _stated(d, "endDate"),
            "min_amount": one("minimumAmount"), "max_amount": one("maximumAmount"),
            "unit": names.get(str(one("unit")), "") if one("unit") else "",
            "product_codes": sorted(d.get("productCode", [])),
            "sources": sorted({_source_id(s) for s in d.get("wasDerivedFrom", [])})})
    out = []
    for mid, d in _describe(kg, "?s a nev:Policy ; nev:tradeFlow ?flow .").items():
        one = lambda k, d=d: (d.get(k) or [""])[0]  # noqa: E731
        rates = sorted(rates_by_measure.get(mid, []), key=lambda r: (r["start"], r["label"]))
        out.append({
            "id": mid, "label": names.get(mid, mid), "kind": _kebab(_local(str(one("policyKind"))), "Policy"),
            "status": _kebab(_local(str(one("lifecycle"))), "Lifecycle"),
            "flow": _kebab(_local(str(one("tradeFlow"))), "Flow"), "jurisdiction": str(one("jurisdiction")),
            "issuer": str(one("issuer")), "origins": sorted(d.get("origin", [])),
            "targets": sorted(d.get("targets", [])),
            "product_codes": sorted(d.get("productCode", [])),
            "issued": _stated(d, "issuedOn"), "start": _stated(d, "startDate"), "end": _stated(d, "endDate"),
            "expected": _stated(d, "expectedOn"),
            "quota": one("quota") or None, "amends": sorted(d.get("amends", [])),
            "replaces": sorted(d.get("replaces", [])),
            "note": one("comment"), "sources": sorted({_source_id(s) for s in d.get("wasDerivedFrom", [])}),
            "rates": rates})
    by_id = {m["id"]: m for m in out}
    for m in out:
        m["replaced_by"] = []
    for m in out:
        for old in m["replaces"]:
            if old in by_id:
                by_id[old]["replaced_by"].append(m["id"])
    out.sort(key=lambda m: (m["start"] or m["issued"] or m["expected"] or "9999", m["label"]))
    return out
