"""Forms found on the round-14 samples (a CKD licence, a leasing deal, Latin America, a Kazakh JV, a battery-parts
plant, a surtax quota) once their first runs were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _obs, _orgs  # noqa: F401


def test_a_short_name_shared_with_a_national_arm_names_the_parent(gaz):
    text = ("The company, Kaitong Thermal Systems Group, which is based in Wuxi, said its Spanish subsidiary, Kaitong "
            "Components Spain, had received the permit. Kaitong says the factory will supply Seat.")
    orgs = _orgs(run(gaz, text, date="2026-11-20"))
    assert "Kaitong" in orgs["kaitong-thermal-systems-group"].get("aliases", [])
    assert "Kaitong" not in orgs["kaitong-components-spain"].get("aliases", []) and "kaitong" not in orgs
