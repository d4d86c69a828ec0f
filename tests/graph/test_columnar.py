"""The build's columnar copy: every observation once, the terms they use, the name rows; part of the atomic build."""

from __future__ import annotations

import hashlib

import pytest

from nevkg.errors import LoaderError
from nevkg.graph.build import build
from nevkg.graph.columnar import COLUMNAR, open_columnar, read_names
from nevkg.graph.store import current_store_dir
from nevkg.queries.resolve import INDEX_QUERY, NameIndex

from ..conftest import FIXTURE_RECORDS, RESOURCES

STATS = RESOURCES / "stats"
INPUTS = [FIXTURE_RECORDS, STATS / "comtrade-small.csv", STATS / "plain-small.csv", STATS / "headline-2026.csv"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("columnar") / "kg"
    kg = build(f"oxigraph:{home}", INPUTS, shipped=False)
    yield kg
    kg.close()


def test_every_observation_once(built):
    col = open_columnar(built.store_dir)
    n = int(next(iter(built.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a nev:Observation }")))[0])
    assert col.sql("SELECT COUNT(*), COUNT(DISTINCT obs) FROM obs").fetchone() == (n, n)
    assert n >= 37 + 2 + 6  # the tables' observations, and the curated ones
    # curated ones keep every source; table rows their table (and the plain layout's source column)
    curated = col.sql("SELECT len(sources) FROM obs WHERE dataset LIKE '%curated-statistics' ORDER BY obs").fetchall()
    assert curated == [(1,), (1,)]
    [(value, start, end, dest)] = col.sql(
        "SELECT value, period_start, period_end, destination FROM obs WHERE measure LIKE '%export-volume' AND "
        "destination LIKE '%country-de' AND period_start = DATE '2024-03-01'").fetchall()
    assert (int(value), str(start), str(end), dest) == (3800, "2024-03-01", "2024-03-31",
                                                       "https://w3id.org/nevkg/id/country-de")


def test_stored_name_rows_are_the_index_without_table_observations(built):
    stored = NameIndex(rows=read_names(built.store_dir))
    queried = NameIndex(built)  # INDEX_QUERY over the whole graph
    table_obs = {c.iri for c in queried.things.values() if c.kind == "Observation" and "/obs-" in c.iri}
    assert table_obs and INDEX_QUERY
    assert stored.things == {i: c for i, c in queried.things.items() if i not in table_obs}
    keys = {k: v - table_obs for k, v in queried.keys.items()}
    assert stored.keys == {k: v for k, v in keys.items() if v}
    assert "Place" in read_names(built.store_dir, "below")["Place"] and "Country" in read_names(built.store_dir,
                                                                                                "below")["Place"]


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_failed_build_leaves_the_previous_copy(tmp_path):
    home = tmp_path / "kg"
    build(f"oxigraph:{home}", INPUTS, shipped=False).close()
    before = current_store_dir(home)
    files = _digest(before / COLUMNAR)
    bad = tmp_path / "bad.csv"
    bad.write_text("period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n202401,CHN,DEU,X,870380,5\n"
                   "202401,CHN,DEU,X,870380,-5\n")
    with pytest.raises(LoaderError, match="negative"):
        build(f"oxigraph:{home}", INPUTS + [bad], shipped=False)
    assert current_store_dir(home) == before and _digest(before / COLUMNAR) == files
    assert [p.name for p in home.glob("store-*")] == [before.name]


def test_stores_without_a_copy():
    assert open_columnar(None) is None and read_names(None) is None
    assert getattr(build("memory", [FIXTURE_RECORDS], shipped=False), "store_dir", None) is None


def test_a_skipped_row_leaves_nothing_in_the_copy(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,qtyUnitAbbr,qty\n"
                     "202401,CHN,DEU,X,870380,1000,u,1\n202401,CHN,FRA,X,870380,2000,u,-2\n")  # good value, bad qty
    kg = build(f"oxigraph:{tmp_path / 'kg'}", [FIXTURE_RECORDS, table], shipped=False, skip_bad_rows=True)
    n = int(next(iter(kg.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a nev:Observation ; qb:dataSet "
                                "nevid:dataset-table-t-csv }")))[0])
    col = open_columnar(kg.store_dir)
    assert n == 2 and col.sql("SELECT COUNT(*) FROM obs WHERE dataset LIKE '%table-t-csv'").fetchone()[0] == 2
    assert kg.build_info.skipped_rows == 1
    kg.close()
