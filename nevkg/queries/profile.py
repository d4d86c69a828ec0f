"""Market profiles: what is known about a market, who is present there, which measures apply, and when.

Two plain functions:

* :func:`profile` gathers one market's sourced facts: its profile record (driving side and whether
  right-hand-drive models are needed, charging connectors, local-content rules, notes), the organisations
  present (the ties of :func:`nevkg.queries.analytics.exposure`, policies left out), the trade measures whose
  jurisdiction contains the market or lies inside it (with their rates, from
  :func:`nevkg.queries.risk.measures`), other policies there, and a dated timeline of the measures.
* :func:`market_page` draws it: the market's neighbourhood (:func:`nevkg.queries.viz.subgraph_for`) with the
  organisations present and the measures as nodes, written by :func:`nevkg.queries.viz.render_html` as one
  offline page, with the measures' timeline as a table above the drawing.

Unknown stays unknown: a market without a profile record, or without a connector list, says so.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from rdflib import URIRef

__all__ = ["profile", "profile_table", "market_page", "timeline"]

_NOT_PRESENCE = {"Policy", "TradeMeasure", "DutyRate", "MarketProfile", "Statement"}


def _market(kg, market: str) -> str:
    from nevkg.queries.library import _kinds_below
    from nevkg.queries.resolve import resolve

    return str(resolve(kg, market, kinds=set(_kinds_below("Place")), what="place"))


def _rate_words(r: dict[str, Any], label) -> str:
    from nevkg.queries.risk import pct as _pct

    who = ", ".join(label(a) for a in r["applies_to"]) or r["group"]
    bits = [x for x in (who, r["powertrain"].upper(), f"from {r['start']}" if r["start"] else "",
                        "up to" if r["bound"] == "upper" else "",
                        f"was {_pct(r['previous'])}" if r["previous"] is not None else "",
                        f"at least {r['min_amount']:,} {r['unit']}" if r["min_amount"] else "",
                        f"at most {r['max_amount']:,} {r['unit']}" if r["max_amount"] else "") if x]
    return f"{_pct(r['rate'])} {r['kind']}" + (f" ({', '.join(bits)})" if bits else "")


def timeline(measures: list[dict[str, Any]], label=str) -> list[dict[str, Any]]:
    """The dated events of some measures (from :func:`nevkg.queries.risk.measures`), oldest first.

    Each event is ``{"date", "event", "measure", "measure_id", "status", "detail", "sources"}``; ``date`` is
    the text as recorded (a year or month stays partial). Issued, in force from, expected, last day in force,
    and each rate step with its own start.
    """
    out = []
    for m in measures:
        def add(date: str, event: str, detail: str = "", sources=None, m=m) -> None:
            out.append({"date": date, "event": event, "measure": m["label"], "measure_id": m["id"],
                        "status": m["status"], "detail": detail, "sources": sources or m["sources"]})
        if m["issued"]:
            add(m["issued"], "issued")
        if m["start"]:
            base = [_rate_words(r, label) for r in m["rates"] if not r["start"] or r["start"] == m["start"]]
            add(m["start"], "in force from", "; ".join(base))
        elif m["rates"] and not m["issued"]:
            add("", "undated", "; ".join(_rate_words(r, label) for r in m["rates"]))
        if m["expected"]:
            add(m["expected"], "expected to take effect")
        if m["end"]:
            add(m["end"], "last day in force")
        if m["quota"]:
            add(m["issued"] or m["start"], "quota", f"{int(m['quota']):,} vehicles a year")
        for r in m["rates"]:
            if r["start"] and r["start"] != m["start"]:
                add(r["start"], "rate step", _rate_words(r, label), r["sources"])
        if not (m["issued"] or m["start"] or m["expected"] or m["end"] or m["rates"]):
            add("", "undated", m["status"].replace("-", " "))
    out.sort(key=lambda e: (e["date"] or "9999", e["measure"], e["event"]))
    return out


def profile(kg, market: str) -> dict[str, Any]:
    """Everything nevkg knows about one market, with sources.

    Parameters
    ----------
    kg : KnowledgeGraph
    market : str
        A place: label, alias, id or IRI ("Thailand", "EU", "european-union").

    Returns
    -------
    dict
        ``market``, ``market_id``, ``kind``, ``located_in`` (labels of the places containing it);
        ``profile`` (the profile record's id, or ``""`` when there is none); ``traffic`` (``"left"``,
        ``"right"`` or ``""``), ``right_hand_drive`` (``"needed"``, ``"not needed"`` or ``""``) and
        ``traffic_sources``; ``connectors`` (labels; empty when unknown) and ``connector_sources``;
        ``local_rules``, ``local_rule_policies`` (labels) and ``local_rule_sources``; ``climate_note``,
        ``road_note``, ``market_note`` and ``note_sources``; ``note`` (the profile's own note) and
        ``sources``; ``present``: companies present in the market — what they do there (plants, projects,
        sales, deliveries, deployments, partnerships, market plans), not where they are from —
        (``organization``, ``organization_id``,
        ``type``, ``ties`` with ``relation``, ``place``, ``via``, ``since``, ``until``, ``sources``); ``home``:
        companies only from or based there, the same way (their home ties, kept apart from presence);
        ``measures``: the trade measures that apply (``label``, ``id``, ``kind``, ``status``, ``jurisdiction``,
        ``issued``, ``start``, ``end``, ``expected``, ``quota``, ``origins``, ``rates`` in words and
        ``sources``); ``other_policies`` (label, kind, status, sources); ``timeline`` (see :func:`timeline`).

    Raises
    ------
    UnknownNameError, AmbiguousNameError
        When the name is not one place (with suggestions).

    Examples
    --------
    >>> import nevkg
    >>> p = profile(nevkg.build("memory"), "Thailand")
    >>> p["traffic"], p["right_hand_drive"], p["connectors"]
    ('left', 'needed', [])
    """
    from nevkg.queries.analytics import entity_graph, exposure
    from nevkg.queries.risk import World as _World
    from nevkg.queries.risk import measures

    mid = _market(kg, market)
    world = _World(kg)
    E = entity_graph(kg)
    label = world.label
    rows = kg.query("SELECT DISTINCT ?m ?p ?pred ?o WHERE { ?p a nev:MarketProfile ; nev:profileOf ?m ; ?pred ?o }",
                    {"m": URIRef(mid)})
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        vals = facts[str(r.p)][str(r.pred).rsplit("#", 1)[-1].rsplit("/", 1)[-1]]
        if str(r.o) not in vals:
            vals.append(str(r.o))
    pid, f = (sorted(facts.items())[0] if facts else ("", {}))
    one = lambda k: (f.get(k) or [""])[0]  # noqa: E731
    sid = lambda iris: sorted(i.rsplit("/", 1)[-1] for i in iris)  # noqa: E731
    traffic = {"TrafficLeft": "left", "TrafficRight": "right"}.get(one("trafficSide").rsplit("#", 1)[-1], "")
    rhd = {"RhdNeeded": "needed", "RhdNotNeeded": "not needed"}.get(one("rightHandDrive").rsplit("#", 1)[-1], "")

    from nevkg.queries.library import _kinds_below

    companies = set(_kinds_below("Company")) | set(_kinds_below("Brand"))
    present, home = [], []
    fields = ("relation", "place", "via", "since", "until", "sources")
    if mid in E:
        for o in exposure(E, mid):
            if o["type"] not in companies:
                continue
            who = {"organization": o["organization"], "organization_id": o["organization_id"], "type": o["type"]}
            if o["ties"]:  # presence only: plants, sales, deliveries, deployments, partnerships, plans
                present.append({**who, "ties": [{k: t[k] for k in fields} for t in o["ties"]]})
            from_here = [t for t in o["other_ties"] if t["kind"] == "home"]
            if from_here:
                home.append({**who, "ties": [{k: t[k] for k in fields} for t in from_here]})
    above = world.above(mid)
    applying = [m for m in measures(kg)
                if m["jurisdiction"] in above or mid in world.above(m["jurisdiction"])]
    others = kg.query(f"""SELECT DISTINCT ?p ?label ?kind ?status ?src WHERE {{
        ?p a nev:Policy ; rdfs:label ?label ; nev:jurisdiction ?j ; nev:policyKind ?k ; nev:lifecycle ?l ;
           prov:wasDerivedFrom ?src .
        ?k rdfs:label ?kind . ?l rdfs:label ?status .
        FILTER NOT EXISTS {{ ?p nev:tradeFlow ?flow }}
        VALUES ?j {{ {' '.join(f'<{x}>' for x in sorted(above | world_below(world, mid)))} }}
    }}""")
    other: dict[str, dict[str, Any]] = {}
    for r in others:
        e = other.setdefault(str(r.p), {"label": str(r.label), "id": str(r.p), "kind": str(r.kind),
                                        "status": str(r.status), "sources": []})
        s = str(r.src).rsplit("/", 1)[-1]
        if s not in e["sources"]:
            e["sources"].append(s)
    return {
        "market": label(mid), "market_id": mid, "kind": world.type(mid),
        "located_in": sorted(label(p) for p in above if p != mid),
        "profile": pid, "traffic": traffic, "right_hand_drive": rhd,
        "traffic_sources": sid(f.get("trafficSideSource", [])),
        "connectors": sorted(label(c) for c in f.get("chargingConnector", [])),
        "connector_sources": sid(f.get("connectorSource", [])),
        "local_rules": one("localContentRule"),
        "local_rule_policies": sorted(label(p) for p in f.get("localContentPolicy", [])),
        "local_rule_sources": sid(f.get("localContentSource", [])),
        "climate_note": one("climateNote"), "road_note": one("roadNote"), "market_note": one("marketNote"),
        "note_sources": sid(f.get("marketNoteSource", [])), "note": one("comment"),
        "sources": sid(f.get("wasDerivedFrom", [])),
        "present": present, "home": home,
        "measures": [{"label": m["label"], "id": m["id"], "kind": m["kind"], "status": m["status"],
                      "jurisdiction": label(m["jurisdiction"]), "issued": m["issued"], "start": m["start"],
                      "end": m["end"], "expected": m["expected"], "quota": m["quota"],
                      "origins": [label(o) for o in m["origins"]], "note": m["note"],
                      "rates": [_rate_words(r, label) for r in m["rates"]],
                      "sources": sorted(set(m["sources"]) | {s for r in m["rates"] for s in r["sources"]})}
                     for m in applying],
        "other_policies": sorted(other.values(), key=lambda e: e["label"]),
        "timeline": timeline(applying, label),
    }


def world_below(world, place: str) -> set[str]:
    """The place and every place located in it (transitively)."""
    down: dict[str, set[str]] = defaultdict(set)
    for u, ups in world.up.items():
        for v in ups:
            down[v].add(u)
    seen, stack = {place}, [place]
    while stack:
        for m in down.get(stack.pop(), ()):
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return seen


def profile_table(p: dict[str, Any]) -> list[dict[str, str]]:
    """A profile (from :func:`profile`) as ``{"field", "value", "sources"}`` rows for a table or CSV.

    Examples
    --------
    >>> profile_table({"market": "X", "traffic": "", "present": [], "measures": [], "timeline": []})[:2]
    [{'field': 'market', 'value': 'X', 'sources': ''}, {'field': 'driving side', 'value': 'unknown', 'sources': ''}]
    """
    j = "; ".join
    rows = [{"field": "market", "value": p["market"], "sources": ""}]
    side = (f"{p['traffic']}-hand traffic (right-hand drive {p.get('right_hand_drive')})" if p.get("traffic")
            else "unknown")
    rows.append({"field": "driving side", "value": side, "sources": j(p.get("traffic_sources", []))})
    if "connectors" in p:
        rows.append({"field": "charging connectors", "value": j(p["connectors"]) or "unknown",
                     "sources": j(p.get("connector_sources", []))})
    if p.get("local_rules"):
        rows.append({"field": "local rules", "value": p["local_rules"], "sources": j(p["local_rule_sources"])})
    for key in ("climate_note", "road_note", "market_note"):
        if p.get(key):
            rows.append({"field": key.replace("_", " "), "value": p[key], "sources": j(p["note_sources"])})
    for field, key in (("present", "present"), ("from or based here (not presence)", "home")):
        for o in p.get(key, []):
            ties = j(f"{t['relation']} {t['place']}" for t in o["ties"])
            rows.append({"field": field, "value": f"{o['organization']}: {ties}",
                         "sources": j(sorted({s for t in o["ties"] for s in t["sources"]}))})
    for m in p["measures"]:
        dates = ", ".join(x for x in (f"issued {m['issued']}" if m["issued"] else "",
                                      f"from {m['start']}" if m["start"] else "", f"to {m['end']}" if m["end"] else "",
                                      f"expected {m['expected']}" if m["expected"] else "") if x)
        rates = f" — {j(m['rates'])}" if m["rates"] else ""
        rows.append({"field": "measure", "value": f"{m['label']} [{m['status']}; {dates}]{rates}",
                     "sources": j(m["sources"])})
    for e in p["timeline"]:
        rows.append({"field": "timeline", "value": f"{e['date'] or 'undated'} {e['event']}: {e['measure']}"
                     + (f" ({e['detail']})" if e["detail"] else ""), "sources": j(e["sources"])})
    return rows


_TIMELINE_CSS = ("#measures-timeline{max-height:32vh;overflow:auto;border-bottom:1px solid #d5d8dc;padding:4px 14px;"
                 "font-size:13px;background:#fbfcfc}#measures-timeline table{border-collapse:collapse;width:100%}"
                 "#measures-timeline th,#measures-timeline td{text-align:left;padding:2px 8px;vertical-align:top;"
                 "border-bottom:1px solid #eaecee}#measures-timeline summary{font-weight:600;cursor:pointer}")


def _timeline_html(p: dict[str, Any]) -> str:
    e = html.escape
    facts = []
    if p["traffic"]:
        facts.append(f"{p['traffic']}-hand traffic, right-hand drive {p['right_hand_drive']}")
    facts.append("connectors: " + (", ".join(p["connectors"]) or "unknown"))
    if p["local_rules"]:
        facts.append("local rules: " + p["local_rules"])
    if p["market_note"]:
        facts.append(p["market_note"])
    rows = "".join(
        f"<tr><td>{e(ev['date'] or 'undated')}</td><td>{e(ev['event'])}</td><td>{e(ev['measure'])}</td>"
        f"<td>{e(ev['status'].replace('-', ' '))}</td><td>{e(ev['detail'])}</td>"
        f"<td>{e(', '.join(ev['sources']))}</td></tr>"
        for ev in p["timeline"])
    table = ("<table><thead><tr><th>date</th><th>event</th><th>measure</th><th>status</th><th>rates</th>"
             f"<th>sources</th></tr></thead><tbody>{rows}</tbody></table>") if rows else \
        "<p>No trade measure on record for this market.</p>"
    present = ", ".join(o["organization"] for o in p["present"]) or "none on record"
    return (f"<style>{_TIMELINE_CSS}</style><section id=\"measures-timeline\" aria-label=\"Measures timeline\">"
            f"<details open><summary>Measures timeline — {e(p['market'])} ({len(p['measures'])} measures)</summary>"
            f"<p>{e('; '.join(facts))}</p><p>Present: {e(present)}</p>{table}</details></section>")


def market_page(kg, market: str, out_path: str | os.PathLike) -> Path:
    """Write one offline HTML page for a market: who is present, which measures apply, and their timeline.

    The drawing is the market's neighbourhood (:func:`~nevkg.queries.viz.subgraph_for`, one hop) plus the
    organisations present (with their ties) and each applying measure as a node linked to its jurisdiction
    and to the companies its rates name; :func:`~nevkg.queries.viz.render_html` writes it, and the measures'
    timeline (dates, events, rates, sources) is set above the drawing as an HTML table (every value escaped).

    Parameters
    ----------
    kg : KnowledgeGraph
    market : str
        A place: label, alias, id or IRI.
    out_path : str or path
        The HTML file to write (replaced atomically).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    UnknownNameError, AmbiguousNameError
        When the name is not one place.

    Examples
    --------
    >>> import nevkg, tempfile, pathlib
    >>> out = market_page(nevkg.build("memory"), "Turkey", pathlib.Path(tempfile.mkdtemp()) / "tr.html")
    >>> "Measures timeline" in out.read_text(encoding="utf-8")
    True
    """
    from nevkg.queries.analytics import entity_graph
    from nevkg.queries.risk import measures
    from nevkg.queries.viz import render_html, subgraph_for, write_atomic

    p = profile(kg, market)
    mid = p["market_id"]
    sub = subgraph_for(kg, focus=mid, depth=1)
    E = entity_graph(kg)
    for o in p["present"]:
        oid = o["organization_id"]
        if oid not in sub and oid in E:
            sub.add_node(oid, **E.nodes[oid])
        for u, v, k, d in E.edges(oid, keys=True, data=True):
            if v in sub and not sub.has_edge(u, v, k) and d.get("factType") not in _NOT_PRESENCE:
                sub.add_edge(u, v, key=k, **d)
    by_id = {m["id"]: m for m in measures(kg)}
    for m in p["measures"]:
        full = by_id[m["id"]]
        sub.add_node(m["id"], label=m["label"], type="TradeMeasure", kind_group="fact", status=m["status"],
                     startDate=m["start"], endDate=m["end"], issuedOn=m["issued"], rates="; ".join(m["rates"]),
                     sources=",".join(m["sources"]))
        j = full["jurisdiction"]
        if j not in sub and j in E:
            sub.add_node(j, **E.nodes[j])
        sub.add_edge(m["id"], j, key="appliesIn", relation="jurisdiction", words="applies in",
                     factType="Policy", factLabel=m["label"], since=m["start"] or m["issued"], until=m["end"],
                     sources=",".join(full["sources"]))
        for r in full["rates"]:
            for a in r["applies_to"]:
                if a in E:
                    if a not in sub:
                        sub.add_node(a, **E.nodes[a])
                    sub.add_edge(m["id"], a, key=f"rate {r['id']}", relation="appliesTo",
                                 words=f"{r['rate']} % for", factType="Policy", factLabel=r["label"],
                                 since=r["start"] or full["start"], until=r["end"], sources=",".join(r["sources"]))
    sub.graph["selection"] = f"Market {p['market']}: who is present and which measures apply"
    out = Path(out_path)
    render_html(sub, out, title=f"nevkg market: {p['market']}")
    page = out.read_text(encoding="utf-8")
    marker = '<div id="notice" role="note" hidden></div>'
    page = page.replace(marker, marker + _timeline_html(p), 1) if marker in page else \
        page.replace("<main>", _timeline_html(p) + "<main>", 1)
    return write_atomic(out, page)
