"""The gazetteer of a records folder is read once, then loaded from its cache; any edit makes a new cache."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nevkg.errors import LoaderError
from nevkg.home import SHIPPED_DATA_DIR
from nevkg.ingest.gazetteer import Gazetteer
from nevkg.ingest.gazetteer_cache import folder_digest, records_gazetteer
from nevkg.loaders.curated import parse_records


def _same(a: Gazetteer, b: Gazetteer) -> None:
    assert a.ids == b.ids and a.concepts == b.concepts
    assert {k: vars(e) for k, e in a.entries.items()} == {k: vars(e) for k, e in b.entries.items()}


def test_cached_gazetteer_is_the_one_read_from_the_records(tmp_path):
    fresh = Gazetteer.from_records(parse_records([SHIPPED_DATA_DIR]))
    first = records_gazetteer(SHIPPED_DATA_DIR, tmp_path)
    assert len(list(tmp_path.glob("gazetteer-*.json"))) == 1
    again = records_gazetteer(SHIPPED_DATA_DIR, tmp_path)
    _same(fresh, first)
    _same(fresh, again)
    assert [m[2].id for m in again.finditer("BYD and Chery opened plants in Brazil")] == \
        [m[2].id for m in fresh.finditer("BYD and Chery opened plants in Brazil")]


def test_an_edited_record_makes_a_new_cache(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA_DIR, data)
    cache = tmp_path / "cache"
    before = records_gazetteer(data, cache)
    assert before.lookup("Zhuolan Motors") is None
    orgs = data / "organizations.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8") + "\n- id: zhuolan-motors\n  label: Zhuolan Motors\n"
                    "  kind: automaker\n  sources: [" + _a_source(data) + "]\n", encoding="utf-8")
    after = records_gazetteer(data, cache)
    assert after.lookup("Zhuolan Motors").id == "zhuolan-motors"
    assert len(list(cache.glob("gazetteer-*.json"))) == 2


def _a_source(data: Path) -> str:
    import yaml

    return yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))[0]["id"]


def test_a_damaged_cache_file_is_read_again_from_the_records(tmp_path):
    records_gazetteer(SHIPPED_DATA_DIR, tmp_path)
    (cached,) = tmp_path.glob("gazetteer-*.json")
    cached.write_text("{not json", encoding="utf-8")
    assert records_gazetteer(SHIPPED_DATA_DIR, tmp_path).lookup("BYD").id == "byd"
    assert cached.read_text(encoding="utf-8").startswith('{"format"')  # written again, whole


def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert records_gazetteer(SHIPPED_DATA_DIR, blocked / "cache").lookup("BYD").id == "byd"


def test_bad_records_are_an_error_and_nothing_is_cached(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "organizations.yaml").write_text("- id: Not A Slug\n  label: x\n", encoding="utf-8")
    with pytest.raises(LoaderError, match="organizations.yaml"):
        records_gazetteer(data, tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").glob("*.json"))


def test_digest_follows_names_and_contents(tmp_path):
    (tmp_path / "places.yaml").write_text("[]", encoding="utf-8")
    a = folder_digest(tmp_path)
    (tmp_path / "places.yaml").write_text("[] ", encoding="utf-8")
    b = folder_digest(tmp_path)
    (tmp_path / "places.yaml").rename(tmp_path / "people.yaml")
    assert len({a, b, folder_digest(tmp_path)}) == 3


def test_reading_an_article_loads_neither_rdflib_nor_the_accept_half(tmp_path):
    """With the gazetteer cached, ``ingest`` needs no RDF library and no records loader."""
    records_gazetteer(SHIPPED_DATA_DIR, tmp_path / "cache")
    article = tmp_path / "a.txt"
    article.write_text("Lanshan Motors opened a plant in Rayong, Thailand, in May 2025.\n", encoding="utf-8")
    code = ("import sys; from nevkg.ingest import ingest; "
            f"ingest({str(article)!r}, date='2025-06-01', out={str(tmp_path / 'r.yaml')!r}); "
            "print(sorted(m for m in ('rdflib', 'nevkg.loaders.curated', 'nevkg.ingest.review.accept') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "NEVKG_HOME": str(tmp_path)})
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert "lanshan-motors" in (tmp_path / "r.yaml").read_text(encoding="utf-8")
