"""The loader interface: a loader turns one source into quads plus a record of where each thing came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib.term import Node

__all__ = ["Quad", "LoadResult", "Loader"]

Quad = tuple[Node, Node, Node, Node]


@dataclass
class LoadResult:
    """What a loader produced.

    Attributes
    ----------
    quads : list of Quad
        ``(subject, predicate, object, graph)``; ``graph`` is the source's named graph, or the default
        graph (:data:`rdflib.graph.DATASET_DEFAULT_GRAPH_ID`) for source and graph metadata.
    origins : dict
        IRI (as a string) → ``"file:line#record-id"``, so validation reports can name the record.
    sources : list of str
        IRIs of the source records the result describes.
    """

    quads: list[Quad] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        """Append another result's quads, origins and sources."""
        self.quads.extend(other.quads)
        self.origins.update(other.origins)
        self.sources.extend(other.sources)


class Loader(Protocol):
    """What every registered loader provides."""

    #: registry name
    name: str

    def load(self, paths: list[Path]) -> LoadResult:
        """Load the given files or folders; raise :class:`nevkg.errors.LoaderError` listing every problem."""
        ...
