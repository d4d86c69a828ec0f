"""Paths between two things of the entity graph, hop by hop, each hop a sentence read in the path's order."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError
from nevkg.graph.entity import entity_graph, split_sources
from nevkg.queries.analytics._base import (
    HUB_KINDS,
    _check_kinds,
    _check_node,
    _example_graph,  # noqa: F401  (the docstring examples use it)
    _fold,
    _kept,
    _label,
    _simple,
    _sources,
)

__all__ = ["path", "path_text"]

_RELATION_RANK = {rel: i for i, rel in enumerate((
    "brandOf", "parentOrganization", "productionSite", "marketPresence", "deployment", "partnership",
    "partnershipMarket", "deploymentPartner", "productionSitePartner", "productionSiteProduct", "role", "policy",
    "policyJurisdiction", "basedIn", "locatedIn", "manufacturer", "observation", "observationCompiledBy",
    "country", "statement"))}


def _hop(G, u: str, v: str, via: set[str] | None) -> dict[str, Any]:
    """The edge that tells the hop u–v best (either direction), as a hop dict."""
    candidates = [(u, v, k, d, "forward") for k, d in G.get_edge_data(u, v, default={}).items()]
    candidates += [(v, u, k, d, "backward") for k, d in G.get_edge_data(v, u, default={}).items()]

    def rank(c):
        _, _, k, d, direction = c
        return (not (via and d.get("factType") in via), _RELATION_RANK.get(d.get("relation"), len(_RELATION_RANK)),
                -len(split_sources(d.get("sources"))), direction != "forward", str(k))

    _, _, _, d, direction = min(candidates, key=rank)
    return {"from": _label(G, u), "from_id": u, "relation": d.get("words") or d.get("label", d.get("relation", "")),
            "via": d.get("factLabel", ""), "fact": d.get("fact", ""), "to": _label(G, v), "to_id": v,
            "sources": _sources(d), "direction": direction}


def path(G, a: str, b: str, *, max_paths: int = 1, via: str | None = None,
         exclude: Iterable[str] = HUB_KINDS) -> list[list[dict[str, Any]]]:
    """The shortest connections between two nodes, hop by hop, each hop with its relation and sources.

    Edges are followed in either direction (a hop against an edge says ``"direction": "backward"``). Among
    paths with the fewest hops, the one through the least connected intermediate nodes comes first, so a
    specific tie (Ningbo, Geely) beats a hub (China). Between two nodes the edge that tells the hop best is
    shown: a structural tie (brand, factory, exports, deployment, partnership) before an observation or a
    statement, then the one with more sources.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
    a, b : str
        Node ids (IRIs) of the two ends.
    max_paths : int, optional
        How many alternative paths to return at most (distinct node sequences, shortest first). Default 1.
    via : str, optional
        A kind every path must pass through: a node type (``"Automaker"``, ``"City"``; the node must be an
        intermediate one, not an end) or a fact type (``"ProductionSite"``, ``"MarketPresence"``; one hop must
        be such a fact). With ``via``, the alternatives are the shortest path through each node (or fact edge)
        of that kind, best first, so they pass through different ones.
    exclude : iterable of str, optional
        Node types never used as intermediate nodes. Default :data:`HUB_KINDS` (vocabulary concepts).

    Returns
    -------
    list of list of dict
        Each path is a list of hops ``{"from", "from_id", "relation", "via", "fact", "to", "to_id", "sources",
        "direction"}``: ``relation`` is in words, read along the edge (from its source to its target, so
        against the path when ``direction`` is ``"backward"``); ``via`` and ``fact`` name the fact the edge
        stands for (``""`` for a plain edge); ``sources`` are source ids. No connection: an empty list.

    Raises
    ------
    UnknownNameError
        When ``a`` or ``b`` is not a node of the graph.
    QueryError
        When ``max_paths`` is not a positive integer, ``via`` is not a known kind, or ``a == b``.

    Examples
    --------
    >>> G = _example_graph()  # entity_graph(nevkg.build("memory", ["tests/resources/records"], shipped=False))
    >>> N = "https://w3id.org/nevkg/id/"
    >>> [p] = path(G, N + "yin-tongyue", N + "europe")
    >>> print(path_text(p))
    Yin Tongyue → chairman of → Chery → exports to → Spain → located in → Europe
    >>> p[1]["via"], p[1]["sources"], p[1]["direction"]
    ('Chery exports to Spain', ['fixture-news-a'], 'forward')
    >>> print(path_text(path(G, N + "europe", N + "ebro", via="ProductionSite")[0]))
    Europe ← located in ← Spain ← has a plant in ← Ebro
    >>> path(G, N + "chery", N + "weride")
    []
    """
    import networkx as nx

    G = entity_graph(G)
    _check_node(G, a)
    _check_node(G, b)
    if a == b:
        raise QueryError("a path needs two different nodes")
    if not isinstance(max_paths, int) or isinstance(max_paths, bool) or max_paths < 1:
        raise QueryError(f"max_paths must be a positive integer, got {max_paths!r}")
    via_kinds = _check_kinds(G, via) if via is not None else None

    U = _simple(G, _kept(G, exclude, keep=(a, b)))
    # fewest hops first; ties broken by the (log) degree of the intermediate nodes, never by more than a hop
    cost = {n: math.log1p(U.degree(n)) for n in U}
    eps = 1.0 / (2.0 * (len(U) + 1) * (max(cost.values(), default=0.0) + 1.0))
    for u, v, d in U.edges(data=True):
        d["cost"] = 1.0 + eps * (cost[u] + cost[v])

    def length(nodes: list[str]) -> float:
        return sum(U[x][y]["cost"] for x, y in zip(nodes, nodes[1:], strict=False))

    if via_kinds is None:
        found: list[list[str]] = []
        try:
            for nodes in nx.shortest_simple_paths(U, a, b, weight="cost"):
                found.append(nodes)
                if len(found) == max_paths:
                    break
        except nx.NetworkXNoPath:
            return []
    else:
        found = sorted(_paths_via(G, U, a, b, via_kinds), key=lambda p: (length(p), [_fold(_label(G, n)) for n in p]))
        found = found[:max_paths]
    return [[_hop(G, x, y, via_kinds) for x, y in zip(nodes, nodes[1:], strict=False)] for nodes in found]


def _paths_via(G, U, a: str, b: str, kinds: set[str]) -> list[list[str]]:
    """For each node (or fact edge) of the given kinds, the shortest simple a–b paths through it."""
    import networkx as nx

    def shortest(s: str, t: str, banned: set[str]) -> list[str] | None:
        if s in banned or t in banned:
            return None
        try:
            return nx.shortest_path(U.subgraph(n for n in U if n not in banned), s, t, weight="cost")
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return None

    def through(mids: list[str]) -> list[list[str]]:
        """a → … → mids → … → b, simple; the a-side found first, then the b-side, and the other way round."""
        out = []
        for left_first in (True, False):
            if left_first:
                left = shortest(a, mids[0], set(mids[1:]) | {b})
                right = None if left is None else shortest(mids[-1], b, set(left[:-1]) | set(mids[:-1]))
            else:
                right = shortest(mids[-1], b, set(mids[:-1]) | {a})
                left = None if right is None else shortest(a, mids[0], set(right[1:]) | set(mids[1:]))
            if left is not None and right is not None:
                out.append(left[:-1] + mids + right[1:])
        return out

    candidates: list[list[str]] = []
    for c in U:
        if c not in (a, b) and G.nodes[c].get("type") in kinds:
            candidates += through([c])
    for u, v, d in G.edges(data=True):
        if d.get("factType") in kinds and U.has_edge(u, v):
            candidates += through([u, v]) + through([v, u])
    unique: dict[tuple[str, ...], list[str]] = {}
    for p in candidates:
        if len(set(p)) == len(p) and p[0] == a and p[-1] == b:
            unique.setdefault(tuple(p), p)
    return list(unique.values())


def path_text(hops: list[dict[str, Any]]) -> str:
    """One path as a line of text: ``A → relation → B ← relation ← C``.

    Parameters
    ----------
    hops : list of dict
        One path from :func:`path`.

    Returns
    -------
    str
        The labels and relations, with arrows that follow each edge's direction; ``""`` for no hops.

    Examples
    --------
    >>> path_text([{"from": "Ningbo", "relation": "has a factory in", "to": "Geely", "direction": "backward"}])
    'Ningbo ← has a factory in ← Geely'
    """
    if not hops:
        return ""
    parts = [hops[0]["from"]]
    for hop in hops:
        arrow = "←" if hop.get("direction") == "backward" else "→"
        parts += [arrow, hop["relation"], arrow, hop["to"]]
    return " ".join(parts)
