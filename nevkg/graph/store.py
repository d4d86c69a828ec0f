"""Store specs (DESIGN §6): ``oxigraph[:PATH]`` (embedded, on disk, the default), ``memory``, ``sparql:Q[;U]``.

An oxigraph home folder holds one or more complete store folders and a ``current`` symbolic link to the
one in use. A build writes a new folder and then replaces the link in one atomic ``rename``: a build that
fails, or is killed, leaves ``current`` pointing at the previous, intact store.

Old store folders are removed only when nothing reads them. A reader (``nevkg serve``) holds a *lease* on
the folder it reads: a shared ``flock`` on ``HOME/.leases/FOLDER.lock``, which the kernel drops when the
reader exits, so a killed reader never leaves a folder stuck. :func:`remove_unused` (run by every build
after its swap, and by the server when it lets go of a folder) removes a folder only under an exclusive
lock on that file, so never while it is leased; it never removes the current folder, a complete folder
newer than the current one (a build about to swap it in), or a half-written folder whose build is still
running.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nevkg.errors import StoreError
from nevkg.home import default_home

__all__ = ["StoreSpec", "parse_store_spec", "default_home", "CURRENT", "swap_in", "current_store_dir",
           "read_manifest", "Lease", "lease_current", "remove_unused", "LEASES"]

CURRENT = "current"
MANIFEST = "manifest.json"
LEASES = ".leases"


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
    """Make ``new_dir`` the current store of ``home`` atomically, then remove the old stores nobody reads."""
    tmp_link = home / f".{CURRENT}.{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(new_dir.name, tmp_link)
    os.replace(tmp_link, home / CURRENT)  # atomic on POSIX
    remove_unused(home, keep=new_dir)


class Lease:
    """A reader's hold on one store folder (see the module docstring); :meth:`release` lets go.

    Attributes
    ----------
    store_dir : Path
        The folder held.
    """

    def __init__(self, store_dir: Path, fd: int) -> None:
        self.store_dir, self._fd = store_dir, fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:  # a forgotten lease is let go with its owner, never kept open by a leak
        self.release()

    def __enter__(self) -> Lease:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lease_file(store_dir: Path) -> Path:
    return store_dir.parent / LEASES / f"{store_dir.name}.lock"


def _open_lease_file(store_dir: Path) -> int:
    path = _lease_file(store_dir)
    path.parent.mkdir(exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)


def lease_current(home: Path) -> Lease:
    """Lease the folder ``home/current`` points at; it stays on disk until :meth:`Lease.release`.

    Raises
    ------
    StoreError
        When nothing has been built in ``home``.

    Examples
    --------
    >>> import tempfile
    >>> from nevkg.graph.build import build
    >>> home = Path(tempfile.mkdtemp())
    >>> build(f"oxigraph:{home}", ["tests/resources/records"], shipped=False).close()
    >>> with lease_current(home) as first:
    ...     build(f"oxigraph:{home}", ["tests/resources/records"], shipped=False).close()
    ...     first.store_dir.is_dir()  # a newer build is current, but the leased folder stays
    True
    >>> remove_unused(home) == [first.store_dir]  # once released, the next clean-up removes it
    True
    >>> import shutil; shutil.rmtree(home)
    """
    for _ in range(20):
        store_dir = current_store_dir(home)
        if store_dir is None:
            raise StoreError(f"no graph has been built in {home}; run 'nevkg build' (or 'nevkg demo') first")
        fd = _open_lease_file(store_dir)
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a clean-up removes this folder (it holds LOCK_EX)
        if (store_dir / MANIFEST).is_file() and current_store_dir(home) == store_dir:
            return Lease(store_dir, fd)
        os.close(fd)  # removed, or replaced, while we asked: take the new current one
    raise StoreError(f"{home}: the current store kept changing; try again")


def _built(store_dir: Path) -> datetime | None:
    try:
        return datetime.fromisoformat(read_manifest(store_dir)["built"])
    except (StoreError, KeyError, TypeError, ValueError):
        return None


def _writer_alive(store_dir: Path) -> bool:
    """Whether the build writing a folder (its pid is in the name: store-TIME-PID-N) still runs."""
    parts = store_dir.name.split("-")
    try:
        os.kill(int(parts[2]), 0)
    except (IndexError, ValueError):
        return True  # not a name a build gives: leave it alone
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_unused(home: Path, keep: Path | None = None) -> list[Path]:
    """Remove the store folders of ``home`` that nothing uses any more; return those removed.

    Kept: the current folder, ``keep``, leased folders, complete folders built after the current one, and
    half-written folders (no manifest) whose build is still running. A folder is renamed away under an
    exclusive lock on its lease file, then deleted, so a reader never opens a half-deleted folder.
    """
    current = current_store_dir(home)
    current_built = _built(current) if current is not None else None
    removed = []
    for old in sorted(home.glob("store-*")):
        if not old.is_dir() or old.is_symlink() or old == current or (keep is not None and old.name == keep.name):
            continue
        if (old / MANIFEST).is_file():
            built = _built(old)
            if built is None or current_built is None or built >= current_built:
                continue  # newer than the current build (about to be swapped in), or unknown: keep
        elif _writer_alive(old):
            continue
        fd = _open_lease_file(old)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a reader holds it
            trash = home / f".trash-{old.name}-{os.getpid()}"
            try:
                os.rename(old, trash)
            except OSError:
                continue
            shutil.rmtree(trash, ignore_errors=True)
            _lease_file(old).unlink(missing_ok=True)
            removed.append(old)
        finally:
            os.close(fd)
    return removed
