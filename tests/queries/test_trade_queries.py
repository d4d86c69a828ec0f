"""The trade queries and the headline check on small fixture tables, with answers worked out by hand.

comtrade-small.csv: China's exports of HS 870380 to Germany, Spain, the UAE and Thailand (and the World
row) in 2024-01, 2024-02 and 2025-01, and of 870360 in 2024-01; plain-small.csv adds China → Germany
870380 in 2024-03 (95 M USD, 3,800 vehicles). The fixture records know Spain and the UAE; Germany and
Thailand are minted from their ISO codes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest
from rdflib import Variable

from nevkg.graph.build import build
from nevkg.queries.headlines import check_headlines, format_headlines
from nevkg.queries.library import ask, get_query

from ..conftest import FIXTURE_RECORDS, RESOURCES

STATS = RESOURCES / "stats"
INPUTS = [FIXTURE_RECORDS, STATS / "comtrade-small.csv", STATS / "plain-small.csv", STATS / "headline-2026.csv"]
YEAR = {"reporter": "China", "product": "870380", "from": "2024-01", "to": "2024-12"}


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def trade_kg(request, tmp_path_factory):
    spec = "memory" if request.param == "memory" else f"oxigraph:{tmp_path_factory.mktemp('trade')}/kg"
    kg = build(spec, INPUTS, shipped=False)
    yield kg
    kg.close()


def _rows(result, *names):
    out = []
    for row in result.bindings:
        values = [row.get(Variable(n)) for n in names]
        out.append(tuple(None if v is None else str(v) if n.endswith("Label") else Decimal(str(v))
                         for n, v in zip(names, values, strict=True)))
    return out


def test_top_destinations(trade_kg):
    rows = _rows(ask(trade_kg, "trade-top-destinations", **YEAR), "destinationLabel", "value", "volume", "months")
    assert rows == [("Germany", 315_000_000, 12_800, 3), ("Spain", 90_000_000, 4_500, 2),
                    ("United Arab Emirates", 75_000_000, 2_500, 2), ("Thailand", 45_000_000, 2_250, 2)]


def test_change_year_on_year(trade_kg):
    rows = _rows(ask(trade_kg, "trade-change", reporter="China", product="870380", month="2025-01"),
                 "destinationLabel", "value", "previousMonth", "yearEarlier", "yoyPct")
    assert rows == [("Germany", 150_000_000, None, 100_000_000, 50), ("Spain", 60_000_000, None, 50_000_000, 20),
                    ("United Arab Emirates", 30_000_000, None, 30_000_000, 0),
                    ("Thailand", 10_000_000, None, 20_000_000, -50)]


def test_change_month_on_month(trade_kg):
    rows = _rows(ask(trade_kg, "trade-change", reporter="China", product="870380", month="2024-02"),
                 "destinationLabel", "previousMonth", "momPct", "yoyPct")
    assert rows == [("Germany", 100_000_000, 20, None), ("United Arab Emirates", 30_000_000, 50, None),
                    ("Spain", 50_000_000, -20, None), ("Thailand", 20_000_000, 25, None)]


def test_share_uses_the_world_row(trade_kg):
    rows = _rows(ask(trade_kg, "trade-share", destination="Spain", **YEAR), "value", "total", "sharePct")
    assert rows == [(90_000_000, 430_000_000, Decimal("20.93"))]  # 90 / (200 + 230) million


def test_unit_values(trade_kg):
    rows = _rows(ask(trade_kg, "trade-unit-values", **YEAR), "destinationLabel", "value", "vehicles", "unitValue")
    assert rows == [("United Arab Emirates", 75_000_000, 2_500, 30_000),
                    ("Germany", 315_000_000, 12_800, Decimal("24609.38")),
                    ("Spain", 90_000_000, 4_500, 20_000), ("Thailand", 45_000_000, 2_250, 20_000)]
    # 870360 to Germany: the February row has no quantity and is left out of the average
    rows = _rows(ask(trade_kg, "trade-unit-values", reporter="China", product="870360", **{"from": "2024-01",
                 "to": "2024-12"}), "destinationLabel", "value", "vehicles", "unitValue")
    assert ("Germany", 10_000_000, 400, 25_000) in rows


@pytest.mark.parametrize("name", ["trade-top-destinations", "trade-change", "trade-share", "trade-unit-values"])
def test_headers_are_complete(name):
    q = get_query(name)
    assert q.title and q.description and q.examples and all(p.example for p in q.params)


def test_headline_check(trade_kg):
    rows = check_headlines(trade_kg)
    assert [(r["curated_value"], r["table_sum"], r["difference_pct"], r["basis"]) for r in rows] == [
        (583_000, 576_000, -1.2, "World rows"), (580_000, 576_000, -0.69, "World rows")]
    assert rows[0]["curated_source"].endswith("/fixture-news-a") and rows[1]["curated_source"].endswith("/fixture-news-b")
    assert rows[0]["table_source"].endswith("/table-headline-2026-csv") and rows[0]["months"] == 2
    assert "-1.20" in format_headlines(rows)


# -- the columnar copy (issue 16): the same rows as SPARQL on the triple store, no rdflib on the command line ----
CASES = {
    "trade-top-destinations": [YEAR, {**YEAR, "product": "870360"}, {**YEAR, "from": "2025-01", "to": "2025-12"}],
    "trade-change": [{"reporter": "China", "product": "870380", "month": m} for m in ("2025-01", "2024-02", "2024-01")],
    "trade-share": [{**YEAR, "destination": d} for d in ("Spain", "Germany", "Thailand", "United Arab Emirates")],
    "trade-unit-values": [YEAR, {**YEAR, "product": "870360"}],
}
SYNTHETIC = {  # a generated Comtrade table over two months (December and November 2025), 196 partners
    "trade-top-destinations": [{"reporter": "China", "product": p, "from": "2025-01", "to": "2025-12"}
                               for p in ("870380", "870240", "870460")],
    "trade-change": [{"reporter": "China", "product": p, "month": "2025-12"} for p in ("870380", "870360")],
    "trade-share": [{"reporter": "China", "product": "870380", "from": "2025-11", "to": "2025-12", "destination": d}
                    for d in ("Germany", "Thailand", "Brazil")],
    "trade-unit-values": [{"reporter": "China", "product": p, "from": "2025-11", "to": "2025-12"}
                          for p in ("870380", "870340")],
}


def _typed(result) -> list[tuple]:
    """Rows as comparable plain values (numbers as Decimal, so 50 and 50.0 are equal), in order."""
    out = []
    for row in result.bindings:
        cells = []
        for var in result.vars:
            v = row.get(var)
            if v is not None and getattr(v, "datatype", None) is not None and str(v.datatype).endswith(
                    ("#decimal", "#integer")):
                v = Decimal(str(v))
            cells.append(None if v is None else v if isinstance(v, Decimal) else str(v))
        out.append(tuple(cells))
    return out


def _both(kg, name, params):
    from nevkg.queries.library import bind_params

    query = get_query(name)
    bound = bind_params(kg, query, params)
    sparql = kg.query(query.text, bound)
    columnar = ask(kg, name, **params)
    assert [str(v) for v in columnar.vars] == [str(v) for v in sparql.vars]
    return _typed(columnar), _typed(sparql)


@pytest.fixture(scope="module")
def ox_kg(tmp_path_factory):
    kg = build(f"oxigraph:{tmp_path_factory.mktemp('trade-ox')}/kg", INPUTS, shipped=False)
    yield kg
    kg.close()


@pytest.fixture(scope="module")
def synthetic_kg(tmp_path_factory):
    from nevkg.loaders.synthetic import generate_comtrade

    folder = tmp_path_factory.mktemp("synthetic")
    generate_comtrade(6400, folder / "comtrade.csv", seed=5)
    kg = build(f"oxigraph:{folder}/kg", [folder / "comtrade.csv"])  # with the shipped records (places, concepts)
    yield kg
    kg.close()


def test_only_the_embedded_store_has_a_columnar_copy(trade_kg):
    from nevkg.queries.trade import columnar_of

    assert (columnar_of(trade_kg) is not None) == (trade_kg.spec.kind == "oxigraph")


@pytest.mark.parametrize("name,params", [(n, p) for n, ps in CASES.items() for p in ps])
def test_columnar_rows_equal_sparql_rows(ox_kg, name, params):
    columnar, sparql = _both(ox_kg, name, params)
    assert columnar == sparql


@pytest.mark.parametrize("name,params", [(n, p) for n, ps in SYNTHETIC.items() for p in ps])
def test_columnar_rows_equal_sparql_rows_on_a_generated_table(synthetic_kg, name, params):
    columnar, sparql = _both(synthetic_kg, name, params)
    assert columnar == sparql and len(columnar) >= 1
    if name != "trade-share":
        assert len(columnar) > 50  # most of the 196 partners


def test_headline_check_columnar_equals_sparql(ox_kg):
    columnar = check_headlines(ox_kg, engine="columnar")
    assert columnar == check_headlines(ox_kg, engine="sparql") and len(columnar) == 2


def test_ask_from_the_command_line_imports_no_rdflib(ox_kg, tmp_path):
    """`nevkg ask trade-…` and `nevkg check-headlines` answer from DuckDB without importing rdflib, with the text
    the SPARQL path would print."""
    from nevkg.queries.library import bind_params
    from nevkg.queries.results import format_result

    code = textwrap.dedent("""
        import json, sys
        from click.testing import CliRunner
        from nevkg.cli import main
        out = {}
        for fmt in ("table", "json", "csv", "tsv"):
            r = CliRunner().invoke(main, ["ask", "--store", sys.argv[1], "trade-change", "-p", "reporter=China",
                                          "-p", "product=870380", "-p", "month=2025-01", "--format", fmt])
            assert r.exit_code == 0, r.output
            out[fmt] = r.output
        out["duckdb_after_ask"] = "duckdb" in sys.modules  # a small store: pyoxigraph answered
        r = CliRunner().invoke(main, ["check-headlines", "--store", sys.argv[1], "--format", "json"])
        assert r.exit_code == 0, r.output
        out["headlines"] = r.output
        out["loaded"] = sorted(m for m in sys.modules if m.split(".")[0] in ("rdflib", "pyshacl", "networkx"))
        print(json.dumps(out))
    """)
    done = subprocess.run([sys.executable, "-c", code, str(ox_kg.spec)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["loaded"] == [] and out["duckdb_after_ask"] is False
    query = get_query("trade-change")
    sparql = ox_kg.query(query.text, bind_params(ox_kg, query, {"reporter": "China", "product": "870380",
                                                               "month": "2025-01"}))
    for fmt in ("table", "json", "csv", "tsv"):  # (CliRunner's captured output has plain line ends)
        assert out[fmt].replace("\r\n", "\n") == (format_result(sparql, fmt) + "\n").replace("\r\n", "\n")
    assert [r["difference_pct"] for r in json.loads(out["headlines"])] == [-1.2, -0.69]


def _both_engines(monkeypatch, kg, name, params, fmt):
    """``nevkg ask``'s answer with the SPARQL engine (small stores) and with DuckDB (larger ones)."""
    from nevkg.queries import trade_ask

    answers = []
    for limit in (10**12, 0):  # every store is small / every store is large
        monkeypatch.setattr(trade_ask, "SPARQL_MAX_OBSERVATIONS", limit)
        answers.append(trade_ask.ask_trade(str(kg.spec), name, params, fmt))
    return answers


