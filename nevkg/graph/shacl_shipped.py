"""The SHACL report of the shipped records, shipped with the package: a first build does not run pyshacl over them.

``nevkg/graph/shacl-shipped.json`` holds the report pyshacl gave for the records shipped in ``nevkg/data`` (with the
ontology, as a build validates them) and the key of that content (:func:`nevkg.graph.shacl_cache.content_key`, with the
shipped folder's path written ``<shipped>`` so the key does not depend on where nevkg is installed). A build whose
in-memory content has that key — the shipped records alone, unchanged, the same shapes, ontology, nevkg and pyshacl
versions — takes the report from the file; any other content (one changed character, a user's record, another pyshacl)
misses and is validated. Only a conforming report without violations is shipped, so no path of the machine that wrote
it can appear in a build's messages.

Regenerate it after changing the shipped records, the shapes or the ontology (a test says when it is stale)::

    python -m nevkg.graph.shacl_shipped
"""

from __future__ import annotations

import json
from importlib import metadata, resources
from pathlib import Path

from nevkg.graph.shacl_cache import content_key, from_json, to_json
from nevkg.graph.validate import ValidationReport

__all__ = ["SHIPPED_REPORT", "shipped_origins", "shipped_key", "shipped_report", "write_shipped_report"]

#: where the report is shipped
SHIPPED_REPORT = Path(__file__).resolve().parent / "shacl-shipped.json"


def _data_dir() -> str:
    return str(Path(str(resources.files("nevkg.data"))).resolve())


def shipped_origins(origins: dict[str, str] | None) -> dict[str, str]:
    """The origins with the shipped records' folder written ``<shipped>``.

    >>> from nevkg.loaders.curated import DEFAULT_DATA_DIR
    >>> shipped_origins({"x": f"{DEFAULT_DATA_DIR}/cars.yaml:3#x", "y": "/home/me/data/y.yaml:1#y"})
    {'x': '<shipped>/cars.yaml:3#x', 'y': '/home/me/data/y.yaml:1#y'}
    """
    root = _data_dir() + "/"
    return {k: "<shipped>/" + v[len(root):] if v.startswith(root) else v for k, v in (origins or {}).items()}


def shipped_key(triples, origins: dict[str, str] | None, *, pyshacl: str | None = None) -> str:
    """The key the shipped report is stored under: :func:`~nevkg.graph.shacl_cache.content_key` of the content with
    :func:`shipped_origins`."""
    return content_key(triples, shipped_origins(origins), pyshacl=pyshacl)


def _stored() -> dict | None:
    try:
        data = json.loads(SHIPPED_REPORT.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("key"), str) else None
    except (OSError, ValueError):
        return None


def shipped_report(triples, origins: dict[str, str] | None) -> ValidationReport | None:
    """The shipped report when the content is exactly what it was made for, else None (validate it).

    Parameters
    ----------
    triples : iterable of (s, p, o), or bytes
        What the build validates, or its :func:`~nevkg.graph.shacl_cache.triple_text`.
    origins : dict, optional
        IRI → ``file:line#id`` of the build's records.
    """
    stored = _stored()
    if stored is None or stored["key"] != shipped_key(triples, origins):
        return None
    try:
        report = from_json(stored["report"])
    except (KeyError, TypeError, ValueError):
        return None
    return report if report.conforms and not report.violations else None


def write_shipped_report() -> Path:
    """Validate the shipped records with pyshacl (as a build does) and write :data:`SHIPPED_REPORT`.

    Raises
    ------
    ValueError
        The shipped records do not conform (such a report is never shipped: fix the records).
    """
    from nevkg.graph.build import _add_ontology, load_sources
    from nevkg.graph.build_hooks import validate_fresh
    from nevkg.loaders.curated import DEFAULT_DATA_DIR

    result = load_sources([DEFAULT_DATA_DIR])
    _add_ontology(result)
    report = validate_fresh(result)
    if not report.conforms or report.violations:
        raise ValueError("the shipped records do not conform; fix them first:\n" + report.text())
    key = shipped_key(((s, p, o) for s, p, o, _ in result.quads), result.origins)
    data = {"key": key, "pyshacl": metadata.version("pyshacl"), "report": to_json(report)}
    SHIPPED_REPORT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return SHIPPED_REPORT


if __name__ == "__main__":  # pragma: no cover - a developer's command
    print(write_shipped_report())
