"""The `claims` command: a thin layer over the library functions that do the work.

Options every command shares are declared once below (`db_option`, `server_options`,
`format_option`, `date_option`); `--format` choices are each module's own FORMATS, read
only when a command needs them so `claims --help` loads nothing but click.
"""

from __future__ import annotations

import functools
import importlib

import click

from claims import __version__, limits


class Formats(click.Choice):
    """The choices of a module's FORMATS, imported on first use: the list is spelled once,
    in the module that writes or reads those formats, and the group's help stays fast."""

    def __init__(self, module: str):
        """Remember where the choices are; click's own __init__ would want them now."""
        self.module = module
        self.case_sensitive = True

    @functools.cached_property
    def choices(self) -> tuple[str, ...]:
        """The module's FORMATS, looked up when a value is checked or help is shown."""
        return tuple(importlib.import_module(self.module).FORMATS)


def format_option(module: str, help: str, default: str | None = None):
    """--format with the choices of `module`'s FORMATS."""
    return click.option("--format", "format_", type=Formats(module), default=default,
                        show_default=default is not None, help=help)


WRITE_DB = "SQLite database to write to (created if missing)."
UPDATE_DB = "SQLite database to update (it must exist)."
READ_DB = ("SQLite database to read; without --db or CLAIMS_DB, db/claims.db, else the "
           "demo's db/demo.db when only that exists.")
DEFAULT_DB = "db/claims.db"
DEMO_DB = "db/demo.db"


def _reading_default(ctx, param, value):
    """The database a reading command opens: the one named, else db/claims.db, else (right
    after `claims demo`) the demo's, said on standard error so nobody is misled."""
    from pathlib import Path

    if value is not None:
        return value
    if not Path(DEFAULT_DB).exists() and Path(DEMO_DB).is_file():
        click.echo(f"Reading {DEMO_DB} (there is no {DEFAULT_DB}; --db or CLAIMS_DB "
                   "chooses another)", err=True)
        return DEMO_DB
    return DEFAULT_DB


def db_option(help: str, default: str | None = DEFAULT_DB, envvar: str | None = "CLAIMS_DB"):
    """--db for every command, so its name, type, environment variable and default are
    spelled once; `default=None` makes it a reading command's (see `_reading_default`).
    `claims demo` takes no environment variable: it replaces the file it is given."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=default,
                        envvar=envvar, show_envvar=envvar is not None,
                        show_default=default is not None,
                        callback=_reading_default if default is None else None, help=help)


def server_options(command):
    """--host, --port and --open, the same for `claims serve` and `claims demo`."""
    options = (
        click.option("--host", default="127.0.0.1", show_default=True,
                     help="Interface to listen on; anything but localhost exposes the site."),
        click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
                     help="Port to listen on."),
        click.option("--open", "open_browser", is_flag=True,
                     help="Open the site in a web browser."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _check_workers(ctx, param, value):
    """--workers as a number of processes: `auto` or 0 is every core this process may use."""
    if value in ("auto", "0"):
        from claims.cluster import all_cores

        return all_cores()
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 1:
        raise click.BadParameter(f"a number of workers, 0 or auto, not {value!r}")
    return number


def workers_options(command):
    """--workers and --scheduler: where the extraction runs (one process, local Dask
    workers, or a Dask cluster)."""
    options = (
        click.option("--workers", default="1", show_default=True, callback=_check_workers,
                     metavar="N|auto",
                     help="Processes to extract in: 1 runs in this process; more (0 or auto "
                          "for every core) start a local Dask cluster."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Extract on the Dask cluster whose scheduler is at this address "
                          "(tcp://host:8786) instead."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def date_option(name: str, help: str, whole: bool = False):
    """A YYYY[-MM[-DD]] option (a full date when `whole`), refused up front when malformed."""

    def check(ctx, param, value):
        """The date as given, or a usage error saying what a date looks like."""
        from claims.formats import coerce_date

        try:
            return None if value is None else coerce_date(value, whole=whole)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    return click.option(name, callback=check, help=help,
                        metavar="YYYY-MM-DD" if whole else "YYYY[-MM[-DD]]")


def _check_encoding(ctx, param, value):
    """An unknown --encoding is a usage error before any input is read, not one per file."""
    import codecs

    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claims")
def cli():
    """Track the numbers in the news."""


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@format_option("claims.formats",
               "Output format (default: table on a terminal, jsonl in a pipe).")
@date_option("--published", "Publication date that relative dates are resolved against.",
             whole=True)
@click.option("--encoding", callback=_check_encoding,
              help="Encoding of the input files (default: UTF-8, or the UTF-16 they announce).")
def extract(files, format_, published, encoding):
    """Print the quantitative claims in text FILES (or - for standard input).

    \b
    claims extract article.txt
    echo "At least 12 people were killed." | claims extract - --format jsonl
    """
    import sys

    from claims import formats
    from claims.extraction import extract as run
    from claims.models import Claim
    from claims.reading import read_text

    format_ = format_ or ("table" if sys.stdout.isatty() else "jsonl")
    several = len(files) > 1

    def records():
        """Each file's claims as records, a file at a time, so output streams as it is read."""
        for name in files or ("-",):
            try:
                text = read_text(name, encoding)
            except ValueError as error:
                raise click.ClickException(str(error)) from None
            for claim in run(text, published=published):
                record = claim.model_dump()
                yield {"file": name, **record} if several else record

    fields = [*(["file"] if several else []), *Claim.model_fields]
    formats.write(records(), format_, sys.stdout, fields=fields)


