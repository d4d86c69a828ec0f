"""A hardened, read-only SPARQL 1.1 endpoint over the knowledge graph (``nevkg serve``).

:func:`create_app` returns a plain WSGI application (no dependency beyond the standard library, so it can
also be mounted in any WSGI server); :func:`serve` runs it on a bounded, threaded server with an access log
on stderr. Routes:

=================================  =========================================================================
``GET/POST /sparql``               the SPARQL 1.1 Protocol (also ``/sparql/``); ``GET`` without a query
                                   answers the SPARQL 1.1 Service Description (Turtle)
``GET /queries``                   the named queries (JSON, one ``NamedQuery.as_dict()`` each)
``GET /queries/NAME?param=…``      run a named query; parameters bound as RDF terms (``bind_params``)
``GET /health``                    ``{"ok", "store", "triples", "workers", "busy"}``
``GET /``                          a small offline query page (no CDN, inline script pinned by a CSP hash)
=================================  =========================================================================

How the guarantees are kept
---------------------------
* **Queries run in worker processes.** Neither rdflib nor oxigraph can cancel a running query, so every
  query (and its syntax check, parameter binding and serialisation) runs in one of ``max_concurrent``
  pre-forked worker processes (the idea of :func:`nevkg.queries.sparql.run_query`, kept warm: a worker
  opens its own read-only store handle once and answers many queries). The request thread waits on the
  worker's pipe *and* the client's socket: when the wall-clock ``timeout`` passes (504) or the client hangs
  up, the worker is killed with SIGKILL, reaped, and a fresh one forked. Thread and process counts stay
  flat: a fixed pool of HTTP threads, a fixed pool of workers, every killed worker reaped. (Hang-ups are
  seen through the socket :func:`make_server` puts in the environ; mounted in another WSGI server, a
  query whose client left runs until its timeout. A client that half-closes its side after sending the
  request counts as gone.)
* **Read-only by construction.** The update grammar is never parsed, let alone run: ``update=`` (GET or
  form POST) and ``application/sparql-update`` bodies are refused with 403 before anything is read, and a
  ``query=`` that holds an update fails the query grammar (400). Queries are parsed by rdflib's query parser
  and the parsed algebra is inspected: ``SERVICE`` anywhere (sub-queries, ``EXISTS`` filters included) is
  refused with 400 before execution, so the server never opens a connection a query names. ``FROM`` /
  ``FROM NAMED`` never fetch either: rdflib's graph loading (``SPARQL_LOAD_GRAPHS``) is switched off in the
  workers, and oxigraph only reads its own store.
* **Dataset description.** ``default-graph-uri`` / ``named-graph-uri`` replace the query's ``FROM`` /
  ``FROM NAMED`` (SPARQL 1.1 Protocol §2.1.4). On the oxigraph store they become pyoxigraph's
  ``default_graph=`` / ``named_graphs=`` arguments; on the memory store they are written into the parsed
  algebra's ``datasetClause`` (never pasted into the query text), which rdflib evaluates over a dataset
  built from those graphs. Without any dataset description the default graph is the union of all graphs
  (as everywhere in nevkg); with only ``named-graph-uri`` the default graph is empty, as the spec says.
* **Limits answered with a status, never with a cut-off 200:** per-query wall clock ``timeout`` → 504;
  more than ``max_rows`` solutions (or triples) → **422** naming the cap and suggesting ``LIMIT``/``OFFSET``
  (an error rather than a truncation flag, because CSV/TSV and most client libraries would drop a flag
  silently); request body over ``max_body`` → 413, decided on ``Content-Length`` before one byte is read
  (a POST without it → 411); request target over ``max_url`` → 414; more than ``max_concurrent`` running
  and ``max_queue`` waiting queries → 503 with ``Retry-After``.
* Errors are ``text/plain`` (JSON on ``/queries`` and ``/health``), and every response carries
  ``X-Content-Type-Options: nosniff``, so nothing a user sends is ever echoed as HTML.

Relative IRIs in a query resolve against the endpoint's URL (the protocol's "service-defined BASE").
Content negotiation uses the ``Accept`` header only (the ``format``/``output`` parameters some clients
add are ignored): SELECT/ASK → ``application/sparql-results+json`` (default), ``+xml``, ``text/csv``,
``text/tab-separated-values``; CONSTRUCT/DESCRIBE → ``text/turtle`` (default), ``application/n-triples``,
``application/ld+json``, ``application/rdf+xml``; 406 when none of them is acceptable.

Examples
--------
>>> from nevkg.graph.build import build
>>> app = create_app(build("memory", ["tests/resources/records"], shipped=False), max_concurrent=1)
>>> from urllib.parse import quote
>>> target = "/sparql?query=" + quote("ASK { nevid:chery nev:country nevid:china }")
>>> status, headers, body = call(app, "GET", target)
>>> status, headers["Content-Type"], body
('200 OK', 'application/sparql-results+json; charset=utf-8', b'{"head": {}, "boolean": true}')
>>> call(app, "GET", "/sparql?update=CLEAR%20ALL")[0]
'403 Forbidden'
>>> app.close()
"""

from __future__ import annotations

import base64
import gc
import hashlib
import io
import json
import os
import queue
import re
import select
import signal
import socket
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from multiprocessing.connection import Connection
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from nevkg.errors import AmbiguousNameError, ParameterError, QueryError, UnknownNameError

__all__ = ["Limits", "SparqlApp", "create_app", "make_server", "serve", "call"]

ENDPOINT_PATHS = ("/sparql", "/sparql/")
RESULT_TYPES = {  # media type → writer, for SELECT and ASK; the first is the default
    "application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv"}
RESULT_ALIASES = {"application/json": "application/sparql-results+json",
                  "application/xml": "application/sparql-results+xml"}
