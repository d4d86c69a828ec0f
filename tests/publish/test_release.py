"""nevkg release and nevkg diff: two releases with a change between them give the right delta."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from nevkg.cli import main
from nevkg.errors import NevkgError
from nevkg.graph.build import build
from nevkg.graph.export import EXPORTERS, get_exporter
from nevkg.publish.diff import diff_releases, nquads_set
from nevkg.publish.files import sha256
from nevkg.publish.release import DCAT, SPDX, release
from tests.conftest import require_module

N = "https://w3id.org/nevkg/id/"


def _edit(records: Path) -> None:
    """One figure revised, one fact added, one fact retracted."""
    obs_file = records / "observations.yaml"
    obs = yaml.safe_load(obs_file.read_text(encoding="utf-8"))
    obs[0]["value"] = 590000
    obs.append({**obs[1], "id": "china-nev-exports-2026-01-02-c", "value": 581000})
    obs_file.write_text(yaml.safe_dump(obs, sort_keys=False, allow_unicode=True), encoding="utf-8")
    st_file = records / "statements.yaml"
    statements = yaml.safe_load(st_file.read_text(encoding="utf-8"))
    assert statements[0]["id"] == "yin-urges-partnerships"
    st_file.write_text(yaml.safe_dump(statements[1:], sort_keys=False, allow_unicode=True) if statements[1:] else "[]\n",
                       encoding="utf-8")


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    import shutil

    from tests.conftest import FIXTURE_RECORDS

    base = tmp_path_factory.mktemp("releases")
    records = base / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    first = release(build("memory", [records], shipped=False), base / "r1", as_of="2026-03-01")
    _edit(records)
    second = release(build("memory", [records], shipped=False), base / "r2", since=base / "r1", as_of="2026-03-01")
    return base, first, second


def test_every_export_format_is_in_the_release_with_its_checksum(two_releases):
    base, first, _ = two_releases
    folder = base / "r1"
    names = {f["path"] for f in first["files"]}
    for fmt in EXPORTERS:
        assert f"nevkg{get_exporter(fmt).suffix}" in names, fmt
    assert {"csv/nodes.csv", "csv/edges.csv", "datapackage.json", "void.ttl", "sparql-examples.ttl", "alerts.atom",
            "alerts.json"} <= names
    for f in first["files"]:
        assert sha256(folder / f["path"]) == f["sha256"]
        assert (folder / f["path"]).stat().st_size == f["bytes"]
    sums = (folder / "SHA256SUMS").read_text().splitlines()
    assert len(sums) == len(first["files"])
    assert json.loads((folder / "release.json").read_text())["id"] == first["id"]


def test_dcat_description_lists_each_file_with_checksum_and_counts(two_releases):
    base, first, _ = two_releases
    g = Graph().parse(base / "r1" / "release.ttl")
    rel = URIRef(first["iri"])
    assert (rel, RDF.type, DCAT.Dataset) in g
    dists = list(g.objects(rel, DCAT.distribution))
    assert len(dists) == len(first["files"])
    by_title = {str(g.value(d, URIRef("http://purl.org/dc/terms/title"))): d for d in dists}
    nq = next(f for f in first["files"] if f["path"] == "nevkg.nq")
    checksum = g.value(by_title["nevkg.nq"], SPDX.checksum)
    assert str(g.value(checksum, SPDX.checksumValue)) == nq["sha256"]
    assert int(g.value(by_title["nevkg.nq"], DCAT.byteSize)) == nq["bytes"]
    void_triples = int(g.value(rel, URIRef("http://rdfs.org/ns/void#triples")))
    union = {q[:3] for q in nquads_set(base / "r1" / "nevkg.nq")}
    assert void_triples == first["counts"]["triples"] == len(union)


def test_datapackage_validates_with_frictionless(two_releases):
    frictionless = require_module("frictionless")
    base, _, _ = two_releases
    report = frictionless.validate(str(base / "r1" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    package = json.loads((base / "r1" / "datapackage.json").read_text())
    nodes = next(r for r in package["resources"] if r["name"] == "nodes")
    header = (base / "r1" / "csv" / "nodes.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [f["name"] for f in nodes["schema"]["fields"]] == header


def test_delta_finds_the_revised_added_and_retracted_facts(two_releases):
    base, _, second = two_releases
    delta = json.loads((base / "r2" / "delta.json").read_text())
    facts = delta["facts"]
    assert [f["id"] for f in facts["added"]] == [N + "china-nev-exports-2026-01-02-c"]
    assert [f["id"] for f in facts["retracted"]] == [N + "yin-urges-partnerships"]
    changed = {f["id"]: f for f in facts["changed"]}
    assert list(changed) == [N + "china-nev-exports-2026-01-02-a"]
    value = "https://w3id.org/nevkg/ontology#value"
    assert [p for p, o in changed[N + "china-nev-exports-2026-01-02-a"]["removed"]] == [value]
    assert "583000" in changed[N + "china-nev-exports-2026-01-02-a"]["removed"][0][1]
    assert "590000" in changed[N + "china-nev-exports-2026-01-02-a"]["added"][0][1]
    assert second["delta"]["added"] == 1 and second["delta"]["changed"] == 1 and second["delta"]["retracted"] == 1


def test_per_graph_counts_match_the_quads(two_releases):
    base, _, _ = two_releases
    old, new = nquads_set(base / "r1" / "nevkg.nq"), nquads_set(base / "r2" / "nevkg.nq")
    delta = diff_releases(base / "r1", base / "r2")
    for g, counts in delta["graphs"].items():
        key = "" if g == "default" else f"<{g}>"
        assert counts["added"] == sum(1 for q in new - old if q[3] == key)
        assert counts["removed"] == sum(1 for q in old - new if q[3] == key)
    news_a = "https://w3id.org/nevkg/graph/fixture-news-a"
    assert delta["graphs"][news_a]["added"] > 0 and delta["graphs"][news_a]["removed"] > 0
    # the added figure cites fixture-news-b: its graph gains exactly that fact's triples and loses nothing
    added_fact = f"<{N}china-nev-exports-2026-01-02-c>"
    news_b = "https://w3id.org/nevkg/graph/fixture-news-b"
    assert delta["graphs"][news_b] == {"added": sum(1 for q in new if q[0] == added_fact and q[3] == f"<{news_b}>"),
                                       "removed": 0}


def test_diff_command_prints_the_same_delta(two_releases):
    base, _, _ = two_releases
    result = CliRunner().invoke(main, ["diff", str(base / "r1"), str(base / "r2"), "--format", "json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    stored = json.loads((base / "r2" / "delta.json").read_text())
    assert printed["facts"] == stored["facts"] and printed["graphs"] == stored["graphs"]
    text = CliRunner().invoke(main, ["diff", str(base / "r1"), str(base / "r2")]).output
    assert "facts: 1 added, 1 changed, 1 retracted" in text
    assert "fact retracted: https://w3id.org/nevkg/id/yin-urges-partnerships" in text


def test_a_release_never_overwrites_and_a_damaged_release_is_refused(two_releases, tmp_path):
    base, _, _ = two_releases
    kg = build("memory", [base / "records"], shipped=False)
    with pytest.raises(NevkgError, match="never overwritten"):
        release(kg, base / "r1")
    with pytest.raises(NevkgError, match="not a nevkg release"):
        release(kg, tmp_path / "r3", since=tmp_path)
    assert not (tmp_path / "r3").exists()
    import shutil

    damaged = tmp_path / "damaged"
    shutil.copytree(base / "r1", damaged)
    with (damaged / "nevkg.nq").open("ab") as fh:
        fh.write(b"<x:a> <x:b> <x:c> .\n")
    with pytest.raises(NevkgError, match="SHA-256 differs"):
        diff_releases(damaged, base / "r2")
    assert sorted(p.name for p in base.iterdir() if p.name.startswith(".")) == []  # no half-written folders


def test_release_command(tmp_path):
    from tests.conftest import FIXTURE_RECORDS

    home = tmp_path / "home"
    env = {"NEVKG_HOME": str(home)}
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--no-shipped", "--data", str(FIXTURE_RECORDS)], env=env).exit_code == 0
    result = runner.invoke(main, ["release", "-o", str(tmp_path / "rel"), "--as-of", "2026-03-01"], env=env)
    assert result.exit_code == 0, result.output
    assert "wrote release" in result.output and (tmp_path / "rel" / "nevkg.trig").is_file()
    again = runner.invoke(main, ["release", "-o", str(tmp_path / "rel2"), "--since", str(tmp_path / "rel")], env=env)
    assert again.exit_code == 0, again.output
    assert "facts 0 added, 0 changed, 0 retracted" in again.output  # same build: no fact changed
