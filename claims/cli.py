"""The `claims` command: a thin layer over the library functions that do the work."""

from __future__ import annotations

import click

from claims import __version__


@click.group()
@click.version_option(__version__, prog_name="claims")
def cli():
    """Track the numbers in the news."""


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--format", "format_", type=click.Choice(["table", "jsonl", "json", "csv"]),
    help="Output format (default: table on a terminal, jsonl in a pipe).",
)
@click.option(
    "--published", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) that relative dates are resolved against.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
def extract(files, format_, published, encoding):
    """Print the quantitative claims in text FILES (or - for standard input).

    \b
    claims extract article.txt
    echo "At least 12 people were killed." | claims extract - --format jsonl
    """
    import sys

    from claims import output
    from claims.extraction import extract as run
    from claims.reading import read_text

    format_ = format_ or ("table" if sys.stdout.isatty() else "jsonl")
    day = published.date() if published else None
    records = []
    for name in files or ("-",):
        try:
            text = read_text(name, encoding)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        for claim in run(text, published=day):
            record = claim.model_dump()
            if len(files) > 1:
                record = {"file": name, **record}
            records.append(record)
    output.write(records, format_, sys.stdout)


def _open_db(path):
    """The database at `path`, or a one-line error instead of a traceback."""
    import sqlite3

    from claims.db import open_db

    try:
        return open_db(path)
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"{path}: {error}") from None


def _check_encoding(ctx, param, value):
    import codecs

    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default="db/claims.db",
    show_default=True, help="SQLite database to write to (created if missing).",
)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Outlet name for every article (overrides column, site name, domain).")
@click.option(
    "--format", "format_",
    type=click.Choice(["auto", "text", "html", "feed", "csv", "jsonl"]), default="auto",
    show_default=True, help="Input format; auto guesses from extension, content type or content.",
)
@click.option("--text-column", help="CSV/JSONL column holding the article text.")
@click.option("--title-column", help="CSV/JSONL column holding the title.")
@click.option("--outlet-column", help="CSV/JSONL column holding the outlet name.")
@click.option("--date-column", help="CSV/JSONL column holding the publication date.")
@click.option("--url-column", help="CSV/JSONL column holding the article URL.")
@click.option("--id-column", help="CSV/JSONL column holding a stable article id.")
@click.option("--encoding", callback=_check_encoding,
              help="Encoding of text, CSV and JSONL inputs (default: detect).")
def ingest(inputs, db_path, outlet, format_, text_column, title_column, outlet_column,
           date_column, url_column, id_column, encoding):
    """Store articles and their claims from files, folders, URLs, feeds, CSV/JSONL or - (stdin).

    \b
    claims ingest article.html notes/ https://example.com/feed.xml
    claims ingest data.csv --encoding latin-1 --text-column body --id-column id
    """
    import sys

    from claims.ingest import Options
    from claims.ingest import ingest as run

    options = Options(
        outlet=outlet, format=format_, text_column=text_column, title_column=title_column,
        outlet_column=outlet_column, date_column=date_column, url_column=url_column,
        id_column=id_column, encoding=encoding,
    )
    summary = run(_open_db(db_path), inputs, options, progress=sys.stderr.isatty())
    for failure in summary.failures:
        click.echo(f"Error: {failure}", err=True)
    click.echo(str(summary))
    if summary.failures:
        sys.exit(1)


@cli.command()
@db_option
def reextract(db_path):
    """Re-run extraction on stored articles whose claims came from an older extractor."""
    import sys

    from tqdm import tqdm

    from claims.ingest import reextract as run

    def progress(items):
        return tqdm(items, unit=" versions", disable=not sys.stderr.isatty(), file=sys.stderr)

    counts = run(_open_db(db_path), progress=progress)
    click.echo(
        f"{counts['versions']} article versions re-extracted: "
        f"{counts['claims_removed']} old claims replaced by {counts['claims_added']}"
    )
    if counts["failures"]:
        raise click.ClickException(f"extraction failed on {counts['failures']} article versions")


read_db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default="db/claims.db",
    show_default=True, help="SQLite database to read.",
)


@cli.command()
@read_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but localhost exposes the site.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a web browser.")
@click.option("--live", is_flag=True,
              help="Open the database read-only instead of immutable, to see rows a running "
                   "ingest adds (slower counts).")
