"""The ``nevkg demo`` tour: build or reuse the graph, validate it, and show what it holds."""

from __future__ import annotations

import sys
from pathlib import Path

from nevkg.graph.build import build, is_current
from nevkg.graph.dates import as_stated
from nevkg.graph.knowledge_graph import KnowledgeGraph, open_graph
from nevkg.graph.stats import graph_stats
from nevkg.graph.store import parse_store_spec
from nevkg.graph.validate import validate_kg

__all__ = ["example_facts", "tour_text", "write_pictures", "run_demo"]

# Three kinds of fact, each with the source that states it; the first row of each query is shown.
# DISTINCT everywhere: a fact stated by two sources is in two graphs, and the union repeats it.
EXAMPLES = {
    "partnership": """
SELECT ?label ?kind (GROUP_CONCAT(DISTINCT ?pl; separator=" + ") AS ?partners) ?src ?issued
       (SAMPLE(?prec) AS ?precision) WHERE {
  ?fact a nev:Partnership ; rdfs:label ?label ; nev:partnershipKind nev:JointVenture ; nev:partner/rdfs:label ?pl ;
        prov:wasDerivedFrom ?s .
  nev:JointVenture rdfs:label ?kind . ?s dcterms:title ?src ; dcterms:issued ?issued .
  OPTIONAL { ?s nev:issuedPrecision ?prec }
} GROUP BY ?fact ?label ?kind ?src ?issued ORDER BY STR(?issued) ?fact LIMIT 1""",
    "statistic": """
SELECT DISTINCT ?label ?v ?unit ?yoy ?bound ?approx ?src ?issued ?precision WHERE {
  ?fact a nev:Observation ; rdfs:label ?label ; nev:value ?v ; nev:unit/rdfs:label ?unit ;
        prov:wasDerivedFrom ?s ; nev:measure nevid:export-volume .
  ?s dcterms:title ?src ; dcterms:issued ?issued .
  OPTIONAL { ?fact nev:yoyChangePct ?yoy }
  OPTIONAL { ?fact nev:bound ?bound }
  OPTIONAL { ?fact nev:approximate ?approx }
  OPTIONAL { ?s nev:issuedPrecision ?precision }
} ORDER BY DESC(STR(?issued)) DESC(?v) ?fact LIMIT 1""",
    "person": """
SELECT DISTINCT ?who ?title ?org ?src ?issued ?precision WHERE {
  ?fact a nev:Role ; nev:person/rdfs:label ?who ; nev:title ?title ; nev:organization/rdfs:label ?org ;
        prov:wasDerivedFrom ?s .
  ?s dcterms:title ?src ; dcterms:issued ?issued .
  OPTIONAL { ?s nev:issuedPrecision ?precision }
} ORDER BY DESC(STR(?issued)) ?fact LIMIT 1""",
}


def _number(value) -> str:
    number = value.toPython()
    return f"{number:,f}".rstrip("0").rstrip(".") if "." in f"{number:f}" else f"{number:,}"


def _describe(kind: str, row) -> str:
    if kind == "partnership":
        return f"{row.label} ({row.kind}): {row.partners}"
    if kind == "statistic":
        qualifier = {"lower": "more than ", "upper": "less than "}.get(str(row.bound or ""), "")
        if row.approx is not None and row.approx.toPython():
            qualifier = "about " + qualifier
        change = f" ({_number(row.yoy)}% year on year)" if row.yoy is not None else ""
        return f"{row.label}: {qualifier}{_number(row.v)} {row.unit}{change}"
    return f"{row.who}, {row.title}, {row.org}"


def example_facts(kg: KnowledgeGraph) -> list[tuple[str, str, str, str]]:
    """Up to three example facts as ``(kind, text, source title, source date)``.

    Examples
    --------
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> for kind, text, source, issued in example_facts(kg):
    ...     print(kind, "|", text, "|", source)
    partnership | Chery–Ebro joint venture (joint venture): Chery + Ebro | Fixture article A
    statistic | export volume of China, 2026-01/2026-02: 583,000 vehicles (110% year on year) | Fixture article A
    person | Yin Tongyue, chairman, Chery | Fixture article A
    """
    out = []
    for kind, sparql in EXAMPLES.items():
        for row in kg.query(sparql):
            issued = as_stated(row.issued, getattr(row, "precision", None))
            out.append((kind, _describe(kind, row), str(row.src), issued))
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


def write_pictures(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """The overview network page and a chart of China's exports, written into ``out_dir``."""
    from nevkg.queries.chart import render_chart, series
    from nevkg.queries.viz import render_html, subgraph_for

    out_dir.mkdir(parents=True, exist_ok=True)
    written = [render_html(subgraph_for(kg), out_dir / "overview.html", title="nevkg: the NEV export ecosystem")]
    points = series(kg, "export volume", ["China"], unit="vehicles")
    if points:
        written.append(render_chart(points, out_dir / "china-exports.html", title="China's vehicle exports"))
    return written


def run_demo(store: str | None = None, *, out_dir: str | Path | None = None) -> str:
    """Build the graph unless the store already holds a build of the same inputs, then return the tour.

    The overview page and a chart are written to ``out_dir`` (default: the store's home folder, or the
    current folder for the memory store).
    """
    spec = parse_store_spec(store)
    reused = is_current(spec)
    if reused:
        print(f"reusing the graph in {spec}", file=sys.stderr)
        kg = open_graph(spec)
    else:
        print(f"building the graph into {spec} …", file=sys.stderr)
        kg = build(spec)
    try:
        text = tour_text(kg, reused=reused)
        folder = Path(out_dir) if out_dir else (spec.path if spec.kind == "oxigraph" else Path("."))
        pictures = write_pictures(kg, folder)
        text += "\n\nPictures (open in a browser; they work offline):\n" + "\n".join(f"  {p}" for p in pictures)
        return text
    finally:
        kg.close()
