"""A build that lands while ``serve`` runs: every worker moves to it together, between requests.

A real ``serve()`` process over a store in a temporary home; the test process builds into that home while a
client keeps asking the same count. Every answer must come from one build, and once any answer from the new
build has been received, no request started after it may be answered by the old one.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from tests.conftest import FIXTURE_RECORDS

from .support import qs, start, stop, wait_for

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EXTRA = """@prefix ex: <http://example.org/> .
ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:p ex:d .
"""


def _count(server) -> tuple[int, str]:
    status, headers, body = server.request("GET", "/sparql" + qs(query=COUNT), timeout=30)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"]), headers["x-nevkg-build"]


def test_a_build_landing_moves_every_worker_together(tmp_path):
    from nevkg.graph.build import build
    from nevkg.graph.store import current_store_dir

    home = tmp_path / "home"
    spec = f"oxigraph:{home}"
    build(spec, [FIXTURE_RECORDS], shipped=False).close()
    old_dir = current_store_dir(home)
    extra = tmp_path / "extra.ttl"
    extra.write_text(EXTRA, encoding="utf-8")
    (tmp_path / "extra.ttl.source.yaml").write_text(
        "kind: dataset\ntitle: three more triples\npublisher: fixture-press\nissued: '2026-04-01'\n")

    server = start(spec, tmp_path / "serve.log", max_concurrent=3, client_concurrent=64)  # one client, many
    try:
        health = server.health()
        assert health["build"]["id"] == old_dir.name
        old_triples = health["build"]["triples"]
        old_count, old_build = _count(server)
        assert old_build == old_dir.name

        seen: list[tuple[float, float, int, str]] = []  # (sent, answered, count, build)
        stop_asking = threading.Event()

        def keep_asking() -> None:
            while not stop_asking.is_set():
                sent = time.monotonic()
                n, build_id = _count(server)
                seen.append((sent, time.monotonic(), n, build_id))

        askers = [threading.Thread(target=keep_asking) for _ in range(3)]
        for t in askers:
            t.start()
        try:
            time.sleep(0.3)
            build(spec, [FIXTURE_RECORDS, extra], shipped=False).close()
            new_dir = current_store_dir(home)
            assert new_dir != old_dir
            assert old_dir.is_dir()  # still read by the server: the build left it in place
            assert wait_for(lambda: server.health()["build"]["id"] == new_dir.name, timeout=15)
            time.sleep(0.3)
        finally:
            stop_asking.set()
            for t in askers:
                t.join(timeout=30)

        health = server.health()
        manifest = json.loads((new_dir / "manifest.json").read_text())
        assert health["build"]["built"] == manifest["built"]
        assert health["triples"] == health["build"]["triples"] > old_triples
        new_count, _ = _count(server)
        assert new_count > old_count  # three triples and the source record of the file

        # every answer came from one build, and its count is that build's
        assert {(n, b) for _, _, n, b in seen} == {(old_count, old_dir.name), (new_count, new_dir.name)}
        # together: after the first answer from the new build, every request sent later got the new build
        first_new = min(answered for _, answered, _, b in seen if b == new_dir.name)
        late_old = [s for s in seen if s[0] > first_new and s[3] == old_dir.name]
        assert late_old == []

        with ThreadPoolExecutor(16) as pool:  # 64 identical queries: 64 answers from the new build
            answers = list(pool.map(lambda _: _count(server), range(64)))
        assert answers == [(new_count, new_dir.name)] * 64

        # nothing reads the old folder any more: the server let go of it and removed it
        assert wait_for(lambda: not old_dir.exists(), timeout=15)
        assert new_dir.is_dir()
        assert server.health()["workers"] == 3
    finally:
        stop(server)
    log = (tmp_path / "serve.log").read_text()
    assert f"now serving build {new_dir.name}" in log and "Traceback" not in log



def test_a_broken_build_is_not_switched_to(tmp_path):
    """A ``current`` link that points at a folder the server cannot open: it keeps serving the build it has,
    says so once, and moves on when a good build lands."""
    import os

    from nevkg.graph.build import build
    from nevkg.graph.store import current_store_dir

    home = tmp_path / "home"
    spec = f"oxigraph:{home}"
    build(spec, [FIXTURE_RECORDS], shipped=False).close()
    good = current_store_dir(home)
    server = start(spec, tmp_path / "serve.log", max_concurrent=2)
    try:
        broken = home / "store-20990101000000-1-1"
        broken.mkdir()
        (broken / "manifest.json").write_text(json.dumps({"built": "2099-01-01T00:00:00+00:00"}))
        os.symlink(broken.name, home / ".current.tmp")
        os.replace(home / ".current.tmp", home / "current")
        time.sleep(1.5)  # three looks at the link
        assert server.health()["build"]["id"] == good.name
        n, build_id = _count(server)
        assert build_id == good.name and n > 0
        log = (tmp_path / "serve.log").read_text()
        assert log.count("could not switch to the new build") == 1
        fixed = build(spec, [FIXTURE_RECORDS], shipped=False)
        fixed.close()
        newest = current_store_dir(home)
        assert wait_for(lambda: server.health()["build"]["id"] == newest.name, timeout=15)
        assert _count(server) == (n, newest.name)
    finally:
        stop(server)
