"""Benchmark: nevkg's network page against plain pyvis, from writing the file to a stable picture in Chromium.

Also, for nevkg alone: how long the page takes to answer a zoom, how long the browser spends refining the layout
(which sets ``BROWSER_LAYOUT_MAX``), and a page of 100,000 nodes and 200,000 edges (``--large``; the goal: it
opens and answers a zoom within 5 s).

For synthetic graphs of 500, 2,000, 5,000 and 10,000 nodes (scale-free, two edges per new node, with the
attributes of nevkg's entity graph: label, type, kind_group, sources; edges with relation, words, sources):

* **write**: seconds to write the HTML file, each in a fresh Python process (imports excluded);
  nevkg: :func:`nevkg.queries.viz.render_html` with its defaults (sigma.js/WebGL; the browser refines the layout
  with ForceAtlas2 up to ``BROWSER_LAYOUT_MAX`` nodes, above that the Python layout is drawn as is);
  pyvis: ``Network(cdn_resources="in_line")``, ``from_nx(G)``, ``write_html`` — its defaults, physics on;
* **stable**: seconds from starting to load the file in headless Chromium (Debian's, at /usr/bin/chromium,
  driven by Playwright) until the network is stable: for nevkg, ``window.nevkg.ready`` (the first frame drawn,
  labels placed); for pyvis, its own
  ``stabilizationIterationsDone`` handler hiding the loading bar (pyvis shows it above 100 nodes);
* ratios are pyvis / nevkg (above 1: nevkg is faster).

Each measurement has a time limit (``--timeout``, 60 s by default); one that runs over is reported as ">60 s".
Run: ``python bench/viz.py [--sizes 500,2000,5000,10000] [--large 100000] [--out bench/results/viz.md]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = os.environ.get("NEVKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]

MAKE = r'''
import random, networkx as nx

def synthetic(n, seed=11):
    """A scale-free graph with the attributes of nevkg's entity graph."""
    rng = random.Random(seed)
    U = nx.barabasi_albert_graph(n, 2, seed=seed)
    kinds = ["Automaker"] * 4 + ["Country"] * 5 + ["City"] * 3 + ["Person"] * 3 + ["Brand", "Region", "VehicleModel",
             "TechnologyCompany", "Province"]
    words = ["exports to", "has a factory in", "located in", "partners with", "chairman of", "spoke about"]
    G = nx.MultiDiGraph()
    for i in U:
        G.add_node(f"https://example.org/id/n{i}", label=f"Thing {i}", type=kinds[rng.randrange(len(kinds))],
                   kind_group="entity", sources=f"source-{i % 10}")
    for a, b in U.edges():
        w = words[rng.randrange(len(words))]
        G.add_edge(f"https://example.org/id/n{a}", f"https://example.org/id/n{b}", relation=w.replace(" ", ""),
                   label=w, words=w, sources=f"source-{(a + b) % 10}")
    G.graph["source_info"] = {f"source-{k}": {"title": f"Article {k}", "issued": f"2025-{k + 1:02d}",
                                              "publisher": "Example News", "url": ""} for k in range(10)}
    return G
'''

WRITE = MAKE + r'''
import json, os, sys, time
kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
G = synthetic(n)
os.chdir(os.path.dirname(out))  # pyvis writes lib/ only with cdn_resources="local"; never here, but keep cwd clean
t = time.perf_counter()
if kind == "nevkg":
    from nevkg.queries.viz import render_html
    t = time.perf_counter()
    render_html(G, out)
else:
    from pyvis.network import Network
    t = time.perf_counter()
    net = Network(cdn_resources="in_line")
    net.from_nx(G)
    net.write_html(out)
print(json.dumps({"seconds": time.perf_counter() - t, "edges": G.number_of_edges(),
                  "bytes": os.path.getsize(out)}))
