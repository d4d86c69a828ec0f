"""The ``statistics`` loader: trade tables (CSV) streamed into the store as Data Cube observations.

Two layouts, told apart by the header (column order is free, unknown columns are ignored):

* **UN Comtrade** bulk CSV (or tab-separated) as its users download it: ``refYear, refMonth, period,
  reporterCode, reporterISO, reporterDesc, flowCode, partnerCode, partnerISO, partnerDesc, cmdCode, cmdDesc,
  qtyUnitAbbr, qty, netWgt, primaryValue, fobvalue, cifvalue, isQtyEstimated`` … Reporter and partner are
  read from ``reporterISO``/``partnerISO`` (ISO 3166 alpha-3): ``reporterCode``/``partnerCode`` are Comtrade's
  own numbers (842 is the USA, 251 France), not ISO numeric. ``W00`` is the World; Comtrade's area codes
  (``_X`` areas not elsewhere specified, ``EUR``, ``S19`` other Asia n.e.s., ``X1`` …) become regions.
  Each row gives one observation of the flow's value measure (``primaryValue``, USD) and, when ``qty`` is
  given in a count unit (``u``, ``1000u``), one of its volume measure (vehicles). Flows: ``X`` export,
  ``M`` import, ``RX`` re-export, ``RM`` re-import; the flow is kept as ``nev:tradeFlow`` (``nev:FlowExports``
  or ``nev:FlowImports``).
* **nevkg plain** layout for figures gathered by hand: ``subject, measure, destination, product, period_start,
  period_end, value, unit, currency, qualifier, source``. ``subject``/``destination`` are ids of curated
  records or ISO 3166 codes; ``measure`` and ``unit`` are concept ids (``currency``, an ISO 4217 code, stands
  in for an empty ``unit``); ``product`` an HS code or a product-scope id; ``qualifier`` one of approximate,
  lower, upper, estimate, forecast, preliminary, target; ``source`` the id of a source record the figure
  was taken from.

Mapping: observations are ``nev:Observation`` (⊑ ``qb:Observation``) in one ``qb:DataSet`` per file, with
``nev:measure``, ``nev:subject``, ``nev:destination``, ``nev:productScope``, ``nev:periodStart``/``End``
(``xsd:date``), ``nev:value`` (``xsd:decimal``), ``nev:unit``, ``nev:observationStatus`` and
``prov:wasDerivedFrom`` the table. HS codes are the curated product-scope concepts with that
``skos:notation`` where the records have one (``nevid:hs-870380``, ``nevid:cn-8703801090``); other
codes become SKOS concepts ``nevid:hs-<code>`` in the ``nevid:hs`` scheme, labelled from the
product-code notes of the reference (8703.80 battery-electric, 8703.40/.50 hybrids, 8703.60/.70
plug-in hybrids …), with ``skos:broader`` up the HS tree. HS 6-digit codes get ``skos:broadMatch`` to
the curated product scopes they fall under (``ev``, ``nev`` …; the headline check uses it). Countries
are the curated places with that ISO code (``DEU`` → ``nevid:germany``); others are minted as
``nevid:country-<alpha-2>`` typed ``nev:Country``, labelled from ISO 3166 (pycountry).

Each file is one source (a sidecar ``<file>.source.yaml`` as for RDF files, else the file's name and date
and an unknown publisher, with a warning) and one named graph ``nevg:table-<slug>``. Observation IRIs are a
hash of the file slug and the row's key (reporter, partner, flow, product, period, measure …), so the
same row of the same file always gets the same IRI.

Streaming: rows are read with :mod:`csv` one at a time and turned straight into :class:`pyoxigraph.Quad`
objects (no rdflib terms), handed on in chunks of ``chunk_size`` quads; memory stays bounded by the chunk
whatever the file size. The build feeds the chunks to ``Store.bulk_extend``. SHACL is **not** run over the
streamed observations: pyshacl works on an in-memory rdflib graph (millions of observations would need
gigabytes and hours); instead every row is checked here, field by field, against what the
observation shape requires (one decimal value, one unit and measure concept, one subject, an ``xsd:date``
period whose start is not after its end, a data set, a source).

A bad row (a missing column, a non-numeric value, an unknown code, a bad period) raises
:class:`~nevkg.errors.LoaderError` naming the file and line; with ``skip_bad_rows=True`` it is skipped,
counted and the first few are reported (see :class:`TableReport`).
"""

from __future__ import annotations

import calendar
import csv
import gzip
import hashlib
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from nevkg.errors import LoaderError, RecordError
from nevkg.loaders.base import LoadResult

__all__ = ["StatisticsLoader", "TableContext", "TableReport", "HS_CODES", "HS_SCOPES", "table_slug",
           "table_graph", "detect_layout", "to_rdflib", "COMTRADE_COLUMNS", "PLAIN_COLUMNS"]

# ---------------------------------------------------------------------------------------------- vocabularies
NEV = "https://w3id.org/nevkg/ontology#"
NEVID = "https://w3id.org/nevkg/id/"
GRAPH = "https://w3id.org/nevkg/graph/"
SOURCE = "https://w3id.org/nevkg/source/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
QB = "http://purl.org/linked-data/cube#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"

