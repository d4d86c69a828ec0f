"""The figures to chart: the observations of one measure for some subjects, read by SPARQL with bound terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nevkg.errors import ParameterError

__all__ = ["Point", "series", "span"]

@dataclass(frozen=True)
class Point:
    """One observed figure, with its qualifiers and sources."""

    subject: str
    subject_label: str
    measure: str
    period_start: str
    period_end: str
    value: float
    unit: str = ""
    scope: str = ""
    bound: str = ""
    approximate: bool = False
    source_title: str = ""
    source_date: str = ""
    source_publisher: str = ""
    source_id: str = ""
    observation: str = ""
    sources: tuple[tuple[str, str, str, str], ...] = field(default=())
    """Every source as ``(id, title, date, publisher)``; the ``source_*`` fields name the first."""

    @property
    def series_key(self) -> tuple[str, str]:
        return (self.subject, self.scope)

    @property
    def series_label(self) -> str:
        return self.subject_label + (f" — {self.scope}" if self.scope else "")

    @property
    def qualifier(self) -> str:
        """``"≥"``, ``"≤"``, ``"≈"`` (or ``"≈≥"``) or ``""``."""
        mark = {"lower": "≥", "upper": "≤"}.get(self.bound, "")
        return ("≈" if self.approximate else "") + mark


_SERIES_QUERY = """
SELECT DISTINCT ?obs ?subject ?subjectLabel ?measure ?measureLabel ?scope ?scopeLabel ?unit ?unitLabel
       ?start ?end ?value ?bound ?approx ?src ?title ?issued ?publisher WHERE {
  ?obs a nev:Observation ; nev:measure ?measure ; nev:subject ?subject ; nev:value ?value .
  OPTIONAL { ?subject rdfs:label ?subjectLabel }
  OPTIONAL { ?measure rdfs:label ?measureLabel }
  @SCOPE@
  @UNIT@
  OPTIONAL { ?obs nev:periodStart ?start }
  OPTIONAL { ?obs nev:periodEnd ?end }
  OPTIONAL { ?obs nev:bound ?bound }
  OPTIONAL { ?obs nev:approximate ?approx }
  OPTIONAL { ?obs prov:wasDerivedFrom ?src .
             OPTIONAL { ?src dcterms:title ?title }
             OPTIONAL { ?src dcterms:issued ?issued }
             OPTIONAL { ?src dcterms:publisher/rdfs:label ?publisher } }
}"""
_OPTIONAL_SCOPE = "OPTIONAL { ?obs nev:productScope ?scope . OPTIONAL { ?scope rdfs:label ?scopeLabel } }"
_REQUIRED_SCOPE = "?obs nev:productScope ?scope . OPTIONAL { ?scope rdfs:label ?scopeLabel }"
_OPTIONAL_UNIT = "OPTIONAL { ?obs nev:unit ?unit . OPTIONAL { ?unit rdfs:label ?unitLabel } }"
_REQUIRED_UNIT = "?obs nev:unit ?unit . OPTIONAL { ?unit rdfs:label ?unitLabel }"


def _parse_period(text: str) -> tuple[date, date]:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END`` → the first and last day covered."""
    parts = str(text).split("/")
    if len(parts) > 2:
        raise ParameterError(f"'{text}' is not a period; write YYYY, YYYY-MM, YYYY-MM-DD or START/END")
    first, _ = span(parts[0])
    _, last = span(parts[-1])
    return first, last


