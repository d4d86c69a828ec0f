"""Neighbourhoods: everything within some hops of a node, as a subgraph or as table rows."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError
from nevkg.graph.entity import VIEW, entity_graph, split_sources
from nevkg.queries.analytics._base import (
    HUB_KINDS,
    _check_kinds,
    _check_node,
    _example_graph,  # noqa: F401  (the docstring examples use it)
    _fold,
    _label,
)

__all__ = ["neighbors", "neighbor_table"]

def _distances(G, x: str, depth: int | None, exclude: Iterable[str]) -> dict[str, int]:
    """Hop distances from x over the undirected view, not passing through excluded kinds."""
    excluded = set(exclude or ())
    dist = {x: 0}
    queue = deque([x])
    while queue:
        n = queue.popleft()
        if depth is not None and dist[n] >= depth:
            continue
        for m in list(G.successors(n)) + list(G.predecessors(n)):
            if m not in dist and G.nodes[m].get("type") not in excluded:
                dist[m] = dist[n] + 1
                queue.append(m)
    return dist


def neighbors(G, x: str, *, depth: int = 1, kinds: Iterable[str] | str | None = None,
              exclude: Iterable[str] = HUB_KINDS):
    """The neighbourhood of a node: everything within ``depth`` hops, edges followed in either direction.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
    x : str
        The node id (IRI) at the centre.
    depth : int, optional
        How many hops out (default 1).
    kinds : str or iterable of str, optional
        Keep only nodes of these types (``"Country"``, ``"Automaker"``; case-insensitive), and ``x``.
        The filter applies to the result, not to the walk: a country two hops away through a factory's city
        is found with ``depth=2, kinds=["Country"]``.
    exclude : iterable of str, optional
        Types the walk never enters (default :data:`HUB_KINDS`); ``x`` itself is always kept.

    Returns
    -------
    networkx.MultiDiGraph
        A copy of the induced subgraph, every node with ``distance`` (hops from ``x``); ``graph`` holds
        ``center`` and ``depth``.

    Raises
    ------
    UnknownNameError
        When ``x`` is not a node of the graph.
    QueryError
        When ``depth`` is not a non-negative integer or a kind is unknown.

    Examples
    --------
    >>> G = _example_graph()
    >>> N = "https://w3id.org/nevkg/id/"
    >>> sub = neighbors(G, N + "spain")
    >>> sorted(sub.nodes[n]["label"] for n in sub)
    ['Chery', 'Ebro', 'Europe', 'Spain']
    >>> sub2 = neighbors(G, N + "spain", depth=2, kinds="Country")
    >>> sorted((sub2.nodes[n]["label"], sub2.nodes[n]["distance"]) for n in sub2)
    [('China', 2), ('Spain', 0)]
    """
    G = entity_graph(G)
    _check_node(G, x)
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise QueryError(f"depth must be a non-negative integer, got {depth!r}")
    wanted = _check_kinds(G, kinds)
    dist = _distances(G, x, depth, exclude)
    keep = [n for n in G if n in dist and (n == x or wanted is None or G.nodes[n].get("type") in wanted)]
    sub = G.subgraph(keep).copy()
    sub.graph = {"nevkg_view": VIEW, "center": x, "depth": depth, "exclude": ",".join(sorted(set(exclude or ())))}
    for n in sub:
        sub.nodes[n]["distance"] = dist[n]
    return sub


def neighbor_table(G, x: str, sub) -> list[dict[str, Any]]:
    """The neighbourhood as table rows: one per node of ``sub`` other than ``x``, nearest first.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The entity graph ``sub`` was cut from.
    x : str
        The centre node id.
    sub : networkx.MultiDiGraph
        The result of :func:`neighbors`.

    Returns
    -------
    list of dict
        ``{"id", "label", "type", "distance", "relations"}`` sorted by distance then label, where
        ``relations`` lists, as ``"A → words → B"``, the edges (in ``G``) that link the node to a node one hop
        nearer to ``x``.

    Raises
    ------
    UnknownNameError
        When ``x`` is not a node of ``G``.

    Examples
    --------
    >>> G = _example_graph()
    >>> N = "https://w3id.org/nevkg/id/"
    >>> rows = neighbor_table(G, N + "spain", neighbors(G, N + "spain"))
    >>> [(r["label"], r["distance"]) for r in rows]
    [('Chery', 1), ('Ebro', 1), ('Europe', 1)]
    >>> rows[0]["relations"]
    ['Chery → exports to → Spain', 'Chery → has a joint venture in → Spain']
    """
    G = entity_graph(G)
    _check_node(G, x)
    far = max((d.get("distance", 0) for _, d in sub.nodes(data=True)), default=0)
    excluded = sub.graph.get("exclude")
    dist = _distances(G, x, far, HUB_KINDS if excluded is None else split_sources(excluded))
    rows = []
    for n, d in sub.nodes(data=True):
        if n == x:
            continue
        k = d.get("distance", dist.get(n))
        rels = set()
        for u, v, e in list(G.out_edges(n, data=True)) + list(G.in_edges(n, data=True)):
            other = v if u == n else u
            if k is not None and dist.get(other) == k - 1:
                rels.add(f"{_label(G, u)} → {e.get('words') or e.get('label', '')} → {_label(G, v)}")
        rows.append({"id": n, "label": d.get("label", n), "type": d.get("type", ""), "distance": k,
                     "relations": sorted(rels)})
    rows.sort(key=lambda r: (r["distance"] if r["distance"] is not None else math.inf, _fold(r["label"]), r["id"]))
    return rows
