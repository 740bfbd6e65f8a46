"""Figure groups on FA-KES: 804 articles from 15 outlets on Syrian casualty events.

    uv run python benchmarks/compare_fakes.py [../shared/eval/fakes/fakes.csv] [--events 5]

Ingests the CSV into a temporary database, groups figures, and reports:
- how many figure groups hold claims from at least 3 outlets (target: 10 or more);
- for the events most outlets covered in the crowd columns (same governorate, dates within
  3 days), the outlets and values our killed-figure groups hold there, next to the crowd's
  nb_civilians per article;
- the share of articles whose crowd `location` (a governorate) is the place or region of at
  least one of their killed claims (target: 80%). The crowd's "damascus" covers the city and
  its countryside (Rif Dimashq, e.g. Douma and Eastern Ghouta): FA-KES has no separate
  value for the countryside, and the VDC it was matched against files both under Damascus;
- what places and times cost inside extraction: extraction with and without them, cold.

Skips cleanly (exit 0) when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

TARGET_CHARS_PER_SECOND = 2_000_000
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "fakes" / "fakes.csv"

# Crowd governorate -> the regions of ours it stands for.
GOLD_REGIONS = {
    "aleppo": {"Aleppo Governorate"},
    "damascus": {"Damascus Governorate", "Rif Dimashq Governorate"},
    "idlib": {"Idlib Governorate"},
    "deir ezzor": {"Deir ez-Zor Governorate"},
    "raqqa": {"Raqqa Governorate"},
    "homs": {"Homs Governorate"},
    "hasakeh": {"Hasakah Governorate"},
    "hama": {"Hama Governorate"},
    "daraa": {"Daraa Governorate"},
    "lattakia": {"Latakia Governorate"},
    "quneitra": {"Quneitra Governorate"},
    "tartous": {"Tartus Governorate"},
}


def _date(value: str) -> dt.date:
    return dt.datetime.strptime(value, "%m/%d/%y").date()


def load(path: Path):
    from claims.compare import group_figures
    from claims.db import open_db
    from claims.ingest import Options, ingest

    tmp = tempfile.mkdtemp(prefix="claims-fakes-")
    db = open_db(Path(tmp) / "fakes.db")
    options = Options(id_column="unit_id", encoding="latin-1", format="csv")
    started = time.perf_counter()
    summary = ingest(db, [str(path)], options)
    ingested = time.perf_counter() - started
    started = time.perf_counter()
    grouped = group_figures(db)
    grouping = time.perf_counter() - started
    print(f"ingest: {summary} in {ingested:.1f}s; grouping: {grouped} in {grouping:.2f}s")
    return db


def outlets_report(db) -> None:
    counts = {
        n: db.execute("SELECT count(*) FROM figures WHERE outlets >= ?", [n]).fetchone()[0]
        for n in (2, 3, 4, 5)
    }
    print("\n## Figure groups by outlets")
    for n, c in counts.items():
        print(f"- groups with claims from >= {n} outlets: {c}")
    print(f"target: >= 10 groups with >= 3 outlets: {'met' if counts[3] >= 10 else 'NOT met'}")
    print("\nTop groups:")
    for row in db.query(
        "SELECT label, outlets, claims, min_value, median_value, max_value "
        "FROM figures WHERE outlets >= 3 ORDER BY outlets DESC, claims DESC "
        "LIMIT 15"
    ):
        print(
            f"- {row['label']}: {row['outlets']} outlets, {row['claims']} claims, "
            f"min {row['min_value']:g} median {row['median_value']:g} "
            f"max {row['max_value']:g}"
        )


def events_report(db, gold: list[dict], how_many: int) -> None:
    """The crowd's most-covered events next to what our killed figures hold there."""
    by_place = defaultdict(list)
    for r in gold:
        by_place[r["location"]].append(r)
    events = []
    for location, rows in by_place.items():
        rows.sort(key=lambda r: _date(r["date"]))
        for i, first in enumerate(rows):
            start = _date(first["date"])
            members = [r for r in rows[i:] if (_date(r["date"]) - start).days <= 3]
            events.append((len({r["source"] for r in members}), location, start, members))
    events.sort(key=lambda e: (-e[0], e[2]))
    chosen, seen = [], set()
    for n, location, start, members in events:
        if any(loc == location and abs((start - s).days) <= 3 for loc, s in seen):
            continue
        seen.add((location, start))
        chosen.append((n, location, start, members))
        if len(chosen) == how_many:
            break
    print("\n## Known events (crowd columns vs our figure groups)")
    for n, location, start, members in chosen:
        end = start + dt.timedelta(days=3)
        regions = sorted(GOLD_REGIONS[location])
        print(f"\n### {location}, {start}..{end}: {n} outlets in the crowd columns")
        marks = ", ".join("?" * len(regions))
        ids = [r["unit_id"] for r in members]
        id_marks = ", ".join("?" * len(ids))
        found = list(
            db.query(
                f"""SELECT f.id, f.label, f.outlets, group_concat(DISTINCT a.external_id) AS ids
                FROM figures f JOIN claims c ON c.figure_id = f.id
                JOIN articles a ON a.id = c.article_id
                WHERE f.metric = 'killed' AND f.region IN ({marks})
                  AND a.external_id IN ({id_marks})
                GROUP BY f.id ORDER BY f.outlets DESC, f.claims DESC LIMIT 4""",
                [*regions, *ids],
            )
        )
        for r in members:
            values = sorted(
                {
                    v
                    for (v,) in db.execute(
                        "SELECT c.value FROM claims c JOIN articles a ON a.id = c.article_id "
                        "WHERE a.external_id = ? AND c.metric = 'killed'",
                        [r["unit_id"]],
                    )
                }
            )
            hit = "yes" if float(r["nb_civilians"]) in values else "no"
            print(
                f"- crowd: {r['source']:<14} {r['date']:<8} nb_civilians={r['nb_civilians']:<4}"
                f" in our killed claims: {hit} ({', '.join(f'{v:g}' for v in values[:8])})"
            )
        for f in found:
            print(f"  group: {f['label']} ({f['outlets']} outlets)")
            for o in db.query(
                "SELECT outlet_id, latest_value, sources FROM figure_outlets "
                "WHERE figure_id = ? ORDER BY latest_value",
                [f["id"]],
            ):
                print(
                    f"    {o['outlet_id']:<14} {o['latest_value']:>8g}  "
                    f"{o['sources'] or '(no source named)'}"
                )


