"""The SPARQL 1.1 Protocol's side of the endpoint: media types, query checks, parameters and bodies.

Nothing here runs a query or touches a socket; :mod:`nevkg.server.app` routes requests through these
helpers and :mod:`nevkg.server.engine` runs what they let through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from nevkg.errors import QueryError

__all__ = ["HttpError", "check_query", "negotiate", "request_timeout", "ENDPOINT_PATHS", "RESULT_TYPES",
           "GRAPH_TYPES"]

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


IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d+)?(\[[0-9A-Fa-f:.]+\](:\d+)?)?/[A-Za-z0-9._~/\-]*$")


class HttpError(Exception):
    """An answer other than 200: status, plain-text message and extra headers."""

    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, list(headers)


_QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                "DescribeQuery": "DESCRIBE"}


@dataclass
class Checked:
    """A query that passed :func:`check_query`."""

    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    query: Any  # rdflib.plugins.sparql.sparql.Query (translated algebra)
    has_dataset: bool  # the query names FROM / FROM NAMED


def check_query(text: str, base: str | None = None) -> Checked:
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
    nevkg.server.protocol.HttpError: SERVICE is refused here: this endpoint never calls other services
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
    return Checked(_QUERY_FORMS[query.algebra.name], query, bool(query.algebra.datasetClause))


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


def phrase(status: int) -> str:
    """The reason phrase; 499 (client closed request, nginx's code) is only ever logged, never seen."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Client Closed Request" if status == 499 else "Error"


def parse_params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict", max_num_fields=1000)
    except UnicodeDecodeError:
        raise HttpError(400, "a parameter is not valid percent-encoded UTF-8") from None
    except ValueError as exc:
        raise HttpError(400, f"malformed parameters: {exc}") from None


def single(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key) or []
    if len(values) != 1:
        raise HttpError(400, f"give exactly one '{key}' parameter, not {len(values)}")
    if not values[0].strip():
        raise HttpError(400, f"the '{key}' parameter is empty")
    return values[0]


def dataset_param(params: dict[str, list[str]], key: str) -> list[str] | None:
    values = params.get(key)
    if values is None:
        return None
    for v in values:
        if not IRI.match(v):
            raise HttpError(400, f"{key} must be an absolute IRI, not {v!r}")
    return values


def content_type(environ: dict) -> tuple[str | None, str | None]:
    raw = environ.get("CONTENT_TYPE") or ""
    parts = [p.strip() for p in raw.split(";")]
    media = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    return media, charset


def read_body(environ: dict, limit: int) -> bytes:
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
    try:
        body = environ["wsgi.input"].read(length) if length > 0 else b""
    except (TimeoutError, ConnectionError) as exc:  # a body declared but not sent in time: 408, no traceback
        seconds = environ.get("nevkg.body_timeout")
        within = f" within {seconds:g} s" if seconds else ""
        raise HttpError(408, f"the request body ({length} bytes declared) did not arrive{within}; send it "
                             f"at once after the headers") from exc
    if len(body) != length:
        raise HttpError(400, "the request body is shorter than its Content-Length")
    return body


def request_timeout(params: dict[str, list[str]], server_timeout: float) -> float:
    """The wall-clock limit of one request: its ``timeout`` parameter (seconds), capped by the server's.

    Examples
    --------
    >>> request_timeout({}, 30.0), request_timeout({"timeout": ["5"]}, 30.0), request_timeout({"timeout": ["90"]}, 30.0)
    (30.0, 5.0, 30.0)
    >>> request_timeout({"timeout": ["soon"]}, 30.0)
    Traceback (most recent call last):
    ...
    nevkg.server.protocol.HttpError: timeout must be a number of seconds above 0, not 'soon'
    """
    values = params.get("timeout")
    if not values:
        return server_timeout
    if len(values) > 1:
        raise HttpError(400, f"give the timeout parameter once, not {len(values)} times")
    try:
        asked = float(values[0])
    except ValueError:
        asked = float("nan")
    if not asked > 0 or asked != asked or asked == float("inf"):
        raise HttpError(400, f"timeout must be a number of seconds above 0, not {values[0]!r}")
    return min(asked, server_timeout)
