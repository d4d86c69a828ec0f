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
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.errors import LoaderError, RecordError
from nevkg.loaders.base import LoadResult
from nevkg.loaders.registry import RDF_SUFFIXES
from nevkg.ontology.namespaces import DCTERMS, NEV, PROV, RDF, RDFS, XSD, entity_iri, graph_iri, source_iri

__all__ = ["RdfLoader", "OX_FORMATS"]

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
            with path.open("rb") as fh:
                raw_quads = list(ox.parse(fh, format=getattr(ox.RdfFormat, OX_FORMATS[fmt]),
                                          base_iri=path.resolve().as_uri()))
        except SyntaxError as exc:
            hint = ("; inline the JSON-LD context instead of naming a URL (nevkg never fetches contexts)"
                    if "LoadDocumentCallback" in str(exc) else "; fix the syntax at that place")
            raise LoaderError(f"malformed {fmt} file", [RecordError(str(exc) + hint, file=str(path),
                                                                    line=getattr(exc, "lineno", None))]) from exc
        except OSError as exc:
            raise LoaderError(f"{path}: cannot read the file ({exc})") from exc

        out = LoadResult(sources=[str(src)])
        typed, cited, graphs = set(), set(), set()
        for q in raw_quads:
            s, p, o = from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)
            g = graph if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)
            graphs.add(g)
            out.quads.append((s, p, o, g))
            if p == RDF.type:
                typed.add((s, g))
            elif p == PROV.wasDerivedFrom:
                cited.add(s)
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
