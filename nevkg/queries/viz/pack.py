"""The payload as the page receives it: columns of numbers as base64 typed arrays, repeated strings once.

A page of 100,000 nodes and 200,000 edges spends its first seconds turning data into a drawing; the less it has
to parse and rebuild, the sooner it draws. So :func:`pack` ships

* numbers (positions, sizes, values, edge ends) as little-endian typed arrays in base64, which the page views
  without parsing a number at all (``assets/app.js``, ``column()``);
* what nodes and edges share (kind, family, sources, facts; an edge's words, relation, fact, dates, sources and
  colour) once, in a table of ``kinds``, each node or edge holding the row number of its kind;
* the order in which labels are placed (bigger value first, then bigger node, then label), sorted here once
  rather than in every page that opens.
"""

from __future__ import annotations

import base64
import sys
from array import array
from typing import Any

__all__ = ["pack", "unpack", "column", "NODE_KIND", "EDGE_KIND"]

#: what nodes share, in the order of a row of ``nodes.kinds``
NODE_KIND = ("type", "family", "sources", "facts", "aside")
#: what edges share, in the order of a row of ``edges.kinds``
EDGE_KIND = ("label", "relation", "fact", "factType", "since", "until", "sources", "color")
#: typed array codes: array module code → the name the page knows (``Float32Array`` …)
_TYPES = {"f": "f32", "d": "f64", "B": "u8", "H": "u16", "I": "u32"}


def column(values, code: str) -> dict[str, str]:
    """Numbers as one base64 typed array: ``{"type": "u16", "b64": ...}`` (little-endian, as browsers read it).

    >>> column([1, 2, 300], "H")
    {'type': 'u16', 'b64': 'AQACACwB'}
    """
    arr = array(code, values)
    if sys.byteorder == "big":
        arr.byteswap()
    return {"type": _TYPES[code], "b64": base64.b64encode(arr.tobytes()).decode("ascii")}


def _index_code(top: int) -> str:
    return "B" if top < 1 << 8 else "H" if top < 1 << 16 else "I"


def _interned(rows: list[tuple]) -> tuple[list[list[Any]], list[int]]:
    """Distinct rows (in first-seen order) and, for each row, the number of its distinct row."""
    table: list[list[Any]] = []
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        key = repr(row)
        if key not in seen:
            seen[key] = len(table)
            table.append(list(row))
        out.append(seen[key])
    return table, out


def pack(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload (:func:`~nevkg.queries.viz.page_payload`) with its nodes and edges as columns.

    ``nodes``: ``count``, ``ids`` and ``labels`` (lists of strings), ``x``, ``y``, ``size`` (float32), ``value``
    (float64), ``kind`` (row numbers into ``kinds``, rows in :data:`NODE_KIND` order) and ``order`` (node numbers,
    labels placed first first). ``edges``: ``count``, ``from`` and ``to`` (node numbers), ``kind`` (row numbers
    into ``kinds``, rows in :data:`EDGE_KIND` order); edge ``i`` is ``"e<i>"`` in the page.

    >>> p = pack({"nodes": [{"id": "a", "label": "A", "type": "T", "family": "f", "sources": ["s"], "facts": [],
    ...           "value": 1.0, "size": 3.0, "x": 0.5, "y": 0.0, "aside": ""}], "edges": []})
    >>> p["nodes"]["kinds"], p["nodes"]["x"], p["edges"]["count"]
    ([['T', 'f', ['s'], [], '']], {'type': 'f32', 'b64': 'AAAAPw=='}, 0)
    >>> unpack(p)["nodes"][0]["x"]
    0.5
    """
    nodes, edges = payload["nodes"], payload["edges"]
    row_of = {n["id"]: i for i, n in enumerate(nodes)}
    node_kinds, node_kind = _interned([tuple(n[f] for f in NODE_KIND) for n in nodes])
    edge_kinds, edge_kind = _interned([tuple(e[f] for f in EDGE_KIND) for e in edges])
    order = sorted(range(len(nodes)), key=lambda i: (-nodes[i]["value"], -nodes[i]["size"], nodes[i]["label"]))
    ends = _index_code(len(nodes))
    return {**payload,
            "nodes": {"count": len(nodes), "ids": [n["id"] for n in nodes], "labels": [n["label"] for n in nodes],
                      "x": column((n["x"] for n in nodes), "f"), "y": column((n["y"] for n in nodes), "f"),
                      "size": column((n["size"] for n in nodes), "f"),
                      "value": column((n["value"] for n in nodes), "d"),
                      "kind": column(node_kind, _index_code(len(node_kinds))), "kinds": node_kinds,
                      "order": column(order, ends)},
            "edges": {"count": len(edges), "from": column((row_of[e["from"]] for e in edges), ends),
                      "to": column((row_of[e["to"]] for e in edges), ends),
                      "kind": column(edge_kind, _index_code(len(edge_kinds))), "kinds": edge_kinds}}


def _read(col: dict[str, str]) -> list:
    code = {v: k for k, v in _TYPES.items()}[col["type"]]
    arr = array(code)
    arr.frombytes(base64.b64decode(col["b64"]))
    if sys.byteorder == "big":
        arr.byteswap()
    return arr.tolist()


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """Back to the payload's nodes and edges as objects, as the page sees them (positions and sizes as float32).

    The inverse of :func:`pack` up to float32 rounding; edges get their page ids (``e0``, ``e1`` …).
    """
    N, E = packed["nodes"], packed["edges"]
    x, y, size, value, kind = (_read(N[k]) for k in ("x", "y", "size", "value", "kind"))
    nodes = [{"id": N["ids"][i], "label": N["labels"][i], **dict(zip(NODE_KIND, N["kinds"][kind[i]], strict=True)),
              "value": value[i], "size": size[i], "x": x[i], "y": y[i]} for i in range(N["count"])]
    src, dst, ekind = (_read(E[k]) for k in ("from", "to", "kind"))
    edges = [{"id": f"e{i}", "from": N["ids"][src[i]], "to": N["ids"][dst[i]],
              **dict(zip(EDGE_KIND, E["kinds"][ekind[i]], strict=True))} for i in range(E["count"])]
    return {**packed, "nodes": nodes, "edges": edges, "order": [N["ids"][i] for i in _read(N["order"])]}
