"""Datasette plugin: claims shown in context, articles with their claims marked, figure charts.

Pages live under /-/claims/ (claim, article, figure, timeline). Everything that came out of an
article (text, titles, names, URLs) is escaped with markupsafe before it meets HTML, and only
http(s) URLs become links, so an article containing markup renders as text.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import OrderedDict
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from datasette import hookimpl
from datasette.database import QueryInterrupted, Results
from datasette.utils.asgi import NotFound, Response
from jinja2 import FileSystemLoader
from markupsafe import Markup, escape

from claims.db import SCHEMA

TEMPLATES = Path(__file__).parent / "templates"
PREFIX = "/-/claims"

#: Tableau 10: distinguishable on white and for most colour-blind readers.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)

QUALIFIER_WORDS = {
    "exact": "", "approximately": "about", "at_least": "at least", "more_than": "more than",
    "at_most": "at most", "less_than": "less than", "up_to": "up to", "range": "between",
}

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

POINTS_SQL = """
select c.id, c.value, c.low, c.high, c.qualifier, c.unit, c.text,
  coalesce(c.date, substr(c.published, 1, 10)) as day, c.outlet_id,
  coalesce(o.name, c.outlet_id) as outlet
from claims c left join outlets o on o.id = c.outlet_id
where {where} and coalesce(c.is_current, 1) = 1
order by day, outlet
limit 2000
"""


def claim_url(claim_id: str) -> str:
    return f"{PREFIX}/claim/{quote(str(claim_id), safe='')}"


def article_url(article_id: str) -> str:
    return f"{PREFIX}/article/{quote(str(article_id), safe='')}"


def figure_url(figure_id: str) -> str:
    return f"{PREFIX}/figure/{quote(str(figure_id), safe='')}"


def timeline_url(metric: str, place: str | None, unit: str | None = None) -> str:
    params = {"metric": metric, "place": place or "", "unit": unit or ""}
    return f"{PREFIX}/timeline?" + urlencode({k: v for k, v in params.items() if v})


def safe_href(url: str | None) -> str | None:
    """Only web URLs become links: a `javascript:` URL in an article must not run."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe(claim: dict) -> str:
    """'at least 12 people killed', the figure in words, for titles and tooltips."""
    if claim.get("qualifier") == "range" and claim.get("low") is not None:
        amount = f"{format_number(claim['low'])}–{format_number(claim['high'])}"
    else:
        word = QUALIFIER_WORDS.get(claim.get("qualifier") or "exact", "")
        amount = f"{word} {format_number(claim.get('value'))}".strip()
    parts = [amount, claim.get("unit") or "", claim.get("metric") or ""]
    if claim.get("place"):
        parts.append(f"in {claim['place']}")
    return " ".join(p for p in parts if p)


def highlight(text: str, spans: list[tuple]) -> tuple[Markup, list]:
    """`text` escaped, with each (start, end, opening tag, key) span wrapped in its tag.

    Spans that fall outside the text or overlap an earlier one are left out (their keys are
    returned) rather than breaking the markup around them.
    """
    out, unplaced, cursor = [], [], 0
    for start, end, tag, key in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor or end > len(text) or start >= end:
            unplaced.append(key)
            continue
        out.append(escape(text[cursor:start]))
        out.append(tag + escape(text[start:end]) + Markup("</mark>"))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out), unplaced


def claim_in_sentence(claim: dict) -> Markup:
    """The claim's sentence with its surface text marked, found by offset, else by search."""
    sentence, surface = claim.get("sentence") or "", claim.get("text") or ""
    start = (claim.get("start") or 0) - (claim.get("sentence_start") or 0)
    if sentence[start : start + len(surface)] != surface:
        start = sentence.find(surface)
    if not surface or start < 0:
        return escape(sentence or surface)
    tag = Markup('<mark class="claim-surface">')
    marked, _ = highlight(sentence, [(start, start + len(surface), tag, None)])
    return marked


def parse_day(day: str | None) -> dt.date | None:
    """First day of an ISO date, month or year; None for anything else."""
    if not day:
        return None
    for size, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return dt.date.fromisoformat(day[:size] + suffix)
        except ValueError:
            continue
    return None


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, tick = [], first
    while tick < high + step * 0.999:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