def location_report(db, gold: list[dict]) -> None:
    """Match on the places stored with the killed claims: the claim's own sentence, or the
    town or region the article named before it when the sentence names none."""
    own = stored = with_killed = 0
    for r in gold:
        rows = db.execute(
            "SELECT c.region, c.place, c.place_text, c.sentence "
            "FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE a.external_id = ? AND c.metric = 'killed'",
            [r["unit_id"]],
        ).fetchall()
        if not rows:
            continue
        with_killed += 1
        regions = GOLD_REGIONS[r["location"]]
        stored += any(region in regions for region, *_ in rows)
        own += any(
            region in regions and place_text and place_text in sentence
            for region, _, place_text, sentence in rows
        )
    total = len(gold)
    print("\n## Crowd location vs place/region of the article's killed claims")
    print(f"- articles: {total}; with a killed claim: {with_killed}")
    for label, matched in (
        ("claims' stored place (own sentence, else article context)", stored),
        ("claims' own sentence only", own),
    ):
        print(
            f"- {label}: {matched} = {matched / total:.1%} of all articles, "
            f"{matched / max(with_killed, 1):.1%} of articles with a killed claim"
        )
    print(f"target: >= 80% of all articles: {'met' if stored / total >= 0.8 else 'NOT met'}")


def speed_report(path: Path, repeat: int = 3) -> None:
    """What places and times cost inside extraction, cold: extraction over every FA-KES
    article with them and with them stubbed out, interleaved, best of `repeat` each."""
    from speed import clear_caches, texts

    from claims import extract
    from claims.extraction import places, times

    articles = texts(path)
    characters = sum(map(len, articles))
    real = (places.locate, places.anaphor, places.carried, places.article, times.resolve)
    nowhere = SimpleNamespace(place=None, country=None, countries=())
    stubs = (lambda *a: None, lambda *a: None, lambda *a: places.NO_CARRY, lambda *a: nowhere,
             lambda *a: None)
    best = {"with": float("inf"), "without": float("inf")}
    try:
        for _ in range(repeat):
            for label, steps in (("with", real), ("without", stubs)):
                (places.locate, places.anaphor, places.carried, places.article,
                 times.resolve) = steps
                clear_caches()
                started = time.perf_counter()
                for text in articles:
                    extract(text)
                best[label] = min(best[label], time.perf_counter() - started)
    finally:
        places.locate, places.anaphor, places.carried, places.article, times.resolve = real
    budget = characters / TARGET_CHARS_PER_SECOND
    cost = best["with"] - best["without"]
    print("\n## Speed of places and times inside extraction (cold caches)")
    print(
        f"- extract: {characters / best['with']:,.0f} chars/s; with places and times stubbed "
        f"out: {characters / best['without']:,.0f} chars/s"
    )
    print(
        f"- places + times: {cost:.3f}s = {cost / budget:.1%} of the time the "
        f"{TARGET_CHARS_PER_SECOND:,} chars/s target allows for all {characters:,} characters"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--events", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    with open(path, encoding="latin-1", newline="") as f:
        gold = list(csv.DictReader(f))
    db = load(path)
    outlets_report(db)
    events_report(db, gold, args.events)
    location_report(db, gold)
    speed_report(path)
    sizes = [r["outlets"] for r in db.query("SELECT outlets FROM figures")]
    print(f"\nfigures: {len(sizes)}, mean outlets {statistics.mean(sizes or [0]):.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
