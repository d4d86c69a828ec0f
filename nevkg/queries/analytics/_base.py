"""What the analytics modules share: the ontology's kinds, node checks, the simple undirected view, labels."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError, UnknownNameError
from nevkg.graph.entity import entity_graph, split_sources

__all__ = ["HUB_KINDS"]

HUB_KINDS: frozenset[str] = frozenset({"Measure", "Unit", "ProductScope", "Concept"})


@functools.lru_cache(maxsize=1)
def _kinds() -> dict[str, frozenset[str]]:
    """Local names of the ``nev:`` classes under Organization, Place and Fact (reflexive)."""
    from nevkg.graph.validate import ontology_graph
    from nevkg.ontology.namespaces import NEV, RDFS

    g = ontology_graph()
    out = {}
    for name in ("Organization", "Place", "Fact"):
        found = {str(c) for c in g.transitive_subjects(RDFS.subClassOf, NEV[name])}
        out[name] = frozenset(c[len(str(NEV)):] for c in found if c.startswith(str(NEV)))
    return out


def _is(G, node: str, kind: str) -> bool:
    return G.nodes[node].get("type") in _kinds()[kind]


@functools.lru_cache(maxsize=1)
def _example_graph():
    """The entity graph of the small fixture records (``tests/resources/records``), for the examples below."""
    import nevkg

    return entity_graph(nevkg.build("memory", ["tests/resources/records"], shipped=False))


def _check_node(G, node: str, what: str = "node") -> None:
    if not isinstance(node, str) or node not in G:
        raise UnknownNameError(f"unknown {what} {node!r}: not a node of the graph (pass an IRI; resolve names first)")


def _check_kinds(G, kinds: Iterable[str] | str | None, *, extra: Iterable[str] = ()) -> set[str] | None:
    """Normalise kind names (case-insensitive) against the node types of G; unknown names raise QueryError."""
    if kinds is None:
        return None
    if isinstance(kinds, str):
        kinds = [kinds]
    known = {d.get("type", "") for _, d in G.nodes(data=True)} | set(extra) | set(_kinds()["Fact"])
    by_lower = {k.lower(): k for k in known if k}
    out = set()
    for kind in kinds:
        hit = by_lower.get(str(kind).lower())
        if hit is None:
            raise QueryError(f"unknown kind {kind!r}; known kinds: {', '.join(sorted(by_lower.values()))}")
        out.add(hit)
    return out


def _kept(G, exclude: Iterable[str], keep: Iterable[str] = ()) -> list[str]:
    excluded = set(exclude or ())
    keep = set(keep)
    return [n for n, d in G.nodes(data=True) if n in keep or d.get("type") not in excluded]


def _simple(G, nodes: Iterable[str]):
    """An undirected simple graph over ``nodes``; ``weight`` = number of parallel edges (either direction)."""
    import networkx as nx

    U = nx.Graph()
    nodes = list(nodes)
    U.add_nodes_from(nodes)
    keep = set(nodes)
    for u, v in G.edges():
        if u in keep and v in keep and u != v:
            if U.has_edge(u, v):
                U[u][v]["weight"] += 1
            else:
                U.add_edge(u, v, weight=1)
    return U


def _label(G, n: str) -> str:
    return str(G.nodes[n].get("label", n))


def _fold(label: str) -> tuple[str, str]:
    """Sort key for labels: case-insensitive, then exact."""
    return (label.casefold(), label)


def _sources(d: dict[str, Any]) -> list[str]:
    return sorted(split_sources(d.get("sources")))
