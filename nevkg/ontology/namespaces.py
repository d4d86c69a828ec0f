"""The namespaces nevkg mints and reuses (DESIGN §3)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "NEV", "NEVID", "GRAPH", "SOURCE", "SCHEMA", "ORG", "QB", "SDMX_DIM", "SDMX_ATTR", "TIME", "WD",
    "PROV", "DCTERMS", "RDF", "RDFS", "OWL", "SKOS", "XSD", "PREFIXES", "PREFIX_IRIS",
    "entity_iri", "graph_iri", "source_iri",
]

NEV = Namespace("https://w3id.org/nevkg/ontology#")
NEVID = Namespace("https://w3id.org/nevkg/id/")
GRAPH = Namespace("https://w3id.org/nevkg/graph/")
SOURCE = Namespace("https://w3id.org/nevkg/source/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_ATTR = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "nev": NEV, "nevid": NEVID, "nevg": GRAPH, "nevsrc": SOURCE, "schema": SCHEMA, "org": ORG, "qb": QB,
    "sdmx-dimension": SDMX_DIM, "sdmx-attribute": SDMX_ATTR, "time": TIME, "wd": WD, "prov": PROV,
    "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "xsd": XSD,
}

#: the same prefixes as plain strings (what SPARQL engines expect for ``initNs``)
PREFIX_IRIS: dict[str, str] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def entity_iri(slug: str):
    """The IRI of a curated thing.

    >>> str(entity_iri("chery"))
    'https://w3id.org/nevkg/id/chery'
    """
    return NEVID[slug]


def graph_iri(source_slug: str):
    """The named graph holding what one source says.

    >>> str(graph_iri("xinhua-2026-03"))
    'https://w3id.org/nevkg/graph/xinhua-2026-03'
    """
    return GRAPH[source_slug]


def source_iri(source_slug: str):
    """The IRI of a source document.

    >>> str(source_iri("xinhua-2026-03"))
    'https://w3id.org/nevkg/source/xinhua-2026-03'
    """
    return SOURCE[source_slug]
