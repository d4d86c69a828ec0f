"""The ontology's HTML documentation, generated with pyLODE (``pip install 'nevkg[docs]'``).

pyLODE (3.3; 3.4.1 on PyPI does not import) writes one self-contained page: styles inline, icons as data
URLs, no script fetched from anywhere. It reads every ``skos:ConceptScheme`` as a further title of the
document (the page was titled after the last of nevkg's twelve value schemes), so the schemes' type
triples are left out of the copy it reads; classes and properties are documented in full. The page is
written to ``docs/ontology.html`` (``python -m nevkg.publish.ontology_doc``) and served at ``/ontology``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from nevkg.errors import NevkgError

__all__ = ["ontology_html", "write_ontology_html", "DOCS_PAGE"]

#: where the generated page is kept in the repository
DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "ontology.html"


def ontology_html() -> str:
    """The ontology (``nevkg/ontology/nev.ttl``) documented as one HTML page.

    Raises
    ------
    NevkgError
        When pyLODE is not installed, saying how to install it.
    """
    try:
        from pylode import OntPub
    except ImportError as exc:
        raise NevkgError("the ontology page needs pyLODE: pip install 'nevkg[docs]'") from exc
    from rdflib.namespace import RDF, SKOS

    from nevkg.graph.validate import ontology_graph

    g = ontology_graph()
    copy = type(g)()
    copy += g
    copy.remove((None, RDF.type, SKOS.ConceptScheme))
    level = logging.getLogger().level
    try:
        return OntPub(ontology=copy).make_html()
    finally:
        logging.getLogger().setLevel(level)  # pyLODE turns on debug logging for the whole process


def write_ontology_html(path: str | Path = DOCS_PAGE) -> Path:
    """Write :func:`ontology_html` to ``path`` (default ``docs/ontology.html``) and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ontology_html(), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover
    print(write_ontology_html(sys.argv[1] if len(sys.argv) > 1 else DOCS_PAGE))
