"""Portable query forms: the library uses none of the constructs Virtuoso 7.2 evaluates wrongly."""

from __future__ import annotations

import pytest

from nevkg.queries.library import list_queries
from nevkg.queries.portable import RULES, portability_problems

#: one query per rule, each taken from a form the library used before it was rewritten
NON_PORTABLE = {
    "zero-or-more path": "SELECT ?o WHERE { ?u nev:parentOrganization* ?org . ?b nev:brandOf ?u }",
    "path inside NOT EXISTS or MINUS":
        "SELECT ?t WHERE { ?t a ?c FILTER NOT EXISTS { ?t a ?n . ?n rdfs:subClassOf+ ?c . FILTER(?n != ?c) } }",
    "OPTIONAL holding only a path": "SELECT ?c ?a WHERE { ?c a nev:Place OPTIONAL { ?c nev:locatedIn+ ?a } }",
    "boolean sentinel for an optional parameter":
        "SELECT ?d WHERE { ?d nev:deploymentKind ?k FILTER(sameTerm(COALESCE(?kind, false), false) || ?k = ?kind) }",
    "boolean expression bound to a variable":
        "SELECT ?m WHERE { ?p nev:partner ?x OPTIONAL { ?p nev:majorityPartner ?mp } "
        "BIND(COALESCE(sameTerm(?mp, ?x), false) AS ?m) }",
    "alternative path repeated outside a DISTINCT sub-select":
        "SELECT ?p ?s WHERE { ?p nev:exporter ?e . { ?e a nev:Organization FILTER(?e = ?org) } "
        "UNION { ?e (nev:parentOrganization|nev:brandOf)+ ?org } OPTIONAL { ?p nev:startDate ?s } }",
    "EXISTS in a disjunction inside IF":
        'SELECT ?w WHERE { ?s nev:place ?p BIND(IF(?p = ?h || EXISTS { ?p nev:locatedIn+ ?h }, "home", "x") AS ?w) }',
}


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_library_query_is_portable(name):
    query = next(q for q in list_queries() if q.name == name)
    assert portability_problems(query.text) == []


@pytest.mark.parametrize("rule", [name for name, _, _ in RULES])
def test_each_rule_finds_its_construct(rule):
    problems = portability_problems(NON_PORTABLE[rule])
    assert [p.split(":")[0] for p in problems] == [rule]


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { ?x nev:locatedIn+ ?place }",
    "SELECT ?x WHERE { { ?x a nev:Place FILTER(?x = ?place) } UNION { ?x nev:locatedIn+ ?place } }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",  # a star that is not a path
    'SELECT ?x WHERE { ?x rdfs:label "a* b" } # nev:locatedIn* in a comment',
    'SELECT ?x WHERE { BIND(STRDT(IF(BOUND(?y), "true", "false"), xsd:boolean) AS ?x) }',
    "SELECT ?p WHERE { ?p nev:exporter ?e { SELECT DISTINCT ?e ?org WHERE { { ?e a nev:Organization "
    "FILTER(?e = ?org) } UNION { ?e (nev:parentOrganization|nev:brandOf)+ ?org } } } }",
    "SELECT ?x WHERE { ?x (nev:parentOrganization/nev:brandOf)+ ?y }",  # a sequence, not an alternative
])
def test_portable_forms_pass(text):
    assert portability_problems(text) == []
