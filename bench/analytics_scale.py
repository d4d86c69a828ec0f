"""Benchmark: ``nevkg rank``, ``path`` and ``communities`` at 1e5 and 1e6 triples, against a plain networkx script.

For each size, synthetic curated records (:mod:`analytics_data`: organisations, places, people, market
presences, production sites, roles and partnerships, with the mix of the shipped records and a skewed
degree distribution) are built with the shipped records into an oxigraph store by ``nevkg build``, which
keeps the entity graph's core beside the store. A helper process then writes the entity graph's edges as
plain text: ``nodes.tsv`` (id, label, type, and whether ``path`` leaves it out as a vague hub) and
``edges.tsv`` (one line per entity edge: source id, target id). The reference is a plain networkx script
(:data:`REFERENCE`) that reads these two files, builds the undirected weighted simple graph the same way
(vocabulary kinds left out, parallel edges counted as weight) and runs the same algorithm: degree and the
same ordering for ``rank``, ``louvain_communities(seed=0)`` for ``communities``, bidirectional Dijkstra
with the same degree-based tie-break cost for ``path``, printing the same rows with labels.

Every measurement is a whole process, from the interpreter's start to its last line printed: wall time,
CPU time (user + system of that child, from ``os.wait4``) and peak RSS (``ru_maxrss`` of that child), median
of ``--repeat`` runs, alternating nevkg and the reference. The machine is shared: the load average is
recorded with each size, and CPU time is the steadier figure.

Run: ``python bench/analytics_scale.py [--sizes 1e5,1e6] [--repeat 3] [--work /tmp/nevkg-analytics-bench]
[--out bench/results/analytics.md] [--doc FILE]`` (each gets its own section, replaced on the
next run). Stores are kept in ``--work`` and reused when their records are unchanged (a 1e6 build takes
minutes); a store whose entity graph was written by older code gets it rewritten first, as a build would.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from analytics_data import orgs_for, write_records
from mdtable import markdown_table

REPO = Path(__file__).resolve().parents[1]
SECTION = "## Analytics at scale"

#: rewrites the stored entity graph of a built store when the code that computes it changed since the build
#: (what the build itself does for this step: project, collapse, write the files)
REFRESH = """
import sys
from pathlib import Path
from nevkg.graph.entity_store import stored_core
from nevkg.graph.entity_store import save_entity_graph
from nevkg.graph.store import current_store_dir
if stored_core("oxigraph:" + sys.argv[1]) is None:
    save_entity_graph(current_store_dir(Path(sys.argv[1])))
    print("refreshed")
"""

#: writes nodes.tsv and edges.tsv from the stored entity graph, and picks the two ends of the path
EXPORT = """
import json, sys
from pathlib import Path
from nevkg.graph.entity_store import stored_core
from nevkg.queries.analytics import HUB_KINDS, vague_hubs
home, out = sys.argv[1], Path(sys.argv[2])
C = stored_core("oxigraph:" + home)
hubs = vague_hubs(C)
with (out / "nodes.tsv").open("w", encoding="utf-8") as f:
    for i, n in enumerate(C.ids):
        f.write(f"{n}\\t{C.labels[i]}\\t{C.types[i]}\\t{int(n in hubs)}\\n")
with (out / "edges.tsv").open("w", encoding="utf-8") as f:
    for a, b in zip(C.u, C.v):
        f.write(f"{C.ids[a]}\\t{C.ids[b]}\\n")
