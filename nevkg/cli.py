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

def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a malformed date before any graph is opened (a usage mistake: exit 2)."""
    if value:
        from nevkg.errors import ParameterError
        from nevkg.graph.asof import first_day

        try:
            first_day(value)
        except ParameterError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


as_known_on_option = click.option(
    "--as-known-on", "as_known_on", default=None, metavar="DATE", callback=_check_date,
    help="Answer from only the sources published on or before DATE (YYYY-MM-DD; the curators' reference data "
         "stays).")


def _known(kg, date: str | None):
    """The graph as known on ``date`` (:func:`nevkg.graph.asof.as_known_on`), or ``kg`` itself."""
    if not date:
        return kg
    from nevkg.graph.asof import as_known_on

    return as_known_on(kg, date)


store_option = click.option(
    "--store", "store", envvar="NEVKG_STORE", default=None, metavar="SPEC",
    help="oxigraph[:PATH] (default, in $NEVKG_HOME or ./.nevkg), memory, or sparql:QUERY_URL[;UPDATE_URL].")


class NevkgCommand(click.Command):
    """A command whose help ends with worked examples and whose summary is its whole first sentence."""

    def get_short_help_str(self, limit: int = 45) -> str:
        from nevkg.cli_help import first_sentence

        return self.short_help or first_sentence(self.help)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from nevkg.cli_help import EXAMPLES

        super().format_epilog(ctx, formatter)
        examples = EXAMPLES.get(self.name or "", [])
        if examples:
            with formatter.section("Examples"):
                for line in examples:
                    formatter.write_text(f"$ {line}")


class NevkgGroup(click.Group):
    """A click group that reports nevkg's own errors without a traceback and lists its commands by task."""

    command_class = NevkgCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from nevkg.cli_help import SECTIONS

        commands = {name: self.get_command(ctx, name) for name in self.list_commands(ctx)}
        listed: set[str] = set()
        groups = []
        for title, names in SECTIONS:
            rows = [(n, commands[n].get_short_help_str()) for n in names if n in commands and not commands[n].hidden]
            listed.update(names)
            groups.append((title, rows))
        groups.append(("Other", [(n, c.get_short_help_str()) for n, c in commands.items()
                                 if n not in listed and not c.hidden]))
        for title, rows in groups:
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

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

    Start with `nevkg demo` (builds the graph, validates it, takes a tour); `nevkg COMMAND --help` shows each
    command's options and examples. Every fact carries its source.

    Exit status: 0 done, 1 a failure or invalid input (the message says what and where), 2 a usage mistake.
    """


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
@as_known_on_option
def export(store: str | None, fmt: str, output: str, collapse_facts: bool, include_sources: bool,
           as_known_on: str | None) -> None:
    """Write the graph as RDF (named graphs kept where the format can) or as a network."""
    from nevkg.graph.export import export_graph
    from nevkg.graph.knowledge_graph import open_graph

    options = {}
    if collapse_facts or include_sources:
        if fmt not in NETWORK_FORMATS:
            raise click.UsageError("--collapse-facts and --include-sources apply to " + ", ".join(NETWORK_FORMATS))
        options = {"collapse_facts": collapse_facts, "include_sources": include_sources}
    with open_graph(store) as kg:
        export_graph(_known(kg, as_known_on), fmt, output, **options)
    if output != "-":
        click.echo(f"wrote {fmt} to {output}", err=True)


RESULT_FORMATS = ["table", "json", "csv", "tsv", "ttl", "nt", "jsonld"]
format_option = click.option(
    "--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
    help="SELECT/ASK: table, json (SPARQL 1.1 results), csv, tsv; CONSTRUCT/DESCRIBE: ttl, nt, jsonld.")
ids_option = click.option("--ids", is_flag=True,
                          help="Tables: show the ids (nevid:…) too; by default things are shown by their labels.")
timeout_option = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                              metavar="SECONDS", help="Stop the query when it runs longer than this.")


@main.command()
@store_option
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.File("r", encoding="utf-8"), default=None,
              help="Read the query from FILE ('-' for standard input).")
@format_option
@ids_option
@timeout_option
@as_known_on_option
def query(store: str | None, sparql: str | None, file, fmt: str, ids: bool, timeout: float | None,
          as_known_on: str | None) -> None:
    """Run any SPARQL query (a string, -f FILE, or '-' for standard input) over the union of all graphs."""
    if (sparql is None) == (file is None):
        raise click.UsageError("give the query as an argument, or with -f FILE (or '-' for standard input)")
    text = click.get_text_stream("stdin").read() if sparql == "-" else (file.read() if file else sparql)
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.results import format_result, table_options
    from nevkg.queries.sparql import run_query

    with open_graph(store) as kg:
        if kg.spec.kind == "sparql":  # servers differ on some constructs (docs/sparql-servers.md)
            from nevkg.queries.portable import portability_problems

            for problem in portability_problems(text):
                click.echo(f"warning: some SPARQL servers evaluate this query wrongly — {problem}", err=True)
        known = _known(kg, as_known_on)
        click.echo(format_result(run_query(known, text, timeout=timeout), fmt, kg=known, ids=ids, **table_options()))


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
@ids_option
@timeout_option
@as_known_on_option
def ask(store: str | None, name: str | None, list_: bool, params: tuple[str, ...], fmt: str, ids: bool,
        timeout: float | None, as_known_on: str | None) -> None:
    """Run a named query from the library (see --list), with parameters bound as RDF terms."""
    if list_:
        from nevkg.queries.library import list_queries

        queries = list_queries()
        if fmt == "json":
            click.echo(json.dumps([q.as_dict() for q in queries], indent=1, ensure_ascii=False))
        else:
            from nevkg.queries.library import usage_example
            from nevkg.queries.results import rows_table, table_options

            click.echo(rows_table(["name", "parameters", "title", "example"], [
                [q.name, " ".join(p.name + ("" if p.required else "?") for p in q.params), q.title,
                 usage_example(q)] for q in queries], width=table_options()["width"]))
        return
    if not name:
        raise click.UsageError("name a query (nevkg ask --list shows them)")
    from nevkg.queries.trade_ask import ask_trade  # the trade queries: from the columnar copy, without rdflib

    text = ask_trade(store, name, _params(params), fmt)
    if text is not None:
        click.echo(text)
        return
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.library import bind_params, get_query
    from nevkg.queries.results import format_result, table_options
    from nevkg.queries.sparql import run_query

    named = get_query(name)
    with open_graph(store) as kg:
        kg = _known(kg, as_known_on)
        bindings = bind_params(kg, named, _params(params))
        result = run_query(kg, named.text, bindings=bindings, timeout=timeout)
        click.echo(format_result(result, fmt, kg=kg, ids=ids, **table_options()))
        if result.type == "SELECT" and not result.bindings:
            from nevkg.queries.empty import why_empty

            reason = why_empty(kg, named.text, bindings)
            click.echo(f"no rows: {reason}" if reason else "no rows", err=True)


report_format = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="A table for people; json or csv for machines.")


def _entity_graph(kg):
    from nevkg.graph.entity import entity_graph

    return entity_graph(kg)


def _table(**extra):
    """Width and row cap of a table printed on this terminal (none off a terminal)."""
    from nevkg.queries.results import table_options

    return {**table_options(), **extra}


@main.command()
@store_option
@click.argument("a")
@click.argument("b")
@click.option("--max", "max_paths", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many alternative paths to show.")
@click.option("--via", default=None, metavar="KIND|NAME", help="Pass through a node or fact of this kind (e.g. "
              "ProductionSite, Automaker), or through this entity, even a vague hub such as 'overseas markets'.")
@report_format
@as_known_on_option
def path(store: str | None, a: str, b: str, max_paths: int, via: str | None, fmt: str,
         as_known_on: str | None) -> None:
    """The shortest connections between two entities, each hop a sourced sentence; vague hubs left out."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import is_kind
    from nevkg.queries.analytics import path as find_paths
    from nevkg.queries.report import path_report
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        kg = _known(kg, as_known_on)
        start, end = str(resolve(kg, a)), str(resolve(kg, b))
        G = _entity_graph(kg)
        through = via if via is None or is_kind(G, via) else str(resolve(kg, via))
        paths = find_paths(G, start, end, max_paths=max_paths, via=through)
    click.echo(path_report(paths, fmt, width=_table()["width"]))
    if not paths:
        sys.exit(1)


