"""The named-query library as SPARQL examples in RDF, the convention of the SIB endpoints (UniProt, Rhea).

Each query of ``nevkg/queries/library`` becomes a node ``<https://w3id.org/nevkg/sparql-examples/NAME>``
typed ``sh:SPARQLExecutable`` and ``sh:SPARQLSelectExecutable`` (or ``…ConstructExecutable`` /
``…AskExecutable``), with

* ``sh:select`` (``sh:construct``, ``sh:ask``): the query text with a ``PREFIX`` line for every prefix it
  uses, so it runs on any SPARQL 1.1 endpoint as it stands;
* ``sh:prefixes`` pointing at one node that ``sh:declare``\\ s the project's prefixes;
* ``rdfs:label`` (the title), ``rdfs:comment`` (the description, ``@en``), ``dcterms:identifier`` (the
  name ``nevkg ask`` takes), ``schema:target`` (the endpoint) and ``schema:keywords`` (the words of its
  name and the nev: classes it matches);
* one ``sh:parameter`` per parameter, as SHACL's SPARQL-based functions declare theirs: ``sh:path`` whose
  local name is the variable, ``sh:name``, ``sh:description``, ``sh:optional``, ``sh:datatype`` (literal
  parameters) or ``sh:nodeKind sh:IRI`` and ``sh:class`` (named things), and ``skos:example``.

A client reads these to learn what the endpoint can answer and how to ask it, as the SIB examples serve
people and LLM agents writing queries. :func:`examples_turtle` is what the endpoint serves at
``/.well-known/sparql-examples``.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD

from nevkg.ontology.namespaces import NEV, PREFIX_IRIS

__all__ = ["EXAMPLES", "SCHEMA", "examples_graph", "examples_turtle", "with_prefixes", "DEFAULT_ENDPOINT"]

#: the namespace of the examples (one IRI per named query)
EXAMPLES = Namespace("https://w3id.org/nevkg/sparql-examples/")
SCHEMA = Namespace("https://schema.org/")
PARAMETER = Namespace(f"{EXAMPLES}parameter/")
#: ``schema:target`` when no endpoint is given
DEFAULT_ENDPOINT = "http://127.0.0.1:7878/sparql"

_FORMS = {"SELECT": (SH.SPARQLSelectExecutable, SH.select), "CONSTRUCT": (SH.SPARQLConstructExecutable, SH.construct),
          "ASK": (SH.SPARQLAskExecutable, SH.ask)}
_LITERAL_TYPES = {"string": XSD.string, "integer": XSD.integer, "decimal": XSD.decimal, "date": XSD.date}
_CLASS_OF = {"organization": NEV.Organization, "place": NEV.Place, "person": NEV.Person,
             "model": NEV.VehicleModel, "source": NEV.Source}
_USED_PREFIX = re.compile(r"(?<![\w?$:-])([A-Za-z][\w-]*):(?!//)")
_CLASS_USED = re.compile(r"\ba\s+nev:([A-Z]\w*)")


def with_prefixes(text: str) -> str:
    """The query text with a ``PREFIX`` declaration for each of the project's prefixes it uses.

    Comment lines (the library's header) are dropped; the text then runs on any endpoint.

    Examples
    --------
    >>> print(with_prefixes("# title: x\\nSELECT ?s WHERE { ?s a nev:Automaker ; rdfs:label ?l }"))
    PREFIX nev: <https://w3id.org/nevkg/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?s WHERE { ?s a nev:Automaker ; rdfs:label ?l }
    """
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")).strip()
    scan = re.sub(r'"[^"\n]*"|<[^>\s]*>', " ", body)  # prefixed names only outside strings and IRIs
    used = [p for p in dict.fromkeys(m.group(1) for m in _USED_PREFIX.finditer(scan)) if p in PREFIX_IRIS]
    declared = {m.group(1) for m in re.finditer(r"(?i)PREFIX\s+([\w-]*):", body)}
    lines = [f"PREFIX {p}: <{PREFIX_IRIS[p]}>" for p in sorted(used) if p not in declared]
    return "\n".join(lines + [body])


def _form(text: str) -> str:
    body = re.sub(r"(?im)^\s*(#.*|PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*$", "", text)
    return re.match(r"\s*(\w+)", body).group(1).upper()


def _keywords(query) -> list[str]:
    words = [w for w in query.name.split("-") if len(w) > 2 and w not in ("the", "and", "for")]
    classes = [re.sub(r"(?<!^)(?=[A-Z])", " ", c).lower() for c in _CLASS_USED.findall(query.text)]
    return list(dict.fromkeys(words + classes))


def examples_graph(endpoint: str = DEFAULT_ENDPOINT) -> Graph:
    """Every named query as a ``sh:SPARQLExecutable`` (see the module docstring).

    Parameters
    ----------
    endpoint : str
        The SPARQL endpoint the examples are for (``schema:target``).

    Examples
    --------
    >>> g = examples_graph()
    >>> ex = EXAMPLES["partnerships-of"]
    >>> (ex, RDF.type, SH.SPARQLSelectExecutable) in g, str(g.value(ex, RDFS.label))
    (True, 'Partnerships of an organisation')
    >>> [str(g.value(p, SH.name)) for p in g.objects(ex, SH.parameter)]
    ['org']
    """
    from nevkg.queries.library import list_queries

    g = Graph()
    for prefix, ns in {"sh": SH, "schema": SCHEMA, "ex": EXAMPLES, "rdfs": RDFS, "dcterms": DCTERMS,
                       "skos": SKOS, "xsd": XSD, "nev": NEV}.items():
        g.bind(prefix, ns)
    prefixes = EXAMPLES["prefixes"]
    g.add((prefixes, RDF.type, OWL.Ontology))
    for prefix, iri in sorted(PREFIX_IRIS.items()):
        decl = EXAMPLES[f"prefixes/{prefix}"]  # IRIs, not blank nodes: the Turtle comes out the same every time
        g.add((prefixes, SH.declare, decl))
        g.add((decl, SH.prefix, Literal(prefix)))
        g.add((decl, SH.namespace, Literal(iri, datatype=XSD.anyURI)))
    for query in list_queries():
        ex = EXAMPLES[query.name]
        cls, prop = _FORMS.get(_form(query.text), _FORMS["SELECT"])
        g.add((ex, RDF.type, SH.SPARQLExecutable))
        g.add((ex, RDF.type, cls))
        g.add((ex, prop, Literal(with_prefixes(query.text))))
        g.add((ex, SH.prefixes, prefixes))
        g.add((ex, RDFS.label, Literal(query.title, lang="en")))
        g.add((ex, RDFS.comment, Literal(query.description or query.title, lang="en")))
        g.add((ex, DCTERMS.identifier, Literal(query.name)))
        g.add((ex, SCHEMA.target, URIRef(endpoint)))
        for word in _keywords(query):
            g.add((ex, SCHEMA.keywords, Literal(word)))
        for param in query.params:
            node = EXAMPLES[f"{query.name}/parameter/{param.name}"]
            g.add((ex, SH.parameter, node))
            g.add((node, RDF.type, SH.Parameter))
            g.add((node, SH.path, PARAMETER[param.name]))
            g.add((node, SH.name, Literal(param.name)))
            g.add((node, SH.description, Literal(param.description or param.name, lang="en")))
            g.add((node, SH.optional, Literal(not param.required)))
            if param.type in _LITERAL_TYPES:
                g.add((node, SH.datatype, _LITERAL_TYPES[param.type]))
            else:
                g.add((node, SH.nodeKind, SH.IRI))
                if param.type in _CLASS_OF:
                    g.add((node, SH["class"], _CLASS_OF[param.type]))
            if param.example:
                g.add((node, SKOS.example, Literal(param.example)))
    return g


def examples_turtle(endpoint: str = DEFAULT_ENDPOINT) -> bytes:
    """:func:`examples_graph` as Turtle (UTF-8)."""
    return examples_graph(endpoint).serialize(format="turtle", encoding="utf-8")
