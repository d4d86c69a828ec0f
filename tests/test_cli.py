"""The CLI through click's CliRunner (and one real subprocess for start-up imports)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from nevkg.cli import EXPORT_FORMATS, main

from .conftest import FIXTURE_RECORDS


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_does_not_import_rdflib():
    code = textwrap.dedent("""
        import sys
        from click.testing import CliRunner
        from nevkg.cli import main
        result = CliRunner().invoke(main, ["--help"])
        assert result.exit_code == 0, result.output
        heavy = sorted(m for m in ("rdflib", "pyoxigraph", "pyshacl", "networkx", "pyvis", "pydantic")
                       if m in sys.modules)
        print(",".join(heavy))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "nevkg, version 0.1.0" in result.output


def test_build_stats_validate_on_default_store(home):
    result = run("build", "--no-shipped", "--data", str(FIXTURE_RECORDS))
    assert result.exit_code == 0, result.output
    assert f"into oxigraph:{home}" in result.output and "1 conflicting figure" in result.output
    stats = run("stats", "--format", "json")
    assert stats.exit_code == 0
    data = json.loads(stats.output)
    assert data["per_class"]["Partnership"] == 2 and data["graphs"] == 3
    table = run("stats")
    assert "per source" in table.output and "Fixture article A" in table.output
    valid = run("validate")
    assert valid.exit_code == 0 and valid.output.startswith("graph conforms to the shapes")
    assert "conflict (figures differ but their qualifiers agree): nevid:export-volume nevid:china" in valid.output


def test_validate_fails_with_exit_1_on_violation(home, tmp_path):
    run("build", "--no-shipped", "--data", str(FIXTURE_RECORDS))
    from nevkg.graph.build import build

    # a store built without the shape check (strict=False) that holds a one-partner partnership
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix nev: <https://w3id.org/nevkg/ontology#> .\n'
                   '<https://w3id.org/nevkg/id/lonely> a nev:Partnership ; '
                   '<http://www.w3.org/2000/01/rdf-schema#label> "lonely" ; nev:partner <https://w3id.org/nevkg/id/chery> .')
    build(None, [FIXTURE_RECORDS, bad], shipped=False, strict=False).close()
    result = run("validate")
    assert result.exit_code == 1
    assert "lonely" in result.output and "at least two partners" in result.output


def test_bad_record_exits_1_with_location_and_keeps_store(home, records):
    assert run("build", "--no-shipped", "--data", str(records)).exit_code == 0
    (records / "people.yaml").write_text("- id: x\n  label: X\n  sources: [nope]\n", encoding="utf-8")
    result = run("build", "--no-shipped", "--data", str(records))
    assert result.exit_code == 1
    assert "people.yaml:1, record 'x', field 'sources'" in result.output
    assert "Traceback" not in result.output
    assert json.loads(run("stats", "--format", "json").output)["per_class"]["Partnership"] == 2


def test_usage_errors_exit_2(home):
    assert run("export", "--format", "docx").exit_code == 2
    assert run("build", "--data", "/no/such/folder").exit_code == 2


def test_unknown_store_exits_1(home):
    result = run("stats", "--store", "postgres:x")
    assert result.exit_code == 1 and "unknown store 'postgres:x'" in result.output


def test_reading_before_building_says_what_to_do(home):
    result = run("stats")
    assert result.exit_code == 1 and "run 'nevkg build'" in result.output


def test_export_formats_match_the_registry():
    from nevkg.graph.export import EXPORTERS

    assert sorted(EXPORT_FORMATS) == sorted(EXPORTERS)


