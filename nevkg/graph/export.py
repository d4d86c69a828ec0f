"""Exporters: the graph in RDF (ttl, nt, nq, trig, jsonld) and as a network (graphml, gexf, nodelink, csv).

A registry maps each format name to a lazily imported class (DESIGN §7.1, like rdflib's ``plugin.py``); each
exporter has a ``name``, a file ``suffix``, a ``media_type``, whether its output is ``binary`` (not text),
and ``write(kg, out)`` writing to a binary file object (DESIGN §7.2). Format options live in the class
(``collapse_facts`` for the network formats).

* ``ttl`` and ``nt`` hold the union of all graphs (triples); ``nq``, ``trig`` and ``jsonld`` keep every named
  graph (one per source) and the default graph. RDF is written by oxigraph's serializers, sorted so that
  output is stable from build to build; JSON-LD embeds nevkg's own context (``nevkg/ontology/context.jsonld``)
  inline, so reading it never fetches anything.
* ``graphml``, ``gexf``, ``nodelink`` and ``csv`` write the networkx projection
  (:func:`nevkg.graph.project.to_networkx`); ``csv`` is a zip archive holding ``nodes.csv`` and ``edges.csv``.

:func:`export_graph` writes to a path atomically (a temporary file in the same folder, then ``os.replace``),
so a failed export leaves any earlier file untouched, or to standard output with ``-``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, ClassVar

from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.errors import NevkgError, UnknownNameError
from nevkg.ontology.namespaces import PREFIX_IRIS, RDF, XSD
from nevkg.plugins import instantiate

__all__ = ["EXPORTERS", "Exporter", "get_exporter", "export_graph", "format_for_path", "jsonld_context"]

#: format name → "module:Class" (imported only when used)
EXPORTERS: dict[str, str] = {
    "ttl": "nevkg.graph.export:TurtleExporter",
    "nt": "nevkg.graph.export:NTriplesExporter",
    "nq": "nevkg.graph.export:NQuadsExporter",
    "trig": "nevkg.graph.export:TrigExporter",
    "jsonld": "nevkg.graph.export:JsonLdExporter",
    "graphml": "nevkg.graph.export:GraphmlExporter",
    "gexf": "nevkg.graph.export:GexfExporter",
    "nodelink": "nevkg.graph.export:NodeLinkExporter",
    "csv": "nevkg.graph.export:CsvExporter",
}

#: file suffix → format name, for guessing the format from an output path
SUFFIXES: dict[str, str] = {
    ".ttl": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld", ".graphml": "graphml",
    ".gexf": "gexf", ".json": "nodelink", ".zip": "csv",
}


def _choices() -> str:
    return ", ".join(sorted(EXPORTERS))


def get_exporter(name: str, **options: Any) -> Exporter:
    """An instance of the exporter registered under ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`EXPORTERS`.
    **options
        Options of that exporter (``collapse_facts=True`` for the network formats).

    Raises
    ------
    UnknownNameError
        When no exporter has that name; the message lists the valid ones.

    Examples
    --------
    >>> get_exporter("ttl").media_type
    'text/turtle'
    >>> get_exporter("xlsx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    nevkg.errors.UnknownNameError: unknown export format 'xlsx'; choose one of: csv, gexf, graphml, jsonld, ...
    """
    return instantiate(EXPORTERS, name, "export format", **options)


def format_for_path(path: str | Path) -> str:
    """The export format a file name suggests (``graph.trig`` → ``trig``, ``net.zip`` → ``csv``).

    Raises
    ------
    UnknownNameError
        When the suffix belongs to no format.

    Examples
    --------
    >>> format_for_path("out/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        raise UnknownNameError(f"{path}: cannot tell the export format from '{suffix or 'no suffix'}'; give one "
                               f"of: {_choices()}") from None


def export_graph(kg, fmt: str, output: str | Path | IO[bytes] = "-", **options: Any) -> Path | None:
    """Write the graph in one format to a file, to standard output (``-``) or to a binary file object.

    A file is written atomically: to a temporary file in the same folder, moved over the target only when
    complete. Standard output receives the export only once it is complete, too.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to export.
    fmt : str
        A format name (a key of :data:`EXPORTERS`).
    output : str, Path or binary file object
        Where to write; ``"-"`` (the default) is standard output.
    **options
        Options of the exporter (``collapse_facts=True`` for graphml, gexf, nodelink and csv).

    Returns
    -------
    Path or None
        The file written, or ``None`` for standard output and file objects.

    Raises
    ------
    UnknownNameError
        For an unknown format.
    NevkgError
        When the file cannot be written, or a binary format would go to a terminal.

    Examples
    --------
    >>> import io
    >>> from rdflib import Literal
    >>> from nevkg.graph.knowledge_graph import KnowledgeGraph, new_dataset
    >>> from nevkg.graph.store import parse_store_spec
    >>> from nevkg.ontology.namespaces import GRAPH, NEVID, RDFS
    >>> ds = new_dataset()
    >>> g = ds.graph(GRAPH["news-1"])
    >>> g += [(NEVID.chery, RDFS.label, Literal("Chery"))]
    >>> kg = KnowledgeGraph(ds, parse_store_spec("memory"))
    >>> buf = io.BytesIO()
    >>> export_graph(kg, "nt", buf)
    >>> buf.getvalue().decode()
    '<https://w3id.org/nevkg/id/chery> <http://www.w3.org/2000/01/rdf-schema#label> "Chery" .\\n'
    """
    exporter = get_exporter(fmt, **options)
    if hasattr(output, "write"):
        exporter.write(kg, output)  # type: ignore[arg-type]
        return None
    if str(output) == "-":
        stdout = sys.stdout
        if exporter.binary and stdout.isatty():
            raise NevkgError(f"the {fmt} export is a binary file; write it to a file with -o PATH")
        buf = io.BytesIO()
        exporter.write(kg, buf)
        if hasattr(stdout, "buffer"):
            stdout.flush()
            stdout.buffer.write(buf.getvalue())
            stdout.buffer.flush()
        else:  # a text-only stream (some test harnesses)
            stdout.write(buf.getvalue().decode("utf-8", errors="replace"))
        return None
    return _write_atomically(Path(output), lambda out: exporter.write(kg, out))


def _write_atomically(path: Path, write) -> Path:
    """Call ``write(file)`` on a temporary file beside ``path``, then move it over ``path``."""
    folder = path.parent
    if not folder.is_dir():
        raise NevkgError(f"{path}: the folder {folder} does not exist")
    if path.is_dir():
        raise NevkgError(f"{path}: is a folder; give a file name")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise NevkgError(f"{path}: cannot write the export ({exc.strerror or exc})") from exc
        raise
    return path


# -- exporters -------------------------------------------------------------------------------------------
class Exporter:
    """Base class of exporters: subclasses set the class attributes and implement :meth:`write`."""

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""
    media_type: ClassVar[str] = ""
    #: whether the output is binary (not text): it is not written to a terminal
    binary: ClassVar[bool] = False
    #: one line for ``--help``
    description: ClassVar[str] = ""

    def write(self, kg, out: IO[bytes]) -> None:  # pragma: no cover - abstract
        """Write the export of ``kg`` to the binary file object ``out``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


def _ox(term, cache: dict):
    """An rdflib term as a pyoxigraph term (memoised: IRIs repeat a lot)."""
    hit = cache.get(term)
    if hit is not None:
        return hit
    import pyoxigraph as ox

    if term is None or term == DATASET_DEFAULT_GRAPH_ID:
        value = ox.DefaultGraph()
    elif isinstance(term, URIRef):
        value = ox.NamedNode(str(term))
    elif isinstance(term, BNode):
        value = ox.BlankNode(str(term))
    elif term.language:
        value = ox.Literal(str(term), language=term.language)
    elif term.datatype is not None and term.datatype != XSD.string:
        value = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    else:
        value = ox.Literal(str(term))
    cache[term] = value
    return value


def _sort_key(q: tuple) -> tuple:
    s, p, o, g = q
    return ("" if g == DATASET_DEFAULT_GRAPH_ID else str(g), str(s), p != RDF.type, str(p), o.n3())


class _OxigraphExporter(Exporter):
    """Serialise with pyoxigraph, sorted by graph, subject, predicate (``rdf:type`` first) and object."""

    ox_format: ClassVar[str] = ""
    quads: ClassVar[bool] = True
    prefixes: ClassVar[bool] = True

    def write(self, kg, out: IO[bytes]) -> None:
        import pyoxigraph as ox

        cache: dict = {}
        fmt = getattr(ox.RdfFormat, self.ox_format)
        if self.quads:
            rows = sorted(set(kg.quads()), key=_sort_key)
            items = [ox.Quad(_ox(s, cache), _ox(p, cache), _ox(o, cache), _ox(g, cache)) for s, p, o, g in rows]
        else:
            default = DATASET_DEFAULT_GRAPH_ID
            rows = sorted({(s, p, o, default) for s, p, o, _ in kg.quads()}, key=_sort_key)
            items = [ox.Triple(_ox(s, cache), _ox(p, cache), _ox(o, cache)) for s, p, o, _ in rows]
        ox.serialize(items, out, fmt, prefixes=dict(PREFIX_IRIS) if self.prefixes else None)


class TurtleExporter(_OxigraphExporter):
    """Turtle: the union of all graphs, with the project's prefixes."""

    name, suffix, media_type = "ttl", ".ttl", "text/turtle"
    description = "Turtle, the union of all graphs"
    ox_format, quads = "TURTLE", False


class NTriplesExporter(_OxigraphExporter):
    """N-Triples: the union of all graphs, one triple a line."""

    name, suffix, media_type = "nt", ".nt", "application/n-triples"
    description = "N-Triples, the union of all graphs"
    ox_format, quads, prefixes = "N_TRIPLES", False, False


class NQuadsExporter(_OxigraphExporter):
    """N-Quads: every quad, named graphs kept."""

    name, suffix, media_type = "nq", ".nq", "application/n-quads"
    description = "N-Quads, named graphs kept"
    ox_format, quads, prefixes = "N_QUADS", True, False


class TrigExporter(_OxigraphExporter):
    """TriG: every named graph (one per source) and the default graph, with the project's prefixes."""

    name, suffix, media_type = "trig", ".trig", "application/trig"
    description = "TriG, named graphs kept"
    ox_format, quads = "TRIG", True


@lru_cache(maxsize=1)
def _context_text() -> str:
    return resources.files("nevkg.ontology").joinpath("context.jsonld").read_text(encoding="utf-8")


def jsonld_context() -> dict[str, Any]:
    """nevkg's JSON-LD context (the ``@context`` object of ``nevkg/ontology/context.jsonld``).

    Examples
    --------
    >>> jsonld_context()["nev"]
    'https://w3id.org/nevkg/ontology#'
    """
    return json.loads(_context_text())["@context"]


class JsonLdExporter(Exporter):
    """JSON-LD 1.1: the whole dataset, named graphs kept, with nevkg's context embedded (never a remote URL).

    Properties and types are written as compact IRIs over the context's prefixes (``nev:partner``); each
    named graph is a node object with its own ``@graph``, merged with what the default graph says about it.
    Literals keep their exact lexical form and datatype.
    """

    name, suffix, media_type = "jsonld", ".jsonld", "application/ld+json"
    description = "JSON-LD with nevkg's context inline, named graphs kept"

    def write(self, kg, out: IO[bytes]) -> None:
        context = jsonld_context()
        spaces = sorted(((v, k) for k, v in context.items() if isinstance(v, str)), key=lambda x: -len(x[0]))
        memo: dict[str, str] = {}

        def compact(iri: str) -> str:
            hit = memo.get(iri)
            if hit is None:
                hit = iri
                for ns, prefix in spaces:
                    local = iri[len(ns):]
                    if iri.startswith(ns) and local and not local.startswith("//"):
                        hit = f"{prefix}:{local}"
                        break
                memo[iri] = hit
            return hit

        def ref(term) -> str:
            return f"_:{term}" if isinstance(term, BNode) else compact(str(term))

        def value(o) -> Any:
            if not isinstance(o, Literal):
                return {"@id": ref(o)}
            if o.language:
                return {"@value": str(o), "@language": o.language}
            if o.datatype is None or o.datatype == XSD.string:
                return str(o)
            return {"@value": str(o), "@type": compact(str(o.datatype))}

        graphs: dict[Any, dict[Any, dict[str, list]]] = {}
        for s, p, o, g in kg.quads():
            node = graphs.setdefault(g, {}).setdefault(s, {})
            if p == RDF.type and not isinstance(o, Literal):
                node.setdefault("@type", []).append(ref(o))
            else:
                node.setdefault(compact(str(p)), []).append(value(o))

        def node_objects(nodes: dict) -> dict[str, dict]:
            objs: dict[str, dict] = {}
            for s, props in nodes.items():
                obj: dict[str, Any] = {"@id": ref(s)}
                for key in sorted(props):  # "@type" sorts first
                    if key == "@type":
                        obj[key] = sorted(set(props[key]))
                    else:
                        unique = {json.dumps(v, sort_keys=True, ensure_ascii=False): v for v in props[key]}
                        obj[key] = [unique[k] for k in sorted(unique)]
                objs[obj["@id"]] = obj
            return objs

        top = node_objects(graphs.pop(DATASET_DEFAULT_GRAPH_ID, {}))
        for g in sorted(graphs, key=str):
            gid = ref(g)
            top.setdefault(gid, {"@id": gid})["@graph"] = [
                obj for _, obj in sorted(node_objects(graphs[g]).items())]
        doc = {"@context": context, "@graph": [obj for _, obj in sorted(top.items())]}
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
        json.dump(doc, text, ensure_ascii=False, indent=1)
        text.write("\n")
        text.flush()
        text.detach()


class _NetworkExporter(Exporter):
    """Exporters of the networkx projection; ``collapse_facts`` replaces fact nodes by direct edges."""

    def __init__(self, *, collapse_facts: bool = False, include_sources: bool = False, graph=None) -> None:
        self.collapse_facts = collapse_facts
        self.include_sources = include_sources
        self.graph = graph  # a ready networkx graph (a neighbourhood, a path) to write instead of the projection

    def project(self, kg):
        if self.graph is not None:
            return self.graph
        from nevkg.graph.project import to_networkx

        return to_networkx(kg, collapse_facts=self.collapse_facts, include_sources=self.include_sources)

    @staticmethod
    def _with_edge_ids(G):
        """A copy whose edge keys are unique ids ``e0, e1, …`` (GraphML and GEXF want unique edge ids)."""
        import networkx as nx

        H = nx.MultiDiGraph()
        H.add_nodes_from(G.nodes(data=True))
        H.add_edges_from((u, v, f"e{i}", d) for i, (u, v, d) in enumerate(G.edges(data=True)))
        return H


class GraphmlExporter(_NetworkExporter):
    """GraphML of the networkx projection (for Gephi, Cytoscape, yEd)."""

    name, suffix, media_type = "graphml", ".graphml", "application/graphml+xml"
    description = "GraphML of the network projection"

    def write(self, kg, out: IO[bytes]) -> None:
        import networkx as nx

        nx.write_graphml(self._with_edge_ids(self.project(kg)), out, encoding="utf-8", prettyprint=True)


class GexfExporter(_NetworkExporter):
    """GEXF 1.2 of the networkx projection (for Gephi)."""

    name, suffix, media_type = "gexf", ".gexf", "application/gexf+xml"
    description = "GEXF of the network projection (Gephi)"

    def write(self, kg, out: IO[bytes]) -> None:
        import networkx as nx

        G = self._with_edge_ids(self.project(kg))
        for _, _, key, data in G.edges(keys=True, data=True):
            data["id"] = key
        nx.write_gexf(G, out, encoding="utf-8", prettyprint=True)


class NodeLinkExporter(_NetworkExporter):
    """networkx node-link JSON: ``nodes`` (``id``, ``label``, ``type`` …) and ``links`` (``source``,
    ``target``, ``relation`` …), the format of d3 and ``networkx.node_link_graph``."""

    name, suffix, media_type = "nodelink", ".json", "application/json"
    description = "node-link JSON of the network projection (d3, networkx)"

    def write(self, kg, out: IO[bytes]) -> None:
        import networkx as nx

        data = nx.node_link_data(self.project(kg), edges="links")
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        out.write(b"\n")


#: leading columns of the CSV tables (other attributes follow, sorted)
NODE_COLUMNS = ("id", "label", "type", "kind_group", "sources")
EDGE_COLUMNS = ("source", "target", "relation", "label", "sources")


class CsvExporter(_NetworkExporter):
    """A zip archive of two CSV tables: ``nodes.csv`` (id, label, type, kind_group, sources, then every other
    attribute) and ``edges.csv`` (source, target, relation, label, sources, then the rest)."""

    name, suffix, media_type = "csv", ".zip", "application/zip"
    binary = True
    description = "zip of nodes.csv and edges.csv of the network projection"

    def write(self, kg, out: IO[bytes]) -> None:
        G = self.project(kg)
        nodes = [{"id": n, **d} for n, d in G.nodes(data=True)]
        edges = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("nodes.csv", _csv_table(nodes, NODE_COLUMNS))
            zf.writestr("edges.csv", _csv_table(edges, EDGE_COLUMNS))


def _csv_table(rows: list[dict[str, Any]], leading: tuple[str, ...]) -> str:
    extra = sorted({k for row in rows for k in row} - set(leading))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*leading, *extra], restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
