"""Numbers on pages read as a reporter writes them; the JSON API keeps them raw."""

from __future__ import annotations

import httpx
from helpers import free_port, served

from claims.db import Article, open_db
from claims.ingest import store


def test_numbers_are_formatted_on_pages_and_raw_in_json(tmp_path):
    path = tmp_path / "claims.db"
    db = open_db(path)
    store(db, Article(body="The fund pledged 40 million euros to rebuild Velmora, and 2.5 percent "
                           "of it went to the port.", outlet="Wire", external_id="a"))
    db.close()
    port = free_port()
    with served(["serve", "--db", str(path), "--port", str(port)], port) as (url, _):
        page = httpx.get(f"{url}/claims/claims", params={"_sort": "value"}).text
        rows = httpx.get(f"{url}/claims/claims.json", params={"_shape": "array"}).json()
        query = httpx.get(f"{url}/claims", params={"sql": "select value from claims"}).text
    assert "40,000,000" in page and "40000000.0" not in page
    assert "2.5" in page
    assert {r["value"] for r in rows} == {40000000.0, 2.5}
    assert "40,000,000" in query
