"""`claims demo`: a database worth browsing, built from a fictional corpus shipped in the package.

The corpus (claims/demo_corpus/, all of it invented: see its README) is stored through the
same library calls as `claims ingest`, after its fictional places and sources are registered
so Karvonian towns get coordinates and one monitor quoted three ways is one source.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from claims import compare, data, sources
from claims.db import Article, open_db
from claims.extraction import places
from claims.ingest import store

CORPUS = Path(__file__).resolve().parent / "demo_corpus"
DEFAULT_DEMO_DB = Path("db") / "demo.db"

FICTIONAL = (
    "Everything in this database is fictional: the Republic of Karvonia, its towns, the seven "
    "outlets, the people quoted and every figure were invented for the claims demo "
    "(claims/demo_corpus/README.md). Any resemblance to real places, outlets or people is "
    "accidental."
)


def demo_metadata(db_name: str = DEFAULT_DEMO_DB.stem) -> dict:
    """Merged over metadata.json when the demo is served, so every page says it is fiction."""
    return {
        "title": "claims demo: the numbers in fictional news",
        "description_html": (
            "<p><strong>Fictional demo.</strong> About fifty invented news articles from seven "
            "invented outlets about seven invented events in the invented Republic of Karvonia, "
            "1-10 March 2026, with the claims the tool extracted from them. Death tolls rise "
            "and disagree, evacuation counts differ by source, shares of territory are "
            f'contested: browse <a href="{db_name}/claims">the claims</a>, '
            f'<a href="{db_name}/figures">the figures</a> and '
            f'<a href="{db_name}/disagreements">where outlets disagree</a>.</p>'
        ),
        "source": "claims demo corpus (fictional, written for the project)",
        "databases": {db_name: {"description": FICTIONAL}},
    }


@dataclass
class DemoSummary:
    db_path: Path
    articles: int
    outlets: int
    claims: int
    sources: int
    figures: int
    disputed: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"Built {self.db_path}: {self.articles} articles from {self.outlets} outlets, "
            f"{self.claims} claims citing {self.sources} sources, {self.figures} figures "
            f"({self.disputed} reported by several outlets) in {self.seconds:.1f}s"
        )


def load_articles() -> list[dict]:
    """The corpus records, in file order (one JSON object a line)."""
    with (CORPUS / "articles.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_places() -> list[dict]:
    """The fictional gazetteer, read by the loader of the project's own tables."""
    return data.places(CORPUS / "places.json")


def load_sources() -> list[dict]:
    """The fictional sources, read by the loader of the project's own tables."""
    return data.sources(CORPUS / "sources.json")


def _remove(db_path: Path) -> None:
    """A fresh build: the old database and its WAL files go, so nothing stale survives."""
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        path.unlink(missing_ok=True)


def build_demo(db_path: str | Path = DEFAULT_DEMO_DB, progress: bool = False) -> DemoSummary:
    """Build a fresh demo database from the corpus and group its figures.

    The fictional places and sources are registered only while the build runs, so the
    gazetteer and source tables are the real ones again afterwards.
    """
    started = time.perf_counter()
    db_path = Path(db_path)
    _remove(db_path)
    with places.registered(load_places()), sources.registered(load_sources()):
        db = open_db(db_path)
        try:
            _store(db, load_articles(), progress)
            grouped = compare.group_figures(db)
            counts = {
                name: db.execute(sql).fetchone()[0] for name, sql in (
                    ("articles", "SELECT count(*) FROM articles"),
                    ("outlets", "SELECT count(*) FROM outlets"),
                    ("claims", "SELECT count(*) FROM claims"),
                    ("sources", "SELECT count(DISTINCT source_id) FROM claims"),
                )
            }
        finally:
            db.close()
    return DemoSummary(
        db_path=db_path, **counts, figures=grouped["figures"],
        disputed=grouped["multi_outlet"], seconds=time.perf_counter() - started,
    )


def _store(db: sqlite_utils.Database, records: list[dict], progress: bool) -> None:
    from tqdm import tqdm

    for record in tqdm(records, unit=" articles", disable=not progress, file=sys.stderr):
        store(db, Article(
            body=record["text"], title=record["title"], url=record["url"],
            external_id=record["id"], outlet=record["outlet"], author=record["author"],
            published=record["published"], language="en",
        ))
