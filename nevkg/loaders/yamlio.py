"""Reading and writing curated YAML with line numbers and canonical formatting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from nevkg.errors import RecordError

__all__ = ["LINE_KEY", "read_records", "dump_records"]

#: key under which each mapping keeps the 1-based line where it starts
LINE_KEY = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers where each mapping starts and rejects duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
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
    text = path.read_text(encoding="utf-8")
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    except RecordError:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RecordError(f"malformed YAML: {problem}; check indentation and quoting",
                          file=str(path), line=mark.line + 1 if mark else None) from exc
    finally:
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


def dump_records(records: list[dict[str, Any]]) -> str:
    """Canonical YAML for a list of records: keys in schema order, block style, unicode kept.

    >>> print(dump_records([{"id": "ebro", "label": "Ebro"}]), end="")
    - id: ebro
      label: Ebro
    """
    clean = [{k: v for k, v in r.items() if k != LINE_KEY} for r in records]
    return yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
