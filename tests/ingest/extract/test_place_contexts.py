"""Places named by the words around them (:mod:`nevkg.ingest.extract.place_contexts`), and the sites read from
them, on sentences written for these tests (invented companies; real towns the records do not know)."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def places(result) -> dict[str, tuple[str, list[str]]]:
    return {r["id"]: (r["kind"], r.get("located_in") or []) for r in records(result, "places")}


def sites(result) -> list[tuple[tuple[str, ...], str | None]]:
    return sorted((tuple(r["operator"]), r.get("place")) for r in records(result, "sites"))


@pytest.mark.parametrize("text, place, kind, up", [
    ("Kestrel Auto opened a showroom in the Indian state of Maharashtra.", "maharashtra", "state", ["india"]),
    ("Kestrel Auto is building its first overseas plant in Hungary's Szeged.", "szeged", "city", ["hungary"]),
    ("Orvan Group will assemble vans in the southern province of Chiriquí from May.", "chiriqui", "province", []),
])
def test_a_place_named_by_its_noun_or_country(run, text, place, kind, up):
    assert places(run(text)).get(place) == (kind, up)


@pytest.mark.parametrize("text, operator, place", [
    ("Debrecen will host Kestrel Auto's first European factory.", "kestrel-auto", "debrecen"),
    ("Production of the K5 will start at the Zaragoza plant of Orvan Group next year.", "orvan-group", "zaragoza"),
    ("Kestrel Auto has picked Tangier for its new assembly plant.", "kestrel-auto", "tangier"),
])
def test_a_site_at_a_place_the_parser_missed_or_called_a_company(run, text, operator, place):
    result = run(text)
    assert (operator,) in [s[0] for s in sites(result)] and ((operator,), place) in sites(result)
    assert place not in {r["id"] for r in records(result, "organizations")}


def test_a_company_named_elsewhere_is_not_made_a_place(run):
    text = "Orvan said on Monday it would expand. Output at the Orvan plant rose to 9,000 vans."
    result = run(text)
    assert "orvan" not in places(result)
