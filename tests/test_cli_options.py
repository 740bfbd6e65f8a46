"""The options commands share are declared once and behave the same on every command."""

from __future__ import annotations

import socket
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from claims import export, formats, ingest
from claims.cli import cli
from claims.db import open_db

COMMANDS = sorted(cli.commands)


def option(command: str, name: str) -> click.Option:
    """The click option `name` (e.g. "--db") of `claims COMMAND`."""
    (found,) = [p for p in cli.commands[command].params if name in p.opts]
    return found


def shape(param: click.Option) -> tuple:
    """What a user sees of an option, to compare one command's with another's."""
    return (param.opts, param.name, type(param.type).__name__, param.default, param.help)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_h_is_help_everywhere(command):
    short = CliRunner().invoke(cli, [*command, "-h"])
    assert short.exit_code == 0, short.output
    assert short.output.startswith(f"Usage: {' '.join(['cli', *command])} ")
    assert short.output == CliRunner().invoke(cli, [*command, "--help"]).output


@pytest.mark.parametrize(("command", "module"), [
    ("extract", formats), ("ingest", ingest), ("export", export),
])
def test_format_choices_are_the_modules_formats(command, module):
    assert option(command, "--format").type.choices == tuple(module.FORMATS)
    help_text = CliRunner().invoke(cli, [command, "-h"]).output
    assert f"[{'|'.join(module.FORMATS)}]" in help_text


def test_an_unknown_format_names_the_choices():
    result = CliRunner().invoke(cli, ["ingest", "x.txt", "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not one of 'auto', 'text', 'html', 'feed', 'csv', 'jsonl'" in result.output


def test_every_command_but_extract_takes_the_same_db_option():
    takes = [name for name in COMMANDS if any("--db" in p.opts for p in cli.commands[name].params)]
    assert takes == [name for name in COMMANDS if name != "extract"]
    for name in takes:
        db = option(name, "--db")
        assert (db.name, type(db.type).__name__, db.type.dir_okay) == ("db_path", "Path", False)
        # reading commands resolve their default at run time (db/claims.db, else the demo's)
        reading = name in ("serve", "export", "compare")
        assert db.default == ("db/demo.db" if name == "demo" else None if reading
                              else "db/claims.db")
        assert db.envvar == (None if name == "demo" else "CLAIMS_DB")


def test_serve_and_demo_share_their_server_options():
    for name in ("--host", "--port", "--open"):
        assert shape(option("serve", name)) == shape(option("demo", name))
    assert option("serve", "--host").default == "127.0.0.1"
    assert option("serve", "--port").default == 8001


@pytest.mark.parametrize(("command", "name", "value"), [
    ("export", "--since", "3/2024"), ("export", "--until", "2024-13"),
    ("extract", "--published", "2024-03"),
])
def test_date_options_refuse_what_is_not_a_date_before_doing_anything(tmp_path, command, name,
                                                                       value):
    where = ["--db", str(tmp_path / "none.db")] if command == "export" else []
    result = CliRunner().invoke(cli, [command, name, value, *where], input="")
    assert result.exit_code == 2
    assert "dates look like 2024" in result.output and "Traceback" not in result.output
    assert f"not {value!r}" in result.output


def test_a_taken_port_is_a_one_line_error(tmp_path):
    open_db(tmp_path / "claims.db").close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "claims.db"),
                                          "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot listen on 127.0.0.1:{port}")
    assert len(result.output.splitlines()) == 1


def test_the_group_help_loads_nothing_heavy():
    # `claims --help` must not pay for the database, the site or the extractor.
    script = (
        "import sys\n"
        "from claims.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True).stdout.split("\n")[-2].split()
    heavy = [m for m in loaded if m.split(".")[0] in ("sqlite_utils", "datasette", "pydantic")
             or m.startswith(("claims.extraction", "claims.ingest", "claims.formats"))]
    assert heavy == []
    assert "claims.cli" in loaded
