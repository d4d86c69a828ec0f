"""Where nodes go: a layout computed in Python, graph aggregation above a size, and synthetic graphs for tests.

The page refines small layouts in the browser (ForceAtlas2 with hubs dissuaded, then a no-overlap pass: see
``assets/app.js``); above :data:`BROWSER_LAYOUT_MAX` nodes the positions computed here are drawn as they are.
"""

from __future__ import annotations

import math
import random
from typing import Any

__all__ = ["layout", "aggregate", "demo_graph", "synthetic_graph", "BROWSER_LAYOUT_MAX"]

#: up to this many nodes the browser refines the layout with ForceAtlas2 before the first frame. Measured by
#: bench/viz.py ("browser layout") in headless Chromium on this machine's 2 shared cores (load average 7 to 9):
#: 0.7–2.5 s at 500 nodes (500 iterations), 1.6 s at 1,000 and 3.8 s at 2,000 (250 iterations); the threshold
#: sits where it stays near a second or two. Above it the Python layout is drawn as it is.
BROWSER_LAYOUT_MAX = 1000


def _spiral_layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """A sunflower spiral (no numpy needed): the fallback layout."""
    golden = math.pi * (3 - math.sqrt(5))
    return {n: (math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden))
            for i, n in enumerate(nodes)}


