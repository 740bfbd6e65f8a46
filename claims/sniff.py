"""What a run of bytes is, before anyone decodes it: text (and in which UTF-16 order when it
has no byte-order mark), or a binary format that must never be stored as an article.

Files, standard input and fetched pages all pass through here, so a SQLite database given
where articles go, a gzip body served as text/plain or a file of NUL bytes is refused with
one line naming what it is.
"""

from __future__ import annotations

#: Leading bytes of formats that are never article text, with the name a user knows them by.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
)
#: How much of the start is looked at.
HEAD = 8192


def utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes are UTF-16 text with no byte-order mark
    (most characters ASCII, so every other byte is NUL), else None."""
    sample = head[: HEAD - HEAD % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.6 and nul_even < 0.1:
        return "utf-16-le"
    if nul_even > 0.6 and nul_odd < 0.1:
        return "utf-16-be"
    return None


def not_text(head: bytes) -> str | None:
    """Why these bytes are not text ("a SQLite database", "binary data"), or None when they
    may be text. Byte-order-marked and BOM-less UTF-16 count as text."""
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return None
    if b"\x00" in head[:HEAD]:
        return "binary data (it contains NUL bytes)"
    return None


def encoding_of(head: bytes) -> str | None:
    """The encoding the bytes themselves announce: a UTF-16 order without a mark, else None
    (byte-order marks are handled by the codecs)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return utf16_without_bom(head)
