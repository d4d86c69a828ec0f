"""Field values as RDF literals: one datatype per property (issue 14).

Dates become ``xsd:date`` whatever precision they were stated in — a partial ``YYYY`` or ``YYYY-MM`` stands for
its first day, or its last for ends and deadlines — and the stated precision is recorded beside them with
``nev:<property>Precision``. Integral numbers become ``xsd:integer`` (so ``nev:value 1200`` matches), other
numbers canonical ``xsd:decimal``.
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef

from nevkg.loaders.records import DATE_RE
from nevkg.ontology.namespaces import DCTERMS, NEV, PREFIXES, TIME, XSD  # noqa: F401 - DCTERMS: in a doctest

__all__ = ["PRECISION_UNITS", "END_FIELDS", "date_literal", "precision_predicate", "date_precision",
           "canonical_decimal", "field_literal", "is_date"]

_CJK = re.compile(r"[\u3400-\u9fff]")


#: how precisely a date was stated → the OWL-Time unit recorded with ``nev:<property>Precision``
PRECISION_UNITS = {1: TIME.unitYear, 2: TIME.unitMonth, 3: TIME.unitDay}
#: fields whose partial dates stand for the *last* day of the year or month (ends, deadlines); every other
#: partial date stands for its first day
END_FIELDS = frozenset({"end", "period_end", "by"})


def date_literal(value: str, expand: str | None = None) -> Literal:
    """Any stated date as an ``xsd:date`` that typed comparisons can use.

    ``YYYY-MM-DD`` stays as it is; a partial ``YYYY`` or ``YYYY-MM`` becomes the first day of its year or month,
    or the last with ``expand='end'``. The stated precision is kept beside it (see :func:`date_precision`).

    >>> date_literal("2026").n3(), date_literal("2024-02", "end").n3()
    ('"2026-01-01"^^<http://www.w3.org/2001/XMLSchema#date>', '"2024-02-29"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    parts = value.split("-")
    if len(parts) < 3:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) == 2 else (12 if expand == "end" else 1)
        day = calendar.monthrange(year, month)[1] if expand == "end" else 1
        return Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)
    return Literal(value, datatype=XSD.date)


def precision_predicate(pred: URIRef) -> URIRef:
    """The property that records how precisely a date property's value was stated.

    >>> precision_predicate(NEV.startDate).n3(), precision_predicate(DCTERMS.issued).n3()
    ('<https://w3id.org/nevkg/ontology#startDatePrecision>', '<https://w3id.org/nevkg/ontology#issuedPrecision>')
    """
    return NEV[str(pred).rsplit("#", 1)[-1].rsplit("/", 1)[-1] + "Precision"]


def date_precision(value: str) -> URIRef:
    """``time:unitYear``, ``time:unitMonth`` or ``time:unitDay`` for a stated ``YYYY[-MM[-DD]]``.

    >>> date_precision("2025-03").n3()
    '<http://www.w3.org/2006/time#unitMonth>'
    """
    return PRECISION_UNITS[len(value.split("-"))]


def canonical_decimal(value: Decimal) -> str:
    """The canonical ``xsd:decimal`` lexical form (XSD 1.1): no exponent, no trailing zeros, no point for integers.

    Every store then returns the same text for a figure (oxigraph canonicalises, rdflib keeps what it was given).

    Examples
    --------
    >>> [canonical_decimal(Decimal(x)) for x in ("17.0", "35.30", "1E+2", "-0.0", "0.5")]
    ['17', '35.3', '100', '0', '0.5']
    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def field_literal(value: Any, extra: dict[str, Any], field_name: str) -> Literal:
    """One field value as a literal: integral numbers as ``xsd:integer`` (so ``nev:value 1200`` matches), other
    numbers as canonical ``xsd:decimal``, dates as ``xsd:date``, Chinese text tagged ``zh``."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return Literal(int(value), datatype=XSD.integer)
        return Literal(canonical_decimal(value), datatype=XSD.decimal)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    datatype = extra.get("datatype")
    if datatype:
        prefix, local = datatype.split(":", 1)
        return Literal(value, datatype=URIRef(str(PREFIXES[prefix]) + local))
    if is_date(value, field_name):
        return date_literal(value, "end" if field_name in END_FIELDS else None)
    if isinstance(value, str) and _CJK.search(value):
        return Literal(value, lang="zh")
    return Literal(value)


def is_date(value: Any, field_name: str) -> bool:
    return isinstance(value, str) and bool(DATE_RE.match(value)) and field_name not in {"label", "title", "notation"}
