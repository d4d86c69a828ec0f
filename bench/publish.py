"""Benchmark: what publishing costs — the build's VoID hook, an "as known on" view, a release.

Every measurement runs in a fresh Python process, best of ``--repeat`` runs:

* **build**: ``build("oxigraph:…")`` of the shipped records, and of the shipped records plus a synthetic
  Comtrade table of ``--rows`` rows, with the VoID hook (what ships) against the same build with the hook
  replaced by a no-op (the reference); the ratio is the hook's cost;
* **as known on**: :func:`nevkg.graph.asof.as_known_on` on the shipped graph (embedded store), against
  copying every quad of the store into an in-memory store with pyoxigraph alone (the engine's floor);
* **release**: ``nevkg.publish.release.release`` of the shipped graph, against exporting the nine formats
  alone (the exports are most of a release).

Run: ``python bench/publish.py [--rows 36000] [--repeat 2]``; writes ``bench/results/publish.md``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mdtable import markdown_table

REPO = Path(__file__).resolve().parents[1]

WORKERS = {
    "build": """
import json, sys, time
hook = sys.argv[3] == "1"
if not hook:
    import nevkg.graph.build_hooks as h
    h.HOOKS["void"] = lambda new: None
from nevkg.graph.build import build
t = time.perf_counter()
kg = build("oxigraph:" + sys.argv[1], [sys.argv[2]] if sys.argv[2] != "-" else [], shipped=True)
print(json.dumps({"seconds": time.perf_counter() - t, "quads": kg.build_info.quads}))
""",
    "asof": """
import json, sys, time
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.asof import as_known_on
import pyoxigraph as ox
kg = open_graph("oxigraph:" + sys.argv[1])
t = time.perf_counter()
copy = ox.Store()
copy.bulk_extend(kg.dataset.store._inner.quads_for_pattern(None, None, None, None))
raw = time.perf_counter() - t
t = time.perf_counter(); view = as_known_on(kg, "2025-12-31"); seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "reference": raw, "quads": len(copy)}))
""",
    "release": """
import json, sys, time, tempfile
from pathlib import Path
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.export import EXPORTERS, export_graph, get_exporter
from nevkg.publish.release import release, _Snapshot
kg = open_graph("oxigraph:" + sys.argv[1])
out = Path(tempfile.mkdtemp())
t = time.perf_counter()
snap = _Snapshot(kg)
for fmt in EXPORTERS:
    export_graph(snap, fmt, out / f"x{get_exporter(fmt).suffix}")
exports = time.perf_counter() - t
t = time.perf_counter(); release(kg, out / "rel", as_of="2024-10-01"); seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "reference": exports}))
""",
}


def _run(worker: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", WORKERS[worker], *args], capture_output=True, text=True, cwd=REPO,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _best(repeat: int, worker: str, *args: str) -> dict:
    return min((_run(worker, *args) for _ in range(repeat)), key=lambda r: r["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=36_000, help="rows of the synthetic trade table (36,000 ≈ 1e6)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "publish.md"))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "trade.csv"
        subprocess.run([sys.executable, "-m", "nevkg.cli", "generate-stats", "--rows", str(args.rows), "-o",
                        str(table)], check=True, cwd=REPO, capture_output=True)
        for label, data in (("shipped records", "-"), (f"shipped + {args.rows:,} table rows", str(table))):
            timings = {}
            for hook in ("1", "0"):
                home = Path(tempfile.mkdtemp(dir=tmp))
                timings[hook] = _best(args.repeat, "build", str(home), data, hook)
            with_hook, without = timings["1"], timings["0"]
            rows.append((f"build, {label} ({with_hook['quads']:,} quads)", f"{with_hook['seconds']:.2f} s",
                         f"{without['seconds']:.2f} s (no VoID hook)",
                         f"{with_hook['seconds'] / without['seconds']:.2f}x"))
        home = Path(tempfile.mkdtemp(dir=tmp))
        _run("build", str(home), "-", "1")
        asof = _best(args.repeat, "asof", str(home))
        rows.append((f"as_known_on (shipped, {asof['quads']:,} quads)", f"{asof['seconds']:.3f} s",
                     f"{asof['reference']:.3f} s (raw pyoxigraph copy)", f"{asof['seconds'] / asof['reference']:.1f}x"))
        rel = _best(args.repeat, "release", str(home))
        rows.append(("release (shipped)", f"{rel['seconds']:.2f} s", f"{rel['reference']:.2f} s (the 9 exports alone)",
                     f"{rel['seconds'] / rel['reference']:.2f}x"))
    table_md = markdown_table(("what", "nevkg", "reference", "ratio"), rows)
    text = (f"# bench/publish.py, {time.strftime('%Y-%m-%d')}, best of {args.repeat}\n\n{table_md}\n\n"
            "Measured on a 2-core machine shared with other work: absolute times vary from run to run; the ratio "
            "against the reference measured in the same run is the figure to read.\n")
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
