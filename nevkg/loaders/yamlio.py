"""Reading and writing curated YAML with line numbers and canonical formatting.

Hostile files are refused with an error naming file and line, before they cost memory or time: only
regular files are read (a FIFO or a folder named ``people.yaml`` is refused), bytes must be UTF-8, values
may not hold control characters or exceed :data:`~nevkg.loaders.base.MAX_LITERAL_CHARS` characters,
nesting stops at :data:`MAX_DEPTH` levels, an alias may not refer to the collection that contains it, and
aliases together may add at most :data:`MAX_ALIAS_NODES` nodes to what is written out (a "billion laughs"
file of a few hundred bytes would otherwise expand to gigabytes).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

from nevkg.errors import RecordError
from nevkg.loaders.base import MAX_LITERAL_CHARS, decode_utf8, read_regular

__all__ = ["LINE_KEY", "MAX_DEPTH", "MAX_ALIAS_NODES", "MAX_RECORDS_BYTES", "read_records", "dump_records",
           "unread_files", "warn_unread"]

#: key under which each mapping keeps the 1-based line where it starts
LINE_KEY = "__line__"
#: how deeply lists and mappings may nest (records use three or four levels)
MAX_DEPTH = 64
#: how many nodes aliases may add to a file once expanded (the shipped records add a few hundred)
MAX_ALIAS_NODES = 100_000
#: the largest records file (the YAML reader is pure Python: about 1 MB/s; the largest shipped file is 25 kB)
MAX_RECORDS_BYTES = 8 << 20
_TOO_DEEP = f"lists and mappings nest more than {MAX_DEPTH} levels deep here; flatten the record"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _line(node_or_event: Any) -> int:
    return node_or_event.start_mark.line + 1


if yaml.__with_libyaml__:  # libyaml scans and parses (about 5x faster); composing stays here, with its checks
    class _Events(yaml.composer.Composer, yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _Events = yaml.SafeLoader


class _LineLoader(_Events):
    """A safe loader that remembers where each mapping starts and rejects duplicate keys, deep nesting,
    self-referencing aliases, control characters and oversized values."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open:
                raise RecordError(f"alias *{event.anchor} refers to the list or mapping that contains it; a value "
                                  f"cannot contain itself", file=self.name, line=_line(event))
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            raise RecordError(_TOO_DEEP,
                              file=self.name, line=_line(event))
        self._depth += 1
        if event.anchor is not None:
            self._open.add(event.anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1
            self._open.discard(event.anchor)

    def construct_scalar(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_scalar(node)
        if isinstance(value, str):
            if len(value) > MAX_LITERAL_CHARS:
                raise RecordError(f"a value of {len(value):,} characters, over the limit of {MAX_LITERAL_CHARS:,} "
                                  f"characters; shorten it", file=self.name, line=_line(node))
            bad = _CONTROL.search(value)
            if bad:
                raise RecordError(f"control character U+{ord(bad.group()):04X} in a value; remove it",
                                  file=self.name, line=_line(node))
        return value

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise RecordError("a key is a mapping or a list, not a name; write 'name: value' (quote a value "
                                  "holding ': ' or braces)", file=self.name, line=key_node.start_mark.line + 1)
            if key in seen:
                raise RecordError(
                    f"key '{key}' appears twice in one record (first at line {seen[key]}); keep one",
                    file=self.name, line=key_node.start_mark.line + 1, field=str(key))
            seen[key] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def _no_dates(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


# Dates stay strings ("2026-02-09"): the schemas parse them, and partial dates ("2026-02") must not differ in kind.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _no_dates)


def read_records(path: Path) -> list[dict[str, Any]]:
    """Read one record file: a YAML list of mappings, each with its start line under :data:`LINE_KEY`.

    Parameters
    ----------
    path : Path
        The ``.yaml`` file.

    Returns
    -------
    list of dict
        The records, in file order.

    Raises
    ------
    RecordError
        Malformed YAML (with the line of the problem), a top level that is not a list, or an item that
        is not a mapping.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "people.yaml"
    >>> _ = p.write_text("- id: li-yuxi\\n  label: Li Yuxi\\n")
    >>> read_records(p)
    [{'id': 'li-yuxi', 'label': 'Li Yuxi', '__line__': 1}]
    """
    raw = read_regular(path)
    _check_size(raw, path)
    text = decode_utf8(raw, path)
    loader = None
    try:
        loader = _LineLoader(text)  # the reader already refuses raw control characters here
        loader.name, loader._open = str(path), set()
        node = loader.get_single_node()
        _check_aliases(node, path)
        data = loader.construct_document(node) if node is not None else None
    except RecordError:
        raise
    except yaml.reader.ReaderError as exc:
        source = raw if yaml.__with_libyaml__ else text  # libyaml counts UTF-8 bytes, the Python reader characters
        line = source.count(b"\n" if source is raw else "\n", 0, exc.position) + 1
        raise RecordError(f"character U+{exc.character:04X} is not allowed in YAML; remove it",
                          file=str(path), line=line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if "maximum nesting depth" in problem:  # libyaml's own limit (1,000), met before the composer's
            raise RecordError(_TOO_DEEP,
                              file=str(path), line=mark.line + 1 if mark else None) from None
        raise RecordError(f"malformed YAML: {problem}; check indentation and quoting",
                          file=str(path), line=mark.line + 1 if mark else None) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return []
    if not isinstance(data, list):
        raise RecordError("the file must hold a YAML list of records (each item starting with '- id: …')",
                          file=str(path), line=1)
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise RecordError(f"item {i + 1} is not a mapping of fields; write it as '- id: …'", file=str(path))
    return data


def _check_size(data: bytes, path: Path) -> None:
    """Refuse an over-long line (a value past the limit) or file at once, before the slow YAML reader sees it."""
    if len(data) > MAX_LITERAL_CHARS:
        for number, line in enumerate(data.split(b"\n"), 1):
            if len(line) > MAX_LITERAL_CHARS:
                raise RecordError(f"line {number} is {len(line):,} bytes long; a value may hold at most "
                                  f"{MAX_LITERAL_CHARS:,} characters: shorten it", file=str(path), line=number)
    if len(data) > MAX_RECORDS_BYTES:
        raise RecordError(f"the file is {len(data):,} bytes, over the limit of {MAX_RECORDS_BYTES:,} for a records "
                          f"file; split its records over several folders", file=str(path))


def _check_aliases(root: yaml.Node | None, path: Path) -> None:
    """Refuse a file whose aliases, written out, add more than :data:`MAX_ALIAS_NODES` nodes.

    Sizes are counted once per node (shared nodes are memoised), so the check is linear in the file even
    when the expansion is exponential.
    """
    if root is None:
        return
    sizes: dict[int, int] = {}
    distinct = 0

    def size(node: yaml.Node) -> int:
        nonlocal distinct
        key = id(node)
        if key not in sizes:
            distinct += 1
            if isinstance(node, yaml.SequenceNode):
                sizes[key] = 1 + sum(size(child) for child in node.value)
            elif isinstance(node, yaml.MappingNode):
                sizes[key] = 1 + sum(size(k) + size(v) for k, v in node.value)
            else:
                sizes[key] = 1
        return sizes[key]

    added = size(root) - distinct
    if added > MAX_ALIAS_NODES:
        raise RecordError(f"aliases (*name) expand this file by {added:,} values, over the budget of "
                          f"{MAX_ALIAS_NODES:,}; write the values out or use fewer aliases", file=str(path), line=1)


def unread_files(folder: Path, known: set[str]) -> tuple[list[RecordError], list[Path]]:
    """What in a records folder is not a record file: ``(errors, ignored)``.

    A YAML file whose name is not a record file (``People.YAML``, ``org.yml``) is an error, since its
    records would be lost silently; anything else (a ``.ttl``, a README) is returned to be listed in a
    warning. Hidden files, ``__init__.py`` and ``__pycache__`` are skipped quietly.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("people.yaml", "People.YAML", "extra.ttl"): _ = (d / name).write_text("")
    >>> errors, ignored = unread_files(d, {"people.yaml"})
    >>> print(errors[0].message)
    no record kind is stored in 'People.YAML'; record files are named in lowercase: rename it to 'people.yaml'
    >>> [p.name for p in ignored]
    ['extra.ttl']
    """
    errors: list[RecordError] = []
    ignored: list[Path] = []
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if name in known or name.startswith(".") or name in ("__init__.py", "__pycache__"):
            continue
        if name.lower().endswith((".yaml", ".yml")):
            hint = (f"record files are named in lowercase: rename it to '{name.lower().replace('.yml', '.yaml')}'"
                    if name.lower().replace(".yml", ".yaml") in known else f"use one of: {', '.join(sorted(known))}")
            errors.append(RecordError(f"no record kind is stored in '{name}'; {hint}", file=str(entry)))
        else:
            ignored.append(entry)
    return errors, ignored


def warn_unread(folder: Path, ignored: list[Path]) -> None:
    """Say on stderr which files of a records folder the build does not read."""
    if ignored:
        print(f"warning: {folder}: not read (not a record file): {', '.join(p.name for p in ignored)}; give RDF "
              f"files and tables to 'nevkg build --data' on their own", file=sys.stderr)


def dump_records(records: list[dict[str, Any]]) -> str:
    """Canonical YAML for a list of records: keys in schema order, block style, unicode kept.

    >>> print(dump_records([{"id": "ebro", "label": "Ebro"}]), end="")
    - id: ebro
      label: Ebro
    """
    clean = [{k: v for k, v in r.items() if k != LINE_KEY} for r in records]
    return yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
