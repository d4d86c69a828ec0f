"""Benchmark: every named query on the memory and oxigraph stores, against the same SPARQL on raw pyoxigraph.

For each query of ``nevkg/queries/library`` (with its header's example parameters, resolved once), the median of
``--repeat`` runs (after one warm-up run) of:

* ``memory``: ``KnowledgeGraph.query`` on rdflib's memory store;
* ``oxigraph``: ``KnowledgeGraph.query`` on the on-disk oxigraph store (through oxrdflib), rows materialised;
* ``raw``: the same text on a ``pyoxigraph.Store()`` in memory holding the same quads, the parameters passed as
  ``substitutions``, ``use_default_graph_as_union=True``, every solution materialised;
* ``raw disk``: the same on the very pyoxigraph store the oxigraph KnowledgeGraph wraps (same files, and the same
  dataset: its deduplicated union graph as the default graph), which separates what nevkg/oxrdflib add from
  what the disk store costs.

Ratios: ``oxigraph ÷ raw`` and ``memory ÷ raw``. ``--profile`` adds a breakdown of the nevkg/oxigraph overhead:
pyoxigraph alone, oxrdflib's result conversion (``from_ox`` for every value), and nevkg's ``plain()`` pass.

Run: ``python bench/queries.py [--repeat 7] [--out bench/results/queries.md] [--profile]``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mdtable import markdown_table


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _geomean(values: list[float]) -> float:
    values = [v for v in values if v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per query and store (median reported)")
    parser.add_argument("--out", type=Path, default=None, help="also write the table (Markdown) here")
    parser.add_argument("--profile", action="store_true", help="break the oxigraph overhead down")
    parser.add_argument("queries", nargs="*", help="only these named queries")
    args = parser.parse_args()

    import pyoxigraph as ox
    from oxrdflib._converter import from_ox, to_ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from nevkg.graph.build import build
    from nevkg.graph.knowledge_graph import plain
    from nevkg.ontology.namespaces import PREFIX_IRIS
    from nevkg.queries.library import bind_params, list_queries

    memory = build("memory")
    home = tempfile.TemporaryDirectory()
    oxkg = build(f"oxigraph:{home.name}/kg")
    raw = ox.Store()
    raw.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o),
                        ox.DefaultGraph() if g == DATASET_DEFAULT_GRAPH_ID else to_ox(g))
                for s, p, o, g in memory.quads()])
    disk = oxkg.dataset.store._inner  # the pyoxigraph store under oxrdflib (read-only view of the same files)
    prefixes = {k: str(v) for k, v in PREFIX_IRIS.items()}
    quads = len(memory)
    union = {"use_default_graph_as_union": True}
    as_nevkg = oxkg.oxigraph_dataset()

    def raw_run(store, text, subs):
        dataset = as_nevkg if store is disk else union

        def run():
            result = store.query(text, prefixes=prefixes, substitutions=subs, **dataset)
            if isinstance(result, ox.QuerySolutions):
                return [tuple(solution) for solution in result]
            return list(result)
        return run

    def nevkg_run(kg, text, bindings):
        def run():
            result = kg.query(text, bindings)
            return list(result)
        return run

    rows = []
    ratios_ox, ratios_mem = [], []
    totals = {"memory": 0.0, "oxigraph": 0.0, "raw": 0.0, "raw disk": 0.0}
    selected = [q for q in list_queries() if not args.queries or q.name in args.queries]
    for q in selected:
        bindings = bind_params(memory, q, {p.name: p.example for p in q.params if p.example is not None})
        subs = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        n = len(nevkg_run(memory, q.text, bindings)())
        n_ox = len(nevkg_run(oxkg, q.text, bindings)())
        n_raw = len(raw_run(raw, q.text, subs)())
        t = {"memory": _median_ms(nevkg_run(memory, q.text, bindings), args.repeat),
             "oxigraph": _median_ms(nevkg_run(oxkg, q.text, bindings), args.repeat),
             "raw": _median_ms(raw_run(raw, q.text, subs), args.repeat),
             "raw disk": _median_ms(raw_run(disk, q.text, subs), args.repeat)}
        for k in totals:
            totals[k] += t[k]
        r_ox, r_mem = t["oxigraph"] / t["raw"], t["memory"] / t["raw"]
        ratios_ox.append(r_ox)
        ratios_mem.append(r_mem)
        counts = str(n) if n == n_ox == n_raw else f"{n}/{n_ox}/{n_raw} (memory/oxigraph/raw)"
        rows.append((q.name, counts, f"{t['memory']:.1f}", f"{t['oxigraph']:.2f}", f"{t['raw']:.2f}",
                     f"{t['raw disk']:.2f}", f"{r_ox:.2f}x", f"{r_mem:.0f}x"))
        print(f"{q.name}: {rows[-1][2:]}", file=sys.stderr)
    rows.append(("**all (sum of medians)**", "", f"{totals['memory']:.0f}", f"{totals['oxigraph']:.1f}",
                 f"{totals['raw']:.1f}", f"{totals['raw disk']:.1f}",
                 f"{totals['oxigraph'] / totals['raw']:.2f}x", f"{totals['memory'] / totals['raw']:.0f}x"))
    rows.append(("**geometric mean of ratios**", "", "", "", "", "", f"{_geomean(ratios_ox):.2f}x",
                 f"{_geomean(ratios_mem):.0f}x"))
    header = ("query", "rows", "memory ms", "oxigraph ms", "raw ms", "raw disk ms", "oxigraph ÷ raw",
              "memory ÷ raw")
    table = markdown_table(header, rows)
    print(table)
    out = [f"# bench/queries.py, {time.strftime('%Y-%m-%d')}, median of {args.repeat} runs after a warm-up, "
           f"{quads} quads\n", table, ""]

    if args.profile:
        # where the oxigraph-through-nevkg time goes: the query alone, oxrdflib's term conversion, nevkg's plain()
        parts = {"pyoxigraph query, solutions materialised (disk store)": 0.0,
                 "+ oxrdflib: from_ox() of every value": 0.0,
                 "+ nevkg: plain() of every value (KnowledgeGraph.query)": 0.0}
        for q in selected:
            bindings = bind_params(memory, q, {p.name: p.example for p in q.params if p.example is not None})
            subs = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}

            def converted(q=q, subs=subs):
                result = disk.query(q.text, prefixes=prefixes, substitutions=subs, **as_nevkg)
                if isinstance(result, ox.QuerySolutions):
                    names = [v.value for v in result.variables]
                    return [dict(zip(names, (from_ox(x) for x in solution), strict=True)) for solution in result]
                return [from_ox(t) for t in result]

            def planed(q=q, subs=subs):
                got = converted(q, subs)
                if got and isinstance(got[0], dict):
                    return [{k: plain(v) for k, v in row.items()} for row in got]
                return got

            parts["pyoxigraph query, solutions materialised (disk store)"] += _median_ms(
                raw_run(disk, q.text, subs), args.repeat)
            parts["+ oxrdflib: from_ox() of every value"] += _median_ms(converted, args.repeat)
            parts["+ nevkg: plain() of every value (KnowledgeGraph.query)"] += _median_ms(planed, args.repeat)
        prof_rows = [(k, f"{v:.1f}") for k, v in parts.items()]
        prof_rows.append(("KnowledgeGraph.query on the oxigraph store (from the table above)",
                          f"{totals['oxigraph']:.1f}"))
        prof = markdown_table(("step (sum over all queries)", "ms"), prof_rows)
        print(prof)
        out += ["## Where the oxigraph time goes\n", prof, ""]

    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    oxkg.close()
    home.cleanup()


if __name__ == "__main__":
    main()
