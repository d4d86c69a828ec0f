"""The entity graph kept with the build: computed once, stored beside the store, read back in milliseconds.

Projecting the graph onto networkx and collapsing its facts (:func:`nevkg.graph.entity.entity_graph`) costs
about a second and a half of CPU on the shipped records; ``path``, ``exposure``, ``footprint``, ``rank`` and
``risk`` all need it. A build of the embedded oxigraph store therefore computes it once, before the new store
is swapped in, and writes it into the store folder as three files:

* ``entity-core.json`` (:data:`CORE_FILE`): the core (:class:`~nevkg.graph.entity_core.EntityCore`): node
  ids, labels, types and ISO codes, every edge as two node indices plus its relation and fact type as small
  integers, and where each edge's line starts in the edges file. ``rank``, ``path`` and ``communities`` read
  only this (:func:`load_entity_core`): a few megabytes at a million triples, parsed in milliseconds;
* ``entity-edges.jsonl`` (:data:`EDGES_FILE`): one line per edge, ``[key, {attrs}]``, in the core's order, read
  line by line only for the edges a path shows;
* ``entity-graph.json`` (:data:`ENTITY_FILE`): the rest of the full graph (node attributes, the facts and their
  participants), which :func:`load_entity_graph` joins with the two others for footprint, exposure and
  neighbours.

Each file records the ``built`` stamp of the build's manifest and a hash of the code that computed it
(:func:`code_stamp`). The loaders return ``None`` (compute it afresh) when a file is missing, unreadable,
from another build, or written by other code (another version, a changed word), and for a view of the graph
"as known on" a date (the files hold the whole graph), so a stale or damaged file can never give a wrong
answer, only a slower one. Memory and SPARQL stores have no folder: their entity graph is computed when first
asked for and kept on the open graph object.

Layout of ``entity-graph.json``::

    {"format": 2, "code": "<code_stamp()>", "built": "<manifest built>", "graph": {...},
     "nodes": [[id, {attrs}], ...],
     "facts": {fact_iri: {"type", "label", "attrs", "roles": {role: {node: [source, ...]}}}}}

and of ``entity-core.json``: ``{"format", "code", "built", "edges_bytes", "offsets": [...], ...}`` with the
lists of :meth:`~nevkg.graph.entity_core.EntityCore.to_json`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["ENTITY_FILE", "CORE_FILE", "EDGES_FILE", "FORMAT", "code_stamp", "save_entity_graph", "write_entity_files",
           "load_entity_graph", "load_entity_core", "stored_core", "built_stamp", "read_entity_core",
           "read_entity_graph"]

#: the full graph's node attributes and facts, inside a store folder
ENTITY_FILE = "entity-graph.json"
#: the core the algorithms run on
CORE_FILE = "entity-core.json"
#: one line of full data per edge
EDGES_FILE = "entity-edges.jsonl"
#: bumped whenever the layout of the files changes
FORMAT = 2


def code_stamp() -> str:
    """A hash of the code that computes the entity graph (projection and collapse, words included).

    A file written by other code (an upgrade, a changed word) is not used: it is recomputed instead.
    """
    import hashlib

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(str(FORMAT).encode())
    for name in ("project.py", "entity.py", "entity_core.py", "../ontology/nev.ttl"):  # the core keeps kinds
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_entity_files(G, folder: str | os.PathLike, built: str = "") -> Path:
    """Write an entity graph into ``folder`` as its three files (see the module docstring); returns the core's path.

    Each file is written to a temporary name, then renamed, the core last: a reader that finds a core of this
    build finds the two others complete.

    Examples
    --------
    >>> import networkx as nx, tempfile
    >>> G = nx.MultiDiGraph(nevkg_view="entity", facts={"f": {"type": "T", "label": "f", "attrs": {},
    ...                                                       "roles": {"r": {"a": {"s1"}}}}})
    >>> G.add_edge("a", "b", key="k", relation="x")
    'k'
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = write_entity_files(G, folder, built="then")
    ...     H = read_entity_graph(folder, "then")
    ...     C = read_entity_core(folder, "then")
    ...     (list(H.edges(keys=True, data=True)), H.graph["facts"]["f"]["roles"]["r"]["a"],
    ...      C.get_edge_data("a", "b"), read_entity_core(folder, "another build"))
    ([('a', 'b', 'k', {'relation': 'x'})], {'s1'}, {'k': {'relation': 'x'}}, None)
    """
    from nevkg.graph.entity_core import EntityCore

    folder = Path(folder)
    core = EntityCore.from_graph(G)
    stamp = {"format": FORMAT, "code": code_stamp(), "built": built}
    offsets, size = [], 0
    lines = []
    for i in range(core.number_of_edges()):
        line = (_dumps(list(core.edge_data(i))) + "\n").encode("utf-8")
        offsets.append(size)
        size += len(line)
        lines.append(line)
    facts = {iri: {"type": f["type"], "label": f["label"], "attrs": f["attrs"],
                   "roles": {role: {node: sorted(src) for node, src in members.items()}
                             for role, members in f["roles"].items()}}
             for iri, f in G.graph.get("facts", {}).items()}
    full = {**stamp, "graph": {k: v for k, v in G.graph.items() if k != "facts"},
            "nodes": [[n, d] for n, d in G.nodes(data=True)], "facts": facts}
    index = {**stamp, "edges_bytes": size, "offsets": offsets, **core.to_json()}
    contents = [(EDGES_FILE, b"".join(lines)), (ENTITY_FILE, _dumps(full).encode("utf-8")),
                (CORE_FILE, _dumps(index).encode("utf-8"))]
    for name, content in contents:
        tmp = folder / (name + ".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, folder / name)
    return folder / CORE_FILE


def _stamped(folder: Path, name: str, built: str) -> dict[str, Any] | None:
    """A file's JSON when it was written for this build by this code, else None."""
    try:
        data = json.loads((folder / name).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code_stamp() \
            or not built or data.get("built") != built:
        return None
    return data


def read_entity_core(folder: str | os.PathLike, built: str):
    """The core stored in a store folder for the build stamped ``built``, or None (see :func:`write_entity_files`)."""
    from nevkg.graph.entity_core import EntityCore

    folder = Path(folder)
    data = _stamped(folder, CORE_FILE, built)
    edges = folder / EDGES_FILE
    try:
        if data is None or edges.stat().st_size != data["edges_bytes"]:
            return None
    except OSError:
        return None
    offsets = data["offsets"]

    def edge_data(i: int) -> tuple[str, dict[str, Any]]:
        with edges.open("rb") as f:
            f.seek(offsets[i])
            key, attrs = json.loads(f.readline())
        return key, attrs

    return EntityCore.from_json(data, edge_data)


def read_entity_graph(folder: str | os.PathLike, built: str):
    """The full entity graph stored in a store folder for the build stamped ``built``, or None."""
    from collections import defaultdict

    import networkx as nx

    folder = Path(folder)
    core = read_entity_core(folder, built)
    data = _stamped(folder, ENTITY_FILE, built)
    if core is None or data is None:
        return None
    try:
        lines = (folder / EDGES_FILE).read_bytes()
        edges = json.loads(b"[" + lines.rstrip(b"\n").replace(b"\n", b",") + b"]") if lines else []
    except (OSError, ValueError):
        return None
    if len(edges) != core.number_of_edges():
        return None
    G = nx.MultiDiGraph(**data["graph"])
    G.add_nodes_from((n, d) for n, d in data["nodes"])
    ids = core.ids
    G.add_edges_from((ids[u], ids[v], k, d) for u, v, (k, d) in zip(core.u, core.v, edges, strict=True))
    G.graph["facts"] = {iri: {"type": f["type"], "label": f["label"], "attrs": f["attrs"],
                              "roles": defaultdict(dict, {role: {node: set(src) for node, src in members.items()}
                                                          for role, members in f["roles"].items()})}
                        for iri, f in data["facts"].items()}
    return G


def save_entity_graph(store_dir: str | os.PathLike, kg=None) -> Path:
    """Compute the entity graph of a freshly written oxigraph store folder and write it there.

    Called by :func:`nevkg.graph.build.build` before the folder is swapped in, so a store in use always has
    the entity graph of its own build (:func:`write_entity_files`).

    Returns
    -------
    Path
        The full graph's file (:data:`ENTITY_FILE`).
    """
    from nevkg.graph.entity import collapse, without_tables
    from nevkg.graph.knowledge_graph import KnowledgeGraph, _open_oxigraph
    from nevkg.graph.project import to_networkx
    from nevkg.graph.store import StoreSpec, read_manifest

    store_dir = Path(store_dir)
    manifest = read_manifest(store_dir)
    own = kg is None  # the build passes the folder it has open for every hook
    if own:
        kg = KnowledgeGraph(_open_oxigraph(store_dir), StoreSpec("oxigraph", store_dir.parent), manifest)
    try:
        G = collapse(to_networkx(without_tables(kg)))
    finally:
        if own:
            kg.close()
    write_entity_files(G, store_dir, manifest.get("built", ""))
    return store_dir / ENTITY_FILE


def _store_folder(kg) -> tuple[Path, str] | None:
    """``(store folder, built stamp)`` of an open oxigraph graph whose stored files may serve it, else None.

    None for a view of the graph "as known on" a date (:func:`nevkg.graph.asof.as_known_on`): its manifest
    keeps the build's stamp, but the stored files hold the whole graph, not the view.
    """
    from nevkg.graph.store import current_store_dir

    manifest = getattr(kg, "manifest", None) or {}
    if manifest.get("as_known_on"):
        return None
    spec = getattr(kg, "spec", None)
    if spec is None or spec.kind != "oxigraph" or spec.path is None:
        return None
    store_dir = current_store_dir(spec.path)
    return None if store_dir is None else (store_dir, str(manifest.get("built") or ""))


def load_entity_graph(kg):
    """The stored entity graph of an open oxigraph graph, or ``None`` when there is none for its build."""
    where = _store_folder(kg)
    return None if where is None else read_entity_graph(*where)


def load_entity_core(kg):
    """The stored core (:class:`~nevkg.graph.entity_core.EntityCore`) of an open oxigraph graph, or ``None``."""
    where = _store_folder(kg)
    return None if where is None else read_entity_core(*where)


def stored_core(spec=None):
    """The core kept by the build of an oxigraph store, read without opening the store; None when there is none.

    For the commands that need nothing but the core (``rank``, ``communities``, and ``path`` when its names
    are names of nodes): no triple store is opened and neither pyoxigraph nor rdflib is imported. ``spec`` is a
    store spec as :func:`~nevkg.graph.store.parse_store_spec` takes it (default: the embedded store). The
    core keeps a lease on its store folder (``core.lease``, let go with the core), so a build landing meanwhile
    never removes the edges file it reads a path's hops from.
    """
    from nevkg.errors import StoreError
    from nevkg.graph.store import current_store_dir, lease_current, parse_store_spec

    spec = parse_store_spec(spec) if spec is None or isinstance(spec, str) else spec
    if spec.kind != "oxigraph" or spec.path is None or current_store_dir(spec.path) is None:
        return None
    try:
        lease = lease_current(spec.path)  # a build landing meanwhile never removes the folder being read
    except StoreError:
        return None
    try:
        core = read_entity_core(lease.store_dir, built_stamp(lease.store_dir))
    except StoreError:
        core = None
    if core is None:
        lease.release()
        return None
    core.lease = lease
    return core


def built_stamp(store_dir: Path) -> str:
    """The ``built`` stamp of a store folder's manifest, read from the manifest's first lines when it stands there
    (as :mod:`nevkg.graph.store` writes it: the second key), else from the whole manifest (megabytes of record
    origins at a million triples).

    >>> import tempfile, json
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "manifest.json").write_text(json.dumps({"nevkg": "0", "built": "then", "origins": {}}))
    >>> built_stamp(folder)
    'then'
    """
    import re

    from nevkg.graph.store import MANIFEST, read_manifest

    try:
        with (store_dir / MANIFEST).open(encoding="utf-8") as f:
            head = f.read(4096)
    except OSError:
        head = ""
    found = re.search(r'"built":\s*"([^"\\]*)"', head)
    if found and head[:found.start()].count("{") == 1 and "[" not in head[:found.start()]:  # a top-level key
        return found.group(1)
    return str(read_manifest(store_dir).get("built") or "")
