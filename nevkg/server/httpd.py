"""The HTTP server: one event loop reads requests as they arrive, a fixed pool of threads answers them.

Slow clients cannot fill the server. A connection holds no thread until its request has arrived: one loop
(``serve_forever``) accepts connections and reads, without blocking, their request line and headers within
``header_timeout`` seconds in all, then a declared body of up to ``LOOP_BODY`` bytes (a SPARQL query) within
``body_timeout`` seconds in all (408 after either, however slowly the bytes trickle in). A client address may
hold ``max_client_connections`` connections and the server ``max_connections`` in all; one more is answered
503 at once, without reading anything. A complete request goes to a fixed pool of handler threads
(wsgiref's handler: one request per connection), which read a larger body within ``body_timeout`` (408
after) and run the application.
"""

from __future__ import annotations

import errno
import queue
import selectors
import socket
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any
from wsgiref.simple_server import WSGIServer

from nevkg.server.clients import Connections
from nevkg.server.handler import Handler, log_line

__all__ = ["make_server", "serve", "PortInUse"]

#: largest request head (request line and headers) in bytes; more is refused with 431
MAX_HEAD = 65536 + 16384
#: seconds a refused connection is kept to read what its client still sends (so it sees the answer), and
#: how many are kept at most (beyond that they are closed at once)
LINGER = 1.0
MAX_LINGERING = 256
#: bodies up to this size are read by the loop too (a SPARQL query is small), so a client sending its body
#: slowly holds no thread either; larger ones are read by a handler thread within ``body_timeout``
LOOP_BODY = 64 * 1024

@dataclass
class _Pending:
    """A connection whose request (head, then a small declared body) is still arriving."""

    sock: socket.socket
    address: str
    deadline: float
    head: bytearray
    need: int | None = None  # bytes of head and body in all, once the head is in
    declared: int = 0  # the body's Content-Length


def body_length(head: bytes) -> int:
    r"""The body the loop reads before handing a request on: its ``Content-Length`` when that is plain and
    at most ``LOOP_BODY`` bytes, else 0 (the handler then reads it, or the application refuses it).

    >>> body_length(b"POST /sparql HTTP/1.1\r\nContent-Type: x\r\ncontent-length: 42")
    42
    >>> body_length(b"POST / HTTP/1.1\r\nContent-Length: 42\r\nTransfer-Encoding: chunked")
    0
    """
    length = None
    for line in head.split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"transfer-encoding" or (name == b"content-length" and length is not None):
            return 0
        if name == b"content-length":
            value = value.strip()
            length = int(value) if value.isdigit() and len(value) < 12 else 0
    return length if length and length <= LOOP_BODY else 0


class PortInUse(OSError):
    """The address is taken (``errno.EADDRINUSE``)."""


