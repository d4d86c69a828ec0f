"""Why a named query answered nothing, when the graph can tell.

An empty table teaches nothing. Before saying "no rows", :func:`why_empty` looks at the query's own required
patterns: a predicate the graph holds no statement of at all (the trade queries on a graph built without a
statistics table), or a date range whose end comes before its start. It says nothing when it cannot tell.
"""

from __future__ import annotations

from rdflib import Literal, URIRef, Variable
from rdflib.namespace import SKOS

from nevkg.queries.trade_ask import NO_TABLE, empty_period

__all__ = ["why_empty", "required_patterns"]

_NEV = "https://w3id.org/nevkg/ontology#"
#: What rows of a statistics table look like: an observation to a destination whose product scope has a code.
_TABLE_ROWS = [(Variable("o"), URIRef(_NEV + "productScope"), Variable("hs")),
               (Variable("hs"), SKOS.notation, Variable("code")),
               (Variable("o"), URIRef(_NEV + "destination"), Variable("d"))]


def _matches(kg, patterns: list[tuple], bindings: dict) -> bool:
    """Whether the conjunction of the patterns has a solution; parameters stay variables, bound by the engine."""
    body = " . ".join(" ".join(t.n3() for t in pattern) for pattern in patterns)
    names = sorted({str(t) for pattern in patterns for t in pattern if isinstance(t, Variable)} & set(bindings))
    head = " ".join("?" + n for n in names) or "*"
    result = kg.query(f"SELECT {head} WHERE {{ {body} }} LIMIT 1", {n: bindings[n] for n in names})
    return any(True for _ in result)


def required_patterns(text: str) -> list[tuple]:
    """The triple patterns of the query's required (non-OPTIONAL, non-UNION) basic graph patterns, in order.

    Examples
    --------
    >>> [p[1].n3() for p in required_patterns(
    ...     "SELECT * WHERE { ?s nev:country ?c OPTIONAL { ?s rdfs:label ?l } }")]
    ['<https://w3id.org/nevkg/ontology#country>']
    """
    from rdflib.plugins.sparql import prepareQuery

    from nevkg.ontology.namespaces import PREFIX_IRIS

    found: list[tuple] = []
    stack = [prepareQuery(text, initNs=PREFIX_IRIS).algebra]
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if name == "Union":  # either side may answer: neither is required on its own
            continue
        if name in ("LeftJoin", "Minus"):  # only the left side is required
            stack.append(node["p1"])
            continue
        if name == "BGP":
            found.extend(t for t in node["triples"] if t not in found)
            continue
        for key, value in node.items():
            if key in ("expr", "_vars", "PV", "var"):
                continue
            if hasattr(value, "name"):
                stack.append(value)
            elif isinstance(value, list):
                stack.extend(v for v in value if hasattr(v, "name"))
    return found


def why_empty(kg, text: str, bindings: dict[str, object] | None = None) -> str | None:
    """A sentence saying why a query found nothing, or None when the graph cannot tell.

    Parameters
    ----------
    kg : KnowledgeGraph
    text : str
        The query text.
    bindings : dict, optional
        The parameters it ran with (variable name → RDF term).

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> text = "SELECT ?x WHERE { ?x a nev:Observation ; nev:productScope ?p ; nev:destination ?d }"
    >>> print(why_empty(kg, text))  # doctest: +ELLIPSIS
    nothing in the graph matches ... once it asks for ?x nev:destination ?d — no statistics table is built...
    >>> from rdflib import Literal, XSD
    >>> text = "SELECT ?x ?from ?to WHERE { ?x nev:periodStart ?s FILTER(?s >= ?from && ?s <= ?to) }"
    >>> span = {"from": Literal("2025-01-01", datatype=XSD.date), "to": Literal("2024-01-01", datatype=XSD.date)}
    >>> print(why_empty(kg, text, span))
    the period is empty: from (2025-01-01) comes after to (2024-01-01)
    """
    bindings = {str(k): v for k, v in (bindings or {}).items()}
    start, end = bindings.get("from"), bindings.get("to")
    if isinstance(start, Literal) and isinstance(end, Literal) and str(start) > str(end):
        return empty_period(start, end)
    try:
        patterns = required_patterns(text)
    except Exception:  # the query ran, so it parses; an algebra this walk does not know says nothing
        return None
    names = kg.dataset.namespace_manager
    joined: list[tuple] = []
    for pattern in patterns:
        joined.append(pattern)
        if _matches(kg, joined, bindings):
            continue
        shown = " ".join("?" + t if isinstance(t, Variable) else t.n3(names) for t in pattern)
        reason = f"nothing in the graph matches the query's patterns once it asks for {shown}"
        if pattern[1] in {p for _s, p, _o in _TABLE_ROWS} and not _matches(kg, _TABLE_ROWS, {}):
            reason += " — " + NO_TABLE
        return reason
    if bindings:
        given = ", ".join(f"{k}={_show(v)}" for k, v in bindings.items() if not isinstance(v, Variable))
        return f"every pattern matches, but no row meets the query's conditions with {given}"
    return None


def _show(term: object) -> str:
    return str(term).rsplit("/", 1)[-1] if isinstance(term, URIRef) else str(term)
