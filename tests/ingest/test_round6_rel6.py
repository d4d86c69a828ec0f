"""Round-6 relation forms (business-press styles: an Indian newspaper's JV story, a plant agreement signed with a
government, a stock-exchange announcement), on sentences written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def test_a_venture_named_in_apposition_is_what_the_jv_stands_for(gaz):
    for text in ("Orvane Holdings and Chery signed the papers for their bus joint venture, Orvane Chery Mobility "
                 "Pvt Ltd, in which Orvane will hold 51 per cent. The JV will build a plant in Poland.",
                 "Chery has set up a new JV called Tessaro Chery Automotive, owned equally with Tessaro Group. "
                 "The joint venture will open a factory in Poland next year."):
        sites = {p for p in pairs(run(gaz, text)) if p[0] == "sites" and p[2] == "poland"}
        assert sites and all("chery-" in p[1] for p in sites), (text, sites)


def test_a_name_after_a_venture_that_starts_a_clause_is_no_venture(gaz):
    text = ("Under the joint venture, Chery will supply the engines. Orvane Holdings owns the rest. "
            "The JV will build a plant in Poland.")
    assert ("sites", "chery", "poland") not in pairs(run(gaz, text))
