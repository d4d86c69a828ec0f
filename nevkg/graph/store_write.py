"""Writing a new oxigraph store folder beside the current one: the build's quads, its statistics tables streamed
in chunk by chunk, the columnar copy and the manifest; any failure removes the folder and names what failed."""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
import zlib
from itertools import chain
from pathlib import Path

from rdflib import BNode, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.errors import LoaderError, NevkgError, StoreError
from nevkg.graph.knowledge_graph import UNION_GRAPH, iter_chunks
from nevkg.graph.store import MANIFEST
from nevkg.loaders.base import LoadResult
from nevkg.ontology.namespaces import XSD
from nevkg.progress import progress

__all__ = ["named_inputs", "record_tables", "to_ox", "write_error", "write_oxigraph"]


class named_inputs:
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


def to_ox(term, cache: dict | None = None):
    """An rdflib term as a pyoxigraph term; ``cache`` memoises the conversion (IRIs repeat a lot).

    >>> from rdflib import Literal, URIRef
    >>> to_ox(URIRef("https://example.org/a")), to_ox(Literal("Hi", lang="en"))
    (<NamedNode value=https://example.org/a>, <Literal value=Hi language=en>)
    """
    if cache is not None and (hit := cache.get(term)) is not None:
        return hit
    import pyoxigraph as ox

    if term is None or term == DATASET_DEFAULT_GRAPH_ID:
        value = ox.DefaultGraph()
    elif isinstance(term, URIRef):
        value = ox.NamedNode(str(term))
    elif isinstance(term, BNode):
        value = ox.BlankNode(str(term))
    elif term.language:
        value = ox.Literal(str(term), language=term.language)
    elif term.datatype is not None and term.datatype != XSD.string:
        value = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    else:
        value = ox.Literal(str(term))
    if cache is not None:
        cache[term] = value
    return value


def write_oxigraph(home: Path, result: LoadResult, manifest: dict, tables=None) -> Path:
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
            return to_ox(t, memo)

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
                    with named_inputs([path]):  # a reading error names the table; a writing one is the store's
                        chunk = next(chunks, None)
                    if chunk is None:
                        break
                    store.bulk_extend(chunk)
                    last = chunk
                # the table's data set and source records (default graph) come in its last chunk: they join the
                # union graph; the rows stay in the table's own graph, which queries read beside the union
                store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object, union) for q in last
                                   if isinstance(q.graph_name, ox.DefaultGraph)])
            record_tables(manifest, loader.reports)
        manifest["columnar_rows"] = columnar.close()
        store.flush()
        del store  # releases the folder's lock
        (new_dir / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    except BaseException as exc:
        columnar.abort()
        store = None  # noqa: F841 - releases the folder's lock before the folder is removed
        shutil.rmtree(new_dir, ignore_errors=True)
        if isinstance(exc, OSError):
            raise write_error(home, exc) from exc
        raise
    return new_dir


def write_error(home: Path, exc: OSError) -> StoreError:
    """A clear error for a failed store write (a full disk above all); the previous graph is untouched."""
    text = str(exc)
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left" in text or "quota" in text.lower()
    why = "the disk is full" if full else f"writing failed ({text})"
    return StoreError(f"{home}: cannot write the new store: {why}; the previous graph is unchanged. "
                      + ("Free some space (or point NEVKG_HOME elsewhere) and build again" if full else
                         "Check the folder's permissions and space, then build again"))


def record_tables(manifest: dict, reports: list) -> None:
    """Add the tables' counts to the manifest: quads streamed, rows skipped, the first bad rows."""
    manifest["tables"] = [r.as_dict() for r in reports]
    manifest["quads"] += sum(r.quads for r in reports)
    manifest["skipped_rows"] = sum(r.skipped for r in reports)
