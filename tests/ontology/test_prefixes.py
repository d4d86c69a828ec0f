"""The rdflib-free prefix table equals the rdflib namespaces'."""

from nevkg.ontology.namespaces import PREFIX_IRIS
from nevkg.ontology.prefixes import PREFIX_IRIS as PLAIN


def test_plain_prefixes_equal_the_namespaces():
    assert PLAIN == PREFIX_IRIS
