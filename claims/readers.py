"""Read articles from files, folders, URLs, feeds and datasets.

Every input is turned into `Article` records by a reader chosen from `--format` or guessed
from the name, content type or first bytes. A bad input or a bad row becomes a one-line
`Failure` naming it, and the batch goes on: a long import never dies on its 500th file.
Datasets (CSV, JSON lines) are read a row at a time, so a file of any size is read in
bounded memory; what is not text (a database, an archive, NUL bytes) is refused by name.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import email.utils
import functools
import html
import io
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from claims import outlets, sniff
from claims.db import Article
from claims.fetch import FetchError, Web
from claims.ids import domain_of
from claims.limits import FETCH_TIMEOUT, MAX_ARTICLE_CHARS, MAX_DOWNLOAD_BYTES, MAX_FILE_BYTES

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
STREAMED = frozenset({"csv", "jsonl"})
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
    """One input or row that could not be read or stored, and why."""

    input: str
    reason: str

    def __str__(self) -> str:
        """The one line the user sees: what, then why."""
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
    fetch_timeout: float = FETCH_TIMEOUT
    max_bytes: int = MAX_DOWNLOAD_BYTES
    max_article_chars: int = MAX_ARTICLE_CHARS


Item = tuple[str, Article] | Failure
Fetcher = Callable[[str], bytes]


# Dates


_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def _iso(value: dt.datetime) -> str:
    """A date alone when the time is midnight UTC (a date given without a time)."""
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


def _refuse_non_text(head: bytes) -> None:
    """IngestError naming what the bytes are when they are not text; a database given where
    articles go was most likely meant for --db, so the message says so."""
    reason = sniff.not_text(head)
    if reason and "SQLite" in reason:
        raise IngestError(f"{reason}, not an article (did you mean --db?)")
    if reason:
        raise IngestError(f"not text: {reason}")


def _guessed_encoding(data: bytes) -> str:
    """charset-normalizer's best guess at the encoding of bytes that are not UTF-8."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError("not text, or an encoding that cannot be detected; use --encoding")
    return best.encoding


def decode(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes: the given encoding, else the encoding the bytes announce (UTF-16),
    else UTF-8, else the best charset-normalizer guess. Binary data is refused."""
    if not encoding:
        _refuse_non_text(data[: sniff.HEAD])
    encoding = encoding or sniff.encoding_of(data[: sniff.HEAD])
    if encoding:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except LookupError:
            raise IngestError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise IngestError(
                f"cannot decode as {encoding} (byte {error.start}); try another --encoding"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode(_guessed_encoding(data))


def _stream_encoding(head: bytes, encoding: str | None) -> str:
    """The encoding to stream a dataset with, chosen from its first bytes."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise IngestError(f"unknown encoding {encoding!r}") from None
        return encoding
    _refuse_non_text(head)
    announced = sniff.encoding_of(head)
    if announced:
        return announced
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:  # a character cut at the sample's end
            return "utf-8-sig"
    return _guessed_encoding(head)


_BLOCK_END = re.compile(
    r"<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_PARAS = re.compile(r"\s*\n\s*(?:\n\s*)*")


def html_fragment_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML, one paragraph per block element."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", fragment)))
    return _PARAS.sub("\n\n", _BLANKS.sub(" ", text)).strip()


# Readers: each yields (label, Article) or Failure for one input


def _guess_format(data: bytes) -> str:
    """A format from the first bytes, for inputs whose name and type say nothing."""
    head = data[:2048].lstrip().lower()
    is_xml = head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))
    if is_xml and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    if head.startswith((b"{", b"[")):
        return "jsonl"
    return "text"


def _read_text(text: str, label: str, options: Options, markdown: bool) -> Iterator[Item]:
    """One article from a text file: optional front matter, a Markdown title."""
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


def _canonical(declared: str | None, fetched: str | None) -> str | None:
    """The page's own address (`<link rel=canonical>` or og:url, as trafilatura reads them)
    when it is a web address on the same site as the one it was fetched from: then the same
    article read from a file and from its URL, or from two tracking URLs, is one article."""
    if not declared or not _is_url(declared):
        return fetched
    if fetched and outlets.registered_domain(domain_of(declared) or "") != \
            outlets.registered_domain(domain_of(fetched) or ""):
        return fetched
    return declared


