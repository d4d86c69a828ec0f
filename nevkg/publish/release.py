"""``nevkg release``: one folder holding the graph in every export format, described, checksummed and diffed.

A release folder holds

* ``nevkg.<suffix>``: the graph in every format of :data:`nevkg.graph.export.EXPORTERS` (``nevkg.nq`` keeps
  every named graph and is what deltas compare);
* ``csv/nodes.csv`` and ``csv/edges.csv`` (the tables of the ``csv`` export, unpacked) and a Frictionless
  ``datapackage.json`` describing them: every column, the node id as primary key, edge ends as foreign keys,
  sizes and SHA-256 hashes;
* ``void.ttl``: the VoID description (class and property partitions, one subset per source graph), and
  ``sparql-examples.ttl``: the named queries as ``sh:SPARQLExecutable`` examples;
* ``alerts.atom`` and ``alerts.json``: the trade-measure alerts as of the release day;
* ``delta.json`` (with ``since``): what changed since an earlier release (:mod:`nevkg.publish.diff`);
* ``release.ttl``: a DCAT description (``dcat:Dataset``, one ``dcat:Distribution`` per file with media
  type, size and an ``spdx:checksum``) carrying the VoID counts and partitions;
* ``release.json``: the same index for programs (files with path, media type, bytes, SHA-256; counts), and
  ``SHA256SUMS`` for ``sha256sum -c``.

The folder is assembled beside the target and renamed into place only when complete, so a failed release
leaves nothing behind; an existing folder is never overwritten (releases are immutable).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, XSD

from nevkg.errors import NevkgError

__all__ = ["release", "ReleaseInfo", "datapackage", "RELEASE_BASE"]

SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")  # DCAT 3 (rdflib's closed namespace lacks dcat:hasVersion)
#: release IRIs are ``RELEASE_BASE + <release id>``
RELEASE_BASE = "https://w3id.org/nevkg/release/"
_IANA = "https://www.iana.org/assignments/media-types/"
_MEDIA = {".ttl": "text/turtle", ".json": "application/json", ".atom": "application/atom+xml",
          ".csv": "text/csv", ".txt": "text/plain"}


class _Snapshot:
    """The graph with its quads read once: every export of a release walks them, and reading them through
    rdflib from the on-disk store costs about 2 s each time. Everything else is the graph's own."""

    def __init__(self, kg) -> None:
        self._kg = kg
        self._quads = list(kg.quads())

    def quads(self, pattern: tuple = (None, None, None, None)):
        if any(x is not None for x in pattern):
            return self._kg.quads(pattern)
        return iter(self._quads)

    def __getattr__(self, name: str):
        return getattr(self._kg, name)


