"""The delta between two releases: triples per source graph, and facts added, changed and retracted.

Both releases are read from their N-Quads export (``nevkg.nq``, every named graph kept), whose checksum is
first checked against the release's index, so a damaged or edited release is refused rather than compared.
Terms are compared in their N-Triples form. (nevkg mints an IRI for every node, so no blank node can make
two identical graphs look different; a blank node in user-supplied RDF would count as removed and added.)

* **Per source graph**: the triples added to and removed from each named graph (a new source's graph
  counts all its triples as added; a graph gone, all as removed).
* **Facts**: a fact is a node typed ``nev:Fact`` (every fact kind is, superclasses being materialised) in
  either release. Over the union of all graphs, a fact is *added* when only the new release describes it,
  *retracted* when only the old one does, and *changed* when both do but its triples differ (a revised
  value, a new date, a further source); a change lists the triples added and removed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from nevkg.errors import NevkgError

__all__ = ["read_release_quads", "nquads_set", "diff_quads", "diff_releases", "delta_text", "DATA_FILE"]

#: the export a release is compared by
DATA_FILE = "nevkg.nq"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_FACT = "<https://w3id.org/nevkg/ontology#Fact>"
_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
Quad = tuple[str, str, str, str]


def read_release_quads(folder: str | Path) -> set[Quad]:
    """Every quad of a release, as N-Triples strings ``(s, p, o, g)`` (``g`` is ``""`` for the default graph).

    Raises
    ------
    NevkgError
        When the folder is not a release, or its data file does not match the checksum in its index.
    """
    from nevkg.publish.files import sha256

    folder = Path(folder)
    data, index = folder / DATA_FILE, folder / "release.json"
    if not data.is_file() or not index.is_file():
        raise NevkgError(f"{folder}: not a nevkg release (no {DATA_FILE} and release.json); make one with "
                         f"'nevkg release -o {folder}'")
    try:
        expected = next(f["sha256"] for f in json.loads(index.read_text(encoding="utf-8"))["files"]
                        if f["path"] == DATA_FILE)
    except (ValueError, KeyError, StopIteration) as exc:
        raise NevkgError(f"{index}: no checksum for {DATA_FILE}; the index is damaged") from exc
    if sha256(data) != expected:
        raise NevkgError(f"{data}: its SHA-256 differs from the one in {index}; the release was changed or damaged")
    return nquads_set(data)


def nquads_set(path: str | Path) -> set[Quad]:
    """The quads of an N-Quads file as N-Triples strings ``(s, p, o, g)`` (``g`` ``""``: the default graph)."""
    import pyoxigraph as ox

    out = set()
    with Path(path).open("rb") as fh:
        for q in ox.parse(fh, format=ox.RdfFormat.N_QUADS):
            g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
            out.add((str(q.subject), str(q.predicate), str(q.object), g))
    return out


def _facts(triples: set[tuple[str, str, str]]) -> dict[str, set[tuple[str, str]]]:
    facts = {s for s, p, o in triples if p == _TYPE and o == _FACT}
    out: dict[str, set[tuple[str, str]]] = {f: set() for f in facts}
    for s, p, o in triples:
        if s in out:
            out[s].add((p, o))
    return out


def _iri(term: str) -> str:
    return term[1:-1] if term.startswith("<") and term.endswith(">") else term


def diff_quads(old: set[Quad], new: set[Quad]) -> dict[str, Any]:
    """The delta between two sets of quads (see the module docstring).

    Returns
    -------
    dict
        ``triples`` (``added``/``removed`` over the union), ``graphs`` (graph IRI → ``added``/``removed``,
        only graphs that changed), ``facts`` (``added``, ``retracted``: lists of ``{"id", "sources"}``;
        ``changed``: ``{"id", "added", "removed"}`` with triples as ``[predicate, object]``).

    Examples
    --------
    >>> a = {("<x>", _TYPE, _FACT, "<g1>"), ("<x>", "<v>", '"1"', "<g1>")}
    >>> b = {("<x>", _TYPE, _FACT, "<g1>"), ("<x>", "<v>", '"2"', "<g2>")}
    >>> d = diff_quads(a, b)
    >>> d["graphs"]
    {'g1': {'added': 0, 'removed': 1}, 'g2': {'added': 1, 'removed': 0}}
    >>> d["facts"]["changed"]
    [{'id': 'x', 'added': [['v', '"2"']], 'removed': [['v', '"1"']]}]
    """
    per_graph: dict[str, dict[str, int]] = defaultdict(lambda: {"added": 0, "removed": 0})
    for *_, g in new - old:
        per_graph[_iri(g) or "default"]["added"] += 1
    for *_, g in old - new:
        per_graph[_iri(g) or "default"]["removed"] += 1
    old_t = {q[:3] for q in old}
    new_t = {q[:3] for q in new}
    old_f, new_f = _facts(old_t), _facts(new_t)

    def sources(fact: str, props: set[tuple[str, str]]) -> list[str]:
        return sorted(_iri(o) for p, o in props if p == _DERIVED)

    added = [{"id": _iri(f), "sources": sources(f, new_f[f])} for f in sorted(set(new_f) - set(old_f))]
    retracted = [{"id": _iri(f), "sources": sources(f, old_f[f])} for f in sorted(set(old_f) - set(new_f))]
    changed = []
    for f in sorted(set(old_f) & set(new_f)):
        if old_f[f] != new_f[f]:
            changed.append({"id": _iri(f), "added": [[_iri(p), _iri(o)] for p, o in sorted(new_f[f] - old_f[f])],
                            "removed": [[_iri(p), _iri(o)] for p, o in sorted(old_f[f] - new_f[f])]})
    return {"triples": {"added": len(new_t - old_t), "removed": len(old_t - new_t)},
            "graphs": {g: per_graph[g] for g in sorted(per_graph)},
            "facts": {"added": added, "changed": changed, "retracted": retracted}}


def diff_releases(old: str | Path, new: str | Path) -> dict[str, Any]:
    """The delta from release folder ``old`` to release folder ``new`` (:func:`diff_quads` of their data)."""
    delta = diff_quads(read_release_quads(old), read_release_quads(new))
    return {"old": str(old), "new": str(new), **delta}


def delta_text(delta: dict[str, Any]) -> str:
    """The delta for people: totals, one line per changed graph, then the facts.

    Examples
    --------
    >>> print(delta_text({"triples": {"added": 1, "removed": 0}, "graphs": {"g": {"added": 1, "removed": 0}},
    ...                   "facts": {"added": [], "changed": [], "retracted": []}}))
    1 triple(s) added, 0 removed; facts: 0 added, 0 changed, 0 retracted
    per source graph (added, removed):
         +1      -0  g
    """
    facts = delta["facts"]
    lines = [f"{delta['triples']['added']} triple(s) added, {delta['triples']['removed']} removed; facts: "
             f"{len(facts['added'])} added, {len(facts['changed'])} changed, {len(facts['retracted'])} retracted"]
    if delta["graphs"]:
        lines.append("per source graph (added, removed):")
        lines += [f"  {'+' + str(c['added']):>5}  {'-' + str(c['removed']):>6}  {g}"
                  for g, c in delta["graphs"].items()]
    for kind in ("added", "retracted"):
        for f in facts[kind]:
            lines.append(f"fact {kind}: {f['id']}  ({', '.join(f['sources']) or 'no source'})")
    for f in facts["changed"]:
        lines.append(f"fact changed: {f['id']}")
        lines += [f"    - {p} {o}" for p, o in f["removed"]] + [f"    + {p} {o}" for p, o in f["added"]]
    return "\n".join(lines)
