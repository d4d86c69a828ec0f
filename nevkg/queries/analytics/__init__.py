"""Network analytics over the knowledge graph: paths, neighbourhoods, centrality, footprints, exposure, communities.

Plain functions in the networkx style: the graph first, keyword options after. Every function takes node ids
(IRI strings such as ``"https://w3id.org/nevkg/id/byd"``); turning a user's names into ids is the caller's job
(:mod:`nevkg.queries.resolve`). An id that is not in the graph raises :class:`~nevkg.errors.UnknownNameError`,
a bad option :class:`~nevkg.errors.QueryError`.

**Which graph.** The analytics run on the *entity graph* (:func:`nevkg.graph.entity.entity_graph`): things as
nodes, every fact node (partnership, market presence, production site, deployment, policy, observation, role,
statement) collapsed into labelled edges between its participants. A build of the embedded store keeps it in
the store folder (:mod:`nevkg.graph.entity_store`), so these functions start without projecting the graph.

**Vocabulary hubs.** Measures, units and product scopes (:data:`HUB_KINDS`) are concepts, not actors: every
observation is "about vehicles", so through them everything is two hops from everything. Paths,
neighbourhoods, rankings and communities leave them out unless asked (``exclude=()``). Source documents are
not nodes at all: they are the ``sources`` of every node and edge.

One module per concern: :mod:`~nevkg.queries.analytics.paths`, :mod:`~nevkg.queries.analytics.neighbourhood`,
:mod:`~nevkg.queries.analytics.centrality` (rank, communities), :mod:`~nevkg.queries.analytics.ties` and
:mod:`~nevkg.queries.analytics.footprint` (footprint, exposure).
"""

from nevkg.graph.entity import entity_graph
from nevkg.queries.analytics._base import HUB_KINDS, is_kind, vague_hubs
from nevkg.queries.analytics.centrality import communities, rank
from nevkg.queries.analytics.footprint import exposure, footprint
from nevkg.queries.analytics.names import find_node
from nevkg.queries.analytics.neighbourhood import neighbor_table, neighbors
from nevkg.queries.analytics.paths import path, path_sentences, path_text

__all__ = [
    "HUB_KINDS",
    "entity_graph",
    "find_node",
    "path",
    "path_text",
    "path_sentences",
    "vague_hubs",
    "is_kind",
    "neighbors",
    "neighbor_table",
    "rank",
    "footprint",
    "exposure",
    "communities",
]