@main.command()
@store_option
@click.argument("name")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many hops out from the entity.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Keep only nodes of this kind; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "graphml", "gexf", "nodelink"]),
              default="table", show_default=True, help="A table, or the subgraph for export and viz.")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help="Where to write the subgraph.")
@ids_option
@as_known_on_option
def neighbors(store: str | None, name: str, depth: int, kinds: tuple[str, ...], fmt: str, output: str,
              ids: bool, as_known_on: str | None) -> None:
    """An entity's neighbourhood, as a table or as a subgraph (graphml, gexf, nodelink)."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import neighbor_table
    from nevkg.queries.analytics import neighbors as neighbourhood
    from nevkg.queries.report import render_rows
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        kg = _known(kg, as_known_on)
        x = str(resolve(kg, name))
        G = _entity_graph(kg)
        sub = neighbourhood(G, x, depth=depth, kinds=list(kinds) or None)
        if fmt in ("graphml", "gexf", "nodelink"):
            from nevkg.graph.export import export_graph

            export_graph(None, fmt, output, graph=sub)
            return
        rows = neighbor_table(G, x, sub)
    columns = ["label", "type", "distance", "relations"] + (["id"] if ids or fmt != "table" else [])
    click.echo(render_rows(rows, columns, fmt, **_table()))


@main.command()
@store_option
@click.option("--measure", type=click.Choice(["degree", "pagerank", "betweenness"]), default="degree",
              show_default=True, help="The centrality measure.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Rank only this kind, e.g. Automaker.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many to list.")
@report_format
@ids_option
@as_known_on_option
def rank(store: str | None, measure: str, kinds: tuple[str, ...], top: int, fmt: str, ids: bool,
         as_known_on: str | None) -> None:
    """Who is central: entities ranked by degree, PageRank or betweenness."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import rank as rank_nodes
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        rows = rank_nodes(_entity_graph(_known(kg, as_known_on)), measure=measure, kinds=list(kinds) or None, top=top)
    columns = ["label", "type", "score"] + (["id"] if ids or fmt != "table" else [])
    click.echo(render_rows(rows, columns, fmt, **_table()))


