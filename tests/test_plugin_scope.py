"""The plugin as a Datasette plugin package: templates and static files found by Datasette, Jinja
filters registered, and every hook acting on claims databases only, never on another database
served beside them."""

from __future__ import annotations

import asyncio
import importlib.resources
import re
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from test_datasette import build_db

from claims.serve import SETTINGS, load_metadata

CSS = "/-/static-plugins/claims/claims.css"
JS = "/-/static-plugins/claims/claims.js"
MENU = '<a href="/-/claims/timeline">Figure timelines</a>'


def build_other(path: Path) -> Path:
    """A database that is not a claims database but has a `claims` table and a `claim_id`
    column, the names the plugin's cell links look for."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "create table claims (id text primary key, text text);"
        "insert into claims values ('x1', 'not a claim');"
        "create view mentions as select id as claim_id, text from claims;"
    )
    conn.commit()
    conn.close()
    return path


def started(*paths: Path) -> Datasette:
    """An in-process site for these immutable databases, started as `claims serve` does."""
    ds = Datasette(immutables=[str(p) for p in paths], metadata=load_metadata(), settings=SETTINGS)
    asyncio.run(ds.invoke_startup())
    return ds


def fetch(ds: Datasette, path: str) -> str:
    """A page's HTML, which must answer."""
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, path
    return response.text


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> tuple[Path, Path]:
    """A claims database and an unrelated one, side by side."""
    folder = tmp_path_factory.mktemp("scope")
    return build_db(folder / "claims.db"), build_other(folder / "other.db")


@pytest.fixture(scope="module")
def ds(paths) -> Datasette:
    """Both databases on one site."""
    return started(*paths)


def test_package_ships_templates_and_static_files(ds):
    """Datasette finds templates/ and static/ in the package, not through a loader hack."""
    plugin = next(p for p in asyncio.run(ds.client.get("/-/plugins.json")).json()
                  if p["name"] == "claims")
    assert plugin["templates"] and plugin["static"]
    assert {"prepare_jinja2_environment", "extra_css_urls", "extra_js_urls", "render_cell",
            "register_routes", "menu_links", "startup"} <= set(plugin["hooks"])
    package = importlib.resources.files("claims.datasette_plugin")
    for name in ("claims-base.html", "claims-claim.html", "claims-article.html",
                 "claims-figure.html", "claims-timeline.html"):
        assert (package / "templates" / name).is_file()
    assert (package / "static" / "claims.css").is_file()
    assert (package / "static" / "claims.js").is_file()


def test_jinja_filters_are_registered(ds):
    """Templates build links and words with filters bound to the site's URLs."""
    filters = ds.jinja_env.filters
    assert filters["claim_url"]("a b") == "/-/claims/claim/a%20b"
    assert filters["article_url"]("a/b") == "/-/claims/article/a%2Fb"
    assert filters["figure_url"]("f1") == "/-/claims/figure/f1"
    assert filters["timeline_url"]("killed", "Aleppo") == (
        "/-/claims/timeline?metric=killed&place=Aleppo"
    )
    assert filters["format_number"](12000.0) == "12,000"
    assert filters["describe_claim"]({"qualifier": "at_least", "value": 12, "unit": "people",
                                      "metric": "killed"}) == "at least 12 people killed"


def test_claims_pages_have_no_inline_css_or_script(ds, paths):
    """CSS and JS are files, linked from the pages that need them."""
    conn = sqlite3.connect(paths[0])
    (claim,) = conn.execute("select id from claims limit 1").fetchone()
    page = fetch(ds, f"/-/claims/claim/{claim}")
    assert "<style" not in page and "column-descriptions" not in page
    assert f'<link rel="stylesheet" href="{CSS}">' in page
    assert JS not in page


def test_claims_tables_get_the_stylesheet_and_the_fold_script(ds):
    """On a claims table: stylesheet, script (a module, so it runs once the list is there),
    linked cells and the menu entry."""
    page = fetch(ds, "/claims/claims")
    assert f'<link rel="stylesheet" href="{CSS}">' in page
    assert f'<script type="module" src="{JS}">' in page
    assert '<dl class="column-descriptions">' in page
    assert re.search(r'<a href="/-/claims/claim/\w+">', page)
    assert MENU in page
    database = fetch(ds, "/claims?sql=select+1")
    assert CSS in database and JS in database  # queries get the link guard too


def test_other_databases_are_left_alone(ds):
    """A database without claims and articles gets no CSS, no JS and no rewritten cells,
    even where its table and column names match the plugin's."""
    for path in ("/other", "/other/claims", "/other/mentions", "/other/claims/x1"):
        page = fetch(ds, path)
        assert CSS not in page and JS not in page, path
        assert 'href="/-/claims/' not in page.replace(MENU, ""), path


def test_execute_cache_only_on_claims_databases(ds):
    """Only the claims database's execute is wrapped; the other keeps Datasette's own."""
    assert ds.get_database("claims").execute.__qualname__.endswith("cached_execute")
    assert ds.get_database("other").execute.__func__.__qualname__ == "Database.execute"


def test_site_without_claims_has_no_timelines(paths):
    """Without a claims database there is no menu entry, and the pages say so with a 404."""
    alone = started(paths[1])
    assert MENU not in fetch(alone, "/other/claims")
    assert asyncio.run(alone.client.get("/-/claims/timeline")).status_code == 404
