# ruff: noqa: E501  (the page's CSS, JavaScript and HTML are kept as written, in long lines)
"""Pictures of the graph: the subgraph to draw, and one self-contained, offline HTML page that draws it.

Two plain functions:

* :func:`subgraph_for` picks what to draw from a knowledge graph: the whole entity graph, an entity's
  neighbourhood, the shortest connections between two entities, the things a named query or a SPARQL query
  returns, narrowed to some kinds or to what some sources say.
* :func:`render_html` writes the page: one UTF-8 HTML file with vis-network (the copy shipped inside the
  pyvis package) and its CSS inlined, no CDN, nothing written beside it, nothing fetched when it opens.

**Why not pyvis' own ``write_html``.** pyvis (unmaintained since 2023) writes a ``lib/`` folder into the
working directory or loads Bootstrap and tom-select from a CDN, inserts ``heading`` and ``select_menu``
values into the page as raw HTML, and switches every tooltip to raw HTML as soon as one title contains
"href". Here pyvis supplies the drawing library and the network data model (its ``Network`` node and edge
lists and options, read back with ``get_network_data``); the page around it is nevkg's own: the data
travels as JSON inside ``<script type="application/json">`` (``<``, ``>``, ``&``, U+2028 and U+2029
escaped) and is parsed with ``JSON.parse``; every string from the data reaches the page through
``textContent`` or the canvas, never as HTML; tooltips are DOM elements (vis-network accepts an
``Element`` as a title).

**What the page does.** Colour and shape per kind of thing with a legend that doubles as a filter (by kind
and by source); edge labels say the relation in words (``"has a plant in"``); node size follows the degree
or a chosen numeric attribute; hovering shows a node's kind, key facts and sources with their dates; a
search box finds a label (case-insensitive) and focuses it; clicking a node highlights its neighbourhood and
opens a side panel with its facts, its statistics (the observations about it, as a table) and its sources.

**Large graphs.** Up to ``physics_threshold`` nodes the browser's physics simulation settles the layout
(starting from one computed here, so it settles fast) and is switched off once stable. Above it the layout
is computed in Python (networkx ``spring_layout`` with a fixed seed below 500 nodes, a grid-approximated
Fruchterman–Reingold in numpy for large ones) and physics stays off, so a page of 5,000 nodes opens in about
1.5 s and stays responsive: edges are straight, without arrowheads, and hidden while dragging or zooming, and
a click highlights the node and its edges instead of fading every other node. Above
``aggregate_threshold`` nodes the graph is aggregated (fact nodes folded into their participants, then
leaves folded into their only neighbour, then the best-connected nodes kept) and the page says so.
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import random
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from nevkg.errors import QueryError

__all__ = ["subgraph_for", "render_html", "page_payload", "json_for_html", "FAMILIES"]

#: kind families drawn alike: key → (legend name, nev: root class, colour, vis shape), in priority order
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "site": ("Production sites", "ProductionSite", "#c0392b", "hexagon"),
    "market": ("Market presence", "MarketPresence", "#e69f00", "hexagon"),
    "partnership": ("Partnerships", "Partnership", "#00a0a0", "hexagon"),
    "deployment": ("Deployments", "Deployment", "#6c8f1a", "hexagon"),
    "policy": ("Policies", "Policy", "#8e5a2b", "hexagon"),
    "observation": ("Statistics", "Observation", "#5d6d7e", "square"),
    "statement": ("Statements", "Statement", "#c05fa8", "square"),
    "role": ("Roles", "Role", "#7b68c8", "square"),
    "target": ("Targets", "Target", "#7d6608", "square"),
    "organization": ("Organisations", "Organization", "#2e6db4", "dot"),
    "place": ("Places", "Place", "#23936b", "triangle"),
    "person": ("People", "Person", "#e67e22", "diamond"),
    "model": ("Vehicle models", "VehicleModel", "#8e44ad", "square"),
    "source": ("Sources", "Source", "#566573", "box"),
    "concept": ("Concepts", "Concept", "#95a5a6", "triangleDown"),
}
#: colours and shapes for kinds outside the ontology (synthetic or foreign graphs), used in turn
_SPARE = [("#17a589", "dot"), ("#a04000", "triangle"), ("#2874a6", "diamond"), ("#7d3c98", "square"),
          ("#b7950b", "star"), ("#cb4335", "hexagon"), ("#1e8449", "triangleDown"), ("#5b2c6f", "dot")]
_PLAIN_EDGE = "#8a96a3"
#: node attributes the page shows elsewhere (or not at all) rather than among the facts
_NOT_FACTS = {"label", "type", "kind_group", "sources", "x", "y", "size", "value", "color", "shape", "title",
              "folded"}
#: facts shown first (in this order) in tooltips and panels
_KEY_FACTS = ("altLabel", "isoCode", "status", "siteKind", "activity", "partnershipKind", "policyKind",
              "deploymentKind", "title", "measure", "value", "unit", "bound", "approximate", "periodStart",
              "periodEnd", "startDate", "endDate", "announcedOn", "statedOn", "distance")
#: how the page names attributes
_FACT_NAMES = {"altLabel": "also called", "isoCode": "ISO code", "siteKind": "site kind", "periodStart": "from",
               "periodEnd": "to", "startDate": "since", "endDate": "until", "announcedOn": "announced",
               "statedOn": "stated", "distance": "hops from centre", "comment": "note",
               "yoyChangePct": "change year on year (%)", "productScope": "scope"}


# -- kinds ----------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _nev_ancestors() -> dict[str, frozenset[str]]:
    """Local name of every nev: class → local names of its nev: ancestors (itself included)."""
    from nevkg.graph.project import _ontology
    from nevkg.ontology.namespaces import NEV, SKOS

    closure, _ = _ontology()
    ns = str(NEV)
    out = {}
    for cls, ancestors in closure.items():
        if str(cls).startswith(ns):
            names = {str(a)[len(ns):] for a in ancestors if str(a).startswith(ns)}
            if SKOS.Concept in ancestors:
                names.add("Concept")
            out[str(cls)[len(ns):]] = frozenset(names)
    return out


def _family_of(type_name: str) -> str | None:
    """The family key of a node type, or None for a type outside the ontology."""
    ancestors = _nev_ancestors().get(type_name, frozenset({type_name}))
    for key, (_, root, _, _) in FAMILIES.items():
        if root in ancestors:
            return key
    return None


def _expand_kinds(G, kinds: Iterable[str] | str) -> set[str]:
    """Type names (case-insensitive; a superclass such as ``Organization`` stands for all its subclasses)."""
    if isinstance(kinds, str):
        kinds = [k for k in kinds.split(",") if k.strip()]
    present = {str(d.get("type", "")) for _, d in G.nodes(data=True)}
    known = present | set(_nev_ancestors())
    by_lower = {k.lower(): k for k in known if k}
    wanted: set[str] = set()
    for kind in kinds:
        hit = by_lower.get(str(kind).strip().lower())
        if hit is None:
            raise QueryError(f"unknown kind {kind!r}; kinds in this graph: {', '.join(sorted(present - {''}))}")
        wanted.add(hit)
        wanted |= {t for t, ancestors in _nev_ancestors().items() if hit in ancestors}
    return wanted


def _split(sources: Any) -> list[str]:
    return sorted({s for s in str(sources or "").split(",") if s})


# -- what to draw ---------------------------------------------------------------------------------------------
def _source_info(kg) -> dict[str, dict[str, str]]:
    """Title, date, publisher and address of every source document, by source id."""
    from nevkg.graph.project import source_id

    rows = kg.query("""
        SELECT ?src ?title ?issued ?publisher ?url ?inferred WHERE {
          ?src a nev:Source .
          OPTIONAL { ?src dcterms:title ?title }
          OPTIONAL { ?src dcterms:issued ?issued }
          OPTIONAL { ?src dcterms:publisher/rdfs:label ?publisher }
          OPTIONAL { ?src schema:url ?url }
          OPTIONAL { ?src nev:dateInferred ?inferred }
        }""")
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        sid = source_id(r.src)
        entry = out.setdefault(sid, {"title": "", "issued": "", "publisher": "", "url": "", "dateInferred": ""})
        for key, value in (("title", r.title), ("issued", r.issued), ("publisher", r.publisher), ("url", r.url),
                           ("dateInferred", r.inferred)):
            if value is not None and not entry[key]:
                entry[key] = str(value)
    return out


def _resolve_sources(kg, names: Iterable[str] | str, known: Iterable[str]) -> set[str]:
    """Source ids from ids, names or IRIs of source documents."""
    from nevkg.graph.project import source_id
    from nevkg.queries.resolve import resolve

    if isinstance(names, str):
        names = [n for n in names.split(",") if n.strip()]
    known = set(known)
    out = set()
    for name in names:
        name = str(name).strip()
        out.add(name if name in known else source_id(resolve(kg, name, kinds={"Source"}, what="source")))
    return out


def _entity(kg, name: str, E) -> str:
    from nevkg.queries.resolve import resolve

    iri = str(resolve(kg, name))
    if iri not in E:
        raise QueryError(f"'{name}' is a fact, not a thing the entity graph draws as a node; "
                         f"name one of its participants instead")
    return iri


def _path_graph(kg, E, pair) -> Any:
    """The union of the shortest paths between two entities, with the edges that tell each hop."""
    from nevkg.queries.analytics import path as find_paths

    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        raise QueryError("path needs two names: (a, b)")
    a, b = (_entity(kg, str(x), E) for x in pair)
    found = find_paths(E, a, b, max_paths=25)
    shortest = [p for p in found if len(p) == len(found[0])] if found else []
    nodes, keys = {a, b}, []
    for hops in shortest:
        for hop in hops:
            nodes |= {hop["from_id"], hop["to_id"]}
            u, v = (hop["from_id"], hop["to_id"]) if hop["direction"] == "forward" else (hop["to_id"], hop["from_id"])
            for k, d in E.get_edge_data(u, v, default={}).items():
                if (d.get("fact", "") == hop["fact"] and
                        (d.get("words") or d.get("label", d.get("relation", ""))) == hop["relation"]):
                    keys.append((u, v, k))
                    break
    sub = E.subgraph(nodes).copy()
    sub.remove_edges_from([e for e in list(sub.edges(keys=True)) if e not in set(keys)])
    sub.graph["selection"] = (f"Shortest connections between {E.nodes[a]['label']} and {E.nodes[b]['label']}"
                              if shortest else f"No connection between {E.nodes[a]['label']} and "
                                               f"{E.nodes[b]['label']}")
    return sub


def _rows_graph(E, rows: list[list[Any]], what: str) -> Any:
    """The things named in SELECT rows (facts stand for their participants), with the edges among them."""
    facts = E.graph.get("facts", {})
    nodes: set[str] = set()
    for row in rows:
        for term in row:
            iri = str(term) if term is not None else ""
            if iri in E:
                nodes.add(iri)
            elif iri in facts:
                nodes |= {n for members in facts[iri]["roles"].values() for n in members if n in E}
    sub = E.subgraph(nodes).copy()
    sub.graph["selection"] = what
    return sub


def _pairs_graph(E, rows: list[list[Any]], names: list[str], what: str) -> Any:
    """SELECT rows of entity pairs (columns 1 and 2; column 3, if any, names the link)."""
    import networkx as nx
    from rdflib import URIRef

    sub = nx.MultiDiGraph()
    for row in rows:
        if len(row) < 2 or not isinstance(row[0], URIRef) or not isinstance(row[1], URIRef):
            continue
        a, b = str(row[0]), str(row[1])
        for n in (a, b):
            if n not in sub:
                sub.add_node(n, **(dict(E.nodes[n]) if n in E else {"label": _local(n), "type": "Thing",
                                                                    "kind_group": "entity", "sources": ""}))
        found = False
        for u, v in ((a, b), (b, a)):
            for k, d in E.get_edge_data(u, v, default={}).items():
                sub.add_edge(u, v, key=k, **d)
                found = True
        if not found and a != b:
            label = str(row[2]) if len(row) > 2 and row[2] is not None else (names[2] if len(names) > 2 else
                                                                              "query result")
            sub.add_edge(a, b, key=f"result {label}", relation="result", label=label, words=label, sources="")
    sub.graph["selection"] = what
    return sub


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _construct_graph(E, triples, what: str) -> Any:
    """Draw the triples of a CONSTRUCT: IRI objects as edges, literals as attributes of their subject."""
    import networkx as nx
    from rdflib import Literal, URIRef

    from nevkg.graph.project import _ontology, _scalar
    from nevkg.ontology.namespaces import RDF, RDFS

    _, labels = _ontology()
    sub = nx.MultiDiGraph()

    def add(n: str) -> None:
        if n not in sub:
            sub.add_node(n, **(dict(E.nodes[n]) if n in E else {"label": _local(n), "type": "Thing",
                                                                "kind_group": "entity", "sources": ""}))

    for s, p, o in sorted(triples, key=lambda t: tuple(map(str, t))):
        if not isinstance(s, URIRef):
            continue
        add(str(s))
        if isinstance(o, URIRef) and p != RDF.type:
            add(str(o))
            rel = _local(str(p))
            key = rel if not sub.has_edge(str(s), str(o), rel) else f"{rel} {p}"
            word = labels.get(p, rel)
            sub.add_edge(str(s), str(o), key=key, relation=rel, label=word, words=word, predicate=str(p),
                         sources="")
        elif isinstance(o, Literal):
            name = "label" if p == RDFS.label else _local(str(p))
            if name == "label" or name not in sub.nodes[str(s)]:
                sub.nodes[str(s)][name] = _scalar(o) if name != "label" else str(o)
    sub.graph["selection"] = what
    return sub


def subgraph_for(kg, *, focus: str | None = None, depth: int = 1, path: tuple[str, str] | None = None,
                 query: str | None = None, params: Mapping[str, str] | None = None, sparql: str | None = None,
                 kinds: Iterable[str] | str | None = None, sources: Iterable[str] | str | None = None,
                 timeout: float | None = 60):
    """The networkx subgraph to draw.

    Drawn on the entity graph of :func:`nevkg.queries.analytics.entity_graph`: things are nodes, facts
    (a factory, an export market, a partnership, an observation …) are labelled edges between their
    participants, each with its sources. Vocabulary concepts (measures, units, product scopes) are left out
    unless ``kinds`` asks for them. At most one of ``focus``, ``path``, ``query`` and ``sparql`` may be given.

    Parameters
    ----------
    kg : KnowledgeGraph
    focus : str, optional
        A name (label, alias, id or IRI): draw its neighbourhood, ``depth`` hops out.
    depth : int, optional
        Hops out from ``focus`` (default 1).
    path : (str, str), optional
        Two names: draw the union of the shortest connections between them.
    query : str, optional
        A named query (``nevkg ask --list``): draw the things its rows name, with the edges among them; a
        fact in a row (a partnership …) stands for its participants.
    params : mapping, optional
        The named query's parameters (text values are resolved by the parameter's type).
    sparql : str, optional
        A SPARQL query: a CONSTRUCT (its triples are drawn) or a SELECT whose columns 1 and 2 are pairs of
        things (drawn with the edges between them; when there are none, with an edge named by column 3).
    kinds : str or iterable of str, optional
        Keep only nodes of these types (``"Automaker"``, ``"Country"``; a superclass such as
        ``"Organization"`` or ``"Place"`` keeps all its subclasses; case-insensitive). The focus node and the
        ends of a path are always kept.
    sources : str or iterable of str, optional
        Keep only what these sources state: source ids (``"xinhua-2026-03"``), names or IRIs. A node or
        edge stays when one of its sources is among them.
    timeout : float, optional
        Time limit in seconds for ``sparql`` (default 60).

    Returns
    -------
    networkx.MultiDiGraph
        Node and edge attributes as in the entity graph. ``graph`` holds ``selection`` (what was drawn, in
        words), ``facts`` (the facts behind the edges and the observations about the nodes, as in the entity
        graph) and ``source_info`` (source id → title, issued, publisher, url), which :func:`render_html`
        shows in tooltips and panels.

    Raises
    ------
    UnknownNameError, AmbiguousNameError
        A name names nothing, or several things.
    QueryError, ParameterError
        Conflicting options, an unknown kind, a bad query or parameters.

    Examples
    --------
    >>> import nevkg
    >>> kg = nevkg.build("memory", ["tests/resources/records"], shipped=False)
    >>> sub = subgraph_for(kg, focus="Spain")
    >>> sorted(sub.nodes[n]["label"] for n in sub)
    ['Chery', 'Ebro', 'Europe', 'Spain']
    >>> sub.graph["selection"]
    'Neighbourhood of Spain (1 hop)'
    >>> sorted(d["label"] for _, d in subgraph_for(kg, kinds="Automaker").nodes(data=True))
    ['Chery', 'Ebro']
    """
    from nevkg.queries.analytics import HUB_KINDS, entity_graph, neighbors

    chosen = [name for name, v in (("focus", focus), ("path", path), ("query", query), ("sparql", sparql))
              if v is not None]
    if len(chosen) > 1:
        raise QueryError(f"choose one of focus, path, query and sparql (got {', '.join(chosen)})")
    if params and query is None:
        raise QueryError("params go with a named query")
    E = entity_graph(kg)
    keep_always: set[str] = set()
    wanted_kinds = _expand_kinds(E, kinds) if kinds is not None else None
    hubs = set(HUB_KINDS) - (wanted_kinds or set())

    if focus is not None:
        x = _entity(kg, focus, E)
        sub = neighbors(E, x, depth=depth, exclude=hubs)
        sub.graph["selection"] = (f"Neighbourhood of {E.nodes[x]['label']} ({depth} hop{'s' if depth != 1 else ''})")
        keep_always = {x}
    elif path is not None:
        sub = _path_graph(kg, E, path)
        keep_always = set(sub)
    elif query is not None:
        from nevkg.queries.library import ask

        result = ask(kg, query, **dict(params or {}))
        rows = [[row[v] for v in result.vars] for row in result] if result.type == "SELECT" else []
        if result.type != "SELECT":
            raise QueryError(f"{query} is not a SELECT query; only SELECT queries can be drawn")
        described = ", ".join(f"{k}={v}" for k, v in (params or {}).items())
        sub = _rows_graph(E, rows, f"Named query {query}" + (f" ({described})" if described else ""))
    elif sparql is not None:
        from nevkg.queries.sparql import query_type, run_query

        form = query_type(sparql)
        if form not in ("SELECT", "CONSTRUCT", "DESCRIBE"):
            raise QueryError(f"a {form} query cannot be drawn; use a CONSTRUCT, or a SELECT of pairs of things")
        result = run_query(kg, sparql, timeout=timeout)
        if form == "SELECT":
            names = [str(v) for v in result.vars]
            if len(names) < 2:
                raise QueryError("a SELECT to draw needs two columns: pairs of things (and a third naming the link)")
            sub = _pairs_graph(E, [[row[v] for v in result.vars] for row in result], names, "SPARQL query results")
        else:
            sub = _construct_graph(E, list(result.graph or ()), "SPARQL CONSTRUCT results")
    else:
        sub = E.subgraph([n for n, d in E.nodes(data=True) if d.get("type") not in hubs]).copy()
        sub.graph["selection"] = "The whole entity graph"

    if wanted_kinds is not None:
        sub.remove_nodes_from([n for n, d in list(sub.nodes(data=True))
                               if d.get("type") not in wanted_kinds and n not in keep_always])
        sub.graph["selection"] += f"; kinds: {', '.join(sorted(_as_list(kinds)))}"

    info = _source_info(kg)
    wanted_sources = None
    if sources is not None:
        wanted_sources = _resolve_sources(kg, sources, info)
        sub.remove_edges_from([(u, v, k) for u, v, k, d in list(sub.edges(keys=True, data=True))
                               if not set(_split(d.get("sources"))) & wanted_sources])
        sub.remove_nodes_from([n for n, d in list(sub.nodes(data=True))
                               if not set(_split(d.get("sources"))) & wanted_sources and n not in keep_always])
        sub.graph["selection"] += f"; sources: {', '.join(sorted(wanted_sources))}"

    facts = {}
    for fact, entry in E.graph.get("facts", {}).items():
        members = {n for ms in entry["roles"].values() for n in ms}
        if members & set(sub) and (wanted_sources is None or
                                   set(_split(entry["attrs"].get("sources"))) & wanted_sources):
            facts[fact] = entry
    sub.graph["facts"] = facts
    sub.graph["source_info"] = info
    return sub


def _as_list(value: Iterable[str] | str) -> list[str]:
    return [v.strip() for v in value.split(",")] if isinstance(value, str) else [str(v) for v in value]


# -- layout ---------------------------------------------------------------------------------------------------
def _spiral_layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """A sunflower spiral (no numpy needed): the fallback layout."""
    golden = math.pi * (3 - math.sqrt(5))
    return {n: (math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden))
            for i, n in enumerate(nodes)}


def _grid_fr_layout(nodes: list[str], edges: list[tuple[int, int]], *, seed: int = 7,
                    iterations: int = 50) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in numpy with the repulsion approximated through a grid of cells.

    Each node is repelled by the centres of mass of the (at most 16 × 16) occupied cells rather than by every
    other node, so an iteration costs O(n · cells + edges) instead of O(n²): about 0.3 s in all at 5,000 nodes.
    """
    import numpy as np

    n = len(nodes)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = (rng.random((n, 2)) * side).astype(np.float32)
    ei = np.array(edges, dtype=np.int64).reshape(-1, 2)
    u, v = ei[:, 0], ei[:, 1]
    cells = int(max(4, min(16, math.sqrt(n / 8))))
    temperature = side / 8
    cool = (0.02 / temperature) ** (1 / max(iterations, 1))
    disp = np.empty_like(pos)
    for _ in range(iterations):
        lo = pos.min(axis=0)
        span = np.maximum(pos.max(axis=0) - lo, 1e-6)
        cell = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
        cid = cell[:, 0] * cells + cell[:, 1]
        mass = np.bincount(cid, minlength=cells * cells).astype(np.float32)
        occupied = mass > 0
        m = mass[occupied]
        cx = (np.bincount(cid, weights=pos[:, 0], minlength=cells * cells)[occupied] / m).astype(np.float32)
        cy = (np.bincount(cid, weights=pos[:, 1], minlength=cells * cells)[occupied] / m).astype(np.float32)
        soft = np.float32((span.max() / cells / 2) ** 2)
        dx = pos[:, 0:1] - cx[None, :]
        dy = pos[:, 1:2] - cy[None, :]
        w = m[None, :] / (dx * dx + dy * dy + soft)  # repulsion k²/d with k = 1, along the unit vector
        disp[:, 0] = (dx * w).sum(axis=1)
        disp[:, 1] = (dy * w).sum(axis=1)
        if len(u):
            delta = pos[u] - pos[v]
            pull = delta * np.sqrt((delta * delta).sum(axis=1))[:, None]  # attraction d²/k
            for axis in (0, 1):
                disp[:, axis] += np.bincount(v, weights=pull[:, axis], minlength=n) - \
                    np.bincount(u, weights=pull[:, axis], minlength=n)
        disp -= (pos - pos.mean(axis=0)) * 0.05  # gravity keeps loose components near
        length = np.sqrt((disp * disp).sum(axis=1))[:, None] + 1e-9
        pos += disp / length * np.minimum(length, temperature)
        temperature *= cool
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos.tolist(), strict=True)}


