"""The site served under a `base_url` prefix, as behind a proxy at a sub-path: every link the
plugin makes (pages, table and query cells, the menu, its CSS and JS) carries the prefix and
answers, over real HTTP.

The proxy is modelled in front of a real uvicorn server: it answers 404 outside the prefix (as
a proxy forwarding only /prefix/ would) and either passes the path on whole, as Datasette's
deployment docs configure nginx and Apache, or strips the prefix, as `ProxyPass /prefix/
http://host/` does.
"""

from __future__ import annotations

import contextlib
import html
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
import uvicorn
from conftest import free_port
from test_datasette import build_db

from claims.serve import build_datasette

PREFIX = "/prefix/"
LINK = re.compile(r'\b(?:href|src)="([^"]*)"')
PLUGIN_PAGES = PREFIX + "-/claims/"
PLUGIN_STATIC = PREFIX + "-/static-plugins/claims/"


def behind_proxy(app, strip: bool):
    """`app` as a proxy at PREFIX exposes it: nothing outside the prefix, which is passed on
    whole or stripped."""

    async def proxied(scope, receive, send):
        """Forward a request under PREFIX, refuse any other; lifespan events pass through."""
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if not scope["path"].startswith(PREFIX):
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b"not behind the proxy"})
            return None
        if strip:
            raw = scope.get("raw_path") or scope["path"].encode()
            scope = {
                **scope,
                "path": scope["path"][len(PREFIX) - 1:],
                "raw_path": raw[len(PREFIX) - 1:],
            }
        return await app(scope, receive, send)

    return proxied