def _open_db(path):
    """The database at `path`, or a one-line error instead of a traceback."""
    import sqlite3

    from claims.db import open_db

    try:
        return open_db(path)
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"{path}: {error}") from None


def _refuse_unknown(kind: str, given: tuple[str, ...], valid: set[str]) -> None:
    """A usage error for each value not among `valid` (case aside), naming the nearest ones,
    or listing them all when there are few: an unknown filter must not answer nothing."""
    import difflib

    lowered = {v.lower(): v for v in valid if v}
    for value in given:
        if value and value.lower() not in lowered:
            near = difflib.get_close_matches(value.lower(), lowered, n=5, cutoff=0.6)
            listed = [lowered[n] for n in near] or sorted(lowered.values())[:25]
            some = "did you mean" if near else "known ones include"
            raise click.BadParameter(f"no {kind} {value!r}; {some}: {', '.join(listed)}",
                                     param_hint=f"--{kind}")


def _check_metrics(ctx, param, value):
    """The metrics given, each one of the record's vocabulary."""
    from claims.models import METRICS

    given = value if isinstance(value, tuple) else ((value,) if value else ())
    _refuse_unknown("metric", given, set(METRICS))
    return value


def _known_values(db, sql: str) -> set[str]:
    """Every value the query returns, as text."""
    return {str(v) for (v,) in db.execute(sql) if v is not None}


OUTLET_NAMES = ("SELECT id FROM outlets UNION SELECT name FROM outlets "
                "UNION SELECT domain FROM outlets")
CLAIM_PLACES = ("SELECT DISTINCT place FROM claims UNION SELECT DISTINCT place_text "
                "FROM claims UNION SELECT DISTINCT region FROM claims "
                "UNION SELECT DISTINCT country FROM claims")
FIGURE_PLACES = ("SELECT DISTINCT place FROM figures UNION SELECT DISTINCT region FROM figures "
                 "UNION SELECT DISTINCT country FROM figures")


def _refuse_unknown_place(db, place: str) -> None:
    """A usage error when no figure's place, region or country is `place` in any spelling
    the gazetteer knows (the match `claims.compare.compare` makes)."""
    from claims.compare import place_names

    valid = _known_values(db, FIGURE_PLACES)
    names = [n.lower() for n in place_names(place)]
    if not any(n in v.lower() for v in valid for n in names):
        _refuse_unknown("place", (place,), valid)


