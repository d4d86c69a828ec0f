"""Forms found on the round-8 samples (a trade-press deliveries story, a wire exclusive, a local paper's plant
story, a feature, a press release, a policy story) once their first run was recorded. The sentences are written for
these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _files(result, rid: str) -> set[str]:
    return {m.file for m in result.mentions if m.id == rid}


def test_a_name_typed_by_its_own_company_word_stays_a_company_beside_an_opening_place(gaz):
    text = ("Qiaoxin Auto shipped 9,400 cars abroad in October. In Peru, Qiaoxin's sales tripled after it "
            "opened a sales company in Lima. In Chile, Qiaoxin sells through a distributor.")
    result = run(gaz, text)
    assert _files(result, "qiaoxin-auto") == {"organizations"}
    assert not [c for c in cands(result, "places") if c.id == "qiaoxin-auto"]
