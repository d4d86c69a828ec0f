"""Servers for the endpoint tests: the memory store in a thread of this process, and an oxigraph store (built
into a temporary folder) in real ``serve()`` subprocesses, one with tight limits. Each binds 127.0.0.1 on a
free port; nothing leaves the machine.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_RECORDS

from .support import Server, start, stop

KASEI = "http://kasei.us/2009/09/sparql/data/"
D0, D1, D2, D3 = (f"{KASEI}data{i}.rdf" for i in range(4))

# The graphs the W3C protocol tests assume (data1.nt … data3.nt, each typing its own graph's IRI).
PROTOCOL_TRIG = "\n".join(
    f"<{g}> {{ <{g}> a <http://xmlns.com/foaf/0.1/Document> ; <http://purl.org/dc/terms/title> \"data{i}\" . }}"
    for i, g in ((1, D1), (2, D2), (3, D3)))


@pytest.fixture(scope="package")
def sources(tmp_path_factory) -> list[Path]:
    """The fixture records plus a TriG file holding the W3C protocol tests' graphs."""
    folder = tmp_path_factory.mktemp("protocol")
    trig = folder / "protocol.trig"
    trig.write_text(PROTOCOL_TRIG + "\n", encoding="utf-8")
    (folder / "protocol.trig.source.yaml").write_text(
        "kind: dataset\ntitle: SPARQL protocol test graphs\npublisher: fixture-press\nissued: '2026-04-01'\n")
    return [FIXTURE_RECORDS, trig]


@pytest.fixture(scope="package")
def ox_spec(sources, tmp_path_factory) -> str:
    from nevkg.graph.build import build

    spec = f"oxigraph:{tmp_path_factory.mktemp('store') / 'kg'}"
    build(spec, sources, shipped=False).close()
    return spec


@pytest.fixture(scope="package")
def oxigraph_server(ox_spec, tmp_path_factory):
    server = start(ox_spec, tmp_path_factory.mktemp("log") / "serve.log", timeout=30, max_concurrent=3)
    yield server
    stop(server)


@pytest.fixture(scope="package")
def tight_server(ox_spec, tmp_path_factory):
    """Tight limits: a 2 s timeout, 50 rows, one worker and no queue, short URLs and bodies, one CORS origin."""
    server = start(ox_spec, tmp_path_factory.mktemp("log") / "tight.log", timeout=2, max_rows=50,
                    max_concurrent=1, max_queue=0, max_url=2048, max_body=100_000, cors=["http://example.test"])
    yield server
    stop(server)


@pytest.fixture(scope="package")
def memory_server(sources):
    from nevkg.graph.build import build
    from nevkg.server import create_app, make_server

    app = create_app(build("memory", sources, shipped=False), timeout=30, max_concurrent=2)
    httpd = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield Server(httpd.server_address[1], os.getpid())
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture(params=["memory", "oxigraph"])
def server(request) -> Server:
    """Each core protocol test runs on both stores."""
    return request.getfixturevalue(f"{request.param}_server")

