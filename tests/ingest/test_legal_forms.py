"""Companies named with a legal form from outside the English-speaking world (written for these tests): the
parser often calls them people or places, or leaves out their first word."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract


@pytest.fixture(scope="module", autouse=True)
def pipeline(nlp_pipeline):
    return nlp_pipeline


def named(gaz, text):
    result = extract(text, gaz, article_date="2025-06-10", source_id="test-source")
    return {c.record["label"]: c.file for c in result.candidates if c.file in {"organizations", "people", "places"}}


@pytest.mark.parametrize("text, company", [
    ("The cars will be assembled by Perodua Sales Sdn Bhd in Rawang.", "Perodua Sales Sdn Bhd"),
    ("Motor Mundo Ltda. will sell the vans in Brazil.", "Motor Mundo Ltda"),
    ("In Brazil, Motor Mundo Ltda. will sell the vans.", "Motor Mundo Ltda"),
    ("Auto Plaza Kft. opened a showroom in Budapest last week.", "Auto Plaza Kft"),
    ("PT Arjuna Mitra said it would assemble cars in Cikarang.", "PT Arjuna Mitra"),
    ("Jakarta-based PT Arjuna Mitra will import the cars.", "PT Arjuna Mitra"),
    ("Vans will be sold in Chile by Andes Motor SpA from March.", "Andes Motor SpA"),
])
def test_a_name_with_a_legal_form_is_a_company_in_full(gaz, text, company):
    found = named(gaz, text)
    assert found.get(company) == "organizations", found
    assert not [n for n, f in found.items() if f in {"people", "places"} and n in company]
