"""Shared fixtures: the shipped graph (built once per session), the small fixture records, a fresh home."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

RESOURCES = Path(__file__).parent / "resources"
FIXTURE_RECORDS = RESOURCES / "records"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip when an optional component is missing, unless NEVKG_REQUIRE_ALL=1 (CI) makes that a failure."""
    if condition:
        return
    if os.environ.get("NEVKG_REQUIRE_ALL") == "1":
        pytest.fail(f"required in CI (NEVKG_REQUIRE_ALL=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def kg():
    """The shipped records built into an in-memory graph, once per test session."""
    from nevkg.graph.build import build

    return build("memory")


@pytest.fixture(scope="session")
def fixture_kg():
    """The small fixture records (tests/resources/records) in memory."""
    from nevkg.graph.build import build

    return build("memory", [FIXTURE_RECORDS], shipped=False)


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A writable copy of the fixture records, for tests that break them."""
    target = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, target)
    return target


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh NEVKG_HOME for the default oxigraph store."""
    path = tmp_path / "home"
    monkeypatch.setenv("NEVKG_HOME", str(path))
    monkeypatch.delenv("NEVKG_STORE", raising=False)
    return path


def require_module(name: str):
    """Import an optional test component, skipping without it (a failure under NEVKG_REQUIRE_ALL=1)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        require_or_skip(False, f"{name} is not installed (pip install -e '.[test]')")
