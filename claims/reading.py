"""Reading text input for `claims extract`: files or standard input, decoded or refused
with a message that names the file."""

from __future__ import annotations

import sys
from pathlib import Path

from claims import sniff
from claims.limits import MAX_FILE_BYTES


def _bytes(name: str, label: str) -> bytes:
    """The bytes of a regular file or of standard input, at most MAX_FILE_BYTES of them; a
    FIFO, a device or a closed input is refused rather than waited on."""
    if name == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise ValueError(f"{label} is closed")
        source = sys.stdin.buffer
        data = source.read(MAX_FILE_BYTES + 1)
    else:
        path = Path(name)
        if path.exists() and not path.is_file():
            raise ValueError(f"{label}: not a regular file")
        with path.open("rb") as source:
            data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"{label}: over {MAX_FILE_BYTES // 1_000_000} MB, too big to read "
                         "as one text")
    return data


def read_text(name: str, encoding: str | None = None) -> str:
    """The text of file `name` ("-" for standard input), in `encoding` or, when none is
    given, UTF-8 or the UTF-16 the bytes announce; ValueError with a one-line reason."""
    label = "standard input" if name == "-" else name
    try:
        data = _bytes(name, label)
    except OSError as error:
        raise ValueError(f"{label}: {error.strerror or error}") from None
    if encoding is None:
        reason = sniff.not_text(data[: sniff.HEAD])
        if reason:
            raise ValueError(f"{label}: not text ({reason})")
    encoding = encoding or sniff.encoding_of(data[: sniff.HEAD]) or "utf-8"
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{label}: not valid {encoding} text (byte {error.start}); try --encoding latin-1"
        ) from None
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
