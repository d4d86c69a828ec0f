"""Risk warnings: which trade measures affect which automaker, through which tie, how soon, and how much.

A *measure* is a policy record with a trade flow (``nev:tradeFlow``: imports, exports or domestic sales): the
EU countervailing duties, the US Section 301 increase, Canada's surtax, Brazil's import-tax schedule, China's
export licence and purchase-tax change … (``nevkg/data/policies.yaml``), with its rates
(``nevkg/data/duty_rates.yaml``). :func:`risk` lists, for each automaker and brand, the measures that affect
it on a given date; :func:`risk_table` flattens the rows for tables, CSV and JSON.

**When a measure affects an organisation.** An organisation is tied to places by the facts of
:func:`nevkg.queries.analytics.footprint` (its own and those of its brands and subsidiaries): production
sites, market presence (exports, deliveries, entry, distribution), partnerships whose market a place is,
deployments, observations of its exports to a destination, and where it is from or based (home ties, China
included). Ties that come from policies themselves are not counted (a measure must not create its own
exposure). A measure affects the organisation when

1. one of the ties reaches the measure's jurisdiction: the tie's place lies inside it (``nev:locatedIn``,
   transitively: Germany ⊂ European Union), or the tie's place is a wider region around it that does not
   contain China (Europe ⊇ European Union; "World" and "Asia" are too wide to say anything), and
2. the measure targets the goods of the tie: it names no origin (goods of every origin), or the actor
   (the organisation, brand or subsidiary holding the tie) or a company owning it is from an origin the
   measure names (a country, or a place inside it), or the products of the tie are made at a site inside an
   origin (the Cupra Tavascan, made in Anhui); or a rate of the measure names the actor, its owner or the
   maker of those products directly.

An export-side rule of the home country (China's export licence) and a domestic rule (the purchase tax)
are reached through the home tie ("BYD is from China"); an export rule also needs a tie abroad (the
organisation exports), which the path names.

**When.** For a date ``as_of`` and a window of ``within_days``, a measure is listed when

* an event of it falls in the next ``within_days`` days: it comes into force (``nev:startDate``), a rate
  step starts (a rate's own start), it is expected (``nev:expectedOn``) or it expires (``nev:endDate``) —
  phase ``"coming"``;
* else an event fell in the last ``within_days`` days (those, or its issue date) — phase ``"changed"``;
* else it is in force on ``as_of`` — phase ``"in force"``.

A measure with no start is in force from its issue date; one with no dates at all is in force when its
lifecycle says so. Partial dates count from the first day of their month or year (ends: the last day).

**Score** = exposure × rate factor × nearness, each factor documented here so that a rank can be checked by
hand:

* *exposure* (0–1): the best tie's weight. Production sites, market presence, observations and home ties
  weigh 1.0; partnerships and deployments 0.8; a market only targeted (``targets-market``) 0.5. A tie to a
  wider region around the jurisdiction counts half.
* *rate factor* = 1 + Δ/100, Δ being the change in percentage points of the headline rate (the company's
  own rate when the measure has one for it, else the highest residual rate; MFN duties are context, not
  headline): |rate − previous rate| when the source states the previous rate, else the rate itself (a new
  duty changes the rate from nothing). A measure with no rate on record counts Δ = 10, and says so.
* *nearness* (0.25–1): 1 − 0.5 × days/(``within_days`` + 1) for an event ``days`` away (ahead or behind),
  0.25 for a measure merely in force.

Rows are sorted by score (highest first), then date, organisation and measure.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from decimal import Decimal
from typing import Any

from nevkg.errors import ParameterError, UnknownNameError

__all__ = ["risk", "risk_table", "RISK_COLUMNS", "parse_date", "measures", "NOMINAL_CHANGE"]

#: Δ (percentage points) used for a measure with no rate on record
NOMINAL_CHANGE = Decimal(10)
#: exposure weight per kind of tie
_TIE_WEIGHTS = {"ProductionSite": 1.0, "MarketPresence": 1.0, "Observation": 1.0, "home": 1.0,
                "Partnership": 0.8, "Deployment": 0.8}
#: tie facts that are not presence (a measure must not create its own exposure)
_NOT_TIES = {"Policy", "TradeMeasure", "DutyRate", "MarketProfile", "Statement", "Target", "Role"}
#: organisation kinds listed when no ``org`` is given
_ROW_KINDS = {"Automaker", "Brand"}
#: columns of :func:`risk_table`, in order
RISK_COLUMNS = ["score", "organization", "measure", "jurisdiction", "phase", "event", "date", "days", "status",
                "rate", "company_rate", "change_pp", "exposure", "nearness", "path", "sources"]
_N = "https://w3id.org/nevkg/id/"


# -- dates ----------------------------------------------------------------------------------------------------
def parse_date(value: Any, *, what: str = "date", end: bool = False) -> dt.date:
    """A date from ``YYYY-MM-DD`` (or a :class:`datetime.date`); partial ``YYYY``/``YYYY-MM`` count from their
    first day (their last day with ``end=True``).

    Raises
    ------
    ParameterError
        When the value is not such a date, with what to write instead.

    Examples
    --------
    >>> parse_date("2024-10-01"), parse_date("2024-07", end=True)
    (datetime.date(2024, 10, 1), datetime.date(2024, 7, 31))
    >>> parse_date("1 Oct 2024")
    Traceback (most recent call last):
    ...
    nevkg.errors.ParameterError: '1 Oct 2024' is not a date; write YYYY-MM-DD (e.g. 2024-10-01)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(not p.isdigit() for p in parts):
            raise ValueError
        year = int(parts[0])
        if len(parts) == 3:
            return dt.date(year, int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            month = int(parts[1])
            first = dt.date(year, month, 1)
            if not end:
                return first
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise ParameterError(f"{text!r} is not a {what}; write YYYY-MM-DD (e.g. 2024-10-01)") from None


# -- reading the measures and rates ---------------------------------------------------------------------------
def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _kebab(local: str, prefix: str) -> str:
    import re

    return re.sub(r"(?<!^)(?=[A-Z])", "-", local[len(prefix):]).lower()


def _describe(kg, pattern: str) -> dict[str, dict[str, list[Any]]]:
    """``subject → predicate local name → values`` for the subjects matching ``pattern`` (binds ``?s``)."""
    out: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in kg.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {pattern} ?s ?p ?o . }}"):
        values = out[str(row.s)][_local(str(row.p))]
        value = row.o.toPython() if hasattr(row.o, "datatype") and row.o.datatype is not None and \
            _local(str(row.o.datatype)) in ("decimal", "integer", "boolean") else str(row.o)
        if value not in values:
            values.append(value)
    return out


