"""What to draw: the subgraph of the entity graph for the whole graph, a neighbourhood, a path or a query."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from nevkg.errors import QueryError
from nevkg.queries.viz.kinds import expand_kinds

__all__ = ["subgraph_for", "split_sources"]


def split_sources(sources: Any) -> list[str]:
    """Source ids from a comma-separated attribute.

    >>> split_sources("b,a,,b")
    ['a', 'b']
    """
    return list(_split(str(sources or "")))


@functools.lru_cache(maxsize=4096)  # a few source lists repeat over thousands of nodes and edges
def _split(sources: str) -> tuple[str, ...]:
    return tuple(sorted({s for s in sources.split(",") if s}))


def _source_info(kg) -> tuple[dict[str, dict[str, str]], set[str]]:
    """Title, date, publisher and address of every source document, by source id; and the publishers' IRIs."""
    from nevkg.graph.project_terms import source_id

    rows = kg.query("""
        SELECT ?src ?title ?issued ?publisher ?publisherIri ?url ?inferred WHERE {
          ?src a nev:Source .
          OPTIONAL { ?src dcterms:title ?title }
          OPTIONAL { ?src dcterms:issued ?issued }
          OPTIONAL { ?src dcterms:publisher ?publisherIri . OPTIONAL { ?publisherIri rdfs:label ?publisher } }
          OPTIONAL { ?src schema:url ?url }
          OPTIONAL { ?src nev:dateInferred ?inferred }
        }""")
    out: dict[str, dict[str, str]] = {}
    publishers: set[str] = set()
    for r in rows:
        if r.publisherIri is not None:
            publishers.add(str(r.publisherIri))
        sid = source_id(r.src)
        entry = out.setdefault(sid, {"title": "", "issued": "", "publisher": "", "url": "", "dateInferred": ""})
        for key, value in (("title", r.title), ("issued", r.issued), ("publisher", r.publisher), ("url", r.url),
                           ("dateInferred", r.inferred)):
            if value is not None and not entry[key]:
                entry[key] = str(value)
    return out, publishers


def _resolve_sources(kg, names: Iterable[str] | str, known: Iterable[str]) -> set[str]:
    """Source ids from ids, names or IRIs of source documents."""
    from nevkg.graph.project_terms import source_id
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

    from nevkg.graph.project_terms import ontology_terms, scalar
    from nevkg.ontology.namespaces import RDF, RDFS

    _, labels = ontology_terms()
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
                sub.nodes[str(s)][name] = scalar(o) if name != "label" else str(o)
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
        shows in tooltips and panels, and ``publishers`` (the nodes that published or curated a source,
        which the page keeps in the background).

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
    wanted_kinds = expand_kinds(E, kinds) if kinds is not None else None
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

    info, publishers = _source_info(kg)
    wanted_sources = None
    if sources is not None:
        wanted_sources = _resolve_sources(kg, sources, info)
        sub.remove_edges_from([(u, v, k) for u, v, k, d in list(sub.edges(keys=True, data=True))
                               if not set(split_sources(d.get("sources"))) & wanted_sources])
        sub.remove_nodes_from([n for n, d in list(sub.nodes(data=True))
                               if not set(split_sources(d.get("sources"))) & wanted_sources and n not in keep_always])
        sub.graph["selection"] += f"; sources: {', '.join(sorted(wanted_sources))}"

    facts = {}
    for fact, entry in E.graph.get("facts", {}).items():
        members = {n for ms in entry["roles"].values() for n in ms}
        if members & set(sub) and (wanted_sources is None or
                                   set(split_sources(entry["attrs"].get("sources"))) & wanted_sources):
            facts[fact] = entry
    sub.graph["facts"] = facts
    sub.graph["source_info"] = info
    sub.graph["publishers"] = publishers & set(sub)
    return sub


def _as_list(value: Iterable[str] | str) -> list[str]:
    return [v.strip() for v in value.split(",")] if isinstance(value, str) else [str(v) for v in value]

