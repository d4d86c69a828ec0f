"""Network analytics over the knowledge graph: paths, neighbourhoods, centrality, footprints, exposure, communities.

Plain functions in the networkx style: the graph first, keyword options after. Every function takes node ids
(IRI strings such as ``"https://w3id.org/nevkg/id/byd"``); turning a user's names into ids is the caller's job
(:mod:`nevkg.queries.resolve`). An id that is not in the graph raises :class:`~nevkg.errors.UnknownNameError`,
a bad option :class:`~nevkg.errors.QueryError`.

**Which graph.** The analytics run on the *entity graph* (:func:`entity_graph`): the projection of
:func:`nevkg.graph.project.to_networkx` with every fact node (partnership, market presence, production site,
deployment, policy, observation, role, statement) collapsed into labelled edges between its participants,
exactly as ``to_networkx(kg, collapse_facts=True)`` does (see :data:`~nevkg.graph.project.FACT_LINKS`).
The question these functions answer is "who is tied to whom, and how"; on the fact-node graph every tie would
cost two hops through a node that is not a thing (``Geely → operator⁻¹ → [site] → place → Ningbo``), so path
lengths, degrees and communities would measure the modelling pattern rather than the ecosystem. Each
collapsed edge keeps its fact: ``fact`` (IRI), ``factType``, ``factLabel``, plus ``since``/``until`` (the
fact's dates) and ``words``, the relation in words (``"exports to"``, ``"has a factory in"``). The full list
of each fact's participants is kept in ``G.graph["facts"]``, for the questions (:func:`footprint`,
:func:`exposure`) that need participants the pairwise edges leave out, such as the partner of a deployment
and its places, or a licence with no named issuer.

**Vocabulary hubs.** Measures, units and product scopes (:data:`HUB_KINDS`) are concepts, not actors: every
observation is "about vehicles", so through them everything is two hops from everything. Paths,
neighbourhoods, rankings and communities leave them out unless asked (``exclude=()``). Source documents are
not nodes at all: they are the ``sources`` of every node and edge.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict, deque
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError, UnknownNameError
from nevkg.graph.project import FACT_LINKS

__all__ = [
    "HUB_KINDS",
    "entity_graph",
    "path",
    "path_text",
    "neighbors",
    "neighbor_table",
    "rank",
    "footprint",
    "exposure",
    "communities",
]

#: node types left out of paths, neighbourhoods, rankings and communities by default (vocabulary concepts)
HUB_KINDS: frozenset[str] = frozenset({"Measure", "Unit", "ProductScope", "Concept"})

#: marker in ``G.graph["nevkg_view"]`` of a graph made by :func:`entity_graph`
_VIEW = "entity"
#: fact attributes that say since when a fact holds, best first; and until when
_SINCE = ("startDate", "periodStart", "announcedOn", "issuedOn", "statedOn", "asOf")
_UNTIL = ("endDate", "periodEnd", "targetDate")
#: collapsed relation → (from role, to role), from FACT_LINKS
_RELATION_ROLES = {rel: (a, b) for links in FACT_LINKS.values() for a, b, rel in links}
#: plain (non-fact) edges in words
_PLAIN_WORDS = {"locatedIn": "located in", "country": "is from", "basedIn": "based in",
                "parentOrganization": "part of", "brandOf": "brand of", "manufacturer": "made by",
                "broader": "falls under", "produces": "produces"}
#: market activities (labels of nev:MarketActivity) in words
_ACTIVITY_WORDS = {"exports to": "exports to", "delivers to": "delivers to",
                   "opened deliveries": "opened deliveries in", "entered": "entered", "sells in": "sells in",
                   "core market": "has a core market in", "key destination": "has a key destination in",
                   "distribution network": "has a distribution network in", "targets market": "targets the market of"}
#: which parallel edge tells a hop best: structural ties first, talk last
_RELATION_RANK = {rel: i for i, rel in enumerate((
    "brandOf", "parentOrganization", "productionSite", "marketPresence", "deployment", "partnership",
    "partnershipMarket", "deploymentPartner", "productionSitePartner", "productionSiteProduct", "role", "policy",
    "policyJurisdiction", "basedIn", "locatedIn", "manufacturer", "observation", "observationCompiledBy",
    "country", "statement"))}
#: for footprint and exposure: fact type → (actor role, place roles, words kind)
_TIE_ROLES: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {
    "ProductionSite": (("operator", ("place",), "productionSite"),),
    "MarketPresence": (("exporter", ("market",), "marketPresence"),),
    "Partnership": (("partner", ("market",), "partnershipMarket"),
                    ("majorityPartner", ("market",), "partnershipMarket")),
    "Deployment": (("operator", ("place",), "deployment"), ("partner", ("place",), "deploymentPartnerPlace")),
    "Policy": (("issuer", ("jurisdiction", "targets"), "policyJurisdiction"),
               ("targets", ("jurisdiction",), "policyTarget")),
    "Observation": (("subject", ("destination",), "observation"),),
}
#: plain edges from an organisation that tie it to a place
_PLACE_EDGES = ("basedIn", "country")


# -- the ontology's kinds -------------------------------------------------------------------------------------
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


# -- words ----------------------------------------------------------------------------------------------------
def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _planned(fact: dict[str, Any]) -> bool:
    return str(fact.get("status", "")) in ("planned", "announced")


def _words(relation: str, fact: dict[str, Any] | None = None, label: str = "") -> str:
    """The relation of a (collapsed) edge in words, read from its source to its target."""
    f = fact or {}
    if relation in _PLAIN_WORDS:
        return _PLAIN_WORDS[relation]
    if relation == "partnership":
        return f"{f['partnershipKind']} with" if f.get("partnershipKind") else "partners with"
    if relation == "partnershipMarket":
        return f"{f['partnershipKind']} in" if f.get("partnershipKind") else "partnership in"
    if relation == "role":
        return f"{f['title']} of" if f.get("title") else "has a role at"
    if relation == "marketPresence":
        activity = str(f.get("activity", ""))
        return _ACTIVITY_WORDS.get(activity, f"{activity} in" if activity else "is present in")
    if relation == "productionSite":
        kind = str(f.get("siteKind") or "production site")
        return f"plans {_a(kind)} in" if _planned(f) else f"has {_a(kind)} in"
    if relation == "productionSitePartner":
        return "shares a production site with"
    if relation == "productionSiteProduct":
        return "produces"
    if relation in ("policy", "policyJurisdiction", "policyTarget"):
        kind = str(f.get("policyKind") or "policy")
        return {"policy": f"issued {_a(kind)} targeting", "policyJurisdiction": f"issued {_a(kind)} for",
                "policyTarget": f"is covered by {_a(kind)} in"}[relation]
    if relation in ("deployment", "deploymentPartner", "deploymentPartnerPlace"):
        kind = str(f.get("deploymentKind") or "deployment")
        if relation == "deploymentPartnerPlace":
            return f"partners in {_a(kind)} in"
        verb = "plans" if _planned(f) else "runs"
        return f"{verb} {_a(kind)} {'with' if relation == 'deploymentPartner' else 'in'}"
    if relation == "statement":
        return "spoke about"
    if relation == "observation":
        return f"has {f['measure']} figures for" if f.get("measure") else "has figures for"
    if relation == "observationCompiledBy":
        return "has figures compiled by"
    return label or relation


def _first(attrs: dict[str, Any], names: Iterable[str]) -> str:
    for name in names:
        if attrs.get(name) not in (None, ""):
            return str(attrs[name])
    return ""


def _split(sources: Any) -> set[str]:
    return {s for s in str(sources or "").split(",") if s}


# -- the entity graph -----------------------------------------------------------------------------------------
def entity_graph(kg_or_G):
    """The graph the analytics run on: things as nodes, facts as labelled edges between their participants.

    Parameters
    ----------
    kg_or_G : KnowledgeGraph or networkx.MultiDiGraph
        A knowledge graph (projected with :func:`~nevkg.graph.project.to_networkx`), its fact-node projection
        (collapsed here), its collapsed projection (``collapse_facts=True``: annotated here, but the facts'
        attributes are gone, so the words are plainer, ``since`` is empty, and participants that are in no
        pairwise edge are missing), or an entity graph (returned as is).

    Returns
    -------
    networkx.MultiDiGraph
        The collapsed projection (same nodes, edges, keys and ``sources`` as
        ``to_networkx(kg, collapse_facts=True)``) whose edges also carry ``words`` (the relation in words),
        and, for collapsed facts, ``factLabel``, ``since`` and ``until`` (dates or ``""``).
        ``G.graph["facts"]`` maps each fact's IRI to its ``type``, ``label``, ``attrs`` and ``roles``
        (role → {participant id → set of source ids}); ``G.graph["nevkg_view"] == "entity"``.

    Raises
    ------
    QueryError
        When given something that is neither a knowledge graph nor a networkx graph.

    Examples
    --------
    >>> import nevkg
    >>> G = entity_graph(nevkg.build("memory", ["tests/resources/records"], shipped=False))
    >>> N = "https://w3id.org/nevkg/id/"
    >>> [(d["relation"], d["words"], d["label"], d["sources"])
    ...  for _, _, d in G.edges(N + "chery", data=True) if G.nodes[_]["label"] == "Spain"]
    [('partnershipMarket', 'joint venture in', 'Chery–Ebro joint venture', 'fixture-news-a'), \
('marketPresence', 'exports to', 'Chery exports to Spain', 'fixture-news-a')]
    >>> entity_graph(G) is G
    True
    """
    import networkx as nx

    if isinstance(kg_or_G, nx.Graph):
        G0 = kg_or_G
        if G0.graph.get("nevkg_view") == _VIEW:
            return G0
    elif hasattr(kg_or_G, "quads"):
        from nevkg.graph.project import to_networkx

        G0 = to_networkx(kg_or_G)
    else:
        raise QueryError(f"expected a KnowledgeGraph or a networkx graph, got {type(kg_or_G).__name__}")

    fact_nodes = {n for n, d in G0.nodes(data=True) if d.get("kind_group") == "fact"}
    G = nx.MultiDiGraph(nevkg_view=_VIEW)
    for n, d in G0.nodes(data=True):
        if n not in fact_nodes:
            G.add_node(n, **d)
    facts: dict[str, dict[str, Any]] = {}
    edges = (G0.edges(keys=True, data=True) if G0.is_multigraph()
             else ((u, v, d.get("relation", ""), d) for u, v, d in G0.edges(data=True)))
    for u, v, k, d in edges:
        if u in fact_nodes or v in fact_nodes:
            continue
        data = dict(d)
        fact = facts_entry = None
        if data.get("fact"):  # already collapsed: recover what it can of the fact
            fact = data["fact"]
            facts_entry = facts.setdefault(fact, {"type": data.get("factType", ""), "label": data.get("label", ""),
                                                  "attrs": {}, "roles": defaultdict(dict)})
            roles = _RELATION_ROLES.get(data.get("relation", ""))
            if roles:
                for role, node in zip(roles, (u, v), strict=True):
                    facts_entry["roles"][role].setdefault(node, set()).update(_split(data.get("sources")))
            data.setdefault("factLabel", data.get("label", ""))
            data.setdefault("since", "")
            data.setdefault("until", "")
        data.setdefault("words", _words(data.get("relation", ""), facts_entry and facts_entry["attrs"],
                                        data.get("label", "")))
        G.add_edge(u, v, key=k, **data)

    for fact in sorted(fact_nodes):
        attrs = dict(G0.nodes[fact])
        roles: dict[str, dict[str, set[str]]] = defaultdict(dict)
        for _, o, d in G0.out_edges(fact, data=True):
            if o not in fact_nodes:
                roles[d["relation"]].setdefault(o, set()).update(_split(d.get("sources")))
        facts[fact] = {"type": attrs.get("type", ""), "label": attrs.get("label", ""), "attrs": attrs, "roles": roles}
        since, until = _first(attrs, _SINCE), _first(attrs, _UNTIL)
        for from_role, to_role, relation in _fact_links(attrs.get("type", "")):
            starts = sorted(roles.get(from_role, {}).items())
            if from_role == to_role:
                pairs = [(x, y) for i, x in enumerate(starts) for y in starts[i + 1:]]
            else:
                pairs = [(x, y) for x in starts for y in sorted(roles.get(to_role, {}).items())]
            for (a, sa), (b, sb) in pairs:
                if a == b:
                    continue
                label = attrs.get("title") if relation == "role" and attrs.get("title") else attrs.get("label", "")
                G.add_edge(a, b, key=f"{relation} {fact}", relation=relation, label=str(label), fact=fact,
                           factType=attrs.get("type", ""), sources=",".join(sorted(sa & sb or sa | sb)),
                           words=_words(relation, attrs, str(label)), factLabel=attrs.get("label", ""),
                           since=since, until=until)
    G.graph["facts"] = facts
    return G


def _fact_links(type_name: str) -> tuple[tuple[str, str, str], ...]:
    """FACT_LINKS for a fact type, or for its nearest listed superclass."""
    if type_name in FACT_LINKS:
        return FACT_LINKS[type_name]
    from nevkg.graph.validate import ontology_graph
    from nevkg.ontology.namespaces import NEV, RDFS

    for sup in ontology_graph().transitive_objects(NEV[type_name], RDFS.subClassOf):
        name = str(sup)[len(str(NEV)):] if str(sup).startswith(str(NEV)) else ""
        if name in FACT_LINKS:
            return FACT_LINKS[name]
    return ()


@functools.lru_cache(maxsize=1)
def _example_graph():
    """The entity graph of the small fixture records (``tests/resources/records``), for the examples below."""
    import nevkg

    return entity_graph(nevkg.build("memory", ["tests/resources/records"], shipped=False))


# -- shared helpers -------------------------------------------------------------------------------------------
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
    return sorted(_split(d.get("sources")))


# -- paths ----------------------------------------------------------------------------------------------------
def _hop(G, u: str, v: str, via: set[str] | None) -> dict[str, Any]:
    """The edge that tells the hop u–v best (either direction), as a hop dict."""
    candidates = [(u, v, k, d, "forward") for k, d in G.get_edge_data(u, v, default={}).items()]
    candidates += [(v, u, k, d, "backward") for k, d in G.get_edge_data(v, u, default={}).items()]

    def rank(c):
        _, _, k, d, direction = c
        return (not (via and d.get("factType") in via), _RELATION_RANK.get(d.get("relation"), len(_RELATION_RANK)),
                -len(_split(d.get("sources"))), direction != "forward", str(k))

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


# -- neighbourhoods -------------------------------------------------------------------------------------------
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
    sub.graph = {"nevkg_view": _VIEW, "center": x, "depth": depth, "exclude": ",".join(sorted(set(exclude or ())))}
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
    ['Chery → exports to → Spain', 'Chery → joint venture in → Spain']
    """
    G = entity_graph(G)
    _check_node(G, x)
    far = max((d.get("distance", 0) for _, d in sub.nodes(data=True)), default=0)
    excluded = sub.graph.get("exclude")
    dist = _distances(G, x, far, HUB_KINDS if excluded is None else _split(excluded))
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


