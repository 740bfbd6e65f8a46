"""Reading text input for `claims extract`: files or standard input, decoded or refused
with a message that names the file."""

from __future__ import annotations

import sys
from pathlib import Path


def read_text(name: str, encoding: str = "utf-8") -> str:
    """The text of file `name` ("-" for standard input); ValueError with a one-line reason."""
    label = "standard input" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise ValueError(f"{label}: {error.strerror or error}") from None
    if b"\x00" in data[:8192]:
        raise ValueError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{label}: not valid {encoding} text (byte {error.start}); try --encoding latin-1"
        ) from None
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