#: HS code → (label, definition), from the product-code notes of the reference (markets.md)
HS_CODES: dict[str, tuple[str, str]] = {
    "8702": ("buses and coaches (HS 8702)", "Motor vehicles for ten or more persons."),
    "8703": ("passenger vehicles (HS 8703)", "Motor cars and other vehicles principally for persons."),
    "8704": ("goods vehicles (HS 8704)", "Motor vehicles for the transport of goods."),
    "870240": ("electric buses (HS 870240)", "Buses with an electric motor only."),
    "870340": ("hybrid passenger vehicles, petrol, not plug-in (HS 870340)",
               "Spark-ignition engine and electric motor, not charged from the grid (HS 2017 split)."),
    "870350": ("hybrid passenger vehicles, diesel, not plug-in (HS 870350)",
               "Diesel engine and electric motor, not charged from the grid."),
    "870360": ("plug-in hybrid passenger vehicles, petrol (HS 870360)",
               "Spark-ignition engine and electric motor, charged by plugging in."),
    "870370": ("plug-in hybrid passenger vehicles, diesel (HS 870370)",
               "Diesel engine and electric motor, charged by plugging in."),
    "870380": ("battery-electric passenger vehicles (HS 870380)", "Passenger vehicles with an electric motor only."),
    "870460": ("electric goods vehicles (HS 870460)", "Goods vehicles with an electric motor only (HS 2022)."),
    "8703801090": ("new pure-electric passenger vehicles (China 8703801090)",
                   "China's 10-digit tariff line for new battery-electric passenger vehicles (the licence scope)."),
    "8703801010": ("used pure-electric passenger vehicles (China 8703801010)",
                   "China's 10-digit tariff line for used battery-electric passenger vehicles (2025 schedule)."),
    "TOTAL": ("all products (TOTAL)", "All commodities together."),
}

#: HS 6-digit code → curated product scopes it falls under (``skos:broadMatch``; emitted when the scope exists).
#: Only 6-digit codes carry these, so a table holding both 870380 and 8703801090 is not counted twice.
HS_SCOPES: dict[str, tuple[str, ...]] = {
    "870380": ("ev", "nev", "nev-passenger-cars", "passenger-cars"),
    "870360": ("nev", "nev-passenger-cars", "passenger-cars"),
    "870370": ("nev", "nev-passenger-cars", "passenger-cars"),
    "870340": ("passenger-cars",),
    "870350": ("passenger-cars",),
    "870240": ("nev",),
    "870460": ("nev",),
}

#: flow code → (value measure, volume measure)
FLOWS: dict[str, tuple[str, str]] = {
    "X": ("export-value", "export-volume"), "M": ("import-value", "import-volume"),
    "RX": ("re-export-value", "re-export-volume"), "RM": ("re-import-value", "re-import-volume"),
}
#: measures and units the loader uses; minted in the table's graph when the curated records lack them
MEASURES = {
    "export-value": ("export value", "Money value of goods exported in a period."),
    "export-volume": ("export volume", "Number of vehicles exported in a period."),
    "import-value": ("import value", "Money value of goods imported in a period."),
    "import-volume": ("import volume", "Number of vehicles imported in a period."),
    "re-export-value": ("re-export value", "Money value of goods re-exported in a period."),
    "re-export-volume": ("re-export volume", "Number of vehicles re-exported in a period."),
    "re-import-value": ("re-import value", "Money value of goods re-imported in a period."),
    "re-import-volume": ("re-import volume", "Number of vehicles re-imported in a period."),
}
UNITS = {"usd": ("US dollars", "USD"), "vehicles": ("vehicles", None)}
#: Comtrade quantity units that count items, with their multiplier
COUNT_UNITS = {"u": 1, "1000u": 1000}
#: Comtrade's own partner/reporter "ISO" codes that are areas, not countries (W00 is the World)
_COMTRADE_AREA = re.compile(r"^(_X|X[0-9A-Z]|EUR|[A-Z]\d{2})$")

COMTRADE_COLUMNS = ("reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue")
PLAIN_COLUMNS = ("subject", "measure", "period_start", "value")
_PLAIN_ALIASES = {"product_code": "product", "hs_code": "product", "start": "period_start", "end": "period_end"}
QUALIFIERS = {
    "approximate": ("approximate", None), "about": ("approximate", None), "nearly": ("approximate", None),
    "around": ("approximate", None), "lower": ("bound", "lower"), "more-than": ("bound", "lower"),
    "over": ("bound", "lower"), "at-least": ("bound", "lower"), "upper": ("bound", "upper"),
    "less-than": ("bound", "upper"), "under": ("bound", "upper"), "at-most": ("bound", "upper"),
    "reported": ("status", "ObsReported"), "estimate": ("status", "ObsEstimate"),
    "forecast": ("status", "ObsForecast"), "preliminary": ("status", "ObsPreliminary"),
    "target": ("status", "ObsTarget"),
}
_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_HS = re.compile(r"^\d{2}(\d{2}){0,4}$")
_SAR_CODES = {"CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW"}  # ISO 3166-2 codes that ISO 3166-1 lists too


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "table"


