"""The plugin's pages: a claim in context, an article with its claims marked, a figure and a
timeline charted by date and outlet.

Each handler reads the claims database and renders a template from templates/; links in the
templates come from the Jinja filters the plugin registers, which build them through
`datasette.urls`.
"""

from __future__ import annotations

from functools import partial

from datasette.database import QueryInterrupted
from datasette.utils.asgi import NotFound, Response

from claims.datasette_plugin.chart import timeline_svg
from claims.datasette_plugin.links import claim_url, safe_href
from claims.datasette_plugin.scope import claims_database
from claims.datasette_plugin.text import claim_in_sentence, claims_in_article, describe
from claims.db import TOWNS_OF_PLACE

CLAIM_SQL = """
select c.*, a.url as article_url, a.title as article_title, o.name as outlet_name,
  s.name as source_name, f.label as figure_label
from claims c
left join articles a on a.id = c.article_id
left join outlets o on o.id = c.outlet_id
left join sources s on s.id = c.source_id
left join figures f on f.id = c.figure_id
where c.id = :id
"""

#: A chart draws at most this many claims, earliest first; a timeline with more says so. A
#: thousand points already cover the plot, and drawing them is most of a large timeline's
#: time (benchmarks/README.md, "Serving ... tenth session").
POINTS_LIMIT = 1000

POINTS_SQL = """
select c.id, c.value, c.low, c.high, c.qualifier, c.unit, c.text, c.subject, c.figure_id,
  c.place, c.region, c.country, coalesce(c.date, substr(c.published, 1, 10)) as day, c.outlet_id,
  coalesce(o.name, c.outlet_id) as outlet, coalesce(s.name, c.attributed_to) as source,
  c.article_id, a.title as article_title
from claims c left join outlets o on o.id = c.outlet_id
left join sources s on s.id = c.source_id left join articles a on a.id = c.article_id
where {where} and coalesce(c.is_current, 1) = 1
order by coalesce(c.date, substr(c.published, 1, 10), ''), outlet
limit {limit}
"""

ARTICLE_SQL = (
    "select a.*, o.name as outlet_name from articles a "
    "left join outlets o on o.id = a.outlet_id where a.id = :id"
)

# From the stored counts (claims.db's claim_counts), so the list costs the same at any size.
POPULAR_SQL = (
    "select nullif(metric, '') as metric, place, nullif(unit, '') as unit, sum(claims) as n "
    "from claim_counts where place != '' group by metric, place, unit having n > 0 "
    "order by n desc limit 30"
)


async def rows(db, sql: str, params: dict | None = None,
               time_limit_ms: int | None = None) -> list[dict]:
    """Query results as dictionaries, which templates and the chart read by column name."""
    return [dict(r) for r in await db.execute(sql, params or {},
                                              custom_time_limit=time_limit_ms)]


async def one_row(db, sql: str, params: dict, missing: str) -> dict:
    """The single row a page is about, or the 404 a wrong link deserves."""
    found = await rows(db, sql, params)
    if not found:
        raise NotFound(missing)
    return found[0]


async def render(datasette, request, template: str, db, context: dict) -> Response:
    """A page from templates/, told its database so the plugin's CSS hooks recognise it."""
    return Response.html(
        await datasette.render_template(
            template, {"database": db.name, **context}, request=request
        )
    )


async def figure_points(db, figure_id: str) -> list[dict]:
    """The current claims reporting one figure, in date order, for its table and chart."""
    return await rows(
        db, POINTS_SQL.format(where="c.figure_id = :figure_id", limit=POINTS_LIMIT),
        {"figure_id": figure_id},
    )


async def claim_page(datasette, request):
    """One claim in its sentence, with the other outlets' reports of the same figure."""
    db = await claims_database(datasette)
    claim = await one_row(db, CLAIM_SQL, {"id": request.url_vars["id"]}, "No such claim")
    siblings = await figure_points(db, claim["figure_id"]) if claim["figure_id"] else []
    return await render(datasette, request, "claims-claim.html", db, {
        "claim": claim,
        "summary": describe(claim),
        "marked": claim_in_sentence(claim),
        "article_href": safe_href(claim["article_url"]),
        "siblings": siblings,
    })


