"""Exporters: the graph in RDF (ttl, nt, nq, trig, jsonld) and as a network (graphml, gexf, nodelink, csv).

A registry maps each format name to a lazily imported class (DESIGN §7.1, like rdflib's ``plugin.py``); each
exporter has a ``name``, a file ``suffix``, a ``media_type``, whether its output is ``binary`` (not text),
and ``write(kg, out)`` writing to a binary file object (DESIGN §7.2). Format options live in the class
(``collapse_facts`` for the network formats).

* ``ttl`` and ``nt`` hold the union of all graphs (triples); ``nq``, ``trig`` and ``jsonld`` keep every named
  graph (one per source) and the default graph. RDF is written by oxigraph's serializers, sorted so that
  output is stable from build to build; JSON-LD embeds nevkg's own context (``nevkg/ontology/context.jsonld``)
  inline, so reading it never fetches anything.
* ``graphml``, ``gexf``, ``nodelink`` and ``csv`` write the networkx projection
  (:func:`nevkg.graph.project.to_networkx`); ``csv`` is a zip archive holding ``nodes.csv`` and ``edges.csv``.

:func:`export_graph` writes to a path atomically (a temporary file in the same folder, then ``os.replace``),
so a failed export leaves any earlier file untouched, or to standard output with ``-``.

The package: :mod:`~nevkg.graph.export.base` (the :class:`Exporter` interface), :mod:`~nevkg.graph.export.rdf`
(the RDF formats) and :mod:`~nevkg.graph.export.network` (the network formats); this module holds the registry and
:func:`export_graph`.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from nevkg.errors import NevkgError, UnknownNameError
from nevkg.graph.export.base import Exporter
from nevkg.graph.export.rdf import jsonld_context
from nevkg.plugins import instantiate

__all__ = ["EXPORTERS", "Exporter", "get_exporter", "export_graph", "format_for_path", "jsonld_context"]

#: format name → "module:Class" (imported only when used)
EXPORTERS: dict[str, str] = {
    "ttl": "nevkg.graph.export.rdf:TurtleExporter",
    "nt": "nevkg.graph.export.rdf:NTriplesExporter",
    "nq": "nevkg.graph.export.rdf:NQuadsExporter",
    "trig": "nevkg.graph.export.rdf:TrigExporter",
    "jsonld": "nevkg.graph.export.rdf:JsonLdExporter",
    "graphml": "nevkg.graph.export.network:GraphmlExporter",
    "gexf": "nevkg.graph.export.network:GexfExporter",
    "nodelink": "nevkg.graph.export.network:NodeLinkExporter",
    "csv": "nevkg.graph.export.network:CsvExporter",
}

#: file suffix → format name, for guessing the format from an output path
SUFFIXES: dict[str, str] = {
    ".ttl": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld", ".graphml": "graphml",
    ".gexf": "gexf", ".json": "nodelink", ".zip": "csv",
}


def _choices() -> str:
    return ", ".join(sorted(EXPORTERS))


def get_exporter(name: str, **options: Any) -> Exporter:
    """An instance of the exporter registered under ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`EXPORTERS`.
    **options
        Options of that exporter (``collapse_facts=True`` for the network formats).

    Raises
    ------
    UnknownNameError
        When no exporter has that name; the message lists the valid ones.

    Examples
    --------
    >>> get_exporter("ttl").media_type
    'text/turtle'
    >>> get_exporter("xlsx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    nevkg.errors.UnknownNameError: unknown export format 'xlsx'; choose one of: csv, gexf, graphml, jsonld, ...
    """
    return instantiate(EXPORTERS, name, "export format", **options)


def format_for_path(path: str | Path) -> str:
    """The export format a file name suggests (``graph.trig`` → ``trig``, ``net.zip`` → ``csv``).

    Raises
    ------
    UnknownNameError
        When the suffix belongs to no format.

    Examples
    --------
    >>> format_for_path("out/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        raise UnknownNameError(f"{path}: cannot tell the export format from '{suffix or 'no suffix'}'; give one "
                               f"of: {_choices()}") from None


def export_graph(kg, fmt: str, output: str | Path | IO[bytes] = "-", **options: Any) -> Path | None:
    """Write the graph in one format to a file, to standard output (``-``) or to a binary file object.

    A file is written atomically: to a temporary file in the same folder, moved over the target only when
    complete. Standard output receives the export only once it is complete, too.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to export.
    fmt : str
        A format name (a key of :data:`EXPORTERS`).
    output : str, Path or binary file object
        Where to write; ``"-"`` (the default) is standard output.
    **options
        Options of the exporter (``collapse_facts=True`` for graphml, gexf, nodelink and csv).

    Returns
    -------
    Path or None
        The file written, or ``None`` for standard output and file objects.

    Raises
    ------
    UnknownNameError
        For an unknown format.
    NevkgError
        When the file cannot be written, or a binary format would go to a terminal.

    Examples
    --------
    >>> import io
    >>> from rdflib import Literal
    >>> from nevkg.graph.knowledge_graph import KnowledgeGraph, new_dataset
    >>> from nevkg.graph.store import parse_store_spec
    >>> from nevkg.ontology.namespaces import GRAPH, NEVID, RDFS
    >>> ds = new_dataset()
    >>> g = ds.graph(GRAPH["news-1"])
    >>> g += [(NEVID.chery, RDFS.label, Literal("Chery"))]
    >>> kg = KnowledgeGraph(ds, parse_store_spec("memory"))
    >>> buf = io.BytesIO()
    >>> export_graph(kg, "nt", buf)
    >>> buf.getvalue().decode()
    '<https://w3id.org/nevkg/id/chery> <http://www.w3.org/2000/01/rdf-schema#label> "Chery" .\\n'
    """
    exporter = get_exporter(fmt, **options)
    if hasattr(output, "write"):
        exporter.write(kg, output)  # type: ignore[arg-type]
        return None
    if str(output) == "-":
        stdout = sys.stdout
        if exporter.binary and stdout.isatty():
            raise NevkgError(f"the {fmt} export is a binary file; write it to a file with -o PATH")
        buf = io.BytesIO()
        exporter.write(kg, buf)
        if hasattr(stdout, "buffer"):
            stdout.flush()
            stdout.buffer.write(buf.getvalue())
            stdout.buffer.flush()
        else:  # a text-only stream (some test harnesses)
            stdout.write(buf.getvalue().decode("utf-8", errors="replace"))
        return None
    return _write_atomically(Path(output), lambda out: exporter.write(kg, out))


def _write_atomically(path: Path, write) -> Path:
    """Call ``write(file)`` on a temporary file beside ``path``, then move it over ``path``."""
    folder = path.parent
    if not folder.is_dir():
        raise NevkgError(f"{path}: the folder {folder} does not exist")
    if path.is_dir():
        raise NevkgError(f"{path}: is a folder; give a file name")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise NevkgError(f"{path}: cannot write the export ({exc.strerror or exc})") from exc
        raise
    return path
