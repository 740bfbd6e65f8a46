"""Grouping by partitions (claims.partitions): an ingest regroups only the partitions its new
claims reach, and the figures, incidents and reprints it leaves are those a regroup of the
whole database gives, ids included; a regroup read a chunk of partitions at a time leaves
what one read of everything leaves. The corpora are invented reports written here."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from claims.compare import _Reading, group_figures
from claims.db import open_db
from claims.ingest import ingest, store
from claims.partitions import key
from claims.readers import read

REPORT = (
    "{town} ({country}) - At least {dead} people were killed in {town} on {weekday} when "
    "artillery shells struck a crowded {target} near the old bridge, the regional civil "
    "defence office said in a statement. Another {hurt} were wounded and taken to the two "
    "hospitals that still work in the district, doctors told reporters by telephone. "
    "Residents said the shelling began before dawn and lasted about three hours, and that "
    "rescue crews were still searching the rubble of {homes} houses late in the evening."
)
RUNNING = (
    " Since the fighting began, more than {total} people have been killed in {country}, "
    "according to a monitoring group."
)
TOWNS = {"Aleppo": "Syria", "Homs": "Syria", "Mosul": "Iraq", "Kabul": "Afghanistan",
         "Sanaa": "Yemen"}
TARGETS = ("bakery", "market", "school", "bus station")


def report(n: int, town: str, day: str, outlet: str, running: bool = False,
           dead: int | None = None) -> list[str]:
    """One invented report as a CSV row: id, title, text, outlet, date."""
    country = TOWNS[town]
    text = REPORT.format(town=town, country=country, dead=dead or 10 + n, hurt=20 + 2 * n,
                         weekday="Monday", target=TARGETS[n % len(TARGETS)], homes=3 + n % 5)
    if running:
        text += RUNNING.format(total=f"{300_000 + 1_000 * n:,}", country=country)
    return [f"r{n}", f"Shelling kills {dead or 10 + n} in {town}", text, outlet, day]


def write(path: Path, rows: list[list[str]]) -> Path:
    """A CSV of reports."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "text", "outlet", "date"])
        out.writerows(rows)
    return path


# The first ingest: March and May in Syria, April in Iraq, and running totals in Syria.
FIRST = [
    report(1, "Aleppo", "2026-03-02", "Harbour Wire", running=True),
    report(2, "Aleppo", "2026-03-03", "Evening Ledger", dead=12),
    report(3, "Homs", "2026-03-10", "Harbour Wire"),
    report(4, "Homs", "2026-05-20", "Valdrenn Gazette", running=True),
    report(5, "Mosul", "2026-04-14", "Evening Ledger"),
    report(6, "Mosul", "2026-04-15", "Harbour Wire", dead=16),
    report(30, "Homs", "2026-03-25", "Valdrenn Gazette", dead=21),
    report(33, "Aleppo", "2026-03-31", "Harbour Wire", dead=11),
]
# A report of April that recalls an attack of the last week of March (report 30): its toll
# is grouped in March's partition, which the second ingest must reach.
RECALLED = (
    "Homs (Syria) - At least 9 people were killed in Homs on Wednesday when a mortar round "
    "hit a bakery, the regional civil defence office said. Last week artillery shells struck "
    "a crowded school near the old bridge in Homs, killing at least 21 people, the regional "
    "civil defence office said in a statement."
)
# A report dated the first of April that tells the story of March 31 (a Tuesday), as told
# that day: its incident is in March's partition, which the second ingest must reach.
MORNING_AFTER = (
    "Last updated at Apr 01 2026 ALEPPO Artillery shells struck a crowded school near the old "
    "bridge. At least 12 people were killed in Aleppo, the regional civil defence office said "
    "Tuesday."
)
# The second: more on May in Syria (one a copy of report 4 published a day earlier, so it
# becomes the original), a new version of report 6, a new month in Iraq, and report 31.
SECOND = [
    report(7, "Homs", "2026-05-21", "Evening Ledger", dead=15),
    [*report(4, "Homs", "2026-05-19", "Copy Desk", running=True)[:4], "2026-05-19"],
    report(6, "Mosul", "2026-04-15", "Harbour Wire", dead=18),
    report(9, "Mosul", "2026-06-01", "Valdrenn Gazette"),
    ["r31", "Mortar round kills 9 in Homs", RECALLED, "Evening Ledger", "2026-04-02"],
    ["r32", "Shelling kills 12 in Aleppo", MORNING_AFTER, "Copy Desk", "2026-04-01"],
]
SECOND[1][0] = "r8"
# Everything a grouping decides, table by table.
GROUPED = {
    "figures": "SELECT * FROM figures ORDER BY id",
    "incidents": "SELECT * FROM incidents ORDER BY id",
    "claims": "SELECT id, figure_id, incident_id FROM claims ORDER BY id",
    "reprints": "SELECT * FROM reprints ORDER BY article_id",
    "figure_outlet_latest": "SELECT * FROM figure_outlet_latest ORDER BY figure_id, outlet_id",
}


