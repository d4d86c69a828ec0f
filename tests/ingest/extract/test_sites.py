"""Production sites (:mod:`nevkg.ingest.extract.relations_sites`): one site named twice, first by its country
and then by its city, is one record at the city. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def sites(result) -> list[tuple[tuple[str, ...], str]]:
    return sorted((tuple(r["operator"]), r.get("place")) for r in records(result, "sites"))


@pytest.mark.parametrize("text, operator, place", [
    ("Orvan Group chose Spain for its first overseas plant. Its factory in Valencia will make vans from 2027.",
     "orvan-group", "valencia"),
    ("Kestrel Auto is building a vehicle plant in Mexico. Its new factory in Monterrey will employ 900 people.",
     "kestrel-auto", "monterrey"),
])
def test_a_site_named_by_country_then_city_is_one_site(run, text, operator, place):
    assert sites(run(text)) == [((operator,), place)]


@pytest.mark.parametrize("text, expected", [
    ("Velmora Motors builds buses at a plant in Hungary. Orvan Group has opened a plant in Debrecen.",
     [(("orvan-group",), "debrecen"), (("velmora-motors",), "hungary")]),
    ("Kestrel Auto runs a plant in Monterrey. Orvan Group runs a factory in Monterrey too.",
     [(("kestrel-auto",), "monterrey"), (("orvan-group",), "monterrey")]),
])
def test_sites_of_two_operators_stay_two(run, text, expected):
    assert sites(run(text)) == expected
