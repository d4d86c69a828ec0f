"""The project's SPARQL prefixes as plain strings, importable without rdflib (the same as
:data:`nevkg.ontology.namespaces.PREFIX_IRIS`; a test keeps them equal)."""

from __future__ import annotations

__all__ = ["PREFIX_IRIS"]

PREFIX_IRIS: dict[str, str] = {
    "nev": "https://w3id.org/nevkg/ontology#",
    "nevid": "https://w3id.org/nevkg/id/",
    "nevg": "https://w3id.org/nevkg/graph/",
    "nevsrc": "https://w3id.org/nevkg/source/",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
