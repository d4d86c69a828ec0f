"""Name resolution: a label, an alias, an id or an IRI → the IRI of one thing in the graph.

Matching ignores case, accents and punctuation ("pony.ai", "Pony AI" and "PONY-AI" are the same key).
An ambiguous name lists the candidates with their kinds; an unknown one suggests the closest names.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from nevkg.errors import AmbiguousNameError, UnknownNameError
from nevkg.graph.namekey import local_key, normalize  # noqa: F401 - normalize: also this module's API

__all__ = ["normalize", "Candidate", "NameIndex", "name_index", "resolve", "resolve_iri"]

# plain strings, so that resolving a name (the trade queries' command path) needs no rdflib
NEV, NEVID, SOURCE = "https://w3id.org/nevkg/ontology#", "https://w3id.org/nevkg/id/", "https://w3id.org/nevkg/source/"

#: classes whose instances are not things a user names (vocabulary terms, graph bookkeeping)
_HIDDEN = {"SourceGraph"}

INDEX_QUERY = """
SELECT DISTINCT ?s ?name ?label ?type WHERE {
  ?s rdfs:label ?label .
  { ?s rdfs:label ?name } UNION { ?s skos:altLabel ?name }
  OPTIONAL { ?s a ?type . FILTER(STRSTARTS(STR(?type), STR(nev:))) }
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { GRAPH nevg:ontology { ?s ?anyp ?anyo } }
}"""

FACT_CLASSES = {"Role", "ProductionSite", "Partnership", "MarketPresence", "Investment", "Policy", "Deployment",
                "Statement", "Observation", "Target"}
_GENERAL = {"Organization", "Place", "Company", "Fact", "GovernmentBody"}


@dataclass(frozen=True)
class Candidate:
    """A thing a name may refer to."""

    iri: str
    label: str
    kind: str

    def __str__(self) -> str:
        short = self.iri[len(str(NEVID)):] if self.iri.startswith(str(NEVID)) else self.iri
        return f"{self.label} ({self.kind}, {short})"


class NameIndex:
    """Every named thing of a graph under its normalized labels, aliases and id.

    Built from the rows of :data:`INDEX_QUERY` run on the graph, or (:meth:`from_rows`) from the same rows
    stored with the build (:func:`nevkg.graph.columnar.read_names`), which leaves out the observations of
    statistics tables: millions of generated labels nobody names a thing by.
    """

    def __init__(self, kg=None, *, rows=None) -> None:
        self.keys: dict[str, set[str]] = {}
        self.things: dict[str, Candidate] = {}
        types: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        local: dict[str, str | None] = {}  # IRI → the key of its local name, when the rows carry it
        if rows is None:
            rows = ((row.s, row.name, row.label, row.type) for row in kg.query(INDEX_QUERY))
        for row in rows:  # (iri, name, label, type), and from the build also the name's key and the local key
            s, name, label, kind = row[:4]
            iri = str(s)
            labels.setdefault(iri, str(label))
            if kind is not None:
                types.setdefault(iri, set()).add(str(kind)[len(str(NEV)):])
            self.keys.setdefault(row[4] if len(row) > 4 else normalize(str(name)), set()).add(iri)
            if len(row) > 5:
                local[iri] = row[5]
        for iri, label in labels.items():
            kinds = types.get(iri, set())
            if kinds & _HIDDEN:
                continue
            specific = sorted(kinds - _GENERAL) or sorted(kinds) or ["Thing"]
            self.things[iri] = Candidate(iri, label, specific[0])
            key = local[iri] if iri in local else local_key(iri)
            if key is not None:
                self.keys.setdefault(key, set()).add(iri)
        for key in list(self.keys):
            self.keys[key] = {i for i in self.keys[key] if i in self.things}
            if not self.keys[key]:
                del self.keys[key]

    def lookup(self, name: str, kinds: set[str] | None = None) -> list[Candidate]:
        """All things the name may mean (an IRI matches itself), optionally only of the given kinds."""
        if name.startswith(("http://", "https://", "urn:")) and name in self.things:
            found = [self.things[name]]
        else:
            found = [self.things[i] for i in sorted(self.keys.get(normalize(name), ()))]
        if kinds:
            found = [c for c in found if c.kind in kinds]
        return found

    def suggest(self, name: str, n: int = 5) -> list[Candidate]:
        """The closest names, for a 'did you mean' message."""
        keys = difflib.get_close_matches(normalize(name), list(self.keys), n=n, cutoff=0.6)
        seen: dict[str, Candidate] = {}
        for key in keys:
            for iri in sorted(self.keys[key]):
                seen.setdefault(iri, self.things[iri])
        return list(seen.values())[:n]


_INDEXES: WeakKeyDictionary = WeakKeyDictionary()


def name_index(kg) -> NameIndex:
    """The name index of a graph, built once per graph object (from the rows stored with the build if any)."""
    index = _INDEXES.get(kg)
    if index is None:
        from nevkg.graph.columnar import read_names

        rows = read_names(getattr(kg, "store_dir", None))
        index = _INDEXES[kg] = NameIndex(kg, rows=rows)
    return index


def resolve(kg, name: str, *, kinds: set[str] | None = None, what: str | None = None):
    """The IRI a name refers to.

    Parameters
    ----------
    kg : KnowledgeGraph
    name : str
        A label, an alias, a record id or an IRI; case, accents and punctuation do not matter.
    kinds : set of str, optional
        Accept only things of these kinds (most specific class names, e.g. ``{"Automaker", "Brand"}``).
    what : str, optional
        How to call such a thing in messages (default: the kinds).

    Returns
    -------
    rdflib.URIRef

    Raises
    ------
    AmbiguousNameError
        The name fits several things (of the allowed kinds) and none is preferable: the message lists them.
        A thing wins over fact nodes (a partnership called "Geely" never shadows Geely).
    UnknownNameError
        Nothing has that name; the message suggests the closest ones.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> kg = build("memory", ["tests/resources/records"], shipped=False)
    >>> str(resolve(kg, "UAE"))
    'https://w3id.org/nevkg/id/united-arab-emirates'
    >>> str(resolve(kg, "we ride"))
    Traceback (most recent call last):
    ...
    nevkg.errors.UnknownNameError: no thing is called 'we ride'; did you mean: WeRide (TechnologyCompany, weride)?
    """
    from rdflib import URIRef

    return URIRef(resolve_iri(name_index(kg), name, kinds=kinds, what=what))


def resolve_iri(index: NameIndex, name: str, *, kinds: set[str] | None = None, what: str | None = None) -> str:
    """:func:`resolve` on a :class:`NameIndex`: the IRI as a string (no rdflib needed)."""
    found = index.lookup(name, kinds)
    if len(found) > 1:
        things = [c for c in found if c.kind not in FACT_CLASSES]
        if len(things) == 1:
            found = things
    if len(found) == 1:
        return found[0].iri
    if found:
        listing = "; ".join(str(c) for c in found)
        raise AmbiguousNameError(f"'{name}' may mean: {listing}; give the id (or IRI) of the one you mean",
                                 candidates=found)
    suggestions = [c for c in index.suggest(name) if not kinds or c.kind in kinds]
    what = f"no {what or ' or '.join(sorted(kinds))}" if kinds else "no thing"
    hint = f"; did you mean: {', '.join(str(c) for c in suggestions)}?" if suggestions else \
        "; 'nevkg query' or 'nevkg ask --list' can help find it"
    raise UnknownNameError(f"{what} is called '{name}'{hint}")