def span(text: str) -> tuple[date, date]:
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*", text)
    if not m:
        raise ParameterError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        start = date(y, int(mo), 1)
        nxt = date(y + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    day = date(y, int(mo), int(d))
    return day, day


def series(kg, measure: str, subjects: str | Iterable[str], *, scope: str | None = None, unit: str | None = None,
           period: str | None = None) -> list[Point]:
    """The observed values of one measure for one or more subjects, oldest first.

    Parameters
    ----------
    kg : KnowledgeGraph
    measure : str
        The measure (label, id or IRI of a ``nev:Measure``): ``"export volume"``, ``"sales-volume"``.
    subjects : str or iterable of str
        Who or where the figures are about (names, ids or IRIs; a string may list several, comma-separated).
    scope : str, optional
        Only figures for this product scope (``"new energy vehicles"``, ``"nev"``).
    unit : str, optional
        Only figures in this unit (``"vehicles"``, ``"percent"``).
    period : str, optional
        Only figures whose period lies within this one: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``.

    Returns
    -------
    list of Point
        One point per observation (its sources listed in ``sources``, the first also in the ``source_*``
        fields), ordered by period, then subject and scope.

    Raises
    ------
    UnknownNameError, AmbiguousNameError
        A name names nothing, or several things.
    ParameterError
        A bad period.

    Examples
    --------
    >>> import nevkg
    >>> kg = nevkg.build("memory")
    >>> pts = series(kg, "export volume", "China", scope="nev")
    >>> [(p.period_start, p.period_end, p.value, p.unit) for p in pts]
    [('2026-01-01', '2026-02-28', 583000, 'vehicles')]
    >>> pts[0].source_title
    "NEVs become important driver for China's auto export growth"
    >>> [(p.value, p.qualifier) for p in series(kg, "export volume", "China", scope="all vehicles", period="2024")]
    [(6400000, '≥'), (6410000, '≈')]
    """
    from nevkg.queries.resolve import resolve

    measure_iri = resolve(kg, measure, kinds={"Measure"}, what="measure")
    names = [s.strip() for s in subjects.split(",")] if isinstance(subjects, str) else [str(s) for s in subjects]
    names = [n for n in names if n]
    if not names:
        raise ParameterError("name at least one subject")
    bindings: dict[str, Any] = {"measure": measure_iri}
    if scope is not None:
        bindings["scope"] = resolve(kg, scope, kinds={"ProductScope"}, what="product scope")
    if unit is not None:
        bindings["unit"] = resolve(kg, unit, kinds={"Unit"}, what="unit")
    within = _parse_period(period) if period else None
    text = _SERIES_QUERY.replace("@SCOPE@", _REQUIRED_SCOPE if scope is not None else _OPTIONAL_SCOPE) \
                        .replace("@UNIT@", _REQUIRED_UNIT if unit is not None else _OPTIONAL_UNIT)
    from nevkg.graph.project_terms import scalar, source_id

    grouped: dict[str, dict[str, Any]] = {}
    for name in names:
        subject = resolve(kg, name)
        for r in kg.query(text, {**bindings, "subject": subject}):
            key = str(r.obs)
            entry = grouped.get(key)
            if entry is None:
                value = scalar(r.value)
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    continue
                entry = grouped[key] = {
                    "subject": str(r.subject), "subject_label": str(r.subjectLabel or r.subject),
                    "measure": str(r.measureLabel or r.measure), "period_start": str(r.start or ""),
                    "period_end": str(r.end or r.start or ""), "value": value,
                    "unit": str(r.unitLabel or r.unit or ""), "scope": str(r.scopeLabel or r.scope or ""),
                    "bound": str(r.bound or ""), "approximate": str(r.approx or "").lower() in ("true", "1"),
                    "observation": key, "sources": {}}
            if r.src is not None:
                sid = source_id(r.src)
                entry["sources"].setdefault(sid, (sid, str(r.title or ""), str(r.issued or ""),
                                                  str(r.publisher or "")))
    points = []
    for entry in grouped.values():
        srcs = tuple(sorted(entry.pop("sources").values(), key=lambda s: (s[2], s[0])))
        first = srcs[0] if srcs else ("", "", "", "")
        point = Point(**entry, sources=srcs, source_id=first[0], source_title=first[1], source_date=first[2],
                      source_publisher=first[3])
        if within is not None:
            try:
                start, end = span(point.period_start)[0], span(point.period_end)[1]
            except ParameterError:
                continue
            if start < within[0] or end > within[1]:
                continue
        points.append(point)
    points.sort(key=lambda p: (p.period_start, p.period_end, p.subject_label, p.scope, p.value, p.observation))
    return points

