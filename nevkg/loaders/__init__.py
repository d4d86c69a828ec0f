"""Loaders turn sources (curated records, RDF files) into quads in per-source named graphs."""

from nevkg._lazy import lazy_exports

#: each public name → the module that defines it, imported on first use
_EXPORTS = {
    "Loader": "nevkg.loaders.base",
    "LoadResult": "nevkg.loaders.base",
    "LOADERS": "nevkg.loaders.registry",
    "get_loader": "nevkg.loaders.registry",
    "loader_name_for": "nevkg.loaders.registry",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = ["LoadResult", "Loader", "LOADERS", "get_loader", "loader_name_for"]
