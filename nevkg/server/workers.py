"""Query worker processes: a fixed pool of pre-forked workers, each with its own read-only store handle.

Neither rdflib nor oxigraph can cancel a running query, so a query runs in a worker process that can be
killed: past its wall-clock limit, past the memory cap, or when its client hangs up. A killed worker is
reaped (no zombie) and replaced at once, so the pool keeps its size. A pool can also be *retired* (when a
new build lands, :mod:`nevkg.server.builds`): it hands out no more workers, its idle workers stop at once
and its busy ones as soon as their request is answered.
"""

from __future__ import annotations

import gc
import os
import select
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from nevkg.server.protocol import HttpError

__all__ = ["WorkerPool", "Retired", "Overran", "OverMemory", "wait_answer", "private_memory"]

#: how often a running query's memory is read (seconds)
MEMORY_POLL = 0.05


def _worker_main(sock: socket.socket, open_kg: Callable[[], Any], max_rows: int) -> None:
    """The loop of one worker process: receive a request, answer it, until the server closes the pipe."""
    from nevkg.server.engine import Engine

    conn = Connection(sock.detach())
    _keep_alive.append(open_kg)  # never drop the parent's objects (their descriptors are closed in here)
    engine = Engine(open_kg(), max_rows)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(engine.handle(request))
        except (BrokenPipeError, OSError):
            return


_keep_alive: list = []


class _Worker:
    """One forked worker process and the parent's end of its socket pair."""

    def __init__(self, open_kg: Callable[[], Any], max_rows: int) -> None:
        parent, child = socket.socketpair()
        self.pid = os.fork()
        if self.pid == 0:  # the child: keep only stdio and our socket, then serve
            code = 0
            try:
                parent.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                keep = child.fileno()
                os.closerange(3, keep)
                os.closerange(keep + 1, _max_fd())
                # fresh stream objects: a lock held by another thread at fork time stays held in the child
                sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
                _worker_main(child, open_kg, max_rows)
            except BaseException:  # never return into the server's code in a child
                code = 1
            finally:
                os._exit(code)
        child.close()
        self.conn = Connection(parent.detach())
        self.started = time.monotonic()

    def kill(self) -> None:
        """SIGKILL and reap (no zombie); closing our end is enough for a worker that is idle."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.reap()

    def reap(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                pid, _ = os.waitpid(self.pid, 0 if deadline is None else os.WNOHANG)
            except ChildProcessError:
                pid = self.pid
            if pid:
                self.conn.close()
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)


def _max_fd() -> int:
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        return soft if 0 < soft < 1 << 20 else 1 << 16
    except (ImportError, ValueError):
        return 1 << 16


class Retired(Exception):
    """The pool was retired while waiting for a worker: ask the current pool instead."""


class WorkerPool:
    """A fixed number of worker processes; a killed worker is replaced at once.

    ``acquire`` hands out an idle worker, or waits (at most ``max_queue`` callers at a time) for one.
    ``open_kg`` runs in each new worker and returns the graph it answers from.
    """

    def __init__(self, open_kg: Callable[[], Any], size: int, max_queue: int, max_rows: int) -> None:
        self._open_kg, self._max_rows, self.size, self.max_queue = open_kg, max_rows, size, max_queue
        # Move everything allocated so far (the graph, for the memory store) out of the collector's reach:
        # otherwise each worker's cyclic GC walks, and so copies, the parent's whole heap (copy-on-write).
        gc.freeze()
        self._lock = threading.Condition()
        self._idle: list[_Worker] = [_Worker(open_kg, max_rows) for _ in range(size)]
        self._all: set[_Worker] = set(self._idle)
        self.busy = self.waiting = 0
        self.replaced = 0
        self.closed = False
        self._on_empty: Callable[[], None] | None = None

    def _full(self) -> HttpError | None:
        if self._idle or self.waiting < self.max_queue:
            return None
        return HttpError(503, f"too many queries at once ({self.size} running, {self.waiting} waiting); try "
                              f"again shortly", [("Retry-After", "1")])

    def refuse_if_full(self) -> None:
        """HttpError 503 when no worker is idle and the queue is full (a request would be refused)."""
        with self._lock:
            full = None if self.closed else self._full()
        if full is not None:
            raise full

    def acquire(self, deadline: float) -> _Worker:
        """An idle worker; HttpError 503 when the queue is full or no worker frees up in time."""
        retry = [("Retry-After", "1")]
        with self._lock:
            if self.closed:
                raise Retired() if self._on_empty else HttpError(503, "the server is shutting down", retry)
            if not self._idle:
                full = self._full()
                if full is not None:
                    raise full
                self.waiting += 1
                try:
                    while not self._idle and not self.closed:
                        left = deadline - time.monotonic()
                        if left <= 0:
                            raise HttpError(503, "no query worker became free in time; try again shortly",
                                            retry)
                        self._lock.wait(left)
                finally:
                    self.waiting -= 1
                if self.closed:
                    raise Retired() if self._on_empty else HttpError(503, "the server is shutting down", retry)
            self.busy += 1
            return self._idle.pop()

    def release(self, worker: _Worker, healthy: bool) -> None:
        """Give a worker back; an unhealthy one (killed, overran, client gone) is reaped and replaced."""
        if not healthy or self.closed:
            worker.kill()
        with self._lock:
            self.busy -= 1
            if healthy and not self.closed:
                self._idle.append(worker)
            else:
                self._all.discard(worker)
                if not self.closed:
                    fresh = _Worker(self._open_kg, self._max_rows)
                    self._all.add(fresh)
                    self._idle.append(fresh)
                    self.replaced += 1
            self._lock.notify()
            done = self.closed and not self._all and self._on_empty
        if done:
            self._finish()

    def retire(self, on_empty: Callable[[], None]) -> None:
        """Hand out no more workers; stop the idle ones now, the busy ones when their request is answered.

        ``on_empty`` runs once, when the last worker is gone (in the thread that stopped it).
        """
        with self._lock:
            self.closed = True
            self._on_empty = on_empty
            idle, self._idle = self._idle, []
            for w in idle:
                self._all.discard(w)
            self._lock.notify_all()
            done = not self._all
        _stop(idle)
        if done:
            self._finish()

    def _finish(self) -> None:
        with self._lock:
            callback, self._on_empty = self._on_empty, (lambda: None)
        if callback is not None:
            callback()

    def close(self) -> None:
        """Stop every worker: close the pipes (idle workers exit), kill what is still running; reap all."""
        with self._lock:
            self.closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._lock.notify_all()
        _stop(workers)

    def stats(self) -> dict:
        with self._lock:
            return {"workers": len(self._all), "busy": self.busy, "waiting": self.waiting,
                    "replaced": self.replaced}


def _stop(workers: list[_Worker]) -> None:
    for w in workers:
        w.conn.close()
    for w in workers:
        if not w.reap(timeout=1.0):
            w.kill()


class Overran(Exception):
    """The query ran past its wall-clock limit."""


class OverMemory(Exception):
    """The worker's own memory grew past the cap; ``args[0]`` is what it held, in bytes."""