async def article_version(db, article: dict, requested: str | None) -> dict | None:
    """The version the reader asked for, else the current one; None for an unversioned article."""
    version_id = requested or article.get("current_version_id")
    if not version_id:
        return None
    versions = await rows(
        db, "select * from article_versions where id = :id and article_id = :a",
        {"id": version_id, "a": article["id"]},
    )
    return versions[0] if versions else None


async def article_claims(db, article_id: str, version: dict | None) -> list[dict]:
    """The claims extracted from the version shown, so their offsets match its text."""
    if version:
        return await rows(
            db, "select * from claims where version_id = :v order by start", {"v": version["id"]}
        )
    return await rows(
        db,
        "select * from claims where article_id = :a and coalesce(is_current, 1) = 1 "
        "order by start",
        {"a": article_id},
    )


async def article_page(datasette, request):
    """An article (or one of its versions) with every claim marked at its offsets."""
    db = await claims_database(datasette)
    article_id = request.url_vars["id"]
    article = await one_row(db, ARTICLE_SQL, {"id": article_id}, "No such article")
    version = await article_version(db, article, request.args.get("version"))
    text = (version or article)["text"] or ""
    claims = await article_claims(db, article_id, version)
    marked, unplaced = claims_in_article(text, claims)
    versions = await rows(
        db,
        "select id, version, published, is_current from article_versions "
        "where article_id = :a order by version",
        {"a": article_id},
    )
    return await render(datasette, request, "claims-article.html", db, {
        "article": article,
        "version": version,
        "versions": versions,
        "marked": marked,
        "claims": claims,
        "unplaced": unplaced,
        "article_href": safe_href(article["url"]),
    })


#: The claims of a figure's incident and metric that are not its totals: parts ("including
#: 11 children"), period totals, updates and projections ("could reach 200"), shown beside
#: the figure, never inside it.
BESIDE_SQL = """
select c.id, c.value, c.text, c.role, c.role_text, c.subject,
  coalesce(c.date, substr(c.published, 1, 10)) as day, coalesce(o.name, c.outlet_id) as outlet
from claims c left join outlets o on o.id = c.outlet_id
where c.incident_id = :incident and c.metric = :metric and c.role != 'total'
  and coalesce(c.is_current, 1) = 1
order by c.role, day, outlet
limit 200
"""


async def beside(db, figure: dict) -> list[dict]:
    """The parts, period totals, updates and projections of a figure's incident and metric."""
    if not figure.get("incident_id"):
        return []
    return await rows(db, BESIDE_SQL, {"incident": figure["incident_id"],
                                       "metric": figure["metric"]})


async def figure_page(datasette, request):
    """One figure: every outlet's report of it, charted by date and listed."""
    db = await claims_database(datasette)
    figure_id = request.url_vars["id"]
    figure = await one_row(
        db, "select * from figures where id = :id", {"id": figure_id}, "No such figure"
    )
    points = await figure_points(db, figure_id)
    return await render(datasette, request, "claims-figure.html", db, {
        "figure": figure,
        "points": points,
        "beside": await beside(db, figure),
        "chart": timeline_svg(
            points, partial(claim_url, datasette), figure.get("median_value"),
            value_title(figure["metric"], [figure.get("unit")]),
        ),
    })


#: A place filter matches the claim's place, region or country, whatever the case: "velmora"
#: finds Velmora, and a province its towns. (`collate nocase` folds ASCII letters only.)
PLACE_WHERE = (
    "(c.place = :place collate nocase or c.region = :place collate nocase "
    "or c.country = :place collate nocase)"
)

#: The towns a place filter can match (claims.db.TOWNS_OF_PLACE), as one statement.
PLACES_SQL = " ".join(TOWNS_OF_PLACE)

#: How long finding a timeline's claims may take; a timeline over many towns (a country of a
#: very large database) that takes longer says so instead of charting nothing.
TIMELINE_TIME_LIMIT_MS = 1000

