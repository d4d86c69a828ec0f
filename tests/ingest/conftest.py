"""Fixtures for the ingest tests: a scratch copy of the curated records and a gazetteer built from it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nevkg.loaders.curated import DEFAULT_DATA_DIR

ARTICLES = Path(__file__).resolve().parents[1] / "resources" / "articles"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of nevkg/data (accept must never touch the real one in tests)."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


@pytest.fixture(scope="session")
def gaz():
    from nevkg.ingest.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture
def write(tmp_path: Path):
    """Write an article file and return its path."""

    def _write(text: str | bytes, name: str = "article.txt") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="module")
def nlp_pipeline():
    """The statistical pipeline, for tests of the rules over the parse: they skip without it, except under
    ``NEVKG_REQUIRE_ALL=1`` (CI), where a missing pipeline is a failure."""
    from nevkg.ingest.extract.nlp import load_pipeline, pipeline_status

    if load_pipeline() is None:
        if os.environ.get("NEVKG_REQUIRE_ALL") == "1":
            pytest.fail(f"the statistical pipeline is required here: {pipeline_status()}")
        pytest.skip(pipeline_status())
    return load_pipeline()

