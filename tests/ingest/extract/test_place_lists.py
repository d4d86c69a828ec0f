"""A name listed among places is a place (:mod:`nevkg.ingest.extract.place_lists`)."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def test_a_town_listed_with_towns_is_a_town(gaz):
    text = ("Al Noor Motors plans to open nine showrooms in cities including Riyadh, Jeddah, Dammam and Tabuk by "
            "the end of 2027.")
    result = run(gaz, text, date="2026-12-01")
    assert [m.file for m in result.mentions if m.text == "Tabuk"] == ["places"]
    places = {p for c in cands(result, "deployments") for p in c.record.get("places") or []}
    assert "tabuk" in places


def test_a_list_with_a_company_or_a_headline_names_no_new_place(gaz):
    for text in ("Marlin Auto sells in Chile, Peru, Andes Motor Trading and Quillota, the company said.",
                 "Marlin Picks Poland for EUR1.5 Billion EV Plant, Beating Slovakia and Serbia\n\nIt is official."):
        result = run(gaz, text, date="2026-12-01")
        assert not [m for m in result.mentions if m.rule == "place-list"], text
