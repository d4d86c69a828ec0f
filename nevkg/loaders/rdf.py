"""The ``rdf`` loader: Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML files.

Files are parsed with oxigraph's parsers (about ten times faster than rdflib's). JSON-LD never fetches a
context: a document whose ``@context`` names a URL or a file is refused with a clear error; inline the
context instead.

Each file is one source. Its triples (the file's default graph) go into the named graph
``nevg:file-<name>``; quads in a TriG/N-Quads file's own named graphs keep their graph and that graph is
recorded as derived from the file. Every typed subject that cites no source gets
``prov:wasDerivedFrom`` the file. The source record comes from a sidecar ``<file>.source.yaml`` (one
mapping in the ``sources.yaml`` format, without ``id``) when present; otherwise the file's name, its
modification date and an "unknown publisher" stand in, and a warning says so.

Provenance cannot be spoofed: a TriG/N-Quads graph named in nevkg's namespace (``https://w3id.org/nevkg/``,
e.g. a curated source's graph) is re-homed into the file's own graph, with a warning naming it.

Hostile files are refused with an error naming the file, before they cost memory: only regular files of at
most :data:`~nevkg.loaders.base.MAX_FILE_BYTES` are read; RDF/XML may declare no DTD entities (an
"entity bomb" of 1 kB expands to gigabytes), must be complete (a truncated file is an error, not a partial
load) and nest at most :data:`MAX_XML_DEPTH` elements deep; JSON-LD must be an object or a list of objects;
no literal may exceed :data:`~nevkg.loaders.base.MAX_LITERAL_CHARS` characters. A typed literal must be valid
for its datatype (``"2026-13-01"^^xsd:date`` is refused), and on nevkg's own properties figures must be finite
and at most 1e18 in size and dates fall in the years 1800-2200, as in the curated records.
"""

from __future__ import annotations

import logging
import re
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.errors import LoaderError, RecordError
from nevkg.loaders.base import MAX_LITERAL_CHARS, LoadResult, read_regular
from nevkg.loaders.records import MAX_FIGURE, YEARS
from nevkg.loaders.registry import RDF_SUFFIXES
from nevkg.ontology.namespaces import DCTERMS, NEV, PROV, RDF, RDFS, XSD, entity_iri, graph_iri, source_iri

__all__ = ["RdfLoader", "OX_FORMATS", "MAX_XML_DEPTH", "NEVKG_BASE", "check_xml", "check_json_ld"]

#: how deeply RDF/XML elements may nest (RDF/XML uses two levels per nested description)
MAX_XML_DEPTH = 256
#: graph names under this base belong to nevkg (curated sources, the ontology, the union): files cannot use them
NEVKG_BASE = "https://w3id.org/nevkg/"

#: rdflib-style format name → pyoxigraph RdfFormat attribute
OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG", "json-ld": "JSON_LD",
              "xml": "RDF_XML"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "file"


def _sidecar(path: Path) -> dict | None:
    side = path.with_name(path.name + ".source.yaml")
    if not side.exists():
        return None
    import yaml

    from nevkg.loaders.records import Source

    try:
        raw = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
        return Source.model_validate({"id": f"file-{_slug(path.name)}", **raw}).model_dump()
    except Exception as exc:  # yaml and pydantic errors, reported with the sidecar's name
        raise LoaderError(f"{side}: not a valid source record ({exc}); see the fields of sources.yaml") from exc


def _bad(path: Path, message: str, line: int | None = None) -> LoaderError:
    return LoaderError(f"{path}: refused", [RecordError(message, file=str(path), line=line)])


def check_xml(data: bytes, path: Path) -> None:
    """Check RDF/XML with expat before oxigraph parses it: well-formed and complete, no DTD entities.

    Raises
    ------
    LoaderError
        Naming file and line: an entity declaration (refused at once, before any expansion), an entity
        defined outside the file, nesting deeper than :data:`MAX_XML_DEPTH`, or malformed/truncated XML.

    Examples
    --------
    >>> check_xml(b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', Path("bomb.rdf"))
    Traceback (most recent call last):
    ...
    nevkg.errors.LoaderError: bomb.rdf: refused
      - bomb.rdf:1: declares the DTD entity 'a'; nevkg reads no DTD entities (they can expand to ...
    >>> check_xml(b'<r><a>x</a><a>y</a', Path("cut.rdf"))
    Traceback (most recent call last):
    ...
    nevkg.errors.LoaderError: cut.rdf: refused
      - cut.rdf:1: not well-formed XML (unclosed token, column 16); the file may be truncated: nothing was loaded
    """
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0

    def entity(name, *_):
        raise _bad(path, f"declares the DTD entity '{name}'; nevkg reads no DTD entities (they can expand to "
                         f"gigabytes): write the text out", parser.CurrentLineNumber)

    def skipped(name, *_):
        raise _bad(path, f"uses the entity '&{name};' defined outside the file; write the text out",
                   parser.CurrentLineNumber)

    def start(*_):
        nonlocal depth
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise _bad(path, f"elements nest more than {MAX_XML_DEPTH} levels deep", parser.CurrentLineNumber)

    def end(*_):
        nonlocal depth
        depth -= 1

    parser.EntityDeclHandler, parser.SkippedEntityHandler = entity, skipped
    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise _bad(path, f"not well-formed XML ({message}, column {exc.offset + 1}); the file may be truncated: "
                         f"nothing was loaded", exc.lineno) from None


