"""Stored counts and case-insensitive places: what keeps the site fast and exact at ten
million claims (benchmarks/serve_million.py), checked on small real databases.

claim_counts must equal a fresh count of the claims after any insert, edit or delete; the
site's counts and facets answered from it must equal Datasette's own; a search over more
matches than it lists, and a count that takes too long, must say so on the page; and an
older database whose places were case-sensitive must come out of `open_db` migrated whole.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
import sqlite_utils
from datasette.utils.asgi import Request

from claims.datasette_plugin.counts import SEARCH_LIMIT, from_summary, view_count
from claims.datasette_plugin.pages import POINTS_LIMIT
from claims.datasette_plugin.templating import page_number, row_limit
from claims.db import SCHEMA, STORED_COUNTS, VIEW_COUNTS, count_claims, open_db
from claims.serve import build_datasette, load_metadata


def recount(table: str = "claim_counts") -> str:
    """A count from scratch of the claims by the key of one table of stored counts."""
    key = ", ".join("coalesce(is_current, 1)" if c == "is_current" else f"coalesce({c}, '')"
                    for c in SCHEMA[table]["pk"])
    return f"select {key}, count(*) from claims group by {key} order by {key}"


def stored(table: str = "claim_counts") -> str:
    """What one table of stored counts holds, in the order `recount` gives."""
    key = ", ".join(SCHEMA[table]["pk"])
    return f"select {key}, claims from {table} where claims > 0 order by {key}"


RECOUNT, STORED = recount(), stored()


def claim_rows(count: int, start: int = 0, **values) -> list[dict]:
    """`count` claims with distinct ids; `values` set the other columns."""
    return [{"id": f"c{start + i}", "sentence": f"Sentence {start + i} about the shelling.",
             **values} for i in range(count)]


def test_stored_counts_follow_every_change(tmp_path):
    """Inserts, edits of a counted column, a new article version and deletes all keep
    claim_counts equal to a count from scratch."""
    db = open_db(tmp_path / "c.db")
    db["claims"].insert_all(claim_rows(3, metric="killed", place="Velmora", is_current=1))
    db["claims"].insert_all(claim_rows(2, 3, metric="wounded", place="velmora"))
    db["claims"].insert_all(claim_rows(1, 5, metric="killed", country="Karvonia"))
    db.execute("update claims set metric = 'missing' where id = 'c0'")
    db.execute("update claims set is_current = 0 where id in ('c1', 'c3')")
    db.execute("update claims set figure_id = 'f1' where id = 'c2'")
    db.execute("delete from claims where id = 'c4'")
    held = {table: db.execute(stored(table)).fetchall() for table in STORED_COUNTS}
    for table in STORED_COUNTS:
        assert held[table] == db.execute(recount(table)).fetchall(), table
        # Places differing only in case are one place, as in the claims table's own filters.
        assert db.execute(f"select sum(claims) from {table} where place = 'VELMORA'"
                          ).fetchone()[0] == 4
    count_claims(db)
    assert {table: db.execute(stored(table)).fetchall() for table in STORED_COUNTS} == held


def test_a_database_without_place_counts_gets_them_on_open(tmp_path):
    """A database made before the map's counts by place gets the table, its triggers and
    counts equal to a recount when opened, and they follow later changes."""
    path = tmp_path / "c.db"
    db = open_db(path)
    db["claims"].insert_all(claim_rows(3, metric="killed", place="Velmora", country="Karvonia"))
    for name in ("claims_placed_ai", "claims_placed_ad", "claims_placed_au"):
        db.execute(f"drop trigger {name}")
    db.execute("drop table place_counts")
    db.execute("pragma user_version = 0")
    db.close()
    db = open_db(path)
    assert db.execute(stored("place_counts")).fetchall() == [
        ("Velmora", "Karvonia", "killed", "", 1, 3)]
    db["claims"].insert_all(claim_rows(1, 3, metric="wounded", place="Velmora"))
    assert (db.execute(stored("place_counts")).fetchall()
            == db.execute(recount("place_counts")).fetchall())


def test_an_older_database_gets_case_insensitive_places(tmp_path):
    """A claims table made before places ignored case is rebuilt on open: the same rows and
    rowids (so search still finds them), views back, counts filled, ?place= any case."""
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["claims"].insert_all(
        claim_rows(2, metric="killed", place="Velmora") + claim_rows(1, 2, place="Tarn"),
        pk="id",
    )
    old["claims"].enable_fts(["sentence"], create_triggers=True)
    old.execute("create view lowest as select min(rowid) as first from claims")
    rowids = old.execute("select rowid, id from claims order by rowid").fetchall()
    old.close()
    db = open_db(path)
    assert db.execute("select rowid, id from claims order by rowid").fetchall() == rowids
    assert db.execute("select count(*) from claims where place = 'velmora'").fetchone()[0] == 2
    assert "COLLATE NOCASE" in db["claims"].schema
    assert [r["id"] for r in db["claims"].search("shelling")] == [r[1] for r in rowids]
    assert db.execute(STORED).fetchall() == db.execute(RECOUNT).fetchall()
    assert "figure_claims" in db.view_names()
    assert open_db(path).execute("select count(*) from claims").fetchone()[0] == 3


def fetch_json(ds, path: str) -> dict:
    """A page's JSON from an in-process Datasette."""
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="module")
def traced(demo_site):
    """The demo database in an in-process site that lists the SQL each page ran."""
    ds = build_datasette(demo_site.path, settings={"trace_debug": True})
    asyncio.run(ds.invoke_startup())
    return ds


