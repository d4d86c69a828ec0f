"""Benchmark: nevkg at scale — statistics tables of 1e4 … 1e7 triples, against the engine's floor and rdflib.

For each size a synthetic Comtrade table (``nevkg.loaders.synthetic``) is generated with as many rows as
give about that many triples, and every measurement runs in a fresh Python process (its own imports and
peak RSS, read from VmHWM in ``/proc/self/status``):

* **build**: ``nevkg.graph.build.build("oxigraph:…", [table], shipped=False)`` — the statistics loader
  streaming into a new store, plus the swap-in — against (a) raw pyoxigraph ``Store.bulk_load`` of the same
  graph as an N-Quads file (dumped from the built store: the same quads, the same named graphs; the floor
  for this engine) and (b) rdflib's memory store (``Dataset().parse(format="nquads")``) on that file, capped
  at ``--rdflib-max`` triples (it needs minutes and gigabytes beyond);
* **commands**, whole processes from the interpreter's start to the last row printed, median of
  ``--query-repeat`` runs: ``nevkg ask <trade query>`` and ``nevkg check-headlines`` as a user types them
  (names resolved, answered from the build's columnar copy), against (a) the same SPARQL text run by a
  ten-line raw pyoxigraph script on the same store (parameters already resolved, the union graph and the
  table graphs as the default graph), (b) DuckDB over the same Parquet file running nevkg's SQL with the
  parameters already resolved (``nevkg.queries.trade.run_trade``: no CLI, no name lookup), and (c) an empty
  interpreter (``python -c pass``), the start-up every process pays; ``check-headlines`` against the same
  check through SPARQL (``check_headlines(kg, engine="sparql")``);
* **networkx** projection (``kg.to_networkx()``) and **export** (nt, trig) up to ``--project-max`` triples:
  both go through rdflib terms and (export) a sort of every quad, so their memory grows with the graph.

Run: ``python bench/scale.py [--sizes 1e4,1e5,1e6] [--out bench/results/scale.json]``; sizes measured
earlier and kept in the JSON file are merged, and a Markdown report is rewritten from it (``--doc FILE``);
``docs/benchmarks.md`` itself is written by ``bench/all.py``, from one run of every part.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mdtable import markdown_table

REPO = Path(__file__).resolve().parents[1]
QUADS_PER_ROW = 27.6  # measured: a generated Comtrade row gives ~27.6 quads (value + most often volume)
QUERIES = ["trade-top-destinations", "trade-change", "trade-share", "trade-unit-values"]

PRELUDE = ("import json, sys, time\nfrom pathlib import Path\n"
           "def peak():  # this process's peak RSS in MiB (ru_maxrss reports the forking parent's after exec)\n"
           "    with open('/proc/self/status') as f:\n"
           "        return int(next(x for x in f if x.startswith('VmHWM:')).split()[1]) / 1024\n")

WORKERS = {
    "generate": """
from nevkg.loaders.synthetic import generate_comtrade
t = time.perf_counter(); n = generate_comtrade(int(sys.argv[1]), sys.argv[2], seed=11)
print(json.dumps({"rows": n, "seconds": time.perf_counter() - t}))
""",
    "build": """
t = time.perf_counter()
from nevkg.graph.build import build
kg = build("oxigraph:" + sys.argv[1], [sys.argv[2]])  # with the shipped records (curated headlines)
seconds = time.perf_counter() - t
quads = kg.build_info.quads
kg.close()
print(json.dumps({"seconds": seconds, "quads": quads, "peak_mib": peak()}))
""",
    "dump": """
import pyoxigraph as ox
from nevkg.graph.store import current_store_dir
store = ox.Store.read_only(str(current_store_dir(Path(sys.argv[1]))))
store.dump(output=sys.argv[2], format=ox.RdfFormat.N_QUADS)
print(json.dumps({"quads": len(store)}))
""",
    "raw": """
t = time.perf_counter()
import pyoxigraph as ox
store = ox.Store(sys.argv[1])
store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)
store.flush()
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "quads": len(store), "peak_mib": peak()}))
""",
    "rdflib": """
