"""Forms found on the round-18 samples (a Singapore taxi order, a Mexican pickup plant, a Kenyan e-bus stake, KD
assembly in Kazakhstan with a Saudi stake, a Gulf fund's robotaxi stake, Argentina's EV quota) once their unseen
scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _orgs


def test_a_headline_short_name_of_the_company_the_body_names_in_full_is_that_company(gaz):
    text = ("Velmora Auto to Build EVs in Uzbekistan\n\n"
            "Velmora Automobile Group will start building electric cars in Uzbekistan next year, the Chinese "
            "carmaker said on Monday. Velmora will invest 500 million yuan in the plant in Jizzakh.")
    result = run(gaz, text, date="2026-12-01")
    assert "velmora-automobile-group" in _orgs(result) and "velmora-auto" not in _orgs(result)
    assert {o for c in cands(result, "sites") for o in c.record["operator"]} == {"velmora-automobile-group"}
