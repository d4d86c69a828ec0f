"""The ontology's class hierarchy, for loaders that state every class an entity belongs to."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

ONTOLOGY_FILE = Path(__file__).with_name("nev.ttl")


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The OWL ontology shipped in ``nev.ttl``, parsed once per process (the loaders and the build share it).

    >>> len(ontology()) > 1000
    True
    """
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@lru_cache(maxsize=1)
def superclasses() -> dict[URIRef, frozenset[URIRef]]:
    """Every class of the ontology → all its superclasses (transitive ``rdfs:subClassOf``, itself excluded).

    Examples
    --------
    >>> from nevkg.ontology.namespaces import NEV
    >>> sorted(str(c).rsplit("#", 1)[-1] for c in superclasses()[NEV.Automaker] if "nevkg" in str(c))
    ['Company', 'Organization']
    """
    g = ontology()
    parents: dict[URIRef, set[URIRef]] = {}
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef) and sub != sup:
            parents.setdefault(sub, set()).add(sup)

    def above(cls: URIRef, seen: frozenset[URIRef]) -> set[URIRef]:
        out: set[URIRef] = set()
        for sup in parents.get(cls, ()):
            if sup not in seen:
                out |= {sup} | above(sup, seen | {sup})
        return out

    return {cls: frozenset(above(cls, frozenset({cls})) - {cls}) for cls in parents}


def with_superclass_types(triples: list[tuple]) -> list[tuple]:
    """The triples plus ``rdf:type`` triples for every superclass of each stated class (RDFS rule rdfs9).

    So ``?x a nev:Company`` finds automakers, and ``?x a nev:Fact`` finds every kind of fact, on any engine
    and without a property path.

    Examples
    --------
    >>> from nevkg.ontology.namespaces import NEV, NEVID
    >>> out = with_superclass_types([(NEVID.byd, RDF.type, NEV.Automaker)])
    >>> (NEVID.byd, RDF.type, NEV.Company) in out
    True
    """
    closure = superclasses()
    stated = {(s, o) for s, p, o in triples if p == RDF.type}
    extra = []
    for s, o in sorted(stated):
        for sup in sorted(closure.get(o, ())):
            if (s, sup) not in stated:
                stated.add((s, sup))
                extra.append((s, RDF.type, sup))
    return triples + extra