GRAPH_TYPES = {  # media type → writer, for CONSTRUCT and DESCRIBE; the first is the default
    "text/turtle": "ttl", "application/n-triples": "nt", "application/ld+json": "jsonld",
    "application/rdf+xml": "xml"}
GRAPH_ALIASES = {"application/x-turtle": "text/turtle", "text/plain": "application/n-triples"}


@dataclass(frozen=True)
class Limits:
    """What one server allows. Every limit is answered with its own status (see the module docstring).

    Attributes
    ----------
    timeout : float
        Wall-clock seconds per query, waiting for a worker included (504 when over).
    max_rows : int
        Most solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer (422 when over).
    max_body : int
        Largest request body in bytes (413).
    max_url : int
        Longest request target (path and query string) in characters (414).
    max_concurrent : int
        Worker processes, hence queries running at once.
    max_queue : int
        Queries that may wait for a worker; one more is answered 503 with ``Retry-After``.
    cors : tuple of str
        Origins allowed to read responses from a browser (``"*"`` for any); empty: no CORS headers.
    """

    timeout: float = 30.0
    max_rows: int = 10_000
    max_body: int = 1_000_000
    max_url: int = 8192
    max_concurrent: int = 8
    max_queue: int = 64
    cors: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("timeout", "max_rows", "max_body", "max_url", "max_concurrent"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)!r}")
        if self.max_queue < 0:
            raise ValueError(f"max_queue must be 0 or more, not {self.max_queue!r}")
        object.__setattr__(self, "cors", tuple(self.cors or ()))


class HttpError(Exception):
    """An answer other than 200: status, plain-text message and extra headers."""

    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, list(headers)


# ---------------------------------------------------------------------------------------------------------
# Worker side: everything that touches the store runs here, in a forked process.
# ---------------------------------------------------------------------------------------------------------

_QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                "DescribeQuery": "DESCRIBE"}


@dataclass
class _Checked:
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    query: Any  # rdflib.plugins.sparql.sparql.Query (translated algebra)
    has_dataset: bool  # the query names FROM / FROM NAMED


