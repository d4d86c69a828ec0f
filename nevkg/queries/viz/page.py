"""The page: one self-contained, offline HTML file with the renderer, the app and the data inlined.

The renderer is sigma.js (WebGL) over a graphology graph, with graphology's ForceAtlas2 and no-overlap layouts,
all vendored from npm into ``assets/`` with their licences (``assets/VENDORED.md`` says which versions and how the
layout bundle was built). Nothing is fetched when the page opens: the Content-Security-Policy allows no network
source at all. The data travels as JSON inside ``<script type="application/json">`` (``<``, ``>``, ``&``, U+2028
and U+2029 escaped) and every string from it reaches the page through ``textContent`` or the canvas, never as HTML.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import tempfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from nevkg.queries.viz.layout import BROWSER_LAYOUT_MAX
from nevkg.queries.viz.pack import pack
from nevkg.queries.viz.payload import page_payload

__all__ = ["render_html", "json_for_html", "write_atomic", "fill", "VENDORED", "APP"]

#: the vendored scripts, in the order the page loads them
VENDORED = ("graphology.umd.min.js", "graphology-layout.min.js", "sigma.min.js")
#: the page's own scripts, in one element, in this order: the data and the graph, the bulk of a large drawing's
#: edges (drawn from the typed arrays), the drawing, the controls
APP = ("data.js", "edges.js", "app.js", "ui.js")


def json_for_html(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028, U+2029 escaped.

    >>> json_for_html({"x": "</script><b>&\u2028"})
    '{"x":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    >>> json.loads(json_for_html({"x": "</script>"}))["x"]
    '</script>'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def fill(template: str, parts: Mapping[str, str]) -> str:
    """Replace ``@@NAME@@`` markers in one pass (a value is never scanned for markers again).

    >>> fill("<p>@@A@@ @@B@@</p>", {"A": "@@B@@", "B": "x"})
    '<p>@@B@@ x</p>'
    """
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(out_path: str | os.PathLike, data: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to a temporary file beside ``out_path``, then move it into place.

    The file gets the mode an ordinary ``open()`` would give it (0644 under the usual umask 022), not the 0600 of
    a temporary file; nothing is left behind when writing fails.

    >>> import pathlib, tempfile, stat
    >>> out = write_atomic(pathlib.Path(tempfile.mkdtemp()) / "a" / "f.txt", "hello")
    >>> out.read_text(), oct(stat.S_IMODE(out.stat().st_mode)) == oct(0o666 & ~_umask())
    ('hello', True)
    """
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return out


@functools.cache
def asset(name: str, *, inline: bool = True) -> str:
    """The text of a file in ``assets/``; to be inlined, made safe (nothing in it may end its element early)."""
    text = resources.files("nevkg.queries.viz").joinpath("assets", name).read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style") if inline else text


def render_html(G, out_path: str | os.PathLike, *, title: str = "nevkg", size_by: str = "degree",
                layout_threshold: int = BROWSER_LAYOUT_MAX, aggregate_threshold: int = 250_000,
                seed: int = 7) -> Path:
    """Write one self-contained, offline HTML page that draws a graph.

    Parameters
    ----------
    G : networkx.Graph
        What to draw, usually from :func:`subgraph_for`. Nodes may carry ``label``, ``type`` (colour follows its
        kind family), ``sources`` (comma-separated ids), ``x`` and ``y`` (kept as the layout when every node has
        them) and any scalar attributes (shown as facts); edges ``words``/``label``/``relation`` (the edge
        label), ``sources``, ``factLabel``, ``factType``, ``since``, ``until``. ``G.graph["facts"]``
        (observations, as in the entity graph), ``G.graph["source_info"]`` (id → title, issued, publisher, url)
        and ``G.graph["publishers"]`` (nodes kept in the background) fill the statistics, sources and legend.
    out_path : str or path
        The HTML file to write (replaced atomically; parent folders are made).
    title : str, optional
        The page title.
    size_by : str, optional
        ``"degree"`` (default) or a numeric node attribute that sets node size (on a capped square-root scale).
    layout_threshold : int, optional
        Up to this many nodes the browser refines the layout (ForceAtlas2, then no overlap) before drawing;
        above it the layout computed here is drawn as it is.
    aggregate_threshold : int, optional
        Above this many nodes the graph is aggregated first, and the page says so (default 250,000).
    seed : int, optional
        Seed of the layout (the same graph gives the same picture).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    QueryError
        When ``G`` is not a networkx graph or ``size_by`` names no numeric attribute.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="<b>BYD</b>", type="Automaker")
    >>> out = render_html(G, pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> page = out.read_text(encoding="utf-8")
    >>> "<b>BYD" in page, "\\\\u003cb\\\\u003eBYD" in page, "http://" in page.split("<script>")[0]
    (False, True, False)
    """
    payload = page_payload(G, title=title, size_by=size_by, layout_threshold=layout_threshold,
                           aggregate_threshold=aggregate_threshold, seed=seed)
    page = fill(asset("page.html", inline=False), {
        "TITLE": html.escape(str(title), quote=True),
        "CSS": asset("page.css"),
        "DATA": json_for_html(pack(payload)),
        "VENDOR_JS": "\n".join(f"<script>{asset(name)}</script>" for name in VENDORED),
        "APP_JS": "\n".join(asset(name) for name in APP),
    })
    return write_atomic(out_path, page)
