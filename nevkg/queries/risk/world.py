"""The world a measure meets: the place hierarchy, who owns whom, where goods come from, and each actor's ties."""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

from nevkg.queries.risk.measures import _local

__all__ = ["World", "reach", "origin_match", "INDIRECT"]

#: exposure weight per kind of tie
_TIE_WEIGHTS = {"ProductionSite": 1.0, "MarketPresence": 1.0, "Observation": 1.0, "home": 1.0,
                "Partnership": 0.8, "Deployment": 0.8}
#: tie facts that are not presence (a measure must not create its own exposure)
_NOT_TIES = {"Policy", "TradeMeasure", "DutyRate", "MarketProfile", "Statement", "Target", "Role"}
#: organisation kinds listed when no ``org`` is given
_ROW_KINDS = {"Automaker", "Brand"}


_N = "https://w3id.org/nevkg/id/"


class World:
    """The entity graph with the lookups risk needs: containment, ownership, origins and ties."""

    def __init__(self, kg) -> None:
        from nevkg.graph.entity import entity_graph

        self.kg = kg
        self.E = E = entity_graph(kg)
        self.facts = E.graph.get("facts", {})
        self.up: dict[str, set[str]] = defaultdict(set)
        self.owners: dict[str, set[str]] = defaultdict(set)
        self.owned: dict[str, set[str]] = defaultdict(set)
        self.home: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
        for u, v, d in E.edges(data=True):
            rel = d.get("relation")
            if rel == "locatedIn":
                self.up[u].add(v)
            elif rel in ("brandOf", "parentOrganization"):
                self.owners[u].add(v)
                self.owned[v].add(u)
            elif rel in ("country", "basedIn") and not d.get("fact"):
                words = "is from" if rel == "country" else "based in"
                self.home[u].append((v, words, sorted(s for s in str(d.get("sources", "")).split(",") if s)))
        self.china = _N + "china"
        self._above: dict[str, frozenset[str]] = {}

    def label(self, n: str) -> str:
        return str(self.E.nodes[n].get("label", n)) if n in self.E else _local(n)

    def type(self, n: str) -> str:
        return str(self.E.nodes[n].get("type", "")) if n in self.E else ""

    def above(self, place: str) -> frozenset[str]:
        """The place and every place containing it (memoised per world)."""
        if place not in self._above:
            seen, queue = {place}, deque([place])
            while queue:
                for m in self.up.get(queue.popleft(), ()):
                    if m not in seen:
                        seen.add(m)
                        queue.append(m)
            self._above[place] = frozenset(seen)
        return self._above[place]

    def chain(self, place: str, target: str) -> list[str]:
        """The shortest ``locatedIn`` chain from a place up to a containing place (both included)."""
        prev, queue = {place: None}, deque([place])
        while queue:
            n = queue.popleft()
            if n == target:
                out = [n]
                while prev[out[-1]] is not None:
                    out.append(prev[out[-1]])
                return out[::-1]
            for m in sorted(self.up.get(n, ())):
                if m not in prev:
                    prev[m] = n
                    queue.append(m)
        return [place, target]

    def ancestors(self, org: str) -> list[str]:
        seen, queue = [org], deque([org])
        while queue:
            for m in sorted(self.owners.get(queue.popleft(), ())):
                if m not in seen:
                    seen.append(m)
                    queue.append(m)
        return seen

    def actors(self, org: str) -> dict[str, str]:
        """The organisation and its brands and subsidiaries (transitively): id → how it is reached."""
        out, queue = {org: ""}, deque([org])
        while queue:
            n = queue.popleft()
            for m in sorted(self.owned.get(n, ())):
                if m not in out:
                    out[m] = f"{'brand' if self.type(m) == 'Brand' else 'subsidiary'} {self.label(m)}"
                    queue.append(m)
        return out

    def origins(self, actor: str) -> set[str]:
        """Places an actor's goods come from: where it and its owners are from or based (with containers)."""
        out: set[str] = set()
        for o in self.ancestors(actor):
            for place, _, _ in self.home.get(o, ()):
                out |= self.above(place)
        return out

    def ties(self, actor: str) -> list[dict[str, Any]]:
        """The actor's own ties (no brand's), from :func:`~nevkg.queries.analytics.footprint` plus home ties."""
        from nevkg.queries.analytics import footprint

        out = []
        for place in footprint(self.E, actor):
            for t in place["ties"]:
                if t["through"]:
                    continue
                ftype = self.facts.get(t["fact"], {}).get("type", "") if t["fact"] else "home"
                if ftype in _NOT_TIES:
                    continue
                weight = _TIE_WEIGHTS.get(ftype, 0.8)
                attrs = self.facts.get(t["fact"], {}).get("attrs", {}) if t["fact"] else {}
                if str(attrs.get("activity", "")) == "targets market":
                    weight = 0.5
                out.append({"place": place["place_id"], "relation": t["relation"], "via": t["via"],
                            "fact": t["fact"], "type": ftype, "weight": weight, "sources": list(t["sources"]),
                            "products": self._products(t["fact"])})
        seen = {(t["place"], t["relation"]) for t in out}
        for place, words, sources in self.home.get(actor, ()):
            if (place, words) not in seen:
                out.append({"place": place, "relation": words, "via": "", "fact": "", "type": "home",
                            "weight": 1.0, "sources": sources, "products": []})
        return out

    def _products(self, fact: str) -> list[tuple[str, str, str, str]]:
        """For a tie's products: ``(product, site label, site place, site operator)`` of each site making it."""
        if not fact:
            return []
        products = self.facts.get(fact, {}).get("roles", {}).get("product", {})
        out = []
        for product in sorted(products):
            for sid, f in self.facts.items():
                if f.get("type") == "ProductionSite" and product in f["roles"].get("produces", {}):
                    for place in sorted(f["roles"].get("place", {})):
                        for op in sorted(f["roles"].get("operator", {})) or [""]:
                            out.append((product, f.get("label", sid), place, op))
        return out


