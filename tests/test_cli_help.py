"""The CLI teaches: grouped commands, whole first sentences, help on every option, examples that parse."""

from __future__ import annotations

import shlex

import click
import pytest
from click.testing import CliRunner

from nevkg.cli import main
from nevkg.cli_help import EXAMPLES, SECTIONS, first_sentence

CTX = click.Context(main)


@pytest.fixture(scope="module")
def built_home(tmp_path_factory):
    """The shipped graph built once into a fresh default store for this module."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEVKG_HOME", str(home))
        mp.delenv("NEVKG_STORE", raising=False)
        assert CliRunner().invoke(main, ["build"]).exit_code == 0
        yield home

COMMANDS = {name: main.get_command(CTX, name) for name in main.list_commands(CTX)}


def test_every_command_is_in_exactly_one_group_and_every_group_entry_is_a_command():
    grouped = [name for _title, names in SECTIONS for name in names]
    assert sorted(grouped) == sorted(set(grouped)), "a command is listed in two groups"
    assert set(grouped) == set(COMMANDS), (set(grouped) ^ set(COMMANDS))


def test_top_level_help_lists_groups_and_whole_sentences():
    out = CliRunner().invoke(main, ["--help"], terminal_width=100).output
    positions = [out.index(title + ":") for title, _names in SECTIONS]
    assert positions == sorted(positions)
    assert "..." not in out[positions[0]:]  # click's cut-off mark
    flat = " ".join(out.split())
    for name, cmd in COMMANDS.items():
        summary = first_sentence(cmd.help)
        assert summary.endswith((".", ")")), f"{name}: the first sentence of its help is not a sentence"
        assert f"{name} {summary}" in flat, name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_has_help(name):
    missing = [p.opts[0] for p in COMMANDS[name].params if isinstance(p, click.Option) and not p.help]
    assert not missing, f"nevkg {name}: options without help: {missing}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_two_examples_that_parse(name):
    cmd = COMMANDS[name]
    examples = EXAMPLES.get(name, [])
    assert len(examples) >= 2, f"nevkg {name} needs two examples in nevkg/cli_help.py"
    arguments = [p for p in cmd.params if isinstance(p, click.Argument)]
    for line in examples:
        words = shlex.split(line)
        assert words[:2] == ["nevkg", name], line
        ctx = click.Context(cmd, info_name=name)
        parser = cmd.make_parser(ctx)
        opts, positional, _order = parser.parse_args(words[2:])  # raises NoSuchOption on an unknown option
        assert not positional, f"{line}: more arguments than the command takes"
        assert all(a.name in opts for a in arguments if a.required), f"{line}: a required argument is missing"
        for param in cmd.params:  # every value given converts to the option's type (choices, numbers, ranges)
            if isinstance(param, click.Option) and opts.get(param.name) is not None \
                    and not isinstance(param.type, click.Path | click.File):
                param.type_cast_value(ctx, opts[param.name])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_shows_the_examples(name):
    out = CliRunner().invoke(main, [name, "--help"], terminal_width=200).output
    assert "Examples:" in out
    for line in EXAMPLES[name]:
        assert f"$ {line}" in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_usage_mistakes_exit_2(name):
    result = CliRunner().invoke(main, [name, "--no-such-option"])
    assert result.exit_code == 2, result.output
    assert "No such option" in result.output


def test_unknown_sparql_prefix_is_named(tmp_path):
    from nevkg.errors import QueryError
    from nevkg.queries.sparql import query_type

    with pytest.raises(QueryError, match="unknown prefix 'foo:'.*PREFIX foo:"):
        query_type("SELECT * WHERE { ?s foo:bar ?o }")
    assert query_type("PREFIX foo: <http://example.org/> SELECT * WHERE { ?s foo:bar ?o }") == "SELECT"
    assert query_type("SELECT * WHERE { ?s nev:country ?o }") == "SELECT"  # predeclared


def test_query_command_names_the_unknown_prefix(built_home):
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s foo:bar ?o }"])
    assert result.exit_code == 1
    assert "unknown prefix 'foo:'" in result.output
    assert "u{" not in result.output  # no parser dump of Unicode ranges


def test_ask_says_why_a_trade_query_found_nothing(built_home):
    result = CliRunner().invoke(main, ["ask", "trade-top-destinations", "-p", "reporter=China", "-p",
                                       "product=870380", "-p", "from=2024-01", "-p", "to=2024-12"])
    assert result.exit_code == 0
    assert "no rows: " in result.stderr
    assert "no statistics table is built" in result.stderr


def test_ask_says_why_when_the_period_is_reversed(built_home):
    result = CliRunner().invoke(main, ["ask", "trade-top-destinations", "-p", "reporter=China", "-p",
                                       "product=870380", "-p", "from=2025-01", "-p", "to=2024-12"])
    assert "from (2025-01-01) comes after to (2024-12-01)" in result.stderr
