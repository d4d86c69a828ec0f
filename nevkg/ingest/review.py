"""The review file: candidate records in the curated format, each with review metadata; listing and accepting it.

Format (YAML, ``format: nevkg-review/1``)::

    format: nevkg-review/1
    article: {path, format, sha256, chars, metadata}   # where the text came from
    source: {id, kind, title, publisher, issued, ..., _review: {...}}
    mentions: [{id, file, text, spans}]               # known things the article names (for the record)
    candidates:                                        # one list per record file, in the curated format
      organizations: [{id, label, kind, sources, _review: {...}}, ...]
      observations: [...]
    text: |                                            # the article text every span points into
      ...

Every record carries ``_review``: ``status`` (``proposed``, ``accepted``, ``rejected`` or ``incomplete``),
``confidence`` (0–1), ``spans`` (``[[start, end], ...]`` offsets into ``text``), ``evidence`` (the spanned
words), ``rule`` (what found it) and, where they apply, ``new`` (an entity not in the data yet),
``merge_into`` (a known entity the record adds aliases to), ``missing`` (required fields to fill in) and
``notes``. The curated schemas reject unknown keys, so :func:`accept` strips ``_review`` before a record
reaches the data.

Reviewing means editing this file: set ``status: rejected`` (or delete the record), fix fields, fill in
what is missing; then :func:`accept` merges what is left.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from nevkg.errors import LoaderError, NevkgError
from nevkg.loaders.curated import DEFAULT_DATA_DIR, parse_records
from nevkg.loaders.records import RECORD_FILES, Target
from nevkg.loaders.yamlio import LINE_KEY, dump_records, read_records
from nevkg.queries.resolve import normalize

__all__ = ["FORMAT", "REVIEW_KEY", "STATUSES", "ReviewError", "AcceptReport", "dump_review", "write_review",
           "read_review", "review_listing", "accept", "merge_base", "candidate_records", "record_refs",
           "canonical_order"]

FORMAT = "nevkg-review/1"
REVIEW_KEY = "_review"
STATUSES = ("proposed", "accepted", "rejected", "incomplete")
ENTITY_FILES = ("organizations", "places", "people", "vehicle_models")


class ReviewError(NevkgError):
    """A review file is malformed, or what it asks cannot be merged."""


# =========================================================================================== the file
class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


class _Flow(list):
    """A list written in flow style (``[12, 30]``)."""


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_CLoader):  # type: ignore[misc,valid-type]
    """libyaml's parser (when present) with dates kept as strings, as the curated reader keeps them."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _read_fast(path: Path) -> list[dict[str, Any]]:
    """Records of a file with their start lines, like :func:`read_records` but parsed by libyaml.

    Only for files :func:`parse_records` has to accept anyway: problems are reported by that check.
    """
    loader = _FastLoader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        if node is None:
            return []
        data = loader.construct_document(node)
    except yaml.YAMLError:
        return read_records(path)  # the careful reader says where the problem is
    finally:
        loader.dispose()
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        return read_records(path)
    for item, child in zip(data, node.value, strict=True):
        item[LINE_KEY] = child.start_mark.line + 1
    return data


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


# ============================================================================================ listing
def _summary(file: str, rec: dict[str, Any]) -> str:
    body = {k: v for k, v in rec.items() if k not in {"id", "sources", REVIEW_KEY, "label", "note"}}
    if file == "observations":
        period = rec.get("period_start", "?")
        if rec.get("period_end") and rec.get("period_end") != period:
            period += f"/{rec['period_end']}"
        qual = {"lower": "more than ", "upper": "less than "}.get(rec.get("bound") or "", "")
        qual += "about " if rec.get("approximate") else ""
        text = (f"{rec.get('measure', '?')} of {rec.get('subject', '?')}"
                + (f" to {rec['destination']}" if rec.get("destination") else "")
                + (f" [{rec['scope']}]" if rec.get("scope") else "")
                + f": {qual}{rec.get('value')} {rec.get('unit')}, {period}"
                + (" (period inferred)" if rec.get("period_inferred") else ""))
        if rec.get("yoy_change_pct") is not None:
            text += f", yoy {'>' if rec.get('yoy_bound') == 'lower' else ''}{rec['yoy_change_pct']:+}%"
        if rec.get("status"):
            text += f" ({rec['status']})"
        if rec.get("compiler"):
            text += f", compiled by {rec['compiler']}"
        return text
    label = rec.get("label") or rec.get("title") or ""
    rest = ", ".join(f"{k}={v}" for k, v in body.items() if k != "title")
    return f"{label}" + (f" ({rest})" if rest else "")


