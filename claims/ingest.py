"""Read articles from files, folders, URLs, feeds and datasets, and store them with their claims.

Every input is turned into `Article` records by a reader chosen from `--format` or guessed
from the name, content type or first bytes. A bad input or a bad row becomes a one-line
`Failure` naming it, and the batch goes on: a long import never dies on its 500th file.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import email.utils
import functools
import html
import io
import json
import re
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from claims import __version__
from claims.db import (
    Article,
    Extractor,
    add_article,
    batched_commits,
    extract_article,
    is_grouped,
    older_versions,
    published_date,
    replace_claims,
    store_extracted,
    versions_extracted_by,
)
from claims.ids import domain_of

USER_AGENT = f"claims/{__version__} (news figure tracker; python-httpx)"
TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0

# A page whose main text is shorter than this is a section front, menu or error page.
MIN_ARTICLE_WORDS = 20

FORMATS = ("auto", "text", "html", "feed", "csv", "jsonl")
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".csv": "csv", ".tsv": "csv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
}
CONTENT_TYPES: tuple[tuple[str, str], ...] = (
    ("rss", "feed"), ("atom", "feed"), ("rdf", "feed"), ("html", "html"), ("csv", "csv"),
    ("json", "jsonl"), ("text/plain", "text"), ("markdown", "text"),
)
# Column names tried, in order, when a dataset column option is not given.
COLUMN_GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article_content", "article", "story", "full_text"),
    "title": ("title", "headline", "article_title"),
    "outlet": ("outlet", "source", "site", "publisher", "sitename"),
    "date": ("published", "date", "pubdate", "published_at", "datetime", "publish_date"),
    "url": ("url", "link", "href"),
    "id": ("id",),
}
FRONT_MATTER_KEYS = {
    "title": "title", "outlet": "outlet", "url": "url", "published": "published",
    "date": "published", "author": "author", "id": "external_id", "language": "language",
}


class IngestError(Exception):
    """A user-facing problem with one input: reported in one line, the batch goes on."""


@dataclass
class Failure:
    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass
class Options:
    """How to read inputs; the `claims ingest` options, usable from Python."""

    outlet: str | None = None
    format: str = "auto"
    text_column: str | None = None
    title_column: str | None = None
    outlet_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None
    id_column: str | None = None
    encoding: str | None = None


@dataclass
class Summary:
    added: int = 0
    unchanged: int = 0
    new_versions: int = 0
    claims: int = 0
    characters: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    extract_seconds: float = 0.0

    def count(self, status: str, claims: int, characters: int) -> None:
        """Tally one stored article by what storing it did."""
        self.characters += characters
        self.claims += claims
        if status == "added":
            self.added += 1
        elif status == "new_version":
            self.new_versions += 1
        else:
            self.unchanged += 1

    def __str__(self) -> str:
        return (
            f"{self.added} articles added, {self.unchanged} unchanged, "
            f"{self.new_versions} new versions, {self.claims} claims, "
            f"{len(self.failures)} failures"
        )


# Dates


_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def _iso(value: dt.datetime) -> str:
    if value.time() == dt.time(0) and value.utcoffset() in (None, dt.timedelta(0)):
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


@functools.lru_cache(maxsize=65536)
def parse_date(value: str | None) -> str | None:
    """ISO date (or date and time) from the many ways feeds and datasets write them.

    Slashed dates are month first ("4/5/17" is 5 April 2017) unless the first number cannot
    be a month. Returns None for anything that is not a date.
    """
    text = (value or "").strip()
    if not text:
        return None
    if match := _SLASHED.match(text):
        month, day, year = (int(g) for g in match.groups())
        if month > 12 >= day:
            month, day = day, month
        if year < 100:
            year += 2000 if year < 70 else 1900
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    try:
        return _iso(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    try:
        return _iso(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    if not any(c.isdigit() for c in text):
        return None
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return _iso(parsed) if parsed else None


# Bytes to text


def decode(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes: the given encoding, else UTF-8, else the best charset-normalizer guess."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise IngestError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise IngestError(
                f"cannot decode as {encoding} (byte {error.start}); try another --encoding"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError("not text, or an encoding that cannot be detected; use --encoding")
    return str(best)


_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_PARAS = re.compile(r"\s*\n\s*(?:\n\s*)*")


def html_fragment_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML, one paragraph per block element."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", fragment)))
    return _PARAS.sub("\n\n", _BLANKS.sub(" ", text)).strip()


# Readers: each yields (label, Article) or Failure for one input


Item = tuple[str, Article] | Failure


def _guess_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    is_xml = head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))
    if is_xml and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_text(text: str, label: str, options: Options, markdown: bool) -> Iterator[Item]:
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        if end is not None:
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                key = FRONT_MATTER_KEYS.get(key.strip().lower())
                if sep and key:
                    meta[key] = value.strip().strip("\"'")
            text = "".join(lines[end + 1:])
    body = text.strip()
    if markdown and "title" not in meta and body.startswith("# "):
        meta["title"] = body.splitlines()[0][2:].strip()
    if not body:
        raise IngestError("empty text")
    yield label, Article(
        body=body, title=meta.get("title"), url=meta.get("url"),
        external_id=meta.get("external_id"), outlet=options.outlet or meta.get("outlet"),
        author=meta.get("author"), published=parse_date(meta.get("published")),
        language=meta.get("language"),
    )


def _article_from_html(data: bytes | str, url: str | None, options: Options) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or len((document.text or "").split()) < MIN_ARTICLE_WORDS:
        raise IngestError("no article text found (not an article page?)")
    url = url or document.url
    return Article(
        body=document.text, title=document.title, url=url, author=document.author,
        outlet=options.outlet or document.sitename, domain=domain_of(url),
        published=parse_date(document.date), language=document.language,
    )


def _read_html(data: bytes, label: str, options: Options, url: str | None) -> Iterator[Item]:
    content = decode(data, options.encoding) if options.encoding else data
    yield label, _article_from_html(content, url, options)


def _entry_time(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(key):
            return _iso(dt.datetime(*parsed[:6], tzinfo=dt.UTC))
    return parse_date(entry.get("published") or entry.get("updated"))


def _read_feed(data: bytes, label: str, options: Options, fetch: Fetcher) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.version and not feed.entries:
        problem = getattr(feed, "bozo_exception", None)
        raise IngestError(f"not a valid RSS or Atom feed{f' ({problem})' if problem else ''}")
    site = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        link = entry.get("link") if _is_url(entry.get("link") or "") else None
        where = f"{label} entry {number}" + (f" ({link})" if link else "")
        content = entry.get("content") or []
        body = html_fragment_text(content[0].get("value", "")) if content else ""
        article = None
        if not body and link:
            try:
                article = _article_from_html(fetch(link), link, options)
            except IngestError:
                article = None
        if article is None:
            body = body or html_fragment_text(entry.get("summary", ""))
            if not body:
                yield Failure(where, "entry has no text")
                continue
            article = Article(body=body, url=link, domain=domain_of(link))
        article.title = entry.get("title") or article.title
        article.author = entry.get("author") or article.author
        article.published = _entry_time(entry) or article.published
        article.outlet = options.outlet or site or article.outlet
        article.external_id = None if link else entry.get("id")
        yield where, article


def _columns(header: list[str], options: Options) -> dict[str, str | None]:
    given = {
        "text": options.text_column, "title": options.title_column,
        "outlet": options.outlet_column, "date": options.date_column,
        "url": options.url_column, "id": options.id_column,
    }
    found: dict[str, str | None] = {}
    names = ", ".join(header)
    for role, name in given.items():
        if name is not None:
            if name not in header:
                raise IngestError(f"no column {name!r} (columns: {names})")
            found[role] = name
        else:
            found[role] = next((c for c in COLUMN_GUESSES[role] if c in header), None)
    if found["text"] is None:
        raise IngestError(f"no text column; name it with --text-column (columns: {names})")
    return found


class _Records:
    """Turns dataset records into articles with the column mapping; repeated ids get a suffix."""

    def __init__(self, columns: dict[str, str | None], options: Options):
        self.columns = columns
        self.options = options
        self.seen: Counter = Counter()

    def _get(self, record: dict, role: str) -> str | None:
        column = self.columns[role]
        value = record.get(column) if column else None
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    def article(self, record: dict) -> Article:
        body = self._get(record, "text")
        if not body:
            raise IngestError("empty text")
        outlet = self.options.outlet or self._get(record, "outlet")
        external_id = self._get(record, "id")
        if external_id:
            self.seen[outlet, external_id] += 1
            if (n := self.seen[outlet, external_id]) > 1:
                external_id = f"{external_id}#{n}"
        url = self._get(record, "url")
        return Article(
            body=body, title=self._get(record, "title"), url=url, external_id=external_id,
            outlet=outlet, domain=domain_of(url), published=parse_date(self._get(record, "date")),
        )


def _read_csv(text: str, label: str, options: Options, delimiter: str) -> Iterator[Item]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise IngestError("empty file") from None
    except csv.Error as error:
        raise IngestError(f"malformed CSV: {error}") from None
    records = _Records(_columns(header, options), options)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise IngestError(f"line {reader.line_num}: malformed CSV: {error}") from None
        where = f"{label} line {reader.line_num}"
        if not row:
            continue
        if len(row) != len(header):
            yield Failure(where, f"expected {len(header)} fields, got {len(row)}")
            continue
        try:
            yield where, records.article(dict(zip(header, row, strict=True)))
        except IngestError as error:
            yield Failure(where, str(error))


def _read_jsonl(text: str, label: str, options: Options) -> Iterator[Item]:
    if text.lstrip().startswith("["):
        try:
            lines = [(n, json.dumps(r)) for n, r in enumerate(json.loads(text), 1)]
        except json.JSONDecodeError as error:
            raise IngestError(f"invalid JSON: {error}") from None
        kind = "record"
    else:
        lines = list(enumerate(text.splitlines(), 1))
        kind = "line"
    records = None
    for number, line in lines:
        where = f"{label} {kind} {number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(where, f"invalid JSON: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield Failure(where, "not a JSON object")
            continue
        if records is None:
            records = _Records(_columns(list(record), options), options)
        try:
            yield where, records.article(record)
        except IngestError as error:
            yield Failure(where, str(error))


Fetcher = Callable[[str], bytes]


def _read_bytes(data: bytes, label: str, options: Options, kind: str, fetch: Fetcher,
                url: str | None = None, suffix: str = "") -> Iterator[Item]:
    if options.format != "auto":
        kind = options.format
    if kind == "html":
        yield from _read_html(data, label, options, url)
    elif kind == "feed":
        yield from _read_feed(data, label, options, fetch)
    elif kind == "csv":
        yield from _read_csv(decode(data, options.encoding), label, options,
                             "\t" if suffix == ".tsv" else ",")
    elif kind == "jsonl":
        yield from _read_jsonl(decode(data, options.encoding), label, options)
    else:
        items = _read_text(decode(data, options.encoding), label, options,
                           markdown=suffix in (".md", ".markdown"))
        for where, article in items:
            article.url = article.url or url
            article.domain = domain_of(article.url)
            yield where, article


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


class _Web:
    """One HTTP client for the run, opened only if a URL is met."""

    def __init__(self):
        self.client = None

    def get(self, url: str):
        import httpx

        if self.client is None:
            self.client = httpx.Client(
                headers={"User-Agent": USER_AGENT}, follow_redirects=True,
                timeout=httpx.Timeout(TIMEOUT, connect=CONNECT_TIMEOUT),
            )
        try:
            response = self.client.get(url)
        except httpx.TimeoutException:
            raise IngestError("timed out") from None
        except httpx.HTTPError as error:
            raise IngestError(f"fetch failed: {error or type(error).__name__}") from None
        if response.status_code >= 400:
            raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
        return response

    def content(self, url: str) -> bytes:
        return self.get(url).content

    def close(self):
        if self.client is not None:
            self.client.close()


def _read_url(url: str, options: Options, web: _Web) -> Iterator[Item]:
    response = web.get(url)
    content_type = response.headers.get("content-type", "").lower()
    kind = next((k for key, k in CONTENT_TYPES if key in content_type), None)
    if kind is None or (kind == "html" and "xml" in content_type):
        kind = _guess_format(response.content)
    yield from _read_bytes(response.content, url, options, kind, web.content,
                           url=str(response.url))


def _read_file(path: Path, options: Options, web: _Web) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(error.strerror or str(error)) from None
    suffix = path.suffix.lower()
    kind = EXTENSIONS.get(suffix) or _guess_format(data)
    if kind == "feed" and suffix == ".xml" and _guess_format(data) != "feed":
        kind = _guess_format(data)
    yield from _read_bytes(data, str(path), options, kind, web.content, suffix=suffix)


def _inputs(specs: Iterable[str]) -> Iterator[str | Path]:
    """Expand folders into the files inside them that a reader knows."""
    for spec in specs:
        path = Path(spec)
        if spec != "-" and not _is_url(spec) and path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(p.startswith(".") for p in found.relative_to(path).parts)
                if found.is_file() and not hidden and found.suffix.lower() in EXTENSIONS:
                    yield found
        else:
            yield spec


def read(specs: Iterable[str], options: Options | None = None) -> Iterator[Item]:
    """Every article (or failure) in the inputs: paths, folders, URLs, or "-" for stdin."""
    options = options or Options()
    web = _Web()
    try:
        for spec in _inputs(specs):
            label = "<stdin>" if spec == "-" else str(spec)
            try:
                if spec == "-":
                    data = sys.stdin.buffer.read()
                    yield from _read_bytes(data, label, options, _guess_format(data), web.content)
                elif isinstance(spec, str) and _is_url(spec):
                    yield from _read_url(spec, options, web)
                elif isinstance(spec, Path) or Path(spec).is_file():
                    yield from _read_file(Path(spec), options, web)
                elif Path(spec).exists():
                    raise IngestError("not a regular file")
                else:
                    raise IngestError("no such file, folder or URL")
            except IngestError as error:
                yield Failure(label, str(error))
    finally:
        web.close()


def default_extractor() -> Extractor:
    """`claims.extract` and its version, imported on first use: commands that only read, and
    re-runs that find nothing new, never compile the extraction patterns."""
    from claims.extraction import EXTRACTOR_VERSION, extract

    return Extractor(extract, EXTRACTOR_VERSION)


def store(db: sqlite_utils.Database, article: Article,
          extractor: Extractor | None = None) -> tuple[str, int]:
    """Extract and store one article (see `claims.db.add_article`) with the default extractor."""
    return add_article(db, article, extractor or default_extractor())


def _shifted(claim, offset: int):
    """A claim read from a piece of a text, with its offsets moved to the whole text."""
    return claim.model_copy(update={
        "start": claim.start + offset, "end": claim.end + offset,
        "sentence_start": claim.sentence_start + offset,
    })


def extract_what_can_be_read(extractor: Extractor, text: str, published,
                             problems: list[str]) -> list:
    """The extractor's claims; if it fails on the whole text, the claims of every line it
    can read, so one bad character costs its own line, not the article. Each line it fails
    on is described in `problems`."""
    with contextlib.suppress(Exception):  # any extractor bug must cost one line at most
        return extractor.run(text, published)
    claims, offset = [], 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if line.strip():
            try:
                claims += [_shifted(c, offset) for c in extractor.run(line, published)]
            except Exception as error:  # noqa: BLE001
                problems.append(f"line {number}: {type(error).__name__}: {error}")
        offset += len(line)
    return claims


def ingest(db: sqlite_utils.Database, specs: Iterable[str], options: Options | None = None,
           extractor: Extractor | None = None, progress: bool = False) -> Summary:
    """Read the inputs and store every article with its claims; never stops on a bad input.

    Each article is extracted with no lock held, then stored in a batch transaction that
    waits for any other writer, so two ingests into one database both finish whole."""
    from tqdm import tqdm

    extractor = extractor or default_extractor()
    summary = Summary()
    started = time.perf_counter()
    problems: list[str] = []

    def timed(text, published):
        """The extractor, timed, reading what it can of a text it partly fails on."""
        begun = time.perf_counter()
        try:
            return extract_what_can_be_read(extractor, text, published, problems)
        finally:
            summary.extract_seconds += time.perf_counter() - begun

    resilient = Extractor(timed, extractor.version)
    with batched_commits(db) as store_in_batch:
        for item in tqdm(read(specs, options), unit=" articles", disable=not progress,
                         file=sys.stderr):
            if isinstance(item, Failure):
                summary.failures.append(item)
                continue
            where, article = item
            problems.clear()
            try:
                extracted = extract_article(db, article, resilient)
                status, written = store_in_batch(lambda e=extracted: store_extracted(db, e))
            except ValueError as error:
                summary.failures.append(Failure(where, str(error)))
                continue
            except sqlite3.Error as error:
                summary.failures.append(Failure(where, f"not stored: {error}"))
                continue
            if problems:
                summary.warnings.append(Failure(
                    where, f"stored, but extraction failed on {len(problems)} line(s), "
                           f"whose claims are missing: {problems[0]}"))
            summary.count(status, written, len(article.body) + len(article.title or ""))
    regroup_if_stale(db)
    summary.seconds = time.perf_counter() - started
    return summary


def regroup_if_stale(db: sqlite_utils.Database) -> bool:
    """Rebuild the figures when the claims changed since they were built, whoever changed
    them: this run, another process, or a run killed before it finished grouping."""
    if is_grouped(db):
        return False
    from claims.compare import group_figures

    group_figures(db)
    return True


def reextract(db: sqlite_utils.Database, extractor: Extractor | None = None,
              progress: Callable[[Iterable], Iterable] | None = None) -> dict[str, int]:
    """Re-run extraction over stored versions extracted by an older extractor.

    Claims from older extractor versions are replaced; claims written by this or a newer
    extractor are left alone. Each version is replaced in its own transaction; a version the
    extractor fails on keeps its old claims and is counted in "failures".
    """
    extractor = extractor or default_extractor()
    older = older_versions(db, extractor.version)
    counts = {"versions": 0, "claims_removed": 0, "claims_added": 0, "failures": 0}
    for row in (progress or iter)(versions_extracted_by(db, older)):
        try:
            claims = extractor.run(row[2], published_date(row[3]))
        except Exception:  # noqa: BLE001 - one bad article must not stop the batch
            counts["failures"] += 1
            continue
        removed, added = replace_claims(db, row, claims, extractor.version, older)
        counts["versions"] += 1
        counts["claims_removed"] += removed
        counts["claims_added"] += added
    regroup_if_stale(db)
    return counts
