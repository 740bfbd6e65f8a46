"""Every example in the README runs as written after `claims demo`.

The README's fenced blocks are read by kind: `sh` and `console` lines that run `claims`
are run with the real executable in a folder holding the demo's db/demo.db and the files the
examples name (each in its own copy, so one example's database never changes another's);
the README's own `claims demo --no-serve` runs in an empty folder. Commands that serve
forever or need the network are only parsed. `python` blocks run as scripts (in this
process, each in its own copy of the folder), `sql` blocks run against the demo database,
and every path on the demo site is fetched from the session's `demo_site`. `text` blocks are
synopses: each option they show must exist.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import os
import re
import runpy
import shlex
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, redirect_stdout
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

import click
import httpx
import pytest

from claims.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text("utf8")
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
RUNS_CLAIMS = re.compile(r"(?:^|\|\s*|&&\s*)(?:uv run )?claims\s")
SITE = "http://127.0.0.1:8001"
PLACEHOLDER = re.compile(r"(?:^|[/=])[A-Z][A-Z_]*(?:$|[/&?])")

# The files the ingest examples name, as small as a reader's own would be. Every sentence
# is invented for this test.
STORY_HTML = """<!doctype html>
<html lang="en"><head>
<title>Ferry survivors reach Port Seline</title>
<meta property="og:site_name" content="Lakeside Herald">
<meta name="author" content="Mira Tallen">
<meta property="article:published_time" content="2026-03-10">
</head><body><article>
<h1>Ferry survivors reach Port Seline</h1>
<p>Rescue boats brought 46 survivors of the capsized ferry to Port Seline on Tuesday, the
harbour master said.</p>
<p>At least 19 passengers are still missing, and divers will search the northern channel
again at first light, according to the lake police.</p>
</article></body></html>
"""
NOTES = {
    "velmora.md": "---\ntitle: Market reopens in Velmora\noutlet: Field Notes\n"
                  "published: 2026-03-06\n---\nTraders reopened about 40 stalls at the "
                  "Velmora market on Thursday, two days after the shelling, the market "
                  "committee said.\n",
    "convoy.txt": "A convoy of 12 trucks carried flour and medicine into the Tarn enclave on "
                  "Saturday, aid workers said.\n",
}
STORY_TXT = "Fuel prices rose 8 percent in Valdrenn this week, the energy regulator said.\n"
FEED_XML = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lakeside Herald</title>
<link>https://lakeside.example/</link><description>News from the lake</description>
<item><title>Divers widen search</title><guid isPermaLink="false">lakeside-2</guid>
<pubDate>Wed, 11 Mar 2026 08:00:00 GMT</pubDate>
<description>Divers searched 3 km of the northern channel on Wednesday, the lake police
said.</description></item>
<item><title>Ferry operator questioned</title><guid isPermaLink="false">lakeside-3</guid>
<pubDate>Thu, 12 Mar 2026 09:30:00 GMT</pubDate>
<description>Police questioned the ferry operator for 6 hours about why the boat carried 240
passengers, the lake police said.</description></item>
</channel></rss>
"""
ARTICLES_CSV = [
    ("ref", "headline", "body", "paper", "day"),
    ("v-101", "Shops shut in Valdrenn",
     "Café owners said about 200 shops closed in Valdrenn during the fuel protests.",
     "Valdrenn Gazette", "2026-03-08"),
    ("v-102", "Arrests after protest",
     "Police in Valdrenn arrested 35 people after the march on Sunday, a spokesman said.",
     "Valdrenn Gazette", "2026-03-09"),
]


class Example(NamedTuple):
    """One command from the README, and the output it shows (console blocks only)."""

    command: str
    shown: tuple[str, ...] = ()


def blocks(language: str) -> list[str]:
    """The bodies of the README's fenced blocks of one language."""
    return [body for lang, body in FENCE.findall(README) if lang == language]


def joined(body: str) -> list[str]:
    """A block's lines with backslash continuations joined, as the shell reads them."""
    return body.replace("\\\n", " ").splitlines()


def examples() -> list[Example]:
    """Every command line that runs `claims`, from sh blocks and console blocks (where the
    lines after a `$ ` command are its output)."""
    found = [Example(line.strip()) for body in blocks("sh") for line in joined(body)
             if RUNS_CLAIMS.search(line.split("#")[0])]
    for body in blocks("console"):
        for chunk in ("\n" + "\n".join(joined(body))).split("\n$ ")[1:]:
            command, *shown = chunk.splitlines()
            found.append(Example(command.strip(), tuple(s for s in shown if s.strip())))
    return found


def argv(command: str) -> list[str]:
    """The `claims` arguments of a command line (the last stage of a pipeline)."""
    stage = command.split("|")[-1]
    words = shlex.split(stage)
    return words[words.index("claims") + 1:]