class ReleaseInfo(dict):
    """What :func:`release` wrote: the ``release.json`` index (``id``, ``files``, ``counts``, ``delta`` …)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _csv_fields(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8"))))


def datapackage(folder: Path, tables: dict[str, Path], release_id: str) -> dict[str, Any]:
    """A Frictionless Data Package for the CSV tables (``nodes``, ``edges``) of a release folder.

    Every column is a string (attributes differ in kind from node to node); ``nodes.id`` is the primary key
    and ``edges.source``/``edges.target`` refer to it.
    """
    from nevkg.publish.files import sha256

    resources = []
    for name, path in tables.items():
        fields = _csv_fields(path.read_bytes())
        schema: dict[str, Any] = {"fields": [{"name": f, "type": "string"} for f in fields]}
        if name == "nodes":
            schema["primaryKey"] = ["id"]
        if name == "edges":
            schema["foreignKeys"] = [{"fields": [end], "reference": {"resource": "nodes", "fields": ["id"]}}
                                     for end in ("source", "target")]
        resources.append({"name": name, "path": path.relative_to(folder).as_posix(), "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "bytes": path.stat().st_size, "hash": f"sha256:{sha256(path)}", "schema": schema})
    return {"profile": "tabular-data-package", "name": "nevkg-network", "version": release_id,
            "title": "nevkg: the network of the Chinese new-energy-vehicle export ecosystem (nodes and edges)",
            "homepage": "https://w3id.org/nevkg", "resources": resources}


def _write_exports(kg, folder: Path) -> None:
    from nevkg.graph.export import EXPORTERS, export_graph, get_exporter

    for fmt in EXPORTERS:
        export_graph(kg, fmt, folder / f"nevkg{get_exporter(fmt).suffix}")
    with zipfile.ZipFile(folder / "nevkg.zip") as zf:
        (folder / "csv").mkdir()
        for name in ("nodes.csv", "edges.csv"):
            (folder / "csv" / name).write_bytes(zf.read(name))


def _media_type(path: Path) -> str:
    from nevkg.graph.export import EXPORTERS, get_exporter

    for fmt in EXPORTERS:
        exporter = get_exporter(fmt)
        if path.name == f"nevkg{exporter.suffix}":
            return exporter.media_type
    return _MEDIA.get(path.suffix, "application/octet-stream")


def _dcat(index: dict[str, Any], void: Graph) -> Graph:
    from nevkg.graph.void import DATASET, VOID

    g = Graph()
    g += void
    for prefix, ns in (("dcat", DCAT), ("spdx", SPDX), ("dcterms", DCTERMS), ("void", VOID)):
        g.bind(prefix, ns)
    rel = URIRef(RELEASE_BASE + index["id"])
    g.add((rel, RDF.type, DCAT.Dataset))
    g.add((rel, RDF.type, VOID.Dataset))
    g.add((DATASET, DCAT.hasVersion, rel))
    g.add((rel, DCTERMS.title, Literal(f"nevkg release {index['id']}", lang="en")))
    g.add((rel, DCTERMS.issued, Literal(index["released"], datatype=XSD.dateTime)))
    if index.get("built"):
        g.add((rel, DCTERMS.modified, Literal(index["built"], datatype=XSD.dateTime)))
    g.add((rel, OWL.versionInfo, Literal(index["nevkg"])))
    counts = index["counts"]
    for key, prop in (("triples", VOID.triples), ("entities", VOID.entities), ("classes", VOID.classes),
                      ("properties", VOID.properties)):
        g.add((rel, prop, Literal(counts[key])))
    for f in index["files"]:
        dist = URIRef(f"{rel}/{f['path']}")
        g.add((rel, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f["path"])))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCAT.mediaType, URIRef(_IANA + f["media_type"])))
        g.add((dist, DCAT.byteSize, Literal(f["bytes"], datatype=XSD.nonNegativeInteger)))
        checksum = BNode()
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(f["sha256"], datatype=XSD.hexBinary)))
    return g


def release(kg, output: str | Path, *, since: str | Path | None = None, as_of: dt.date | str | None = None,
            within_days: int = 90) -> ReleaseInfo:
    """Write a release folder (see the module docstring).

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to release.
    output : str or Path
        The release folder to create; it must not exist yet (or be empty).
    since : str or Path, optional
        An earlier release folder: the delta against it is written to ``delta.json``.
    as_of : date or str, optional
        The day the alerts look from (default: today).
    within_days : int
        The alerts' window.

    Returns
    -------
    ReleaseInfo
        The index written to ``release.json``.

    Raises
    ------
    NevkgError
        The folder exists and is not empty, or ``since`` is not a valid release; nothing is written.
    """
    from nevkg import __version__
    from nevkg.graph.void import void_counts, void_graph
    from nevkg.publish.alerts import alerts, render_alerts
    from nevkg.publish.files import sha256, write_atomic

    target = Path(output)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NevkgError(f"{target}: exists and is not empty; releases are never overwritten, give a new folder")
    previous = None
    if since is not None:
        from nevkg.publish.diff import read_release_quads

        previous = read_release_quads(since)  # checked before any work, so a bad --since fails fast
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    release_id = now.strftime("%Y%m%dT%H%M%SZ")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    work.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a release is for sharing
    try:
        kg = _Snapshot(kg)
        _write_exports(kg, work)
        counts = void_counts(kg)
        void = void_graph(kg, counts=counts, modified=kg.manifest.get("built"))
        void.serialize(work / "void.ttl", format="turtle", encoding="utf-8")
        from nevkg.publish.examples import examples_turtle

        write_atomic(work / "sparql-examples.ttl", examples_turtle())
        day = str(as_of or now.date())
        entries = alerts(kg, as_of=day, within_days=within_days)
        for fmt in ("atom", "json"):
            write_atomic(work / f"alerts.{fmt}", render_alerts(entries, fmt, as_of=day, within_days=within_days))
        tables = {"nodes": work / "csv" / "nodes.csv", "edges": work / "csv" / "edges.csv"}
        write_atomic(work / "datapackage.json", (json.dumps(datapackage(work, tables, release_id), indent=1,
                                                            ensure_ascii=False) + "\n").encode())
        delta = None
        if previous is not None:
            from nevkg.publish.diff import DATA_FILE, diff_quads, nquads_set

            delta = {"since": str(since), **diff_quads(previous, nquads_set(work / DATA_FILE))}
            write_atomic(work / "delta.json", (json.dumps(delta, indent=1, ensure_ascii=False) + "\n").encode())
        files = []
        for path in sorted(p for p in work.rglob("*") if p.is_file()):
            rel = path.relative_to(work).as_posix()
            files.append({"path": rel, "media_type": _media_type(path), "bytes": path.stat().st_size,
                          "sha256": sha256(path)})
        n_facts = counts["classes"].get("https://w3id.org/nevkg/ontology#Fact", 0)
        index = ReleaseInfo({
            "id": release_id, "iri": RELEASE_BASE + release_id, "released": now.isoformat(), "nevkg": __version__,
            "built": kg.manifest.get("built"), "as_known_on": kg.manifest.get("as_known_on"), "alerts_as_of": day,
            "counts": {"triples": counts["triples"], "entities": counts["entities"], "facts": n_facts,
                       "classes": len(counts["classes"]), "properties": counts["properties"],
                       "graphs": {g: c["triples"] for g, c in counts["graphs"].items()}},
            "files": files,
            "delta": None if delta is None else {"since": str(since), "triples": delta["triples"],
                                                 **{k: len(v) for k, v in delta["facts"].items()}}})
        _dcat(index, void).serialize(work / "release.ttl", format="turtle", encoding="utf-8")
        write_atomic(work / "release.json", (json.dumps(index, indent=1, ensure_ascii=False) + "\n").encode())
        sums = "".join(f"{f['sha256']}  {f['path']}\n" for f in files)
        write_atomic(work / "SHA256SUMS", sums.encode())
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return index

