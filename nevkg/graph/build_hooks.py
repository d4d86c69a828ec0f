"""What a build does around the load besides writing quads: SHACL (or its cached report) before the store is written,
and the hooks run on a freshly written oxigraph store folder before it is swapped in.

The hooks are a registry, :data:`HOOKS` (name → function of a :class:`NewStore`), run in order by
:func:`run_hooks`: the VoID description (``void.ttl``, :mod:`nevkg.graph.void`) and the analytics' entity graph
(:mod:`nevkg.graph.entity_store`). The folder is opened once for all of them (each open of a store costs threads
and address space); when one fails, the folder is deleted (it was never swapped in) and the error re-raised, so the
previous graph stays and a store in use always has every file its hooks write.

The columnar copy of the observations (:mod:`nevkg.graph.columnar`) is not a hook: it is written beside the quads
while they stream into the store.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from nevkg.graph.store import StoreSpec
from nevkg.graph.validate import ValidationReport, validate_graph
from nevkg.loaders.base import LoadResult
from nevkg.ontology.namespaces import PREFIXES

__all__ = ["NewStore", "HOOKS", "run_hooks", "validate_cached", "validate_fresh"]


def validate_fresh(result: LoadResult) -> ValidationReport:
    """SHACL (pyshacl) over the in-memory part of a build: the union of its named graphs, each distinct triple once."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph += dict.fromkeys((s, p, o) for s, p, o, _ in result.quads)
    return validate_graph(graph, result.origins, inplace=True)  # the graph is this check's own


def validate_cached(spec: StoreSpec, result: LoadResult) -> ValidationReport:
    """SHACL over the in-memory part of a build, or its report cached in ``<store>/cache`` when that content was
    validated before (oxigraph stores; see :mod:`nevkg.graph.shacl_cache`), or the report shipped for the shipped
    records when the content is exactly theirs (:mod:`nevkg.graph.shacl_shipped`)."""
    from nevkg.graph.shacl_cache import cached_report, content_key, triple_text
    from nevkg.graph.shacl_shipped import shipped_report

    text = triple_text((s, p, o) for s, p, o, _ in result.quads)

    def fresh() -> ValidationReport:
        shipped = shipped_report(text, result.origins)
        return shipped if shipped is not None else validate_fresh(result)

    folder = spec.path / "cache" if spec.kind == "oxigraph" else None
    if folder is None:
        return fresh()
    return cached_report(content_key(text, result.origins), folder, fresh)[0]


class Written:
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


@dataclass
class NewStore:
    """A store folder just written by a build, not yet swapped in, as every hook sees it."""

    #: the new folder
    folder: Path
    #: its manifest (as written into the folder)
    manifest: dict
    #: the folder, opened once for every hook
    kg: object
    #: the quads in memory when the store holds nothing else (no tables streamed in), else None
    written: Written | None = None


def _void(new: NewStore) -> None:
    """``void.ttl``: the VoID description of the new store."""
    from nevkg.graph.void import write_store_void

    write_store_void(new.folder, new.manifest, new.kg)


def _entity_graph(new: NewStore) -> None:
    """The analytics' projection, kept with the build. From the quads in memory when the store holds nothing else:
    the same entity graph without reading 20k quads back as rdflib terms (about 0.4 s of the shipped build)."""
    from nevkg.graph.entity_store import save_entity_graph

    save_entity_graph(new.folder, new.written if new.written is not None else new.kg)


#: the hooks run on a new oxigraph store folder before it is swapped in, in this order
HOOKS: dict[str, Callable[[NewStore], None]] = {"void": _void, "entity-graph": _entity_graph}


def run_hooks(spec: StoreSpec, folder: Path, manifest: dict, quads: list | None = None) -> None:
    """Run every hook of :data:`HOOKS` on the new store ``folder``; on any failure delete the folder and re-raise.

    Parameters
    ----------
    spec : StoreSpec
        The oxigraph store being built.
    folder : Path
        Its new folder, written and closed, not yet swapped in.
    manifest : dict
        The build's manifest.
    quads : list, optional
        Every quad of the folder, when the build still holds them in memory (no tables streamed in).
    """
    from nevkg.graph.knowledge_graph import KnowledgeGraph, _open_oxigraph

    try:
        kg = KnowledgeGraph(_open_oxigraph(folder), spec, dict(manifest))
        try:
            new = NewStore(folder, manifest, kg, Written(quads, manifest) if quads is not None else None)
            for hook in HOOKS.values():
                hook(new)
        finally:
            kg.close()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