def _layout(G, *, seed: int = 7) -> tuple[dict[str, tuple[float, float]], str]:
    """Positions in vis pixels (about 45 × 45 px per node), and the name of the method used."""
    import networkx as nx

    nodes = list(G.nodes)
    if not nodes:
        return {}, "none"
    try:
        import numpy  # noqa: F401
    except ImportError:
        raw, method = _spiral_layout(nodes), "spiral (numpy is not installed)"
    else:
        if len(nodes) < 500:  # networkx needs scipy for 500 nodes or more
            U = nx.Graph()
            U.add_nodes_from(nodes)
            U.add_edges_from((a, b) for a, b in G.edges() if a != b)
            raw = {n: tuple(map(float, p)) for n, p in nx.spring_layout(U, seed=seed, iterations=80).items()}
            method = "networkx spring_layout"
        else:
            index = {n: i for i, n in enumerate(nodes)}
            pairs = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in G.edges() if a != b})
            raw, method = _grid_fr_layout(nodes, pairs, seed=seed), "grid Fruchterman-Reingold"
    # scale so that each node has about 45 × 45 px to itself (extents read between the 5th and 95th percentiles,
    # so that a few far-flung nodes do not shrink everything else)
    xs, ys = sorted(p[0] for p in raw.values()), sorted(p[1] for p in raw.values())
    lo, hi = int(0.05 * (len(xs) - 1)), int(0.95 * (len(xs) - 1))
    width, height = xs[hi] - xs[lo], ys[hi] - ys[lo]
    area = max(width, 1e-9) * max(height, 1e-9) / 0.81  # the middle 90 % of each axis
    scale = 45.0 * math.sqrt(len(nodes) / area) if width > 0 and height > 0 else 45.0
    return {n: (round(x * scale, 1), round(y * scale, 1)) for n, (x, y) in raw.items()}, method


