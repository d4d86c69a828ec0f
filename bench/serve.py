"""Benchmark: ``nevkg serve`` under a bounded load, against rdflib-endpoint serving the same graph.

The shipped records are built once into a temporary oxigraph store. Two servers run in their own processes
on 127.0.0.1, each on a free port, over the same store (and, with ``--stores oxigraph,memory``, also over
rdflib's memory store):

* nevkg: :func:`nevkg.server.serve` (stdlib WSGI server, a fixed thread pool, pre-forked query workers);
* rdflib-endpoint (``pip install rdflib-endpoint``): its FastAPI app on uvicorn, given the same rdflib
  ``Dataset`` (oxrdflib over the same oxigraph store, or the same records built in memory).

The load comes from this, a third, process: ``--queries`` requests (2,000) from ``--clients`` concurrent
client threads (50), each request on its own connection (http.client), cycling through a fixed mix of
ad-hoc SPARQL (sent as a form POST to both) and named queries (nevkg: ``GET /queries/NAME?param=…``;
rdflib-endpoint, which has no named queries: the same query text with the parameter bound by a ``VALUES``
block). Before timing, every query is run once on both servers and their row counts compared.
Reported: errors (any status other than 200, or a failed connection), throughput, p50 and p99 latency, and
the ratio nevkg / rdflib-endpoint.

Run: ``python bench/serve.py [--queries 2000] [--clients 50] [--stores oxigraph,memory]
[--out bench/results/serve.md]``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parents[1]

#: named queries of the mix, with the parameter values they are run with
NAMED = [("partnerships-of", {"org": "Chery"}), ("markets-of", {"org": "GAC Group"}),
         ("sites-in", {"place": "Southeast Asia"}), ("exporters-to", {"place": "Europe"}),
         ("people-of", {"org": "XPeng"})]

#: ad-hoc queries of the mix
ADHOC = [
    "SELECT ?org ?label WHERE { ?org a nev:Automaker ; rdfs:label ?label } ORDER BY ?label LIMIT 50",
    "ASK { ?s a nev:Partnership }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 10",
    "CONSTRUCT { ?org rdfs:label ?label } WHERE { ?org a nev:Automaker ; rdfs:label ?label }",
]

# All the load comes from one address (127.0.0.1) yet stands for --clients separate clients: the per-client
# limits (connections, queries at once, query time a minute) are raised so that they do not apply here.
NEVKG_SERVER = """
import sys
from nevkg.server import serve
serve(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2]), max_client_connections=512, client_concurrent=512,
      client_budget=1e9)
"""

RDFLIB_ENDPOINT_SERVER = """
import sys, logging
import uvicorn
from rdflib_endpoint import SparqlEndpoint
from nevkg.graph.knowledge_graph import open_graph
kg = open_graph(sys.argv[1])
app = SparqlEndpoint(graph=kg.dataset, title="nevkg (rdflib-endpoint)", cors_enabled=False)
print("ready", file=sys.stderr, flush=True)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prefixes() -> str:
    from nevkg.ontology.namespaces import PREFIX_IRIS

    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in sorted(PREFIX_IRIS.items()))


def _request(port: int, method: str, target: str, body: bytes | None, headers: dict) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, target, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