def table_slug(path: Path) -> str:
    """``table-<file name as a slug>``: names the table's source, graph and data set.

    >>> table_slug(Path("data/China EV exports.csv"))
    'table-china-ev-exports-csv'
    """
    return f"table-{_slug(Path(path).name)}"


def table_graph(path: Path) -> str:
    """The named graph (IRI string) holding a table's observations."""
    return GRAPH + table_slug(path)


# ---------------------------------------------------------------------------------------------- context
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


class _BadRow(Exception):
    """One row that cannot be loaded (message says which column and why)."""


def detect_layout(header: list[str]) -> str:
    """``comtrade`` or ``plain`` from a header row.

    >>> detect_layout(["period", "reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue"])
    'comtrade'
    >>> detect_layout(["subject", "measure", "period_start", "value", "unit"])
    'plain'
    """
    names = set(header)
    if "reporterISO" in names or "cmdCode" in names:
        missing = [c for c in COMTRADE_COLUMNS if c not in names]
        if not ({"period", "refYear", "refPeriodId"} & names):
            missing.append("period (or refYear/refMonth)")
        if missing:
            raise _BadRow(f"a Comtrade table needs the column(s) {', '.join(missing)}")
        return "comtrade"
    plain = {_PLAIN_ALIASES.get(_norm(h), _norm(h)) for h in header}
    if "subject" in plain or "measure" in plain:
        missing = [c for c in PLAIN_COLUMNS if c not in plain]
        if missing:
            raise _BadRow(f"a nevkg table needs the column(s) {', '.join(missing)}")
        if "unit" not in plain and "currency" not in plain:
            raise _BadRow("a nevkg table needs a unit or a currency column")
        return "plain"
    raise _BadRow("unknown table layout: expected the UN Comtrade columns (" + ", ".join(COMTRADE_COLUMNS)
                  + ", period …) or the nevkg columns (subject, measure, destination, product, period_start, "
                    "period_end, value, unit, currency, qualifier, source)")


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


# ---------------------------------------------------------------------------------------------- the loader
class StatisticsLoader:
    """Stream trade tables (CSV) into quads; see the module docstring.

    Parameters
    ----------
    context : TableContext, optional
        What the rest of the build knows (places, concepts, sources); default: the shipped records.
    skip_bad_rows : bool
        Skip and count bad rows instead of stopping at the first.
    chunk_size : int
        Quads per chunk handed to the store.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,qtyUnitAbbr,qty\\n"
    ...                  "202401,CHN,DEU,X,870380,2000000,u,80\\n")
    >>> loader = StatisticsLoader()
    >>> r = loader.load([p])
    >>> loader.reports[0].observations
    2
    """

    name = "statistics"
    #: the build streams this loader's files straight into the store instead of holding them in memory
    streaming = True

    def __init__(self, context: TableContext | None = None, *, skip_bad_rows: bool = False,
                 chunk_size: int = 100_000, progress: bool | None = None) -> None:
        self._context = context
        self.skip_bad_rows = skip_bad_rows
        self.chunk_size = chunk_size
        self.progress = sys.stderr.isatty() if progress is None else progress
        self.reports: list[TableReport] = []

    @property
    def context(self) -> TableContext:
        if self._context is None:
            self._context = TableContext.shipped()
        return self._context

    # -- the Loader protocol: rdflib quads in memory (small tables, the memory and sparql stores) -------------
    def load(self, paths: list[Path]) -> LoadResult:
        """Load whole tables as rdflib quads (for small files; the build streams big ones instead)."""
        result = LoadResult()
        for path in paths:
            for chunk in self.stream(Path(path)):
                result.quads += to_rdflib(chunk)
            result.sources.append(self.reports[-1].source)
            result.origins[self.reports[-1].graph] = str(path)
        return result

    def load_into(self, store, paths: list[Path]) -> list[TableReport]:
        """Stream tables into a :class:`pyoxigraph.Store` with ``bulk_extend``, chunk by chunk."""
        reports = []
        for path in paths:
            for chunk in self.stream(Path(path)):
                store.bulk_extend(chunk)
            reports.append(self.reports[-1])
        return reports

    # -- streaming -------------------------------------------------------------------------------------------
    def stream(self, path: Path) -> Iterator[list]:
        """Yield lists of :class:`pyoxigraph.Quad` for one table; its :class:`TableReport` is appended to
        :attr:`reports` when the table is done.

        Raises
        ------
        LoaderError
            On the first bad row (unless ``skip_bad_rows``), naming file and line; or when the file
            cannot be read or its header fits neither layout.
        """
        path = Path(path)
        report = TableReport(str(path))
        self.reports.append(report)
        builder = _TableBuilder(path, self.context, report)
        buffer: list = []
        try:
            fh = _open_text(path)
        except OSError as exc:
            raise LoaderError(f"{path}: cannot read the table ({exc})") from exc
        with fh:
            sample = fh.readline()
            delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
            reader = csv.reader(_chain_first(sample, fh), delimiter=delimiter)
            try:
                header = [h.strip() for h in next(reader)]
            except StopIteration:
                raise LoaderError(f"{path}: the table is empty; it needs a header row") from None
            try:
                report.layout = detect_layout(header)
            except _BadRow as exc:
                raise LoaderError("unreadable table", [RecordError(str(exc), file=str(path), line=1)]) from None
            row_fn = builder.comtrade_row if report.layout == "comtrade" else builder.plain_row
            if report.layout == "plain":
                header = [_PLAIN_ALIASES.get(_norm(h), _norm(h)) for h in header]
            index = {name: i for i, name in enumerate(header)}
            width = len(header)
            size = path.stat().st_size if path.suffix != ".gz" else 0
            shown = 0
            for row in reader:
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                report.rows += 1
                try:
                    if len(row) < width:
                        missing = header[len(row)] if len(row) < width else ""
                        raise _BadRow(f"the row has {len(row)} of the header's {width} columns "
                                      f"(column '{missing}' and later are missing)")
                    row_fn(row, index, buffer)
                except _BadRow as exc:
                    problem = RecordError(str(exc), file=str(path), line=reader.line_num)
                    if not self.skip_bad_rows:
                        raise LoaderError(f"bad row in {path.name}; nothing was loaded (use --skip-bad-rows to "
                                          "skip bad rows and count them)", [problem]) from None
                    report.rows -= 1
                    report.skipped += 1
                    if len(report.problems) < 20:
                        report.problems.append(problem)
                if len(buffer) >= self.chunk_size:
                    report.quads += len(buffer)
                    yield buffer
                    buffer = []
                    if self.progress and size:
                        shown = _draw(path.name, fh, size, shown)
            buffer += builder.closing_quads()
            report.quads += len(buffer)
            yield buffer
            if self.progress and shown:
                sys.stderr.write("\n")
        if report.skipped:
            print(f"warning: {path}: skipped {report.skipped} bad row(s); first: {report.problems[0]}",
                  file=sys.stderr)


