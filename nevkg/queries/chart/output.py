"""Writing a chart: an SVG file, a small HTML page with the SVG inline, or a PNG drawn by headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from nevkg.errors import NevkgError, QueryError
from nevkg.queries.chart.data import Point
from nevkg.queries.chart.draw import chart_svg
from nevkg.queries.chart.marks import esc

__all__ = ["render_chart", "format_for", "FORMATS", "CHROMIUM_ARGS"]

#: output formats by file extension
FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".png": "png"}
#: flags for headless Chromium (no sandbox in containers, nothing fetched in the background)
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--hide-scrollbars", "--mute-audio")

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>@@TITLE@@</title>
<style>
body { margin: 16px; font-family: system-ui, sans-serif; background: #fff; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<main>
@@SVG@@
</main>
</body>
</html>
"""


def format_for(out_path: str | os.PathLike, fmt: str | None = None) -> str:
    """The output format: ``fmt`` when given, else from the file's extension.

    Raises
    ------
    QueryError
        An unknown ``fmt``, or no ``fmt`` and an extension that names no format (nothing is written).

    Examples
    --------
    >>> format_for("c.svg"), format_for("c.PNG"), format_for("c.txt", "html")
    ('svg', 'png', 'html')
    >>> format_for("c.pdf")
    Traceback (most recent call last):
    ...
    nevkg.errors.QueryError: cannot tell the chart format from 'c.pdf': name the file .html, .svg or .png, ...
    """
    if fmt is not None:
        if fmt not in FORMATS.values():
            raise QueryError(f"unknown chart format {fmt!r}; choose html, svg or png")
        return fmt
    found = FORMATS.get(Path(out_path).suffix.lower())
    if found is None:
        raise QueryError(f"cannot tell the chart format from '{Path(out_path).name}': name the file .html, .svg or "
                         f".png, or choose a format (html, svg, png)")
    return found


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def _png(page: str, out: Path, width: int, height: int) -> Path:
    from nevkg.queries.viz.page import write_atomic

    browser = _chromium()
    if browser is None:
        raise NevkgError("PNG output needs Chromium (Debian: apt-get install chromium); write svg or html instead")
    with tempfile.TemporaryDirectory(prefix="nevkg-chart-") as tmp:
        src = Path(tmp) / "chart.html"
        src.write_text(page, encoding="utf-8")
        shot = Path(tmp) / "chart.png"
        cmd = [browser, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={tmp}/profile",
               f"--window-size={width + 32},{height + 32}", f"--screenshot={shot}", src.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            raise NevkgError("Chromium took more than 60 s to draw the chart") from None
        if not shot.exists():
            raise NevkgError(f"Chromium did not write the PNG (exit {proc.returncode}): {proc.stderr.strip()[-300:]}")
        return write_atomic(out, shot.read_bytes())


def render_chart(points: Sequence[Point], out_path: str | os.PathLike, *, fmt: str | None = None,
                 title: str | None = None, kind: str = "auto") -> Path:
    """Write a chart of data points as an offline SVG, HTML page or PNG.

    Parameters
    ----------
    points : sequence of Point
        From :func:`series`; all in one unit.
    out_path : str or path
        The file to write (replaced atomically, mode 0644 under the usual umask; parent folders are made).
    fmt : {"html", "svg", "png"}, optional
        ``html``: a small page with the SVG inline; ``svg``; ``png``: a screenshot of that page by headless
        Chromium (an error when Chromium is not installed). Default: from the extension of ``out_path``
        (``.html``/``.htm``, ``.svg``, ``.png``); any other extension is an error.
    title : str, optional
        The chart's title (default: the measure and the subjects); wrapped, never clipped.
    kind : {"auto", "line", "bar"}, optional
        ``line``: the measure over periods; ``bar``: a comparison across subjects; ``auto`` (default): bars
        when every point covers the same period, else lines.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    QueryError
        No points, several units, an unknown ``fmt``/``kind``, or an extension that names no format.
    NevkgError
        PNG asked for and Chromium missing or failing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = Point("x", "Geely", "sales volume", "2026-02-01", "2026-02-28", 117000, "vehicles")
    >>> out = render_chart([p], pathlib.Path(tempfile.mkdtemp()) / "c.svg")
    >>> out.read_text(encoding="utf-8").startswith("<svg")
    True
    """
    from nevkg.queries.viz.page import fill, write_atomic

    fmt = format_for(out_path, fmt)
    svg = chart_svg(points, title=title, kind=kind)
    m = re.search(r'width="(\d+)" height="(\d+)"', svg)
    width, height = (int(m.group(1)), int(m.group(2))) if m else (960, 600)
    page = fill(_PAGE, {"TITLE": esc(title or "nevkg chart"), "SVG": svg})
    out = Path(out_path)
    if fmt == "png":
        return _png(page, out, width, height)
    return write_atomic(out, svg + "\n" if fmt == "svg" else page)
