"""Registry of loaders: name → lazily imported class (like rdflib's ``plugin.py``)."""

from __future__ import annotations

from pathlib import Path

from nevkg.errors import UnknownNameError
from nevkg.plugins import instantiate

__all__ = ["LOADERS", "RDF_SUFFIXES", "get_loader", "loader_name_for"]

#: loader name → "module:Class"
LOADERS: dict[str, str] = {
    "curated": "nevkg.loaders.curated:CuratedLoader",
    "rdf": "nevkg.loaders.rdf:RdfLoader",
}

#: file suffix → the RDF format name used by the ``rdf`` loader
RDF_SUFFIXES: dict[str, str] = {
    ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld",
    ".rdf": "xml", ".owl": "xml", ".xml": "xml",
}


def get_loader(name: str):
    """An instance of the loader registered under ``name``.

    Raises
    ------
    UnknownNameError
        When no loader has that name; the message lists the valid ones.

    Examples
    --------
    >>> get_loader("curated").name
    'curated'
    >>> get_loader("csv")
    Traceback (most recent call last):
    ...
    nevkg.errors.UnknownNameError: unknown loader 'csv'; choose one of: curated, rdf
    """
    return instantiate(LOADERS, name, "loader")


def loader_name_for(path: Path) -> str:
    """The loader for a path: a folder of ``*.yaml`` records is ``curated``, an RDF file is ``rdf``.

    >>> loader_name_for(Path("extra.ttl"))
    'rdf'
    """
    if path.is_dir():
        return "curated"
    if path.suffix.lower() in RDF_SUFFIXES:
        return "rdf"
    raise UnknownNameError(
        f"{path}: no loader reads '{path.suffix or path.name}' files; give a folder of curated *.yaml records or "
        f"an RDF file ({', '.join(sorted(RDF_SUFFIXES))})")