@contextlib.contextmanager
def serving(db_path: Path, strip: bool) -> Iterator[str]:
    """A uvicorn server (in a thread) for the site with base_url, behind the modelled proxy."""
    ds = build_datasette(db_path, settings={"base_url": PREFIX})
    port = free_port()
    config = uvicorn.Config(
        behind_proxy(ds.app(), strip), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module", params=["kept", "stripped"])
def site(request, tmp_path_factory):
    """The site under PREFIX (the proxy keeping or stripping it), a client, and the database."""
    db_path = build_db(tmp_path_factory.mktemp("prefixed") / "claims.db")
    with (
        serving(db_path, strip=request.param == "stripped") as origin,
        httpx.Client(base_url=origin, timeout=30) as client,
    ):
        yield origin, client, sqlite3.connect(db_path)


def get(client: httpx.Client, path: str) -> httpx.Response:
    """A page that must answer: the status is checked here so a failure names the path."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response


def site_links(origin: str, page: str, text: str) -> set[str]:
    """The paths (with query) of every link and source on the page that stays on the site."""
    found = set()
    for raw in LINK.findall(text):
        url = urlsplit(urljoin(origin + page, html.unescape(raw)))
        if f"{url.scheme}://{url.netloc}" == origin:
            found.add(url.path + (f"?{url.query}" if url.query else ""))
    return found


def assert_prefixed(page: str, links: set[str]) -> None:
    """No link leaves the prefix: behind a proxy it would lead nowhere."""
    outside = sorted(link for link in links if not link.startswith(PREFIX))
    assert not outside, (page, outside)


def plugin_links(links: set[str]) -> set[str]:
    """The links to the plugin's pages and static files, the ones the plugin built."""
    return {link for link in links if link.startswith((PLUGIN_PAGES, PLUGIN_STATIC))}


def ids(conn, sql: str) -> list[str]:
    """A column of the test database, to know which pages must be linked."""
    return [value for (value,) in conn.execute(sql)]


def test_plugin_pages_link_only_under_the_prefix(site):
    """Every claim, article, figure and timeline page, and every link on them, answers."""
    origin, client, conn = site
    todo = [PLUGIN_PAGES + "timeline"]
    todo += [f"{PLUGIN_PAGES}claim/{c}" for c in ids(conn, "select id from claims")]
    seen, followed = set(), set()
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        links = site_links(origin, page, get(client, page).text)
        assert_prefixed(page, links)
        for link in links - followed:
            followed.add(link)
            if link.startswith(PLUGIN_PAGES):
                todo.append(link.split("#")[0])
            else:
                get(client, link)
    kinds = {link[len(PLUGIN_PAGES):].split("/")[0].split("?")[0] for link in plugin_links(seen)}
    assert kinds == {"claim", "article", "figure", "timeline"}
    assert {f"{PLUGIN_PAGES}article/{a}" for a in ids(conn, "select id from articles")} <= seen
    assert {f"{PLUGIN_PAGES}figure/{f}" for f in ids(conn, "select id from figures")} <= seen
    assert any(link.startswith(PLUGIN_PAGES + "timeline?metric=") for link in seen)
    assert {PLUGIN_STATIC + "claims.css"} <= followed


@pytest.mark.parametrize("table, key, page", [
    ("claims", "select id from claims", "claim"),
    ("articles", "select id from articles", "article"),
    ("figures", "select id from figures", "figure"),
])
def test_table_cells_link_under_the_prefix(site, table, key, page):
    """Claim text, article titles and figure labels in tables link to their pages."""
    origin, client, conn = site
    path = f"{PREFIX}claims/{table}"
    links = site_links(origin, path, get(client, path).text)
    assert {f"{PLUGIN_PAGES}{page}/{i}" for i in ids(conn, key)} <= links
    for link in plugin_links(links):
        get(client, link)


def test_canned_query_and_view_cells_link_under_the_prefix(site):
    """claim_id, figure_id and article_id in canned queries and views link to their pages."""
    origin, client, conn = site
    (figure, article) = conn.execute(
        "select figure_id, article_id from claims where value = 15"
    ).fetchone()
    pages = {
        f"{PREFIX}claims/compare_figure?figure_id={figure}": "claim",
        f"{PREFIX}claims/article_claims?article={article}": "article",
        f"{PREFIX}claims/figure_claims": "figure",
    }
    for path, kind in pages.items():
        links = site_links(origin, path, get(client, path).text)
        assert any(link.startswith(f"{PLUGIN_PAGES}{kind}/") for link in links), path
        for link in plugin_links(links):
            get(client, link)


def test_menu_css_and_js_under_the_prefix(site):
    """The menu's timeline link, the stylesheet and the script load through the prefix."""
    origin, client, _ = site
    path = f"{PREFIX}claims/claims"
    page = get(client, path).text
    links = site_links(origin, path, page)
    assert_prefixed(path, links)
    assert re.search(rf'<li><a href="{PLUGIN_PAGES}timeline">Figure timelines</a></li>', page)
    assert f'<script type="module" src="{PLUGIN_STATIC}claims.js">' in page
    css = get(client, PLUGIN_STATIC + "claims.css")
    assert "text/css" in css.headers["content-type"] and ".claims-sentence" in css.text
    js = get(client, PLUGIN_STATIC + "claims.js")
    assert "javascript" in js.headers["content-type"] and "column-descriptions" in js.text
    assert "Figure timelines" in get(client, PLUGIN_PAGES + "timeline").text


def test_nothing_answers_outside_the_prefix(site):
    """The modelled proxy is strict, so a link that missed the prefix would have failed."""
    _, client, _ = site
    assert client.get("/-/claims/timeline").status_code == 404


def test_column_toggle_pickers_and_place_links_under_the_prefix(site):
    """The readable-columns toggle, a comparison's list of figures and the map's place links
    (the plugin's links on Datasette's pages) stay under the prefix and answer."""
    origin, client, _ = site
    pages = {
        f"{PREFIX}claims/claims": "_columns=all",
        f"{PREFIX}claims/compare_figure": "figure_id=",
        f"{PREFIX}claims/claims_by_place?metric=": f"{PREFIX}claims/claims?place=",
    }
    for path, made in pages.items():
        links = site_links(origin, path, get(client, path).text)
        assert_prefixed(path, links)
        ours = {link for link in links if made in link}
        assert ours, path
        for link in ours:
            get(client, link)
