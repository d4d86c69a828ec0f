"""Ask the network: paths, neighbourhoods, centrality, footprints, exposure and communities."""

from __future__ import annotations

import sys

import click

from nevkg.cli import main
from nevkg.cli.options import (
    as_known_on_option,
    entity_core_of,
    entity_graph_of,
    ids_option,
    known_view,
    report_format,
    store_option,
    terminal_table,
)


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
    from nevkg.graph.entity import entity_core
    from nevkg.graph.entity_store import stored_core
    from nevkg.queries.analytics import path as find_paths
    from nevkg.queries.report import path_report

    # names of nodes are looked up in the core the build kept: no store opened unless a name needs the resolver
    G = None if as_known_on else stored_core(store)
    ends = None if G is None else _path_nodes(G, None, a, b, via)
    if ends is None:
        from nevkg.graph.knowledge_graph import open_graph

        with open_graph(store) as kg:
            kg = known_view(kg, as_known_on)
            G = G if G is not None else entity_core(kg)
            ends = _path_nodes(G, kg, a, b, via)
    paths = find_paths(G, ends[0], ends[1], max_paths=max_paths, via=ends[2])
    click.echo(path_report(paths, fmt, width=terminal_table()["width"]))
    if not paths:
        sys.exit(1)


def _path_nodes(G, kg, a: str, b: str, via: str | None) -> tuple[str, str, str | None] | None:
    """The ends (and ``--via``) of a path as node ids: names of nodes of the entity graph first
    (:func:`~nevkg.queries.analytics.find_node`), else the resolver on ``kg``; None when that needs a ``kg``."""
    from nevkg.queries.analytics import find_node, is_kind
    from nevkg.queries.resolve import resolve

    def node(name: str) -> str | None:
        return find_node(G, name) or (str(resolve(kg, name)) if kg is not None else None)

    found = (node(a), node(b), via if via is None or is_kind(G, via) else node(via))
    return None if None in found[:2] or (via is not None and found[2] is None) else found


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
        kg = known_view(kg, as_known_on)
        x = str(resolve(kg, name))
        G = entity_graph_of(kg)
        sub = neighbourhood(G, x, depth=depth, kinds=list(kinds) or None)
        if fmt in ("graphml", "gexf", "nodelink"):
            from nevkg.graph.export import export_graph

            export_graph(None, fmt, output, graph=sub)
            return
        rows = neighbor_table(G, x, sub)
    columns = ["label", "type", "distance", "relations"] + (["id"] if ids or fmt != "table" else [])
    click.echo(render_rows(rows, columns, fmt, **terminal_table()))


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
    from nevkg.queries.analytics import rank as rank_nodes
    from nevkg.queries.report import render_rows

    rows = rank_nodes(entity_core_of(store, as_known_on), measure=measure, kinds=list(kinds) or None, top=top)
    columns = ["label", "type", "score"] + (["id"] if ids or fmt != "table" else [])
    click.echo(render_rows(rows, columns, fmt, **terminal_table()))


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
        kg = known_view(kg, as_known_on)
        groups = org_footprint(entity_graph_of(kg), str(resolve(kg, org)))
    columns = ["relation", "through", "since", "sources"] + (["via"] if fmt != "table" else [])
    click.echo(grouped_report(groups, "place", columns, fmt, **terminal_table()))


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
        kg = known_view(kg, as_known_on)
        groups = market_exposure(entity_graph_of(kg), str(resolve(kg, place)))
    columns = ["relation", "place", "since", "sources"] + (["via"] if fmt != "table" else [])
    click.echo(grouped_report(groups, "organization", columns, fmt, **terminal_table()))


@main.command()
@store_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the Louvain method.")
@report_format
@as_known_on_option
def communities(store: str | None, seed: int, fmt: str, as_known_on: str | None) -> None:
    """Clusters of the entity graph (Louvain), with their members."""
    from nevkg.queries.analytics import communities as find_communities
    from nevkg.queries.report import render_rows

    rows = find_communities(entity_core_of(store, as_known_on), seed=seed)
    click.echo(render_rows(rows, ["id", "size", "members"], fmt, **terminal_table()))
