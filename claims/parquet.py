"""Articles and claims as a Parquet dataset, for corpora too big to keep the database in the
loop (`claims ingest --parquet DIR`, `claims load DIR`).

The dataset is two hive-partitioned tables under DIR, `articles/` and `claims/`, each split
by outlet and month (`claims/outlet=reuters/month=2017-04/part-....parquet`), written
through pyarrow a batch at a time so memory stays flat. DuckDB, pandas or Spark read it
as it is; `claims load` brings it, or a slice, into SQLite through the normal storage layer.
Articles are keyed as the database keys them (claims.db.keys), from the article alone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claims import outlets
from claims.db import (
    CLAIM_FIELDS,
    SCHEMA,
    Article,
    Extracted,
    claim_row,
    keys,
    outlet_of,
    source_of,
)
from claims.ids import claim_id, outlet_slug
from claims.idset import IdSet

#: The partition columns, in path order: the outlet's id and the month it published in.
PARTITIONS = ("outlet", "month")
#: Articles written per batch: each batch adds one file per partition it touches. Rows
#: wait as compact Arrow record batches of COMPACT_ARTICLES articles, not as Python objects.
BATCH_ARTICLES = 2_000
COMPACT_ARTICLES = 500
UNKNOWN = "unknown"

_TYPES = {str: pa.string(), int: pa.int64(), float: pa.float64()}
ARTICLE_SCHEMA = pa.schema(
    [(name, pa.string()) for name in (
        "id", "version_id", "url", "external_id", "outlet_id", "outlet_name", "domain",
        "title", "author", "published", "language", "text", "sha256", "extractor_version",
        "ingested_at",
    )] + [(name, pa.string()) for name in PARTITIONS]
)
_CLAIM_META = ("id", "article_id", "version_id", "outlet_id", "source_id", "published",
               "extractor_version")
CLAIM_SCHEMA = pa.schema(
    [(name, pa.string()) for name in _CLAIM_META]
    + [(name, _TYPES[SCHEMA["claims"]["columns"][name]]) for name in CLAIM_FIELDS]
    + [(name, pa.string()) for name in PARTITIONS]
)


def _month(published: str | None) -> str:
    """The month partition of a publication date: YYYY-MM, or `unknown`."""
    return published[:7] if published and len(published) >= 7 else UNKNOWN


def _cell(value):
    """A claim value as Parquet stores it: true/false as 1/0, as in SQLite."""
    return int(value) if isinstance(value, bool) else value


class Writer:
    """Rows buffered a batch at a time and written as partitioned Parquet files, each run's
    files named apart so a later run adds to the dataset instead of overwriting it."""

    def __init__(self, root: str | Path):
        """Open the dataset at `root` (created if missing) and note what it already holds."""
        self.root = Path(root)
        self.run = uuid.uuid4().hex[:12]
        self.now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.batches = 0
        self.articles: list[dict] = []
        self.claims: list[dict] = []
        self.compacted: dict[str, list[pa.RecordBatch]] = {"articles": [], "claims": []}
        self.waiting = 0
        self.held = stored_versions(self.root)

    def holds(self, article: Article) -> bool:
        """Whether the dataset holds this very text of the article already, checked before
        anything is extracted; ValueError for an empty text."""
        return keys(article, outlet_of(article)).version_id in self.held

    def add(self, extracted: Extracted) -> tuple[str, int]:
        """Buffer one article and its claims: ("added", claims), or ("unchanged", 0) when the
        dataset holds this very text already (read twice in one run)."""
        article = extracted.article
        k = keys(article, outlet_of(article))
        if k.version_id in self.held:
            return "unchanged", 0
        self.held.add(k.version_id)
        outlet_id = k.outlet[0] if k.outlet else None
        where = {"outlet": outlet_id or UNKNOWN, "month": _month(article.published)}
        self.articles.append({
            "id": k.article_id, "version_id": k.version_id, "url": article.url,
            "external_id": article.external_id, "outlet_id": outlet_id,
            "outlet_name": article.outlet, "domain": article.domain, "title": article.title,
            "author": article.author, "published": article.published,
            "language": article.language, "text": k.text, "sha256": k.sha,
            "extractor_version": extracted.version, "ingested_at": self.now, **where,
        })
        rows = [claim_row(c) for c in extracted.claims or []]
        for row in rows:
            source = source_of(row["attributed_to"])
            self.claims.append({
                "id": claim_id(k.version_id, row["start"], row["end"]),
                "article_id": k.article_id, "version_id": k.version_id, "outlet_id": outlet_id,
                "source_id": source[0] if source else None, "published": article.published,
                "extractor_version": extracted.version,
                **{f: _cell(row[f]) for f in CLAIM_FIELDS}, **where,
            })
        if len(self.articles) >= COMPACT_ARTICLES:
            self.compact()
        if self.waiting >= BATCH_ARTICLES:
            self.flush()
        return "added", len(rows)

    def compact(self) -> None:
        """Turn the rows buffered as Python objects into Arrow record batches, a fraction of
        their size."""
        self.waiting += len(self.articles)
        for name, rows, schema in (("articles", self.articles, ARTICLE_SCHEMA),
                                   ("claims", self.claims, CLAIM_SCHEMA)):
            if rows:
                self.compacted[name].append(pa.RecordBatch.from_pylist(rows, schema=schema))
        self.articles, self.claims = [], []

    def flush(self) -> None:
        """Write what is buffered, one file per partition it falls in."""
        self.compact()
        for name, schema in (("articles", ARTICLE_SCHEMA), ("claims", CLAIM_SCHEMA)):
            if self.compacted[name]:
                write_partitions(pa.Table.from_batches(self.compacted[name], schema=schema),
                                 self.root / name, f"part-{self.run}-{self.batches:05d}.parquet")
        self.batches += 1
        self.compacted = {"articles": [], "claims": []}
        self.waiting = 0


def write_partitions(table: pa.Table, folder: Path, name: str) -> None:
    """Write the table as one file called `name` in each hive partition its rows fall in,
    one file at a time: a writer per partition, all open at once, would hold a buffer each."""
    table = table.sort_by([(column, "ascending") for column in PARTITIONS])
    keys = list(zip(*(table.column(column).to_pylist() for column in PARTITIONS), strict=True))
    start = 0
    for end in range(1, len(keys) + 1):
        if end < len(keys) and keys[end] == keys[start]:
            continue
        target = folder.joinpath(*(f"{c}={v}" for c, v in zip(PARTITIONS, keys[start],
                                                               strict=True)))
        target.mkdir(parents=True, exist_ok=True)
        part = table.slice(start, end - start).drop_columns(list(PARTITIONS))
        pq.write_table(part, target / name)
        start = end


def stored_versions(root: Path) -> IdSet:
    """The version ids of the articles the dataset at `root` holds already (one column read),
    held compactly: a run adds every id it writes to them (`claims.idset`)."""
    held = IdSet()
    for file in (root / "articles").glob("*/*/*.parquet"):
        for version_id in pq.read_table(file, columns=["version_id"]).column(0).to_pylist():
            held.add(version_id)
    return held


def _wanted_outlets(names: tuple[str, ...]) -> set[str]:
    """The outlet ids (partition values) that `--outlet` names stand for."""
    wanted = set()
    for name in names:
        found = outlets.resolve(name, name if "." in name else None)
        wanted |= {name.lower(), outlet_slug(name), *([found[0]] if found else [])}
    return wanted


def partitions(root: Path, since: str | None = None,
               outlet: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The (outlet, month) partitions of the dataset's articles that a slice can reach."""
    wanted = _wanted_outlets(outlet)
    found = []
    for folder in sorted((root / "articles").glob("outlet=*/month=*")):
        name, month = folder.parent.name.split("=", 1)[1], folder.name.split("=", 1)[1]
        if wanted and name not in wanted:
            continue
        if since and month != UNKNOWN and month < since[:7]:
            continue
        found.append((name, month))
    return found


