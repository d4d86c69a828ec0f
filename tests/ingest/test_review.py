"""The review file and accept: round trip, listing, merging without duplicates, conflicts, --ids, atomicity."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from nevkg.errors import LoaderError
from nevkg.ingest import accept, ingest, ingest_document, read_review, review_listing, write_review
from nevkg.ingest.review import REVIEW_KEY, ReviewError, dump_review
from nevkg.loaders.curated import parse_records
from nevkg.loaders.yamlio import read_records

from .conftest import ARTICLES

NOW = datetime(2026, 4, 10, tzinfo=UTC)
STORY = ("Yunfeng Motors opens plant in Thailand\n"
         "Yunfeng Motors exported 12,400 vehicles to Thailand in March, up 35 percent year on year. "
         "Zhao Lei, chairman of Yunfeng Motors, said the company formed a joint venture with Kaixuan Group.\n")


@pytest.fixture
def review(gaz, tmp_path, data_dir, write) -> Path:
    article = write(STORY, "yunfeng.txt")
    return ingest(article, date="2026-04-09", publisher="Test Wire", kg_or_records=gaz,
                  out=tmp_path / "yunfeng.review.yaml")


def ids_in(data_dir: Path, file: str) -> list[str]:
    return [r["id"] for r in read_records(data_dir / f"{file}.yaml")]


def record(data_dir: Path, file: str, rid: str) -> dict:
    return next(r for r in read_records(data_dir / f"{file}.yaml") if r["id"] == rid)


def edit(path: Path, change) -> None:
    doc = read_review(path)
    change(doc)
    write_review(doc, path)


def cand(doc: dict, file: str, rid: str) -> dict:
    return next(r for r in doc["candidates"][file] if r["id"] == rid)


# ------------------------------------------------------------------------------------------ the file
def test_review_file_round_trips(review):
    doc = read_review(review)
    assert yaml.safe_load(dump_review(doc)) == doc
    again = review.with_name("again.yaml")
    write_review(doc, again)
    assert again.read_text(encoding="utf-8") == review.read_text(encoding="utf-8")


def test_review_file_holds_source_candidates_and_exact_spans(review):
    doc = read_review(review)
    src = doc["source"]
    assert src["id"] == "test-wire-2026-04-09-yunfeng-motors-opens-plant"
    assert (src["kind"], src["publisher"], src["issued"], src["title"]) == (
        "news-article", "test-wire", "2026-04-09", "Yunfeng Motors opens plant in Thailand")
    text = doc["text"]
    assert text == STORY
    n = 0
    for recs in doc["candidates"].values():
        for rec in recs:
            meta = rec[REVIEW_KEY]
            assert meta["status"] in {"proposed", "incomplete"} and 0 <= meta["confidence"] <= 1
            assert rec["sources"] == [src["id"]]
            for (s, e), words in zip(meta["spans"], meta.get("evidence", []), strict=True):
                assert text[s:e] == words
                n += 1
    assert n > 10
    assert {r["id"] for r in doc["candidates"]["organizations"]} == {"test-wire", "yunfeng-motors", "kaixuan-group"}


def test_ingest_never_touches_the_data_folder(gaz, tmp_path, data_dir, write):
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    ingest(write(STORY), date="2026-04-09", kg_or_records=gaz, out=tmp_path / "r.yaml")
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


def test_missing_date_uses_the_day_of_ingestion_and_says_so(gaz, write, data_dir):
    doc = ingest_document(write("Ningbo exported 1,000 vehicles last year.\n"), kg_or_records=gaz, now=NOW)
    assert doc["source"]["issued"] == "2026-04-10" and doc["source"]["date_inferred"] is True
    assert any("no date" in n for n in doc["source"][REVIEW_KEY]["notes"])
    obs = doc["candidates"]["observations"][0]
    assert (obs["period_start"], obs["period_inferred"]) == ("2025", True)


def test_page_metadata_fills_the_source(gaz, data_dir):
    doc = ingest_document(ARTICLES / "qingdao-autumn.html", kg_or_records=gaz)
    src = doc["source"]
    assert src["issued"] == "2025-12-03" and src["publisher"] == "coastal-business-herald"
    assert src["url"] == "https://example.org/herald/2025/12/qingdao-nev-exports"
    assert src["cites"] == ["qingdao-customs"]
    assert "Tracker" not in doc["text"]


def test_a_broken_review_file_is_refused(tmp_path, review):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just: a list\n")
    with pytest.raises(ReviewError, match="not a nevkg review file"):
        read_review(bad)
    doc = read_review(review)
    doc["candidates"]["observations"][0][REVIEW_KEY]["status"] = "maybe"
    doc["candidates"]["observations"][0][REVIEW_KEY]["spans"] = [[0, 10 ** 6]]
    with pytest.raises(ReviewError, match="status 'maybe'.*outside the article text"):
        read_review(doc)


def test_listing_groups_by_kind_with_confidence_and_quotes(review):
    text = review_listing(review)
    assert "organizations (3)" in text and "observations (1)" in text and "roles (1)" in text
    assert '"12,400 vehicles"' in text and '"Zhao Lei"' in text
    assert "[proposed 0." in text and "NEW" in text
    assert "yoy +35%" in text
    assert review_listing(review, min_confidence=0.99).count("[proposed") == 0


# -------------------------------------------------------------------------------------------- accept
def test_accept_merges_everything_and_validates(review, data_dir):
    report = accept(review, data_dir=data_dir, rebuild=False)
    assert report.added["organizations"] == ["test-wire", "yunfeng-motors", "kaixuan-group"]
    assert report.added["sources"] == ["test-wire-2026-04-09-yunfeng-motors-opens-plant"]
    assert "zhao-lei-yunfeng-motors-chairman" in report.added["roles"]
    parse_records([data_dir])  # the merged folder is valid
    obs = record(data_dir, "observations", report.added["observations"][0])
    assert REVIEW_KEY not in obs and obs["yoy_change_pct"] == 35 and obs["destination"] == "thailand"
    # the existing text of a file is kept; the new records are appended after a banner
    text = (data_dir / "organizations.yaml").read_text(encoding="utf-8")
    assert text.startswith("# ---- curators and publishers") or text.startswith("- id:") or text.startswith("#")
    assert "# ---- from test-wire-2026-04-09-yunfeng-motors-opens-plant (nevkg accept)" in text


def test_accepting_twice_adds_nothing(review, data_dir):
    accept(review, data_dir=data_dir, rebuild=False)
    before = {p.name: p.read_text() for p in data_dir.glob("*.yaml")}
    report = accept(review, data_dir=data_dir, rebuild=False)
    assert report.added == {} and report.files == [] and report.conflicts == []
    assert {p.name: p.read_text() for p in data_dir.glob("*.yaml")} == before


def test_an_existing_entity_is_not_duplicated_and_its_new_aliases_are_merged(review, data_dir):
    def rename(doc):
        org = cand(doc, "organizations", "kaixuan-group")
        org["id"] = "byd-kaixuan"  # a new id, but one of its names is BYD's
        org["aliases"] = ["BYD"]
        part = doc["candidates"]["partnerships"][0]
        part["partners"] = [("byd-kaixuan" if p == "kaixuan-group" else p) for p in part["partners"]]
    edit(review, rename)
    n_orgs = len(ids_in(data_dir, "organizations"))
    report = accept(review, data_dir=data_dir, rebuild=False)
    assert report.renamed["byd-kaixuan"] == "byd"
    assert report.aliases["byd"] == ["Kaixuan Group"]
    assert len(ids_in(data_dir, "organizations")) == n_orgs + 2  # test-wire and yunfeng-motors only
    byd = record(data_dir, "organizations", "byd")
    assert "Kaixuan Group" in byd["aliases"] and byd["sources"][-1] == report.source
    partnership = record(data_dir, "partnerships", report.added["partnerships"][0])
    assert partnership["partners"] == ["yunfeng-motors", "byd"]


def test_a_colliding_new_id_gets_a_suffix_and_references_follow(review, data_dir):
    def collide(doc):
        org = cand(doc, "organizations", "kaixuan-group")
        org["id"] = "chery"  # the id exists, the names do not
        part = doc["candidates"]["partnerships"][0]
        part["partners"] = [("chery" if p == "kaixuan-group" else p) for p in part["partners"]]
    edit(review, collide)
    report = accept(review, data_dir=data_dir, rebuild=False)
    assert report.renamed["chery"] == "chery-2"
    assert record(data_dir, "organizations", "chery-2")["label"] == "Kaixuan Group"
    assert record(data_dir, "partnerships", report.added["partnerships"][0])["partners"] == [
        "yunfeng-motors", "chery-2"]


def test_conflicting_figures_are_kept_side_by_side_and_reported(gaz, tmp_path, data_dir, write):
    article = write("China exported 1.36 million vehicles in the first two months of 2026.\n", "c.txt")
    path = ingest(article, date="2026-03-20", kg_or_records=gaz, out=tmp_path / "c.review.yaml")

    def same_scope(doc):
        doc["candidates"]["observations"][0]["scope"] = "all-vehicles"
    edit(path, same_scope)
    report = accept(path, data_dir=data_dir, rebuild=False)
    assert len(report.conflicts) == 1
    assert "china-vehicle-exports-2026-01-02 = 1350000" in report.conflicts[0]
    new_id = report.added["observations"][0]
    assert record(data_dir, "observations", new_id)["value"] == 1360000
    assert record(data_dir, "observations", "china-vehicle-exports-2026-01-02")["value"] == 1350000


def test_the_same_figure_from_a_new_source_cites_it_instead_of_copying(gaz, tmp_path, data_dir, write):
    article = write("China exported 1.35 million vehicles in the first two months of 2026.\n", "d.txt")
    path = ingest(article, date="2026-03-20", kg_or_records=gaz, out=tmp_path / "d.review.yaml")
    edit(path, lambda doc: doc["candidates"]["observations"][0].update(scope="all-vehicles"))
    n = len(ids_in(data_dir, "observations"))
    report = accept(path, data_dir=data_dir, rebuild=False)
    assert report.corroborated == ["china-vehicle-exports-2026-01-02"] and not report.conflicts
    assert len(ids_in(data_dir, "observations")) == n
    assert record(data_dir, "observations", "china-vehicle-exports-2026-01-02")["sources"][-1] == report.source


def test_accepting_some_ids_brings_their_dependencies_only(review, data_dir):
    report = accept(review, ids=["zhao-lei-yunfeng-motors-chairman"], data_dir=data_dir, rebuild=False)
    assert report.added == {"sources": [report.source], "organizations": ["test-wire", "yunfeng-motors"],
                            "people": ["zhao-lei"], "roles": ["zhao-lei-yunfeng-motors-chairman"]}
    assert "kaixuan-group" in report.skipped and "observations" not in report.added
    parse_records([data_dir])


def test_a_rejected_dependency_is_refused_with_a_clear_message(review, data_dir):
    edit(review, lambda doc: cand(doc, "organizations", "kaixuan-group")[REVIEW_KEY].update(status="rejected"))
    before = {p.name: p.read_text() for p in data_dir.glob("*.yaml")}
    with pytest.raises(ReviewError, match="needs 'kaixuan-group'.*which is rejected"):
        accept(review, data_dir=data_dir, rebuild=False)
    part = read_review(review)["candidates"]["partnerships"][0]["id"]
    with pytest.raises(ReviewError, match="which is rejected"):
        accept(review, ids=[part], data_dir=data_dir, rebuild=False)
    assert {p.name: p.read_text() for p in data_dir.glob("*.yaml")} == before


def test_a_missing_dependency_or_unknown_id_is_refused(review, data_dir):
    def dangle(doc):
        doc["candidates"]["partnerships"][0]["partners"] = ["yunfeng-motors", "no-such-company"]
    edit(review, dangle)
    with pytest.raises(ReviewError, match="'no-such-company'.*neither in the data nor in the review"):
        accept(review, data_dir=data_dir, rebuild=False)
    with pytest.raises(ReviewError, match="not in the review file: bogus"):
        accept(review, ids=["bogus"], data_dir=data_dir, rebuild=False)


def test_rejected_and_incomplete_candidates_are_skipped(gaz, tmp_path, data_dir, write):
    # no carmaker anywhere in the text: the model's maker stays unknown, so the candidate is incomplete
    article = write('Yunfeng Port handled 500 cars. Dealers liked the "Aurora S5" sedan.\n')
    path = ingest(article, date="2026-04-01", kg_or_records=gaz, out=tmp_path / "r.yaml")
    doc = read_review(path)
    assert cand(doc, "vehicle_models", "aurora-s5")[REVIEW_KEY]["status"] == "incomplete"
    report = accept(path, data_dir=data_dir, rebuild=False)
    assert report.skipped["aurora-s5"] == "incomplete"
    assert "aurora-s5" not in ids_in(data_dir, "vehicle_models")
    with pytest.raises(ReviewError, match="'aurora-s5' is incomplete"):
        accept(path, ids=["aurora-s5"], data_dir=data_dir, rebuild=False)


def test_invalid_merged_records_write_nothing(review, data_dir):
    def break_it(doc):
        doc["candidates"]["observations"][0]["unit"] = "furlongs"
    edit(review, break_it)
    before = {p.name: p.read_text() for p in data_dir.glob("*.yaml")}
    with pytest.raises((LoaderError, ReviewError), match="furlongs"):
        accept(review, data_dir=data_dir, rebuild=False)
    assert {p.name: p.read_text() for p in data_dir.glob("*.yaml")} == before
    assert not list(data_dir.glob(".*.tmp"))


def test_unknown_keys_are_stripped_only_from_review_metadata(review, data_dir):
    def extra(doc):
        doc["candidates"]["observations"][0]["colour"] = "blue"
    edit(review, extra)
    with pytest.raises(LoaderError, match="unknown field"):
        accept(review, data_dir=data_dir, rebuild=False)


def test_accept_rebuilds_and_validates_the_graph(review, data_dir):
    report = accept(review, data_dir=data_dir, rebuild=True, store="memory")
    assert report.built and report.build_info.report.conforms


def test_the_sample_articles_accept_cleanly(gaz, tmp_path, data_dir):
    for name in ("lanshan-thailand.txt", "qingdao-autumn.html", "nanfeng-europe.md", "tianhe-hainan.txt"):
        gold = yaml.safe_load((ARTICLES / name.rsplit(".", 1)[0]).with_suffix(".gold.yaml").read_text())
        path = ingest(ARTICLES / name, date=gold["date"], kg_or_records=gaz, out=tmp_path / f"{name}.yaml")
        accept(path, data_dir=data_dir, rebuild=False)
    parse_records([data_dir])


def test_review_documents_are_not_mutated_by_accept(review, data_dir):
    doc = read_review(review)
    snapshot = copy.deepcopy(doc)
    accept(review, data_dir=data_dir, rebuild=False)
    assert read_review(review) == snapshot


def test_the_fast_reader_agrees_with_the_curated_reader():
    from nevkg.ingest.review.datafiles import read_fast
    from nevkg.loaders.curated import DEFAULT_DATA_DIR, _strip_lines

    for path in sorted(DEFAULT_DATA_DIR.glob("*.yaml")):
        fast, careful = read_fast(path), read_records(path)
        assert [r["__line__"] for r in fast] == [r["__line__"] for r in careful], path
        assert _strip_lines(fast) == _strip_lines(careful), path