'''

STABLE = {
    "nevkg": "() => !!(window.nevkg && window.nevkg.ready)",
    "pyvis": "() => { const b = document.getElementById('loadingBar');"
             " return b ? b.style.opacity === '0' : (typeof network !== 'undefined'); }",
}


def write(kind: str, n: int, out: Path, timeout: float) -> dict:
    try:
        proc = subprocess.run([sys.executable, "-c", WRITE, kind, str(n), str(out)], capture_output=True, text=True,
                              timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"seconds": None}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def browser_cpu() -> dict[str, float]:
    """CPU seconds (user + system) used so far by this process' descendants (the browser's processes), by kind:
    ``renderer`` (the page's main thread, its JavaScript), ``gpu`` (here: software WebGL, SwiftShader) and
    ``other``. Linux only (``/proc``); elsewhere an empty dict."""
    import collections

    if not os.path.isdir("/proc"):
        return {}
    children: dict[int, list[int]] = collections.defaultdict(list)
    used: dict[int, tuple[float, str]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{name}/cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        children[int(fields[1])].append(int(name))
        kind = "gpu" if "--type=gpu" in command else "renderer" if "--type=renderer" in command else "other"
        used[int(name)] = ((int(fields[11]) + int(fields[12])) / tick, kind)
    out: dict[str, float] = collections.Counter()
    todo = list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        if pid in used:
            out[used[pid][1]] += used[pid][0]
    return dict(out)


def stable(browser, kind: str, path: Path, timeout: float, extra: dict | None = None) -> float | None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url == path.as_uri() else route.abort())
    page = context.new_page()
    try:
        cpu_before = browser_cpu()
        start = time.perf_counter()
        try:
            page.goto(path.as_uri(), timeout=timeout * 1000, wait_until="commit")
        except Exception:  # a page whose scripts block past the limit
            return None
        while time.perf_counter() - start < timeout:
            try:
                if page.evaluate(STABLE[kind]):
                    seconds = time.perf_counter() - start
                    if extra is not None and kind == "nevkg":  # then: a zoom, and what the page measured itself
                        extra["in_page_ms"] = page.evaluate("() => nevkg.t0 + nevkg.timings.firstFrame")
                        extra["zoom_ms"] = page.evaluate("() => nevkg.zoom(0.3)")
                        extra["timings"] = page.evaluate("() => nevkg.timings")
                        cpu_after = browser_cpu()  # (before the page's processes end with its context)
                        extra["cpu"] = {k: v - cpu_before.get(k, 0.0) for k, v in cpu_after.items()}
                    return seconds
            except Exception:  # the page is busy navigating
                pass
            time.sleep(0.02)
        return None
    finally:
        context.close()


def fmt(seconds: float | None, timeout: float) -> str:
    return f">{timeout:g} s" if seconds is None else f"{seconds:.2f} s"


def ratio(a: float | None, b: float | None, timeout: float) -> str:
    if b is None:
        return "–"
    if a is None:
        return f">{timeout / b:.1f}×"
    return f"{a / b:.1f}×"


def cpu(result: dict, kind: str) -> str:
    value = (result.get("cpu") or {}).get(kind)
    return "–" if value is None else f"{value:.2f} s"


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def measure_large(browser, n: int, folder: Path, timeout: float, repeat: int = 3) -> dict:
    """nevkg only: a clustered synthetic graph of n nodes and 2n edges, written once, then opened and zoomed
    ``repeat`` times (each in a fresh browser context); the runs in ``result["runs"]``, their medians at the top."""
    code = ("import json, sys, time; from nevkg.queries.viz import render_html, synthetic_graph; "
            "G = synthetic_graph(int(sys.argv[1]), 2 * int(sys.argv[1])); t = time.perf_counter(); "
            "render_html(G, sys.argv[2]); print(json.dumps({'seconds': time.perf_counter() - t}))")
    out = folder / "large.html"
    proc = subprocess.run([sys.executable, "-c", code, str(n), str(out)], capture_output=True, text=True,
                          check=True, timeout=timeout * 4)
    result = {"nodes": n, "edges": 2 * n, "write_s": json.loads(proc.stdout.strip().splitlines()[-1])["seconds"],
              "mib": out.stat().st_size / 2**20}
    runs = []
    for _ in range(max(repeat, 1)):
        extra: dict = {}
        run = {"open_s": stable(browser, "nevkg", out, timeout, extra), "cpu": extra.get("cpu") or {},
               "zoom_ms": extra.get("zoom_ms") or 0, "in_page_ms": extra.get("in_page_ms"),
               "timings": extra.get("timings") or {}, "load": " / ".join(f"{x:.1f}" for x in os.getloadavg())}
        run["total_s"] = None if run["open_s"] is None else run["open_s"] + run["zoom_ms"] / 1000
        runs.append(run)
        print(f"large n={n}: write {result['write_s']:.1f} s, open {run['open_s']} s, zoom {run['zoom_ms']} ms, "
              f"load {run['load']}", file=sys.stderr)
    result["runs"] = runs

    def median(values):
        values = sorted(v for v in values if v is not None)
        return statistics.median(values) if values else None

    for key in ("open_s", "zoom_ms", "in_page_ms", "total_s"):
        result[key] = median(r[key] for r in runs)
    result["cpu"] = {k: median(r["cpu"].get(k) for r in runs) for k in ("renderer", "gpu")}
    result["timings"] = {k: median(r["timings"].get(k) for r in runs) for k in runs[0]["timings"]}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,5000,10000")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--large", type=int, default=100_000, help="nodes of the large page (0: skip it)")
    parser.add_argument("--repeat", type=int, default=3, help="times the large page is opened (medians shown)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="nevkg-bench-viz-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for n in sizes:
            result = {"nodes": n}
            for kind in ("nevkg", "pyvis"):
                folder = Path(tmp) / f"{kind}-{n}"
                folder.mkdir()
                out = folder / "page.html"
                w = write(kind, n, out, args.timeout)
                result[f"{kind}_write"] = w["seconds"]
                result["edges"] = w.get("edges", result.get("edges"))
                result[f"{kind}_mib"] = w.get("bytes", 0) / 2**20
                extra: dict = {}
                result[f"{kind}_stable"] = stable(browser, kind, out, args.timeout, extra) \
                    if w["seconds"] is not None else None
                if kind == "nevkg":
                    result["zoom_ms"] = extra.get("zoom_ms")
                    result["layout_ms"] = (extra.get("timings") or {}).get("layout")
                leftovers = sorted(x.name for x in folder.iterdir())
                result[f"{kind}_files"] = leftovers
                print(f"{kind:5} n={n:6}: write {fmt(w['seconds'], args.timeout)}, "
                      f"stable {fmt(result[f'{kind}_stable'], args.timeout)}, files {leftovers}", file=sys.stderr)
            rows.append(result)
        large = measure_large(browser, args.large, Path(tmp), args.timeout * 3, args.repeat) if args.large else None
        browser.close()

    t = args.timeout
    lines = [
        "# Network page: nevkg vs plain pyvis",
        "",
        f"Measured by `python bench/viz.py` on {platform.machine()} ({os.cpu_count()} cores), Python "
        f"{platform.python_version()}, headless Chromium at {CHROMIUM}; one run per cell, limit {t:g} s.",
        "Write = seconds to write the HTML (fresh process, imports excluded); stable = seconds from loading the "
        "file until the network is stable; ratio = pyvis / nevkg.",
        "",
        "| nodes | edges | nevkg write | pyvis write | ratio | nevkg stable | pyvis stable | ratio "
        "| nevkg total | pyvis total | ratio | page MiB (nevkg / pyvis) | nevkg zoom | browser layout |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    def total(r: dict, kind: str) -> float | None:
        a, b = r[f"{kind}_write"], r[f"{kind}_stable"]
        return None if a is None or b is None else a + b

    for r in rows:

        lines.append(
            f"| {r['nodes']:,} | {r['edges'] or 0:,} | {fmt(r['nevkg_write'], t)} | {fmt(r['pyvis_write'], t)} | "
            f"{ratio(r['pyvis_write'], r['nevkg_write'], t)} | {fmt(r['nevkg_stable'], t)} | "
            f"{fmt(r['pyvis_stable'], t)} | {ratio(r['pyvis_stable'], r['nevkg_stable'], t)} | "
            f"{fmt(total(r, 'nevkg'), t)} | {fmt(total(r, 'pyvis'), t)} | "
            f"{ratio(total(r, 'pyvis'), total(r, 'nevkg'), t)} | "
            f"{r['nevkg_mib']:.1f} / {r['pyvis_mib']:.1f} | {ms(r.get('zoom_ms'))} | {ms(r.get('layout_ms'))} |")
    lines += [
        "",
        "nevkg draws with sigma.js (WebGL) at every size; up to `BROWSER_LAYOUT_MAX` nodes the browser refines the "
        "Python layout with ForceAtlas2 before the first frame (the 'browser layout' column: the threshold sits "
        "where that stays near a second), above it the Python layout is drawn as is. Zoom = milliseconds from "
        "asking for a zoom to the next frame with its labels placed. pyvis' defaults run Barnes–Hut physics in the "
        "browser at every size, and its `from_nx` checks every new edge against a list of all nodes (quadratic).",
        "",
    ]
    if large:
        def row(name: str, r: dict) -> str:
            goal = r["total_s"] is not None and r["total_s"] <= 5
            return (f"| {name} | {fmt(r['open_s'], t)} | {ms(r['in_page_ms'])} | {ms(r['zoom_ms'])} | "
                    f"{fmt(r['total_s'], t)} | {'yes' if goal else 'no'} | {cpu(r, 'renderer')} | {cpu(r, 'gpu')} | "
                    f"{r.get('load', '')} |")

        lines += [
            f"## A page of {large['nodes']:,} nodes and {large['edges']:,} edges (goal: opens and answers a zoom "
            f"within 5 s)",
            "",
            f"Written in {fmt(large['write_s'], t)} ({large['mib']:.1f} MiB), then opened {len(large['runs'])} times.",
            "",
            "| run | opens, wall clock | opens, in the page | zoom answered | open + zoom | goal met "
            "| CPU: page (renderer) | CPU: WebGL (GPU process) | load average |",
            "|:---|---:|---:|---:|---:|:---|---:|---:|:---|",
            *(row(str(i + 1), r) for i, r in enumerate(large["runs"])),
            row("**median**", large),
            "",
            "Opens, wall clock: from asking Playwright to load the file until `nevkg.ready` (the first frame drawn "
            "and its labels placed), as a reader waits; in the page: the same first frame, in milliseconds since "
            "the browser started the navigation (`performance.now()`), without the test driver's polling. CPU: "
            "seconds of processor time the browser's page process and its GPU process (software WebGL: "
            "`--disable-gpu`) used from loading to the zoom answered, read from /proc; on a machine whose cores "
            "other work shares (load average above the core count), wall clock exceeds them by the waiting.",
            "",
            f"Inside the page (ms since `nevkg.t0`, medians): "
            f"{json.dumps({k: round(v) for k, v in large['timings'].items() if v is not None})}.",
            "",
        ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
