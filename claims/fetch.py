"""Fetching pages and feeds over HTTP with limits a hostile or broken server cannot get past:
a total time per URL, a maximum body size counted after decompression, and streaming reads,
so an endless body, a trickle or a gzip bomb ends with one line instead of a hang.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from claims import __version__
from claims.limits import FETCH_TIMEOUT, MAX_DOWNLOAD_BYTES

USER_AGENT = f"claims/{__version__} (news figure tracker; python-httpx)"
#: Waiting for a connection, and for each next piece of the body.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0


class FetchError(Exception):
    """A URL that could not be fetched within the limits: one line for the user."""


@dataclass(frozen=True)
class Page:
    """A fetched body with what the server said about it."""

    url: str
    content: bytes
    content_type: str


def _megabytes(count: int) -> str:
    """A byte count as a reader sizes it."""
    return f"{count / 1_000_000:g} MB"


class Web:
    """One HTTP client for a run, opened only when a URL is met."""

    def __init__(self, total_timeout: float = FETCH_TIMEOUT,
                 max_bytes: int = MAX_DOWNLOAD_BYTES):
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.client = None

    def _client(self):
        """The shared client, created on first use so runs without URLs never import httpx."""
        import httpx

        if self.client is None:
            self.client = httpx.Client(
                headers={"User-Agent": USER_AGENT}, follow_redirects=True,
                timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            )
        return self.client

    def get(self, url: str) -> Page:
        """The page at `url`, read in pieces; FetchError past the time or size limit."""
        import httpx

        deadline = time.monotonic() + self.total_timeout
        try:
            with self._client().stream("GET", url) as response:
                if response.status_code >= 400:
                    status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                    raise FetchError(status)
                content = self._body(response, deadline)
                return Page(str(response.url), content,
                            response.headers.get("content-type", "").lower())
        except httpx.TimeoutException:
            raise FetchError("timed out") from None
        except httpx.HTTPError as error:
            raise FetchError(f"fetch failed: {error or type(error).__name__}") from None

    def _body(self, response, deadline: float) -> bytes:
        """The decompressed body, stopped at the size limit or the deadline."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"body of {_megabytes(int(declared))} is over the "
                             f"{_megabytes(self.max_bytes)} limit (--max-download-mb)")
        pieces, size = [], 0
        for piece in response.iter_bytes():
            size += len(piece)
            if size > self.max_bytes:
                raise FetchError(f"body is over the {_megabytes(self.max_bytes)} limit "
                                 "(--max-download-mb)")
            if time.monotonic() > deadline:
                raise FetchError(f"still downloading after {self.total_timeout:g} s "
                                 "(--fetch-timeout)")
            pieces.append(piece)
        return b"".join(pieces)

    def content(self, url: str) -> bytes:
        """Just the body, for a feed entry's linked page."""
        return self.get(url).content

    def close(self) -> None:
        """Close the connections, if any were opened."""
        if self.client is not None:
            self.client.close()
