"""Arbitrary SPARQL: syntax check with line and column, read-only, and a hard time limit.

Neither rdflib nor oxigraph can cancel a running query, so :func:`run_query` with a ``timeout`` runs the
query in a forked worker process and kills it when time is up.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Mapping

from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Node

from nevkg.errors import QueryError, QueryTimeout

__all__ = ["query_type", "run_query", "contains_service"]

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


def _payload(result: Result) -> tuple:
    """A picklable copy of a result."""
    if result.type == "ASK":
        return ("ASK", bool(result.askAnswer))
    if result.type == "SELECT":
        return ("SELECT", [str(v) for v in result.vars], [[row.get(v) for v in result.vars]
                                                           for row in result.bindings])
    return (result.type, list(result.graph))


def _from_payload(payload: tuple) -> Result:
    from rdflib import Variable

    result = Result(payload[0])
    if payload[0] == "ASK":
        result.askAnswer = payload[1]
    elif payload[0] == "SELECT":
        result.vars = [Variable(v) for v in payload[1]]
        result.bindings = [{v: t for v, t in zip(result.vars, row, strict=True) if t is not None}
                           for row in payload[2]]
    else:
        graph = Graph()
        graph += payload[1]
        result.graph = graph
    return result


def _worker(conn, kg, sparql: str, bindings: dict) -> None:
    try:
        if kg.spec.kind == "oxigraph":  # a store handle does not survive fork(): open our own, read-only
            from nevkg.graph.knowledge_graph import open_graph

            kg = open_graph(kg.spec)
        conn.send(("ok", _payload(kg.query(sparql, bindings))))
    except Exception as exc:  # reported to the parent, which raises it as a QueryError
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def run_query(kg, sparql: str, *, bindings: Mapping[str, Node] | None = None,
              timeout: float | None = None) -> Result:
    """Check and run a read-only query; with ``timeout`` (seconds), kill it when it runs over.

    Parameters
    ----------
    kg : KnowledgeGraph
    sparql : str
    bindings : mapping, optional
        Variable → RDF term, bound by the engine (never pasted into the text).
    timeout : float, optional
        Hard wall-clock limit.

    Raises
    ------
    QueryError
        Syntax error (with line and column), an update, or a failure while running.
    QueryTimeout
        The query ran past ``timeout`` and was stopped.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> bool(run_query(kg, "ASK { nevid:chery nev:country nevid:china }", timeout=30).askAnswer)
    True
    """
    query_type(sparql)
    if not timeout:
        return kg.query(sparql, bindings)
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(child, kg, sparql, dict(bindings or {})), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise QueryTimeout(f"the query ran past its time limit of {timeout:g} s and was stopped; "
                               f"narrow it (LIMIT, more specific patterns) or raise --timeout")
        status, payload = parent.recv()
    except EOFError:
        raise QueryError("the query worker ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if status == "error":
        raise QueryError(f"query failed: {payload}")
    return _from_payload(payload)
