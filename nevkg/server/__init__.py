"""A hardened, read-only SPARQL 1.1 endpoint over the knowledge graph (``nevkg serve``).

:func:`create_app` returns a plain WSGI application (no dependency beyond the standard library, so it can
also be mounted in any WSGI server); :func:`serve` runs it on a bounded, threaded server with an access log
on stderr. Routes:

=================================  =========================================================================
``GET/POST /sparql``               the SPARQL 1.1 Protocol (also ``/sparql/``); ``GET`` without a query
                                   answers the SPARQL 1.1 Service Description (Turtle)
``GET /queries``                   the named queries (JSON, one ``NamedQuery.as_dict()`` each)
``GET /queries/NAME?param=…``      run a named query; parameters bound as RDF terms (``bind_params``)
``GET /health``                    ``{"ok", "store", "triples", "build": {"id", "built", "triples"},
                                   "workers", "busy", "waiting", "replaced"}``
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
* **Builds are followed** (:mod:`~nevkg.server.builds`): when a build lands, all workers move to it
  together between requests; every answer says which build gave it (``X-Nevkg-Build``); the old store
  folder is leased until its last query ends, then removed.
* **Slow and greedy clients** (:mod:`~nevkg.server.httpd`, :mod:`~nevkg.server.clients`): a connection
  holds no thread until its head has arrived (``header_timeout``, 408); a declared body gets
  ``body_timeout`` (408); connections per address and in all are capped (503 at once); a client address
  may have ``client_concurrent`` queries running or waiting and spend ``client_budget`` seconds of query
  time a minute (429 with ``Retry-After``, the Wikidata Query Service's model).
* **Limits answered with a status, never with a cut-off 200:** per-query wall clock ``timeout`` → 504
  (a request's ``timeout`` parameter may ask for less); a worker holding more than ``max_memory`` MiB of
  its own → 422 naming the limit, and the worker is replaced;
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
>>> app.builds.current.build["triples"] > 1000
True
>>> from urllib.parse import quote
>>> target = "/sparql?query=" + quote("ASK { nevid:chery nev:country nevid:china }")
>>> status, headers, body = call(app, "GET", target)
>>> status, headers["Content-Type"], body
('200 OK', 'application/sparql-results+json; charset=utf-8', b'{"head": {}, "boolean": true}')
>>> call(app, "GET", "/sparql?update=CLEAR%20ALL")[0]
'403 Forbidden'
>>> app.close()

Modules: :mod:`~nevkg.server.protocol` (the protocol's parameters, media types and query checks),
:mod:`~nevkg.server.app` (routing and each request's limits), :mod:`~nevkg.server.engine` (running a query in
a worker), :mod:`~nevkg.server.workers` (the worker pool), :mod:`~nevkg.server.builds` (following builds),
:mod:`~nevkg.server.clients` (client accounting), :mod:`~nevkg.server.pages` (query page, service
description), :mod:`~nevkg.server.limits` and :mod:`~nevkg.server.httpd` (the HTTP server).
"""

from __future__ import annotations

from nevkg.server.app import SparqlApp, call, create_app
from nevkg.server.httpd import make_server, serve
from nevkg.server.limits import Limits
from nevkg.server.protocol import HttpError, check_query, negotiate

__all__ = ["Limits", "SparqlApp", "create_app", "make_server", "serve", "call", "HttpError", "check_query",
           "negotiate"]
