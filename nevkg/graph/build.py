"""``build``: load every source, validate, and swap the new graph in atomically."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg import __version__
from nevkg.errors import StoreError, ValidationError
from nevkg.graph.knowledge_graph import UNION_GRAPH, KnowledgeGraph, iter_chunks, new_dataset
from nevkg.graph.store import MANIFEST, StoreSpec, current_store_dir, parse_store_spec, read_manifest, swap_in
from nevkg.graph.validate import ValidationReport, ontology_graph, validate_graph
from nevkg.loaders.base import LoadResult
from nevkg.loaders.curated import DEFAULT_DATA_DIR
from nevkg.loaders.registry import get_loader, is_streaming, loader_name_for
from nevkg.ontology.classes import with_superclass_types
from nevkg.ontology.namespaces import GRAPH, NEVID, PROV, RDF, RDFS, XSD
from nevkg.progress import progress

__all__ = ["ONTOLOGY_GRAPH", "build", "load_sources", "data_paths", "fingerprint", "BuildInfo", "is_current",
           "split_inputs"]


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


def data_paths(data: list[str | Path] | None = None, *, shipped: bool = True) -> list[Path]:
    """The shipped records (unless ``shipped`` is false) followed by the user's folders and files."""
    paths = [DEFAULT_DATA_DIR] if shipped else []
    paths += [Path(p) for p in data or []]
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
        result.extend(get_loader("curated").load(curated))
    for path in progress([p for p in paths if p not in curated], "loading RDF files"):
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
    try:
        quads = (ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _to_ox(g)) for s, p, o, g in result.quads)
        union = ox.NamedNode(str(UNION_GRAPH))  # each distinct triple once: the default graph of queries
        distinct = (ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), union) for s, p, o in dict.fromkeys(
            (s, p, o) for s, p, o, _ in result.quads))
        for chunk in progress(list(iter_chunks(chain(quads, distinct), 50_000)), "writing store"):
            store.bulk_extend(chunk)
        manifest["union_graph"] = str(UNION_GRAPH)
        if tables is not None:
            loader, paths = tables
            for path in paths:
                last: list = []
                for chunk in loader.stream(path):
                    store.bulk_extend(chunk)
                    last = chunk
                # the table's data set and source records (default graph) come in its last chunk: they join the
                # union graph; the rows stay in the table's own graph, which queries read beside the union
                store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object, union) for q in last
                                   if isinstance(q.graph_name, ox.DefaultGraph)])
            _record_tables(manifest, loader.reports)
        store.flush()
    except BaseException:
        del store
        shutil.rmtree(new_dir, ignore_errors=True)
        raise
    del store  # releases the folder's lock
    (new_dir / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return new_dir


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
          strict: bool = True, skip_bad_rows: bool = False) -> KnowledgeGraph:
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

    Notes
    -----
    Curated records and RDF files are loaded in memory and validated with SHACL. Statistics tables are
    then streamed straight into the new store (oxigraph) without SHACL: pyshacl needs the whole graph in
    rdflib's memory, which millions of observations would not fit in time or memory; the statistics loader
    checks every row against what the observation shape requires instead. The memory store converts the
    tables to rdflib terms (fine for small tables); the sparql store uploads them with the rest.

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

    Examples
    --------
    >>> kg = build("memory")
    >>> kg.build_info.report.conforms
    True
    """
    started_clock = time.monotonic()
    spec = spec if isinstance(spec, StoreSpec) else parse_store_spec(spec)
    paths = data_paths(data, shipped=shipped)
    in_memory, tables = split_inputs(paths)
    started = datetime.now(UTC)
    result = load_sources(in_memory)
    _add_ontology(result)
    from nevkg.loaders.statistics import table_graph

    _add_activity(result, started, [URIRef(table_graph(t)) for t in tables])

    memory = new_dataset()
    memory.addN((s, p, o, memory.graph(g) if g != DATASET_DEFAULT_GRAPH_ID else memory.default_graph)
                for s, p, o, g in result.quads)
    scratch = KnowledgeGraph(memory, spec, {"origins": result.origins})
    report = validate_graph(scratch.union_graph(), result.origins)
    if strict and not report.conforms:
        raise ValidationError("the graph violates the shapes; nothing was swapped in", report.text())
    for conflict in report.conflicts:
        print(f"warning: {conflict}", file=sys.stderr)

    manifest = {
        "nevkg": __version__, "built": started.isoformat(), "fingerprint": fingerprint(paths),
        "inputs": [str(p) for p in paths], "quads": len(result.quads),
        "graphs": len({q[3] for q in result.quads} | {URIRef(table_graph(t)) for t in tables}) - 1,
        "origins": result.origins, "table_graphs": [table_graph(t) for t in tables],
    }
    loader = _table_loader(result, skip_bad_rows) if tables else None
    if spec.kind == "memory":
        if loader is not None:  # rdflib terms: fine for the small tables the memory store is meant for
            streamed = loader.load(tables).quads
            _record_tables(manifest, loader.reports)
            memory.addN((s, p, o, memory.graph(g) if g != DATASET_DEFAULT_GRAPH_ID else memory.default_graph)
                        for s, p, o, g in streamed)
        kg = KnowledgeGraph(memory, spec, manifest)
    elif spec.kind == "sparql":
        from nevkg.graph.remote import open_remote, upload_build

        quads = result.quads
        if loader is not None:
            quads = quads + loader.load(tables).quads
            _record_tables(manifest, loader.reports)
        upload_build(spec, quads, manifest, started.strftime("%Y%m%dT%H%M%S%f"))
        kg = open_remote(spec)
    else:
        new_dir = _write_oxigraph(spec.path, result, manifest, (loader, tables) if loader is not None else None)
        from nevkg.graph.entity_store import save_entity_graph  # the analytics' projection, kept with the build
        save_entity_graph(new_dir)
        swap_in(spec.path, new_dir)
        from nevkg.graph.knowledge_graph import open_graph

        kg = open_graph(spec)
    kg.build_info = BuildInfo(manifest["quads"], manifest["graphs"], time.monotonic() - started_clock, False, report,
                              manifest.get("tables", []), manifest.get("skipped_rows", 0))
    return kg