class _PooledServer(WSGIServer):
    """The server described in the module docstring."""

    request_queue_size = 1024  # listen backlog
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: Any, threads: int) -> None:
        # everything server_close() needs exists before the socket is bound (a bind can fail: port in use)
        self.limits = app.limits
        self._threads: list[threading.Thread] = []
        self._ready: queue.Queue = queue.Queue(maxsize=threads)
        self._pending: dict[int, _Pending] = {}
        self._lingering: dict[int, tuple[socket.socket, float]] = {}
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()
        self.connections = Connections(self.limits.max_client_connections, self.limits.max_connections)
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        try:
            super().__init__(address, Handler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(exc.errno, exc.strerror) from None
            raise
        self.set_app(app)
        self.socket.setblocking(False)
        self._threads = [threading.Thread(target=self._serve_connections, name=f"nevkg-http-{i}", daemon=True)
                         for i in range(threads)]
        for t in self._threads:
            t.start()

    def server_bind(self) -> None:  # skip HTTPServer's reverse DNS lookup (getfqdn) at start-up
        import socketserver

        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = host, port
        self.setup_environ()

    # -- the loop ------------------------------------------------------------------------------------------
    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._stopped.clear()
        selector = selectors.DefaultSelector()
        selector.register(self.socket, selectors.EVENT_READ, "listen")
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                soonest = min([p.deadline for p in self._pending.values()]
                              + [d for _, d in self._lingering.values()] + [now + poll_interval])
                for key, _ in selector.select(max(0.0, soonest - now)):
                    if key.data == "listen":
                        self._accept(selector)
                    elif key.data == "linger":
                        self._drain(selector, key.fd)
                    else:
                        self._read(selector, key.fd)
                self._sweep(selector)
        finally:
            for fd in list(self._pending):
                self._drop(selector, fd)
            for fd in list(self._lingering):
                self._unlinger(selector, fd)
            selector.close()
            self._stop.clear()
            self._stopped.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._stopped.wait()

    def _accept(self, selector: selectors.BaseSelector) -> None:
        for _ in range(256):  # a burst of connections in one go, then look at the others again
            try:
                sock, client = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # a connection reset before accept, or out of descriptors: go on serving
                if exc.errno in (errno.EMFILE, errno.ENFILE):
                    time.sleep(0.05)  # until some close (the sweep closes timed-out heads); no busy loop
                return
            address = client[0]
            refused = self.connections.open(address)
            if refused is not None:
                self._refuse(selector, sock, address, 503, f"{refused}; try again shortly", [("Retry-After", "2")])
                continue
            sock.setblocking(False)
            self._pending[sock.fileno()] = _Pending(sock, address, time.monotonic() + self.limits.header_timeout,
                                                    bytearray())
            selector.register(sock, selectors.EVENT_READ, "head")

    def _read(self, selector: selectors.BaseSelector, fd: int) -> None:
        pending = self._pending[fd]
        try:
            data = pending.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client left before finishing its request
            self._drop(selector, fd)
            return
        pending.head += data
        if pending.need is None:
            end = _head_end(pending.head)
            if end < 0:
                if len(pending.head) > MAX_HEAD:
                    self._end_pending(selector, fd)
                    self.connections.close(pending.address)
                    self._refuse(selector, pending.sock, pending.address, 431,
                                 f"the request head is larger than {MAX_HEAD} bytes")
                return
            pending.declared = body_length(bytes(pending.head[:end]))
            pending.need = end + pending.declared
            if pending.declared:  # the body's own deadline, from the end of the head
                pending.deadline = time.monotonic() + self.limits.body_timeout
        if len(pending.head) < pending.need:
            return
        self._end_pending(selector, fd)
        pending.sock.setblocking(True)
        try:
            self._ready.put_nowait((pending.sock, pending.address, bytes(pending.head)))
        except queue.Full:  # every thread busy and the queue full: say so at once
            self.connections.close(pending.address)
            self._refuse(selector, pending.sock, pending.address, 503, "the server is busy; try again shortly",
                         [("Retry-After", "1")])

    def _end_pending(self, selector: selectors.BaseSelector, fd: int) -> None:
        pending = self._pending.pop(fd)
        selector.unregister(pending.sock)

    def _sweep(self, selector: selectors.BaseSelector) -> None:
        now = time.monotonic()
        for fd, pending in list(self._pending.items()):
            if pending.deadline <= now:
                self._end_pending(selector, fd)
                self.connections.close(pending.address)
                if pending.need is None:
                    message = f"the request line and headers did not arrive within {self.limits.header_timeout:g} s"
                else:  # the same words as when a handler waits for a larger body
                    message = (f"the request body ({pending.declared} bytes declared) did not arrive within "
                               f"{self.limits.body_timeout:g} s; send it at once after the headers")
                line = bytes(pending.head.split(b"\n", 1)[0][:300]).decode("latin-1").strip()
                self._refuse(selector, pending.sock, pending.address, 408, message, line=line)
        for fd, (_, deadline) in list(self._lingering.items()):
            if deadline <= now:
                self._unlinger(selector, fd)

    def _drop(self, selector: selectors.BaseSelector, fd: int) -> None:
        pending = self._pending[fd]
        self._end_pending(selector, fd)
        self.connections.close(pending.address)
        pending.sock.close()

    def _refuse(self, selector: selectors.BaseSelector, sock: socket.socket, address: str, status: int,
                message: str, headers: list[tuple[str, str]] = (), line: str = "-") -> None:
        """Answer at once without reading the request, then close (after a short linger)."""
        from nevkg.server.protocol import phrase

        body = (message + "\n").encode()
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers)
        head = (f"HTTP/1.0 {status} {phrase(status)}\r\nContent-Type: text/plain; charset=utf-8\r\n{extra}"
                f"Content-Length: {len(body)}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n")
        try:
            sock.setblocking(False)
            sock.send(head.encode() + body)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            sock.close()
            return
        log_line(address, f'"{line}" {status} {len(body)} ({message})')
        if len(self._lingering) >= MAX_LINGERING:
            sock.close()
            return
        self._lingering[sock.fileno()] = (sock, time.monotonic() + LINGER)
        selector.register(sock, selectors.EVENT_READ, "linger")

    def _drain(self, selector: selectors.BaseSelector, fd: int) -> None:
        sock, _ = self._lingering[fd]
        try:
            if sock.recv(65536):
                return
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            pass
        self._unlinger(selector, fd)

    def _unlinger(self, selector: selectors.BaseSelector, fd: int) -> None:
        sock, _ = self._lingering.pop(fd)
        selector.unregister(sock)
        sock.close()

    # -- the handler threads -------------------------------------------------------------------------------
    def _serve_connections(self) -> None:
        while True:
            item = self._ready.get()
            if item is None:
                return
            sock, address, head = item
            try:
                Handler(sock, (address, 0), self, head)
            except Exception:
                self.handle_error(sock, (address, 0))
            finally:
                self.shutdown_request(sock)
                self.connections.close(address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def stats(self) -> dict:
        return {**self.connections.stats(), "reading_heads": len(self._pending)}

    def server_close(self) -> None:
        super().server_close()
        for _ in self._threads:
            try:
                self._ready.put(None, timeout=1)
            except queue.Full:
                break
        for t in self._threads:
            t.join(timeout=2)
        if hasattr(self, "application") and self.application is not None:
            self.application.close()


def make_server(app: Any, host: str = "127.0.0.1", port: int = 7878) -> _PooledServer:
    """A server for ``app`` (not started; call ``serve_forever()``). See the module docstring.

    ``max_concurrent + max_queue + 4`` handler threads (the spare ones answer /health and the page while
    every worker is busy), and a queue of as many complete requests; one more is answered 503 at once.

    Raises
    ------
    PortInUse
        When the address is taken.
    """
    threads = app.limits.max_concurrent + app.limits.max_queue + 4
    return _PooledServer((host, port), app, threads=threads)


def serve(spec: Any = None, host: str = "127.0.0.1", port: int = 7878, **limits: Any) -> None:
    """Serve a built store until interrupted (Ctrl-C or SIGTERM); the access log goes to stderr.

    Parameters
    ----------
    spec : str or StoreSpec or KnowledgeGraph, optional
        The store (default: the embedded oxigraph store).
    host : str
        Address to bind; 127.0.0.1 unless told otherwise.
    port : int
        Port; 0 picks a free one (the line on stderr says which).
    **limits
        Any attribute of :class:`~nevkg.server.limits.Limits` (see :func:`~nevkg.server.create_app`).

    Raises
    ------
    NevkgError
        When the port is in use (one line that says what to do) or cannot be bound.
    """
    import signal

    from nevkg.errors import NevkgError
    from nevkg.server.app import create_app

    _raise_open_files(limits.get("max_connections") or 512)
    app = create_app(spec, **limits)
    try:
        server = make_server(app, host, port)
    except PortInUse:
        app.close()
        raise NevkgError(f"port {port} is in use, try --port {port + 1 if port < 65535 else 8080} or "
                         f"--port 0") from None
    except OSError as exc:
        app.close()
        raise NevkgError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    build = app.builds.current.build
    print(f"nevkg: serving {app.store} (build {build['id']}, {app.triples} triples) at "
          f"http://{shown}:{bound_port}/sparql (query page http://{shown}:{bound_port}/); Ctrl-C stops",
          file=sys.stderr, flush=True)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        print("nevkg: stopped", file=sys.stderr, flush=True)


def _raise_open_files(connections: int) -> None:
    """Raise the soft limit on open descriptors so ``max_connections`` (and more) fit under it."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = connections + MAX_LINGERING + 256  # workers' pipes, the store, the log
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY
                                                       else min(wanted, hard), hard))
    except (ImportError, ValueError, OSError):
        pass


def _head_end(data: bytearray) -> int:
    """Where the request head ends (the body starts), or -1 while it is incomplete."""
    end = data.find(b"\r\n\r\n")
    if end >= 0:
        return end + 4
    end = data.find(b"\n\n")
    return end + 2 if end >= 0 else -1
