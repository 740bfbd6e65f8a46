"""Plain helpers the tests import: free ports, a `claims` server process, screenshots.

Fixtures live in conftest.py; these are ordinary functions and constants so a test module can
call them with its own arguments.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]



class DemoSite(NamedTuple):
    """The session's `claims demo`: its address, its database and what it has printed."""

    url: str
    path: Path
    printed: Callable[[], str]


def free_port() -> int:
    """A localhost port nobody listens on, so parallel servers never collide."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shoot(page, shots: Path, name: str, full_page: bool = True) -> None:
    """Save a screenshot and check it is not blank, so the README's pictures stay real."""
    page.screenshot(path=str(shots / f"{name}.png"), full_page=full_page)
    assert (shots / f"{name}.png").stat().st_size > 10_000


@contextlib.contextmanager
def served(args: list[str], port: int, timeout: float = 60):
    """Run `claims ARGS` until it answers on `port`, as a user would start it.

    Yields the URL and a function returning everything the process has printed so far (read
    as it is printed, so a build summary is there while the site runs)."""
    command = Path(sys.executable).with_name("claims")
    process = subprocess.Popen(
        [str(command), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    printed: list[str] = []
    reader = threading.Thread(target=_collect, args=(process.stdout, printed), daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process, timeout, reader, printed)
        yield url, lambda: "".join(printed)
    finally:
        process.terminate()
        process.wait(timeout=10)
        reader.join(timeout=10)


def _collect(stream, printed: list[str]) -> None:
    """Keep the server's output as it comes (extend appends line by line), so its pipe never
    fills and blocks it."""
    printed.extend(stream)


def _wait_for(url: str, process: subprocess.Popen, timeout: float, reader: threading.Thread,
              printed: list[str]) -> None:
    """Poll until the site answers; a process that dies or hangs fails with what it printed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(url + "/-/versions.json", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                if process.poll() is not None:
                    reader.join(timeout=10)
                raise RuntimeError(f"`claims {process.args[1]}` did not start: {''.join(printed)}")
            time.sleep(0.2)
