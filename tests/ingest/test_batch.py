"""``nevkg ingest`` over several files or a folder, and ingest without the statistical pipeline."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from nevkg.cli import main
from nevkg.ingest.pipeline import ArticleError, article_paths, ingest_document, ingest_many

TEXT = "Velmora Motors exported 1,200 vehicles to Chile in March 2026, its chief executive Orlanda Vesk said.\n"


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(TEXT)
    (d / "b.md").write_text(TEXT.replace("Chile", "Peru"))
    (d / "notes.csv").write_text("not an article\n")
    (d / "a.review.yaml").write_text("format: nevkg-review/1\n")
    return d


def test_a_folder_gives_its_articles(folder):
    assert [p.name for p in article_paths([folder])] == ["a.txt", "b.md"]
    (folder / "empty").mkdir()
    with pytest.raises(ArticleError, match="no article in this folder"):
        article_paths([folder / "empty"])
    with pytest.raises(ArticleError, match="no such file or folder"):
        article_paths([folder / "missing.txt"])


def test_ingest_many_writes_one_review_each(folder, tmp_path, gaz):
    out = tmp_path / "reviews"
    out.mkdir()
    written = ingest_many([folder], out_dir=out, date="2026-04-01", kg_or_records=gaz, show_progress=False)
    assert [p.name for p in written] == ["a.review.yaml", "b.review.yaml"]
    markets = []
    for p in written:
        doc = yaml.safe_load(p.read_text())
        markets += [r["market"] for r in doc["candidates"].get("market_presence", [])]
    assert markets == ["chile", "peru"]


def test_cli_takes_several_files_and_a_folder_for_output(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(main, ["ingest", str(folder / "a.txt"), str(folder / "b.md"), "--date",
                                       "2026-04-01", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.review.yaml", "b.review.yaml"]
    assert "2 review files" in result.output


def test_cli_refuses_a_file_as_output_for_several(folder, tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(folder), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "names an existing folder" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_without_the_pipeline_ingest_runs_on_rules_and_says_so(monkeypatch, tmp_path, gaz):
    from nevkg.ingest.extract import nlp

    monkeypatch.setattr(nlp, "_load", lambda: (None, "rules only: spaCy is not installed (pip install "
                                                     "'nevkg[nlp]')"))
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    doc = ingest_document(path, date="2026-04-01", kg_or_records=gaz)
    assert doc["extractor"].startswith("rules only: spaCy is not installed")
    assert [r["market"] for r in doc["candidates"]["market_presence"]] == ["chile"]