def _draw(name: str, fh, size: int, shown: int) -> int:
    try:
        done = min(1.0, fh.buffer.tell() / size) if hasattr(fh, "buffer") else 0.0
    except (OSError, ValueError):
        return shown
    bar = int(30 * done)
    sys.stderr.write(f"\rloading {name} [{'#' * bar}{'.' * (30 - bar)}] {done:4.0%}")
    sys.stderr.flush()
    return shown + 1


def _open_text(path: Path):
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open("r", encoding="utf-8-sig", newline="")


def _chain_first(first: str, rest) -> Iterator[str]:
    yield first
    yield from rest


# ---------------------------------------------------------------------------------------------- row → quads
class _TableBuilder:
    """Turns rows of one table into quads, caching every term that repeats (places, codes, periods)."""

    def __init__(self, path: Path, ctx: TableContext, report: TableReport) -> None:
        import pyoxigraph as ox

        self.ox, self.ctx, self.path, self.report = ox, ctx, path, report
        N = ox.NamedNode
        self.slug = table_slug(path)
        self.g = N(GRAPH + self.slug)
        self.src = N(SOURCE + self.slug)
        self.ds = N(NEVID + "dataset-" + self.slug)
        report.graph, report.source = str(self.g.value), str(self.src.value)
        self.t_decimal, self.t_date = N(XSD + "decimal"), N(XSD + "date")
        p = {k: N(NEV + k) for k in ("measure", "subject", "destination", "productScope", "periodStart",
                                     "periodEnd", "value", "unit", "observationStatus", "tradeFlow", "bound",
                                     "approximate", "isoCode")}
        self.p = p
        self.type, self.label = N(RDF_TYPE), N(RDFS + "label")
        self.derived, self.dataset_p = N(PROV + "wasDerivedFrom"), N(QB + "dataSet")
        self.c_obs = N(NEV + "Observation")
        self.status = {k: N(NEV + k) for k in ("ObsReported", "ObsEstimate", "ObsForecast", "ObsPreliminary",
                                              "ObsTarget")}
        self.true = ox.Literal("true", datatype=N(XSD + "boolean"))
        # the ontology's trade-flow values; re-exports and re-imports differ from exports and imports by measure
        self.flows = {"X": N(NEV + "FlowExports"), "M": N(NEV + "FlowImports")}
        self.prefix = hashlib.blake2b(self.slug.encode(), digest_size=16)
        # caches: code → (node, label)
        self._places: dict[tuple[str, str], tuple] = {}
        self._products: dict[str, tuple] = {}
        self._periods: dict[tuple, tuple] = {}
        self._concepts: dict[str, tuple] = {}
        self._literals: dict[str, object] = {}
        # what the closing quads must describe
        self.minted_places: dict[str, tuple[str, str, str | None]] = {}  # iri → (class, label, iso2)
        self.used_products: set[str] = set()
        self.minted_concepts: dict[str, tuple[str, str, str, str | None]] = {}
        self.product_labels: dict[str, str] = {}

    # -- terms ---------------------------------------------------------------------------------------------
    def _lit(self, text: str):
        lit = self._literals.get(text)
        if lit is None:
            lit = self._literals[text] = self.ox.Literal(text)
        return lit

    def place_iso3(self, code: str, desc: str, role: str, column: str | None = None) -> tuple:
        key = (code, desc)
        hit = self._places.get(key)
        if hit is not None:
            return hit
        code_u = code.strip().upper()
        if not code_u:
            raise _BadRow(f"the {column or role + 'ISO'} column is empty")
        if code_u == "W00":
            hit = self._place_from(self.ctx.ids.get("world"), "world", "Region", desc or "World", None)
        else:
            import pycountry

            country = pycountry.countries.get(alpha_3=code_u) if len(code_u) == 3 else None
            if country is None and len(code_u) == 3:
                country = pycountry.historic_countries.get(alpha_3=code_u)
            if country is not None:
                alpha2 = country.alpha_2
                name = getattr(country, "common_name", None) or country.name
                hit = self._place_from(self.ctx.iso.get(alpha2), f"country-{alpha2.lower()}", "Country", name,
                                       alpha2 if len(alpha2) == 2 and alpha2.isalpha() else None)
            elif _COMTRADE_AREA.match(code_u):
                hit = self._place_from(None, f"comtrade-area-{_slug(code_u)}", "Region",
                                       desc or f"Comtrade area {code_u}", None)
            else:
                raise _BadRow(f"unknown {role} code '{code}' in column {column or role + 'ISO'}: not an ISO 3166 "
                              "alpha-3 code, W00 (World) or a Comtrade area code")
        self._places[key] = hit
        return hit

    def place_any(self, value: str, role: str) -> tuple:
        """A plain-layout place or subject: a curated id, or an ISO 3166 alpha-2/alpha-3 code."""
        key = (value, role)
        hit = self._places.get(key)
        if hit is not None:
            return hit
        iri = self.ctx.ids.get(value)
        if iri is not None and not self.ctx.is_a(iri, "Source"):
            hit = (self.ox.NamedNode(iri), self.ctx.labels.get(iri, value))
        elif re.fullmatch(r"[A-Za-z]{2}", value):
            import pycountry

            country = pycountry.countries.get(alpha_2=value.upper())
            if country is None:
                raise _BadRow(f"unknown {role} '{value}': not a curated id or an ISO 3166 code")
            hit = self.place_iso3(country.alpha_3, "", role, role)
        elif re.fullmatch(r"[A-Za-z0-9_]{3}", value):
            hit = self.place_iso3(value, "", role, role)
        else:
            raise _BadRow(f"unknown {role} '{value}': not a curated id or an ISO 3166 code")
        self._places[key] = hit
        return hit

    def _place_from(self, known: str | None, slug: str, cls: str, label: str, iso2: str | None) -> tuple:
        if known:
            return self.ox.NamedNode(known), self.ctx.labels.get(known, label)
        iri = NEVID + slug
        self.minted_places.setdefault(iri, (cls, label, iso2))
        return self.ox.NamedNode(iri), label

    def product(self, code: str, desc: str = "") -> tuple:
        hit = self._products.get(code)
        if hit is not None:
            return hit
        norm = code.strip().replace(".", "").replace(" ", "").upper()
        if norm != "TOTAL" and not _HS.match(norm):
            scope = self.ctx.ids.get(code.strip())
            if scope and self.ctx.is_a(scope, "ProductScope"):
                hit = (self.ox.NamedNode(scope), self.ctx.labels.get(scope, code))
                self._products[code] = hit
                return hit
            raise _BadRow(f"unknown product code '{code}': write an HS code (2 to 10 digits, e.g. 870380) "
                          "or a product-scope id")
        label = HS_CODES.get(norm, (None,))[0] or (f"{desc} (HS {norm})" if desc else f"HS {norm}")
        self.used_products.add(norm)
        self.product_labels.setdefault(norm, label)
        hit = (self.ox.NamedNode(self._product_iri(norm)), f"HS {norm}")
        self._products[code] = hit
        return hit

    def _product_iri(self, code: str) -> str:
        """A curated concept with this notation (``hs-870380``, ``cn-8703801090`` …), else ``nevid:hs-<code>``."""
        return self.ctx.notations.get(code) or f"{NEVID}hs-{code.lower()}"

    def concept(self, cid: str, kind: str) -> tuple:
        """A measure or unit concept by id (curated, or minted from :data:`MEASURES`/:data:`UNITS`)."""
        hit = self._concepts.get(cid)
        if hit is not None:
            return hit
        iri = self.ctx.ids.get(cid)
        cls = "Measure" if kind == "measure" else "Unit"
        if iri is not None and self.ctx.is_a(iri, cls):
            hit = (self.ox.NamedNode(iri), self.ctx.labels.get(iri, cid))
        elif iri is None and cid in (MEASURES if kind == "measure" else UNITS):
            table = MEASURES if kind == "measure" else UNITS
            label, extra = table[cid]
            iri = NEVID + cid
            self.minted_concepts[iri] = (cls, label, extra, None) if kind == "measure" else (cls, label, None, extra)
            hit = (self.ox.NamedNode(iri), label)
        elif kind == "unit" and cid.upper() in self.ctx.symbols:
            iri = self.ctx.symbols[cid.upper()]
            hit = (self.ox.NamedNode(iri), self.ctx.labels.get(iri, cid))
        else:
            known = sorted(k for k, v in self.ctx.ids.items() if self.ctx.is_a(v, cls))
            raise _BadRow(f"unknown {kind} '{cid}'; known {kind}s: {', '.join(known[:12])}"
                          + (" …" if len(known) > 12 else ""))
        self._concepts[cid] = hit
        return hit

    def period(self, start: str, end: str | None = None) -> tuple:
        key = (start, end)
        hit = self._periods.get(key)
        if hit is not None:
            return hit
        s_first, s_last, s_label = _parse_period(start)
        if end:
            e_first, e_last, e_label = _parse_period(end)
        else:
            e_last, e_label = s_last, s_label
        if e_last < s_first:
            raise _BadRow(f"the period ends ({end}) before it starts ({start})")
        label = s_label if s_label == e_label else f"{s_label}/{e_label}"
        hit = (self.ox.Literal(s_first.isoformat(), datatype=self.t_date),
               self.ox.Literal(e_last.isoformat(), datatype=self.t_date), label)
        self._periods[key] = hit
        return hit

    def obs_node(self, key: str):
        h = self.prefix.copy()
        h.update(key.encode())
        return self.ox.NamedNode(f"{NEVID}obs-{h.hexdigest()[:24]}")

    # -- rows ----------------------------------------------------------------------------------------------
    def _emit(self, out: list, node, measure: tuple, subject: tuple, dest: tuple | None, product: tuple | None,
              period: tuple, value: str, unit: tuple, status: str, extra: list[tuple] = ()) -> None:
        Q, g = self.ox.Quad, self.g
        p = self.p
        where = f" to {dest[1]}" if dest else ""
        what = f", {product[1]}" if product else ""
        out += (
            Q(node, self.type, self.c_obs, g),
            Q(node, self.label, self.ox.Literal(f"{measure[1]} of {subject[1]}{where}{what}, {period[2]}"), g),
            Q(node, self.dataset_p, self.ds, g),
            Q(node, p["measure"], measure[0], g),
            Q(node, p["subject"], subject[0], g),
            Q(node, p["periodStart"], period[0], g),
            Q(node, p["periodEnd"], period[1], g),
            Q(node, p["value"], self.ox.Literal(value, datatype=self.t_decimal), g),
            Q(node, p["unit"], unit[0], g),
            Q(node, p["observationStatus"], self.status[status], g),
            Q(node, self.derived, self.src, g),
        )
        if dest:
            out.append(Q(node, p["destination"], dest[0], g))
        if product:
            out.append(Q(node, p["productScope"], product[0], g))
        for pred, obj in extra:
            out.append(Q(node, pred, obj, g))
        self.report.observations += 1

    def comtrade_row(self, row: list[str], ix: dict[str, int], out: list) -> None:
        def col(name: str) -> str:
            i = ix.get(name)
            return row[i].strip() if i is not None else ""

        flow = col("flowCode").upper()
        measures = FLOWS.get(flow)
        if measures is None:
            raise _BadRow(f"unknown flow code '{col('flowCode')}' in column flowCode; use one of "
                          f"{', '.join(FLOWS)}")
        reporter = self.place_iso3(col("reporterISO"), col("reporterDesc"), "reporter")
        partner = self.place_iso3(col("partnerISO"), col("partnerDesc"), "partner")
        cmd = col("cmdCode")
        if not cmd:
            raise _BadRow("the cmdCode column is empty")
        product = self.product(cmd, col("cmdDesc"))
        period_text = col("period")
        if not period_text:
            year, month = col("refYear"), col("refMonth")
            if not year and col("refPeriodId"):
                year, month = col("refPeriodId")[:4], col("refPeriodId")[4:6]
            if month in ("", "52"):
                period_text = year
            elif month.isdigit():
                period_text = f"{year}{int(month):02d}"
            else:
                raise _BadRow(f"'{month}' in column refMonth is not a month number")
        period = self.period(period_text)
        value = _decimal(col("primaryValue"), "primaryValue")
        key = "|".join((col("reporterISO"), col("partnerISO"), col("partner2ISO"), flow, cmd, col("customsCode"),
                        col("motCode"), period_text))
        extra = [(self.p["tradeFlow"], self.flows[flow[-1]])]
        self._emit(out, self.obs_node(key + "|v"), self.concept(measures[0], "measure"), reporter, partner, product,
                   period, value, self.concept("usd", "unit"), "ObsReported", extra)
        qty_unit = col("qtyUnitAbbr")
        qty = col("qty")
        factor = COUNT_UNITS.get(qty_unit.lower()) if qty_unit else None
        if factor and qty and qty.upper() not in ("NA", "N/A"):
            volume = _decimal(qty, "qty")
            if factor != 1:
                volume = format(Decimal(volume) * factor, "f")
            estimated = col("isQtyEstimated").lower() in ("true", "1", "yes")
            self._emit(out, self.obs_node(key + "|q"), self.concept(measures[1], "measure"), reporter, partner,
                       product, period, volume, self.concept("vehicles", "unit"),
                       "ObsEstimate" if estimated else "ObsReported", extra)

    def plain_row(self, row: list[str], ix: dict[str, int], out: list) -> None:
        def col(name: str) -> str:
            i = ix.get(name)
            return row[i].strip() if i is not None else ""

        for required in ("subject", "measure", "period_start", "value"):
            if not col(required):
                raise _BadRow(f"the {required} column is empty")
        subject = self.place_any(col("subject"), "subject")
        measure = self.concept(col("measure"), "measure")
        dest = self.place_any(col("destination"), "destination") if col("destination") else None
        product = self.product(col("product")) if col("product") else None
        period = self.period(col("period_start"), col("period_end") or None)
        value = _decimal(col("value"), "value")
        unit_text = col("unit") or col("currency")
        if not unit_text:
            raise _BadRow("give a unit (a unit id such as vehicles) or a currency (an ISO 4217 code such as USD)")
        if unit_text not in self.ctx.ids and (unit_text.lower() in self.ctx.ids or unit_text.lower() in UNITS):
            unit_text = unit_text.lower()
        unit = self.concept(unit_text, "unit")
        status, extra = "ObsReported", []
        for qualifier in filter(None, re.split(r"[;,]\s*", col("qualifier").lower())):
            kind, arg = QUALIFIERS.get(qualifier.replace(" ", "-"), (None, None))
            if kind is None:
                raise _BadRow(f"unknown qualifier '{qualifier}'; use one of {', '.join(QUALIFIERS)}")
            if kind == "status":
                status = arg
            elif kind == "bound":
                extra.append((self.p["bound"], self._lit(arg)))
            else:
                extra.append((self.p["approximate"], self.true))
        if col("source"):
            sid = col("source")
            iri = self.ctx.ids.get(sid)
            if iri is None or not self.ctx.is_a(iri, "Source"):
                raise _BadRow(f"unknown source '{sid}': give the id of a record in sources.yaml")
            extra.append((self.derived, self.ox.NamedNode(iri)))
        key = "|".join(col(c) for c in ("subject", "measure", "destination", "product", "period_start",
                                        "period_end", "qualifier", "source"))
        self._emit(out, self.obs_node(key), measure, subject, dest, product, period, value, unit, status, extra)

    # -- what the rows refer to --------------------------------------------------------------------------
    def closing_quads(self) -> list:
        """The table's source record, data set, graph metadata, HS concepts and minted places/concepts."""
        ox, Q, N, g = self.ox, self.ox.Quad, self.ox.NamedNode, self.g
        L = ox.Literal
        default = ox.DefaultGraph()
        out: list = []
        # HS concepts (with their parents up the tree) in the nevid:hs scheme
        scheme = N(NEVID + "hs")
        codes = set(self.used_products)
        for code in list(codes):
            while len(code) > 4 and code != "TOTAL":
                code = code[:-4] if len(code) == 10 else code[:-2]
                if len(code) in (4, 6):
                    codes.add(code)
        if codes:
            out += [Q(scheme, self.type, N(SKOS + "ConceptScheme"), g),
                    Q(scheme, self.label, L("Harmonized System product codes (HS)"), g),
                    Q(scheme, self.derived, self.src, g)]
        for code in sorted(codes):
            node = N(self._product_iri(code))
            if code not in self.ctx.notations:  # curated codes are described by the records already
                label = HS_CODES.get(code, (None,))[0] or self.product_labels.get(code) or f"HS {code}"
                out += [Q(node, self.type, N(SKOS + "Concept"), g), Q(node, self.type, N(NEV + "ProductScope"), g),
                        Q(node, self.label, L(label), g), Q(node, N(SKOS + "notation"), L(code), g),
                        Q(node, N(SKOS + "inScheme"), scheme, g), Q(node, self.derived, self.src, g)]
                if code in HS_CODES:
                    out.append(Q(node, N(SKOS + "definition"), L(HS_CODES[code][1]), g))
                if code != "TOTAL" and len(code) > 4:
                    parent = code[:-4] if len(code) == 10 else code[:-2]
                    out.append(Q(node, N(SKOS + "broader"), N(self._product_iri(parent)), g))
            # the mapping to curated product scopes, used by the headline check
            for scope in HS_SCOPES.get(code, ()):
                iri = self.ctx.ids.get(scope)
                if iri and self.ctx.is_a(iri, "ProductScope"):
                    out.append(Q(node, N(SKOS + "broadMatch"), N(iri), g))
        for iri, (cls, label, iso2) in sorted(self.minted_places.items()):
            node = N(iri)
            out += [Q(node, self.type, N(NEV + "Place"), g), Q(node, self.type, N(NEV + cls), g),
                    Q(node, self.label, L(label), g), Q(node, self.derived, self.src, g)]
            if iso2:
                out.append(Q(node, self.p["isoCode"], L(iso2), g))
        for iri, (cls, label, definition, symbol) in sorted(self.minted_concepts.items()):
            node = N(iri)
            out += [Q(node, self.type, N(SKOS + "Concept"), g), Q(node, self.type, N(NEV + cls), g),
                    Q(node, self.label, L(label), g), Q(node, self.derived, self.src, g)]
            if definition:
                out.append(Q(node, N(SKOS + "definition"), L(definition), g))
            if symbol:
                out.append(Q(node, N(NEV + "unitSymbol"), L(symbol), g))
        # the data set, the source record and the graph's metadata (default graph, as for other sources)
        out += [Q(self.ds, self.type, N(QB + "DataSet"), default),
                Q(self.ds, self.label, L(f"statistics in {self.path.name}"), default),
                Q(self.ds, self.derived, self.src, default)]
        out += self._source_quads(default)
        return out

    def _source_quads(self, default) -> list:
        Q, N, L = self.ox.Quad, self.ox.NamedNode, self.ox.Literal
        meta = _sidecar(self.path, self.slug)
        src = self.src
        if meta:
            title, issued, publisher_id = meta["title"], str(meta["issued"]), meta["publisher"]
            pub_label = publisher_id
        else:
            title = self.path.name
            issued = date.fromtimestamp(self.path.stat().st_mtime).isoformat()
            publisher_id, pub_label = "unknown-publisher", "unknown publisher (local file)"
            print(f"warning: {self.path}: no {self.path.name}.source.yaml beside it; citing it by file name and "
                  "date, publisher unknown", file=sys.stderr)
        publisher = self.ctx.ids.get(publisher_id) or NEVID + publisher_id
        parts = issued.split("-")
        # one datatype for dcterms:issued (xsd:date, a partial date's first day), the stated precision beside it
        unit = {1: "unitYear", 2: "unitMonth", 3: "unitDay"}[len(parts)]
        issued = "-".join(parts + ["01"] * (3 - len(parts)))
        dtype = "date"
        out = [Q(src, self.type, N(NEV + "Source"), default), Q(src, self.type, N(PROV + "Entity"), default),
               Q(src, self.type, N(SCHEMA + "Dataset"), default),
               Q(src, N(DCTERMS + "title"), L(title), default), Q(src, self.label, L(title), default),
               Q(src, N(DCTERMS + "issued"), L(issued, datatype=N(XSD + dtype)), default),
               Q(src, N(NEV + "issuedPrecision"), N("http://www.w3.org/2006/time#" + unit), default),
               Q(src, N(DCTERMS + "publisher"), N(publisher), default),
               Q(src, N(SCHEMA + "url"), L(self.path.resolve().as_uri(), datatype=N(XSD + "anyURI")), default)]
        if publisher_id not in self.ctx.ids:
            out += [Q(N(publisher), self.type, N(NEV + "Organization"), default),
                    Q(N(publisher), self.label, L(pub_label), default)]
        if meta and meta.get("url"):
            out.append(Q(src, N(DCTERMS + "references"), L(meta["url"]), default))
        g = self.g
        out += [Q(g, self.type, N(PROV + "Entity"), default), Q(g, self.type, N(NEV + "SourceGraph"), default),
                Q(g, self.derived, src, default), Q(g, self.label, L(f"what {self.path.name} states"), default)]
        return out


