"""Page-load times of `claims serve` on a synthetic database of 1,000,000 claims (or more).

    uv run python benchmarks/serve_million.py [--claims 1000000] [--db benchmarks/out/million.db]
                                              [--runs 5] [--rebuild] [--only LABEL]

Builds the database once (schema, indexes, search index and stored counts from
claims.db.ensure; figures, views and the outlets' latest values from claims.compare), then
times HTTP GETs of the claims table (default page, facet-filtered and searched pages), the
views, the canned queries, the map, the home and database pages and the project's own
pages, each against a freshly started `claims serve` on a free localhost port: the first
load of the page (no earlier page has filled any cache) and the median of later loads.
Target: every page under 300 ms, first load and repeat, and none silently incomplete: a
page that says part of it could not be computed in time is marked in the output.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import sqlite_utils

from claims import compare
from claims.db import count_triggers, declared_indexes, ensure
from claims.ids import stable_id

TARGET_MS = 300
# Generated rows are written every this many claims.
FLUSH_CLAIMS = 500_000

# (metric, unit, share of claims, typical value)
METRICS = [
    ("killed", "people", 0.30, 40), ("wounded", "people", 0.15, 60),
    ("displaced", "people", 0.08, 20000), ("arrested", "people", 0.05, 30),
    ("missing", "people", 0.03, 15), ("evacuated", "people", 0.04, 3000),
    ("strikes", "strikes", 0.04, 25), ("money", "USD", 0.06, 5_000_000),
    ("distance", "km", 0.05, 30), ("share", "percent", 0.05, 40),
    ("count", "people", 0.15, 100),
]
QUALIFIERS = [("exact", 0.45), ("at_least", 0.2), ("approximately", 0.15),
              ("more_than", 0.1), ("up_to", 0.05), ("range", 0.05)]
SOURCES = ["Syrian Observatory for Human Rights", "the United Nations", "state media",
           "the White Helmets", "local officials", None, None]


def zipf_weights(n: int) -> list[float]:
    return [1 / (rank + 1) for rank in range(n)]


def build(path: Path, total: int, seed: int = 1) -> None:
    """Write `total` claims with realistic skew: a few outlets, places and metrics dominate."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    ensure(db)
    # Bulk load without index and search-index upkeep; ensure() below puts both back.
    for name in declared_indexes():
        db.execute(f'DROP INDEX IF EXISTS "{name}"')
    for table in ("claims", "articles"):
        db[table].disable_fts()
    for trigger in count_triggers():
        db.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
    outlets = [(f"outlet-{i}", f"Outlet {i}", f"outlet{i}.example") for i in range(40)]
    places = [
        (f"Place {i}", round(rng.uniform(30, 40), 4), round(rng.uniform(34, 44), 4))
        for i in range(300)
    ]
    outlet_w, place_w = zipf_weights(len(outlets)), zipf_weights(len(places))
    metric_w = [m[2] for m in METRICS]
    start_day = dt.date(2011, 3, 15).toordinal()
    figures: dict[str, dict] = {}
    figure_keys: list[str] = []
    claims, articles, versions = [], [], []
    article_count = total // 5
    per_article = [total // article_count] * article_count
    for i in range(total - sum(per_article)):
        per_article[i] += 1
    for a in range(article_count):
        outlet = rng.choices(outlets, outlet_w)[0]
        day = dt.date.fromordinal(start_day + rng.randrange(5000)).isoformat()
        aid, vid = stable_id("article", a), stable_id("version", a)
        sentences, offset = [], 0
        for k in range(per_article[a]):
            if figure_keys and rng.random() < 0.6:
                fid = figure_keys[-1 - min(len(figure_keys) - 1, int(rng.expovariate(0.02)))]
                figure = figures[fid]
            else:
                metric, unit, _, typical = rng.choices(METRICS, metric_w)[0]
                place = rng.choices(places, place_w)[0]
                fid = stable_id("figure", len(figures))
                figure = {"id": fid, "metric": metric, "unit": unit, "place": place,
                          "base": max(1, round(rng.lognormvariate(0, 1) * typical)),
                          "day": day, "values": [], "outlets": set()}
                figures[fid] = figure
                figure_keys.append(fid)
            value = float(max(1, round(figure["base"] * rng.choice([1, 1, 1, 0.8, 1.2, 1.5]))))
            qualifier = rng.choices([q for q, _ in QUALIFIERS], [w for _, w in QUALIFIERS])[0]
            low = high = None
            if qualifier == "range":
                low, high = value * 0.8, value * 1.2
            surface = f"{int(value):,} {figure['unit']}"
            source = rng.choice(SOURCES)
            sentence = (f"At least {surface} were {figure['metric']} in {figure['place'][0]} "
                        f"on Monday" + (f", according to {source}." if source else "."))
            start = offset + len("At least ")
            sentences.append(sentence)
            claims.append((
                stable_id(vid, start), aid, vid, outlet[0], fid, 1, day, surface, start,
                start + len(surface), sentence, offset, value, low, high, qualifier,
                figure["unit"], figure["metric"], figure["place"][0], figure["place"][0],
                "Syria", figure["place"][1], figure["place"][2], figure["day"], "on Monday",
                0, source, "bench",
            ))
            figure["values"].append(value)
            figure["outlets"].add(outlet[0])
            offset += len(sentence) + 1
        text = " ".join(sentences)
        title = f"Report {a} from {outlet[1]}"
        articles.append((aid, f"https://{outlet[2]}/news/{a}", outlet[0], title, day, text,
                         1, vid))
        versions.append((vid, aid, 1, title, day, text, 1))
        if len(claims) >= FLUSH_CLAIMS:
            store(db, claims, articles, versions)
    store(db, claims, articles, versions)
    with db.atomic():
        db.conn.executemany("INSERT INTO outlets (id, name, domain) VALUES (?, ?, ?)", outlets)
        db.conn.executemany(
            "INSERT INTO figures (id, label, metric, unit, place, date_from, date_to, outlets, "
            "claims, min_value, max_value, median_value, spread) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f["id"], f"{f['metric']} in {f['place'][0]}, {f['day']}", f["metric"], f["unit"],
              f["place"][0], f["day"], f["day"], len(f["outlets"]), len(f["values"]),
              min(f["values"]), max(f["values"]), statistics.median(f["values"]),
              max(f["values"]) / min(f["values"])) for f in figures.values()])
    # Forget the shape was ensured, so ensure() puts back what was dropped for the load and
    # fills claim_counts from the claims.
    db.execute("PRAGMA user_version = 0")
    ensure(db)
    compare.materialise(db)
    db.close()


