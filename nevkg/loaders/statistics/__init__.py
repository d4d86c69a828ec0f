"""The ``statistics`` loader: trade tables (CSV) streamed into the store as Data Cube observations.

Two layouts, told apart by the header (column order is free, unknown columns are ignored):

* **UN Comtrade** bulk CSV (or tab-separated) as its users download it: ``refYear, refMonth, period,
  reporterCode, reporterISO, reporterDesc, flowCode, partnerCode, partnerISO, partnerDesc, cmdCode, cmdDesc,
  qtyUnitAbbr, qty, netWgt, primaryValue, fobvalue, cifvalue, isQtyEstimated`` … Reporter and partner are
  read from ``reporterISO``/``partnerISO`` (ISO 3166 alpha-3): ``reporterCode``/``partnerCode`` are Comtrade's
  own numbers (842 is the USA, 251 France), not ISO numeric. ``W00`` is the World; Comtrade's area codes
  (``_X`` areas not elsewhere specified, ``EUR``, ``S19`` other Asia n.e.s., ``X1`` …) become regions.
  Each row gives one observation of the flow's value measure (``primaryValue``, USD) and, when ``qty`` is
  given in a count unit (``u``, ``1000u``), one of its volume measure (vehicles). Flows: ``X`` export,
  ``M`` import, ``RX`` re-export, ``RM`` re-import; the flow is kept as ``nev:tradeFlow`` (``nev:FlowExports``
  or ``nev:FlowImports``).
* **nevkg plain** layout for figures gathered by hand: ``subject, measure, destination, product, period_start,
  period_end, value, unit, currency, qualifier, source``. ``subject``/``destination`` are ids of curated
  records or ISO 3166 codes; ``measure`` and ``unit`` are concept ids (``currency``, an ISO 4217 code, stands
  in for an empty ``unit``); ``product`` an HS code or a product-scope id; ``qualifier`` one of approximate,
  lower, upper, estimate, forecast, preliminary, target; ``source`` the id of a source record the figure
  was taken from.

Mapping: observations are ``nev:Observation`` (⊑ ``qb:Observation``) in one ``qb:DataSet`` per file, with
``nev:measure``, ``nev:subject``, ``nev:destination``, ``nev:productScope``, ``nev:periodStart``/``End``
(``xsd:date``), ``nev:value`` (``xsd:decimal``), ``nev:unit``, ``nev:observationStatus`` and
``prov:wasDerivedFrom`` the table. HS codes are the curated product-scope concepts with that
``skos:notation`` where the records have one (``nevid:hs-870380``, ``nevid:cn-8703801090``); other
codes become SKOS concepts ``nevid:hs-<code>`` in the ``nevid:hs`` scheme, labelled from the
product-code notes of the reference (8703.80 battery-electric, 8703.40/.50 hybrids, 8703.60/.70
plug-in hybrids …), with ``skos:broader`` up the HS tree. HS 6-digit codes get ``skos:broadMatch`` to
the curated product scopes they fall under (``ev``, ``nev`` …; the headline check uses it). Countries
are the curated places with that ISO code (``DEU`` → ``nevid:germany``); others are minted as
``nevid:country-<alpha-2>`` typed ``nev:Country``, labelled from ISO 3166 (pycountry).

Each file is one source (a sidecar ``<file>.source.yaml`` as for RDF files, else the file's name and date
and an unknown publisher, with a warning) and one named graph ``nevg:table-<slug>``. Observation IRIs are a
hash of the file slug and the row's key (reporter, partner, flow, product, period, measure …), so the
same row of the same file always gets the same IRI.

Streaming: rows are read with :mod:`csv` one at a time and turned straight into :class:`pyoxigraph.Quad`
objects (no rdflib terms), handed on in chunks of ``chunk_size`` quads; memory stays bounded by the chunk
whatever the file size. The build feeds the chunks to ``Store.bulk_extend``. SHACL is **not** run over the
streamed observations: pyshacl works on an in-memory rdflib graph (millions of observations would need
gigabytes and hours); instead every row is checked here, field by field, against what the
observation shape requires (one decimal value, one unit and measure concept, one subject, an ``xsd:date``
period whose start is not after its end, a data set, a source).

With a ``sink`` (the build passes its :class:`~nevkg.graph.columnar.ColumnarWriter`), every observation is
also handed on as one row, and the quads closing each table as terms: the build's columnar copy, from which
the trade queries are answered. A row's observations reach the sink only when the whole row is good.

The package: :mod:`~.vocab` (IRIs, HS codes, flows, measures), :mod:`~.context` (what a table is loaded
against, what loading it did), :mod:`~.cells` (reading the file, its layout and cells), :mod:`~.rows`
(rows → quads), :mod:`~.concepts` (the quads closing a table) and :mod:`~.loader` (streaming).

A bad row (a missing column, a non-numeric or negative trade value, an unknown code, a bad period) raises
:class:`~nevkg.errors.LoaderError` naming the file and line; with ``skip_bad_rows=True`` it is skipped,
counted and the first few are reported (see :class:`TableReport`). A quote that opens a field running over
several lines is reported at the line where it opens, and every line it swallowed counts as a skipped row.
A damaged file (a truncated gzip stream, bytes that are not UTF-8, a cell over 128 kB) stops the load with
its file and line, skip or not.
"""

from __future__ import annotations

from nevkg.loaders.statistics.cells import detect_layout
from nevkg.loaders.statistics.context import TableContext, TableReport
from nevkg.loaders.statistics.loader import StatisticsLoader, to_rdflib
from nevkg.loaders.statistics.vocab import COMTRADE_COLUMNS, HS_CODES, HS_SCOPES, PLAIN_COLUMNS, table_graph, table_slug

__all__ = ["StatisticsLoader", "TableContext", "TableReport", "HS_CODES", "HS_SCOPES", "table_slug",
           "table_graph", "detect_layout", "to_rdflib", "COMTRADE_COLUMNS", "PLAIN_COLUMNS"]
