"""Statistics as pictures: the observations of one measure for some subjects, drawn as an offline SVG chart.

* :func:`series` (``data.py``) reads the data points by SPARQL, with the measure, subject, scope and unit bound
  as RDF terms (never pasted into the query text).
* :func:`chart_svg` (``draw.py``) draws them without any JavaScript library: a measure over periods for one or
  more subjects (one line of markers per subject and scope; each value sits at the middle of its period with a
  whisker spanning the period), or, when every value covers the same period, a comparison across subjects
  (bars). Periods of different lengths (whole years beside January–February) never share an axis: each length
  gets its own panel, titled with it. Titles and notes wrap rather than run off the edge. Every value is
  labelled with its figure and a footnote number that names its source (publisher, date, title) under the
  chart. Vague figures are drawn as such: a lower bound ("more than 40 %") as an open upward triangle labelled
  ``≥``, an upper bound as an open downward triangle labelled ``≤``, an approximate figure ("nearly 130,000") as
  a hollow circle labelled ``≈``; an exact one as a filled circle.
* :func:`render_chart` (``output.py``) writes SVG, a small HTML page with the SVG inline, or PNG (a screenshot
  by headless Chromium); the format follows the file's extension, and an extension that names none is an error.
"""

from nevkg.queries.chart.data import Point, series
from nevkg.queries.chart.draw import chart_svg
from nevkg.queries.chart.output import CHROMIUM_ARGS, FORMATS, format_for, render_chart

__all__ = ["Point", "series", "render_chart", "chart_svg", "format_for", "FORMATS", "CHROMIUM_ARGS"]