# -- aggregation ----------------------------------------------------------------------------------------------
def _aggregate(G, limit: int) -> tuple[Any, list[str]]:
    """Fold a graph of more than ``limit`` nodes: fact nodes into their participants, then leaves into their
    neighbour, then keep the best connected. Returns the folded copy and what was done, in words."""
    import networkx as nx

    notes = []
    H = nx.MultiDiGraph(G)
    H.graph = dict(G.graph)
    start = H.number_of_nodes()
    facts = [n for n, d in H.nodes(data=True) if d.get("kind_group") == "fact"]
    if facts:
        for f in facts:
            data = H.nodes[f]
            members = [m for m in dict.fromkeys(list(H.successors(f)) + list(H.predecessors(f)))
                       if H.nodes[m].get("kind_group") != "fact"]
            for m in members:
                H.nodes[m]["folded"] = H.nodes[m].get("folded", 0) + 1
            for a, b in zip(members, members[1:], strict=False):
                H.add_edge(a, b, key=f"{data.get('type', 'fact')} {f}", relation=str(data.get("type", "fact")),
                           label=str(data.get("label", "")), words=str(data.get("label", "")),
                           sources=str(data.get("sources", "")))
        H.remove_nodes_from(facts)
        notes.append(f"{len(facts):,} fact nodes (observations, partnerships, sites …) were folded into the things "
                     f"they are about")
    if H.number_of_nodes() > limit:
        leaves = [n for n in H if len(set(H.successors(n)) | set(H.predecessors(n))) == 1]
        for n in leaves:
            (other,) = set(H.successors(n)) | set(H.predecessors(n))
            if other in H and other not in leaves:
                H.nodes[other]["folded"] = H.nodes[other].get("folded", 0) + 1 + H.nodes[n].get("folded", 0)
        H.remove_nodes_from([n for n in leaves
                             if (set(H.successors(n)) | set(H.predecessors(n))) - set(leaves)])
        notes.append("nodes with a single neighbour were folded into that neighbour (see 'folded' in its panel)")
    if H.number_of_nodes() > limit:
        ranked = sorted(H, key=lambda n: (-H.degree(n), str(n)))
        H.remove_nodes_from(ranked[limit:])
        notes.append(f"only the {limit:,} best connected nodes are drawn")
    return H, [f"This graph has {start:,} nodes, more than the {limit:,} drawn at once: " + "; ".join(notes) + "."]


