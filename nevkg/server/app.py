"""The WSGI application: routing, the SPARQL 1.1 Protocol's requests, and each request's limits.

Everything that touches a store runs in a worker (:mod:`nevkg.server.workers`) of the build being served
(:mod:`nevkg.server.builds`); this module decides what may run, for whom (:mod:`nevkg.server.clients`) and
for how long, and turns every refusal into its own status.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from nevkg.errors import UnknownNameError
from nevkg.server.builds import Builds
from nevkg.server.clients import QueryBudget
from nevkg.server.limits import Limits
from nevkg.server.pages import PAGE, PAGE_CSP
from nevkg.server.protocol import (
    ENDPOINT_PATHS,
    SAFE_URL,
    HttpError,
    check_query,
    content_type,
    dataset_param,
    parse_params,
    phrase,
    read_body,
    request_timeout,
    single,
)
from nevkg.server.workers import OverMemory, Overran, Retired, WorkerPool, wait_answer

__all__ = ["SparqlApp", "create_app", "call"]

_EXPOSED = "Retry-After, X-Nevkg-Build"  # response headers a browser page may read (CORS)


class SparqlApp:
    """The WSGI application; see :func:`create_app`. Call :meth:`close` to stop its workers."""

    def __init__(self, kg: Any, limits: Limits) -> None:  # kg: a KnowledgeGraph, or an oxigraph StoreSpec
        from nevkg.queries.library import list_queries

        self.limits = limits
        self.store = str(getattr(kg, "spec", kg))
        _warm_up()  # imported and built once here, shared by every forked worker
        self.queries = [q.as_dict() for q in list_queries()]
        self._queries_json = json.dumps(self.queries, ensure_ascii=False, indent=1).encode()
        self._described: dict = {}
        self.clients = QueryBudget(limits.client_concurrent, limits.client_budget)
        self.builds = Builds(kg, partial(WorkerPool, size=limits.max_concurrent, max_queue=limits.max_queue,
                                         max_rows=limits.max_rows))

    @property
    def triples(self) -> int:
        """Triples in the build being served."""
        return self.builds.current.triples

    def close(self) -> None:
        self.builds.close()

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
        start_response(f"{status} {phrase(status)}", headers)
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
            return [("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", _EXPOSED)]
        if origin in self.limits.cors:
            return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin"),
                    ("Access-Control-Expose-Headers", _EXPOSED)]
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
                         ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY")], PAGE.encode()
        if path == "/health":
            gen = self.builds.current
            body = {"ok": True, "store": self.store, "triples": gen.triples, "build": gen.build,
                    **gen.pool.stats()}
            return 200, [("Content-Type", "application/json"), ("Cache-Control", "no-store")], \
                json.dumps(body).encode()
        if path in ("/queries", "/queries/"):
            return 200, [("Content-Type", "application/json")], self._queries_json
        if path.startswith("/queries/"):
            return self._named(environ, path[len("/queries/"):])
        described = self._describe(environ, path)
        if described is not None:
            return described
        raise HttpError(404, f"nothing at {path}; try /sparql, /queries, /health, /.well-known/void, "
                             f"/.well-known/sparql-examples, /ontology or /")

    # -- self-description (VoID, examples, ontology page) -------------------------------------------------
    def _describe(self, environ: dict, path: str, service: bool = False):
        """The service description (``service``) or a self-description path's answer, cached per build."""
        from nevkg.publish.endpoint import ROUTES, respond, service_description

        key_path = path.rstrip("/") or "/"
        if not service and key_path not in ROUTES:
            return None
        gen = self.builds.current
        endpoint = self._endpoint_url(environ)
        key = (gen.build["id"], "sd" if service else key_path, endpoint, environ.get("HTTP_ACCEPT"))
        if key not in self._described:
            kg = self.builds.describable(gen)
            accept = environ.get("HTTP_ACCEPT")
            self._described[key] = (service_description(kg, endpoint, accept) if service
                                    else respond(key_path, kg, endpoint, accept))
            if len(self._described) > 64:  # old builds and odd Accept headers do not pile up
                self._described.pop(next(iter(self._described)))
        ctype, body = self._described[key]
        return 200, [("Content-Type", ctype), ("Vary", "Accept")], body

    # -- the protocol ------------------------------------------------------------------------------------
    def _endpoint(self, environ: dict, method: str):
        url_params = parse_params(environ.get("QUERY_STRING", ""))
        if method in ("GET", "HEAD"):
            params = url_params
            if "update" in params:
                raise HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
            if not params.get("query"):
                if any(k in params for k in ("default-graph-uri", "named-graph-uri")):
                    raise HttpError(400, "a query request needs a 'query' parameter")
                return self._describe(environ, "/sparql", service=True)
            text = single(params, "query")
        elif method == "POST":
            media, charset = content_type(environ)
            if media == "application/sparql-update" or "update" in url_params:
                raise HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
            if media == "application/x-www-form-urlencoded":
                body = read_body(environ, self.limits.max_body)
                try:
                    form = parse_params(body.decode("ascii"))
                except UnicodeDecodeError:
                    raise HttpError(400, "a form body must be percent-encoded ASCII") from None
                if "update" in form:
                    raise HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
                params = {k: url_params.get(k, []) + form.get(k, []) for k in set(url_params) | set(form)}
                text = single(params, "query")
            elif media == "application/sparql-query":
                if charset not in (None, "utf-8", "utf8"):
                    raise HttpError(400, f"the query must be sent as UTF-8, not {charset}")
                if "query" in url_params:
                    raise HttpError(400, "give the query either in the body or as 'query', not both")
                body = read_body(environ, self.limits.max_body)
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
        default, named = dataset_param(params, "default-graph-uri"), dataset_param(params, "named-graph-uri")
        request = {"op": "sparql", "text": text, "accept": environ.get("HTTP_ACCEPT"),
                   "base": self._endpoint_url(environ), "default": default, "named": named}
        return self._run(environ, request, request_timeout(params, self.limits.timeout))

    def _named(self, environ: dict, name: str):
        from nevkg.queries.library import get_query

        try:
            get_query(name)
        except UnknownNameError as exc:
            raise HttpError(404, str(exc)) from None
        params: dict[str, str] = {}
        given = parse_params(environ.get("QUERY_STRING", ""))
        timeout = request_timeout(given, self.limits.timeout)
        given.pop("timeout", None)  # the request's own limit, not a parameter of the named query
        for key, values in given.items():
            if len(values) > 1:
                raise HttpError(400, f"parameter {key} is given {len(values)} times; give it once")
            params[key] = values[0]
        request = {"op": "named", "name": name, "params": params, "accept": environ.get("HTTP_ACCEPT"),
                   "base": self._endpoint_url(environ)}
        return self._run(environ, request, timeout)

    def _run(self, environ: dict, request: dict, timeout: float):
        """Run a request in a worker of the current build, within the client's share and the limits."""
        started = time.monotonic()
        deadline = started + timeout
        client = environ.get("REMOTE_ADDR") or "-"
        gen = self.builds.current
        gen.pool.refuse_if_full()  # the whole server is busy: say so (503) before the client's share (429)
        self.clients.start(client)
        worker, ran_from = None, started
        try:
            while worker is None:
                gen = self.builds.current  # a build that lands from now on answers the next request
                try:
                    worker = gen.pool.acquire(deadline)
                except Retired:
                    continue
            ran_from, healthy = time.monotonic(), False
            try:
                answer, healthy = wait_answer(worker, request, deadline, environ.get("nevkg.socket"),
                                              self.limits.max_memory << 20)
            except Overran:
                raise HttpError(504, f"the query ran past the time limit of {timeout:g} s and was stopped; "
                                     f"narrow it (LIMIT, more specific patterns)") from None
            except OverMemory as exc:
                raise HttpError(422, f"the query needed more than {self.limits.max_memory} MiB of memory "
                                     f"(--max-memory; it held {exc.args[0] >> 20} MiB) and was stopped; "
                                     f"narrow it (LIMIT, fewer joined patterns, no ORDER BY over all of "
                                     f"them)") from None
            finally:
                gen.pool.release(worker, healthy)
        finally:
            self.clients.end(client, time.monotonic() - ran_from if worker is not None else 0.0)
        if answer is None:
            raise HttpError(499, "the client closed the connection; the query was stopped")
        status, headers, body = answer
        if status != 200:
            raise HttpError(status, body.decode("utf-8", "replace"), headers)
        return 200, list(headers) + [("Vary", "Accept"), ("Cache-Control", "no-store"),
                                     ("X-Nevkg-Build", gen.build["id"])], body

    def _endpoint_url(self, environ: dict) -> str:
        from wsgiref.util import request_uri

        url = request_uri(environ, include_query=False)
        return url if SAFE_URL.match(url) else "http://localhost/sparql"


