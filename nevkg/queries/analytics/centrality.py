"""Who is central (degree, PageRank, betweenness) and which clusters the entity graph falls into (Louvain)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError
from nevkg.graph.entity import entity_core
from nevkg.queries.analytics._base import (
    HUB_KINDS,
    _check_kinds,
    _example_graph,  # noqa: F401  (the docstring examples use it)
    _fold,
    _kept,
    _label,
    _simple,
)

__all__ = ["rank", "communities"]

_MEASURES = ("degree", "pagerank", "betweenness")


def rank(G, *, measure: str = "degree", kinds: Iterable[str] | str | None = None, top: int | None = None,
         exclude: Iterable[str] = HUB_KINDS) -> list[dict[str, Any]]:
    """Rank the nodes of the entity graph by centrality.

    Computed on the undirected simple view of the whole entity graph (without the ``exclude`` kinds), where
    two nodes are linked if any edge links them, weighted by how many do; ``kinds`` then filters the ranking.

    Parameters
    ----------
    G : networkx.MultiDiGraph, EntityCore or KnowledgeGraph
        An entity graph (:func:`entity_graph`), its core (:func:`~nevkg.graph.entity.entity_core`: what the
        computation reads), or a knowledge graph (its stored core is read).
    measure : {"degree", "pagerank", "betweenness"}, optional
        ``"degree"``: how many distinct nodes a node is tied to (an integer); ``"pagerank"``: PageRank with
        the edge counts as weights; ``"betweenness"``: normalised betweenness centrality (unweighted hops).
    kinds : str or iterable of str, optional
        Report only nodes of these types (case-insensitive).
    top : int, optional
        Report only the first ``top`` rows.
    exclude : iterable of str, optional
        Types left out of the computation (default :data:`HUB_KINDS`).

    Returns
    -------
    list of dict
        ``{"id", "label", "type", "score"}``, highest score first, ties by label then id; pagerank and
        betweenness scores are rounded to 6 decimals.

    Raises
    ------
    QueryError
        When ``measure`` or a kind is unknown, or ``top`` is not a positive integer.

    Examples
    --------
    >>> G = _example_graph()
    >>> [(r["label"], r["score"]) for r in rank(G, kinds="Automaker")]
    [('Chery', 6), ('Ebro', 3)]
    >>> rank(G, measure="betweenness", top=1)[0]["label"]
    'Chery'
    """
    import networkx as nx

    G = entity_core(G)
    if measure not in _MEASURES:
        raise QueryError(f"unknown measure {measure!r}; choose one of: {', '.join(_MEASURES)}")
    if top is not None and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
        raise QueryError(f"top must be a positive integer, got {top!r}")
    wanted = _check_kinds(G, kinds)
    U = _simple(G, _kept(G, exclude))
    if measure == "degree":
        scores: dict[str, Any] = dict(U.degree())
    elif measure == "pagerank":
        scores = {n: round(s, 6) for n, s in _pagerank(U).items()}
    else:
        scores = {n: round(s, 6) for n, s in nx.betweenness_centrality(U).items()}
    types, index = G.types, G.index
    rows = [{"id": n, "label": _label(G, n), "type": types[index[n]], "score": s}
            for n, s in scores.items() if wanted is None or types[index[n]] in wanted]
    rows.sort(key=lambda r: (-r["score"], _fold(r["label"]), r["id"]))
    return rows[:top] if top else rows


def _pagerank(U, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank of an undirected graph by power iteration (networkx's own needs numpy and scipy)."""
    n = len(U)
    if not n:
        return {}
    strength = {v: sum(d["weight"] for d in U[v].values()) for v in U}
    rank_ = dict.fromkeys(U, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank_[v] for v in U if not strength[v]) / n
        new = {}
        for v in U:
            flow = sum(rank_[u] * d["weight"] / strength[u] for u, d in U[v].items())
            new[v] = (1.0 - alpha) / n + dangling + alpha * flow
        done = sum(abs(new[v] - rank_[v]) for v in U) < n * tol
        rank_ = new
        if done:
            break
    return rank_


def communities(G, *, seed: int = 0, resolution: float = 1.0,
                exclude: Iterable[str] = HUB_KINDS) -> list[dict[str, Any]]:
    """Clusters of the entity graph (Louvain), deterministic for a given seed.

    Parameters
    ----------
    G : networkx.MultiDiGraph, EntityCore or KnowledgeGraph
        An entity graph (:func:`entity_graph`), its core (:func:`~nevkg.graph.entity.entity_core`: what the
        computation reads), or a knowledge graph (its stored core is read).
    seed : int, optional
        Random seed of the Louvain method (default 0): the same graph and seed give the same clusters.
    resolution : float, optional
        Louvain resolution: above 1 favours smaller communities (default 1).
    exclude : iterable of str, optional
        Types left out (default :data:`HUB_KINDS`). Every other node is in exactly one community
        (an isolated node is its own).

    Returns
    -------
    list of dict
        ``{"id", "size", "members", "member_ids"}``, largest first (ties by first member label), ``id``
        numbering them in that order from 0; members sorted by label.

    Raises
    ------
    QueryError
        When ``seed`` is not an integer or ``resolution`` is not positive.

    Examples
    --------
    >>> G = _example_graph()
    >>> [c["members"] for c in communities(G) if "WeRide" in c["members"]]
    [['Abu Dhabi', 'Middle East', 'Uber', 'United Arab Emirates', 'WeRide']]
    """
    import networkx as nx

    G = entity_core(G)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise QueryError(f"seed must be an integer, got {seed!r}")
    if not isinstance(resolution, (int, float)) or resolution <= 0:
        raise QueryError(f"resolution must be a positive number, got {resolution!r}")
    U = _simple(G, _kept(G, exclude))
    groups = nx.community.louvain_communities(U, weight="weight", resolution=resolution, seed=seed) if len(U) else []
    rows = []
    for group in groups:
        ids = sorted(group, key=lambda n: (_fold(_label(G, n)), n))
        rows.append({"size": len(ids), "members": [_label(G, n) for n in ids], "member_ids": ids})
    rows.sort(key=lambda r: (-r["size"], [_fold(m) for m in r["members"]], r["member_ids"]))
    return [{"id": i, **r} for i, r in enumerate(rows)]