def _labels(kg) -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in kg.query("SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label ?l FILTER(isIRI(?s)) }"):
        if str(row.s) not in labels or getattr(row.l, "language", None) in (None, "en"):
            labels[str(row.s)] = str(row.l)
    return labels


def _source_id(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def measures(kg) -> list[dict[str, Any]]:
    """Every measure (a policy with a trade flow) with its dates, places, rates and sources.

    Returns
    -------
    list of dict
        ``id`` (IRI), ``label``, ``kind``, ``status`` (lifecycle as recorded), ``flow``, ``jurisdiction``
        (IRI), ``origins``/``targets``/``product_codes`` (IRIs), ``issued``/``start``/``end``/``expected``
        (text as recorded, or ``""``), ``quota``, ``amends``/``replaces`` (IRIs), ``sources`` (ids) and
        ``rates``: dicts with ``id``, ``label``, ``kind``, ``rate`` and ``previous`` (Decimal or None),
        ``bound``, ``applies_to`` (IRIs), ``group``, ``powertrain``, ``start``/``end``, ``min_amount``,
        ``max_amount``, ``unit`` and ``sources``; sorted by start (or issue) date.
    """
    labels = _labels(kg)
    rates_by_measure: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rid, d in _describe(kg, "?s a nev:DutyRate .").items():
        one = lambda k, d=d: (d.get(k) or [None])[0]  # noqa: E731
        rates_by_measure[str(one("rateOf"))].append({
            "id": rid, "label": labels.get(rid, rid),
            "kind": labels.get(str(one("rateKind")), _kebab(_local(str(one("rateKind"))), "Rate")),
            "rate": Decimal(str(one("ratePct"))) if one("ratePct") is not None else None,
            "previous": Decimal(str(one("previousRatePct"))) if one("previousRatePct") is not None else None,
            "bound": one("bound") or "", "applies_to": sorted(d.get("appliesTo", [])),
            "group": one("appliesToGroup") or "",
            "powertrain": _kebab(_local(str(one("ratePowertrain"))), "Powertrain") if one("ratePowertrain") else "",
            "start": one("startDate") or "", "end": one("endDate") or "",
            "min_amount": one("minimumAmount"), "max_amount": one("maximumAmount"),
            "unit": labels.get(str(one("unit")), "") if one("unit") else "",
            "product_codes": sorted(d.get("productCode", [])),
            "sources": sorted({_source_id(s) for s in d.get("wasDerivedFrom", [])})})
    out = []
    for mid, d in _describe(kg, "?s a nev:Policy ; nev:tradeFlow ?flow .").items():
        one = lambda k, d=d: (d.get(k) or [""])[0]  # noqa: E731
        rates = sorted(rates_by_measure.get(mid, []), key=lambda r: (r["start"], r["label"]))
        out.append({
            "id": mid, "label": labels.get(mid, mid), "kind": _kebab(_local(str(one("policyKind"))), "Policy"),
            "status": _kebab(_local(str(one("lifecycle"))), "Lifecycle"),
            "flow": _kebab(_local(str(one("tradeFlow"))), "Flow"), "jurisdiction": str(one("jurisdiction")),
            "issuer": str(one("issuer")), "origins": sorted(d.get("origin", [])),
            "targets": sorted(d.get("targets", [])),
            "product_codes": sorted(d.get("productCode", [])),
            "issued": one("issuedOn"), "start": one("startDate"), "end": one("endDate"), "expected": one("expectedOn"),
            "quota": one("quota") or None, "amends": sorted(d.get("amends", [])),
            "replaces": sorted(d.get("replaces", [])),
            "note": one("comment"), "sources": sorted({_source_id(s) for s in d.get("wasDerivedFrom", [])}),
            "rates": rates})
    by_id = {m["id"]: m for m in out}
    for m in out:
        m["replaced_by"] = []
    for m in out:
        for old in m["replaces"]:
            if old in by_id:
                by_id[old]["replaced_by"].append(m["id"])
    out.sort(key=lambda m: (m["start"] or m["issued"] or m["expected"] or "9999", m["label"]))
    return out


# -- timing ---------------------------------------------------------------------------------------------------
def _first(text: str) -> dt.date | None:
    return parse_date(text) if text else None


def _last(text: str) -> dt.date | None:
    return parse_date(text, end=True) if text else None


def in_force(m: dict[str, Any], day: dt.date) -> bool:
    """Whether a measure (from :func:`measures`) is in force on a day (see the module docstring)."""
    start = _first(m["start"]) or _first(m["issued"])
    end = _last(m["end"])
    if start is None:
        return m["status"] in ("in-force", "adopted") and (end is None or day <= end)
    if m["status"] in ("proposed", "formulating") and not m["start"]:
        return False
    return start <= day and (end is None or day <= end)


def _events(m: dict[str, Any]) -> list[tuple[dt.date, str]]:
    """Dated events of a measure: ``(date, words)``. The expiry of a measure another one replaces is not an
    event of its own: the replacing measure carries the change."""
    ev = []
    if m["start"]:
        ev.append((_first(m["start"]), "comes into force"))
    if m["issued"]:
        ev.append((_first(m["issued"]), "issued" if m["start"] else "issued (no start recorded)"))
    if m["expected"]:
        ev.append((_first(m["expected"]), "expected to take effect"))
    if m["end"] and not m.get("replaced_by"):
        ev.append((_last(m["end"]) + dt.timedelta(days=1), "expires"))
    starts = {r["start"] for r in m["rates"] if r["start"] and r["start"] != m["start"]}
    for s in sorted(starts):
        ev.append((_first(s), "rate step"))
    return ev


def _timing(m: dict[str, Any], as_of: dt.date, within: int) -> dict[str, Any] | None:
    ahead = [(d, w) for d, w in _events(m) if as_of < d <= as_of + dt.timedelta(days=within)]
    behind = [(d, w) for d, w in _events(m) if as_of - dt.timedelta(days=within) <= d <= as_of]
    if ahead:
        d, w = min(ahead, key=lambda e: (e[1] != "comes into force", e[0]))
        phase = "coming"
    elif behind:
        d, w = max(behind, key=lambda e: (e[0], e[1] == "comes into force"))
        phase = "changed"
    elif in_force(m, as_of):
        d, w = None, "in force"
        phase = "in force"
    else:
        return None
    days = (d - as_of).days if d else None
    nearness = 0.25 if d is None else 1 - 0.5 * abs(days) / (within + 1)
    if in_force(m, as_of):
        status = "in force"
    elif (_first(m["start"]) or as_of) > as_of:
        status = "adopted, not yet in force" if m["status"] not in ("proposed", "formulating") else m["status"]
    elif m["end"] and _last(m["end"]) < as_of:
        status = "expired"
    else:
        status = m["status"].replace("-", " ")
    when = d if phase == "coming" else as_of
    return {"phase": phase, "event": w, "date": d.isoformat() if d else "", "days": days,
            "nearness": round(nearness, 3), "status": status, "rate_day": when}


# -- the place hierarchy and the organisations' ties ------------------------------------------------------------
class _World:
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
def _reach(world: _World, place: str, jurisdiction: str, home: bool = False) -> tuple[float, str] | None:
    """How a tie's place reaches a jurisdiction: ``(factor, words)`` or None."""
    if jurisdiction in world.above(place):
        chain = world.chain(place, jurisdiction)
        return 1.0, " ⊂ ".join(world.label(p) for p in chain)
    if home and place in world.above(jurisdiction) and world.type(place) == "Country":
        return 1.0, f"{world.label(place)} ⊇ {world.label(jurisdiction)} (home country)"
    if place in world.above(jurisdiction) and world.type(place) not in ("Country",) \
            and place not in world.above(world.china):
        return 0.5, f"{world.label(place)} ⊇ {world.label(jurisdiction)} (wider region)"
    return None


def _origin_match(world: _World, m: dict[str, Any], actor: str, tie: dict[str, Any]) -> tuple[bool, str, set[str]]:
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


def _rates_for(m: dict[str, Any], who: set[str], day: dt.date) -> dict[str, Any]:
    """The rates of a measure that apply on a day, split into the company's own, residual and MFN."""
    active = []
    for r in m["rates"]:
        if r["start"] and _first(r["start"]) > day:
            continue
        if r["end"] and _last(r["end"]) < day:
            continue
        active.append(r)
    latest: dict[tuple, dict[str, Any]] = {}
    for r in active:  # a schedule: per kind, powertrain, products and company, the step in effect
        key = (r["kind"], r["powertrain"], tuple(r["product_codes"]), tuple(r["applies_to"]), r["group"])
        if key not in latest or r["start"] > latest[key]["start"]:
            latest[key] = r
    current = list(latest.values())
    own = [r for r in current if set(r["applies_to"]) & who]
    own_kinds = {r["kind"] for r in own}
    residual = [r for r in current if not r["applies_to"] and r["kind"] not in own_kinds and r["kind"] != "MFN duty"]
    mfn = [r for r in current if r["kind"] == "MFN duty" and (not r["applies_to"] or set(r["applies_to"]) & who)]
    own = [r for r in own if r["kind"] != "MFN duty"]
    return {"own": own, "residual": residual, "mfn": mfn}


def _pct(x: Decimal | None) -> str:
    if x is None:
        return ""
    text = format(x.normalize(), "f") if x == x.to_integral() else str(x)
    return f"{text} %"


def _rate_text(rates: dict[str, Any], labels) -> tuple[str, Decimal | None, Decimal | None, Decimal | None]:
    """``(text, headline rate, its previous rate, company rate)``."""
    parts = []
    head = prev = company = None
    pick = None
    if rates["own"]:
        pick = max(rates["own"], key=lambda r: r["rate"])
        company = pick["rate"]
        for r in rates["own"]:
            who = ", ".join(labels(a) for a in r["applies_to"])
            parts.append(f"{_pct(r['rate'])} {r['kind']} (company rate, {who})")
    elif rates["residual"]:
        pick = max(rates["residual"], key=lambda r: r["rate"])
        for r in sorted(rates["residual"], key=lambda r: (r["powertrain"], r["rate"])):
            extra = [x for x in (r["group"], r["powertrain"].upper(), "up to" if r["bound"] == "upper" else "",
                                 ", ".join(labels(c) for c in r["product_codes"])) if x]
            if r["min_amount"]:
                extra.append(f"at least {r['min_amount']:,} {r['unit']}")
            if r["max_amount"]:
                extra.append(f"at most {r['max_amount']:,} {r['unit']}")
            parts.append(f"{_pct(r['rate'])} {r['kind']}" + (f" ({', '.join(extra)})" if extra else ""))
    for r in rates["mfn"]:
        parts.append(f"+ {_pct(r['rate'])} MFN")
    if pick is not None:
        head, prev = pick["rate"], pick["previous"]
    return "; ".join(parts), head, prev, company


# -- the function ---------------------------------------------------------------------------------------------
def _resolve(kg, name: str, kinds: set[str], what: str) -> str:
    from nevkg.queries.library import _kinds_below
    from nevkg.queries.resolve import resolve

    allowed: set[str] = set()
    for k in kinds:
        allowed |= set(_kinds_below(k))
    return str(resolve(kg, name, kinds=allowed, what=what))


def risk(kg, *, as_of: dt.date | str, within_days: int = 90, org: str | None = None,
         market: str | None = None) -> list[dict[str, Any]]:
    """The measures that affect each automaker and brand on a date, ranked (see the module docstring).

    Parameters
    ----------
    kg : KnowledgeGraph
    as_of : datetime.date or str
        The day to look from (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` count from their first day).
    within_days : int, optional
        The window, in days, ahead (coming into force) and behind (recently changed); default 90.
    org : str, optional
        One organisation (label, alias, id or IRI); any kind of organisation is accepted. Default: every
        automaker and brand.
    market : str, optional
        One market (a place): only measures whose jurisdiction contains it or lies inside it, reached
        through ties to that market.

    Returns
    -------
    list of dict
        One row per organisation and measure: ``organization``/``organization_id``, ``measure``/
        ``measure_id``, ``kind``, ``jurisdiction``/``jurisdiction_id``, ``phase`` (``"coming"``,
        ``"changed"``, ``"in force"``), ``event`` (what happens), ``date`` and ``days`` (from ``as_of``;
        negative: behind), ``status`` (on ``as_of``), ``rate`` (in words), ``rate_pct`` and
        ``previous_pct`` (the headline rate and the one it replaced), ``company_rate`` (the organisation's
        own rate, or None), ``change_pp`` (Δ), ``exposure``, ``rate_factor``, ``nearness``, ``score``,
        ``path`` (the best tie in words), ``paths`` (every tie that reaches the measure), ``origin`` (why the
        goods are targeted), ``tie_sources``, ``measure_sources`` (the measure's and its rates') and
        ``sources`` (both).

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
    >>> [(r["measure_id"].rsplit("/", 1)[1], r["phase"], r["date"], r["company_rate"]) for r in rows]
    [('eu-definitive-cvd-bev-2024', 'coming', '2024-10-30', Decimal('17')), \
('eu-provisional-cvd-bev-2024', 'in force', '', Decimal('17.4'))]
    >>> rows[0]["path"]
    'BYD → opened deliveries in → Germany ⊂ European Union'
    """
    day = parse_date(as_of, what="valid as-of date")
    try:
        within = int(within_days)
    except (TypeError, ValueError):
        raise ParameterError(f"{within_days!r} is not a number of days; give a whole number such as 90") from None
    if within < 0:
        raise ParameterError(f"the window must not be negative (got {within} days)")
    world = _World(kg)
    orgs: list[str]
    if org is not None:
        orgs = [_resolve(kg, org, {"Organization"}, "organisation")]
        if orgs[0] not in world.E:
            raise UnknownNameError(f"'{org}' has no ties in the graph")
    else:
        orgs = sorted(n for n, d in world.E.nodes(data=True) if d.get("type") in _ROW_KINDS)
    market_id = _resolve(kg, market, {"Place"}, "place") if market is not None else None
    if market_id is not None and market_id not in world.E:
        raise UnknownNameError(f"'{market}' is not a place of the graph")

    from nevkg.queries.library import _kinds_below

    org_kinds = set(_kinds_below("Organization"))
    timed = []
    for m in measures(kg):
        if m["jurisdiction"] not in world.E:
            continue
        j = m["jurisdiction"]
        if market_id and not (j in world.above(market_id) or market_id in world.above(j)):
            continue
        t = _timing(m, day, within)
        if t is not None:
            timed.append((m, t))

    rows = []
    for o in orgs:
        actors = world.actors(o)
        ties = [(a, t) for a in actors for t in world.ties(a)]
        if market_id:
            ties = [(a, t) for a, t in ties if _reach(world, t["place"], market_id)
                    or market_id in world.above(t["place"])]
        for m, t in timed:
            named_orgs = {x for x in m["targets"] if world.type(x) in org_kinds}
            named = named_orgs | {a for r in m["rates"] for a in r["applies_to"]}
            hits = []
            for a, tie in ties:
                reach = _reach(world, tie["place"], m["jurisdiction"], home=tie["type"] == "home")
                if reach is None:
                    continue
                ok, why, makers = _origin_match(world, m, a, tie)
                who = set(world.ancestors(a)) | makers
                if named_orgs and not named_orgs & who:
                    continue  # a measure that names companies (an undertaking) concerns only them
                if not ok and named & who:
                    ok, why = True, f"named in the measure ({', '.join(world.label(x) for x in sorted(named & who))})"
                if not ok:
                    continue
                factor, place_words = reach
                chain = [world.label(o)] + ([actors[a]] if actors[a] else [])
                path = " → ".join(chain + [tie["relation"], place_words])
                hits.append({"actor": a, "who": who, "weight": tie["weight"] * factor, "path": path,
                             "via": tie["via"], "origin": why, "sources": tie["sources"]})
            if hits and m["flow"] == "exports":  # an export rule concerns exporters: a tie abroad is needed
                exporters = {h["actor"] for h in hits}
                home_country = {p for p in world.above(m["jurisdiction"]) if world.type(p) == "Country"}
                abroad = [(a, tie) for a, tie in ties if a in exporters and tie["type"] != "home"
                          and not (home_country | {m["jurisdiction"]}) & world.above(tie["place"])]
                if not abroad:
                    continue
                a, tie = min(abroad, key=lambda x: (-x[1]["weight"], world.label(x[1]["place"])))
                for h in hits:
                    h["path"] += f"; exports: {tie['relation']} {world.label(tie['place'])}"
                    h["sources"] = sorted(set(h["sources"]) | set(tie["sources"]))
            if not hits:
                continue
            hits.sort(key=lambda h: (-h["weight"], h["path"]))
            best = hits[0]
            who = set().union(*(h["who"] for h in hits))
            rates = _rates_for(m, who, t["rate_day"])
            text, head, prev, company = _rate_text(rates, world.label)
            if head is None:
                change = NOMINAL_CHANGE
                text = text or "no rate on record"
            else:
                change = abs(head - prev) if prev is not None else head
            exposure = round(best["weight"], 3)
            factor = 1 + float(change) / 100
            score = round(exposure * factor * t["nearness"], 3)
            rate_sources = sorted({s for r in rates["own"] + rates["residual"] + rates["mfn"] for s in r["sources"]})
            measure_sources = sorted(set(m["sources"]) | set(rate_sources))
            tie_sources = sorted(best["sources"])
            rows.append({
                "organization": world.label(o), "organization_id": o, "measure": m["label"], "measure_id": m["id"],
                "kind": m["kind"], "jurisdiction": world.label(m["jurisdiction"]), "jurisdiction_id": m["jurisdiction"],
                "phase": t["phase"], "event": t["event"], "date": t["date"], "days": t["days"], "status": t["status"],
                "rate": text, "rate_pct": head, "previous_pct": prev, "company_rate": company, "change_pp": change,
                "exposure": exposure, "rate_factor": round(factor, 4), "nearness": t["nearness"], "score": score,
                "path": best["path"], "paths": [h["path"] for h in hits], "origin": best["origin"],
                "tie_sources": tie_sources, "measure_sources": measure_sources,
                "sources": sorted(set(tie_sources) | set(measure_sources))})
    rows.sort(key=lambda r: (-r["score"], r["date"] or "9999", r["organization"].casefold(), r["measure"]))
    return rows


def risk_table(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows of :func:`risk` as flat text, one key per :data:`RISK_COLUMNS` (for table, CSV or JSON output).

    Examples
    --------
    >>> risk_table([{"score": 1.2, "organization": "BYD", "measure": "m", "jurisdiction": "EU", "phase": "coming",
    ...   "event": "comes into force", "date": "2024-10-30", "days": 29, "status": "in force", "rate": "17 %",
    ...   "company_rate": Decimal("17.0"), "change_pp": Decimal("0.4"), "exposure": 1.0, "nearness": 0.76,
    ...   "path": "BYD → x", "sources": ["a", "b"]}])[0]["sources"]
    'a; b'
    """
    out = []
    for r in rows:
        flat = {}
        for col in RISK_COLUMNS:
            v = r.get(col)
            if v is None:
                flat[col] = ""
            elif isinstance(v, list):
                flat[col] = "; ".join(str(x) for x in v)
            elif isinstance(v, Decimal):
                flat[col] = format(v.normalize(), "f") if v == v.to_integral() else str(v)
            else:
                flat[col] = str(v)
        out.append(flat)
    return out