# -- the payload ----------------------------------------------------------------------------------------------
def _jsonable(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    return str(value)


def _fmt_number(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:g}"
    return str(value)


def _period(start: Any, end: Any) -> str:
    """A period in its shortest exact form.

    >>> _period("2025-01-01", "2025-12-31"), _period("2026-01-01", "2026-02-28"), _period("2025-03-05", "")
    ('2025', '2026-01 – 2026-02', '2025-03-05')
    """
    import calendar

    start, end = str(start or ""), str(end or "")
    full = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
    ms, me = full.match(start), full.match(end)
    if ms and me and ms.group(3) == "01" and \
            int(me.group(3)) == calendar.monthrange(int(me.group(1)), int(me.group(2)))[1]:
        if ms.group(2) == "01" and me.group(2) == "12":
            start, end = ms.group(1), me.group(1)
        else:
            start, end = start[:7], end[:7]
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


def _value_text(attrs: Mapping[str, Any]) -> str:
    """A figure with its qualifier: ``≥ 40``, ``≈ 130,000``, ``≤ 5``."""
    value = attrs.get("value")
    if value in (None, ""):
        return ""
    prefix = {"lower": "≥ ", "upper": "≤ "}.get(str(attrs.get("bound", "")), "")
    if attrs.get("approximate") in (True, "true", "True"):
        prefix = "≈ " + prefix
    return prefix + _fmt_number(value)


def _statistics(G) -> dict[str, list[dict[str, Any]]]:
    """Observations about each node (subject, destination or compiler), as table rows."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    obs_types = {t for t, a in _nev_ancestors().items() if "Observation" in a} | {"Observation"}

    def row(fact: str, attrs: Mapping[str, Any], role: str) -> dict[str, Any]:
        return {"fact": fact, "measure": str(attrs.get("measure") or attrs.get("label", "")),
                "scope": str(attrs.get("productScope", "")),
                "period": _period(attrs.get("periodStart"), attrs.get("periodEnd")),
                "value": _value_text(attrs), "unit": str(attrs.get("unit", "")), "role": role,
                "sources": _split(attrs.get("sources"))}

    for fact, entry in G.graph.get("facts", {}).items():
        if entry.get("type") in obs_types:
            for role, members in entry["roles"].items():
                if role in ("subject", "destination", "compiledBy"):
                    for n in members:
                        if n in G:
                            out[n].append(row(fact, entry["attrs"], role))
    for n, d in G.nodes(data=True):  # fact-node graphs: observation nodes linked to their subject
        if d.get("type") in obs_types:
            for _, m, e in G.out_edges(n, data=True):
                if e.get("relation") in ("subject", "destination", "compiledBy"):
                    out[m].append(row(n, d, e["relation"]))
    for rows in out.values():
        subject_of = {r["fact"] for r in rows if r["role"] == "subject"}
        rows[:] = [r for r in rows if r["role"] == "subject" or r["fact"] not in subject_of]
        rows.sort(key=lambda r: (r["role"] != "subject", r["measure"], r["period"], r["fact"]))
    return dict(out)


def _sizes(G, size_by: str) -> dict[str, float]:
    if size_by == "degree":
        return {n: float(len(set(G.successors(n)) | set(G.predecessors(n)))) for n in G}
    values = {n: d.get(size_by) for n, d in G.nodes(data=True)}
    numeric = {n: float(v) for n, v in values.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    if not numeric:
        choices = sorted({k for _, d in G.nodes(data=True) for k, v in d.items()
                          if isinstance(v, (int, float)) and not isinstance(v, bool)})
        raise QueryError(f"size_by={size_by!r} is not a numeric node attribute here; use 'degree'"
                         + (f" or one of: {', '.join(choices)}" if choices else ""))
    low = min(numeric.values())
    return {n: numeric.get(n, low) for n in G}


def page_payload(G, *, title: str = "nevkg", size_by: str = "degree", physics_threshold: int = 1000,
                 aggregate_threshold: int = 20000, seed: int = 7) -> dict[str, Any]:
    """The data the page draws, as one JSON-ready dict (what :func:`render_html` embeds).

    Parameters
    ----------
    G : networkx.Graph
        The graph to draw (usually from :func:`subgraph_for`); see :func:`render_html`.
    title, size_by, physics_threshold, aggregate_threshold, seed
        As for :func:`render_html`.

    Returns
    -------
    dict
        ``nodes`` (id, label, type, family, sources, facts, value, and x/y when laid out here), ``edges``
        (id, from, to, label, relation, fact, since, until, sources, color), ``families`` (the legend),
        ``sources`` (id → title, issued, publisher, url), ``stats`` (node id → observation rows),
        ``physics``, ``layout``, ``notice`` and ``title``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="BYD", type="Automaker", sources="s1")
    >>> G.add_node("b", label="Thailand", type="Country", sources="s1")
    >>> _ = G.add_edge("a", "b", relation="productionSite", words="has a plant in", sources="s1")
    >>> p = page_payload(G)
    >>> [(n["label"], n["family"]) for n in p["nodes"]], p["edges"][0]["label"]
    ([('BYD', 'organization'), ('Thailand', 'place')], 'has a plant in')
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise QueryError(f"expected a networkx graph, got {type(G).__name__}")
    notice: list[str] = []
    if G.number_of_nodes() > aggregate_threshold:
        G, notice = _aggregate(G, aggregate_threshold)
    physics = G.number_of_nodes() <= physics_threshold
    positions, method = _layout(G, seed=seed) if G.number_of_nodes() else ({}, "none")
    sizes = _sizes(G, size_by)
    stats = _statistics(G)
    info = G.graph.get("source_info", {})

    families: dict[str, dict[str, Any]] = {}
    spare = iter(_SPARE * (1 + len(G) // max(len(_SPARE), 1)))

    def family(type_name: str) -> str:
        key = _family_of(type_name) or f"kind:{type_name}"
        if key not in families:
            if key in FAMILIES:
                name, _, colour, shape = FAMILIES[key]
            else:
                name, (colour, shape) = type_name or "Thing", next(spare, ("#7f8c8d", "dot"))
            families[key] = {"key": key, "name": name, "color": colour, "shape": shape, "types": {}}
        families[key]["types"][type_name] = families[key]["types"].get(type_name, 0) + 1
        return key

    nodes = []
    for n, d in G.nodes(data=True):
        type_name = str(d.get("type", "") or "Thing")
        facts = [[k, _jsonable(v)] for k, v in d.items() if k not in _NOT_FACTS and v not in (None, "")]
        order = {k: i for i, k in enumerate(_KEY_FACTS)}
        facts.sort(key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        if d.get("folded"):
            facts.insert(0, ["folded", f"{d['folded']:,} nodes folded into this one"])
        item = {"id": str(n), "label": str(d.get("label", n)), "type": type_name, "family": family(type_name),
                "sources": _split(d.get("sources")), "facts": [[_FACT_NAMES.get(k, k), v] for k, v in facts],
                "value": sizes[n]}
        if not physics or positions:
            x, y = positions.get(n, (0.0, 0.0))
            item["x"], item["y"] = x, y
        nodes.append(item)

    edges = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        fact_type = str(d.get("factType", ""))
        fam = _family_of(fact_type) if fact_type else None
        colour = FAMILIES[fam][2] if fam in FAMILIES else _PLAIN_EDGE
        edges.append({"id": f"e{i}", "from": str(u), "to": str(v),
                      "label": str(d.get("words") or d.get("label") or d.get("relation", "")),
                      "relation": str(d.get("relation", "")), "fact": str(d.get("factLabel", "") or ""),
                      "factType": fact_type, "since": str(d.get("since", "") or ""),
                      "until": str(d.get("until", "") or ""), "sources": _split(d.get("sources")),
                      "color": colour})

    used = sorted({s for item in nodes + edges for s in item["sources"]})
    sources = {s: {k: str(v) for k, v in info.get(s, {}).items()} for s in used}
    ordered = [families[k] for k in FAMILIES if k in families] + \
              [families[k] for k in sorted(families) if k not in FAMILIES]
    for fam in ordered:
        fam["types"] = [[t, c] for t, c in sorted(fam["types"].items())]
    edge_legend = [{"factType": root, "name": name, "color": colour}
                   for key, (name, root, colour, _) in FAMILIES.items()
                   if any(_family_of(e["factType"]) == key for e in edges if e["factType"])]
    return {"title": str(title), "selection": str(G.graph.get("selection", "")), "nodes": nodes, "edges": edges,
            "families": ordered, "edgeLegend": edge_legend, "sources": sources,
            "stats": {k: v for k, v in stats.items() if k in G}, "physics": physics, "layout": method,
            "notice": " ".join(notice), "directed": G.is_directed(), "sizeBy": size_by}


# -- the page -------------------------------------------------------------------------------------------------
def json_for_html(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028, U+2029 escaped.

    >>> json_for_html({"x": "</script><b>&\u2028"})
    '{"x":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    >>> json.loads(json_for_html({"x": "</script>"}))["x"]
    '</script>'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside the pyvis package."""
    folder = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    # nothing in them may end the inline element early
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _vis_options(payload: dict[str, Any], physics_threshold: int) -> str:
    """vis-network options through pyvis' Network model (``get_network_data``)."""
    from pyvis.network import Network

    n = len(payload["nodes"])
    big = not payload["physics"]
    font = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', " \
           "'Microsoft YaHei', sans-serif"
    options = {
        "autoResize": True,
        "nodes": {"borderWidth": 1, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": font, "color": "#1c2833", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "scaling": {"min": 9, "max": 42,
                              "label": {"enabled": True, "min": 12, "max": 28, "maxVisible": 32,
                                        "drawThreshold": 5}}},
        "edges": {"arrows": {"to": {"enabled": payload["directed"] and not big, "scaleFactor": 0.45}},
                  "width": 1, "selectionWidth": 2,
                  "scaling": {"label": {"enabled": True, "drawThreshold": 8}},
                  "font": {"size": 10, "face": font, "color": "#566573", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"},
                  "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
                  "color": {"inherit": False, "opacity": 0.75}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -45, "centralGravity": 0.02,
                                         "springLength": 70, "springConstant": 0.06, "damping": 0.6,
                                         "avoidOverlap": 0.4},
                    "maxVelocity": 60, "minVelocity": 1.5,
                    "stabilization": {"enabled": True, "iterations": 150 if n < 300 else 100,
                                      "updateInterval": 25, "fit": True}},
    }
    net = Network(height="100%", width="100%", directed=payload["directed"])
    net.options = options  # a dict: get_network_data serialises it as JSON
    *_, serialised = net.get_network_data()
    return serialised


_CSS = r"""
:root { --ink:#1c2833; --muted:#5d6d7e; --line:#d5dbe1; --bg:#f7f9fb; --accent:#2e6db4; }
* { box-sizing: border-box; }
html, body { margin:0; height:100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans",
  "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--ink); background:#fff; }
body { display:flex; flex-direction:column; }
header { display:flex; align-items:center; gap:12px; padding:8px 14px; border-bottom:1px solid var(--line);
  background:var(--bg); flex-wrap:wrap; }
header h1 { font-size:17px; margin:0; font-weight:650; }
#selection { color:var(--muted); font-size:13px; }
#counts { color:var(--muted); font-size:12px; margin-left:auto; }
#searchbox { display:flex; gap:4px; }
#search { width:240px; padding:5px 8px; border:1px solid var(--line); border-radius:6px; font:inherit; }
#search-msg { color:#a93226; font-size:12px; min-width:0; }
button { font:inherit; font-size:12px; padding:4px 9px; border:1px solid var(--line); border-radius:6px;
  background:#fff; cursor:pointer; }
button:hover { border-color:var(--accent); }
#notice { background:#fef5e7; border-bottom:1px solid #f5cba7; color:#7e5109; padding:6px 14px; font-size:13px; }
main { flex:1; display:flex; min-height:0; }
#filters { width:270px; overflow-y:auto; border-right:1px solid var(--line); padding:8px 12px; background:var(--bg);
  font-size:13px; }
#filters h2, #panel h2 { font-size:12px; text-transform:uppercase; letter-spacing:.05em; color:var(--muted);
  margin:12px 0 4px; font-weight:600; }
#filters h2:first-child { margin-top:2px; }
.fam { margin:2px 0; }
.fam summary { list-style:none; cursor:pointer; display:flex; align-items:center; gap:6px; }
.fam summary::-webkit-details-marker { display:none; }
.row { display:flex; align-items:center; gap:6px; padding:1px 0; }
.row label { display:flex; align-items:center; gap:6px; cursor:pointer; flex:1; min-width:0; }
.row .name { overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
#sources .row { align-items:flex-start; }
#sources .row .name { white-space:normal; display:-webkit-box; -webkit-line-clamp:2; -webkit-box-orient:vertical; }
.count { color:var(--muted); font-size:11px; margin-left:auto; padding-left:4px; }
.types { margin-left:22px; }
.twisty { color:var(--muted); font-size:10px; width:10px; display:inline-block; }
.swatch { width:14px; height:14px; flex:none; display:inline-block; }
.edge-swatch { width:18px; height:3px; flex:none; display:inline-block; border-radius:2px; }
.src-date { color:var(--muted); font-size:11px; white-space:nowrap; }
.tools { display:flex; gap:4px; margin:2px 0 4px; }
#stage { flex:1; min-width:0; position:relative; }
#graph { position:absolute; inset:0; background:#fff; }
#status { position:absolute; left:10px; bottom:8px; color:var(--muted); font-size:12px; pointer-events:none; }
#panel { width:360px; overflow-y:auto; border-left:1px solid var(--line); padding:10px 14px; font-size:13px; }
#panel[hidden] { display:none; }
#panel h3 { margin:0 0 2px; font-size:17px; word-wrap:break-word; }
#panel .kind { color:var(--muted); margin-bottom:6px; display:flex; align-items:center; gap:6px; }
#panel table { border-collapse:collapse; width:100%; font-size:12px; }
#panel td, #panel th { border-bottom:1px solid #eef1f4; padding:3px 4px; text-align:left; vertical-align:top; }
#panel th { color:var(--muted); font-weight:600; }
#panel td.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
#panel ul { margin:0; padding-left:16px; }
#panel li { margin:2px 0; }
#panel .link { color:var(--accent); cursor:pointer; text-decoration:underline; text-decoration-color:#aac4e6; }
#panel .close { float:right; }
.muted { color:var(--muted); }
.tip { max-width:340px; font: 12px/1.35 system-ui, sans-serif; color:var(--ink); white-space:normal; }
.tip b { font-size:13px; }
.tip .k { color:var(--muted); }
div.vis-tooltip { background:#fff; border:1px solid var(--line); border-radius:6px; box-shadow:0 2px 8px #0002;
  padding:6px 8px; }
"""

_APP_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("nevkg-data").textContent);
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  var byId = new Map(), famByKey = new Map();
  DATA.families.forEach(function (f) { famByKey.set(f.key, f); });
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); });
  var edgeById = new Map();
  DATA.edges.forEach(function (e) { edgeById.set(e.id, e); });
  var FADED = "#e3e7eb";

  function visNode(n) {
    var f = famByKey.get(n.family);
    var item = {id: n.id, label: n.label, shape: f.shape, value: n.value,
                color: {background: f.color, border: shade(f.color), highlight: {background: f.color, border: "#111"},
                        hover: {background: f.color, border: "#111"}}};
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function visEdge(e) {
    return {id: e.id, from: e.from, to: e.to, label: e.label,
            color: {color: e.color, highlight: DATA.physics ? e.color : "#1c2833", hover: e.color}};
  }
  function shade(hex) {
    var v = parseInt(hex.slice(1), 16), r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
    return "rgb(" + Math.round(r * .7) + "," + Math.round(g * .7) + "," + Math.round(b * .7) + ")";
  }
  // parallel edges: curve them apart
  var pairCount = new Map();
  var visEdges = DATA.edges.map(function (e) {
    var item = visEdge(e);
    if (DATA.physics) {
      var key = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
      var k = pairCount.get(key) || 0; pairCount.set(key, k + 1);
      if (k > 0) item.smooth = {enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(k / 2)};
    }
    return item;
  });
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  var edges = new vis.DataSet(visEdges);

  // ---- filters ----
  var hiddenTypes = new Set(), hiddenSources = new Set();
  function sourcesOk(list) {
    if (!list.length) return !hiddenSources.has("");
    for (var i = 0; i < list.length; i++) if (!hiddenSources.has(list[i])) return true;
    return false;
  }
  function nodeShown(id) { var n = byId.get(id); return !hiddenTypes.has(n.type) && sourcesOk(n.sources); }
  var nodeView = new vis.DataView(nodes, {filter: function (item) { return nodeShown(item.id); }});
  var edgeView = new vis.DataView(edges, {filter: function (item) {
    var e = edgeById.get(item.id);
    return nodeShown(e.from) && nodeShown(e.to) && sourcesOk(e.sources);
  }});

  var container = document.getElementById("graph");
  var options = JSON.parse(document.getElementById("nevkg-options").textContent);
  var t0 = performance.now();
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  var api = window.nevkg = {network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                            data: DATA, stable: false, stableAt: null, selected: null};
  var status = document.getElementById("status");
  function markStable() {
    if (api.stable) return;
    api.stable = true; api.stableAt = performance.now() - t0;
    status.textContent = "";
    document.body.setAttribute("data-stable", "true");
  }
  if (DATA.physics && DATA.nodes.length) {
    status.textContent = "Laying out…";
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.fit();
      markStable();
    });
  } else {
    network.fit({animation: false});
    network.once("afterDrawing", markStable);
    if (!DATA.nodes.length) markStable();
  }

  // ---- header ----
  document.getElementById("selection").textContent = DATA.selection;
  if (DATA.notice) { var nb = document.getElementById("notice"); nb.textContent = DATA.notice; nb.hidden = false; }
  function updateCounts() {
    document.getElementById("counts").textContent =
      nodeView.length + " of " + DATA.nodes.length + " nodes · " + edgeView.length + " of " + DATA.edges.length + " edges";
  }
  updateCounts();

  // ---- legend + filters ----
  function swatch(f) {
    var s = el("span", {cls: "swatch", title: f.shape});
    s.style.background = f.color;
    if (f.shape === "dot") s.style.borderRadius = "50%";
    else if (f.shape === "triangle") s.style.clipPath = "polygon(50% 0, 100% 100%, 0 100%)";
    else if (f.shape === "triangleDown") s.style.clipPath = "polygon(0 0, 100% 0, 50% 100%)";
    else if (f.shape === "diamond") s.style.clipPath = "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)";
    else if (f.shape === "hexagon") s.style.clipPath = "polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)";
    else if (f.shape === "star") s.style.clipPath = "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)";
    else if (f.shape === "box") s.style.borderRadius = "3px";
    return s;
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); updateCounts(); if (api.selected && !nodeShown(api.selected)) clearSelection(); }
  var kindsBox = document.getElementById("kinds");
  var typeBoxes = [];
  DATA.families.forEach(function (f) {
    var total = f.types.reduce(function (a, t) { return a + t[1]; }, 0);
    var famBox = el("input", {type: "checkbox", "data-family": f.key});
    famBox.checked = true;
    var boxes = f.types.map(function (t) {
      var b = el("input", {type: "checkbox", "data-kind": t[0]}); b.checked = true; typeBoxes.push(b); return b;
    });
    famBox.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = famBox.checked; setType(b); });
      famBox.indeterminate = false; refresh();
    });
    function syncFam() {
      var on = boxes.filter(function (b) { return b.checked; }).length;
      famBox.checked = on > 0; famBox.indeterminate = on > 0 && on < boxes.length;
    }
    boxes.forEach(function (b) { b.addEventListener("change", function () { setType(b); syncFam(); refresh(); }); });
    var head = el("div", {cls: "row"}, [
      el("span", {cls: "twisty", text: f.types.length > 1 ? "▸" : ""}),
      el("label", null, [famBox, swatch(f), el("span", {cls: "name", text: f.name})]),
      el("span", {cls: "count", text: String(total)})]);
    if (f.types.length > 1) {
      var details = el("details", {cls: "fam"});
      var summary = el("summary", null, [head]);
      head.querySelector("label").addEventListener("click", function (ev) { ev.stopPropagation(); });
      details.appendChild(summary);
      details.addEventListener("toggle", function () { head.firstChild.textContent = details.open ? "▾" : "▸"; });
      details.appendChild(el("div", {cls: "types"}, f.types.map(function (t, i) {
        return el("div", {cls: "row"}, [el("label", null, [boxes[i], el("span", {cls: "name", text: t[0]})]),
                                        el("span", {cls: "count", text: String(t[1])})]);
      })));
      kindsBox.appendChild(details);
    } else {
      kindsBox.appendChild(el("div", {cls: "fam"}, [head]));
    }
  });
  function setType(b) { if (b.checked) hiddenTypes.delete(b.getAttribute("data-kind")); else hiddenTypes.add(b.getAttribute("data-kind")); }
  function allKinds(on) {
    kindsBox.querySelectorAll("input").forEach(function (b) { b.checked = on; b.indeterminate = false; });
    typeBoxes.forEach(function (b) { b.checked = on; setType(b); });
    refresh();
  }
  document.getElementById("kinds-all").addEventListener("click", function () { allKinds(true); });
  document.getElementById("kinds-none").addEventListener("click", function () { allKinds(false); });

  var edgeLegend = document.getElementById("edge-legend");
  if (DATA.edgeLegend.length) {
    DATA.edgeLegend.concat([{name: "other links", color: "#8a96a3"}]).forEach(function (t) {
      var s = el("span", {cls: "edge-swatch"}); s.style.background = t.color;
      edgeLegend.appendChild(el("div", {cls: "row"}, [s, el("span", {cls: "name", text: t.name})]));
    });
  } else { document.getElementById("edge-legend-head").hidden = true; }

  var sourceCount = new Map();
  DATA.nodes.forEach(function (n) { (n.sources.length ? n.sources : [""]).forEach(function (s) { sourceCount.set(s, (sourceCount.get(s) || 0) + 1); }); });
  var sourcesBox = document.getElementById("sources");
  var srcIds = Array.from(sourceCount.keys()).sort(function (a, b) {
    var da = (DATA.sources[a] || {}).issued || "", db = (DATA.sources[b] || {}).issued || "";
    return da < db ? 1 : da > db ? -1 : a < b ? -1 : 1;
  });
  srcIds.forEach(function (s) {
    var info = DATA.sources[s] || {};
    var b = el("input", {type: "checkbox", "data-source": s}); b.checked = true;
    b.addEventListener("change", function () { if (b.checked) hiddenSources.delete(s); else hiddenSources.add(s); refresh(); });
    var name = el("span", {cls: "name", text: s ? (info.title || s) : "(no source)"});
    name.title = s ? (info.title || s) + (info.publisher ? " — " + info.publisher : "") : "";
    sourcesBox.appendChild(el("div", {cls: "row"}, [el("label", null, [b, name]),
      el("span", {cls: "src-date", text: info.issued || ""}), el("span", {cls: "count", text: String(sourceCount.get(s))})]));
  });
  function allSources(on) {
    sourcesBox.querySelectorAll("input").forEach(function (b) {
      b.checked = on; var s = b.getAttribute("data-source"); if (on) hiddenSources.delete(s); else hiddenSources.add(s);
    });
    refresh();
  }
  document.getElementById("sources-all").addEventListener("click", function () { allSources(true); });
  document.getElementById("sources-none").addEventListener("click", function () { allSources(false); });

  // ---- text helpers ----
  function sourceLine(s) {
    var info = DATA.sources[s] || {};
    var date = info.issued ? info.issued + (info.dateInferred === "true" ? " (date inferred)" : "") : "undated";
    return (info.title || s) + " — " + (info.publisher ? info.publisher + ", " : "") + date;
  }
  function factValue(v) { return typeof v === "number" ? v.toLocaleString("en") : String(v); }

  // ---- tooltips (DOM elements, text only), made when first hovered ----
  function nodeTip(id) {
    var n = byId.get(id), f = famByKey.get(n.family);
    var tip = el("div", {cls: "tip"}, [el("b", {text: n.label}), el("div", {cls: "k", text: n.type + (f ? " · " + f.name : "")})]);
    n.facts.slice(0, 6).forEach(function (kv) { tip.appendChild(el("div", null, [el("span", {cls: "k", text: kv[0] + ": "}), factValue(kv[1])])); });
    var st = DATA.stats[id];
    if (st && st.length) tip.appendChild(el("div", {cls: "k", text: st.length + " figure" + (st.length > 1 ? "s" : "") + " — click for the table"}));
    if (n.sources.length) {
      tip.appendChild(el("div", {cls: "k", text: "Sources:"}));
      n.sources.slice(0, 5).forEach(function (s) { tip.appendChild(el("div", {text: "• " + sourceLine(s)})); });
      if (n.sources.length > 5) tip.appendChild(el("div", {cls: "k", text: "… and " + (n.sources.length - 5) + " more"}));
    }
    return tip;
  }
  function edgeTip(id) {
    var e = edgeById.get(id);
    var tip = el("div", {cls: "tip"}, [el("b", {text: byId.get(e.from).label + " → " + e.label + " → " + byId.get(e.to).label})]);
    if (e.fact) tip.appendChild(el("div", null, [el("span", {cls: "k", text: "fact: "}), e.fact]));
    if (e.since || e.until) tip.appendChild(el("div", null, [el("span", {cls: "k", text: "when: "}), (e.since || "?") + (e.until && e.until !== e.since ? " – " + e.until : "")]));
    e.sources.forEach(function (s) { tip.appendChild(el("div", {text: "• " + sourceLine(s)})); });
    return tip;
  }
  var tipped = new Set();
  network.on("hoverNode", function (p) { if (!tipped.has(p.node)) { tipped.add(p.node); nodes.update({id: p.node, title: nodeTip(p.node)}); } });
  network.on("hoverEdge", function (p) { if (!tipped.has(p.edge)) { tipped.add(p.edge); edges.update({id: p.edge, title: edgeTip(p.edge)}); } });

  // ---- selection: highlight the neighbourhood, open the panel ----
  var faded = false;
  function fadeAllBut(keep) {
    var upd = [];
    DATA.nodes.forEach(function (n) {
      if (keep.has(n.id)) upd.push({id: n.id, color: visNode(n).color, font: {color: "#1c2833"}});
      else upd.push({id: n.id, color: {background: FADED, border: FADED}, font: {color: "#c2c9d0"}});
    });
    nodes.update(upd);
    var eu = [];
    DATA.edges.forEach(function (e) {
      var on = keep.has(e.from) && keep.has(e.to) && (e.from === api.selected || e.to === api.selected);
      eu.push({id: e.id, color: on ? {color: e.color, highlight: e.color} : {color: FADED},
               font: on ? {color: "#34495e", strokeWidth: 3} : {color: "rgba(0,0,0,0)", strokeWidth: 0}});
    });
    edges.update(eu);
    faded = true;
  }
  function unfade() {
    if (!faded) return;
    nodes.update(DATA.nodes.map(function (n) { return {id: n.id, color: visNode(n).color, font: {color: "#1c2833"}}; }));
    edges.update(DATA.edges.map(function (e) { return {id: e.id, color: visEdge(e).color, font: {color: "#566573", strokeWidth: 3}}; }));
    faded = false;
  }
  var panel = document.getElementById("panel");
  function section(title) { panel.appendChild(el("h2", {text: title})); }
  function showPanel(id) {
    var n = byId.get(id), f = famByKey.get(n.family);
    panel.textContent = "";
    var close = el("button", {cls: "close", text: "×", "aria-label": "close"});
    close.addEventListener("click", function () { network.unselectAll(); clearSelection(); });
    panel.appendChild(close);
    panel.appendChild(el("h3", {text: n.label}));
    panel.appendChild(el("div", {cls: "kind"}, [f ? swatch(f) : null, n.type + (f ? " · " + f.name : "")]));
    if (n.facts.length) {
      section("Facts");
      panel.appendChild(el("table", {id: "panel-facts"}, n.facts.map(function (kv) {
        return el("tr", null, [el("th", {text: kv[0]}), el("td", {text: factValue(kv[1])})]);
      })));
    }
    var st = DATA.stats[id] || [];
    if (st.length) {
      section("Statistics");
      var t = el("table", {id: "panel-stats"}, [el("tr", null, ["measure", "period", "value", "unit", "source"].map(function (h) { return el("th", {text: h}); }))]);
      st.forEach(function (r) {
        t.appendChild(el("tr", {"data-fact": r.fact}, [
          el("td", {text: r.measure + (r.scope ? " (" + r.scope + ")" : "") + (r.role !== "subject" ? " [as " + r.role + "]" : "")}),
          el("td", {text: r.period}), el("td", {cls: "num", text: r.value}), el("td", {text: r.unit}),
          el("td", {text: r.sources.map(function (s) { var i = DATA.sources[s] || {}; return (i.publisher || s) + (i.issued ? " " + i.issued : ""); }).join("; ")})]));
      });
      panel.appendChild(t);
    }
    var ties = DATA.edges.filter(function (e) { return e.from === id || e.to === id; });
    if (ties.length) {
      section("Connections (" + ties.length + ")");
      var ul = el("ul", {id: "panel-ties"});
      ties.slice(0, 200).forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        var link = el("span", {cls: "link", text: byId.get(other).label});
        link.addEventListener("click", function () { api.select(other); });
        var words = e.from === id ? [e.label + " ", link] : [link, " " + e.label + " this"];
        var when = e.since ? " (" + e.since + (e.until && e.until !== e.since ? " – " + e.until : "") + ")" : "";
        ul.appendChild(el("li", null, words.concat([when, el("span", {cls: "muted", text: e.sources.length ? " · " + e.sources.map(function (s) { return (DATA.sources[s] || {}).publisher || s; }).join(", ") : ""})])));
      });
      if (ties.length > 200) ul.appendChild(el("li", {cls: "muted", text: "… and " + (ties.length - 200) + " more"}));
      panel.appendChild(ul);
    }
    section("Sources");
    var srcs = el("ul", {id: "panel-sources"});
    if (!n.sources.length) srcs.appendChild(el("li", {cls: "muted", text: "none recorded"}));
    n.sources.forEach(function (s) {
      var info = DATA.sources[s] || {};
      var li = el("li", {"data-source": s}, [el("span", {text: sourceLine(s)})]);
      if (/^https?:\/\//i.test(info.url || "")) {
        var a = el("a", {href: info.url, target: "_blank", rel: "noopener noreferrer nofollow", text: " ↗"});
        li.appendChild(a);
      }
      srcs.appendChild(li);
    });
    panel.appendChild(srcs);
    panel.appendChild(el("div", {cls: "muted", text: id, style: "margin-top:10px;font-size:11px;word-break:break-all"}));
    panel.hidden = false;
  }
  function clearSelection() { api.selected = null; unfade(); panel.hidden = true; }
  function selectNode(id) {
    api.selected = id;
    var keep = new Set([id]);
    network.getConnectedNodes(id).forEach(function (m) { keep.add(m); });
    // small graphs: fade everything else; large ones: vis' own highlight of the node and its edges (cheap)
    if (DATA.physics) fadeAllBut(keep);
    showPanel(id);
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0]);
    else if (!p.edges.length) clearSelection();
  });
  api.select = function (id) {
    if (!byId.has(id)) return false;
    if (!nodeShown(id)) return false;
    network.selectNodes([id]);
    selectNode(id);
    network.setSize("100%", "100%");  // the panel may have narrowed the canvas
    network.redraw();
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 350, easingFunction: "easeInOutQuad"}});
    return true;
  };

  // ---- search ----
  var list = document.getElementById("names");
  var seen = new Set();
  DATA.nodes.slice().sort(function (a, b) { return b.value - a.value; }).forEach(function (n) {
    if (!seen.has(n.label)) { seen.add(n.label); list.appendChild(el("option", {value: n.label})); }
  });
  api.search = function (q) {
    q = String(q || "").trim().toLowerCase();
    var msg = document.getElementById("search-msg");
    msg.textContent = "";
    if (!q) return null;
    var best = null, rank = 9;
    DATA.nodes.forEach(function (n) {
      if (!nodeShown(n.id)) return;
      var l = n.label.toLowerCase(), r = l === q ? 0 : l.indexOf(q) === 0 ? 1 : l.indexOf(q) > 0 ? 2 : 9;
      if (r === 9) n.facts.forEach(function (kv) { if (kv[0] === "also called" && String(kv[1]).toLowerCase().indexOf(q) >= 0) r = 3; });
      if (r < rank || (r === rank && best && n.value > best.value)) { best = n; rank = r; }
    });
    if (!best) { msg.textContent = "not found"; return null; }
    api.select(best.id);
    return best.id;
  };
  var search = document.getElementById("search");
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); api.search(search.value); } });
  search.addEventListener("change", function () { api.search(search.value); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({animation: {duration: 300}}); });
})();
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>@@CSS@@</style>
</head>
<body>
<header>
  <h1>@@TITLE@@</h1>
  <span id="selection"></span>
  <span id="searchbox"><input id="search" type="search" placeholder="Find a node (name)…" list="names"
    autocomplete="off" aria-label="Find a node"><datalist id="names"></datalist></span>
  <span id="search-msg" role="status"></span>
  <button id="fit" type="button">Fit</button>
  <span id="counts"></span>
