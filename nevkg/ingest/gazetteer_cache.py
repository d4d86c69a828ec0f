"""The gazetteer of a records folder, kept between runs: read once, then loaded from a small JSON file.

Reading and checking the curated records (YAML with line numbers, pydantic schemas) is most of what building a
gazetteer costs, and ``nevkg ingest`` of one article would pay it every time. The names, ids and concepts a
gazetteer needs are kept in ``$NEVKG_HOME/cache/gazetteer-<digest>.json``; the digest is of the folder's
``*.yaml`` files' names and contents, so any edit of a record makes a new one. A cache that cannot be written
or read is skipped, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from nevkg.home import default_home
from nevkg.ingest.gazetteer import Entry, Gazetteer

__all__ = ["records_gazetteer", "folder_digest"]

#: the cache file's layout; a new layout makes old files unused
FORMAT = 1


def folder_digest(folder: Path) -> str:
    """SHA-256 of the names and contents of a folder's ``*.yaml`` files (and of the cache layout).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> a = folder_digest(d); _ = (d / "places.yaml").write_text("[]")
    >>> a != folder_digest(d)
    True
    """
    h = hashlib.sha256(f"nevkg-gazetteer-{FORMAT}".encode())
    for path in sorted(folder.glob("*.yaml")):
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def _to_json(gaz: Gazetteer) -> dict[str, Any]:
    return {"format": FORMAT, "ids": sorted(gaz.ids), "concepts": sorted(gaz.concepts),
            "entries": [[e.id, e.file, e.label, e.kind, e.names, e.parents] for e in gaz.entries.values()]}


def _from_json(data: dict[str, Any]) -> Gazetteer:
    entries = [Entry(i, f, label, kind, list(names), list(parents)) for i, f, label, kind, names, parents
               in data["entries"]]
    return Gazetteer(entries, set(data["ids"]), set(data["concepts"]))


def records_gazetteer(folder: Path, cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer of a folder of curated records, from the cache when the folder has not changed.

    Parameters
    ----------
    folder : Path
        A folder of curated record files (``nevkg/data``, or the user's own).
    cache_dir : Path, optional
        Where cache files live; default ``$NEVKG_HOME/cache``.

    Returns
    -------
    Gazetteer
        The same gazetteer :meth:`Gazetteer.from_records` builds from the folder's records.

    Raises
    ------
    nevkg.errors.LoaderError
        When the records do not read or check (nothing is cached then).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from nevkg.home import SHIPPED_DATA_DIR
    >>> cache = pathlib.Path(tempfile.mkdtemp())
    >>> first = records_gazetteer(SHIPPED_DATA_DIR, cache)     # read and checked, then kept
    >>> again = records_gazetteer(SHIPPED_DATA_DIR, cache)     # from the cache
    >>> again.lookup("BYD").id == first.lookup("BYD").id == "byd"
    True
    """
    cache_dir = cache_dir if cache_dir is not None else default_home() / "cache"
    path = cache_dir / f"gazetteer-{folder_digest(folder)}.json"
    try:
        return _from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # absent, unreadable or of another layout: read the records
    from nevkg.loaders.curated import parse_records

    gaz = Gazetteer.from_records(parse_records([folder]))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".gazetteer-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(_to_json(gaz), out, ensure_ascii=False)
        os.replace(tmp, path)  # whole or not at all
    except OSError:
        pass  # a read-only home: no cache, same result
    return gaz