def check_query(text: str, base: str | None = None) -> _Checked:
    """Parse a query with rdflib's *query* grammar and refuse what must never run.

    Raises
    ------
    HttpError
        400 for a syntax error (with line and column), an update sent as a query, or ``SERVICE``.

    Examples
    --------
    >>> check_query("SELECT * WHERE { ?s ?p ?o }").form
    'SELECT'
    >>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    nevkg.server.HttpError: SERVICE is refused here: this endpoint never calls other services
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    from nevkg.ontology.namespaces import PREFIX_IRIS
    from nevkg.queries.sparql import contains_service, query_type

    try:
        parsed = parseQuery(text)
    except ParseException:
        try:  # the same checks as the CLI: line and column, or "this is an update"
            query_type(text)
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
        raise HttpError(400, "the query could not be parsed") from None
    if contains_service(parsed):
        raise HttpError(400, "SERVICE is refused here: this endpoint never calls other services")
    try:
        query = translateQuery(parsed, base=base, initNs=PREFIX_IRIS)
    except Exception as exc:  # unknown prefix, bad projection, …
        raise HttpError(400, f"the query is not valid: {exc}") from None
    if contains_service(query.algebra):
        raise HttpError(400, "SERVICE is refused here: this endpoint never calls other services")
    return _Checked(_QUERY_FORMS[query.algebra.name], query, bool(query.algebra.datasetClause))


def negotiate(accept: str | None, form: str) -> tuple[str, str] | None:
    """The best media type the client accepts for a query form: ``(media type, writer)`` or ``None``.

    Examples
    --------
    >>> negotiate(None, "SELECT")
    ('application/sparql-results+json', 'json')
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "ASK")
    ('application/sparql-results+xml', 'xml')
    >>> negotiate("text/*", "CONSTRUCT")
    ('text/turtle', 'ttl')
    >>> negotiate("image/png", "SELECT") is None
    True
    """
    table, aliases = (RESULT_TYPES, RESULT_ALIASES) if form in ("SELECT", "ASK") else (GRAPH_TYPES, GRAPH_ALIASES)
    ranges: list[tuple[str, float]] = []
    for part in (accept or "*/*").split(","):
        items = [p.strip() for p in part.split(";")]
        if not items[0]:
            continue
        q = 1.0
        for param in items[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((items[0].lower(), q))
    best: tuple[float, int, str] | None = None
    offered = list(table) + list(aliases)
    for order, media in enumerate(offered):
        major = media.split("/")[0]
        quality, specificity = None, -1
        for rng, q in ranges:
            spec = 2 if rng == media else 1 if rng == f"{major}/*" else 0 if rng == "*/*" else -1
            if spec > specificity:
                quality, specificity = q, spec
        if quality and (best is None or quality > best[0]):
            best = (quality, order, media)
    if best is None:
        return None
    media = aliases.get(best[2], best[2])
    return media, table[media]


class _Engine:
    """Checks, runs and serialises requests inside one worker process."""

    def __init__(self, kg: Any, max_rows: int) -> None:
        import rdflib.plugins.sparql

        rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> must never fetch anything
        self.kg, self.max_rows = kg, max_rows
        self.kind = kg.spec.kind
        self.ox = kg.dataset.store._inner if self.kind == "oxigraph" else None
        self._cache: OrderedDict[tuple[str, str | None], _Checked | HttpError] = OrderedDict()

    # -- entry point -------------------------------------------------------------------------------------
    def handle(self, request: dict) -> tuple[int, list[tuple[str, str]], bytes]:
        try:
            if request["op"] == "sparql":
                return self._sparql(request["text"], request.get("default"), request.get("named"),
                                    request.get("accept"), request.get("base"), {})
            if request["op"] == "named":
                return self._named(request)
            if request["op"] == "ping":
                return 200, [], b"pong"
            raise HttpError(400, f"unknown operation {request['op']!r}")
        except HttpError as exc:
            return exc.status, exc.headers, exc.message.encode()
        except (QueryError, SyntaxError, ValueError) as exc:
            return 400, [], f"the query failed: {exc}".encode()
        except Exception as exc:  # an engine bug or a broken store: report it, keep serving
            return 500, [], f"internal error while running the query: {type(exc).__name__}: {exc}".encode()

    def _checked(self, text: str, base: str | None) -> _Checked:
        key = (text, base)
        hit = self._cache.get(key)
        if hit is None:
            try:
                hit = check_query(text, base)
            except HttpError as exc:
                hit = exc
            self._cache[key] = hit
            if len(self._cache) > 256:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        if isinstance(hit, HttpError):
            raise hit
        return hit

    def _named(self, request: dict):
        from nevkg.queries.library import bind_params, get_query

        try:
            named = get_query(request["name"])
            bindings = bind_params(self.kg, named, request["params"])
        except AmbiguousNameError as exc:
            raise HttpError(400, str(exc)) from None
        except UnknownNameError as exc:
            raise HttpError(404, str(exc)) from None
        except ParameterError as exc:
            raise HttpError(400, str(exc)) from None
        return self._sparql(named.text, None, None, request.get("accept"), request.get("base"), bindings)

    # -- running -----------------------------------------------------------------------------------------
    def _sparql(self, text: str, default: list[str] | None, named: list[str] | None, accept: str | None,
                base: str | None, bindings: dict):
        checked = self._checked(text, base)
        chosen = negotiate(accept, checked.form)
        if chosen is None:
            offered = RESULT_TYPES if checked.form in ("SELECT", "ASK") else GRAPH_TYPES
            raise HttpError(406, f"a {checked.form} result is available as {', '.join(offered)}; "
                                 f"none of them is in the Accept header")
        dataset = None if default is None and named is None else (default or [], named or [])
        if self.kind == "oxigraph":
            result = self._run_oxigraph(text, checked, dataset, base, bindings)
        elif self.kind == "memory":
            result = self._run_rdflib(checked, dataset, bindings)
        else:  # a remote store: the text goes as it is; the protocol's dataset cannot be passed on
            if dataset is not None:
                raise HttpError(501, f"default-graph-uri / named-graph-uri are not supported on a "
                                     f"{self.kind} store; use FROM / FROM NAMED in the query")
            result = self._capped_result(self.kg.query(text, bindings))
        media, writer = chosen
        body = _write(result, writer)
        rows = len(result.bindings) if result.type == "SELECT" else (
            len(result.graph) if result.type in ("CONSTRUCT", "DESCRIBE") else 1)
        charset = "" if writer == "jsonld" else "; charset=utf-8"
        return 200, [("Content-Type", media + charset), ("X-Nevkg-Rows", str(rows))], body

    def _too_many(self, form: str) -> HttpError:
        what = "solutions" if form == "SELECT" else "triples"
        return HttpError(422, f"the result has more than {self.max_rows} {what}, this server's limit "
                              f"(--max-rows); nothing was cut off: add LIMIT/OFFSET to page through it")

    def _run_oxigraph(self, text: str, checked: _Checked, dataset, base: str | None, bindings: dict):
        import pyoxigraph as ox
        from oxrdflib._converter import from_ox, to_ox
        from rdflib import Graph, Variable
        from rdflib.query import Result

        from nevkg.graph.knowledge_graph import plain
        from nevkg.ontology.namespaces import PREFIX_IRIS

        kwargs: dict[str, Any] = {"prefixes": PREFIX_IRIS, "base_iri": base}
        if bindings:
            kwargs["substitutions"] = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        if dataset is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in dataset[0]]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in dataset[1]]
        elif not checked.has_dataset:  # the graph's union, as KnowledgeGraph.query reads it; never with FROM
            kwargs.update(self.kg.oxigraph_dataset())
        answer = self.ox.query(text, **kwargs)
        result = Result(checked.form)
        if checked.form == "ASK":
            result.askAnswer = bool(answer)
        elif checked.form == "SELECT":
            names = [v.value for v in answer.variables]
            result.vars = [Variable(n) for n in names]
            rows = []
            for solution in answer:
                if len(rows) >= self.max_rows:
                    raise self._too_many("SELECT")
                row = {}
                for name, var in zip(names, result.vars, strict=True):
                    term = solution[name]
                    if term is not None:
                        row[var] = plain(from_ox(term))
                rows.append(row)
            result.bindings = rows
        else:
            graph = Graph()
            for n, triple in enumerate(answer):
                if n >= self.max_rows:
                    raise self._too_many(checked.form)
                graph.add((from_ox(triple.subject), from_ox(triple.predicate), plain(from_ox(triple.object))))
            result.graph = graph
        return result

    def _run_rdflib(self, checked: _Checked, dataset, bindings: dict):
        from rdflib import URIRef
        from rdflib.plugins.sparql.parserutils import CompValue
        from rdflib.plugins.sparql.sparql import Query

        query = checked.query
        if dataset is not None:  # the protocol's dataset replaces FROM / FROM NAMED, in the algebra
            algebra = CompValue(query.algebra.name)
            algebra.update(query.algebra)
            # rdflib builds a fresh dataset from these graphs of the store (an empty default graph when only
            # named graphs are given); with SPARQL_LOAD_GRAPHS off it never fetches a graph it lacks
            algebra["datasetClause"] = ([CompValue("DatasetClause", default=URIRef(g)) for g in dataset[0]]
                                        + [CompValue("DatasetClause", named=URIRef(g)) for g in dataset[1]])
            query = Query(query.prologue, algebra)
        return self._capped_result(self.kg.dataset.query(query, initBindings=dict(bindings)))

    def _capped_result(self, result):
        from rdflib import Graph
        from rdflib.query import Result

        from nevkg.graph.knowledge_graph import plain

        out = Result(result.type)
        if result.type == "ASK":
            out.askAnswer = bool(result.askAnswer)
        elif result.type == "SELECT":
            out.vars = list(result.vars or [])
            source = getattr(result, "_genbindings", None)
            source = source if source is not None else result.bindings
            rows = []
            for row in source:
                if len(rows) >= self.max_rows:
                    raise self._too_many("SELECT")
                rows.append({k: plain(v) for k, v in row.items()})
            out.bindings = rows
        else:
            if len(result.graph) > self.max_rows:
                raise self._too_many(result.type)
            graph = Graph()
            graph += ((s, p, plain(o)) for s, p, o in result.graph)
            out.graph = graph
        return out


def _write(result, writer: str) -> bytes:
    """Serialise a result with :func:`nevkg.queries.results.format_result` (XML through rdflib)."""
    from nevkg.queries.results import format_result

    if writer == "xml":
        if result.type in ("SELECT", "ASK"):
            return result.serialize(format="xml", encoding="utf-8")
        return result.graph.serialize(format="xml", encoding="utf-8")
    return format_result(result, writer).encode("utf-8")


def _worker_main(sock: socket.socket, kg: Any, max_rows: int) -> None:
    """The loop of one worker process: receive a request, answer it, until the server closes the pipe."""
    conn = Connection(sock.detach())
    _keep_alive.append(kg)  # never drop the parent's store handle (its descriptors are closed in here)
    if kg.spec.kind == "oxigraph":  # a store handle does not survive fork(): open our own, read-only
        from nevkg.graph.knowledge_graph import open_graph

        kg = open_graph(kg.spec)
    engine = _Engine(kg, max_rows)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(engine.handle(request))
        except (BrokenPipeError, OSError):
            return


_keep_alive: list = []


class _Worker:
    """One forked worker process and the parent's end of its socket pair."""

    def __init__(self, kg: Any, max_rows: int) -> None:
        parent, child = socket.socketpair()
        self.pid = os.fork()
        if self.pid == 0:  # the child: keep only stdio and our socket, then serve
            code = 0
            try:
                parent.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                keep = child.fileno()
                os.closerange(3, keep)
                os.closerange(keep + 1, _max_fd())
                # fresh stream objects: a lock held by another thread at fork time stays held in the child
                sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
                _worker_main(child, kg, max_rows)
            except BaseException:  # never return into the server's code in a child
                code = 1
            finally:
                os._exit(code)
        child.close()
        self.conn = Connection(parent.detach())
        self.started = time.monotonic()

    def kill(self) -> None:
        """SIGKILL and reap (no zombie); closing our end is enough for a worker that is idle."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.reap()

    def reap(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                pid, _ = os.waitpid(self.pid, 0 if deadline is None else os.WNOHANG)
            except ChildProcessError:
                pid = self.pid
            if pid:
                self.conn.close()
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)


def _max_fd() -> int:
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        return soft if 0 < soft < 1 << 20 else 1 << 16
    except (ImportError, ValueError):
        return 1 << 16


class WorkerPool:
    """A fixed number of worker processes; a killed worker is replaced at once.

    ``acquire`` hands out an idle worker, or waits (at most ``max_queue`` callers at a time) for one.
    """

    def __init__(self, kg: Any, size: int, max_queue: int, max_rows: int) -> None:
        self._kg, self._max_rows, self.size, self.max_queue = kg, max_rows, size, max_queue
        # Move everything allocated so far (the graph, for the memory store) out of the collector's reach:
        # otherwise each worker's cyclic GC walks, and so copies, the parent's whole heap (copy-on-write).
        gc.freeze()
        self._lock = threading.Condition()
        self._idle: list[_Worker] = [_Worker(kg, max_rows) for _ in range(size)]
        self._all: set[_Worker] = set(self._idle)
        self.busy = self.waiting = 0
        self.replaced = 0
        self.closed = False

    def acquire(self, deadline: float) -> _Worker:
        """An idle worker; HttpError 503 when the queue is full or no worker frees up in time."""
        retry = [("Retry-After", "1")]
        with self._lock:
            if self.closed:
                raise HttpError(503, "the server is shutting down", retry)
            if not self._idle:
                if self.waiting >= self.max_queue:
                    raise HttpError(503, f"too many queries at once ({self.size} running, {self.waiting} "
                                         f"waiting); try again shortly", retry)
                self.waiting += 1
                try:
                    while not self._idle and not self.closed:
                        left = deadline - time.monotonic()
                        if left <= 0:
                            raise HttpError(503, "no query worker became free in time; try again shortly",
                                            retry)
                        self._lock.wait(left)
                finally:
                    self.waiting -= 1
                if self.closed:
                    raise HttpError(503, "the server is shutting down", retry)
            self.busy += 1
            return self._idle.pop()

    def release(self, worker: _Worker, healthy: bool) -> None:
        """Give a worker back; an unhealthy one (killed, overran, client gone) is reaped and replaced."""
        if not healthy:
            worker.kill()
        with self._lock:
            self.busy -= 1
            if healthy and not self.closed:
                self._idle.append(worker)
            else:
                self._all.discard(worker)
                if not self.closed:
                    fresh = _Worker(self._kg, self._max_rows)
                    self._all.add(fresh)
                    self._idle.append(fresh)
                    self.replaced += 1
            self._lock.notify()

    def close(self) -> None:
        """Stop every worker: close the pipes (idle workers exit), kill what is still running; reap all."""
        with self._lock:
            self.closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._lock.notify_all()
        for w in workers:
            w.conn.close()
        for w in workers:
            if not w.reap(timeout=1.0):
                w.kill()

    def stats(self) -> dict:
        with self._lock:
            return {"workers": len(self._all), "busy": self.busy, "waiting": self.waiting,
                    "replaced": self.replaced}


def _wait_answer(worker: _Worker, request: dict, deadline: float, client: socket.socket | None):
    """Send a request to a worker and wait for its answer, the deadline, or the client hanging up.

    Returns ``(answer, healthy)``; ``answer`` is ``None`` when the client went away.
    """
    try:
        worker.conn.send(request)
    except OSError:
        return (500, [], b"the query worker was not running; try again"), False
    watch = client is not None
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Overran()
        fds = [worker.conn.fileno()] + ([client.fileno()] if watch else [])
        try:
            ready, _, _ = select.select(fds, [], [], min(left, 1.0))
        except (OSError, ValueError):  # the client's socket was closed under us
            return None, False
        if worker.conn.fileno() in ready:
            try:
                return worker.conn.recv(), True
            except (EOFError, OSError):
                return (500, [], b"the query worker died while running the query"), False
        if watch and client.fileno() in ready:
            try:
                peek = client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
            except BlockingIOError:
                continue
            except OSError:
                return None, False
            if not peek:  # orderly shutdown by the client: nobody will read the answer
                return None, False
            watch = False  # pipelined bytes: not our business here


class _Overran(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------
# Server side: HTTP, limits, routing.
# ---------------------------------------------------------------------------------------------------------

_PAGE_SCRIPT = r"""
const $ = (id) => document.getElementById(id);
function show(message) { const out = $('out'); out.replaceChildren(); const p = document.createElement('pre');
  p.textContent = message; out.append(p); }
