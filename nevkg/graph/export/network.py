"""The network exports of the networkx projection: GraphML, GEXF, node-link JSON and CSV (a zip of nodes.csv
and edges.csv)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import IO, Any

from nevkg.graph.export.base import Exporter

__all__ = ["GraphmlExporter", "GexfExporter", "NodeLinkExporter", "CsvExporter", "NODE_COLUMNS",
           "EDGE_COLUMNS"]


class _NetworkExporter(Exporter):
    """Exporters of the networkx projection; ``collapse_facts`` replaces fact nodes by direct edges."""

    def __init__(self, *, collapse_facts: bool = False, include_sources: bool = False, graph=None) -> None:
        self.collapse_facts = collapse_facts
        self.include_sources = include_sources
        self.graph = graph  # a ready networkx graph (a neighbourhood, a path) to write instead of the projection

    def project(self, kg):
        if self.graph is not None:
            return self.graph
        from nevkg.graph.project import to_networkx

        return to_networkx(kg, collapse_facts=self.collapse_facts, include_sources=self.include_sources)

    @staticmethod
    def _with_edge_ids(G):
        """A copy whose edge keys are unique ids ``e0, e1, …`` (GraphML and GEXF want unique edge ids)."""
        import networkx as nx

        H = nx.MultiDiGraph()
        H.add_nodes_from(G.nodes(data=True))
        H.add_edges_from((u, v, f"e{i}", d) for i, (u, v, d) in enumerate(G.edges(data=True)))
        return H


class GraphmlExporter(_NetworkExporter):
    """GraphML of the networkx projection (for Gephi, Cytoscape, yEd)."""

    name, suffix, media_type = "graphml", ".graphml", "application/graphml+xml"
    description = "GraphML of the network projection"

    def write(self, kg, out: IO[bytes]) -> None:
        import networkx as nx

        nx.write_graphml(self._with_edge_ids(self.project(kg)), out, encoding="utf-8", prettyprint=True)


class GexfExporter(_NetworkExporter):
    """GEXF 1.2 of the networkx projection (for Gephi)."""

    name, suffix, media_type = "gexf", ".gexf", "application/gexf+xml"
    description = "GEXF of the network projection (Gephi)"

    def write(self, kg, out: IO[bytes]) -> None:
        import networkx as nx

        G = self._with_edge_ids(self.project(kg))
        for _, _, key, data in G.edges(keys=True, data=True):
            data["id"] = key
        nx.write_gexf(G, out, encoding="utf-8", prettyprint=True)


class NodeLinkExporter(_NetworkExporter):
    """networkx node-link JSON: ``nodes`` (``id``, ``label``, ``type`` …) and ``links`` (``source``,
    ``target``, ``relation`` …), the format of d3 and ``networkx.node_link_graph``."""

    name, suffix, media_type = "nodelink", ".json", "application/json"
    description = "node-link JSON of the network projection (d3, networkx)"

    def write(self, kg, out: IO[bytes]) -> None:
        import networkx as nx

        data = nx.node_link_data(self.project(kg), edges="links")
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        out.write(b"\n")


#: leading columns of the CSV tables (other attributes follow, sorted)
NODE_COLUMNS = ("id", "label", "type", "kind_group", "sources")
EDGE_COLUMNS = ("source", "target", "relation", "label", "sources")


class CsvExporter(_NetworkExporter):
    """A zip archive of two CSV tables: ``nodes.csv`` (id, label, type, kind_group, sources, then every other
    attribute) and ``edges.csv`` (source, target, relation, label, sources, then the rest)."""

    name, suffix, media_type = "csv", ".zip", "application/zip"
    binary = True
    description = "zip of nodes.csv and edges.csv of the network projection"

    def write(self, kg, out: IO[bytes]) -> None:
        G = self.project(kg)
        nodes = [{"id": n, **d} for n, d in G.nodes(data=True)]
        edges = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("nodes.csv", _csv_table(nodes, NODE_COLUMNS))
            zf.writestr("edges.csv", _csv_table(edges, EDGE_COLUMNS))


def _csv_table(rows: list[dict[str, Any]], leading: tuple[str, ...]) -> str:
    extra = sorted({k for row in rows for k in row} - set(leading))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*leading, *extra], restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
