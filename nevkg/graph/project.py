"""Project the knowledge graph onto a networkx :class:`~networkx.MultiDiGraph` (for paths, centrality, exports).

Unlike rdflib's own converters, which turn every literal into a node, the projection keeps only the *things*
of the graph as nodes and folds their literal values into node attributes:

* **Nodes** are the subjects typed with a ``nev:`` class (organisations, places, people, vehicle models and the
  fact nodes) or with ``skos:Concept`` (measures, units, product scopes). Terms of the ontology itself
  (``nev:`` classes and vocabulary individuals such as ``nev:JointVenture``) are not nodes: they become
  attributes (see below). Source documents (``nev:Source``)
  and the metadata of the source graphs are provenance, not things: they stay out unless
  ``include_sources=True``; what they say is kept on every node and edge as ``sources``.
* **Node attributes** (all scalars, never ``None``, so GraphML and GEXF can hold them):

  - ``label``: the ``rdfs:label`` (English or untagged preferred);
  - ``type``: the local name of the most specific ``nev:`` class (``"Automaker"``, ``"Partnership"``,
    ``"Observation"``; ``"Concept"`` for a plain SKOS concept);
  - ``kind_group``: ``"fact"`` for instances of ``nev:Fact`` subclasses (Role, Partnership, MarketPresence,
    Policy, Deployment, Statement, Observation, ProductionSite, Target), ``"source"`` for source documents,
    else ``"entity"``;
  - ``sources``: the ids of the sources whose named graphs describe the node, sorted and comma-joined;
  - every literal value under the predicate's local name (``value``, ``periodStart``, ``isoCode``,
    ``startDate``, ``title``, ``altLabel`` …): numbers as ``int``/``float``, booleans as ``bool``, dates and
    text as their lexical ``str``; several values are joined with ``"; "``. An attribute that would hold
    different types on different nodes is made uniform (``float`` for mixed numbers, else ``str``);
  - values from the ontology's own vocabularies (``nev:partnershipKind nev:JointVenture``) as their label
    under the predicate's local name (``partnershipKind="joint venture"``), and, for convenience, the labels
    of the ``unit``, ``measure`` and ``productScope`` concepts (which are also linked by edges).

* **Edges** are the object-property triples between two nodes, one per ``(subject, predicate, object)``,
  keyed by the relation name, with ``relation`` (the predicate's local name, e.g. ``"partner"``),
  ``label`` (the predicate's ``rdfs:label`` in the ontology, e.g. ``"located in"``), ``predicate`` (its IRI)
  and ``sources``. ``rdf:type`` and ``prov:wasDerivedFrom`` are never edges (the latter becomes ``sources``),
  nor are literal-valued predicates.

With ``collapse_facts=True`` every fact node is removed and its participants are linked directly, pairwise,
following :data:`FACT_LINKS` (participant predicates per fact class):

==============  =========================================  ==========================================
fact class      edge (``relation``: from → to)              edge ``label``
==============  =========================================  ==========================================
Partnership     ``partnership``: partner → partner          the partnership's label
                (each unordered pair once, in IRI order);
                ``partnershipMarket``: partner → market
Role            ``role``: person → organization             the title (``"chairman"``)
MarketPresence  ``marketPresence``: exporter → market       the fact's label
Investment      ``investment``: investor → place;           the investment's label
                ``investmentIn``: investor → investee
ProductionSite  ``productionSite``: operator → place;       the site's label
                ``productionSitePartner``: operator →
                operator; ``productionSiteProduct``:
                operator → product (``produces``)
Policy          ``policy``: issuer → targets;               the policy's label
                ``policyJurisdiction``: issuer →
                jurisdiction
Deployment      ``deployment``: operator → place;           the deployment's label
                ``deploymentPartner``: operator → partner
Statement       ``statement``: speaker → about              the statement's label
Observation     ``observation``: subject → destination;     the observation's label
                ``observationCompiledBy``: subject →
                compiledBy
Target          (none: a target belongs to its partnership or deployment)
==============  =========================================  ==========================================

Collapsed edges carry ``fact`` (the fact node's IRI), ``factType`` and ``sources`` (the sources stating both
participant links). Participants that are themselves fact nodes, and self-loops, are skipped; other edges
that touch a fact node disappear with it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.graph.dates import as_stated
from nevkg.graph.project_terms import (
    join_values,
    local_name,
    most_specific,
    ontology_terms,
    pick_label,
    prefixed_name,
    scalar,
    source_id,
    uniform,
)
from nevkg.ontology.namespaces import DCTERMS, NEV, PROV, RDF, RDFS, SKOS, SOURCE

__all__ = ["to_networkx", "FACT_LINKS", "source_id"]

#: fact class (local name) → ``(from predicate, to predicate, relation)`` triples used by ``collapse_facts``;
#: the same predicate twice links every unordered pair of its values once
FACT_LINKS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "Partnership": (("partner", "partner", "partnership"), ("partner", "market", "partnershipMarket")),
    "Role": (("person", "organization", "role"),),
    "MarketPresence": (("exporter", "market", "marketPresence"),),
    "Investment": (("investor", "place", "investment"), ("investor", "investee", "investmentIn")),
    "ProductionSite": (("operator", "place", "productionSite"), ("operator", "operator", "productionSitePartner"),
                       ("operator", "produces", "productionSiteProduct")),
    "Policy": (("issuer", "targets", "policy"), ("issuer", "jurisdiction", "policyJurisdiction")),
    "Deployment": (("operator", "place", "deployment"), ("operator", "partner", "deploymentPartner")),
    "Statement": (("speaker", "about", "statement"),),
    "Observation": (("subject", "destination", "observation"), ("subject", "compiledBy", "observationCompiledBy")),
    "Target": (),
    "Plan": (("author", "market", "planMarket"),),
}

#: predicates that are never edges
_SKIP_EDGE = {RDF.type, PROV.wasDerivedFrom}
#: object properties whose target's label is also copied onto the node as an attribute
_LABEL_ATTRS = {NEV.unit: "unit", NEV.measure: "measure", NEV.productScope: "productScope"}
#: labels of predicates from outside the ontology
_EXTRA_LABELS = {PROV.wasDerivedFrom: "derived from", SKOS.broader: "broader", SKOS.narrower: "narrower",
                 DCTERMS.publisher: "publisher", DCTERMS.references: "references"}
#: node attribute names the projection sets itself
_RESERVED = {"id", "key", "label", "type", "kind_group", "sources"}



def to_networkx(kg, *, collapse_facts: bool = False, include_sources: bool = False):
    """Project a knowledge graph onto a networkx multi-digraph of its things.

    See the module documentation for exactly what becomes a node, an attribute and an edge.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph (anything with a ``quads()`` method yielding ``(s, p, o, graph)``).
    collapse_facts : bool, optional
        Replace every fact node (Partnership, Role, Observation …) by direct, labelled edges between its
        participants (see :data:`FACT_LINKS`). Default: keep fact nodes.
    include_sources : bool, optional
        Keep source documents as nodes (``kind_group="source"``), linked by ``wasDerivedFrom`` and
        ``publisher`` edges. Default: leave them out (they remain in every ``sources`` attribute).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by IRI (a string); edges keyed by relation name (collapsed edges: ``relation fact-IRI``).

    Examples
    --------
    >>> from rdflib import Literal
    >>> from nevkg.graph.knowledge_graph import KnowledgeGraph, new_dataset
    >>> from nevkg.graph.store import parse_store_spec
    >>> from nevkg.ontology.namespaces import GRAPH, NEV, NEVID, RDF, RDFS
    >>> ds = new_dataset()
    >>> g = ds.graph(GRAPH["news-1"])
    >>> g += [(NEVID.chery, RDF.type, NEV.Automaker), (NEVID.chery, RDFS.label, Literal("Chery")),
    ...       (NEVID.ebro, RDF.type, NEV.Automaker), (NEVID.ebro, RDFS.label, Literal("Ebro")),
    ...       (NEVID.jv, RDF.type, NEV.Partnership), (NEVID.jv, RDFS.label, Literal("Chery–Ebro joint venture")),
    ...       (NEVID.jv, NEV.partner, NEVID.chery), (NEVID.jv, NEV.partner, NEVID.ebro)]
    >>> kg = KnowledgeGraph(ds, parse_store_spec("memory"))
    >>> G = to_networkx(kg)
    >>> G.nodes[str(NEVID.jv)]["type"], G.nodes[str(NEVID.jv)]["kind_group"]
    ('Partnership', 'fact')
    >>> sorted((G.nodes[v]["label"], d["relation"], d["sources"]) for _, v, d in G.edges(data=True))
    [('Chery', 'partner', 'news-1'), ('Ebro', 'partner', 'news-1')]
    >>> H = to_networkx(kg, collapse_facts=True)
    >>> [(H.nodes[u]["label"], d["relation"], d["label"], H.nodes[v]["label"]) for u, v, d in H.edges(data=True)]
    [('Chery', 'partnership', 'Chery–Ebro joint venture', 'Ebro')]
    """
    import networkx as nx

    closure, onto_labels = ontology_terms()
    onto_labels = {**_EXTRA_LABELS, **onto_labels}
    default = DATASET_DEFAULT_GRAPH_ID

    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    literals: dict[URIRef, dict[URIRef, list[Literal]]] = defaultdict(lambda: defaultdict(list))
    links: dict[tuple[URIRef, URIRef, URIRef], set[URIRef]] = defaultdict(set)
    subject_graphs: dict[URIRef, set[URIRef]] = defaultdict(set)
    graph_sources: dict[URIRef, URIRef] = {}
    labels_of_terms: dict[URIRef, list[Literal]] = defaultdict(list)
    precision: dict[URIRef, dict[str, str]] = defaultdict(dict)  # a date's stated precision, by property name

    rdf_type, derived, rdfs_label = RDF.type, PROV.wasDerivedFrom, RDFS.label
    nev_ns = str(NEV)
    for s, p, o, g in kg.quads():
        if not isinstance(s, URIRef):
            continue
        if g != default:
            subject_graphs[s].add(g)
        elif p == derived and isinstance(o, URIRef):
            graph_sources[s] = o
        if p == rdf_type:
            if isinstance(o, URIRef):
                types[s].add(o)
        elif isinstance(o, Literal):
            literals[s][p].append(o)
            if p == rdfs_label:
                labels_of_terms[s].append(o)
        elif isinstance(o, URIRef) and (include_sources or p != derived):
            if p.startswith(nev_ns) and p.endswith("Precision"):
                precision[s][local_name(str(p))[:-len("Precision")]] = str(o)
            links[(s, p, o)].add(g)

    fact_classes = {t for t, ancestors in closure.items() if NEV.Fact in ancestors}
    source_cls, source_graph_cls, concept_cls = NEV.Source, NEV.SourceGraph, SKOS.Concept

    def kind_of(node: URIRef, node_types: set[URIRef]) -> str | None:
        if node.startswith(nev_ns):  # ontology terms and vocabulary individuals are not things
            return None
        if source_cls in node_types:
            return "source" if include_sources else None
        if source_graph_cls in node_types:
            return None
        if concept_cls in node_types or any(t.startswith(nev_ns) for t in node_types):
            return "fact" if node_types & fact_classes else "entity"
        return None

    source_ids: dict[URIRef, str] = {}

    def sources_of(graphs: Iterable[URIRef]) -> str:
        ids = set()
        for g in graphs:
            if g != default:
                hit = source_ids.get(g)
                if hit is None:
                    hit = source_ids[g] = source_id(g, graph_sources)
                ids.add(hit)
        return ",".join(sorted(ids))

    def label_of(term: URIRef) -> str:
        if term in labels_of_terms:
            return pick_label(labels_of_terms[term])
        return onto_labels.get(term, local_name(str(term)))

    G = nx.MultiDiGraph()
    node_types: dict[URIRef, str] = {}
    type_names: dict[frozenset, str] = {}
    for node, ts in sorted(types.items(), key=lambda item: str(item[0])):  # stable order, stable exports
        group = kind_of(node, ts)
        if group is None:
            continue
        key = frozenset(ts)
        type_name = type_names.get(key)
        if type_name is None:
            specific = most_specific(ts, closure)
            type_name = type_names[key] = (local_name(str(specific)) if specific is not None
                                           else "Concept" if SKOS.Concept in ts else "Thing")
        node_types[node] = type_name
        own = source_id(node) if group == "source" and str(node).startswith(str(SOURCE)) else ""
        attrs: dict[str, Any] = {"label": label_of(node), "type": type_name, "kind_group": group,
                                 "sources": own or sources_of(subject_graphs.get(node, ()))}
        collected: dict[str, list[Any]] = defaultdict(list)
        for pred, values in literals.get(node, {}).items():
            if pred == RDFS.label:
                continue
            name = local_name(str(pred))
            if name in _RESERVED:
                name = prefixed_name(str(pred))
            collected[name] += [scalar(v) for v in values]
            stated = precision.get(node, {}).get(name)
            if stated:  # a date shown as its source stated it ("2024", not the stored 2024-01-01)
                collected[name] = [as_stated(v, stated) for v in collected[name]]
        attrs.update({name: join_values(collected[name]) for name in sorted(collected)})
        G.add_node(str(node), **attrs)

    vocab: dict[str, list[str]] = defaultdict(list)
    edge_rows: list[tuple[URIRef, URIRef, URIRef, set[URIRef]]] = []
    for (s, p, o), graphs in sorted(links.items(), key=lambda item: tuple(map(str, item[0]))):
        if s not in node_types:
            continue
        if o in node_types:
            if p in _SKIP_EDGE and not (include_sources and p == PROV.wasDerivedFrom):
                continue
            edge_rows.append((s, p, o, graphs))
            if p in _LABEL_ATTRS:
                vocab[f"{s}\n{_LABEL_ATTRS[p]}"].append(label_of(o))
        elif p not in _SKIP_EDGE and str(o).startswith(str(NEV)) and o in onto_labels:
            name = local_name(str(p))
            vocab[f"{s}\n{prefixed_name(str(p)) if name in _RESERVED else name}"].append(onto_labels[o])
    for key in sorted(vocab):
        node, name = key.split("\n")
        values = vocab[key]
        G.nodes[node][name] = join_values(values)

    facts = {n for n, d in G.nodes(data=True) if d["kind_group"] == "fact"} if collapse_facts else set()
    for s, p, o, graphs in edge_rows:  # already sorted
        if str(s) in facts or str(o) in facts:
            continue
        relation = local_name(str(p))
        key = relation if not G.has_edge(str(s), str(o), relation) else f"{relation} {p}"
        G.add_edge(str(s), str(o), key=key, relation=relation, label=onto_labels.get(p, relation),
                   predicate=str(p), sources=sources_of(graphs))

    if collapse_facts:
        by_fact: dict[URIRef, dict[str, list[tuple[URIRef, set[URIRef]]]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o, graphs in edge_rows:
            if str(s) in facts and str(o) not in facts:
                by_fact[s][local_name(str(p))].append((o, graphs))
        for fact in sorted(by_fact, key=str):
            data = G.nodes[str(fact)]
            spec = _fact_links(fact, types[fact], closure)
            roles = by_fact[fact]
            for from_pred, to_pred, relation in spec:
                if from_pred == to_pred:
                    pairs = itertools.combinations(sorted(roles.get(from_pred, []), key=lambda r: str(r[0])), 2)
                else:
                    pairs = itertools.product(roles.get(from_pred, []), roles.get(to_pred, []))
                for (a, ga), (b, gb) in pairs:
                    if a == b:
                        continue
                    label = data.get("title") if relation == "role" and data.get("title") else data["label"]
                    G.add_edge(str(a), str(b), key=f"{relation} {fact}", relation=relation, label=str(label),
                               fact=str(fact), factType=data["type"], sources=sources_of(ga & gb or ga | gb))
        G.remove_nodes_from(facts)

    uniform(d for _, d in G.nodes(data=True))
    uniform(d for _, _, d in G.edges(data=True))
    return G


def _fact_links(fact: URIRef, ts: set[URIRef], closure: dict[URIRef, frozenset[URIRef]]):
    """The participant links for a fact node: those of its most specific class listed in FACT_LINKS."""
    ranked = sorted((c for t in ts for c in closure.get(t, {t})), key=lambda c: -len(closure.get(c, ())))
    for cls in ranked:
        name = local_name(str(cls))
        if str(cls).startswith(str(NEV)) and name in FACT_LINKS:
            return FACT_LINKS[name]
    return ()