def _article_from_html(data: bytes | str, url: str | None, options: Options) -> Article:
    """The main text and metadata of a page; refused when it is too short to be an article."""
    import trafilatura

    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or len((document.text or "").split()) < MIN_ARTICLE_WORDS:
        raise IngestError("no article text found (not an article page?)")
    url = _canonical(document.url, url)
    return Article(
        body=document.text, title=document.title, url=url, author=document.author,
        outlet=options.outlet or document.sitename, domain=domain_of(url),
        published=parse_date(document.date), language=document.language,
    )


def _read_html(data: bytes, label: str, options: Options, url: str | None) -> Iterator[Item]:
    """One article from an HTML page."""
    if not options.encoding:
        _refuse_non_text(data[: sniff.HEAD])
    content = decode(data, options.encoding) if options.encoding else data
    yield label, _article_from_html(content, url, options)


def _entry_time(entry) -> str | None:
    """When a feed entry was published, in ISO form."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(key):
            return _iso(dt.datetime(*parsed[:6], tzinfo=dt.UTC))
    return parse_date(entry.get("published") or entry.get("updated"))


def _feed_entry(entry, site: str | None, options: Options, fetch: Fetcher) -> Article | None:
    """The article a feed entry stands for: its own content when it has some, else the linked
    page, with the page's own headline and site name (a link-only item's title is often a
    teaser, and the feed's title a section name); None when there is no text at all."""
    link = entry.get("link") if _is_url(entry.get("link") or "") else None
    content = entry.get("content") or []
    body = html_fragment_text(content[0].get("value", "")) if content else ""
    if not body and link:
        try:
            page = _article_from_html(fetch(link), link, options)
        except (IngestError, FetchError):
            page = None
        if page is not None:
            page.title = page.title or entry.get("title")
            page.author = page.author or entry.get("author")
            page.published = _entry_time(entry) or page.published
            page.outlet = options.outlet or page.outlet or site
            return page
    body = body or html_fragment_text(entry.get("summary", ""))
    if not body:
        return None
    return Article(
        body=body, url=link, domain=domain_of(link), title=entry.get("title"),
        author=entry.get("author"), published=_entry_time(entry),
        outlet=options.outlet or site, external_id=None if link else entry.get("id"),
    )