@pytest.mark.parametrize("filters", [
    "", "metric=killed", "place=velmora", "metric=killed&outlet_id=northern-wire",
    "country=Karvonia&qualifier=exact",
])
def test_counts_and_facets_from_stored_counts_equal_a_count(traced, demo_db, filters):
    """The row count and every facet equal counting the claims, and none of them counted
    the claims table to get there."""
    page = fetch_json(traced, f"/demo/claims.json?_size=1&_trace=1&{filters}")
    where = " and ".join(f"{k} = '{v}'" for k, v in
                         (pair.split("=") for pair in filters.split("&") if pair)) or "1"
    assert page["filtered_table_rows_count"] == demo_db.execute(
        f"select count(*) from claims where {where}").fetchone()[0] > 0
    for column, facet in page["facet_results"].items():
        expected = demo_db.execute(
            f"select {column}, count(*) as n from claims where {where} and {column} is not null "
            f"group by {column} order by n desc, {column} limit 30").fetchall()
        assert [(v["value"], v["count"]) for v in facet["results"]] == expected, column
    ran = [t["sql"] for t in page["_trace"]["traces"]]
    assert not [sql for sql in ran if "count(*)" in sql and "claim_counts" not in sql]
    assert sum("from claim_counts" in sql for sql in ran) == 1 + len(page["facet_results"])


def test_the_disagreements_view_is_counted_from_its_index(traced, demo_db):
    """The view's row count equals counting its rows, and the statement that gave it read the
    disagreeing figures' index, not the view; a filtered view is counted as written."""
    page = fetch_json(traced, "/demo/disagreements.json?_size=1&_trace=1")
    assert page["filtered_table_rows_count"] == demo_db.execute(
        "select count(*) from (select * from disagreements)").fetchone()[0] > 0
    ran = [t["sql"] for t in page["_trace"]["traces"] if "count(*)" in t["sql"]]
    assert ran == [VIEW_COUNTS["disagreements"]]
    assert "idx_figures_disagreeing" in demo_db.execute(
        f"explain query plan {VIEW_COUNTS['disagreements']}").fetchall()[0][-1]
    assert view_count("select count(*) from disagreements where outlets = :p0") is None
    assert view_count("select count(*) from figure_timeline ") is None


def test_place_filters_ignore_case_on_the_demo_site(demo_site):
    """`?place=velmora` on Datasette's own table and JSON pages finds Velmora's claims."""
    lower = httpx.get(f"{demo_site.url}/demo/claims.json?place=velmora&_shape=objects").json()
    upper = httpx.get(f"{demo_site.url}/demo/claims.json?place=Velmora&_shape=objects").json()
    assert lower["filtered_table_rows_count"] == upper["filtered_table_rows_count"] > 0
    assert {row["place"] for row in lower["rows"]} == {"Velmora"}


