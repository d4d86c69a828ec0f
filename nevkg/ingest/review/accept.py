"""``nevkg accept``: merge the reviewed candidates of a review file into a records folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nevkg.ingest.review.datafiles import check_merged, merge_base, read_fast, restore_files, splice, write_files
from nevkg.ingest.review.file import REVIEW_KEY, ReviewError, candidate_records, read_review
from nevkg.ingest.review.records import (
    ENTITY_FILES,
    canonical_order,
    clean,
    fact_key,
    names_of,
    record_refs,
    rewrite_refs,
    same_figure,
)
from nevkg.loaders.curated import DEFAULT_DATA_DIR
from nevkg.loaders.records import RECORD_FILES
from nevkg.queries.resolve import normalize

__all__ = ["AcceptReport", "accept"]


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
        for fld, ref in record_refs(file, clean(rec)):
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
                 for r in read_fast(folder / f"{file}.yaml")]
        n_base[file] = len(below)
        existing[file] = below + (read_fast(path) if path.exists() else [])
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
    src = clean(doc["source"])
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
            for n in names_of(raw):
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
                target = next((name_index[(file, normalize(n))] for n in names_of(rec)
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
        return changes[file].get(i) or clean(existing[file][i])

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
            key = fact_key(file, raw)
            if key is not None:
                fact_index.setdefault(file, {}).setdefault(key, []).append(i)
    for file, rec in picked:
        rid = rec["id"]
        body = rewrite_refs(RECORD_FILES[file], clean(rec), {**mapping, src_id: new_src})
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
            have = {normalize(n) for n in names_of(cur)}
            extra = [n for n in names_of(body) if normalize(n) not in have]
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
        key = fact_key(file, body)
        same = fact_index.get(file, {}).get(key, []) if key is not None else []
        if file == "observations" and same:
            match = next((i for i in same if same_figure(existing[file][i], body)), None)
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
        adds[file] = [canonical_order(file, rewrite_refs(RECORD_FILES[file], r, mapping)) for r in adds[file]]
    for file in changes:
        changes[file] = {i: canonical_order(file, r) for i, r in changes[file].items()}

    new_texts: dict[str, str] = {}
    for file in RECORD_FILES:
        if not adds[file] and not changes[file]:
            continue
        own = {i - n_base[file]: r for i, r in changes[file].items()}  # indices into the folder's own file
        new_texts[file] = splice(texts[file], existing[file][n_base[file]:], own, adds[file],
                                  f"from {new_src} (nevkg accept)")
        if adds[file]:
            report.added[file] = [r["id"] for r in adds[file]]
    if not new_texts:
        return report
    check_merged(data_dir, new_texts, base)
    backups = write_files(data_dir, new_texts)
    report.files = [str(data_dir / f"{f}.yaml") for f in new_texts]
    if rebuild:
        from nevkg.graph.build import build

        try:
            same_dir = data_dir.resolve() == Path(DEFAULT_DATA_DIR).resolve()
            kg = build(store, None if same_dir else [data_dir], shipped=bool(base) or same_dir)
        except Exception:
            restore_files(data_dir, backups)
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
