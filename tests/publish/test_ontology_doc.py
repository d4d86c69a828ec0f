"""The ontology's HTML page (pyLODE): every class and property documented, nothing fetched from the network."""

from __future__ import annotations

import re

from rdflib.namespace import OWL, RDF

from nevkg.graph.validate import ontology_graph
from nevkg.ontology.namespaces import NEV
from nevkg.publish.ontology_doc import DOCS_PAGE, ontology_html
from tests.conftest import require_module


def _terms() -> set[str]:
    g = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s) for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(NEV))}


def _check(html: str) -> None:
    import html5lib

    html5lib.HTMLParser(strict=False).parse(html)
    assert re.search(r"<title>nevkg ontology</title>", html)
    missing = [t for t in _terms() if f"<code>{t}</code>" not in html]
    assert not missing, f"not documented: {missing[:5]} — regenerate with python -m nevkg.publish.ontology_doc"
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet[^>]+href=\"http", html)


def test_the_committed_page_documents_the_current_ontology():
    """docs/ontology.html cannot rot: a new term without a regenerated page fails here."""
    require_module("html5lib")
    _check(DOCS_PAGE.read_text(encoding="utf-8"))


def test_pylode_generates_the_page():
    require_module("pylode")
    _check(ontology_html())
