"""Forms found on the round-36 samples (a minicar and e-motorcycle venture in Bermuda, an e-van venture in
Luxembourg's Bettembourg, an e-taxi venture at Maputsoe in Lesotho, an e-minibus venture at Lungga in the Solomon
Islands, an e-bus and e-truck venture in Tajikistan's Sughd zone, an e-bus venture at Providence in the Seychelles)
once their unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


@pytest.mark.parametrize("name, slug", [("Moselle Trucks S.à r.l.", "moselle-trucks-s-a-r-l"),
                                        ("Moselle Trucks S.a r.l.", "moselle-trucks-s-a-r-l")])
def test_luxembourgs_limited_company_form_ends_the_name(gaz, name, slug):
    text = f"Weilong Auto will hold 60% of the new company, {name}, which will assemble trucks in Contern."
    orgs = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert slug in orgs and not any(o.startswith("moselle-trucks-s") and o != slug for o in orgs)
