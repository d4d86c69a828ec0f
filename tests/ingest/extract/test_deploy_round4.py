"""Deployment forms of round 4 (:mod:`nevkg.ingest.extract.relations_deploy`,
:mod:`nevkg.ingest.extract.relations_markets`): an authority that grants a permit runs nothing, the company it
grants the permit to does. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _deployed(result) -> set[tuple[str, str]]:
    """(organisation, place) for every operator and partner of a proposed deployment."""
    return {(o, p) for r in records(result, "deployments") for o in [r["operator"], *r.get("partners", [])]
            for p in r["places"]}


@pytest.mark.parametrize("text, company, authority, place", [
    ("Last week the Swiss Federal Roads Office granted Velvix a licence to run driverless taxis in Zurich.",
     "velvix", "swiss-federal-roads-office", "zurich"),
    ("The Ministry of Transport allowed Kairo to test robotaxis without a safety driver in Abu Dhabi.",
     "kairo", "ministry-of-transport", "abu-dhabi"),
    ("The Land Transport Authority, which approved the service in May, said it would issue Kairo a permit to test "
     "robotaxis in Singapore.", "kairo", "land-transport-authority", "singapore"),
    ("Tripla and Kairo signed a deal in March. Last week the city's transport authority granted the partners a "
     "licence to run driverless taxis in Zurich.", "tripla", "transport-authority", "zurich"),
])
def test_the_permit_holder_deploys_and_the_authority_does_not(run, text, company, authority, place):
    deployed = _deployed(run(text))
    assert (company, place) in deployed
    assert not any(o == authority for o, _ in deployed)
