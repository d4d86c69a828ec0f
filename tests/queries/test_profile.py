"""Market profiles over the shipped records, and the offline market page."""

from __future__ import annotations

import re

import pytest

from nevkg.errors import UnknownNameError
from nevkg.queries.profile import market_page, profile, profile_table


def test_thailand(kg):
    p = profile(kg, "Thailand")
    assert (p["market"], p["kind"], p["traffic"], p["right_hand_drive"]) == ("Thailand", "Country", "left", "needed")
    assert p["connectors"] == [] and p["connector_sources"] == []  # the connector data has no entry
    assert p["traffic_sources"] == ["country-coder-borders-2026-04"]
    assert {o["organization"] for o in p["present"]} >= {"BYD", "GAC Aion"}
    byd = [o for o in p["present"] if o["organization"] == "BYD"][0]
    assert any(t["relation"].startswith("has a factory") for t in byd["ties"])
    assert p["measures"] == [] and p["timeline"] == []
    assert p["other_policies"] == []  # GAC Aion's Thailand Action is a corporate plan, not a policy (issue 14)
    assert "Southeast Asia" in p["located_in"]


def test_eu(kg):
    p = profile(kg, "EU")
    assert p["market_id"].endswith("/european-union") and p["kind"] == "EconomicUnion"
    assert p["traffic"] == ""  # members differ; the note says which
    assert "Ireland, Malta and Cyprus" in p["note"]
    assert set(p["connectors"]) == {"Type 2 (IEC 62196-2, Mennekes)", "CCS2 (Combo 2)", "CHAdeMO"}
    assert {o["organization"] for o in p["present"]} >= {"BYD", "GAC Aion", "XPeng Motors"}
    labels = [m["id"].rsplit("/", 1)[-1] for m in p["measures"]]
    assert labels[:2] == ["eu-provisional-cvd-bev-2024", "eu-definitive-cvd-bev-2024"]
    definitive = [m for m in p["measures"] if m["id"].endswith("eu-definitive-cvd-bev-2024")][0]
    assert "17 % countervailing duty (BYD, was 17.4 %)" in definitive["rates"]
    assert (definitive["start"], definitive["end"], definitive["status"]) == ("2024-10-30", "2029-10-29", "in-force")
    days = [e["date"] for e in p["timeline"] if e["date"]]
    assert days == sorted(days)
    assert ("2024-10-30", "in force from") in {(e["date"], e["event"]) for e in p["timeline"]}


def test_member_state_inherits_union_measures(kg):
    p = profile(kg, "Germany")
    assert p["traffic"] == "right" and p["right_hand_drive"] == "not needed"
    assert any(m["id"].endswith("eu-definitive-cvd-bev-2024") for m in p["measures"])


def test_hong_kong_is_not_under_mainland_rules(kg):
    p = profile(kg, "Hong Kong")
    assert p["measures"] == []
    assert "40,000" in p["market_note"] and p["note_sources"] == ["36kr-2026-02-11-guangzhou-nev-exports"]


def test_indonesia_keeps_both_local_content_paths(kg):
    p = profile(kg, "Indonesia")
    assert "60 % in 2027" in p["local_rules"] and "60 % before 2030" in p["local_rules"]
    assert len(p["local_rule_policies"]) == 4


def test_profile_table(kg):
    rows = profile_table(profile(kg, "Turkey"))
    fields = [r["field"] for r in rows]
    assert fields[:3] == ["market", "driving side", "charging connectors"]
    measure = [r for r in rows if r["field"] == "measure"][0]
    assert "40 % additional tariff" in measure["value"] and "at least 7,000 US dollars" in measure["value"]
    assert measure["sources"] == "reuters-2024-06-turkey-china-vehicle-tariff"


def test_unknown_market(kg):
    with pytest.raises(UnknownNameError, match="did you mean: Thailand"):
        profile(kg, "Thialand")


def test_market_page_has_the_timeline_offline(kg, tmp_path):
    out = market_page(kg, "EU", tmp_path / "eu.html")
    page = out.read_text(encoding="utf-8")
    assert "Measures timeline" in page
    section = page[page.index('<section id="measures-timeline"'):page.index("</section>")]
    assert "2024-10-30" in section and "Regulation 2024/2754" in section and "in force from" in section
    assert "17 % countervailing duty (BYD, was 17.4 %)" in section
    assert "Present: " in section and "BYD" in section
    head = page.split("<script")[0]
    assert not re.search(r"(src|href)=\"https?://", page)
    assert "http://" not in head and "https://" not in head
    assert "EU definitive countervailing duties" in page.split('id="nevkg-data">')[1]


def test_market_page_escapes_text(kg, tmp_path):
    out = market_page(kg, "Indonesia", tmp_path / "id.html")
    section = out.read_text(encoding="utf-8").split('<section id="measures-timeline"')[1].split("</section>")[0]
    assert "<script" not in section
    assert "Indonesia&#x27;s" in section or "Indonesia&#39;s" in section


def test_presence_is_what_a_company_does_there_not_where_it_is_from(kg):
    # issue 14: "BMW is from Germany" is not presence in Germany; BYD's deliveries are
    p = profile(kg, "Germany")
    present = {o["organization"]: o for o in p["present"]}
    assert "BYD" in present
    assert all(t["relation"] not in ("is from", "is based in") for o in p["present"] for t in o["ties"])
    assert "BMW" not in present and "Volkswagen" not in present
    assert {o["organization"] for o in p["home"]} >= {"BMW", "Volkswagen"}
    rows = profile_table(p)
    assert any(r["field"].startswith("from or based here") and r["value"].startswith("BMW: is from Germany")
               for r in rows)
    eu = profile(kg, "European Union")
    assert "European Commission" not in {o["organization"] for o in eu["present"]}
