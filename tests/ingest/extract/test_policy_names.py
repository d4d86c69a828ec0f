"""Laws, regulations and notices named by their proper names, with their short names and issuers
(:mod:`nevkg.ingest.extract.policy_names`, :mod:`nevkg.ingest.extract.relations_policy`). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.policy_names import instrument_kind
from tests.ingest.extract.conftest import records


def policies(result) -> dict[str, dict]:
    return {r["label"]: r for r in records(result, "policies")}


@pytest.mark.parametrize("text, label", [
    ("Lawmakers in Canberra passed the Fuel Efficiency Standard Act last year.", "Fuel Efficiency Standard Act"),
    ("Under the Foreign Trade Law, the cabinet may restrict exports of rare earths.", "Foreign Trade Law"),
    ("Exporters cited the Provisions on the Export of Dual-Use Items, in force since March.",
     "Provisions on the Export of Dual-Use Items"),
    ("The ministry issued Announcement No. 12 of 2026 on Friday.", "Announcement No. 12 of 2026"),
    ("Regulation (EU) 2031/77 sets new limits for vans.", "Regulation (EU) 2031/77"),
    ("The White House said Executive Order 14999 takes effect at once.", "Executive Order 14999"),
])
def test_a_law_or_notice_is_a_policy_under_its_proper_name(run, text, label):
    assert label in policies(run(text))


@pytest.mark.parametrize("text", [
    "The Law Society of Kenya welcomed the ruling.",
    "The company said the Act would not change its plans.",
    "Analysts expect new rules next year.",
])
def test_no_law_without_a_name(run, text):
    assert not [p for p in policies(run(text)) if p.endswith(("Act", "Law", "Society", "Rules"))]


def test_a_short_name_in_brackets_is_the_laws_alias_and_names_it_later(run):
    text = ("Congress passed the Clean Trucks Funding Act (CTFA) in May. The CTFA gives buyers of electric "
            "trucks a credit.")
    found = policies(run(text))
    assert found["Clean Trucks Funding Act"]["aliases"] == ["CTFA"]
    assert not any(r["label"] == "CTFA" for r in records(run(text), "organizations"))


@pytest.mark.parametrize("text, label, issuer", [
    ("Peru's Foreign Trade Law lets the cabinet restrict imports of used cars.", "Foreign Trade Law", "peru"),
    ("Under Announcement No. 45, issued by the Ministry of Economy of Peru, exporters need a licence.",
     "Announcement No. 45", "ministry-of-economy-of-peru"),
    ("Regulation (EU) 2031/77 sets new limits for vans.", "Regulation (EU) 2031/77", "european-union"),
])
def test_a_laws_issuer_is_its_owner_its_agent_or_the_union_in_its_name(run, text, label, issuer):
    rec = policies(run(text))[label]
    assert rec["issuer"] == issuer
    assert issuer not in rec.get("origins", [])  # the maker of a law is not whose goods it covers


@pytest.mark.parametrize("label, kind", [
    ("Tariff Act", "trade-measure"), ("Export Licence Measures", "licence"), ("Clean Air Act", "regulation"),
    ("Vehicle Purchase Tax Law", "tax-change"),
])
def test_a_laws_kind_follows_its_measure_word(label, kind):
    assert instrument_kind(label) == kind