def private_memory(pid: int) -> int | None:
    """Bytes only this process holds (private clean + dirty pages): what killing it frees.

    Pages a forked worker still shares with the server (the memory store's graph) are not counted.
    ``None`` where ``/proc`` cannot tell.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            text = fh.read()
    except OSError:
        return None
    total = 0
    for line in text.splitlines():
        if line.startswith((b"Private_Clean:", b"Private_Dirty:")):
            total += int(line.split()[1]) * 1024
    return total


def wait_answer(worker: _Worker, request: dict, deadline: float, client: socket.socket | None,
                max_memory: int | None = None):
    """Send a request to a worker and wait for its answer, the deadline, the memory cap, or a hang-up.

    Returns ``(answer, healthy)``; ``answer`` is ``None`` when the client went away. Raises
    :class:`Overran` past the deadline and :class:`OverMemory` past ``max_memory`` bytes.
    """
    try:
        worker.conn.send(request)
    except OSError:
        return (500, [], b"the query worker was not running; try again"), False
    watch = client is not None
    step = MEMORY_POLL if max_memory else 1.0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Overran()
        fds = [worker.conn.fileno()] + ([client.fileno()] if watch else [])
        try:
            ready, _, _ = select.select(fds, [], [], min(left, step))
        except (OSError, ValueError):  # the client's socket was closed under us
            return None, False
        if worker.conn.fileno() in ready:
            try:
                return worker.conn.recv(), True
            except (EOFError, OSError):
                used = private_memory(worker.pid) if max_memory else None
                if used is not None and used > max_memory:
                    raise OverMemory(used) from None
                return (500, [], b"the query worker died while running the query"), False
        if max_memory:
            used = private_memory(worker.pid)
            if used is not None and used > max_memory:
                raise OverMemory(used)
        if watch and client.fileno() in ready:
            try:
                peek = client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
            except BlockingIOError:
                continue
            except OSError:
                return None, False
            if not peek:  # orderly shutdown by the client: nobody will read the answer
                return None, False
            watch = False  # pipelined bytes: not our business here