t = time.perf_counter()
from rdflib import Dataset
ds = Dataset()
ds.parse(sys.argv[1], format="nquads")
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "quads": len(ds), "peak_mib": peak()}))
""",
    "raw_query": """
import pyoxigraph as ox  # no nevkg import (it would import rdflib): the query's text is read from its file
store = ox.Store.read_only(sys.argv[1])
manifest = json.loads(Path(sys.argv[1], "manifest.json").read_text())
default = [ox.NamedNode(g) for g in [manifest["union_graph"]] + manifest["table_graphs"]]
subs = {ox.Variable(k): (ox.NamedNode(v[4:]) if v.startswith("iri:") else ox.Literal(v[5:], datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#date")) if v.startswith("date:") else ox.Literal(v))
        for k, v in json.loads(sys.argv[3]).items()}
rows = list(store.query(Path("nevkg/queries/library", sys.argv[2] + ".rq").read_text(encoding="utf-8"),
                         default_graph=default, substitutions=subs, prefixes={
    "nev": "https://w3id.org/nevkg/ontology#", "nevid": "https://w3id.org/nevkg/id/", "qb": "http://purl.org/linked-data/cube#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#"}))
print(json.dumps({"rows": len(rows)}))
""",
    "raw_duckdb": """
import datetime
from nevkg.graph.columnar import Columnar
from nevkg.queries.trade import run_trade
col = Columnar(Path(sys.argv[1], "columnar"))
params = {k: datetime.date.fromisoformat(v[5:]) if v.startswith("date:") else v[4:] if v.startswith("iri:") else v
          for k, v in json.loads(sys.argv[3]).items()}
print(json.dumps({"rows": len(run_trade(col, sys.argv[2], params)[1])}))
""",
    "headlines_sparql": """
from nevkg.graph.knowledge_graph import open_graph
from nevkg.queries.headlines import check_headlines
kg = open_graph("oxigraph:" + sys.argv[1])
print(json.dumps({"rows": len(check_headlines(kg, engine="sparql"))}))
""",
    "empty": """
print(json.dumps({"rows": 0}))
""",
    "networkx": """
from nevkg.graph.knowledge_graph import open_graph
kg = open_graph("oxigraph:" + sys.argv[1])
t = time.perf_counter()
G = kg.to_networkx()
print(json.dumps({"seconds": time.perf_counter() - t, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                  "peak_mib": peak()}))
""",
    "export": """
from nevkg.graph.export import export_graph
from nevkg.graph.knowledge_graph import open_graph
kg = open_graph("oxigraph:" + sys.argv[1])
t = time.perf_counter()
export_graph(kg, sys.argv[2], sys.argv[3])
print(json.dumps({"seconds": time.perf_counter() - t, "bytes": Path(sys.argv[3]).stat().st_size, "peak_mib": peak()}))
""",
}


def work(kind: str, *args: str, timeout: float = 3600) -> dict:
    proc = subprocess.run([sys.executable, "-c", PRELUDE + WORKERS[kind], *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=REPO)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def timed(argv: list[str], runs: int, env: dict | None = None) -> dict:
    """Whole-process wall time and CPU time (the child's user + sys, every thread: less noisy than wall time on a
    shared machine), each the median of ``runs`` after one warm-up, and the last run's stdout."""
    walls, cpus = [], []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=env, timeout=3600)
        elapsed = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise RuntimeError(f"{argv} failed:\n{proc.stderr[-3000:]}")
        if i or runs == 0:
            walls.append(elapsed)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {"seconds": statistics.median(walls), "cpu": statistics.median(cpus), "out": proc.stdout}


def worker_argv(kind: str, *args) -> list[str]:
    return [sys.executable, "-c", PRELUDE + WORKERS[kind], *map(str, args)]


def commands(home: Path, repeat: int, raw_runs: int | None) -> dict:
    """The trade commands, whole process, against the raw engines (see the module docstring); ``raw_runs``
    runs of the raw pyoxigraph reference (``None``: not run)."""
    from nevkg.graph.columnar import open_columnar
    from nevkg.graph.store import current_store_dir

    store_dir = current_store_dir(home)
    col = open_columnar(store_dir)
    last = col.sql("SELECT MAX(period_start) FROM obs WHERE measure LIKE '%export-value' "
                   "AND dataset LIKE '%dataset-table-%'").fetchone()[0]
    first = last.replace(year=last.year - 1, month=1) if last.month == 12 else last.replace(
        year=last.year - 1, month=last.month + 1)
    iri = {iso: col.sql("SELECT s FROM terms WHERE p LIKE '%label' AND o = ? ORDER BY s", [name]).fetchone()[0]
           for iso, name in (("CN", "China"), ("DE", "Germany"))}
    col.close()
    span = {"from": first.strftime("%Y-%m"), "to": last.strftime("%Y-%m")}
    asked = {
        "trade-top-destinations": {"reporter": "China", "product": "870380", **span},
        "trade-change": {"reporter": "China", "product": "870380", "month": last.strftime("%Y-%m")},
        "trade-share": {"reporter": "China", "destination": "Germany", "product": "870380", **span},
        "trade-unit-values": {"reporter": "China", "product": "870380", **span},
    }
    resolved = {"China": "iri:" + iri["CN"], "Germany": "iri:" + iri["DE"]}
    env = {**os.environ, "NEVKG_HOME": str(home)}
    nevkg = [sys.executable, "-m", "nevkg.cli"]
    empty = timed(worker_argv("empty"), repeat)
    out = {"empty": empty["seconds"], "empty_cpu": empty["cpu"], "load": [os.getloadavg()[0]]}
    for name, params in asked.items():
        bound = {k: resolved.get(v, ("date:" + v + "-01") if k in ("from", "to", "month") else v)
                 for k, v in params.items()}
        cli = timed(nevkg + ["ask", name] + [a for k, v in params.items() for a in ("-p", f"{k}={v}")], repeat, env)
        duck = timed(worker_argv("raw_duckdb", store_dir, name, json.dumps(bound)), repeat)
        out[name] = {"nevkg": cli["seconds"], "nevkg_cpu": cli["cpu"], "duckdb": duck["seconds"],
                     "duckdb_cpu": duck["cpu"], "rows": cli["out"].rstrip().splitlines()[-1],
                     "duckdb_rows": json.loads(duck["out"])["rows"]}
        if raw_runs is not None:  # the raw engine: at 1e7 one run of several minutes, no warm-up
            raw = timed(worker_argv("raw_query", store_dir, name, json.dumps(bound)), raw_runs)
            out[name].update(raw=raw["seconds"], raw_cpu=raw["cpu"], raw_rows=json.loads(raw["out"])["rows"])
        out["load"].append(os.getloadavg()[0])
    cli = timed(nevkg + ["check-headlines", "--format", "json"], repeat, env)
    out["check-headlines"] = {"nevkg": cli["seconds"], "nevkg_cpu": cli["cpu"], "rows": len(json.loads(cli["out"]))}
    if raw_runs is not None:
        sparql = timed(worker_argv("headlines_sparql", home), raw_runs)
        out["check-headlines"].update(sparql=sparql["seconds"], sparql_cpu=sparql["cpu"],
                                      sparql_rows=json.loads(sparql["out"])["rows"])
    out["load"].append(os.getloadavg()[0])
    return out


def median_of(kind: str, runs: int, *args, fresh=None) -> dict:
    """Run a worker ``runs`` times (``fresh()`` before each) and keep the median time and peak memory."""
    results = []
    for _ in range(runs):
        if fresh:
            fresh()
        results.append(work(kind, *args))
    out = dict(results[0])
    for key in ("seconds", "peak_mib"):
        if key in out:
            out[key] = statistics.median(r[key] for r in results)
    return out


def measure(size: float, args, tmp: Path) -> dict:
    rows = max(10, round(size / QUADS_PER_ROW))
    csv_path, nq, home = tmp / "table.csv", tmp / "graph.nq", tmp / "kg"
    runs = args.repeat if size <= 1e5 else 1
    log(f"size {size:.0e}: generating {rows} rows")
    gen = work("generate", rows, csv_path)
    out: dict = {"size": size, "rows": rows, "generate_s": gen["seconds"], "csv_mib": csv_path.stat().st_size / 2**20,
                 "load_before": os.getloadavg()[0]}

    def clean_home():
        shutil.rmtree(home, ignore_errors=True)

    log("  nevkg build")
    out["build"] = median_of("build", runs, home, csv_path, fresh=clean_home)
    work("dump", home, nq)
    out["nq_mib"] = nq.stat().st_size / 2**20
    log("  raw pyoxigraph bulk_load")

    def clean_raw():
        shutil.rmtree(tmp / "raw", ignore_errors=True)

    out["raw"] = median_of("raw", runs, tmp / "raw", nq, fresh=clean_raw)
    clean_raw()
    if out["build"]["quads"] <= args.rdflib_max:
        log("  rdflib memory store")
        out["rdflib"] = median_of("rdflib", runs, nq)
    log("  commands")
    raw_runs = args.query_repeat if size <= args.raw_once_above else 0 if size <= args.raw_query_max else None
    out["commands"] = commands(home, args.query_repeat, raw_runs)
    if out["build"]["quads"] <= args.project_max:
        log("  networkx projection and export")
        out["networkx"] = work("networkx", home)
        for fmt in ("nt", "trig"):
            out[f"export_{fmt}"] = work("export", home, fmt, tmp / f"export.{fmt}")
            (tmp / f"export.{fmt}").unlink()
    nq.unlink()
    clean_home()
    csv_path.unlink()
    out["load_after"] = os.getloadavg()[0]
    return out


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def machine() -> dict:
    import duckdb
    import pyoxigraph
    import rdflib

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return {"nproc": os.cpu_count(), "memory_gib": round(mem / 2**20, 1), "cpu": cpu,
            "python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__,
            "duckdb": duckdb.__version__,
            "os": platform.platform(), "date": time.strftime("%Y-%m-%d")}


def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(cost) against log(size): 1.0 is linear."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx, my = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None




def report(results: dict) -> tuple[str, dict]:
    sizes = sorted(results["sizes"].values(), key=lambda r: r["size"])
    build_rows, query_rows, other_rows = [], [], []
    goals: dict = {}
    for r in sizes:
        b, raw, rl = r["build"], r["raw"], r.get("rdflib")
        q = b["quads"]
        build_rows.append((
            f"{r['size']:.0e}", f"{q:,}", f"{q / b['seconds']:,.0f}/s", f"{b['peak_mib']:,.0f} MiB",
            f"{q / raw['seconds']:,.0f}/s", f"{raw['peak_mib']:,.0f} MiB", f"{b['seconds'] / raw['seconds']:.2f}x",
            f"{q / rl['seconds']:,.0f}/s" if rl else "not run", f"{rl['peak_mib']:,.0f} MiB" if rl else "",
            f"{rl['seconds'] / b['seconds']:.1f}x" if rl else ""))
        c = r.get("commands")
        for name in ([*QUERIES, "check-headlines"] if c else ()):
            t = c[name]
            raw_key = "sparql" if name == "check-headlines" else "raw"
            raw = _pair(t, raw_key) + (" (SPARQL path)" if raw_key == "sparql" and raw_key in t else "")
            query_rows.append((
                f"{r['size']:.0e}", name if name == "check-headlines" else f"ask {name}", _pair(t, "nevkg"), raw,
                _pair(t, "duckdb"), _pair(c, "empty"), _ratios(t, raw_key), _ratios(t, "duckdb"),
                f"{t.get(raw_key + '_rows', t.get('raw_rows', '-'))} / {t.get('duckdb_rows', t['rows'])}"))
        if "networkx" in r:
            nx_, nt, trig = r["networkx"], r["export_nt"], r["export_trig"]
            other_rows.append((f"{r['size']:.0e}", f"{nx_['seconds']:.1f} s", f"{nx_['peak_mib']:,.0f} MiB",
                               f"{nx_['nodes']:,} / {nx_['edges']:,}", f"{q / nt['seconds']:,.0f}/s",
                               f"{nt['peak_mib']:,.0f} MiB", f"{q / trig['seconds']:,.0f}/s",
                               f"{trig['peak_mib']:,.0f} MiB"))
        else:
            other_rows.append((f"{r['size']:.0e}", "not run", "", "", "not run", "", "not run", ""))
    build_ratio = {f"{r['size']:.0e}": r["build"]["seconds"] / r["raw"]["seconds"] for r in sizes}
    rdflib_ratio = {f"{r['size']:.0e}": r["rdflib"]["seconds"] / r["build"]["seconds"] for r in sizes if "rdflib" in r}
    with_commands = [r for r in sizes if "commands" in r]

    def ratios(ref: str, cpu: bool) -> dict:
        suffix = "_cpu" if cpu else ""
        return {f"{r['size']:.0e} {n}": r["commands"][n]["nevkg" + suffix] / r["commands"][n][ref + suffix]
                for r in with_commands for n in QUERIES if ref + suffix in r["commands"][n]}

    at_1e7 = {n: (r["commands"][n]["nevkg"], r["commands"][n]["raw"] / r["commands"][n]["nevkg"]
                  if "raw" in r["commands"][n] else None)
              for r in with_commands if r["size"] >= 1e7 for n in [*QUERIES, "check-headlines"]}
    big = [r for r in sizes if r["build"]["quads"] >= 0.9e7]
    goals["build within 2x of raw pyoxigraph"] = (all(v <= 2 for v in build_ratio.values()), build_ratio)
    goals["build at least 5x faster than rdflib"] = (bool(rdflib_ratio) and all(v >= 5 for v in rdflib_ratio.values()),
                                                     rdflib_ratio or "not run")
    for ref, what in (("raw", "the raw pyoxigraph script"), ("duckdb", "DuckDB over the same Parquet")):
        for cpu in (True, False):
            found = ratios(ref, cpu)
            goals[f"trade commands within 1.2x of {what}, whole process, {'CPU' if cpu else 'wall'} time"] = (
                bool(found) and all(v <= 1.2 for v in found.values()), found or "not run")
    goals["at 1e7 every trade command under 1 s wall (and 30x faster than raw pyoxigraph where it ran)"] = (
        bool(at_1e7) and all(t < 1 and (x is None or x >= 30) for t, x in at_1e7.values()),
        {n: f"{t:.2f} s" + (f", {x:.0f}x" if x else "") for n, (t, x) in at_1e7.items()} or "1e7 not run")
    goals["1e7 triples built with peak memory < 4 GB"] = (
        bool(big) and all(r["build"]["peak_mib"] < 4096 for r in big),
        {f"{r['size']:.0e}": r["build"]["peak_mib"] for r in big} or "1e7 not run")
    exp_time = fit_exponent([(r["build"]["quads"], r["build"]["seconds"]) for r in sizes if r["size"] >= 1e5])
    exp_mem = fit_exponent([(r["build"]["quads"], r["build"]["peak_mib"]) for r in sizes if r["size"] >= 1e5])
    goals["cost grows linearly (fitted exponent of build time, sizes >= 1e5)"] = (
        exp_time is not None and exp_time <= 1.15, {"time": exp_time, "peak_memory": exp_mem})
    text = "### Build: throughput and peak memory\n\n" + markdown_table(
        ("triples", "quads built", "nevkg build", "nevkg peak", "raw pyoxigraph bulk_load", "raw peak",
         "nevkg / raw time", "rdflib parse", "rdflib peak", "rdflib / nevkg time"), build_rows)
    text += ("\n\n### Trade commands: whole processes, median wall time / median CPU time (user + sys)\n\n"
             "Load average during the commands of each size: " + ", ".join(
                 f"{r['size']:.0e}: {min(r['commands'].get('load', [0])):.1f}–{max(r['commands'].get('load', [0])):.1f}"
                 for r in with_commands) + ".\n\n") + markdown_table(
        ("triples", "command", "nevkg CLI, wall / CPU", "raw pyoxigraph script", "DuckDB script",
         "empty interpreter", "nevkg / raw pyoxigraph, wall / CPU", "nevkg / DuckDB, wall / CPU",
         "rows (raw / nevkg's SQL)"), query_rows)
    text += "\n\n### networkx projection and export\n\n" + markdown_table(
        ("triples", "to_networkx", "peak", "nodes / edges", "export nt", "peak", "export trig", "peak"), other_rows)
    return text, goals


def _pair(t: dict, key: str) -> str:
    """``wall / CPU`` milliseconds of one measurement, or ``not run``."""
    if key not in t:
        return "not run"
    wall = f"{t[key] * 1000:,.0f}"
    return f"{wall} / {t[key + '_cpu'] * 1000:,.0f} ms" if key + "_cpu" in t else f"{wall} ms"


def _ratios(t: dict, ref: str) -> str:
    if ref not in t:
        return ""
    wall = f"{t['nevkg'] / t[ref]:.3f}x"
    return wall + (f" / {t['nevkg_cpu'] / t[ref + '_cpu']:.3f}x" if ref + "_cpu" in t and "nevkg_cpu" in t else "")


def goals_text(goals: dict) -> str:
    lines = []
    for name, (met, detail) in goals.items():
        if isinstance(detail, dict):
            detail = ", ".join(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {v}" for k, v in detail.items())
        lines.append(f"- **{name}**: {'met' if met else 'NOT met'} ({detail})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e4,1e5,1e6", help="comma-separated triple counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement up to 1e5 (one above)")
    parser.add_argument("--query-repeat", type=int, default=5)
    parser.add_argument("--raw-once-above", type=float, default=2e6,
                        help="above this size the raw pyoxigraph query reference runs once, without a warm-up")
    parser.add_argument("--raw-query-max", type=float, default=1.2e7,
                        help="largest size at which the raw pyoxigraph query reference runs at all")
    parser.add_argument("--rdflib-max", type=float, default=1.2e6, help="largest size parsed with rdflib")
    parser.add_argument("--project-max", type=float, default=1.2e6, help="largest size projected and exported")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "scale.json")
    parser.add_argument("--doc", type=Path, default=None, help="rewrite this Markdown report")
    parser.add_argument("--tmp", type=Path, default=None, help="scratch folder (default: the system's)")
    args = parser.parse_args()
    results = json.loads(args.out.read_text()) if args.out.exists() else {"sizes": {}}
    results["machine"] = machine()
    for size in (float(s) for s in args.sizes.split(",") if s):
        with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
            results["sizes"][f"{size:.0e}"] = measure(size, args, Path(tmp))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1))
    text, goals = report(results)
    print(text)
    print()
    print(goals_text(goals))
    if args.doc:
        m = results["machine"]
        head = (f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB memory, {m['os']}; Python "
                f"{m['python']}, pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}, duckdb {m.get('duckdb')}; "
                f"run {m['date']}. "
                "Load average (1 min) at the start and end of each size: " + ", ".join(
                    f"{r['size']:.0e}: {r.get('load_before', 0):.1f} / {r.get('load_after', 0):.1f}"
                    for r in sorted(results["sizes"].values(), key=lambda r: r["size"])) + ".")
        doc = args.doc.read_text() if args.doc.exists() else ""
        start, end = "<!-- bench/scale.py:begin -->", "<!-- bench/scale.py:end -->"
        block = f"{start}\n{head}\n\n{text}\n\n#### Goals\n\n{goals_text(goals)}\n{end}"
        doc = doc[:doc.index(start)] + block + doc[doc.index(end) + len(end):] if start in doc else doc + block + "\n"
        args.doc.write_text(doc)


if __name__ == "__main__":
    main()