def grouped(path: Path) -> dict[str, list[tuple]]:
    """The grouping of the database at `path`."""
    with sqlite3.connect(path) as conn:
        return {table: conn.execute(sql).fetchall() for table, sql in GROUPED.items()}


def members(path: Path) -> set[frozenset[str]]:
    """Each figure as the set of its claims, whatever its id."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT figure_id, id FROM claims "
                            "WHERE figure_id IS NOT NULL AND is_current")
        by_figure: dict[str, set[str]] = {}
        for figure, claim in rows:
            by_figure.setdefault(figure, set()).add(claim)
    return {frozenset(claims) for claims in by_figure.values()}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[Path, Path]:
    """The two ingests' CSV files."""
    folder = tmp_path_factory.mktemp("partitions")
    return write(folder / "first.csv", FIRST), write(folder / "second.csv", SECOND)


@pytest.fixture(scope="module")
def incremental(corpora, tmp_path_factory) -> Path:
    """The first corpus ingested, then the second: the second regroups what it reaches."""
    path = tmp_path_factory.mktemp("incremental") / "claims.db"
    for corpus in corpora:
        summary = ingest(open_db(path), [str(corpus)])
        assert not summary.failures
    return path


def test_an_ingest_leaves_the_grouping_a_whole_regroup_gives(incremental, tmp_path):
    whole = tmp_path / "whole.db"
    with sqlite3.connect(incremental) as source, sqlite3.connect(whole) as target:
        source.backup(target)
    group_figures(open_db(whole))
    assert grouped(incremental) == grouped(whole)
    assert grouped(incremental)["reprints"], "the copy of report 4 is found"
    with sqlite3.connect(incremental) as conn:
        recalled = conn.execute("SELECT figure_id FROM claims "
                                "WHERE lower(text) = 'at least 21 people'").fetchall()
    assert len(recalled) == 2 and len(set(recalled)) == 1, "report 31 recalls report 30's attack"
    with sqlite3.connect(incremental) as conn:
        (day,) = conn.execute("SELECT i.date_from FROM claims c JOIN incidents i "
                              "ON i.id = c.incident_id WHERE c.text = 'At least 12 people' "
                              "AND c.published LIKE '2026-04-01%'").fetchone()
    assert day.startswith("2026-03"), "report 32 tells March 31's story"


def test_an_ingest_groups_as_one_ingest_of_everything(incremental, corpora, tmp_path):
    once = tmp_path / "once.db"
    ingest(open_db(once), [str(c) for c in corpora])
    assert members(incremental) == members(once)
    assert grouped(incremental)["reprints"] == grouped(once)["reprints"]


def test_new_claims_reach_only_their_own_partitions(corpora, tmp_path):
    db = open_db(tmp_path / "claims.db")
    ingest(db, [str(corpora[0])])
    july = write(tmp_path / "july.csv", [report(10, "Mosul", "2026-07-01", "Harbour Wire")])
    for _, article in read([str(july)]):
        store(db, article)
    assert group_figures(db, scoped=True)["incidents"] == 1
    assert group_figures(db)["incidents"] > 1


def test_partitions_are_a_country_and_a_month():
    assert key("Syria", dt.date(2026, 3, 31)) == ("Syria", "2026-03")
    assert key(None, None) == ("", "undated")


# Four countries over four months (a weekday is read as the one before publication), two
# runs of one series of running totals, a report with no date at all, and a copy of another
# outlet's report.
SPREAD = [
    report(11, "Aleppo", "2026-01-05", "Harbour Wire", running=True),
    report(12, "Aleppo", "2026-01-06", "Evening Ledger", dead=14),
    report(13, "Homs", "2026-02-11", "Valdrenn Gazette"),
    report(14, "Homs", "2026-02-28", "Harbour Wire", running=True),
    report(15, "Mosul", "2026-01-20", "Evening Ledger"),
    report(16, "Mosul", "2026-03-01", "Harbour Wire"),
    report(17, "Kabul", "2026-02-03", "Valdrenn Gazette", running=True),
    report(18, "Kabul", "2026-02-04", "Evening Ledger", dead=20),
    report(19, "Sanaa", "2026-03-31", "Harbour Wire"),
    report(20, "Sanaa", "2026-04-14", "Evening Ledger", running=True, dead=19),
    [*report(21, "Homs", "", "Valdrenn Gazette", running=True)[:4], ""],
    [*report(18, "Kabul", "2026-02-05", "Copy Desk", dead=20)[:4], "2026-02-05"],
]
SPREAD[-1][0] = "r22"


def stored_only(path: Path, corpus: Path) -> Path:
    """The database at `path` with the corpus's articles and claims stored, not grouped."""
    db = open_db(path)
    for _, article in read([str(corpus)]):
        store(db, article)
    return path


def copied(source: Path, target: Path) -> Path:
    """A copy of a database, to group another way."""
    with sqlite3.connect(source) as conn, sqlite3.connect(target) as copy:
        conn.backup(copy)
    return target


