"""The ``nevkg demo`` tour: build or reuse the graph, validate it, and show what it holds."""

from __future__ import annotations

import sys

from nevkg.graph.build import build, is_current
from nevkg.graph.knowledge_graph import KnowledgeGraph, open_graph
from nevkg.graph.stats import graph_stats
from nevkg.graph.store import parse_store_spec
from nevkg.graph.validate import validate_kg

__all__ = ["example_facts", "tour_text", "run_demo"]

# Three kinds of fact, each with the source that states it; the first row of each query is shown.
EXAMPLES = {
    "partnership": """
SELECT ?fact ?text ?src ?issued WHERE {
  ?fact a nev:Partnership ; rdfs:label ?label ; nev:partnershipKind/rdfs:label ?kind ; prov:wasDerivedFrom ?s .
  ?s dcterms:title ?src ; dcterms:issued ?issued .
  { SELECT ?fact (GROUP_CONCAT(?pl; separator=" + ") AS ?partners) WHERE {
      ?fact nev:partner/rdfs:label ?pl } GROUP BY ?fact }
  BIND(CONCAT(?label, " (", ?kind, "): ", ?partners) AS ?text)
} ORDER BY ?issued ?fact LIMIT 1""",
    "statistic": """
SELECT ?fact ?text ?src ?issued WHERE {
  ?fact a nev:Observation ; rdfs:label ?label ; nev:value ?v ; nev:unit/rdfs:label ?unit ;
        prov:wasDerivedFrom ?s .
  ?s dcterms:title ?src ; dcterms:issued ?issued .
  OPTIONAL { ?fact nev:yoyChangePct ?yoy }
  OPTIONAL { ?fact nev:bound ?bound }
  BIND(CONCAT(?label, ": ", IF(BOUND(?bound), IF(?bound = "lower", "more than ", "less than "), ""),
              STR(?v), " ", ?unit, IF(BOUND(?yoy), CONCAT(" (", STR(?yoy), "% year on year)"), "")) AS ?text)
} ORDER BY DESC(?issued) DESC(?v) ?fact LIMIT 1""",
    "person": """
SELECT ?fact ?text ?src ?issued WHERE {
  ?fact a nev:Role ; nev:person/rdfs:label ?who ; nev:title ?title ; nev:organization/rdfs:label ?org ;
        prov:wasDerivedFrom ?s .
  ?s dcterms:title ?src ; dcterms:issued ?issued .
  BIND(CONCAT(?who, ", ", ?title, ", ", ?org) AS ?text)
} ORDER BY DESC(?issued) ?fact LIMIT 1""",
}


def example_facts(kg: KnowledgeGraph) -> list[tuple[str, str, str, str]]:
    """Up to three example facts as ``(kind, text, source title, source date)``.

    Examples
    --------
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> [kind for kind, *_ in example_facts(kg)]
    ['partnership', 'statistic', 'person']
    """
    out = []
    for kind, sparql in EXAMPLES.items():
        for row in kg.query(sparql):
            out.append((kind, str(row.text), str(row.src), str(row.issued)))
    return out


def tour_text(kg: KnowledgeGraph, *, reused: bool) -> str:
    """The tour: what was built, counts per class and per source, example facts, next commands."""
    report = validate_kg(kg)
    stats = graph_stats(kg)
    lines = [
        f"nevkg graph in {kg.spec} ({'reused: inputs unchanged' if reused else 'freshly built'})",
        f"validation: {'conforms to the shapes' if report.conforms else f'{len(report.violations)} violation(s)'}; "
        f"{len(report.conflicts)} conflicting figure(s) kept side by side (see 'nevkg validate')",
        f"{stats.triples} triples, {stats.facts} fact nodes, {stats.graphs} source graphs",
        "", "Things and facts per class:",
    ]
    lines += [f"  {n:>5}  {c}" for c, n in list(stats.per_class.items())[:20]]
    lines += ["", "Per source (triples, fact nodes):"]
    lines += [f"  {s['triples']:>5} {s['facts']:>4}  {s['title']}" for s in stats.per_source]
    lines += ["", "Three facts and where they come from:"]
    for kind, text, src, issued in example_facts(kg):
        lines += [f"  [{kind}] {text}", f"      source: {src} ({issued})"]
    lines += ["", "Next:",
              "  nevkg stats                      counts per class, source and relation",
              "  nevkg validate                   SHACL report and conflicting figures",
              "  nevkg export --format trig -o nevkg.trig   the graph with one named graph per source",
              "  nevkg export --format graphml -o nevkg.graphml   the network for Gephi or networkx"]
    return "\n".join(lines)


def run_demo(store: str | None = None) -> str:
    """Build the graph unless the store already holds a build of the same inputs, then return the tour."""
    spec = parse_store_spec(store)
    reused = is_current(spec)
    if reused:
        print(f"reusing the graph in {spec}", file=sys.stderr)
        kg = open_graph(spec)
    else:
        print(f"building the graph into {spec} …", file=sys.stderr)
        kg = build(spec)
    try:
        return tour_text(kg, reused=reused)
    finally:
        kg.close()