def _table(folder: Path, schema: pa.Schema) -> list[dict]:
    """The rows of one partition's files, oldest run first, without the partition columns."""
    files = sorted(folder.glob("*.parquet"), key=lambda f: (f.stat().st_mtime, f.name))
    names = [n for n in schema.names if n not in PARTITIONS]
    return [row for f in files for row in pq.read_table(f, columns=names).to_pylist()]


def _article(row: dict) -> Article:
    """The article as it was read, rebuilt from its row: its stored text is its body."""
    return Article(body=row["text"], title=row["title"], url=row["url"],
                   external_id=row["external_id"], outlet=row["outlet_name"],
                   domain=row["domain"], author=row["author"], published=row["published"],
                   language=row["language"])


def read(root: str | Path, since: str | None = None, outlet: tuple[str, ...] = (),
         country: tuple[str, ...] = ()) -> Iterator[Extracted]:
    """Every article of the dataset (or of the slice: published on or after `since`, by one
    of `outlet`, with a claim in one of `country`) with its claims, a partition at a time."""
    root = Path(root)
    countries = {c.lower() for c in country}
    for name, month in partitions(root, since, outlet):
        where = Path(f"outlet={name}") / f"month={month}"
        claims = defaultdict(list)
        for row in _table(root / "claims" / where, CLAIM_SCHEMA):
            claims[row["version_id"]].append(row)
        for row in sorted(_table(root / "articles" / where, ARTICLE_SCHEMA),
                          key=lambda r: r["ingested_at"] or ""):
            if since and (row["published"] or "") < since:
                continue
            found = claims.get(row["version_id"], [])
            if countries and not any((c["country"] or "").lower() in countries for c in found):
                continue
            rows = [{f: c[f] for f in CLAIM_FIELDS} for c in found]
            yield Extracted(_article(row), rows, row["extractor_version"])
