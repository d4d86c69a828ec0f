"""``build``: load every source, validate, and swap the new graph in atomically."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sys
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg import __version__
from nevkg.errors import LoaderError, NevkgError, StoreError, ValidationError
from nevkg.graph.knowledge_graph import UNION_GRAPH, KnowledgeGraph, iter_chunks, new_dataset
from nevkg.graph.lock import build_lock
from nevkg.graph.store import (
    MANIFEST,
    StoreSpec,
    current_store_dir,
    default_home,
    parse_store_spec,
    read_manifest,
    swap_in,
)
from nevkg.graph.validate import REPORT_LIMIT, ValidationReport, capped, ontology_graph, validate_graph
from nevkg.loaders.base import LoadResult
from nevkg.loaders.curated import DEFAULT_DATA_DIR
from nevkg.loaders.registry import get_loader, is_streaming, loader_name_for
from nevkg.ontology.classes import with_superclass_types
from nevkg.ontology.namespaces import GRAPH, NEVID, PREFIXES, PROV, RDF, RDFS, XSD
from nevkg.progress import progress

__all__ = ["ONTOLOGY_GRAPH", "build", "load_sources", "data_paths", "user_data_dir", "fingerprint", "BuildInfo",
           "is_current", "split_inputs"]


@dataclass
class BuildInfo:
    """What the last build did (kept on the returned graph as ``kg.build_info``)."""

    quads: int
    graphs: int
    seconds: float
    reused: bool
    report: ValidationReport | None
    #: one :meth:`~nevkg.loaders.statistics.TableReport.as_dict` per statistics table streamed in
    tables: list[dict] = field(default_factory=list)
    #: bad table rows skipped (with ``skip_bad_rows=True``)
    skipped_rows: int = 0


def user_data_dir() -> Path:
    """The user's own records folder, ``$NEVKG_HOME/data`` (or ``./.nevkg/data``): where ``nevkg accept`` merges
    reviewed records, and what every build loads after the shipped ones.

    >>> import os
    >>> os.environ["NEVKG_HOME"] = "/tmp/kg"
    >>> user_data_dir()
    PosixPath('/tmp/kg/data')
    """
    return default_home() / "data"


def data_paths(data: list[str | Path] | None = None, *, shipped: bool = True) -> list[Path]:
    """The shipped records and the user data folder (unless ``shipped`` is false), then the given folders and files.

    The user data folder (:func:`user_data_dir`) is read when it exists and is not given again in ``data``;
    its records extend the shipped ones (they may refer to them), so it goes with them.
    """
    paths = [DEFAULT_DATA_DIR] if shipped else []
    given = [Path(p) for p in data or []]
    user = user_data_dir()
    if shipped and user.is_dir() and not any(p.resolve() == user.resolve() for p in given):
        paths.append(user)
    paths += given
    if not paths:
        raise StoreError("nothing to build: give --data PATH or keep the shipped records")
    return paths


def fingerprint(paths: list[Path]) -> str:
    """A hash of everything a build reads: the records, RDF files, ontology, shapes and nevkg's version."""
    h = hashlib.sha256(__version__.encode())
    ontology = Path(__file__).resolve().parent.parent / "ontology"
    files: list[Path] = sorted(ontology.glob("*.ttl"))
    for p in paths:
        files += sorted(p.rglob("*")) if p.is_dir() else [p]
    for f in files:
        if f.is_file():
            h.update(str(f.name).encode())
            with f.open("rb") as fh:  # in pieces: statistics tables may be gigabytes
                while piece := fh.read(1 << 20):
                    h.update(piece)
    return h.hexdigest()


def split_inputs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """``(in_memory, streamed)``: curated folders and RDF files, and the statistics tables streamed into the store.

    >>> split_inputs([Path("nevkg/data"), Path("comtrade.csv"), Path("extra.ttl")])
    ([PosixPath('nevkg/data'), PosixPath('extra.ttl')], [PosixPath('comtrade.csv')])
    """
    streamed = [p for p in paths if is_streaming(p)]
    return [p for p in paths if p not in streamed], streamed