@main.command()
@store_option
@click.argument("org")
@report_format
@as_known_on_option
def footprint(store: str | None, org: str, fmt: str, as_known_on: str | None) -> None:
    """Where an organisation (and its brands) is present abroad, by place; home and institutional ties apart."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import footprint as org_footprint
    from nevkg.queries.report import grouped_report
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        kg = _known(kg, as_known_on)
        groups = org_footprint(_entity_graph(kg), str(resolve(kg, org)))
    columns = ["relation", "through", "since", "sources"] + (["via"] if fmt != "table" else [])
    click.echo(grouped_report(groups, "place", columns, fmt, **_table()))


@main.command()
@store_option
@click.argument("place")
@report_format
@as_known_on_option
def exposure(store: str | None, place: str, fmt: str, as_known_on: str | None) -> None:
    """Every organisation present in a market (or a place in it): how, through what, since when."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import exposure as market_exposure
    from nevkg.queries.report import grouped_report
    from nevkg.queries.resolve import resolve

    with open_graph(store) as kg:
        kg = _known(kg, as_known_on)
        groups = market_exposure(_entity_graph(kg), str(resolve(kg, place)))
    columns = ["relation", "place", "since", "sources"] + (["via"] if fmt != "table" else [])
    click.echo(grouped_report(groups, "organization", columns, fmt, **_table()))


