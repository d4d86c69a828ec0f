"""Forms found on the round-39 samples (an e-bus and e-truck takeover at Drenas in Kosovo, an e-shuttle and
e-scooter venture at Airai in Palau, an e-motorcycle and e-keh-keh plant at the Freeport of Monrovia in Liberia, an
e-motorcycle and e-tricycle venture at Wellington in Sierra Leone, an e-van and e-taxi venture at Taanayel in
Lebanon, an e-bus and e-van venture at Spitalla in Albania) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _orgs(result):
    return {c.id for c in cands(result, "organizations")}


@pytest.mark.parametrize("name, oid", [("Drini Karoceri Sh.p.k.", "drini-karoceri-sh-p-k"),
                                       ("Butrinti Invest Sh.a.", "butrinti-invest-sh-a"),
                                       ("Jounieh Bus Lines S.A.L.", "jounieh-bus-lines-s-a-l"),
                                       ("Ateliers Cedre S.A.R.L.", "ateliers-cedre-s-a-r-l")])
def test_albanian_and_lebanese_legal_forms_end_the_name(gaz, name, oid):
    text = f"Weilong Auto signed a supply contract with {name} in Tirana last week, its sales director said."
    assert oid in _orgs(run(gaz, text, date="2026-12-10"))
