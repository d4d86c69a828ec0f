"""Ask about markets and measures: risk to each automaker, a market's profile, alerts."""

from __future__ import annotations

import json

import click

from nevkg.cli import main
from nevkg.cli.options import as_known_on_option, known_view, report_format, store_option, terminal_table


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
        rows = find_risks(known_view(kg, as_known_on), as_of=as_of or datetime.date.today(), within_days=within_days,
                          org=org, market=market)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=1, ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(render_rows(risk_table(rows), list(RISK_COLUMNS), fmt), nl=False)
    else:
        click.echo(risk_text(rows, **terminal_table()))


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
        result = market_profile(known_view(kg, as_known_on), market)
    click.echo(json.dumps(result, indent=1, ensure_ascii=False, default=str) if fmt == "json"
               else render_rows(profile_table(result), ["field", "value", "sources"], "table", **terminal_table()))


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
        body, n = write_alerts(known_view(kg, as_known_on), output, fmt=fmt, as_of=as_of, within_days=within_days,
                               org=org, market=market)
    if output == "-":
        click.echo(body.decode("utf-8"), nl=False)
    else:
        click.echo(f"wrote {n} alert(s) to {output}", err=True)
