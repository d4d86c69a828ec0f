"""Relation forms of round 4 (issue 15), on sentences written for these tests: where a plant's goods go is no
site of it."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _sites(result) -> set[tuple[str, str]]:
    return {(o, r["place"]) for r in records(result, "sites") for o in r.get("operator") or []}


@pytest.mark.parametrize("text, company, site, markets", [
    ("Tovaro Motors will build a plant in Rosario, and the plant will supply Chile, Peru and Bolivia.",
     "tovaro-motors", "rosario", {"chile", "peru", "bolivia"}),
    ("Brennick Auto opened a factory in Rayong, where it will build right-hand-drive cars for Australia and "
     "New Zealand.", "brennick-auto", "rayong", {"australia", "new-zealand"}),
    ("Dalvik Motors will assemble vans in Tangier and ship kits to Senegal and Ghana from its plant there.",
     "dalvik-motors", "tangier", {"senegal", "ghana"}),
])
def test_where_a_plants_goods_go_is_no_site(run, text, company, site, markets):
    sites = _sites(run(text))
    assert (company, site) in sites
    assert not {p for _, p in sites} & markets
