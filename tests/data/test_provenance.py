"""Each source's named graph holds only what that source states (issue 14, point 6; DESIGN §7.9).

A record cited by several sources is no longer copied whole into every source's graph: its identity (types,
label) is in each, every other field only in the graphs of the sources that state it.
"""

from __future__ import annotations

import re

import pytest
import yaml

from nevkg.loaders.curated import DEFAULT_DATA_DIR, parse_records, records_to_quads
from nevkg.ontology.namespaces import NEV, PROV, SKOS, entity_iri, graph_iri, source_iri

from .test_facts import S001, S004, col

KR36 = f"nevg:{S004}"


def test_36kr_graph_does_not_state_indonesia_s_local_content_rule(kg):
    stated = col(kg, f"SELECT ?r WHERE {{ GRAPH {KR36} {{ nevid:market-profile-indonesia nev:localContentRule ?r }} }}")
    assert stated == set()
    # … which the regulations' graphs do state, and the 36Kr graph still states what 36Kr reported
    rules = col(kg, "SELECT ?g WHERE { GRAPH ?g { nevid:market-profile-indonesia nev:localContentRule ?r } }")
    assert {str(g).rsplit("/", 1)[-1] for g in rules} == {
        "bkpm-regulation-6-2023", "bkpm-regulation-1-2024", "indonesia-presidential-regulation-79-2023",
        "nevkg-markets-reference"}
    notes = col(kg, f"SELECT ?n WHERE {{ GRAPH {KR36} {{ nevid:market-profile-indonesia nev:marketNote ?n }} }}")
    assert len(notes) == 1


@pytest.fixture(scope="module")
def quads():
    return records_to_quads(parse_records([DEFAULT_DATA_DIR])).quads


def test_curators_reference_knowledge_stays_in_the_curation_graph(quads):
    """Which country a city lies in and ISO codes are the curators' knowledge, not the articles'."""
    thailand = entity_iri("thailand")
    graphs = {g for s, p, o, g in quads if s == thailand and p == NEV.isoCode}
    assert graphs == {graph_iri("nevkg-curation")}
    assert {g for s, p, o, g in quads if s == thailand and p == NEV.locatedIn} == {graph_iri("nevkg-curation")}
    # the article graphs still name the place
    assert {g for s, p, o, g in quads if s == thailand and p == PROV.wasDerivedFrom} >= {
        graph_iri(S001), graph_iri(S004)}


def test_each_graph_cites_only_its_own_source(quads):
    """``prov:wasDerivedFrom S`` is stated in S's graph and nowhere else."""
    wrong = [(s, o, g) for s, p, o, g in quads
             if p == PROV.wasDerivedFrom and str(g).startswith("https://w3id.org/nevkg/graph/")
             and str(o).startswith("https://w3id.org/nevkg/source/")
             and str(o).rsplit("/", 1)[-1] != str(g).rsplit("/", 1)[-1]]
    assert wrong == []


def _article_text(name: str) -> str:
    from .test_no_copied_text import SOURCES_DIR

    return re.sub(r"\s+", " ", (SOURCES_DIR / name).read_text(encoding="utf-8").lower().replace(" - ", "-"))


def test_an_alias_in_an_article_graph_is_printed_by_that_article(quads):
    """An article's graph gives a thing only the names that article prints (others come from the curators)."""
    from .test_no_copied_text import SOURCES_DIR

    if not SOURCES_DIR.is_dir():
        pytest.skip("the source articles are not beside the repository")
    sources = yaml.safe_load((DEFAULT_DATA_DIR / "sources.yaml").read_text(encoding="utf-8"))
    files = {s["id"]: s["file"] for s in sources if s.get("file")}
    texts = {sid: _article_text(f) for sid, f in files.items()}
    multi = {r["id"] for name in ("organizations", "places", "people")
             for r in yaml.safe_load((DEFAULT_DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
             if len(r.get("sources", [])) > 1}
    unprinted = []
    for s, p, o, g in quads:
        sid = str(g).rsplit("/", 1)[-1]
        if p == SKOS.altLabel and sid in texts and str(s).rsplit("/", 1)[-1] in multi:
            if re.sub(r"\s+", " ", str(o).lower()) not in texts[sid]:
                unprinted.append((str(s).rsplit("/", 1)[-1], str(o), sid))
    assert unprinted == []


def test_a_source_graph_says_nothing_about_what_its_source_never_mentions(quads):
    """A source that states nothing about a record has no statement about it in its graph."""
    byd = entity_iri("byd")
    graphs = {g for s, p, o, g in quads if s == byd}
    assert graph_iri("nev-export-driver-2026-03") not in graphs  # that article never mentions BYD
    assert (byd, PROV.wasDerivedFrom, source_iri(S004), graph_iri(S004)) in quads