def test_only_datasettes_own_count_and_facet_statements_are_rewritten():
    """An equality filter on a counted column is answered from claim_counts; an empty value,
    another operator or another column goes to SQLite as written."""
    count = 'select count(*) from claims where "metric" = :p0 '
    assert "claim_counts" in from_summary(count, {"p0": "killed"})
    assert from_summary(count, {"p0": ""}) is None
    assert from_summary('select count(*) from claims where "value" = :p0 ', {"p0": "3"}) is None
    assert from_summary('select count(*) from claims where "metric" > :p0 ', {"p0": "k"}) is None
    assert from_summary("select count(*) from figures ", {}) is None


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> Path:
    """A database where one word is in more claims than a search lists and one place has
    more than a chart draws, and a view whose rows come fast but whose count would take
    minutes."""
    path = tmp_path_factory.mktemp("crowded") / "crowded.db"
    db = open_db(path)
    db["claims"].insert_all(claim_rows(max(SEARCH_LIMIT, POINTS_LIMIT) + 1, metric="killed",
                                       place="Velmora", published="2026-03-01"))
    db.execute("create view endless as with recursive n(i) as (select 1 union all "
               "select i + 1 from n limit 1000000000) select i from n")
    db.close()
    sqlite3.connect(path).execute("pragma wal_checkpoint(truncate)").close()
    return path


def test_a_search_over_too_many_claims_says_which_it_lists(crowded):
    """The page lists, counts and facets the SEARCH_LIMIT matches stored last, and says so."""
    ds = build_datasette(crowded)
    asyncio.run(ds.invoke_startup())
    page = fetch_json(ds, "/crowded/claims.json?_search=shelling&_size=1")
    assert page["filtered_table_rows_count"] == SEARCH_LIMIT
    assert f"limited to the {SEARCH_LIMIT:,} matches stored last" in page["human_description_en"]
    assert page["facet_results"]["metric"]["results"][0]["count"] == SEARCH_LIMIT
    exact = fetch_json(ds, "/crowded/claims.json?_search=c7&_size=1")
    assert "limited" not in exact["human_description_en"]
    # Filters beside a search keep their meaning (and their case-insensitivity).
    filtered = fetch_json(ds, "/crowded/claims.json?_search=shelling&metric=killed"
                              "&place=VELMORA&_size=1")
    assert filtered["filtered_table_rows_count"] == SEARCH_LIMIT
    assert fetch_json(ds, "/crowded/claims.json?_search=shelling&metric=wounded&_size=1"
                      )["filtered_table_rows_count"] == 0


def test_a_count_that_takes_too_long_is_said_to_be_missing(crowded):
    """The rows come; the count is left out, and the page says so instead of showing none."""
    ds = build_datasette(crowded)
    asyncio.run(ds.invoke_startup())
    response = asyncio.run(ds.client.get("/crowded/endless"))
    assert response.status_code == 200
    assert "claims-count-missing" in response.text and "took too long" in response.text
    assert "claims-count-missing" not in asyncio.run(ds.client.get("/crowded/claims")).text


def test_a_timeline_with_more_claims_than_it_charts_says_so(crowded):
    """The chart draws POINTS_LIMIT claims and says how many there are in all."""
    ds = build_datasette(crowded)
    asyncio.run(ds.invoke_startup())
    page = asyncio.run(ds.client.get("/-/claims/timeline?metric=killed&place=velmora")).text
    assert f"earliest {POINTS_LIMIT:,} of {max(SEARCH_LIMIT, POINTS_LIMIT) + 1:,} claims" in page


