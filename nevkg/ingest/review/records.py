"""Candidate records as an accept sees them: what they refer to, when two state the same thing, and their
canonical form (no review metadata, keys in schema order)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from nevkg.ingest.review.file import REVIEW_KEY
from nevkg.loaders.records import RECORD_FILES, Target
from nevkg.loaders.yamlio import LINE_KEY
from nevkg.queries.resolve import normalize

__all__ = ["ENTITY_FILES", "record_refs", "rewrite_refs", "names_of", "fact_key", "same_figure", "clean",
           "canonical_order"]

ENTITY_FILES = ("organizations", "places", "people", "vehicle_models")


def record_refs(file: str, rec: dict[str, Any]) -> list[tuple[str, str]]:
    """``(field, id)`` for every reference a raw record makes (nested targets included)."""
    schema = RECORD_FILES[file]
    return list(_refs(schema, rec))


def _refs(schema: type[BaseModel], rec: dict[str, Any]):
    for name, info in schema.model_fields.items():
        extra = info.json_schema_extra or {}
        value = rec.get(name)
        if value is None:
            continue
        if "ref" in extra:
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str):
                    yield name, v
        elif name == "targets" and isinstance(value, list):
            for t in value:
                if isinstance(t, dict):
                    for sub, v in _refs(Target, t):
                        yield f"targets.{sub}", v


def rewrite_refs(schema: type[BaseModel], rec: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    """A copy of a raw record with every reference (nested targets included) renamed by ``mapping``.

    >>> from nevkg.loaders.records import RECORD_FILES
    >>> rewrite_refs(RECORD_FILES["partnerships"], {"id": "x", "partners": ["a", "b"]}, {"a": "b"})["partners"]
    ['b']
    """
    out = dict(rec)
    for name, info in schema.model_fields.items():
        extra = info.json_schema_extra or {}
        value = out.get(name)
        if value is None:
            continue
        if "ref" in extra:
            if isinstance(value, list):
                out[name] = list(dict.fromkeys(mapping.get(v, v) for v in value))
            elif isinstance(value, str):
                out[name] = mapping.get(value, value)
        elif name == "targets" and isinstance(value, list):
            out[name] = [rewrite_refs(Target, t, mapping) if isinstance(t, dict) else t for t in value]
    return out


def names_of(rec: dict[str, Any]) -> list[str]:
    """A raw entity record's label and aliases.

    >>> names_of({"label": "Chery", "aliases": ["Chery Automobile"]})
    ['Chery', 'Chery Automobile']
    """
    return [n for n in [rec.get("label"), *(rec.get("aliases") or [])] if n]


def fact_key(file: str, rec: dict[str, Any]) -> tuple | None:
    """What makes two fact records state the same fact (None: no such notion for this kind)."""
    g = rec.get
    if file == "observations":
        return (g("measure"), g("subject"), g("destination"), g("scope"), str(g("period_start")),
                str(g("period_end")), g("unit"), g("status") or "reported")
    if file == "roles":
        return (g("person"), g("organization"), normalize(str(g("title") or "")))
    if file == "partnerships":
        return (g("kind"), frozenset(g("partners") or []))
    if file == "market_presence":
        return (g("exporter"), g("market"), g("activity"), str(g("start")), str(g("end")))
    if file == "sites":
        return (g("kind"), frozenset(g("operator") or []), g("place"))
    if file == "deployments":
        return (g("kind"), g("operator"), frozenset(g("places") or []))
    if file == "investments":
        return (g("investor"), g("place"), g("investee"), str(g("amount")))
    return None


def same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    from decimal import Decimal

    def d(x: Any) -> Decimal | None:
        return None if x is None else Decimal(str(x))

    return (d(a.get("value")) == d(b.get("value")) and a.get("bound") == b.get("bound")
            and bool(a.get("approximate")) == bool(b.get("approximate")))


def clean(value: Any) -> Any:
    """A record without review metadata and line markers (at any depth)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if k not in {REVIEW_KEY, LINE_KEY}}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def canonical_order(file: str, rec: dict[str, Any]) -> dict[str, Any]:
    """The record's keys in its schema's field order (unknown keys, and ``_review``, last)."""
    fields = list(RECORD_FILES[file].model_fields)
    rank = {k: i for i, k in enumerate(fields)}
    return dict(sorted(rec.items(), key=lambda kv: (kv[0] == REVIEW_KEY, rank.get(kv[0], len(fields)))))
