"""Counts that describe a graph: per class, per source graph, per relation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["GraphStats", "graph_stats"]

PER_CLASS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class . FILTER(STRSTARTS(STR(?class), STR(nev:)))
  FILTER NOT EXISTS { GRAPH nevg:ontology { ?s a ?class } }
}
GROUP BY ?class ORDER BY DESC(?n) ?class"""

PER_SOURCE = """
SELECT ?g ?title (COUNT(*) AS ?triples) WHERE {
  ?g a nev:SourceGraph . GRAPH ?g { ?s ?p ?o }
  OPTIONAL { ?g prov:wasDerivedFrom ?src . ?src dcterms:title ?title }
} GROUP BY ?g ?title ORDER BY DESC(?triples) ?g"""

FACTS_PER_SOURCE = """
SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { ?g a nev:SourceGraph . GRAPH ?g { ?s a ?c } ?c rdfs:subClassOf+ nev:Fact }
GROUP BY ?g"""

PER_RELATION = """
SELECT ?p (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o) && ?p != rdf:type) } }
} GROUP BY ?p ORDER BY DESC(?n) ?p"""


@dataclass
class GraphStats:
    """Counts of a graph: ``triples`` in the source graphs (not the ontology), ``facts`` fact nodes (n-ary
    statements such as partnerships, roles and observations)."""

    triples: int
    graphs: int
    facts: int
    per_class: dict[str, int] = field(default_factory=dict)
    per_source: list[dict] = field(default_factory=list)
    per_relation: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)

    def table(self) -> str:
        """A plain-text table for terminals."""
        lines = [f"{self.triples} triples in {self.graphs} source graphs; {self.facts} fact nodes", "",
                 "per class:"]
        lines += [f"  {n:>6}  {c}" for c, n in self.per_class.items()]
        lines += ["", "per source (triples, fact nodes):"]
        lines += [f"  {s['triples']:>6} {s['facts']:>5}  {s['graph']}  {s['title']}" for s in self.per_source]
        lines += ["", "per relation:"]
        lines += [f"  {n:>6}  {r}" for r, n in self.per_relation.items()]
        return "\n".join(lines)


def _local(iri: object) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text


def graph_stats(kg) -> GraphStats:
    """Count what a graph holds.

    Parameters
    ----------
    kg : KnowledgeGraph

    Returns
    -------
    GraphStats

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> stats = graph_stats(build("memory", ["tests/resources/records"], shipped=False))
    >>> stats.per_class["Partnership"]
    2
    """
    per_class = {_local(r[0]): int(r[1]) for r in kg.query(PER_CLASS)}
    facts = {r.g: int(r.n) for r in kg.query(FACTS_PER_SOURCE)}
    per_source = [{"graph": _local(r.g), "title": str(r.title or ""), "triples": int(r.triples),
                   "facts": facts.get(r.g, 0)} for r in kg.query(PER_SOURCE)]
    per_relation = {_local(r[0]): int(r[1]) for r in kg.query(PER_RELATION)}
    count = next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?g a nev:SourceGraph . GRAPH ?g { ?s ?p ?o } }")))
    n_facts = next(iter(kg.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c . ?c rdfs:subClassOf+ nev:Fact }")))
    return GraphStats(triples=int(count[0]), graphs=len(per_source), facts=int(n_facts[0]), per_class=per_class,
                      per_source=per_source, per_relation=per_relation)