@main.command()
@store_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the Louvain method.")
@report_format
@as_known_on_option
def communities(store: str | None, seed: int, fmt: str, as_known_on: str | None) -> None:
    """Clusters of the entity graph (Louvain), with their members."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.analytics import communities as find_communities
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        rows = find_communities(_entity_graph(_known(kg, as_known_on)), seed=seed)
    click.echo(render_rows(rows, ["id", "size", "members"], fmt, **_table()))


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
@click.option("--max-queue", type=click.IntRange(min=0), default=None,
              help="Queries waiting for a worker (503 above) [default: 8 x --max-concurrent].")
@click.option("--max-memory", type=click.IntRange(min=0), default=1024, show_default=True, metavar="MIB",
              help="Memory of its own one query worker may hold; past it the query gets 422 and the worker is "
                   "replaced (0: no cap).")
@click.option("--header-timeout", type=click.FloatRange(min=0, min_open=True), default=10, show_default=True,
              metavar="SECONDS", help="Time for the request line and headers to arrive in all (408 after).")
@click.option("--body-timeout", type=click.FloatRange(min=0, min_open=True), default=10, show_default=True,
              metavar="SECONDS", help="Time for a declared request body to arrive in all (408 after).")
@click.option("--max-client-connections", type=click.IntRange(min=1), default=32, show_default=True,
              help="Open connections per client address (503 at once above).")
@click.option("--max-connections", type=click.IntRange(min=1), default=512, show_default=True,
              help="Open connections in all (503 at once above).")
@click.option("--client-concurrent", type=click.IntRange(min=1), default=None,
              help="Queries one client address may have running or waiting (429 above) "
                   "[default: half of --max-concurrent].")
@click.option("--client-budget", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              metavar="SECONDS", help="Query time one client address may use per minute (429 above).")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Allow this origin (repeatable; '*' for any).")
def serve(store: str | None, host: str, port: int, cors: tuple[str, ...], **limits) -> None:
    """A read-only SPARQL 1.1 endpoint at /sparql, named queries at /queries, a query page at /."""
    from nevkg.server import serve as run_server

    run_server(store, host=host, port=port, cors=cors, **limits)


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
    from nevkg.queries.headlines import check_store
    from nevkg.queries.report import render_rows

    rows = check_store(store)
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
@as_known_on_option
def risk(store: str | None, as_of: str | None, within_days: int, org: str | None, market: str | None,
         fmt: str, as_known_on: str | None) -> None:
    """Measures that affect each automaker: threats abroad, favourable measures, China's own rules, with paths."""
    import datetime

    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.report import render_rows
    from nevkg.queries.risk import RISK_COLUMNS, risk_table, risk_text
    from nevkg.queries.risk import risk as find_risks

    with open_graph(store) as kg:
        rows = find_risks(_known(kg, as_known_on), as_of=as_of or datetime.date.today(), within_days=within_days,
                          org=org, market=market)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=1, ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(render_rows(risk_table(rows), list(RISK_COLUMNS), fmt), nl=False)
    else:
        click.echo(risk_text(rows, **_table()))


