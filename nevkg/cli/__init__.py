"""The ``nevkg`` command line: a thin shell over plain, tested functions.

Imports of rdflib, pyoxigraph, pyshacl and networkx happen inside the commands, so ``nevkg --help``
starts about as fast as click itself. Every :class:`nevkg.errors.NevkgError` becomes a clear message and
exit status 1 here, in one place; usage mistakes exit 2 (click's own handling).

This package holds the group (:data:`main`, with its help by task) and one module per concern, each
registering its commands on ``main`` when imported: :mod:`~nevkg.cli.start` (demo, build, stats, validate),
:mod:`~nevkg.cli.ask` (query, ask, check-headlines), :mod:`~nevkg.cli.analytics` (path, neighbors, rank,
footprint, exposure, communities), :mod:`~nevkg.cli.markets` (risk, profile, alerts), :mod:`~nevkg.cli.draw`
(viz, chart), :mod:`~nevkg.cli.publish` (serve, export, release, diff) and :mod:`~nevkg.cli.curate` (ingest,
review, accept, generate-stats); the options they share are in :mod:`~nevkg.cli.options`. ``nevkg --help``'s
groups and the examples are data, in :mod:`nevkg.cli_help`.
"""

from __future__ import annotations

import click

from nevkg import __version__
from nevkg.cli.options import EXPORT_FORMATS, NETWORK_FORMATS

__all__ = ["main", "NevkgCommand", "NevkgGroup", "EXPORT_FORMATS", "NETWORK_FORMATS"]


class NevkgCommand(click.Command):
    """A command whose help ends with worked examples and whose summary is its whole first sentence."""

    def get_short_help_str(self, limit: int = 45) -> str:
        from nevkg.cli_help import first_sentence

        return self.short_help or first_sentence(self.help)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from nevkg.cli_help import EXAMPLES

        super().format_epilog(ctx, formatter)
        examples = EXAMPLES.get(self.name or "", [])
        if examples:
            with formatter.section("Examples"):
                for line in examples:
                    formatter.write_text(f"$ {line}")


class NevkgGroup(click.Group):
    """A click group that reports nevkg's own errors without a traceback and lists its commands by task."""

    command_class = NevkgCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from nevkg.cli_help import SECTIONS

        commands = {name: self.get_command(ctx, name) for name in self.list_commands(ctx)}
        listed: set[str] = set()
        groups = []
        for title, names in SECTIONS:
            rows = [(n, commands[n].get_short_help_str()) for n in names if n in commands and not commands[n].hidden]
            listed.update(names)
            groups.append((title, rows))
        groups.append(("Other", [(n, c.get_short_help_str()) for n, c in commands.items()
                                 if n not in listed and not c.hidden]))
        for title, rows in groups:
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        from nevkg.errors import NevkgError, ParameterError

        try:
            return super().invoke(ctx)
        except ParameterError as exc:  # a usage mistake: exit 2 with the command's usage line
            raise click.UsageError(str(exc)) from exc
        except NevkgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=NevkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nevkg")
def main() -> None:
    """nevkg: a sourced knowledge graph of the Chinese new-energy-vehicle export ecosystem.

    Start with `nevkg demo` (builds the graph, validates it, takes a tour); `nevkg COMMAND --help` shows each
    command's options and examples. Every fact carries its source.

    Exit status: 0 done, 1 a failure or invalid input (the message says what and where), 2 a usage mistake.
    """


# The commands, one module per concern; importing a module registers its commands on ``main``.
from nevkg.cli import analytics, ask, curate, draw, markets, publish, start  # noqa: E402,F401,I001
