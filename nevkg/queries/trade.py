"""The trade queries answered from the build's columnar copy (DuckDB over Parquet) instead of the triple store.

``trade-top-destinations``, ``trade-change``, ``trade-share`` and ``trade-unit-values`` are named SPARQL
queries (``nevkg/queries/library/*.rq``); on a store with a columnar copy (:mod:`nevkg.graph.columnar`)
:func:`nevkg.queries.library.ask` and ``nevkg ask`` answer them here, with the same rows in the same order:
the SQL below follows each query's patterns (the same DISTINCT observation cells, the World row and
``nev:Region`` destinations left out, the same rounding: SPARQL's ``ROUND`` takes halves towards positive
infinity). The SPARQL text keeps working on the triple store (``nevkg query``, external stores), and a test
compares the two for every query.

Rows are dictionaries of plain values: :class:`Iri` for IRIs, :class:`~datetime.date`, :class:`~decimal.Decimal`,
:class:`int` and :class:`str` for literals (:func:`to_rdflib_result` turns them into an rdflib result).
Nothing here imports rdflib, so the command line answers a trade query without it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_FLOOR, Decimal

__all__ = ["Iri", "TRADE_QUERIES", "run_trade", "to_rdflib_result", "plain_decimal", "sparql_round", "columnar_of",
           "run_columnar"]

NEVID = "https://w3id.org/nevkg/id/"
_NEV = "https://w3id.org/nevkg/ontology#"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"
VALUE, VOLUME, WORLD = NEVID + "export-value", NEVID + "export-volume", NEVID + "world"


class Iri(str):
    """An IRI in a result row (a plain ``str`` otherwise)."""

    __slots__ = ()


def plain_decimal(value) -> Decimal | None:
    """A Decimal without the trailing zeros of a fixed-scale column: ``1000.000000`` → ``1000``.

    >>> plain_decimal(Decimal("1000.500000")), plain_decimal(Decimal("1E+3"))
    (Decimal('1000.5'), Decimal('1000'))
    """
    if value is None:
        return None
    d = Decimal(value)
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def sparql_round(x: Decimal) -> Decimal:
    """SPARQL's ``ROUND``: the nearest integer, halves towards positive infinity.

    >>> sparql_round(Decimal("2.5")), sparql_round(Decimal("-2.5")), sparql_round(Decimal("-2.6"))
    (Decimal('3'), Decimal('-2'), Decimal('-3'))
    """
    return (x + Decimal("0.5")).to_integral_value(rounding=ROUND_FLOOR)


def _pct(part: Decimal | None, whole: Decimal | None, scale: int = 10000) -> Decimal | None:
    """``ROUND(part * scale / whole) / 100`` when ``whole > 0`` (the queries' percent and unit-value rule)."""
    if part is None or whole is None or whole <= 0:
        return None
    return plain_decimal(sparql_round(part * scale / whole) / 100)


# the observations of one reporter, HS product and measures as DISTINCT cells (as the SPARQL's inner SELECTs); the
# product's IRIs are looked up first and given as values, so that the scan of the sorted Parquet file skips every
# row group whose min/max cannot hold them (a join would read every group: 6 of 6 at 1e7 triples, against 2 of 44)
_CELLS = """
SELECT DISTINCT oid, destination, value, period_start, period_end, dataset, measure
FROM obs
WHERE subject = $reporter AND product IN ({products}) AND measure IN ({measures}) AND destination IS NOT NULL
      AND value IS NOT NULL AND {where}
"""
#: the cells whose period starts in [$from, $to]
_SPAN = "period_start BETWEEN $from AND $to"


def _in(prefix: str, values: list) -> tuple[str, dict]:
    """``$prefix0, $prefix1, …`` for an ``IN`` list, and those parameters (values are bound, never pasted)."""
    return ", ".join(f"${prefix}{i}" for i in range(len(values))), {f"{prefix}{i}": v for i, v in enumerate(values)}


def _products(col, notation: str) -> list[str]:
    """The IRIs of the HS products with this notation (``?hs skos:notation ?product``)."""
    return [s for (s,) in col.sql("SELECT DISTINCT s FROM terms WHERE p = $p AND o = $o ORDER BY s",
                                  {"p": _NOTATION, "o": notation}).fetchall()]


def _cells(col, p: dict, measures: list[str], where: str) -> tuple[str, dict] | None:
    """The cells' SQL and parameters for one reporter, product and the given measures; ``None`` when no product has
    the notation (then nothing matches)."""
    products = _products(col, p["product"])
    if not products:
        return None
    product_list, product_params = _in("hs", products)
    measure_list, measure_params = _in("m", measures)
    return (_CELLS.format(products=product_list, measures=measure_list, where=where),
            {"reporter": p["reporter"], **product_params, **measure_params})


def _grouped(col, p: dict, measures: list[str], where: str, select: str, group: str, extra: dict) -> list[tuple]:
    """``SELECT {select} FROM (cells) GROUP BY {group}``."""
    cells = _cells(col, p, measures, where)
    if cells is None:
        return []
    return col.sql(f"SELECT {select} FROM ({cells[0]}) GROUP BY {group}", {**cells[1], **extra}).fetchall()


def _places(col, iris) -> tuple[dict[str, list[str]], set[str]]:
    """IRI → its labels (sorted), for the rows' OPTIONAL label; and which of the IRIs are ``nev:Region`` s."""
    labels: dict[str, list[str]] = {}
    regions: set[str] = set()
    iris = sorted(set(iris))
    if iris:
        for s, p, o in col.sql("SELECT DISTINCT s, p, o FROM terms WHERE list_contains($iris, s) "
                               "AND (p = $label OR (p = $type AND o = $region)) ORDER BY s, p, o",
                               {"iris": iris, "label": _LABEL, "type": _TYPE, "region": _NEV + "Region"}).fetchall():
            if p == _LABEL:
                labels.setdefault(s, []).append(o)
            else:
                regions.add(s)
    return labels, regions


def _with_labels(labels: dict[str, list[str]], rows: list[dict], key: str = "destination",
                 out: str = "destinationLabel") -> list[dict]:
    """One row per label of ``row[key]`` (a row without a label keeps ``None``): SPARQL's OPTIONAL."""
    return [{**r, out: label} for r in rows for label in (labels.get(r[key]) or [None])]


def _sort(rows: list[dict], *keys: tuple[str, bool]) -> list[dict]:
    """SPARQL's ORDER BY: unbound values sort first ascending (last descending); ``(name, descending)``."""
    for name, desc in reversed(keys):
        bound = [r for r in rows if r[name] is not None]
        unbound = [r for r in rows if r[name] is None]
        bound.sort(key=lambda r, n=name: r[n], reverse=desc)
        rows = bound + unbound if desc else unbound + bound
    return rows


def _sums(col, p: dict, measures: list[str]) -> dict[str, dict[str, tuple[Decimal, int]]]:
    """measure → destination → (sum of values, months) of the cells whose start falls in [from, to]."""
    out: dict[str, dict[str, tuple[Decimal, int]]] = {m: {} for m in measures}
    select = "measure, destination, SUM(value), COUNT(DISTINCT period_start)"
    for m, d, s, n in _grouped(col, p, measures, _SPAN, select, "measure, destination",
                               {"from": p["from"], "to": p["to"]}):
        out[m][d] = (plain_decimal(s), n)
    return out


def top_destinations(col, p: dict) -> list[dict]:
    sums = _sums(col, p, [VALUE, VOLUME])
    values, volumes = sums[VALUE], sums[VOLUME]
    labels, regions = _places(col, values)
    rows = [{"reporter": Iri(p["reporter"]), "product": p["product"], "from": p["from"], "to": p["to"],
             "destination": Iri(d), "value": v, "volume": volumes.get(d, (None,))[0], "months": n}
            for d, (v, n) in values.items() if d not in regions]
    return _sort(_with_labels(labels, rows), ("value", True), ("destinationLabel", False))


def _month_values(col, p: dict, months: list[date]) -> dict[date, dict[str, Decimal]]:
    """month → destination → export value of the cells starting on its first day and ending in the same month."""
    out: dict[date, dict[str, Decimal]] = {m: {} for m in months}
    if not months:
        return out
    start_list, start_params = _in("start", months)
    rows = _grouped(col, p, [VALUE], f"period_start IN ({start_list}) AND year(period_end) = year(period_start) "
                    "AND month(period_end) = month(period_start)", "period_start, destination, SUM(value)",
                    "period_start, destination", start_params)
    for m, d, s in rows:
        out[m][d] = plain_decimal(s)
    return out


def _shifted(month: date, years: int = 0, months: int = 0) -> date | None:
    """The queries' ``?previousStart`` (first day of the month before) and ``?yearEarlierStart`` (same day, a year
    earlier; no such day, as 29 February, gives no date, as STRDT gives an invalid literal)."""
    if months:
        y, m = (month.year - 1, 12) if month.month == 1 else (month.year, month.month - 1)
        return date(y, m, 1)
    try:
        return date(month.year - years, month.month, month.day)
    except ValueError:
        return None


def change(col, p: dict) -> list[dict]:
    month = p["month"]
    previous, earlier_month = _shifted(month, months=1), _shifted(month, years=1)
    found = _month_values(col, p, [m for m in dict.fromkeys((month, previous, earlier_month)) if m is not None])
    now, before, year_ago = found[month], found.get(previous, {}), found.get(earlier_month, {})
    labels, regions = _places(col, now)
    rows = []
    for d, v in now.items():
        if d in regions:
            continue
        prev, earlier = before.get(d), year_ago.get(d)
        rows.append({"reporter": Iri(p["reporter"]), "product": p["product"], "month": month, "destination": Iri(d),
                     "value": v, "previousMonth": prev, "momPct": _pct(v - prev if prev is not None else None, prev),
                     "yearEarlier": earlier,
                     "yoyPct": _pct(v - earlier if earlier is not None else None, earlier)})
    rows = _with_labels(labels, rows)
    for r in rows:
        r["_bound"] = r["yoyPct"] is not None
    rows = _sort(rows, ("_bound", True), ("yoyPct", True), ("value", True), ("destinationLabel", False))
    return [{k: v for k, v in r.items() if k != "_bound"} for r in rows]


def share(col, p: dict) -> list[dict]:
    values = _sums(col, p, [VALUE])[VALUE]
    value = values.get(p["destination"], (None,))[0]
    if value is None:
        return []
    labels, regions = _places(col, values)
    countries = [v for d, (v, _) in values.items() if d not in regions]
    total = values[WORLD][0] if WORLD in values else (plain_decimal(sum(countries)) if countries else None)
    row = {"reporter": Iri(p["reporter"]), "destination": Iri(p["destination"]), "product": p["product"],
           "from": p["from"], "to": p["to"], "value": value, "total": total, "sharePct": _pct(value, total)}
    rows = _with_labels(labels, [row])
    return [{k: r[k] for k in ("reporter", "destination", "product", "from", "to", "destinationLabel", "value",
                               "total", "sharePct")} for r in rows]


def unit_values(col, p: dict) -> list[dict]:
    cells = _cells(col, p, [VALUE, VOLUME], _SPAN + " AND dataset IS NOT NULL")
    if cells is None:
        return []
    sql = f"""
    SELECT destination, SUM(cv), SUM(cq) FROM (
      SELECT destination, period_start, dataset, COUNT(DISTINCT measure) AS measures,
             SUM(CASE WHEN measure = $value_m THEN value ELSE 0 END) AS cv,
             SUM(CASE WHEN measure = $volume_m THEN value ELSE 0 END) AS cq
      FROM ({cells[0]}) GROUP BY destination, period_start, dataset)
    WHERE measures = 2 GROUP BY destination"""
    params = {**cells[1], "value_m": VALUE, "volume_m": VOLUME, "from": p["from"], "to": p["to"]}
    found = col.sql(sql, params).fetchall()
    labels, regions = _places(col, [d for d, _, _ in found])
    rows = []
    for d, v, q in found:
        if d in regions:
            continue
        v, q = plain_decimal(v), plain_decimal(q)
        rows.append({"reporter": Iri(p["reporter"]), "product": p["product"], "from": p["from"], "to": p["to"],
                     "destination": Iri(d), "value": v, "vehicles": q, "unitValue": _pct(v, q, 100)})
    return _sort(_with_labels(labels, rows), ("unitValue", True), ("destinationLabel", False))


#: named query → (function(columnar, params) → rows, the SELECT projection in order)
TRADE_QUERIES: dict[str, tuple[Callable, tuple[str, ...]]] = {
    "trade-top-destinations": (top_destinations, ("reporter", "product", "from", "to", "destination",
                                                  "destinationLabel", "value", "volume", "months")),
    "trade-change": (change, ("reporter", "product", "month", "destination", "destinationLabel", "value",
                              "previousMonth", "momPct", "yearEarlier", "yoyPct")),
    "trade-share": (share, ("reporter", "destination", "product", "from", "to", "destinationLabel", "value", "total",
                            "sharePct")),
    "trade-unit-values": (unit_values, ("reporter", "product", "from", "to", "destination", "destinationLabel",
                                        "value", "vehicles", "unitValue")),
}


def run_trade(col, name: str, params: dict) -> tuple[tuple[str, ...], list[dict]]:
    """Answer a trade query from a :class:`~nevkg.graph.columnar.Columnar` copy.

    Parameters
    ----------
    col : Columnar
    name : str
        One of :data:`TRADE_QUERIES`.
    params : dict
        The query's parameters as plain values: place IRIs as strings, ``product`` a string, dates as
        :class:`~datetime.date`.

    Returns
    -------
    (vars, rows)
        The SELECT projection and the rows (dictionaries; unbound values are ``None``).
    """
    fn, names = TRADE_QUERIES[name]
    return names, [{k: r.get(k) for k in names} for r in fn(col, params)]


def to_rdflib_result(names: tuple[str, ...], rows: list[dict]):
    """The rows as an rdflib SELECT result (for :func:`nevkg.queries.library.ask`)."""
    from rdflib import Literal, URIRef, Variable
    from rdflib.namespace import XSD
    from rdflib.query import Result

    def term(v):
        if v is None:
            return None
        if isinstance(v, Iri):
            return URIRef(v)
        if isinstance(v, Decimal):
            return Literal(v, datatype=XSD.decimal)
        if isinstance(v, int):
            return Literal(v, datatype=XSD.integer)
        return Literal(v)

    result = Result("SELECT")
    result.vars = [Variable(n) for n in names]
    result.bindings = [{Variable(k): term(v) for k, v in r.items() if v is not None} for r in rows]
    return result



def columnar_of(kg):
    """The columnar copy of a :class:`~nevkg.graph.knowledge_graph.KnowledgeGraph`'s store (opened once per
    graph object), or ``None`` (memory and external stores, builds older than the copy)."""
    if not hasattr(kg, "_columnar"):
        from nevkg.graph.columnar import open_columnar

        kg._columnar = open_columnar(getattr(kg, "store_dir", None))
    return kg._columnar


def run_columnar(kg, name: str, bindings: dict):
    """A trade query with rdflib-bound parameters (:func:`nevkg.queries.library.bind_params`), answered from the
    columnar copy as an rdflib SELECT result."""
    plain = {}
    for key, term in bindings.items():
        value = term.toPython() if hasattr(term, "toPython") else term
        plain[key] = value if isinstance(value, date) else str(term)
    return to_rdflib_result(*run_trade(columnar_of(kg), name, plain))
