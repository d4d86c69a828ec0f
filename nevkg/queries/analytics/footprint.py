"""Footprint (an organisation's ties to places abroad) and exposure (the organisations tied to a market)."""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

from nevkg.errors import QueryError
from nevkg.graph.entity import entity_graph
from nevkg.queries.analytics._base import (
    _check_node,
    _example_graph,  # noqa: F401  (the docstring examples use it)
    _fold,
    _is,
    _label,
)
from nevkg.queries.analytics.ties import _country_of, _dedupe, _domestic, _located, _tie_key, _ties, _within

__all__ = ["footprint", "exposure"]

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
