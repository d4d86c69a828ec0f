"""The records folder an accept merges into: read fast, the shipped records beneath it, files spliced rather than
rewritten, checked in a scratch copy, then replaced atomically (the old ones restored on failure)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from nevkg.errors import LoaderError
from nevkg.loaders.curated import DEFAULT_DATA_DIR, parse_records
from nevkg.loaders.records import RECORD_FILES
from nevkg.loaders.yamlio import LINE_KEY, dump_records, read_records

__all__ = ["read_fast", "merge_base", "splice", "check_merged", "write_files", "restore_files"]

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_CLoader):  # type: ignore[misc,valid-type]
    """libyaml's parser (when present) with dates kept as strings, as the curated reader keeps them."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def read_fast(path: Path) -> list[dict[str, Any]]:
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


def splice(text: str, raws: list[dict[str, Any]], replace: dict[int, dict[str, Any]],
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
           for r in read_fast(shipped / f"{file}.yaml")}
    for file in RECORD_FILES:
        path = data_dir / f"{file}.yaml"
        if path.exists() and any(str(r.get("id")) in ids for r in read_fast(path)):
            return []
    return [shipped]


def check_merged(data_dir: Path, new_texts: dict[str, str], base: list[Path]) -> None:
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


def write_files(data_dir: Path, new_texts: dict[str, str]) -> dict[str, str | None]:
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
        restore_files(data_dir, backups)
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    return backups


def restore_files(data_dir: Path, backups: dict[str, str | None]) -> None:
    for file, old in backups.items():
        path = data_dir / f"{file}.yaml"
        if old is None:
            path.unlink(missing_ok=True)
        else:
            tmp = path.with_name(f".{path.name}.restore.tmp")
            tmp.write_text(old, encoding="utf-8")
            os.replace(tmp, path)
