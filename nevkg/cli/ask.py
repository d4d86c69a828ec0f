"""Ask: any SPARQL query, the named queries, and the check of headline figures."""

from __future__ import annotations

import json
import sys

import click

from nevkg.cli import main
from nevkg.cli.options import (
    as_known_on_option,
    format_option,
    ids_option,
    known_view,
    parse_params,
    report_format,
    store_option,
    timeout_option,
)


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
    text = sys.stdin.read() if sparql == "-" else (file.read() if file else sparql)  # (click 9 drops get_text_stream)
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.results import format_result, table_options
    from nevkg.queries.sparql import run_query

    with open_graph(store) as kg:
        if kg.spec.kind == "sparql":  # servers differ on some constructs (docs/sparql-servers.md)
            from nevkg.queries.portable import portability_problems

            for problem in portability_problems(text):
                click.echo(f"warning: some SPARQL servers evaluate this query wrongly — {problem}", err=True)
        known = known_view(kg, as_known_on)
        click.echo(format_result(run_query(known, text, timeout=timeout), fmt, kg=known, ids=ids, **table_options()))


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
        from nevkg.queries.catalog import list_queries  # the catalogue alone: no rdflib

        queries = list_queries()
        if fmt == "json":
            click.echo(json.dumps([q.as_dict() for q in queries], indent=1, ensure_ascii=False))
        else:
            from nevkg.queries.catalog import usage_example
            from nevkg.queries.texttable import rows_table, table_options

            click.echo(rows_table(["name", "parameters", "title", "example"], [
                [q.name, " ".join(p.name + ("" if p.required else "?") for p in q.params), q.title,
                 usage_example(q)] for q in queries], width=table_options()["width"]))
        return
    if not name:
        raise click.UsageError("name a query (nevkg ask --list shows them)")
    from nevkg.queries.trade_ask import ask_trade  # the trade queries: from the columnar copy, without rdflib

    answer = ask_trade(store, name, parse_params(params), fmt) if not as_known_on else None
    if answer is not None:
        click.echo(answer.text)
        if answer.why:
            click.echo(f"no rows: {answer.why}", err=True)
        return
    from nevkg.graph.knowledge_graph import open_graph
    from nevkg.queries.library import bind_params, get_query
    from nevkg.queries.results import format_result, table_options
    from nevkg.queries.sparql import run_query

    named = get_query(name)
    with open_graph(store) as kg:
        kg = known_view(kg, as_known_on)
        bindings = bind_params(kg, named, parse_params(params))
        result = run_query(kg, named.text, bindings=bindings, timeout=timeout)
        click.echo(format_result(result, fmt, kg=kg, ids=ids, **table_options()))
        if result.type == "SELECT" and not result.bindings:
            from nevkg.queries.empty import why_empty

            reason = why_empty(kg, named.text, bindings)
            click.echo(f"no rows: {reason}" if reason else "no rows", err=True)


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
