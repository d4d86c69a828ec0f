"""What a table is loaded against (:class:`TableContext`) and what loading it did (:class:`TableReport`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from nevkg.errors import RecordError
from nevkg.loaders.statistics.vocab import _SAR_CODES, NEV, NEVID, RDF_TYPE, RDFS, SKOS, SOURCE

__all__ = ["TableContext", "TableReport"]


@dataclass
class TableContext:
    """What the in-memory part of the build knows, for linking rows to existing things.

    Attributes
    ----------
    ids : dict
        Curated id → IRI (every labelled ``nevid:``/``nevsrc:`` node).
    iso : dict
        ISO 3166-1 alpha-2 code → place IRI.
    labels : dict
        IRI → label.
    types : dict
        IRI → set of class local names (``Measure``, ``Unit``, ``ProductScope``, ``Source`` …).
    symbols : dict
        Unit symbol (upper case, e.g. ``USD``) → unit IRI.
    notations : dict
        ``skos:notation`` (an HS or customs code such as ``870380``) → curated product-scope IRI.
    """

    ids: dict[str, str] = field(default_factory=dict)
    iso: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)
    notations: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_quads(cls, quads: Iterable[tuple]) -> TableContext:
        """Read places (by ISO code), concepts, sources and labels from rdflib quads."""
        ctx = cls()
        iso_of: dict[str, str] = {}
        notation_of: dict[str, str] = {}
        for s, p, o, _ in quads:
            p = str(p)
            if p == RDFS + "label":
                ctx.labels.setdefault(str(s), str(o))
            elif p == RDF_TYPE and str(o).startswith(NEV):
                ctx.types.setdefault(str(s), set()).add(str(o)[len(NEV):])
            elif p == NEV + "isoCode":
                iso_of[str(s)] = str(o)
            elif p == NEV + "unitSymbol":
                ctx.symbols[str(o).upper()] = str(s)
            elif p == SKOS + "notation":
                notation_of[str(s)] = str(o).replace(".", "").upper()
        for iri in ctx.labels:
            for base in (NEVID, SOURCE):
                if iri.startswith(base):
                    ctx.ids.setdefault(iri[len(base):], iri)
        for iri, code in sorted(notation_of.items()):
            if ctx.is_a(iri, "ProductScope"):
                ctx.notations.setdefault(code, iri)
        for iri, code in sorted(iso_of.items()):
            code = _SAR_CODES.get(code, code)
            if len(code) == 2:
                ctx.iso.setdefault(code, iri)
        return ctx

    @classmethod
    def shipped(cls) -> TableContext:
        """The context of the records shipped with nevkg."""
        from nevkg.loaders.curated import DEFAULT_DATA_DIR, CuratedLoader

        return cls.from_quads(CuratedLoader().load([DEFAULT_DATA_DIR]).quads)

    def is_a(self, iri: str, cls: str) -> bool:
        return cls in self.types.get(iri, ())


@dataclass
class TableReport:
    """What loading one table did.

    Attributes
    ----------
    file, layout, graph, source : str
        The table, its layout (``comtrade`` or ``plain``), its named graph and its source IRI.
    rows, observations, quads, skipped : int
        Data rows read, observations and quads produced, bad rows skipped.
    problems : list of RecordError
        The first bad rows (at most 20), each with file and line.
    """

    file: str
    layout: str = ""
    graph: str = ""
    source: str = ""
    rows: int = 0
    observations: int = 0
    quads: int = 0
    skipped: int = 0
    problems: list[RecordError] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"file": self.file, "layout": self.layout, "graph": self.graph, "source": self.source,
                "rows": self.rows, "observations": self.observations, "quads": self.quads,
                "skipped_rows": self.skipped, "problems": [str(p) for p in self.problems]}

