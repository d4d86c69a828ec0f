"""Client accounting: what one client address may hold of the server.

A *client* is the peer's IP address (behind a reverse proxy every user shares the proxy's address: give the
proxy its own limits). Two ledgers, both thread-safe and bounded:

* :class:`Connections` counts open connections per address and in all, so that a few hundred slow sockets
  from one address are refused at once (503) instead of filling the server;
* :class:`QueryBudget` follows the Wikidata Query Service's model: a client may run (or wait for) a few
  queries at once, and spend so many seconds of query time per minute; past either it gets 429 with a
  ``Retry-After`` that says when it may try again.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque

from nevkg.server.protocol import HttpError

__all__ = ["Connections", "QueryBudget"]


def _decrement(counts: dict[str, int], address: str) -> None:
    """One less for ``address``; an address at zero is forgotten (the tables stay as small as the load)."""
    held = counts.get(address, 0)
    if held <= 1:
        counts.pop(address, None)
    else:
        counts[address] = held - 1


class Connections:
    """Open connections per client address, with a cap per address and a cap in all.

    Examples
    --------
    >>> c = Connections(per_client=2, total=3)
    >>> c.open("10.0.0.1"), c.open("10.0.0.1"), c.open("10.0.0.1")
    (None, None, 'too many connections from 10.0.0.1 (2 open, the limit)')
    >>> c.open("10.0.0.2"), c.open("10.0.0.3")
    (None, 'the server is full (3 connections open)')
    >>> c.close("10.0.0.1"); c.open("10.0.0.1") is None
    True
    """

    def __init__(self, per_client: int, total: int) -> None:
        self.per_client, self.total = per_client, total
        self._open: dict[str, int] = {}
        self._count = 0
        self._lock = threading.Lock()

    def open(self, address: str) -> str | None:
        """Count a new connection; ``None``, or why it is refused (nothing is counted then)."""
        with self._lock:
            held = self._open.get(address, 0)
            if held >= self.per_client:
                return f"too many connections from {address} ({held} open, the limit)"
            if self._count >= self.total:
                return f"the server is full ({self._count} connections open)"
            self._open[address] = held + 1
            self._count += 1
            return None

    def close(self, address: str) -> None:
        with self._lock:
            _decrement(self._open, address)
            self._count = max(0, self._count - 1)

    def stats(self) -> dict:
        with self._lock:
            return {"connections": self._count, "client_addresses": len(self._open)}


class QueryBudget:
    """Queries at once and seconds of query time per ``window`` seconds, per client address.

    Examples
    --------
    >>> b = QueryBudget(concurrent=1, seconds=2.0, window=60)
    >>> b.start("10.0.0.1")
    >>> b.start("10.0.0.1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    nevkg.server.protocol.HttpError: too many queries at once from 10.0.0.1 (1 running or waiting, the limit is 1)...
    >>> b.end("10.0.0.1", 2.5)
    >>> b.start("10.0.0.1")
    Traceback (most recent call last):
    ...
    nevkg.server.protocol.HttpError: 10.0.0.1 used 2.5 s of query time in the last 60 s, the limit is 2 s; retry in 60 s
    """

    def __init__(self, concurrent: int, seconds: float, window: float = 60.0) -> None:
        self.concurrent, self.seconds, self.window = concurrent, seconds, window
        self._running: dict[str, int] = {}
        self._spent: dict[str, deque[tuple[float, float]]] = {}
        self._lock = threading.Lock()

    def _used(self, address: str, now: float) -> tuple[float, deque | None]:
        spent = self._spent.get(address)
        if spent is None:
            return 0.0, None
        while spent and spent[0][0] <= now - self.window:
            spent.popleft()
        if not spent:
            del self._spent[address]
            return 0.0, None
        return sum(s for _, s in spent), spent

    def start(self, address: str) -> None:
        """Count a query of ``address`` as started, or raise HttpError 429 with ``Retry-After``."""
        now = time.monotonic()
        with self._lock:
            running = self._running.get(address, 0)
            if running >= self.concurrent:
                raise HttpError(429, f"too many queries at once from {address} ({running} running or waiting, "
                                     f"the limit is {self.concurrent}); wait for an answer first",
                                [("Retry-After", "1")])
            used, spent = self._used(address, now)
            if used >= self.seconds:
                # when enough of the oldest spending leaves the window to bring the total under the limit
                over, wait = used - self.seconds, self.window
                for at, seconds in spent:
                    over -= seconds
                    if over < 0:
                        wait = at + self.window - now
                        break
                wait = max(1, math.ceil(wait))
                raise HttpError(429, f"{address} used {used:.1f} s of query time in the last {self.window:g} s, "
                                     f"the limit is {self.seconds:g} s; retry in {wait} s",
                                [("Retry-After", str(wait))])
            self._running[address] = running + 1

    def end(self, address: str, seconds: float) -> None:
        """Count a query of ``address`` as finished after ``seconds`` of query time."""
        now = time.monotonic()
        with self._lock:
            _decrement(self._running, address)
            if seconds > 0:
                self._used(address, now)  # drop what left the window
                self._spent.setdefault(address, deque()).append((now, seconds))
                if len(self._spent) > 10_000:  # bounded: forget the addresses seen first
                    for stale in list(self._spent)[:1000]:
                        del self._spent[stale]
