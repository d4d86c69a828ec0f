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
        from nevkg.errors import NevkgError, ParameterError

        try:
            return super().invoke(ctx)
        except ParameterError as exc:  # a usage mistake: exit 2 with the command's usage line
            raise click.UsageError(str(exc)) from exc
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


RESULT_FORMATS = ["table", "json", "csv", "tsv", "ttl", "nt", "jsonld"]
format_option = click.option(
    "--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
    help="SELECT/ASK: table, json (SPARQL 1.1 results), csv, tsv; CONSTRUCT/DESCRIBE: ttl, nt, jsonld.")
timeout_option = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                              metavar="SECONDS", help="Stop the query when it runs longer than this.")


@main.command()
@store_option
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.File("r", encoding="utf-8"), default=None,
              help="Read the query from FILE ('-' for standard input).")
@format_option
@timeout_option
def query(store: str | None, sparql: str | None, file, fmt: str, timeout: float | None) -> None:
    """Run any SPARQL query (a string, -f FILE, or '-' for standard input) over the union of all graphs."""
    if (sparql is None) == (file is None):
        raise click.UsageError("give the query as an argument, or with -f FILE (or '-' for standard input)")
    text = click.get_text_stream("stdin").read() if sparql == "-" else (file.read() if file else sparql)
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.results import format_result
    from nevkg.queries.sparql import run_query

    with open_graph(store) as kg:
        click.echo(format_result(run_query(kg, text, timeout=timeout), fmt))


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param takes key=value, not '{pair}'")
        out[key.strip()] = value
    return out


@main.command()
@store_option
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the named queries with their parameters.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter; repeatable.")
@format_option
@timeout_option
def ask(store: str | None, name: str | None, list_: bool, params: tuple[str, ...], fmt: str,
        timeout: float | None) -> None:
    """Run a named query from the library (see --list), with parameters bound as RDF terms."""
    from nevkg.queries.library import bind_params, get_query, list_queries

    if list_:
        queries = list_queries()
        if fmt == "json":
            click.echo(json.dumps([q.as_dict() for q in queries], indent=1, ensure_ascii=False))
        else:
            from nevkg.queries.results import rows_table

            click.echo(rows_table(["name", "parameters", "title"], [
                [q.name, " ".join(p.name + ("" if p.required else "?") for p in q.params), q.title]
                for q in queries], width=80))
        return
    if not name:
        raise click.UsageError("name a query (nevkg ask --list shows them)")
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.results import format_result
    from nevkg.queries.sparql import run_query

    named = get_query(name)
    with open_graph(store) as kg:
        bindings = bind_params(kg, named, _params(params))
        click.echo(format_result(run_query(kg, named.text, bindings=bindings, timeout=timeout), fmt))


@main.command()
@store_option
def demo(store: str | None) -> None:
    """Build (or reuse) the graph, validate it, and show what it holds."""
    from nevkg.queries.tour import run_demo

    click.echo(run_demo(store))


if __name__ == "__main__":  # pragma: no cover
    main()
