"""Benchmark: building the curated graph on the oxigraph and memory stores, and CLI start-up time.

Each measurement runs in a fresh Python process (so imports and peak memory are its own), three times;
the table shows medians and ratios against the reference in the same run:

* build: the memory store (rdflib's own) is the reference for the oxigraph store;
* start-up: ``python -c "import click"`` is the reference for ``nevkg --help``.

Run: ``python bench/build.py [--repeat 3] [--out bench/results/build.md]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mdtable import markdown_table

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


def _build(spec: str) -> dict:
    out = subprocess.run([sys.executable, "-c", BUILD, spec], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="also write the table (Markdown) here")
    args = parser.parse_args()

    rows = []
    runs: dict[str, list[dict]] = {"memory": [], "oxigraph": []}
    for _ in range(args.repeat):
        runs["memory"].append(_build("memory"))
        with tempfile.TemporaryDirectory() as home:
            runs["oxigraph"].append(_build(f"oxigraph:{home}/kg"))
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("seconds", "peak_mib", "quads")}
           for k, v in runs.items()}
    ref = med["memory"]
    for store in ("memory", "oxigraph"):
        m = med[store]
        rows.append((f"build shipped records, {store} store", f"{m['seconds']:.2f} s", f"{m['peak_mib']:.0f} MiB",
                     f"{m['seconds'] / ref['seconds']:.2f}x time, {m['peak_mib'] / ref['peak_mib']:.2f}x memory",
                     f"{int(m['quads'])} quads"))
    nevkg_exe = str(Path(sys.executable).with_name("nevkg"))
    click_t = statistics.median(_wall([sys.executable, "-c", "import click"]) for _ in range(args.repeat * 3))
    help_t = statistics.median(_wall([nevkg_exe, "--help"]) for _ in range(args.repeat * 3))
    rows.append(("python -c 'import click' (reference)", f"{click_t * 1000:.0f} ms", "", "1.00x", ""))
    rows.append(("nevkg --help", f"{help_t * 1000:.0f} ms", "", f"{help_t / click_t:.2f}x vs import click", ""))

    table = markdown_table(("what", "median time", "peak RSS", "ratio", "size"), rows)
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(f"# bench/build.py, {time.strftime('%Y-%m-%d')}, {args.repeat} runs each\n\n{table}\n",
                            encoding="utf-8")


if __name__ == "__main__":
    main()