def timeline_svg(points: list[dict], median: float | None = None) -> Markup:
    """Value by date, one colour and line per outlet, drawn server-side (no JavaScript, no CDN).

    Each point links to its claim-in-context page; its tooltip says who claimed what, when.
    """
    dated = [(parse_day(p["day"]), p) for p in points]
    dated = [(day, p) for day, p in dated if day is not None and p["value"] is not None]
    if not dated:
        return Markup('<p class="claims-empty">No dated claims to chart.</p>')
    width, height, left, right, top, bottom = 860, 360, 70, 190, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    days = [day.toordinal() for day, _ in dated]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 1, last + 1
    values = [p["value"] for _, p in dated] + [
        p[k] for _, p in dated for k in ("low", "high") if p.get(k) is not None
    ]
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    y_low, y_high = ticks[0], ticks[-1]

    def x(ordinal: int) -> float:
        return left + (ordinal - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return top + plot_h - (value - y_low) / (y_high - y_low) * plot_h

    parts = [
        (
            f'<svg class="claims-chart" viewBox="0 0 {width} {height}" width="100%" '
            f'role="img" xmlns="http://www.w3.org/2000/svg">'
        ),
        "<title>Value by date, per outlet</title>",
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="#e5e5e5"/><text x="{left - 8}" y="{y(tick) + 4:.1f}" '
            f'text-anchor="end" font-size="12" fill="#555">{format_number(tick)}</text>'
        )
    span = last - first
    step = max(1, span // 6)
    for ordinal in range(first, last + 1, step):
        label = dt.date.fromordinal(ordinal).isoformat()
        parts.append(
            f'<line x1="{x(ordinal):.1f}" x2="{x(ordinal):.1f}" y1="{top + plot_h}" '
            f'y2="{top + plot_h + 5}" stroke="#999"/><text x="{x(ordinal):.1f}" '
            f'y="{top + plot_h + 20}" text-anchor="middle" font-size="12" '
            f'fill="#555">{label}</text>'
        )
    parts.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="#999"/>'
    )
    if median is not None and y_low <= median <= y_high:
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(median):.1f}" y2="{y(median):.1f}" '
            f'stroke="#333" stroke-dasharray="4 4"/><text x="{left + plot_w - 4}" '
            f'y="{y(median) - 6:.1f}" text-anchor="end" font-size="12" fill="#333">median '
            f"{format_number(median)}</text>"
        )
    outlets = sorted({p["outlet"] or "unknown" for _, p in dated})
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(outlets)}
    # Points at the same date and value sit side by side instead of hiding each other.
    seen: dict[tuple, int] = {}
    place: dict[str, tuple[float, float]] = {}
    for day, p in sorted(dated, key=lambda d: (d[0], d[1]["outlet"] or "", d[1]["id"])):
        spot = (day, p["value"])
        shift = seen.get(spot, 0)
        seen[spot] = shift + 1
        nudge = (shift + 1) // 2 * 9 * (1 if shift % 2 else -1)
        place[p["id"]] = (x(day.toordinal()) + nudge, y(p["value"]))
    for name in outlets:
        mine = sorted(
            (p for _, p in dated if (p["outlet"] or "unknown") == name),
            key=lambda p: (place[p["id"]][0], p["id"]),
        )
        if len(mine) > 1:
            path = " ".join(f"{place[p['id']][0]:.1f},{place[p['id']][1]:.1f}" for p in mine)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour[name]}" '
                f'stroke-width="2" stroke-opacity="0.7"/>'
            )
        for p in mine:
            cx, cy = place[p["id"]]
            if p.get("low") is not None and p.get("high") is not None:
                parts.append(
                    f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(p["low"]):.1f}" '
                    f'y2="{y(p["high"]):.1f}" stroke="{colour[name]}" stroke-width="2"/>'
                )
            tip = escape(f"{name}, {p['day']}: {p['text']}")
            parts.append(
                f'<a href="{escape(claim_url(p["id"]))}"><circle class="claims-point" '
                f'cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour[name]}" stroke="#fff" '
                f'stroke-width="1.5"><title>{tip}</title></circle></a>'
            )
    for i, name in enumerate(outlets[:15]):
        ly = top + 10 + i * 20
        parts.append(
            f'<circle cx="{left + plot_w + 20}" cy="{ly}" r="5" fill="{colour[name]}"/>'
            f'<text x="{left + plot_w + 30}" y="{ly + 4}" font-size="12" '
            f'fill="#333">{escape(name[:24])}</text>'
        )
    if len(outlets) > 15:
        parts.append(
            f'<text x="{left + plot_w + 20}" y="{top + 10 + 15 * 20 + 4}" font-size="12" '
            f'fill="#777">+{len(outlets) - 15} more</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


async def claims_database(datasette):
    """The first attached database that holds a claims table."""
    for name, db in datasette.databases.items():
        if name != "_internal" and await db.table_exists("claims"):
            return db
    raise NotFound("No database with a claims table is attached")


async def rows(db, sql: str, params: dict | None = None) -> list[dict]:
    return [dict(r) for r in await db.execute(sql, params or {})]


async def render(datasette, request, template: str, context: dict) -> Response:
    return Response.html(
        await datasette.render_template(template, context, request=request)
    )


async def claim_page(datasette, request):
    db = await claims_database(datasette)
    found = await rows(db, CLAIM_SQL, {"id": request.url_vars["id"]})
    if not found:
        raise NotFound("No such claim")
    claim = found[0]
    siblings = []
    if claim["figure_id"]:
        siblings = await rows(
            db,
            POINTS_SQL.format(where="c.figure_id = :figure_id"),
            {"figure_id": claim["figure_id"]},
        )
    return await render(datasette, request, "claims-claim.html", {
        "db_name": db.name,
        "claim": claim,
        "summary": describe(claim),
        "marked": claim_in_sentence(claim),
        "article_href": safe_href(claim["article_url"]),
        "article_page": article_url(claim["article_id"]) + f"#claim-{claim['id']}",
        "figure_page": figure_url(claim["figure_id"]) if claim["figure_id"] else None,
        "timeline_page": timeline_url(claim["metric"], claim["place"], claim["unit"]),
        "siblings": siblings,
        "claim_url": claim_url,
        "format_number": format_number,
    })


async def article_page(datasette, request):
    db = await claims_database(datasette)
    article_id = request.url_vars["id"]
    found = await rows(
        db,
        "select a.*, o.name as outlet_name from articles a "
        "left join outlets o on o.id = a.outlet_id where a.id = :id",
        {"id": article_id},
    )
    if not found:
        raise NotFound("No such article")
    article = found[0]
    version_id = request.args.get("version") or article.get("current_version_id")
    text, version = article["text"] or "", None
    if version_id:
        versions = await rows(
            db, "select * from article_versions where id = :id and article_id = :a",
            {"id": version_id, "a": article_id},
        )
        if versions:
            version = versions[0]
            text = version["text"] or ""
    if version:
        claims = await rows(
            db, "select * from claims where version_id = :v order by start", {"v": version["id"]}
        )
    else:
        claims = await rows(
            db,
            "select * from claims where article_id = :a and coalesce(is_current, 1) = 1 "
            "order by start",
            {"a": article_id},
        )
    spans, unplaced = [], []
    for claim in claims:
        start, end = claim["start"], claim["end"]
        if start is None or end is None or text[start:end] != claim["text"]:
            unplaced.append(claim["id"])
            continue
        tag = Markup('<mark class="claim-surface" id="claim-{}" title="{}">').format(
            claim["id"], describe(claim)
        )
        spans.append((start, end, tag, claim["id"]))
    marked, overlapping = highlight(text, spans)
    unplaced.extend(overlapping)
    all_versions = await rows(
        db,
        "select id, version, published, is_current from article_versions "
        "where article_id = :a order by version",
        {"a": article_id},
    )
    return await render(datasette, request, "claims-article.html", {
        "db_name": db.name,
        "article": article,
        "version": version,
        "versions": all_versions,
        "marked": marked,
        "claims": claims,
        "unplaced": set(unplaced),
        "article_href": safe_href(article["url"]),
        "claim_url": claim_url,
        "describe": describe,
    })


async def figure_page(datasette, request):
    db = await claims_database(datasette)
    figure_id = request.url_vars["id"]
    found = await rows(db, "select * from figures where id = :id", {"id": figure_id})
    if not found:
        raise NotFound("No such figure")
    figure = found[0]
    points = await rows(
        db, POINTS_SQL.format(where="c.figure_id = :figure_id"), {"figure_id": figure_id}
    )
    return await render(datasette, request, "claims-figure.html", {
        "db_name": db.name,
        "figure": figure,
        "points": points,
        "chart": timeline_svg(points, figure.get("median_value")),
        "timeline_page": timeline_url(figure["metric"], figure["place"], figure["unit"]),
        "claim_url": claim_url,
        "format_number": format_number,
    })


async def timeline_page(datasette, request):
    db = await claims_database(datasette)
    metric = request.args.get("metric") or ""
    place = request.args.get("place") or ""
    unit = request.args.get("unit") or ""
    chart, points = None, []
    if metric:
        where = ["c.metric = :metric"]
        where.append("c.place = :place" if place else "c.place is null")
        if unit:
            where.append("c.unit = :unit")
        points = await rows(
            db,
            POINTS_SQL.format(where=" and ".join(where)),
            {"metric": metric, "place": place, "unit": unit},
        )
        chart = timeline_svg(points)
    try:
        popular = [
            dict(r)
            for r in await db.execute(
                "select metric, place, unit, count(*) as n from claims "
                "where place is not null group by metric, place, unit "
                "order by n desc limit 30",
                custom_time_limit=1000,
            )
        ]
    except QueryInterrupted:
        popular = []
    for choice in popular:
        choice["href"] = timeline_url(choice["metric"], choice["place"], choice["unit"])
    return await render(datasette, request, "claims-timeline.html", {
        "db_name": db.name,
        "metric": metric,
        "place": place,
        "unit": unit,
        "chart": chart,
        "points": points,
        "popular": popular,
        "claim_url": claim_url,
        "format_number": format_number,
    })


@hookimpl
def register_routes():
    return [
        (rf"^{PREFIX}/claim/(?P<id>[^/]+)$", claim_page),
        (rf"^{PREFIX}/article/(?P<id>[^/]+)$", article_page),
        (rf"^{PREFIX}/figure/(?P<id>[^/]+)$", figure_page),
        (rf"^{PREFIX}/timeline$", timeline_page),
    ]


@hookimpl
def prepare_jinja2_environment(env):
    # Appended last, so the project's page names never shadow Datasette's own templates.
    env.loader.loaders.append(FileSystemLoader(str(TEMPLATES)))


#: (table, column) -> (key column, page): the value links to the page for that row's key.
CELL_LINKS = {
    ("claims", "text"): ("id", claim_url),
    ("articles", "title"): ("id", article_url),
    ("figures", "label"): ("id", figure_url),
}
#: In canned queries and views, these columns link to the page for their own value.
QUERY_LINKS = {"claim_id": claim_url, "figure_id": figure_url, "article_id": article_url}


@hookimpl
def render_cell(row, value, column, table):
    """Claim text, article titles and figure labels link to the project's pages, as do
    claim_id / figure_id / article_id in queries and views (tables link those to rows)."""
    if value is None or value == "":
        return None
    if (table, column) in CELL_LINKS:
        key, page = CELL_LINKS[(table, column)]
        try:
            target = row[key]
        except (IndexError, KeyError):
            return None
        return Markup('<a href="{}">{}</a>').format(page(target), value)
    if column in QUERY_LINKS and table not in SCHEMA:
        return Markup('<a href="{}">{}</a>').format(QUERY_LINKS[column](value), value)
    return None


def cache_small_results(db, entries: int = 1024, max_rows: int = 100) -> None:
    """Remember the answers to small queries (facet counts, row counts) on a database that
    cannot change, so a million-claim table's facets are computed once, not on every visit.

    Only immutable databases qualify; results over `max_rows` rows, errors and timeouts are
    never kept, and the least recently used answer goes first.
    """
    execute, cache = db.execute, OrderedDict()

    async def cached_execute(sql, params=None, truncate=False, custom_time_limit=None,
                             page_size=None, log_sql_errors=True):
        key = (sql, json.dumps(params, sort_keys=True, default=str), truncate, page_size)
        if key in cache:
            cache.move_to_end(key)
        else:
            results = await execute(sql, params, truncate=truncate,
                                    custom_time_limit=custom_time_limit, page_size=page_size,
                                    log_sql_errors=log_sql_errors)
            if len(results.rows) > max_rows:
                return results
            cache[key] = results
            if len(cache) > entries:
                cache.popitem(last=False)
        kept = cache[key]
        return Results(list(kept.rows), kept.truncated, kept.description)

    db.execute = cached_execute


@hookimpl
def startup(datasette):
    for db in datasette.databases.values():
        if not db.is_mutable and not db.is_memory:
            cache_small_results(db)


FOLD_COLUMN_DESCRIPTIONS = """
document.querySelectorAll("dl.column-descriptions").forEach((list) => {
  const box = document.createElement("details");
  const label = document.createElement("summary");
  label.textContent = "About the columns (" + list.querySelectorAll("dt").length + ")";
  list.replaceWith(box);
  box.append(label, list);
});
"""


@hookimpl
def extra_body_script(view_name):
    """Long column-description lists fold away so the rows stay near the top of the page."""
    return FOLD_COLUMN_DESCRIPTIONS if view_name == "table" else None


@hookimpl
def menu_links(datasette):
    return [
        {"href": datasette.urls.path(f"{PREFIX}/timeline"), "label": "Figure timelines"},
    ]
