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

from nevkg.queries.trade import plain_decimal

# plain strings: on a store with a columnar copy the check (and ``nevkg check-headlines``) needs no rdflib
NEVID = "https://w3id.org/nevkg/id/"

__all__ = ["check_headlines", "check_store", "format_headlines"]

_CURATED = NEVID + "dataset-curated-statistics"
_WORLD = NEVID + "world"
_REGION = "https://w3id.org/nevkg/ontology#Region"

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


# -- the two engines: SPARQL on the triple store, SQL on the columnar copy; both give plain values -------------
class _Sparql:
    """The check's two queries in SPARQL (any store)."""

    def __init__(self, kg) -> None:
        self.kg = kg

    def headlines(self) -> list[dict]:
        out = []
        for h in self.kg.query(_HEADLINES):
            start, end = h.start.toPython(), h.end.toPython()
            if not isinstance(start, date) or not isinstance(end, date):
                continue
            out.append({"obs": str(h.obs), "label": None if h.label is None else str(h.label),
                        "subject": str(h.subject), "measure": str(h.measure), "scope": str(h.scope),
                        "unit": str(h.unit), "start": start, "end": end, "value": Decimal(str(h.value)),
                        "destination": None if h.destination is None else str(h.destination),
                        "source": str(h.source), "sourceLabel": None if h.sourceLabel is None else str(h.sourceLabel)})
        return out

    def sums(self, h: dict, destination: str | None) -> list[tuple[dict, str]]:
        from rdflib import Literal, URIRef

        bind = {"subject": URIRef(h["subject"]), "measure": URIRef(h["measure"]), "unit": URIRef(h["unit"]),
                "scope": URIRef(h["scope"]), "start": Literal(h["start"]), "end": Literal(h["end"])}

        def rows(text: str, b: dict) -> list[dict]:
            return [{"dataset": str(r.dataset), "tableSource": str(r.tableSource), "total": Decimal(str(r.total)),
                     "rows": int(r.rows), "months": int(r.months)} for r in self.kg.query(text, b)]

        with_dest = _TABLE_SUM.format(dest_proj="?dest", dest_filter="")
        if destination is not None:
            return [(r, "rows of that destination") for r in rows(with_dest, {**bind, "dest": URIRef(destination)})]
        world = {r["dataset"]: r for r in rows(with_dest, {**bind, "dest": URIRef(_WORLD)})}
        countries = rows(_TABLE_SUM.format(dest_proj="", dest_filter="FILTER NOT EXISTS { ?dest a nev:Region }"),
                         bind)
        return [(r, "World rows") for r in world.values()] + [(r, "sum of country rows") for r in countries
                                                              if r["dataset"] not in world]