def test_a_regroup_in_chunks_equals_one_read_of_everything(tmp_path):
    fresh = stored_only(tmp_path / "fresh.db", write(tmp_path / "spread.csv", SPREAD))
    once, chunked = copied(fresh, tmp_path / "once.db"), copied(fresh, tmp_path / "chunked.db")
    assert group_figures(open_db(once), chunk=10**9)["chunks"] == 1
    assert group_figures(open_db(chunked), chunk=1)["chunks"] > 5
    assert grouped(chunked) == grouped(once)
    with sqlite3.connect(once) as conn:
        countries = {r[0] for r in conn.execute("SELECT country FROM incidents")}
        assert {"Syria", "Iraq", "Afghanistan", "Yemen"} <= countries
        assert conn.execute("SELECT count(*) FROM incidents WHERE date_from IS NULL").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM figures WHERE cumulative").fetchone()[0] >= 3
    assert grouped(once)["reprints"], "the copy of report 18 is found"


def test_copies_of_one_text_hold_their_lead_words_and_place_once(tmp_path):
    fresh = stored_only(tmp_path / "fresh.db", write(tmp_path / "spread.csv", SPREAD))
    read = _Reading(open_db(fresh))
    copies = [i for incidents in read.by_partition.values() for i in incidents
              if i.main and i.place.name == "Kabul" and "school" in i.words]
    assert [i.article_id != copies[0].article_id for i in copies] == [False, True]
    assert copies[0].words is copies[1].words, "one set for the copies of report 18"
    assert copies[0].place is copies[1].place


def merge_two_figures(path: Path, first: str, second: str) -> None:
    """Make the first figures labelled like `first` and `second` one figure, "older", as a
    grouping by other rules might have: its claims now lie in two partitions."""
    with sqlite3.connect(path) as conn:
        for label in (first, second):
            conn.execute("UPDATE claims SET figure_id = 'older' WHERE figure_id = (SELECT id "
                         "FROM figures WHERE label LIKE ? ORDER BY label LIMIT 1)", [label])


def test_a_regroup_in_chunks_keeps_the_ids_figures_had(tmp_path):
    grouped_db = tmp_path / "grouped.db"
    stored_only(grouped_db, write(tmp_path / "spread.csv", SPREAD))
    group_figures(open_db(grouped_db))
    stored_only(grouped_db, write(tmp_path / "more.csv", [*FIRST, *SECOND]))
    once, scoped = copied(grouped_db, tmp_path / "once.db"), copied(grouped_db, tmp_path / "s.db")
    group_figures(open_db(once), chunk=10**9)
    assert group_figures(open_db(scoped), scoped=True, chunk=1)["chunks"] > 1
    assert grouped(scoped) == grouped(once)
    merge_two_figures(grouped_db, "People killed in Aleppo%", "People killed in Mosul%")
    once, chunked = copied(grouped_db, tmp_path / "once.db"), copied(grouped_db, tmp_path / "c.db")
    group_figures(open_db(once), chunk=10**9)
    group_figures(open_db(chunked), chunk=1)
    assert grouped(chunked) == grouped(once)
    with sqlite3.connect(once) as conn:
        assert conn.execute("SELECT label FROM figures WHERE id = 'older'").fetchone()[0] \
            .startswith("People killed in Aleppo"), "the figure with most of its claims"


def war_toll(n: int, day: str, wounded: bool) -> list[str]:
    """An invented report of the war's running totals, with or without its wounded."""
    hurt = f" and more than {1_000_000 + 10_000 * n:,} wounded" if wounded else ""
    text = (f"Since the fighting began, more than {300_000 + 1_000 * n:,} people have been "
            f"killed{hurt} in Syria, according to a monitoring group.")
    return [f"w{n}", "The war's toll", text, "Harbour Wire", day]


def test_the_wounded_join_across_a_gap_the_dead_fill_in_a_later_ingest(tmp_path):
    first = write(tmp_path / "first.csv", [war_toll(1, "2026-07-02", True),
                                           war_toll(2, "2026-07-30", True)])
    between = write(tmp_path / "between.csv", [war_toll(3, "2026-07-16", False)])
    incremental, once = tmp_path / "incremental.db", tmp_path / "once.db"
    ingest(open_db(incremental), [str(first)])
    assert len(members(incremental)) == 4, "the dead and the wounded each in two stretches"
    ingest(open_db(incremental), [str(between)])
    ingest(open_db(once), [str(first), str(between)])
    assert members(incremental) == members(once)
    assert len(members(once)) == 2, "the dead in one stretch, the wounded beside them"
    chunked = copied(stored_only(tmp_path / "fresh.db", first), tmp_path / "chunked.db")
    for _, article in read([str(between)]):
        store(open_db(chunked), article)
    whole = copied(chunked, tmp_path / "whole.db")
    group_figures(open_db(chunked), chunk=1)
    group_figures(open_db(whole), chunk=10**9)
    assert grouped(chunked) == grouped(whole)
