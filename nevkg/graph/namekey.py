"""The matching key of a name (case, accents and punctuation ignored), in the graph layer: the build computes the
keys of the name index once (:mod:`nevkg.graph.columnar`), and name resolution (:mod:`nevkg.queries.resolve`)
looks a name up by the same key."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "local_key", "NAMESPACES"]

#: namespaces whose IRIs are also found by their local name (a record id: ``nevkg ask … -p org=byd``)
NAMESPACES = ("https://w3id.org/nevkg/id/", "https://w3id.org/nevkg/source/")

_FOLD = re.compile(r"[^\w]+|_")


def normalize(text: str) -> str:
    """The matching key of a name: lower case, no accents, punctuation folded to single spaces.

    >>> normalize("  Pony.ai ")
    'pony ai'
    >>> normalize("Citroën–Ebro") == normalize("citroen ebro")
    True
    >>> normalize("吉利")
    '吉利'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if not decomposed.isascii():
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD.sub(" ", decomposed).strip()


def local_key(iri: str) -> str | None:
    """The key of an IRI's local name in :data:`NAMESPACES`, or ``None``.

    >>> local_key("https://w3id.org/nevkg/id/pony-ai"), local_key("http://example.org/x")
    ('pony ai', None)
    """
    for ns in NAMESPACES:
        if iri.startswith(ns):
            return normalize(iri[len(ns):])
    return None
