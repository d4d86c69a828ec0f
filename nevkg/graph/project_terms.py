"""How the projection (:mod:`nevkg.graph.project`) turns RDF terms into networkx values: the ontology's class tree
and labels, local names, source ids, literals as GraphML/GEXF-friendly scalars, and one type per attribute."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Literal, URIRef

from nevkg.ontology.namespaces import GRAPH, NEV, PREFIXES, RDFS, SOURCE, XSD

__all__ = ["ontology_terms", "local_name", "prefixed_name", "source_id", "scalar", "pick_label", "join_values",
           "most_specific", "uniform"]

_NUMERIC = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger,
            XSD.decimal, XSD.double, XSD.float}


@functools.lru_cache(maxsize=1)
def ontology_terms() -> tuple[dict[URIRef, frozenset[URIRef]], dict[URIRef, str]]:
    """Ancestors (reflexive, transitive ``rdfs:subClassOf``) of every class, and the label of every term."""
    from nevkg.graph.validate import ontology_graph

    g = ontology_graph()
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            parents[sub].add(sup)

    def ancestors(cls: URIRef, seen: frozenset = frozenset()) -> set[URIRef]:
        out = {cls}
        for sup in parents.get(cls, ()):
            if sup not in seen:
                out |= ancestors(sup, seen | {cls})
        return out

    closure = {cls: frozenset(ancestors(cls)) for cls in list(parents)}
    labels: dict[URIRef, str] = {}
    for term, label in g.subject_objects(RDFS.label):
        if isinstance(term, URIRef) and (term not in labels or getattr(label, "language", None) in (None, "en")):
            labels[term] = str(label)
    return closure, labels


def local_name(iri: str) -> str:
    """The local name of an IRI (after the last ``#`` or ``/``).

    >>> local_name("https://w3id.org/nevkg/ontology#Automaker"), local_name("https://w3id.org/nevkg/id/chery/")
    ('Automaker', 'chery')
    """
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def prefixed_name(iri: str) -> str:
    """``prefix_local`` for attribute names that would collide with a reserved one.

    >>> prefixed_name("http://www.w3.org/2000/01/rdf-schema#label")
    'rdfs_label'
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)):
            return f"{prefix.replace('-', '_')}_{iri[len(str(ns)):]}"
    return iri


def source_id(graph: URIRef, graph_sources: dict[URIRef, URIRef] | None = None) -> str:
    """The id of the source a named graph (or a source document's IRI) stands for.

    nevkg's own graphs and sources give their slug; another graph gives the source it is
    ``prov:wasDerivedFrom`` (per ``graph_sources``), else its own IRI.

    Examples
    --------
    >>> source_id(URIRef("https://w3id.org/nevkg/graph/xinhua-2026-03"))
    'xinhua-2026-03'
    >>> source_id(URIRef("http://example.org/g"))
    'http://example.org/g'
    """
    src = (graph_sources or {}).get(graph, graph if str(graph).startswith(str(SOURCE)) else None)
    if src is not None and str(src).startswith(str(SOURCE)):
        return str(src)[len(str(SOURCE)):]
    if str(graph).startswith(str(GRAPH)):
        return str(graph)[len(str(GRAPH)):]
    return str(src or graph)


def scalar(lit: Literal) -> Any:
    """A literal as a GraphML/GEXF-friendly scalar.

    >>> scalar(Literal("12", datatype=XSD.integer)), scalar(Literal("1.5", datatype=XSD.decimal)), scalar(Literal("x"))
    (12, 1.5, 'x')
    """
    dt = lit.datatype
    if dt == XSD.boolean:
        return str(lit).strip().lower() in ("true", "1")
    if dt in _NUMERIC:
        try:
            num = Decimal(str(lit).strip())
        except InvalidOperation:
            return str(lit)
        if num.is_finite() and num == num.to_integral_value() and "e" not in str(lit).lower():
            return int(num)
        return float(num)
    return str(lit)


def pick_label(values: list[Literal]) -> str:
    """The English or untagged label if there is one, else the first.

    >>> pick_label([Literal("比亚迪", lang="zh"), Literal("BYD", lang="en")])
    'BYD'
    """
    ranked = sorted(values, key=lambda v: (getattr(v, "language", None) not in (None, "en"), str(v)))
    return str(ranked[0])


def join_values(values: Iterable[Any]) -> Any:
    """One value as itself; several distinct ones sorted and joined with ``"; "``.

    >>> join_values([3]), join_values(["b", "a", "b"])
    (3, 'a; b')
    """
    vals = sorted(set(values), key=lambda v: (str(type(v)), str(v)))
    if len(vals) == 1:
        return vals[0]
    return "; ".join(str(v) for v in vals)


def most_specific(types: set[URIRef], closure: dict[URIRef, frozenset[URIRef]]) -> URIRef | None:
    """The type that is no proper superclass of another of the node's types (deepest, then alphabetical)."""
    candidates = [t for t in types if str(t).startswith(str(NEV))]
    if not candidates:
        return None
    leaves = [t for t in candidates
              if not any(o != t and t in closure.get(o, frozenset({o})) for o in candidates)]
    return sorted(leaves or candidates, key=lambda t: (-len(closure.get(t, ())), str(t)))[0]


def uniform(items: Iterable[dict[str, Any]]) -> None:
    """Make each attribute hold one Python type across all items (GraphML/GEXF declare one type per key).

    >>> rows = [{"value": 1}, {"value": 1.5}, {"x": 1}, {"x": "a"}]
    >>> uniform(rows)
    >>> rows
    [{'value': 1.0}, {'value': 1.5}, {'x': '1'}, {'x': 'a'}]
    """
    items = list(items)
    kinds: dict[str, set[type]] = defaultdict(set)
    for data in items:
        for key, value in data.items():
            kinds[key].add(type(value))
    for key, ts in kinds.items():
        if len(ts) <= 1:
            continue
        cast = float if ts <= {int, float} else str
        for data in items:
            if key in data:
                data[key] = cast(data[key])
