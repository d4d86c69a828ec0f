"""Options and small helpers the command modules share: the store, dates "as known on", result formats.

Nothing here imports rdflib at module level: ``nevkg --help`` reads these definitions.
"""

from __future__ import annotations

import click

__all__ = ["EXPORT_FORMATS", "NETWORK_FORMATS", "RESULT_FORMATS", "as_known_on_option", "known_view", "store_option",
           "format_option", "ids_option", "timeout_option", "report_format", "parse_params", "entity_graph_of",
           "entity_core_of", "terminal_table"]

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


def known_view(kg, date: str | None):
    """The graph as known on ``date`` (:func:`nevkg.graph.asof.as_known_on`), or ``kg`` itself."""
    if not date:
        return kg
    from nevkg.graph.asof import as_known_on

    return as_known_on(kg, date)


store_option = click.option(
    "--store", "store", envvar="NEVKG_STORE", default=None, metavar="SPEC",
    help="oxigraph[:PATH] (default, in $NEVKG_HOME or ./.nevkg), memory, or sparql:QUERY_URL[;UPDATE_URL].")


RESULT_FORMATS = ["table", "json", "csv", "tsv", "ttl", "nt", "jsonld"]
format_option = click.option(
    "--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
    help="SELECT/ASK: table, json (SPARQL 1.1 results), csv, tsv; CONSTRUCT/DESCRIBE: ttl, nt, jsonld.")
ids_option = click.option("--ids", is_flag=True,
                          help="Tables: show the ids (nevid:…) too; by default things are shown by their labels.")
timeout_option = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                              metavar="SECONDS", help="Stop the query when it runs longer than this.")


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """The ``-p KEY=VALUE`` options as a dict (a pair without ``=`` is a usage mistake).

    >>> parse_params(("org=BYD", "from=2024-01"))
    {'org': 'BYD', 'from': '2024-01'}
    """
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param takes key=value, not '{pair}'")
        out[key.strip()] = value
    return out


report_format = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="A table for people; json or csv for machines.")


def entity_graph_of(kg):
    """The entity graph the analytics run on (:func:`nevkg.graph.entity.entity_graph`)."""
    from nevkg.graph.entity import entity_graph

    return entity_graph(kg)


def entity_core_of(store: str | None, as_known_on: str | None):
    """The core of the entity graph (what ``rank``, ``path`` and ``communities`` read): the one the build kept,
    read without opening the store, or else computed from the opened graph (a memory or SPARQL store, a
    view as known on a date)."""
    from nevkg.graph.entity import entity_core
    from nevkg.graph.entity_store import stored_core

    core = None if as_known_on else stored_core(store)
    if core is not None:
        return core
    from nevkg.graph.knowledge_graph import open_graph

    with open_graph(store) as kg:
        return entity_core(known_view(kg, as_known_on))


def terminal_table(**extra):
    """Width and row cap of a table printed on this terminal (none off a terminal)."""
    from nevkg.queries.texttable import table_options

    return {**table_options(), **extra}
