"""The non-article sources: addresses of the documents they cite, and the curators' own compilations marked
(issue 14, point 7)."""

from __future__ import annotations

import re

from .test_facts import S000, S001, S002, S003, S004, col, local, rows

ARTICLES = {S000, S001, S002, S003, S004}


def _non_article_sources(kg) -> dict[str, str | None]:
    found = rows(kg, "SELECT ?s ?u WHERE { ?s a nev:Source OPTIONAL { ?s schema:url ?u } }")
    return {local(s): (str(u) if u is not None else None) for s, u in found if local(s) not in ARTICLES}


def test_23_non_article_sources(kg):
    assert len(_non_article_sources(kg)) == 23


def test_cited_documents_have_their_address_where_one_is_known(kg):
    urls = {s: u for s, u in _non_article_sources(kg).items() if u}
    assert urls["eu-regulation-2024-1866"] == "http://data.europa.eu/eli/reg_impl/2024/1866/oj"
    assert urls["eu-regulation-2024-2754"] == "http://data.europa.eu/eli/reg_impl/2024/2754/oj"
    assert urls["country-coder-borders-2026-04"].endswith("/rapideditor/country-coder/blob/main/src/data/borders.json")
    assert urls["streetcomplete-charging-socket-types"].endswith("/data/chargingStationSocketTypes.yml")
    for url in urls.values():
        assert re.match(r"^https?://[a-z0-9.-]+\.[a-z]{2,}/\S+$", url), url


def test_a_source_without_an_address_says_why(kg):
    """No guessed address: a non-article source with no url says in its note that none is recorded."""
    found = rows(kg, """SELECT ?s ?n WHERE { ?s a nev:Source . FILTER NOT EXISTS { ?s schema:url ?u }
        FILTER NOT EXISTS { ?s a nev:CuratorsCompilation } OPTIONAL { ?s rdfs:comment ?n } }""")
    silent = [local(s) for s, n in found if local(s) not in ARTICLES and "No address is recorded" not in str(n or "")]
    assert silent == []


def test_the_curators_compilations_are_marked(kg):
    marked = {local(s) for s in col(kg, "SELECT ?s WHERE { ?s a nev:CuratorsCompilation }")}
    assert marked == {"nevkg-curation", "nevkg-markets-reference"}
    # and they are not mistaken for published reference works
    assert col(kg, "SELECT ?s WHERE { ?s a nev:CuratorsCompilation , schema:Legislation }") == set()