def walk_pages(ds, path: str, size: int) -> list[dict]:
    """Every row of a paged canned query, read by following each page's "next page" link,
    checking that each page says which rows it lists."""
    rows, page = [], 1
    while True:
        listed = fetch_json(ds, f"{path}.json?_shape=array&{query_string(path, page)}")
        html = asyncio.run(ds.client.get(f"{path}?{query_string(path, page)}")).text
        if listed:
            first = len(rows) + 1
            assert f"Rows {first:,} to {len(rows) + len(listed):,}, {size:,} a page" in html
        rows += listed
        if 'rel="next"' not in html:
            return rows
        assert len(listed) == size
        page += 1


def query_string(path: str, page: int) -> str:
    """The parameters of the canned query at `path` (one of PAGED), on page `page`."""
    return f"{PAGED[path]}&page={page}"


#: The paged canned queries the tests below walk, with their other parameters.
PAGED = {
    "/crowded/claims_for_metric_place": "metric=killed&place=velmora&since=&until=",
    "/figure/compare_figure": "figure_id=f1",
}


def test_a_canned_list_comes_in_pages(crowded):
    """claims_for_metric_place lists its claims a page at a time: each page says which rows
    it lists and links to the next, and the pages together hold every claim once."""
    ds = build_datasette(crowded)
    asyncio.run(ds.invoke_startup())
    size = row_limit(load_metadata()["databases"]["claims"]["queries"]
                     ["claims_for_metric_place"]["sql"])
    assert size is not None and size < max(SEARCH_LIMIT, POINTS_LIMIT) + 1
    rows = walk_pages(ds, "/crowded/claims_for_metric_place", size)
    ids = [r["claim_id"] for r in rows]
    assert len(ids) == len(set(ids)) == max(SEARCH_LIMIT, POINTS_LIMIT) + 1
    empty = asyncio.run(ds.client.get("/crowded/claims_for_metric_place?"
                                      "metric=wounded&place=velmora&since=&until=")).text
    assert "claims-pages" not in empty
    beyond = asyncio.run(ds.client.get("/crowded/claims_for_metric_place?metric=killed&"
                                       "place=velmora&since=&until=&page=999")).text
    assert "No rows on page 999" in beyond and 'rel="prev"' in beyond


@pytest.mark.parametrize("asked", ["", "0", "-3", "2", "2.5", " 7", "+4", "abc", "3x", "１", "２"])
def test_a_page_number_is_read_as_the_sql_reads_it(asked):
    """The page's links count from the page its SQL lists, whatever was typed."""
    sql = "select max(coalesce(cast(nullif(?, '') as integer), 1), 1)"
    listed = sqlite3.connect(":memory:").execute(sql, [asked]).fetchone()[0]
    assert page_number(Request.fake("/?" + urlencode({"page": asked}))) == listed


def test_a_figure_reported_more_often_than_a_page_lists_comes_in_pages(tmp_path):
    """compare_figure lists a figure's claims by day a page at a time: a running total
    repeated in every report may gather thousands."""
    size = row_limit(load_metadata()["databases"]["claims"]["queries"]["compare_figure"]["sql"])
    assert size is not None
    path = tmp_path / "figure.db"
    db = open_db(path)
    db["figures"].insert({"id": "f1", "median_value": 1.0})
    db["claims"].insert_all(claim_rows(2 * size + 1, metric="killed", figure_id="f1",
                                       value=1.0, published="2026-03-01"))
    db.close()
    ds = build_datasette(path)
    asyncio.run(ds.invoke_startup())
    rows = walk_pages(ds, "/figure/compare_figure", size)
    assert len({r["claim_id"] for r in rows}) == len(rows) == 2 * size + 1
    beyond = asyncio.run(ds.client.get("/figure/compare_figure?figure_id=f1&page=9")).text
    assert "Pick a figure" not in beyond and "No rows on page 9" in beyond


def test_row_limit_reads_a_closing_limit_only():
    """Only a limit that ends the statement bounds the page's list."""
    assert row_limit("select * from claims order by day limit 500") == 500
    assert row_limit("select * from claims limit 20;\n") == 20
    assert row_limit("select * from (select * from claims limit 5) order by id") is None
    assert row_limit(None) is None
    assert row_limit("select * from claims limit 100 offset 100 * (:page - 1)") == 100
