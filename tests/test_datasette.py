"""The Datasette site, driven in-process through datasette.client as a user's browser would."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claims import compare
from claims.db import SCHEMA, VIEWS, Article, open_db
from claims.ingest import store
from claims.serve import METADATA_PATHS, build_datasette, load_metadata, prepare

SCRIPT = "<script>alert(1)</script>"

ARTICLES = [
    Article(
        body="At least 12 people were killed in Aleppo on Monday, according to the Syrian "
        "Observatory for Human Rights. About 300 families were displaced from Homs, the "
        "United Nations said.",
        title="Deadly day in Aleppo", url="https://dailyplanet.example/aleppo",
        outlet="Daily Planet", published="2024-03-05",
    ),
    Article(
        body="At least 12 people were killed in Aleppo on Monday, according to SOHR.",
        title="Aleppo strikes", url="https://eveningpost.example/aleppo",
        outlet="Evening Post", published="2024-03-05",
    ),
    Article(
        body="Some 15 people were killed in Aleppo on Monday, according to the Syrian "
        "Observatory for Human Rights.",
        title="Aleppo toll", url="https://gazette.example/aleppo",
        outlet="The Gazette", published="2024-03-05",
    ),
    Article(
        body="At least 20 people were killed in Aleppo on Monday, according to the Syrian "
        "Observatory for Human Rights.",
        title="Aleppo toll rises", url="https://morningstar.example/aleppo",
        outlet="Morning Star", published="2024-03-06",
    ),
    Article(
        body=f"{SCRIPT} At least 40 people were wounded in Idlib on Wednesday, according to "
        "the White Helmets.",
        title="<b>Idlib</b> wounded", url="javascript:alert(2)",
        outlet="The Gazette", published="2024-03-07",
    ),
]


def build_db(path: Path) -> Path:
    """A small claims database made by the real pipeline: ingest, then group figures."""
    db = open_db(path)
    for article in ARTICLES:
        store(db, article)
    compare.group_figures(db)
    db.close()
    return path


def fetch(ds, path: str):
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("site") / "claims.db")


@pytest.fixture(scope="module")
def ds(db_path):
    ds = build_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    return ds


@pytest.fixture(scope="module")
def conn(db_path):
    return sqlite3.connect(db_path)


def one(conn, sql: str, *params):
    return conn.execute(sql, params).fetchone()


def names(conn, kind: str) -> list[str]:
    return [
        n for (n,) in conn.execute("select name from sqlite_master where type = ?", [kind])
        if not n.startswith(("claims_fts", "articles_fts", "sqlite_"))
    ]


def test_plugins_are_loaded(ds):
    plugins = {p["name"] for p in fetch(ds, "/-/plugins.json").json()}
    assert {"claims", "datasette-cluster-map"} <= plugins


def test_site_is_read_only(ds, conn):
    assert not ds.get_database("claims").is_mutable
    before = one(conn, "select count(*) from outlets")[0]
    response = fetch(ds, "/claims.json?sql=delete+from+outlets")
    assert response.status_code == 400
    assert one(conn, "select count(*) from outlets")[0] == before > 0


def test_metadata_describes_what_exists(conn):
    metadata = load_metadata()
    tables = metadata["databases"]["claims"]["tables"]
    assert set(SCHEMA) <= set(tables)
    present = set(names(conn, "table")) | set(names(conn, "view"))
    for name, spec in tables.items():
        assert name in present, f"metadata describes {name}, which the database lacks"
        columns = {row[1] for row in conn.execute(f'pragma table_info("{name}")')}
        assert set(spec.get("columns", {})) <= columns, name
        for facet in spec.get("facets", []):
            assert facet in columns, (name, facet)
        assert spec["description"]


@pytest.mark.parametrize("kind", ["table", "view"])
def test_every_table_and_view_serves_its_rows(ds, conn, kind):
    for name in names(conn, kind):
        expected = one(conn, f'select count(*) from "{name}"')[0]
        page = fetch(ds, f"/claims/{name}")
        assert page.status_code == 200, name
        data = fetch(ds, f"/claims/{name}.json?_shape=array&_size=max")
        assert data.status_code == 200, name
        rows = data.json()
        assert isinstance(rows, list) and len(rows) == expected, name
        if rows:
            assert set(rows[0]) >= {r[1] for r in conn.execute(f'pragma table_info("{name}")')}


def test_views_from_the_comparison_are_present(conn):
    assert set(VIEWS) <= set(names(conn, "view"))


def test_claims_table_json_shape_and_filters(ds, conn):
    default = fetch(ds, "/claims/claims.json").json()
    assert set(default) >= {"rows", "columns", "facet_results", "filtered_table_rows_count"}
    assert {"metric", "unit", "qualifier", "outlet_id", "place"} <= set(
        default["facet_results"]
    )
    metrics = {
        item["value"]: item["count"] for item in default["facet_results"]["metric"]["results"]
    }
    assert metrics["killed"] == one(conn, "select count(*) from claims where metric = 'killed'")[0]
    killed = fetch(ds, "/claims/claims.json?metric=killed&place=Aleppo&_shape=array").json()
    assert sorted(r["value"] for r in killed) == [12, 12, 15, 20]
    assert {r["qualifier"] for r in killed} == {"at_least", "approximately"}


def test_full_text_search(ds):
    rows = fetch(ds, "/claims/claims.json?_search=Idlib&_shape=array").json()
    assert rows and all("Idlib" in r["sentence"] for r in rows)
    articles = fetch(ds, "/claims/articles.json?_search=Homs&_shape=array").json()
    assert [a["title"] for a in articles] == ["Deadly day in Aleppo"]


def test_csv(ds, conn):
    response = fetch(ds, "/claims/claims.csv?_size=max")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == one(conn, "select count(*) from claims")[0]
    assert {"id", "text", "value", "qualifier", "unit", "start", "end"} <= set(rows[0])


def figure_of(conn, value: float) -> str:
    return one(conn, "select figure_id from claims where value = ? and metric = 'killed'", value)[0]


def query(ds, name: str, **params):
    from urllib.parse import urlencode

    response = fetch(ds, f"/claims/{name}.json?_shape=array&{urlencode(params)}")
    assert response.status_code == 200, response.text
    return response.json()


def test_compare_figure(ds, conn):
    figure = figure_of(conn, 15)
    rows = query(ds, "compare_figure", figure_id=figure)
    assert sorted((r["outlet"], r["value"]) for r in rows) == [
        ("Daily Planet", 12), ("Evening Post", 12), ("Morning Star", 20), ("The Gazette", 15),
    ]
    median = one(conn, "select median_value from figures where id = ?", figure)[0]
    assert {r["vs_median"] for r in rows} == {r["value"] - median for r in rows}
    assert query(ds, "compare_figure", figure_id="no-such-figure") == []


def test_claims_for_metric_place(ds):
    march = query(ds, "claims_for_metric_place", metric="killed", place="Aleppo",
                  since="2024-03-01", until="2024-03-31")
    assert len(march) == 4 and all(r["day"].startswith("2024-03") for r in march)
    assert query(ds, "claims_for_metric_place", metric="killed", place="Aleppo", since="",
                 until="") == march
    assert query(ds, "claims_for_metric_place", metric="killed", place="Aleppo", since="",
                 until="2024-03-01") == []
    assert query(ds, "claims_for_metric_place", metric="wounded", place="Aleppo", since="",
                 until="") == []
    # A list that ends before the query's limit is whole, and its page does not say it stops.
    page = fetch(ds, "/claims/claims_for_metric_place?metric=killed&place=Aleppo&since=&until=")
    assert page.text.count("<tr") == len(march) + 1
    assert "This list stops" not in page.text


def test_claims_for_metric_place_lists_what_a_plain_filter_finds(ds, conn):
    """Whether the place is a town, a region or a country, in any case of letters, the
    query's two ways of reading (one town in date order, several towns sorted) list exactly
    the current claims a plain filter finds, earliest first."""
    plain = (
        "select id from claims where metric = ? and coalesce(is_current, 1) = 1 and "
        "(place = ? collate nocase or region = ? collate nocase or country = ? collate nocase)"
    )
    names = {row[0] for row in conn.execute(
        "select place from claims union select region from claims union select country "
        "from claims") if row[0]}
    assert len(names) >= 3
    for metric in ("killed", "wounded"):
        for name in sorted(names) + [n.lower() for n in sorted(names)]:
            rows = query(ds, "claims_for_metric_place", metric=metric, place=name, since="",
                         until="")
            expected = [r[0] for r in conn.execute(plain, [metric, name, name, name])]
            assert sorted(r["claim_id"] for r in rows) == sorted(expected), (metric, name)
            days = [r["day"] or "" for r in rows]
            assert days == sorted(days), (metric, name)


def test_where_outlets_disagree(ds, conn):
    rows = query(ds, "where_outlets_disagree", metric="", place="")
    assert [r["figure_id"] for r in rows] == [figure_of(conn, 15)]
    assert rows[0]["lowest"] == 12 and rows[0]["highest"] == 20
    assert query(ds, "where_outlets_disagree", metric="wounded", place="") == []
    assert len(query(ds, "where_outlets_disagree", metric="killed", place="Aleppo")) == 1


def test_latest_values_are_stored_per_figure_and_outlet(conn):
    """What the comparison pages read instead of ranking every claim: each outlet's most
    recently published claim per figure, and each figure's spread of those values."""
    latest = {}
    for figure, outlet, value, published, article, start in conn.execute(
        "select figure_id, outlet_id, value, published, article_id, start from claims "
        "where figure_id is not null"
    ):
        rank = (published, article, -start)
        if (figure, outlet) not in latest or rank > latest[(figure, outlet)][0]:
            latest[(figure, outlet)] = (rank, value)
    stored = {
        (figure, outlet): value for figure, outlet, value in conn.execute(
            "select figure_id, outlet_id, latest_value from figure_outlet_latest")
    }
    assert stored and stored == {key: value for key, (_, value) in latest.items()}
    low, high, spread, listed = one(
        conn, "select latest_low, latest_high, latest_spread, values_by_outlet from figures "
        "where id = ?", figure_of(conn, 15),
    )
    assert (low, high, spread) == (12, 20, round(20 / 12, 2))
    assert listed.split("; ") == [
        "Daily Planet: 12", "Evening Post: 12", "Morning Star: 20", "The Gazette: 15",
    ]
    single = one(conn, "select id from figures where outlets = 1")[0]
    assert one(conn, "select latest_spread from figures where id = ?", single) == (None,)