def _grid_fr_layout(nodes: list[str], edges: list[tuple[int, int]], *, seed: int = 7,
                    iterations: int = 50) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in numpy with the repulsion approximated through a grid of cells.

    Each node is repelled by the centres of mass of the (at most 16 × 16) occupied cells rather than by every
    other node, so an iteration costs O(n · cells + edges) instead of O(n²): about 0.3 s in all at 5,000 nodes.
    """
    import numpy as np

    n = len(nodes)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = (rng.random((n, 2)) * side).astype(np.float32)
    ei = np.array(edges, dtype=np.int64).reshape(-1, 2)
    u, v = ei[:, 0], ei[:, 1]
    cells = int(max(4, min(16, math.sqrt(n / 8))))
    temperature = side / 8
    cool = (0.02 / temperature) ** (1 / max(iterations, 1))
    disp = np.empty_like(pos)
    for _ in range(iterations):
        lo = pos.min(axis=0)
        span = np.maximum(pos.max(axis=0) - lo, 1e-6)
        cell = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
        cid = cell[:, 0] * cells + cell[:, 1]
        mass = np.bincount(cid, minlength=cells * cells).astype(np.float32)
        occupied = mass > 0
        m = mass[occupied]
        cx = (np.bincount(cid, weights=pos[:, 0], minlength=cells * cells)[occupied] / m).astype(np.float32)
        cy = (np.bincount(cid, weights=pos[:, 1], minlength=cells * cells)[occupied] / m).astype(np.float32)
        soft = np.float32((span.max() / cells / 2) ** 2)
        dx = pos[:, 0:1] - cx[None, :]
        dy = pos[:, 1:2] - cy[None, :]
        w = m[None, :] / (dx * dx + dy * dy + soft)  # repulsion k²/d with k = 1, along the unit vector
        disp[:, 0] = (dx * w).sum(axis=1)
        disp[:, 1] = (dy * w).sum(axis=1)
        if len(u):
            delta = pos[u] - pos[v]
            pull = delta * np.sqrt((delta * delta).sum(axis=1))[:, None]  # attraction d²/k
            for axis in (0, 1):
                disp[:, axis] += np.bincount(v, weights=pull[:, axis], minlength=n) - \
                    np.bincount(u, weights=pull[:, axis], minlength=n)
        disp -= (pos - pos.mean(axis=0)) * 0.05  # gravity keeps loose components near
        length = np.sqrt((disp * disp).sum(axis=1))[:, None] + 1e-9
        pos += disp / length * np.minimum(length, temperature)
        temperature *= cool
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos.tolist(), strict=True)}


def layout(G, *, seed: int = 7) -> tuple[dict[str, tuple[float, float]], str]:
    """Positions (arbitrary units; the page fits them to the canvas) and the name of the method used.

    Positions given as numeric ``x`` and ``y`` attributes on every node are kept as they are.

    >>> import networkx as nx
    >>> pos, method = layout(nx.path_graph(3))
    >>> len(pos), method
    (3, 'networkx spring_layout')
    """
    import networkx as nx

    nodes = list(G.nodes)
    if not nodes:
        return {}, "none"
    given = {n: (d.get("x"), d.get("y")) for n, d in G.nodes(data=True)}
    if all(isinstance(x, (int, float)) and isinstance(y, (int, float)) for x, y in given.values()):
        return {n: (float(x), float(y)) for n, (x, y) in given.items()}, "given"
    try:
        import numpy  # noqa: F401
    except ImportError:
        return _spiral_layout(nodes), "spiral (numpy is not installed)"
    if len(nodes) < 500:  # networkx needs scipy for 500 nodes or more
        U = nx.Graph()
        U.add_nodes_from(nodes)
        U.add_edges_from((a, b) for a, b in G.edges() if a != b)
        raw = {n: tuple(map(float, p)) for n, p in nx.spring_layout(U, seed=seed, iterations=80).items()}
        return raw, "networkx spring_layout"
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in G.edges() if a != b})
    return _grid_fr_layout(nodes, pairs, seed=seed), "grid Fruchterman-Reingold"


def aggregate(G, limit: int) -> tuple[Any, list[str]]:
    """Fold a graph of more than ``limit`` nodes: fact nodes into their participants, then leaves into their
    neighbour, then keep the best connected. Returns the folded copy and what was done, in words."""
    import networkx as nx

    notes = []
    H = nx.MultiDiGraph(G)
    H.graph = dict(G.graph)
    start = H.number_of_nodes()
    facts = [n for n, d in H.nodes(data=True) if d.get("kind_group") == "fact"]
    if facts:
        for f in facts:
            data = H.nodes[f]
            members = [m for m in dict.fromkeys(list(H.successors(f)) + list(H.predecessors(f)))
                       if H.nodes[m].get("kind_group") != "fact"]
            for m in members:
                H.nodes[m]["folded"] = H.nodes[m].get("folded", 0) + 1
            for a, b in zip(members, members[1:], strict=False):
                H.add_edge(a, b, key=f"{data.get('type', 'fact')} {f}", relation=str(data.get("type", "fact")),
                           label=str(data.get("label", "")), words=str(data.get("label", "")),
                           sources=str(data.get("sources", "")))
        H.remove_nodes_from(facts)
        notes.append(f"{len(facts):,} fact nodes (observations, partnerships, sites …) were folded into the things "
                     f"they are about")
    if H.number_of_nodes() > limit:
        leaves = [n for n in H if len(set(H.successors(n)) | set(H.predecessors(n))) == 1]
        for n in leaves:
            (other,) = set(H.successors(n)) | set(H.predecessors(n))
            if other in H and other not in leaves:
                H.nodes[other]["folded"] = H.nodes[other].get("folded", 0) + 1 + H.nodes[n].get("folded", 0)
        H.remove_nodes_from([n for n in leaves
                             if (set(H.successors(n)) | set(H.predecessors(n))) - set(leaves)])
        notes.append("nodes with a single neighbour were folded into that neighbour (see 'folded' in its panel)")
    if H.number_of_nodes() > limit:
        ranked = sorted(H, key=lambda n: (-H.degree(n), str(n)))
        H.remove_nodes_from(ranked[limit:])
        notes.append(f"only the {limit:,} best connected nodes are drawn")
    return H, [f"This graph has {start:,} nodes, more than the {limit:,} drawn at once: " + "; ".join(notes) + "."]



def demo_graph(n: int = 30, seed: int = 1):
    """A small random tree with nevkg's attributes (for examples and benchmarks).

    >>> demo_graph(5).number_of_nodes()
    5
    """
    import networkx as nx

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    kinds = ["Automaker", "Country", "City", "Person", "Brand"]
    for i in range(n):
        G.add_node(f"n{i}", label=f"node {i}", type=kinds[i % len(kinds)], kind_group="entity",
                   sources=f"s{i % 3}")
    for i in range(1, n):
        G.add_edge(f"n{rng.randrange(i)}", f"n{i}", relation="locatedIn", words="located in", sources=f"s{i % 3}")
    return G


def synthetic_graph(n: int = 100_000, m: int = 200_000, *, clusters: int = 60, seed: int = 3):
    """A large clustered graph with positions (``x``, ``y``), for browser tests and benchmarks.

    ``n`` nodes in ``clusters`` communities laid out on a sunflower spiral, each community a disc around its
    centre; ``m`` edges, nine in ten inside a community. Labels are ``"<kind> <i>"``; sizes follow a heavy-tailed
    degree distribution (preferential choice of one end), as in real networks.

    >>> G = synthetic_graph(200, 400, clusters=4)
    >>> G.number_of_nodes(), G.number_of_edges(), "x" in G.nodes["n0"]
    (200, 400, True)
    """
    import networkx as nx

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    kinds = ["Automaker", "Country", "City", "Person", "Brand", "Port", "Ministry"]
    golden = math.pi * (3 - math.sqrt(5))
    centres = [(math.sqrt(c + 0.5) * math.cos(c * golden), math.sqrt(c + 0.5) * math.sin(c * golden))
               for c in range(clusters)]
    spread = 0.45
    members: list[list[int]] = [[] for _ in range(clusters)]
    for i in range(n):
        c = i % clusters
        members[c].append(i)
        r, a = spread * math.sqrt(rng.random()), rng.random() * 2 * math.pi
        G.add_node(f"n{i}", label=f"{kinds[i % len(kinds)]} {i}", type=kinds[i % len(kinds)], kind_group="entity",
                   sources=f"s{i % 5}", x=round(centres[c][0] + r * math.cos(a), 4),
                   y=round(centres[c][1] + r * math.sin(a), 4))
    for k in range(m):
        c = rng.randrange(clusters)
        group = members[c]
        a = group[int(len(group) * rng.random() ** 3)]  # heavy tail: low indices are hubs
        b = group[rng.randrange(len(group))] if rng.random() < 0.9 else rng.randrange(n)
        G.add_edge(f"n{a}", f"n{b}", key=k, relation="linkedTo", words="linked to", sources=f"s{k % 5}")
    return G