def load_sources(paths: list[Path]) -> LoadResult:
    """Load folders of curated records (together, so they may refer to each other) and RDF files."""
    result = LoadResult()
    curated = [p for p in paths if loader_name_for(p) == "curated"]
    if curated:
        with _named(curated):
            result.extend(get_loader("curated").load(curated))
    for path in progress([p for p in paths if p not in curated], "loading RDF files"):
        with _named([path]):
            result.extend(get_loader(loader_name_for(path)).load([path]))
    return result


class _named:
    """Turn an unexpected failure while loading into a :class:`LoaderError` naming the input (no traceback).

    The loaders report what they know (file, line, record); this is the net below them for what they do not
    foresee: an OS error, a value Python cannot represent, input nested past the interpreter's limits, a
    damaged or truncated gzip stream.
    """

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or isinstance(exc, NevkgError) or not isinstance(
                exc, (OSError, ValueError, UnicodeError, RecursionError, MemoryError, OverflowError, EOFError,
                      zlib.error)):
            return False
        names = ", ".join(str(p) for p in self.paths)
        raise LoaderError(f"{names}: cannot load ({type(exc).__name__}: {exc}); nothing was swapped in") from exc


#: the named graph that holds the ontology, so queries can follow rdfs:subClassOf and read term labels
ONTOLOGY_GRAPH = GRAPH["ontology"]


def _add_ontology(result: LoadResult) -> None:
    """Put the OWL ontology into its own named graph of the store."""
    result.quads += [(s, p, o, ONTOLOGY_GRAPH) for s, p, o in with_superclass_types(list(ontology_graph()))]


def _add_activity(result: LoadResult, started: datetime, extra_graphs: list | None = None) -> None:
    """Record this build as a prov:Activity that generated every source graph (tables' graphs included)."""
    run = NEVID[f"build-{started.strftime('%Y%m%dT%H%M%S%fZ')}"]
    default = DATASET_DEFAULT_GRAPH_ID
    graphs = {q[3] for q in result.quads if q[3] not in (default, ONTOLOGY_GRAPH)} | set(extra_graphs or [])
    result.quads += [
        (run, RDF.type, PROV.Activity, default),
        (run, RDFS.label, Literal(f"nevkg {__version__} build"), default),
        (run, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime), default),
        (run, PROV.wasAssociatedWith, NEVID["nevkg-project"], default),
    ]
    result.quads += [(g, PROV.wasGeneratedBy, run, default) for g in sorted(graphs)]


