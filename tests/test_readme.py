"""The README's two commands are the ones a new user runs; .ci/run runs the second one verbatim."""

from __future__ import annotations

import re

from .conftest import REPO


def _commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", text, re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_opens_with_install_and_test_commands():
    install, test = _commands()[:2]
    assert install.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install .")
    assert install.endswith("nevkg demo")
    assert test.endswith("&& pytest")


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    [ci_command] = re.findall(r'^TEST_COMMAND="(.*)"$', ci, re.M)
    assert ci_command == _commands()[1]


def test_readme_documents_every_command_and_option():
    from nevkg.cli import main

    text = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"nevkg {name}" in text, name
        summary = (command.help or "").strip().splitlines()[0]
        assert f"| `nevkg {name}` |" in text and summary in text, f"the README's table lacks the summary of {name}"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in text, f"nevkg {name} {opt} is not in the README"
