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

from claims import compare, places, sources
from claims.db import Article, add_article, open_db
from claims.extract import extract

CORPUS = Path(__file__).resolve().parent / "demo_corpus"
DEFAULT_DEMO_DB = Path("db") / "demo.db"


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


def _load(name: str) -> dict:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


def load_articles() -> list[dict]:
    """The corpus records, in file order (one JSON object a line)."""
    with (CORPUS / "articles.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_places() -> list[dict]:
    return _load("places.json")["places"]


def load_sources() -> list[dict]:
    return _load("sources.json")["sources"]


def _remove(db_path: Path) -> None:
    """A fresh build: the old database and its WAL files go, so nothing stale survives."""
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        path.unlink(missing_ok=True)


def build_demo(db_path: str | Path = DEFAULT_DEMO_DB, progress: bool = False) -> DemoSummary:
    """Build a fresh demo database from the corpus and group its figures."""
    from tqdm import tqdm

    started = time.perf_counter()
    db_path = Path(db_path)
    places.register(load_places())
    sources.register(load_sources())
    _remove(db_path)
    db = open_db(db_path)
    try:
        records = load_articles()
        for record in tqdm(records, unit=" articles", disable=not progress, file=sys.stderr):
            add_article(db, Article(
                body=record["text"], title=record["title"], url=record["url"],
                external_id=record["id"], outlet=record["outlet"], author=record["author"],
                published=record["published"], language="en",
            ), extract)
        grouped = compare.group_figures(db)

        def count(sql: str) -> int:
            return db.execute(sql).fetchone()[0]

        return DemoSummary(
            db_path=db_path,
            articles=count("SELECT count(*) FROM articles"),
            outlets=count("SELECT count(*) FROM outlets"),
            claims=count("SELECT count(*) FROM claims"),
            sources=count("SELECT count(DISTINCT source_id) FROM claims"),
            figures=grouped["figures"],
            disputed=grouped["multi_outlet"],
            seconds=time.perf_counter() - started,
        )
    finally:
        db.close()