# -- matching ---------------------------------------------------------------------------------------------------
#: the weight of a tie that reaches a market only through a wider region around it
INDIRECT = 0.5


def reach(world: World, place: str, jurisdiction: str, home: bool = False) -> tuple[float, str, str] | None:
    """How a tie's place reaches a jurisdiction: ``(factor, words, "direct" | "indirect")`` or None.

    Direct: the place lies in the jurisdiction (Germany ⊂ European Union), or it is the home country around
    it (China ⊇ Chinese mainland, for a home tie). Indirect, weighted :data:`INDIRECT`: the place is a wider
    region around the jurisdiction ("a factory in South America" for Brazil's import tax) — the sources do
    not say the organisation is in that market itself. Regions that contain China ("World", "Asia") say
    nothing and reach nothing.
    """
    if jurisdiction in world.above(place):
        chain = world.chain(place, jurisdiction)
        return 1.0, " ⊂ ".join(world.label(p) for p in chain), "direct"
    if home and place in world.above(jurisdiction) and world.type(place) == "Country":
        return 1.0, f"{world.label(place)} ⊇ {world.label(jurisdiction)} (home country)", "direct"
    if place in world.above(jurisdiction) and world.type(place) not in ("Country",) \
            and place not in world.above(world.china):
        return INDIRECT, (f"{world.label(place)} ⊇ {world.label(jurisdiction)} (a wider region, "
                          "not the market itself)"), "indirect"
    return None


def origin_match(world: World, m: dict[str, Any], actor: str, tie: dict[str, Any]) -> tuple[bool, str, set[str]]:
    """Whether the measure targets the goods of a tie: ``(match, words, makers)``."""
    makers = {op for _, _, _, op in tie["products"] if op}
    if not m["origins"]:
        return True, "goods of every origin", makers
    origins = set(m["origins"])
    if world.origins(actor) & origins:
        hit = sorted(world.origins(actor) & origins)[0]
        return True, f"{world.label(actor)} is from {world.label(hit)}", makers
    for product, site, place, _ in tie["products"]:
        if world.above(place) & origins:
            hit = sorted(world.above(place) & origins)[0]
            return True, f"{world.label(product)} is made in {world.label(hit)} ({site})", makers
    return False, "", makers