def review_listing(review: str | Path | dict, *, min_confidence: float = 0.0, statuses: tuple[str, ...] | None = None,
                   width: int = 100) -> str:
    """The candidates grouped by kind, each with status, confidence and the quoted words it came from.

    Parameters
    ----------
    review : path or dict
        A review file (or a loaded review document).
    min_confidence : float
        Leave out candidates below this confidence.
    statuses : tuple of str, optional
        Only candidates with these statuses (default: all).
    """
    doc = read_review(review)
    text = doc["text"]
    src = doc["source"]
    lines = [f"source {src['id']}: \"{src.get('title')}\" — publisher {src.get('publisher')}, issued "
             f"{src.get('issued')}" + (" (date inferred)" if src.get("date_inferred") else "")]
    if src.get(REVIEW_KEY, {}).get("notes"):
        lines += [f"  note: {n}" for n in src[REVIEW_KEY]["notes"]]
    known = doc.get("mentions") or []
    if known:
        lines.append(f"known entities named ({len(known)}): " + ", ".join(m["id"] for m in known))
    counts = []
    for file in RECORD_FILES:
        recs = [r for r in (doc.get("candidates") or {}).get(file) or []
                if r[REVIEW_KEY].get("confidence", 0) >= min_confidence
                and (statuses is None or r[REVIEW_KEY].get("status") in statuses)]
        if not recs:
            continue
        counts.append(f"{len(recs)} {file}")
        lines.append("")
        lines.append(f"{file} ({len(recs)})")
        for rec in recs:
            meta = rec[REVIEW_KEY]
            flag = " NEW" if meta.get("new") else f" → merge into {meta['merge_into']}" if meta.get("merge_into") \
                else ""
            lines.append(f"  [{meta.get('status')} {float(meta.get('confidence', 0)):.2f}] {rec['id']}{flag}")
            lines.append(f"      {_summary(file, rec)}")
            quotes = []
            for s, e in meta.get("spans") or []:
                words = " ".join(text[s:e].split())
                quotes.append(f"\"{words}\" @{s}-{e}")
            if quotes:
                quoted = "; ".join(quotes)
                lines.append("      " + (quoted if len(quoted) <= width else quoted[:width - 1] + "…"))
            if meta.get("missing"):
                lines.append(f"      missing: {', '.join(meta['missing'])}")
            for note in meta.get("notes") or []:
                lines.append(f"      note: {note}")
    lines.insert(1 + bool(src.get(REVIEW_KEY, {}).get("notes")) * len(src[REVIEW_KEY].get("notes", [])),
                 "candidates: " + (", ".join(counts) if counts else "none"))
    return "\n".join(lines) + "\n"


