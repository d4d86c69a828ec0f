"""``--as-known-on DATE`` on the analytics, ``risk``, ``profile`` and ``viz``: the shipped graph, on dates either
side of a source's publication.

The sources used (nevkg/data/sources.yaml):

* ``eu-regulation-2024-2754``, the EU's definitive countervailing duties, published 2024-10-29;
* ``sohu-2025-04-16-exports-in-overdrive``, published 2025-04-16, the only source of BYD's factories in four places
  (Thailand and three wider regions);
* the three articles of 2026-01-16 on the Canada–China arrangement on Chinese EV imports;
* ``36kr-2026-02-11-guangzhou-nev-exports``, published 2026-02-11, the only source of GAC Aion's factory in
  Thailand and of everything about WeRide.

The store is built on disk once for the module, so these also check that a view "as known on" a date is never
answered from the entity graph the build stored for the whole graph.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nevkg.cli import main

N = "https://w3id.org/nevkg/id/"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Run ``nevkg ARGS`` against one store built on disk (with its stored entity graph)."""
    env = {"NEVKG_HOME": str(tmp_path_factory.mktemp("known") / "home"), "NEVKG_STORE": None, "COLUMNS": "200"}
    runner = CliRunner()
    built = runner.invoke(main, ["build"], env=env)
    assert built.exit_code == 0, built.output

    def invoke(*args: str, code: int = 0):
        result = runner.invoke(main, list(args), env=env)
        assert result.exit_code == code, (args, result.output)
        return result.output

    invoke.env = env
    return invoke


def _json(text: str):
    return json.loads(text)


def test_risk_lacks_the_definitive_duties_the_day_before_they_were_published(run):
    def measures(day):
        rows = _json(run("risk", "--as-of", "2024-10-01", "--org", "BYD", "--format", "json", "--as-known-on", day))
        return {r["measure_id"].rsplit("/", 1)[1]: r for r in rows}

    before, after = measures("2024-10-28"), measures("2024-10-29")
    assert "eu-definitive-cvd-bev-2024" not in before
    assert "eu-definitive-cvd-bev-2024" in after
    assert after["eu-definitive-cvd-bev-2024"]["event"] == "comes into force"
    assert str(after["eu-definitive-cvd-bev-2024"]["company_rate"]) == "17"
    # known on the 28th, the provisional duty of July was still about to expire, at BYD's 17.4 %
    assert before["eu-provisional-cvd-bev-2024"]["event"] == "expires"
    assert str(before["eu-provisional-cvd-bev-2024"]["company_rate"]) == "17.4"
    assert set(before) < set(measures("2026-12-01"))


def test_footprint_shows_a_factory_from_the_day_its_only_source_was_published(run):
    def places(day):
        groups = _json(run("footprint", "BYD", "--format", "json", "--as-known-on", day))
        return {(g["place"], t["relation"]) for g in groups for t in g["ties"]}

    before, after = places("2025-04-15"), places("2025-04-16")
    assert ("Thailand", "has a factory in") not in before
    assert ("Germany", "opened deliveries in") in before  # from an article of December 2022
    assert after - before == {("Thailand", "has a factory in"), ("Thailand", "has jobs created figures for"),
                              ("Southeast Asia", "has a factory in"), ("South America", "has a factory in"),
                              ("Middle East", "has a factory in")}


def test_exposure_of_a_market_grows_with_each_source(run):
    def present(day):
        groups = _json(run("exposure", "Thailand", "--format", "json", "--as-known-on", day))
        return {(g["organization"], t["relation"]) for g in groups for t in g["ties"]}

    assert present("2025-04-15") == set()
    assert ("BYD", "has a factory in") in present("2025-04-16")
    assert not any(org == "GAC Aion" for org, _ in present("2026-02-10"))
    assert ("GAC Aion", "has a factory in") in present("2026-02-11")


def test_path_exists_only_once_its_hop_was_published(run):
    run("path", "BYD", "Thailand", "--format", "csv", "--as-known-on", "2025-04-15", code=1)
    rows = run("path", "BYD", "Thailand", "--format", "json", "--as-known-on", "2025-04-16")
    hops = [hop for p in _json(rows)["paths"] for hop in p]
    assert [h["sentence"] for h in hops] == ["BYD has a factory in Thailand"]
    assert hops[0]["sources"] == ["sohu-2025-04-16-exports-in-overdrive"]