def check_json_ld(data: bytes, path: Path) -> None:
    """A JSON-LD document must be a JSON object or a list of objects (a bare string or number is refused).

    >>> check_json_ld(b'42', Path("n.jsonld"))
    Traceback (most recent call last):
    ...
    nevkg.errors.LoaderError: n.jsonld: refused
      - n.jsonld:1: a JSON-LD document is a JSON object or a list of objects, not a number
    """
    import json

    try:
        doc = json.loads(data)
    except RecursionError:
        raise _bad(path, "JSON nested too deeply to read") from None
    except ValueError as exc:
        raise _bad(path, f"not valid JSON ({getattr(exc, 'msg', exc)})", getattr(exc, "lineno", None)) from None
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null",
             int: "a number", float: "a number"}
    if isinstance(doc, list):
        stray = next((x for x in doc if not isinstance(x, dict)), None)
        if stray is not None:
            raise _bad(path, f"a JSON-LD list holds objects, not {kinds.get(type(stray), 'other values')}", 1)
    elif not isinstance(doc, dict):
        raise _bad(path, f"a JSON-LD document is a JSON object or a list of objects, not {kinds[type(doc)]}", 1)


_NUMERIC = {XSD.decimal, XSD.double, XSD.float, XSD.integer, XSD.int, XSD.long, XSD.nonNegativeInteger,
            XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger}
_DATES = {XSD.date, XSD.dateTime, XSD.gYear, XSD.gYearMonth}


def literal_problem(predicate, term) -> str | None:
    """Why a literal cannot be loaded, or ``None``: ill-typed, or (on nevkg's properties) implausible.

    >>> print(literal_problem(NEV.value, Literal("1e400", datatype=XSD.double)))
    the figure inf is not plausible; figures must be finite and at most 1E+18 in size
    >>> print(literal_problem(RDFS.label, Literal("2026-13-01", datatype=XSD.date)))
    '2026-13-01' is not a valid xsd:date
    """
    from decimal import Decimal

    if not isinstance(term, Literal) or term.datatype is None:
        return None
    if term.ill_typed:
        return f"'{term}' is not a valid xsd:{term.datatype.split('#')[-1]}"
    if not str(predicate).startswith(NEVKG_BASE):
        return None
    if term.datatype in _NUMERIC:
        value = term.toPython()
        number = Decimal(str(value)) if isinstance(value, (int, float, Decimal)) else Decimal(0)
        if not number.is_finite() or abs(number) > MAX_FIGURE:
            return f"the figure {term} is not plausible; figures must be finite and at most {MAX_FIGURE:.0E} in size"
    if term.datatype in _DATES:
        year = re.match(r"-?(\d{4,})", str(term))
        if year and not YEARS[0] <= int(year.group(1)) <= YEARS[1]:
            return f"'{term}': year {year.group(1)} is not plausible (give a year {YEARS[0]}-{YEARS[1]})"
    return None


@contextmanager
def _quiet_literals():
    """rdflib logs a traceback for every ill-typed literal it converts; they are reported as errors instead."""
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


#: format → a check run on the bytes before oxigraph parses them
_PRECHECKS = {"xml": check_xml, "json-ld": check_json_ld}


