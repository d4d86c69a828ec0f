"""What the server tests share: a server process on 127.0.0.1, requests, and /proc readings."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from tests.conftest import REPO


# -- servers ------------------------------------------------------------------------------------------------
class Server:
    """A running endpoint: where it listens and which process serves it."""

    def __init__(self, port: int, pid: int, proc: subprocess.Popen | None = None, log: Path | None = None):
        self.host, self.port, self.pid, self.proc, self.log = "127.0.0.1", port, pid, proc, log
        self.url = f"http://127.0.0.1:{port}/sparql"

    def request(self, method: str, target: str, body: bytes | str | None = None, headers: dict | None = None,
                timeout: float = 30, source: str | None = None):
        """``(status, headers with lower-case names, body)``; ``source``: the client's loopback address."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout,
                                          source_address=(source, 0) if source else None)
        try:
            conn.request(method, target, body=body.encode() if isinstance(body, str) else body,
                         headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def health(self) -> dict:
        return json.loads(self.request("GET", "/health")[2])


def start(spec: str, log: Path, **limits) -> Server:
    code = ("import json, sys\nfrom nevkg.server import serve\n"
            "serve(sys.argv[1], host='127.0.0.1', port=0, **json.loads(sys.argv[2]))")
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", code, spec, json.dumps(limits)], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/sparql", log.read_text(errors="replace"))
        if match:
            return Server(int(match.group(1)), proc.pid, proc, log)
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"the server did not start:\n{log.read_text(errors='replace')}")


def stop(server: Server) -> None:
    server.proc.send_signal(signal.SIGTERM)
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


# -- helpers ------------------------------------------------------------------------------------------------
def form(**params) -> dict:
    return {"body": urlencode(params, doseq=True), "headers": {"Content-Type": "application/x-www-form-urlencoded"}}


def direct(text: str, *, media: str = "application/sparql-query") -> dict:
    return {"body": text.encode("utf-8"), "headers": {"Content-Type": media}}


def qs(**params) -> str:
    return "?" + urlencode(params, doseq=True, quote_via=quote)


def boolean(status: int, headers: dict, body: bytes) -> bool:
    assert 200 <= status < 400, (status, body)
    ctype = headers["content-type"]
    if "json" in ctype:
        return json.loads(body)["boolean"]
    assert "xml" in ctype, ctype
    return b"<boolean>true</boolean>" in body


def ask(server: Server, text: str, target: str = "/sparql/") -> bool:
    return boolean(*server.request("POST", target, **direct(text)))


def child_processes(pid: int) -> dict[int, str]:
    """The child processes of ``pid`` and their state letters (Z = zombie), read from /proc."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out[int(entry)] = fields[0]
    return out


def thread_count(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def fd_count(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def wait_for(predicate, timeout: float = 10, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


#: runs for hours in constant memory (a streamed count over a cartesian product): for time limits
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: a cartesian product sorted: memory grows fast (gigabytes within seconds): for the memory cap
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"