function table(data) {
  const out = $('out'); out.replaceChildren();
  if ('boolean' in data) { show(data.boolean ? 'true' : 'false'); return; }
  const t = document.createElement('table'); const head = t.insertRow();
  for (const v of data.head.vars) { const th = document.createElement('th'); th.textContent = v; head.append(th); }
  for (const b of data.results.bindings) { const r = t.insertRow();
    for (const v of data.head.vars) { r.insertCell().textContent = b[v] ? b[v].value : ''; } }
  const n = document.createElement('p'); n.textContent = data.results.bindings.length + ' row(s)';
  out.append(t, n);
}
async function answer(resp) {
  const type = resp.headers.get('Content-Type') || '';
  if (!resp.ok) { show(resp.status + ' ' + (await resp.text())); return; }
  if (type.includes('json')) { table(await resp.json()); } else { show(await resp.text()); }
}
async function run(ev) {
  ev.preventDefault();
  const name = $('named').value;
  const accept = 'application/sparql-results+json, text/turtle;q=0.9';
  if (name) {
    const params = new URLSearchParams();
    for (const input of $('params').querySelectorAll('input')) { if (input.value) params.set(input.name, input.value); }
    await answer(await fetch('queries/' + encodeURIComponent(name) + '?' + params, {headers: {Accept: accept}}));
  } else {
    const body = new URLSearchParams({query: $('query').value});
    await answer(await fetch('sparql', {method: 'POST', body, headers: {Accept: accept}}));
  }
}
let library = [];
function pick() {
  const q = library.find((x) => x.name === $('named').value); const box = $('params'); box.replaceChildren();
  $('query').disabled = Boolean(q);
  if (!q) return;
  const d = document.createElement('p'); d.textContent = q.description; box.append(d);
  for (const p of q.parameters) {
    const label = document.createElement('label'); label.textContent = p.name + (p.required ? ' ' : ' (optional) ');
    const input = document.createElement('input'); input.name = p.name; input.placeholder = p.example || p.type;
    label.append(input); box.append(label);
  }
}
async function init() {
  $('form').addEventListener('submit', run); $('named').addEventListener('change', pick);
  library = await (await fetch('queries')).json();
  for (const q of library) { const o = document.createElement('option'); o.value = q.name;
    o.textContent = q.name + ' \u2014 ' + q.title; $('named').append(o); }
}
init();
"""

_PAGE_STYLE = ("body{font:15px system-ui,sans-serif;margin:2em;max-width:70em}textarea{width:100%;height:10em;"
               "font:13px monospace}table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;"
               "padding:2px 6px;text-align:left;font-size:13px}label{display:block;margin:.3em 0}")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>nevkg SPARQL endpoint</title>
<style>{_PAGE_STYLE}</style></head>
<body><h1>nevkg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>sparql</code>; named queries at <code>queries</code>; prefixes such as
<code>nev:</code> and <code>nevid:</code> are predeclared.</p>
<form id="form">
<label>Named query <select id="named"><option value="">(write SPARQL below)</option></select></label>
<div id="params"></div>
<textarea id="query" name="query" spellcheck="false">SELECT ?org ?label WHERE {{
  ?org a nev:Automaker ; rdfs:label ?label .
}} ORDER BY ?label LIMIT 20</textarea>
<p><button type="submit">Run</button></p>
</form>
<div id="out"></div>
<script>{_PAGE_SCRIPT}</script>
</body></html>
"""

