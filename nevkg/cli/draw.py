"""Draw: the interactive network page and charts of statistics."""

from __future__ import annotations

import click

from nevkg.cli import main
from nevkg.cli.options import as_known_on_option, known_view, parse_params, store_option


@main.command()
@store_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--market", metavar="NAME", help="A market's page: who is present, the measures and their timeline.")
@click.option("--focus", metavar="NAME", help="Draw this entity's neighbourhood.")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, help="Hops around --focus.")
@click.option("--path", "path_", nargs=2, metavar="A B", help="Draw the connections between two entities.")
@click.option("--query", "query_name", metavar="NAME", help="Draw what a named query returns.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --query.")
@click.option("--sparql", "sparql_file", type=click.File("r", encoding="utf-8"),
              help="A CONSTRUCT, or a SELECT of entity pairs, from a file.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Keep only these kinds; repeatable.")
@click.option("--source", "sources", multiple=True, metavar="SOURCE", help="Keep what these sources say.")
@click.option("--size-by", default="degree", show_default=True, help="Node size: degree or a numeric attribute.")
@click.option("--title", default="nevkg", show_default=True, help="The page's title.")
@as_known_on_option
def viz(store: str | None, output: str, market: str | None, focus: str | None, depth: int,
        path_: tuple[str, str] | None, query_name: str | None, params: tuple[str, ...], sparql_file,
        kinds: tuple[str, ...], sources: tuple[str, ...], size_by: str, title: str, as_known_on: str | None) -> None:
    """Write an interactive, offline HTML network page (search, filters, details panel)."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.viz import render_html, subgraph_for

    if market:
        from nevkg.queries.profile import market_page

        with open_graph(store) as kg:
            click.echo(f"wrote {market_page(known_view(kg, as_known_on), market, output)}")
        return
    with open_graph(store) as kg:
        G = subgraph_for(known_view(kg, as_known_on), focus=focus, depth=depth, path=tuple(path_) if path_ else None,
                         query=query_name, params=parse_params(params),
                         sparql=sparql_file.read() if sparql_file else None, kinds=list(kinds) or None,
                         sources=list(sources) or None)
    written = render_html(G, output, title=title, size_by=size_by)
    click.echo(f"wrote {written} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")


@main.command()
@store_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--measure", required=True, help="The measure, e.g. 'export volume'.")
@click.option("--subject", "subjects", multiple=True, required=True, help="Whom the figures are about; repeatable.")
@click.option("--scope", default=None, help="Product scope, e.g. 'new-energy vehicles'.")
@click.option("--unit", default=None, help="Unit, e.g. vehicles or USD.")
@click.option("--period", default=None, help="Only this period: YYYY or START/END.")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]), default=None,
              help="Default: from the file's extension, .html, .svg or .png (png needs chromium); another "
                   "extension is an error.")
@click.option("--kind", "kind", type=click.Choice(["auto", "line", "bar"]), default="auto", show_default=True,
              help="line over periods, bar across subjects; auto picks by the data.")
@click.option("--title", default=None, help="The chart's title (default: the measure and subjects).")
def chart(store: str | None, output: str, measure: str, subjects: tuple[str, ...], scope: str | None,
          unit: str | None, period: str | None, fmt: str | None, kind: str, title: str | None) -> None:
    """Draw statistics: a measure over periods, or across subjects, each value labelled with its source."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.chart import format_for, render_chart, series

    fmt = format_for(output, fmt)  # before any work: an extension naming no format is an error
    with open_graph(store) as kg:
        points = series(kg, measure, list(subjects), scope=scope, unit=unit, period=period)
    if not points:
        raise click.ClickException("no figures match; 'nevkg ask observations-of --param subject=…' lists them")
    written = render_chart(points, output, fmt=fmt, title=title, kind=kind)
    click.echo(f"wrote {written} ({len(points)} values)")
