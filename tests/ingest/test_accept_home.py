"""``nevkg accept`` writes into the user data folder ($NEVKG_HOME/data), never into the installed package."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import pytest

from nevkg.graph.build import build, user_data_dir
from nevkg.ingest import accept, ingest, read_review, write_review
from nevkg.ingest.review import REVIEW_KEY
from nevkg.loaders.curated import DEFAULT_DATA_DIR
from nevkg.loaders.yamlio import read_records

STORY = ("Yunfeng Motors opens plant in Thailand\n"
         "Yunfeng Motors exported 12,400 vehicles to Thailand in March, up 35 percent year on year. "
         "Zhao Lei, chairman of Yunfeng Motors, said the company formed a joint venture with Kaixuan Group.\n")


def _digest() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DEFAULT_DATA_DIR.iterdir())
            if p.is_file()}


@pytest.fixture
def shipped_guard():
    """Fail if anything under nevkg/data changes, and put it back (so a broken accept cannot damage the repo)."""
    saved = {p: p.read_bytes() for p in DEFAULT_DATA_DIR.iterdir() if p.is_file()}
    before = _digest()
    yield
    after = _digest()
    for p, data in saved.items():
        p.write_bytes(data)
    for p in DEFAULT_DATA_DIR.iterdir():
        if p.is_file() and p not in saved:
            p.unlink()
    assert after == before, "accept changed the shipped records"


@pytest.fixture
def review(home, tmp_path, gaz) -> Path:
    article = tmp_path / "yunfeng.txt"
    article.write_text(STORY, encoding="utf-8")
    path = ingest(article, date="2026-04-09", publisher="Test Wire", kg_or_records=gaz, out=tmp_path / "r.yaml")
    doc = read_review(path)
    # a candidate that is a shipped organisation under a new name: matched, but the shipped record stays as it is
    orgs = doc["candidates"].setdefault("organizations", [])
    twin = copy.deepcopy(orgs[0])
    twin.update(id="byd-again", label="BYD", aliases=["BYD Test Alias"])
    twin[REVIEW_KEY] = {**twin.get(REVIEW_KEY, {}), "status": "proposed"}
    twin[REVIEW_KEY].pop("merge_into", None)
    orgs.append(twin)
    write_review(doc, path)
    return path


def test_accept_goes_to_the_user_data_folder_and_builds_load_it(review, home, shipped_guard):
    report = accept(review, store="memory")
    data = user_data_dir()
    assert data == home / "data" and report.built
    added = [rid for ids in report.added.values() for rid in ids]
    assert added and all(f.startswith(str(data)) for f in report.files)
    written = {r["id"] for f in data.glob("*.yaml") for r in read_records(f)}
    assert set(added) <= written
    shipped = {r["id"] for f in DEFAULT_DATA_DIR.glob("*.yaml") for r in read_records(f)}
    assert not written & shipped  # a layer: nothing repeated from the shipped records
    # the shipped twin was matched, not added, and what it would have added is reported, not written
    assert report.renamed.get("byd-again") == "byd" and "byd-again" not in written
    assert "BYD Test Alias" in report.read_only["byd"] and "read-only" in report.text()
    # every later build (no --data) loads the folder after the shipped records
    kg = build("memory")
    yunfeng = next(iter(kg.query("SELECT ?s WHERE { ?s rdfs:label 'Yunfeng Motors' }")), None)
    assert yunfeng is not None


def test_accept_from_the_cli_says_where_it_wrote(review, home, shipped_guard):
    from click.testing import CliRunner

    from nevkg.cli import main

    result = CliRunner().invoke(main, ["accept", str(review), "--no-rebuild"])
    assert result.exit_code == 0, result.output
    assert f"wrote {home / 'data'}" in result.output
    assert (home / "data" / "organizations.yaml").exists()