# ============================================================================================= accept
@dataclass
class AcceptReport:
    """What :func:`accept` did."""

    source: str
    #: record file → ids of the records added
    added: dict[str, list[str]] = field(default_factory=dict)
    #: existing id → the aliases merged into it
    aliases: dict[str, list[str]] = field(default_factory=dict)
    #: existing records that the new source now also supports (the same fact or entity stated again)
    corroborated: list[str] = field(default_factory=list)
    #: candidates that were already in the data unchanged
    known: list[str] = field(default_factory=list)
    #: candidate id → the id it was given (a collision) or the existing id it was merged into
    renamed: dict[str, str] = field(default_factory=dict)
    #: conflicting figures, kept side by side
    conflicts: list[str] = field(default_factory=list)
    #: candidate id → why it was not merged
    skipped: dict[str, str] = field(default_factory=dict)
    #: shipped records the new source also supports, left unchanged (shipped records are read-only): id → what
    #: would have been added
    read_only: dict[str, str] = field(default_factory=dict)
    #: files written
    files: list[str] = field(default_factory=list)
    #: whether the graph was rebuilt and validated
    built: bool = False
    build_info: Any = None

    @property
    def changed(self) -> bool:
        return bool(self.files)

    def text(self) -> str:
        out = []
        n = sum(len(v) for v in self.added.values())
        out.append(f"source {self.source}: {n} record(s) added"
                   + (f" ({', '.join(f'{len(v)} {k}' for k, v in self.added.items() if v)})" if n else ""))
        for rid, names in self.aliases.items():
            out.append(f"  aliases merged into {rid}: {', '.join(names)}")
        if self.corroborated:
            out.append(f"  already in the data, now also cited from this source: {', '.join(self.corroborated)}")
        if self.known:
            out.append(f"  already in the data unchanged: {', '.join(self.known)}")
        for old, new in self.renamed.items():
            out.append(f"  {old} → {new}")
        for c in self.conflicts:
            out.append(f"  conflict (kept side by side): {c}")
        for rid, what in self.read_only.items():
            out.append(f"  shipped record {rid} left unchanged (shipped records are read-only): {what}")
        for rid, why in self.skipped.items():
            out.append(f"  skipped {rid}: {why}")
        if self.files:
            out.append("  wrote " + ", ".join(self.files))
        else:
            out.append("  nothing to write")
        if self.built:
            out.append("  rebuilt and validated the graph")
        return "\n".join(out) + "\n"


def record_refs(file: str, rec: dict[str, Any]) -> list[tuple[str, str]]:
    """``(field, id)`` for every reference a raw record makes (nested targets included)."""
    schema = RECORD_FILES[file]
    return list(_refs(schema, rec))


def _refs(schema: type[BaseModel], rec: dict[str, Any]):
    for name, info in schema.model_fields.items():
        extra = info.json_schema_extra or {}
        value = rec.get(name)
        if value is None:
            continue
        if "ref" in extra:
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str):
                    yield name, v
        elif name == "targets" and isinstance(value, list):
            for t in value:
                if isinstance(t, dict):
                    for sub, v in _refs(Target, t):
                        yield f"targets.{sub}", v


