"""Forms found on the round-44 samples (a stake and CKD story in Gomel, an e-bus and e-taxi order in Douala, a
dealer's service centre and VAT cut in St Vincent, a bus lease and chargers in Jersey, a registration tax and imports
in the Faroes, an e-bus venture in Turkmenistan's Farap zone) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _org_ids(result):
    return {c.record["id"] for c in cands(result, "organizations")}


def test_a_name_written_once_with_its_legal_form_keeps_it(gaz):
    text = ("Crossovers for Gomel\n\n"
            "MINSK, 2 December – Luanxing Automobile Group Co., Ltd. will organize the assembly of electric crossovers "
            "in Gomel together with the Belarusian company Drut-Avto OJSC and will become one of its shareholders. The "
            "agreements were signed in Minsk on 1 December. Luanxing will acquire a 40% stake in Drut-Avto for $31 "
            "million. Drut-Avto has been selling Luanxing cars in Belarus since 2024.")
    result = run(gaz, text, date="2026-12-10")
    ids = _org_ids(result)
    assert "drut-avto-ojsc" in ids and "drut-avto" not in ids
    org = next(c for c in cands(result, "organizations") if c.record["id"] == "drut-avto-ojsc")
    assert "Drut-Avto" in org.record.get("aliases", [])
