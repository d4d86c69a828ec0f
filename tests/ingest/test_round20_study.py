"""Forms found on the round-20 samples (a Hungarian battery and car plant, CKD assembly in a Cambodian SEZ, an
Indian JV's launch, a Dubai robotaxi service, a Chinese-Uzbek JV in Kokand, e-buses assembled in Thika) once their
unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def test_a_joint_venture_between_described_parents_names_both(gaz):
    text = ("Narmada Tavo Mobility Pvt Ltd is the 60:40 joint venture between Bhopal-based Narmada Auto Holdings "
            "and Chinese carmaker Tavo Automobile. The JV's plant in Dewas, Madhya Pradesh, assembles the car.")
    result = run(gaz, text, date="2026-12-01")
    ventures = [c.record for c in cands(result, "partnerships")]
    assert [(sorted(r["partners"]), r.get("company")) for r in ventures] == [
        (["narmada-auto-holdings", "tavo-automobile"], "narmada-tavo-mobility-pvt-ltd")]
    sites = [c.record for c in cands(result, "sites")]
    assert [(r["operator"], r["place"]) for r in sites] == [(["narmada-tavo-mobility-pvt-ltd"], "dewas")]
    assert "jv-s" not in {c.record["id"] for c in cands(result, "places")}
