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
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from nevkg.errors import ParameterError, UnknownNameError
from nevkg.ontology.namespaces import NEV
from nevkg.queries.resolve import normalize, resolve

__all__ = ["Param", "NamedQuery", "list_queries", "get_query", "bind_params", "ask", "PARAM_TYPES", "PARAM_NAMES",
           "usage_example"]

_HEADER = re.compile(r"^#\s*(title|description|param|example):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>[a-z]+)(?P<opt>\s+optional)?\s*(?:[—-]+\s*)?"
                    r"(?P<desc>.*?)(?:;\s*example:\s*(?P<example>.+))?$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: one name per meaning across the library: a parameter with this meaning has this name (and type)
PARAM_NAMES = {
    "org": ("organization", "an organisation"), "place": ("place", "a place or market"),
    "person": ("person", "a person"), "measure": ("concept", "a measure (what a figure counts)"),
    "thing": ("entity", "any named thing"), "from": ("date", "the first day of a period"),
    "to": ("date", "the last day of a period"),
}
#: names the library used before, and the name that replaced each (an old name gets a hint, not silence)
RENAMED = {"since": "from", "until": "to", "as_of": "from", "entity": "thing", "company": "org",
           "market": "place", "country": "place"}


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


@dataclass(frozen=True)
class Param:
    """A query parameter as declared in the header."""

    name: str
    type: str
    required: bool
    description: str
    example: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    examples: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        """Name, title, description and parameters (for ``nevkg ask --list --format json``)."""
        return {"name": self.name, "title": self.title, "description": self.description,
                "parameters": [p.__dict__ for p in self.params], "example": usage_example(self)}


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, list[str]] = {"title": [], "description": [], "param": [], "example": []}
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match:
            last = match.group(1)
            meta[last].append(match.group(2).strip())
        elif last in ("description", "param") and line[1:].strip():  # continuation line
            meta[last][-1] += " " + line[1:].strip()
    params = []
    for spec in meta["param"]:
        m = _PARAM.match(spec)
        if not m or m.group("type") not in PARAM_TYPES:
            raise ValueError(f"{name}.rq: bad param line '{spec}'; write 'NAME TYPE [optional] — text; example: V'"
                             f" with TYPE one of {', '.join(PARAM_TYPES)}")
        params.append(Param(m.group("name"), m.group("type"), not m.group("opt"), m.group("desc").strip(),
                            m.group("example")))
    if not meta["title"]:
        raise ValueError(f"{name}.rq: the header has no '# title:' line")
    return NamedQuery(name, meta["title"][0], " ".join(meta["description"]), tuple(params), text,
                      tuple(meta["example"]))


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    folder = resources.files("nevkg.queries").joinpath("library")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return out


def usage_example(query: NamedQuery) -> str:
    """A command that runs the query: its first ``# example:`` line, else one made of the parameters' examples.

    >>> usage_example(get_query("partnerships-of"))
    'nevkg ask partnerships-of --param org=Chery'
    """
    if query.examples:
        return query.examples[0]
    parts = [f"nevkg ask {query.name}"]
    for p in query.params:
        if p.required or p.example:
            value = p.example or p.name.upper()
            parts.append(f"--param {p.name}={value!r}" if " " in value else f"--param {p.name}={value}")
    return " ".join(parts)


def list_queries() -> list[NamedQuery]:
    """Every named query, by name.

    >>> any(q.name == "partnerships-of" for q in list_queries())
    True
    """
    return list(_library().values())


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; an unknown name suggests the closest ones."""
    try:
        return _library()[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(_library()), n=4, cutoff=0.5)
        hint = f"; did you mean: {', '.join(close)}?" if close else "; 'nevkg ask --list' lists them"
        raise UnknownNameError(f"no named query '{name}'{hint}") from None


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