#: How many current claims the timeline of a metric in a place has, from the stored counts.
TIMELINE_TOTAL_SQL = (
    "select coalesce(sum(claims), 0) from claim_counts where metric = :metric "
    "and is_current = 1 and {where}"
)


async def timeline_points(db, metric: str, place: str, unit: str) -> list[dict]:
    """Every current claim of a metric in a place, its region or country (no place: claims
    that name none), up to POINTS_LIMIT, earliest first."""
    params = {"metric": metric, "place": place, "unit": unit}
    where = ["c.metric = :metric", await towns_where(db, params) if place else "c.place is null"]
    if unit:
        where.append("c.unit = :unit")
    return await rows(db, POINTS_SQL.format(where=" and ".join(where), limit=POINTS_LIMIT),
                      params, TIMELINE_TIME_LIMIT_MS)


async def towns_where(db, params: dict) -> str:
    """PLACE_WHERE, led by the towns it can match, so claims are read through the (metric,
    place, day) index instead of scanning every claim of the metric; with one town, in date
    order, so the chart's earliest claims come without sorting all of them. Adds the towns
    to `params`."""
    towns = [r[0] for r in await db.execute(PLACES_SQL, params)]
    params.update({f"town{i}": town for i, town in enumerate(towns)})
    if len(towns) == 1:
        return f"c.place = :town0 and {PLACE_WHERE}"
    listed = ", ".join(f":town{i}" for i in range(len(towns))) or "null"
    return f"c.place in ({listed}) and {PLACE_WHERE}"


async def timeline_total(db, metric: str, place: str, unit: str) -> int:
    """How many claims `timeline_points` would list without its limit."""
    where = "(place = :place or region = :place or country = :place)" if place else "place = ''"
    if unit:
        where += " and unit = :unit"
    found = await db.execute(TIMELINE_TOTAL_SQL.format(where=where),
                             {"metric": metric, "place": place, "unit": unit})
    return found.rows[0][0]


def value_title(metric: str, units: list[str | None]) -> str:
    """The value axis's title: "people killed", "money (eur)", or the metric and "mixed
    units" when the chart holds several."""
    found = sorted({u for u in units if u}, key=str)
    if len(found) > 1:
        return f"{metric} (mixed units: {', '.join(found)})"
    if not found:
        return metric
    return f"people {metric}" if found[0] == "people" else f"{metric} ({found[0]})"


def spelled(place: str, points: list[dict]) -> str:
    """The place as the claims spell it ("velmora" typed, "Velmora" shown)."""
    for p in points:
        for name in (p["place"], p["region"], p["country"]):
            if name and name.casefold() == place.casefold():
                return name
    return place


async def popular_timelines(db) -> list[dict] | None:
    """The most reported metric, place and unit combinations, as starting points; None (the
    page says the list is missing) if listing them takes longer than a second."""
    try:
        return [dict(r) for r in await db.execute(POPULAR_SQL, custom_time_limit=1000)]
    except QueryInterrupted:
        return None


async def timeline_page(datasette, request):
    """A metric in a place charted by date and outlet, or the form and most reported choices."""
    db = await claims_database(datasette)
    metric = request.args.get("metric") or ""
    place = request.args.get("place") or ""
    unit = request.args.get("unit") or ""
    try:
        points = await timeline_points(db, metric, place, unit) if metric else []
        too_slow = False
    except QueryInterrupted:
        points, too_slow = [], True
    total = len(points)
    if too_slow or total >= POINTS_LIMIT:
        total = await timeline_total(db, metric, place, unit)
    chart = timeline_svg(
        points, partial(claim_url, datasette),
        value_title=value_title(metric, [p["unit"] for p in points]),
    ) if metric else None
    return await render(datasette, request, "claims-timeline.html", db, {
        "metric": metric,
        "place": spelled(place, points),
        "typed_place": place,
        "unit": unit,
        "chart": chart,
        "points": points,
        "total": total,
        "too_slow": too_slow,
        "places": sorted({p["place"] for p in points if p["place"]}),
        "popular": await popular_timelines(db),
    })
