"""Joint-venture companies with both parents and their stakes (:mod:`nevkg.ingest.extract.ventures`), on
sentences written for these tests (invented companies)."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def venture(result) -> tuple[tuple[str, ...], str | None, str | None, str | None]:
    """(parents, the venture company, the majority partner, the company's parent) of the one joint venture."""
    jv = [r for r in records(result, "partnerships") if r["kind"] == "joint-venture"]
    assert len(jv) == 1, records(result, "partnerships")
    company = jv[0].get("company")
    parent = next((r.get("parent") for r in records(result, "organizations") if r["id"] == company), None)
    return tuple(sorted(jv[0]["partners"])), company, jv[0].get("majority_partner"), parent


@pytest.mark.parametrize("text", [
    "Riverlane Mobility, a joint venture between Tessaly Motor and Varun Group, in which Tessaly Motor holds 51%, "
    "will build vans in Pune.",
    "Varun Group owns 49% of the venture Riverlane Mobility, and Tessaly Motor holds the rest.",
    "Riverlane Mobility is the JV of Tessaly Motor and Varun Group. Tessaly Motor owns 60 percent of it.",
    "Tessaly Motor and Varun Group set up a joint venture, Riverlane Mobility, in 2024. Varun Group holds a 49% "
    "stake in the venture.",
    "Tessaly Motor and Varun Group's joint venture Riverlane Mobility opened a plant in Pune. Tessaly Motor holds "
    "55% of the venture, Varun Group the rest.",
    "Tessaly Motor and Varun Group formed a 60:40 joint venture, Riverlane Mobility, last year.",
    "Riverlane Mobility is 51 percent owned by Tessaly Motor, with Varun Group holding the other 49 percent.",
    "Riverlane Mobility will make vans in Pune. Tessaly Motor holds 70% of Riverlane Mobility and Varun Group "
    "holds the remaining 30%.",
    "Tessaly Motor holds 51% of Riverlane Mobility, its joint venture with Varun Group.",
    "Tessaly Motor formed a joint venture with Varun Group called Riverlane Mobility. Tessaly Motor holds 60% of "
    "the venture.",
])
def test_a_venture_has_both_parents_and_its_majority_parent(run, text):
    assert venture(run(text)) == (("tessaly-motor", "varun-group"), "riverlane-mobility", "tessaly-motor",
                                  "tessaly-motor")


def test_without_a_stated_split_a_venture_has_both_parents_and_no_parent(run):
    text = "Riverlane Mobility, a joint venture of Tessaly Motor and Varun Group, will build vans in Pune."
    assert venture(run(text)) == (("tessaly-motor", "varun-group"), "riverlane-mobility", None, None)


def test_a_parents_stake_in_its_venture_is_no_partnership_of_its_own(run):
    text = "Tessaly Motor and Varun Group formed Riverlane Mobility, in which Varun Group holds a 35% stake."
    result = run(text)
    assert venture(result) == (("tessaly-motor", "varun-group"), "riverlane-mobility", "tessaly-motor",
                               "tessaly-motor")
    assert len(records(result, "partnerships")) == 1


def test_a_share_of_something_else_makes_no_venture(run):
    result = run("Tessaly Motor owns 35% of the Indian van market, and Varun Group holds the rest of it.")
    assert not [r for r in records(result, "partnerships") if r.get("company")]


@pytest.mark.parametrize("text", [
    "Riverlane Mobility, a Tessaly Motor–Varun Group joint venture, plans a plant in Pune.",
    "Riverlane Mobility, a 50:50 joint venture of Tessaly Motor and Varun Group, opened a plant in Pune.",
])
def test_the_site_after_a_venture_described_by_its_parents_is_the_ventures(run, text):
    result = run(text)
    assert venture(result)[:2] == (("tessaly-motor", "varun-group"), "riverlane-mobility")
    assert [(r["operator"], r["place"]) for r in records(result, "sites")] == [(["riverlane-mobility"], "pune")]


def test_a_capitalised_abbreviation_before_a_plant_is_no_place(run):
    result = run("Riverlane Mobility plans an EV plant in Pune.")
    assert [r["id"] for r in records(result, "places")] == ["pune"]
