"""Footprint (an organisation's ties to places abroad) and exposure (the organisations tied to a market)."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
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
from nevkg.queries.analytics.ties import (
    PRESENCE,
    _country_of,
    _dedupe,
    _domestic,
    _located,
    _tie_key,
    _ties,
    _within,
)

__all__ = ["footprint", "exposure", "TIE_FIELDS"]

#: the fields of a tie in :func:`footprint` and :func:`exposure`
TIE_FIELDS = ("relation", "via", "fact", "since", "until", "sources", "kind")


def _split_ties(ties: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(presence, other)``, each de-duplicated and sorted."""
    ties = sorted(_dedupe(ties), key=_tie_key)
    return [t for t in ties if t["kind"] == PRESENCE], [t for t in ties if t["kind"] != PRESENCE]


def _grouped_ties(G, keep: Callable[[dict[str, Any]], bool], by: str,
                  extra: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, tuple[list, list]]:
    """The ties of ``G`` that ``keep`` accepts, grouped by their ``by`` node, each group split by
    :func:`_split_ties`; a tie holds :data:`TIE_FIELDS` and what ``extra`` adds."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in _ties(G):
        if keep(t):
            groups[t[by]].append({**{k: t[k] for k in TIE_FIELDS}, **extra(t)})
    return {node: _split_ties(ties) for node, ties in groups.items()}


def footprint(G, org: str) -> list[dict[str, Any]]:
    """Where an organisation is present abroad, grouped by place; its home and institutional ties apart.

    **Presence** is what the organisation (or one of its brands or subsidiaries, transitively) does in a
    market: a production site or project there, market presence (exports, deliveries, sales, entry,
    distribution), a partnership whose market it is, a deployment there (as operator or partner), figures of
    its business there (an observation with that destination), or its own market plan for it. Where it is
    from or based (``is from``, ``is based in``: *home* ties) and the measures that cover it there
    (*institutional* ties) are not presence: they are kept apart in ``other_ties`` (a brand's country is the
    brand's home, not its parent's presence). Statements (talk about a place) are not ties. Places in China
    (China itself and everything located in it, following ``locatedIn``) are left out; every other place
    counts as abroad, regions included.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
    org : str
        The organisation's node id (IRI).

    Returns
    -------
    list of dict
        ``{"place", "place_id", "type", "country", "country_id", "ties", "other_ties"}``: first the places
        with presence, then those with only other ties, each by label. ``country`` is the country a city or
        province abroad rolls up to (``""`` for countries and regions). ``ties`` are the presence ties and
        ``other_ties`` the home and institutional ones, each ``{"relation", "via", "fact", "through",
        "since", "until", "sources", "kind"}``: ``relation`` in words, ``via`` the fact's label, ``through``
        ``""`` for the organisation itself or ``"via brand X"`` / ``"via subsidiary X"``, ``since``/``until``
        the fact's dates (``""`` if none), ``sources`` source ids, ``kind`` ``"presence"``, ``"home"`` or
        ``"institutional"``.

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
('Middle East', '', ['has a strategic cooperation in'])]
    >>> [(p["place"], len(p["ties"])) for p in footprint(G, N + "chery")]  # its plan for Europe is presence too
    [('Europe', 1), ('Spain', 2)]
    >>> [(p["place"], [(t["relation"], t["kind"]) for t in p["other_ties"]]) for p in footprint(G, N + "ebro")]
    [('Spain', [('is from', 'home')])]
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
    by_place = _grouped_ties(G, lambda t: t["actor"] in actors and t["place"] not in domestic, "place",
                             lambda t: {"through": actors[t["actor"]]})
    up = _located(G)
    out = []
    for place, (presence, other) in by_place.items():
        country = _country_of(G, place, up)
        out.append({"place": _label(G, place), "place_id": place, "type": G.nodes[place].get("type", ""),
                    "country": _label(G, country) if country else "", "country_id": country,
                    "ties": presence, "other_ties": other})
    out.sort(key=lambda p: (not p["ties"], _fold(p["place"]), p["place_id"]))
    return out


def exposure(G, place: str) -> list[dict[str, Any]]:
    """Every organisation present in a market (the place itself or any place located in it, transitively).

    Presence is as in :func:`footprint`, seen from the place: factories and projects there, exports,
    deliveries and other market presence, partnerships whose market it is, deployments there (operators and
    partners), figures of an organisation's business there, and a company's own market plans. Organisations
    only *from* or *based* there (home ties: "BMW is from Germany", "the European Commission is based in the
    European Union") or only covered by a measure there (institutional ties) are listed after the present
    ones, with empty ``ties``: their ties are in ``other_ties``. Only organisations (types under
    ``nev:Organization``) are listed, each for its own ties: a brand's factory is the brand's, not its
    parent's.

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
        An entity graph (:func:`entity_graph`; anything else is converted first).
    place : str
        The place's node id (IRI).

    Returns
    -------
    list of dict
        ``{"organization", "organization_id", "type", "ties", "other_ties"}`` sorted by number of presence
        ties (most first) then label; each tie is ``{"relation", "via", "fact", "place", "place_id", "since",
        "until", "sources", "kind"}``, ``place`` being the (sub-)place the fact names.

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
    [('Uber', [('partners in a robotaxi fleet in', 'Abu Dhabi'), ('has a strategic cooperation in', 'Middle East')]), \
('WeRide', [('runs a robotaxi fleet in', 'Abu Dhabi'), ('has a strategic cooperation in', 'Middle East')])]
    >>> [(o["organization"], len(o["ties"]), [t["relation"] for t in o["other_ties"]])
    ...  for o in exposure(G, N + "spain")]
    [('Chery', 2, []), ('Ebro', 2, ['is from'])]
    """
    G = entity_graph(G)
    _check_node(G, place, "place")
    if not _is(G, place, "Place"):
        raise QueryError(f"{_label(G, place)!r} is a {G.nodes[place].get('type', 'thing')}, not a place")
    within = _within(G, place)
    by_org = _grouped_ties(G, lambda t: t["place"] in within and _is(G, t["actor"], "Organization"), "actor",
                           lambda t: {"place": _label(G, t["place"]), "place_id": t["place"]})
    out = []
    for o, (presence, other) in by_org.items():
        out.append({"organization": _label(G, o), "organization_id": o, "type": G.nodes[o].get("type", ""),
                    "ties": presence, "other_ties": other})
    out.sort(key=lambda o: (-len(o["ties"]), _fold(o["organization"]), o["organization_id"]))
    return out
