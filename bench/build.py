"""Benchmark: building the shipped records (whole processes), the memory store, and CLI start-up time.

Each measurement runs in a fresh Python process (so imports and peak memory are its own); the table shows
medians of wall time and of the process's CPU time (user + sys: less noisy on a shared machine) and ratios
against the references in the same run:

* ``nevkg build`` of the shipped records, whole process, into a fresh store home (SHACL runs) and again into
  the same home (SHACL's report comes from the cache): against a 3-line pyoxigraph script that bulk-loads the
  same quads (an N-Quads dump of the built store) into a new store;
* with ``--before DIR`` (a source tree of another commit, e.g. ``git archive main nevkg | tar -x -C DIR``) the
  same builds by that code, for a before/after ratio;
* the memory store (rdflib's own), in process, as before;
* start-up: ``python -c "import click"`` is the reference for ``nevkg --help``.

Run: ``python bench/build.py [--repeat 5] [--before DIR] [--out bench/results/build.md]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mdtable import markdown_table

ROOT = Path(__file__).resolve().parent.parent

BUILD = """
import json, sys, time
t = time.perf_counter()
from nevkg.graph.build import build
kg = build(sys.argv[1])
n = len(kg)
kg.close()
with open("/proc/self/status") as f:  # own peak RSS (ru_maxrss reports the forking parent's after exec)
    peak = int(next(x for x in f if x.startswith("VmHWM:")).split()[1]) / 1024
print(json.dumps({"seconds": time.perf_counter() - t, "quads": n, "peak_mib": peak}))
"""

CLI_BUILD = "import sys; sys.argv = ['nevkg', 'build']; from nevkg.cli import main; main()"

RAW_LOAD = """
import sys, pyoxigraph as ox
ox.Store(sys.argv[2]).bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
"""


def _build(spec: str) -> dict:
    out = subprocess.run([sys.executable, "-c", BUILD, spec], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _process(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> tuple[float, float]:
    """``(wall, cpu)`` seconds of one whole child process (cpu: its user + sys time)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def _wall(cmd: list[str]) -> float:
    return _process(cmd)[0]


def _cli_builds(source: Path, repeat: int, work: Path) -> dict[str, list[tuple[float, float]]]:
    """``nevkg build`` with the code in ``source``: fresh home, then the same home again, ``repeat`` times each."""
    runs: dict[str, list[tuple[float, float]]] = {"fresh": [], "again": []}
    for i in range(repeat):
        home = work / f"home-{source.name}-{i}"
        env = {**os.environ, "NEVKG_HOME": str(home), "PYTHONPATH": str(source)}
        env.pop("NEVKG_STORE", None)
        runs["fresh"].append(_process([sys.executable, "-c", CLI_BUILD], env, cwd=str(work)))
        runs["again"].append(_process([sys.executable, "-c", CLI_BUILD], env, cwd=str(work)))
    return runs


DUMP = """
import sys, pyoxigraph as ox
ox.Store.read_only(sys.argv[1]).dump(output=sys.argv[2], format=ox.RdfFormat.N_QUADS)
"""


def _dump(home: Path, out: Path) -> None:
    """The quads of the store built in ``home`` as N-Quads (what the raw reference loads), written by a child
    process: this one stays small, as a child forked from it counts the parent's pages in its peak RSS."""
    subprocess.run([sys.executable, "-c", DUMP, str((home / "current").resolve()), str(out)], check=True)


def measure(repeat: int = 5, before: Path | None = None) -> tuple[list[tuple], dict]:
    """Every measurement of this script: ``(table rows, figures)``; figures are ``(wall, cpu)`` medians in seconds
    under ``raw``, ``this code fresh``, ``this code again`` (and ``before …`` with ``before``), ``help`` and
    ``click`` (wall only), ``memory`` (the in-process build's seconds, peak MiB, quads)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = {"this code": ROOT} | ({"before": before.resolve()} if before else {})
        cli = {name: _cli_builds(src, repeat, work) for name, src in sources.items()}
        dump = work / "shipped.nq"
        _dump(work / f"home-{ROOT.name}-0", dump)
        quads = sum(1 for _ in dump.open(encoding="utf-8"))
        raw = [_process([sys.executable, "-c", RAW_LOAD, str(dump), str(work / f"raw-{i}")])
               for i in range(repeat)]
    med = {"raw": (statistics.median(w for w, _ in raw), statistics.median(c for _, c in raw))}
    rows.append(("raw pyoxigraph bulk_load of the same quads, whole process (reference)",
                 f"{med['raw'][0]:.2f} s", f"{med['raw'][1]:.2f} s", "", "1.00x", ""))
    for name, runs in cli.items():
        for kind, label in (("fresh", "fresh home"), ("again", "same home again (SHACL cached, except before)")):
            wall = statistics.median(w for w, _ in runs[kind])
            cpu = statistics.median(c for _, c in runs[kind])
            med[f"{name} {kind}"] = (wall, cpu)
            vs_before = ""
            if name == "this code" and "before" in cli:
                bw = statistics.median(w for w, _ in cli["before"][kind])
                bc = statistics.median(c for _, c in cli["before"][kind])
                vs_before = f"{wall / bw:.2f}x wall, {cpu / bc:.2f}x cpu"
            rows.append((f"nevkg build ({name}), {label}", f"{wall:.2f} s", f"{cpu:.2f} s", "",
                         f"{wall / med['raw'][0]:.1f}x wall, {cpu / med['raw'][1]:.1f}x cpu", vs_before))

    mem = [_build("memory") for _ in range(repeat)]
    m = {k: statistics.median(r[k] for r in mem) for k in ("seconds", "peak_mib", "quads")}
    med["memory"] = (m["seconds"], m["peak_mib"], m["quads"])
    rows.append(("build shipped records, memory store (in process)", f"{m['seconds']:.2f} s", "",
                 f"{m['peak_mib']:.0f} MiB", "", f"{int(m['quads'])} quads"))
    nevkg_exe = str(Path(sys.executable).with_name("nevkg"))
    click_t = statistics.median(_wall([sys.executable, "-c", "import click"]) for _ in range(repeat * 3))
    help_t = statistics.median(_wall([nevkg_exe, "--help"]) for _ in range(repeat * 3))
    med["click"], med["help"] = (click_t,), (help_t,)
    rows.append(("python -c 'import click' (reference)", f"{click_t * 1000:.0f} ms", "", "", "1.00x", ""))
    rows.append(("nevkg --help", f"{help_t * 1000:.0f} ms", "", "", f"{help_t / click_t:.2f}x vs import click", ""))
    rows.append(("(quads in the raw reference's dump, union graph copies included)", "", "", "", "", f"{quads}"))
    return rows, med


HEADER = ("what", "median wall", "median cpu (user+sys)", "peak RSS", "ratio to reference", "ratio to --before")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, default=None, help="source tree of the code to compare with")
    parser.add_argument("--out", type=Path, default=None, help="also write the table (Markdown) here")
    args = parser.parse_args()
    rows, _ = measure(args.repeat, args.before)
    table = markdown_table(HEADER, rows)
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        before = f"; --before {args.before.name}" if args.before else ""
        title = f"# bench/build.py, {time.strftime('%Y-%m-%d')}, {args.repeat} runs each{before}"
        args.out.write_text(f"{title}\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
