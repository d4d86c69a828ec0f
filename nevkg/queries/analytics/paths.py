"""Paths between two things of the entity graph, hop by hop, each hop a sentence read in the path's order."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError
from nevkg.graph.entity import entity_core, split_sources
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
    vague_hubs,
)

__all__ = ["path", "path_text", "path_sentences"]

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

    s, o, _, d, direction = min(candidates, key=rank)
    words = d.get("words") or d.get("label", d.get("relation", ""))
    return {"from": _label(G, u), "from_id": u, "relation": words, "via": d.get("factLabel", ""),
            "fact": d.get("fact", ""), "to": _label(G, v), "to_id": v, "sources": _sources(d),
            "direction": direction, "subject": _label(G, s), "object": _label(G, o),
            "sentence": f"{_label(G, s)} {words} {_label(G, o)}"}


def path(G, a: str, b: str, *, max_paths: int = 1, via: str | None = None,
         exclude: Iterable[str] = HUB_KINDS, vague: bool = False) -> list[list[dict[str, Any]]]:
    """The shortest connections between two nodes, hop by hop, each hop with its relation and sources.

    Edges are followed in either direction (a hop against an edge says ``"direction": "backward"``). Among
    paths with the fewest hops, the one through the least connected intermediate nodes comes first, so a
    specific tie (Ningbo, Geely) beats a hub (China). Between two nodes the edge that tells the hop best is
    shown: a structural tie (brand, factory, exports, deployment, partnership) before an observation or a
    statement, then the one with more sources.

    Vague hubs (:func:`~nevkg.queries.analytics._base.vague_hubs`: "World", "overseas markets", publishers,
    unnamed people, the curators) are not used as intermediate nodes unless asked: ``vague=True``, or a ``via``
    that names one of them or their kind. "Two people spoke about overseas markets" is no connection.

    Parameters
    ----------
    G : networkx.MultiDiGraph, EntityCore or KnowledgeGraph
        An entity graph (:func:`entity_graph`), its core (:func:`~nevkg.graph.entity.entity_core`: what the
        search reads; the hops shown read their edges' full data), or a knowledge graph.
    a, b : str
        Node ids (IRIs) of the two ends.
    max_paths : int, optional
        How many alternative paths to return at most (distinct node sequences, shortest first). Default 1.
    via : str, optional
        What every path must pass through: a node id (IRI; a vague hub is then allowed), a node type
        (``"Automaker"``, ``"City"``; the node must be an intermediate one, not an end) or a fact type
        (``"ProductionSite"``, ``"MarketPresence"``; one hop must be such a fact). With a kind, the
        alternatives are the shortest path through each node (or fact edge) of that kind, best first, so they
        pass through different ones.
    exclude : iterable of str, optional
        Node types never used as intermediate nodes. Default :data:`HUB_KINDS` (vocabulary concepts).
    vague : bool, optional
        Allow vague hubs as intermediate nodes (default False).

    Returns
    -------
    list of list of dict
        Each path is a list of hops ``{"from", "from_id", "relation", "via", "fact", "to", "to_id", "sources",
        "direction", "subject", "object", "sentence"}``: ``from``/``to`` follow the path; ``relation`` is in
        words, read along the edge, from ``subject`` to ``object`` (so against the path when ``direction`` is
        ``"backward"``), and ``sentence`` is ``subject relation object``, the fact as it reads; ``via`` and
        ``fact`` name the fact the edge stands for (``""`` for a plain edge); ``sources`` are source ids. No
        connection: an empty list.

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
    >>> [p] = path(G, N + "yin-tongyue", N + "spain")
    >>> print(path_text(p))
    Yin Tongyue → is chairman of → Chery → exports to → Spain
    >>> p[1]["via"], p[1]["sources"], p[1]["direction"]
    ('Chery exports to Spain', ['fixture-news-a'], 'forward')
    >>> back = path(G, N + "europe", N + "ebro", via="ProductionSite")[0]
    >>> print(path_text(back))
    Europe ← is located in ← Spain ← has a plant in ← Ebro
    >>> for sentence in path_sentences(back): print(sentence)
    Spain is located in Europe.
    Ebro has a plant in Spain.
    >>> path(G, N + "chery", N + "weride")
    []
    """
    import networkx as nx

    G = entity_core(G)
    _check_node(G, a)
    _check_node(G, b)
    if a == b:
        raise QueryError("a path needs two different nodes")
    if not isinstance(max_paths, int) or isinstance(max_paths, bool) or max_paths < 1:
        raise QueryError(f"max_paths must be a positive integer, got {max_paths!r}")
    via_node = via if via is not None and via in G else None
    via_kinds = _check_kinds(G, via) if via is not None and via_node is None else None
    hubs = vague_hubs(G)
    if via_node is not None and via_node in (a, b):
        raise QueryError("the node to pass through must not be an end of the path")
    allowed = set(hubs) if vague else {n for n, why in hubs.items()
                                       if n == via_node or (via_kinds and G.nodes[n].get("type") in via_kinds)}
    nodes = [n for n in _kept(G, exclude, keep=(a, b) + ((via_node,) if via_node else ()))
             if n not in hubs or n in allowed or n in (a, b)]
    U = _simple(G, nodes)
    # fewest hops first; ties broken by the (log) degree of the intermediate nodes, never by more than a hop
    cost = {n: math.log1p(U.degree(n)) for n in U}
    eps = 1.0 / (2.0 * (len(U) + 1) * (max(cost.values(), default=0.0) + 1.0))
    for u, v, d in U.edges(data=True):
        d["cost"] = 1.0 + eps * (cost[u] + cost[v])

    def length(nodes: list[str]) -> float:
        return sum(U[x][y]["cost"] for x, y in zip(nodes, nodes[1:], strict=False))

    if via_node is not None:
        found = sorted(_paths_via(G, U, a, b, set(), nodes=(via_node,)),
                       key=lambda p: (length(p), [_fold(_label(G, n)) for n in p]))[:max_paths]
    elif via_kinds is None:
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


def _paths_via(G, U, a: str, b: str, kinds: set[str], nodes: Iterable[str] = ()) -> list[list[str]]:
    """For each node (or fact edge) of the given kinds, and each of ``nodes``, the shortest simple a–b paths
    through it."""
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
        if c not in (a, b) and (G.nodes[c].get("type") in kinds or c in nodes):
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


def path_sentences(hops: list[dict[str, Any]]) -> list[str]:
    """One path as sentences, one per hop, in the order the path reads; each sentence states its fact as it
    reads (a hop against an edge keeps the edge's own subject: "WeRide is based in Guangzhou").

    Examples
    --------
    >>> path_sentences([{"from": "Guangzhou", "to": "WeRide", "relation": "is based in", "direction": "backward"}])
    ['WeRide is based in Guangzhou.']
    """
    out = []
    for hop in hops:
        subject, obj = (hop["to"], hop["from"]) if hop.get("direction") == "backward" else (hop["from"], hop["to"])
        out.append(f"{subject} {hop['relation']} {obj}.")
    return out
