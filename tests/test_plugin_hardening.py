"""What typed SQL can make the claims site do: no huge values, no leaked paths or
addresses, no javascript: links, on a real server over HTTP and in a real browser."""

from __future__ import annotations

import sqlite3

import httpx
import pytest
from helpers import free_port, needs_chromium, served

from claims.datasette_plugin.hardening import MAX_VALUE_BYTES, harden, holds_claims
from claims.db import Article, open_db
from claims.ingest import store


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A small claims database served by `claims serve`."""
    path = tmp_path_factory.mktemp("hardening") / "claims.db"
    db = open_db(path)
    store(db, Article(body="At least 12 people were killed in Aleppo on Monday, rescuers said.",
                      outlet="Wire", published="2026-03-02", external_id="a"))
    db.close()
    port = free_port()
    with served(["serve", "--db", str(path), "--port", str(port)], port) as (url, _):
        yield url


def query(site: str, sql: str) -> httpx.Response:
    """A SQL query through the JSON API."""
    return httpx.get(f"{site}/claims.json", params={"sql": sql, "_shape": "array"}, timeout=30)


def test_a_huge_value_is_refused_not_served(site):
    response = query(site, "select hex(zeroblob(100000000)) as x")
    assert response.status_code == 400
    assert len(response.content) < 10_000
    assert "too big" in response.text


def test_stored_articles_are_still_served(site):
    response = query(site, "select text from articles")
    assert response.status_code == 200 and "12 people" in response.json()[0]["text"]


def test_fts3_tokenizer_is_refused(site):
    response = query(site, "select hex(fts3_tokenizer('simple')) as x")
    assert response.status_code == 400 and "not authorized" in response.text


def test_the_database_path_reads_as_null(site):
    response = query(site, "select name, file from pragma_database_list")
    assert response.status_code == 200
    assert {row["file"] for row in response.json()} == {None}


def test_other_databases_are_not_hardened():
    conn = sqlite3.connect(":memory:")
    assert not holds_claims(conn)
    conn.execute("create table claims (id)")
    conn.execute("create table articles (id)")
    assert holds_claims(conn)
    harden(conn)
    with pytest.raises(sqlite3.DataError):
        conn.execute("select zeroblob(?)", [MAX_VALUE_BYTES + 1]).fetchone()


@needs_chromium
def test_javascript_links_are_disarmed(site, page):
    page.goto(f"{site}/claims?sql=select+1")
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => {
        const box = document.createElement("div");
        box.innerHTML = '<a id="bad" href="javascript:alert(1)">x</a>' +
                        '<a id="good" href="https://example.org/">y</a>';
        document.body.append(box);
    }""")
    page.wait_for_function("() => !document.getElementById('bad').hasAttribute('href')")
    assert page.get_attribute("#good", "href") == "https://example.org/"
    page.click("#bad")
    assert page.dialogs == []
