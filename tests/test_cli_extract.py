"""`claims extract` as a user runs it: files, stdin, formats, bad input."""

import csv
import datetime as dt
import io
import json
import sys

import pytest
from click.testing import CliRunner

import claims
from claims.cli import cli

TEXT = "At least 12 people were killed in the raid, the health ministry said.\n"


def run(*args, input=None):
    """`claims extract ARGS` in process, with `input` as standard input."""
    return CliRunner().invoke(cli, ["extract", *args], input=input)


def test_jsonl_from_a_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    result = run(str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["value"] == 12 and record["metric"] == "killed"
    assert TEXT[record["start"] : record["end"]] == record["text"]
    for field in ("sentence", "low", "high", "qualifier", "unit", "subject", "direction", "place",
                  "date", "attributed_to"):
        assert field in record


def test_stdin_and_default_pipe_format_is_jsonl():
    result = run("-", input=TEXT)
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["value"] == 12


def test_json_csv_and_table(tmp_path):
    assert json.loads(run("--format", "json", input=TEXT).output)[0]["value"] == 12
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv", input=TEXT).output)))
    assert rows[0]["text"] == "At least 12 people"
    table = run("--format", "table", input=TEXT).output
    assert "At least 12 people" in table and "killed" in table


def test_several_files_name_their_file(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text("Some 300 families fled.\n")
    result = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "jsonl")
    files = [json.loads(line)["file"] for line in result.output.splitlines()]
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


# Published on Wednesday 4 March 2026: "on Sunday" is 1 March.
SUNDAY = "Officials said 12 people were killed in the market on Sunday.\n"


@pytest.mark.parametrize("published", ["2026-03-04", dt.date(2026, 3, 4),
                                       dt.datetime(2026, 3, 4, 18, 30)])
def test_the_library_resolves_a_weekday_against_the_publication_date(published):
    (claim,) = claims.extract(SUNDAY, published=published)
    assert (claim.date, claim.date_text) == ("2026-03-01", "on Sunday")


def test_published_option_resolves_a_weekday():
    result = run("--published", "2026-03-04", "--format", "jsonl", input=SUNDAY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["date"] == "2026-03-01"
    # A week later, the same words mean another Sunday; without a date, no day at all.
    later = json.loads(run("--published", "2026-03-11", "--format", "jsonl", input=SUNDAY).output)
    assert later["date"] == "2026-03-08"
    assert json.loads(run("--format", "jsonl", input=SUNDAY).output)["date"] is None


@pytest.mark.parametrize("published", ["05/03/2024", "2024-03", "2024-02-30", "yesterday"])
def test_published_must_be_a_whole_calendar_date(published):
    result = run("--published", published, input=TEXT)
    assert result.exit_code == 2
    assert f"dates look like 2024-03-05, not '{published}'" in result.output


def test_empty_input_gives_no_claims():
    result = run("--format", "json", input="")
    assert result.exit_code == 0
    assert json.loads(result.output) == []


def test_binary_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\x00\x10JFIF")
    result = run(str(path))
    assert result.exit_code == 1
    assert "photo.jpg" in result.output and "binary" in result.output
    assert "Traceback" not in result.output


def test_undecodable_file_names_the_file_and_the_fix(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\xe9 owners said 12 people were hurt.".encode("latin-1"))
    result = run(str(path))
    assert result.exit_code == 1 and "old.txt" in result.output and "--encoding" in result.output
    result = run(str(path), "--encoding", "latin-1", "--format", "jsonl")
    assert result.exit_code == 0 and json.loads(result.output)["value"] == 12


def test_missing_file(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and "nope.txt" in result.output


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli, ["extract", str(fifo)])
    assert result.exit_code == 1 and "not a regular file" in result.output


def test_utf16_text_is_read_with_or_without_naming_it(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("At least 12 people were killed.".encode("utf-16-le"))
    for extra in ([], ["--encoding", "utf-16-le"]):
        result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl", *extra])
        assert result.exit_code == 0 and '"value": 12.0' in result.output


def test_closed_standard_input_is_one_line(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    claims = Path(sys.executable).with_name("claims")
    done = subprocess.run(["bash", "-c", f'"{claims}" extract - <&-'], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1 and "standard input is closed" in done.stderr
    assert "Traceback" not in done.stderr



class WatchedInput(io.BytesIO):
    """Standard input that notes, when it is first read, what the command had written to
    standard output by then."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.written_before: str | None = None

    def read(self, size: int | None = -1):
        """The bytes, after noting the output so far (click's probe, read(0), is no read)."""
        if size != 0 and self.written_before is None:
            sys.stdout.flush()
            self.written_before = sys.stdout.buffer.getvalue().decode()
        return super().read(size)


def test_claims_stream_out_before_the_next_file_is_read(tmp_path):
    """Each file's claims are written as it is read, not collected for the end: the first
    file's claims are out before standard input, the second file, is read."""
    first = tmp_path / "first.txt"
    first.write_text("Shelling killed 14 people in Velmora, medics said.\n")
    stdin = WatchedInput(b"Floods forced 300 families from their homes, officials said.\n")
    result = run(str(first), "-", "--format", "jsonl", input=stdin)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["value"] for line in result.output.splitlines()] == [14, 300]
    assert json.loads(stdin.written_before)["value"] == 14
