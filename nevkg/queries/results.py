"""Query results as text: a table for people; SPARQL 1.1 JSON, CSV and TSV for machines; RDF for graphs."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from nevkg.graph.dates import as_stated
from nevkg.ontology.namespaces import PREFIX_IRIS
from nevkg.queries.texttable import TERMINAL_ROW_CAP, count_line, rows_table, table_options

__all__ = ["SELECT_FORMATS", "GRAPH_FORMATS", "short", "format_result", "rows_table", "count_line", "table_options",
           "labels_of", "date_precisions", "TERMINAL_ROW_CAP"]

SELECT_FORMATS = ("table", "json", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld")


def short(term) -> str:
    """A term as a person reads it: ``nevid:chery`` for IRIs, the lexical form for literals.

    >>> from rdflib import Literal
    >>> short(URIRef("https://w3id.org/nevkg/id/chery")), short(Literal(3))
    ('nevid:chery', '3')
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in sorted(PREFIX_IRIS.items(), key=lambda kv: -len(kv[1])):
            if str(term).startswith(ns) and ns != str(term):
                return f"{prefix}:{str(term)[len(ns):]}"
        return f"<{term}>"
    return str(term)


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def labels_of(kg, terms) -> dict[str, str]:
    """The ``rdfs:label`` (English or untagged first) of each IRI among ``terms`` that has one.

    The IRIs come from a result, not from a user, and are serialized as checked terms
    (:func:`nevkg.graph.binding.term_n3`), a few hundred per query.
    """
    from nevkg.graph.binding import term_n3
    from nevkg.graph.knowledge_graph import iter_chunks

    iris = sorted({t for t in terms if isinstance(t, URIRef)})
    out: dict[str, tuple[bool, str]] = {}
    for chunk in iter_chunks(iris, 300):
        values = " ".join(term_n3(t) for t in chunk)
        for row in kg.query(f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s rdfs:label ?l }}"):
            rank = getattr(row.l, "language", None) not in (None, "en")
            best = out.get(str(row.s))
            if best is None or (rank, str(row.l)) < best:
                out[str(row.s)] = (rank, str(row.l))
    return {k: v for k, (_, v) in out.items()}


def date_precisions(names: list[str]) -> dict[int, int]:
    """Which column holds the stated precision of which date column: ``{date column: precision column}``.

    A named query that shows a date ``?x`` also selects ``?xPrecision``, the ``time:unitYear``, ``time:unitMonth``
    or ``time:unitDay`` its source stated it with (:mod:`nevkg.graph.dates`); a table folds the two into the date
    as stated ("2024" where the store holds 2024-01-01 for comparisons).

    >>> date_precisions(["org", "since", "sincePrecision", "source", "endPrecision"])
    {1: 2}
    """
    return {names.index(n[:-len("Precision")]): i for i, n in enumerate(names)
            if n.endswith("Precision") and n[:-len("Precision")] in names}


def _stated(rows: list[list], precisions: dict[int, int]) -> list[list]:
    """The rows with every date that has a precision column cut back to its stated form (a plain literal)."""
    if not precisions:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for date, unit in precisions.items():
            if row[date] is not None and isinstance(row[unit], URIRef):
                row[date] = Literal(as_stated(row[date], row[unit]))
        out.append(row)
    return out


