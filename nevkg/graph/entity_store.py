"""The entity graph kept with the build: computed once, stored beside the store, read back in milliseconds.

Projecting the graph onto networkx and collapsing its facts (:func:`nevkg.graph.entity.entity_graph`) costs
about a second and a half of CPU on the shipped records; ``path``, ``exposure``, ``footprint``, ``rank`` and
``risk`` all need it. A build of the embedded oxigraph store therefore computes it once, before the new store
is swapped in, and writes it into the store folder as ``entity-graph.json``: a compact edge list in which
every node id is written once and edges refer to nodes by their index.

The file records the ``built`` stamp of the build's manifest and a hash of the code that computed it
(:func:`code_stamp`). :func:`load_entity_graph` returns ``None`` (compute it afresh) when the file is
missing, unreadable, from another build, or written by other code (another version, a changed word), and
for a view of the graph "as known on" a date (the file holds the whole graph), so a stale or damaged file can
never give a wrong answer, only a slower one. Memory and SPARQL stores have no folder: their entity graph is
computed when first asked for and kept on the open graph object.

File layout (JSON)::

    {"format": 1, "code": "<code_stamp()>", "built": "<manifest built>", "graph": {...},
     "nodes": [[id, {attrs}], ...],
     "edges": [[u_index, v_index, key, {attrs}], ...],
     "facts": {fact_iri: {"type", "label", "attrs", "roles": {role: {node: [source, ...]}}}}}
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["ENTITY_FILE", "FORMAT", "code_stamp", "save_entity_graph", "load_entity_graph", "graph_to_json",
           "graph_from_json"]

#: the file's name inside a store folder
ENTITY_FILE = "entity-graph.json"
#: bumped whenever the layout of the file changes
FORMAT = 1


def code_stamp() -> str:
    """A hash of the code that computes the entity graph (projection and collapse, words included).

    A file written by other code (an upgrade, a changed word) is not used: it is recomputed instead.
    """
    import hashlib

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(str(FORMAT).encode())
    for name in ("project.py", "entity.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def graph_to_json(G, built: str = "") -> dict[str, Any]:
    """An entity graph as a JSON-ready dict (see the module docstring for the layout).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(nevkg_view="entity", facts={"f": {"type": "T", "label": "f", "attrs": {},
    ...                                                       "roles": {"r": {"a": {"s1"}}}}})
    >>> G.add_edge("a", "b", key="k", relation="x")
    'k'
    >>> H = graph_from_json(graph_to_json(G))
    >>> list(H.edges(keys=True, data=True)), H.graph["facts"]["f"]["roles"]["r"]["a"]
    ([('a', 'b', 'k', {'relation': 'x'})], {'s1'})
    """
    index = {n: i for i, n in enumerate(G.nodes)}
    facts = {iri: {"type": f["type"], "label": f["label"], "attrs": f["attrs"],
                   "roles": {role: {node: sorted(src) for node, src in members.items()}
                             for role, members in f["roles"].items()}}
             for iri, f in G.graph.get("facts", {}).items()}
    return {"format": FORMAT, "code": code_stamp(), "built": built,
            "graph": {k: v for k, v in G.graph.items() if k != "facts"},
            "nodes": [[n, d] for n, d in G.nodes(data=True)],
            "edges": [[index[u], index[v], k, d] for u, v, k, d in G.edges(keys=True, data=True)],
            "facts": facts}


def graph_from_json(data: dict[str, Any]):
    """The entity graph back from :func:`graph_to_json`'s dict."""
    from collections import defaultdict

    import networkx as nx

    G = nx.MultiDiGraph(**data["graph"])
    G.add_nodes_from((n, d) for n, d in data["nodes"])
    ids = [n for n, _ in data["nodes"]]
    G.add_edges_from((ids[u], ids[v], k, d) for u, v, k, d in data["edges"])
    G.graph["facts"] = {iri: {"type": f["type"], "label": f["label"], "attrs": f["attrs"],
                              "roles": defaultdict(dict, {role: {node: set(src) for node, src in members.items()}
                                                          for role, members in f["roles"].items()})}
                        for iri, f in data["facts"].items()}
    return G


def save_entity_graph(store_dir: str | os.PathLike, kg=None) -> Path:
    """Compute the entity graph of a freshly written oxigraph store folder and write it there.

    Called by :func:`nevkg.graph.build.build` before the folder is swapped in, so a store in use always has
    the entity graph of its own build. Written to a temporary name first, then renamed.

    Returns
    -------
    Path
        The file written.
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
    out = store_dir / ENTITY_FILE
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(graph_to_json(G, manifest.get("built", "")), ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, out)
    return out


def load_entity_graph(kg):
    """The stored entity graph of an open oxigraph graph, or ``None`` when there is none for its build.

    Also ``None`` for a view of the graph "as known on" a date (:func:`nevkg.graph.asof.as_known_on`): its
    manifest keeps the build's stamp, but the stored file holds the whole graph, not the view.
    """
    from nevkg.graph.store import current_store_dir

    if (getattr(kg, "manifest", None) or {}).get("as_known_on"):
        return None
    spec = getattr(kg, "spec", None)
    if spec is None or spec.kind != "oxigraph" or spec.path is None:
        return None
    store_dir = current_store_dir(spec.path)
    if store_dir is None:
        return None
    try:
        data = json.loads((store_dir / ENTITY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    built = (getattr(kg, "manifest", None) or {}).get("built")
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code_stamp() \
            or not built or data.get("built") != built:
        return None
    return graph_from_json(data)
