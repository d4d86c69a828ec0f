"""Sites a company only weighs, puts off or gives up (:mod:`plans`), on sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.plans import plan_status
from nevkg.loaders.records import ProductionSite
from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def sites(gaz, text) -> set[tuple[str, str, str | None]]:
    result = run(gaz, text)
    recs = [c.record for c in result.candidates if c.file == "sites"]
    for rec in recs:
        ProductionSite(**rec)  # every status proposed is one the records accept
    return {(r["operator"][0], r["place"], r.get("status")) for r in recs}


@pytest.mark.parametrize("before, after, status", [
    ("Lanshan Motors is weighing a new", "", "considered"),
    ("The group has been scouting for land for a", "", "considered"),
    ("Orvane Auto scrapped its", "", "dropped"),
    ("Officials said a second", " in the north was ruled out.", "dropped"),
    ("The company delayed its", "", "postponed"),
    ("It put the", " on ice for now.", "postponed"),
    ("Orvane Auto opened its first", " last spring.", None),
    ("After it studied the market for a year, Orvane Auto opened its first", "", None),
])
def test_the_status_from_the_words_around_the_cue(before, after, status):
    assert plan_status(before, after) == status


def test_a_company_weighing_a_plant(gaz):
    assert ("brisco-motors", "hungary", "considered") in sites(
        gaz, "Brisco Motors is weighing a factory in Hungary, people familiar with the matter said.")
    assert ("korvell-motors", "vietnam", "considered") in sites(
        gaz, "Korvell Motors is studying the feasibility of an assembly plant in Vietnam.")


def test_each_place_a_weighed_plan_lists_with_whose_plan_it_is(gaz):
    text = "Dunmore Coaches reopened talks with Lisbon. Other options considered included plants in Porto and Braga."
    assert {("dunmore-coaches", "porto", "considered"), ("dunmore-coaches", "braga", "considered")} <= sites(gaz, text)
    text = ("Tallis Motors has been in talks with two towns. Locations under consideration include factories in "
            "Porto and Coimbra.")
    assert {("tallis-motors", "porto", "considered"), ("tallis-motors", "coimbra", "considered")} <= sites(gaz, text)


def test_a_plan_given_up_or_put_off(gaz):
    assert ("tallis-motors", "chile", "dropped") in sites(
        gaz, "Tallis Motors has shelved its plans for a bus factory in Chile, citing weak demand.")
    assert ("korvell-motors", "peru", "dropped") in sites(gaz, "A second plant in Peru was ruled out, Korvell Motors said.")
    assert ("tallis-motors", "chile", "postponed") in sites(gaz, "Tallis Motors has put its planned bus factory in "
                                                                 "Chile on hold.")
    assert ("kessel-group", "hungary", "postponed") in sites(
        gaz, "Kessel Group postponed the construction of its battery plant in Hungary until 2028.")


def test_no_plan_status_from_another_clause(gaz):
    text = "Korvell Motors said its plant in Lima, which was considered too small, will close."
    assert {s for _, _, s in sites(gaz, text)} == {None}
    text = "Orvane Auto chose Morocco after it weighed offers from three governments, and it opened a plant in Tangier."
    assert {s for _, p, s in sites(gaz, text) if p == "tangier"} == {"operating"}


def test_sites_or_locations_a_company_weighs(gaz):
    text = "Lanshan Motors picked Serbia. The company had also considered sites in Hungary and Romania before that."
    assert {("lanshan-motors", "hungary", "considered"), ("lanshan-motors", "romania", "considered")} <= sites(
        gaz, text)
    text = "Orvane Auto is scouting locations in Poland and Czechia for a battery plant, two people said."
    assert {("orvane-auto", "poland", "considered"), ("orvane-auto", "czech-republic", "considered")} <= sites(gaz, text)


def test_a_launch_put_off_or_given_up_is_no_market(gaz):
    for text in ("Qingyun Robotics postponed a similar launch in Norway last year after regulators objected.",
                 "Brisco Motors has dropped plans to start selling its vans in Canada."):
        result = run(gaz, text)
        assert [c.record for c in result.candidates if c.file == "market_presence"] == []


def test_the_plan_given_up_in_the_next_sentence(gaz):
    text = ("Brisco Motors had been weighing a plant in Tamil Nadu, a person familiar with the matter said. "
            "That plan has now been dropped.")
    assert ("brisco-motors", "tamil-nadu", "dropped") in sites(gaz, text)
    text = "Tallis Motors will build a bus factory in Chile. The project was put on hold in May because of costs."
    assert ("tallis-motors", "chile", "postponed") in sites(gaz, text)
    text = "Tallis Motors will build a bus factory in Chile. Its second project in Peru has been postponed."
    assert ("tallis-motors", "chile", "planned") in sites(gaz, text)  # another project, in another place
