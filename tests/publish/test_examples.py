"""The named queries as SPARQL examples: complete, self-contained and runnable on another engine."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery

from nevkg.publish.examples import EXAMPLES, SCHEMA, examples_graph, examples_turtle
from nevkg.queries.library import list_queries

# the SIB examples' requirements (sparql-examples-utils checks them with a shape like this one)
SIB_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix schema: <https://schema.org/> .
[] a sh:NodeShape ; sh:targetClass sh:SPARQLExecutable ;
  sh:property [ sh:path [ sh:alternativePath ( sh:select sh:ask sh:construct ) ] ; sh:minCount 1 ; sh:maxCount 1 ] ;
  sh:property [ sh:path rdfs:comment ; sh:minCount 1 ; sh:datatype rdf:langString ] ;
  sh:property [ sh:path schema:target ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sh:prefixes ; sh:minCount 1 ] .
"""


@pytest.fixture(scope="module")
def examples():
    return examples_graph("http://127.0.0.1:7878/sparql")


def _text(g, ex):
    return str(g.value(ex, SH.select) or g.value(ex, SH.construct) or g.value(ex, SH.ask))


def test_every_named_query_is_an_example(examples):
    names = {str(examples.value(ex, RDFS.label)) for ex in examples.subjects(RDF.type, SH.SPARQLExecutable)}
    assert names == {q.title for q in list_queries()}
    for q in list_queries():
        ex = EXAMPLES[q.name]
        assert str(examples.value(ex, RDFS.comment)) == (q.description or q.title)
        params = {str(examples.value(p, SH.name)): p for p in examples.objects(ex, SH.parameter)}
        assert set(params) == {p.name for p in q.params}
        for p in q.params:
            assert examples.value(params[p.name], SH.optional) == Literal(not p.required)
            assert f"?{p.name}" in _text(examples, ex)  # the variable a client binds
        assert set(examples.objects(ex, SCHEMA.keywords)), q.name


def test_examples_conform_to_the_sib_shape(examples):
    from pyshacl import validate

    conforms, _, text = validate(examples, shacl_graph=Graph().parse(data=SIB_SHAPE, format="turtle"))
    assert conforms, text


def test_each_example_runs_as_it_stands_on_another_engine(fixture_kg, examples):
    """No predeclared prefixes: rdflib parses each text alone, and a bare pyoxigraph store runs it."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), _ox(o), ox.NamedNode(str(g))
                              if str(g).startswith("http") else ox.DefaultGraph())
                      for s, p, o, g in fixture_kg.quads())
    ran = 0
    for ex in examples.subjects(RDF.type, SH.SPARQLExecutable):
        text = _text(examples, ex)
        prepareQuery(text)
        if not list(examples.objects(ex, SH.parameter)):
            store.query(text, use_default_graph_as_union=True)
            ran += 1
    assert ran == sum(1 for q in list_queries() if not q.params) >= 4


def _ox(term):
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))
    return ox.NamedNode(str(term))


def test_turtle_document_round_trips_and_is_stable(examples):
    body = examples_turtle("http://127.0.0.1:7878/sparql")
    assert body == examples_turtle("http://127.0.0.1:7878/sparql")  # no blank nodes: byte-for-byte the same
    g = Graph().parse(data=body, format="turtle")
    assert len(g) == len(examples)
    text = _text(g, EXAMPLES["partnerships-of"])
    assert re.search(r"^PREFIX nev: <https://w3id.org/nevkg/ontology#>$", text, re.M)
