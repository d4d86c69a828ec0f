"""Benchmark: every part, in one run, each figure a ratio against its reference measured in the same run.

Runs, in this order, the measurements of the other bench scripts (their own functions, not copies) and writes
``docs/benchmarks.md`` from this run alone:

1. ``build`` — :func:`build.measure`: ``nevkg build`` of the shipped records, whole process, in a fresh home and
   again in the same home, against raw pyoxigraph bulk-loading the same quads; ``nevkg --help`` against
   ``import click``;
2. ``scale`` — :func:`scale.measure` at 1e5 and 1e6 triples of a synthetic trade table: the build against raw
   pyoxigraph ``bulk_load``; ``nevkg ask trade-*`` and ``check-headlines`` from the command line against the same
   SPARQL on raw pyoxigraph, DuckDB over the same Parquet, and an empty interpreter;
3. ``analytics`` — :func:`analytics_scale.measure` at 1e5 and 1e6 triples of synthetic curated records:
   ``nevkg rank``, ``communities`` and ``path`` against a plain networkx script over the same edges;
4. with ``--with-1e7``, :func:`scale.measure` at 1e7 triples too (about 40 minutes here and several GB in
   ``--tmp``; the generated table is made again, 10 s, so nothing needs caching but the scratch space).

Every store is built in this run (none is reused), so the build figures are this run's too. nevkg's modules are
compiled to bytecode first, as an installed copy has them. The load average
(1, 5, 15 min) is recorded at the start and end of each part, and the commit measured. The figures are kept in
``--json`` and the document is written after each part, so a run stopped early leaves a document of the parts
done, saying which were not run.

Run: ``nice -n 10 python bench/all.py [--with-1e7] [--tmp DIR] [--repeat 5] [--doc docs/benchmarks.md]``.
``--parts build,scale`` runs only some parts (the document then says the others were not run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import analytics_scale
import build as build_bench
import scale
from mdtable import markdown_table

REPO = Path(__file__).resolve().parents[1]
PARTS = ("build", "scale", "analytics")
#: the goal of issue 16 for the shipped build, seconds of wall time
SHIPPED_GOAL = 1.5


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _commit() -> str:
    """The commit measured: git's HEAD (with a mark when the tree differs), or ``.commit`` of an exported tree."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        marker = REPO / ".commit"
        return marker.read_text(encoding="utf-8").strip() if marker.is_file() else "unknown"


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def run_build(args, results: dict) -> None:
    rows, med = build_bench.measure(args.repeat)
    results["build"] = {"rows": rows, "figures": {k: list(v) for k, v in med.items()}}


def run_scale(size: float, args, results: dict) -> None:
    options = argparse.Namespace(repeat=args.repeat, query_repeat=args.repeat, raw_once_above=2e6,
                                 raw_query_max=1.2e7, rdflib_max=args.rdflib_max, project_max=0)
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        results["scale"][f"{size:.0e}"] = scale.measure(size, options, Path(tmp))


def run_analytics(sizes: list[float], args, results: dict) -> None:
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:  # every store built in this run
        for size in sizes:
            log(f"analytics {size:.0e}")
            results["analytics"].append(analytics_scale.measure(size, Path(tmp), args.repeat))


def _part(results: dict, name: str, fn, *fn_args) -> None:
    log(f"part {name}")
    started, load = time.time(), _load()
    fn(*fn_args)
    results["parts"][name] = {"load": [load, _load()], "minutes": round((time.time() - started) / 60, 1)}


def shipped_section(b: dict) -> tuple[str, list[tuple[str, bool, str]]]:
    f = b["figures"]
    raw_w, raw_c = f["raw"]
    fresh_w, fresh_c = f["this code fresh"]
    again_w, again_c = f["this code again"]
    text = ("`nevkg build` of the shipped records as a user runs it (a whole process, median of the runs), in a "
            "fresh `NEVKG_HOME` and again in the same home, against a three-line pyoxigraph script bulk-loading "
            "the same quads (an N-Quads dump of the built store, union-graph copies included) into a new store. "
            "A fresh build takes SHACL's report for the shipped records from the report shipped with the package "
            "(`nevkg/graph/shacl_shipped.py`, valid only for exactly their content; any other record is "
            "validated by pyshacl). The memory-store row is an in-process build. The wall time of a process this "
            "short swings with the other sessions' load (the raw script's most of all: it mostly waits for its "
            "store's files to be written), so the goal is given for CPU time too.\n\n"
            + markdown_table(build_bench.HEADER, [tuple(r) for r in b["rows"]]))
    goals = []
    for what, wall, cpu in (("fresh home", fresh_w, fresh_c), ("same home again", again_w, again_c)):
        for kind, value in (("wall", wall), ("CPU", cpu)):
            goals.append((f"shipped build, {what}, under 1.5 s ({kind} time)", value < SHIPPED_GOAL,
                          f"{wall:.2f} s wall, {cpu:.2f} s CPU; {wall / raw_w:.1f}x wall / {cpu / raw_c:.1f}x CPU of "
                          "raw pyoxigraph loading the same quads"))
    return text, goals


def analytics_goals(results: list[dict]) -> list[tuple[str, bool, str]]:
    goals = []
    for r in results:
        for name, m in r["commands"].items():
            n, x = m["nevkg"], m["networkx"]
            goals.append((f"`nevkg {name}` at {r['quads']:,} quads within 2x of plain networkx and under 300 MiB",
                          n["wall"] <= 2 * x["wall"] and n["cpu"] <= 2 * x["cpu"] and n["rss"] < 300,
                          f"{n['cpu'] / x['cpu']:.2f}x CPU, {n['wall'] / x['wall']:.2f}x wall, {n['rss']:.0f} MiB"))
    return goals


