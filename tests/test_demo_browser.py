"""`claims demo` as a newcomer sees it, in a real browser: the pages the README shows.

Screenshots go to $CLAIMS_SCREENSHOTS (the README's come from
`CLAIMS_SCREENSHOTS=docs/screenshots uv run pytest tests/test_demo_browser.py`).
"""

from __future__ import annotations

import sqlite3

import pytest
from conftest import needs_chromium, shoot

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def demo(demo_site):
    """The session's `claims demo` (conftest): built and served once for every test."""
    conn = sqlite3.connect(f"file:{demo_site.path}?immutable=1", uri=True)
    yield demo_site.url, conn
    conn.close()


def test_home_page_says_it_is_fiction(demo, page, shots):
    url, _ = demo
    page.goto(url + "/")
    assert "fictional" in page.content().lower()
    page.goto(url + "/demo")
    assert page.locator("text=claims").first.is_visible()
    shoot(page, shots, "demo-home")


def test_claims_table_shows_rows_facets_and_map(demo, page, shots):
    url, _ = demo
    page.goto(url + "/demo/claims?metric=killed")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() >= 10
    assert page.locator('.facet-info[data-column="outlet_id"]').count() == 1
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon, .marker-cluster")
    shoot(page, shots, "demo-claims-table", full_page=False)


def test_a_figure_where_outlets_disagree(demo, page, shots):
    url, conn = demo
    page.goto(url + "/demo/disagreements")
    assert page.locator("table.rows-and-columns tbody tr").count() >= 3
    shoot(page, shots, "demo-disagreements", full_page=False)
    (figure,) = conn.execute(
        "select id from figures where metric = 'killed' order by outlets desc, claims desc limit 1"
    ).fetchone()
    page.goto(f"{url}/-/claims/figure/{figure}")
    points = page.locator("svg.claims-chart circle.claims-point")
    assert points.count() >= 3
    shoot(page, shots, "demo-figure")


def test_claim_in_context(demo, page, shots):
    url, conn = demo
    (claim,) = conn.execute(
        "select id from claims where metric = 'killed' and attributed_to is not null "
        "order by published, start limit 1"
    ).fetchone()
    page.goto(f"{url}/-/claims/claim/{claim}")
    assert page.locator("mark.claim-surface").count() == 1
    shoot(page, shots, "demo-claim")


def test_timeline_chart(demo, page, shots):
    url, conn = demo
    (place,) = conn.execute(
        "select place from claims where metric = 'killed' and place is not null "
        "group by place order by count(distinct outlet_id) desc limit 1"
    ).fetchone()
    page.goto(f"{url}/-/claims/timeline?metric=killed&place={place}")
    assert page.locator("svg.claims-chart circle.claims-point").count() >= 3
    shoot(page, shots, "demo-timeline")


def test_map_of_claims_by_place(demo, page, shots):
    url, _ = demo
    page.goto(url + "/demo/claims_by_place?metric=")
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon, .marker-cluster")
    shoot(page, shots, "demo-map", full_page=False)
