"""The named query library: ``nevkg/queries/library/*.rq``, listed, bound and run.

Each file starts with a header of ``#`` comment lines::

    # title: Partners of an organisation
    # description: Every partnership an organisation is party to, with the other partners and sources.
    # param: org organization — the organisation (label, alias, id or IRI); example: Chery
    # param: kind term optional — a partnership kind; example: joint venture

Parameters are bound as RDF terms through ``initBindings`` — never pasted into the query text — and every
parameter variable appears in the SELECT projection (the oxigraph store requires it). Parameter types:

==============  =======================================================================================
``entity``      any named thing: label, alias, id or IRI (see :func:`nevkg.queries.resolve.resolve`)
``organization``, ``place``, ``person``, ``model``, ``source``, ``concept``   a named thing of that kind
``term``        an ontology value such as a partnership kind or policy status, by label or name
``string``      a plain literal
``integer``, ``decimal``   a number
``date``        ``YYYY[-MM[-DD]]``, bound as the first day (``xsd:date``)
==============  =======================================================================================

One parameter name per meaning across the library (:data:`PARAM_NAMES`): ``org`` an organisation, ``place`` a
place or market, ``person``, ``measure``, ``thing`` any named thing, ``from``/``to`` the ends of a period. A
name the library used before (``since``, ``until``, ``entity`` …) is answered with the new one.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from nevkg.errors import ParameterError
from nevkg.ontology.namespaces import NEV
from nevkg.queries.catalog import (  # noqa: F401 - the catalogue, also this module's API
    PARAM_NAMES,
    PARAM_TYPE_NAMES,
    RENAMED,
    NamedQuery,
    Param,
    get_query,
    list_queries,
    usage_example,
)
from nevkg.queries.resolve import normalize, resolve

__all__ = ["Param", "NamedQuery", "list_queries", "get_query", "bind_params", "ask", "PARAM_TYPES", "PARAM_NAMES",
           "usage_example"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

@cache
def _kinds_below(cls: str) -> frozenset[str]:
    """The class and all its nev: subclasses, by local name."""
    from nevkg.graph.validate import ontology_graph

    g = ontology_graph()
    return frozenset(str(c)[len(str(NEV)):] for c in g.transitive_subjects(RDFS.subClassOf, NEV[cls]))


@lru_cache(maxsize=1)
def _terms() -> dict[str, URIRef]:
    """Ontology values (partnership kinds, statuses …) by normalized label, local name and kebab form."""
    from nevkg.graph.validate import ontology_graph

    g = ontology_graph()
    out: dict[str, URIRef] = {}
    for term in g.subjects(RDF.type, OWL.NamedIndividual):
        local = str(term)[len(str(NEV)):]
        for key in (str(g.value(term, RDFS.label)), local, re.sub(r"(?<!^)(?=[A-Z])", " ", local)):
            out.setdefault(normalize(key), term)
    return out


def _entity(kinds_of: str | None):
    def convert(kg, value: str) -> Node:
        if kinds_of is None:
            return resolve(kg, value)
        return resolve(kg, value, kinds=set(_kinds_below(kinds_of)), what=kinds_of.lower())
    return convert


def _term(kg, value: str) -> Node:
    found = _terms().get(normalize(value))
    if found is None:
        close = difflib.get_close_matches(normalize(value), list(_terms()), n=4, cutoff=0.6)
        raise ParameterError(f"'{value}' is not an ontology value" + (f"; did you mean: {', '.join(close)}?"
                                                                      if close else ""))
    return found


def _number(kind: type, datatype: URIRef):
    def convert(kg, value: str) -> Node:
        try:
            return Literal(kind(value), datatype=datatype)
        except (ValueError, InvalidOperation):
            raise ParameterError(f"'{value}' is not a number") from None
    return convert


def _date(kg, value: str) -> Node:
    if not _DATE.match(value):
        raise ParameterError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    parts = (value.split("-") + ["01", "01"])[:3]
    return Literal("-".join(parts), datatype=XSD.date)


#: parameter type → converter(kg, text) → RDF term
PARAM_TYPES = {
    "entity": _entity(None), "organization": _entity("Organization"), "place": _entity("Place"),
    "person": _entity("Person"), "model": _entity("VehicleModel"), "source": _entity("Source"),
    "concept": lambda kg, v: resolve(kg, v, kinds={"Measure", "Unit", "ProductScope"}, what="concept"),
    "term": _term, "string": lambda kg, v: Literal(v), "integer": _number(int, XSD.integer),
    "decimal": _number(Decimal, XSD.decimal), "date": _date,
}


def bind_params(kg, query: NamedQuery, params: dict[str, str | Node]) -> dict[str, Node]:
    """Check and convert parameters to RDF terms (text values are resolved or parsed by their type).

    Raises
    ------
    ParameterError
        A required parameter is missing, an unknown one is given, or a value does not fit its type.
    UnknownNameError
        An entity parameter names nothing in the graph (with suggestions).
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    expected = ", ".join(f"{p.name} ({p.type}{'' if p.required else ', optional'})" for p in query.params) or "none"
    if unknown:
        hints = [f"{u} is now {RENAMED[u]}" for u in unknown if RENAMED.get(u) in declared]
        raise ParameterError(f"{query.name} has no parameter {', '.join(unknown)}"
                             + (f" ({'; '.join(hints)})" if hints else "") + f"; its parameters: {expected}")
    missing = [p.name for p in query.params if p.required and p.name not in params]
    if missing:
        raise ParameterError(f"{query.name} needs {', '.join(missing)}; its parameters: {expected}")
    bound: dict[str, Node] = {}
    for name, value in params.items():
        if isinstance(value, Node):
            bound[name] = value
            continue
        try:
            bound[name] = PARAM_TYPES[declared[name].type](kg, str(value))
        except ParameterError as exc:
            raise ParameterError(f"{query.name}: parameter {name}: {exc}") from None
    return bound


def ask(kg, name: str, **params: str | Node):
    """Run a named query with its parameters bound as RDF terms.

    Parameters
    ----------
    kg : KnowledgeGraph
    name : str
        The query's name (``nevkg ask --list``).
    **params
        Parameter values: text (resolved or parsed by the parameter's type) or rdflib terms.

    Returns
    -------
    rdflib.query.Result

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> sorted(str(r.partnerLabel) for r in ask(kg, "partnerships-of", org="Chery"))
    ['Ebro']
    """
    query = get_query(name)
    bound = bind_params(kg, query, params)
    from nevkg.queries.trade import TRADE_QUERIES, columnar_of, run_columnar

    if name in TRADE_QUERIES and columnar_of(kg) is not None:  # the trade queries: from the columnar copy
        return run_columnar(kg, name, bound)
    return kg.query(query.text, bound)