def _warm_up() -> None:
    """Import the query machinery and build rdflib's SPARQL grammar in the parent, before forking."""
    import nevkg.queries.results  # noqa: F401

    check_query("ASK { ?s ?p ?o }")
    try:
        from nevkg.graph.validate import ontology_graph

        ontology_graph()  # named-query parameters resolve ontology terms through it
    except Exception:  # only an optimisation
        pass


def create_app(kg_or_spec: Any = None, *, max_queue: int | None = None, **limits: Any) -> SparqlApp:
    """A WSGI application serving a graph read-only over the SPARQL 1.1 Protocol.

    Parameters
    ----------
    kg_or_spec : KnowledgeGraph or str or StoreSpec, optional
        A graph, or the spec of a built store (default: the embedded oxigraph store).
    max_queue : int, optional
        Queries that may wait for a worker; default eight times ``max_concurrent``.
    **limits
        Any other attribute of :class:`~nevkg.server.limits.Limits` (``timeout``, ``max_rows``,
        ``max_memory``, ``client_budget``, …); an unknown name raises ``TypeError``.

    Returns
    -------
    SparqlApp
        A WSGI callable; its ``max_concurrent`` worker processes are forked here (before any server
        thread starts). Call ``app.close()`` to stop them. On the oxigraph store it follows builds
        (:mod:`nevkg.server.builds`).

    Raises
    ------
    StoreError
        When the store cannot be opened.
    """
    from nevkg.graph.knowledge_graph import KnowledgeGraph, open_graph
    from nevkg.graph.store import StoreSpec, parse_store_spec

    concurrent = int(limits.get("max_concurrent", Limits.max_concurrent))
    limits = Limits(**{k: v for k, v in limits.items() if v is not None},
                    max_queue=8 * concurrent if max_queue is None else int(max_queue))
    if isinstance(kg_or_spec, KnowledgeGraph):
        return SparqlApp(kg_or_spec, limits)
    spec = kg_or_spec if isinstance(kg_or_spec, StoreSpec) else parse_store_spec(kg_or_spec)
    # the oxigraph store is opened folder by folder as builds land (builds.py); the others are opened here
    return SparqlApp(spec if spec.kind == "oxigraph" else open_graph(spec), limits)


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

