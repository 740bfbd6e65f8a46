"""How records leave the command line and how dates enter it: one writer for a table, JSON
Lines, JSON and CSV, one way to print a number and one way to read a YYYY[-MM[-DD]] date.

`claims extract`, `claims export` and `claims compare` all write through `write`; JSON, JSON
Lines and CSV stream, so an export of a million claims runs in constant memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
from collections.abc import Iterable, Sequence
from typing import IO

#: What `write` can produce; `claims extract --format` offers all of them.
FORMATS = ("table", "jsonl", "json", "csv")
#: The claim fields a table shows: what a person scanning the output needs.
TABLE_COLUMNS = ("text", "value", "qualifier", "unit", "metric", "subject", "attributed_to")

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def coerce_date(text: str, *, whole: bool = False) -> str:
    """`text` checked as YYYY, YYYY-MM or YYYY-MM-DD (only the last when `whole`), so every
    date option accepts the same spellings and refuses the rest with the same message."""
    match = _DATE.fullmatch(text.strip())
    if match and (match[3] or not whole):
        try:
            dt.date(*(int(part) if part else 1 for part in match.groups()))
            return match[0]
        except ValueError:
            pass
    shapes = "2024-03-05" if whole else "2024, 2024-03 or 2024-03-05"
    raise ValueError(f"dates look like {shapes}, not {text!r}")


def format_number(value: float | None, missing: str = "") -> str:
    """12,000 rather than 12000.0 and 2.5 rather than 2.500000: figures as a reporter writes
    them, the same in tables, comparisons and ClaimReview ratings."""
    if value is None:
        return missing
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def count_of(number: int | None, noun: str) -> str:
    """"1 claim", "2 claims": a count with its noun in the right number."""
    number = number or 0
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def write(records: Iterable[dict], fmt: str, stream: IO[str],
          fields: Sequence[str] | None = None) -> int:
    """Write `records` to `stream` as `fmt`; returns how many were written.

    `fields` are the CSV columns, known even when there are no records (default: the first
    record's keys). JSON and JSON Lines carry whole records; a table shows TABLE_COLUMNS.
    """
    if fmt == "jsonl":
        count = 0
        for count, record in enumerate(records, 1):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return count
    if fmt == "json":
        return json_array(records, stream)
    if fmt == "csv":
        return _csv(records, stream, fields)
    if fmt == "table":
        rows = list(records)
        stream.write(table(rows))
        return len(rows)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def json_array(items: Iterable, stream: IO[str], head: str = "[", tail: str = "]") -> int:
    """Stream `items` as a JSON array, one item a line, between `head` and `tail` (ClaimReview
    wraps its array in a document); returns how many were written."""
    count = 0
    stream.write(head)
    for item in items:
        stream.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False))
        count += 1
    stream.write(("\n" if count else "") + tail + "\n")
    return count


def _csv(records: Iterable[dict], stream: IO[str], fields: Sequence[str] | None) -> int:
    """CSV with a header even when nothing matched, so a pipeline still sees the columns."""
    writer = None
    count = 0
    for count, record in enumerate(records, 1):
        if writer is None:
            writer = _csv_writer(stream, fields or list(record))
        writer.writerow(record)
    if writer is None and fields:
        _csv_writer(stream, fields)
    return count


def _csv_writer(stream: IO[str], fields: Sequence[str]) -> csv.DictWriter:
    """A DictWriter with its header written; keys outside `fields` are left out by request."""
    writer = csv.DictWriter(stream, fieldnames=list(fields), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    return writer


def _cell(value) -> str:
    """One table cell on one line: numbers formatted, whitespace runs collapsed."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return " ".join(str(value).split())


def table(rows: list[dict]) -> str:
    """A fixed-width table that fits the terminal: wide text columns are cut with an ellipsis.

    Rows from several files lead with the file they came from."""
    if not rows:
        return "(no claims)\n"
    columns = (("file",) if "file" in rows[0] else ()) + TABLE_COLUMNS
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max(len(column), *(len(line[i]) for line in cells))
              for i, column in enumerate(columns)]
    room = shutil.get_terminal_size((160, 24)).columns - 2 * (len(columns) - 1)
    while sum(widths) > room and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1

    def line(values):
        """One row padded to the column widths, too-long cells ending in an ellipsis."""
        parts = []
        for value, width in zip(values, widths):
            text = value if len(value) <= width else value[: width - 1] + "…"
            parts.append(text.ljust(width))
        return "  ".join(parts).rstrip() + "\n"

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "".join(out)
