"""A cache of SHACL reports keyed by content: the build re-runs pyshacl only when what it validates changed.

The key is a SHA-256 of exactly what :func:`nevkg.graph.validate.validate_graph` reads: the distinct triples of the
data (sorted, in N-Triples form), the origins it names violations by, the shapes, the ontology, and the versions of
pyshacl and nevkg. A report is stored as ``<cache>/shacl-<key>.json`` (written to a temporary file and renamed,
so a reader never sees half a file); a file that cannot be read back as a report is ignored and validated anew.
A hit does not import pyshacl. A cached failing report fails the build as the fresh one would.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from pathlib import Path

from nevkg import __version__
from nevkg.graph.validate import Conflict, ValidationReport, Violation

__all__ = ["content_key", "triple_text", "cached_report", "CACHE_FILES", "to_json", "from_json"]

#: bump when the stored form (or what a report holds) changes: older files then simply miss
_FORMAT = "1"
#: how many reports a cache folder keeps (the newest); each is one build's content
CACHE_FILES = 8


def _versions(pyshacl: str | None = None) -> str:
    if pyshacl is None:
        try:
            pyshacl = metadata.version("pyshacl")
        except metadata.PackageNotFoundError:  # pragma: no cover - pyshacl is a dependency
            pyshacl = "?"
    return f"format {_FORMAT} pyshacl {pyshacl} nevkg {__version__}"


def triple_text(triples: Iterable[tuple]) -> bytes:
    """The distinct triples as sorted N-Triples lines, counted: the data part of :func:`content_key` (computed once
    when a build looks up more than one key).

    >>> from rdflib import URIRef, Literal
    >>> t = (URIRef("https://w3id.org/nevkg/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("X"))
    >>> triple_text([t, t]).decode()
    '\\ntriples 1\\n<https://w3id.org/nevkg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" .\\n'
    """
    lines = sorted({f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples})
    return f"\ntriples {len(lines)}\n{''.join(lines)}".encode()


def content_key(triples: Iterable[tuple] | bytes, origins: dict[str, str] | None, *,
                pyshacl: str | None = None) -> str:
    """The hash of what SHACL validates: the distinct triples, the origins, the shapes, the ontology, the versions.

    Parameters
    ----------
    triples : iterable of (s, p, o), or bytes
        rdflib terms; duplicates (one triple in several named graphs) count once, order does not matter. Or their
        :func:`triple_text`, already computed.
    origins : dict, optional
        IRI → ``file:line#id``: a violation's report names its record's place, so moving a record changes the key.
    pyshacl : str, optional
        pyshacl's version to key with (default: the installed one).

    Examples
    --------
    >>> from rdflib import URIRef, Literal
    >>> a = (URIRef("https://w3id.org/nevkg/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
    ...      Literal("X"))
    >>> b = (a[0], a[1], Literal("Y"))
    >>> content_key([a, b], {}) == content_key([b, a, a], {})
    True
    >>> content_key([a], {}) == content_key([b], {})
    False
    """
    h = hashlib.sha256(_versions(pyshacl).encode())
    ontology = resources.files("nevkg.ontology")
    for name in ("shapes.ttl", "nev.ttl"):
        data = ontology.joinpath(name).read_bytes()
        h.update(f"\n{name} {len(data)}\n".encode())
        h.update(data)
    h.update(triples if isinstance(triples, bytes) else triple_text(triples))
    h.update(b"\norigins\n")
    h.update(json.dumps(origins or {}, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def to_json(report: ValidationReport) -> dict:
    return {"conforms": report.conforms,
            "violations": [vars(v) for v in report.violations],
            "conflicts": [{"key": c.key, "values": [list(x) for x in c.values], "compatible": c.compatible}
                          for c in report.conflicts]}


def from_json(data: dict) -> ValidationReport:
    """The report stored by :func:`to_json`; raises (KeyError, TypeError, ValueError) on anything else."""
    if not isinstance(data, dict) or not isinstance(data["conforms"], bool):
        raise ValueError("not a stored report")
    violations = [Violation(**v) for v in data["violations"]]
    conflicts = [Conflict(c["key"], tuple(tuple(x) for x in c["values"]), bool(c["compatible"]))
                 for c in data["conflicts"]]
    for v in violations:
        if not all(isinstance(getattr(v, f), str) for f in ("focus", "focus_label", "path", "message", "severity")):
            raise ValueError("not a stored violation")
    if any(len(x) != 3 for c in conflicts for x in c.values):
        raise ValueError("not a stored conflict")
    return ValidationReport(conforms=data["conforms"], violations=violations, conflicts=conflicts)


def _read(path: Path) -> ValidationReport | None:
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):  # absent, damaged, or another shape: validate again
        return None


def _write(path: Path, report: ValidationReport) -> None:
    """Write atomically; a cache that cannot be written (read-only home, full disk) is skipped, not an error."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(to_json(report), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        _prune(path.parent)
    except OSError:
        tmp.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the newest :data:`CACHE_FILES` reports."""
    files = sorted(folder.glob("shacl-*.json"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[CACHE_FILES:]:
        old.unlink(missing_ok=True)


def cached_report(key: str, folder: Path | None,
                  validate: Callable[[], ValidationReport]) -> tuple[ValidationReport, bool]:
    """``(report, hit)``: the report stored under ``key`` in ``folder``, or ``validate()``'s, then stored.

    ``folder=None`` (memory and SPARQL stores) always validates and stores nothing.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> cached_report("k", folder, lambda: ValidationReport(conforms=True))
    (ValidationReport(conforms=True, violations=[], conflicts=[]), False)
    >>> cached_report("k", folder, lambda: 1 / 0)
    (ValidationReport(conforms=True, violations=[], conflicts=[]), True)
    """
    if folder is None:
        return validate(), False
    path = folder / f"shacl-{key}.json"
    report = _read(path)
    if report is not None:
        return report, True
    report = validate()
    _write(path, report)
    return report, False