PAGE_CSP = (f"default-src 'none'; script-src {_csp_hash(_PAGE_SCRIPT)}; style-src {_csp_hash(_PAGE_STYLE)}; "
            f"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d+)?(\[[0-9A-Fa-f:.]+\](:\d+)?)?/[A-Za-z0-9._~/\-]*$")


def _service_description(endpoint: str, graph_names: list[str]) -> bytes:
    """SPARQL 1.1 Service Description in Turtle."""
    named = "".join(f"    sd:namedGraph [ a sd:NamedGraph ; sd:name <{g}> ] ;\n" for g in graph_names
                    if _IRI.match(g))
    formats = ", ".join(f"fmt:{f}" for f in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                                             "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}#service> a sd:Service ;
  rdfs:label "nevkg SPARQL endpoint (read-only)" ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat {formats} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [ a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ; rdfs:comment "the union of all named graphs" ] ;
{named}  ] .
""".encode()


class SparqlApp:
    """The WSGI application; see :func:`create_app`. Call :meth:`close` to stop its workers."""

    def __init__(self, kg: Any, limits: Limits) -> None:
        from nevkg.queries.library import list_queries

        self.kg, self.limits = kg, limits
        self.store = str(kg.spec)
        self.graph_names = [str(g) for g in kg.graph_names()]
        self.triples = _count(kg)
        _warm_up()  # imported and built once here, shared by every forked worker
        self.queries = [q.as_dict() for q in list_queries()]
        self._query_names = {q["name"] for q in self.queries}
        self._queries_json = json.dumps(self.queries, ensure_ascii=False, indent=1).encode()
        self.pool = WorkerPool(kg, limits.max_concurrent, limits.max_queue, limits.max_rows)

    def close(self) -> None:
        self.pool.close()

    # -- WSGI --------------------------------------------------------------------------------------------
    def __call__(self, environ: dict, start_response: Callable) -> list[bytes]:
        try:
            status, headers, body = self._route(environ)
        except HttpError as exc:
            status, headers, body = self._error(environ, exc)
        headers = list(headers) + [("X-Content-Type-Options", "nosniff")] + self._cors(environ)
        if not any(k.lower() == "content-length" for k, _ in headers):
            headers.append(("Content-Length", str(len(body))))
        environ.setdefault("nevkg.state", {})["status"] = status
        start_response(f"{status} {_phrase(status)}", headers)
        return [body] if environ.get("REQUEST_METHOD") != "HEAD" else [b""]

    def _error(self, environ: dict, exc: HttpError):
        if environ.get("PATH_INFO", "").startswith(("/queries", "/health")):
            body = json.dumps({"error": exc.message, "status": exc.status}, ensure_ascii=False).encode()
            return exc.status, [("Content-Type", "application/json")] + exc.headers, body
        return exc.status, [("Content-Type", "text/plain; charset=utf-8")] + exc.headers, \
            (exc.message + "\n").encode()

    def _cors(self, environ: dict) -> list[tuple[str, str]]:
        origin = environ.get("HTTP_ORIGIN")
        if not origin or not self.limits.cors:
            return []
        if "*" in self.limits.cors:
            return [("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", "Retry-After")]
        if origin in self.limits.cors:
            return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin"),
                    ("Access-Control-Expose-Headers", "Retry-After")]
        return []

    def _route(self, environ: dict):
        path = environ.get("PATH_INFO") or "/"
        method = environ.get("REQUEST_METHOD", "GET")
        if len(path) + len(environ.get("QUERY_STRING", "")) > self.limits.max_url:
            raise HttpError(414, f"the request URL is longer than {self.limits.max_url} characters; "
                                 f"POST the query instead")
        if method == "OPTIONS":
            return 204, [("Allow", "GET, POST, OPTIONS"), ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                         ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                         ("Access-Control-Max-Age", "600")], b""
        if path in ENDPOINT_PATHS:
            return self._endpoint(environ, method)
        if method not in ("GET", "HEAD"):
            raise HttpError(405, f"{path} answers GET only", [("Allow", "GET, HEAD")])
        if path == "/":
            return 200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", PAGE_CSP),
                         ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY")], _PAGE.encode()
        if path == "/health":
            body = {"ok": True, "store": self.store, "triples": self.triples, **self.pool.stats()}
            return 200, [("Content-Type", "application/json"), ("Cache-Control", "no-store")], \
                json.dumps(body).encode()
        if path in ("/queries", "/queries/"):
            return 200, [("Content-Type", "application/json")], self._queries_json
        if path.startswith("/queries/"):
            return self._named(environ, path[len("/queries/"):])
        raise HttpError(404, f"nothing at {path}; try /sparql, /queries, /health or /")

    # -- the protocol ------------------------------------------------------------------------------------
    def _endpoint(self, environ: dict, method: str):
        url_params = _parse_params(environ.get("QUERY_STRING", ""))
        if method in ("GET", "HEAD"):
            params = url_params
            if "update" in params:
                raise HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
            if not params.get("query"):
                if any(k in params for k in ("default-graph-uri", "named-graph-uri")):
                    raise HttpError(400, "a query request needs a 'query' parameter")
                endpoint = self._endpoint_url(environ)
                return 200, [("Content-Type", "text/turtle; charset=utf-8")], \
                    _service_description(endpoint, self.graph_names)
            text = _single(params, "query")
        elif method == "POST":
            media, charset = _content_type(environ)
            if media == "application/sparql-update" or "update" in url_params:
                raise HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
            if media == "application/x-www-form-urlencoded":
                body = _read_body(environ, self.limits.max_body)
                try:
                    form = _parse_params(body.decode("ascii"))
                except UnicodeDecodeError:
                    raise HttpError(400, "a form body must be percent-encoded ASCII") from None
                if "update" in form:
                    raise HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
                params = {k: url_params.get(k, []) + form.get(k, []) for k in set(url_params) | set(form)}
                text = _single(params, "query")
            elif media == "application/sparql-query":
                if charset not in (None, "utf-8", "utf8"):
                    raise HttpError(400, f"the query must be sent as UTF-8, not {charset}")
                if "query" in url_params:
                    raise HttpError(400, "give the query either in the body or as 'query', not both")
                body = _read_body(environ, self.limits.max_body)
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise HttpError(400, "the query is not valid UTF-8") from None
                params = url_params
            else:
                raise HttpError(415, "POST a query as application/x-www-form-urlencoded (query=…) or as "
                                     "application/sparql-query" + (f", not {media}" if media else
                                                                   "; the Content-Type header is missing"))
        else:
            raise HttpError(405, f"the SPARQL endpoint answers GET and POST, not {method}",
                            [("Allow", "GET, POST, OPTIONS")])
        default, named = _dataset_param(params, "default-graph-uri"), _dataset_param(params, "named-graph-uri")
        request = {"op": "sparql", "text": text, "accept": environ.get("HTTP_ACCEPT"),
                   "base": self._endpoint_url(environ), "default": default, "named": named}
        return self._run(environ, request)

    def _named(self, environ: dict, name: str):
        from nevkg.queries.library import get_query

        try:
            get_query(name)
        except UnknownNameError as exc:
            raise HttpError(404, str(exc)) from None
        params: dict[str, str] = {}
        for key, values in _parse_params(environ.get("QUERY_STRING", "")).items():
            if len(values) > 1:
                raise HttpError(400, f"parameter {key} is given {len(values)} times; give it once")
            params[key] = values[0]
        request = {"op": "named", "name": name, "params": params, "accept": environ.get("HTTP_ACCEPT"),
                   "base": self._endpoint_url(environ)}
        return self._run(environ, request)

    def _run(self, environ: dict, request: dict):
        deadline = time.monotonic() + self.limits.timeout
        worker = self.pool.acquire(deadline)
        healthy = False
        try:
            answer, healthy = _wait_answer(worker, request, deadline, environ.get("nevkg.socket"))
        except _Overran:
            raise HttpError(504, f"the query ran past the time limit of {self.limits.timeout:g} s and was "
                                 f"stopped; narrow it (LIMIT, more specific patterns)") from None
        finally:
            self.pool.release(worker, healthy)
        if answer is None:
            raise HttpError(499, "the client closed the connection; the query was stopped")
        status, headers, body = answer
        if status != 200:
            raise HttpError(status, body.decode("utf-8", "replace"), headers)
        return 200, list(headers) + [("Vary", "Accept"), ("Cache-Control", "no-store")], body

    def _endpoint_url(self, environ: dict) -> str:
        from wsgiref.util import request_uri

        url = request_uri(environ, include_query=False)
        return url if _SAFE_URL.match(url) else "http://localhost/sparql"


def _phrase(status: int) -> str:
    """The reason phrase; 499 (client closed request, nginx's code) is only ever logged, never seen."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Client Closed Request" if status == 499 else "Error"


def _warm_up() -> None:
    """Import the query machinery and build rdflib's SPARQL grammar in the parent, before forking."""
    import nevkg.queries.results  # noqa: F401

    check_query("ASK { ?s ?p ?o }")
    try:
        from nevkg.graph.validate import ontology_graph

        ontology_graph()  # named-query parameters resolve ontology terms through it
    except Exception:  # only an optimisation
        pass


def _count(kg: Any) -> int:
    if kg.spec.kind == "oxigraph":
        return len(kg.dataset.store._inner)
    return len(kg)


def _parse_params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict", max_num_fields=1000)
    except UnicodeDecodeError:
        raise HttpError(400, "a parameter is not valid percent-encoded UTF-8") from None
    except ValueError as exc:
        raise HttpError(400, f"malformed parameters: {exc}") from None


def _single(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key) or []
    if len(values) != 1:
        raise HttpError(400, f"give exactly one '{key}' parameter, not {len(values)}")
    if not values[0].strip():
        raise HttpError(400, f"the '{key}' parameter is empty")
    return values[0]


def _dataset_param(params: dict[str, list[str]], key: str) -> list[str] | None:
    values = params.get(key)
    if values is None:
        return None
    for v in values:
        if not _IRI.match(v):
            raise HttpError(400, f"{key} must be an absolute IRI, not {v!r}")
    return values


def _content_type(environ: dict) -> tuple[str | None, str | None]:
    raw = environ.get("CONTENT_TYPE") or ""
    parts = [p.strip() for p in raw.split(";")]
    media = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    return media, charset


def _read_body(environ: dict, limit: int) -> bytes:
    """The request body, refused (413/411) on its declared length before anything is read."""
    raw = environ.get("CONTENT_LENGTH") or ""
    if environ.get("HTTP_TRANSFER_ENCODING"):
        raise HttpError(411, "send the body with a Content-Length (chunked bodies are not accepted)")
    if not raw:
        raise HttpError(411, "a POST needs a Content-Length header")
    try:
        length = int(raw)
    except ValueError:
        raise HttpError(400, "Content-Length is not a number") from None
    if length > limit:
        raise HttpError(413, f"the request body ({length} bytes) is larger than this server's limit of "
                             f"{limit} bytes")
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    if len(body) != length:
        raise HttpError(400, "the request body is shorter than its Content-Length")
    return body


def create_app(kg_or_spec: Any = None, *, timeout: float = 30, max_rows: int = 10_000, max_body: int = 1_000_000,
               max_url: int = 8192, max_concurrent: int = 8, max_queue: int | None = None,
               cors: Iterable[str] = ()) -> SparqlApp:
    """A WSGI application serving a graph read-only over the SPARQL 1.1 Protocol.

    Parameters
    ----------
    kg_or_spec : KnowledgeGraph or str or StoreSpec, optional
        A graph, or the spec of a built store (default: the embedded oxigraph store).
    timeout, max_rows, max_body, max_url, max_concurrent, max_queue, cors
        See :class:`Limits`; ``max_queue`` defaults to eight times ``max_concurrent``.

    Returns
    -------
    SparqlApp
        A WSGI callable; its ``max_concurrent`` worker processes are forked here (before any server
        thread starts). Call ``app.close()`` to stop them.

    Raises
    ------
    StoreError
        When the store cannot be opened.
    """
    from nevkg.graph.knowledge_graph import KnowledgeGraph, open_graph

    limits = Limits(timeout=float(timeout), max_rows=int(max_rows), max_body=int(max_body), max_url=int(max_url),
                    max_concurrent=int(max_concurrent),
                    max_queue=8 * int(max_concurrent) if max_queue is None else int(max_queue), cors=tuple(cors))
    kg = kg_or_spec if isinstance(kg_or_spec, KnowledgeGraph) else open_graph(kg_or_spec)
    return SparqlApp(kg, limits)


# ---------------------------------------------------------------------------------------------------------
# The bounded threaded server.
# ---------------------------------------------------------------------------------------------------------

_LOG_LOCK = threading.Lock()
_CONTROL = {c: f"\\x{c:02x}" for c in list(range(32)) + [127]}


class _Handler(WSGIRequestHandler):
    """wsgiref's handler with the client socket in the environ, a socket timeout and a timed access log."""

    timeout = 15  # seconds of silence before a slow client is dropped (slowloris)
    server_version = "nevkg"

    def handle(self) -> None:
        self._t0, self._state, self._logged = time.perf_counter(), {}, False
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            pass
        if self._state.get("status") == 499 and not self._logged:  # wsgiref logs nothing for a gone client
            self.log_request(499, 0)

    def get_environ(self) -> dict:
        env = super().get_environ()
        env["nevkg.socket"] = self.connection
        env["nevkg.state"] = self._state  # shared with the app (wsgiref hands it a copy of the environ)
        return env

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        self._logged = True
        ms = (time.perf_counter() - getattr(self, "_t0", time.perf_counter())) * 1000
        line = self.requestline if len(self.requestline) <= 300 else self.requestline[:297] + "..."
        self.log_message('"%s" %s %s %.1fms', line.translate(_CONTROL), code, size, ms)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        text = f"{self.address_string()} - - [{self.log_date_time_string()}] {format % args}\n"
        with _LOG_LOCK:
            try:
                sys.stderr.write(text.translate({c: v for c, v in _CONTROL.items() if c != 10}))
                sys.stderr.flush()
            except (OSError, ValueError):
                pass


class _PooledServer(WSGIServer):
    """A WSGI server with a fixed pool of handler threads and a bounded queue of accepted connections."""

    request_queue_size = 128  # listen backlog
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: SparqlApp, threads: int, backlog: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.set_app(app)
        self._connections: queue.Queue = queue.Queue(maxsize=backlog)
        self._threads = [threading.Thread(target=self._serve_connections, name=f"nevkg-http-{i}", daemon=True)
                         for i in range(threads)]
        for t in self._threads:
            t.start()

    def server_bind(self) -> None:  # skip HTTPServer's reverse DNS lookup (getfqdn) at start-up
        import socketserver

        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = host, port
        self.setup_environ()

    def process_request(self, request: socket.socket, client_address: Any) -> None:
        try:
            self._connections.put_nowait((request, client_address))
        except queue.Full:  # every thread busy and the queue full: say so at once, read nothing
            body = b"the server is busy; try again shortly\n"
            try:
                request.settimeout(1)
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain"
                                b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n"
                                + body)
            except OSError:
                pass
            self.shutdown_request(request)

    def _serve_connections(self) -> None:
        while True:
            item = self._connections.get()
            if item is None:
                return
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        for _ in self._threads:
            try:
                self._connections.put(None, timeout=1)
            except queue.Full:
                break
        for t in self._threads:
            t.join(timeout=2)
        self.get_app().close()


