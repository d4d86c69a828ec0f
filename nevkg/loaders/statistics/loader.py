"""The :class:`StatisticsLoader`: tables streamed chunk by chunk (or loaded whole as rdflib quads)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from nevkg.errors import LoaderError, RecordError
from nevkg.loaders.base import LoadResult
from nevkg.loaders.statistics.cells import (
    _BadRow,
    _chain_first,
    _draw,
    _norm,
    _open_text,
    detect_layout,
    read_line,
    records,
    spanned,
)
from nevkg.loaders.statistics.context import TableContext, TableReport
from nevkg.loaders.statistics.rows import RowBuilder
from nevkg.loaders.statistics.vocab import _PLAIN_ALIASES, XSD

__all__ = ["StatisticsLoader", "to_rdflib"]


class StatisticsLoader:
    """Stream trade tables (CSV) into quads; see the module docstring.

    Parameters
    ----------
    context : TableContext, optional
        What the rest of the build knows (places, concepts, sources); default: the shipped records.
    skip_bad_rows : bool
        Skip and count bad rows instead of stopping at the first.
    chunk_size : int
        Quads per chunk handed to the store.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,qtyUnitAbbr,qty\\n"
    ...                  "202401,CHN,DEU,X,870380,2000000,u,80\\n")
    >>> loader = StatisticsLoader()
    >>> r = loader.load([p])
    >>> loader.reports[0].observations
    2
    """

    name = "statistics"
    #: the build streams this loader's files straight into the store instead of holding them in memory
    streaming = True

    def __init__(self, context: TableContext | None = None, *, skip_bad_rows: bool = False,
                 chunk_size: int = 100_000, progress: bool | None = None, sink=None) -> None:
        self._context = context
        #: also hand every observation to ``sink.add_observation(...)`` and the quads closing each table to
        #: ``sink.add_terms(...)`` (the build's :class:`~nevkg.graph.columnar.ColumnarWriter`)
        self.sink = sink
        self.skip_bad_rows = skip_bad_rows
        self.chunk_size = chunk_size
        self.progress = sys.stderr.isatty() if progress is None else progress
        self.reports: list[TableReport] = []

    @property
    def context(self) -> TableContext:
        if self._context is None:
            self._context = TableContext.shipped()
        return self._context

    # -- the Loader protocol: rdflib quads in memory (small tables, the memory and sparql stores) -------------
    def load(self, paths: list[Path]) -> LoadResult:
        """Load whole tables as rdflib quads (for small files; the build streams big ones instead)."""
        result = LoadResult()
        for path in paths:
            for chunk in self.stream(Path(path)):
                result.quads += to_rdflib(chunk)
            result.sources.append(self.reports[-1].source)
            result.origins[self.reports[-1].graph] = str(path)
        return result

    def load_into(self, store, paths: list[Path]) -> list[TableReport]:
        """Stream tables into a :class:`pyoxigraph.Store` with ``bulk_extend``, chunk by chunk."""
        reports = []
        for path in paths:
            for chunk in self.stream(Path(path)):
                store.bulk_extend(chunk)
            reports.append(self.reports[-1])
        return reports

    @staticmethod
    def _row(row: list[str], index: dict, header: list[str], row_fn, out: list, builder: RowBuilder) -> None:
        """One row's quads onto ``out``: all of them, or (on :class:`_BadRow`) none."""
        if len(row) < len(header):
            raise _BadRow(f"the row has {len(row)} of the header's {len(header)} columns "
                          f"(column '{header[len(row)]}' and later are missing)")
        mark, counted = len(out), builder.report.observations
        try:
            row_fn(row, index, out)
        except _BadRow:  # e.g. a good value and a bad quantity: the value's observation goes too
            del out[mark:]
            builder.report.observations = counted
            builder.pending.clear()
            raise
        if builder.pending:
            for obs in builder.pending:
                builder.sink.add_observation(*obs)
            builder.pending.clear()

    # -- streaming -------------------------------------------------------------------------------------------
    def stream(self, path: Path) -> Iterator[list]:
        """Yield lists of :class:`pyoxigraph.Quad` for one table; its :class:`TableReport` is appended to
        :attr:`reports` when the table is done.

        Raises
        ------
        LoaderError
            On the first bad row (unless ``skip_bad_rows``), naming file and line; or when the file
            cannot be read or its header fits neither layout.
        """
        import pyoxigraph as ox

        path = Path(path)
        report = TableReport(str(path))
        self.reports.append(report)
        builder = RowBuilder(path, self.context, report, self.sink)
        buffer: list = []
        try:
            fh = _open_text(path)
        except OSError as exc:
            raise LoaderError(f"{path}: cannot read the table ({exc})") from exc
        with fh:
            sample = read_line(fh, path)
            delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
            reader = csv.reader(_chain_first(sample, fh), delimiter=delimiter)
            rows = records(reader, path)
            try:
                header = [h.strip() for h in next(rows)[2]]
            except StopIteration:
                raise LoaderError(f"{path}: the table is empty; it needs a header row") from None
            try:
                report.layout = detect_layout(header)
            except _BadRow as exc:
                raise LoaderError("unreadable table", [RecordError(str(exc), file=str(path), line=1)]) from None
            row_fn = builder.comtrade_row if report.layout == "comtrade" else builder.plain_row
            if report.layout == "plain":
                header = [_PLAIN_ALIASES.get(_norm(h), _norm(h)) for h in header]
            index = {name: i for i, name in enumerate(header)}
            size = path.stat().st_size if path.suffix != ".gz" else 0
            shown = 0
            for start, end, row in rows:
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                try:
                    if end > start and any("\n" in cell or "\r" in cell for cell in row):
                        try:
                            self._row(row, index, header, row_fn, buffer, builder)
                        except _BadRow:  # a stray quote swallowed the lines up to the one closing it
                            raise _Spanned(*spanned(start, end, row, delimiter)) from None
                    else:
                        self._row(row, index, header, row_fn, buffer, builder)
                    report.rows += 1
                except (_BadRow, _Spanned) as exc:
                    lost = exc.lost if isinstance(exc, _Spanned) else 1
                    problem = RecordError(str(exc), file=str(path), line=start)
                    if not self.skip_bad_rows:
                        raise LoaderError(f"bad row in {path.name}; nothing was loaded (use --skip-bad-rows to "
                                          "skip bad rows and count them)", [problem]) from None
                    report.skipped += lost
                    if len(report.problems) < 20:
                        report.problems.append(problem)
                if len(buffer) >= self.chunk_size:
                    report.quads += len(buffer)
                    yield buffer
                    buffer = []
                    if self.progress and size:
                        shown = _draw(path.name, fh, size, shown)
            closing = builder.closing_quads()
            if self.sink is not None:
                self.sink.add_terms((q.subject.value, q.predicate.value, q.object.value,
                                     None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value)
                                    for q in closing)
            buffer += closing
            report.quads += len(buffer)
            yield buffer
            if self.progress and shown:
                sys.stderr.write("\n")
        if report.skipped:
            print(f"warning: {path}: skipped {report.skipped} bad row(s); first: {report.problems[0]}",
                  file=sys.stderr)



class _Spanned(Exception):
    """A bad record over several lines (a stray quote); ``lost`` is the number of table rows it swallowed."""

    def __init__(self, message: str, lost: int) -> None:
        super().__init__(message)
        self.lost = lost


def to_rdflib(quads: Iterable) -> list[tuple]:
    """pyoxigraph quads → rdflib quads (the default graph as rdflib's ``DATASET_DEFAULT_GRAPH_ID``; a
    ``xsd:string`` literal as a simple literal, as the curated loader writes it)."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    nodes: dict[str, URIRef] = {}

    def term(t):
        if isinstance(t, ox.NamedNode):
            node = nodes.get(t.value)
            if node is None:
                node = nodes[t.value] = URIRef(t.value)
            return node
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            dt = t.datatype.value
            return Literal(t.value) if dt == XSD + "string" else Literal(t.value, datatype=URIRef(dt))
        if isinstance(t, ox.DefaultGraph):
            return DATASET_DEFAULT_GRAPH_ID
        raise TypeError(f"unexpected term {t!r}")

    return [(term(q.subject), term(q.predicate), term(q.object), term(q.graph_name)) for q in quads]

