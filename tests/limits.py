"""Running ``nevkg`` in a real subprocess under resource limits (for expansion bombs and concurrency tests)."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

#: no hostile input may take longer than this, or more memory than :data:`MEMORY`
TIMEOUT = 60
MEMORY = 1 << 30
REPO = Path(__file__).resolve().parents[1]


def _limits(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file-size limit is then an EFBIG error, not a kill


def nevkg(*args: str, env: dict | None = None, timeout: float = TIMEOUT, memory: int = MEMORY,
          background: bool = False):
    """Run ``python -m nevkg.cli ARGS`` with at most ``memory`` bytes of address space.

    Returns the finished :class:`subprocess.CompletedProcess` (text), or the running :class:`subprocess.Popen`
    with ``background=True``. A run past ``timeout`` raises :class:`subprocess.TimeoutExpired` (the test fails).
    """
    cmd = [sys.executable, "-m", "nevkg.cli", *args]
    kwargs = dict(env=env, cwd=str(REPO), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                  preexec_fn=lambda: _limits(memory))
    if background:
        return subprocess.Popen(cmd, **kwargs)
    return subprocess.run(cmd, timeout=timeout, **kwargs)


def clean_failure(proc, *names: str) -> str:
    """Assert a run failed the way the README promises: exit 1, no traceback, the given names in the message."""
    err = proc.stderr
    assert proc.returncode == 1, (proc.returncode, err[-2000:])
    assert "Traceback" not in err, err[-3000:]
    for name in names:
        assert name in err, (name, err[-2000:])
    return err
