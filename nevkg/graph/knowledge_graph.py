"""``KnowledgeGraph``: the built graph over a store, queried as the union of its named graphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import Node

from nevkg.errors import QueryError, StoreError
from nevkg.graph.store import StoreSpec, current_store_dir, parse_store_spec, read_manifest
from nevkg.ontology.namespaces import GRAPH, PREFIX_IRIS, PREFIXES

__all__ = ["KnowledgeGraph", "open_graph", "new_dataset", "names_dataset", "plain"]

Quad = tuple[Node, Node, Node, Node]


def _offline() -> None:
    """rdflib fetches the graphs a query names in FROM; nothing may reach the network at run time."""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


_offline()


#: on the oxigraph store, every distinct triple of the in-memory part of the build (curated records, RDF files,
#: the ontology, metadata) once: the default graph of queries, so a triple stated by several sources counts once
#: (oxigraph's own union default graph repeats it per graph). Streamed table graphs join it as default graphs.
UNION_GRAPH = GRAPH["nevkg-union"]


def plain(term: Node) -> Node:
    """``"x"^^xsd:string`` → ``"x"``: rdflib's form of a simple literal (oxigraph returns the explicit one).

    >>> plain(Literal("x", datatype=XSD.string)) == Literal("x")
    True
    """
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


_FROM = re.compile(r"\bFROM\b", re.IGNORECASE)


def names_dataset(sparql: str) -> bool:
    """Whether a query names its own dataset (``FROM`` / ``FROM NAMED``), which then replaces the union.

    A cheap look for the keyword first; only a query that has it is parsed to be sure (the word may sit
    in a string or an IRI).

    >>> names_dataset("SELECT * FROM <https://w3id.org/nevkg/graph/ontology> WHERE { ?s ?p ?o }")
    True
    >>> names_dataset('SELECT * WHERE { ?s ?p "FROM <x>" } # FROM')
    False
    """
    from nevkg.graph.binding import strip_comments

    if not _FROM.search(strip_comments(sparql)):
        return False
    from rdflib.plugins.sparql import prepareQuery

    try:
        return bool(prepareQuery(sparql, initNs=PREFIX_IRIS).algebra.get("datasetClause"))
    except Exception:  # a query rdflib cannot parse: let oxigraph answer (or explain) it as it is
        return True


def new_dataset(store: Any = "default") -> Dataset:
    """An rdflib Dataset whose default graph, for queries, is the union of all graphs; prefixes bound."""
    ds = Dataset(store=store, default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    return ds


class KnowledgeGraph:
    """The knowledge graph over one store.

    Use :func:`open_graph` to open a built store, or :func:`nevkg.graph.build.build` to make one.

    Parameters
    ----------
    dataset : rdflib.Dataset
        The dataset (``default_union=True``).
    spec : StoreSpec
        Where it lives.
    manifest : dict, optional
        The build manifest: counts, record origins (IRI → ``file:line#id``), data fingerprint.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory")
    >>> row = next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    >>> int(row.n) > 100
    True
    """

    def __init__(self, dataset: Dataset, spec: StoreSpec, manifest: dict | None = None) -> None:
        self.dataset = dataset
        self.spec = spec
        self.manifest = manifest or {}
        #: the store folder (embedded oxigraph store only), holding the build's columnar copy
        self.store_dir: Path | None = None

    # -- reading -----------------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None):
        """Run a SPARQL query (a string) over the union of all graphs.

        Parameters
        ----------
        sparql : str
            The query text; the project's prefixes (``nev:``, ``nevid:``, ``prov:`` …) are predeclared.
        bindings : mapping of str to rdflib term, optional
            Values for variables, bound as RDF terms (never pasted into the text). With the oxigraph
            store a bound variable must appear in the SELECT projection.

        Returns
        -------
        rdflib.query.Result

        Raises
        ------
        QueryError
            When the query is malformed or fails.
        """
        if not isinstance(sparql, str):
            raise QueryError("pass the query as a string: pre-parsed queries make rdflib run its own slow engine")
        try:
            if self.default_graphs() is not None:
                result = self._query_oxigraph(sparql, bindings)
            else:
                result = self.dataset.query(sparql, initNs=PREFIX_IRIS, initBindings=dict(bindings or {}))
            if result.type == "SELECT":  # materialise so errors surface here, not while iterating later
                result.bindings = [{k: plain(v) for k, v in row.items()} for row in result.bindings]
            elif result.type in ("CONSTRUCT", "DESCRIBE") and result.graph is not None:
                graph = Graph()
                graph += ((s, p, plain(o)) for s, p, o in result.graph)
                result.graph = graph
            return result
        except QueryError:
            raise
        except Exception as exc:  # rdflib/pyparsing/oxigraph raise assorted types for bad queries
            raise QueryError(f"query failed: {exc}") from exc

    def default_graphs(self) -> list[str] | None:
        """The graphs queries read as their default graph, when the store keeps a deduplicated union.

        ``None`` for stores that need none (rdflib's union already holds each triple once) and for stores
        built before the union graph existed (they fall back to oxigraph's union default graph).
        """
        union = self.manifest.get("union_graph")
        if union is None or self.spec is None or self.spec.kind != "oxigraph":
            return None
        return [union] + list(self.manifest.get("table_graphs", []))

    def oxigraph_dataset(self) -> dict:
        """Keyword arguments for ``pyoxigraph.Store.query``: the dataset a query without FROM reads.

        The deduplicated union (and the tables) as the default graph and every other graph as named graphs;
        oxigraph's own union default graph for stores built before the union graph existed. Read once.
        """
        if not hasattr(self, "_ox_dataset"):
            import pyoxigraph as ox

            if self.default_graphs() is None:
                self._ox_dataset = {"use_default_graph_as_union": True}
            else:
                named = [g for g in self.dataset.store._inner.named_graphs() if g.value != str(UNION_GRAPH)]
                self._ox_dataset = {"default_graph": [ox.NamedNode(g) for g in self.default_graphs()],
                                    "named_graphs": named}
        return self._ox_dataset

    def _query_oxigraph(self, sparql: str, bindings: Mapping[str, Node] | None):
        """Run on pyoxigraph with the deduplicated union (and the tables) as the default graph."""
        import pyoxigraph as ox
        from oxrdflib._converter import from_ox, to_ox
        from rdflib import Variable
        from rdflib.query import Result

        store = self.dataset.store._inner
        dataset = {} if names_dataset(sparql) else self.oxigraph_dataset()  # FROM / FROM NAMED: the query's own
        answer = store.query(sparql, prefixes=PREFIX_IRIS, **dataset,
                             substitutions={ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()})
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            result = Result("SELECT")
            result.vars = [Variable(v.value) for v in answer.variables]
            result.bindings = [{var: from_ox(term) for var, term in zip(result.vars, row, strict=True)
                                if term is not None} for row in answer]
        else:
            result = Result("CONSTRUCT")
            result.graph = Graph()
            result.graph += (from_ox(t) for t in answer)
        return result

    def quads(self, pattern: tuple = (None, None, None, None)) -> Iterator[Quad]:
        """Every quad matching ``(s, p, o, g)``; ``g`` is the named graph (default graph metadata included)."""
        s, p, o, g = pattern
        for qs, qp, qo, qg in self.dataset.quads((s, p, o, g)):
            if qg == UNION_GRAPH:  # a query aid, not part of the graph
                continue
            yield qs, qp, plain(qo), (qg if qg is not None else DATASET_DEFAULT_GRAPH_ID)

    def graph_names(self) -> list[URIRef]:
        """The named graphs, sorted (one per source)."""
        skip = (DATASET_DEFAULT_GRAPH_ID, UNION_GRAPH)
        return sorted(c.identifier for c in self.dataset.graphs()
                      if isinstance(c.identifier, URIRef) and c.identifier not in skip)

    def union_graph(self) -> Graph:
        """A new in-memory graph holding the union of all triples (for validation and projection)."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        g += ((s, p, o) for s, p, o, _ in self.quads())
        return g

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())

    def origin(self, iri: str) -> str | None:
        """Where a node's record is curated (``file:line#id``), if known."""
        return self.manifest.get("origins", {}).get(str(iri))

    def to_networkx(self, *, collapse_facts: bool = False, include_sources: bool = False):
        """Project the graph onto networkx (see :func:`nevkg.graph.project.to_networkx`)."""
        from nevkg.graph.project import to_networkx

        return to_networkx(self, collapse_facts=collapse_facts, include_sources=include_sources)

    # -- lifecycle ---------------------------------------------------------------------------------------
    def close(self) -> None:
        """Release the store (its lock, for oxigraph) and the lease on its folder."""
        try:
            self.dataset.close()
        except Exception:  # closing a memory store or an already closed one is harmless
            pass
        lease = getattr(self, "_lease", None)
        if lease is not None:
            lease.release()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_oxigraph(store_dir: Path, *, read_only: bool = True) -> Dataset:
    import pyoxigraph
    from oxrdflib import OxigraphStore

    try:
        inner = pyoxigraph.Store.read_only(str(store_dir)) if read_only else pyoxigraph.Store(str(store_dir))
    except OSError as exc:
        raise StoreError(f"{store_dir}: cannot open the oxigraph store ({exc})") from exc
    return new_dataset(OxigraphStore(store=inner))


def open_graph(spec: str | StoreSpec | None = None, *, build_if_missing: bool = False) -> KnowledgeGraph:
    """Open a built graph without reloading anything.

    Parameters
    ----------
    spec : str or StoreSpec, optional
        Store spec; default the embedded oxigraph store in ``$NEVKG_HOME`` or ``./.nevkg``. ``memory``
        builds the shipped records in memory (there is nothing to reopen).
    build_if_missing : bool
        Build the shipped records first when the store holds no graph yet.

    Raises
    ------
    StoreError
        When nothing has been built there (and ``build_if_missing`` is false).
    """
    spec = spec if isinstance(spec, StoreSpec) else parse_store_spec(spec)
    if spec.kind == "memory":
        from nevkg.graph.build import build

        return build(spec)
    if spec.kind == "sparql":
        from nevkg.graph.remote import open_remote

        return open_remote(spec)
    if current_store_dir(spec.path) is None:
        if build_if_missing:
            from nevkg.graph.build import build

            build(spec).close()
        else:
            raise StoreError(f"no graph has been built in {spec.path}; run 'nevkg build' (or 'nevkg demo') first")
    from nevkg.graph.store import lease_current

    lease = lease_current(spec.path)  # a build landing meanwhile never removes the folder we read
    try:
        kg = KnowledgeGraph(_open_oxigraph(lease.store_dir), spec, read_manifest(lease.store_dir))
    except BaseException:
        lease.release()
        raise
    kg._lease = lease
    kg.store_dir = lease.store_dir  # what the build wrote beside the store (nevkg.graph.columnar) lives there
    return kg


def iter_chunks(items: Iterable, size: int) -> Iterator[list]:
    """Split an iterable into lists of at most ``size`` items."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
