"""Pictures of the graph: the subgraph to draw, and one self-contained, offline HTML page that draws it.

* :func:`subgraph_for` (``select.py``) picks what to draw from a knowledge graph: the whole entity graph, an
  entity's neighbourhood, the shortest connections between two entities, what a named query or a SPARQL query
  returns, narrowed to some kinds or to what some sources say.
* :func:`page_payload` (``payload.py``) turns it into the data the page draws: kinds and colours
  (``kinds.py``), facts, statistics, sources, node sizes on a capped scale and a layout (``layout.py``).
* :func:`render_html` (``page.py``) writes the page: sigma.js (WebGL) and graphology vendored from npm, the app
  (``assets/data.js``, ``edges.js``, ``app.js``, ``ui.js``) and the data inlined, nothing fetched when it opens;
  the data travels as columns (``pack.py``): numbers as base64 typed arrays, what nodes and edges share once, so
  that a page of 100,000 nodes reads its data without parsing a number, and draws its 200,000 edges from those
  arrays (``edges.js``) without building an object per edge.

**What the page does.** Colour per kind of thing, with a legend that doubles as a filter (by kind and by source);
publishers, curators and unnamed people kept in the background, one click away; labels placed by priority
(bigger nodes first) so that no two overlap, the others shown as you zoom in; edge labels (the relation in words)
for the hovered or selected node and, zoomed in, wherever they fit between their nodes; hovering shows a node's
kind, key facts and sources; a search box finds a label or alias and focuses it; clicking a node highlights its
neighbourhood and opens a side panel with its facts, statistics and sources. The same at every size: up to
:data:`~nevkg.queries.viz.layout.BROWSER_LAYOUT_MAX` nodes the browser refines the layout (ForceAtlas2 with hubs
dissuaded, then no overlap), above it the layout computed in Python is drawn as it is.

**window.nevkg**, the page's small API (for tests and embedders), once ``nevkg.ready`` is true:

* ``nevkg.drawn()`` → ``{nodes: [...ids], edges: count}``: what is drawn now (filters applied);
* ``nevkg.labels()`` → ``[{id, text, kind: "node"|"edge", x, y, width, height}]``: the box of every label drawn
  in the last frame, in CSS pixels from the canvas' top-left corner;
* ``nevkg.extent()`` → ``{width, height, used}``: the canvas size and the share of it that the drawing's
  bounding box (nodes and labels) covers;
* ``nevkg.zoom(ratio)`` → a promise of the milliseconds until the next frame is drawn (ratio < 1 zooms in);
* ``nevkg.edgesOf(id)`` → the drawn edges of a node, as objects (``id``, ``from``, ``to``, ``label``, ``relation``,
  ``since``, ``until``, ``sources``, ``color`` …);
* ``nevkg.search(text)``, ``nevkg.select(id)``, ``nevkg.showAsides(on)``, ``nevkg.selected``, ``nevkg.data``
  (the payload: ``data.nodes`` as objects, ``data.edges`` as :func:`~nevkg.queries.viz.pack.pack` ships them),
  ``nevkg.timings`` (milliseconds since ``nevkg.t0``: ``parse``, ``unpack``, ``layout``, ``graph``, ``sigma``,
  ``firstFrame``, ``lastLabels``; ``sigma`` counts sigma's indexing and its first frame, pixels included),
  ``nevkg.sigma``, ``nevkg.graph`` (the graphology graph sigma draws: every node and edge up to 20,000 nodes; above
  that its nodes and only the selected node's edges, the bulk of the edges being drawn from the typed arrays by
  ``assets/edges.js``; ``nevkg.edgesOf`` answers at every size).
"""

from nevkg.queries.viz.kinds import FAMILIES
from nevkg.queries.viz.layout import demo_graph, synthetic_graph
from nevkg.queries.viz.page import json_for_html, render_html, write_atomic
from nevkg.queries.viz.payload import page_payload
from nevkg.queries.viz.select import subgraph_for

__all__ = ["subgraph_for", "render_html", "page_payload", "json_for_html", "write_atomic", "FAMILIES",
           "demo_graph", "synthetic_graph"]
