"""The ``curated`` loader: YAML records (``nevkg/data/*.yaml``) → quads in one named graph per source.

Every problem in every file is collected (unknown keys, wrong types, missing or dangling references,
duplicate ids, malformed YAML) and raised together in one :class:`~nevkg.errors.LoaderError`, each naming
the file, line, record id and field.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.errors import LoaderError, RecordError
from nevkg.loaders.base import LoadResult
from nevkg.loaders.records import DATE_RE, RECORD_FILES, Observation, Source
from nevkg.loaders.yamlio import LINE_KEY, read_records, unread_files, warn_unread
from nevkg.ontology.classes import with_superclass_types
from nevkg.ontology.namespaces import NEV, PREFIXES, PROV, QB, RDF, RDFS, XSD, entity_iri, graph_iri, source_iri

__all__ = ["CuratedLoader", "ParsedRecord", "parse_records", "records_to_quads", "curie", "vocab_term",
           "DEFAULT_DATA_DIR", "CURATED_DATASET"]

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: the qb:DataSet every curated observation belongs to
CURATED_DATASET = entity_iri("dataset-curated-statistics")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class ParsedRecord:
    """A validated record with where it came from."""

    kind: str
    record: BaseModel
    file: str
    line: int

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}#{self.record.id}"


def curie(text: str) -> URIRef:
    """Expand a CURIE over the project's prefixes.

    >>> str(curie("prov:wasDerivedFrom"))
    'http://www.w3.org/ns/prov#wasDerivedFrom'
    """
    prefix, local = text.split(":", 1)
    return URIRef(str(PREFIXES[prefix]) + local)


def vocab_term(prefix: str, value: str) -> URIRef:
    """The ontology individual for an enumerated value: ``("status-", "operating")`` → ``nev:StatusOperating``.

    >>> vocab_term("", "joint-venture").n3()
    '<https://w3id.org/nevkg/ontology#JointVenture>'
    """
    return NEV["".join(part.capitalize() for part in (prefix + value).split("-"))]


def _date_literal(value: str, expand: str | None = None) -> Literal:
    """``YYYY`` → xsd:gYear, ``YYYY-MM`` → xsd:gYearMonth, ``YYYY-MM-DD`` → xsd:date.

    With ``expand='start'``/``'end'`` a partial date becomes the first/last day of its year or month.
    """
    parts = value.split("-")
    if expand and len(parts) < 3:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) == 2 else (1 if expand == "start" else 12)
        day = 1 if expand == "start" else calendar.monthrange(year, month)[1]
        return Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)
    datatype = {1: XSD.gYear, 2: XSD.gYearMonth, 3: XSD.date}[len(parts)]
    return Literal(value, datatype=datatype)


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


def _literal(value: Any, extra: dict[str, Any], field_name: str) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, Decimal):
        return Literal(canonical_decimal(value), datatype=XSD.decimal)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    datatype = extra.get("datatype")
    if datatype:
        return Literal(value, datatype=curie(datatype))
    if isinstance(value, str) and DATE_RE.match(value) and field_name not in {"label", "title"}:
        expand = "start" if field_name.endswith("_start") else "end" if field_name.endswith("_end") else None
        return _date_literal(value, expand)
    if isinstance(value, str) and _CJK.search(value):
        return Literal(value, lang="zh")
    return Literal(value)


def _strip_lines(value: Any) -> Any:
    """Drop the line markers the YAML reader adds to every mapping, at any depth."""
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def parse_records(dirs: list[Path]) -> list[ParsedRecord]:
    """Read and check every record file in ``dirs`` (later folders may add records, never redefine ids).

    Raises
    ------
    LoaderError
        With every problem found, each a :class:`~nevkg.errors.RecordError`.
    """
    problems: list[RecordError] = []
    parsed: list[ParsedRecord] = []
    failed: set[str] = set()  # ids of records that failed their schema: not reported again as dangling
    unreadable = False  # a file that does not parse hides its ids: references are checked once all files parse
    for folder in dirs:
        if not folder.is_dir():
            raise LoaderError(f"{folder}: not a folder of curated records; give a folder holding *.yaml files")
        stray, ignored = unread_files(folder, {f"{name}.yaml" for name in RECORD_FILES})
        problems += stray
        warn_unread(folder, ignored)
        for name, schema in RECORD_FILES.items():
            path = folder / f"{name}.yaml"
            if not path.exists() and not path.is_symlink():
                continue
            try:
                raws = read_records(path)
            except RecordError as exc:
                problems.append(exc)
                unreadable = True
                continue
            for raw in raws:
                line = raw.get(LINE_KEY, 0)
                body = _strip_lines(raw)
                try:
                    parsed.append(ParsedRecord(name, schema.model_validate(body), str(path), line))
                except PydanticError as exc:
                    failed.add(str(body.get("id")))
                    for err in exc.errors():
                        loc = ".".join(str(x) for x in err["loc"])
                        msg = err["msg"]
                        if err["type"] == "extra_forbidden":
                            allowed = ", ".join(f for f in schema.model_fields)
                            msg = f"unknown field; the fields of {name} records are: {allowed}"
                        elif err["type"] == "missing":
                            msg = "required field is missing"
                        problems.append(RecordError(msg, file=str(path), line=line,
                                                    record=str(body.get("id", "?")), field=loc or None))
    if not unreadable:
        problems.extend(_check_references(parsed, failed))
    if problems:
        raise LoaderError(f"{len(problems)} problem(s) in the curated records", problems)
    return parsed


def _references(record: BaseModel):
    """Yield ``(field, target_id, allowed_kinds)`` for every reference in a record, nested targets included."""
    for name, info in type(record).model_fields.items():
        extra = info.json_schema_extra or {}
        value = getattr(record, name)
        if "ref" in extra and value:
            for target in value if isinstance(value, list) else [value]:
                yield name, target, extra["ref"]
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for i, nested in enumerate(value):
                for sub, target, kinds in _references(nested):
                    yield f"{name}.{i}.{sub}", target, kinds


def _check_references(parsed: list[ParsedRecord], failed: set[str]) -> list[RecordError]:
    problems: list[RecordError] = []
    index: dict[str, ParsedRecord] = {}
    for pr in parsed:
        other = index.get(pr.record.id)
        if other is not None:
            problems.append(RecordError(
                f"duplicate id; also used at {other.file}:{other.line} ({other.kind}); ids are unique across kinds",
                file=pr.file, line=pr.line, record=pr.record.id, field="id"))
            continue
        index[pr.record.id] = pr
    for pr in parsed:
        for field, target, kinds in _references(pr.record):
            hit = index.get(target)
            if hit is None and target in failed:
                continue
            if hit is None:
                problems.append(RecordError(
                    f"'{target}' is not the id of any record; add it (with its sources) or fix the id",
                    file=pr.file, line=pr.line, record=pr.record.id, field=field))
            elif kinds and hit.kind not in kinds:
                problems.append(RecordError(
                    f"'{target}' is a {hit.kind} record, but this field takes {' or '.join(kinds)}",
                    file=pr.file, line=pr.line, record=pr.record.id, field=field))
    return problems


def _iri(target: str, index: dict[str, str]) -> URIRef:
    return source_iri(target) if index.get(target) == "sources" else entity_iri(target)


def _emit(subject: URIRef, record: BaseModel, index: dict[str, str], out: list[tuple], skip: set[str]) -> None:
    """Triples (as ``(s, p, o)``) of one record's declared fields."""
    for name, info in type(record).model_fields.items():
        extra = info.json_schema_extra or {}
        if name in skip or "rdf" not in extra:
            continue
        value = getattr(record, name)
        if value is None or value is False or value == []:
            continue
        pred = curie(extra["rdf"])
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):  # a nested record: its own IRI, typed as it declares, cited like its parent
                n = value.index(item) + 1
                node = entity_iri(f"{record.id}-{name.rstrip('s')}-{n}")
                out.append((subject, pred, node))
                out.extend((node, RDF.type, curie(t)) for t in type(item).RDF_TYPES)
                out.append((node, RDFS.label, Literal(f"{type(item).NOUN} {n} of {record.label}")))
                for src in record.sources:
                    out.append((node, PROV.wasDerivedFrom, source_iri(src)))
                _emit(node, item, index, out, skip=set())
            elif "ref" in extra:
                out.append((subject, pred, _iri(item, index)))
            elif "vocab" in extra:
                out.append((subject, pred, vocab_term(extra["vocab"], item)))
            else:
                out.append((subject, pred, _literal(item, extra, name)))


