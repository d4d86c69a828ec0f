"""``risk``: for each organisation, the measures that affect it on a day, in three sections, ranked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nevkg.errors import ParameterError, UnknownNameError
from nevkg.queries.risk.events import parse_date, timing
from nevkg.queries.risk.measures import measures
from nevkg.queries.risk.scoring import PHASES, rate_text, rates_for, weigh
from nevkg.queries.risk.world import _ROW_KINDS, World, origin_match, reach

__all__ = ["risk", "SECTIONS"]

#: the sections of the answer, in order: what threatens abroad, what helps abroad, China's own rules
SECTIONS = ("threat", "favourable", "china")


def _resolve(kg, name: str, kinds: set[str], what: str) -> str:
    from nevkg.queries.library import _kinds_below
    from nevkg.queries.resolve import resolve

    allowed: set[str] = set()
    for k in kinds:
        allowed |= set(_kinds_below(k))
    return str(resolve(kg, name, kinds=allowed, what=what))


def _hits(world: World, o: str, actors: dict[str, str], ties: list, m: dict[str, Any],
          org_kinds: set[str]) -> list[dict[str, Any]]:
    """The ties of an organisation (and its brands and subsidiaries) that bring a measure to bear on it."""
    named_orgs = {x for x in m["targets"] if world.type(x) in org_kinds}
    named = named_orgs | {a for r in m["rates"] for a in r["applies_to"]}
    hits = []
    for a, tie in ties:
        got = reach(world, tie["place"], m["jurisdiction"], home=tie["type"] == "home")
        if got is None:
            continue
        ok, why, makers = origin_match(world, m, a, tie)
        who = set(world.ancestors(a)) | makers
        if named_orgs and not named_orgs & who:
            continue  # a measure that names companies (an undertaking) concerns only them
        if not ok and named & who:
            ok, why = True, f"named in the measure ({', '.join(world.label(x) for x in sorted(named & who))})"
        if not ok:
            continue
        factor, place_words, how = got
        chain = [world.label(o)] + ([actors[a]] if actors[a] else [])
        hits.append({"actor": a, "who": who, "weight": tie["weight"] * factor, "reach": how,
                     "path": " → ".join(chain + [tie["relation"], place_words]), "via": tie["via"], "origin": why,
                     "sources": tie["sources"]})
    if hits and m["flow"] == "exports":  # an export rule concerns exporters: a tie abroad is needed
        exporters = {h["actor"] for h in hits}
        home_country = {p for p in world.above(m["jurisdiction"]) if world.type(p) == "Country"}
        abroad = [(a, tie) for a, tie in ties if a in exporters and tie["type"] != "home"
                  and not (home_country | {m["jurisdiction"]}) & world.above(tie["place"])]
        if not abroad:
            return []
        a, tie = min(abroad, key=lambda x: (-x[1]["weight"], world.label(x[1]["place"])))
        for h in hits:
            h["path"] += f"; exports: {tie['relation']} {world.label(tie['place'])}"
            h["sources"] = sorted(set(h["sources"]) | set(tie["sources"]))
    hits.sort(key=lambda h: (-h["weight"], h["path"]))
    return hits


def _row(world: World, o: str, m: dict[str, Any], t: dict[str, Any], hits: list[dict[str, Any]]) -> dict[str, Any]:
    best = hits[0]
    who = set().union(*(h["who"] for h in hits))
    rates = rates_for(m, who, t["rate_day"])
    text, head, company = rate_text(rates, world.label)
    w = weigh(m, head)
    exposure = round(best["weight"], 3)
    section = "china" if world.china in world.above(m["jurisdiction"]) else (
        "threat" if w["effect"] == "adverse" else "favourable")
    rate_sources = sorted({s for r in rates["own"] + rates["residual"] + rates["mfn"] for s in r["sources"]})
    measure_sources = sorted(set(m["sources"]) | set(rate_sources))
    tie_sources = sorted(best["sources"])
    return {
        "section": section, "effect": w["effect"],
        "organization": world.label(o), "organization_id": o, "measure": m["label"], "measure_id": m["id"],
        "kind": m["kind"], "jurisdiction": world.label(m["jurisdiction"]), "jurisdiction_id": m["jurisdiction"],
        "phase": t["phase"], "event": t["event"], "date": t["date"], "days": t["days"], "status": t["status"],
        "rate": text or "rate unknown (none on record)", "rate_known": w["rate_known"],
        "rate_pct": head["rate"] if head else None, "previous_pct": head["previous"] if head else None,
        "company_rate": company, "change_pp": w["change_pp"], "cost_pp": w["cost_pp"],
        "exposure": exposure, "reach": best["reach"], "rate_factor": w["factor"], "nearness": t["nearness"],
        "score": round(exposure * w["factor"] * t["nearness"], 3),
        "path": best["path"], "paths": [h["path"] for h in hits], "origin": best["origin"],
        "tie_sources": tie_sources, "measure_sources": measure_sources,
        "sources": sorted(set(tie_sources) | set(measure_sources))}


def risk(kg, *, as_of: dt.date | str, within_days: int = 90, org: str | None = None,
         market: str | None = None) -> list[dict[str, Any]]:
    """The measures that affect each automaker and brand on a date: threats abroad, favourable measures
    abroad, China's own rules; each section ranked by phase, then score (see :mod:`nevkg.queries.risk`).

    Parameters
    ----------
    kg : KnowledgeGraph
    as_of : datetime.date or str
        The day to look from (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` count from their first day).
    within_days : int, optional
        The window, in days, ahead (coming into force) and behind (recently changed); default 90.
    org : str, optional
        One organisation (label, alias, id or IRI); any kind of organisation is accepted. Default: every
        automaker and brand, and every company a rate names (Tesla's Shanghai plant).
    market : str, optional
        One market (a place): only measures whose jurisdiction contains it or lies inside it, reached
        through ties to that market.

    Returns
    -------
    list of dict
        One row per organisation and measure: ``section`` (``"threat"``, ``"favourable"``, ``"china"``),
        ``effect`` (``"adverse"``/``"favourable"``), ``organization``/``organization_id``, ``measure``/
        ``measure_id``, ``kind``, ``jurisdiction``/``jurisdiction_id``, ``phase`` (``"coming"``,
        ``"changed"``, ``"in force"``), ``event``, ``date`` and ``days`` (from ``as_of``; negative: behind),
        ``status`` (on ``as_of``), ``rate`` (in words; "rate unknown" when none is on record),
        ``rate_known``, ``rate_pct`` and ``previous_pct`` (the headline rate and the one it replaced),
        ``company_rate``, ``change_pp`` (signed: rate − previous, None when unknown), ``cost_pp`` (the change
        for the payer), ``exposure`` (the best tie's weight), ``reach`` (``"direct"`` or ``"indirect"``),
        ``rate_factor``, ``nearness``, ``score``, ``path`` (the best tie in words), ``paths``, ``origin``
        (why the goods are targeted), ``tie_sources``, ``measure_sources`` and ``sources``.

    Raises
    ------
    ParameterError
        A malformed date or a negative window.
    UnknownNameError, AmbiguousNameError
        An organisation or market that names nothing (with suggestions) or several things.

    Examples
    --------
    >>> import nevkg
    >>> kg = nevkg.build("memory")
    >>> rows = risk(kg, as_of="2024-10-01", within_days=60, org="BYD", market="Germany")
    >>> [(r["measure_id"].rsplit("/", 1)[1], r["phase"], r["date"], float(r["company_rate"]), float(r["change_pp"]))
    ...  for r in rows]
    [('eu-definitive-cvd-bev-2024', 'coming', '2024-10-30', 17.0, -0.4), \
('eu-provisional-cvd-bev-2024', 'in force', '', 17.4, 17.4)]
    >>> rows[0]["path"], rows[0]["section"], rows[0]["reach"]
    ('BYD → opened deliveries in → Germany ⊂ European Union', 'threat', 'direct')
    """
    day = parse_date(as_of, what="valid as-of date")
    try:
        within = int(within_days)
    except (TypeError, ValueError):
        raise ParameterError(f"{within_days!r} is not a number of days; give a whole number such as 90") from None
    if within < 0:
        raise ParameterError(f"the window must not be negative (got {within} days)")
    world = World(kg)
    all_measures = measures(kg)
    if org is not None:
        orgs = [_resolve(kg, org, {"Organization"}, "organisation")]
        if orgs[0] not in world.E:
            raise UnknownNameError(f"'{org}' has no ties in the graph")
    else:
        named = {a for m in all_measures for r in m["rates"] for a in r["applies_to"]}
        orgs = sorted(n for n, d in world.E.nodes(data=True) if d.get("type") in _ROW_KINDS or n in named)
    market_id = _resolve(kg, market, {"Place"}, "place") if market is not None else None
    if market_id is not None and market_id not in world.E:
        raise UnknownNameError(f"'{market}' is not a place of the graph")

    from nevkg.queries.library import _kinds_below

    org_kinds = set(_kinds_below("Organization"))
    timed = []
    for m in all_measures:
        j = m["jurisdiction"]
        if j not in world.E or (market_id and not (j in world.above(market_id) or market_id in world.above(j))):
            continue
        t = timing(m, day, within)
        if t is not None:
            timed.append((m, t))
    rows = []
    for o in orgs:
        actors = world.actors(o)
        ties = [(a, t) for a in actors for t in world.ties(a)]
        if market_id:
            ties = [(a, t) for a, t in ties if reach(world, t["place"], market_id)
                    or market_id in world.above(t["place"])]
        for m, t in timed:
            hits = _hits(world, o, actors, ties, m, org_kinds)
            if hits:
                rows.append(_row(world, o, m, t, hits))
    rows.sort(key=lambda r: (SECTIONS.index(r["section"]), PHASES.index(r["phase"]), -r["score"],
                             r["date"] or "9999", r["organization"].casefold(), r["measure"]))
    return rows