def runs_forever_or_online(command: str) -> bool:
    """Whether running an example would serve until killed, or fetch from the internet (a
    URL given as an input; a --base-url is only written into the output)."""
    args = argv(command)
    serves = args[0] == "serve" or (args[0] == "demo" and "--no-serve" not in args)
    fetched = [a for before, a in zip(["", *args], args, strict=False)
               if a.startswith(("http://", "https://")) and before != "--base-url"]
    return serves or bool(fetched)


RUNNABLE = [e for e in examples() if not runs_forever_or_online(e.command)]
PARSED_ONLY = [e for e in examples() if runs_forever_or_online(e.command)]
#: The README's build of the demo: run in an empty folder, beside the other examples.
BUILD = "claims demo --no-serve"


def write_inputs(folder: Path) -> None:
    """The files the ingest examples read, in the folder the examples run in."""
    (folder / "story.html").write_text(STORY_HTML)
    (folder / "story.txt").write_text(STORY_TXT)
    (folder / "feed.xml").write_text(FEED_XML)
    (folder / "notes").mkdir()
    for name, text in NOTES.items():
        (folder / "notes" / name).write_text(text)
    with (folder / "articles.csv").open("w", newline="", encoding="latin-1") as handle:
        csv.writer(handle).writerows(ARTICLES_CSV)


class Run(NamedTuple):
    """An example's run: the finished process and the folder it ran in."""

    done: subprocess.CompletedProcess
    folder: Path


