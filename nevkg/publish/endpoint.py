"""What the SPARQL endpoint says about itself: service description, VoID, examples, ontology page.

Plain functions returning ``(content_type, body_bytes)``, independent of any web framework, for the server
to route (:data:`ROUTES`, :func:`respond`):

=================================  =========================================================================
``GET /sparql`` without a query    the SPARQL 1.1 service description (``sd:Service``) with the VoID
                                   description of its default dataset
``/.well-known/void``              the VoID description alone
``/.well-known/sparql-examples``   the named queries as ``sh:SPARQLExecutable`` examples
  (also ``/examples``)
``/ontology``                      the ontology's HTML documentation (pyLODE)
=================================  =========================================================================

RDF is Turtle unless the ``Accept`` header prefers N-Triples or JSON-LD (:func:`negotiate`).
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from nevkg.errors import NevkgError
from nevkg.graph.void import DATASET, SD, read_void

__all__ = ["service_description", "void_document", "examples_document", "ontology_page", "negotiate", "ROUTES",
           "respond", "RDF_TYPES"]

#: media type → rdflib serializer name
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld"}
#: result formats the endpoint answers in (listed in the service description)
_RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "N-Triples", "JSON-LD"]
_FORMATS = URIRef("http://www.w3.org/ns/formats/")


def negotiate(accept: str | None) -> str:
    """The RDF media type to answer with for an ``Accept`` header (Turtle when nothing listed fits).

    Examples
    --------
    >>> negotiate("application/ld+json, text/turtle;q=0.5")
    'application/ld+json'
    >>> negotiate("text/html,*/*;q=0.8"), negotiate(None)
    ('text/turtle', 'text/turtle')
    """
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media.strip() in RDF_TYPES and q > 0:
            ranked.append((-q, i, media.strip()))
    return min(ranked)[2] if ranked else "text/turtle"


def _serialize(g: Graph, accept: str | None) -> tuple[str, bytes]:
    media = negotiate(accept)
    body = g.serialize(format=RDF_TYPES[media], encoding="utf-8")
    return f"{media}; charset=utf-8", body


def _service_graph(kg, endpoint: str) -> Graph:
    g = read_void(kg, endpoint=endpoint)
    service = URIRef(endpoint)
    default = BNode()
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in _RESULT_FORMATS:
        g.add((service, SD.resultFormat, URIRef(f"{_FORMATS}{fmt}")))
    g.add((service, SD.defaultDataset, DATASET))
    g.add((DATASET, RDF.type, SD.Dataset))
    g.add((DATASET, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, RDFS.comment, Literal("The union of every named graph, each distinct triple once.", lang="en")))
    for sub in list(g.objects(DATASET, URIRef("http://rdfs.org/ns/void#subset"))):
        g.add((DATASET, SD.namedGraph, sub))
    base = endpoint.rsplit("/", 1)[0]
    g.add((service, RDFS.seeAlso, URIRef(f"{base}/.well-known/sparql-examples")))
    g.add((service, RDFS.seeAlso, URIRef(f"{base}/ontology")))
    return g


def service_description(kg, endpoint: str, accept: str | None = None) -> tuple[str, bytes]:
    """The SPARQL 1.1 service description of ``endpoint``, with the VoID description of its dataset.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> ctype, body = service_description(kg, "http://127.0.0.1:7878/sparql")
    >>> ctype, b"sd:Service" in body, b"void:classPartition" in body
    ('text/turtle; charset=utf-8', True, True)
    """
    return _serialize(_service_graph(kg, endpoint), accept)


def void_document(kg, endpoint: str | None = None, accept: str | None = None) -> tuple[str, bytes]:
    """The VoID description (``/.well-known/void``)."""
    return _serialize(read_void(kg, endpoint=endpoint), accept)


def examples_document(endpoint: str, accept: str | None = None) -> tuple[str, bytes]:
    """The named queries as SPARQL examples (``/.well-known/sparql-examples``)."""
    from nevkg.publish.examples import examples_graph

    return _serialize(examples_graph(endpoint), accept)


@lru_cache(maxsize=1)
def _ontology_bytes() -> bytes:
    from nevkg.publish.ontology_doc import DOCS_PAGE, ontology_html

    try:
        return ontology_html().encode("utf-8")
    except NevkgError:
        if DOCS_PAGE.is_file():  # a checkout without pyLODE still has the generated page
            return DOCS_PAGE.read_bytes()
        raise


def ontology_page() -> tuple[str, bytes]:
    """The ontology's HTML documentation (``/ontology``), generated once per process.

    Raises
    ------
    NevkgError
        When neither pyLODE nor a generated ``docs/ontology.html`` is at hand.
    """
    return "text/html; charset=utf-8", _ontology_bytes()


#: path → handler(kg, endpoint, accept) → (content type, body)
ROUTES = {
    "/.well-known/void": lambda kg, endpoint, accept: void_document(kg, endpoint, accept),
    "/.well-known/sparql-examples": lambda kg, endpoint, accept: examples_document(endpoint, accept),
    "/examples": lambda kg, endpoint, accept: examples_document(endpoint, accept),
    "/ontology": lambda kg, endpoint, accept: ontology_page(),
}


def respond(path: str, kg, endpoint: str, accept: str | None = None) -> tuple[str, bytes] | None:
    """The answer for a self-description path of :data:`ROUTES`, or ``None`` when the path is not one.

    ``endpoint`` is the full URL of the SPARQL endpoint (``http://host:port/sparql``); the server answers
    ``GET /sparql`` without a query with :func:`service_description`.

    Examples
    --------
    >>> respond("/nothing", None, "http://127.0.0.1:7878/sparql") is None
    True
    """
    handler = ROUTES.get(path.rstrip("/") or "/")
    return handler(kg, endpoint, accept) if handler else None