# -- centrality -----------------------------------------------------------------------------------------------
_MEASURES = ("degree", "pagerank", "betweenness")


def rank(G, *, measure: str = "degree", kinds: Iterable[str] | str | None = None, top: int | None = None,
         exclude: Iterable[str] = HUB_KINDS) -> list[dict[str, Any]]:
    """Rank the nodes of the entity graph by centrality.

    Computed on the undirected simple view of the whole entity graph (without the ``exclude`` kinds), where
    two nodes are linked if any edge links them, weighted by how many do; ``kinds`` then filters the ranking.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
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
    [('Chery', 5), ('Ebro', 3)]
    >>> rank(G, measure="betweenness", top=1)[0]["label"]
    'Chery'
    """
    import networkx as nx

    G = entity_graph(G)
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
    rows = [{"id": n, "label": _label(G, n), "type": G.nodes[n].get("type", ""), "score": s}
            for n, s in scores.items() if wanted is None or G.nodes[n].get("type") in wanted]
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


# -- footprint and exposure -----------------------------------------------------------------------------------
def _facts(G) -> dict[str, dict[str, Any]]:
    facts = G.graph.get("facts")
    return facts if isinstance(facts, dict) else entity_graph(_strip(G)).graph["facts"]


def _strip(G):
    H = G.copy()
    H.graph = {}
    return H


