"""The review file itself: its format, writing it (YAML with the article text as a block) and reading it back
with every record checked. The format is described in :mod:`nevkg.ingest.review`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from nevkg.errors import NevkgError
from nevkg.loaders.records import RECORD_FILES

__all__ = ["FORMAT", "REVIEW_KEY", "STATUSES", "ReviewError", "dump_review", "write_review", "read_review",
           "candidate_records"]

FORMAT = "nevkg-review/1"
REVIEW_KEY = "_review"
STATUSES = ("proposed", "accepted", "rejected", "incomplete")


class ReviewError(NevkgError):
    """A review file is malformed, or what it asks cannot be merged."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter where PyYAML has it
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


class _Flow(list):
    """A list written in flow style (``[12, 30]``)."""


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _flow_spans(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (_Flow(_Flow(s) for s in v) if k == "spans" and isinstance(v, list)
                    else _Flow(v) if k in {"sources", "aliases", "missing", "partners", "operator", "places",
                                           "markets", "cites", "located_in", "products"}
                    and isinstance(v, list) and all(isinstance(x, str) for x in v)
                    else _flow_spans(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_flow_spans(v) for v in value]
    return value


def dump_review(doc: dict[str, Any]) -> str:
    """The review document as YAML: the article text as a literal block, spans and id lists in flow style."""
    return yaml.dump(_flow_spans(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110,
                     default_flow_style=False)


def write_review(doc: dict[str, Any], path: str | Path) -> Path:
    """Write a review document (atomically) and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dump_review(doc), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_review(path: str | Path | dict) -> dict[str, Any]:
    """Read and check a review file (or check an already loaded document).

    Raises
    ------
    ReviewError
        Not a review file, a record without an id or ``_review``, an unknown status, a span outside the text.
    """
    if isinstance(path, dict):
        doc, where = path, "<review>"
    else:
        where = str(path)
        try:
            doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ReviewError(f"{where}: no such review file") from exc
        except yaml.YAMLError as exc:
            raise ReviewError(f"{where}: malformed YAML: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ReviewError(f"{where}: not a nevkg review file (expected 'format: {FORMAT}'); "
                          "make one with 'nevkg ingest ARTICLE'")
    text = doc.get("text")
    if not isinstance(text, str):
        raise ReviewError(f"{where}: the article text ('text') is missing")
    source = doc.get("source")
    if not isinstance(source, dict) or not source.get("id"):
        raise ReviewError(f"{where}: the source record ('source') is missing or has no id")
    cands = doc.get("candidates") or {}
    if not isinstance(cands, dict):
        raise ReviewError(f"{where}: 'candidates' must map record files to lists of records")
    problems = []
    for file, records in cands.items():
        if file not in RECORD_FILES:
            problems.append(f"'{file}' is not a record file; use one of: {', '.join(RECORD_FILES)}")
            continue
        for i, rec in enumerate(records or []):
            if not isinstance(rec, dict) or not rec.get("id"):
                problems.append(f"{file} item {i + 1}: a record needs an id")
                continue
            meta = rec.get(REVIEW_KEY)
            if not isinstance(meta, dict):
                problems.append(f"{file} '{rec['id']}': no {REVIEW_KEY} mapping")
                continue
            if meta.get("status") not in STATUSES:
                problems.append(f"{file} '{rec['id']}': status '{meta.get('status')}' is not one of "
                                f"{', '.join(STATUSES)}")
            for span in meta.get("spans") or []:
                if not (isinstance(span, list) and len(span) == 2 and 0 <= span[0] <= span[1] <= len(text)):
                    problems.append(f"{file} '{rec['id']}': span {span} is outside the article text")
    if problems:
        raise ReviewError(f"{where}: " + "; ".join(problems))
    return doc


def candidate_records(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``(file, record)`` for every candidate, the source first."""
    out = [("sources", doc["source"])]
    for file in RECORD_FILES:
        for rec in (doc.get("candidates") or {}).get(file) or []:
            out.append((file, rec))
    return out
