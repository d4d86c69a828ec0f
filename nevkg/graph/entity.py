"""The entity graph: things as nodes, facts collapsed into labelled, worded edges between their participants.

:func:`entity_graph` is what the network analytics (:mod:`nevkg.queries.analytics`) run on: the projection of
:func:`nevkg.graph.project.to_networkx` with every fact node (partnership, market presence, production site,
deployment, policy, observation, role, statement) collapsed into labelled edges between its participants,
exactly as ``to_networkx(kg, collapse_facts=True)`` does (see :data:`~nevkg.graph.project.FACT_LINKS`).
On the fact-node graph every tie would cost two hops through a node that is not a thing, so path lengths,
degrees and communities would measure the modelling pattern rather than the ecosystem. Each collapsed edge
keeps its fact: ``fact`` (IRI), ``factType``, ``factLabel``, plus ``since``/``until`` (the fact's dates) and
``words``, the relation in words (``"exports to"``, ``"has a factory in"``). The full list of each fact's
participants is kept in ``G.graph["facts"]``, for the questions (footprint, exposure) that need participants the
pairwise edges leave out.

The rows of statistics tables are left out (:class:`without_tables`): they are figures for the trade queries,
not ties. It lives in the graph layer because a build computes it once and keeps it beside the store
(:mod:`nevkg.graph.entity_store`), so the analytics commands start without projecting the graph again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from nevkg.errors import QueryError

__all__ = ["entity_graph", "entity_core", "collapse", "relation_words", "first_value",
           "split_sources", "SINCE", "UNTIL", "VIEW"]

VIEW = "entity"
#: attributes of an open knowledge graph that keep its entity graph and its core
_MEMO = "_nevkg_entity_graph"
_MEMO_CORE = "_nevkg_entity_core"


SINCE = ("startDate", "periodStart", "announcedOn", "issuedOn", "statedOn", "asOf")
UNTIL = ("endDate", "periodEnd", "targetDate")


def _relation_roles() -> dict[str, tuple[str, str]]:
    """relation → (from role, to role), from :data:`~nevkg.graph.project.FACT_LINKS` (imported when needed: the
    projection imports rdflib, which the commands that read the stored core never need)."""
    from nevkg.graph.project import FACT_LINKS

    return {rel: (a, b) for links in FACT_LINKS.values() for a, b, rel in links}


_PLAIN_WORDS = {"locatedIn": "is located in", "country": "is from", "basedIn": "is based in",
                "parentOrganization": "is part of", "brandOf": "is a brand of", "manufacturer": "is made by",
                "broader": "falls under", "produces": "produces"}


_ACTIVITY_WORDS = {"exports to": "exports to", "delivers to": "delivers to",
                   "opened deliveries": "opened deliveries in", "entered": "entered", "sells in": "sells in",
                   "core market": "has a core market in", "key destination": "has a key destination in",
                   "distribution network": "has a distribution network in", "targets market": "targets the market of",
                   "exited": "left the market of"}


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _planned(fact: dict[str, Any]) -> bool:
    return str(fact.get("status", "")) in ("planned", "announced")


def relation_words(relation: str, fact: dict[str, Any] | None = None, label: str = "") -> str:
    """The relation of a (collapsed) edge in words, read from its source to its target, as the verb of a
    sentence: ``source words target`` reads as one ("Ebro has a joint venture in Spain", "Guangzhou is located
    in China").

    >>> relation_words("brandOf"), relation_words("role", {"title": "chairman"})
    ('is a brand of', 'is chairman of')
    """
    f = fact or {}
    if relation in _PLAIN_WORDS:
        return _PLAIN_WORDS[relation]
    if relation == "partnership":
        return f"has {_a(f['partnershipKind'])} with" if f.get("partnershipKind") else "partners with"
    if relation == "partnershipMarket":
        return f"has {_a(f['partnershipKind'])} in" if f.get("partnershipKind") else "has a partnership in"
    if relation == "role":
        return f"is {f['title']} of" if f.get("title") else "has a role at"
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
    if relation == "planMarket":
        return "has a market plan for" if f.get("type") != "PolicyProposal" else "proposed a policy for"
    if relation == "statement":
        return "spoke about"
    if relation == "observation":
        return f"has {f['measure']} figures for" if f.get("measure") else "has figures for"
    if relation == "observationCompiledBy":
        return "has figures compiled by"
    return label or relation


def first_value(attrs: dict[str, Any], names: Iterable[str]) -> str:
    for name in names:
        if attrs.get(name) not in (None, ""):
            return str(attrs[name])
    return ""


def split_sources(sources: Any) -> set[str]:
    return {s for s in str(sources or "").split(",") if s}


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
    [('partnershipMarket', 'has a joint venture in', 'Chery–Ebro joint venture', 'fixture-news-a'), \
('marketPresence', 'exports to', 'Chery exports to Spain', 'fixture-news-a')]
    >>> entity_graph(G) is G
    True
    """
    import networkx as nx

    if isinstance(kg_or_G, nx.Graph):
        return kg_or_G if kg_or_G.graph.get("nevkg_view") == VIEW else collapse(kg_or_G)
    if not hasattr(kg_or_G, "quads"):
        raise QueryError(f"expected a KnowledgeGraph or a networkx graph, got {type(kg_or_G).__name__}")
    kg = kg_or_G
    G = getattr(kg, _MEMO, None)
    if G is None:
        from nevkg.graph.entity_store import load_entity_graph
        from nevkg.graph.project import to_networkx

        G = load_entity_graph(kg)
        if G is None:
            G = collapse(to_networkx(without_tables(kg)))
        try:
            setattr(kg, _MEMO, G)
        except AttributeError:  # an object that takes no attributes: no memo
            pass
    return G


def entity_core(kg_or_G):
    """The core of the entity graph (:class:`~nevkg.graph.entity_core.EntityCore`): what ``rank``, ``path`` and
    ``communities`` run on.

    Read from the store folder when the build kept it (no projection, no full graph, no rdflib terms), else
    taken from :func:`entity_graph`. An :class:`~nevkg.graph.entity_core.EntityCore` is returned as is.

    Examples
    --------
    >>> import nevkg
    >>> kg = nevkg.build("memory", ["tests/resources/records"], shipped=False)
    >>> C = entity_core(kg)
    >>> C.number_of_edges() == entity_graph(kg).number_of_edges(), entity_core(C) is C, entity_core(kg) is C
    (True, True, True)
    """
    import networkx as nx

    from nevkg.graph.entity_core import EntityCore

    if isinstance(kg_or_G, EntityCore):
        return kg_or_G
    if isinstance(kg_or_G, nx.Graph):
        return EntityCore.from_graph(entity_graph(kg_or_G))
    core = getattr(kg_or_G, _MEMO_CORE, None)
    if core is None:
        from nevkg.graph.entity_store import load_entity_core

        core = None if getattr(kg_or_G, _MEMO, None) is not None else load_entity_core(kg_or_G)
        if core is None:
            core = EntityCore.from_graph(entity_graph(kg_or_G))
        try:
            setattr(kg_or_G, _MEMO_CORE, core)
        except AttributeError:
            pass
    return core


class without_tables:  # noqa: N801  (a view named like the function it stands in for)
    """A knowledge graph seen without the rows of its statistics tables (``manifest["table_graphs"]``).

    The entity graph is about who is tied to whom; a customs table adds one observation node per row
    (millions at customs scale), which are figures for the trade queries, not ties, and would make the
    projection as large as the table. Curated observations stay.
    """

    def __init__(self, kg) -> None:
        self.kg = kg
        self.skip = {str(g) for g in (getattr(kg, "manifest", None) or {}).get("table_graphs", [])}

    def quads(self, pattern: tuple = (None, None, None, None)):
        if not self.skip:
            yield from self.kg.quads(pattern)
            return
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        s, p, o, _ = pattern
        for g in [DATASET_DEFAULT_GRAPH_ID] + [g for g in self.kg.graph_names() if str(g) not in self.skip]:
            yield from self.kg.quads((s, p, o, g))


def collapse(G0):
    """Collapse the fact nodes of a projection (:func:`~nevkg.graph.project.to_networkx`) into worded edges.

    The work behind :func:`entity_graph`, without its memo or the stored copy.
    """
    import networkx as nx

    fact_nodes = {n for n, d in G0.nodes(data=True) if d.get("kind_group") == "fact"}
    G = nx.MultiDiGraph(nevkg_view=VIEW)
    for n, d in G0.nodes(data=True):
        if n not in fact_nodes:
            G.add_node(n, **d)
    facts: dict[str, dict[str, Any]] = {}
    relation_roles = _relation_roles()
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
            roles = relation_roles.get(data.get("relation", ""))
            if roles:
                for role, node in zip(roles, (u, v), strict=True):
                    facts_entry["roles"][role].setdefault(node, set()).update(split_sources(data.get("sources")))
            data.setdefault("factLabel", data.get("label", ""))
            data.setdefault("since", "")
            data.setdefault("until", "")
        data.setdefault("words", relation_words(data.get("relation", ""), facts_entry and facts_entry["attrs"],
                                        data.get("label", "")))
        G.add_edge(u, v, key=k, **data)

    for fact in sorted(fact_nodes):
        attrs = dict(G0.nodes[fact])
        roles: dict[str, dict[str, set[str]]] = defaultdict(dict)
        for _, o, d in G0.out_edges(fact, data=True):
            if o not in fact_nodes:
                roles[d["relation"]].setdefault(o, set()).update(split_sources(d.get("sources")))
        facts[fact] = {"type": attrs.get("type", ""), "label": attrs.get("label", ""), "attrs": attrs, "roles": roles}
        since, until = first_value(attrs, SINCE), first_value(attrs, UNTIL)
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
                           words=relation_words(relation, attrs, str(label)), factLabel=attrs.get("label", ""),
                           since=since, until=until)
    G.graph["facts"] = facts
    return G


def _fact_links(type_name: str) -> tuple[tuple[str, str, str], ...]:
    """FACT_LINKS for a fact type, or for its nearest listed superclass."""
    from nevkg.graph.project import FACT_LINKS

    if type_name in FACT_LINKS:
        return FACT_LINKS[type_name]
    from nevkg.graph.validate import ontology_graph
    from nevkg.ontology.namespaces import NEV, RDFS

    for sup in ontology_graph().transitive_objects(NEV[type_name], RDFS.subClassOf):
        name = str(sup)[len(str(NEV)):] if str(sup).startswith(str(NEV)) else ""
        if name in FACT_LINKS:
            return FACT_LINKS[name]
    return ()