def store(db: sqlite_utils.Database, claims: list, articles: list, versions: list) -> None:
    """Write one batch of generated rows and empty the lists, so memory stays bounded."""
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO articles (id, url, outlet_id, title, published, text, version, "
            "current_version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", articles)
        db.conn.executemany(
            "INSERT INTO article_versions (id, article_id, version, title, published, text, "
            "is_current) VALUES (?, ?, ?, ?, ?, ?, ?)", versions)
        db.conn.executemany(
            'INSERT INTO claims (id, article_id, version_id, outlet_id, figure_id, is_current, '
            'published, text, start, "end", sentence, sentence_start, value, low, high, '
            "qualifier, unit, metric, place, place_text, country, latitude, longitude, date, "
            "date_text, cumulative, attributed_to, extractor_version) "
            "VALUES (" + ", ".join("?" * 28) + ")", claims)
    for batch in (claims, articles, versions):
        batch.clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: Words on a page that say part of it could not be computed in time (Datasette's own for
#: facets, the plugin's for counts and lists): such a page is counted as degraded.
DEGRADED = ("These facets timed out", "claims-count-missing", "took too long")


def pages_to_time(db_path: Path) -> dict[str, str]:
    """Every page type a user opens, with ids and places picked from the database."""
    conn = sqlite_utils.Database(db_path)
    places = [r[0] for r in conn.execute(
        "select place from claim_counts where metric = 'killed' and place != '' "
        "group by place order by sum(claims) desc")]
    top_place, mid_place = places[0], places[len(places) // 2]
    figure_id, claim_id = conn.execute(
        "select f.id, (select id from claims where figure_id = f.id limit 1) from figures f "
        "order by claims desc limit 1").fetchone()
    article_id = conn.execute(
        "select article_id from claims where id = ?", [claim_id]).fetchone()[0]
    country = conn.execute("select country from claims where country is not null "
                           "limit 1").fetchone()[0]
    conn.close()
    name = db_path.stem
    return {
        "home page": "/",
        "database page": f"/{name}",
        "claims table, default page": f"/{name}/claims",
        "claims table, metric=killed": f"/{name}/claims?metric=killed",
        "claims table, place=<top> (facet)": f"/{name}/claims?place={top_place}",
        "claims table, place=<top> in lower case": f"/{name}/claims?place={top_place.lower()}",
        f"claims table, country={country} (every row)": f"/{name}/claims?country={country}",
        "claims table, metric=killed&place=<top>": (
            f"/{name}/claims?metric=killed&place={top_place}"
        ),
        "claims table, metric=killed&qualifier=exact&outlet": (
            f"/{name}/claims?metric=killed&qualifier=exact&outlet_id=outlet-3"
        ),
        "claims table, _search=killed": f"/{name}/claims?_search=killed",
        "claims table, _search=killed&metric=killed": (
            f"/{name}/claims?_search=killed&metric=killed"
        ),
        "claims JSON, metric=killed, _shape=array": (
            f"/{name}/claims.json?metric=killed&_shape=array"
        ),
        "disagreements view": f"/{name}/disagreements",
        "figure_timeline view": f"/{name}/figure_timeline",
        "figures table": f"/{name}/figures",
        "timelines page (form, most reported)": "/-/claims/timeline",
        "timeline, metric=killed&place=<middle>": (
            f"/-/claims/timeline?metric=killed&place={mid_place}"
        ),
        "claims_by_place map query": f"/{name}/claims_by_place?metric=",
        "claims_by_place map query, metric=killed": f"/{name}/claims_by_place?metric=killed",
        "compare_figure canned query (biggest figure)": (
            f"/{name}/compare_figure?figure_id={figure_id}"
        ),
        "compare_figure without a figure (picker)": f"/{name}/compare_figure",
        "claims_for_metric_place canned query": (
            f"/{name}/claims_for_metric_place?metric=killed&place={top_place}"
            "&since=2015-01-01&until=2015-12-31"
        ),
        "where_outlets_disagree canned query, metric=killed": (
            f"/{name}/where_outlets_disagree?metric=killed&place="
        ),
        "claim in context page": f"/-/claims/claim/{claim_id}",
        "figure page with chart": f"/-/claims/figure/{figure_id}",
        "article page": f"/-/claims/article/{article_id}",
    }


def time_page(client: httpx.Client, path: str, runs: int) -> tuple:
    """(HTTP status, first load ms, median ms, worst ms, degraded) of one page."""
    started = time.perf_counter()
    response = client.get(path)
    cold = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    degraded = any(words in response.text for words in DEGRADED)
    return response.status_code, cold, statistics.median(times), max(times), degraded


def time_pages(db_path: Path, runs: int, only: str | None = None,
               one_server: bool = False) -> list[tuple]:
    """(page, HTTP status, first load ms, median ms, worst ms, start-up s, degraded) per
    page whose label contains `only` (every page without it). Each page gets a fresh
    server, so its first load finds nothing cached by an earlier page, unless `one_server`
    (quicker on a database whose start-up takes a minute): then one server answers all."""
    pages = {label: path for label, path in pages_to_time(db_path).items()
             if not only or only in label}
    results = []
    with contextlib.ExitStack() as stack:
        shared = stack.enter_context(served(db_path)) if one_server else None
        for label, path in pages.items():
            with contextlib.nullcontext(shared) if shared else served(db_path) as (client,
                                                                                   ready):
                status, cold, median, worst, degraded = time_page(client, path, runs)
            results.append((label, status, cold, median, worst, ready, degraded))
    return results


@contextlib.contextmanager
def served(db_path: Path):
    """A `claims serve` process and a client for it, with the seconds it took to answer."""
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("claims")), "serve", "--db", str(db_path),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    client.get("/-/versions.json").raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise
                    time.sleep(0.1)
            yield client, time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/million.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="Build even if the file exists.")
    parser.add_argument("--only", help="Time only the pages whose label contains this.")
    parser.add_argument("--one-server", action="store_true",
                        help="Time every page on one server instead of a fresh one each.")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.claims)
        print(f"built {args.claims:,} claims in {time.perf_counter() - started:.0f} s "
              f"({args.db.stat().st_size / 1e6:.0f} MB)")
    failed = 0
    print(f"{'page':52} {'status':>6} {'first ms':>9} {'repeat ms':>10} {'max ms':>8} "
          f"{'start-up s':>10}  says it is incomplete")
    for label, status, cold, median, worst, ready, degraded in time_pages(
            args.db, args.runs, args.only, args.one_server):
        over = status != 200 or cold >= TARGET_MS or median >= TARGET_MS
        failed += over
        print(f"{label:52} {status:6} {cold:9.0f} {median:10.0f} {worst:8.0f} {ready:10.1f}"
              + ("  yes" if degraded else "   no") + ("  OVER" if over else ""))
    print(f"target: under {TARGET_MS} ms; {failed} page(s) over. "
          + ("One `claims serve` answers every page" if args.one_server else
             "Each page gets a fresh `claims serve`")
          + ": 'first' is the page's first load on that server, 'repeat' the median of "
          f"{args.runs} more (small answers kept by the plugin's cache for immutable "
          "databases), 'start-up' the seconds from launch to the first answer (it includes "
          "preparing each faceted table's default page)")


if __name__ == "__main__":
    main()
