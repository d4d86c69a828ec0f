"""The worker side: check, run and serialise one request inside a query worker process.

An :class:`Engine` lives in a forked worker (:mod:`nevkg.server.workers`) and owns that worker's store
handle; nothing here runs in the server process, so a query that never ends or grows without bound can be
stopped by killing its worker.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from nevkg.errors import AmbiguousNameError, ParameterError, QueryError, UnknownNameError
from nevkg.server.protocol import GRAPH_TYPES, RESULT_TYPES, Checked, HttpError, check_query, negotiate

__all__ = ["Engine"]


class Engine:
    """Checks, runs and serialises requests inside one worker process."""

    def __init__(self, kg: Any, max_rows: int) -> None:
        import rdflib.plugins.sparql

        rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> must never fetch anything
        self.kg, self.max_rows = kg, max_rows
        self.kind = kg.spec.kind
        self.ox = kg.dataset.store._inner if self.kind == "oxigraph" else None
        self._cache: OrderedDict[tuple[str, str | None], Checked | HttpError] = OrderedDict()

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

    def _checked(self, text: str, base: str | None) -> Checked:
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

    def _run_oxigraph(self, text: str, checked: Checked, dataset, base: str | None, bindings: dict):
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

    def _run_rdflib(self, checked: Checked, dataset, bindings: dict):
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


