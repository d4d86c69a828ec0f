"""The ontology: every term labelled, commented and aligned; every term the data uses is declared."""

from __future__ import annotations

from typing import get_args

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH

from nevkg.graph.validate import ontology_graph, shapes_graph
from nevkg.loaders.curated import curie, vocab_term
from nevkg.loaders.records import RECORD_FILES, Target
from nevkg.ontology.namespaces import NEV

EXTERNAL = ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
            "http://purl.org/linked-data/cube#", "http://www.w3.org/2006/time#", "http://www.w3.org/2004/02/skos/core#",
            "http://purl.org/dc/terms/", "http://purl.org/linked-data/sdmx/2009/")


def _terms(g: Graph):
    return sorted({s for s in g.subjects() if str(s).startswith(str(NEV))})


def test_every_term_has_label_and_comment():
    g = ontology_graph()
    missing = [str(t) for t in _terms(g) if g.value(t, RDFS.label) is None or g.value(t, RDFS.comment) is None]
    assert missing == []
    assert len(_terms(g)) > 150


def test_classes_are_aligned_to_standard_vocabularies():
    g = ontology_graph()

    def aligned(cls, seen=()):
        for sup in g.objects(cls, RDFS.subClassOf):
            if str(sup).startswith(EXTERNAL) or (sup not in seen and aligned(sup, (*seen, cls))):
                return True
        return False

    classes = [c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(str(NEV))]
    assert [str(c) for c in classes if not aligned(c)] == []


def _fields(model):
    for name, info in model.model_fields.items():
        yield name, info, info.json_schema_extra or {}


@pytest.mark.parametrize("kind", sorted(RECORD_FILES))
def test_every_predicate_and_value_of_the_records_is_declared(kind):
    g = ontology_graph()
    model = RECORD_FILES[kind]
    for cls in (*model.RDF_TYPES, *model.KIND_CLASSES.values()):
        term = curie(cls)
        if term.startswith(str(NEV)):
            assert (term, RDF.type, OWL.Class) in g, cls
    for model_ in (model, Target):
        for name, info, extra in _fields(model_):
            pred = extra.get("rdf")
            if pred and pred.startswith("nev:"):
                assert (curie(pred), RDFS.label, None) in g, f"{kind}.{name}: {pred} not declared"
            if "vocab" in extra:
                args = [a for a in get_args(info.annotation) if a is not type(None)]
                values = get_args(args[0]) if args and not isinstance(args[0], str) else args
                for value in values:
                    assert (vocab_term(extra["vocab"], value), RDFS.label, None) in g, f"{kind}.{name}={value}"


def test_every_nev_term_in_the_shipped_graph_is_declared(kg):
    g = ontology_graph()
    used = set()
    for _s, p, o, _g in kg.quads():
        for term in (p, o):
            if str(term).startswith(str(NEV)):
                used.add(term)
    assert sorted(str(t) for t in used if (t, RDFS.label, None) not in g) == []


def test_locatedin_is_transitive():
    assert (NEV.locatedIn, RDF.type, OWL.TransitiveProperty) in ontology_graph()


def test_shapes_parse_and_use_only_declared_terms():
    shapes = shapes_graph()
    g = ontology_graph()
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 12
    for term in set(shapes.objects(None, SH.path)) | set(shapes.objects(None, SH.targetClass)):
        if str(term).startswith(str(NEV)):
            assert (term, RDFS.label, None) in g, term


def _superclasses(g, cls):
    seen, todo = set(), [cls]
    while todo:
        for sup in g.objects(todo.pop(), RDFS.subClassOf):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def test_plans_and_proposals_are_facts_but_not_legislation():
    g = ontology_graph()
    schema_legislation = curie("schema:Legislation")
    for cls in (NEV.CorporatePlan, NEV.PolicyProposal):
        sups = _superclasses(g, cls)
        assert NEV.Plan in sups and NEV.Fact in sups
        assert NEV.Policy not in sups and schema_legislation not in sups


def test_curators_compilations_are_a_class_of_their_own():
    g = ontology_graph()
    assert curie("schema:CreativeWork") in _superclasses(g, NEV.CuratorsCompilation)
    assert NEV.Source not in _superclasses(g, NEV.CuratorsCompilation)  # a source record is typed with both


def test_every_date_property_has_a_precision_property():
    g = ontology_graph()
    for name in ("startDate", "endDate", "asOf", "announcedOn", "issuedOn", "expectedOn", "targetDate", "statedOn",
                 "releasedOn", "periodStart", "periodEnd", "issued"):
        assert (NEV[f"{name}Precision"], RDFS.subPropertyOf, NEV.datePrecision) in g, name