_P = {"label": "http://www.w3.org/2000/01/rdf-schema#label", "broad": "http://www.w3.org/2004/02/skos/core#broadMatch",
      "derived": "http://www.w3.org/ns/prov#wasDerivedFrom", "type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
_STATUS_SKIPPED = [f"https://w3id.org/nevkg/ontology#{s}" for s in ("ObsForecast", "ObsTarget")]
_SQL_HEADLINES = """
SELECT h.obs, h.label, h.subject, h.measure, h.product, h.unit, h.period_start, h.period_end, h.value,
       h.destination, h.source, sl.o
FROM (SELECT *, unnest(sources) AS source FROM obs
      WHERE dataset = $curated AND product IS NOT NULL AND unit IS NOT NULL AND period_start IS NOT NULL
        AND period_end IS NOT NULL AND (status IS NULL OR NOT list_contains($skipped, status))
        AND EXISTS (SELECT 1 FROM terms b WHERE b.p = $broad AND b.o = product)) h
LEFT JOIN terms sl ON sl.s = h.source AND sl.p = $label
ORDER BY h.obs, h.source
"""
# every headline cell's table sums in one statement: the cells (k, subject, measure, unit, scope, start, end, dest)
# come as bound lists; dest NULL means "every country destination" (Regions left out). The subjects are also given
# as values, so the scan of the sorted observations reads only their row groups.
_SQL_SUMS = """
SELECT k, dataset, source, SUM(value), COUNT(*), COUNT(DISTINCT period_start) FROM (
  SELECT DISTINCT h.k, o.oid, o.value, o.period_start, o.dataset, ds.o AS source
  FROM obs o
  JOIN (SELECT UNNEST($k) AS k, UNNEST($subject) AS subject, UNNEST($measure) AS measure, UNNEST($unit) AS unit,
               UNNEST($scope) AS scope, UNNEST($start) AS h_start, UNNEST($end) AS h_end, UNNEST($dest) AS dest) h
    ON o.subject = h.subject AND o.measure = h.measure AND o.unit = h.unit AND o.period_start >= h.h_start
       AND o.period_end <= h.h_end
  JOIN terms b ON b.s = o.product AND b.p = $broad AND b.o = h.scope
  JOIN terms ds ON ds.s = o.dataset AND ds.p = $derived
  LEFT JOIN (SELECT s FROM terms WHERE p = $type AND o = $region) r ON r.s = o.destination
  WHERE o.subject IN ({subjects}) AND o.dataset != $curated AND o.destination IS NOT NULL AND o.value IS NOT NULL
    AND (o.destination = h.dest OR (h.dest IS NULL AND r.s IS NULL)))
GROUP BY k, dataset, source
"""


class _Columnar:
    """The same two queries in SQL over the build's columnar copy (:mod:`nevkg.graph.columnar`); the table sums of
    every headline in one statement (:meth:`prefetch`), as one per headline cost more than the sums themselves."""

    def __init__(self, col) -> None:
        self.col = col
        self._sums: dict[tuple, list[tuple[dict, str]]] = {}

    def headlines(self) -> list[dict]:
        keys = ("obs", "label", "subject", "measure", "scope", "unit", "start", "end", "value", "destination",
                "source", "sourceLabel")
        rows = self.col.sql(_SQL_HEADLINES, {"curated": _CURATED, "skipped": _STATUS_SKIPPED, "broad": _P["broad"],
                                             "label": _P["label"]}).fetchall()
        return [{**dict(zip(keys, r, strict=True)), "value": plain_decimal(r[8])} for r in rows]

    def prefetch(self, headlines: list[dict]) -> None:
        """Compute :meth:`sums` for every headline's cell at once."""
        cells = list(dict.fromkeys(_cell(h) for h in headlines))
        lookups = []  # (cell, destination to match or None for the country rows)
        for cell in cells:
            lookups += [(cell, cell[6])] if cell[6] is not None else [(cell, _WORLD), (cell, None)]
        if not lookups:
            return
        columns = list(zip(*[(k, *cell[:6], dest) for k, (cell, dest) in enumerate(lookups)], strict=True))
        subjects = sorted({cell[0] for cell in cells})
        params = {name: list(values) for name, values in zip(
            ("k", "subject", "measure", "unit", "scope", "start", "end", "dest"), columns, strict=True)}
        params.update({f"s{i}": s for i, s in enumerate(subjects)})
        params.update({"broad": _P["broad"], "derived": _P["derived"], "type": _P["type"], "region": _REGION,
                       "curated": _CURATED})
        found: dict[int, list[dict]] = {}
        sql = _SQL_SUMS.format(subjects=", ".join(f"$s{i}" for i in range(len(subjects))))
        for k, d, src, t, n, m in self.col.sql(sql, params).fetchall():
            found.setdefault(k, []).append({"dataset": d, "tableSource": src, "total": plain_decimal(t), "rows": n,
                                            "months": m})
        for k, (cell, dest) in enumerate(lookups):
            rows = sorted(found.get(k, []), key=lambda r: (r["dataset"], r["tableSource"]))
            if cell[6] is not None:
                self._sums[cell] = [(r, "rows of that destination") for r in rows]
            elif dest == _WORLD:
                self._sums[cell] = [(r, "World rows") for r in rows]
            else:
                world = {r["dataset"] for r, _ in self._sums[cell]}
                self._sums[cell] += [(r, "sum of country rows") for r in rows if r["dataset"] not in world]

    def sums(self, h: dict, destination: str | None) -> list[tuple[dict, str]]:
        if _cell(h) not in self._sums:
            self.prefetch([h])
        return self._sums[_cell(h)]


def _cell(h: dict) -> tuple:
    """The cube cell a headline is compared in."""
    return h["subject"], h["measure"], h["unit"], h["scope"], h["start"], h["end"], h["destination"]


def check_headlines(kg, *, engine: str = "auto") -> list[dict]:
    """Compare headline figures of the curated records with sums of the statistics tables, where both exist.

    Parameters
    ----------
    kg : KnowledgeGraph or Columnar
        A built graph holding curated observations and statistics tables, or its columnar copy
        (:class:`nevkg.graph.columnar.Columnar`).
    engine : {"auto", "sparql", "columnar"}
        ``auto``: the columnar copy when the store has one, else SPARQL.

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
    from nevkg.queries.trade import columnar_of

    if hasattr(kg, "sql"):
        backend = _Columnar(kg)
    elif engine != "sparql" and columnar_of(kg) is not None:
        backend = _Columnar(columnar_of(kg))
    elif engine == "columnar":
        raise ValueError("this store has no columnar copy (only the embedded oxigraph store keeps one)")
    else:
        backend = _Sparql(kg)
    out: list[dict] = []
    cache: dict[tuple, list[tuple]] = {}
    headlines = backend.headlines()
    if hasattr(backend, "prefetch"):
        backend.prefetch(headlines)
    for h in headlines:
        start, end = h["start"], h["end"]
        key = _cell(h)
        if key not in cache:
            cache[key] = backend.sums(h, h["destination"])
        curated = plain_decimal(h["value"])
        for r, basis in cache[key]:
            if int(r["months"]) != _months(start, end):
                continue  # the table does not cover the whole period: no fair comparison
            total = plain_decimal(r["total"])
            diff = float(round((total - curated) * 100 / curated, 2)) if curated else None
            out.append({
                "headline": h["obs"], "label": h["label"], "subject": h["subject"], "measure": h["measure"],
                "scope": h["scope"], "unit": h["unit"], "destination": h["destination"],
                "period_start": start.isoformat(), "period_end": end.isoformat(),
                "curated_value": curated, "curated_source": h["source"], "curated_source_label": h["sourceLabel"],
                "table_sum": total, "table": r["dataset"], "table_source": r["tableSource"],
                "rows": int(r["rows"]), "months": int(r["months"]), "basis": basis, "difference_pct": diff,
            })
    out.sort(key=lambda d: (-(abs(d["difference_pct"]) if d["difference_pct"] is not None else 0), d["headline"],
                            d["curated_source"]))
    return out


def check_store(store: str | None = None) -> list[dict]:
    """:func:`check_headlines` on a store spec: from its columnar copy when it has one (no rdflib needed)."""
    from nevkg.graph.columnar import open_columnar
    from nevkg.graph.store import current_store_dir, parse_store_spec

    spec = parse_store_spec(store)
    if spec.kind == "oxigraph":
        col = open_columnar(current_store_dir(spec.path))
        if col is not None:
            try:
                return check_headlines(col)
            finally:
                col.close()
    from nevkg.graph.knowledge_graph import open_graph

    with open_graph(spec) as kg:
        return check_headlines(kg)


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

