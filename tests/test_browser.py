"""The site in a real browser: headless Chromium (Debian's package) against `claims serve`.

Screenshots go to $CLAIMS_SCREENSHOTS (default: the test's tmp_path).
"""

from __future__ import annotations

import sqlite3

import pytest
from conftest import free_port, needs_chromium, served, shoot
from test_datasette import build_db

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A `claims serve` process on a free localhost port, and its database."""
    db_path = build_db(tmp_path_factory.mktemp("browser") / "claims.db")
    port = free_port()
    with served(["serve", "--db", str(db_path), "--port", str(port)], port) as (url, output):
        yield url, sqlite3.connect(db_path)
    assert f"Serving {db_path} at http://127.0.0.1:{port}/" in output()


def test_claims_table_with_facets_and_map(site, page, shots):
    url, conn = site
    page.goto(f"{url}/claims/claims")
    assert page.locator("table.rows-and-columns tbody tr").count() == conn.execute(
        "select count(*) from claims"
    ).fetchone()[0]
    for facet in ("metric", "unit", "qualifier", "outlet_id", "place"):
        assert page.locator(f'.facet-info[data-column="{facet}"]').count() == 1
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon, .marker-cluster")
    shoot(page, shots, "claims-table")


def test_comparison_query(site, page, shots):
    url, conn = site
    (figure,) = conn.execute("select figure_id from claims where value = 15").fetchone()
    page.goto(f"{url}/claims/compare_figure?figure_id={figure}")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 4
    assert "Morning Star" in rows.all_inner_texts()[-1] or "Morning Star" in page.content()
    shoot(page, shots, "compare-figure")
    page.goto(f"{url}/claims/where_outlets_disagree?metric=&place=")
    assert page.locator("table.rows-and-columns tbody tr").count() == 1
    shoot(page, shots, "disagreements")


def test_claim_in_context(site, page, shots):
    url, conn = site
    (claim,) = conn.execute("select id from claims where value = 15").fetchone()
    page.goto(f"{url}/-/claims/claim/{claim}")
    assert page.locator("mark.claim-surface").inner_text() == "Some 15 people"
    page.get_by_text("Compare this figure across outlets").click()
    assert "/-/claims/figure/" in page.url
    assert page.locator("svg.claims-chart circle.claims-point").count() == 4
    shoot(page, shots, "figure")
    page.goto(f"{url}/-/claims/claim/{claim}")
    shoot(page, shots, "claim")


def test_timeline_chart(site, page, shots):
    url, _ = site
    page.goto(f"{url}/-/claims/timeline?metric=killed&place=Aleppo")
    chart = page.locator("svg.claims-chart")
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] > 200
    assert chart.locator("circle.claims-point").count() == 4
    shoot(page, shots, "timeline")


def test_map_of_claims_by_place(site, page, shots):
    url, _ = site
    page.goto(f"{url}/claims/claims_by_place?metric=")
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon, .marker-cluster")
    shoot(page, shots, "map")


def test_article_with_script_renders_as_text(site, page, shots):
    url, conn = site
    (article,) = conn.execute("select id from articles where text like '%<script>%'").fetchone()
    page.goto(f"{url}/-/claims/article/{article}")
    assert "<script>alert(1)</script>" in page.locator(".claims-text").inner_text()
    assert page.locator("h1").inner_text() == "<b>Idlib</b> wounded"
    assert page.locator("mark.claim-surface").count() >= 1
    page.goto(f"{url}/claims/articles")
    page.goto(f"{url}/claims/claims?_search=Idlib")
    assert page.dialogs == []
    page.goto(f"{url}/-/claims/article/{article}")
    shoot(page, shots, "article")
    assert page.dialogs == []
