"""The entity graph's core: what ``rank``, ``path`` and ``communities`` need, in flat lists, read in milliseconds.

The entity graph (:func:`nevkg.graph.entity.entity_graph`) carries every edge's fact, words, sources and dates:
at a million triples it is a file of tens of megabytes and a networkx graph of hundreds. Centrality, paths and
communities need only who is tied to whom, the nodes' labels and kinds, and the relation (and fact type) of
each edge; a path needs the full edge only for its few hops. :class:`EntityCore` keeps exactly that: node ids,
labels and types in lists, ISO codes and aliases where there are some, the edges as two lists of node
indices (in the entity graph's own edge order, so every algorithm sees the same graph in the same order and
gives the same answer), their relations and fact types as small integers, the ontology's kinds, and a
function that fetches one edge's full data when asked.

It answers the few questions the analytics ask of a graph, in networkx's words (``n in C``,
``C.nodes[n]``, ``C.nodes(data=True)``, ``C.edges(data=True)`` with the core attributes ``relation`` and
``factType`` only, ``C.get_edge_data(u, v)`` with the full data), and builds the undirected simple view
the algorithms run on (:meth:`EntityCore.simple`) straight from the index lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["EntityCore", "NODE_ATTRS", "ontology_kinds"]

#: the node attributes the core keeps (the analytics read no other): label and type for every node, the
#: others for the nodes that have them
NODE_ATTRS = ("label", "type", "isoCode", "altLabel")
_OPTIONAL = NODE_ATTRS[2:]


def ontology_kinds() -> dict[str, frozenset[str]]:
    """Every ``nev:`` class of the ontology (local name) → itself and every class below it (transitively).

    What the analytics ask of the ontology (is this node a Place? an Organization? is this a fact type?). A
    build stores it in the core, so a command that reads the core needs neither the ontology nor rdflib.

    >>> sorted(ontology_kinds()["Company"])[:3]
    ['Automaker', 'Company', 'JointVentureCompany']
    """
    from nevkg.ontology.classes import superclasses
    from nevkg.ontology.namespaces import NEV

    ns = str(NEV)
    below: dict[str, set[str]] = {}
    for cls, ups in superclasses().items():
        if str(cls).startswith(ns):
            name = str(cls)[len(ns):]
            below.setdefault(name, set()).add(name)
            for up in ups:
                if str(up).startswith(ns):
                    below.setdefault(str(up)[len(ns):], {str(up)[len(ns):]}).add(name)
    return {name: frozenset(names) for name, names in sorted(below.items())}


class _NodeView:
    """``C.nodes``: ``C.nodes[n]`` is a node's core attributes; ``C.nodes(data=True)`` iterates them."""

    def __init__(self, core: EntityCore) -> None:
        self._c = core

    def __getitem__(self, node: str) -> dict[str, str]:
        return self._c._attrs(self._c.index[node])

    def __iter__(self) -> Iterator[str]:
        return iter(self._c.ids)

    def __len__(self) -> int:
        return len(self._c.ids)

    def __call__(self, data: bool = False):
        if not data:
            return iter(self._c.ids)
        return ((n, self._c._attrs(i)) for i, n in enumerate(self._c.ids))


