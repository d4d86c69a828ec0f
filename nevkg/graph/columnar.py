"""The columnar copy of a build: every observation as a row of a Parquet file that DuckDB reads in milliseconds.

A triple store answers an aggregate over millions of observations by joining millions of triples; a column
store reads four columns. So the build also writes, into the new store folder and before it is swapped in
(a failed build leaves the old copy with the old store):

``columnar/observations-v2.parquet``
    One row per observation (curated ones and every statistics table): ``oid`` (a 128-bit hash of the
    observation IRI, so that DISTINCT over cells compares numbers, not strings), ``obs``, ``dataset``, ``subject``,
    ``measure``, ``destination``, ``product`` (the product-scope IRI), ``period_start`` and ``period_end``
    (``DATE``; NULL when the period is not an ``xsd:date``, as a SPARQL date comparison would skip it),
    ``value`` (``DECIMAL(38, 12)``), ``unit``, ``status``, ``label`` and ``sources`` (the
    ``prov:wasDerivedFrom`` IRIs, a list). Identical rows (a table row repeated) are kept once, as the
    triple store keeps one copy of the same triples. Rows are sorted by ``subject, product, measure,
    period_start`` in row groups of :data:`ROW_GROUP` rows, so that a query for one reporter and product reads
    only the groups whose min/max statistics can hold it.
``columnar/terms.parquet``
    ``(s, p, o)`` rows of what the observations refer to: ``rdfs:label``, ``skos:altLabel``, ``skos:notation``,
    ``skos:broadMatch``, ``rdf:type`` and ``prov:wasDerivedFrom`` of every IRI that is not an observation
    and not an ontology term.
``columnar/names.json``
    The rows of the name index (:mod:`nevkg.queries.resolve`): ``[iri, name, label, type, key, local key]``
    for every labelled thing that is not a statistics-table observation, so resolving "China" reads a small
    file instead of scanning every observation's label (and normalizes only "China"); the ontology's class
    tree (``below``: class → its subclasses); and the number of observation rows (``observations``), by which
    a trade query picks its engine (:mod:`nevkg.queries.trade_sparql`).

The observations of statistics tables reach the copy through :meth:`ColumnarWriter.add_observation`, called by
the statistics loader for each observation it emits (the loader streams; so does this writer, through a
temporary CSV file that DuckDB turns into Parquet at the end). Everything else comes from the in-memory part
of the build (:meth:`ColumnarWriter.add_quads`) and the quads closing each table.

Only the embedded oxigraph store has the copy; the memory store and external SPARQL stores answer every query
with SPARQL (:func:`open_columnar` returns ``None`` for them, and for stores built before the copy existed).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from nevkg.graph.namekey import local_key, normalize

__all__ = ["COLUMNAR", "ColumnarWriter", "Columnar", "open_columnar", "read_names"]

COLUMNAR = "columnar"
#: the observations' file carries the layout's version: a copy in an older layout (no ``oid``, another sort order)
#: is not opened, so its store answers with SPARQL until it is rebuilt
_OBS = "observations-v2.parquet"
_TERMS, _NAMES, _TMP = "terms.parquet", "names.json", "observations.csv.tmp"

_NEV = "https://w3id.org/nevkg/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_QB_DATASET = "http://purl.org/linked-data/cube#dataSet"
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_ONTOLOGY_GRAPH = "https://w3id.org/nevkg/graph/ontology"
_OBSERVATION = _NEV + "Observation"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
#: predicates of non-observations kept in terms.parquet
TERM_PREDICATES = frozenset({_LABEL, _ALT, _SKOS + "notation", _SKOS + "broadMatch", _RDF_TYPE, _PROV_DERIVED})
#: observation property → column
_COLUMNS = {_QB_DATASET: "dataset", _NEV + "subject": "subject", _NEV + "measure": "measure",
            _NEV + "destination": "destination", _NEV + "productScope": "product", _NEV + "periodStart": "period_start",
            _NEV + "periodEnd": "period_end", _NEV + "value": "value", _NEV + "unit": "unit",
            _NEV + "observationStatus": "status", _LABEL: "label"}
FIELDS = ["obs", "dataset", "subject", "measure", "destination", "product", "period_start", "period_end", "value",
          "unit", "status", "label", "sources"]
_SQL_TYPES = {"period_start": "DATE", "period_end": "DATE", "value": "DECIMAL(38, 12)"}
#: rows per Parquet row group of the observations file (measured at 1e7 triples: 16,384 lets a one-reporter,
#: one-product query read 2 of 44 groups; DuckDB's default, 122,880, made it read all 6)
ROW_GROUP = 16384


def _connect():
    """An in-memory DuckDB connection that never draws its progress bar (stdout carries results only)."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    return con


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class ColumnarWriter:
    """Collects observations and the terms they use while a build runs; :meth:`close` writes the files.

    Parameters
    ----------
    folder : Path
        ``<new store folder>/columnar``; created.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> w = ColumnarWriter(pathlib.Path(tempfile.mkdtemp()) / "columnar")
    >>> w.add_observation("https://w3id.org/nevkg/id/obs-1", None, "https://w3id.org/nevkg/id/china",
    ...                   "https://w3id.org/nevkg/id/export-value", None, None, "2024-01-01", "2024-01-31",
    ...                   "1000", "https://w3id.org/nevkg/id/usd", None, "x", ("https://w3id.org/nevkg/source/a",))
    >>> w.close()
    1
    >>> con = open_columnar(w.folder.parent)
    >>> con.sql("SELECT value FROM obs").fetchone()[0]
    Decimal('1000.000000000000')
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._fh = (self.folder / _TMP).open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._fh)
        self.rows = 0
        self.terms: set[tuple[str, str, str]] = set()
        self._ontology: set[str] = set()  # subjects of the ontology graph: never named things
        self._parents: dict[str, set[str]] = {}  # nev: class → its direct nev: superclasses

    # -- input ---------------------------------------------------------------------------------------------
    def add_observation(self, obs: str, dataset: str | None, subject: str, measure: str, destination: str | None,
                        product: str | None, start: str | None, end: str | None, value: str, unit: str,
                        status: str | None, label: str | None, sources: Iterable[str]) -> None:
        """One observation (IRIs as strings; dates as ``YYYY-MM-DD`` or None; the value's decimal lexical form)."""
        self._csv.writerow((obs, dataset, subject, measure, destination, product, start, end, value, unit, status,
                            label, " ".join(sources)))
        self.rows += 1

    def add_terms(self, triples: Iterable[tuple[str, str, str, str | None]]) -> None:
        """``(s, p, o, graph)`` string tuples of non-observation nodes (the quads closing a table, say)."""
        for s, p, o, g in triples:
            if g == _ONTOLOGY_GRAPH or p not in TERM_PREDICATES:
                continue
            self.terms.add((s, p, o))

    def add_quads(self, quads: Iterable[tuple]) -> None:
        """The in-memory part of the build (rdflib quads): its observations become rows, the rest terms."""
        from rdflib import Literal, URIRef

        props: dict[str, dict[str, set]] = {}
        ontology: set[str] = set()
        plain: list[tuple[str, str, str, str | None]] = []
        for s, p, o, g in quads:
            if not isinstance(s, URIRef):
                continue
            graph = str(g) if g is not None else None
            if graph == _ONTOLOGY_GRAPH:
                ontology.add(str(s))
                if str(p) == _SUBCLASS and str(s).startswith(_NEV) and str(o).startswith(_NEV):
                    self._parents.setdefault(str(s)[len(_NEV):], set()).add(str(o)[len(_NEV):])
                continue
            props.setdefault(str(s), {}).setdefault(str(p), set()).add(o)
            plain.append((str(s), str(p), str(o), graph))
        observations = {s for s, d in props.items() if URIRef(_OBSERVATION) in d.get(_RDF_TYPE, ())}
        self._ontology |= ontology
        self.add_terms(t for t in plain if t[0] not in ontology)
        for s in sorted(observations):
            d = props[s]

            def one(p: str, d=d):
                values = sorted(d.get(p, ()), key=str)
                return values[0] if values else None

            def date(p: str) -> str | None:
                v = one(p)
                return str(v) if isinstance(v, Literal) and v.datatype is not None and str(v.datatype) == _XSD_DATE \
                    else None

            value = one(_NEV + "value")
            if value is None or one(_NEV + "subject") is None or one(_NEV + "measure") is None:
                continue
            get = {c: None if one(p) is None else str(one(p)) for p, c in _COLUMNS.items()}
            self.add_observation(s, get["dataset"], get["subject"], get["measure"], get["destination"], get["product"],
                                 date(_NEV + "periodStart"), date(_NEV + "periodEnd"), get["value"], get["unit"],
                                 get["status"], get["label"], sorted(str(x) for x in d.get(_PROV_DERIVED, ())))

    # -- output --------------------------------------------------------------------------------------------
    def name_rows(self) -> list[list]:
        """``[iri, name, label, type]`` rows as the name index's query gives them, from the collected terms, each
        with the name's matching key and the key of the IRI's local name (:mod:`nevkg.graph.namekey`), so that
        resolving a name normalizes only that name."""
        labels: dict[str, list[str]] = {}
        names: dict[str, list[str]] = {}
        types: dict[str, list[str]] = {}
        for s, p, o in sorted(self.terms):
            if p == _LABEL:
                labels.setdefault(s, []).append(o)
                names.setdefault(s, []).append(o)
            elif p == _ALT:
                names.setdefault(s, []).append(o)
            elif p == _RDF_TYPE and o.startswith(_NEV):
                types.setdefault(s, []).append(o)
        rows = []
        for s, ls in labels.items():
            if s in self._ontology:
                continue
            local = local_key(s)
            for name in names[s]:
                key = normalize(name)
                for t in types.get(s) or [None]:
                    rows.append([s, name, ls[0], t, key, local])
        return rows

    def classes_below(self) -> dict[str, list[str]]:
        """nev: class → itself and every nev: class below it (``rdfs:subClassOf``, transitively), by local name."""
        below: dict[str, set[str]] = {}
        for cls in self._parents:
            seen, todo = set(), [cls]
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo += self._parents.get(c, ())
            for sup in seen:
                below.setdefault(sup, {sup}).add(cls)
        return {k: sorted(v) for k, v in sorted(below.items())}

    def close(self) -> int:
        """Write the Parquet files and the name rows; return the number of observation rows."""

        self._fh.close()
        tmp = self.folder / _TMP
        columns = "{" + ", ".join(f"'{f}': '{_SQL_TYPES.get(f, 'VARCHAR')}'" for f in FIELDS) + "}"
        con = _connect()
        try:
            select = ", ".join(f for f in FIELDS if f != "sources")
            # sorted by what the trade queries filter on, in small row groups: a query for one reporter and
            # product reads the one or two groups whose min/max (Parquet's zone maps) can hold it. oid: a 128-bit
            # hash of the IRI (a collision among even 1e9 IRIs has a chance below 1e-20); numbering the IRIs with
            # dense_rank() instead cost a second sort: at 1e7 triples 4.7 s and 1.5 GiB against 1.6 s and 1.0 GiB
            con.execute(f"""COPY (SELECT md5_number(obs) AS oid, * FROM (
                                    SELECT DISTINCT {select},
                                           list_sort(string_split(NULLIF(sources, ''), ' ')) AS sources
                                    FROM read_csv({_sql_path(tmp)}, header = false, columns = {columns}, quote = '"',
                                                  escape = '"', nullstr = '', auto_detect = false))
                                  ORDER BY subject, product, measure, period_start, obs)
                            TO {_sql_path(self.folder / _OBS)} (FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP})""")
            con.execute("CREATE TABLE terms (s VARCHAR, p VARCHAR, o VARCHAR)")
            if self.terms:
                # one statement of three lists: executemany binds row by row, about 40x slower here
                con.execute("INSERT INTO terms SELECT UNNEST(?), UNNEST(?), UNNEST(?)",
                            [list(column) for column in zip(*self.terms, strict=True)])
            con.execute(f"COPY (SELECT * FROM terms ORDER BY p, s, o) TO {_sql_path(self.folder / _TERMS)} "
                        "(FORMAT parquet)")
            rows = con.execute(f"SELECT COUNT(*) FROM read_parquet({_sql_path(self.folder / _OBS)})").fetchone()[0]
        finally:
            con.close()
        tmp.unlink()
        names = {"rows": self.name_rows(), "below": self.classes_below(), "observations": rows}
        (self.folder / _NAMES).write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        return rows

    def abort(self) -> None:
        """Stop writing (the store folder, this folder with it, is about to be deleted)."""
        if not self._fh.closed:
            self._fh.close()


class Columnar:
    """A DuckDB connection over a store's columnar copy: views ``obs`` and ``terms``.

    Attributes
    ----------
    con : duckdb.DuckDBPyConnection
    folder : Path
    """

    def __init__(self, folder: Path) -> None:

        self.folder = folder
        self.con = _connect()
        self.con.execute(f"CREATE VIEW obs AS SELECT * FROM read_parquet({_sql_path(folder / _OBS)})")
        self.con.execute(f"CREATE VIEW terms AS SELECT * FROM read_parquet({_sql_path(folder / _TERMS)})")

    def sql(self, query: str, params: list | dict | None = None):
        """Run SQL with parameters bound (never pasted into the text)."""
        return self.con.execute(query, params if params is not None else [])

    def close(self) -> None:
        self.con.close()


def open_columnar(store_dir: Path | None) -> Columnar | None:
    """The columnar copy of the store folder ``store_dir``, or ``None`` when it has none."""
    if store_dir is None or not (Path(store_dir) / COLUMNAR / _OBS).is_file():
        return None
    return Columnar(Path(store_dir) / COLUMNAR)


def read_names(store_dir: Path | None, what: str | None = "rows"):
    """What the build stored for name resolution, or ``None``: ``rows`` (the name index's rows, see the module
    docstring), ``below`` (nev: class → the classes below it, by local name), ``observations`` (how many rows
    the observations file has), or with ``what=None`` all three in a dictionary (one read)."""
    if store_dir is None:
        return None
    path = Path(store_dir) / COLUMNAR / _NAMES
    if not path.is_file() or not (Path(store_dir) / COLUMNAR / _OBS).is_file():
        return None
    names = json.loads(path.read_text(encoding="utf-8"))
    return names if what is None else names.get(what)
