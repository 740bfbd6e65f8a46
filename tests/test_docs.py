"""The README documents every command and option, like sqlite-utils' own docs tests."""

import re
from pathlib import Path

import click
import pytest

from claims.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text("utf8")


def commands():
    """Every command of the CLI, by name, for the parametrized checks below."""
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name,command", commands())
def test_command_is_documented(name, command):
    assert f"claims {name}" in README, f"`claims {name}` is not in README.md"


@pytest.mark.parametrize(
    "name,option",
    [
        (name, opt)
        for name, command in commands()
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--")
    ],
)
def test_option_is_documented(name, option):
    assert option in README, f"option {option} of `claims {name}` is not in README.md"


def test_readme_starts_with_the_two_setup_commands():
    setup = README.index("## Set-up") if "## Set-up" in README else 0
    head = README[setup : setup + 600]
    assert "uv run claims demo" in head and "uv run pytest" in head


BENCHMARKS = (Path(__file__).parent.parent / "benchmarks" / "README.md").read_text("utf8")


def _table(text: str, heading: str, end: str) -> list[str]:
    """The rows of the first Markdown table between `heading` and `end` in `text`."""
    part = text[text.index(heading):text.index(end, text.index(heading))]
    return [line for line in part.splitlines()
            if line.startswith("| ") and not line.startswith(("| measure", "| what"))]


def _quoted_figures() -> list[tuple[str, str]]:
    """(row, number) for each number in a bold figure of the README's accuracy table."""
    return [(row.split(" | ")[0], number)
            for row in _table(README, "## Accuracy and speed", "## Dependencies")
            for figure in re.findall(r"\*\*(.+?)\*\*", row.split(" | ")[1])
            for number in re.findall(r"\d[\d,.]*\d|\d", figure)]


@pytest.mark.parametrize(("row", "number"), _quoted_figures())
def test_accuracy_table_quotes_the_benchmarks(row, number):
    """The README's accuracy table quotes benchmarks/README.md's summary table, where each
    figure is given with the command that measured it: a figure found only in the README is
    stale or unmeasured."""
    summary = "\n".join(_table(BENCHMARKS, "# Benchmarks", "## Extraction"))
    assert number in summary, f"{row}: {number} is not in benchmarks/README.md's table"
