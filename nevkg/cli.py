"""The ``nevkg`` command line: a thin shell over plain, tested functions.

Imports of rdflib, pyoxigraph, pyshacl and networkx happen inside the commands, so ``nevkg --help``
starts about as fast as click itself. Every :class:`nevkg.errors.NevkgError` becomes a clear message and
exit status 1 here, in one place; usage mistakes exit 2 (click's own handling).
"""

from __future__ import annotations

import json
import sys

import click

from nevkg import __version__

# Kept here (not imported from the registry) so that --help imports no rdflib; a test keeps them in step.
EXPORT_FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "nodelink", "csv"]
NETWORK_FORMATS = ["graphml", "gexf", "nodelink", "csv"]

store_option = click.option(
    "--store", "store", envvar="NEVKG_STORE", default=None, metavar="SPEC",
    help="oxigraph[:PATH] (default, in $NEVKG_HOME or ./.nevkg), memory, or sparql:QUERY_URL[;UPDATE_URL].")


class NevkgGroup(click.Group):
    """A click group that reports nevkg's own errors without a traceback."""

    def invoke(self, ctx: click.Context):
        from nevkg.errors import NevkgError

        try:
            return super().invoke(ctx)
        except NevkgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=NevkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nevkg")
def main() -> None:
    """nevkg: a sourced knowledge graph of the Chinese new-energy-vehicle export ecosystem.

    Build the graph, validate it, count and export it. Every fact carries its source.
    """


@main.command()
@store_option
@click.option("--data", "data", multiple=True, type=click.Path(exists=True), metavar="PATH",
              help="Extra folder of curated *.yaml records or RDF file; repeatable.")
@click.option("--no-shipped", is_flag=True, help="Leave out the records shipped with nevkg.")
def build(store: str | None, data: tuple[str, ...], no_shipped: bool) -> None:
    """Load every source, validate, and swap the new graph in (atomically)."""
    from nevkg.graph.build import build as build_graph

    kg = build_graph(store, list(data), shipped=not no_shipped)
    info = kg.build_info
    click.echo(f"built {info.quads} quads in {info.graphs} graphs into {kg.spec} ({info.seconds:.1f} s); "
               f"{len(info.report.conflicts)} conflicting figure(s) kept side by side")
    kg.close()


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store: str | None, fmt: str) -> None:
    """Counts per class, per source and per relation."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.graph.stats import graph_stats

    with open_graph(store) as kg:
        result = graph_stats(kg)
    click.echo(json.dumps(result.as_dict(), indent=1, ensure_ascii=False) if fmt == "json" else result.table())


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE",
              help="Where to write; '-' is standard output.")
@click.option("--collapse-facts", is_flag=True,
              help="Network formats: fact nodes (partnerships, roles …) become labelled edges between participants.")
@click.option("--include-sources", is_flag=True, help="Network formats: add source documents as nodes.")
def export(store: str | None, fmt: str, output: str, collapse_facts: bool, include_sources: bool) -> None:
    """Write the graph as RDF (named graphs kept where the format can) or as a network."""
    from nevkg.graph.export import export_graph
    from nevkg.graph.knowledge_graph import open_graph

    options = {}
    if collapse_facts or include_sources:
        if fmt not in NETWORK_FORMATS:
            raise click.UsageError("--collapse-facts and --include-sources apply to " + ", ".join(NETWORK_FORMATS))
        options = {"collapse_facts": collapse_facts, "include_sources": include_sources}
    with open_graph(store) as kg:
        export_graph(kg, fmt, output, **options)
    if output != "-":
        click.echo(f"wrote {fmt} to {output}", err=True)


@main.command()
@store_option
def demo(store: str | None) -> None:
    """Build (or reuse) the graph, validate it, and show what it holds."""
    from nevkg.queries.tour import run_demo

    click.echo(run_demo(store))


if __name__ == "__main__":  # pragma: no cover
    main()
