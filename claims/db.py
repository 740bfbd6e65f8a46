"""The database shape, declared once and ensured on every run.

Every table is listed in SCHEMA with its columns, primary key and foreign keys; `ensure`
creates what is missing and adds missing columns, so opening an older database migrates it
and opening a current one changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

DEFAULT_DB = Path("db") / "claims.db"

SCHEMA: dict[str, dict] = {
    "outlets": {
        "columns": {"id": str, "name": str, "domain": str},
        "pk": "id",
        "fks": [],
    },
    "articles": {
        "columns": {
            "id": str, "url": str, "outlet_id": str, "title": str, "author": str,
            "published": str, "language": str, "text": str, "sha256": str,
            "version": int, "current_version_id": str, "ingested_at": str, "updated_at": str,
        },
        "pk": "id",
        "fks": [("outlet_id", "outlets", "id")],
    },
    "article_versions": {
        "columns": {
            "id": str, "article_id": str, "version": int, "title": str, "published": str,
            "text": str, "sha256": str, "is_current": int, "ingested_at": str,
        },
        "pk": "id",
        "fks": [("article_id", "articles", "id")],
    },
    "sources": {
        "columns": {"id": str, "name": str},
        "pk": "id",
        "fks": [],
    },
    "source_aliases": {
        "columns": {"alias": str, "source_id": str},
        "pk": "alias",
        "fks": [("source_id", "sources", "id")],
    },
    "figures": {
        "columns": {
            "id": str, "label": str, "metric": str, "unit": str, "place": str, "region": str,
            "country": str, "subject_kind": str, "cumulative": int, "date_from": str,
            "date_to": str, "outlets": int, "claims": int, "min_value": float,
            "max_value": float, "median_value": float, "spread": float, "rule": str,
        },
        "pk": "id",
        "fks": [],
    },
    "claims": {
        "columns": {
            "id": str, "article_id": str, "version_id": str, "outlet_id": str,
            "source_id": str, "figure_id": str, "is_current": int, "published": str,
            "text": str, "start": int, "end": int, "sentence": str, "sentence_start": int,
            "value": float, "low": float, "high": float, "qualifier": str, "unit": str,
            "metric": str, "subject": str, "direction": str, "vague": int, "place": str,
            "place_text": str, "region": str, "country": str, "latitude": float,
            "longitude": float, "date": str, "date_text": str, "cumulative": int,
            "attributed_to": str, "extractor_version": str,
        },
        "pk": "id",
        "fks": [
            ("article_id", "articles", "id"),
            ("version_id", "article_versions", "id"),
            ("outlet_id", "outlets", "id"),
            ("source_id", "sources", "id"),
            ("figure_id", "figures", "id"),
        ],
    },
}
