import functools
import http.server
import shutil
import socket
import threading
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from claims.cli import cli
from claims.db import open_db
from claims.ingest import Options, ingest
from claims.readers import parse_date, read

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
CSV_OPTIONS = ["--text-column", "body", "--title-column", "headline", "--outlet-column", "site",
               "--date-column", "when", "--id-column", "id"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The standard file server without a log line per request in the test output."""

    def log_message(self, *args):
        """Say nothing."""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A local web server over a copy of the fixtures, plus a feed pointing back at it."""
    root = tmp_path_factory.mktemp("site")
    for name in ("article.html", "links.html", "feed.rss"):
        shutil.copy(FIXTURES / name, root / name)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "linked.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger Links</title>'
        f"<item><title>Shelling kills 12 in Aleppo</title><link>{base}/article.html</link>"
        "<pubDate>Fri, 18 Nov 2016 09:30:00 GMT</pubDate></item>"
        f"<item><title>Gone</title><link>{base}/gone.html</link>"
        "<description>Only 3 lines survive of this one.</description></item>"
        "</channel></rss>"
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def run(*args, input=None):
    """`claims ingest ARGS`, checked never to end in a traceback whatever else happens."""
    result = CliRunner().invoke(cli, ["ingest", *map(str, args)], input=input)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def error_lines(result):
    """The one-line errors a run printed, one per failed input."""
    return [line for line in result.output.splitlines() if line.startswith("Error: ")]


def test_html_file_gives_text_and_metadata(tmp_path):
    db_path = tmp_path / "claims.db"
    result = run(FIXTURES / "article.html", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "1 article added" in result.output
    (article,) = sqlite_utils.Database(db_path)["articles"].rows
    assert article["title"] == "Shelling kills 12 in Aleppo"
    assert article["author"] == "Jane Rivers"
    assert article["published"] == "2016-11-18"
    assert article["url"] == "https://ledger.example/world/aleppo-shelling"
    assert article["outlet_id"] == "the-daily-ledger"
    assert "At least 12 people were killed" in article["text"]
    assert "Copyright" not in article["text"] and "Sport" not in article["text"]


def test_urls_are_fetched_and_bad_ones_reported_one_line_each(tmp_path, site):
    db_path = tmp_path / "claims.db"
    result = run(f"{site}/missing.html", f"{site}/links.html", f"{site}/article.html",
                 "--db", db_path)
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"Error: {site}/missing.html: HTTP 404 File not found",
        f"Error: {site}/links.html: no article text found (not an article page?)",
    ]
    assert "1 article added" in result.output and "2 failures" in result.output
    (article,) = sqlite_utils.Database(db_path)["articles"].rows
    assert article["url"] == f"{site}/article.html"
    assert article["outlet_id"] == "the-daily-ledger"


def test_unreachable_url_is_a_one_line_error(tmp_path):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = run(f"http://127.0.0.1:{port}/x", "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert "fetch failed" in line


def test_rss_and_atom_feeds_give_one_article_per_entry(tmp_path):
    db_path = tmp_path / "claims.db"
    result = run(FIXTURES / "feed.rss", FIXTURES / "feed.atom", "--db", db_path)
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    rows = {r["title"]: r for r in db["articles"].rows}
    assert set(rows) == {"Flood forces 300 families from their homes", "Bridge reopens",
                         "Storm leaves 5 dead on the coast"}
    flood = rows["Flood forces 300 families from their homes"]
    assert flood["outlet_id"] == "valley-gazette"
    assert flood["url"] == "https://gazette.example/news/flood"
    assert flood["published"] == "2017-04-04T08:15:00+00:00"
    assert flood["text"].endswith("the regional council said.\n\nWater levels fell by the evening.")
    storm = rows["Storm leaves 5 dead on the coast"]
    assert storm["url"] is None
    assert storm["external_id"] == "urn:uuid:6a3a1c55-0c47-4bde-8a3c-6c3e9f4f1a02"
    assert storm["outlet_id"] == "harbour-post"


def test_feed_entries_without_content_are_fetched(tmp_path, site):
    db_path = tmp_path / "claims.db"
    result = run(f"{site}/linked.rss", "--db", db_path)
    assert result.exit_code == 0, result.output
    rows = {r["title"]: r for r in sqlite_utils.Database(db_path)["articles"].rows}
    fetched = rows["Shelling kills 12 in Aleppo"]
    assert "Rescue workers spent the day" in fetched["text"]
    # a link-only item is the linked page's: its site name, not the feed's title
    assert fetched["outlet_id"] == "the-daily-ledger"
    assert fetched["published"] == "2016-11-18T09:30:00+00:00"
    assert rows["Gone"]["text"] == "Gone\n\nOnly 3 lines survive of this one."


def test_markdown_front_matter(tmp_path):
    db_path = tmp_path / "claims.db"
    assert run(FIXTURES / "front.md", "--db", db_path).exit_code == 0
    (article,) = sqlite_utils.Database(db_path)["articles"].rows
    assert article["title"] == "Convoy reaches besieged town"
    assert article["outlet_id"] == "hill-times"
    assert article["url"] == "https://hilltimes.example/convoy"
    assert article["published"] == "2017-04-05"
    assert article["author"] == "Sam Lee"
    assert article["text"].startswith("# Convoy reaches besieged town\n\nA convoy of 40 trucks")


@pytest.mark.parametrize("encoding", [["--encoding", "latin-1"], []])
def test_latin1_csv_with_column_options(tmp_path, encoding):
    db_path = tmp_path / "claims.db"
    result = run(FIXTURES / "latin1.csv", "--db", db_path, *CSV_OPTIONS, *encoding)
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {FIXTURES / 'latin1.csv'} line 5: empty text"]
    assert "3 articles added" in result.output
    db = sqlite_utils.Database(db_path)
    rows = {r["external_id"]: r for r in db["articles"].rows}
    assert set(rows) == {"a1", "a2", "a2#2"}
    assert rows["a1"]["title"] == "Café attack kills 7"
    assert rows["a1"]["text"].startswith("Café attack kills 7\n\nAt least 7 people")
    assert rows["a1"]["published"] == "2017-04-05"
    assert rows["a1"]["outlet_id"] == "nord-presse"
    assert rows["a2"]["text"] == rows["a2#2"]["text"]


def test_wrong_encoding_is_a_one_line_error(tmp_path):
    result = run(FIXTURES / "latin1.csv", FIXTURES / "front.md", "--db", tmp_path / "c.db",
                 "--encoding", "utf-8", *CSV_OPTIONS)
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith(f"Error: {FIXTURES / 'latin1.csv'}: cannot decode as utf-8")
    assert "1 article added" in result.output


def test_unknown_encoding_is_rejected_up_front(tmp_path):
    result = run(FIXTURES / "front.md", "--db", tmp_path / "c.db", "--encoding", "klingon")
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.output


def test_jsonl_with_a_broken_line(tmp_path):
    db_path = tmp_path / "claims.db"
    result = run(FIXTURES / "articles.jsonl", "--db", db_path)
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith(f"Error: {FIXTURES / 'articles.jsonl'} line 2: invalid JSON")
    rows = {r["external_id"]: r for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert set(rows) == {"j1", "j3"}
    assert rows["j1"]["url"] == "https://borderwire.example/camp"
    assert rows["j1"]["published"] == "2018-07-18T10:00:00+00:00"
    assert rows["j3"]["published"] == "2018-07-17T09:00:00+00:00"
    assert rows["j3"]["outlet_id"] == "border-wire"


def test_missing_column_and_missing_file_do_not_stop_the_batch(tmp_path):
    result = run(FIXTURES / "latin1.csv", tmp_path / "nope.txt", FIXTURES / "front.md",
                 "--db", tmp_path / "c.db", "--text-column", "story")
    assert result.exit_code == 1
    assert error_lines(result) == [
        (f"Error: {FIXTURES / 'latin1.csv'}: no column 'story' "
         "(columns: id, headline, body, site, when)"),
        f"Error: {tmp_path / 'nope.txt'}: no such file, folder or URL",
    ]
    assert "1 article added" in result.output


def test_stdin(tmp_path):
    db_path = tmp_path / "claims.db"
    result = run("-", "--db", db_path, "--outlet", "Desk",
                 input="At least 9 people were killed in Hama, officials said.\n")
    assert result.exit_code == 0, result.output
    (article,) = sqlite_utils.Database(db_path)["articles"].rows
    assert article["outlet_id"] == "desk"
    assert article["text"] == "At least 9 people were killed in Hama, officials said."


def test_folders_are_read_recursively_and_rerun_adds_nothing(tmp_path):
    folder = tmp_path / "in"
    (folder / "deep" / "deeper").mkdir(parents=True)
    shutil.copy(FIXTURES / "front.md", folder / "front.md")
    shutil.copy(FIXTURES / "feed.rss", folder / "deep" / "feed.rss")
    shutil.copy(FIXTURES / "article.html", folder / "deep" / "deeper" / "article.html")
    (folder / "deep" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    db_path = tmp_path / "claims.db"
    first = run(folder, "--db", db_path)
    assert first.exit_code == 0, first.output
    assert "4 articles added" in first.output
    db = sqlite_utils.Database(db_path)
    before = {t: db[t].count for t in db.table_names()}
    again = run(folder, "--db", db_path)
    assert again.exit_code == 0
    assert "0 articles added, 4 unchanged, 0 new versions, 0 claims, 0 failures" in again.output
    assert {t: db[t].count for t in db.table_names()} == before


def test_changed_file_is_a_new_version(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\nurl: https://x.example/p\n---\nAt least 3 people were hurt.\n")
    db_path = tmp_path / "claims.db"
    run(page, "--db", db_path)
    page.write_text("---\nurl: https://x.example/p\n---\nAt least 4 people were hurt.\n")
    result = run(page, "--db", db_path)
    assert "0 articles added, 0 unchanged, 1 new version," in result.output
    assert sqlite_utils.Database(db_path)["article_versions"].count == 2


def test_an_article_that_fails_to_store_is_reported_and_the_rest_land(tmp_path):
    db_path = tmp_path / "claims.db"
    db = open_db(db_path)
    db.execute("CREATE TRIGGER refuse_40 BEFORE INSERT ON claims WHEN new.value = 40 "
               "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    db.close()
    result = run(FIXTURES / "front.md", FIXTURES / "article.html", "--db", db_path)
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {FIXTURES / 'front.md'}: not stored: refused"]
    db = sqlite_utils.Database(db_path)
    assert [r["title"] for r in db["articles"].rows] == ["Shelling kills 12 in Aleppo"]
    assert db["article_versions"].count == 1
    assert db.execute("SELECT count(DISTINCT article_id) FROM claims").fetchone()[0] == 1
    assert db["outlets"].count == 1


def test_not_a_database_is_a_one_line_error(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite " * 100)
    result = run(FIXTURES / "front.md", "--db", bogus)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bogus}: file is not a database")


def test_library_api_summary(tmp_path):
    db = open_db(tmp_path / "claims.db")
    summary = ingest(db, [str(FIXTURES / "feed.rss")], Options(outlet="Override"))
    assert (summary.added, summary.failures) == (2, [])
    assert summary.claims == db["claims"].count
    assert {r["outlet_id"] for r in db["articles"].rows} == {"override"}


def test_reextract_command(tmp_path):
    db_path = tmp_path / "claims.db"
    run(FIXTURES / "front.md", "--db", db_path)
    db = sqlite_utils.Database(db_path)
    db.execute("UPDATE article_versions SET extractor_version = '0.0.0'")
    db.execute("UPDATE claims SET extractor_version = '0.0.0'")
    db.conn.commit()
    result = CliRunner().invoke(cli, ["reextract", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 article versions re-extracted")
    assert db.execute("SELECT count(*) FROM claims WHERE extractor_version = '0.0.0'"
                      ).fetchone()[0] == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("4/5/17", "2017-04-05"),
    ("11/18/16", "2016-11-18"),
    ("13/4/2017", "2017-04-13"),
    ("2017-04-05", "2017-04-05"),
    ("2018-07-18T10:00:00Z", "2018-07-18T10:00:00+00:00"),
    ("Wed, 05 Apr 2017 10:00:00 GMT", "2017-04-05T10:00:00+00:00"),
    ("5 April 2017", "2017-04-05"),
    ("not a date", None),
    ("4/31/17", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_a_weekday_in_the_text_resolves_against_the_date_column(tmp_path):
    # The same words, published a week apart (both Wednesdays), name different Sundays.
    sentence = "Officials said 12 people were killed in the market on Sunday."
    data = tmp_path / "wire.csv"
    data.write_text(f'id,when,story\nw1,2026-03-04,"{sentence}"\nw2,3/11/2026,"{sentence}"\n')
    db_path = tmp_path / "claims.db"
    result = run(data, "--db", db_path, "--date-column", "when", "--text-column", "story",
                 "--id-column", "id", "--outlet", "Wire")
    assert result.exit_code == 0, result.output
    found = sqlite_utils.Database(db_path).query(
        "SELECT a.external_id, c.published, c.date, c.date_text FROM claims c "
        "JOIN articles a ON a.id = c.article_id ORDER BY a.external_id")
    assert [tuple(r.values()) for r in found] == [
        ("w1", "2026-03-04", "2026-03-01", "on Sunday"),
        ("w2", "2026-03-11", "2026-03-08", "on Sunday"),
    ]


def test_repeated_ids_are_counted_per_outlet_across_a_whole_file(tmp_path):
    rows = ["id,text,outlet", "x,One.,North Star", "x,Two.,", "x,Three.,North Star", "y,Four.,",
            "x,Five.,", "x,Six.,North Star"]
    path = tmp_path / "repeats.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    options = Options(text_column="text", id_column="id", outlet_column="outlet")
    ids = [(article.outlet, article.external_id) for _, article in read([str(path)], options)]
    assert ids == [("North Star", "x"), (None, "x"), ("North Star", "x#2"), (None, "y"),
                   (None, "x#2"), ("North Star", "x#3")]
