"""Shared fixtures: a real headless Chromium, and the demo built and served once a session.

Plain helpers are in helpers.py; the names browser tests import from here are re-exported.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from helpers import CHROMIUM, CHROMIUM_ARGS, DemoSite, free_port, needs_chromium, served, shoot

__all__ = ["CHROMIUM", "free_port", "needs_chromium", "served", "shoot"]


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: starting it is the slow part of a browser test."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page that records every JavaScript dialog (none should ever open)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog):
        """Note the dialog and close it, so a stray alert fails a test instead of hanging it."""
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: $CLAIMS_SCREENSHOTS to refresh the README's, else a tmp folder."""
    folder = os.environ.get("CLAIMS_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> DemoSite:
    """`claims demo` as a newcomer runs it, once a session: it builds the demo database into a
    tmp folder and serves it on a free port. Every test of the demo shares this one build."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    port = free_port()
    with served(["demo", "--db", str(path), "--port", str(port)], port) as (url, printed):
        yield DemoSite(url=url, path=path, printed=printed)


@pytest.fixture(scope="session")
def demo_db(demo_site) -> sqlite_utils.Database:
    """The session's demo database, opened immutable as the site opens it: tests only read."""
    conn = sqlite3.connect(f"file:{demo_site.path}?immutable=1", uri=True)
    yield sqlite_utils.Database(conn)
    conn.close()