def test_export_to_stdout_and_file(home, tmp_path):
    run("build", "--no-shipped", "--data", str(FIXTURE_RECORDS))
    result = run("export", "--format", "nt")
    assert result.exit_code == 0
    assert "<https://w3id.org/nevkg/id/chery-ebro-jv>" in result.output
    out = tmp_path / "g.trig"
    result = run("export", "--format", "trig", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    assert "fixture-news-a" in out.read_text(encoding="utf-8")


def test_export_network_options(home, tmp_path):
    run("build", "--no-shipped", "--data", str(FIXTURE_RECORDS))
    import networkx as nx

    plain, collapsed = tmp_path / "plain.graphml", tmp_path / "collapsed.graphml"
    assert run("export", "--format", "graphml", "-o", str(plain)).exit_code == 0
    assert run("export", "--format", "graphml", "--collapse-facts", "-o", str(collapsed)).exit_code == 0
    g_plain, g_collapsed = nx.read_graphml(plain), nx.read_graphml(collapsed)
    jv = "https://w3id.org/nevkg/id/chery-ebro-jv"
    assert jv in g_plain and jv not in g_collapsed
    chery, ebro = "https://w3id.org/nevkg/id/chery", "https://w3id.org/nevkg/id/ebro"
    assert any(d.get("fact") == jv for _, _, d in g_collapsed.edges(chery, data=True)) or any(
        d.get("fact") == jv for _, _, d in g_collapsed.edges(ebro, data=True))
    assert run("export", "--format", "ttl", "--collapse-facts").exit_code == 2


def test_demo_builds_then_reuses(home):
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert "freshly built" in first.output and "conforms to the shapes" in first.output
    assert "Three facts and where they come from:" in first.output and "source:" in first.output
    assert "nevkg export" in first.output
    second = run("demo")
    assert second.exit_code == 0 and "reused: inputs unchanged" in second.output


def _built(home):
    assert run("build", "--no-shipped", "--data", str(FIXTURE_RECORDS)).exit_code == 0


def test_query_argument_file_and_stdin(home, tmp_path):
    _built(home)
    q = "SELECT DISTINCT ?p WHERE { nevid:chery-ebro-jv nev:partner ?p } ORDER BY ?p"
    by_arg = run("query", q, "--format", "csv")
    assert by_arg.exit_code == 0
    assert by_arg.output.split() == ["p", "https://w3id.org/nevkg/id/chery", "https://w3id.org/nevkg/id/ebro"]
    f = tmp_path / "q.rq"
    f.write_text(q, encoding="utf-8")
    assert run("query", "-f", str(f), "--format", "csv").output == by_arg.output
    stdin = CliRunner().invoke(main, ["query", "-", "--format", "csv"], input=q)
    assert stdin.output == by_arg.output
    assert run("query").exit_code == 2


def test_query_errors_exit_1(home):
    _built(home)
    bad = run("query", "SELECT ?s WHERE {\n ?s ?p\n")
    assert bad.exit_code == 1 and "line 2" in bad.output and "Traceback" not in bad.output
    upd = run("query", "DELETE WHERE { ?s ?p ?o }")
    assert upd.exit_code == 1 and "read-only" in upd.output
    slow = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
               "--timeout", "1")
    assert slow.exit_code == 1 and "time limit of 1 s" in slow.output


def test_construct_as_turtle(home):
    _built(home)
    result = run("query", "CONSTRUCT { ?s nev:partner ?o } WHERE { nevid:chery-ebro-jv nev:partner ?o . BIND(nevid:chery-ebro-jv AS ?s) }",
                 "--format", "ttl")
    assert result.exit_code == 0 and "nevid:chery-ebro-jv nev:partner nevid:chery" in result.output.replace(",\n", " ")


def test_ask_list_and_run(home):
    _built(home)
    listing = json.loads(run("ask", "--list", "--format", "json").output)
    entry = next(q for q in listing if q["name"] == "partnerships-of")
    assert entry["parameters"][0]["name"] == "org" and entry["title"]
    table = run("ask", "partnerships-of", "--param", "org=CHERY")
    assert table.exit_code == 0 and "Ebro" in table.output and "(1 row)" in table.output


def test_ask_mistakes(home):
    _built(home)
    missing = run("ask", "partnerships-of")
    assert missing.exit_code == 2 and "needs org" in missing.output
    unknown_param = run("ask", "partnerships-of", "-p", "company=Chery")
    assert unknown_param.exit_code == 2 and "its parameters: org (organization)" in unknown_param.output
    unknown_query = run("ask", "partnership-of", "-p", "org=Chery")
    assert unknown_query.exit_code == 1 and "did you mean: partnerships-of" in unknown_query.output
    unknown_name = run("ask", "partnerships-of", "-p", "org=Cherry")
    assert unknown_name.exit_code == 1 and "did you mean: Chery (Automaker, chery)" in unknown_name.output
    assert run("ask", "partnerships-of", "-p", "org").exit_code == 2