def _located(G) -> dict[str, list[str]]:
    """node → the places it is directly located in."""
    up: dict[str, list[str]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        if d.get("relation") == "locatedIn":
            up[u].append(v)
    return up


def _within(G, place: str) -> set[str]:
    """The place and every node located in it, transitively."""
    down: dict[str, list[str]] = defaultdict(list)
    for u, ups in _located(G).items():
        for v in ups:
            down[v].append(u)
    seen, queue = {place}, deque([place])
    while queue:
        for m in down.get(queue.popleft(), ()):
            if m not in seen:
                seen.add(m)
                queue.append(m)
    return seen


def _domestic(G) -> set[str]:
    """China (the node with ISO code CN, or nevid:china) and every place located in it."""
    china = [n for n, d in G.nodes(data=True) if d.get("isoCode") == "CN" or n == "https://w3id.org/nevkg/id/china"]
    out: set[str] = set()
    for c in china:
        out |= _within(G, c)
    return out


def _country_of(G, place: str, up: dict[str, list[str]]) -> str:
    """The nearest Country a place is located in (breadth first), or "" for countries and regions."""
    if G.nodes[place].get("type") == "Country":
        return ""
    seen, queue = {place}, deque([place])
    while queue:
        for m in sorted(up.get(queue.popleft(), ())):
            if m in seen:
                continue
            if G.nodes[m].get("type") == "Country":
                return m
            seen.add(m)
            queue.append(m)
    return ""


def _ties(G) -> list[dict[str, Any]]:
    """Every (organisation or other actor, place) tie: from facts (:data:`_TIE_ROLES`) and plain edges."""
    out = []
    for fact, f in sorted(_facts(G).items()):
        attrs, roles = f["attrs"], f["roles"]
        since, until = _first(attrs, _SINCE), _first(attrs, _UNTIL)
        for actor_role, place_roles, words_kind in _TIE_ROLES.get(f["type"], ()):
            for actor, actor_src in sorted(roles.get(actor_role, {}).items()):
                if actor not in G or _is(G, actor, "Place"):
                    continue
                for place_role in place_roles:
                    for place, place_src in sorted(roles.get(place_role, {}).items()):
                        if place == actor or place not in G or not _is(G, place, "Place"):
                            continue
                        out.append({"actor": actor, "place": place, "relation": _words(words_kind, attrs),
                                    "via": f["label"], "fact": fact, "since": since, "until": until,
                                    "sources": sorted(actor_src & place_src or actor_src | place_src)})
    for u, v, d in G.edges(data=True):
        if d.get("relation") in _PLACE_EDGES and not d.get("fact") and not _is(G, u, "Place") \
                and _is(G, v, "Place"):
            out.append({"actor": u, "place": v, "relation": d.get("words") or _words(d["relation"]), "via": "",
                        "fact": "", "since": "", "until": "", "sources": _sources(d)})
    return out


def _dedupe(ties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for t in ties:
        key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(t.items()))
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def _tie_key(t: dict[str, Any]):
    return (t.get("since") or "~", t["relation"], t["via"], t.get("through", ""), t.get("place", ""))


def footprint(G, org: str) -> list[dict[str, Any]]:
    """Everything that ties an organisation to places abroad, grouped by place.

    A tie is a fact linking the organisation (or one of its brands or subsidiaries, transitively) to a place:
    a production site there, market presence (exports, deliveries, entry), a partnership whose market it is,
    a deployment there (as operator or partner), a policy it issued for or that covers it there, an
    observation of its figures for that destination; or a plain ``based in`` / ``is from`` link. Statements
    (talk about a place) are not ties. Places in China (China itself and everything located in it,
    following ``locatedIn``) are left out; every other place counts as abroad, regions included (a
    region such as "World" or "Asia" that contains China is still not *in* China).

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
    org : str
        The organisation's node id (IRI).

    Returns
    -------
    list of dict
        ``{"place", "place_id", "type", "country", "country_id", "ties"}`` sorted by place label, where
        ``country`` is the country a city or province abroad rolls up to (``""`` for countries and regions)
        and each tie is ``{"relation", "via", "fact", "through", "since", "until", "sources"}``: ``relation`` in
        words, ``via`` the fact's label, ``through`` ``""`` for the organisation itself or
        ``"via brand X"`` / ``"via subsidiary X"``, ``since``/``until`` the fact's dates (``""`` if none),
        ``sources`` source ids.

    Raises
    ------
    UnknownNameError
        When ``org`` is not a node of the graph.

    Examples
    --------
    >>> G = _example_graph()
    >>> N = "https://w3id.org/nevkg/id/"
    >>> [(p["place"], p["country"], [t["relation"] for t in p["ties"]]) for p in footprint(G, N + "weride")]
    [('Abu Dhabi', 'United Arab Emirates', ['runs a robotaxi fleet in']), \
('Middle East', '', ['strategic cooperation in'])]
    >>> [(p["place"], len(p["ties"])) for p in footprint(G, N + "chery")]
    [('Spain', 2)]
    """
    G = entity_graph(G)
    _check_node(G, org, "organisation")
    actors = {org: ""}
    queue = deque([org])
    while queue:
        n = queue.popleft()
        for u, _, d in sorted(G.in_edges(n, data=True), key=lambda e: e[0]):
            if d.get("relation") in ("brandOf", "parentOrganization") and u not in actors:
                kind = "brand" if d["relation"] == "brandOf" else "subsidiary"
                actors[u] = f"via {kind} {_label(G, u)}"
                queue.append(u)
    domestic = _domestic(G)
    by_place: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in _ties(G):
        if t["actor"] in actors and t["place"] not in domestic:
            tie = {k: t[k] for k in ("relation", "via", "fact", "since", "until", "sources")}
            tie["through"] = actors[t["actor"]]
            by_place[t["place"]].append(tie)
    up = _located(G)
    out = []
    for place, ties in by_place.items():
        country = _country_of(G, place, up)
        out.append({"place": _label(G, place), "place_id": place, "type": G.nodes[place].get("type", ""),
                    "country": _label(G, country) if country else "", "country_id": country,
                    "ties": sorted(_dedupe(ties), key=_tie_key)})
    out.sort(key=lambda p: (_fold(p["place"]), p["place_id"]))
    return out


def exposure(G, place: str) -> list[dict[str, Any]]:
    """Every organisation tied to a market: the place itself or any place located in it, transitively.

    The ties are those of :func:`footprint`, seen from the place: factories there, exports and market presence,
    partnerships whose market it is, deployments there (operators and partners), policies issued for it or
    covering an organisation there, observations of an organisation's figures for it, and organisations
    based there. Only organisations (types under ``nev:Organization``) are listed, each for its own ties:
    a brand's factory is the brand's, not its parent's.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
    place : str
        The place's node id (IRI).

    Returns
    -------
    list of dict
        ``{"organization", "organization_id", "type", "ties"}`` sorted by number of ties (most first) then
        label; each tie is ``{"relation", "via", "fact", "place", "place_id", "since", "until", "sources"}``,
        ``place`` being the (sub-)place the fact names.

    Raises
    ------
    UnknownNameError
        When ``place`` is not a node of the graph.
    QueryError
        When the node is not a place.

    Examples
    --------
    >>> G = _example_graph()
    >>> N = "https://w3id.org/nevkg/id/"
    >>> [(o["organization"], [(t["relation"], t["place"]) for t in o["ties"]])
    ...  for o in exposure(G, N + "middle-east")]
    [('Uber', [('partners in a robotaxi fleet in', 'Abu Dhabi'), ('strategic cooperation in', 'Middle East')]), \
('WeRide', [('runs a robotaxi fleet in', 'Abu Dhabi'), ('strategic cooperation in', 'Middle East')])]
    """
    G = entity_graph(G)
    _check_node(G, place, "place")
    if not _is(G, place, "Place"):
        raise QueryError(f"{_label(G, place)!r} is a {G.nodes[place].get('type', 'thing')}, not a place")
    within = _within(G, place)
    by_org: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in _ties(G):
        if t["place"] in within and _is(G, t["actor"], "Organization"):
            tie = {k: t[k] for k in ("relation", "via", "fact", "since", "until", "sources")}
            tie.update(place=_label(G, t["place"]), place_id=t["place"])
            by_org[t["actor"]].append(tie)
    out = [{"organization": _label(G, o), "organization_id": o, "type": G.nodes[o].get("type", ""),
            "ties": sorted(_dedupe(ties), key=_tie_key)} for o, ties in by_org.items()]
    out.sort(key=lambda o: (-len(o["ties"]), _fold(o["organization"]), o["organization_id"]))
    return out


# -- communities ----------------------------------------------------------------------------------------------
def communities(G, *, seed: int = 0, resolution: float = 1.0,
                exclude: Iterable[str] = HUB_KINDS) -> list[dict[str, Any]]:
    """Clusters of the entity graph (Louvain), deterministic for a given seed.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
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

    G = entity_graph(G)
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