# the two ends of the path: organisations four hops apart or more (the first such pair in id order)
import networkx as nx
U = C.simple([n for i, n in enumerate(C.ids) if C.types[i] not in HUB_KINDS and n not in hubs])
orgs = [n for i, n in enumerate(C.ids) if n.split("/")[-1].startswith("syn-org-")]
a = orgs[len(orgs) // 3]
dist = nx.single_source_shortest_path_length(U, a)
b = next(o for o in orgs[len(orgs) // 2:] if dist.get(o, 0) >= 4)
print(json.dumps({"a": C.labels[C.index[a]], "b": C.labels[C.index[b]], "a_id": a, "b_id": b,
                  "nodes": len(C), "edges": C.number_of_edges(), "simple_edges": U.number_of_edges()}))
"""

#: the plain networkx script: argv = command, nodes.tsv, edges.tsv[, a_id, b_id]
REFERENCE = """
import math, sys
import networkx as nx
command, nodes_file, edges_file = sys.argv[1:4]
HUBS = {"Measure", "Unit", "ProductScope", "Concept"}
label, kind, keep = {}, {}, []
with open(nodes_file, encoding="utf-8") as f:
    for line in f:
        n, l, t, vague = line.rstrip("\\n").split("\\t")
        label[n], kind[n] = l, t
        if t not in HUBS and (command != "path" or vague == "0" or n in sys.argv[4:]):
            keep.append(n)
G = nx.Graph()
G.add_nodes_from(keep)
with open(edges_file, encoding="utf-8") as f:
    for line in f:
        u, v = line.rstrip("\\n").split("\\t")
        if u != v and u in G and v in G:
            if G.has_edge(u, v):
                G[u][v]["weight"] += 1
            else:
                G.add_edge(u, v, weight=1)
fold = lambda s: (s.casefold(), s)
if command == "rank":
    rows = sorted(G.degree(), key=lambda r: (-r[1], fold(label[r[0]]), r[0]))[:20]
    for n, score in rows:
        print(label[n], kind[n], score, sep="\\t")
elif command == "communities":
    groups = nx.community.louvain_communities(G, weight="weight", resolution=1.0, seed=0)
    rows = sorted((sorted((label[n] for n in g), key=fold) for g in groups),
                  key=lambda m: (-len(m), [fold(x) for x in m]))
    for i, members in enumerate(rows):
        print(i, len(members), ", ".join(members), sep="\\t")
else:
    a, b = sys.argv[4:6]
    cost = {n: math.log1p(d) for n, d in G.degree()}
    eps = 1.0 / (2.0 * (len(G) + 1) * (max(cost.values()) + 1.0))
    for u, v, d in G.edges(data=True):
        d["cost"] = 1.0 + eps * (cost[u] + cost[v])
    _, nodes = nx.bidirectional_dijkstra(G, a, b, weight="cost")
    print(" - ".join(label[n] for n in nodes))
"""


#: what the docs section says before the tables
ABOUT = """\
Issue 16, point 3: `nevkg rank`, `path` and `communities` at 1e5 and 1e6 triples, as whole processes, against a
plain networkx script over the same edges. The analytics run on the entity graph, which leaves statistics
tables out (their rows are figures, not ties), so a trade table of a million triples would measure nothing
here. The graph is made of synthetic curated records instead (`bench/analytics_data.py`): organisations,
places (regions, countries, cities), people, market presences, production sites, roles and partnerships, in the
mix of the shipped records and with a skewed degree distribution (Zipf-like: a few groups partner, export and
build everywhere, most firms appear once or twice), built with the shipped records by `nevkg build`, so they
pass the same loader and shapes. At 1e6 quads this projects to about 45,000 entity nodes and 90,000 edges.

The reference reads two text files the bench writes from the stored entity graph (nodes: id, label, type;
edges: one line per entity edge) and does what the command does with networkx: the undirected weighted
simple graph without vocabulary kinds, then degree ranking (top 20, same ordering), `louvain_communities`
(seed 0, every community printed with its members), or bidirectional Dijkstra with the same degree-based
tie-break cost (vague hubs left out), printing labels. nevkg resolves the path's two names; the script is
given the two ids. CPU time is user + system of the child; peak RSS is the child's `ru_maxrss`.

What nevkg does for it: the build keeps the entity graph's core (`entity-core.json`: node ids, labels, kinds,
every edge's two ends, relation and fact type as small integers); these three commands read only the core,
without opening the triple store or importing rdflib or pyoxigraph, build the simple graph from its index
lists, and read the full data of just the edges a path shows (`entity-edges.jsonl`, by offset). `path` looks
its two names up among the entity graph's labels, aliases and ids. Rows "before" (with `--before REV`) run
the code of that revision on a copy of the store whose stored entity graph that code wrote. (The issue's
figure, 47x and 1.4 GB for `rank`, was measured on older code that projected the graph on every call.)

The machine has 2 cores shared with other sessions (see the load average): wall times are inflated and
noisy, CPU times are the steadier figure; nevkg and the script alternate, so both see the same load. The
build column is `nevkg build` of these records (curated records are validated by SHACL as a whole, hence its
memory at 1e6); it is not what this section measures.

"""


#: starts the measured command from a small process and reports its wall time, CPU time and peak RSS: a child's
#: ``ru_maxrss`` counts the pages of the process it was forked from (until exec), so a command forked straight from
#: this one (tens of MiB once it has written the records) would report at least this one's size
LAUNCH = """
import json, os, sys, time
t = time.perf_counter()
pid = os.fork()
if pid == 0:  # the command's rows are not this benchmark's output
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(json.dumps({"wall": time.perf_counter() - t, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss": usage.ru_maxrss / 1024, "code": os.waitstatus_to_exitcode(status)}))
"""


def _run(cmd: list[str], env: dict) -> dict[str, float]:
    """One whole process: wall, CPU (user + system) and peak RSS of that child alone (see :data:`LAUNCH`)."""
    proc = subprocess.run([sys.executable, "-c", LAUNCH, *cmd], capture_output=True, env=env)
    lines = proc.stdout.decode().strip().splitlines()
    out = json.loads(lines[-1]) if lines else {"code": proc.returncode}
    if proc.returncode != 0 or out["code"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({out['code']}):\n{proc.stderr.decode()[-2000:]}")
    return {"wall": out["wall"], "cpu": out["cpu"], "rss": out["rss"]}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def prepare(size: float, work: Path, env: dict) -> tuple[Path, dict]:
    """The store (built once and kept) and the exported edge list for one size."""
    orgs = orgs_for(int(size))
    folder = work / f"{size:.0e}"
    records, home = folder / "records", folder / "home"
    stamp = folder / "built.json"
    key = {"orgs": orgs, "generator": (Path(__file__).parent / "analytics_data.py").read_text(encoding="utf-8")}
    if not stamp.is_file() or json.loads(stamp.read_text(encoding="utf-8")).get("key") != key:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        write_records(orgs, records)
        nevkg = str(Path(sys.executable).with_name("nevkg"))
        print(f"building {size:.0e} ({orgs} organisations)…", file=sys.stderr)
        build = _run([nevkg, "build", "--store", f"oxigraph:{home}", "--data", str(records)], env)
        quads = json.loads((next(home.glob("store-*")) / "manifest.json").read_text(encoding="utf-8"))["quads"]
        stamp.write_text(json.dumps({"key": key, "build": build, "quads": quads}), encoding="utf-8")
    refreshed = subprocess.run([sys.executable, "-c", REFRESH, str(home)], env=env, capture_output=True, text=True,
                               check=True).stdout
    if refreshed.strip():
        print(f"{size:.0e}: the stored entity graph was written by other code; rewritten", file=sys.stderr)
    data = json.loads(stamp.read_text(encoding="utf-8"))
    data["info"] = json.loads(subprocess.run([sys.executable, "-c", EXPORT, str(home), str(folder)], env=env,
                                             capture_output=True, text=True, check=True).stdout)
    return home, data


#: run by the code of another revision (``--before``): its build step that writes the stored entity graph
BEFORE_SAVE = """
import sys
from pathlib import Path
import nevkg
from nevkg.graph.entity_store import save_entity_graph
from nevkg.graph.store import current_store_dir
assert nevkg.__file__.startswith(sys.argv[2]), nevkg.__file__
save_entity_graph(current_store_dir(Path(sys.argv[1])))
"""


def before(rev: str, home: Path, env: dict) -> tuple[Path, dict]:
    """A copy of the store whose stored entity graph is written by the code of ``rev``, and the environment that
    runs that code (``git archive`` of ``rev``'s ``nevkg`` package, first on ``PYTHONPATH``)."""
    tree = home.parent.parent / f"before-{rev}"
    if not tree.is_dir():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "nevkg"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    old_env = {**env, "PYTHONPATH": str(tree)}
    copy = home.parent / f"home-before-{rev}"
    if not copy.is_dir():
        shutil.copytree(home, copy, symlinks=True, ignore=shutil.ignore_patterns(".leases"))
        subprocess.run([sys.executable, "-c", BEFORE_SAVE, str(copy), str(tree)], env=old_env, check=True)
    return copy, old_env


def measure(size: float, work: Path, repeat: int, rev: str | None = None) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("NEVKG_STORE", None)
    home, data = prepare(size, work, env)
    info = data["info"]
    folder = home.parent
    nevkg = str(Path(sys.executable).with_name("nevkg"))
    store = ["--store", f"oxigraph:{home}"]
    nodes, edges = str(folder / "nodes.tsv"), str(folder / "edges.tsv")
    commands = {
        "rank": ([nevkg, "rank", *store], [sys.executable, "-c", REFERENCE, "rank", nodes, edges]),
        "communities": ([nevkg, "communities", *store], [sys.executable, "-c", REFERENCE, "communities", nodes, edges]),
        "path": ([nevkg, "path", *store, info["a"], info["b"]],
                 [sys.executable, "-c", REFERENCE, "path", nodes, edges, info["a_id"], info["b_id"]]),
    }
    load_before = os.getloadavg()[0]
    out = {"size": size, "quads": data["quads"], "build": data["build"], "info": info, "commands": {}, "before": rev}
    for name, (mine, ref) in commands.items():
        runs = {"nevkg": [], "networkx": []}
        for _ in range(repeat):
            runs["nevkg"].append(_run(mine, env))
            runs["networkx"].append(_run(ref, env))
        out["commands"][name] = {k: _median(v) for k, v in runs.items()}
    if rev:  # the same commands by the code of an earlier revision, once each (they take long)
        copy, old_env = before(rev, home, env)
        old = [sys.executable, "-c", "from nevkg.cli import main; main()"]
        for name, (mine, _) in commands.items():
            args = [str(copy) if x == str(home) else x for x in mine[1:]]
            args = [f"oxigraph:{copy}" if x == f"oxigraph:{home}" else x for x in args]
            out["commands"][name]["before"] = _run(old + args, old_env)
    out["load"] = (load_before, os.getloadavg()[0])
    out["empty"] = _median([_run([sys.executable, "-c", "pass"], env) for _ in range(repeat)])
    return out


def tables(results: list[dict], repeat: int) -> str:
    rows = []
    for r in results:
        for name, m in r["commands"].items():
            n, x = m["nevkg"], m["networkx"]
            rows.append((f"{r['quads']:,}", f"nevkg {name}", f"{n['wall']:.2f} s / {n['cpu']:.2f} s",
                         f"{x['wall']:.2f} s / {x['cpu']:.2f} s",
                         f"{n['wall'] / x['wall']:.2f}x / {n['cpu'] / x['cpu']:.2f}x",
                         f"{n['rss']:.0f} / {x['rss']:.0f} MiB"))
            if "before" in m:
                b = m["before"]
                rows.append((f"{r['quads']:,}", f"before: nevkg {name} ({r['before']})",
                             f"{b['wall']:.2f} s / {b['cpu']:.2f} s", f"{x['wall']:.2f} s / {x['cpu']:.2f} s",
                             f"{b['wall'] / x['wall']:.2f}x / {b['cpu'] / x['cpu']:.2f}x",
                             f"{b['rss']:.0f} / {x['rss']:.0f} MiB"))
    t1 = markdown_table(("quads", "command", "nevkg: wall / CPU", "networkx script: wall / CPU",
                         "ratio wall / CPU", "peak RSS nevkg / networkx"), rows)
    t2 = markdown_table(("quads", "entity nodes", "entity edges", "simple edges", "build: wall / CPU / peak RSS",
                         "python -c pass", "load average (before, after)"),
                        [(f"{r['quads']:,}", f"{r['info']['nodes']:,}", f"{r['info']['edges']:,}",
                          f"{r['info']['simple_edges']:,}",
                          f"{r['build']['wall']:.0f} s / {r['build']['cpu']:.0f} s / {r['build']['rss']:.0f} MiB",
                          f"{r['empty']['wall']:.2f} s", f"{r['load'][0]:.1f}, {r['load'][1]:.1f}") for r in results])
    goals = []
    for r in results:
        for name, m in r["commands"].items():
            n, x = m["nevkg"], m["networkx"]
            ok = n["wall"] <= 2 * x["wall"] and n["cpu"] <= 2 * x["cpu"] and n["rss"] < 300
            goals.append(f"- {r['quads']:,} quads, `{name}`: {'met' if ok else 'NOT met'} "
                         f"({n['cpu'] / x['cpu']:.2f}x CPU, {n['wall'] / x['wall']:.2f}x wall, {n['rss']:.0f} MiB)")
    revs = sorted({r["before"] for r in results if r.get("before")})
    note = (f" Rows 'before' run the code of {', '.join(revs)} (before this work) once, on a copy of the same store "
            "whose stored entity graph that code wrote." if revs else "")
    return (f"Median of {repeat} whole-process runs each, nevkg and the plain networkx script alternating.{note}\n\n"
            f"{t1}\n\n{t2}\n\nGoal (issue 16): within 2x of the networkx script (CPU and wall) and under 300 MiB.\n\n"
            + "\n".join(goals) + "\n")


def write_section(path: Path, title: str, body: str) -> None:
    """Replace (or append) one ``## title`` section of a Markdown file, leaving the other sections as they are."""
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    section = f"{title}\n\n{body.rstrip()}\n"
    if title in text:
        start = text.index(title)
        nxt = text.find("\n## ", start + len(title))
        text = text[:start] + section + (text[nxt:] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e5,1e6", help="triples, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/nevkg-analytics-bench"))
    parser.add_argument("--out", type=Path, default=None, help="also write the tables (Markdown) here")
    parser.add_argument("--prepare", action="store_true", help="only build (or refresh) the stores")
    parser.add_argument("--render", action="store_true", help="only write the tables again from the last run's figures")
    parser.add_argument("--before", metavar="REV", default=None,
                        help="also run each command once with the code of this git revision (its own stored files)")
    parser.add_argument("--before-sizes", default="1e6", help="the sizes --before runs at")
    parser.add_argument("--doc", type=Path, default=None, help=f"and replace the section '{SECTION}' of this file")
    args = parser.parse_args()
    if args.prepare:
        for s in args.sizes.split(","):
            prepare(float(s), args.work, {k: v for k, v in os.environ.items() if k != "NEVKG_STORE"})
        return
    before_sizes = {float(s) for s in args.before_sizes.split(",")}
    saved = args.work / "results.json"
    if args.render:
        results, repeat = json.loads(saved.read_text(encoding="utf-8"))
    else:
        results = [measure(float(s), args.work, args.repeat, args.before if float(s) in before_sizes else None)
                   for s in args.sizes.split(",")]
        repeat = args.repeat
        saved.write_text(json.dumps([results, repeat]), encoding="utf-8")
    body = tables(results, repeat)
    print(body)
    stamp = f"Written by `bench/analytics_scale.py` ({time.strftime('%Y-%m-%d')}).\n\n"
    if args.out:
        write_section(args.out, "## At scale: against a plain networkx script (bench/analytics_scale.py)", stamp + body)
    if args.doc:
        write_section(args.doc, SECTION, stamp + ABOUT + body)


if __name__ == "__main__":
    main()