def _must_exist(path):
    """Commands that read a database refuse a missing one rather than create it empty."""
    from pathlib import Path

    if not Path(path).is_file():
        raise click.ClickException(
            f"no database at {path}; `claims ingest` or `claims demo` makes one")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option(WRITE_DB)
@click.option("--outlet",
              help="Outlet name for every article (overrides column, site name, domain).")
@format_option("claims.ingest", default="auto",
               help="Input format; auto guesses from extension, content type or content.")
@click.option("--text-column", help="CSV/JSONL column holding the article text.")
@click.option("--title-column", help="CSV/JSONL column holding the title.")
@click.option("--outlet-column", help="CSV/JSONL column holding the outlet name.")
@click.option("--date-column", help="CSV/JSONL column holding the publication date.")
@click.option("--url-column", help="CSV/JSONL column holding the article URL.")
@click.option("--id-column", help="CSV/JSONL column holding a stable article id.")
@click.option("--encoding", callback=_check_encoding,
              help="Encoding of text, CSV and JSONL inputs (default: detect).")
@click.option("--fetch-timeout", type=click.FloatRange(min=1), default=limits.FETCH_TIMEOUT,
              show_default=True, help="Seconds one URL may take in all.")
@click.option("--max-download-mb", type=click.FloatRange(min=0.1),
              default=limits.MAX_DOWNLOAD_BYTES / 1_000_000, show_default=True,
              help="Megabytes one URL's body may have, decompressed.")
@click.option("--max-article-chars", type=click.IntRange(min=100),
              default=limits.MAX_ARTICLE_CHARS, show_default=True,
              help="Characters one article may have; a longer text is refused.")
@workers_options
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False),
              help="Write articles and claims as a Parquet dataset in this folder (partitioned "
                   "by outlet and month) instead of the database.")
def ingest(inputs, db_path, outlet, format_, text_column, title_column, outlet_column,
           date_column, url_column, id_column, encoding, fetch_timeout, max_download_mb,
           max_article_chars, workers, scheduler, parquet_dir):
    """Store articles and their claims from files, folders, URLs, feeds, CSV/JSONL or - (stdin).

    \b
    claims ingest article.html notes/ https://example.com/feed.xml
    claims ingest data.csv --encoding latin-1 --text-column body --id-column id
    """
    import sys

    from claims.ingest import Options, ingest_to_parquet
    from claims.ingest import ingest as run

    options = Options(
        outlet=outlet, format=format_, text_column=text_column, title_column=title_column,
        outlet_column=outlet_column, date_column=date_column, url_column=url_column,
        id_column=id_column, encoding=encoding, fetch_timeout=fetch_timeout,
        max_bytes=int(max_download_mb * 1_000_000), max_article_chars=max_article_chars,
    )
    spread = {"progress": sys.stderr.isatty(), "workers": workers, "scheduler": scheduler}
    try:
        if parquet_dir:
            summary = ingest_to_parquet(parquet_dir, inputs, options, **spread)
        else:
            summary = run(_open_db(db_path), inputs, options, **spread)
    except OSError as error:
        where = f"--parquet {parquet_dir}: " if parquet_dir else ""
        raise click.ClickException(f"{where}{error}") from None
    _report(summary)


def _report(summary) -> None:
    """Each failure and warning on standard error, then the summary; exit status 1 if
    anything failed."""
    import sys

    for failure in summary.failures:
        click.echo(f"Error: {failure}", err=True)
    for warning in summary.warnings:
        click.echo(f"Warning: {warning}", err=True)
    click.echo(str(summary))
    if summary.failures:
        sys.exit(1)


