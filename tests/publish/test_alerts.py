"""Alerts: the Atom feed parses with a real XML parser and has every element RFC 4287 requires."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner

from nevkg.cli import main
from nevkg.publish.alerts import ALERT_PHASES, alerts, render_alerts, write_alerts
from nevkg.queries.risk import risk

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
AS_OF, WITHIN = "2024-10-01", 60


@pytest.fixture(scope="module")
def entries(kg):
    return alerts(kg, as_of=AS_OF, within_days=WITHIN)


def _one(el, tag):
    found = el.findall(A + tag)
    assert len(found) == 1, f"{tag}: {len(found)} elements"
    return found[0]


def _iri(text):
    parsed = urlparse(text)
    return bool(parsed.scheme) and bool(parsed.netloc or parsed.path)


def test_entries_are_the_risk_events_in_the_window(kg, entries):
    rows = [r for r in risk(kg, as_of=AS_OF, within_days=WITHIN) if r["phase"] in ALERT_PHASES]
    assert entries and len(entries) == len(rows)
    assert {(e["organization_id"], e["measure_id"], e["event"]) for e in entries} == {
        (r["organization_id"], r["measure_id"], r["event"]) for r in rows}
    assert {e["phase"] for e in entries} == {"coming", "changed"}
    for e in entries:
        assert e["path"] and e["path"] in e["paths"] and e["sources"]
        assert all(s["title"] and s["issued"] for s in e["sources"]), e["id"]
    assert len({e["id"] for e in entries}) == len(entries)


def test_atom_feed_has_every_required_element(entries):
    feed = ET.fromstring(render_alerts(entries, "atom", as_of=AS_OF, within_days=WITHIN))
    assert feed.tag == A + "feed"
    assert _iri(_one(feed, "id").text) and _one(feed, "title").text
    assert RFC3339.match(_one(feed, "updated").text)
    assert _one(_one(feed, "author"), "name").text  # the feed's author covers every entry
    items = feed.findall(A + "entry")
    assert len(items) == len(entries)
    for item, e in zip(items, entries, strict=True):
        assert _one(item, "id").text == e["id"] and _iri(e["id"])
        assert _one(item, "title").text == e["title"]
        assert RFC3339.match(_one(item, "updated").text)
        alternate = [link for link in item.findall(A + "link") if link.get("rel") == "alternate"]
        content = item.findall(A + "content")
        assert alternate or content  # RFC 4287 4.1.2: content, or a link rel="alternate"
        assert len(content) <= 1 and content[0].get("type") == "text"
        assert e["path"] in content[0].text
        for s in e["sources"]:
            assert s["title"] in content[0].text
    newest = max(_one(i, "updated").text for i in items)
    assert _one(feed, "updated").text == newest


def test_json_has_the_same_entries(entries):
    doc = json.loads(render_alerts(entries, "json", as_of=AS_OF, within_days=WITHIN))
    assert doc["as_of"] == AS_OF and doc["within_days"] == WITHIN
    assert [e["id"] for e in doc["entries"]] == [e["id"] for e in entries]


def test_filters_and_the_cli(kg, tmp_path):
    byd = alerts(kg, as_of=AS_OF, within_days=WITHIN, org="BYD", market="Germany")
    assert [(e["measure_id"].rsplit("/", 1)[1], e["event"], e["date"]) for e in byd] == [
        ("eu-definitive-cvd-bev-2024", "comes into force", "2024-10-30")]
    out = tmp_path / "byd.atom"
    body, n = write_alerts(kg, out, as_of=AS_OF, within_days=WITHIN, org="BYD", market="Germany")
    assert out.read_bytes() == body and n == 1
    result = CliRunner().invoke(main, ["alerts", "--store", "memory", "--org", "BYD", "--market", "Germany",
                                       "--as-of", AS_OF, "--within", str(WITHIN), "-o", str(tmp_path / "a.json")])
    assert result.exit_code == 0, result.output
    assert [e["event"] for e in json.loads((tmp_path / "a.json").read_text())["entries"]] == ["comes into force"]
    # before the definitive regulation was published, the provisional duty's expiry was the news
    early = CliRunner().invoke(main, ["alerts", "--store", "memory", "--org", "BYD", "--market", "Germany",
                                      "--as-of", AS_OF, "--within", str(WITHIN), "--as-known-on", "2024-09-01",
                                      "--format", "json", "-o", "-"])
    assert early.exit_code == 0, early.output
    assert [(e["measure_id"].rsplit("/", 1)[1], e["event"]) for e in json.loads(early.stdout)["entries"]] == [
        ("eu-provisional-cvd-bev-2024", "expires")]
    bad = CliRunner().invoke(main, ["alerts", "--store", "memory", "--as-of", "soon", "-o", "-"])
    assert bad.exit_code == 2 and "is not a valid as-of date" in bad.output
