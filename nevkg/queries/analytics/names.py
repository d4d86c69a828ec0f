"""A name → a node of the entity graph, looked up in the graph's own labels, aliases and ids.

``nevkg path`` needs two nodes of the entity graph. The general resolver (:func:`nevkg.queries.resolve.resolve`)
indexes every named thing of the graph (facts, sources, statements: hundreds of thousands of names at a
million triples) before it answers; the ends of a path can only be nodes of the entity graph, whose names
the core already holds. :func:`find_node` looks the name up there, with the resolver's own matching
(:func:`~nevkg.queries.resolve.normalize`: case, accents and punctuation do not matter; a label, an alias or
the id), and answers only when exactly one node has that name. Anything else (no node, several, a name
only a fact or a source has) is left to the general resolver, whose messages list the candidates or suggest
the closest names.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from nevkg.graph.entity_core import EntityCore
from nevkg.queries.resolve import NEVID, normalize

__all__ = ["find_node"]

#: attribute of a core that keeps its names as one text (built on first use)
_TEXT = "_nevkg_names"
_SEP = r"(?:[^\w]|_)"


def _fold(text: str) -> str:
    """:func:`normalize`'s case and accent folding, over a whole text at once (line breaks stay)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else "".join(c for c in decomposed if not unicodedata.combining(c))


def _names(G) -> tuple[str, list[int], list[int]]:
    """Every name of every node, one per line, folded; the lines' start offsets; each line's node index."""
    cached = getattr(G, _TEXT, None)
    if cached is not None:
        return cached
    lines, owners = [], []
    for i, (n, label, aliases) in enumerate(_labelled(G)):
        names = [label] + [a for a in aliases.split("; ") if a]
        if n.startswith(NEVID):
            names.append(n[len(NEVID):])
        for name in names:
            if "\n" not in name:
                lines.append(name)
                owners.append(i)
    text = _fold("\n".join(lines))
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    cached = (text, starts, owners)
    try:
        setattr(G, _TEXT, cached)
    except AttributeError:
        pass
    return cached


def _labelled(G):
    """``(node, label, aliases)`` for every node, in order (from the core's lists when G is a core)."""
    if isinstance(G, EntityCore):
        aliases = G.extra.get("altLabel", {})
        return ((n, label or "", aliases.get(i, "")) for i, (n, label) in enumerate(zip(G.ids, G.labels, strict=True)))
    return ((n, str(d.get("label", "")), str(d.get("altLabel") or "")) for n, d in G.nodes(data=True))


def find_node(G, name: str) -> str | None:
    """The one node of the entity graph (or its core) called ``name``, or ``None`` when not exactly one is.

    Examples
    --------
    >>> from nevkg.queries.analytics._base import _example_graph
    >>> G = _example_graph()
    >>> find_node(G, "yin tongyue"), find_node(G, "UAE"), find_node(G, "weride")
    ('https://w3id.org/nevkg/id/yin-tongyue', 'https://w3id.org/nevkg/id/united-arab-emirates', \
'https://w3id.org/nevkg/id/weride')
    >>> find_node(G, "we ride") is None, find_node(G, "Chery–Ebro joint venture") is None  # a fact's name
    (True, True)
    """
    if name in G:
        return name
    key = normalize(name)
    if not key:
        return None
    text, starts, owners = _names(G)
    tokens = key.split(" ")
    pattern = rf"^{_SEP}*" + rf"{_SEP}+".join(re.escape(t) for t in tokens) + rf"{_SEP}*$"
    ids = G.ids if isinstance(G, EntityCore) else list(G.nodes)
    found = set()
    for m in re.finditer(pattern, text, re.MULTILINE):
        i = owners[bisect.bisect_right(starts, m.start()) - 1]
        found.add(ids[i])
    found = {n for n in found if _named(G, n, key)}
    return found.pop() if len(found) == 1 else None


def _named(G, node: str, key: str) -> bool:
    """Whether ``key`` is one of the node's names under :func:`normalize` (the search above, checked)."""
    d = G.nodes[node]
    names = [str(d.get("label", ""))] + str(d.get("altLabel") or "").split("; ")
    if node.startswith(NEVID):
        names.append(node[len(NEVID):])
    return any(normalize(x) == key for x in names if x)