def _rewrite(schema: type[BaseModel], rec: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    out = dict(rec)
    for name, info in schema.model_fields.items():
        extra = info.json_schema_extra or {}
        value = out.get(name)
        if value is None:
            continue
        if "ref" in extra:
            if isinstance(value, list):
                out[name] = list(dict.fromkeys(mapping.get(v, v) for v in value))
            elif isinstance(value, str):
                out[name] = mapping.get(value, value)
        elif name == "targets" and isinstance(value, list):
            out[name] = [_rewrite(Target, t, mapping) if isinstance(t, dict) else t for t in value]
    return out


def _names(rec: dict[str, Any]) -> list[str]:
    return [n for n in [rec.get("label"), *(rec.get("aliases") or [])] if n]


def _fact_key(file: str, rec: dict[str, Any]) -> tuple | None:
    """What makes two fact records state the same fact (None: no such notion for this kind)."""
    g = rec.get
    if file == "observations":
        return (g("measure"), g("subject"), g("destination"), g("scope"), str(g("period_start")),
                str(g("period_end")), g("unit"), g("status") or "reported")
    if file == "roles":
        return (g("person"), g("organization"), normalize(str(g("title") or "")))
    if file == "partnerships":
        return (g("kind"), frozenset(g("partners") or []))
    if file == "market_presence":
        return (g("exporter"), g("market"), g("activity"), str(g("start")), str(g("end")))
    if file == "sites":
        return (g("kind"), frozenset(g("operator") or []), g("place"))
    if file == "deployments":
        return (g("kind"), g("operator"), frozenset(g("places") or []))
    return None


def _same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    from decimal import Decimal

    def d(x: Any) -> Decimal | None:
        return None if x is None else Decimal(str(x))

    return (d(a.get("value")) == d(b.get("value")) and a.get("bound") == b.get("bound")
            and bool(a.get("approximate")) == bool(b.get("approximate")))


def _clean(value: Any) -> Any:
    """A record without review metadata and line markers (at any depth)."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in {REVIEW_KEY, LINE_KEY}}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def canonical_order(file: str, rec: dict[str, Any]) -> dict[str, Any]:
    """The record's keys in its schema's field order (unknown keys, and ``_review``, last)."""
    fields = list(RECORD_FILES[file].model_fields)
    rank = {k: i for i, k in enumerate(fields)}
    return dict(sorted(rec.items(), key=lambda kv: (kv[0] == REVIEW_KEY, rank.get(kv[0], len(fields)))))


def _select(doc: dict[str, Any], ids: list[str] | None, known_ids: set[str]) -> tuple[list[tuple[str, dict]],
                                                                                      dict[str, str]]:
    """The candidates to merge (the source always) and why others are skipped."""
    records = candidate_records(doc)
    by_id = {rec["id"]: (file, rec) for file, rec in records}
    src_id = doc["source"]["id"]
    skipped: dict[str, str] = {}
    if ids:
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise ReviewError(f"not in the review file: {', '.join(unknown)}; 'nevkg review FILE' lists the ids")
        wanted = [src_id] + [i for i in ids if i != src_id]
    else:
        wanted = [rid for rid, (_, rec) in by_id.items()
                  if rec.get(REVIEW_KEY, {}).get("status", "proposed") in {"proposed", "accepted"}]
        if src_id not in wanted:
            wanted.insert(0, src_id)
    chosen: dict[str, tuple[str, dict]] = {}
    queue = list(wanted)
    explicit = set(wanted)
    problems: list[str] = []
    while queue:
        rid = queue.pop(0)
        if rid in chosen:
            continue
        file, rec = by_id[rid]
        status = rec.get(REVIEW_KEY, {}).get("status", "proposed")
        if status == "incomplete":
            missing = ", ".join(rec.get(REVIEW_KEY, {}).get("missing") or []) or "some fields"
            if rid in explicit and ids:
                problems.append(f"'{rid}' is incomplete (fill in {missing} and set its status to accepted)")
            continue
        chosen[rid] = (file, rec)
        for fld, ref in record_refs(file, _clean(rec)):
            if ref in chosen or ref in known_ids and ref not in by_id:
                continue
            if ref in by_id:
                dep_status = by_id[ref][1].get(REVIEW_KEY, {}).get("status", "proposed")
                if dep_status in {"rejected", "incomplete"} and ref not in known_ids:
                    problems.append(f"'{rid}' needs '{ref}' ({fld}), which is {dep_status}; accept '{ref}' too "
                                    f"or reject '{rid}'")
                    continue
                if dep_status in {"rejected", "incomplete"}:
                    continue  # it exists in the data already
                queue.append(ref)
            elif ref not in known_ids:
                problems.append(f"'{rid}' refers to '{ref}' ({fld}), which is neither in the data nor in the "
                                "review file")
    if problems:
        raise ReviewError("cannot accept: " + "; ".join(problems))
    for rid, (_, rec) in by_id.items():
        if rid not in chosen:
            status = rec.get(REVIEW_KEY, {}).get("status", "proposed")
            skipped[rid] = status if status in {"rejected", "incomplete"} else "not selected"
    order = {f: i for i, f in enumerate(RECORD_FILES)}
    picked = sorted(chosen.values(), key=lambda fr: order[fr[0]])
    return picked, skipped


def _splice(text: str, raws: list[dict[str, Any]], replace: dict[int, dict[str, Any]],
            append: list[dict[str, Any]], banner: str) -> str:
    """The file text with some records replaced (in place) and others appended; the rest untouched."""
    lines = text.splitlines(keepends=True)
    starts = [r[LINE_KEY] - 1 for r in raws]
    out = list(lines)
    for i in sorted(replace, reverse=True):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        out[start:end] = [dump_records([replace[i]])]
    result = "".join(out)
    if append:
        if result and not result.endswith("\n"):
            result += "\n"
        result += f"# ---- {banner}\n" + dump_records(append)
    return result


def accept(review_file: str | Path, *, ids: list[str] | None = None, data_dir: str | Path | None = None,
           rebuild: bool = True, store: str | None = None) -> AcceptReport:
    """Merge the candidates of a review file into the curated records.

    Parameters
    ----------
    review_file : path
        A file written by :func:`nevkg.ingest.ingest`, possibly edited by a reviewer.
    ids : list of str, optional
        Merge only these candidates (and the source, and the candidates they refer to). Default: every
        candidate whose status is ``proposed`` or ``accepted`` (``rejected`` and ``incomplete`` are skipped).
    data_dir : path, optional
        The records folder to merge into. Default: the user data folder ``$NEVKG_HOME/data``
        (:func:`nevkg.graph.build.user_data_dir`), which every build loads after the shipped records;
        never the installed package's ``nevkg/data``, which an upgrade would replace.
    rebuild : bool
        Rebuild the graph from the merged records and validate it (SHACL); if that fails the files are
        restored. Tests pass ``False``.
    store : str, optional
        Store spec for the rebuild (default: the embedded store).

    Returns
    -------
    AcceptReport

    Raises
    ------
    ReviewError
        The review file is malformed, an id is unknown, or a dependency is missing, rejected or incomplete.
    LoaderError
        The merged records would not validate; nothing was written.

    Notes
    -----
    Entities are matched to existing ones by normalized label and alias within their kind: a match is not
    duplicated, its new names become aliases. A new id that collides with an existing one gets a numeric
    suffix (references follow). A fact already in the data (same measure, subject, period and unit; same
    partners; same person, organisation and title …) gets the new source added instead of a copy; a figure
    that differs from an existing one for the same measure, subject, period and unit is added beside it and
    reported as a conflict. All files are checked with :func:`~nevkg.loaders.curated.parse_records` in a
    scratch copy first, then replaced one by one (each atomically), with the old files restored on failure.

    The folder is a layer over the shipped records (:func:`merge_base`): candidates are matched against both,
    but only the folder's files are written. A shipped record the new source would add an alias or a citation
    to is left unchanged and listed in ``read_only``.
    """
    from nevkg.graph.build import user_data_dir

    data_dir = Path(data_dir) if data_dir is not None else user_data_dir()
    doc = read_review(review_file)
    base = merge_base(data_dir)
    existing: dict[str, list[dict[str, Any]]] = {}
    texts: dict[str, str] = {}
    n_base: dict[str, int] = {}
    for file in RECORD_FILES:
        path = data_dir / f"{file}.yaml"
        below = [r for folder in base if (folder / f"{file}.yaml").exists()
                 for r in _read_fast(folder / f"{file}.yaml")]
        n_base[file] = len(below)
        existing[file] = below + (_read_fast(path) if path.exists() else [])
        texts[file] = path.read_text(encoding="utf-8") if path.exists() else ""
    where: dict[str, tuple[str, int]] = {}
    for file, raws in existing.items():
        for i, raw in enumerate(raws):
            where[str(raw.get("id"))] = (file, i)
    picked, skipped = _select(doc, ids, set(where))
    src_id = doc["source"]["id"]
    report = AcceptReport(source=src_id, skipped=skipped)

    mapping: dict[str, str] = {}
    taken = set(where)
    # 1. the source: the same article accepted before (same address, or same title and date) is reused
    src = _clean(doc["source"])
    for raw in existing["sources"]:
        same_url = src.get("url") and raw.get("url") == src.get("url")
        same_title = normalize(str(raw.get("title", ""))) == normalize(str(src.get("title", ""))) and \
            str(raw.get("issued")) == str(src.get("issued"))
        if same_url or same_title:
            mapping[src_id] = raw["id"]
            break
    # 2. entities: an existing one with the same name absorbs the candidate
    name_index: dict[tuple[str, str], str] = {}
    for file in ENTITY_FILES:
        for raw in existing[file]:
            for n in _names(raw):
                name_index.setdefault((file, normalize(n)), raw["id"])
    for file, rec in picked:
        rid = rec["id"]
        if file == "sources":
            if rid not in mapping and rid in taken:
                mapping[rid] = _free(rid, taken)
            continue
        target = rec.get(REVIEW_KEY, {}).get("merge_into")
        if file in ENTITY_FILES:
            if not (target and target in where):
                target = next((name_index[(file, normalize(n))] for n in _names(rec)
                               if (file, normalize(n)) in name_index), None)
            if target:
                mapping[rid] = target
                continue
        if rid in taken:
            mapping[rid] = _free(rid, taken)
        taken.add(mapping.get(rid, rid))

    new_src = mapping.get(src_id, src_id)
    adds: dict[str, list[dict[str, Any]]] = {f: [] for f in RECORD_FILES}
    changes: dict[str, dict[int, dict[str, Any]]] = {f: {} for f in RECORD_FILES}

    def current(file: str, i: int) -> dict[str, Any]:
        return changes[file].get(i) or _clean(existing[file][i])

    def cite(file: str, i: int) -> bool:
        rec = current(file, i)
        if new_src in (rec.get("sources") or []):
            return False
        if i < n_base[file]:
            report.read_only[rec["id"]] = f"also stated by {new_src}"
            return False
        changes[file][i] = {**rec, "sources": [*(rec.get("sources") or []), new_src]}
        return True

    fact_index: dict[str, dict[tuple, list[int]]] = {}
    for file in RECORD_FILES:
        for i, raw in enumerate(existing[file]):
            key = _fact_key(file, raw)
            if key is not None:
                fact_index.setdefault(file, {}).setdefault(key, []).append(i)
    for file, rec in picked:
        rid = rec["id"]
        body = _rewrite(RECORD_FILES[file], _clean(rec), {**mapping, src_id: new_src})
        body["id"] = mapping.get(rid, rid) if file != "sources" else new_src
        if file == "sources":
            if src_id in mapping and mapping[src_id] in where:
                report.known.append(new_src)
                continue
            adds[file].append(body)
            continue
        target = mapping.get(rid)
        if file in ENTITY_FILES and target in where:
            tfile, i = where[target]
            cur = current(tfile, i)
            have = {normalize(n) for n in _names(cur)}
            extra = [n for n in _names(body) if normalize(n) not in have]
            extra = list(dict.fromkeys(extra))
            if extra and i < n_base[tfile]:
                report.read_only[target] = f"names {', '.join(extra)} from {new_src}"
            elif extra:
                changes[tfile][i] = {**cur, "aliases": [*(cur.get("aliases") or []), *extra]}
                cite(tfile, i)
                report.aliases[target] = extra
            else:
                report.known.append(target)
            if rid != target:
                report.renamed[rid] = target
            continue
        key = _fact_key(file, body)
        same = fact_index.get(file, {}).get(key, []) if key is not None else []
        if file == "observations" and same:
            match = next((i for i in same if _same_figure(existing[file][i], body)), None)
            if match is None:
                others = ", ".join(f"{existing[file][i]['id']} = {existing[file][i].get('value')}" for i in same)
                report.conflicts.append(f"{body['id']} = {body.get('value')} {body.get('unit')} "
                                        f"(from {new_src}) against {others}")
                same = []
            else:
                same = [match]
        if same:
            i = same[0]
            eid = existing[file][i]["id"]
            if cite(file, i):
                report.corroborated.append(eid)
            else:
                report.known.append(eid)
            mapping[rid] = eid
            if rid != eid:
                report.renamed[rid] = eid
            continue
        if body["id"] != rid:
            report.renamed[rid] = body["id"]
        adds[file].append(body)
    # references among the added records follow later renames (facts merged into existing ones)
    for file in adds:
        adds[file] = [canonical_order(file, _rewrite(RECORD_FILES[file], r, mapping)) for r in adds[file]]
    for file in changes:
        changes[file] = {i: canonical_order(file, r) for i, r in changes[file].items()}

    new_texts: dict[str, str] = {}
    for file in RECORD_FILES:
        if not adds[file] and not changes[file]:
            continue
        own = {i - n_base[file]: r for i, r in changes[file].items()}  # indices into the folder's own file
        new_texts[file] = _splice(texts[file], existing[file][n_base[file]:], own, adds[file],
                                  f"from {new_src} (nevkg accept)")
        if adds[file]:
            report.added[file] = [r["id"] for r in adds[file]]
    if not new_texts:
        return report
    _check(data_dir, new_texts, base)
    backups = _write_all(data_dir, new_texts)
    report.files = [str(data_dir / f"{f}.yaml") for f in new_texts]
    if rebuild:
        from nevkg.graph.build import build

        try:
            same_dir = data_dir.resolve() == Path(DEFAULT_DATA_DIR).resolve()
            kg = build(store, None if same_dir else [data_dir], shipped=bool(base) or same_dir)
        except Exception:
            _restore(data_dir, backups)
            report.files = []
            raise
        report.built, report.build_info = True, getattr(kg, "build_info", None)
    return report


def _free(rid: str, taken: set[str]) -> str:
    n = 2
    while f"{rid}-{n}" in taken:
        n += 1
    taken.add(f"{rid}-{n}")
    return f"{rid}-{n}"


def merge_base(data_dir: Path) -> list[Path]:
    """The folders beneath a merge target: the shipped records, unless the target is them or replaces them.

    A folder that repeats any shipped record's id is a full replacement (built with ``--no-shipped``), as
    the copies tests and forks make; any other folder (the user data folder above all) is a layer loaded
    after the shipped records, so it may refer to them.
    """
    shipped = Path(DEFAULT_DATA_DIR)
    if not data_dir.is_dir():
        return [shipped]
    if data_dir.resolve() == shipped.resolve():
        return []
    ids = {str(r.get("id")) for file in RECORD_FILES if (shipped / f"{file}.yaml").exists()
           for r in _read_fast(shipped / f"{file}.yaml")}
    for file in RECORD_FILES:
        path = data_dir / f"{file}.yaml"
        if path.exists() and any(str(r.get("id")) in ids for r in _read_fast(path)):
            return []
    return [shipped]


def _check(data_dir: Path, new_texts: dict[str, str], base: list[Path]) -> None:
    """Validate the merged records in a scratch copy of the folder; raise (nothing written) if they fail."""
    with tempfile.TemporaryDirectory(prefix="nevkg-accept-") as tmp:
        scratch = Path(tmp) / "data"
        if data_dir.is_dir():
            shutil.copytree(data_dir, scratch, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        scratch.mkdir(parents=True, exist_ok=True)
        for file, text in new_texts.items():
            (scratch / f"{file}.yaml").write_text(text, encoding="utf-8")
        try:
            parse_records([*base, scratch])
        except LoaderError as exc:
            for p in exc.problems:
                if p.file:
                    p.file = p.file.replace(str(scratch), str(data_dir))
            raise LoaderError("the merged records do not validate; nothing was written", exc.problems) from None


def _write_all(data_dir: Path, new_texts: dict[str, str]) -> dict[str, str | None]:
    """Write every file atomically (temp file + rename); on failure put the old ones back."""
    backups: dict[str, str | None] = {}
    staged: list[tuple[Path, Path]] = []
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        for file, text in new_texts.items():
            path = data_dir / f"{file}.yaml"
            backups[file] = path.read_text(encoding="utf-8") if path.exists() else None
            tmp = path.with_name(f".{path.name}.accept.tmp")
            tmp.write_text(text, encoding="utf-8")
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError:
        _restore(data_dir, backups)
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    return backups


def _restore(data_dir: Path, backups: dict[str, str | None]) -> None:
    for file, old in backups.items():
        path = data_dir / f"{file}.yaml"
        if old is None:
            path.unlink(missing_ok=True)
        else:
            tmp = path.with_name(f".{path.name}.restore.tmp")
            tmp.write_text(old, encoding="utf-8")
            os.replace(tmp, path)