def document(results: dict) -> str:
    m, parts = results["machine"], results["parts"]
    head = [
        "# Benchmarks",
        "",
        "<!-- written by bench/all.py from one run: do not edit by hand; notes of earlier passes are in "
        "docs/benchmarks-history.md -->",
        "",
        f"Every figure below comes from **one run** of `{results['command']}` on {m['date']} (commit "
        f"{results['commit']}), each against its reference measured in the same run, minutes apart at most. "
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB memory, {m['os']}; Python {m['python']}, "
        f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}, duckdb {m.get('duckdb')}. The machine is shared "
        "with other sessions: wall times swing with their load, CPU times (user + sys of the measured process, "
        "all its threads) much less, so both are given and CPU ratios are the steadier figure.",
        "",
        markdown_table(("part", "minutes", "load average at start (1, 5, 15 min)", "load average at end"),
                       [(name, p["minutes"], ", ".join(f"{x:.1f}" for x in p["load"][0]),
                         ", ".join(f"{x:.1f}" for x in p["load"][1])) for name, p in parts.items()]
                       + [(name, "not run in this run", "", "") for name in results["planned"]
                          if name not in parts]),
    ]
    head += ["", *(f"**Note on this run.** {note}" for note in results.get("notes", []))]
    goals: list[tuple[str, bool, str]] = []
    body = []
    if "build" in results:
        text, g = shipped_section(results["build"])
        body += ["## Building the shipped records (`bench/build.py`)", "", text, ""]
        goals += g
    if results["scale"]:
        text, sgoals = scale.report({"sizes": results["scale"]})
        about = scale.__doc__.split("\n\n", 1)[1].split("\n* **networkx**")[0].strip()
        body += ["## Trade statistics at 1e5–1e7 triples (`bench/scale.py`)", "", about, "",
                 text.split("\n\n### networkx projection")[0], ""]
        for name, (met, detail) in sgoals.items():
            if isinstance(detail, dict):
                detail = ", ".join(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {v}" for k, v in detail.items())
            goals.append((name, met, str(detail)))
    if results["analytics"]:
        body += [analytics_scale.SECTION + " (`bench/analytics_scale.py`)", "", analytics_scale.ABOUT.strip(), "",
                 analytics_scale.tables(results["analytics"], results["repeat"]), ""]
        goals += analytics_goals(results["analytics"])
    summary = ["## Goals, from this run", ""] + [f"- **{name}**: {'met' if met else 'NOT met'} ({detail})"
                                                 for name, met, detail in goals]
    return "\n".join(head + [""] + summary + [""] + body).rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default=",".join(PARTS), help="comma-separated: build, scale, analytics")
    parser.add_argument("--sizes", default="1e5,1e6", help="sizes of the scale and analytics parts")
    parser.add_argument("--with-1e7", action="store_true", help="and the scale part at 1e7 triples (last)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median); one above 1e5 "
                                                               "for builds and above 2e6 for raw queries")
    parser.add_argument("--rdflib-max", type=float, default=1.2e5, help="largest size also parsed by rdflib")
    parser.add_argument("--tmp", type=Path, default=None, help="scratch folder (default: the system's)")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "all.json")
    parser.add_argument("--doc", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--render", action="store_true", help="only write the document again from --json")
    parser.add_argument("--note", action="append", default=[],
                        help="with --render: a remark on the run (a defect found after it), printed under its head")
    args = parser.parse_args()
    if args.render:  # the figures of the run kept in --json; nothing is measured
        results = json.loads(args.json.read_text(encoding="utf-8"))
        results["notes"] = results.get("notes", []) + args.note
        args.doc.write_text(document(results), encoding="utf-8")
        return
    parts = [p for p in args.parts.split(",") if p]
    sizes = [float(s) for s in args.sizes.split(",") if s]
    planned = [p for p in parts if p == "build"] + [f"{p} {s:.0e}" for p in ("scale", "analytics") if p in parts
                                                    for s in sizes]
    planned += ["scale 1e+07"] if args.with_1e7 else []
    # nevkg's modules as bytecode, as pip installs them (with PYTHONDONTWRITEBYTECODE set, every process would
    # otherwise compile them from source: about 0.05 s of CPU per command that no installed copy pays)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "nevkg")], check=True)
    # in a child: this process stays small (a child forked from it counts its pages in its peak RSS until exec)
    probe = "import json, scale; print(json.dumps(scale.machine()))"
    machine = json.loads(subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).parent, capture_output=True,
                                        text=True, check=True).stdout)
    results = {"machine": machine, "commit": _commit(), "repeat": args.repeat, "parts": {},
               "planned": planned, "scale": {}, "analytics": [],
               "command": "python bench/all.py " + " ".join(sys.argv[1:])}
    results["machine"]["platform"] = platform.platform()

    def save() -> None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        args.doc.write_text(document(results), encoding="utf-8")

    if "build" in parts:
        _part(results, "build", run_build, args, results)
        save()
    for size in sizes if "scale" in parts else []:
        _part(results, f"scale {size:.0e}", run_scale, size, args, results)
        save()
    for size in sizes if "analytics" in parts else []:
        _part(results, f"analytics {size:.0e}", run_analytics, [size], args, results)
        save()
    if args.with_1e7:
        _part(results, "scale 1e+07", run_scale, 1e7, args, results)
        save()
    log(f"wrote {args.doc}")


if __name__ == "__main__":
    main()
