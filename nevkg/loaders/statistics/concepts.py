"""What a table's rows refer to, written once after its rows: HS concepts, minted places and concepts, the
data set and the source record."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from nevkg.errors import LoaderError
from nevkg.loaders.statistics.vocab import DCTERMS, HS_CODES, HS_SCOPES, NEV, NEVID, PROV, QB, SCHEMA, SKOS, XSD

__all__ = ["closing_quads"]


def closing_quads(b) -> list:
    """The quads closing a table: its source record, data set, graph metadata, HS concepts and minted
    places and concepts (``b`` is the table's :class:`~nevkg.loaders.statistics.rows.RowBuilder`)."""
    ox, Q, N, g = b.ox, b.ox.Quad, b.ox.NamedNode, b.g
    L = ox.Literal
    default = ox.DefaultGraph()
    out: list = []
    # HS concepts (with their parents up the tree) in the nevid:hs scheme
    scheme = N(NEVID + "hs")
    codes = set(b.used_products)
    for code in list(codes):
        while len(code) > 4 and code != "TOTAL":
            code = code[:-4] if len(code) == 10 else code[:-2]
            if len(code) in (4, 6):
                codes.add(code)
    if codes:
        out += [Q(scheme, b.type, N(SKOS + "ConceptScheme"), g),
                Q(scheme, b.label, L("Harmonized System product codes (HS)"), g),
                Q(scheme, b.derived, b.src, g)]
    for code in sorted(codes):
        node = N(b.product_iri(code))
        if code not in b.ctx.notations:  # curated codes are described by the records already
            label = HS_CODES.get(code, (None,))[0] or b.product_labels.get(code) or f"HS {code}"
            out += [Q(node, b.type, N(SKOS + "Concept"), g), Q(node, b.type, N(NEV + "ProductScope"), g),
                    Q(node, b.label, L(label), g), Q(node, N(SKOS + "notation"), L(code), g),
                    Q(node, N(SKOS + "inScheme"), scheme, g), Q(node, b.derived, b.src, g)]
            if code in HS_CODES:
                out.append(Q(node, N(SKOS + "definition"), L(HS_CODES[code][1]), g))
            if code != "TOTAL" and len(code) > 4:
                parent = code[:-4] if len(code) == 10 else code[:-2]
                out.append(Q(node, N(SKOS + "broader"), N(b.product_iri(parent)), g))
        # the mapping to curated product scopes, used by the headline check
        for scope in HS_SCOPES.get(code, ()):
            iri = b.ctx.ids.get(scope)
            if iri and b.ctx.is_a(iri, "ProductScope"):
                out.append(Q(node, N(SKOS + "broadMatch"), N(iri), g))
    for iri, (cls, label, iso2) in sorted(b.minted_places.items()):
        node = N(iri)
        out += [Q(node, b.type, N(NEV + "Place"), g), Q(node, b.type, N(NEV + cls), g),
                Q(node, b.label, L(label), g), Q(node, b.derived, b.src, g)]
        if iso2:
            out.append(Q(node, b.p["isoCode"], L(iso2), g))
    for iri, (cls, label, definition, symbol) in sorted(b.minted_concepts.items()):
        node = N(iri)
        out += [Q(node, b.type, N(SKOS + "Concept"), g), Q(node, b.type, N(NEV + cls), g),
                Q(node, b.label, L(label), g), Q(node, b.derived, b.src, g)]
        if definition:
            out.append(Q(node, N(SKOS + "definition"), L(definition), g))
        if symbol:
            out.append(Q(node, N(NEV + "unitSymbol"), L(symbol), g))
    # the data set, the source record and the graph's metadata (default graph, as for other sources)
    out += [Q(b.ds, b.type, N(QB + "DataSet"), default),
            Q(b.ds, b.label, L(f"statistics in {b.path.name}"), default),
            Q(b.ds, b.derived, b.src, default)]
    out += _source_quads(b, default)
    return out

def _source_quads(b, default) -> list:
    Q, N, L = b.ox.Quad, b.ox.NamedNode, b.ox.Literal
    meta = _sidecar(b.path, b.slug)
    src = b.src
    if meta:
        title, issued, publisher_id = meta["title"], str(meta["issued"]), meta["publisher"]
        pub_label = publisher_id
    else:
        title = b.path.name
        issued = date.fromtimestamp(b.path.stat().st_mtime).isoformat()
        publisher_id, pub_label = "unknown-publisher", "unknown publisher (local file)"
        print(f"warning: {b.path}: no {b.path.name}.source.yaml beside it; citing it by file name and "
              "date, publisher unknown", file=sys.stderr)
    publisher = b.ctx.ids.get(publisher_id) or NEVID + publisher_id
    parts = issued.split("-")
    # one datatype for dcterms:issued (xsd:date, a partial date's first day), the stated precision beside it
    unit = {1: "unitYear", 2: "unitMonth", 3: "unitDay"}[len(parts)]
    issued = "-".join(parts + ["01"] * (3 - len(parts)))
    dtype = "date"
    out = [Q(src, b.type, N(NEV + "Source"), default), Q(src, b.type, N(PROV + "Entity"), default),
           Q(src, b.type, N(SCHEMA + "Dataset"), default),
           Q(src, N(DCTERMS + "title"), L(title), default), Q(src, b.label, L(title), default),
           Q(src, N(DCTERMS + "issued"), L(issued, datatype=N(XSD + dtype)), default),
           Q(src, N(NEV + "issuedPrecision"), N("http://www.w3.org/2006/time#" + unit), default),
           Q(src, N(DCTERMS + "publisher"), N(publisher), default),
           Q(src, N(SCHEMA + "url"), L(b.path.resolve().as_uri(), datatype=N(XSD + "anyURI")), default)]
    if publisher_id not in b.ctx.ids:
        out += [Q(N(publisher), b.type, N(NEV + "Organization"), default),
                Q(N(publisher), b.label, L(pub_label), default)]
    if meta and meta.get("url"):
        out.append(Q(src, N(DCTERMS + "references"), L(meta["url"]), default))
    g = b.g
    out += [Q(g, b.type, N(PROV + "Entity"), default), Q(g, b.type, N(NEV + "SourceGraph"), default),
            Q(g, b.derived, src, default), Q(g, b.label, L(f"what {b.path.name} states"), default)]
    return out




def _sidecar(path: Path, slug: str) -> dict | None:
    side = path.with_name(path.name + ".source.yaml")
    if not side.exists():
        return None
    import yaml

    from nevkg.loaders.records import Source

    try:
        raw = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
        return Source.model_validate({"id": slug, **raw}).model_dump()
    except Exception as exc:  # yaml and pydantic errors, reported with the sidecar's name
        raise LoaderError(f"{side}: not a valid source record ({exc}); see the fields of sources.yaml") from exc