def test_neighbors_and_rank_agree_on_the_graph_as_known(run):
    def neighbours(day):
        text = run("neighbors", "BYD", "--format", "json", "--as-known-on", day)
        return {r["label"] for r in _json(text)}

    def byd_degree(day):
        rows = _json(run("rank", "--kind", "Automaker", "--top", "50", "--format", "json", "--as-known-on", day))
        return next(float(r["score"]) for r in rows if r["id"] == N + "byd")

    before, after = neighbours("2025-04-15"), neighbours("2025-04-16")
    assert after - before == {"Thailand", "Southeast Asia", "South America", "Middle East"} and before < after
    assert byd_degree("2025-04-15") == len(before) and byd_degree("2025-04-16") == len(after)


def test_communities_hold_only_what_was_published(run):
    def members(day):
        return {m for c in _json(run("communities", "--format", "json", "--as-known-on", day)) for m in c["member_ids"]}

    early, later = members("2025-04-16"), members("2026-02-11")
    assert N + "sohu" in early and N + "sohu" not in members("2025-04-15")  # the publisher of the 16 April article
    assert N + "weride" not in early and N + "weride" in later


def test_profile_shows_an_arrangement_from_the_day_it_was_reported(run):
    def measures(day):
        return {m["id"].rsplit("/", 1)[1] for m in _json(run("profile", "Canada", "--format", "json",
                                                              "--as-known-on", day))["measures"]}

    before, after = measures("2026-01-15"), measures("2026-01-16")
    assert "canada-china-ev-arrangement-2026" not in before
    assert after - before == {"canada-china-ev-arrangement-2026"}


def test_viz_draws_the_graph_as_known(run, tmp_path):
    def drawn(*args):
        out = tmp_path / "page.html"
        said = run("viz", *args, "-o", str(out))
        return said, out.read_text(encoding="utf-8")

    said, _ = drawn("--focus", "BYD", "--as-known-on", "2025-04-15")
    said_after, page = drawn("--focus", "BYD", "--as-known-on", "2025-04-16")
    count = [int(s.split("(")[1].split()[0]) for s in (said, said_after)]
    assert count[1] - count[0] == 4  # Thailand, Southeast Asia, South America, Middle East
    assert "BYD factory in Thailand" in page
    _, market = drawn("--market", "Thailand", "--as-known-on", "2025-04-15")
    assert "BYD factory in Thailand" not in market
    _, market = drawn("--market", "Thailand", "--as-known-on", "2025-04-16")
    assert "BYD factory in Thailand" in market


@pytest.mark.parametrize("command", [["path", "BYD", "Thailand"], ["neighbors", "BYD"], ["rank"], ["footprint", "BYD"],
                                     ["exposure", "Thailand"], ["communities"], ["risk"], ["profile", "Canada"],
                                     ["viz", "-o", "never.html"]])
def test_a_bad_date_is_a_usage_mistake(command):
    result = CliRunner().invoke(main, [*command, "--store", "memory", "--as-known-on", "last week"])
    assert result.exit_code == 2 and "is not a date" in result.output


def test_a_view_never_reads_the_entity_graph_stored_for_the_whole_graph(run, monkeypatch):
    """The view keeps the build's stamp; were it given the store's folder, the stored file would still be refused."""
    from nevkg.graph.asof import as_known_on
    from nevkg.graph.entity import entity_graph
    from nevkg.graph.entity_store import load_entity_graph
    from nevkg.graph.knowledge_graph import open_graph

    monkeypatch.setenv("NEVKG_HOME", run.env["NEVKG_HOME"])
    monkeypatch.delenv("NEVKG_STORE", raising=False)
    with open_graph() as kg:
        assert load_entity_graph(kg) is not None  # the build stored one
        view = as_known_on(kg, "2025-04-15")
        assert view.manifest["built"] == kg.manifest["built"]
        view.spec = kg.spec  # as if the view pointed at the store's folder
        assert load_entity_graph(view) is None
        whole, known = entity_graph(kg), entity_graph(view)
        assert known.has_edge(N + "byd", N + "germany") and not known.has_edge(N + "byd", N + "thailand")
        assert whole.has_edge(N + "byd", N + "thailand")
        view.close()