def _observation_label(rec: Observation, labels: dict[str, str]) -> str:
    period = rec.period_start if rec.period_start == rec.period_end else f"{rec.period_start}/{rec.period_end}"
    where = f" to {labels[rec.destination]}" if rec.destination else ""
    return f"{labels[rec.measure]} of {labels[rec.subject]}{where}, {period}"


def records_to_quads(parsed: list[ParsedRecord]) -> LoadResult:
    """Turn checked records into quads: each record's triples go into the graph of each of its sources.

    Source records and the metadata of each source graph go into the default graph.
    """
    index = {pr.record.id: pr.kind for pr in parsed}
    labels = {pr.record.id: pr.record.label for pr in parsed}
    result = LoadResult()
    default = DATASET_DEFAULT_GRAPH_ID
    for pr in parsed:
        rec = pr.record
        subject = _iri(rec.id, index)
        result.origins[str(subject)] = pr.origin
        triples: list[tuple] = []
        for t in type(rec).RDF_TYPES:
            triples.append((subject, RDF.type, curie(t)))
        kind_class = type(rec).KIND_CLASSES.get(getattr(rec, "kind", None) or "")
        if kind_class:
            triples.append((subject, RDF.type, curie(kind_class)))
        _emit(subject, rec, index, triples, skip=set())
        triples = with_superclass_types(triples)
        if isinstance(rec, Source):
            triples.append((subject, RDFS.label, Literal(rec.title)))
            result.quads.extend((s, p, o, default) for s, p, o in triples)
            g = graph_iri(rec.id)
            result.quads.append((g, RDF.type, PROV.Entity, default))
            result.quads.append((g, RDF.type, NEV.SourceGraph, default))
            result.quads.append((g, RDFS.label, Literal(f"what '{rec.title}' states"), default))
            result.quads.append((g, PROV.wasDerivedFrom, subject, default))
            result.sources.append(str(subject))
            continue
        if isinstance(rec, Observation):
            triples.append((subject, QB.dataSet, CURATED_DATASET))
            if rec.label is None:
                triples.append((subject, RDFS.label, Literal(_observation_label(rec, labels))))
        for src in rec.sources:
            g = graph_iri(src)
            result.quads.extend((s, p, o, g) for s, p, o in triples)
    if any(pr.kind == "observations" for pr in parsed):
        result.quads.append((CURATED_DATASET, RDF.type, QB.DataSet, default))
        result.quads.append((CURATED_DATASET, RDFS.label, Literal("statistics in the curated records"), default))
    # blank nodes are never minted: every node has an IRI, so graphs compare and merge across stores
    assert not any(isinstance(term, BNode) for q in result.quads for term in q)
    return result


class CuratedLoader:
    """Load folders of curated YAML records.

    Examples
    --------
    >>> result = CuratedLoader().load([DEFAULT_DATA_DIR])
    >>> len(result.quads) > 100
    True
    """

    name = "curated"

    def load(self, paths: list[Path]) -> LoadResult:
        """Parse, check and convert every record in the given folders (see :func:`parse_records`)."""
        return records_to_quads(parse_records(paths))
