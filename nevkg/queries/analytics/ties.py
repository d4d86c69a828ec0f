"""Ties between organisations and places: what the footprint and exposure analytics read off the entity graph."""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

from nevkg.graph.entity import SINCE, UNTIL, entity_graph, first_value, relation_words
from nevkg.queries.analytics._base import _is, _sources

#: what a tie says about an organisation in a market
PRESENCE, HOME, INSTITUTIONAL = "presence", "home", "institutional"
#: fact type → (actor role, place roles, words kind); its superclasses' entries apply to subclasses
_TIE_ROLES: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {
    "ProductionSite": (("operator", ("place",), "productionSite"),),
    "MarketPresence": (("exporter", ("market",), "marketPresence"),),
    "Partnership": (("partner", ("market",), "partnershipMarket"),
                    ("majorityPartner", ("market",), "partnershipMarket")),
    "Deployment": (("operator", ("place",), "deployment"), ("partner", ("place",), "deploymentPartnerPlace")),
    "Policy": (("issuer", ("jurisdiction", "targets"), "policyJurisdiction"),
               ("targets", ("jurisdiction",), "policyTarget")),
    "Observation": (("subject", ("destination",), "observation"),),
    "CorporatePlan": (("author", ("market",), "planMarket"),),
}
#: plain edges from an organisation that tie it to a place
_PLACE_EDGES = ("basedIn", "country")


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


def _tie_roles(type_name: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """:data:`_TIE_ROLES` of a fact type, or of its nearest listed superclass (a corporate plan under Policy)."""
    if type_name in _TIE_ROLES:
        return _TIE_ROLES[type_name]
    for name, roles in _TIE_ROLES.items():
        if type_name in _kinds_below(name):
            return roles
    return ()


def _kinds_below(name: str) -> frozenset[str]:
    from nevkg.queries.library import _kinds_below as below

    return below(name)


def tie_kind(G, fact: dict[str, Any] | None, actor: str) -> str:
    """What a tie says: :data:`PRESENCE` (what the organisation does in the market: plants and projects, sales,
    exports and deliveries, deployments, partnerships, figures of its business there, and its own market
    plans), :data:`HOME` (where it is from or based) or :data:`INSTITUTIONAL` (a measure a government body
    issued for a place, or one that covers the organisation there: that is exposure to a rule, not presence).
    """
    if fact is None:
        return HOME
    if fact.get("type") in _kinds_below("Policy"):
        # a company's own plan for a market is presence; a government's measure is not
        company = G.nodes[actor].get("type", "") in (_kinds_below("Company") | _kinds_below("Brand"))
        return PRESENCE if company and actor in fact["roles"].get("issuer", {}) else INSTITUTIONAL
    return PRESENCE


def _ties(G) -> list[dict[str, Any]]:
    """Every (organisation or other actor, place) tie, with its ``kind`` (:func:`tie_kind`): from facts
    (:data:`_TIE_ROLES`) and plain ``based in`` / ``is from`` edges."""
    out = []
    for fact, f in sorted(_facts(G).items()):
        attrs, roles = f["attrs"], f["roles"]
        since, until = first_value(attrs, SINCE), first_value(attrs, UNTIL)
        for actor_role, place_roles, words_kind in _tie_roles(f["type"]):
            for actor, actor_src in sorted(roles.get(actor_role, {}).items()):
                if actor not in G or _is(G, actor, "Place"):
                    continue
                kind = tie_kind(G, f, actor)
                for place_role in place_roles:
                    for place, place_src in sorted(roles.get(place_role, {}).items()):
                        if place == actor or place not in G or not _is(G, place, "Place"):
                            continue
                        out.append({"actor": actor, "place": place, "relation": relation_words(words_kind, attrs),
                                    "via": f["label"], "fact": fact, "since": since, "until": until,
                                    "sources": sorted(actor_src & place_src or actor_src | place_src),
                                    "kind": kind})
    for u, v, d in G.edges(data=True):
        if d.get("relation") in _PLACE_EDGES and not d.get("fact") and not _is(G, u, "Place") \
                and _is(G, v, "Place"):
            out.append({"actor": u, "place": v, "relation": d.get("words") or relation_words(d["relation"]), "via": "",
                        "fact": "", "since": "", "until": "", "sources": _sources(d), "kind": HOME})
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