class RdfLoader:
    """Load RDF files into one named graph per file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "extra.ttl"
    >>> _ = p.write_text('<https://w3id.org/nevkg/id/x> a <https://w3id.org/nevkg/ontology#Automaker> .')
    >>> r = RdfLoader().load([p])
    >>> sorted({str(q[3]) for q in r.quads if str(q[3]).startswith("https")})
    ['https://w3id.org/nevkg/graph/file-extra-ttl']
    """

    name = "rdf"

    def load(self, paths: list[Path]) -> LoadResult:
        """Parse every file; the first malformed one raises :class:`LoaderError` naming file, line and column."""
        result = LoadResult()
        for path in paths:
            result.extend(self._load_one(Path(path)))
        return result

    def _load_one(self, path: Path) -> LoadResult:
        import pyoxigraph as ox
        from oxrdflib._converter import from_ox

        fmt = RDF_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise LoaderError(f"{path}: unknown RDF file type; use one of {', '.join(sorted(RDF_SUFFIXES))}")
        slug = f"file-{_slug(path.name)}"
        src, graph = source_iri(slug), graph_iri(slug)
        try:
            data = read_regular(path)
        except RecordError as exc:
            raise LoaderError(f"{path}: cannot load", [exc]) from None
        if fmt in _PRECHECKS:
            _PRECHECKS[fmt](data, path)
        try:
            raw_quads = list(ox.parse(data, format=getattr(ox.RdfFormat, OX_FORMATS[fmt]),
                                      base_iri=path.resolve().as_uri()))
        except SyntaxError as exc:
            hint = ("; inline the JSON-LD context instead of naming a URL (nevkg never fetches contexts)"
                    if "LoadDocumentCallback" in str(exc) else "; fix the syntax at that place")
            raise LoaderError(f"malformed {fmt} file", [RecordError(str(exc) + hint, file=str(path),
                                                                    line=getattr(exc, "lineno", None))]) from None
        except MemoryError as exc:  # oxigraph's parsers stop at a 16 MiB token
            raise _bad(path, f"a single token is too large to parse ({exc}); no literal may exceed "
                             f"{MAX_LITERAL_CHARS:,} characters") from None

        out = LoadResult(sources=[str(src)])
        typed, cited, graphs, rehomed = set(), set(), set(), set()
        for q in raw_quads:
            if isinstance(q.object, ox.Literal) and len(q.object.value) > MAX_LITERAL_CHARS:
                raise _bad(path, f"a literal of {len(q.object.value):,} characters (on <{q.subject.value}> "
                                 f"<{q.predicate.value}>), over the limit of {MAX_LITERAL_CHARS:,} characters; "
                                 f"shorten it")
            with _quiet_literals():
                s, p, o = from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)
                problem = literal_problem(p, o)
            if problem:
                raise _bad(path, f"{problem} (on <{s}> <{p}>)")
            g = graph if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)
            if g != graph and str(g).startswith(NEVKG_BASE):  # nevkg's graphs say what nevkg's sources state
                rehomed.add(str(g))
                g = graph
            graphs.add(g)
            out.quads.append((s, p, o, g))
            if p == RDF.type:
                typed.add((s, g))
            elif p == PROV.wasDerivedFrom:
                cited.add(s)
        if rehomed:
            print(f"warning: {path}: graph name(s) in nevkg's namespace re-homed into the file's own graph {graph} "
                  f"(a file cannot add to nevkg's source graphs): {', '.join(sorted(rehomed))}", file=sys.stderr)
        out.quads += [(s, PROV.wasDerivedFrom, src, g) for s, g in sorted(typed) if s not in cited]
        for s, _ in typed:
            out.origins.setdefault(str(s), str(path))
        out.quads += self._source_quads(path, slug, graphs | {graph})
        return out

    def _source_quads(self, path: Path, slug: str, graphs: set) -> list[tuple]:
        src, default = source_iri(slug), DATASET_DEFAULT_GRAPH_ID
        meta = _sidecar(path)
        quads = [(src, RDF.type, NEV.Source, default), (src, RDF.type, PROV.Entity, default)]
        if meta:
            title, issued, publisher = meta["title"], meta["issued"], entity_iri(meta["publisher"])
            pub_label = meta["publisher"]
        else:
            title = path.name
            issued = date.fromtimestamp(path.stat().st_mtime).isoformat()
            publisher, pub_label = entity_iri("unknown-publisher"), "unknown publisher (local file)"
            print(f"warning: {path}: no {path.name}.source.yaml beside it; citing it by file name and date, "
                  f"publisher unknown", file=sys.stderr)
        from nevkg.loaders.literals import date_literal as _date_literal

        quads += [
            (src, DCTERMS.title, Literal(title), default),
            (src, RDFS.label, Literal(title), default),
            (src, DCTERMS.issued, _date_literal(str(issued)), default),
            (src, DCTERMS.publisher, publisher, default),
            (src, URIRef("https://schema.org/url"), Literal(path.resolve().as_uri(), datatype=XSD.anyURI), default),
            (publisher, RDF.type, NEV.Organization, default),
            (publisher, RDFS.label, Literal(pub_label), default),
        ]
        for g in sorted(graphs):
            quads += [(g, RDF.type, PROV.Entity, default), (g, RDF.type, NEV.SourceGraph, default),
                      (g, PROV.wasDerivedFrom, src, default),
                      (g, RDFS.label, Literal(f"what {path.name} states"), default)]
        return quads
