"""Dates shown to people keep the precision their source stated."""

import csv
import io
import json

import pytest
from rdflib import Literal, URIRef

from nevkg.queries.library import ask, get_query, list_queries
from nevkg.queries.results import format_result
from nevkg.queries.tour import example_facts


def test_the_tour_shows_source_dates_as_stated(kg):
    dates = {kind: issued for kind, _text, _source, issued in example_facts(kg)}
    # the two-sessions article is dated by month only: never shown as if it named the first day
    assert dates["partnership"] == "2025-03"
    assert all(len(d) in (4, 7, 10) for d in dates.values())


def test_measures_keep_the_stated_precision_of_their_dates(kg):
    """Indonesia's BKPM 6/2023 is dated by its year alone: "issued 2023", never "2023-01-01"."""
    from nevkg.queries.risk.measures import measures

    found = {m["id"].rsplit("/", 1)[-1]: m for m in measures(kg)}
    incentives = found["indonesia-bev-import-incentives"]
    assert incentives["issued"] == "2023"
    assert incentives["end"] == "2025-12-31"
    assert all(len(m["start"]) in (0, 4, 7, 10) for m in found.values())


# -- the named queries: every date column brings its precision, and tables show the date as stated -------------

YEAR = "http://www.w3.org/2006/time#unitYear"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


def _example(name: str) -> dict[str, str]:
    return {p.name: p.example for p in get_query(name).params if p.example is not None}


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_every_date_a_named_query_selects_comes_with_its_precision(kg, name):
    """A column of dates (other than the query's own parameters) has a ``…Precision`` column, bound on every row
    the date is (every date in the shipped records has its precision)."""
    result = ask(kg, name, **_example(name))
    if result.type != "SELECT":
        return
    names = [str(v) for v in result.vars]
    rows = [dict(zip(names, row, strict=True)) for row in result]
    params = {p.name for p in get_query(name).params}
    dates = {n for n in names if n not in params
             and any(isinstance(r[n], Literal) and r[n].datatype == XSD_DATE for r in rows)}
    for n in dates:
        assert f"{n}Precision" in names, f"{name}: ?{n} holds dates but the query does not select ?{n}Precision"
        unstated = [r[n] for r in rows if r[n] is not None and not isinstance(r[f"{n}Precision"], URIRef)]
        assert not unstated, f"{name}: ?{n} without its precision in {len(unstated)} row(s), e.g. {unstated[0]}"


def test_partnerships_of_shows_the_year_its_source_stated(kg):
    """Chery–Ebro was set up in "2024" (the source names no day): the table says 2024, never 2024-01-01."""
    result = ask(kg, "partnerships-of", org="Chery")
    table = format_result(result, "table", kg=kg, ids=False)
    [header, _rule, row, count] = table.splitlines()
    assert "sincePrecision" not in header and "since" in header.split()
    assert "  2024  " in row and "2024-01-01" not in table
    assert count == "(1 row)"
    with_ids = format_result(result, "table", kg=kg, ids=True)
    assert "time:unitYear" in with_ids and "2024-01-01" not in with_ids
    # machines get the typed date and its precision beside it
    [record] = csv.DictReader(io.StringIO(format_result(result, "csv")))
    assert (record["since"], record["sincePrecision"]) == ("2024-01-01", YEAR)
    [binding] = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert binding["since"] == {"type": "literal", "value": "2024-01-01", "datatype": str(XSD_DATE)}
    assert binding["sincePrecision"] == {"type": "uri", "value": YEAR}


def test_tables_of_named_queries_show_no_date_more_precisely_than_stated(kg):
    """Policies of Indonesia: BKPM 6/2023 is dated by its year, and so is its row; a day-precise date stays whole."""
    table = format_result(ask(kg, "policies-in", place="Indonesia"), "table", kg=kg, ids=False)
    bkpm = [line for line in table.splitlines() if "(BKPM 6/2023)" in line]
    assert bkpm and all(" 2023 " in line and "2023-01-01" not in line for line in bkpm)
    assert "2025-12-31" in table  # stated to the day
    windows = format_result(ask(kg, "risk-measures-in-window", **{"from": "2023-01-01", "to": "2023-12-31"}),
                            "table", kg=kg, ids=False)
    issued = [line.split()[2] for line in windows.splitlines() if "(BKPM 6/2023)" in line]
    assert issued and set(issued) == {"2023"}
