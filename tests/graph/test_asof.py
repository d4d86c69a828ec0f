""""As known on": the shipped graph as its sources stood on dates either side of a publication."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from nevkg.cli import main
from nevkg.errors import ParameterError
from nevkg.graph.asof import as_known_on, first_day, known_graphs
from nevkg.ontology.namespaces import DCTERMS, GRAPH, PROV

DEFINITIVE = GRAPH["eu-regulation-2024-2754"]  # published 2024-10-29


def _in(kg, g) -> set:
    return {q for q in kg.quads() if q[3] == g}


def _issued(kg) -> dict:
    meta = {(s, p): o for s, p, o, g in kg.quads() if g == DATASET_DEFAULT_GRAPH_ID}
    return {g: meta.get((meta.get((g, PROV.wasDerivedFrom)), DCTERMS.issued)) for g in kg.graph_names()}


@pytest.mark.parametrize("day", ["2024-10-28", "2024-10-29", "2025-06-30"])
def test_the_view_holds_exactly_the_graphs_published_by_then(kg, day):
    view = as_known_on(kg, day)
    issued = _issued(kg)
    meta = {(s, p): o for s, p, o, g in kg.quads() if g == DATASET_DEFAULT_GRAPH_ID}
    project = {g for g in issued if str(meta.get((meta.get((g, PROV.wasDerivedFrom)), DCTERMS.publisher)))
               == "https://w3id.org/nevkg/id/nevkg-project"}
    assert project == {GRAPH["nevkg-curation"], GRAPH["nevkg-markets-reference"]}
    expected = {g for g, d in issued.items()
                if g == GRAPH["ontology"] or g in project or (d is not None and first_day(d) <= day)}
    assert set(view.graph_names()) == expected
    assert (DEFINITIVE in expected) == (day >= "2024-10-29")
    for g in expected:  # every kept graph is copied whole
        assert _in(view, g) == _in(kg, g), g


def test_a_fact_reported_later_is_absent_before_its_source(kg):
    ask = "ASK { ?r nev:rateOf nevid:eu-definitive-cvd-bev-2024 }"
    assert not as_known_on(kg, "2024-10-28").query(ask).askAnswer
    assert as_known_on(kg, "2024-10-29").query(ask).askAnswer
    assert kg.query(ask).askAnswer


def test_a_revised_figure_shows_its_earlier_value(kg):
    """BYD's EU duty: 17.4 % provisionally (July 2024), 17.0 % in the definitive regulation (29 October)."""
    from nevkg.queries.risk import risk

    def byd_eu_rates(graph):
        rows = risk(graph, as_of="2024-10-28", within_days=30, org="BYD", market="Germany")
        return sorted((r["measure_id"].rsplit("/", 1)[1], str(r["company_rate"])) for r in rows)

    before = byd_eu_rates(as_known_on(kg, "2024-10-28"))
    today = byd_eu_rates(kg)
    assert before == [("eu-provisional-cvd-bev-2024", "17.4")]
    assert ("eu-definitive-cvd-bev-2024", "17") in today and ("eu-provisional-cvd-bev-2024", "17.4") in today


def test_counts_differ_exactly_by_the_later_sources(kg):
    day = "2025-12-31"
    view = as_known_on(kg, day)
    later = {g for g, d in _issued(kg).items() if d is not None and first_day(d) > day} - {
        GRAPH["nevkg-curation"], GRAPH["nevkg-markets-reference"]}
    assert later and set(view.manifest["left_out"]) == {str(g) for g in later}
    named = sum(1 for q in kg.quads() if q[3] != DATASET_DEFAULT_GRAPH_ID)
    named_view = sum(1 for q in view.quads() if q[3] != DATASET_DEFAULT_GRAPH_ID)
    assert named - named_view == sum(len(_in(kg, g)) for g in later)


def test_reference_data_can_be_dated_too(kg):
    known = known_graphs(kg, "2025-01-01", reference=False)
    assert known[GRAPH["nevkg-curation"]] is False and known[GRAPH["ontology"]] is True
    assert known_graphs(kg, "2025-01-01")[GRAPH["nevkg-curation"]] is True


def test_a_bad_date_is_a_usage_error(kg):
    with pytest.raises(ParameterError, match="is not a date"):
        as_known_on(kg, "last year")
    result = CliRunner().invoke(main, ["query", "--store", "memory", "--as-known-on", "yesterday", "ASK {}"])
    assert result.exit_code == 2 and "is not a date" in result.output


def test_cli_query_ask_and_export_take_as_known_on(tmp_path):
    runner = CliRunner()
    env = {"NEVKG_HOME": str(tmp_path / "home")}
    assert runner.invoke(main, ["build"], env=env).exit_code == 0
    q = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r nev:rateOf nevid:eu-definitive-cvd-bev-2024 }"
    before = runner.invoke(main, ["query", q, "--format", "csv", "--as-known-on", "2024-10-28"], env=env)
    after = runner.invoke(main, ["query", q, "--format", "csv", "--as-known-on", "2024-10-29"], env=env)
    assert before.output.split() == ["n", "0"] and int(after.output.split()[1]) > 0
    def ask(source, day):
        return runner.invoke(main, ["ask", "facts-from", "-p", f"source={source}", "--format", "csv",
                                    "--as-known-on", day], env=env)

    known = ask("eu-regulation-2024-1866", "2024-10-28")
    assert known.exit_code == 0 and "eu-provisional-cvd-byd" in known.output
    unknown = ask("eu-regulation-2024-2754", "2024-10-28")  # published the next day
    assert unknown.exit_code == 1 and "no source is called 'eu-regulation-2024-2754'" in unknown.output
    assert "eu-definitive-cvd-byd" in ask("eu-regulation-2024-2754", "2024-10-29").output
    out = tmp_path / "early.nq"
    exported = runner.invoke(main, ["export", "--format", "nq", "-o", str(out), "--as-known-on", "2024-10-28"], env=env)
    assert exported.exit_code == 0, exported.output
    text = out.read_text(encoding="utf-8")
    assert "<https://w3id.org/nevkg/graph/eu-regulation-2024-1866>" in text
    assert "<https://w3id.org/nevkg/graph/eu-regulation-2024-2754>" not in text


def test_the_embedded_store_gives_the_same_view_as_the_memory_store(kg, home):
    """as_known_on reads an oxigraph store's quads directly; the view must equal the one from rdflib's terms."""
    from nevkg.graph.build import build

    disk = build()
    try:
        for day in ("2024-10-28", "2026-01-16"):
            on_disk, in_memory = as_known_on(disk, day), as_known_on(kg, day)
            strip = {q for q in on_disk.quads() if "/id/build-" not in str(q[0]) and "/id/build-" not in str(q[2])}
            expected = {q for q in in_memory.quads() if "/id/build-" not in str(q[0]) and "/id/build-" not in str(q[2])}
            assert strip == expected, day
    finally:
        disk.close()