def to_rdflib(quads: Iterable) -> list[tuple]:
    """pyoxigraph quads → rdflib quads (the default graph as rdflib's ``DATASET_DEFAULT_GRAPH_ID``; a
    ``xsd:string`` literal as a simple literal, as the curated loader writes it)."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    nodes: dict[str, URIRef] = {}

    def term(t):
        if isinstance(t, ox.NamedNode):
            node = nodes.get(t.value)
            if node is None:
                node = nodes[t.value] = URIRef(t.value)
            return node
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            dt = t.datatype.value
            return Literal(t.value) if dt == XSD + "string" else Literal(t.value, datatype=URIRef(dt))
        if isinstance(t, ox.DefaultGraph):
            return DATASET_DEFAULT_GRAPH_ID
        raise TypeError(f"unexpected term {t!r}")

    return [(term(q.subject), term(q.predicate), term(q.object), term(q.graph_name)) for q in quads]


def _sidecar(path: Path, slug: str) -> dict | None:
    side = path.with_name(path.name + ".source.yaml")
    if not side.exists():
        return None
    import yaml

    from nevkg.loaders.records import Source

    try:
        raw = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
        return Source.model_validate({"id": slug, **raw}).model_dump()
    except Exception as exc:  # yaml and pydantic errors, reported with the sidecar's name
        raise LoaderError(f"{side}: not a valid source record ({exc}); see the fields of sources.yaml") from exc


def _decimal(text: str, column: str) -> str:
    """The ``xsd:decimal`` lexical form of a cell, or :class:`_BadRow`."""
    if _DECIMAL.match(text):
        return text
    if not text:
        raise _BadRow(f"the {column} column is empty")
    try:
        value = Decimal(text.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text) else text)
    except InvalidOperation:
        raise _BadRow(f"'{text}' in column {column} is not a number") from None
    if not value.is_finite():
        raise _BadRow(f"'{text}' in column {column} is not a finite number")
    return format(value, "f")


def _parse_period(text: str) -> tuple[date, date, str]:
    """``2024``, ``202401``, ``2024-01``, ``2024-01-15`` → (first day, last day, label)."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?", t)
    if not m:
        raise _BadRow(f"'{text}' is not a period: write YYYY, YYYYMM, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d, d.isoformat()
        if m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            return first, date(year, month, calendar.monthrange(year, month)[1]), f"{year:04d}-{month:02d}"
        return date(year, 1, 1), date(year, 12, 31), f"{year:04d}"
    except ValueError:
        raise _BadRow(f"'{text}' is not a period: no such month or day") from None
