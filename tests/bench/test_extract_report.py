"""bench/extract.py's report of the sample articles: a held-out article's misses stay unprinted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_TEXT = ("Nordhaven Motors said on Monday it exported 4,200 cars to Chile in March. Its chief executive, Lise "
         "Aaberg, said the company would open a plant in Valparaiso next year.\n")


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "bench" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(REPO / "bench"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "bench"))
    return module


def _gold(name: str, split: str) -> str:
    # a gold that lists one entity no rule can find, so that each article has a miss to show
    return (f"article: {name}.txt\nsplit: {split}\ndate: '2026-04-10'\n"
            f"entities: [chile, unfindable-{split}-entity]\nstatistics: []\nrelations: []\npeople: []\n")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("articles")
    for name, split in (("alpha", "dev"), ("beta", "held-out")):
        (folder / f"{name}.txt").write_text(_TEXT, encoding="utf-8")
        (folder / f"{name}.gold.yaml").write_text(_gold(name, split), encoding="utf-8")
    text, totals = _bench().run(folder)
    assert set(totals["results"]) == {"alpha.txt", "beta.txt"}
    return text


def test_a_dev_articles_misses_are_printed(report):
    assert "### alpha.txt" in report
    assert "unfindable-dev-entity" in report


def test_a_held_out_articles_misses_are_not(report):
    assert "### beta.txt" not in report
    assert "unfindable-held-out-entity" not in report
    assert "| beta.txt (held-out) |" in report  # its per-article figures are


def test_a_partner_written_as_a_list_of_ids_matches_any_of_them():
    match = _bench()._rel_match
    gold = ["partnership:cooperation", ["qingluan-logistics", "qingluan-group"], "jinling-shipyard"]
    assert match(gold, ("partnership:cooperation", frozenset({"jinling-shipyard", "qingluan-group"})))
    assert match(gold, ("partnership:cooperation", frozenset({"qingluan-logistics", "jinling-shipyard"})))
    assert not match(gold, ("partnership:cooperation", frozenset({"qingluan-group", "qingluan-logistics"})))
    assert not match(gold, ("partnership:joint-venture", frozenset({"jinling-shipyard", "qingluan-group"})))
    assert match(["partnership:cooperation", "a", "b"], ("partnership:cooperation", frozenset({"b", "a"})))
