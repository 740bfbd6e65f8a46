"""The record's documentation, written once (claims.models, claims.db) and generated into
metadata.json's column descriptions and the README's record tables; and the canned queries'
`towns` step, written once in claims.db.

    uv run python -m claims.glossary          # check: exit 1 and name what drifted
    uv run python -m claims.glossary --write  # rewrite metadata.json and the README sections

The README sections sit between `<!-- glossary:NAME -->` and `<!-- /glossary:NAME -->`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from claims.db import COLUMN_DOCS, TOWNS_OF_PLACE
from claims.models import METRIC_TABLE, QUALIFIER_TABLE, Claim

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.json"
README = ROOT / "README.md"
DATABASE = "claims"
# A canned query's first step, the towns of its place filter: regenerated from TOWNS_OF_PLACE.
TOWNS_STEP = re.compile(r"^with towns as \(\n.*?\n\)\n", re.DOTALL)


def column_descriptions() -> dict[str, dict[str, str]]:
    """Every documented column: storage columns from claims.db, the claim record's fields
    from claims.models (the `claims` table holds both)."""
    docs = {table: dict(columns) for table, columns in COLUMN_DOCS.items()}
    record = {name: field.description for name, field in Claim.model_fields.items()}
    docs["claims"] = {**docs.get("claims", {}), **record}
    return docs


def towns_step() -> str:
    """The `towns` step of a canned query, as metadata.json writes it."""
    lines = "\n".join(f"  {line}" for line in TOWNS_OF_PLACE)
    return f"with towns as (\n{lines}\n)\n"


def metadata(current: dict) -> dict:
    """`current` metadata with every table's column descriptions replaced by the glossary's,
    and each canned query's `towns` step by TOWNS_OF_PLACE."""
    out = json.loads(json.dumps(current))
    database = out.setdefault("databases", {}).setdefault(DATABASE, {})
    tables = database.setdefault("tables", {})
    for table, columns in column_descriptions().items():
        tables.setdefault(table, {})["columns"] = columns
    for query in database.get("queries", {}).values():
        query["sql"] = TOWNS_STEP.sub(lambda _: towns_step(), query["sql"], count=1)
    return out


def _cell(text: str) -> str:
    """Markdown-table-safe text: pipes escaped."""
    return text.replace("|", "\\|")


def fields_table() -> str:
    """The README's table of the claim record."""
    rows = ["| field | meaning |", "|---|---|"]
    for name, field in Claim.model_fields.items():
        rows.append(f"| `{name}` | {_cell(field.description)} |")
    return "\n".join(rows)


def qualifiers_table() -> str:
    """The README's table of qualifiers and the words that make them."""
    rows = ["| qualifier | written as |", "|---|---|"]
    rows += [f"| `{name}` | {_cell(words)} |" for name, words in QUALIFIER_TABLE.items()]
    return "\n".join(rows)


def metrics_table() -> str:
    """The README's table of metrics: what each counts, its cues, how the tool treats it."""
    rows = ["| metric | counts | cues | people by default | compared across outlets |",
            "|---|---|---|---|---|"]
    for m in METRIC_TABLE:
        rows.append(f"| `{m.name}` | {_cell(m.counts)} | {_cell(m.cues)} | "
                    f"{'yes' if m.people else ''} | {'yes' if m.grouped else ''} |")
    return "\n".join(rows)


SECTIONS = {"fields": fields_table, "qualifiers": qualifiers_table, "metrics": metrics_table}


def readme(current: str) -> str:
    """`current` README text with each glossary section regenerated."""
    for name, make in SECTIONS.items():
        pattern = re.compile(
            rf"(<!-- glossary:{name} -->\n).*?(<!-- /glossary:{name} -->)", re.DOTALL
        )
        if not pattern.search(current):
            raise ValueError(f"README.md has no glossary:{name} section")
        body = make()
        current = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(2),
                              current)
    return current


def _metadata_text(current: dict) -> str:
    """metadata.json as the project writes it: two-space indent, UTF-8, final newline."""
    return json.dumps(metadata(current), indent=2, ensure_ascii=False) + "\n"


def drift() -> list[str]:
    """The generated files that differ from what the glossary says."""
    stale = []
    text = METADATA.read_text(encoding="utf-8")
    if _metadata_text(json.loads(text)) != text:
        stale.append(str(METADATA.name))
    text = README.read_text(encoding="utf-8")
    if readme(text) != text:
        stale.append(str(README.name))
    return stale


def write() -> None:
    """Regenerate metadata.json's column descriptions and the README's record tables."""
    METADATA.write_text(_metadata_text(json.loads(METADATA.read_text(encoding="utf-8"))),
                        encoding="utf-8")
    README.write_text(readme(README.read_text(encoding="utf-8")), encoding="utf-8")


def main(argv: list[str]) -> int:
    """Check by default; `--write` regenerates."""
    if "--write" in argv:
        write()
        return 0
    stale = drift()
    for name in stale:
        print(f"{name} is out of date with the glossary: run python -m claims.glossary --write")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
