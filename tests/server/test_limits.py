"""Every limit answered with its own status: rows, URL, body, time, concurrency, hang-ups, CORS."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from .support import SLOW, ask, child_processes, form, qs, wait_for


# -- limits -------------------------------------------------------------------------------------------------
def test_row_cap_is_an_error_never_a_cut(tight_server):
    status, _, body = tight_server.request("GET", "/sparql" + qs(query="SELECT * WHERE { ?s ?p ?o }"))
    assert status == 422 and b"more than 50 solutions" in body and b"LIMIT" in body
    status, headers, body = tight_server.request("GET", "/sparql" + qs(query="SELECT * WHERE { ?s ?p ?o } LIMIT 50"))
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50 and headers["x-nevkg-rows"] == "50"
    status, _, body = tight_server.request("GET", "/sparql" + qs(query="CONSTRUCT WHERE { ?s ?p ?o }"))
    assert status == 422 and b"more than 50 triples" in body


def test_url_cap(tight_server):
    status, _, body = tight_server.request("GET", "/sparql" + qs(query="ASK {}" + " " * 3000))
    assert status == 414 and b"POST" in body


def test_body_cap_refuses_50_mb_without_reading_it(tight_server):
    def rss_kib() -> int:
        status = Path(f"/proc/{tight_server.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))

    before = rss_kib()
    with socket.create_connection((tight_server.host, tight_server.port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 50000000\r\n\r\n" + b"ASK {}" + b" " * 4096)
        started = time.monotonic()
        head = sock.recv(4096)
    assert head.startswith(b"HTTP/1.0 413"), head
    assert time.monotonic() - started < 2  # answered at once, not after 50 MB
    assert rss_kib() - before < 10_000
    # a body under the limit but without Content-Length is refused too (411), never read to the end
    with socket.create_connection((tight_server.host, tight_server.port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.0 411")


def test_timeout_kills_the_query(tight_server):
    before = tight_server.health()["replaced"]
    started = time.monotonic()
    status, _, body = tight_server.request("POST", "/sparql", **form(query=SLOW))
    assert status == 504 and b"time limit of 2 s" in body
    assert time.monotonic() - started < 5
    assert tight_server.health()["replaced"] == before + 1
    assert wait_for(lambda: len(child_processes(tight_server.pid)) == 1)  # the killed worker is gone, a fresh one up
    assert "Z" not in child_processes(tight_server.pid).values()
    assert ask(tight_server, "ASK { nevid:chery nev:country nevid:china }", "/sparql")


def test_concurrency_cap_answers_503_with_retry_after(tight_server):
    slow = threading.Thread(target=tight_server.request, args=("POST", "/sparql"), kwargs=form(query=SLOW))
    slow.start()
    try:
        assert wait_for(lambda: tight_server.health()["busy"] == 1, timeout=3)
        status, headers, body = tight_server.request("GET", "/sparql" + qs(query="ASK {}"))
        assert status == 503 and headers["retry-after"] == "1" and b"too many queries" in body
        assert tight_server.request("GET", "/health")[0] == 200  # the rest of the server still answers
    finally:
        slow.join(timeout=10)
    assert ask(tight_server, "ASK {}", "/sparql")


def test_client_that_disconnects_does_not_leave_its_query_running(oxigraph_server):
    before = set(child_processes(oxigraph_server.pid))
    replaced = oxigraph_server.health()["replaced"]
    body = urlencode({"query": SLOW}).encode()
    with socket.create_connection((oxigraph_server.host, oxigraph_server.port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                     b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        assert wait_for(lambda: oxigraph_server.health()["busy"] == 1, timeout=3)
    # the server's timeout is 30 s: only the hang-up can have stopped it
    assert wait_for(lambda: oxigraph_server.health()["replaced"] == replaced + 1, timeout=5)
    after = child_processes(oxigraph_server.pid)
    assert len(after) == len(before) and set(after) != before and "Z" not in after.values()
    assert oxigraph_server.health()["busy"] == 0
    assert wait_for(lambda: '" 499 ' in oxigraph_server.log.read_text(), timeout=3)  # logged as 499


def test_cors(tight_server):
    ok = tight_server.request("GET", "/health", headers={"Origin": "http://example.test"})[1]
    assert ok["access-control-allow-origin"] == "http://example.test"
    other = tight_server.request("GET", "/health", headers={"Origin": "http://evil.test"})[1]
    assert "access-control-allow-origin" not in other
    status, headers, _ = tight_server.request("OPTIONS", "/sparql", headers={
        "Origin": "http://example.test", "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in headers["access-control-allow-methods"]




def test_cli_defaults_are_the_servers():
    from nevkg.cli import main
    from nevkg.server.limits import Limits

    options = {p.name: p for p in main.commands["serve"].params}
    defaults = Limits()
    for name in Limits.names():
        assert name in options, f"nevkg serve has no option for {name}"
        if name in ("max_queue", "client_concurrent", "cors"):  # derived from max_concurrent / a list
            assert options[name].default in (None, ()) or name == "cors"
        else:
            assert options[name].default == getattr(defaults, name), name
