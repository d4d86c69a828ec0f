"""Start here: build the graph, check it, count what it holds, take the tour."""

from __future__ import annotations

import json
import sys

import click

from nevkg.cli import main
from nevkg.cli.options import store_option


@main.command()
@store_option
@click.option("--data", "data", multiple=True, type=click.Path(exists=True), metavar="PATH",
              help="Extra folder of curated *.yaml records or RDF file; repeatable.")
@click.option("--no-shipped", is_flag=True, help="Leave out the records shipped with nevkg.")
@click.option("--skip-bad-rows", is_flag=True,
              help="Statistics tables: skip (and count) bad rows instead of stopping the build.")
@click.option("--wait", is_flag=True,
              help="If another build of this store is running, wait for it instead of failing at once.")
def build(store: str | None, data: tuple[str, ...], no_shipped: bool, skip_bad_rows: bool, wait: bool) -> None:
    """Load every source, validate, and swap the new graph in (atomically).

    The shipped records load first, then the user data folder ($NEVKG_HOME/data, where 'nevkg accept'
    merges records), then every --data PATH. One build at a time per store.
    """
    from nevkg.graph.build import build as build_graph

    kg = build_graph(store, list(data), shipped=not no_shipped, skip_bad_rows=skip_bad_rows, wait=wait)
    info = kg.build_info
    click.echo(f"built {info.quads} quads in {info.graphs} graphs into {kg.spec} ({info.seconds:.1f} s); "
               f"{len(info.report.conflicts)} conflicting figure(s) kept side by side")
    kg.close()


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json (conforms, violations, conflicts) for machines.")
def validate(store: str | None, fmt: str) -> None:
    """Check the built graph against the SHACL shapes and list conflicting figures (exit 1 on a violation)."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.graph.validate import validate_kg

    with open_graph(store) as kg:
        report = validate_kg(kg)
    if fmt == "json":
        click.echo(json.dumps({"conforms": report.conforms,
                               "violations": [v.__dict__ for v in report.violations],
                               "conflicts": [{"key": c.key, "values": c.values} for c in report.conflicts]},
                              indent=1, ensure_ascii=False))
    else:
        click.echo(report.text())
    if not report.conforms:
        sys.exit(1)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table for people; json for machines.")
def stats(store: str | None, fmt: str) -> None:
    """Counts per class, per source and per relation."""
    from nevkg.graph.stats import graph_stats, store_stats

    result = store_stats(store)  # the embedded store: pyoxigraph alone, no rdflib
    if result is None:
        from nevkg.graph.knowledge_graph import open_graph

        with open_graph(store) as kg:
            result = graph_stats(kg)
    click.echo(json.dumps(result.as_dict(), indent=1, ensure_ascii=False) if fmt == "json" else result.table())


@main.command()
@store_option
@click.option("--out-dir", type=click.Path(file_okay=False), default=None,
              help="Where to write the overview page and the chart (default: the store's home).")
def demo(store: str | None, out_dir: str | None) -> None:
    """Build (or reuse) the graph, validate it, show what it holds, and write an overview page and a chart."""
    from nevkg.queries.tour import run_demo

    click.echo(run_demo(store, out_dir=out_dir))
