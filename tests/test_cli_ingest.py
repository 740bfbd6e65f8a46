"""`claims ingest` as a person at a terminal sees it: a progress bar with a total when the
number of articles is knowable, word of the grouping afterwards, and a database given where
articles go named as one."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import readers
from claims.cli import cli
from claims.db import open_db
from claims.ingest import ingest, reextract
from claims.readers import Options, Total, count_items, read

CLAIMS = str(Path(sys.executable).with_name("claims"))
STORIES = [
    ("Flood water cut the road to Ostrum on Tuesday and about 600 people left their homes, "
     "the district office said."),
    "At least 9 people were hurt when a crane fell on a bus stop in Ostrum, a nurse said.",
    "Volunteers handed out 1,200 blankets in the sports hall on Wednesday evening.",
]


def write_csv(path: Path, stories=STORIES, encoding: str = "utf-8") -> Path:
    """A small dataset of the stories above, one row each, with a quoted line break inside
    the first text (one record over two lines) and a blank line that is no record."""
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text", "outlet"])
        for n, story in enumerate(stories):
            text = story.replace(", the", ",\nthe", 1) if n == 0 else story
            writer.writerow([f"s{n}", f"Story {n}", text, "Ostrum Gazette"])
        handle.write("\r\n")
    return path


def write_files(folder: Path) -> list[Path]:
    """Two text files and a page, one article each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "a.txt", folder / "b.md", folder / "c.html"]
    paths[0].write_text(STORIES[0])
    paths[1].write_text("# Crane falls\n\n" + STORIES[1])
    paths[2].write_text("<html><head><title>Blankets</title></head><body><article><p>"
                        + " ".join(STORIES) + "</p></article></body></html>")
    return paths


def items(specs, options=None) -> int:
    """How many items `read` really yields, to hold the count up against."""
    return sum(1 for _ in read([str(s) for s in specs], options))


def test_files_of_one_article_each_count_one_each(tmp_path):
    paths = write_files(tmp_path / "notes")
    specs = [str(tmp_path / "notes"), str(tmp_path / "missing.txt")]
    assert count_items(specs) == Total(4, exact=True) == Total(items(specs), exact=True)
    assert count_items([str(p) for p in paths[:2]]) == Total(2, exact=True)


def test_a_csv_counts_its_records_not_its_lines(tmp_path):
    path = write_csv(tmp_path / "stories.csv")
    assert len(path.read_text().splitlines()) == 6
    assert count_items([str(path)]) == Total(3, exact=True) == Total(items([path]), True)


def test_a_latin1_csv_is_counted_with_its_encoding(tmp_path):
    stories = [s.replace("Ostrum", "Östrum") for s in STORIES]
    path = write_csv(tmp_path / "old.csv", stories, encoding="latin-1")
    options = Options(encoding="latin-1")
    assert count_items([str(path)], options) == Total(3, exact=True)
    assert items([path], options) == 3


def test_json_lines_count_their_non_blank_lines(tmp_path):
    path = tmp_path / "stories.jsonl"
    lines = [json.dumps({"id": f"s{n}", "text": s}) for n, s in enumerate(STORIES)]
    path.write_text("\n".join(lines[:2]) + "\n\n" + lines[2])
    assert count_items([str(path)]) == Total(3, exact=True) == Total(items([path]), True)


def test_a_big_dataset_is_estimated_from_its_newlines(tmp_path):
    path = write_csv(tmp_path / "stories.csv")
    # Six lines: the header, a record over two lines, two more records and a blank line.
    assert count_items([str(path)], exact_bytes=10) == Total(5, exact=False)


@pytest.mark.parametrize("spec", ["-", "https://news.example/feed.xml", "feed.rss", "all.json"])
def test_no_total_when_counting_would_mean_reading(tmp_path, spec):
    (tmp_path / "feed.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel>'
                                       "<title>Gazette</title></channel></rss>")
    (tmp_path / "all.json").write_text(json.dumps([{"text": s} for s in STORIES]))
    given = spec if "/" in spec or spec == "-" else str(tmp_path / spec)
    assert count_items([str(tmp_path / "a.txt"), given]) is None


def test_a_dataset_that_cannot_be_read_still_counts(tmp_path):
    (tmp_path / "copy.csv").write_bytes(b"SQLite format 3\x00" + b"\x01" * 300)
    (tmp_path / "bad.csv").write_bytes(b"id,text\n1,caf\xe9 owners counted 12 chairs\n")
    assert count_items([str(tmp_path / "copy.csv")]) == Total(1, exact=True)
    assert count_items([str(tmp_path / "bad.csv")], Options(encoding="ascii")).items == 1


def test_an_estimate_is_said_to_be_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(readers, "EXACT_COUNT_BYTES", 10)
    path = write_csv(tmp_path / "stories.csv")
    summary = ingest(open_db(tmp_path / "claims.db"), [str(path)], progress=True)
    assert summary.added == 3
    said = capsys.readouterr().err
    assert "About 5 articles to read (estimated from line counts)" in said
    assert "Grouping figures..." in said and "Grouped " in said


def test_reextract_announces_its_regrouping(tmp_path):
    db = open_db(tmp_path / "claims.db")
    ingest(db, [str(write_csv(tmp_path / "stories.csv"))])
    db.execute("UPDATE article_versions SET extractor_version = '0.0.0'")
    db.execute("UPDATE claims SET extractor_version = '0.0.0'")
    db.conn.commit()
    said: list[str] = []
    assert reextract(db, say=said.append)["versions"] == 3
    assert said[0] == "Grouping figures..." and said[1].startswith("Grouped ")


def on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run `claims ARGS` with standard error on a pseudo-terminal, as at a shell prompt:
    its exit status, its standard output, and everything the terminal showed."""
    leader, follower = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, which tqdm honours by drawing nothing.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    process = subprocess.Popen([CLAIMS, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal is gone once the process has exited
            break
        if not chunk:
            break
        shown.append(chunk)
    os.close(leader)
    output = process.stdout.read().decode()
    process.stdout.close()
    return process.wait(timeout=60), output, b"".join(shown).decode(errors="replace")


def test_the_progress_bar_has_a_total_and_grouping_is_announced(tmp_path):
    write_csv(tmp_path / "stories.csv")
    write_files(tmp_path / "notes")
    status, output, shown = on_a_terminal(
        ["ingest", "stories.csv", "notes", "--db", "claims.db"], tmp_path)
    assert status == 0, shown
    assert "6/6" in shown and "articles/s" in shown
    assert shown.index("6/6") < shown.index("Grouping figures...") < shown.index("Grouped ")
    assert "reported by several outlets" in shown
    assert output.startswith("6 articles added")


def test_no_terminal_gets_no_progress_and_no_grouping_lines(tmp_path):
    path = write_csv(tmp_path / "stories.csv")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("3 articles added, 0 unchanged, 0 new versions, ")


def test_a_database_given_where_articles_go_asks_about_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_db(tmp_path / "other.db").close()
    (tmp_path / "story.txt").write_text(STORIES[1])
    result = CliRunner().invoke(cli, ["ingest", "other.db", "story.txt", "--db", "claims.db"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: other.db: a SQLite database, not an article (did you mean --db?)"]
    assert result.stdout.startswith("1 article added")