def sql_run(ds, path: str, query: str = "") -> list[str]:
    """The SQL a page sent to SQLite (answers the plugin kept are not sent again)."""
    page = fetch(ds, f"{path}.json?_trace=1&{query}")
    return [t["sql"] for t in page.json()["_trace"]["traces"] if t["type"] == "sql"]


def counts(sql: str) -> bool:
    """Whether a statement counts rows: itself, or from the stored counts (claim_counts)."""
    return "count(*)" in sql or "claim_counts" in sql


def test_serve_counts_default_pages_before_the_first_visit(db_path):
    fresh = build_datasette(db_path, settings={"trace_debug": True})
    asyncio.run(fresh.invoke_startup())
    assert any(counts(sql) for sql in sql_run(fresh, "/claims/claims"))
    prepared = build_datasette(db_path, settings={"trace_debug": True})
    asyncio.run(prepare(prepared))
    assert not any(counts(sql) for sql in sql_run(prepared, "/claims/claims"))
    filtered = sql_run(prepared, "/claims/claims", "metric=killed")
    assert any(counts(sql) for sql in filtered)
    assert any(counts(sql) for sql in sql_run(fresh, "/claims/disagreements"))
    assert not any(counts(sql) for sql in sql_run(prepared, "/claims/disagreements"))


