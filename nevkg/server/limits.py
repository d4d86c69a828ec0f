"""What one server allows: every limit, its default, and the status a client gets past it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """What one server allows. Every limit is answered with its own status, never with a cut-off 200.

    Attributes
    ----------
    timeout : float
        Wall-clock seconds per query, waiting for a worker included (504 when over). A request may ask
        for less with its ``timeout`` parameter, never for more.
    max_rows : int
        Most solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer (422 when over).
    max_body : int
        Largest request body in bytes (413).
    max_url : int
        Longest request target (path and query string) in characters (414).
    max_concurrent : int
        Worker processes, hence queries running at once.
    max_queue : int
        Queries that may wait for a worker; one more is answered 503 with ``Retry-After``.
    cors : tuple of str
        Origins allowed to read responses from a browser (``"*"`` for any); empty: no CORS headers.
    max_memory : int
        MiB of its own memory a query worker may hold (pages it shares with the server do not count); past
        it the query is stopped with 422 naming the limit and the worker replaced. 0: no cap.
    header_timeout : float
        Seconds for the request line and all headers to arrive, in all (408 after). Until then a
        connection holds no thread.
    body_timeout : float
        Seconds for a declared body to arrive, in all, once the headers are in (408 after).
    max_client_connections : int
        Open connections per client address; one more is answered 503 at once.
    max_connections : int
        Open connections in all; one more is answered 503 at once.
    client_concurrent : int
        Queries one client address may have running or waiting at once (429 with ``Retry-After``);
        default: half the workers.
    client_budget : float
        Seconds of query time one client address may use per minute (429 with ``Retry-After``).
    """

    timeout: float = 30.0
    max_rows: int = 10_000
    max_body: int = 1_000_000
    max_url: int = 8192
    max_concurrent: int = 8
    max_queue: int = 64
    cors: tuple[str, ...] = field(default=())
    max_memory: int = 1024
    header_timeout: float = 10.0
    body_timeout: float = 10.0
    max_client_connections: int = 32
    max_connections: int = 512
    client_concurrent: int = 0
    client_budget: float = 120.0

    def __post_init__(self) -> None:
        for name in ("timeout", "max_rows", "max_body", "max_url", "max_concurrent", "header_timeout",
                     "body_timeout", "max_client_connections", "max_connections", "client_budget"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)!r}")
        for name in ("max_queue", "max_memory", "client_concurrent"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more, not {getattr(self, name)!r}")
        object.__setattr__(self, "cors", tuple(self.cors or ()))
        if not self.client_concurrent:
            object.__setattr__(self, "client_concurrent", max(1, self.max_concurrent // 2))

    @classmethod
    def names(cls) -> list[str]:
        """The keyword arguments :func:`nevkg.server.create_app` takes for limits."""
        return [f.name for f in fields(cls)]
