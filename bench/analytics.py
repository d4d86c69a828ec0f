"""Benchmark: start of the analytics commands with the entity graph stored by the build, against projecting it.

(At 1e5 and 1e6 triples, against a plain networkx script: ``bench/analytics_scale.py``.)

The shipped records are built once into a temporary oxigraph store (the build writes the entity graph's files,
:mod:`nevkg.graph.entity_store`). Each command then runs in a fresh process, ``--repeat`` times, twice: with
the stored entity graph, and with its core hidden so the command projects the graph itself (what every call
did before the build kept it).
The table shows median wall time and CPU time (user + system of the child) and the ratio stored / projected.
A second table times the step itself in one process: projecting and collapsing, against reading the files.

Run: ``python bench/analytics.py [--repeat 5] [--out bench/results/analytics.md]`` (its own section of the file).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mdtable import markdown_table

COMMANDS = [["path", "Zhu Huarong", "WeRide"], ["exposure", "Europe"], ["footprint", "SAIC Motor"],
            ["rank"], ["risk", "--as-of", "2024-10-01", "--within", "60"]]

STEP = """
import json, sys, time
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.entity import collapse
from nevkg.graph.entity_store import load_entity_core, load_entity_graph
from nevkg.graph.project import to_networkx
kg = open_graph()
out = {}
for name, f in (("project", lambda: collapse(to_networkx(kg))), ("load", lambda: load_entity_graph(kg)),
                ("core", lambda: load_entity_core(kg))):
    times = []
    for _ in range(int(sys.argv[1])):
        t = time.process_time(); G = f(); times.append(time.process_time() - t)
    out[name] = sorted(times)[len(times) // 2]
print(json.dumps(out))
"""


def _run(cmd: list[str], env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None, help="also write the tables (Markdown) here")
    args = parser.parse_args()
    nevkg_exe = str(Path(sys.executable).with_name("nevkg"))
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "NEVKG_HOME": home}
        env.pop("NEVKG_STORE", None)
        subprocess.run([nevkg_exe, "build"], capture_output=True, check=True, env=env)
        stored = Path(home, "current", "entity-core.json")  # without it the stored graph is not used
        hidden = stored.with_name("entity-core.hidden")
        sizes = {name: Path(home, "current", name).stat().st_size / 1024
                 for name in ("entity-core.json", "entity-edges.jsonl", "entity-graph.json")}
        rows = []
        for cmd in COMMANDS:
            res = {}
            for mode in ("stored", "projected"):
                if mode == "projected":
                    stored.rename(hidden)
                runs = [_run([nevkg_exe, *cmd], env) for _ in range(args.repeat)]
                if mode == "projected":
                    hidden.rename(stored)
                res[mode] = (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
            (sw, sc), (pw, pc) = res["stored"], res["projected"]
            rows.append((f"nevkg {' '.join(cmd)}", f"{sw:.2f} s / {sc:.2f} s", f"{pw:.2f} s / {pc:.2f} s",
                         f"{sw / pw:.2f}x wall, {sc / pc:.2f}x CPU"))
        step = json.loads(subprocess.run([sys.executable, "-c", STEP, str(args.repeat)], capture_output=True,
                                         text=True, check=True, env=env).stdout)
    table = markdown_table(("command", "stored: wall / CPU", "projected: wall / CPU", "stored / projected"), rows)
    table2 = markdown_table(("step (one process, median CPU)", "time", "ratio"), [
        ("project + collapse (reference)", f"{step['project'] * 1000:.1f} ms", "1.00x"),
        (f"read the full entity graph (three files, {sum(sizes.values()):.0f} KiB)", f"{step['load'] * 1000:.1f} ms",
         f"{step['load'] / step['project']:.3f}x"),
        (f"read its core (entity-core.json, {sizes['entity-core.json']:.0f} KiB)", f"{step['core'] * 1000:.1f} ms",
         f"{step['core'] / step['project']:.3f}x")])
    print(table, "", table2, sep="\n")
    if args.out:
        from analytics_scale import write_section

        write_section(args.out, "## The shipped graph (bench/analytics.py)",
                      f"{time.strftime('%Y-%m-%d')}, {args.repeat} runs each.\n\n{table}\n\n{table2}\n")


if __name__ == "__main__":
    main()
