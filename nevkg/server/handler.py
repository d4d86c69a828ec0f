"""One request on one connection: wsgiref's handler over a head that has already arrived, and the access log.

The server's loop (:mod:`nevkg.server.httpd`) reads the request line and headers; the handler reads the
declared body from the socket within ``body_timeout`` seconds in all, runs the application and writes the
answer (within ``WRITE_TIMEOUT`` seconds per write to a client that reads slowly).
"""

from __future__ import annotations

import io
import socket
import socketserver
import sys
import threading
import time
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler

__all__ = ["Handler", "RequestInput", "log_line", "WRITE_TIMEOUT"]

#: seconds a response may take to be written to a client that reads slowly
WRITE_TIMEOUT = 60.0

_LOG_LOCK = threading.Lock()
_CONTROL = {c: f"\\x{c:02x}" for c in list(range(32)) + [127]}


def log_line(address: str, text: str) -> None:
    """One access-log line on stderr, control characters escaped."""
    stamp = time.strftime("%d/%b/%Y %H:%M:%S")
    line = f"{address} - - [{stamp}] {text}".translate(_CONTROL) + "\n"
    with _LOG_LOCK:
        try:
            sys.stderr.write(line)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


class RequestInput(io.RawIOBase):
    """The request as the handler reads it: the head the loop already read, then the socket, with a deadline."""

    def __init__(self, sock: socket.socket, head: bytes, timeout: float) -> None:
        self._sock, self._head, self._timeout, self._deadline = sock, memoryview(head), timeout, None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._deadline is None:  # the body's time starts with its first read from the socket
            self._deadline = time.monotonic() + self._timeout
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request body did not arrive in time")
        self._sock.settimeout(left)
        try:
            return self._sock.recv_into(buffer)
        finally:
            self._sock.settimeout(WRITE_TIMEOUT)


class Handler(WSGIRequestHandler):
    """wsgiref's handler over a head read by the loop, with the client socket in the environ and a timed log."""

    server_version = "nevkg"

    def __init__(self, request: socket.socket, client_address: Any, server: Any, head: bytes) -> None:
        self._head = head
        super().__init__(request, client_address, server)

    def setup(self) -> None:
        self.connection = self.request
        self.connection.settimeout(WRITE_TIMEOUT)
        body_timeout = self.server.limits.body_timeout
        self.rfile = io.BufferedReader(RequestInput(self.connection, self._head, body_timeout), 65536)
        self.wfile = socketserver._SocketWriter(self.connection)  # sendall: never a partial write

    def handle(self) -> None:
        self._t0, self._state, self._logged = time.perf_counter(), {}, False
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            pass
        if self._state.get("status") == 499 and not self._logged:  # wsgiref logs nothing for a gone client
            self.log_request(499, 0)

    def get_environ(self) -> dict:
        env = super().get_environ()
        env["nevkg.socket"] = self.connection
        env["nevkg.state"] = self._state  # shared with the app (wsgiref hands it a copy of the environ)
        env["nevkg.body_timeout"] = self.server.limits.body_timeout
        return env

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        self._logged = True
        ms = (time.perf_counter() - getattr(self, "_t0", time.perf_counter())) * 1000
        line = self.requestline if len(self.requestline) <= 300 else self.requestline[:297] + "..."
        log_line(self.address_string(), f'"{line}" {code} {size} {ms:.1f}ms')

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        log_line(self.address_string(), format % args)