def _to_ox(term):
    import pyoxigraph as ox
    from rdflib import BNode, URIRef

    if term == DATASET_DEFAULT_GRAPH_ID or term is None:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _write_oxigraph(home: Path, result: LoadResult, manifest: dict, tables=None) -> Path:
    """Write a complete new store folder beside the current one and return it (not yet swapped in).

    ``tables`` is ``(loader, paths)``: statistics tables streamed in after the in-memory quads, chunk by
    chunk. Any failure (a bad row, a full disk) deletes the new folder; the current store is untouched.
    """
    import pyoxigraph as ox

    home.mkdir(parents=True, exist_ok=True)
    new_dir = home / f"store-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    store = ox.Store(str(new_dir))
    from nevkg.graph.columnar import COLUMNAR, ColumnarWriter

    columnar = ColumnarWriter(new_dir / COLUMNAR)  # the observations as Parquet, for the trade queries
    try:
        columnar.add_quads(result.quads)
        memo: dict = {}  # each distinct term converted once (terms repeat: predicates, classes, graphs, sources)

        def term(t):
            if (c := memo.get(t)) is None:
                c = memo[t] = _to_ox(t)
            return c

        quads = (ox.Quad(term(s), term(p), term(o), term(g)) for s, p, o, g in result.quads)
        union = ox.NamedNode(str(UNION_GRAPH))  # each distinct triple once: the default graph of queries
        distinct = (ox.Quad(term(s), term(p), term(o), union) for s, p, o in dict.fromkeys(
            (s, p, o) for s, p, o, _ in result.quads))
        for chunk in progress(list(iter_chunks(chain(quads, distinct), 50_000)), "writing store"):
            store.bulk_extend(chunk)
        manifest["union_graph"] = str(UNION_GRAPH)
        if tables is not None:
            loader, paths = tables
            loader.sink = columnar
            for path in paths:
                last: list = []
                chunks = loader.stream(path)
                while True:
                    with _named([path]):  # a reading error names the table; a writing one is the store's
                        chunk = next(chunks, None)
                    if chunk is None:
                        break
                    store.bulk_extend(chunk)
                    last = chunk
                # the table's data set and source records (default graph) come in its last chunk: they join the
                # union graph; the rows stay in the table's own graph, which queries read beside the union
                store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object, union) for q in last
                                   if isinstance(q.graph_name, ox.DefaultGraph)])
            _record_tables(manifest, loader.reports)
        manifest["columnar_rows"] = columnar.close()
        store.flush()
        del store  # releases the folder's lock
        (new_dir / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    except BaseException as exc:
        columnar.abort()
        store = None  # noqa: F841 - releases the folder's lock before the folder is removed
        shutil.rmtree(new_dir, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _write_error(home, exc) from exc
        raise
    return new_dir


class _Written:
    """The quads just written to a store without tables, as :func:`~nevkg.graph.entity_store.save_entity_graph`
    reads them back from it: each quad once, literals in rdflib's plain form."""

    def __init__(self, quads: list, manifest: dict) -> None:
        self.manifest = manifest
        self._quads = quads

    def quads(self, pattern: tuple = (None, None, None, None)):
        from nevkg.graph.knowledge_graph import plain

        if pattern != (None, None, None, None):
            raise NotImplementedError("all quads only")
        return iter(dict.fromkeys((s, p, plain(o), g) for s, p, o, g in self._quads))


def _write_error(home: Path, exc: OSError) -> StoreError:
    """A clear error for a failed store write (a full disk above all); the previous graph is untouched."""
    text = str(exc)
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left" in text or "quota" in text.lower()
    why = "the disk is full" if full else f"writing failed ({text})"
    return StoreError(f"{home}: cannot write the new store: {why}; the previous graph is unchanged. "
                      + ("Free some space (or point NEVKG_HOME elsewhere) and build again" if full else
                         "Check the folder's permissions and space, then build again"))


def _record_tables(manifest: dict, reports: list) -> None:
    """Add the tables' counts to the manifest: quads streamed, rows skipped, the first bad rows."""
    manifest["tables"] = [r.as_dict() for r in reports]
    manifest["quads"] += sum(r.quads for r in reports)
    manifest["skipped_rows"] = sum(r.skipped for r in reports)


def _table_loader(result: LoadResult, skip_bad_rows: bool):
    from nevkg.loaders.statistics import StatisticsLoader, TableContext

    return StatisticsLoader(TableContext.from_quads(result.quads), skip_bad_rows=skip_bad_rows)


def is_current(spec: str | StoreSpec | None = None, data: list[str | Path] | None = None, *,
               shipped: bool = True) -> bool:
    """Whether the oxigraph store already holds a build of exactly these inputs."""
    spec = spec if isinstance(spec, StoreSpec) else parse_store_spec(spec)
    if spec.kind != "oxigraph":
        return False
    store_dir = current_store_dir(spec.path)
    if store_dir is None:
        return False
    try:
        return read_manifest(store_dir).get("fingerprint") == fingerprint(data_paths(data, shipped=shipped))
    except StoreError:
        return False


def build(spec: str | StoreSpec | None = None, data: list[str | Path] | None = None, *, shipped: bool = True,
          strict: bool = True, skip_bad_rows: bool = False, wait: bool = False) -> KnowledgeGraph:
    """Load every source, validate the result, and make it the store's graph.

    Parameters
    ----------
    spec : str or StoreSpec, optional
        Store spec (default: the embedded oxigraph store in ``$NEVKG_HOME`` or ``./.nevkg``).
    data : list of path, optional
        Extra folders of curated records, RDF files and statistics tables (``*.csv``), loaded after the
        shipped records.
    shipped : bool
        Load the records shipped with nevkg (``nevkg/data``).
    strict : bool
        Refuse to swap in a graph that violates the shapes (the default).
    skip_bad_rows : bool
        Skip bad rows of statistics tables, count them and go on (default: the first bad row stops the
        build and nothing is swapped in).
    wait : bool
        Oxigraph store: when another build of the same store is running, wait for it (saying so on stderr)
        instead of failing at once with :class:`~nevkg.errors.BuildLockedError`.

    Notes
    -----
    Curated records and RDF files are loaded in memory and validated with SHACL. Statistics tables are
    then streamed straight into the new store (oxigraph) without SHACL: pyshacl needs the whole graph in
    rdflib's memory, which millions of observations would not fit in time or memory; the statistics loader
    checks every row against what the observation shape requires instead. On an oxigraph store SHACL's report
    is cached in ``<store>/cache``, keyed by exactly what it validated (:mod:`nevkg.graph.shacl_cache`): a build of
    unchanged records does not run pyshacl; a cached failing report fails the build too. The memory store converts the
    tables to rdflib terms (fine for small tables); the sparql store uploads them with the rest.

    One build at a time per oxigraph store: the build holds :func:`nevkg.graph.lock.build_lock` on its
    home folder from start to swap, so no build ever deletes a folder another build is writing.

    Returns
    -------
    KnowledgeGraph
        The new graph, opened; ``kg.build_info`` says what was done.

    Raises
    ------
    LoaderError
        A record or file is bad (every problem is listed), or a table row is (with its line); nothing is
        written or swapped in.
    ValidationError
        The graph violates the shapes; nothing is swapped in.
    BuildLockedError
        Another build of the same oxigraph store is running (its pid and start time are named).
    StoreError
        The new store could not be written (a full disk); the previous graph is unchanged.

    Examples
    --------
    >>> kg = build("memory")
    >>> kg.build_info.report.conforms
    True
    """
    spec = spec if isinstance(spec, StoreSpec) else parse_store_spec(spec)
    if spec.kind != "oxigraph":
        return _build(spec, data, shipped=shipped, strict=strict, skip_bad_rows=skip_bad_rows)
    with build_lock(spec.path, wait=wait):
        return _build(spec, data, shipped=shipped, strict=strict, skip_bad_rows=skip_bad_rows)


def _validate(spec: StoreSpec, result: LoadResult) -> ValidationReport:
    """SHACL over the curated part, or its report cached in ``<store>/cache`` when that content was validated before
    (oxigraph stores; see :mod:`nevkg.graph.shacl_cache`)."""
    from nevkg.graph.shacl_cache import cached_report, content_key

    def fresh() -> ValidationReport:  # the union of the named graphs: each distinct triple once
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        graph += dict.fromkeys((s, p, o) for s, p, o, _ in result.quads)
        return validate_graph(graph, result.origins, inplace=True)  # the graph is this check's own

    folder = spec.path / "cache" if spec.kind == "oxigraph" else None
    if folder is None:
        return fresh()
    return cached_report(content_key(((s, p, o) for s, p, o, _ in result.quads), result.origins), folder, fresh)[0]


def _build(spec: StoreSpec, data: list[str | Path] | None, *, shipped: bool, strict: bool,
           skip_bad_rows: bool) -> KnowledgeGraph:
    started_clock = time.monotonic()
    paths = data_paths(data, shipped=shipped)
    in_memory, tables = split_inputs(paths)
    started = datetime.now(UTC)
    result = load_sources(in_memory)
    _add_ontology(result)
    from nevkg.loaders.statistics import table_graph

    report = _validate(spec, result)  # before the build's own prov:Activity, which no shape reads
    _add_activity(result, started, [URIRef(table_graph(t)) for t in tables])
    if strict and not report.conforms:
        raise ValidationError("the graph violates the shapes; nothing was swapped in", report.text())
    for line in capped([f"warning: {c}" for c in report.conflicts], REPORT_LIMIT, "conflict(s)"):
        print(line, file=sys.stderr)

    manifest = {
        "nevkg": __version__, "built": started.isoformat(), "fingerprint": fingerprint(paths),
        "inputs": [str(p) for p in paths], "quads": len(result.quads),
        "graphs": len({q[3] for q in result.quads} | {URIRef(table_graph(t)) for t in tables}) - 1,
        "origins": result.origins, "table_graphs": [table_graph(t) for t in tables],
    }
    loader = _table_loader(result, skip_bad_rows) if tables else None
    if spec.kind == "memory":
        memory = new_dataset()
        memory.addN((s, p, o, memory.graph(g) if g != DATASET_DEFAULT_GRAPH_ID else memory.default_graph)
                    for s, p, o, g in result.quads)
        if loader is not None:  # rdflib terms: fine for the small tables the memory store is meant for
            with _named(tables):
                streamed = loader.load(tables).quads
            _record_tables(manifest, loader.reports)
            memory.addN((s, p, o, memory.graph(g) if g != DATASET_DEFAULT_GRAPH_ID else memory.default_graph)
                        for s, p, o, g in streamed)
        kg = KnowledgeGraph(memory, spec, manifest)
    elif spec.kind == "sparql":
        from nevkg.graph.remote import open_remote, upload_build

        quads = result.quads
        if loader is not None:
            with _named(tables):
                quads = quads + loader.load(tables).quads
            _record_tables(manifest, loader.reports)
        upload_build(spec, quads, manifest, started.strftime("%Y%m%dT%H%M%S%f"))
        kg = open_remote(spec)
    else:
        new_dir = _write_oxigraph(spec.path, result, manifest, (loader, tables) if loader is not None else None)
        from nevkg.graph.entity_store import save_entity_graph  # the analytics' projection, kept with the build
        from nevkg.graph.knowledge_graph import KnowledgeGraph as _Opened
        from nevkg.graph.knowledge_graph import _open_oxigraph
        from nevkg.graph.void import write_store_void

        try:  # the new folder opened once for the hooks (each open of a store costs threads and address space)
            hooks_kg = _Opened(_open_oxigraph(new_dir), spec, dict(manifest))
            try:
                write_store_void(new_dir, manifest, hooks_kg)  # the VoID description (deletes new_dir on failure)
                # the projection from the quads in memory when the store holds nothing else (no tables): the same
                # entity graph without reading 20k quads back as rdflib terms (about 0.4 s of the shipped build)
                save_entity_graph(new_dir, hooks_kg if loader is not None else _Written(result.quads, manifest))
            finally:
                hooks_kg.close()
        except BaseException:
            shutil.rmtree(new_dir, ignore_errors=True)
            raise
        try:
            swap_in(spec.path, new_dir)
        except OSError as exc:
            if current_store_dir(spec.path) != new_dir:  # not swapped in: the previous graph stays
                shutil.rmtree(new_dir, ignore_errors=True)
            raise _write_error(spec.path, exc) from exc
        from nevkg.graph.knowledge_graph import open_graph

        kg = open_graph(spec)
    kg.build_info = BuildInfo(manifest["quads"], manifest["graphs"], time.monotonic() - started_clock, False, report,
                              manifest.get("tables", []), manifest.get("skipped_rows", 0))
    return kg
