"""Writing records (claims as dicts) in the formats the CLI offers: a table for people,
JSON Lines, JSON and CSV for pipes."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence

FORMATS = ("table", "jsonl", "json", "csv")
TABLE_COLUMNS = ("text", "value", "qualifier", "unit", "metric", "subject", "attributed_to")


def write(records: Iterable[dict], format: str, stream, columns: Sequence[str] | None = None) -> int:
    """Write `records` to `stream`; returns how many were written."""
    if format == "jsonl":
        count = 0
        for count, record in enumerate(records, 1):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return count
    rows = list(records)
    if format == "json":
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif format == "csv":
        fields = list(columns or (rows[0].keys() if rows else ()))
        writer = csv.DictWriter(stream, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif format == "table":
        stream.write(table(rows, columns or TABLE_COLUMNS))
    else:
        raise ValueError(f"unknown format {format!r}")
    return len(rows)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.6g}"
    return " ".join(str(value).split())


def table(rows: list[dict], columns: Sequence[str]) -> str:
    """A fixed-width table that fits the terminal: wide text columns are cut with an ellipsis."""
    if not rows:
        return "(no claims)\n"
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max(len(column), *(len(line[i]) for line in cells)) for i, column in enumerate(columns)]
    room = shutil.get_terminal_size((160, 24)).columns - 2 * (len(columns) - 1)
    while sum(widths) > room and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def line(values):
        parts = []
        for value, width in zip(values, widths):
            text = value if len(value) <= width else value[: width - 1] + "…"
            parts.append(text.ljust(width))
        return "  ".join(parts).rstrip() + "\n"

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "".join(out)