@pytest.mark.parametrize("name,params", [(n, p) for n, ps in CASES.items() for p in ps])
def test_both_engines_print_the_same(monkeypatch, ox_kg, name, params):
    by_sparql, by_duckdb = _both_engines(monkeypatch, ox_kg, name, params, "tsv")
    assert by_sparql == by_duckdb and by_sparql.text.count("\n") >= 1


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_both_engines_print_the_same_on_a_generated_table(monkeypatch, synthetic_kg, fmt):
    for name, cases in SYNTHETIC.items():
        by_sparql, by_duckdb = _both_engines(monkeypatch, synthetic_kg, name, cases[0], fmt)
        assert by_sparql == by_duckdb and by_sparql.why is None


def test_the_engine_is_chosen_by_the_number_of_observations(ox_kg):
    from nevkg.graph.columnar import read_names
    from nevkg.queries.trade_sparql import SPARQL_MAX_OBSERVATIONS

    n = int(next(iter(ox_kg.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a nev:Observation }")))[0])
    assert read_names(ox_kg.store_dir, "observations") == n < SPARQL_MAX_OBSERVATIONS


def test_command_line_parameters_match_the_library():
    from nevkg.queries.trade import TRADE_QUERIES
    from nevkg.queries.trade_ask import declared_params

    for name in TRADE_QUERIES:
        assert declared_params(name) == [(p.name, p.type, p.required) for p in get_query(name).params]


def test_command_line_errors_name_the_parameter(ox_kg):
    from nevkg.errors import ParameterError, UnknownNameError
    from nevkg.queries.trade_ask import ask_trade

    store = str(ox_kg.spec)
    with pytest.raises(ParameterError, match="trade-share needs destination"):
        ask_trade(store, "trade-share", {k: v for k, v in YEAR.items()}, "table")
    with pytest.raises(ParameterError, match="parameter from: '2024-13' is not a date"):
        ask_trade(store, "trade-top-destinations", {**YEAR, "from": "2024-13"}, "table")
    with pytest.raises(UnknownNameError, match="no place is called 'Atlantis'"):
        ask_trade(store, "trade-top-destinations", {**YEAR, "reporter": "Atlantis"}, "table")
    assert ask_trade("memory", "trade-top-destinations", YEAR, "table") is None  # answered by SPARQL instead
