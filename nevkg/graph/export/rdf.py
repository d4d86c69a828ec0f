"""The RDF exports: Turtle, N-Triples, N-Quads and TriG written by oxigraph, sorted for stable output; JSON-LD
with nevkg's context inline."""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import IO, Any, ClassVar

from rdflib import BNode, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.graph.export.base import Exporter
from nevkg.graph.store_write import to_ox
from nevkg.ontology.namespaces import PREFIX_IRIS, RDF, XSD

__all__ = ["TurtleExporter", "NTriplesExporter", "NQuadsExporter", "TrigExporter", "JsonLdExporter",
           "jsonld_context"]


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
            items = [ox.Quad(to_ox(s, cache), to_ox(p, cache), to_ox(o, cache), to_ox(g, cache)) for s, p, o, g in rows]
        else:
            default = DATASET_DEFAULT_GRAPH_ID
            rows = sorted({(s, p, o, default) for s, p, o, _ in kg.quads()}, key=_sort_key)
            items = [ox.Triple(to_ox(s, cache), to_ox(p, cache), to_ox(o, cache)) for s, p, o, _ in rows]
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
