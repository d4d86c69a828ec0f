"""Real SPARQL servers on 127.0.0.1 for the remote-store tests: Oxigraph server (PyPI) and Virtuoso (Debian).

Each starts in a temporary folder on free ports and is stopped (and waited for) at the end of the session.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    spec: str
    process: subprocess.Popen
    env: dict[str, str]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"server did not answer {url} within {seconds} s: {log.read_text(errors='replace')[-2000:]}")


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server from PyPI: beside this Python, or on PATH."""
    local = Path(sys.executable).with_name("oxigraph")
    return str(local) if local.exists() else shutil.which("oxigraph")


def start_oxigraph(folder: Path) -> Server:
    port = free_port()
    log = folder / "oxigraph.log"
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(folder / "data"),
                                "--bind", f"127.0.0.1:{port}"], stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    _wait(f"{base}/query?query=ASK%7B%7D", process, log)
    return Server("oxigraph", f"sparql:{base}/query;{base}/update", process, {})


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


def start_virtuoso(folder: Path) -> Server:
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    log = folder / "stdout.log"
    process = subprocess.Popen([shutil.which("virtuoso-t"), "+foreground", "+configfile", str(ini)],
                               stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=folder)
    base = f"http://127.0.0.1:{http}"
    _wait(f"{base}/sparql?query=ASK%7B%7D", process, log, seconds=120)
    # updates go to the authenticated endpoint (Digest); the default dba account of a fresh database
    return Server("virtuoso", f"sparql:{base}/sparql;{base}/sparql-auth", process,
                  {"NEVKG_SPARQL_USER": "dba", "NEVKG_SPARQL_PASSWORD": "dba"})