def make_server(app: SparqlApp, host: str = "127.0.0.1", port: int = 7878) -> _PooledServer:
    """A bounded threaded WSGI server for ``app`` (not started; call ``serve_forever()``).

    ``max_concurrent + max_queue + 4`` handler threads (the spare ones answer /health and the page while
    every worker is busy); accepted connections beyond that wait in a queue of the same size, and one more
    is answered 503 at once.
    """
    threads = app.limits.max_concurrent + app.limits.max_queue + 4
    return _PooledServer((host, port), app, threads=threads, backlog=threads)


def serve(spec: Any = None, host: str = "127.0.0.1", port: int = 7878, **limits: Any) -> None:
    """Serve a built store until interrupted (Ctrl-C or SIGTERM); the access log goes to stderr.

    Parameters
    ----------
    spec : str or StoreSpec or KnowledgeGraph, optional
        The store (default: the embedded oxigraph store).
    host : str
        Address to bind; 127.0.0.1 unless told otherwise.
    port : int
        Port; 0 picks a free one (the line on stderr says which).
    **limits
        ``timeout``, ``max_rows``, ``max_body``, ``max_url``, ``max_concurrent``, ``max_queue``, ``cors``
        (see :func:`create_app`).
    """
    app = create_app(spec, **limits)
    try:
        server = make_server(app, host, port)
    except OSError:
        app.close()
        raise
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"nevkg: serving {app.store} ({app.triples} triples) at http://{shown}:{bound_port}/sparql "
          f"(query page http://{shown}:{bound_port}/); Ctrl-C stops", file=sys.stderr, flush=True)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        print("nevkg: stopped", file=sys.stderr, flush=True)


def call(app: SparqlApp, method: str, target: str, body: bytes = b"", headers: dict | None = None):
    """Call the WSGI app in-process (for doctests and quick checks): ``(status, headers, body)``."""
    path, _, qs = target.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": qs, "SERVER_NAME": "localhost",
               "SERVER_PORT": "80", "HTTP_HOST": "localhost", "wsgi.url_scheme": "http",
               "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body)) if body else ""}
    for k, v in (headers or {}).items():
        key = k.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = v
    out: dict = {}

    def start_response(status: str, hdrs: list) -> None:
        out["status"], out["headers"] = status, dict(hdrs)

    chunks = app(environ, start_response)
    return out["status"], out["headers"], b"".join(chunks)

