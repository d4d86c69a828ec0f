"""The shipped curated records load cleanly, cite real sources, and cover the five articles substantially."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from nevkg.loaders.curated import DEFAULT_DATA_DIR, CuratedLoader, parse_records
from nevkg.loaders.records import RECORD_FILES

SOURCES_DIR = Path(__file__).resolve().parents[3] / "shared" / "sources"
ARTICLE_SOURCES = {
    "nev-export-driver-2026-03", "sohu-2025-04-16-exports-in-overdrive", "two-sessions-2025-03-nev-lawmakers",
    "spiceup-2022-12-ev-exports-record-november", "36kr-2026-02-11-guangzhou-nev-exports",
}
#: a floor per record file: the curation is meant to be thorough, so each kind must stay well populated
MINIMUM = {
    "sources": 6, "concepts": 50, "organizations": 50, "people": 15, "places": 55, "vehicle_models": 6,
    "roles": 20, "sites": 18, "partnerships": 6, "market_presence": 35, "policies": 12, "deployments": 14,
    "statements": 55, "observations": 70,
}


@pytest.fixture(scope="module")
def parsed():
    return parse_records([DEFAULT_DATA_DIR])


def test_records_load_without_problems():
    result = CuratedLoader().load([DEFAULT_DATA_DIR])
    assert len(result.quads) > 4000


def test_every_record_file_is_present():
    for name in RECORD_FILES:
        assert (DEFAULT_DATA_DIR / f"{name}.yaml").is_file(), name


def test_per_kind_counts_are_substantial(parsed):
    counts = Counter(pr.kind for pr in parsed)
    short = {kind: (counts[kind], floor) for kind, floor in MINIMUM.items() if counts[kind] < floor}
    assert not short, f"too few records (have, want): {short}"


def test_every_record_cites_a_known_source(parsed):
    sources = {pr.record.id for pr in parsed if pr.kind == "sources"}
    for pr in parsed:
        if pr.kind != "sources":
            assert pr.record.sources and set(pr.record.sources) <= sources, pr.origin


def test_every_source_is_cited(parsed):
    cited = {s for pr in parsed if pr.kind != "sources" for s in pr.record.sources}
    sources = {pr.record.id for pr in parsed if pr.kind == "sources"}
    assert sources - cited == set(), "sources no record cites"


def test_each_article_has_a_source_record_with_its_file(parsed):
    by_id = {pr.record.id: pr.record for pr in parsed if pr.kind == "sources"}
    assert ARTICLE_SOURCES <= set(by_id)
    files = {by_id[s].file for s in ARTICLE_SOURCES}
    assert len(files) == 5 and None not in files
    if SOURCES_DIR.is_dir():
        for name in files:
            assert (SOURCES_DIR / name).is_file(), name


def test_each_article_backs_many_records(parsed):
    per_source = Counter(s for pr in parsed if pr.kind != "sources" for s in pr.record.sources)
    for source in ARTICLE_SOURCES:
        assert per_source[source] >= 25, (source, per_source[source])


def test_inferred_dates_are_explained(parsed):
    for pr in parsed:
        if pr.kind == "sources" and pr.record.date_inferred:
            assert pr.record.date_note, pr.record.id


def test_ids_are_unique_across_files(parsed):
    counts = Counter(pr.record.id for pr in parsed)
    assert [i for i, n in counts.items() if n > 1] == []
