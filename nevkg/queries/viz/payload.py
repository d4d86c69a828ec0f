"""The data the page draws: nodes with their kind, facts, size and position; edges; legend; statistics; sources."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from nevkg.errors import QueryError
from nevkg.queries.viz.kinds import FAMILIES, PLAIN_EDGE, SPARE, background_reason, family_of, nev_ancestors
from nevkg.queries.viz.layout import BROWSER_LAYOUT_MAX, aggregate, layout
from nevkg.queries.viz.select import split_sources

__all__ = ["page_payload", "node_sizes", "MIN_SIZE", "MAX_SIZE"]

#: node radius in pixels at the first view: a square-root scale of degree (or the chosen attribute), capped, so
#: that hubs stand out without swamping their neighbours
MIN_SIZE, MAX_SIZE = 3.0, 14.0
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
    obs_types = {t for t, a in nev_ancestors().items() if "Observation" in a} | {"Observation"}

    def row(fact: str, attrs: Mapping[str, Any], role: str) -> dict[str, Any]:
        return {"fact": fact, "measure": str(attrs.get("measure") or attrs.get("label", "")),
                "scope": str(attrs.get("productScope", "")),
                "period": _period(attrs.get("periodStart"), attrs.get("periodEnd")),
                "value": _value_text(attrs), "unit": str(attrs.get("unit", "")), "role": role,
                "sources": split_sources(attrs.get("sources"))}

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


def node_sizes(values: Mapping[str, float]) -> dict[str, float]:
    """Radii on a capped square-root scale between :data:`MIN_SIZE` and :data:`MAX_SIZE`.

    >>> node_sizes({"hub": 92.0, "mid": 23.0, "leaf": 1.0, "lone": 0.0})
    {'hub': 14.0, 'mid': 8.5, 'leaf': 4.1, 'lone': 3.0}
    """
    top = max(values.values(), default=0.0)
    low = min(min(values.values(), default=0.0), 0.0)
    if top <= low:
        return {n: MIN_SIZE for n in values}
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((v - low) / (top - low)), 1)
            for n, v in values.items()}


def page_payload(G, *, title: str = "nevkg", size_by: str = "degree", layout_threshold: int = BROWSER_LAYOUT_MAX,
                 aggregate_threshold: int = 250_000, seed: int = 7) -> dict[str, Any]:
    """The data the page draws, as one JSON-ready dict (what :func:`render_html` embeds).

    Parameters
    ----------
    G : networkx.Graph
        The graph to draw (usually from :func:`subgraph_for`); see :func:`render_html`.
    title, size_by, layout_threshold, aggregate_threshold, seed
        As for :func:`render_html`.

    Returns
    -------
    dict
        ``nodes`` (id, label, type, family, sources, facts, value, size, x, y, aside), ``edges`` (id, from, to,
        label, relation, fact, since, until, sources, color), ``families`` (the legend), ``sources`` (id →
        title, issued, publisher, url), ``stats`` (node id → observation rows), ``refine`` (whether the browser
        refines the layout), ``layout``, ``notice``, ``asides`` (reason → count) and ``title``.

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
        G, notice = aggregate(G, aggregate_threshold)
    positions, method = layout(G, seed=seed)
    values = _sizes(G, size_by)
    radii = node_sizes(values)
    stats = _statistics(G)
    info = G.graph.get("source_info", {})
    publishers = set(G.graph.get("publishers", ()))

    families: dict[str, dict[str, Any]] = {}
    spare = iter(SPARE * (1 + len(G) // len(SPARE)))

    def family(type_name: str) -> str:
        key = family_of(type_name) or f"kind:{type_name}"
        if key not in families:
            if key in FAMILIES:
                name, _, colour = FAMILIES[key]
            else:
                name, colour = type_name or "Thing", next(spare, "#7f8c8d")
            families[key] = {"key": key, "name": name, "color": colour, "types": {}}
        families[key]["types"][type_name] = families[key]["types"].get(type_name, 0) + 1
        return key

    order = {k: i for i, k in enumerate(_KEY_FACTS)}
    nodes, asides = [], defaultdict(int)
    for n, d in G.nodes(data=True):
        type_name = str(d.get("type", "") or "Thing")
        facts = [[k, _jsonable(v)] for k, v in d.items() if k not in _NOT_FACTS and v not in (None, "")]
        facts.sort(key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        if d.get("folded"):
            facts.insert(0, ["folded", f"{d['folded']:,} nodes folded into this one"])
        aside = background_reason(str(n), d, publishers)
        if aside:
            asides[aside] += 1
        x, y = positions.get(n, (0.0, 0.0))
        nodes.append({"id": str(n), "label": str(d.get("label", n)), "type": type_name,
                      "family": family(type_name), "sources": split_sources(d.get("sources")),
                      "facts": [[_FACT_NAMES.get(k, k), v] for k, v in facts], "value": values[n],
                      "size": radii[n], "x": round(x, 5), "y": round(y, 5), "aside": aside})

    edges = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        fact_type = str(d.get("factType", ""))
        fam = family_of(fact_type) if fact_type else None
        edges.append({"id": f"e{i}", "from": str(u), "to": str(v),
                      "label": str(d.get("words") or d.get("label") or d.get("relation", "")),
                      "relation": str(d.get("relation", "")), "fact": str(d.get("factLabel", "") or ""),
                      "factType": fact_type, "since": str(d.get("since", "") or ""),
                      "until": str(d.get("until", "") or ""), "sources": split_sources(d.get("sources")),
                      "color": FAMILIES[fam][2] if fam in FAMILIES else PLAIN_EDGE})

    used = sorted({s for item in nodes + edges for s in item["sources"]})
    sources = {s: {k: str(v) for k, v in info.get(s, {}).items()} for s in used}
    ordered = [families[k] for k in FAMILIES if k in families] + \
              [families[k] for k in sorted(families) if k not in FAMILIES]
    for fam in ordered:
        fam["types"] = [[t, c] for t, c in sorted(fam["types"].items())]
    edge_legend = [{"factType": root, "name": name, "color": colour}
                   for key, (name, root, colour) in FAMILIES.items()
                   if any(family_of(e["factType"]) == key for e in edges if e["factType"])]
    return {"title": str(title), "selection": str(G.graph.get("selection", "")), "nodes": nodes, "edges": edges,
            "families": ordered, "edgeLegend": edge_legend, "sources": sources,
            "stats": {k: v for k, v in stats.items() if k in G}, "refine": len(nodes) <= layout_threshold,
            "layout": method, "notice": " ".join(notice), "directed": G.is_directed(), "sizeBy": size_by,
            "asides": dict(asides)}

