"""Store specs (DESIGN §6): ``oxigraph[:PATH]`` (embedded, on disk, the default), ``memory``, ``sparql:Q[;U]``.

An oxigraph home folder holds one or more complete store folders and a ``current`` symbolic link to the
one in use. A build writes a new folder and then replaces the link in one atomic ``rename``: a build that
fails, or is killed, leaves ``current`` pointing at the previous, intact store.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from nevkg.errors import StoreError

__all__ = ["StoreSpec", "parse_store_spec", "default_home", "CURRENT", "swap_in", "current_store_dir",
           "read_manifest"]

CURRENT = "current"
MANIFEST = "manifest.json"


def default_home() -> Path:
    """``$NEVKG_HOME`` if set, else ``./.nevkg``."""
    return Path(os.environ.get("NEVKG_HOME") or ".nevkg")


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store spec.

    Attributes
    ----------
    kind : str
        ``oxigraph``, ``memory`` or ``sparql``.
    path : Path or None
        The oxigraph home folder.
    query_url, update_url : str or None
        Endpoints of a ``sparql`` store.
    """

    kind: str
    path: Path | None = None
    query_url: str | None = None
    update_url: str | None = None

    def __str__(self) -> str:
        if self.kind == "oxigraph":
            return f"oxigraph:{self.path}"
        if self.kind == "sparql":
            return f"sparql:{self.query_url}" + (f";{self.update_url}" if self.update_url else "")
        return self.kind


def parse_store_spec(spec: str | None) -> StoreSpec:
    """Parse a store spec; ``None`` or ``""`` means the default embedded store.

    Examples
    --------
    >>> parse_store_spec("memory").kind
    'memory'
    >>> parse_store_spec("oxigraph:/tmp/kg").path
    PosixPath('/tmp/kg')
    >>> parse_store_spec("sparql:http://127.0.0.1:7878/query;http://127.0.0.1:7878/update").update_url
    'http://127.0.0.1:7878/update'
    >>> parse_store_spec("postgres:x")
    Traceback (most recent call last):
    ...
    nevkg.errors.StoreError: unknown store 'postgres:x'; use oxigraph[:PATH], memory or sparql:QUERY_URL[;UPDATE_URL]
    """
    if not spec:
        return StoreSpec("oxigraph", default_home())
    kind, _, rest = spec.partition(":")
    if kind == "memory" and not rest:
        return StoreSpec("memory")
    if kind == "oxigraph":
        return StoreSpec("oxigraph", Path(rest) if rest else default_home())
    if kind == "sparql" and rest:
        query_url, _, update_url = rest.partition(";")
        if not query_url.startswith(("http://", "https://")):
            raise StoreError(f"'{query_url}' is not an http(s) URL; write sparql:http://host:port/query[;UPDATE_URL]")
        return StoreSpec("sparql", query_url=query_url, update_url=update_url or None)
    raise StoreError(f"unknown store '{spec}'; use oxigraph[:PATH], memory or sparql:QUERY_URL[;UPDATE_URL]")


def current_store_dir(home: Path) -> Path | None:
    """The store folder ``home/current`` points at, or ``None`` when nothing has been built there."""
    link = home / CURRENT
    if not link.is_symlink():
        return None
    target = home / os.readlink(link)
    return target if target.is_dir() else None


def read_manifest(store_dir: Path) -> dict:
    """The build manifest (counts, data fingerprint, record origins) written beside a store."""
    try:
        return json.loads((store_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{store_dir}: the store has no readable {MANIFEST}; rebuild it with 'nevkg build'") from exc


def swap_in(home: Path, new_dir: Path) -> None:
    """Make ``new_dir`` the current store of ``home`` atomically, then delete the stores no longer in use."""
    tmp_link = home / f".{CURRENT}.{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(new_dir.name, tmp_link)
    os.replace(tmp_link, home / CURRENT)  # atomic on POSIX
    for old in home.glob("store-*"):
        if old.is_dir() and old.name != new_dir.name:
            shutil.rmtree(old, ignore_errors=True)
