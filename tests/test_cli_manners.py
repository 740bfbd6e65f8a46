"""The command line as a newcomer meets it: the demo's database found after `claims demo`,
typos named with the nearest valid value, a missing database refused, counts in words."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from claims.cli import cli


@pytest.fixture
def after_demo(tmp_path, monkeypatch, demo_site):
    """A folder where only `claims demo` has run: db/demo.db and no db/claims.db."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMS_DB", raising=False)
    (tmp_path / "db").mkdir()
    shutil.copy(demo_site.path, tmp_path / "db" / "demo.db")
    return tmp_path


def run(*args, **kwargs):
    """`claims ARGS` in process, with standard error apart."""
    return CliRunner().invoke(cli, list(args), **kwargs)


def test_reading_commands_find_the_demo_database(after_demo):
    result = run("compare", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert "Reading db/demo.db" in result.stderr
    assert "outlets" in result.stdout
    exported = run("export", "--metric", "killed", "--format", "jsonl")
    assert exported.exit_code == 0 and exported.stdout.count("\n") > 5


def test_claims_db_names_the_database(after_demo):
    (after_demo / "db" / "demo.db").rename(after_demo / "mine.db")
    result = run("compare", "--limit", "1", env={"CLAIMS_DB": "mine.db"})
    assert result.exit_code == 0 and "Reading" not in result.stderr


def test_a_missing_database_is_an_error_for_every_command_but_ingest(after_demo):
    for command in ("reextract", "compare", "export", "serve"):
        result = run(command, "--db", "typo.db")
        assert result.exit_code == 1, (command, result.output)
        assert "typo.db" in result.stderr
    assert not (after_demo / "typo.db").exists()


@pytest.mark.parametrize("args,said", [
    (("compare", "--metric", "kiled"), "no metric 'kiled'; did you mean: killed"),
    (("export", "--metric", "nosuch"), "no metric 'nosuch'"),
    (("export", "--outlet", "Harbour Ledgr"), "did you mean: The Harbour Ledger"),
    (("export", "--place", "Velmorra"), "did you mean: Velmora"),
    (("compare", "--place", "Velmorra"), "did you mean: Velmora"),
])
def test_unknown_filters_name_the_nearest_valid_value(after_demo, args, said):
    result = run(*args)
    assert result.exit_code == 2
    assert said in result.stderr


def test_a_known_place_in_lower_case_is_found(after_demo):
    result = run("compare", "--place", "velmora", "--limit", "1")
    assert result.exit_code == 0 and "Velmora" in result.stdout


def test_counts_read_as_words(tmp_path):
    (tmp_path / "one.txt").write_text("At least 12 people were killed in the market.")
    result = run("ingest", str(tmp_path / "one.txt"), "--db", str(tmp_path / "x.db"))
    assert "1 article added, 0 unchanged, 0 new versions, 1 claim, 0 failures" in result.stdout


def test_a_busy_port_is_one_line_before_anything_is_built(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("demo", "--db", str(tmp_path / "demo.db"), "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Serving" not in result.output
    assert not (tmp_path / "demo.db").exists()


def test_a_parquet_folder_that_cannot_be_made_is_named_with_its_option(tmp_path):
    source = tmp_path / "one.csv"
    source.write_text("text\nFive people were killed in Aleppo on Monday.\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("ingest", str(source), "--parquet", str(blocker / "data"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: --parquet {blocker / 'data'}: "), result.stderr
    assert "Traceback" not in result.output
