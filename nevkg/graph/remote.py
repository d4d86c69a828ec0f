"""External SPARQL 1.1 servers as the store (``sparql:QUERY_URL[;UPDATE_URL]``).

The graph lives in named graphs on the server; nevkg never relies on the server's default graph (Oxigraph
server's is empty, Virtuoso's holds system triples). Queries name the dataset explicitly through the
protocol: ``default-graph-uri`` is the build's deduplicated union graph (uploaded with it, so a triple stated by
several sources counts once), ``named-graph-uri`` each graph of the build, read from its manifest graph — so
they see nevkg's graphs and nothing else. Parameters are bound in the query text as checked RDF terms
(:mod:`nevkg.graph.binding`); no user text is pasted into a query.

Credentials come from ``$NEVKG_SPARQL_USER`` and ``$NEVKG_SPARQL_PASSWORD`` (HTTP Basic or Digest, as the
server asks), never from the command line; every request has a timeout (``$NEVKG_SPARQL_TIMEOUT``, 60 s).
Servers may cut results silently (Virtuoso stops at ``ResultSetMaxRows``, 10,000 by default): a SELECT that
comes back with exactly ``$NEVKG_SPARQL_ROW_CAP`` rows (10,000) is counted again on the server, and if it has
more rows a :class:`QueryError` says so instead of returning a cut answer.

A build uploads each graph under a staging name, and only when every graph is uploaded (and the graph was
validated) moves them over the live names and writes the manifest; a failure drops the staging graphs and
leaves the previous build as it was.
"""

from __future__ import annotations

import io
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import BNode, Node

from nevkg.errors import QueryError, StoreError
from nevkg.graph.binding import bind_values, selects_distinct, term_n3
from nevkg.graph.knowledge_graph import UNION_GRAPH, KnowledgeGraph
from nevkg.ontology.namespaces import GRAPH, PREFIX_IRIS

__all__ = ["SparqlClient", "RemoteKnowledgeGraph", "bind_values", "META_GRAPH", "upload_build"]

#: the named graph that holds the source records, build activity and (as JSON) the build manifest
META_GRAPH = GRAPH["nevkg-meta"]
_MANIFEST = URIRef("https://w3id.org/nevkg/ontology#buildManifest")
PAGE = 5000
#: the prologue (comments, PREFIX and BASE declarations) before a query's own form
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?i:PREFIX)\s*[\w.-]*:\s*<[^<>\s]*>|(?i:BASE)\s*<[^<>\s]*>)*")


def _dataset_fields(default_graphs, named_graphs) -> list[tuple[str, str]]:
    """The protocol's dataset parameters for a query."""
    return [("default-graph-uri", g) for g in default_graphs] + [("named-graph-uri", g) for g in named_graphs]


def _unique_rows(rows: list[dict]) -> list[dict]:
    """The rows without repeats, first occurrences kept in order."""
    seen, out = set(), []
    for row in rows:
        key = frozenset(row.items())
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


class SparqlClient:
    """A small SPARQL 1.1 Protocol client: form-encoded POSTs, explicit dataset, timeouts, credentials."""

    def __init__(self, query_url: str, update_url: str | None = None, *, timeout: float | None = None) -> None:
        self.query_url, self.update_url = query_url, update_url
        self.timeout = timeout or float(os.environ.get("NEVKG_SPARQL_TIMEOUT", "60"))
        self.row_cap = int(os.environ.get("NEVKG_SPARQL_ROW_CAP", "10000"))
        handlers = []
        user, password = os.environ.get("NEVKG_SPARQL_USER"), os.environ.get("NEVKG_SPARQL_PASSWORD")
        if user:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in filter(None, (query_url, update_url)):
                manager.add_password(None, url, user, password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
        self._opener = urllib.request.build_opener(*handlers)

    def _post(self, url: str, fields: list[tuple[str, str]], accept: str) -> bytes:
        body = urllib.parse.urlencode(fields).encode("utf-8")
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:500].decode("utf-8", errors="replace").strip()
            raise QueryError(f"{url} answered {exc.code} {exc.reason}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {getattr(exc, 'reason', exc)}") from None

    def query(self, sparql: str, *, default_graphs: list[str] = (), named_graphs: list[str] = ()) -> Result:
        """Run a query; SELECT/ASK come back as SPARQL JSON, CONSTRUCT/DESCRIBE as N-Triples."""
        from nevkg.graph.sparql_form import query_type

        kind = query_type(sparql)
        fields = [("query", sparql)] + _dataset_fields(default_graphs, named_graphs)
        if kind in ("SELECT", "ASK"):
            data = self._post(self.query_url, fields, "application/sparql-results+json")
            result = Result.parse(io.BytesIO(data), format="json")
            if kind == "SELECT" and len(result.bindings) == self.row_cap:
                self._check_not_cut(sparql, len(result.bindings), default_graphs, named_graphs)
            if kind == "SELECT" and selects_distinct(sparql):
                # Virtuoso 7.2 can return equal rows twice under SELECT DISTINCT (seen with long literals
                # reached through several graphs): keep the first of each, in order
                result.bindings = _unique_rows(result.bindings)
            return result
        data = self._post(self.query_url, fields, "application/n-triples")
        result = Result(kind)
        result.graph = Graph().parse(data=data.decode("utf-8"), format="nt")
        return result

    def _check_not_cut(self, sparql: str, rows: int, default_graphs, named_graphs) -> None:
        """Count the query's solutions on the server; raise if the server returned fewer than there are."""
        prologue = _PROLOGUE.match(sparql).group(0)
        counting = f"{prologue}SELECT (COUNT(*) AS ?nevkgRows) WHERE {{ {{ {sparql[len(prologue):]} \n}} }}"
        fields = [("query", counting)] + _dataset_fields(default_graphs, named_graphs)
        data = json.loads(self._post(self.query_url, fields, "application/sparql-results+json"))
        total = int(data["results"]["bindings"][0]["nevkgRows"]["value"])
        if total > rows:
            raise QueryError(
                f"the server returned {rows:,} of the query's {total:,} rows (its result cap): the answer would be "
                "cut. Page with LIMIT/OFFSET and ORDER BY, or raise the server's cap (Virtuoso: ResultSetMaxRows "
                "in the [SPARQL] section) and set NEVKG_SPARQL_ROW_CAP to it")

    def update(self, text: str) -> None:
        """Run a SPARQL update (build only)."""
        if not self.update_url:
            raise StoreError("this store has no update URL; write the spec as sparql:QUERY_URL;UPDATE_URL")
        self._post(self.update_url, [("update", text)], "*/*")


