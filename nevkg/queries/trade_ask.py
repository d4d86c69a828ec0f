"""``nevkg ask trade-…`` without rdflib: parameters bound from the build's name table, rows from DuckDB.

A named trade query from the command line used to cost several times the engine's own time: the name index
(every label of the graph, observations included, turned into rdflib terms) and rdflib's imports. On a store
with a columnar copy, :func:`ask_trade` reads the parameters' declarations from the query's ``.rq`` header,
resolves place names against the name rows stored with the build (:func:`nevkg.graph.columnar.read_names`),
runs :func:`nevkg.queries.trade.run_trade` and writes the rows in the formats of
:func:`nevkg.queries.results.format_result` (table, json, csv, tsv), importing neither rdflib nor pyshacl.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from nevkg.errors import ParameterError
from nevkg.ontology.prefixes import PREFIX_IRIS
from nevkg.queries.trade import TRADE_QUERIES, Iri, run_trade
from nevkg.queries.trade_sparql import SPARQL_MAX_OBSERVATIONS

__all__ = ["ask_trade", "TradeAnswer", "why_no_rows", "NO_TABLE", "empty_period", "declared_params", "bind_plain",
           "format_rows"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"


def declared_params(name: str) -> list[tuple[str, str, bool]]:
    """``(name, type, required)`` of each parameter the library query declares (:mod:`nevkg.queries.catalog`)."""
    from nevkg.queries.catalog import get_query

    return [(p.name, p.type, p.required) for p in get_query(name).params]


def _date(value: str) -> date:
    if not _DATE.match(value):
        raise ParameterError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    y, m, d = (value.split("-") + ["01", "01"])[:3]
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        raise ParameterError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None


def bind_plain(name: str, params: dict[str, str], names: dict | None) -> dict:
    """Check a trade query's parameters and turn them into plain values (place names resolved to
    :class:`~nevkg.queries.trade.Iri` s against ``names``, what :func:`nevkg.graph.columnar.read_names` gives).

    Raises
    ------
    ParameterError
        A parameter is missing, unknown or malformed.
    UnknownNameError
        A place names nothing in the graph (with suggestions), or several things.
    """
    from nevkg.queries.resolve import NameIndex, resolve_iri

    declared = {n: (t, req) for n, t, req in declared_params(name)}
    expected = ", ".join(f"{n} ({t}{'' if req else ', optional'})" for n, (t, req) in declared.items()) or "none"
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ParameterError(f"{name} has no parameter {', '.join(unknown)}; its parameters: {expected}")
    missing = [n for n, (_, req) in declared.items() if req and n not in params]
    if missing:
        raise ParameterError(f"{name} needs {', '.join(missing)}; its parameters: {expected}")
    index = None
    out: dict = {}
    for key, value in params.items():
        kind = declared[key][0]
        if kind == "date":
            try:
                out[key] = _date(value)
            except ParameterError as exc:
                raise ParameterError(f"{name}: parameter {key}: {exc}") from None
        elif kind == "place":
            if index is None:
                index = NameIndex(rows=names["rows"])
                places = set(names["below"].get("Place", ["Place"]))
            out[key] = Iri(resolve_iri(index, value, kinds=places, what="place"))
        elif kind == "string":
            out[key] = value
        else:  # not a type the trade queries use: the caller falls back to the SPARQL path
            raise NotImplementedError(f"parameter type {kind}")
    return out


def _short(iri: str) -> str:
    for prefix, ns in sorted(PREFIX_IRIS.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and ns != iri:
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _datatype(v) -> str | None:
    if isinstance(v, Decimal):
        return _XSD + "decimal"
    if isinstance(v, bool):
        return _XSD + "boolean"
    if isinstance(v, int):
        return _XSD + "integer"
    if isinstance(v, date):
        return _XSD + "date"
    return None


def _lexical(v) -> str:
    return v.isoformat() if isinstance(v, date) else str(v)


def _json_term(v) -> dict:
    if isinstance(v, Iri):
        return {"type": "uri", "value": str(v)}
    out = {"type": "literal", "value": _lexical(v)}
    if _datatype(v):
        out["datatype"] = _datatype(v)
    return out


def _n3(v) -> str:
    if isinstance(v, Iri):
        return f"<{v}>"
    text = json.dumps(_lexical(v), ensure_ascii=False)
    return text + (f"^^<{_datatype(v)}>" if _datatype(v) else "")


def format_rows(names: tuple[str, ...], rows: list[dict], fmt: str) -> str:
    """Rows as :func:`nevkg.queries.results.format_result` writes a SELECT result (table, json, csv, tsv)."""
    from nevkg.errors import QueryError
    from nevkg.queries.texttable import count_line, rows_table

    if fmt not in ("table", "json", "csv", "tsv"):
        raise QueryError(f"a SELECT result is written as table, json, csv, tsv, not {fmt}")

    table = [[r.get(n) for n in names] for r in rows]
    if fmt == "json":
        return json.dumps({"head": {"vars": list(names)}, "results": {"bindings": [
            {n: _json_term(v) for n, v in zip(names, row, strict=True) if v is not None} for row in table]}},
            indent=1, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else _lexical(v) for v in row] for row in table])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join("" if v is None else _n3(v) for v in row) for row in table]
        return "\n".join(lines) + "\n"
    cells = [["" if v is None else _short(v) if isinstance(v, Iri) else _lexical(v) for v in row] for row in table]
    return rows_table(list(names), cells) + "\n" + count_line(len(rows))


class TradeAnswer(NamedTuple):
    """What ``nevkg ask`` prints for a trade query: the rows as ``text``, and when there are none, ``why``."""

    text: str
    why: str | None = None


#: why a trade query finds nothing in a build without statistics tables (also said by nevkg.queries.empty)
NO_TABLE = ("no statistics table is built into this graph: build with one "
            "(`nevkg build --data TABLE.csv`; `nevkg generate-stats` writes a synthetic one)")


def empty_period(start: object, end: object) -> str:
    """Why a query over a period whose end comes before its start finds nothing."""
    return f"the period is empty: from ({start}) comes after to ({end})"


def why_no_rows(col, bound: dict) -> str:
    """Why a trade query found nothing: a reversed period, no statistics table in the build, or the parameters."""
    start, end = bound.get("from"), bound.get("to")
    if isinstance(start, date) and isinstance(end, date) and start > end:
        return empty_period(start, end)
    rows = col.con.execute(
        "SELECT 1 FROM obs o JOIN terms t ON t.s = o.product AND t.p = ? WHERE o.destination IS NOT NULL LIMIT 1",
        [_NOTATION]).fetchall()
    if not rows:
        return NO_TABLE
    given = ", ".join(f"{k}={str(v).rsplit('/', 1)[-1]}" for k, v in bound.items() if v is not None)
    return f"the statistics tables hold no row for {given}"


def ask_trade(store: str | None, name: str, params: dict[str, str], fmt: str) -> TradeAnswer | None:
    """What ``nevkg ask NAME`` prints, answered without rdflib; ``None`` when the store has no columnar copy
    (the memory store, external SPARQL stores, an older build) or ``name`` is not a trade query.

    A store with fewer than :data:`~nevkg.queries.trade_sparql.SPARQL_MAX_OBSERVATIONS` observations answers
    with the query's SPARQL on pyoxigraph (:mod:`nevkg.queries.trade_sparql`), a larger one from the columnar
    copy with DuckDB; the rows are the same. The answer takes milliseconds, so ``--timeout`` (a limit for
    SPARQL) does not apply here.
    """
    from nevkg.graph.columnar import open_columnar, read_names
    from nevkg.graph.store import current_store_dir, lease_current, parse_store_spec

    if name not in TRADE_QUERIES:
        return None
    spec = parse_store_spec(store)
    if spec.kind != "oxigraph" or current_store_dir(spec.path) is None:
        return None
    with lease_current(spec.path) as lease:  # a build landing meanwhile never removes the folder read here
        names = read_names(lease.store_dir, None)
        if names is None:  # no columnar copy: the SPARQL path
            return None
        bound = bind_plain(name, params, names)
        col = None
        try:
            if names.get("observations", SPARQL_MAX_OBSERVATIONS) < SPARQL_MAX_OBSERVATIONS:
                from nevkg.queries.trade_sparql import run_sparql

                fields, rows = run_sparql(lease.store_dir, name, bound)
            else:
                col = open_columnar(lease.store_dir)
                fields, rows = run_trade(col, name, bound)
            if not rows and col is None:
                col = open_columnar(lease.store_dir)
            why = None if rows else why_no_rows(col, bound)
        finally:
            if col is not None:
                col.close()
    return TradeAnswer(format_rows(fields, rows, fmt), why)
