"""Running ``nevkg`` in a real subprocess under resource limits (for expansion bombs and concurrency tests)."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

#: no hostile input may take longer than this, or more memory (peak resident set) than :data:`MEMORY`
TIMEOUT = 60
MEMORY = 1 << 30
#: a hard cap on address space, far above :data:`MEMORY`: it stops a bomb that runs away before the run ends.
#: Address space is not memory use (every RocksDB or DuckDB thread reserves stacks and arenas it never touches),
#: so the 1 GiB promise is checked on the peak resident set the kernel reports for the finished run.
ADDRESS_SPACE = 4 << 30
REPO = Path(__file__).resolve().parents[1]

#: runs the command as its only child and writes that child's peak resident set (KiB) to a file
_MEASURE = (
    "import os, resource, signal, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "if code < 0:\n"
    "    signal.signal(-code, signal.SIG_DFL)\n"
    "    os.kill(os.getpid(), -code)\n"
    "sys.exit(code)\n")


def _limits(address_space: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file-size limit is then an EFBIG error, not a kill


def nevkg(*args: str, env: dict | None = None, timeout: float = TIMEOUT, memory: int = MEMORY,
          background: bool = False):
    """Run ``python -m nevkg.cli ARGS`` under a hard address-space cap; a finished run must stay under ``memory``.

    Returns the finished :class:`subprocess.CompletedProcess` (text), or the running :class:`subprocess.Popen`
    with ``background=True`` (its pid is nevkg's own, for signals; its memory is not measured). A run past
    ``timeout`` raises :class:`subprocess.TimeoutExpired`, and one whose peak resident set went over ``memory``
    raises :class:`AssertionError` (the test fails).
    """
    cmd = [sys.executable, "-m", "nevkg.cli", *args]
    kwargs = dict(env=env, cwd=str(REPO), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                  preexec_fn=lambda: _limits(ADDRESS_SPACE))
    if background:
        return subprocess.Popen(cmd, **kwargs)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as peak:
        proc = subprocess.run([sys.executable, "-c", _MEASURE, peak.name, *cmd], timeout=timeout, **kwargs)
        used = int(peak.read() or 0) * 1024
    assert used <= memory, f"nevkg {' '.join(args)[:200]} peaked at {used >> 20} MiB, over {memory >> 20} MiB"
    return proc


def clean_failure(proc, *names: str) -> str:
    """Assert a run failed the way the README promises: exit 1, no traceback, the given names in the message."""
    err = proc.stderr
    assert proc.returncode == 1, (proc.returncode, err[-2000:])
    assert "Traceback" not in err, err[-3000:]
    for name in names:
        assert name in err, (name, err[-2000:])
    return err
