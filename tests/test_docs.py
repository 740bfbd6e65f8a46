"""The README documents every command and option, like sqlite-utils' own docs tests."""

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