def page_sql(ds, path: str) -> list[str]:
    """The SQL one of the plugin's pages sent to SQLite, from the trace under its HTML."""
    page = fetch(ds, f"{path}?_trace=1").text
    traces = json.loads(html.unescape(page.rsplit("<pre>", 1)[1].split("</pre>", 1)[0]))
    return [t["sql"] for t in traces["traces"] if t["type"] == "sql"]


def test_serve_sums_the_timelines_choices_before_the_first_visit(db_path):
    """The timelines page's most reported choices sum every stored count (0.2 s at ten
    million claims): summed while the site starts, not on the first visit."""
    fresh = build_datasette(db_path, settings={"trace_debug": True})
    asyncio.run(fresh.invoke_startup())
    assert any("claim_counts" in sql for sql in page_sql(fresh, "/-/claims/timeline"))
    prepared = build_datasette(db_path, settings={"trace_debug": True})
    asyncio.run(prepare(prepared))
    assert not any("claim_counts" in sql for sql in page_sql(prepared, "/-/claims/timeline"))


@pytest.mark.parametrize("column", ["country", "metric"])
def test_serve_prepares_the_pages_of_filters_too_coarse_for_their_index(db_path, column):
    """A value most stored counts hold, of the primary key's first column (metric) as of a
    plainly indexed one (country), has its claims page summed before the first visit."""
    conn = sqlite3.connect(db_path)
    (value, rows), = conn.execute(
        f"select {column}, count(*) from claim_counts where {column} != '' group by {column} "
        "order by count(*) desc limit 1").fetchall()
    conn.close()
    coarse = build_datasette(db_path, settings={"trace_debug": True})
    asyncio.run(prepare(coarse, heavy_rows=rows))
    assert not any(counts(sql) for sql in sql_run(coarse, "/claims/claims", f"{column}={value}"))
    fine = build_datasette(db_path, settings={"trace_debug": True})
    asyncio.run(prepare(fine, heavy_rows=rows + 1))
    assert any(counts(sql) for sql in sql_run(fine, "/claims/claims", f"{column}={value}"))