def serve(db_path, host, port, open_browser, live):
    """Browse the claims in Datasette, read-only, with maps, charts and claims in context.

    \b
    claims serve
    claims serve --db db/claims.db --port 8080 --open
    """
    from claims.serve import serve as run

    try:
        run(db_path, host=host, port=port, open_browser=open_browser, live=live,
            echo=click.echo)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from None


@cli.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="db/demo.db",
              show_default=True, help="Database to build; replaced if it exists.")
@click.option("--no-serve", is_flag=True, help="Build the database and stop.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but localhost exposes the site.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a web browser.")
def demo(db_path, no_serve, host, port, open_browser):
    """Build a demo database from the fictional sample corpus shipped with claims, and serve it.

    \b
    claims demo
    claims demo --no-serve --db /tmp/demo.db
    """
    import sqlite3
    import sys

    from claims.demo import build_demo

    try:
        summary = build_demo(db_path, progress=sys.stderr.isatty())
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"{db_path}: {error}") from None
    click.echo(str(summary))
    if not no_serve:
        from pathlib import Path

        from claims.demo import demo_metadata
        from claims.serve import serve as run

        run(db_path, host=host, port=port, open_browser=open_browser, echo=click.echo,
            metadata=demo_metadata(Path(db_path).stem))


@cli.command()
@read_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl", "claimreview"]),
              default="csv", show_default=True,
              help="claimreview is schema.org ClaimReview JSON-LD.")
@click.option("--metric", multiple=True, help="Only this metric (repeat for several).")
@click.option("--outlet", multiple=True, help="Only this outlet: id, name or domain (repeatable).")
@click.option("--place", multiple=True, help="Only this place (repeatable).")
@click.option("--since", help="Figures dated on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Figures dated on or before this date (YYYY[-MM[-DD]]).")
@click.option("--all-versions", is_flag=True,
              help="Include claims from superseded versions of edited articles.")
@click.option("--base-url", help="Site URL for ClaimReview ids, e.g. https://claims.example.org")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write (default: standard output).")
def export(db_path, fmt, metric, outlet, place, since, until, all_versions, base_url, output):
    """Write claims as CSV, JSON, JSON lines or ClaimReview JSON-LD.

    \b
    claims export --format jsonl -o claims.jsonl
    claims export --metric killed --place Aleppo --since 2024-03 --format claimreview
    """
    import sqlite3
    import sys
    from pathlib import Path

    import sqlite_utils
    from tqdm import tqdm

    from claims.export import export_columns, select_claims, write

    if not Path(db_path).is_file():
        raise click.ClickException(f"no database at {db_path}")
    db = sqlite_utils.Database(db_path)
    try:
        rows = select_claims(db, metrics=metric, outlets=outlet, places=place, since=since,
                             until=until, all_versions=all_versions)
        columns = export_columns(db)
    except (ValueError, sqlite3.Error) as error:
        raise click.ClickException(str(error)) from None
    show = output != "-" and sys.stderr.isatty()
    rows = tqdm(rows, unit=" claims", disable=not show, file=sys.stderr)
    with click.open_file(output, "w", encoding="utf-8") as fp:
        count = write(rows, fp, fmt, columns=columns, base_url=base_url)
    if output != "-":
        click.echo(f"{count} claims written to {output}", err=True)


@cli.command()
@read_db_option
@click.option("--metric", help="Only figures of this metric (killed, wounded, displaced, ...).")
@click.option("--place", help="Only figures in this place, region or country (any spelling).")
@click.option("--min-outlets", default=2, show_default=True, type=click.IntRange(1),
              help="Only figures reported by at least this many outlets.")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many figures.")
@click.option("--format", "format_", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--regroup", is_flag=True,
              help="Group the claims into figures again first (done anyway if never done).")
def compare(db_path, metric, place, min_outlets, limit, format_, regroup):
    """Compare the same figure across outlets: each outlet's latest value and its sources.

    \b
    claims compare --metric killed --place Idlib
    claims compare --min-outlets 3 --format json
    """
    import json
    import sqlite3
    from pathlib import Path

    from claims.compare import compare as run
    from claims.compare import format_table, group_figures

    if not Path(db_path).is_file():
        raise click.ClickException(f"no database at {db_path}")
    db = _open_db(db_path)
    try:
        if regroup or not db["figures"].count:
            group_figures(db)
        figures = run(db, metric=metric, place=place, min_outlets=min_outlets, limit=limit)
    except sqlite3.Error as error:
        raise click.ClickException(str(error)) from None
    if format_ == "json":
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    elif figures:
        click.echo(format_table(figures))
    else:
        click.echo("No figures match.", err=True)
