"""The headline check: curated headline figures against the sums of the detailed statistics tables.

Articles quote headline figures ("China exported 583,000 NEVs in January–February"); the trade tables give
the detail behind them (exports by HS code, destination and month). Where both exist — same subject,
measure and unit, a product scope that HS codes map to (``skos:broadMatch``, see
:data:`nevkg.loaders.statistics.HS_SCOPES`), and a table that covers every month of the headline's period
— :func:`check_headlines` sums the table and reports the difference. A headline without a destination is
compared with the table's World rows where it has them, else with the sum over every country destination
(aggregates such as "areas n.e.s." left out); a headline with a destination with that destination's rows.
Forecasts and targets are not checked. Differences are expected (scopes rarely match exactly: customs
count NEVs by HS code, associations by model), so the check reports rather than judges.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from nevkg.ontology.namespaces import NEVID

__all__ = ["check_headlines", "format_headlines"]

_CURATED = NEVID["dataset-curated-statistics"]
_WORLD = NEVID["world"]

_HEADLINES = """
SELECT DISTINCT ?obs ?label ?subject ?measure ?scope ?unit ?start ?end ?value ?destination ?source ?sourceLabel WHERE {
  ?obs a nev:Observation ; qb:dataSet nevid:dataset-curated-statistics ; nev:subject ?subject ;
       nev:measure ?measure ; nev:productScope ?scope ; nev:unit ?unit ; nev:periodStart ?start ;
       nev:periodEnd ?end ; nev:value ?value ; prov:wasDerivedFrom ?source .
  FILTER EXISTS { ?hs skos:broadMatch ?scope }
  FILTER NOT EXISTS { ?obs nev:observationStatus ?status FILTER(?status IN (nev:ObsForecast, nev:ObsTarget)) }
  OPTIONAL { ?obs nev:destination ?destination }
  OPTIONAL { ?obs rdfs:label ?label }
  OPTIONAL { ?source rdfs:label ?sourceLabel }
}
ORDER BY ?obs ?source
"""

# the sum of one table's observations that fall in the headline's cube cell (bound: subject measure unit
# scope start end, and dest for one destination); DISTINCT first, as the union repeats triples per graph
_TABLE_SUM = """
SELECT ?subject ?measure ?unit ?scope ?start ?end {dest_proj} ?dataset ?tableSource
       (SUM(?v) AS ?total) (COUNT(?t) AS ?rows) (COUNT(DISTINCT ?tstart) AS ?months) WHERE {{
  SELECT DISTINCT ?subject ?measure ?unit ?scope ?start ?end {dest_proj} ?dataset ?tableSource ?t ?v ?tstart WHERE {{
    ?t nev:subject ?subject ; nev:measure ?measure ; nev:unit ?unit ; nev:productScope ?hs ;
       nev:periodStart ?tstart ; nev:periodEnd ?tend ; nev:value ?v ; qb:dataSet ?dataset ; nev:destination ?dest .
    ?hs skos:broadMatch ?scope .
    ?dataset prov:wasDerivedFrom ?tableSource .
    FILTER(?dataset != nevid:dataset-curated-statistics)
    FILTER(?tstart >= ?start && ?tend <= ?end)
    {dest_filter}
  }}
}} GROUP BY ?subject ?measure ?unit ?scope ?start ?end {dest_proj} ?dataset ?tableSource
"""


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _table_sums(kg, bind: dict, destination) -> list[tuple]:
    """``(row, basis)`` per table: its sum over the headline's cell, and which rows were summed."""
    with_dest = _TABLE_SUM.format(dest_proj="?dest", dest_filter="")
    if destination is not None:
        return [(r, "rows of that destination") for r in kg.query(with_dest, {**bind, "dest": destination})]
    world = {str(r.dataset): r for r in kg.query(with_dest, {**bind, "dest": _WORLD})}
    countries = kg.query(_TABLE_SUM.format(dest_proj="", dest_filter="FILTER NOT EXISTS { ?dest a nev:Region }"),
                         bind)
    out = [(r, "World rows") for r in world.values()]
    out += [(r, "sum of country rows") for r in countries if str(r.dataset) not in world]
    return out


