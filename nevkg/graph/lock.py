"""One build at a time per store: an advisory lock on a file in the store's home folder.

The lock is ``fcntl.flock`` on ``HOME/build.lock``: the kernel releases it when the process ends, however
it ends (``kill -9`` included), so a killed build never leaves it stuck and there is no stale lock to
clean up. The file records the holder's pid, host and start time, which a second build names in its
message. The file itself is never deleted (deleting a lock file others wait on would let two builds in).
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from nevkg.errors import BuildLockedError

__all__ = ["LOCK_FILE", "build_lock", "lock_holder"]

LOCK_FILE = "build.lock"


def lock_holder(home: Path) -> dict:
    """What the lock file says about the build holding it: ``pid``, ``host``, ``started`` (may be empty).

    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> with build_lock(home):
    ...     lock_holder(home)["pid"] == os.getpid()
    True
    """
    for _ in range(20):  # the holder truncates, then writes: a read may fall between the two
        try:
            text = (home / LOCK_FILE).read_text(encoding="utf-8")
        except OSError:
            return {}
        if text:
            try:
                return json.loads(text)
            except ValueError:
                pass
        time.sleep(0.01)
    return {}


def _describe(holder: dict) -> str:
    if not holder:
        return "pid unknown"
    host = f" on {holder['host']}" if holder.get("host") and holder["host"] != socket.gethostname() else ""
    return f"pid {holder.get('pid')}{host}, started {holder.get('started')}"


@contextmanager
def build_lock(home: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the build lock of a store home for the duration of the ``with`` block.

    Parameters
    ----------
    home : Path
        The oxigraph store's home folder (created if missing).
    wait : bool
        When another build holds the lock: wait for it (saying so on stderr) instead of failing at once.

    Raises
    ------
    BuildLockedError
        Another build holds the lock and ``wait`` is false; the message names its pid and start time.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> with build_lock(home):
    ...     with build_lock(home):
    ...         pass
    Traceback (most recent call last):
    ...
    nevkg.errors.BuildLockedError: another build is running on this store (...); ...
    """
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _describe(lock_holder(home))
            if not wait:
                raise BuildLockedError(
                    f"another build is running on this store ({holder}; lock {path}); nothing was changed. "
                    f"Let it finish, or run 'nevkg build --wait' to wait for it") from None
            print(f"waiting for the build already running on {home} ({holder}) to finish ...", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                  "started": datetime.now(UTC).isoformat(timespec="seconds")}).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
