"""Bad input gets one line naming it and the batch goes on: junk is never stored as an
article, and a hostile server cannot hang a fetch or fill the memory."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils

from claims.db import open_db
from claims.ingest import Options, ingest

CLAIMS = str(Path(sys.executable).with_name("claims"))
GOOD = "At least 12 people were killed when shells hit the market in Velmora on Monday."


def stored(path: Path) -> list[dict]:
    """The articles stored in the database at `path`."""
    return list(sqlite_utils.Database(path)["articles"].rows)


def run_ingest(tmp_path: Path, *inputs, options: Options | None = None):
    """Ingest `inputs` into a fresh database; the summary and the database path."""
    path = tmp_path / "claims.db"
    summary = ingest(open_db(path), [str(i) for i in inputs], options)
    return summary, path


def reasons(summary) -> str:
    """Every failure line, for assertions on what the user is told."""
    return "\n".join(map(str, summary.failures))


@pytest.mark.parametrize("name,data,said", [
    ("nul.txt", b"\x00" * 5000, "binary data"),
    ("copy.txt", b"SQLite format 3\x00" + b"\x01" * 200, "a SQLite database"),
    ("story.txt", gzip.compress(GOOD.encode()), "gzip"),
    ("scan.html", b"%PDF-1.7\n" + b"x" * 100, "a PDF document"),
])
def test_binary_files_are_refused_by_name(tmp_path, name, data, said):
    (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    summary, path = run_ingest(tmp_path, tmp_path / name, good)
    assert said in reasons(summary) and name in reasons(summary)
    assert summary.added == 1
    assert [a["text"] for a in stored(path)] == [GOOD]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_text_with_or_without_a_mark_is_read(tmp_path, encoding):
    (tmp_path / "story.txt").write_bytes(GOOD.encode(encoding))
    summary, path = run_ingest(tmp_path, tmp_path / "story.txt")
    assert summary.failures == [] and summary.added == 1
    assert stored(path)[0]["text"] == GOOD


def test_a_database_given_where_articles_go_is_named(tmp_path):
    other = tmp_path / "other.db"
    open_db(other).close()
    result = subprocess.run([CLAIMS, "ingest", str(other), "--db", str(tmp_path / "x.db")],
                            capture_output=True, text=True, check=False)
    assert "SQLite database" in result.stderr and "Traceback" not in result.stderr


def test_xml_that_is_not_a_feed_is_refused(tmp_path):
    (tmp_path / "notes.xml").write_text("just some words about 12 people")
    summary, path = run_ingest(tmp_path, tmp_path / "notes.xml")
    assert "not an RSS or Atom feed" in reasons(summary)
    assert stored(path) == []


def test_empty_and_header_only_inputs_are_named(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "header.csv").write_text("id,title,text\n")
    (tmp_path / "x.csv").mkdir()
    summary, _ = run_ingest(tmp_path, tmp_path / "empty", tmp_path / "header.csv",
                            tmp_path / "x.csv")
    lines = reasons(summary).splitlines()
    assert any("empty" in line and "no files to read" in line for line in lines)
    assert any("header.csv" in line and "no rows after the header" in line for line in lines)
    assert any("x.csv" in line and "no files to read" in line for line in lines)


def test_json_lines_with_an_array_line_and_a_nested_text(tmp_path):
    records = [
        json.dumps([1, 2, 3]),
        json.dumps({"id": "a", "text": GOOD}),
        json.dumps({"id": "b", "text": {"body": GOOD}}),
        json.dumps({"id": "c", "text": GOOD.replace("12", "14")}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(records) + "\n")
    summary, path = run_ingest(tmp_path, tmp_path / "feed.jsonl")
    text = reasons(summary)
    assert "line 1: a JSON list, not an object" in text
    assert "line 3: column 'text' holds an object, not text" in text
    assert sorted(a["external_id"] for a in stored(path)) == ["a", "c"]


def test_a_json_array_file_is_read_whole(tmp_path):
    (tmp_path / "all.json").write_text(json.dumps([{"id": "a", "text": GOOD}]))
    summary, path = run_ingest(tmp_path, tmp_path / "all.json")
    assert summary.failures == [] and len(stored(path)) == 1


def test_an_article_too_long_is_refused_with_its_size(tmp_path):
    (tmp_path / "dump.txt").write_text("word " * 50_000)
    summary, path = run_ingest(tmp_path, tmp_path / "dump.txt",
                               options=Options(max_article_chars=100_000))
    assert "249,999 characters is too long for one article" in reasons(summary)
    assert stored(path) == []


def test_closed_standard_input_is_one_line(tmp_path):
    result = subprocess.run(["bash", "-c", f'"{CLAIMS}" ingest - --db x.db <&-'],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert "standard input is closed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_sub_folder_is_named(tmp_path):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "story.txt").write_text(GOOD)
    (tmp_path / "in" / "locked").chmod(0)
    try:
        summary, _ = run_ingest(tmp_path, tmp_path / "in")
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)
    assert "locked" in reasons(summary) and summary.added == 1


def test_a_line_the_extractor_fails_on_costs_that_line_only(tmp_path):
    from claims.db import Extractor
    from claims.extraction import EXTRACTOR_VERSION, extract

    def fragile(text, published=None):
        """The real extractor, failing on any text that holds a marked line."""
        if "BROKEN" in text:
            raise KeyError("BROKEN")
        return extract(text, published)

    (tmp_path / "story.txt").write_text(f"{GOOD}\nBROKEN line with 40 people\nAnother 7 "
                                        "people were wounded in Velmora.\n")
    path = tmp_path / "claims.db"
    summary = ingest(open_db(path), [str(tmp_path / "story.txt")],
                     extractor=Extractor(fragile, EXTRACTOR_VERSION))
    assert summary.added == 1 and summary.failures == []
    assert "line 2: KeyError" in str(summary.warnings[0])
    text = stored(path)[0]["text"]
    values = {(r["value"], text[r["start"]:r["end"]])
              for r in sqlite_utils.Database(path)["claims"].rows}
    assert (12, "At least 12 people") in values and (7, "7 people") in values
    assert not any(v == 40 for v, _ in values)


class Hostile(http.server.BaseHTTPRequestHandler):
    """Pages that never end, trickle, or expand to far more than they send."""

    def log_message(self, *args):
        """Quiet: the test reads results, not logs."""

    def do_GET(self):
        """Serve the misbehaviour the path names."""
        handler = {"/endless": self.endless, "/trickle": self.trickle, "/bomb": self.bomb,
                   "/huge": self.huge, "/zipped": self.zipped}.get(self.path)
        if handler is None:
            self.send_error(404)
            return
        try:
            handler()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def endless(self):
        """A body with no length that goes on for ever."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        while True:
            self.wfile.write(b"12 people were killed. " * 4096)

    def trickle(self):
        """One byte every half second."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(120):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.5)

    def bomb(self):
        """A small gzip body that decompresses to 50 MB."""
        body = gzip.compress(b"\n" * 50_000_000)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def huge(self):
        """A declared length past the limit."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "900000000")
        self.end_headers()

    def zipped(self):
        """A gzip file served as plain text, with no Content-Encoding."""
        body = gzip.compress(GOOD.encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def hostile():
    """A local server of hostile pages."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("path,said", [
    ("/endless", "over the 2 MB limit"),
    ("/bomb", "over the 2 MB limit"),
    ("/huge", "body of 900 MB is over the 2 MB limit"),
    ("/trickle", "still downloading after 1 s"),
    ("/zipped", "gzip"),
])
def test_hostile_pages_end_with_one_line(tmp_path, hostile, path, said):
    started = time.monotonic()
    summary, path_db = run_ingest(tmp_path, hostile + path,
                                  options=Options(fetch_timeout=1, max_bytes=2_000_000))
    assert time.monotonic() - started < 20
    assert said in reasons(summary)
    assert stored(path_db) == []


def test_the_limits_are_options_of_the_command(tmp_path, hostile):
    result = subprocess.run([CLAIMS, "ingest", hostile + "/trickle", "--db", str(tmp_path / "x.db"),
                             "--fetch-timeout", "1", "--max-download-mb", "1"],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1
    assert "still downloading after 1 s (--fetch-timeout)" in result.stderr
