"""Forms found on the round-45 samples (a bus maker's takeover in Genk, an e-bus venture near Rijeka, e-bus and
e-SUV orders with a loan and chargers on Guam, a van lease and chargers on the Isle of Man, a distributor and its
dealers in Monaco, a customs-duty cut and e-taxis in Kabul) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round33_study import _org_ids


def test_a_body_named_after_a_territory_with_of_in_its_name_is_whole(gaz):
    text = ("Electric rounds\n\n"
            "Isle of Man Post Office will replace its diesel vans with electric ones from next spring. The Post Office "
            "said the first vans would be based in Ramsey.")
    result = run(gaz, text, date="2026-12-10")
    ids = _org_ids(result)
    assert "isle-of-man-post-office" in ids and "man-post-office" not in ids and "post-office" not in ids
    body = next(c for c in cands(result, "organizations") if c.record["id"] == "isle-of-man-post-office")
    assert "Post Office" in body.record.get("aliases", [])