def _select(result: Result, fmt: str, *, labels: dict[str, str] | None = None, ids: bool = True,
            width: int | None = None, max_rows: int | None = None) -> str:
    names = [str(v) for v in result.vars]
    rows = [[row.get(v) for v in result.vars] for row in result.bindings]
    if fmt == "json":  # SPARQL 1.1 Query Results JSON Format
        return json.dumps({"head": {"vars": names}, "results": {"bindings": [
            {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None} for row in rows]}},
            indent=1, ensure_ascii=False)
    if fmt == "csv":  # SPARQL 1.1 CSV: plain values
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([["" if t is None else str(t) for t in row] for row in rows])
        return buf.getvalue()
    if fmt == "tsv":  # SPARQL 1.1 TSV: terms in Turtle syntax
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join("" if t is None else t.n3() for t in row) for row in rows]
        return "\n".join(lines) + "\n"
    precisions = date_precisions(names)
    rows = _stated(rows, precisions)  # dates as their sources stated them: "2024", not 2024-01-01
    keep = list(range(len(names)))
    if not ids:  # a column of IRIs beside its own label column says nothing more to a reader
        keep = [i for i, n in enumerate(names)
                if not (f"{n}Label" in names and all(r[i] is None or isinstance(r[i], URIRef) for r in rows))
                and i not in precisions.values()]  # nor does a precision its date now shows
        if rows:  # and a column empty in every row says nothing either
            keep = [i for i in keep if any(r[i] is not None and str(r[i]) != "" for r in rows)]

    def cell(t) -> str:
        if not ids and isinstance(t, URIRef) and labels and str(t) in labels:
            return labels[str(t)]
        return short(t)

    table = rows_table([names[i] for i in keep], [[cell(r[i]) for i in keep] for r in rows], width=width,
                       max_rows=max_rows)
    return table + "\n" + count_line(len(rows), min(len(rows), max_rows) if max_rows else None)


def format_result(result: Result, fmt: str = "table", *, kg=None, ids: bool = True, width: int | None = None,
                  max_rows: int | None = None) -> str:
    """Render any query result in a format (SELECT/ASK: table, json, csv, tsv; CONSTRUCT/DESCRIBE: ttl, nt, jsonld).

    A SELECT table shows things by their labels when ``ids`` is false (the command line's default): an IRI
    column beside its own ``…Label`` column and a column empty in every row are left out, and other IRIs are
    shown by their ``rdfs:label``
    (read from ``kg``); with ``ids`` every column is shown and IRIs as ``nevid:…``. ``width`` and
    ``max_rows`` fit the table to a terminal (:func:`table_options`). A table shows each date that has a
    ``…Precision`` column beside it (:func:`date_precisions`) as its source stated it: "2024", not the
    2024-01-01 the store holds for comparisons; that column itself is shown only with ``ids``. JSON, CSV and TSV
    always hold every column and row as terms: the typed date, and its precision in its own column.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> print(format_result(kg.query("SELECT ?c WHERE { nevid:chery nev:country ?c }")))
    c
    -----------
    nevid:china
    (1 row)
    >>> print(format_result(kg.query("SELECT ?c WHERE { nevid:chery nev:country ?c }"), kg=kg, ids=False))
    c
    -----
    China
    (1 row)
    >>> year = kg.query('SELECT ?d ?dPrecision WHERE { BIND("2024-01-01"^^xsd:date AS ?d) '
    ...                 'BIND(time:unitYear AS ?dPrecision) }')
    >>> print(format_result(year, ids=False))
    d
    ----
    2024
    (1 row)
    >>> format_result(kg.query("ASK { nevid:chery nev:country nevid:spain }"), "json")
    '{"head": {}, "boolean": false}'
    """
    from nevkg.errors import QueryError

    if result.type == "ASK":
        answer = bool(result.askAnswer)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer})
        if fmt in ("csv", "tsv"):
            return ("_askResult\r\n" if fmt == "csv" else "?_askResult\n") + ("true" if answer else "false") + "\n"
        return "yes" if answer else "no"
    if result.type == "SELECT":
        if fmt not in SELECT_FORMATS:
            raise QueryError(f"a SELECT result is written as {', '.join(SELECT_FORMATS)}, not {fmt}")
        labels = labels_of(kg, (t for row in result.bindings for t in row.values())) \
            if fmt == "table" and not ids and kg is not None else None
        return _select(result, fmt, labels=labels, ids=ids, width=width, max_rows=max_rows)
    if fmt not in GRAPH_FORMATS:
        fmt = "ttl" if fmt == "table" else fmt
    if fmt not in GRAPH_FORMATS:
        raise QueryError(f"a {result.type} result is written as {', '.join(GRAPH_FORMATS)}, not {fmt}")
    graph = result.graph
    for prefix, ns in PREFIX_IRIS.items():
        graph.bind(prefix, ns, override=True)
    if fmt == "jsonld":
        from nevkg.graph.export import jsonld_context

        return graph.serialize(format="json-ld", context=jsonld_context(), indent=1)
    return graph.serialize(format="turtle" if fmt == "ttl" else "nt")
