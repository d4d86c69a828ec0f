"""Serve and publish: the SPARQL endpoint, exports, releases and the delta between two."""

from __future__ import annotations

import json

import click

from nevkg.cli import main
from nevkg.cli.options import EXPORT_FORMATS, NETWORK_FORMATS, as_known_on_option, known_view, store_option


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
        export_graph(known_view(kg, as_known_on), fmt, output, **options)
    if output != "-":
        click.echo(f"wrote {fmt} to {output}", err=True)


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
        info = make_release(known_view(kg, as_known_on), output, since=since, as_of=as_of, within_days=within_days)
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