@pytest.mark.parametrize("name", ["SOHR", "Syrian Observatory for Human Rights", "sohr",
                                  "the Syrian Observatory for Human Rights"])
def test_source_claims_and_who_repeated_them(ds, name):
    rows = query(ds, "source_claims", source=name)
    by_value = {r["value"]: r for r in rows}
    assert set(by_value) == {12, 15, 20}
    assert by_value[12]["outlets"] == 2
    assert set(by_value[12]["repeated_by"].split(",")) == {"Daily Planet", "Evening Post"}


def test_article_claims(ds):
    rows = query(ds, "article_claims", article="https://dailyplanet.example/aleppo")
    assert [r["text"] for r in rows] == ["At least 12 people", "About 300 families"]
    assert rows == query(ds, "article_claims", article=rows[0]["article_id"])


def test_claims_by_place(ds):
    rows = query(ds, "claims_by_place", metric="killed")
    assert [(r["place"], r["claims"], r["outlets"]) for r in rows] == [("Aleppo", 4, 4)]
    assert rows[0]["latitude"] and rows[0]["longitude"]


def test_every_canned_query_renders(ds):
    for name, spec in load_metadata()["databases"]["claims"]["queries"].items():
        params = "&".join(f"{p}=" for p in re.findall(r":(\w+)", spec["sql"]))
        for suffix in ("", ".json", ".csv"):
            response = fetch(ds, f"/claims/{name}{suffix}?{params}")
            assert response.status_code == 200, (name, suffix)


def test_claim_in_context_page(ds, conn):
    claim_id, article_id, figure_id = one(
        conn, "select id, article_id, figure_id from claims where value = 15"
    )
    html = fetch(ds, f"/-/claims/claim/{claim_id}").text
    assert '<mark class="claim-surface">Some 15 people</mark> were killed in Aleppo' in html
    assert 'href="https://gazette.example/aleppo"' in html
    assert f'href="/-/claims/figure/{figure_id}"' in html
    assert f'href="/-/claims/article/{article_id}#claim-{claim_id}"' in html
    for other in ("Daily Planet", "Evening Post", "Morning Star"):
        assert other in html
    assert fetch(ds, "/-/claims/claim/nope").status_code == 404


def test_article_page_highlights_claims_at_their_offsets(ds, conn):
    article_id = one(conn, "select id from articles where outlet_id = 'daily-planet'")[0]
    html = fetch(ds, f"/-/claims/article/{article_id}").text
    marks = re.findall(r'<mark class="claim-surface" id="claim-(\w+)"[^>]*>([^<]*)</mark>', html)
    expected = conn.execute(
        "select c.id, substr(a.text, c.start + 1, c.end - c.start) from claims c "
        "join articles a on a.id = c.article_id where a.id = ? order by c.start", [article_id]
    ).fetchall()
    assert marks == [tuple(e) for e in expected] and len(marks) == 2
    assert fetch(ds, "/-/claims/article/nope").status_code == 404


