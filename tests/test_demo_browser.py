"""`claims demo` as a newcomer sees it, in a real browser: the pages the README shows.

Screenshots go to $CLAIMS_SCREENSHOTS (the README's come from
`CLAIMS_SCREENSHOTS=docs/screenshots uv run pytest tests/test_demo_browser.py`).
"""

from __future__ import annotations

import sqlite3
from urllib.parse import quote

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
    shoot(page, shots, "demo-home")
    page.goto(url + "/demo")
    assert page.locator("text=claims").first.is_visible()
    shoot(page, shots, "demo-database")


def test_claims_table_shows_rows_facets_and_map(demo, page, shots):
    """The claims table opens on ten columns of sentence and facts: rows a few lines high
    (not 230 px), the claim marked and linked in its sentence, every column one click away."""
    url, _ = demo
    offline_tiles(page)
    page.set_viewport_size({"width": 1280, "height": 2000})
    page.goto(url + "/demo/claims?metric=killed")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() >= 10
    heights = sorted(rows.evaluate_all(
        "(rows) => rows.map((r) => r.getBoundingClientRect().height)"))
    assert heights[len(heights) // 2] < 110
    assert page.locator("td.col-sentence mark.claim-surface a").count() >= rows.count() - 5
    assert page.locator('.facet-info[data-column="outlet_id"]').count() == 1
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon, .marker-cluster")
    page.locator(".claims-map-offline").wait_for()
    shoot(page, shots, "demo-claims-table", full_page=False)
    page.locator(".claims-columns-toggle a").click()
    page.wait_for_url("**/demo/claims?metric=killed&_columns=all")
    assert page.locator("table.rows-and-columns thead th").count() >= 33


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
        "group by place order by count(distinct outlet_id) desc, count(*) desc limit 1"
    ).fetchone()
    page.goto(f"{url}/-/claims/timeline?metric=killed&place={place}")
    assert page.locator("svg.claims-chart circle.claims-point").count() >= 3
    shoot(page, shots, "demo-timeline")


def offline_tiles(page) -> None:
    """Map tiles fail as they do without internet, whether or not this machine has it."""
    page.route("**/*tile.openstreetmap.org/**", lambda route: route.abort())


def test_map_of_claims_by_place(demo, page, shots):
    """The map draws its markers and says, above it, why its background is missing."""
    url, _ = demo
    offline_tiles(page)
    page.goto(url + "/demo/claims_by_place?metric=")
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon, .marker-cluster")
    note = page.locator(".claims-map-offline")
    note.wait_for()
    assert note.count() == 1 and "internet" in note.inner_text()
    assert note.evaluate("(n) => n.nextElementSibling.classList.contains('leaflet-container')")
    # Markers are sized by claim count: the circles differ in size, and what they say adds
    # up to the claims on the map.
    page.locator(".claims-marker").first.wait_for()
    circles = page.locator(".claims-marker").evaluate_all(
        "(ms) => ms.map((m) => [m.offsetWidth, Number(m.textContent.replace(/,/g, ''))])")
    assert len({width for width, _ in circles}) > 1
    total = page.locator("td.col-claims").evaluate_all(
        "(cells) => cells.reduce((sum, c) => sum + Number(c.textContent.replace(/,/g, '')), 0)")
    assert sum(count for _, count in circles) == total
    shoot(page, shots, "demo-map", full_page=False)


def test_one_place_on_the_map_is_not_zoomed_to_a_street(demo, page):
    """A query with one place fits the map to it at town level (zoom 11), not at 19."""
    url, conn = demo
    (metric,) = conn.execute(
        "select metric from claims where latitude is not null group by metric "
        "having count(distinct place) = 1 limit 1"
    ).fetchone()
    offline_tiles(page)
    page.goto(f"{url}/demo/claims_by_place?metric={metric}")
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon")
    page.locator(".claims-map-offline").wait_for()
    zooms = {int(src.split("/")[-3]) for src in page.locator("img.leaflet-tile").evaluate_all(
        "(tiles) => tiles.map((t) => t.getAttribute('src'))")}
    assert zooms and max(zooms) <= 11


def test_wide_numbers_fit_beside_the_chart(demo, page):
    """Tick labels of the widest numbers in the demo's figures (six digits: money amounts,
    which could be wider, are figures only when their counted noun says what they pay for)
    sit wholly inside the chart, right of the axis title: none is cut to "00,000"."""
    url, conn = demo
    (figure,) = conn.execute(
        "select id from figures order by max_value desc, outlets desc limit 1"
    ).fetchone()
    page.goto(f"{url}/-/claims/figure/{figure}")
    boxes = page.locator("svg.claims-chart").evaluate("""(svg) => {
        const box = (n) => n.getBoundingClientRect();
        return {svg: box(svg), title: box(svg.querySelector('.claims-axis-title')),
                ticks: [...svg.querySelectorAll('.claims-tick')].map(box),
                labels: [...svg.querySelectorAll('.claims-tick')].map((t) => t.textContent)};
    }""")
    assert any(len(label) >= len("100,000") for label in boxes["labels"])
    for tick in boxes["ticks"]:
        assert tick["left"] >= boxes["title"]["right"] and tick["left"] >= boxes["svg"]["left"]


def first(conn, sql: str) -> str:
    """One value from the demo database, to build a page's address."""
    return conn.execute(sql).fetchone()[0]


#: The page types not shot above: (screenshot, address from the database, what must show).
PAGE_TYPES = [
    ("demo-article", lambda c: "/-/claims/article/" + first(
        c, "select article_id from claims group by article_id order by count(*) desc limit 1"),
     "mark.claim-surface"),
    ("demo-timelines", lambda c: "/-/claims/timeline", "ul.claims-choices li"),
    ("demo-compare-figure-pick", lambda c: "/demo/compare_figure", ".claims-pick li"),
    ("demo-compare-figure", lambda c: "/demo/compare_figure?figure_id=" + first(
        c, "select id from figures order by outlets desc, claims desc limit 1"),
     "table.rows-and-columns tbody tr"),
    ("demo-claims-for-metric-place",
     lambda c: "/demo/claims_for_metric_place?metric=killed&place=velmora&since=&until=",
     "table.rows-and-columns tbody tr"),
    ("demo-where-outlets-disagree", lambda c: "/demo/where_outlets_disagree?metric=&place=",
     "table.rows-and-columns tbody tr"),
    ("demo-source-claims", lambda c: "/demo/source_claims?source=" + first(
        c, "select source_id from claims where source_id is not null group by source_id "
           "order by count(*) desc limit 1"), "table.rows-and-columns tbody tr"),
    ("demo-article-claims", lambda c: "/demo/article_claims?article=" + quote(first(
        c, "select url from articles order by published limit 1"), safe=""),
     "table.rows-and-columns tbody tr"),
    ("demo-404", lambda c: "/-/claims/figure/no-such-figure", "p.crumbs a"),
]


@pytest.mark.parametrize("name, address, shown", PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_every_page_type(demo, page, shots, name, address, shown):
    """Each kind of page shows its content without a script error, in a screenshot kept in
    $CLAIMS_SCREENSHOTS (the tests above shoot the others)."""
    url, conn = demo
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + address(conn))
    assert page.locator(shown).count() >= 1
    assert errors == []
    shoot(page, shots, name)
