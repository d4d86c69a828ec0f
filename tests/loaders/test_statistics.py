"""The statistics loader: Comtrade and nevkg table layouts, bad rows with their line, streaming in bounded memory."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from nevkg.errors import LoaderError
from nevkg.graph.build import build
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.store import current_store_dir
from nevkg.loaders.registry import get_loader, loader_name_for
from nevkg.loaders.statistics import StatisticsLoader, TableContext
from nevkg.ontology.namespaces import NEV, NEVID, PROV

from ..conftest import FIXTURE_RECORDS, RESOURCES

STATS = RESOURCES / "stats"
HEADER = "period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,qtyUnitAbbr,qty\n"
GOOD = "202401,CHN,DEU,X,870380,1000,u,1\n202401,CHN,FRA,X,870380,2000,u,2\n"


@pytest.fixture(scope="module")
def shipped_context():
    return TableContext.shipped()


def _load(path: Path, ctx: TableContext | None = None, **kw):
    loader = StatisticsLoader(ctx or TableContext.from_quads([]), **kw)
    return loader.load([path]), loader.reports[-1]


def _obs(quads, **dims) -> dict:
    """The observations (node → {predicate local name: object}) whose dimensions match ``dims``."""
    nodes: dict = {}
    for s, p, o, _ in quads:
        if "/id/obs-" in str(s):
            nodes.setdefault(s, {})[str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]] = o
    return {s: d for s, d in nodes.items() if all(d.get(k) == v for k, v in dims.items())}


def test_registry_knows_tables():
    assert loader_name_for(Path("x.csv")) == "statistics" and loader_name_for(Path("x.csv.gz")) == "statistics"
    assert get_loader("statistics").streaming


def test_comtrade_layout(shipped_context):
    result, report = _load(STATS / "comtrade-small.csv", shipped_context)
    assert (report.layout, report.rows, report.observations, report.skipped) == ("comtrade", 19, 37, 0)
    q = result.quads
    # reporter and partner map to the curated places by ISO code (alpha-3 → alpha-2)
    [de] = _obs(q, measure=NEVID["export-value"], destination=NEVID["germany"], productScope=NEVID["hs-870380"],
                periodStart=Literal("2024-01-01", datatype=XSD.date)).values()
    assert de["subject"] == NEVID["china"] and de["value"] == Literal("100000000", datatype=XSD.decimal)
    assert de["unit"] == NEVID["usd"] and de["periodEnd"] == Literal("2024-01-31", datatype=XSD.date)
    assert de["tradeFlow"] == NEV.FlowExports and de["observationStatus"] == NEV.ObsReported
    assert de["wasDerivedFrom"] == URIRef("https://w3id.org/nevkg/source/table-comtrade-small-csv")
    [vol] = _obs(q, measure=NEVID["export-volume"], destination=NEVID["germany"], productScope=NEVID["hs-870380"],
                 periodStart=Literal("2024-02-01", datatype=XSD.date)).values()
    assert vol["value"] == Literal("5000", datatype=XSD.decimal) and vol["unit"] == NEVID["vehicles"]
    # isQtyEstimated → an estimate; W00 → the World
    [th] = _obs(q, measure=NEVID["export-volume"], destination=NEVID["thailand"], productScope=NEVID["hs-870360"]).values()
    assert th["observationStatus"] == NEV.ObsEstimate
    assert len(_obs(q, destination=NEVID["world"])) == 8
    # the row without a quantity gives its value only
    assert len(_obs(q, destination=NEVID["germany"], productScope=NEVID["hs-870360"],
                    periodStart=Literal("2024-02-01", datatype=XSD.date))) == 1
    # every observation sits in the table's graph
    graphs = {g for s, _, _, g in q if "/id/obs-" in str(s)}
    assert graphs == {URIRef("https://w3id.org/nevkg/graph/table-comtrade-small-csv")}


def test_hs_codes_are_skos_concepts():
    ctx = TableContext.from_quads(get_loader("curated").load([FIXTURE_RECORDS]).quads)  # knows no HS codes
    result, _ = _load(STATS / "comtrade-small.csv", ctx)
    triples = {(s, p, o) for s, p, o, _ in result.quads}
    hs = NEVID["hs-870380"]
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert (hs, RDF.type, URIRef(skos + "Concept")) in triples
    assert (hs, URIRef(skos + "inScheme"), NEVID["hs"]) in triples
    assert (hs, URIRef(skos + "notation"), Literal("870380")) in triples
    assert (hs, URIRef(skos + "broader"), NEVID["hs-8703"]) in triples
    assert (hs, URIRef(skos + "broadMatch"), NEVID["nev"]) in triples
    labels = {str(o) for s, p, o in triples if s == hs and p == URIRef("http://www.w3.org/2000/01/rdf-schema#label")}
    assert labels == {"battery-electric passenger vehicles (HS 870380)"}


def test_curated_product_codes_are_reused():
    """A code the records define (by skos:notation) is that record's concept, not a second one."""
    skos = "http://www.w3.org/2004/02/skos/core#"
    mine = URIRef("https://w3id.org/nevkg/id/cn-new-bev")
    ctx = TableContext.from_quads([(mine, RDF.type, NEV.ProductScope, None),
                                   (mine, URIRef(skos + "notation"), Literal("870380"), None),
                                   (mine, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x"), None)])
    result, _ = _load(STATS / "comtrade-small.csv", ctx)
    assert len(_obs(result.quads, productScope=mine)) == 30
    described = {p for s, p, o, _ in result.quads if s == mine}
    assert described == {URIRef(skos + "broadMatch")} or described == set()


def test_plain_layout(shipped_context):
    result, report = _load(STATS / "plain-small.csv", shipped_context)
    assert (report.layout, report.rows, report.observations) == ("plain", 3, 3)
    q = result.quads
    [value] = _obs(q, measure=NEVID["export-value"]).values()
    assert value["destination"] == NEVID["germany"] and value["unit"] == NEVID["usd"]  # currency USD → usd
    assert value["productScope"] == NEVID["hs-870380"]
    cited = {o for s, p, o, _ in q if s in _obs(q, measure=NEVID["export-value"]) and p == PROV.wasDerivedFrom}
    assert URIRef("https://w3id.org/nevkg/source/nevkg-curation") in cited
    [approx] = _obs(q, measure=NEVID["export-volume"], destination=NEVID["germany"]).values()
    assert approx["approximate"] == Literal(True) and approx["periodEnd"] == Literal("2024-03-31", datatype=XSD.date)
    assert approx["productScope"] == NEVID["hs-870380"]  # 8703.80 written with a dot
    [annual] = _obs(q, productScope=NEVID["nev"]).values()
    assert annual["subject"] == NEVID["china"]  # CN → china
    assert (annual["periodStart"], annual["periodEnd"]) == (Literal("2024-01-01", datatype=XSD.date),
                                                            Literal("2024-12-31", datatype=XSD.date))
    assert annual["bound"] == Literal("lower") and annual["observationStatus"] == NEV.ObsEstimate


def test_unknown_countries_are_minted_from_iso_3166():
    ctx = TableContext.from_quads(get_loader("curated").load([FIXTURE_RECORDS]).quads)
    result, _ = _load(STATS / "comtrade-small.csv", ctx)
    triples = {(s, p, o) for s, p, o, _ in result.quads}
    de = NEVID["country-de"]
    assert (de, RDF.type, NEV.Country) in triples and (de, NEV.isoCode, Literal("DE")) in triples
    assert (de, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Germany")) in triples
    assert (de, PROV.wasDerivedFrom, URIRef("https://w3id.org/nevkg/source/table-comtrade-small-csv")) in triples
    assert len(_obs(result.quads, destination=NEVID["spain"])) == 6  # ESP → the fixture's spain
    # measures and units the records lack are minted too
    assert (NEVID["export-value"], RDF.type, NEV.Measure) in triples and (NEVID["usd"], RDF.type, NEV.Unit) in triples


def test_iris_are_deterministic():
    a, _ = _load(STATS / "comtrade-small.csv")
    b, _ = _load(STATS / "comtrade-small.csv")
    assert sorted(map(str, _obs(a.quads))) == sorted(map(str, _obs(b.quads)))


def test_sidecar_names_the_source():
    result, _ = _load(STATS / "headline-2026.csv")
    titles = {str(o) for s, p, o, _ in result.quads if str(p) == "http://purl.org/dc/terms/title"}
    assert titles == {"Synthetic customs table for the headline check (fixture)"}


@pytest.mark.parametrize("bad,message", [
    ("202401,CHN,DEU,X,870380\n", "column 'primaryValue' and later are missing"),
    ("202401,CHN,DEU,X,870380,lots,u,3\n", "'lots' in column primaryValue is not a number"),
    ("202401,CHN,DEU,X,870380,1000,u,three\n", "'three' in column qty is not a number"),
    ("202401,CHN,XYZ,X,870380,1000,u,3\n", "unknown partner code 'XYZ'"),
    ("202401,CHN,DEU,Q,870380,1000,u,3\n", "unknown flow code 'Q'"),
    ("202401,CHN,DEU,X,87.03.80x,1000,u,3\n", "unknown product code"),
    ("202413,CHN,DEU,X,870380,1000,u,3\n", "no such month"),
])
def test_bad_row_stops_the_load_with_its_line(tmp_path, bad, message):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD + bad + GOOD)
    with pytest.raises(LoaderError) as info:
        _load(path)
    [problem] = info.value.problems
    assert problem.line == 4 and message in problem.message
    assert f"{path}:4" in str(info.value)


def test_missing_header_column_is_reported_on_line_1(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("period,reporterISO,partnerISO,flowCode,cmdCode\n202401,CHN,DEU,X,870380\n")
    with pytest.raises(LoaderError, match="primaryValue") as info:
        _load(path)
    assert info.value.problems[0].line == 1


def test_plain_bad_rows(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("subject,measure,period_start,value,unit\nchina,export-volume,2024,10,vehicles\n"
                    "china,no-such-measure,2024,10,vehicles\nchina,export-volume,2024-02-30,10,vehicles\n")
    with pytest.raises(LoaderError, match=r"p.csv:3.*unknown measure 'no-such-measure'"):
        _load(path, TableContext.shipped())


def test_skip_bad_rows_counts_them(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD + "202401,CHN,DEU,X,870380,lots,u,3\n" + GOOD + "2024x,CHN,DEU,X,870380,1,u,1\n")
    result, report = _load(path, skip_bad_rows=True)
    assert (report.rows, report.skipped, report.observations) == (4, 2, 8)
    assert [p.line for p in report.problems] == [4, 7]
    assert "skipped 2 bad row(s)" in capsys.readouterr().err


def _observations(spec: str) -> int:
    with open_graph(spec) as kg:
        return int(next(iter(kg.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a nev:Observation }")))[0])


def test_failed_load_leaves_the_previous_graph(tmp_path):
    home = tmp_path / "kg"
    spec = f"oxigraph:{home}"
    build(spec, [FIXTURE_RECORDS, STATS / "comtrade-small.csv"], shipped=False).close()
    before, count = current_store_dir(home), _observations(spec)
    assert count == 2 + 37
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + GOOD * 3 + "202401,CHN,DEU,X,870380,lots,u,3\n")
    with pytest.raises(LoaderError, match=r"bad.csv:8"):
        build(spec, [FIXTURE_RECORDS, STATS / "comtrade-small.csv", bad], shipped=False)
    assert current_store_dir(home) == before and _observations(spec) == count
    assert [p.name for p in home.glob("store-*")] == [before.name]  # the half-written store is gone
    # with skip_bad_rows the good rows go in and the manifest counts the bad one
    kg = build(spec, [FIXTURE_RECORDS, STATS / "comtrade-small.csv", bad], shipped=False, skip_bad_rows=True)
    assert kg.build_info.skipped_rows == 1 and kg.manifest["skipped_rows"] == 1
    assert kg.manifest["tables"][1]["problems"][0].startswith(f"{bad}:8")
    kg.close()
    assert _observations(spec) == count + 4  # the repeated rows are the same observations (same key, same IRI)


def _count_rows(path: Path) -> tuple[int, int]:
    """Observations expected from a generated table, counted independently: one per row, one more per count qty."""
    rows = volumes = 0
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            volumes += row["qtyUnitAbbr"] == "u" and row["qty"] != ""
    return rows, rows + volumes


STREAM = textwrap.dedent("""
    import json, sys
    from pathlib import Path

    def hwm():  # this process's peak RSS in MiB (ru_maxrss would report the forking parent's after exec)
        line = next(x for x in open("/proc/self/status") if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024

    from nevkg.loaders.statistics import StatisticsLoader, TableContext
    loader = StatisticsLoader(TableContext.shipped())
    before = hwm()  # imports and the curated context
    obs = 0
    kind = "https://w3id.org/nevkg/ontology#Observation"
    for chunk in loader.stream(Path(sys.argv[1])):
        obs += sum(1 for q in chunk if q.object.value == kind)
    r = loader.reports[0]
    print(json.dumps({"observations": obs, "reported": r.observations, "rows": r.rows, "quads": r.quads,
                      "before_mib": before, "peak_mib": hwm()}))
""")


def test_200k_rows_stream_in_bounded_memory(tmp_path):
    from nevkg.loaders.synthetic import generate_comtrade

    path = tmp_path / "big.csv"
    generate_comtrade(200_000, path, seed=7)
    rows, expected = _count_rows(path)
    assert rows == 200_000
    out = subprocess.run([sys.executable, "-c", STREAM, str(path)], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["observations"] == got["reported"] == expected and got["rows"] == rows
    assert got["quads"] > 5_000_000
    # a 55 MB table, 5.5 million quads: streaming adds the memory of one chunk to what the process held before
    # (the table as rdflib terms would need ~5 GB)
    assert got["peak_mib"] - got["before_mib"] < 150, got
    assert got["peak_mib"] < 400, got


BUILD = textwrap.dedent("""
    import json, sys
    from nevkg.graph.build import build
    kg = build(sys.argv[1], [sys.argv[2]])
    n = int(next(iter(kg.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a nev:Observation ; qb:dataSet ?d "
                               "FILTER(?d != nevid:dataset-curated-statistics) }")))[0])
    print(json.dumps({"observations": n, "peak_mib": int(next(x for x in open("/proc/self/status") if x.startswith("VmHWM:")).split()[1]) / 1024}))
""")


def test_streamed_build_into_oxigraph_is_exact_and_bounded(tmp_path):
    from nevkg.loaders.synthetic import generate_comtrade

    path = tmp_path / "t.csv"
    generate_comtrade(20_000, path, seed=3)
    _, expected = _count_rows(path)
    out = subprocess.run([sys.executable, "-c", BUILD, f"oxigraph:{tmp_path / 'kg'}", str(path)],
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["observations"] == expected
    assert got["peak_mib"] < 600, got


# -- hostile tables (issue 13): every failure names the file and line, exits 1, and loses nothing silently ----
def _cli_build(tmp_path, *files, skip=False):
    """``nevkg build`` in a real process (so an uncaught EOFError shows as click's bare 'Aborted!')."""
    args = [sys.executable, "-m", "nevkg.cli", "build", "--no-shipped", "--data", str(FIXTURE_RECORDS)]
    for f in files:
        args += ["--data", str(f)]
    if skip:
        args.append("--skip-bad-rows")
    env = {**__import__("os").environ, "NEVKG_HOME": str(tmp_path / "home")}
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)


def test_field_over_128kb_is_a_clear_error(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(HEADER + GOOD + "202401,CHN,DEU,X,870380," + "9" * 140_000 + ",u,1\n" + GOOD)
    with pytest.raises(LoaderError) as info:
        _load(path)
    [problem] = info.value.problems
    assert problem.line == 4 and "longer than" in problem.message and problem.file == str(path)
    done = _cli_build(tmp_path, path)
    assert done.returncode == 1 and f"{path}:4" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("damage", ["truncated", "not-gzip"])
def test_bad_gzip_is_a_clear_error(tmp_path, damage):
    import gzip

    body = (HEADER + GOOD * 2000).encode()
    packed = gzip.compress(body)
    path = tmp_path / "t.csv.gz"
    path.write_bytes(packed[: len(packed) // 2] if damage == "truncated" else b"not gzip at all\n" + body)
    with pytest.raises(LoaderError) as info:
        _load(path)
    assert str(path) in str(info.value) and "gzip" in str(info.value)
    done = _cli_build(tmp_path, path)
    assert done.returncode == 1 and str(path) in done.stderr and "gzip" in done.stderr
    assert "Aborted!" not in done.stderr and "Traceback" not in done.stderr


def test_stray_quote_is_reported_where_it_starts_and_every_lost_row_counted(tmp_path, capsys):
    rows = [f"2024{m:02d},CHN,DEU,X,870380,{1000 + m},u,{m}\n" for m in range(1, 13)] * 3  # 36 good rows
    stray = '"202401,CHN,FRA,X,870380,5,u,1\n'  # line 2: the quote opens a field that runs to the next quote
    closing = '202402,CHN,FRA,X,870380,5,u,1"\n'  # line 17 closes it
    path = tmp_path / "t.csv"
    path.write_text(HEADER + stray + "".join(rows[:14]) + closing + "".join(rows[14:]))
    result, report = _load(path, skip_bad_rows=True)
    # lines 2..17 are one broken record: 16 table rows lost, reported at line 2 where the quote is
    assert report.problems[0].line == 2 and "line 17" in report.problems[0].message
    assert report.skipped == 16 and report.rows == 36 - 14 and report.observations == 2 * (36 - 14)
    assert "skipped 16 bad row(s)" in capsys.readouterr().err


def test_unclosed_quote_counts_every_line_to_the_end(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD + '"202401,CHN,FRA,X,870380,5,u,1\n' + GOOD * 5)
    result, report = _load(path, skip_bad_rows=True)
    assert (report.rows, report.skipped) == (2, 11) and report.problems[0].line == 4
    with pytest.raises(LoaderError, match=r"t.csv:4.*quote"):
        _load(path)


@pytest.mark.parametrize("bad,column", [("202401,CHN,DEU,X,870380,-1000,u,3\n", "primaryValue"),
                                        ("202401,CHN,DEU,X,870380,1000,u,-3\n", "qty")])
def test_negative_trade_values_are_rejected(tmp_path, bad, column):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD + bad)
    with pytest.raises(LoaderError, match=rf"t.csv:4.*negative.*{column}"):
        _load(path)


def test_negative_plain_trade_value_is_rejected_but_not_a_growth_rate(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("subject,measure,period_start,value,unit\nchina,sales-growth-rate,2024,-5,percent\n"
                    "china,export-volume,2024,-10,vehicles\n")
    with pytest.raises(LoaderError, match=r"p.csv:3.*negative.*export-volume"):
        _load(path, TableContext.shipped())
