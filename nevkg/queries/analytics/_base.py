"""What the analytics modules share: the ontology's kinds, node checks, the simple undirected view, labels."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError, UnknownNameError
from nevkg.graph.entity import entity_core, entity_graph, split_sources
from nevkg.graph.entity_core import EntityCore

__all__ = ["HUB_KINDS", "vague_hubs", "is_kind"]

HUB_KINDS: frozenset[str] = frozenset({"Measure", "Unit", "ProductScope", "Concept"})


def _kinds(G=None) -> dict[str, frozenset[str]]:
    """Local names of the ``nev:`` classes under each class (reflexive): those the build stored in G's core,
    else the ontology's (:func:`~nevkg.graph.entity_core.ontology_kinds`)."""
    return getattr(G, "kinds", None) or _ontology_kinds()


@functools.lru_cache(maxsize=1)
def _ontology_kinds() -> dict[str, frozenset[str]]:
    from nevkg.graph.entity_core import ontology_kinds

    return ontology_kinds()


def _is(G, node: str, kind: str) -> bool:
    return G.nodes[node].get("type") in _kinds(G).get(kind, ())


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
    known = {d.get("type", "") for _, d in G.nodes(data=True)} | set(extra) | set(_kinds(G).get("Fact", ()))
    by_lower = {k.lower(): k for k in known if k}
    out = set()
    for kind in kinds:
        hit = by_lower.get(str(kind).lower())
        if hit is None:
            raise QueryError(f"unknown kind {kind!r}; known kinds: {', '.join(sorted(by_lower.values()))}")
        out.add(hit)
    return out


def is_kind(G, name: str) -> bool:
    """Whether ``name`` names a kind (a node type of G or a fact type, case-insensitive) rather than a thing.

    >>> is_kind(_example_graph(), "automaker"), is_kind(_example_graph(), "Chery")
    (True, False)
    """
    try:
        _check_kinds(G, name)
    except QueryError:
        return False
    return True


def _kept(G, exclude: Iterable[str], keep: Iterable[str] = ()) -> list[str]:
    if isinstance(G, EntityCore):
        return G.kept(exclude, keep)
    excluded = set(exclude or ())
    keep = set(keep)
    return [n for n, d in G.nodes(data=True) if n in keep or d.get("type") not in excluded]


def _simple(G, nodes: Iterable[str]):
    """An undirected simple graph over ``nodes``; ``weight`` = number of parallel edges (either direction).

    Built from the entity graph's core (:meth:`~nevkg.graph.entity_core.EntityCore.simple`); ``G`` is an
    entity graph or its core.
    """
    return entity_core(G).simple(nodes)


def _label(G, n: str) -> str:
    return G.label(n) if isinstance(G, EntityCore) else str(G.nodes[n].get("label", n))


def _fold(label: str) -> tuple[str, str]:
    """Sort key for labels: case-insensitive, then exact."""
    return (label.casefold(), label)


def _sources(d: dict[str, Any]) -> list[str]:
    return sorted(split_sources(d.get("sources")))


#: the project's own node: the curators who publish the compilations (the agent of every build)
CURATORS = "https://w3id.org/nevkg/id/nevkg-project"


def vague_hubs(G) -> dict[str, str]:
    """Catch-all nodes that tie many things together without saying anything specific: node → why.

    * a region that contains China ("World", "Asia"): every place is near every other through it;
    * a region that names no place (nothing is located in it) and lies only in such wide regions
      ("overseas markets": anywhere but China);
    * a publisher (:class:`nev:Publisher` and below) and the curators' own node: they report, they do not act;
    * an unnamed person (label ``unnamed …``: an anonymous speaker or group, not a person one can follow).

    Paths leave them out unless asked; ends of a path are always kept.

    Examples
    --------
    >>> G = _example_graph()
    >>> sorted((_label(G, n), why) for n, why in vague_hubs(G).items())
    [('Fixture Press', 'a publisher'), ('nevkg project', 'the curators')]
    """
    from collections import deque

    up: dict[str, set[str]] = {}
    down: dict[str, set[str]] = {}
    for u, v, d in G.edges(data=True):
        if d.get("relation") == "locatedIn":
            up.setdefault(u, set()).add(v)
            down.setdefault(v, set()).add(u)
    china = [n for n, d in G.nodes(data=True) if d.get("isoCode") == "CN" or n.endswith("/id/china")]
    wide: set[str] = set()
    queue = deque(china)
    while queue:
        for m in up.get(queue.popleft(), ()):
            if m not in wide:
                wide.add(m)
                queue.append(m)
    publishers = _kinds(G).get("Publisher", frozenset())
    out: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        kind, label = d.get("type", ""), str(d.get("label", ""))
        if kind == "Region" and n in wide:
            out[n] = "a region that contains China"
        elif kind == "Region" and not down.get(n) and up.get(n) and up[n] <= wide:
            out[n] = "a region that names no place"
        elif kind in publishers or n == CURATORS:
            out[n] = "a publisher" if n != CURATORS else "the curators"
        elif kind == "Person" and label.casefold().startswith("unnamed"):
            out[n] = "an unnamed person"
    return out
