"""Tables for people: wrapped to the terminal (never cut), labels instead of ids, a cap with a count line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from nevkg.cli import main
from nevkg.queries.results import count_line, format_result, rows_table, table_options

LONG = ("EU definitive countervailing duties on Chinese battery-electric cars (Regulation 2024/2754), "
        "in force from 30 October 2024 for five years, with company rates for BYD, Geely and SAIC")


def test_long_cells_wrap_to_the_width_and_lose_no_word():
    text = rows_table(["measure", "note"], [[LONG, "short"], ["x", LONG]], width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in text
    # every word of the long cell is there, in order, in its own column
    width = len(lines[1].split("  ")[0])
    first = " ".join(line[:width].strip() for line in lines[2:] if line[:width].strip())
    assert first == LONG + " x"


def test_without_a_width_nothing_is_wrapped_or_cut():
    [header, rule, row] = rows_table(["measure"], [[LONG]]).splitlines()
    assert row == LONG


def test_a_cap_shows_how_many_rows_there_are():
    rows = [[str(i)] for i in range(500)]
    text = rows_table(["n"], rows, max_rows=200)
    assert len(text.splitlines()) == 2 + 200
    assert count_line(500, 200) == "(500 rows; 200 shown)"
    assert count_line(500) == "(500 rows)"


def test_table_options_limit_only_terminals():
    class Tty:
        def isatty(self):
            return True

    class Pipe:
        def isatty(self):
            return False

    assert table_options(Pipe()) == {"width": None, "max_rows": None}
    tty = table_options(Tty())
    assert tty["width"] >= 20 and tty["max_rows"] == 200


def test_select_tables_show_labels_not_ids_unless_asked(fixture_kg):
    result = fixture_kg.query("SELECT ?org ?orgLabel ?country WHERE { ?org nev:country ?country ; rdfs:label ?orgLabel "
                              "FILTER(?org = nevid:chery) }")
    by_label = format_result(result, kg=fixture_kg, ids=False)
    assert "nevid:" not in by_label
    assert by_label.splitlines()[0].split() == ["orgLabel", "country"]  # ?org sits beside its own label column
    assert "China" in by_label
    with_ids = format_result(result, kg=fixture_kg, ids=True)
    assert "nevid:chery" in with_ids and "nevid:china" in with_ids


@pytest.fixture
def built_fixture(home):
    from .. import conftest

    result = CliRunner().invoke(main, ["build", "--no-shipped", "--data", str(conftest.FIXTURE_RECORDS)])
    assert result.exit_code == 0, result.output


def test_ask_prints_labels_by_default_and_ids_with_the_flag(built_fixture):
    plain = CliRunner().invoke(main, ["ask", "partnerships-of", "-p", "org=Chery"])
    assert plain.exit_code == 0 and "Ebro" in plain.output and "nevid:" not in plain.output
    # the joint venture was set up in '2024' (no day given): shown so, not as the stored 2024-01-01
    assert "  2024  " in plain.output and "2024-01-01" not in plain.output
    csv_out = CliRunner().invoke(main, ["ask", "partnerships-of", "-p", "org=Chery", "--format", "csv"]).output
    assert ",2024-01-01,http://www.w3.org/2006/time#unitYear," in csv_out
    ids = CliRunner().invoke(main, ["ask", "partnerships-of", "-p", "org=Chery", "--ids"])
    assert "nevid:chery-ebro-jv" in ids.output
    ranked = CliRunner().invoke(main, ["rank", "--top", "3"])
    assert "https://" not in ranked.output
    assert "https://w3id.org/nevkg/id/" in CliRunner().invoke(main, ["rank", "--top", "3", "--ids"]).output