def test_analytics_commands_on_the_shipped_graph(home):
    assert run("build").exit_code == 0
    path = json.loads(run("path", "Ningbo Customs", "Kyrgyzstan", "--format", "json").output)
    [hops] = path["paths"]
    assert [(h["from"], h["relation"], h["to"]) for h in hops][-1] == ("Geely", "exports to", "Kyrgyzstan")
    assert all({"from", "from_id", "relation", "to", "to_id", "sources"} <= set(h) for h in hops)
    assert len(json.loads(run("path", "Ningbo Customs", "Kyrgyzstan", "--max", "2", "--format", "json").output)["paths"]) == 2
    unknown = run("path", "Ningbo Customs", "Kyrgyzstn")
    assert unknown.exit_code == 1 and "did you mean: Kyrgyzstan" in unknown.output
    ranked = list(csv.DictReader(io.StringIO(run("rank", "--kind", "Automaker", "--top", "3", "--format", "csv").output)))
    assert len(ranked) == 3 and all(r["type"] == "Automaker" for r in ranked)
    assert [float(r["score"]) for r in ranked] == sorted((float(r["score"]) for r in ranked), reverse=True)
    byd = json.loads(run("footprint", "BYD", "--format", "json").output)
    assert {"Thailand", "Germany", "Norway"} <= {g["place"] for g in byd}
    middle_east = json.loads(run("exposure", "Middle East", "--format", "json").output)
    assert {"WeRide", "Uber"} <= {g["organization"] for g in middle_east}
    table = run("neighbors", "BYD", "--kind", "Country")
    assert table.exit_code == 0 and "Thailand" in table.output and "Automaker" not in table.output
    communities = json.loads(run("communities", "--format", "json").output)
    assert sum(c["size"] for c in communities) == len({m for c in communities for m in c["member_ids"]})


def test_neighbors_subgraph_export(home, tmp_path):
    assert run("build").exit_code == 0
    out = tmp_path / "byd.graphml"
    assert run("neighbors", "BYD", "--format", "graphml", "-o", str(out)).exit_code == 0
    import networkx as nx

    G = nx.read_graphml(out)
    assert "https://w3id.org/nevkg/id/byd" in G and "https://w3id.org/nevkg/id/thailand" in G


def test_ingest_review_accept(tmp_path):
    import shutil

    from nevkg.loaders.curated import DEFAULT_DATA_DIR

    article = Path(__file__).parent / "resources" / "articles" / "lanshan-thailand.txt"
    out = tmp_path / "review.yaml"
    result = run("ingest", str(article), "--date", "2026-10-20", "-o", str(out))
    assert result.exit_code == 0 and out.exists(), result.output
    listing = run("review", str(out))
    assert listing.exit_code == 0 and "lanshan-motors" in listing.output
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    accepted = run("accept", str(out), "--ids", "lanshan-motors", "--data", str(data), "--no-rebuild")
    assert accepted.exit_code == 0, accepted.output
    assert "id: lanshan-motors" in (data / "organizations.yaml").read_text(encoding="utf-8")
    assert "lanshan" not in (DEFAULT_DATA_DIR / "organizations.yaml").read_text(encoding="utf-8").lower()
    assert run("ingest", str(tmp_path / "missing.txt")).exit_code == 2


def test_generate_stats_build_and_ask(home, tmp_path):
    table = tmp_path / "exports.csv"
    assert run("generate-stats", "--rows", "300", "-o", str(table), "--seed", "1").exit_code == 0
    again = tmp_path / "again.csv"
    run("generate-stats", "--rows", "300", "-o", str(again), "--seed", "1")
    assert table.read_bytes() == again.read_bytes()
    assert run("build", "--data", str(table)).exit_code == 0
    listed = json.loads(run("ask", "--list", "--format", "json").output)
    assert {"trade-top-destinations", "trade-change", "trade-share", "trade-unit-values"} <= {q["name"] for q in listed}
    checked = run("check-headlines", "--format", "json")
    assert checked.exit_code == 0 and isinstance(json.loads(checked.output), list)
