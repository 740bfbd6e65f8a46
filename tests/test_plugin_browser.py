"""The plugin's stylesheet and script at work in headless Chromium, on a site served under a
`base_url` prefix: the CSS is applied (computed styles) and the JS folds column descriptions."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import needs_chromium
from test_datasette import build_db
from test_plugin_base_url import PREFIX, serving

pytestmark = needs_chromium

HIGHLIGHT = "rgb(255, 224, 102)"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site under PREFIX behind a proxy that keeps the prefix, and its database."""
    db_path = build_db(tmp_path_factory.mktemp("plugin-browser") / "claims.db")
    with serving(db_path, strip=False) as origin:
        yield origin + PREFIX, sqlite3.connect(db_path)


@pytest.fixture
def watched(site, page):
    """The page, noting script errors and every request to the site that failed or answered
    an error (map tiles from elsewhere cannot load in the sandbox and are not counted)."""
    url, _ = site
    page.problems = []

    def note(kind, address: str) -> None:
        """Keep a problem with the site's own files."""
        if address.startswith(url):
            page.problems.append((kind, address))

    page.on("requestfailed", lambda request: note("failed", request.url))
    page.on("response", lambda response: response.status >= 400
            and note(response.status, response.url))
    page.on("pageerror", lambda error: page.problems.append(("script", str(error))))
    return page


def style(page, selector: str, prop: str) -> str:
    """The computed value of a CSS property, which is only set if the stylesheet loaded."""
    return page.locator(selector).first.evaluate(
        f"(node) => getComputedStyle(node).getPropertyValue({prop!r})"
    )


def test_claim_page_is_styled_from_the_stylesheet(site, watched):
    """The highlighted surface text and the sentence's rule come from static/claims.css."""
    url, conn = site
    (claim,) = conn.execute("select id from claims where value = 15").fetchone()
    watched.goto(f"{url}-/claims/claim/{claim}")
    assert style(watched, "mark.claim-surface", "background-color") == HIGHLIGHT
    assert style(watched, ".claims-sentence", "border-left-color") == HIGHLIGHT
    assert style(watched, ".claims-facts", "display") == "grid"
    assert watched.problems == []


def test_column_descriptions_fold_on_claims_tables(site, watched):
    """static/claims.js wraps the descriptions in a closed <details>; a click opens it."""
    url, _ = site
    watched.goto(f"{url}claims/claims")
    box = watched.locator("details.claims-columns")
    assert box.count() == 1
    terms = box.locator("dl.column-descriptions dt").count()
    summary = box.locator("summary")
    assert summary.inner_text() == f"About the columns ({terms})" and terms > 0
    assert style(watched, "details.claims-columns > summary", "cursor") == "pointer"
    assert not box.locator("dl.column-descriptions").is_visible()
    summary.click()
    assert box.locator("dl.column-descriptions").is_visible()
    assert watched.problems == []
