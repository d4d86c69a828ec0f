"""The gazetteer: every known organisation, place, person and vehicle model under its label and aliases.

Built from the curated records (the default: ``nevkg/data``), from another folder of records, from parsed
records, or from a built graph (its ``rdfs:label``/``skos:altLabel`` names, through the same query as
:class:`nevkg.queries.resolve.NameIndex`). Matching in text is case-sensitive on the names as written (so
the region "World" is not found in "around the world"); lookups of a whole name use
:func:`nevkg.queries.resolve.normalize` (case, accents and punctuation ignored).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nevkg.queries.resolve import normalize

if TYPE_CHECKING:  # the record loaders (rdflib, pydantic) load only when records are read: lazy imports
    from nevkg.loaders.curated import ParsedRecord

__all__ = ["Entry", "Gazetteer", "slugify", "ENTITY_FILES"]

#: record files whose records are named things the extractor looks for
ENTITY_FILES = ("organizations", "places", "people", "vehicle_models")


#: letters that Unicode does not decompose into a base letter and an accent, written in ASCII
_UNFOLDED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                           "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i", "ð": "d", "Ð": "D"})


def slugify(text: str, *, fallback: str = "entity") -> str:
    """A kebab-case id for a name (accents folded; an empty result becomes ``fallback``).

    >>> slugify("Lanshan Motors Co., Ltd."), slugify("Citroën"), slugify("蓝山"), slugify("Orzeł"), slugify("Nysnø")
    ('lanshan-motors-co-ltd', 'citroen', 'entity', 'orzel', 'nysno')
    """
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UNFOLDED)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or fallback


@dataclass
class Entry:
    """One known thing: its id, record file, label, names and (for organisations and places) its kind."""

    id: str
    file: str
    label: str
    kind: str | None = None
    names: list[str] = field(default_factory=list)
    #: for a place, the places its record says it lies in (``located_in``); for an organisation, its country;
    #: empty when built from a graph
    parents: list[str] = field(default_factory=list)


#: words a capitalised acronym's title-case form would be ("MINI" the brand, "Mini" a sentence's first word)
_WORDS = {"mini", "max", "ion", "one", "all", "new", "art", "ace", "arc", "era", "via", "vie", "lion", "nova"}


class Gazetteer:
    """Known entities by name, the ids in use, and the concept ids (measures, units, product scopes)."""

    def __init__(self, entries: list[Entry], ids: set[str] | None = None, concepts: set[str] | None = None) -> None:
        self.entries = {e.id: e for e in entries}
        self.ids = set(ids or ()) | set(self.entries)
        self.concepts = set(concepts or ())
        self._by_key: dict[str, list[Entry]] = {}
        surface: dict[str, Entry] = {}
        for e in entries:
            for name in [e.label, *e.names]:
                if not name or len(name) < 2:
                    continue
                key = normalize(name)
                if e not in self._by_key.setdefault(key, []):
                    self._by_key[key].append(e)
                surface.setdefault(name, e)
        for e in entries:  # "NIO", "SAIC" are written "Nio", "Saic" in much of the press
            for name in [e.label, *e.names] if e.file == "organizations" else []:
                if name and re.fullmatch(r"[A-Z]{3,6}", name) and name.title().lower() not in _WORDS:
                    surface.setdefault(name.title(), e)
        self._surface = surface
        names = sorted(surface, key=lambda s: (-len(s), s))
        self._regex = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])") \
            if names else None

    # -- building
    @classmethod
    def from_records(cls, parsed: list[ParsedRecord]) -> Gazetteer:
        entries, ids, concepts = [], set(), set()
        for pr in parsed:
            rec = pr.record
            ids.add(rec.id)
            if pr.kind == "concepts":
                concepts.add(rec.id)
            if pr.kind not in ENTITY_FILES:
                continue
            parents = list(getattr(rec, "located_in", None) or []) if pr.kind == "places" else \
                [rec.country] if pr.kind == "organizations" and getattr(rec, "country", None) else []
            entries.append(Entry(rec.id, pr.kind, rec.label, getattr(rec, "kind", None), list(rec.aliases),
                                 parents))
        return cls(entries, ids, concepts)

    @classmethod
    def from_graph(cls, kg: Any) -> Gazetteer:
        """From a built graph: things typed with a nev: class of an organisation, place, person or model."""
        from nevkg.loaders.records import Organization, Place
        from nevkg.ontology.namespaces import NEV, NEVID
        from nevkg.queries.resolve import INDEX_QUERY

        cls_to = {"Person": ("people", None), "VehicleModel": ("vehicle_models", None)}
        for kind, curie in Organization.KIND_CLASSES.items():
            cls_to.setdefault(curie.split(":")[1], ("organizations", kind))
        for kind, curie in Place.KIND_CLASSES.items():
            cls_to.setdefault(curie.split(":")[1], ("places", kind))
        found: dict[str, Entry] = {}
        ids: set[str] = set()
        concepts: set[str] = set()
        for row in kg.query(INDEX_QUERY):
            iri = str(row.s)
            if not iri.startswith(str(NEVID)):
                continue
            rid = iri[len(str(NEVID)):]
            ids.add(rid)
            local = str(row.type)[len(str(NEV)):] if row.type is not None else ""
            if local in {"Measure", "Unit", "ProductScope"}:
                concepts.add(rid)
            if local not in cls_to:
                continue
            file, kind = cls_to[local]
            entry = found.setdefault(rid, Entry(rid, file, str(row.label), kind))
            if kind and entry.kind in (None, "company"):
                entry.kind = kind
            name = str(row.name)
            if name != entry.label and name not in entry.names:
                entry.names.append(name)
        return cls(list(found.values()), ids, concepts)

    @classmethod
    def load(cls, source: Any = None) -> Gazetteer:
        """A gazetteer from ``None`` (the shipped records), a folder of records, parsed records or a graph."""
        if isinstance(source, Gazetteer):
            return source
        if source is None or isinstance(source, (str, Path)):  # a folder: read once, then from the cache
            from nevkg.home import SHIPPED_DATA_DIR
            from nevkg.ingest.gazetteer_cache import records_gazetteer

            return records_gazetteer(SHIPPED_DATA_DIR if source is None else Path(source))
        if isinstance(source, list):
            return cls.from_records(source)
        if hasattr(source, "query"):
            return cls.from_graph(source)
        raise TypeError(f"cannot build a gazetteer from {type(source).__name__}")

    # -- using
    def lookup(self, name: str, files: tuple[str, ...] | None = None) -> Entry | None:
        """The one known thing a name (label or alias, normalized) refers to, or None (also when ambiguous)."""
        hits = [e for e in self._by_key.get(normalize(name), []) if not files or e.file in files]
        return hits[0] if len(hits) == 1 else None

    def finditer(self, text: str):
        """``(start, end, Entry)`` for every known name in the text, longest match first, case as written."""
        if self._regex is None:
            return
        for m in self._regex.finditer(text):
            yield m.start(), m.end(), self._surface[m.group(0)]