def run_in_copy(base: Path, where: Path, command: list[str]) -> Run:
    """Run `command` in a fresh copy of `base`, with the real `claims` first on the PATH."""
    shutil.copytree(base, where)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("CLAIMS_DB", None)
    done = subprocess.run(command, cwd=where, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    return Run(done, where)


def shell(command: str) -> list[str]:
    """A README command line as the shell runs it; `uv run claims` is the installed claims."""
    return ["bash", "-o", "pipefail", "-c", command.replace("uv run claims", "claims")]


@pytest.fixture(scope="module")
def after_demo(demo_site, tmp_path_factory) -> Path:
    """A folder as a reader has it after `claims demo --no-serve`, with their own files.
    Its db/demo.db is a copy of the session's demo, built by the same command, so the
    README's own build runs beside the other examples instead of before them all."""
    folder = tmp_path_factory.mktemp("reader") / "base"
    (folder / "db").mkdir(parents=True)
    with closing(sqlite3.connect(f"file:{demo_site.path}?immutable=1", uri=True)) as demo, \
            closing(sqlite3.connect(folder / "db" / "demo.db")) as copy:
        demo.backup(copy)
    write_inputs(folder)
    return folder


class PythonRun(NamedTuple):
    """A Python block's run: what it printed, and the error it ended with, if any."""

    printed: str
    error: str | None


def run_python(code: str, base: Path, where: Path) -> PythonRun:
    """Run a README Python block as a script in a fresh copy of `base`, in this process
    (it has claims imported already), with fresh globals and its own working folder."""
    shutil.copytree(base, where)
    (where / "example.py").write_text(code)
    printed, error, before = io.StringIO(), None, Path.cwd()
    os.chdir(where)
    try:
        with redirect_stdout(printed):
            runpy.run_path("example.py", run_name="__main__")
    except Exception as failure:  # noqa: BLE001 - the test reports whatever the block raised
        error = f"{type(failure).__name__}: {failure}"
    finally:
        os.chdir(before)
    return PythonRun(printed.getvalue(), error)


@pytest.fixture(scope="module")
def ran(after_demo, tmp_path_factory) -> dict[str, Run | PythonRun]:
    """Every runnable command (each in its own copy, the build in an empty folder) run at
    once in other processes, while the Python blocks run here one after another: starting
    Python is most of each one's time, and they share nothing."""
    root = tmp_path_factory.mktemp("runs")
    empty = root / "empty"
    empty.mkdir()
    jobs = {e.command: (after_demo, shell(e.command)) for e in RUNNABLE if e.command != BUILD}
    jobs[BUILD] = (empty, shell(BUILD))
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futures = {key: pool.submit(run_in_copy, base, root / f"run{n}", command)
                   for n, (key, (base, command)) in enumerate(jobs.items())}
        scripts = {code: run_python(code, after_demo, root / f"py{n}")
                   for n, code in enumerate(blocks("python"))}
        return scripts | {key: future.result() for key, future in futures.items()}


def test_the_build_makes_the_demo_database(ran):
    done, folder = ran[BUILD]
    assert done.returncode == 0 and (folder / "db" / "demo.db").stat().st_size > 0


def answered(output: str) -> bool:
    """Whether a command printed an answer: any text, but a JSON array or ClaimReview
    document must hold at least one item (`[]` is no answer)."""
    try:
        parsed = json.loads(output)
    except json.JSONDecodeError:
        return bool(output.strip())
    return bool(parsed.get("@graph") if isinstance(parsed, dict) else parsed)


def written_file(command: str) -> str | None:
    """The file an example writes with -o/--output, if it names one."""
    args = argv(command)
    flag = next((f for f in ("-o", "--output") if f in args), None)
    return args[args.index(flag) + 1] if flag else None


def test_the_readme_has_examples_of_every_kind():
    assert len(RUNNABLE) >= 8 and len(PARSED_ONLY) >= 3
    assert BUILD in {e.command for e in RUNNABLE}
    assert blocks("python") and blocks("sql") and len(paths()) >= 8
    commands = {argv(e.command)[0] for e in examples()}
    assert commands >= {"extract", "ingest", "compare", "serve", "demo", "export"}


@pytest.mark.parametrize("example", RUNNABLE, ids=lambda e: e.command[:60])
def test_command_runs_as_written(example, ran):
    done, folder = ran[example.command]
    assert done.returncode == 0, f"{example.command}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    target = written_file(example.command)
    if target:
        assert (folder / target).stat().st_size > 0, f"{example.command} wrote nothing"
        assert re.search(rf"\b[1-9][\d,]* claims written to {target}", done.stderr)
    else:
        assert answered(done.stdout), f"{example.command} answered nothing"
    printed = {" ".join(line.split()) for line in done.stdout.splitlines()}
    for line in example.shown:
        assert " ".join(line.split()) in printed, f"{example.command} did not print {line}"


def test_reading_commands_say_they_read_the_demo(ran):
    readers = [e.command for e in RUNNABLE if argv(e.command)[0] in ("compare", "export")]
    assert readers
    for command in readers:
        assert "Reading db/demo.db (there is no db/claims.db" in ran[command].done.stderr


@pytest.mark.parametrize("example", PARSED_ONLY, ids=lambda e: e.command[:60])
def test_command_that_serves_or_fetches_parses(example):
    name, *args = argv(example.command)
    # Under the group's context, as `claims NAME` parses it: a bare subcommand's context
    # would lack the group's settings (and click would remember its help option so).
    parent = click.Context(cli, info_name="claims", **cli.context_settings)
    try:
        cli.commands[name].make_context(name, args, parent=parent)
    except click.UsageError as error:
        pytest.fail(f"{example.command}: {error}")


@pytest.mark.parametrize("code", blocks("python"), ids=lambda c: c.splitlines()[0][:50])
def test_python_example_runs(code, ran):
    printed, error = ran[code]
    assert error is None, error
    assert printed.strip()


@pytest.mark.parametrize("sql", [s for s in blocks("sql") if "read_parquet" not in s],
                         ids=lambda s: s.split()[1][:30])
def test_sql_example_answers_on_the_demo(sql, after_demo):
    """SQLite queries on the demo; the DuckDB ones, which read Parquet, run in test_scale."""
    path = after_demo / "db" / "demo.db"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        assert conn.execute(sql).fetchall()


def paths() -> list[str]:
    """Every path on the demo site the README gives in full: URLs in sh blocks and paths in
    inline code, leaving out patterns with a placeholder (`/-/claims/claim/ID`)."""
    urls = re.findall(re.escape(SITE) + r"(/[^'\s]*)", "\n".join(blocks("sh")))
    inline = re.findall(r"`(/(?:demo|-/claims)[^`\s]*)`", README)
    return [p for p in dict.fromkeys(urls + inline) if not PLACEHOLDER.search(p)]


@pytest.mark.parametrize("path", paths())
def test_url_answers_on_the_demo_site(path, demo_site):
    response = httpx.get(demo_site.url + path, timeout=30, follow_redirects=True)
    assert response.status_code == 200, path
    parts = urlsplit(path)
    if parts.path.endswith(".json"):
        body = response.json()
        rows = body if isinstance(body, list) else body.get("rows")
        assert rows, f"{path} answered no rows"
    elif parts.path.endswith(".csv"):
        assert len(response.text.splitlines()) > 1, f"{path} answered a header only"
    else:
        for _, value in parse_qsl(parts.query):
            assert value in response.text, f"{path} does not show {value}"


def synopses() -> list[tuple[str, str]]:
    """(command, synopsis) for each `claims NAME ...` line of a text block, continuation
    lines included."""
    found: list[tuple[str, str]] = []
    for body in blocks("text"):
        for line in body.splitlines():
            if line.startswith("claims "):
                found.append((line.split()[1], line))
            elif found and line.startswith(" "):
                found[-1] = (found[-1][0], found[-1][1] + line)
    return found


@pytest.mark.parametrize("name,synopsis", synopses(), ids=lambda s: s[:40])
def test_synopsis_shows_only_real_options(name, synopsis):
    options = {o for p in cli.commands[name].params if isinstance(p, click.Option) for o in p.opts}
    shown = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", synopsis))
    assert shown <= options, f"claims {name} has no {sorted(shown - options)}"


def test_every_command_has_a_synopsis():
    assert {name for name, _ in synopses()} == set(cli.commands)