def _read_feed(data: bytes, label: str, options: Options, fetch: Fetcher) -> Iterator[Item]:
    """One article per entry of an RSS or Atom feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.version and not feed.entries:
        problem = getattr(feed, "bozo_exception", None)
        raise IngestError(f"not a valid RSS or Atom feed{f' ({problem})' if problem else ''}")
    site = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        link = entry.get("link") if _is_url(entry.get("link") or "") else None
        where = f"{label} entry {number}" + (f" ({link})" if link else "")
        article = _feed_entry(entry, site, options, fetch)
        if article is None:
            yield Failure(where, "entry has no text")
        else:
            yield where, article


def _columns(header: list[str], options: Options) -> dict[str, str | None]:
    """Which column holds each field: the one named by an option, else the first guess found."""
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


def _id_counts() -> sqlite3.Connection:
    """Where a dataset's ids are counted: a temporary database, which SQLite keeps in its page
    cache and spills to a file it deletes on closing, so a file of millions of records does
    not hold every id in memory (at 80,400 records a Counter held 16 MB). Its one transaction
    is never committed: nothing in it outlives the reading."""
    counts = sqlite3.connect("")
    counts.execute("PRAGMA journal_mode = OFF")
    counts.execute("CREATE TABLE seen (outlet TEXT NOT NULL, id TEXT NOT NULL, n INTEGER NOT NULL, "
                   "PRIMARY KEY (outlet, id)) WITHOUT ROWID")
    return counts


class _Records:
    """Turns dataset records into articles with the column mapping; repeated ids get a suffix."""

    def __init__(self, columns: dict[str, str | None], options: Options):
        """Remember the column mapping; ids are counted per outlet as records come."""
        self.columns = columns
        self.options = options
        self.seen = _id_counts()

    def _times_seen(self, outlet: str | None, external_id: str) -> int:
        """How many records read so far had this outlet and id, this one included."""
        return self.seen.execute(
            "INSERT INTO seen VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1 RETURNING n",
            [outlet or "", external_id]).fetchone()[0]

    def _get(self, record: dict, role: str) -> str | None:
        """The record's value for a field, as text; a nested JSON value is refused, not
        stored as its Python spelling."""
        column = self.columns[role]
        value = record.get(column) if column else None
        if value is None:
            return None
        if isinstance(value, dict | list):
            kind = "an object" if isinstance(value, dict) else "a list"
            raise IngestError(f"column {column!r} holds {kind}, not text")
        value = str(value).strip()
        return value or None

    def article(self, record: dict) -> Article:
        """The article a record describes; IngestError when it has no text."""
        body = self._get(record, "text")
        if not body:
            raise IngestError("empty text")
        outlet = self.options.outlet or self._get(record, "outlet")
        external_id = self._get(record, "id")
        if external_id and (n := self._times_seen(outlet, external_id)) > 1:
            external_id = f"{external_id}#{n}"
        url = self._get(record, "url")
        return Article(
            body=body, title=self._get(record, "title"), url=url, external_id=external_id,
            outlet=outlet, domain=domain_of(url), published=parse_date(self._get(record, "date")),
        )


def _read_csv(stream: IO[str], label: str, options: Options, delimiter: str) -> Iterator[Item]:
    """One article per row, read a row at a time."""
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise IngestError("empty file") from None
    except csv.Error as error:
        raise IngestError(f"malformed CSV: {error}") from None
    records = _Records(_columns(header, options), options)
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise IngestError(f"line {reader.line_num}: malformed CSV: {error}") from None
        where = f"{label} line {reader.line_num}"
        if not row:
            continue
        rows += 1
        if len(row) != len(header):
            yield Failure(where, f"expected {len(header)} fields, got {len(row)}")
            continue
        try:
            yield where, records.article(dict(zip(header, row, strict=True)))
        except IngestError as error:
            yield Failure(where, str(error))
    if not rows:
        raise IngestError("no rows after the header")


def _json_array(stream: IO[str], label: str) -> Iterator[tuple[str, object]] | None:
    """The records of a file that is one JSON array, or None when it is JSON lines (a first
    line that is an array is then that line's problem, and the other lines are still read)."""
    text = stream.read()
    try:
        records = json.loads(text)
    except json.JSONDecodeError:
        stream.seek(0)
        return None
    if not isinstance(records, list):
        return iter([(f"{label} record 1", records)])
    return ((f"{label} record {n}", r) for n, r in enumerate(records, 1))


def _json_lines(stream: IO[str], label: str) -> Iterator[tuple[str, object]]:
    """(where, parsed value or the JSONDecodeError) for each non-blank line."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield f"{label} line {number}", json.loads(line)
        except json.JSONDecodeError as error:
            yield f"{label} line {number}", error


def _read_jsonl(stream: IO[str], label: str, options: Options) -> Iterator[Item]:
    """One article per JSON object: JSON lines read a line at a time, or one JSON array."""
    first = stream.read(1)
    while first and first.isspace():
        first = stream.read(1)
    stream.seek(0)
    values = (_json_array(stream, label) if first == "[" else None) or _json_lines(stream, label)
    records, seen = None, 0
    for where, record in values:
        seen += 1
        if isinstance(record, json.JSONDecodeError):
            yield Failure(where, f"invalid JSON: {record.msg}")
            continue
        if not isinstance(record, dict):
            yield Failure(where, f"a JSON {type(record).__name__}, not an object")
            continue
        if records is None:  # the first object's keys decide the columns, for the whole file
            records = _Records(_columns(list(record), options), options)
        try:
            yield where, records.article(record)
        except IngestError as error:
            yield Failure(where, str(error))
    if not seen:
        raise IngestError("no records")


def _read_whole(data: bytes, label: str, options: Options, kind: str, fetch: Fetcher,
                url: str | None = None, suffix: str = "") -> Iterator[Item]:
    """The articles in a body read whole: a page, a feed or a text."""
    if kind == "html":
        yield from _read_html(data, label, options, url)
    elif kind == "feed":
        yield from _read_feed(data, label, options, fetch)
    elif kind in STREAMED:
        yield from _read_stream(io.BytesIO(data), label, options, kind, suffix)
    else:
        items = _read_text(decode(data, options.encoding), label, options,
                           markdown=suffix in (".md", ".markdown"))
        for where, article in items:
            article.url = article.url or url
            article.domain = domain_of(article.url)
            yield where, article


def _read_stream(binary: IO[bytes], label: str, options: Options, kind: str,
                 suffix: str = "") -> Iterator[Item]:
    """The articles of a dataset, decoded as it is read."""
    head = binary.read(sniff.HEAD)
    binary.seek(0)
    encoding = _stream_encoding(head, options.encoding)
    stream = io.TextIOWrapper(binary, encoding=encoding, newline="")
    try:
        if kind == "csv":
            yield from _read_csv(stream, label, options, "\t" if suffix == ".tsv" else ",")
        else:
            yield from _read_jsonl(stream, label, options)
    except UnicodeDecodeError as error:
        raise IngestError(f"cannot decode as {encoding} past this point ({error.reason}); "
                          "try --encoding") from None


def _is_url(value: str) -> bool:
    """Whether an input is a web address rather than a path."""
    return value.startswith(("http://", "https://"))


def _read_url(url: str, options: Options, web: Web) -> Iterator[Item]:
    """The articles at a URL: a page, a feed or a dataset, by content type or content."""
    try:
        page = web.get(url)
    except FetchError as error:
        raise IngestError(str(error)) from None
    _refuse_non_text(page.content[: sniff.HEAD])
    kind = next((k for key, k in CONTENT_TYPES if key in page.content_type), None)
    if kind is None or (kind == "html" and "xml" in page.content_type):
        kind = _guess_format(page.content)
    if options.format != "auto":
        kind = options.format
    yield from _read_whole(page.content, url, options, kind, web.content, url=page.url)


def _kind_of_file(path: Path, head: bytes, options: Options) -> str:
    """A file's format: the option, else its extension, else its first bytes; a .xml that
    is no feed is read as a page when it is one, else refused."""
    if options.format != "auto":
        return options.format
    suffix = path.suffix.lower()
    kind = EXTENSIONS.get(suffix) or _guess_format(head)
    if kind == "feed" and suffix == ".xml" and _guess_format(head) != "feed":
        if _guess_format(head) != "html":
            raise IngestError("not an RSS or Atom feed (a .xml file is read as a feed)")
        kind = "html"
    return kind


def _read_file(path: Path, options: Options, web: Web) -> Iterator[Item]:
    """The articles in one file: datasets streamed, other files read whole."""
    try:
        with path.open("rb") as binary:
            head = binary.read(sniff.HEAD)
            binary.seek(0)
            kind = _kind_of_file(path, head, options)
            if kind in STREAMED:
                yield from _read_stream(binary, str(path), options, kind, path.suffix.lower())
                return
            data = binary.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise IngestError(error.strerror or str(error)) from None
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"over {MAX_FILE_BYTES // 1_000_000} MB: too big for one article "
                          "or feed (split it, or give a CSV or JSON lines file)")
    yield from _read_whole(data, str(path), options, kind, web.content,
                           suffix=path.suffix.lower())


def _read_stdin(options: Options, web: Web) -> Iterator[Item]:
    """The articles on standard input; a closed input is reported, not a traceback."""
    if sys.stdin is None or sys.stdin.closed:
        raise IngestError("standard input is closed")
    try:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        raise IngestError(f"cannot read standard input: {error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"over {MAX_FILE_BYTES // 1_000_000} MB on standard input: give a "
                          "file instead")
    kind = options.format if options.format != "auto" else _guess_format(data)
    yield from _read_whole(data, "<stdin>", options, kind, web.content)


def _folder(path: Path) -> Iterator[Path | Failure]:
    """The readable files in a folder and its sub-folders, in name order; a sub-folder that
    cannot be read is named, and so is a folder with nothing to read."""
    problems: list[OSError] = []
    found = []
    for root, dirs, files in os.walk(path, onerror=problems.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files
                  if not f.startswith(".") and Path(f).suffix.lower() in EXTENSIONS]
    for problem in problems:
        yield Failure(problem.filename or str(path),
                      f"folder not read: {problem.strerror or problem}")
    if not found and not problems:
        known = ", ".join(sorted(EXTENSIONS))
        yield Failure(str(path), f"folder has no files to read ({known})")
    yield from sorted(found)


def _inputs(specs: Iterable[str]) -> Iterator[str | Path | Failure]:
    """Expand folders into the files inside them that a reader knows."""
    for spec in specs:
        path = Path(spec)
        if spec != "-" and not _is_url(spec) and path.is_dir():
            yield from _folder(path)
        else:
            yield spec


def _read_one(spec: str | Path, options: Options, web: Web) -> Iterator[Item]:
    """The articles of one input, whatever it is."""
    if spec == "-":
        yield from _read_stdin(options, web)
    elif isinstance(spec, str) and _is_url(spec):
        yield from _read_url(spec, options, web)
    elif isinstance(spec, Path) or Path(spec).is_file():
        yield from _read_file(Path(spec), options, web)
    elif Path(spec).exists():
        raise IngestError("not a regular file")
    else:
        raise IngestError("no such file, folder or URL")


def _checked(item: Item, options: Options) -> Item:
    """An article longer than an article can be becomes a failure naming its size."""
    if isinstance(item, Failure):
        return item
    where, article = item
    size = len(article.body) + len(article.title or "")
    if size > options.max_article_chars:
        return Failure(where, f"{size:,} characters is too long for one article (at most "
                              f"{options.max_article_chars:,}; --max-article-chars)")
    return item


def read(specs: Iterable[str], options: Options | None = None) -> Iterator[Item]:
    """Every article (or failure) in the inputs: paths, folders, URLs, or "-" for stdin."""
    options = options or Options()
    web = Web(options.fetch_timeout, options.max_bytes)
    try:
        for spec in _inputs(specs):
            if isinstance(spec, Failure):
                yield spec
                continue
            label = "<stdin>" if spec == "-" else str(spec)
            try:
                for item in _read_one(spec, options, web):
                    yield _checked(item, options)
            except IngestError as error:
                yield Failure(label, str(error))
    finally:
        web.close()


# Totals for the progress bar: how many items `read` will yield, when that is cheap to know

#: A dataset up to this size is counted exactly (parsed); a bigger one by its newlines.
EXACT_COUNT_BYTES = 20_000_000
#: The pre-pass reads datasets in blocks of this size, so a file of any size costs no memory.
BLOCK = 1 << 20


@dataclass(frozen=True)
class Total:
    """How many items (articles and failures) `read` will yield: exactly, or about."""

    items: int
    exact: bool


def _newlines(binary: IO[bytes]) -> int:
    """The lines of a file, counted a block at a time (a last line without a newline too)."""
    binary.seek(0)
    count, last = 0, b"\n"
    while block := binary.read(BLOCK):
        count += block.count(b"\n")
        last = block[-1:]
    return count + (last != b"\n")


def _records(binary: IO[bytes], head: bytes, options: Options, kind: str,
             delimiter: str) -> int:
    """The items a dataset yields, parsed as `read` parses it: CSV records after the
    header, non-blank JSON lines; at least one, as an empty file is one failure line."""
    binary.seek(0)
    stream = io.TextIOWrapper(binary, encoding=_stream_encoding(head, options.encoding),
                              newline="")
    try:
        if kind == "csv":
            return max(sum(1 for row in csv.reader(stream, delimiter=delimiter) if row) - 1, 1)
        return max(sum(1 for line in stream if line.strip()), 1)
    finally:
        stream.detach()  # the caller's file stays open


def _dataset_total(binary: IO[bytes], head: bytes, path: Path, options: Options, kind: str,
                   exact_bytes: int) -> Total | None:
    """A CSV or JSON lines file's items: parsed when small, else estimated from its lines;
    None for one JSON array, whose records cannot be counted without reading it whole."""
    if kind == "jsonl" and head.lstrip()[:1] == b"[":
        return None
    header = 1 if kind == "csv" else 0
    if path.stat().st_size <= exact_bytes:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        try:
            return Total(_records(binary, head, options, kind, delimiter), exact=True)
        except (IngestError, csv.Error, UnicodeDecodeError, LookupError):
            pass  # `read` will name the problem; the lines still say roughly how many rows
    return Total(max(_newlines(binary) - header, 1), exact=False)


def _file_total(path: Path, options: Options, exact_bytes: int) -> Total | None:
    """One file's items: one for a page or a text (or for a file `read` refuses), its
    records for a dataset, None for a feed (its entries are only known once parsed)."""
    if not path.is_file():
        return Total(1, exact=True)
    try:
        with path.open("rb") as binary:
            head = binary.read(sniff.HEAD)
            kind = _kind_of_file(path, head, options)
            if kind == "feed":
                return None
            if kind not in STREAMED or (not options.encoding and sniff.not_text(head)):
                return Total(1, exact=True)
            return _dataset_total(binary, head, path, options, kind, exact_bytes)
    except (IngestError, OSError):
        return Total(1, exact=True)


def count_items(specs: Iterable[str], options: Options | None = None,
                exact_bytes: int | None = None) -> Total | None:
    """How many items `read(specs, options)` will yield, so a progress bar can show a total
    and the time left; None when that is not cheap to know (standard input, a URL, a feed,
    a JSON array). Datasets up to `exact_bytes` (EXACT_COUNT_BYTES) are parsed, bigger ones
    estimated from their lines; either way a block or a row at a time, never whole."""
    options = options or Options()
    exact_bytes = EXACT_COUNT_BYTES if exact_bytes is None else exact_bytes
    items, exact = 0, True
    for spec in _inputs(specs):
        if isinstance(spec, Failure):
            total: Total | None = Total(1, exact=True)
        elif spec == "-" or (isinstance(spec, str) and _is_url(spec)):
            return None
        else:
            total = _file_total(Path(spec), options, exact_bytes)
        if total is None:
            return None
        items += total.items
        exact = exact and total.exact
    return Total(items, exact)