def _prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIX_IRIS.items())


class RemoteKnowledgeGraph(KnowledgeGraph):
    """The KnowledgeGraph API over an external SPARQL server (see the module docstring).

    Queries and quads go over HTTP; everything built on them (the union graph, counts, record origins, the
    networkx projection) is inherited.
    """

    def __init__(self, client: SparqlClient, spec, manifest: dict) -> None:
        super().__init__(None, spec, manifest)
        self.client = client
        self.graphs: list[str] = manifest.get("graph_names", [])
        #: the default graph of queries: the build's deduplicated union (older builds: all its graphs)
        self.default: list[str] = [manifest["union_graph"]] if manifest.get("union_graph") else self.graphs

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
        # the project's prefixes first; a query's own PREFIX lines, later, take precedence
        text = _prefixes() + bind_values(sparql, bindings)
        return self.client.query(text, default_graphs=self.default, named_graphs=self.graphs)

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g) for g in self.graphs if g != str(META_GRAPH))

    def quads(self, pattern: tuple = (None, None, None, None)) -> Iterator[tuple]:
        """Every quad, page by page (servers such as Virtuoso cap result sizes silently)."""
        s, p, o, g = pattern
        for graph in self.graphs:
            if g is not None and str(g) != graph and not (g == DATASET_DEFAULT_GRAPH_ID and graph == str(META_GRAPH)):
                continue
            target = DATASET_DEFAULT_GRAPH_ID if graph == str(META_GRAPH) else URIRef(graph)
            offset = 0
            while True:
                page = self.client.query(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o "
                    f"LIMIT {PAGE} OFFSET {offset}")
                rows = list(page)
                for row in rows:
                    if row[1] == _MANIFEST:  # bookkeeping of the remote store, not part of the graph
                        continue
                    if (s is None or row[0] == s) and (p is None or row[1] == p) and (o is None or row[2] == o):
                        yield row[0], row[1], row[2], target
                if len(rows) < PAGE:
                    break
                offset += PAGE

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""


def open_remote(spec) -> RemoteKnowledgeGraph:
    """Open the graph a build left on a SPARQL server (its manifest graph says which graphs are nevkg's)."""
    client = SparqlClient(spec.query_url, spec.update_url)
    result = client.query(f"SELECT ?m WHERE {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{_MANIFEST}> ?m }} }}")
    rows = list(result)
    if not rows:
        raise StoreError(f"no nevkg graph has been built on {spec.query_url}; run 'nevkg build --store {spec}'")
    return RemoteKnowledgeGraph(client, spec, json.loads(str(rows[0][0])))


def _insert_batches(graph: str, triples: list[tuple]) -> Iterator[str]:
    for i in range(0, len(triples), 1000):
        body = " .\n".join(" ".join(_term_text(t) for t in triple) for triple in triples[i:i + 1000])
        yield f"INSERT DATA {{ GRAPH <{graph}> {{\n{body} .\n}} }}"


def _term_text(term: Node) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    return term_n3(term)


def upload_build(spec, quads: list[tuple], manifest: dict, build_id: str) -> None:
    """Upload a validated build: staging graphs first, then move them over the live ones, manifest last."""
    client = SparqlClient(spec.query_url, spec.update_url)
    by_graph: dict[str, list[tuple]] = {}
    for s, p, o, g in quads:
        name = str(META_GRAPH) if g == DATASET_DEFAULT_GRAPH_ID else str(g)
        by_graph.setdefault(name, []).append((s, p, o))
    # each distinct triple once, the default graph of queries (a server's merge of several graphs may repeat it)
    by_graph[str(UNION_GRAPH)] = list(dict.fromkeys((s, p, o) for s, p, o, _ in quads))
    staging = {g: f"{g}#staging-{build_id}" for g in by_graph}
    try:
        for g, triples in by_graph.items():
            client.update(f"DROP SILENT GRAPH <{staging[g]}>")
            for update in _insert_batches(staging[g], triples):
                client.update(update)
    except Exception:
        for g in staging.values():
            try:
                client.update(f"DROP SILENT GRAPH <{g}>")
            except Exception:  # best effort: the staging graphs are never read
                pass
        raise
    try:
        previous = open_remote(spec).graphs
    except StoreError:
        previous = []
    # the metadata graph last: until its manifest is written, the previous build's graph list stays valid
    for g in sorted(by_graph, key=lambda name: name == str(META_GRAPH)):
        client.update(f"MOVE SILENT <{staging[g]}> TO <{g}>")
    for g in set(previous) - set(by_graph):
        client.update(f"DROP SILENT GRAPH <{g}>")
    manifest = {**manifest, "graph_names": sorted(g for g in by_graph if g != str(UNION_GRAPH)),
                "union_graph": str(UNION_GRAPH)}
    client.update(f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{_MANIFEST}> "
                  f"{Literal(json.dumps(manifest, ensure_ascii=False)).n3()} }} }}")
