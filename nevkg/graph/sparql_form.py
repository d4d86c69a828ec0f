"""The form of a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE), its syntax checked, SERVICE refused.

This lives in the graph layer because the remote store (:mod:`nevkg.graph.remote`) must know a query's form
before it sends it; :mod:`nevkg.queries.sparql` re-exports both functions for the query side.
"""

from __future__ import annotations

import re

from nevkg.errors import QueryError

__all__ = ["query_type", "contains_service"]

_TYPES = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def contains_service(*trees) -> bool:
    """Whether a parse tree or algebra holds a ``SERVICE`` pattern anywhere (iterative walk).

    >>> from rdflib.plugins.sparql.parser import parseQuery
    >>> contains_service(parseQuery("ASK { { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } }"))
    True
    """
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = list(trees)
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    return False


def query_type(sparql: str) -> str:
    """Check the syntax of a query and return its form: SELECT, ASK, CONSTRUCT or DESCRIBE.

    ``SERVICE`` is refused: both engines would otherwise call any URL the query names (nothing reaches the
    network at run time).

    Raises
    ------
    QueryError
        With the line and column of a syntax error, when the text is an update (read-only here), or when
        it calls a ``SERVICE``.

    Examples
    --------
    >>> query_type("SELECT * WHERE { ?s ?p ?o }")
    'SELECT'
    >>> query_type("SELECT ?s WHERE {\\n  ?s ?p \\n")
    Traceback (most recent call last):
    ...
    nevkg.errors.QueryError: SPARQL syntax error at line 2, column 3: Expected SelectQuery, found '?'
    >>> query_type("DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    nevkg.errors.QueryError: this is a SPARQL update; nevkg answers queries only (the graph is read-only here)
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(sparql)
    except ParseException as exc:
        try:
            parseUpdate(sparql)
        except Exception:  # not an update either: report the query's own error
            message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)$", "", str(exc))
            raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {message}") from None
        raise QueryError("this is a SPARQL update; nevkg answers queries only (the graph is read-only here)") \
            from None
    if contains_service(parsed):
        raise QueryError("SERVICE is refused: nevkg never calls other services from a query")
    _check_prefixes(parsed)
    return _TYPES[parsed[1].name]


def _check_prefixes(parsed) -> None:
    """Name an undeclared prefix (engines otherwise answer with a dump of their grammar)."""
    from rdflib.plugins.sparql.algebra import translateQuery

    from nevkg.ontology.namespaces import PREFIX_IRIS

    try:
        translateQuery(parsed, initNs=PREFIX_IRIS)
    except Exception as exc:  # only the unknown prefix is ours to explain; the engine reports the rest
        match = re.match(r"Unknown namespace prefix\s*:\s*(\S*)", str(exc))
        if match:
            known = ", ".join(f"{p}:" for p in sorted(PREFIX_IRIS))
            raise QueryError(f"unknown prefix '{match.group(1)}:' — declare it (PREFIX {match.group(1)}: <IRI>) "
                             f"or use one of the predeclared prefixes: {known}") from None
