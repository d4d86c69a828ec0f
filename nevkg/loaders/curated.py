"""The ``curated`` loader: YAML records (``nevkg/data/*.yaml``) → quads in one named graph per source.

Every problem in every file is collected (unknown keys, wrong types, missing or dangling references,
duplicate ids, malformed YAML) and raised together in one :class:`~nevkg.errors.LoaderError`, each naming
the file, line, record id and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.errors import LoaderError, RecordError
from nevkg.home import SHIPPED_DATA_DIR
from nevkg.loaders.base import LoadResult
from nevkg.loaders.literals import (
    date_precision,
    field_literal,
    is_date,
    precision_predicate,
)
from nevkg.loaders.records import RECORD_FILES, Observation, Source
from nevkg.loaders.yamlio import LINE_KEY, read_records, unread_files, warn_unread
from nevkg.ontology.classes import with_superclass_types
from nevkg.ontology.namespaces import (
    NEV,
    PREFIXES,
    PROV,
    QB,
    RDF,
    RDFS,
    entity_iri,
    graph_iri,
    source_iri,
)

__all__ = ["CuratedLoader", "ParsedRecord", "parse_records", "records_to_quads", "curie", "vocab_term",
           "DEFAULT_DATA_DIR", "CURATED_DATASET"]

DEFAULT_DATA_DIR = SHIPPED_DATA_DIR
#: the qb:DataSet every curated observation belongs to
CURATED_DATASET = entity_iri("dataset-curated-statistics")


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


#: a statement: one triple and the key of the field it states (``None``: the record's identity — its types and
#: label —, which every source of the record states)
Stmt = tuple[tuple, str | None]


def _emit(subject: URIRef, record: BaseModel, index: dict[str, str], out: list[Stmt], key: str | None = None) -> None:
    """The statements of one record's declared fields.

    ``key`` is ``None`` for a top-level record (each field is its own key, ``field`` or ``field=value``); a
    nested record's statements all carry the key of the parent field that holds it.
    """
    for name, info in type(record).model_fields.items():
        extra = info.json_schema_extra or {}
        if "rdf" not in extra:
            continue
        value = getattr(record, name)
        if value is None or value is False or value == [] or value == {}:
            continue
        pred = curie(extra["rdf"])
        for item in value if isinstance(value, list) else [value]:
            k = key or (f"{name}={item}" if isinstance(value, list) and isinstance(item, str) else name)
            if isinstance(item, BaseModel):  # a nested record: its own IRI, typed as it declares, cited like its field
                n = value.index(item) + 1
                node = entity_iri(f"{record.id}-{name.rstrip('s')}-{n}")
                out.append(((subject, pred, node), k))
                out.extend(((node, RDF.type, curie(t)), k) for t in type(item).RDF_TYPES)
                out.append(((node, RDFS.label, Literal(f"{type(item).NOUN} {n} of {record.label}")), k))
                out.append(((node, PROV.wasDerivedFrom, None), k))  # filled in per source by _graphs_of
                _emit(node, item, index, out, key=k)
            elif "ref" in extra:
                out.append(((subject, pred, _iri(item, index)), k))
            elif "vocab" in extra:
                out.append(((subject, pred, vocab_term(extra["vocab"], item)), k))
            else:
                out.append(((subject, pred, field_literal(item, extra, name)), k))
                if is_date(item, name) and not extra.get("datatype"):
                    out.append(((subject, precision_predicate(pred), date_precision(item)), k))
    fields = type(record).model_fields
    inferred = list(getattr(record, "inferred", None) or [])
    if getattr(record, "period_inferred", False) or getattr(record, "date_inferred", False):
        # the older flags name no field: every date of the record was resolved from words like 'this year'
        inferred += [f for f in fields if f not in inferred and is_date(getattr(record, f), f)]
    if inferred:
        out.append(((subject, NEV.inferred, Literal(True)), key))
        out.extend(((subject, NEV.inferredProperty, curie(fields[f].json_schema_extra["rdf"])), key) for f in inferred)


def _with_superclasses(stmts: list[Stmt]) -> list[Stmt]:
    """Each ``rdf:type`` statement followed by the types of its superclasses, stated by the same sources."""
    out: list[Stmt] = []
    for triple, key in stmts:
        out.append((triple, key))
        if triple[1] == RDF.type:
            out.extend((t, key) for t in with_superclass_types([triple])[1:])
    return list(dict.fromkeys(out))


def _sources_of(rec: BaseModel, key: str | None) -> list[str]:
    """The sources that state the field ``key`` of a record (followthemoney's statement, DESIGN §7.9).

    In order: a field that names sources is stated by each source it names; a field a schema gives its own
    source list (``FIELD_SOURCES``) by that list; a field (or one value of it) in ``stated_by`` by those;
    anything else, the record's identity included, by every source of the record.
    """
    if key is None:
        return list(rec.sources)
    name, _, value = key.partition("=")
    info = type(rec).model_fields.get(name)
    if info is not None and (info.json_schema_extra or {}).get("ref") == ["sources"] and value:
        return [value]
    group = getattr(type(rec), "FIELD_SOURCES", {}).get(name)
    if group:
        return list(getattr(rec, group)) or list(rec.sources)
    stated_by = getattr(rec, "stated_by", {})
    return list(stated_by.get(key) or stated_by.get(name) or rec.sources)


def _observation_label(rec: Observation, labels: dict[str, str]) -> str:
    period = rec.period_start if rec.period_start == rec.period_end else f"{rec.period_start}/{rec.period_end}"
    where = f" to {labels[rec.destination]}" if rec.destination else ""
    return f"{labels[rec.measure]} of {labels[rec.subject]}{where}, {period}"


def records_to_quads(parsed: list[ParsedRecord]) -> LoadResult:
    """Turn checked records into quads: each statement goes into the graph of each source that states it.

    A record with one source is stated whole by it. In a record with several, every source states the
    record's identity (types, label) and its own ``prov:wasDerivedFrom``; each other field is stated by the
    sources :func:`_sources_of` finds, so a source's graph holds exactly what that source states. Source
    records and the metadata of each source graph go into the default graph.
    """
    index = {pr.record.id: pr.kind for pr in parsed}
    labels = {pr.record.id: pr.record.label for pr in parsed}
    result = LoadResult()
    default = DATASET_DEFAULT_GRAPH_ID
    for pr in parsed:
        rec = pr.record
        subject = _iri(rec.id, index)
        result.origins[str(subject)] = pr.origin
        types = [(subject, RDF.type, curie(t)) for t in type(rec).RDF_TYPES]
        kind_class = type(rec).KIND_CLASSES.get(getattr(rec, "kind", None) or "")
        if kind_class:
            types.append((subject, RDF.type, curie(kind_class)))
        types += [(subject, RDF.type, curie(type(rec).KIND_CLASSES[k])) for k in getattr(rec, "acts_as", [])]
        stmts: list[Stmt] = [(t, None) for t in types]
        _emit(subject, rec, index, stmts)
        stmts = _with_superclasses(stmts)
        if isinstance(rec, Source):
            triples = [t for t, _ in stmts]
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
            stmts.append(((subject, QB.dataSet, CURATED_DATASET), None))
            if rec.label is None:
                stmts.append(((subject, RDFS.label, Literal(_observation_label(rec, labels))), None))
        for (s, p, o), key in stmts:
            for src in _sources_of(rec, key):
                if o is None:  # a nested node cites the sources of the field that holds it
                    result.quads.append((s, p, source_iri(src), graph_iri(src)))
                else:
                    result.quads.append((s, p, o, graph_iri(src)))
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