</header>
<div id="notice" role="note" hidden></div>
<main>
  <aside id="filters" aria-label="Legend and filters">
    <h2>Kinds</h2>
    <div class="tools"><button id="kinds-all" type="button">all</button><button id="kinds-none" type="button">none</button></div>
    <div id="kinds"></div>
    <h2 id="edge-legend-head">Ties</h2>
    <div id="edge-legend"></div>
    <h2>Sources</h2>
    <div class="tools"><button id="sources-all" type="button">all</button><button id="sources-none" type="button">none</button></div>
    <div id="sources"></div>
  </aside>
  <div id="stage"><div id="graph"></div><div id="status" role="status"></div></div>
  <aside id="panel" aria-label="Details" hidden></aside>
</main>
<script type="application/json" id="nevkg-data">@@DATA@@</script>
<script type="application/json" id="nevkg-options">@@OPTIONS@@</script>
<script>@@VIS_JS@@</script>
<script>@@APP_JS@@</script>
</body>
</html>
"""


def _fill(template: str, parts: Mapping[str, str]) -> str:
    """Replace ``@@NAME@@`` markers in one pass (a value is never scanned for markers again)."""
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def write_atomic(out_path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text to a temporary file beside ``out_path``, then move it into place."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return out


def render_html(G, out_path: str | os.PathLike, *, title: str = "nevkg", size_by: str = "degree",
                physics_threshold: int = 1000, aggregate_threshold: int = 20000, seed: int = 7) -> Path:
    """Write one self-contained, offline HTML page that draws a graph.

    Parameters
    ----------
    G : networkx.Graph
        What to draw, usually from :func:`subgraph_for`. Nodes may carry ``label``, ``type`` (colour and
        shape follow its kind family), ``sources`` (comma-separated ids) and any scalar attributes (shown as
        facts); edges ``words``/``label``/``relation`` (the edge label), ``sources``, ``factLabel``,
        ``factType``, ``since``, ``until``. ``G.graph["facts"]`` (observations, as in the entity graph) and
        ``G.graph["source_info"]`` (id → title, issued, publisher, url) fill the statistics and sources.
    out_path : str or path
        The HTML file to write (replaced atomically; parent folders are made).
    title : str, optional
        The page title.
    size_by : str, optional
        ``"degree"`` (default) or a numeric node attribute that sets node size.
    physics_threshold : int, optional
        Above this many nodes the layout is computed here and the browser's physics is off (default 1,000).
    aggregate_threshold : int, optional
        Above this many nodes the graph is aggregated first, and the page says so (default 20,000).
    seed : int, optional
        Seed of the layout (the same graph gives the same picture).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    QueryError
        When ``G`` is not a networkx graph or ``size_by`` names no numeric attribute.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="<b>BYD</b>", type="Automaker")
    >>> out = render_html(G, pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> page = out.read_text(encoding="utf-8")
    >>> "<b>BYD" in page, "\\\\u003cb\\\\u003eBYD" in page, "http://" in page.split("<script>")[0]
    (False, True, False)
    """
    payload = page_payload(G, title=title, size_by=size_by, physics_threshold=physics_threshold,
                           aggregate_threshold=aggregate_threshold, seed=seed)
    vis_js, vis_css = _vis_assets()
    page = _fill(_TEMPLATE, {
        "TITLE": html.escape(str(title), quote=True),
        "VIS_CSS": vis_css,
        "CSS": _CSS,
        "DATA": json_for_html(payload),
        "OPTIONS": json_for_html(json.loads(_vis_options(payload, physics_threshold))),
        "VIS_JS": vis_js,
        "APP_JS": _APP_JS,
    })
    return write_atomic(out_path, page)


def _demo_graph(n: int = 30, seed: int = 1):
    """A small random graph with nevkg's attributes (for examples and benchmarks)."""
    import networkx as nx

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    kinds = ["Automaker", "Country", "City", "Person", "Brand"]
    for i in range(n):
        G.add_node(f"n{i}", label=f"node {i}", type=kinds[i % len(kinds)], kind_group="entity",
                   sources=f"s{i % 3}")
    for i in range(1, n):
        G.add_edge(f"n{rng.randrange(i)}", f"n{i}", relation="locatedIn", words="located in", sources=f"s{i % 3}")
    return G