def test_article_derived_text_is_escaped(ds, conn):
    article_id = one(conn, "select id from articles where text like '%<script>%'")[0]
    html = fetch(ds, f"/-/claims/article/{article_id}").text
    text = re.search(r'<div class="claims-text">(.*?)</div>', html, re.DOTALL).group(1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in re.sub(r"</?mark[^>]*>", "", text)
    assert SCRIPT not in html and "<b>Idlib</b>" not in html
    assert "&lt;b&gt;Idlib&lt;/b&gt;" in html
    assert 'href="javascript:' not in html
    for (claim_id,) in conn.execute("select id from claims where article_id = ?", [article_id]):
        page = fetch(ds, f"/-/claims/claim/{claim_id}").text
        assert SCRIPT not in page and 'href="javascript:' not in page
    for path in ("/claims/articles", "/claims/claims", "/claims/article_versions"):
        assert SCRIPT not in fetch(ds, path).text


def test_figure_page_charts_every_claim(ds, conn):
    figure = figure_of(conn, 15)
    html = fetch(ds, f"/-/claims/figure/{figure}").text
    assert "<svg" in html
    claims = [c for (c,) in conn.execute("select id from claims where figure_id = ?", [figure])]
    points = re.findall(r'<a href="/-/claims/claim/(\w+)"><circle class="claims-point"', html)
    assert sorted(points) == sorted(claims)
    assert fetch(ds, "/-/claims/figure/nope").status_code == 404


def test_timeline_page(ds):
    html = fetch(ds, "/-/claims/timeline?metric=killed&place=Aleppo").text
    assert html.count('<circle class="claims-point"') == 4
    for outlet in ("Daily Planet", "The Gazette", "Morning Star", "Evening Post"):
        assert outlet in html
    index = fetch(ds, "/-/claims/timeline").text
    assert "/-/claims/timeline?metric=killed&amp;place=Aleppo" in index


def test_cells_link_to_claim_pages(ds, conn):
    html = fetch(ds, "/claims/claims").text
    for (claim_id,) in conn.execute("select id from claims"):
        assert f'href="/-/claims/claim/{claim_id}"' in html
    view = fetch(ds, "/claims/figure_claims").text
    assert re.search(r'href="/-/claims/claim/\w+"', view)


def test_map_is_wired_to_coordinates(ds):
    html = fetch(ds, "/claims/claims").text
    assert "datasette-cluster-map.js" in html
    assert 'DATASETTE_CLUSTER_MAP_LATITUDE_COLUMN = "latitude"' in html


def test_plain_datasette_command_uses_metadata_and_plugin(db_path):
    metadata = next(p for p in METADATA_PATHS if p.exists())
    result = subprocess.run(
        [sys.executable, "-m", "datasette", str(db_path), "-m", str(metadata),
         "--get", "/claims/compare_figure.json?figure_id=x&_shape=array"],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(result.stdout) == []
    html = subprocess.run(
        [sys.executable, "-m", "datasette", str(db_path), "-m", str(metadata),
         "--get", "/-/claims/timeline"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "Figure timelines" in html


def test_live_mode_is_read_only_too(db_path):
    live = build_datasette(db_path, live=True)
    asyncio.run(live.invoke_startup())
    database = live.get_database("claims")
    assert database.is_mutable
    assert fetch(live, "/claims/claims.json?_shape=array&metric=killed").status_code == 200
    assert fetch(live, "/claims.json?sql=update+claims+set+value+%3D+0").status_code == 400
    # Below the SQL check: the connections queries run on open the file read-only.
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(database.execute("update claims set value = 0"))


def test_serve_without_a_database_is_a_one_line_error(tmp_path):
    from click.testing import CliRunner

    from claims.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no database at") and "Traceback" not in result.output
    assert not (tmp_path / "missing.db").exists()


def visible_headers(html: str) -> list[str]:
    """The columns a table page shows, in order (hidden headers left out)."""
    return re.findall(r'<th (?!hidden)[^>]*data-column="([^"]+)"', html)


def readable(table: str) -> list[str]:
    """The readable columns metadata.json gives a table."""
    spec = load_metadata()["databases"]["claims"]["tables"][table]
    return spec["plugins"]["claims"]["readable_columns"]


def test_claims_table_shows_readable_columns_and_the_rest_a_click_away(ds, conn):
    """The claims table opens on the sentence and the figure's facts, not 33 columns of ids;
    every column is one click away, and the JSON always has all of them."""
    html = fetch(ds, "/claims/claims").text
    assert visible_headers(html) == readable("claims")
    assert visible_headers(html)[0] == "sentence" and "id" not in visible_headers(html)
    assert re.findall(r'<th hidden [^>]*data-column="(\w+)"', html) == ["latitude", "longitude"]
    claim_id = one(conn, "select id from claims where value = 15")[0]
    assert (f'<mark class="claim-surface"><a href="/-/claims/claim/{claim_id}">Some 15 people'
            f"</a></mark> were killed in Aleppo") in html
    assert 'href="?_columns=all"' in html
    every = fetch(ds, "/claims/claims?_columns=all").text
    columns = [r[1] for r in conn.execute("pragma table_info(claims)")]
    assert visible_headers(every) == columns
    assert "Show the readable columns" in every
    chosen = fetch(ds, "/claims/claims?_col=value&_col=metric").text
    assert visible_headers(chosen) == ["id", "value", "metric"]
    rows = fetch(ds, "/claims/claims.json?_shape=array").json()
    assert set(rows[0]) == set(columns)


def test_readable_columns_of_figures_and_disagreements(ds):
    """The figures table and the disagreements view open on their label and values too."""
    for path, table in (("/claims/figures", "figures"), ("/claims/disagreements",
                                                         "disagreements")):
        html = fetch(ds, path).text
        assert visible_headers(html) == readable(table), path


def test_marked_sentence_is_escaped(ds):
    """The sentence cell is built by the plugin: the article's markup in it stays text."""
    html = fetch(ds, "/claims/claims?_search=Idlib").text
    cell = re.search(r'<td class="col-sentence[^"]*">(.*?)</td>', html, re.DOTALL).group(1)
    assert cell.startswith("&lt;script&gt;alert(1)&lt;/script&gt; <mark class=")
    assert SCRIPT not in html


def test_canned_queries_are_named_by_title_and_hide_their_sql(ds):
    """The tab says what the query is for, never its SQL; no SQL comes before the results."""
    for name, spec in load_metadata()["databases"]["claims"]["queries"].items():
        params = "&".join(f"{p}=" for p in re.findall(r":(\w+)", spec["sql"]))
        html = fetch(ds, f"/claims/{name}?{params}").text
        title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
        assert title == f"{spec['title']} · claims".replace("'", "&#39;"), name
        assert 'id="sql-editor"' not in html and 'id="sql-query"' not in html, name


def test_a_comparison_without_a_figure_offers_figures(ds, conn):
    """compare_figure without an id lists figures, each link filling in its id; a wrong id
    says so; a right one shows its rows and no list."""
    figure = figure_of(conn, 15)
    html = fetch(ds, "/claims/compare_figure").text
    assert '<div class="claims-pick">' in html and "Pick a figure" in html
    assert f'href="?figure_id={figure}"' in html and f'href="/-/claims/figure/{figure}"' in html
    assert "4 outlets, 4 claims, 12 to 20" in html
    assert len(query(ds, "compare_figure", figure_id=figure)) == 4
    wrong = fetch(ds, "/claims/compare_figure?figure_id=nope").text
    assert "No figure answers to “nope”" in wrong
    assert "claims-pick" not in fetch(ds, f"/claims/compare_figure?figure_id={figure}").text
    sources = fetch(ds, "/claims/source_claims?source=nobody").text
    assert "Pick a source" in sources and 'href="?source=sohr"' in sources


def test_numbers_in_views_and_queries_read_as_written(ds, conn):
    """"Daily Planet: 12", not "12.0", in each outlet's values; no raw float anywhere."""
    raw_float = re.compile(r">\s*-?[\d,]+\.0\s*<")
    figure = figure_of(conn, 15)
    for path in ("/claims/disagreements", "/claims/where_outlets_disagree?metric=&place=",
                 f"/claims/compare_figure?figure_id={figure}", "/claims/figures",
                 f"/-/claims/figure/{figure}", "/-/claims/timeline?metric=killed&place=Aleppo"):
        html = fetch(ds, path).text
        assert not raw_float.search(html), (path, raw_float.search(html))
    html = fetch(ds, "/claims/disagreements").text
    assert "Daily Planet: 12<br>Evening Post: 12<br>Morning Star: 20<br>The Gazette: 15" in html


def test_query_cells_link_to_what_they_name(ds, conn):
    """A claim's text links to the claim, a figure's label to its chart, a place to its
    claims, and an article's address shows only its site."""
    claim, figure = one(conn, "select id, figure_id from claims where value = 15")
    html = fetch(ds, f"/claims/compare_figure?figure_id={figure}").text
    assert f'<a href="/-/claims/claim/{claim}">Some 15 people</a>' in html
    assert ('<a href="https://gazette.example/aleppo" title="https://gazette.example/aleppo" '
            'rel="nofollow noopener">gazette.example</a>') in html
    disagree = fetch(ds, "/claims/where_outlets_disagree?metric=&place=").text
    assert re.search(rf'<a href="/-/claims/figure/{figure}">People killed in Aleppo', disagree)
    places = fetch(ds, "/claims/claims_by_place?metric=").text
    assert '<a href="/claims/claims?place=Aleppo">Aleppo</a>' in places


def test_place_filters_ignore_case_and_take_regions(ds):
    """"aleppo" finds Aleppo; "aleppo governorate" and "syria" find its claims too, on the
    timeline and in the canned queries."""
    for place in ("Aleppo", "aleppo", "ALEPPO GOVERNORATE", "syria"):
        html = fetch(ds, f"/-/claims/timeline?metric=killed&place={place}").text
        assert html.count('<circle class="claims-point"') == 4, place
        rows = query(ds, "claims_for_metric_place", metric="killed", place=place, since="",
                     until="")
        assert len(rows) == 4, place
        assert len(query(ds, "where_outlets_disagree", metric="", place=place)) == 1, place
    assert "<h1>Killed in Aleppo, by date and outlet</h1>" in fetch(
        ds, "/-/claims/timeline?metric=killed&place=aleppo").text
    assert "No dated claims" in fetch(ds, "/-/claims/timeline?metric=killed&place=alep").text


def test_error_pages_lead_home(ds):
    """A 404 has a header with the way home, from Datasette's views and the plugin's pages."""
    for path in ("/nope", "/claims/nope", "/-/claims/claim/nope"):
        response = fetch(ds, path)
        assert response.status_code == 404, path
        assert '<p class="crumbs"><a href="/">home</a></p>' in response.text, path
        assert "Start again from" in response.text


def test_home_page_lists_what_readers_want_and_hides_bookkeeping(ds):
    """Internal tables are not on the home page, yet still answer SQL and JSON."""
    html = fetch(ds, "/").text
    listed = re.findall(r'<a href="/claims/(\w+)"', html)
    assert {"claims", "articles"} <= set(listed)
    for internal in ("source_aliases", "figure_outlet_latest", "state"):
        assert internal not in listed
        assert fetch(ds, f"/claims/{internal}.json").status_code == 200
    assert fetch(ds, "/claims.json?sql=select+count(*)+from+source_aliases").status_code == 200


def test_sentences_in_queries_and_views_mark_their_claim(ds, conn):
    """article_claims and figure_claims show each sentence with its claim marked and linked."""
    claim = one(conn, "select id from claims where text = 'About 300 families'")[0]
    html = fetch(ds, "/claims/article_claims?article=https://dailyplanet.example/aleppo").text
    assert (f'<mark class="claim-surface"><a href="/-/claims/claim/{claim}">About 300 families'
            "</a></mark> were displaced from Homs") in html
    view = fetch(ds, "/claims/figure_claims").text
    assert view.count('<mark class="claim-surface"><a href="/-/claims/claim/') == one(
        conn, "select count(*) from claims where figure_id is not null")[0]