def check_headlines(kg) -> list[dict]:
    """Compare headline figures of the curated records with sums of the statistics tables, where both exist.

    Parameters
    ----------
    kg : KnowledgeGraph
        A built graph holding curated observations and statistics tables.

    Returns
    -------
    list of dict
        One per (headline, its source, table) whose table covers every month of the headline's period:
        ``headline`` (IRI), ``label``, ``subject``, ``measure``, ``scope``, ``unit``, ``destination`` (or
        None), ``period_start``, ``period_end``, ``curated_value``, ``curated_source`` and
        ``curated_source_label``, ``table_sum``, ``table`` (the data set), ``table_source``, ``rows``,
        ``months``, ``basis`` (which rows were summed) and ``difference_pct`` (table minus headline, in
        percent of the headline). Sorted by the size of the difference, largest first.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records", "tests/resources/stats/headline-2026.csv"],
    ...            shipped=False)
    >>> [(str(r["curated_value"]), str(r["table_sum"]), r["difference_pct"]) for r in check_headlines(kg)]
    [('583000', '576000', -1.2), ('580000', '576000', -0.69)]
    """
    out: list[dict] = []
    cache: dict[tuple, list[tuple]] = {}
    for h in kg.query(_HEADLINES):
        start, end = h.start.toPython(), h.end.toPython()
        if not isinstance(start, date) or not isinstance(end, date):
            continue
        key = (h.subject, h.measure, h.unit, h.scope, h.start, h.end, h.destination)
        if key not in cache:
            bind = {"subject": h.subject, "measure": h.measure, "unit": h.unit, "scope": h.scope,
                    "start": h.start, "end": h.end}
            cache[key] = _table_sums(kg, bind, h.destination)
        curated = Decimal(str(h.value))
        for r, basis in cache[key]:
            if int(r.months) != _months(start, end):
                continue  # the table does not cover the whole period: no fair comparison
            total = Decimal(str(r.total))
            diff = float(round((total - curated) * 100 / curated, 2)) if curated else None
            out.append({
                "headline": str(h.obs), "label": str(h.label) if h.label is not None else None,
                "subject": str(h.subject), "measure": str(h.measure), "scope": str(h.scope), "unit": str(h.unit),
                "destination": str(h.destination) if h.destination is not None else None,
                "period_start": start.isoformat(), "period_end": end.isoformat(),
                "curated_value": curated, "curated_source": str(h.source),
                "curated_source_label": str(h.sourceLabel) if h.sourceLabel is not None else None,
                "table_sum": total, "table": str(r.dataset), "table_source": str(r.tableSource),
                "rows": int(r.rows), "months": int(r.months), "basis": basis, "difference_pct": diff,
            })
    out.sort(key=lambda d: (-(abs(d["difference_pct"]) if d["difference_pct"] is not None else 0), d["headline"],
                            d["curated_source"]))
    return out


def format_headlines(rows: list[dict]) -> str:
    """A plain-text table of :func:`check_headlines` rows (for the CLI)."""
    if not rows:
        return "no headline figure has a statistics table covering its subject, measure, scope and period"
    header = ("headline", "period", "curated", "tables", "diff %", "curated source", "table source")
    lines = [header]
    for r in rows:
        lines.append((r["label"] or r["headline"].rsplit("/", 1)[-1], f"{r['period_start']}..{r['period_end']}",
                      f"{r['curated_value']:,}", f"{r['table_sum']:,}",
                      "" if r["difference_pct"] is None else f"{r['difference_pct']:+.2f}",
                      r["curated_source_label"] or r["curated_source"], r["table_source"].rsplit("/", 1)[-1]))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)

