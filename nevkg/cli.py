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
@click.option("--skip-bad-rows", is_flag=True,
              help="Statistics tables: skip (and count) bad rows instead of stopping the build.")
def build(store: str | None, data: tuple[str, ...], no_shipped: bool, skip_bad_rows: bool) -> None:
    """Load every source, validate, and swap the new graph in (atomically)."""
    from nevkg.graph.build import build as build_graph

    kg = build_graph(store, list(data), shipped=not no_shipped, skip_bad_rows=skip_bad_rows)
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
        if kg.spec.kind == "sparql":  # servers differ on some constructs (docs/sparql-servers.md)
            from nevkg.queries.portable import portability_problems

            for problem in portability_problems(text):
                click.echo(f"warning: some SPARQL servers evaluate this query wrongly — {problem}", err=True)
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


report_format = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="A table for people; json or csv for machines.")


def _entity_graph(kg):
    from nevkg.queries.analytics import entity_graph

    return entity_graph(kg)


@main.command()
@store_option
@click.argument("a")
@click.argument("b")
@click.option("--max", "max_paths", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many alternative paths to show.")
@click.option("--via", default=None, metavar="KIND", help="Pass through a node or fact of this kind, e.g. "
              "ProductionSite or Automaker.")
@report_format
def path(store: str | None, a: str, b: str, max_paths: int, via: str | None, fmt: str) -> None:
    """The shortest connections between two entities, each hop with its relation and sources."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import path as find_paths
    from nevkg.queries.report import path_report
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        start, end = str(resolve(kg, a)), str(resolve(kg, b))
        paths = find_paths(_entity_graph(kg), start, end, max_paths=max_paths, via=via)
    click.echo(path_report(paths, fmt))
    if not paths:
        sys.exit(1)


@main.command()
@store_option
@click.argument("name")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Keep only nodes of this kind; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "graphml", "gexf", "nodelink"]),
              default="table", show_default=True, help="A table, or the subgraph for export and viz.")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help="Where to write the subgraph.")
def neighbors(store: str | None, name: str, depth: int, kinds: tuple[str, ...], fmt: str, output: str) -> None:
    """An entity's neighbourhood, as a table or as a subgraph (graphml, gexf, nodelink)."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import neighbor_table
    from nevkg.queries.analytics import neighbors as neighbourhood
    from nevkg.queries.report import render_rows
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        x = str(resolve(kg, name))
        G = _entity_graph(kg)
        sub = neighbourhood(G, x, depth=depth, kinds=list(kinds) or None)
        if fmt in ("graphml", "gexf", "nodelink"):
            from nevkg.graph.export import export_graph

            export_graph(None, fmt, output, graph=sub)
            return
        rows = neighbor_table(G, x, sub)
    click.echo(render_rows(rows, ["label", "type", "distance", "relations", "id"], fmt))


@main.command()
@store_option
@click.option("--measure", type=click.Choice(["degree", "pagerank", "betweenness"]), default="degree",
              show_default=True)
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Rank only this kind, e.g. Automaker.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@report_format
def rank(store: str | None, measure: str, kinds: tuple[str, ...], top: int, fmt: str) -> None:
    """Who is central: entities ranked by degree, PageRank or betweenness."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import rank as rank_nodes
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        rows = rank_nodes(_entity_graph(kg), measure=measure, kinds=list(kinds) or None, top=top)
    click.echo(render_rows(rows, ["label", "type", "score", "id"], fmt))


@main.command()
@store_option
@click.argument("org")
@report_format
def footprint(store: str | None, org: str, fmt: str) -> None:
    """Everything that ties an organisation (and its brands) to places abroad, by place."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import footprint as org_footprint
    from nevkg.queries.report import grouped_report
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        groups = org_footprint(_entity_graph(kg), str(resolve(kg, org)))
    click.echo(grouped_report(groups, "place", ["relation", "via", "since", "sources"], fmt))


@main.command()
@store_option
@click.argument("place")
@report_format
def exposure(store: str | None, place: str, fmt: str) -> None:
    """Every organisation tied to a market (or a place in it): how, through what, since when."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import exposure as market_exposure
    from nevkg.queries.report import grouped_report
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        groups = market_exposure(_entity_graph(kg), str(resolve(kg, place)))
    click.echo(grouped_report(groups, "organization", ["relation", "place", "via", "since", "sources"], fmt))


@main.command()
@store_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the Louvain method.")
@report_format
def communities(store: str | None, seed: int, fmt: str) -> None:
    """Clusters of the entity graph (Louvain), with their members."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import communities as find_communities
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        rows = find_communities(_entity_graph(kg), seed=seed)
    click.echo(render_rows(rows, ["id", "size", "members"], fmt))


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="0 picks a free port.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30, show_default=True,
              metavar="SECONDS", help="Hard wall-clock limit per query (the worker is killed).")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Larger results are refused with 422 (never cut off silently).")
