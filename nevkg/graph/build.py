"""``build``: load every source, validate, and swap the new graph in atomically."""

from __future__ import annotations

import hashlib
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg import __version__
from nevkg.errors import StoreError, ValidationError
from nevkg.graph.build_hooks import run_hooks, validate_cached
from nevkg.graph.knowledge_graph import KnowledgeGraph, new_dataset
from nevkg.graph.lock import build_lock
from nevkg.graph.store import (
    StoreSpec,
    current_store_dir,
    default_home,
    parse_store_spec,
    read_manifest,
    swap_in,
)
from nevkg.graph.store_write import named_inputs, record_tables, write_error, write_oxigraph
from nevkg.graph.validate import REPORT_LIMIT, ValidationReport, capped, ontology_graph
from nevkg.loaders.base import LoadResult
from nevkg.loaders.curated import DEFAULT_DATA_DIR
from nevkg.loaders.registry import get_loader, is_streaming, loader_name_for
from nevkg.ontology.classes import with_superclass_types
from nevkg.ontology.namespaces import GRAPH, NEVID, PROV, RDF, RDFS, XSD
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
        with named_inputs(curated):
            result.extend(get_loader("curated").load(curated))
    for path in progress([p for p in paths if p not in curated], "loading RDF files"):
        with named_inputs([path]):
            result.extend(get_loader(loader_name_for(path)).load([path]))
    return result


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


def _build(spec: StoreSpec, data: list[str | Path] | None, *, shipped: bool, strict: bool,
           skip_bad_rows: bool) -> KnowledgeGraph:
    started_clock = time.monotonic()
    paths = data_paths(data, shipped=shipped)
    in_memory, tables = split_inputs(paths)
    started = datetime.now(UTC)
    result = load_sources(in_memory)
    _add_ontology(result)
    from nevkg.loaders.statistics import table_graph

    report = validate_cached(spec, result)  # before the build's own prov:Activity, which no shape reads
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
            with named_inputs(tables):
                streamed = loader.load(tables).quads
            record_tables(manifest, loader.reports)
            memory.addN((s, p, o, memory.graph(g) if g != DATASET_DEFAULT_GRAPH_ID else memory.default_graph)
                        for s, p, o, g in streamed)
        kg = KnowledgeGraph(memory, spec, manifest)
    elif spec.kind == "sparql":
        from nevkg.graph.remote import open_remote, upload_build

        quads = result.quads
        if loader is not None:
            with named_inputs(tables):
                quads = quads + loader.load(tables).quads
            record_tables(manifest, loader.reports)
        upload_build(spec, quads, manifest, started.strftime("%Y%m%dT%H%M%S%f"))
        kg = open_remote(spec)
    else:
        new_dir = write_oxigraph(spec.path, result, manifest, (loader, tables) if loader is not None else None)
        run_hooks(spec, new_dir, manifest, result.quads if loader is None else None)  # VoID, entity graph…
        try:
            swap_in(spec.path, new_dir)
        except OSError as exc:
            if current_store_dir(spec.path) != new_dir:  # not swapped in: the previous graph stays
                shutil.rmtree(new_dir, ignore_errors=True)
            raise write_error(spec.path, exc) from exc
        from nevkg.graph.knowledge_graph import open_graph

        kg = open_graph(spec)
    kg.build_info = BuildInfo(manifest["quads"], manifest["graphs"], time.monotonic() - started_clock, False, report,
                              manifest.get("tables", []), manifest.get("skipped_rows", 0))
    return kg