class EntityCore:
    """Nodes and edge endpoints of an entity graph in flat lists (see the module docstring).

    Parameters
    ----------
    ids, labels, types : list of str
        One entry per node, in the entity graph's node order (a node without a label: ``None``).
    extra : dict
        ``isoCode`` and ``altLabel`` → {node index → value}, for the nodes that have one.
    u, v : list of int
        Source and target node index of each edge, in the entity graph's edge order.
    rel, ftype : list of int
        Each edge's relation and fact type, as indices into ``relations`` and ``fact_types`` (``""`` for none).
    relations, fact_types : list of str
        The names those indices stand for.
    edge_data : callable
        Edge index → ``(key, data)``: the edge's key and full attributes.
    kinds : dict, optional
        :func:`ontology_kinds` as the build stored it (``None``: the analytics ask the ontology).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="A", type="City"); G.add_node("b", label="B", type="Country")
    >>> G.add_edge("a", "b", key="k", relation="locatedIn", words="is located in")
    'k'
    >>> C = EntityCore.from_graph(G)
    >>> C.nodes["a"], list(C.edges(data=True)), C.get_edge_data("a", "b")
    ({'label': 'A', 'type': 'City'}, [('a', 'b', {'relation': 'locatedIn', 'factType': ''})], \
{'k': {'relation': 'locatedIn', 'words': 'is located in'}})
    >>> list(C.simple(["a", "b"]).edges(data=True))
    [('a', 'b', {'weight': 1})]
    """

    def __init__(self, ids: list[str], labels: list[str], types: list[str], extra: dict[str, dict[int, str]],
                 u: list[int], v: list[int], rel: list[int], ftype: list[int], relations: list[str],
                 fact_types: list[str], edge_data: Callable[[int], tuple[str, dict[str, Any]]],
                 kinds: dict[str, frozenset[str]] | None = None) -> None:
        self.ids, self.labels, self.types, self.extra = ids, labels, types, extra
        self.u, self.v, self.rel, self.ftype = u, v, rel, ftype
        self.relations, self.fact_types = relations, fact_types
        self._edge_data = edge_data
        self.kinds = kinds
        self.index = {n: i for i, n in enumerate(ids)}
        self.nodes = _NodeView(self)
        self.graph = {"nevkg_view": "entity-core"}

    # -- construction -------------------------------------------------------------------------------------

    @classmethod
    def from_graph(cls, G) -> EntityCore:
        """The core of an entity graph held in memory (its full edge data stays in G)."""
        ids = list(G.nodes)
        index = {n: i for i, n in enumerate(ids)}
        attrs = [d for _, d in G.nodes(data=True)]
        edges = list(G.edges(keys=True, data=True))
        relations: dict[str, int] = {}
        fact_types: dict[str, int] = {"": 0}
        return cls(ids, [None if d.get("label") is None else str(d["label"]) for d in attrs],
                   [str(d.get("type", "")) for d in attrs],
                   {name: {i: str(d[name]) for i, d in enumerate(attrs) if d.get(name) not in (None, "")}
                    for name in _OPTIONAL},
                   [index[e[0]] for e in edges], [index[e[1]] for e in edges],
                   [relations.setdefault(str(e[3].get("relation", "")), len(relations)) for e in edges],
                   [fact_types.setdefault(str(e[3].get("factType") or ""), len(fact_types)) for e in edges],
                   list(relations), list(fact_types), lambda i: (edges[i][2], edges[i][3]))

    def to_json(self) -> dict[str, Any]:
        """The core as a JSON-ready dict (edge data left out: it is stored apart, see
        :mod:`nevkg.graph.entity_store`)."""
        return {"ids": self.ids, "labels": self.labels, "types": self.types,
                "extra": {name: [[i, x] for i, x in sorted(values.items())] for name, values in self.extra.items()},
                "u": self.u, "v": self.v,
                "rel": self.rel, "ftype": self.ftype, "relations": self.relations, "fact_types": self.fact_types,
                "kinds": {name: sorted(names) for name, names in (self.kinds or ontology_kinds()).items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any], edge_data: Callable[[int], tuple[str, dict[str, Any]]]) -> EntityCore:
        """The core back from :meth:`to_json`'s dict, with the function that fetches an edge's full data."""
        return cls(data["ids"], data["labels"], data["types"],
                   {name: dict(map(tuple, values)) for name, values in data["extra"].items()}, data["u"], data["v"],
                   data["rel"], data["ftype"], data["relations"], data["fact_types"], edge_data,
                   {name: frozenset(names) for name, names in data["kinds"].items()})

    # -- the questions the analytics ask ------------------------------------------------------------------

    def _attrs(self, i: int) -> dict[str, str]:
        out = {"type": self.types[i]} if self.labels[i] is None else {"label": self.labels[i], "type": self.types[i]}
        for name, values in self.extra.items():
            if i in values:
                out[name] = values[i]
        return out

    def label(self, node: str) -> str:
        """A node's label (its id when it has none), without building its attributes."""
        label = self.labels[self.index[node]]
        return node if label is None else label

    def kept(self, exclude: Iterable[str], keep: Iterable[str] = ()) -> list[str]:
        """The nodes (in order) whose type is not in ``exclude``, plus those in ``keep``."""
        excluded, keep = set(exclude or ()), set(keep)
        return [n for n, t in zip(self.ids, self.types, strict=True) if n in keep or t not in excluded]

    def __contains__(self, node: object) -> bool:
        return node in self.index

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def number_of_edges(self) -> int:
        return len(self.u)

    def edges(self, data: bool = False):
        """Every edge as ``(u, v)``, or ``(u, v, {"relation", "factType"})`` (the core attributes only)."""
        ids, rels, fts = self.ids, self.relations, self.fact_types
        if not data:
            return ((ids[a], ids[b]) for a, b in zip(self.u, self.v, strict=True))
        return ((ids[a], ids[b], {"relation": rels[r], "factType": fts[f]})
                for a, b, r, f in zip(self.u, self.v, self.rel, self.ftype, strict=True))

    def edge_data(self, i: int) -> tuple[str, dict[str, Any]]:
        """Edge ``i``'s key and full data."""
        return self._edge_data(i)

    def get_edge_data(self, u: str, v: str, default=None) -> dict[str, dict[str, Any]] | None:
        """``{key: data}`` of the edges from u to v (full data), as networkx's ``get_edge_data``."""
        a, b = self.index.get(u), self.index.get(v)
        found = dict(self.edge_data(i) for i, (x, y) in enumerate(zip(self.u, self.v, strict=True))
                     if x == a and y == b) if a is not None and b is not None else {}
        return found or default

    def simple(self, nodes: Iterable[str]):
        """The undirected simple graph over ``nodes`` (in their order) the algorithms run on: two nodes are
        linked when any edge links them (no self-loops), ``weight`` = how many edges do (either direction).

        The same graph, built in the same order, as looping over the entity graph's edges with networkx
        (``add_edge`` or ``weight += 1``), without looking up an edge per edge.
        """
        import networkx as nx

        nodes = list(nodes)
        keep = bytearray(len(self.ids))
        index = self.index
        for n in nodes:
            keep[index[n]] = 1
        weights: dict[tuple[int, int], int] = {}
        for a, b in zip(self.u, self.v, strict=True):
            if a != b and keep[a] and keep[b]:
                pair = (a, b) if a < b else (b, a)
                weights[pair] = weights.get(pair, 0) + 1
        U = nx.Graph()
        U.add_nodes_from(nodes)
        ids = self.ids
        U.add_edges_from((ids[a], ids[b], {"weight": w}) for (a, b), w in weights.items())
        return U
