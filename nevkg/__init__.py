"""nevkg: a sourced knowledge graph of the Chinese new-energy-vehicle export ecosystem.

The public API is small and imported lazily, so ``import nevkg`` (and ``nevkg --help``) stays fast:

>>> import nevkg
>>> kg = nevkg.build("memory")
>>> kg.build_info.report.conforms
True
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "KnowledgeGraph", "build", "open_graph"]


def __getattr__(name: str):
    if name == "KnowledgeGraph":
        from nevkg.graph.knowledge_graph import KnowledgeGraph

        return KnowledgeGraph
    if name == "build":
        from nevkg.graph.build import build

        return build
    if name == "open_graph":
        from nevkg.graph.knowledge_graph import open_graph

        return open_graph
    raise AttributeError(f"module 'nevkg' has no attribute '{name}'")
