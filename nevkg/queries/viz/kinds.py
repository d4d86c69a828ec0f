"""Kinds of things as the page draws them: families (colour and legend name), and the nodes kept in the background.

Background nodes are drawn only when the reader asks for them (one click in the legend). Two groups, each decided
from the graph, never from one record's name:

* **bookkeeping** — who *published* or *curated* the sources (things of a ``Publisher`` type, and every thing that
  is the ``dcterms:publisher`` of a source document): they tell where a fact comes from, not who acts in it;
* **unnamed** — placeholders for people or outlets the articles do not name. The curated records mark these in
  their labels, by a convention the records follow throughout (``"unnamed WeRide official"``, ``"publisher not
  named in the text"``); :data:`UNNAMED` is that convention as a pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from nevkg.errors import QueryError

__all__ = ["FAMILIES", "SPARE", "PLAIN_EDGE", "family_of", "expand_kinds", "background_reason", "UNNAMED"]

#: kind families drawn alike: key → (legend name, nev: root class, colour), in priority order. The colours keep a
#: contrast of at least 3:1 against white (WCAG 2 for graphical objects).
FAMILIES: dict[str, tuple[str, str, str]] = {
    "site": ("Production sites", "ProductionSite", "#c0392b"),
    "market": ("Market presence", "MarketPresence", "#b06f00"),
    "partnership": ("Partnerships", "Partnership", "#00807f"),
    "deployment": ("Deployments", "Deployment", "#5a7a12"),
    "policy": ("Policies", "Policy", "#8e5a2b"),
    "observation": ("Statistics", "Observation", "#5d6d7e"),
    "statement": ("Statements", "Statement", "#b04f97"),
    "role": ("Roles", "Role", "#6c59c2"),
    "target": ("Targets", "Target", "#7d6608"),
    "organization": ("Organisations", "Organization", "#2e6db4"),
    "place": ("Places", "Place", "#1f7f5c"),
    "person": ("People", "Person", "#c4661a"),
    "model": ("Vehicle models", "VehicleModel", "#8e44ad"),
    "source": ("Sources", "Source", "#566573"),
    "concept": ("Concepts", "Concept", "#7b8a8b"),
}
#: colours for kinds outside the ontology (synthetic or foreign graphs), used in turn
SPARE = ("#138d75", "#a04000", "#2874a6", "#7d3c98", "#9a7d0a", "#cb4335", "#1e8449", "#5b2c6f")
PLAIN_EDGE = "#8a96a3"
#: the curated records' convention for things the articles do not name
UNNAMED = re.compile(r"\b(unnamed|not named|anonymous)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def nev_ancestors() -> dict[str, frozenset[str]]:
    """Local name of every nev: class → local names of its nev: ancestors (itself included)."""
    from nevkg.graph.project_terms import ontology_terms
    from nevkg.ontology.namespaces import NEV, SKOS

    closure, _ = ontology_terms()
    ns = str(NEV)
    out = {}
    for cls, ancestors in closure.items():
        if str(cls).startswith(ns):
            names = {str(a)[len(ns):] for a in ancestors if str(a).startswith(ns)}
            if SKOS.Concept in ancestors:
                names.add("Concept")
            out[str(cls)[len(ns):]] = frozenset(names)
    return out


def family_of(type_name: str) -> str | None:
    """The family key of a node type, or None for a type outside the ontology.

    >>> family_of("Automaker"), family_of("Country"), family_of("Spaceship")
    ('organization', 'place', None)
    """
    ancestors = nev_ancestors().get(type_name, frozenset({type_name}))
    for key, (_, root, _) in FAMILIES.items():
        if root in ancestors:
            return key
    return None


def expand_kinds(G, kinds: Iterable[str] | str) -> set[str]:
    """Type names (case-insensitive; a superclass such as ``Organization`` stands for all its subclasses)."""
    if isinstance(kinds, str):
        kinds = [k for k in kinds.split(",") if k.strip()]
    present = {str(d.get("type", "")) for _, d in G.nodes(data=True)}
    known = present | set(nev_ancestors())
    by_lower = {k.lower(): k for k in known if k}
    wanted: set[str] = set()
    for kind in kinds:
        hit = by_lower.get(str(kind).strip().lower())
        if hit is None:
            raise QueryError(f"unknown kind {kind!r}; kinds in this graph: {', '.join(sorted(present - {''}))}")
        wanted.add(hit)
        wanted |= {t for t, ancestors in nev_ancestors().items() if hit in ancestors}
    return wanted


def background_reason(node: str, attrs: Mapping[str, Any], publishers: set[str]) -> str:
    """Why a node is kept in the background (``"bookkeeping"``, ``"unnamed"``) or ``""`` when it is drawn.

    Parameters
    ----------
    node : str
        The node's id (an IRI).
    attrs : mapping
        Its attributes (``label``, ``type``).
    publishers : set of str
        Ids of the things that published or curated a source document.

    Examples
    --------
    >>> background_reason("x", {"label": "unnamed WeRide official", "type": "Person"}, set())
    'unnamed'
    >>> background_reason("p", {"label": "36Kr", "type": "Publisher"}, set())
    'bookkeeping'
    >>> background_reason("byd", {"label": "BYD", "type": "Automaker"}, {"p"})
    ''
    """
    type_name = str(attrs.get("type", ""))
    if UNNAMED.search(str(attrs.get("label", ""))):
        return "unnamed"
    if node in publishers or "Publisher" in nev_ancestors().get(type_name, frozenset({type_name})):
        return "bookkeeping"
    return ""