@cli.command()
@click.argument("dataset", type=click.Path(exists=True, file_okay=False))
@db_option(WRITE_DB)
@date_option("--since", "Only articles published on or after this date.")
@click.option("--outlet", multiple=True,
              help="Only this outlet: id, name or domain (repeatable).")
@click.option("--country", multiple=True,
              help="Only articles with a claim in this country (repeatable).")
def load(dataset, db_path, since, outlet, country):
    """Load a Parquet dataset written by `claims ingest --parquet`, or a slice of it, into a
    database, and group its figures.

    \b
    claims load lake/ --db db/claims.db
    claims load lake/ --db syria-2017.db --country Syria --since 2017-04
    """
    import sys
    from pathlib import Path

    from claims.ingest import load as run

    if not (Path(dataset) / "articles").is_dir():
        raise click.ClickException(f"{dataset}: not a dataset written by `claims ingest "
                                   "--parquet` (it has no articles/ folder)")
    summary = run(_open_db(db_path), dataset, since=since, outlet=outlet, country=country,
                  progress=sys.stderr.isatty())
    _report(summary)


@cli.command()
@db_option(UPDATE_DB)
def reextract(db_path):
    """Re-run extraction on stored articles whose claims came from an older extractor."""
    import sys

    from tqdm import tqdm

    from claims.ingest import reextract as run

    shown = sys.stderr.isatty()

    def progress(items):
        """A progress bar on a terminal, silence in a pipe or a log."""
        return tqdm(items, unit=" versions", disable=not shown, file=sys.stderr)

    def say(line):
        """What regrouping is doing, on the terminal beside the progress bar."""
        click.echo(line, err=True)

    _must_exist(db_path)
    counts = run(_open_db(db_path), progress=progress, say=say if shown else None)
    click.echo(
        f"{counts['versions']} article versions re-extracted: "
        f"{counts['claims_removed']} old claims replaced by {counts['claims_added']}"
    )
    if counts["failures"]:
        raise click.ClickException(f"extraction failed on {counts['failures']} article versions")


@cli.command()
@db_option(READ_DB, default=None)
@server_options
@click.option("--live", is_flag=True,
              help="Open the database read-only instead of immutable, to see rows a running "
                   "ingest adds (slower counts).")
def serve(db_path, host, port, open_browser, live):
    """Browse the claims in Datasette, read-only, with maps, charts and claims in context.

    \b
    claims serve
    claims serve --db db/claims.db --port 8080 --open
    """
    _serve(db_path, host=host, port=port, open_browser=open_browser, live=live)


@cli.command()
@db_option("Database to build; replaced if it exists.", default=DEMO_DB, envvar=None)
@click.option("--no-serve", is_flag=True, help="Build the database and stop.")
@server_options
def demo(db_path, no_serve, host, port, open_browser):
    """Build a demo database from the fictional sample corpus shipped with claims, and serve it.

    \b
    claims demo
    claims demo --no-serve --db /tmp/demo.db
    """
    import sqlite3
    import sys

    from claims.demo import build_demo
    from claims.serve import ServeError, check_port

    if not no_serve:
        try:
            check_port(host, port)
        except ServeError as error:
            raise click.ClickException(str(error)) from None
    try:
        summary = build_demo(db_path, progress=sys.stderr.isatty())
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"{db_path}: {error}") from None
    click.echo(str(summary))
    if not no_serve:
        from pathlib import Path

        from claims.demo import demo_metadata

        _serve(db_path, host=host, port=port, open_browser=open_browser,
               metadata=demo_metadata(Path(db_path).stem))


def _serve(db_path, **options):
    """Run the site for `serve` and `demo` alike; a wrong database or a taken port is one
    line, not a traceback."""
    from claims.serve import ServeError, serve

    try:
        serve(db_path, echo=click.echo, **options)
    except ServeError as error:
        raise click.ClickException(str(error)) from None