@main.command()
@store_option
@click.argument("market")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Sections as tables for people; json for machines.")
@as_known_on_option
def profile(store: str | None, market: str, fmt: str, as_known_on: str | None) -> None:
    """A market's profile: driving side, connectors, measures on Chinese EVs, who is present, with sources."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.profile import profile as market_profile
    from nevkg.queries.profile import profile_table
    from nevkg.queries.report import render_rows

    with open_graph(store) as kg:
        result = market_profile(_known(kg, as_known_on), market)
    click.echo(json.dumps(result, indent=1, ensure_ascii=False, default=str) if fmt == "json"
               else render_rows(profile_table(result), ["field", "value", "sources"], "table", **_table()))


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
            click.echo(f"wrote {market_page(_known(kg, as_known_on), market, output)}")
        return
    with open_graph(store) as kg:
        G = subgraph_for(_known(kg, as_known_on), focus=focus, depth=depth, path=tuple(path_) if path_ else None,
                         query=query_name, params=_params(params), sparql=sparql_file.read() if sparql_file else None,
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
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out candidates below this confidence (0-1).")
def review(review_file: str, min_confidence: float) -> None:
    """List the candidates of a review file, grouped by kind, with confidence and evidence."""
    from nevkg.ingest import review_listing

    click.echo(review_listing(review_file, min_confidence=min_confidence))


@main.command()
@store_option
@click.argument("review_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--ids", default=None, help="Comma-separated candidate ids to accept (default: all proposed).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="The records folder to merge into (default: the user data folder $NEVKG_HOME/data, "
                   "which every build loads after the shipped records).")
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
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="The release folder to create (new or empty; releases are never overwritten).")
@click.option("--since", type=click.Path(exists=True, file_okay=False), default=None, metavar="DIR",
              help="An earlier release: write the delta against it (delta.json).")
@click.option("--as-of", default=None, metavar="DATE", help="The day the alerts look from (default today).")
@click.option("--within", "within_days", type=click.IntRange(min=0), default=90, show_default=True, metavar="DAYS",
              help="The alerts' window, in days ahead and behind.")
@as_known_on_option
def release(store: str | None, output: str, since: str | None, as_of: str | None, within_days: int,
            as_known_on: str | None) -> None:
    """Write a release: every export format, DCAT/VoID with checksums, a data package, alerts, a delta."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.publish.release import release as make_release

    with open_graph(store) as kg:
        info = make_release(_known(kg, as_known_on), output, since=since, as_of=as_of, within_days=within_days)
    click.echo(f"wrote release {info['id']} to {output}: {len(info['files'])} files, {info['counts']['triples']} "
               f"triples, {info['counts']['facts']} facts")
    if info["delta"]:
        d = info["delta"]
        click.echo(f"since {d['since']}: {d['triples']['added']} triple(s) added, {d['triples']['removed']} removed; "
                   f"facts {d['added']} added, {d['changed']} changed, {d['retracted']} retracted")


@main.command()
@click.argument("old", type=click.Path(exists=True, file_okay=False))
@click.argument("new", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Text for people, JSON (as delta.json) for programs.")
def diff(old: str, new: str, fmt: str) -> None:
    """What changed between two releases: triples per source graph, facts added, changed and retracted."""
    from nevkg.publish.diff import delta_text, diff_releases

    delta = diff_releases(old, new)
    click.echo(json.dumps(delta, indent=1, ensure_ascii=False) if fmt == "json" else delta_text(delta))


@main.command()
@store_option
@click.option("--org", default=None, metavar="NAME", help="Only this automaker or brand.")
@click.option("--market", default=None, metavar="NAME", help="Only measures of this market.")
@click.option("--as-of", default=None, metavar="DATE", help="The day to look from (YYYY-MM-DD; default today).")
@click.option("--within", "within_days", type=click.IntRange(min=0), default=90, show_default=True, metavar="DAYS",
              help="Window: events this many days ahead or behind.")
@click.option("--format", "fmt", type=click.Choice(["atom", "json"]), default=None,
              help="Default: json for a .json file, else an Atom feed.")
@click.option("-o", "--output", required=True, metavar="FILE", help="The file to write ('-' for standard output).")
@as_known_on_option
def alerts(store: str | None, org: str | None, market: str | None, as_of: str | None, within_days: int,
           fmt: str | None, output: str, as_known_on: str | None) -> None:
    """Trade-measure events near a date (coming into force, changing, expiring) as an Atom feed or JSON."""
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.publish.alerts import write_alerts

    with open_graph(store) as kg:
        body, n = write_alerts(_known(kg, as_known_on), output, fmt=fmt, as_of=as_of, within_days=within_days,
                               org=org, market=market)
    if output == "-":
        click.echo(body.decode("utf-8"), nl=False)
    else:
        click.echo(f"wrote {n} alert(s) to {output}", err=True)


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
