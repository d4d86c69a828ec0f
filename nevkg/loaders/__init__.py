"""Loaders turn sources (curated records, RDF files) into quads in per-source named graphs."""

from nevkg.loaders.base import Loader, LoadResult
from nevkg.loaders.registry import LOADERS, get_loader, loader_name_for

__all__ = ["LoadResult", "Loader", "LOADERS", "get_loader", "loader_name_for"]
