"""A trade query on a small store: its SPARQL text run by pyoxigraph itself, rows as plain values, no rdflib.

On a store with few observations the triple store answers a trade query in less time than it takes to import
DuckDB (about 0.14 s of CPU here), so :func:`nevkg.queries.trade_ask.ask_trade` sends the query here below
:data:`SPARQL_MAX_OBSERVATIONS` observations and to the columnar copy above. The rows are those of the query's
SPARQL on the triple store, by construction: the same text (``nevkg/queries/library/NAME.rq``), the same default
graph as :meth:`nevkg.graph.knowledge_graph.KnowledgeGraph.query` (the deduplicated union and the tables), the
parameters given as substitutions (never pasted into the text). Values come back as those of
:mod:`nevkg.queries.trade` (:class:`~nevkg.queries.trade.Iri`, :class:`~decimal.Decimal`, :class:`int`,
:class:`~datetime.date`, :class:`str`), so :func:`nevkg.queries.trade_ask.format_rows` prints both alike.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

from nevkg.ontology.prefixes import PREFIX_IRIS
from nevkg.queries.trade import Iri

__all__ = ["SPARQL_MAX_OBSERVATIONS", "run_sparql", "plain_value"]

#: below this many observations (curated and table rows) the trade queries run as SPARQL on pyoxigraph: measured
#: with bench/scale.py's workers (whole process, CPU time), pyoxigraph's answer at 1e4 triples (about 700
#: observations) costs about a quarter of DuckDB's import, and the two are even near 1e5 triples (7,100
#: observations, 0.14-0.21 s against 0.19 s); above, SPARQL grows with the table (2-8 s at 71,000) and DuckDB barely
SPARQL_MAX_OBSERVATIONS = 5000

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt")}


def plain_value(term):
    """A pyoxigraph term as a plain value (``None`` stays ``None``).

    >>> import pyoxigraph as ox
    >>> plain_value(ox.Literal("12.50", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    Decimal('12.50')
    >>> plain_value(ox.Literal("2025-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
    datetime.date(2025, 1, 1)
    >>> plain_value(ox.NamedNode("https://w3id.org/nevkg/id/china"))
    'https://w3id.org/nevkg/id/china'
    """
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Iri(term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype is not None else None
        try:
            if datatype == _XSD + "decimal":
                return Decimal(term.value)
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype == _XSD + "date":
                return date.fromisoformat(term.value)
        except ValueError:  # an ill-typed literal keeps its text
            pass
        return term.value
    return str(term)


def _substitution(value):
    import pyoxigraph as ox

    if isinstance(value, Iri):
        return ox.NamedNode(str(value))
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    return ox.Literal(str(value))


def run_sparql(store_dir: Path, name: str, params: dict) -> tuple[tuple[str, ...], list[dict]]:
    """Run the named trade query ``name`` on the oxigraph store in ``store_dir`` with plain ``params`` (as
    :func:`nevkg.queries.trade_ask.bind_plain` gives them: place IRIs as :class:`~nevkg.queries.trade.Iri`, dates as
    :class:`~datetime.date`, the product's notation as a string).

    Returns
    -------
    (vars, rows)
        The SELECT projection and the rows as dictionaries of plain values, as :func:`nevkg.queries.trade.run_trade`.
    """
    import pyoxigraph as ox

    text = resources.files("nevkg.queries").joinpath("library", f"{name}.rq").read_text(encoding="utf-8")
    manifest = json.loads((Path(store_dir) / "manifest.json").read_text(encoding="utf-8"))
    union = manifest.get("union_graph")
    dataset = ({"default_graph": [ox.NamedNode(g) for g in [union, *manifest.get("table_graphs", [])]]}
               if union else {"use_default_graph_as_union": True})
    store = ox.Store.read_only(str(store_dir))
    answer = store.query(text, prefixes=PREFIX_IRIS, **dataset,
                         substitutions={ox.Variable(k): _substitution(v) for k, v in params.items()})
    names = tuple(v.value for v in answer.variables)
    rows = [{n: plain_value(t) for n, t in zip(names, row, strict=True)} for row in answer]
    del store
    return names, rows
