"""The HTTP server: one event loop reads request heads, a fixed pool of threads answers complete requests.

Slow clients cannot fill the server. A connection holds no thread until its request line and headers have
all arrived: one loop (``serve_forever``) accepts connections and reads their heads without blocking, with
a deadline for the whole head (``header_timeout``: 408 after it, however slowly the bytes trickle in).
A client address may hold ``max_client_connections`` connections and the server ``max_connections`` in
all; one more is answered 503 at once, without reading anything. A complete head goes to a fixed pool of
handler threads (wsgiref's handler: one request per connection), which give a declared body
``body_timeout`` seconds in all to arrive (408 after) and then run the application.
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

@dataclass
class _Pending:
    """A connection whose request head is still arriving."""

    sock: socket.socket
    address: str
    deadline: float
    head: bytearray


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
        if b"\r\n\r\n" in pending.head or b"\n\n" in pending.head:
            selector.unregister(pending.sock)
            del self._pending[fd]
            pending.sock.setblocking(True)
            try:
                self._ready.put_nowait((pending.sock, pending.address, bytes(pending.head)))
            except queue.Full:  # every thread busy and the queue full: say so at once
                self.connections.close(pending.address)
                self._refuse(selector, pending.sock, pending.address, 503, "the server is busy; try again shortly",
                             [("Retry-After", "1")])
        elif len(pending.head) > MAX_HEAD:
            self._pending.pop(fd)
            selector.unregister(pending.sock)
            self.connections.close(pending.address)
            self._refuse(selector, pending.sock, pending.address, 431,
                         f"the request head is larger than {MAX_HEAD} bytes")

    def _sweep(self, selector: selectors.BaseSelector) -> None:
        now = time.monotonic()
        for fd, pending in list(self._pending.items()):
            if pending.deadline <= now:
                self._pending.pop(fd)
                selector.unregister(pending.sock)
                self.connections.close(pending.address)
                self._refuse(selector, pending.sock, pending.address, 408,
                             f"the request line and headers did not arrive within {self.limits.header_timeout:g} s")
        for fd, (_, deadline) in list(self._lingering.items()):
            if deadline <= now:
                self._unlinger(selector, fd)

    def _drop(self, selector: selectors.BaseSelector, fd: int) -> None:
        pending = self._pending.pop(fd)
        selector.unregister(pending.sock)
        self.connections.close(pending.address)
        pending.sock.close()

    def _refuse(self, selector: selectors.BaseSelector, sock: socket.socket, address: str, status: int,
                message: str, headers: list[tuple[str, str]] = ()) -> None:
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
        log_line(address, f'"-" {status} {len(body)} ({message})')
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