@cli.command()
@db_option(READ_DB, default=None)
@format_option("claims.export", default="csv",
               help="claimreview is schema.org ClaimReview JSON-LD.")
@click.option("--metric", multiple=True, callback=_check_metrics,
              help="Only this metric (repeat for several).")
@click.option("--outlet", multiple=True, help="Only this outlet: id, name or domain (repeatable).")
@click.option("--place", multiple=True, help="Only this place (repeatable).")
@date_option("--since", "Figures dated on or after this date.")
@date_option("--until", "Figures dated on or before this date.")
@click.option("--all-versions", is_flag=True,
              help="Include claims from superseded versions of edited articles.")
@click.option("--base-url",
              help="Site the ClaimReview links point to, e.g. https://claims.example.org "
                   "(default: the local `claims serve`).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write (default: standard output).")
def export(db_path, format_, metric, outlet, place, since, until, all_versions, base_url, output):
    """Write claims as CSV, JSON, JSON lines or ClaimReview JSON-LD.

    \b
    claims export --format jsonl -o claims.jsonl
    claims export --metric killed --place Velmora --since 2026-03 --format claimreview
    """
    import sqlite3
    import sys

    import sqlite_utils
    from tqdm import tqdm

    from claims.export import DEFAULT_BASE_URL, export_columns, select_claims, write

    _must_exist(db_path)
    if format_ == "claimreview" and not base_url:
        base_url = DEFAULT_BASE_URL
        click.echo(f"Note: the ClaimReview links point to {base_url}, the local `claims "
                   "serve`; pass --base-url with the published site's address.", err=True)
    db = sqlite_utils.Database(db_path)
    _refuse_unknown("outlet", outlet, _known_values(db, OUTLET_NAMES))
    _refuse_unknown("place", place, _known_values(db, CLAIM_PLACES))
    try:
        rows = select_claims(db, metrics=metric, outlets=outlet, places=place, since=since,
                             until=until, all_versions=all_versions)
        columns = export_columns(db)
    except (ValueError, sqlite3.Error) as error:
        raise click.ClickException(str(error)) from None
    show = output != "-" and sys.stderr.isatty()
    rows = tqdm(rows, unit=" claims", disable=not show, file=sys.stderr)
    with click.open_file(output, "w", encoding="utf-8") as fp:
        count = write(rows, fp, format_, columns=columns, base_url=base_url)
    if output != "-":
        click.echo(f"{count} claims written to {output}", err=True)


@cli.command()
@db_option(READ_DB, default=None)
@click.option("--metric", callback=_check_metrics,
              help="Only figures of this metric (killed, wounded, displaced, ...).")
@click.option("--place", help="Only figures in this place, region or country (any spelling).")
@click.option("--min-outlets", default=2, show_default=True, type=click.IntRange(1),
              help="Only figures reported by at least this many outlets.")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many figures.")
@format_option("claims.compare", default="table", help="Output format.")
@click.option("--regroup", is_flag=True,
              help="Group the claims into figures again first (done anyway if never done).")
def compare(db_path, metric, place, min_outlets, limit, format_, regroup):
    """Compare the same figure across outlets: each outlet's latest value and its sources.

    \b
    claims compare --metric killed --place Velmora
    claims compare --min-outlets 3 --format json
    """
    import sqlite3
    import sys

    from claims import formats
    from claims.compare import compare as run
    from claims.compare import format_table, group_figures

    _must_exist(db_path)
    db = _open_db(db_path)
    try:
        if regroup or not db["figures"].count:
            group_figures(db)
        if place:
            _refuse_unknown_place(db, place)
        figures = run(db, metric=metric, place=place, min_outlets=min_outlets, limit=limit)
    except sqlite3.Error as error:
        raise click.ClickException(str(error)) from None
    if format_ == "json":
        formats.write(figures, "json", sys.stdout)
    elif figures:
        click.echo(format_table(figures))
    else:
        click.echo("No figures match.", err=True)
