"""Arbitrary SPARQL: syntax check with line and column, read-only, and a hard time limit.

Neither rdflib nor oxigraph can cancel a running query, so :func:`run_query` with a ``timeout`` runs the
query in a forked worker process and kills it when time is up.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping

from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Node

from nevkg.errors import QueryError, QueryTimeout
from nevkg.graph.sparql_form import contains_service, query_type

__all__ = ["query_type", "run_query", "contains_service"]



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
