"""Counts that describe a graph: per class, per source graph, per relation.

The same counts come from any :class:`~nevkg.graph.knowledge_graph.KnowledgeGraph` (:func:`graph_stats`) or, for
the embedded store, from pyoxigraph alone (:func:`store_stats`: the same SPARQL on the same dataset, without
importing rdflib, which costs about three quarters of ``nevkg stats`` otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

__all__ = ["GraphStats", "graph_stats", "store_stats"]

#: one SELECT's rows as dictionaries of strings (an IRI's text, a literal's lexical form; unbound: None)
Select = Callable[[str], list[dict]]

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

    def select(sparql: str) -> list[dict]:
        result = kg.query(sparql)
        names = [str(v) for v in result.vars]
        return [{n: None if t is None else str(t) for n, t in zip(names, row, strict=True)} for row in result]

    return _count(select)


def store_stats(spec=None) -> GraphStats | None:
    """:func:`graph_stats` of the embedded oxigraph store, through pyoxigraph alone; None for another store (or one
    built before its deduplicated union graph existed): ask :func:`graph_stats` then.

    The queries run on the same dataset as :meth:`~nevkg.graph.knowledge_graph.KnowledgeGraph.query` gives them: the
    union graph and the table graphs as the default graph, every other graph as a named graph.

    Examples
    --------
    >>> import tempfile
    >>> from nevkg.graph.build import build
    >>> home = tempfile.mkdtemp()
    >>> build(f"oxigraph:{home}", ["tests/resources/records"], shipped=False).close()
    >>> store_stats(f"oxigraph:{home}").per_class["Partnership"]
    2
    >>> store_stats("memory") is None
    True
    """
    from nevkg.graph.store import current_store_dir, lease_current, parse_store_spec, read_manifest

    spec = parse_store_spec(spec) if spec is None or isinstance(spec, str) else spec
    if spec.kind != "oxigraph" or current_store_dir(spec.path) is None:
        return None
    with lease_current(spec.path) as lease:  # a build landing meanwhile never removes the folder read here
        manifest = read_manifest(lease.store_dir)
        union = manifest.get("union_graph")
        if union is None:
            return None
        return _count(_select_on(lease.store_dir, [union, *manifest.get("table_graphs", [])]))  # store freed here


def _select_on(store_dir, default: list[str]) -> Select:
    """SELECTs on the store folder with ``default`` (the union graph first) as the default graph."""
    import pyoxigraph as ox

    from nevkg.ontology.prefixes import PREFIX_IRIS

    store = ox.Store.read_only(str(store_dir))
    dataset = {"default_graph": [ox.NamedNode(g) for g in default],
               "named_graphs": [g for g in store.named_graphs() if g.value != default[0]]}

    def select(sparql: str) -> list[dict]:
        answer = store.query(sparql, prefixes=PREFIX_IRIS, **dataset)
        names = [v.value for v in answer.variables]
        return [{n: None if t is None else t.value for n, t in zip(names, row, strict=True)} for row in answer]

    return select


def _count(select: Select) -> GraphStats:
    per_class = {_local(r["class"]): int(r["n"]) for r in select(PER_CLASS)}
    facts = {r["g"]: int(r["n"]) for r in select(FACTS_PER_SOURCE)}
    per_source = [{"graph": _local(r["g"]), "title": r["title"] or "", "triples": int(r["triples"]),
                   "facts": facts.get(r["g"], 0)} for r in select(PER_SOURCE)]
    per_relation = {_local(r["p"]): int(r["n"]) for r in select(PER_RELATION)}
    count = select("SELECT (COUNT(*) AS ?n) WHERE { ?g a nev:SourceGraph . GRAPH ?g { ?s ?p ?o } }")[0]
    n_facts = select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c . ?c rdfs:subClassOf+ nev:Fact }")[0]
    return GraphStats(triples=int(count["n"]), graphs=len(per_source), facts=int(n_facts["n"]), per_class=per_class,
                      per_source=per_source, per_relation=per_relation)
