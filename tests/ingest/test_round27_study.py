"""Forms found on the round-27 samples (an EV venture in Sohar's free zone, e-taxis and swap stations in Tokyo, a
stake in a Lagos distributor, e-buses bodied in Mosquera for Bogotá, a leasing company and swap stations in Dublin,
an LFP cell plant in Vaasa) once their unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _ids(result, file):
    return {c.record["id"]: c.record for c in cands(result, file)}


@pytest.mark.parametrize("name", ["Pijao Movilidad", "Sumapaz Energía", "Carrocerías Tequendama",
                                  "Importadora Quindío"])
def test_spanish_trade_words_make_a_company_not_a_person(gaz, name):
    result = run(gaz, f"The chassis were ordered by {name}, which runs buses in the south of the city.",
                 date="2026-12-07")
    files = {c.record["label"]: c.file for c in result.candidates if "label" in c.record}
    assert files.get(name) == "organizations"