@click.option("--max-body", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Largest request body in bytes (413 above).")
@click.option("--max-url", type=click.IntRange(min=256), default=8192, show_default=True,
              help="Longest request URL (414 above).")
@click.option("--max-concurrent", type=click.IntRange(min=1), default=8, show_default=True,
              help="Queries running at once (worker processes).")
@click.option("--max-queue", type=click.IntRange(min=0), default=None, help="Requests waiting (503 above).")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Allow this origin (repeatable; '*' for any).")
def serve(store: str | None, host: str, port: int, timeout: float, max_rows: int, max_body: int, max_url: int,
          max_concurrent: int, max_queue: int | None, cors: tuple[str, ...]) -> None:
    """A read-only SPARQL 1.1 endpoint at /sparql, named queries at /queries, a query page at /."""
    from nevkg.server import serve as run_server

    run_server(store, host=host, port=port, timeout=timeout, max_rows=max_rows, max_body=max_body,
               max_url=max_url, max_concurrent=max_concurrent, max_queue=max_queue, cors=cors)


@main.command("generate-stats")
@click.option("--rows", type=click.IntRange(min=1), required=True, help="How many data rows.")
@click.option("-o", "--output", required=True, metavar="FILE", help="The CSV file to write ('-' for stdout).")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same table.")
def generate_stats(rows: int, output: str, seed: int) -> None:
    """Write a synthetic trade table in the UN Comtrade bulk layout (for tests and benchmarks)."""
    from nevkg.loaders.synthetic import generate_comtrade

    if output == "-":
        generate_comtrade(rows, sys.stdout, seed=seed)
        return
    written = generate_comtrade(rows, output, seed=seed)
    click.echo(f"wrote {written} rows to {output}", err=True)


@main.command("check-headlines")
@store_option
@report_format
def check_headlines(store: str | None, fmt: str) -> None:
    """Compare headline figures in the curated records with sums of the detailed trade tables."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.headlines import check_headlines as compare
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        rows = compare(kg)
    columns = list(rows[0]) if rows else ["subject", "measure", "period", "curated", "tables", "difference_pct"]
    click.echo(render_rows(rows, columns, fmt))


@main.command()
@store_option
@click.option("--as-of", default=None, metavar="DATE", help="The day to look from (YYYY-MM-DD; default today).")
@click.option("--within", "within_days", type=click.IntRange(min=0), default=90, show_default=True, metavar="DAYS",
              help="Window: measures coming into force (or changed) within this many days.")
@click.option("--org", default=None, metavar="NAME", help="Only this automaker or brand.")
@click.option("--market", default=None, metavar="NAME", help="Only measures of this market.")
@report_format
def risk(store: str | None, as_of: str | None, within_days: int, org: str | None, market: str | None,
         fmt: str) -> None:
    """Measures that affect each automaker abroad, ranked by exposure, rate change and nearness, with paths."""
    import datetime

    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.report import render_rows
    from nevkg.queries.risk import RISK_COLUMNS, risk_table
    from nevkg.queries.risk import risk as find_risks

    with open_graph(store) as kg:
        rows = find_risks(kg, as_of=as_of or datetime.date.today(), within_days=within_days, org=org, market=market)
    click.echo(json.dumps(rows, indent=1, ensure_ascii=False, default=str) if fmt == "json"
               else render_rows(risk_table(rows), list(RISK_COLUMNS), fmt))


@main.command()
@store_option
@click.argument("market")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def profile(store: str | None, market: str, fmt: str) -> None:
    """A market's profile: driving side, connectors, measures on Chinese EVs, who is present, with sources."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.profile import profile as market_profile
    from nevkg.queries.profile import profile_table
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        result = market_profile(kg, market)
    click.echo(json.dumps(result, indent=1, ensure_ascii=False, default=str) if fmt == "json"
               else render_rows(profile_table(result), ["field", "value", "sources"], "table"))


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
@click.option("--title", default="nevkg", show_default=True)
def viz(store: str | None, output: str, market: str | None, focus: str | None, depth: int,
        path_: tuple[str, str] | None, query_name: str | None, params: tuple[str, ...], sparql_file,
        kinds: tuple[str, ...], sources: tuple[str, ...], size_by: str, title: str) -> None:
    """Write an interactive, offline HTML network page (search, filters, details panel)."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.viz import render_html, subgraph_for

    if market:
        from nevkg.queries.profile import market_page

        with open_graph(store) as kg:
            click.echo(f"wrote {market_page(kg, market, output)}")
        return
    with open_graph(store) as kg:
        G = subgraph_for(kg, focus=focus, depth=depth, path=tuple(path_) if path_ else None, query=query_name,
                         params=_params(params), sparql=sparql_file.read() if sparql_file else None,
                         kinds=list(kinds) or None, sources=list(sources) or None)
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
              help="Default: from the file name (png needs chromium).")
@click.option("--kind", "kind", type=click.Choice(["auto", "line", "bar"]), default="auto", show_default=True)
@click.option("--title", default=None)
def chart(store: str | None, output: str, measure: str, subjects: tuple[str, ...], scope: str | None,
          unit: str | None, period: str | None, fmt: str | None, kind: str, title: str | None) -> None:
    """Draw statistics: a measure over periods, or across subjects, each value labelled with its source."""
    from pathlib import Path

    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.chart import render_chart, series

    fmt = fmt or {".svg": "svg", ".png": "png"}.get(Path(output).suffix.lower(), "html")
    with open_graph(store) as kg:
        points = series(kg, measure, list(subjects), scope=scope, unit=unit, period=period)
    if not points:
        raise click.ClickException("no figures match; 'nevkg ask observations-of --param subject=…' lists them")
    written = render_chart(points, output, fmt=fmt, title=title, kind=kind)
    click.echo(f"wrote {written} ({len(points)} values)")


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--publisher", help="Publisher (an organisation's name); default: from the page.")
@click.option("--title", help="Title; default: from the page.")
@click.option("--date", help="Date published, YYYY-MM-DD; default: from the page.")
@click.option("--url", help="Address of the article; default: from the page.")
@click.option("-o", "--output", default=None, metavar="FILE|DIR",
              help="Review file to write ('-' for standard output) for one article, or a folder for the review "
                   "files of several; default: ARTICLE.review.yaml beside each article.")
def ingest(articles: tuple[str, ...], publisher: str | None, title: str | None, date: str | None, url: str | None,
           output: str | None) -> None:
    """Read news articles (.txt, .html, .md files, or folders of them) into review files of candidate facts."""
    from pathlib import Path

    from nevkg.ingest import dump_review, ingest_document
    from nevkg.ingest import ingest as ingest_article
    from nevkg.ingest.pipeline import article_paths, ingest_many

    options = {"publisher": publisher, "title": title, "date": date, "url": url}
    paths = article_paths(list(articles))
    if len(paths) == 1 and (output is None or not Path(output).is_dir()):
        if output == "-":
            click.echo(dump_review(ingest_document(paths[0], **options)), nl=False)
            return
        written = ingest_article(paths[0], out=output, **options)
        click.echo(f"wrote {written}; next: nevkg review {written}")
        return
    if output == "-":
        raise click.UsageError("'-o -' takes one article; give a folder to -o for several")
    if output is not None and not Path(output).is_dir():
        raise click.UsageError(f"-o {output}: for several articles, -o names an existing folder")
    for written in ingest_many(paths, out_dir=output, **options):
        click.echo(f"wrote {written}")
    click.echo(f"{len(paths)} review files; next: nevkg review FILE")


@main.command()
@click.argument("review_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
def review(review_file: str, min_confidence: float) -> None:
    """List the candidates of a review file, grouped by kind, with confidence and evidence."""
    from nevkg.ingest import review_listing

    click.echo(review_listing(review_file, min_confidence=min_confidence))


@main.command()
@store_option
@click.argument("review_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--ids", default=None, help="Comma-separated candidate ids to accept (default: all proposed).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="The records folder to merge into (default: the shipped nevkg/data).")
@click.option("--no-rebuild", is_flag=True, help="Merge only; do not rebuild and validate the graph.")
def accept(store: str | None, review_file: str, ids: str | None, data_dir: str | None, no_rebuild: bool) -> None:
    """Merge accepted candidates into the curated records (ids de-duplicated, conflicts kept), then rebuild."""
    from nevkg.ingest import accept as accept_review

    options = {"ids": [i.strip() for i in ids.split(",") if i.strip()] if ids else None,
               "rebuild": not no_rebuild, "store": store}
    if data_dir:
        options["data_dir"] = data_dir
    click.echo(accept_review(review_file, **options).text())


@main.command()
@store_option
@click.option("--out-dir", type=click.Path(file_okay=False), default=None,
              help="Where to write the overview page and the chart (default: the store's home).")
def demo(store: str | None, out_dir: str | None) -> None:
    """Build (or reuse) the graph, validate it, show what it holds, and write an overview page and a chart."""
    from nevkg.queries.tour import run_demo

    click.echo(run_demo(store, out_dir=out_dir))


if __name__ == "__main__":  # pragma: no cover
    main()
