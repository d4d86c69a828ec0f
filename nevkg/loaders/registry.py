"""Registry of loaders: name → lazily imported class (like rdflib's ``plugin.py``)."""

from __future__ import annotations

from pathlib import Path

from nevkg.errors import UnknownNameError
from nevkg.plugins import instantiate

__all__ = ["LOADERS", "RDF_SUFFIXES", "TABLE_SUFFIXES", "get_loader", "loader_name_for", "is_streaming"]

#: loader name → "module:Class"
LOADERS: dict[str, str] = {
    "curated": "nevkg.loaders.curated:CuratedLoader",
    "rdf": "nevkg.loaders.rdf:RdfLoader",
    "statistics": "nevkg.loaders.statistics:StatisticsLoader",
}

#: file suffixes read by the ``statistics`` loader (trade tables, streamed into the store)
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".tsv", ".csv.gz", ".tsv.gz")

#: loaders whose files the build streams straight into the store instead of holding them in memory
STREAMING_LOADERS = frozenset({"statistics"})

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
    nevkg.errors.UnknownNameError: unknown loader 'csv'; choose one of: curated, rdf, statistics
    """
    return instantiate(LOADERS, name, "loader")


def loader_name_for(path: Path) -> str:
    """The loader for a path: a folder of ``*.yaml`` records is ``curated``, an RDF file is ``rdf``, a CSV
    table is ``statistics``.

    >>> loader_name_for(Path("extra.ttl"))
    'rdf'
    >>> loader_name_for(Path("comtrade-2024.csv"))
    'statistics'
    """
    if path.is_dir():
        return "curated"
    if path.suffix.lower() in RDF_SUFFIXES:
        return "rdf"
    if path.name.lower().endswith(TABLE_SUFFIXES):
        return "statistics"
    raise UnknownNameError(
        f"{path}: no loader reads '{path.suffix or path.name}' files; give a folder of curated *.yaml records, "
        f"an RDF file ({', '.join(sorted(RDF_SUFFIXES))}) or a statistics table ({', '.join(TABLE_SUFFIXES)})")


def is_streaming(path: Path) -> bool:
    """Whether the build streams this input into the store (statistics tables) rather than loading it in memory.

    >>> is_streaming(Path("comtrade.csv")), is_streaming(Path("extra.ttl"))
    (True, False)
    """
    return not path.is_dir() and loader_name_for(path) in STREAMING_LOADERS