class Running:
    """A server process on a loopback port."""

    def __init__(self, name: str, code: str, spec: str, log: Path) -> None:
        self.name, self.port = name, _free_port()
        self.log = log
        with log.open("wb") as err:
            self.proc = subprocess.Popen([sys.executable, "-c", code, spec, str(self.port)], cwd=REPO,
                                         stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{name} exited:\n{log.read_text(errors='replace')}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{name} did not start in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _workload(kg) -> list[dict]:
    """Each item: how to send one query to each server (method, target, body, headers)."""
    from nevkg.queries.library import bind_params, get_query, list_queries

    prefixes = _prefixes()
    names = {q.name for q in list_queries()}
    items = []
    for text in ADHOC:
        accept = "text/turtle" if text.startswith("CONSTRUCT") else "application/sparql-results+json"
        body = urlencode({"query": prefixes + text}).encode()
        headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        items.append({"label": text[:40], "nevkg": ("POST", "/sparql", body, headers),
                      "rdflib-endpoint": ("POST", "/", body, headers)})
    for name, params in NAMED:
        if name not in names:
            continue
        named = get_query(name)
        bound = bind_params(kg, named, params)
        values = " ".join(f"VALUES ?{k} {{ {v.n3()} }}" for k, v in bound.items())
        where = re.search(r"\bWHERE\s*\{", named.text, flags=re.IGNORECASE)
        if not where:
            continue
        text = named.text[:where.end()] + " " + values + " " + named.text[where.end():]
        headers = {"Accept": "application/sparql-results+json"}
        items.append({"label": f"{name} ({', '.join(params.values())})",
                      "nevkg": ("GET", f"/queries/{name}?{urlencode(params, quote_via=quote)}", None, headers),
                      "rdflib-endpoint": ("POST", "/", urlencode({"query": prefixes + text}).encode(),
                                          {**headers, "Content-Type": "application/x-www-form-urlencoded"})})
    return items


def _rows(body: bytes) -> int:
    try:
        data = json.loads(body)
    except ValueError:  # Turtle
        from rdflib import Graph

        return len(Graph().parse(data=body, format="turtle"))
    return 1 if "boolean" in data else len(data["results"]["bindings"])


def _check(items: list[dict], servers: dict[str, Running]) -> list[str]:
    """Run each query once on every server; the row counts must agree."""
    problems = []
    for item in items:
        counts = {}
        for name, server in servers.items():
            status, body = _request(server.port, *item[name])
            counts[name] = _rows(body) if status == 200 else f"HTTP {status}: {body[:200]!r}"
        if len(set(map(str, counts.values()))) != 1:
            problems.append(f"{item['label']}: {counts}")
    return problems


def _load(server: Running, items: list[dict], queries: int, clients: int) -> dict:
    plan = [items[i % len(items)][server.name] for i in range(queries)]

    def one(request) -> tuple[bool, float]:
        t = time.perf_counter()
        try:
            status, _ = _request(server.port, *request)
            ok = status == 200
        except OSError:
            ok = False
        return ok, time.perf_counter() - t

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(one, plan))
    wall = time.perf_counter() - started
    lat = sorted(r[1] * 1000 for r in results)
    return {"errors": sum(not r[0] for r in results), "seconds": wall, "qps": queries / wall,
            "p50": statistics.median(lat), "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--stores", default="oxigraph,memory", help="comma-separated: oxigraph, memory")
    parser.add_argument("--out", type=Path, default=None, help="also write the table (Markdown) here")
    args = parser.parse_args()
    if not 0 < args.queries <= 100_000 or not 0 < args.clients <= 500:
        parser.error("--queries must be 1..100000 and --clients 1..500")

    from nevkg.graph.build import build
    from nevkg.graph.knowledge_graph import open_graph

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        ox_spec = f"oxigraph:{tmp}/kg"
        build(ox_spec).close()
        kg = open_graph(ox_spec)
        items = _workload(kg)
        print(f"workload: {len(items)} queries in the mix, {args.queries} requests from {args.clients} clients",
              file=sys.stderr)
        for store in [s.strip() for s in args.stores.split(",") if s.strip()]:
            spec = ox_spec if store == "oxigraph" else "memory"
            servers: dict[str, Running] = {}
            try:
                servers["nevkg"] = Running("nevkg", NEVKG_SERVER, spec, Path(tmp) / f"nevkg-{store}.log")
                servers["rdflib-endpoint"] = Running("rdflib-endpoint", RDFLIB_ENDPOINT_SERVER, spec,
                                                     Path(tmp) / f"rdflib-endpoint-{store}.log")
                problems = _check(items, servers)
                for p in problems:
                    print(f"  mismatch: {p}", file=sys.stderr)
                for name, server in servers.items():
                    _load(server, items, min(200, args.queries), args.clients)  # warm-up
                    r = _load(server, items, args.queries, args.clients)
                    r.update(server=name, store=store, mismatches=len(problems))
                    lines.append(r)
                    print(f"  {store:8} {name:16} {r['qps']:8.1f} q/s  p50 {r['p50']:7.1f} ms  "
                          f"p99 {r['p99']:7.1f} ms  errors {r['errors']}", file=sys.stderr)
            finally:
                for server in servers.values():
                    server.stop()
        kg.close()

    table = ["| store | server | queries | errors | seconds | queries/s | p50 ms | p99 ms |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in lines:
        table.append(f"| {r['store']} | {r['server']} | {args.queries} | {r['errors']} | {r['seconds']:.2f} | "
                     f"{r['qps']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} |")
    by = {(r["store"], r["server"]): r for r in lines}
    for store in dict.fromkeys(r["store"] for r in lines):
        a, b = by.get((store, "nevkg")), by.get((store, "rdflib-endpoint"))
        if a and b:
            table.append(f"| {store} | **ratio nevkg / rdflib-endpoint** | | | | **{a['qps'] / b['qps']:.2f}×** | "
                         f"**{a['p50'] / b['p50']:.2f}×** | **{a['p99'] / b['p99']:.2f}×** |")
    env = (f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
           f"{platform.system()} {platform.machine()}")
    text = "\n".join(table)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        mix = "\n".join(f"- {i['label']}" for i in items)
        args.out.write_text(
            f"# Serving benchmark\n\n`python bench/serve.py --queries {args.queries} --clients {args.clients}`"
            f" on {env}.\n\nnevkg with its defaults (8 query workers, 64 queued); rdflib-endpoint on uvicorn "
            f"(one process), both over the shipped graph. Each request on a new loopback connection; "
            f"latency measured by the client, queueing included.\n\n{text}\n\nThe mix (ad-hoc texts carry "
            f"explicit PREFIX lines; named queries go to rdflib-endpoint as the same text with a VALUES "
            f"block):\n\n{mix}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
