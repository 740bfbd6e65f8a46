"""The database shape, declared once and ensured on every run.

Every table is listed in SCHEMA with its columns, primary key and foreign keys; `ensure`
creates what is missing and adds missing columns, so opening an older database migrates it
and opening a current one changes nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime as dt
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from claims import outlets, sources
from claims.ids import article_id, claim_id, domain_of, normalise_url, stable_id

if TYPE_CHECKING:
    from claims.models import Claim

DEFAULT_DB = Path("db") / "claims.db"

SCHEMA: dict[str, dict] = {
    "outlets": {
        "columns": {"id": str, "name": str, "domain": str},
        "pk": "id",
        "fks": [],
    },
    "articles": {
        "columns": {
            "id": str, "url": str, "external_id": str, "outlet_id": str, "title": str,
            "author": str, "published": str, "language": str, "text": str, "sha256": str,
            "version": int, "current_version_id": str, "ingested_at": str, "updated_at": str,
        },
        "pk": "id",
        "fks": [("outlet_id", "outlets", "id")],
    },
    "article_versions": {
        "columns": {
            "id": str, "article_id": str, "version": int, "title": str, "published": str,
            "text": str, "sha256": str, "is_current": int, "ingested_at": str,
            "extractor_version": str,
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
    # Derived by claims.compare.group_figures (claims.reprints): one row per article that
    # reprints another's text.
    "reprints": {
        "columns": {"article_id": str, "original_id": str, "similarity": float},
        "pk": "article_id",
        "fks": [("article_id", "articles", "id"), ("original_id", "articles", "id")],
    },
    # Kept by claims.reprints: each article's MinHash signature of its current text (none
    # for a text too short to compare), its band keys, and the article it copies directly,
    # so new texts are compared with the few that share a band instead of every text. A
    # sketch made by the map step is stored with its article, `pending` until a regroup has
    # looked for its original.
    "reprint_sketches": {
        "columns": {"article_id": str, "version_id": str, "signature": bytes,
                    "original_id": str, "similarity": float, "pending": int},
        "pk": "article_id",
        "fks": [("article_id", "articles", "id"), ("version_id", "article_versions", "id")],
    },
    "reprint_bands": {
        "columns": {"band": int, "article_id": str},
        "pk": ("band", "article_id"),
        "fks": [("article_id", "articles", "id")],
    },
    # Derived by claims.compare.group_figures (claims.incidents): one row per incident.
    "incidents": {
        "columns": {
            "id": str, "label": str, "place": str, "level": str, "region": str, "country": str,
            "date_from": str, "date_to": str, "articles": int, "outlets": int, "claims": int,
            "latitude": float, "longitude": float, "rule": str, "means": str,
        },
        "pk": "id",
        "fks": [],
    },
    "figures": {
        "columns": {
            "id": str, "label": str, "incident_id": str, "metric": str, "unit": str,
            "place": str, "region": str, "country": str, "subject_kind": str, "cumulative": int,
            "since": str,
            "date_from": str, "date_to": str, "outlets": int, "reports": int, "reprints": int,
            "claims": int, "min_value": float,
            "max_value": float, "median_value": float, "spread": float, "rule": str,
            "key": str, "level": str, "latitude": float, "longitude": float,
            # Over each outlet's latest value (figure_outlet_latest), for the disagreements
            # view; empty unless two or more outlets gave a positive value.
            "latest_low": float, "latest_high": float, "latest_spread": float,
            "values_by_outlet": str,
        },
        "pk": "id",
        "fks": [],
    },
    # Derived by claims.compare.group_figures: one row per figure and outlet.
    "figure_outlet_latest": {
        "columns": {
            "figure_id": str, "outlet_id": str, "latest_value": float, "published": str,
            "claims": int, "sources": str, "claim_id": str,
        },
        "pk": ("figure_id", "outlet_id"),
        "fks": [("figure_id", "figures", "id"), ("outlet_id", "outlets", "id")],
    },
    # Bookkeeping of derived data: "grouped" holds the claims' fingerprint when figures were
    # last rebuilt from them, so a run that died while grouping is repaired by the next.
    "state": {
        "columns": {"key": str, "value": str},
        "pk": "key",
        "fks": [],
    },
    "claims": {
        "columns": {
            "id": str, "article_id": str, "version_id": str, "outlet_id": str,
            "source_id": str, "figure_id": str, "is_current": int, "published": str,
            "text": str, "start": int, "end": int, "sentence": str, "sentence_start": int,
            "value": float, "low": float, "high": float, "qualifier": str, "unit": str,
            "per": str, "metric": str, "subject": str, "direction": str, "vague": int, "place": str,
            "place_text": str, "region": str, "country": str, "latitude": float,
            "longitude": float, "date": str, "date_text": str, "cumulative": int,
            "role": str, "role_text": str, "part_of": int, "part_of_claim": str,
            "incident_id": str, "attributed_to": str, "extractor_version": str,
        },
        "pk": "id",
        "fks": [
            ("article_id", "articles", "id"),
            ("version_id", "article_versions", "id"),
            ("outlet_id", "outlets", "id"),
            ("source_id", "sources", "id"),
            ("figure_id", "figures", "id"),
            ("incident_id", "incidents", "id"),
        ],
        # Compared without regard to case (ASCII letters), so `?place=velmora` on Datasette's
        # own table pages finds Velmora, through the same indexes.
        "nocase": ["place", "region", "country"],
    },
    # Stored counts: how many claims have each combination of the columns the claims table
    # is faceted and filtered on (COUNTED_BY), kept exact by triggers on claims. Empty values
    # are stored as '' (and is_current as 1) so each combination is one row. The site answers
    # row counts and facets from here instead of counting millions of claims per page.
    "claim_counts": {
        "columns": {
            "metric": str, "unit": str, "qualifier": str, "outlet_id": str, "place": str,
            "region": str, "country": str, "is_current": int, "latitude": float,
            "longitude": float, "claims": int,
        },
        "pk": ("metric", "unit", "qualifier", "outlet_id", "place", "region", "country",
               "is_current"),
        "fks": [],
        "nocase": ["place", "region", "country"],
    },
    # The same counts by place alone (with its country, metric and outlet), for the map: at
    # ten million claims claim_counts holds half a million rows, a quarter of them kept
    # apart only by unit, qualifier or region, and the map of every metric summed them all.
    "place_counts": {
        "columns": {
            "place": str, "country": str, "metric": str, "outlet_id": str, "is_current": int,
            "latitude": float, "longitude": float, "claims": int,
        },
        "pk": ("place", "country", "metric", "outlet_id", "is_current"),
        "fks": [],
        "nocase": ["place", "country"],
    },
}

#: The claims columns claim_counts counts by (its primary key), in order.
COUNTED_BY: tuple[str, ...] = SCHEMA["claim_counts"]["pk"]

#: Each table of stored counts, with the word its triggers on claims are named by
#: (claims_<word>_ai, _ad, _au). Each counts claims by its primary key.
STORED_COUNTS: dict[str, str] = {"claim_counts": "counted", "place_counts": "placed"}

#: The towns a place filter (:place, :metric) can match, from the stored counts, one line per
#: index range: a claim's region and country are its place's, so each claim in a region or
#: country has one of these places. An `or` of the three read every row of the metric, 58 ms
#: at ten million claims against 0.1 ms. The plugin's pages and metadata.json's canned query
#: (written by claims.glossary) both use it.
TOWNS_OF_PLACE: tuple[str, ...] = (
    "select place from claim_counts where metric = :metric and claims > 0 and place = :place",
    ("union select place from claim_counts where metric = :metric and claims > 0 "
     "and region = :place"),
    ("union select place from place_counts where country = :place and metric = :metric "
     "and claims > 0"),
)


# What each stored column means (the claim record's own fields are described in
# claims.models); metadata.json's column descriptions are generated from these and the record
# (claims.glossary), so the site, the README and the code say the same thing.
COLUMN_DOCS: dict[str, dict[str, str]] = {
    "claim_counts": {
        "metric": "The claims' metric ('' for none).",
        "unit": "The claims' unit ('' for none).",
        "qualifier": "The claims' qualifier ('' for none).",
        "outlet_id": "The claims' outlet ('' for none).",
        "place": "The claims' place ('' for none).",
        "region": "The claims' region ('' for none).",
        "country": "The claims' country ('' for none).",
        "is_current": "1 for claims from current article versions (or not marked), 0 for others.",
        "latitude": "Latitude of the place, from the last claim counted.",
        "longitude": "Longitude of the place, from the last claim counted.",
        "claims": "How many claims have these values; kept exact by triggers on claims.",
    },
    "place_counts": {
        "place": "The claims' place ('' for none).",
        "country": "The claims' country ('' for none).",
        "metric": "The claims' metric ('' for none).",
        "outlet_id": "The claims' outlet ('' for none).",
        "is_current": "1 for claims from current article versions (or not marked), 0 for others.",
        "latitude": "Latitude of the place, from the last claim counted.",
        "longitude": "Longitude of the place, from the last claim counted.",
        "claims": "How many claims have these values; kept exact by triggers on claims.",
    },
    "reprint_sketches": {
        "article_id": "The article (articles.id).",
        "version_id": "The version whose text was sketched (article_versions.id).",
        "signature": "MinHash of the text's word shingles: 64 unsigned 64-bit values.",
        "original_id": "The earlier article it copies directly, if any (articles.id).",
        "similarity": "Share of word shingles in common with that article (MinHash estimate).",
        "pending": "1 while the sketch, made when its article was extracted, waits for the next "
                   "regroup to look for the article's original.",
    },
    "reprint_bands": {
        "band": "Hash of one band of the signature: texts sharing one are compared.",
        "article_id": "The article (articles.id).",
    },
    "state": {
        "key": "What the row records (\"grouped\": the claims that figures were last built from).",
        "value": "The record: for \"grouped\", the claims' count, last rowid and current count.",
    },
    "sources": {
        "id": "The source's key (\"sohr\").",
        "name": "The source's name as a reader knows it.",
    },
    "claims": {
        "id": (
            "Stable hash of the article version and the claim's character offsets: re-ingesting "
            "the same text gives the same id."
        ),
        "article_id": "The article the claim was read from (articles.id).",
        "version_id": (
            "The stored version of the article text the offsets refer to (article_versions.id)."
        ),
        "outlet_id": "The outlet that published the article (outlets.id).",
        "source_id": (
            "Who the figure is attributed to, with its many spellings merged (sources.id); empty "
            "when unattributed."
        ),
        "figure_id": (
            "The figure this claim reports, shared by every claim about the same quantity, place "
            "and time across outlets (figures.id)."
        ),
        "is_current": (
            "1 if the claim comes from the current version of its article; 0 if the article was "
            "later edited and this version superseded. Nothing is deleted."
        ),
        "published": (
            "Publication date of the article (ISO 8601), copied here so date filters need no "
            "join."
        ),
        "extractor_version": (
            "Version of the extractor that produced the claim; `claims reextract` replaces claims "
            "from older versions."
        ),
        "part_of_claim": (
            "For a part (role = part), the claim in the same article it is part of (claims.id)."
        ),
        "incident_id": (
            "The incident the claim reports on, shared by the reports of one attack or event "
            "across outlets (incidents.id); parts and period totals carry it too."
        ),
    },
    "articles": {
        "outlet_id": "The outlet that published the article (outlets.id).",
        "title": "The headline.",
        "author": "The byline, when the input gave one.",
        "language": "The language code the input or the page gave (\"en\").",
        "id": (
            "Stable hash of the normalised URL (or outlet and external id, or the text when there "
            "is neither)."
        ),
        "url": "The article's original address.",
        "external_id": "The id the input gave the article, when it had no URL.",
        "text": (
            "The current text claims were extracted from (title on top unless the body starts "
            "with it). Claim offsets index into this string."
        ),
        "sha256": (
            "Hash of text: an unchanged article is skipped on re-ingest; a changed one becomes a "
            "new version."
        ),
        "version": "Number of the current version (1 for articles never edited).",
        "current_version_id": "The article_versions row holding this text.",
        "published": "Publication date as given by the source (ISO 8601).",
        "ingested_at": "When the article was first stored (UTC).",
        "updated_at": "When the text last changed (UTC).",
    },
    "article_versions": {
        "id": "Stable hash of the article and this text.",
        "article_id": "The article this is a version of (articles.id).",
        "version": "1 for the first text stored, then 2, 3... for each edit.",
        "title": "The headline of this version.",
        "published": "Publication date given with this version (ISO 8601).",
        "sha256": "Hash of the text.",
        "ingested_at": "When this version was stored (UTC).",
        "is_current": "1 for the article's current text.",
        "extractor_version": "Extractor version that last read this text.",
        "text": "The text of this version; claim offsets index into it.",
    },
    "outlets": {
        "id": "The outlet's key: its name in lower case with hyphens (\"the-harbour-ledger\").",
        "name": "The outlet's name as the input gave it, else its web domain.",
        "domain": "Web domain the outlet publishes on, without www.",
    },
    "source_aliases": {
        "alias": "Normalised name as written in articles.",
        "source_id": "The source it means.",
    },
    "reprints": {
        "article_id": "The article that reprints another's text (articles.id).",
        "original_id": (
            "The earliest published article of its group of near-identical texts (articles.id)."
        ),
        "similarity": "Share of word shingles the two texts have in common (MinHash estimate).",
    },
    "incidents": {
        "id": "Stable hash of the incident's place, first day and first report.",
        "label": "Readable name: place, first day and, when its reports say, the means.",
        "place": "The most specific place the reports name: a town, else a region or country.",
        "level": "Whether the place is a town, a region or a country.",
        "region": "First-level division of the place.",
        "country": "Country of the place.",
        "date_from": "The earliest day a report dates the incident to.",
        "date_to": "The latest such day (reports a day late, or background mentions).",
        "articles": "Number of articles reporting it.",
        "outlets": "Number of distinct outlets reporting it.",
        "claims": "Number of claims about it: totals, parts, period totals and updates.",
        "latitude": "Latitude of the place; drives the map.",
        "longitude": "Longitude of the place; drives the map.",
        "rule": "Why these reports are one incident, in words.",
        "means": (
            "How most of its reports say it was carried out (chemical attack, executions, "
            "bombing, air strikes, shelling, fighting), from their leads; empty when none say."
        ),
    },
    "figures": {
        "id": "Stable hash of the grouping key: regrouping the same claims gives the same id.",
        "incident_id": (
            "The incident whose total the figure is (incidents.id); empty for running totals."
        ),
        "metric": "What the figure counts (see the claim record's metric).",
        "unit": "The unit of its claims.",
        "region": "First-level division of the figure's place.",
        "country": "Country of the figure's place.",
        "label": "Readable name: metric, subject kind, place, total or incident, dates.",
        "subject_kind": (
            "Kind of subject counted, when the claims say (civilians, children, government "
            "forces, members of armed groups, combatants of either side, ...)."
        ),
        "cumulative": "1 for running totals, 0 for single events.",
        "since": (
            "Where a running total counts from when it is not the war's start: a month "
            "(2014-09), a year (2013) or the words of its span (\"since the alliance "
            "offensive\"); empty for the war's own and for single events."
        ),
        "date_from": "Earliest date the claims refer to.",
        "date_to": "Latest date the claims refer to.",
        "outlets": "Number of distinct outlets reporting the figure.",
        "reports": (
            "Number of independent reports: articles about the figure, counting an original and "
            "its reprints (reprints table) once."
        ),
        "reprints": "Number of its articles that reprint another article's text.",
        "claims": "Number of current claims about the figure.",
        "min_value": "Smallest value reported.",
        "max_value": "Largest value reported.",
        "median_value": "Median of the values reported.",
        "spread": (
            "Largest value divided by the smallest (1 = all agree); empty when the smallest is 0."
        ),
        "rule": "The grouping rule that put these claims together, in words.",
        "key": (
            "The grouping key (metric, unit, subject kind, cumulative, country, region, level, "
            "place, first date) as JSON; the id hashes it."
        ),
        "level": "Whether the figure's place is a town, a region or a country.",
        "place": "Town, region or country the figure is about (see level).",
        "latitude": "Latitude of the figure's place; drives the map.",
        "longitude": "Longitude of the figure's place; drives the map.",
        "latest_low": (
            "Smallest of the outlets' latest values (figure_outlet_latest); empty unless two or "
            "more outlets gave a positive value."
        ),
        "latest_high": (
            "Largest of the outlets' latest values; empty unless two or more outlets gave a "
            "positive value."
        ),
        "latest_spread": (
            "latest_high / latest_low, rounded to 2 decimals: how far the outlets' latest values "
            "are apart (the disagreements view lists those over 1.2)."
        ),
        "values_by_outlet": "Each outlet's latest value, as outlet: value; ...",
    },
    "figure_outlet_latest": {
        "figure_id": "The figure (figures.id).",
        "outlet_id": "The outlet (outlets.id).",
        "latest_value": "The value in the outlet's most recently published claim about the figure.",
        "published": "When that claim was published.",
        "claims": "How many claims the outlet made about the figure.",
        "sources": "The sources the outlet cited for it, comma-separated.",
        "claim_id": "The outlet's most recent claim about the figure (claims.id).",
    },
    "figure_claims": {
        "source": "The source's name, else the attribution as written.",
        "reprints_outlet": (
            "When the article reprints another outlet's text: the outlet that published it "
            "first."
        ),
        "reprints_article": "The article it reprints (articles.id).",
    },
    "figure_outlets": {
        "latest_value": "The value in the outlet's most recently published claim about the figure.",
        "claims": "How many claims the outlet made about the figure.",
        "sources": "The sources the outlet cited for it, comma-separated.",
    },
    "disagreements": {
        "reports": "Independent reports: articles, with an original and its reprints once.",
        "reprints": "Articles among them that reprint another's text.",
        "lowest": "Smallest of the outlets' latest values.",
        "highest": "Largest of the outlets' latest values.",
        "spread": "highest / lowest.",
        "values_by_outlet": "Each outlet's latest value, as outlet: value; ...",
    },
    "outlet_vs_median": {
        "ratio_to_median": "value / median_value (1 = the median).",
        "difference": "value - median_value, in the figure's unit.",
    },
    "sources_by_outlet": {
        "claims": "Current claims the outlet attributes to the source.",
        "figures": "Distinct figures among them.",
    },
}

FTS: dict[str, list[str]] = {
    "claims": ["sentence", "text", "subject", "attributed_to"],
    "articles": ["title", "text"],
}
# A column, or a tuple of columns for a composite index. The composites keep the Datasette
# claims table fast at a million rows (benchmarks/serve_million.py): facet counts read a
# covering index, and metric/place-filtered pages come back newest first without a sort
# (the claims_for_metric_place query filters by date from the same index).
INDEXES: dict[str, list[str | tuple[str, ...]]] = {
    "claims": [
        "metric", "unit", "outlet_id", "published", "place", "value", "article_id", "figure_id",
        "incident_id",
        "version_id", "source_id", "qualifier",
        ("metric", "unit", "qualifier", "outlet_id", "place"),
        ("metric", "published"),
        ("metric", "place", "published", "date", "is_current"),
        ("place", "published", "metric", "unit", "qualifier", "outlet_id"),
    ],
    # (outlets, claims): the figures reported most widely, which compare_figure offers.
    "figures": ["claims", "metric", "unit", "place", "incident_id",
                ("latest_spread", "outlets"), ("outlets", "claims")],
    "incidents": ["date_from", "country"],
    # The two filters pages use most, metric and place, lead covering indexes that hold the
    # faceted columns and the count, so such a facet reads one index range (the metric one
    # also serves the timelines' starting points, the place one the map). Every counted
    # claim rewrites its row's entry in these two, which is why the other filter columns
    # get plain indexes: covering ones for all seven made storing claims about 3x slower
    # (benchmarks/count_upkeep.py --store-only; 1.7x with these two).
    "claim_counts": [
        ("metric", "place", "unit", "qualifier", "outlet_id", "claims"),
        ("place", "country", "latitude", "longitude", "is_current", "metric", "outlet_id",
         "unit", "qualifier", "claims"),
        "unit", "qualifier", "outlet_id", "region", "country",
    ],
    # The map reads every current place in this order, one index range, no sort; the towns
    # of a country (claims_for_metric_place) are one range of the second.
    "place_counts": [
        ("place", "country", "latitude", "longitude", "is_current", "metric", "outlet_id",
         "claims"),
        ("country", "metric", "place", "claims"),
    ],
    "articles": ["outlet_id", "published", "url"],
    "article_versions": ["article_id"],
    "reprint_bands": ["article_id"],
    "reprint_sketches": ["original_id"],
    "source_aliases": ["source_id"],
}

# Outlets disagree when their latest values differ by more than this ratio (max / min).
DISAGREEMENT = 1.2
#: The figures the disagreements view lists (and counts).
DISAGREEING = f"latest_spread >= {DISAGREEMENT} AND latest_high > {DISAGREEMENT} * latest_low"

#: Indexes on expressions or over some rows only, by name: (table, indexed expressions, the
#: rows indexed or ""). A claim's day is the date the figure refers to, else its publication
#: day; the claims_for_metric_place query reads one metric, place and range of days from the
#: first instead of every claim of the metric. The second holds only disagreeing figures, in
#: the disagreements view's order with the columns its WHERE and the where_outlets_disagree
#: query's filters read: a page of them, and their count, never sort or visit the others.
EXPRESSION_INDEXES: dict[str, tuple[str, str, str]] = {
    "idx_claims_metric_place_day": (
        "claims", 'metric, place, coalesce("date", substr(published, 1, 10), \'\')', ""
    ),
    "idx_figures_disagreeing": (
        "figures",
        "reports, latest_spread, outlets, latest_high, latest_low, metric, place, region, country",
        f"latest_spread >= {DISAGREEMENT}",
    ),
}
# Views over the tables above; the canned queries and the site read these, so every open
# creates them and a database that was never grouped still answers (with no rows).
VIEWS: dict[str, str] = {
    "figure_claims": """
        SELECT c.figure_id, f.label, c.id AS claim_id, c.outlet_id, o.name AS outlet,
               c.published, c.value, c.text, c.start, c.attributed_to,
               coalesce(s.name, c.attributed_to) AS source, c.place_text, c.date_text,
               c.article_id, c.sentence,
               CASE WHEN ra.outlet_id IS NOT c.outlet_id
                    THEN coalesce(ro.name, ra.outlet_id) END AS reprints_outlet,
               r.original_id AS reprints_article
        FROM claims c JOIN figures f ON f.id = c.figure_id
        LEFT JOIN outlets o ON o.id = c.outlet_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN reprints r ON r.article_id = c.article_id
        LEFT JOIN articles ra ON ra.id = r.original_id
        LEFT JOIN outlets ro ON ro.id = ra.outlet_id
    """,
    # These two read what `materialise` stored, so they are index lookups at any size.
    "figure_outlets": """
        SELECT fo.figure_id, f.label, fo.outlet_id, o.name AS outlet, fo.latest_value,
               fo.published, fo.claims, fo.sources, fo.claim_id, c.text
        FROM figure_outlet_latest fo JOIN figures f ON f.id = fo.figure_id
        LEFT JOIN outlets o ON o.id = fo.outlet_id
        LEFT JOIN claims c ON c.id = fo.claim_id
    """,
    "disagreements": f"""
        SELECT id AS figure_id, label, outlets, reports, reprints, claims, latest_low AS lowest,
               latest_high AS highest, median_value, latest_spread AS spread,
               values_by_outlet, rule
        FROM figures
        WHERE {DISAGREEING}
        ORDER BY reports DESC, latest_spread DESC, outlets DESC
    """,
    "figure_timeline": """
        SELECT figure_id, label, published, outlet_id, outlet, value, source, text, claim_id
        FROM figure_claims ORDER BY figure_id, published, outlet_id
    """,
    "outlet_vs_median": """
        SELECT c.outlet_id, c.figure_id, f.label, c.value, f.median_value,
               round(c.value / f.median_value, 3) AS ratio_to_median,
               c.value - f.median_value AS difference, f.outlets, c.id AS claim_id
        FROM claims c JOIN figures f ON f.id = c.figure_id
        WHERE f.outlets >= 2 AND f.median_value > 0
    """,
    "sources_by_outlet": """
        SELECT c.outlet_id, coalesce(s.name, c.attributed_to, '(no source named)') AS source,
               count(*) AS claims, count(DISTINCT c.figure_id) AS figures
        FROM claims c LEFT JOIN sources s ON s.id = c.source_id
        WHERE coalesce(c.is_current, 1)
        GROUP BY c.outlet_id, source
        ORDER BY c.outlet_id, claims DESC
    """,
}


#: A view's unfiltered row count, as a statement SQLite answers from an index alone: counting
#: through the view itself would read every row it lists (its ORDER BY keeps SQLite from
#: folding it into the count), and without the index named SQLite's planner, which has no
#: statistics of a partial index, prefers a range of a narrower one and reads the rows.
VIEW_COUNTS: dict[str, str] = {
    "disagreements": (
        f"SELECT count(*) FROM figures INDEXED BY idx_figures_disagreeing WHERE {DISAGREEING}"
    ),
}


@dataclass(frozen=True)
class Extractor:
    """What storage needs of an extractor, handed in by the caller so storage never imports
    extraction: the function from text and publication date to claims, and the version it
    stamps on every claim (so `reextract` knows which claims are older)."""

    run: Callable[..., list[Claim]]
    version: str
    titled: bool = False  # `run` also takes the article's title, as `title=`

    def read(self, text: str, published: dt.date | None, title: str | None = None) -> list[Claim]:
        """The claims in `text`; an extractor that reads titles is given the article's, so a
        headline run into the text's first sentence can end there."""
        return self.run(text, published, title=title) if self.titled else self.run(text, published)


# How long one attempt to take the write lock waits for another writer (SQLite's busy
# handler), and how long a writer keeps retrying before it gives up on an article.
BUSY_TIMEOUT_SECONDS = 30.0
LOCK_PATIENCE_SECONDS = 600.0


# The page cache, in KB: SQLite's default. 16 MB makes storing 10x FA-KES a seventh cheaper in
# CPU but costs 16 MB of peak RSS, and the 100x ingest peaked at 318 MB with it, past its
# 300 MB bound (benchmarks/README.md, "Storing in batches", seventh session).
CACHE_KB = 2_000


def open_db(path: str | Path = DEFAULT_DB) -> sqlite_utils.Database:
    """The database at `path`, created (parent folder included) and brought to the current shape."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS))
    ensure(db)
    return db


def _is_lock_error(error: sqlite3.OperationalError) -> bool:
    """Another connection holds the lock: worth waiting for, unlike any other error."""
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _patiently(action: Callable[[], object]) -> None:
    """Run `action`, trying again while another connection holds the lock, for up to
    LOCK_PATIENCE_SECONDS; any other error, or running out of patience, is raised."""
    deadline = time.monotonic() + LOCK_PATIENCE_SECONDS
    while True:
        try:
            action()
            return
        except sqlite3.OperationalError as error:
            if not _is_lock_error(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def begin_write(db: sqlite_utils.Database) -> None:
    """BEGIN IMMEDIATE: take the write lock before reading, so what this transaction reads
    is what it writes over. A deferred BEGIN would read a snapshot, then fail at once
    (SQLITE_BUSY_SNAPSHOT, no waiting) if another writer committed meanwhile. Each attempt
    waits BUSY_TIMEOUT_SECONDS; attempts go on for LOCK_PATIENCE_SECONDS."""
    _patiently(lambda: db.conn.execute("BEGIN IMMEDIATE"))


@contextlib.contextmanager
def writing(db: sqlite_utils.Database):
    """A write transaction that waits its turn behind other writers (see `begin_write`);
    inside an open transaction, a savepoint, so the block is still all or nothing."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_write(db)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def shape_fingerprint() -> int:
    """A number that changes whenever the declared shape or the known sources change; kept in
    the file's `user_version`, it lets an up-to-date database open without taking a lock."""
    declared = repr((SCHEMA, INDEXES, EXPRESSION_INDEXES, FTS, VIEWS, sources.known_rows()))
    return int(hashlib.sha256(declared.encode("utf-8")).hexdigest()[:7], 16)


def _use_wal(db: sqlite_utils.Database) -> None:
    """Switch to WAL (readers never wait for the writer), waiting out another process that
    is opening the same new file."""
    if db.journal_mode not in ("wal", "memory"):
        _patiently(db.enable_wal)


def ensure(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """Create missing tables, columns, foreign keys, indexes, search indexes and views, and
    the known sources; change nothing else. All in one write transaction, so two processes
    opening one new file at once do not trip over each other."""
    _use_wal(db)
    # WAL makes a commit without fsync safe against crashes (only power loss can drop the
    # last commits), which keeps one transaction per article cheap.
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    fingerprint = shape_fingerprint()
    if db.execute("PRAGMA user_version").fetchone()[0] == fingerprint:
        return db
    with writing(db):
        _ensure_shape(db)
        known, aliases = sources.known_rows()
        db.conn.executemany(
            "INSERT INTO sources (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", known
        )
        db.conn.executemany(
            "INSERT INTO source_aliases (alias, source_id) VALUES (?, ?) ON CONFLICT (alias) "
            "DO UPDATE SET source_id = excluded.source_id WHERE source_id != excluded.source_id",
            aliases,
        )
        db.execute(f"PRAGMA user_version = {fingerprint}")
    return db


def index_name(table: str, columns: str | tuple[str, ...]) -> str:
    """The name of a declared index on `columns` (one, or a tuple) of `table`."""
    return f"idx_{table}_{columns if isinstance(columns, str) else '_'.join(columns)}"


def declared_indexes() -> dict[str, tuple[str, str, str]]:
    """Every declared index (INDEXES, EXPRESSION_INDEXES) by name: its table, what it
    indexes, as CREATE INDEX takes it, and the rows it holds ("" for all)."""
    found = {index_name(table, columns): (table, ", ".join(
                 f'"{c}"' for c in ((columns,) if isinstance(columns, str) else columns)), "")
             for table, indexes in INDEXES.items() for columns in indexes}
    return found | EXPRESSION_INDEXES


#: The indexes storing an article reads (its earlier versions and their claims, found by the
#: article, then the version), kept while a bulk load leaves the others.
STORING_READS = frozenset(index_name(table, column) for table, column in (
    ("article_versions", "article_id"), ("claims", "version_id")))
#: The indexes the regroup's first reads sent ahead to the workers need (the search for
#: reprints, the survey of the claims by article), built first when a bulk load ends
#: (`ready_to_regroup`).
READ_AHEAD = (index_name("reprint_bands", "article_id"), index_name("claims", "article_id"))


def search_triggers() -> list[str]:
    """The triggers that keep the search indexes (FTS) in step with their tables."""
    return [f"{table}_{event}" for table in FTS for event in ("ai", "ad", "au")]


def drop_upkeep(db: sqlite_utils.Database) -> None:
    """Drop the indexes storing does not read and the search indexes' triggers, and mark the
    shape as not whole (`user_version` 0), so the next `ensure`, in this process or any
    other that opens the file, builds them again from the rows (`bulk_loading`)."""
    for name in declared_indexes().keys() - STORING_READS:
        db.execute(f'DROP INDEX IF EXISTS "{name}"')
    for name in search_triggers():
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    db.execute("PRAGMA user_version = 0")


def _is_new(db: sqlite_utils.Database) -> bool:
    """Whether the database holds no article yet."""
    return db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1


@contextlib.contextmanager
def bulk_loading(db: sqlite_utils.Database):
    """Fill a new database without keeping up the indexes and search indexes row by row:
    when it holds no article, they are dropped (`drop_upkeep`) and built once from the rows
    on exit, by `ensure`; that stored 10x FA-KES in under half the CPU and a third of the
    bytes written (benchmarks/README.md, "Scaling out, ninth session"). The stored counts
    are kept exact all along. Interrupted (Ctrl-C, or killed), it leaves the shape marked
    not whole, and whatever opens the file next builds it. Yields whether it bulk loads."""
    with writing(db):
        bulk = _is_new(db)
        if bulk:
            drop_upkeep(db)
    interrupted = False
    try:
        yield bulk
    except (KeyboardInterrupt, SystemExit):
        interrupted = True  # building the indexes now would hold up the exit
        raise
    finally:
        if bulk and not interrupted:
            ensure(db)


def _ensure_shape(db: sqlite_utils.Database) -> None:
    """Tables in foreign-key order, then indexes, search indexes with their triggers, views."""
    pending = dict(SCHEMA)
    while pending:
        ready = [
            name for name, spec in pending.items()
            if all(other == name or other not in pending for _, other, _ in spec["fks"])
        ]
        for name in ready or list(pending):
            _ensure_table(db, name, pending.pop(name))
    store_missing_bands(db)
    for name in declared_indexes():
        _create_index(db, name)
    for table, columns in FTS.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)
        _narrow_update_trigger(db, table, columns)
    _ensure_counts(db)
    ensure_views(db)


def _create_index(db: sqlite_utils.Database, name: str) -> None:
    """Create a declared index (`declared_indexes`) unless it exists."""
    table, indexed, rows = declared_indexes()[name]
    db.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({indexed})'
               + (f" WHERE {rows}" if rows else ""))


def _counted(row: str, key: tuple[str, ...] = COUNTED_BY) -> list[str]:
    """The stored-counts key of `row` (new or old in a trigger), one expression a column:
    '' for an empty value, 1 for an unmarked is_current."""
    return [f"coalesce({row}.is_current, 1)" if c == "is_current"
            else f"coalesce({row}.\"{c}\", '')" for c in key]


def count_triggers() -> dict[str, str]:
    """The triggers that keep each table of stored counts exact as claims are added,
    changed and deleted."""
    return {name: sql for table in STORED_COUNTS for name, sql in _table_triggers(table).items()}


def _table_triggers(table: str) -> dict[str, str]:
    """The three triggers on claims that keep one table of stored counts exact."""
    counted_by, word = SCHEMA[table]["pk"], STORED_COUNTS[table]
    key = ", ".join(f'"{c}"' for c in counted_by)
    where = " AND ".join(
        f'"{c}" = {v}' for c, v in zip(counted_by, _counted("old", counted_by), strict=True))
    add = (
        f"INSERT INTO {table} ({key}, latitude, longitude, claims) "
        f"VALUES ({', '.join(_counted('new', counted_by))}, new.latitude, new.longitude, 1) "
        f"ON CONFLICT ({key}) DO UPDATE SET claims = claims + 1, "
        "latitude = coalesce(excluded.latitude, latitude), "
        "longitude = coalesce(excluded.longitude, longitude);"
    )
    remove = f"UPDATE {table} SET claims = claims - 1 WHERE {where};"
    watched = ", ".join(f'"{c}"' for c in (*counted_by, "latitude", "longitude"))
    name = f"claims_{word}"
    return {
        f"{name}_ai": f"CREATE TRIGGER {name}_ai AFTER INSERT ON claims BEGIN {add} END",
        f"{name}_ad": f"CREATE TRIGGER {name}_ad AFTER DELETE ON claims BEGIN {remove} END",
        f"{name}_au": f"CREATE TRIGGER {name}_au AFTER UPDATE OF {watched} "
                      f"ON claims BEGIN {remove} {add} END",
    }


def count_claims(db: sqlite_utils.Database, tables: tuple[str, ...] = tuple(STORED_COUNTS)
                 ) -> None:
    """Fill each table of stored counts from the claims, replacing what it held."""
    for table in tables:
        counted_by = SCHEMA[table]["pk"]
        key = ", ".join(f'"{c}"' for c in counted_by)
        counted = ", ".join(_counted("claims", counted_by))
        db.execute(f"DELETE FROM {table}")
        db.execute(
            f"INSERT INTO {table} ({key}, latitude, longitude, claims) "
            f"SELECT {counted}, max(latitude), max(longitude), count(*) FROM claims "
            f"GROUP BY {counted}"
        )


def _ensure_counts(db: sqlite_utils.Database) -> None:
    """Put each table's counting triggers in place; where any was missing or different,
    count the claims afresh into that table, so the stored counts are exact from here on."""
    have = dict(db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'claims'"
    ).fetchall())
    for table in STORED_COUNTS:
        wanted = _table_triggers(table)
        if all(have.get(name) == sql for name, sql in wanted.items()):
            continue
        for name, sql in wanted.items():
            db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
            db.execute(sql)
        count_claims(db, (table,))


def ensure_views(db: sqlite_utils.Database) -> None:
    """Create each view in VIEWS, or replace it when its SQL changed."""
    have = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, sql in VIEWS.items():
        if have.get(name, "").strip() != f'CREATE VIEW "{name}" AS {sql.strip()}'.strip():
            db.create_view(name, sql.strip(), replace=True)


def _create_sql(db: sqlite_utils.Database, name: str, spec: dict) -> str:
    """CREATE TABLE for a declared table, with its case-insensitive columns (sqlite-utils
    has no option for a column's collation)."""
    sql = db.create_table_sql(name, spec["columns"], pk=spec["pk"],
                              foreign_keys=db.resolve_foreign_keys(name, spec["fks"]))
    for column in spec.get("nocase", ()):
        sql = sql.replace(f'"{column}" TEXT', f'"{column}" TEXT COLLATE NOCASE', 1)
    return sql


def _lacks_nocase(db: sqlite_utils.Database, name: str, spec: dict) -> bool:
    """Whether a stored table was made before some of its columns became case-insensitive."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                     [name]).fetchone()[0]
    declared = r'(?<!\w)["\[`]?{}["\]`]?\s+TEXT\s+COLLATE\s+NOCASE'
    return any(not re.search(declared.format(re.escape(column)), sql, re.IGNORECASE)
               for column in spec.get("nocase", ()))


def _rebuild(db: sqlite_utils.Database, name: str, spec: dict) -> None:
    """Copy a table into its declared shape (a column's collation cannot be altered in
    place), keeping every row and rowid, so the search index still points at the right rows.
    Its indexes, triggers and the views are dropped with it and put back by `ensure`."""
    for (view,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
        db.execute(f'DROP VIEW "{view}"')
    have = db[name].columns_dict
    columns = ", ".join(f'"{c}"' for c in spec["columns"] if c in have)
    db.execute(_create_sql(db, f"{name}_rebuilt", spec))
    db.execute(f'INSERT INTO "{name}_rebuilt" (rowid, {columns}) '
               f'SELECT rowid, {columns} FROM "{name}"')
    db.execute(f'DROP TABLE "{name}"')
    db.execute(f'ALTER TABLE "{name}_rebuilt" RENAME TO "{name}"')


def _ensure_table(db: sqlite_utils.Database, name: str, spec: dict) -> None:
    table = db.table(name)
    if not table.exists():
        db.execute(_create_sql(db, name, spec))
        return
    if _lacks_nocase(db, name, spec):
        _rebuild(db, name, spec)
    have = table.columns_dict
    for column, kind in spec["columns"].items():
        if column not in have:
            table.add_column(column, kind)
    declared = {(fk.column, fk.other_table, fk.other_column) for fk in table.foreign_keys}
    missing = [(name, *fk) for fk in spec["fks"] if tuple(fk) not in declared]
    if missing:
        db.add_foreign_keys(missing)


@dataclass
class Article:
    """One article as read from its input, before it is stored."""

    body: str
    title: str | None = None
    url: str | None = None
    external_id: str | None = None
    outlet: str | None = None
    domain: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


def article_text(title: str | None, body: str) -> str:
    """The text claims are extracted from: the title on top, unless the body already opens
    with it."""
    body = body.strip()
    title = (title or "").strip()
    if not title or title in body[: len(title) + 100]:
        return body
    return f"{title}\n\n{body}" if body else title


_META_COLUMNS = (
    "id", "article_id", "version_id", "outlet_id", "source_id", "is_current", "published",
    "extractor_version", "part_of_claim",
)
# Columns grouping fills in (claims.compare), never written with a claim.
_GROUPING_COLUMNS = ("figure_id", "incident_id")
# The claim record's fields that are columns (every column but the storage metadata); read
# off the schema so that opening a database does not load the models.
CLAIM_FIELDS = tuple(
    c for c in SCHEMA["claims"]["columns"] if c not in _META_COLUMNS + _GROUPING_COLUMNS
)
# Claims go through a staging table so each article reaches claims (and its full-text index)
# in one statement: FTS5 writes a segment at every statement, so a row at a time is slow.
_CLAIM_COLUMNS = ", ".join(f'"{c}"' for c in _META_COLUMNS + CLAIM_FIELDS)
_STAGE = "temp.claims_stage"
_CREATE_STAGE = (
    f"CREATE TEMP TABLE IF NOT EXISTS claims_stage AS SELECT {_CLAIM_COLUMNS} FROM main.claims "
    "WHERE 0"
)
_INSERT_STAGE = "INSERT INTO {} ({}) VALUES ({})".format(
    _STAGE, _CLAIM_COLUMNS, ", ".join("?" * (len(_META_COLUMNS) + len(CLAIM_FIELDS)))
)
_INSERT_CLAIMS = f"INSERT INTO main.claims ({_CLAIM_COLUMNS}) SELECT {_CLAIM_COLUMNS} FROM {_STAGE}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def outlet_of(article: Article) -> tuple[str, str, str | None] | None:
    """(id, name, registered domain) of the article's outlet from the article alone: a known
    publisher under any of its names or hosts (claims.outlets), else its name or domain. The
    Parquet writer keys articles with it, where there is no database to look in."""
    host = article.domain or domain_of(article.url)
    domain = outlets.registered_domain(host) if host else None
    found = outlets.resolve(article.outlet, domain)
    return (*found, domain) if found else None


def _outlet(db: sqlite_utils.Database, article: Article) -> tuple[str, str, str | None] | None:
    """`outlet_of`, except that an unnamed article from a host an outlet already published
    from joins that outlet."""
    host = article.domain or domain_of(article.url)
    domain = outlets.registered_domain(host) if host else None
    if domain and not (article.outlet or "").strip():
        row = db.execute(
            "SELECT id, name FROM outlets WHERE domain = ? LIMIT 1", [domain]
        ).fetchone()
        publisher = outlets.known(None, domain)
        if row and (publisher is None or publisher[0] == row[0]):
            return row[0], row[1], domain
    return outlet_of(article)


def claim_row(claim: Claim | dict) -> dict:
    """A claim as a plain row of the record's columns (picklable, for Parquet and for
    extraction in other processes); a row is already one."""
    if isinstance(claim, dict):
        return claim
    return {f: getattr(claim, f) for f in CLAIM_FIELDS}


def source_of(attributed_to: str | None) -> tuple[str, str, str] | None:
    """(source id, name, alias key) of who a claim is attributed to, when it is a known or
    nameable source."""
    return sources.resolve(attributed_to) if attributed_to else None


def write_claims(db: sqlite_utils.Database, claims: Iterable[Claim | dict], version: str,
                 article_id: str, version_id: str, outlet_id: str | None, published: str | None,
                 is_current: int) -> int:
    """Store one article version's claims (models or `claim_row`s), with their sources
    resolved, in one statement."""
    rows, found = [], {}
    claims = [claim_row(claim) for claim in claims]
    ends = {claim["start"]: claim["end"] for claim in claims}
    # each id hashed once: a part's whole is another claim of the article
    ids = {(c["start"], c["end"]): claim_id(version_id, c["start"], c["end"]) for c in claims}
    for claim in claims:
        source_id = None
        resolved = source_of(claim["attributed_to"])
        if resolved:
            source_id = resolved[0]
            found[resolved[2]] = resolved
        rows.append((
            ids[claim["start"], claim["end"]], article_id, version_id,
            outlet_id, source_id, is_current, published, version,
            ids[claim["part_of"], ends[claim["part_of"]]] if claim["part_of"] in ends else None,
            *[claim[f] for f in CLAIM_FIELDS],
        ))
    if found:
        db.conn.executemany(
            "INSERT INTO sources (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
            [(sid, name) for sid, name, _ in found.values()],
        )
        db.conn.executemany(
            "INSERT INTO source_aliases (alias, source_id) VALUES (?, ?) "
            "ON CONFLICT (alias) DO NOTHING",
            [(key, sid) for sid, _, key in found.values()],
        )
    if rows:
        db.conn.execute(_CREATE_STAGE)
        db.conn.executemany(_INSERT_STAGE, rows)
        db.conn.execute(_INSERT_CLAIMS)
        db.conn.execute(f"DELETE FROM {_STAGE}")
    return len(rows)


def _narrow_update_trigger(db: sqlite_utils.Database, table: str, columns: list[str]) -> None:
    """Re-index a row's full text only when an indexed column changes.

    sqlite-utils' update trigger fires on any column, so regrouping figures (which sets
    claims.figure_id on thousands of rows) would rewrite the whole search index."""
    name = f"{table}_au"
    cols = ", ".join(f'"{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    sql = (
        f'CREATE TRIGGER "{name}" AFTER UPDATE OF {cols} ON "{table}" BEGIN\n'
        f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {cols}) '
        f"VALUES('delete', old.rowid, {old});\n"
        f'  INSERT INTO "{table}_fts" (rowid, {cols}) VALUES (new.rowid, {new});\nEND'
    )
    current = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
    ).fetchone()
    if current is None or current[0] != sql:
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        db.execute(sql)


# A batch of articles is committed after this long. Each commit writes every index page the
# batch touched, and the ids the claims are indexed by are hashes, so a batch touches pages
# all over every index: the longer the batch, the more articles share each page written.
# At 0.5 s a 10x FA-KES ingest wrote 21 times the database's size, at 5 s 8 times
# (benchmarks/README.md, "Write amplification"); another writer waits this long at most.
COMMIT_EVERY_SECONDS = 5.0
# While a new database is bulk loaded (`bulk_loading`), batches last this long: its indexes
# keyed by hashes (claims', articles', versions') are still kept row by row, and each commit
# rewrote most of their pages, so the bytes written grew with the corpus (10.8x the database
# at 100x FA-KES with 5 s batches). Nobody reads a database being bulk loaded for its figures
# (they are built at the end), and another writer waits a batch out (LOCK_PATIENCE_SECONDS)
# instead of failing (benchmarks/README.md, "Writes, eleventh session").
BULK_COMMIT_EVERY_SECONDS = 60.0
# ... and the page cache holds this many KB instead of CACHE_KB, so those indexes' pages stay
# in memory through a batch instead of being spilled to the WAL and written again each time
# they are touched: storing 10x FA-KES wrote 191 MB instead of 288 MB, about what its rows
# take twice (WAL and database). It is given back before the indexes are built and the
# figures grouped, whose peak it would raise (benchmarks/README.md, "Writes, twelfth
# session").
BULK_CACHE_KB = 32_000


def commit_interval(bulk: bool) -> float:
    """How long a batch lasts: longer while a new database is bulk loaded."""
    return BULK_COMMIT_EVERY_SECONDS if bulk else COMMIT_EVERY_SECONDS


@contextlib.contextmanager
def page_cache(db: sqlite_utils.Database, kb: int):
    """Give the connection a page cache of `kb` KB for a while, then CACHE_KB again, with
    the memory it held handed back to the system."""
    db.execute(f"PRAGMA cache_size = -{kb}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        _hand_back_memory()


def _hand_back_memory() -> None:
    """Return freed heap pages to the system (glibc's malloc_trim) where the C library
    offers it: SQLite frees a shrunk cache's pages into the heap, which keeps them resident."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


@contextlib.contextmanager
def journals_in_memory(db: sqlite_utils.Database):
    """Keep savepoint journals in memory while a batch is stored: each article's savepoint
    copies every page it changes to a journal, which SQLite otherwise spills to a temporary
    file past 64 KB (10 GB of write calls for a 10x FA-KES ingest). Set back on exit, so
    the regroup's temporary tables stay on disk, out of the process's memory."""
    before = db.execute("PRAGMA temp_store").fetchone()[0]
    db.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        db.execute(f"PRAGMA temp_store = {int(before)}")


@contextlib.contextmanager
def batched_commits(db: sqlite_utils.Database, bulk: bool = False):
    """Commit every few seconds (`commit_interval`) instead of after every article; a bulk
    load's batches are longer and hold a larger page cache (BULK_CACHE_KB).

    Yields `store(write)`: `write()` runs inside the open write transaction, in a savepoint,
    so an article is still stored whole or not at all; what a batch saves is writing the
    search index and every index once per article. The write lock is taken only when there
    is something to write and let go at every commit, so another writer (a second ingest)
    gets its turn instead of failing. On any exit, Ctrl-C included, what was stored is
    committed."""
    last = time.perf_counter()
    every = commit_interval(bulk)

    def store(write):
        nonlocal last
        if not db.conn.in_transaction:
            begin_write(db)
            last = time.perf_counter()
        with db.atomic():
            result = write()
        if time.perf_counter() - last >= every:
            db.conn.execute("COMMIT")
        return result

    with journals_in_memory(db), page_cache(db, BULK_CACHE_KB if bulk else CACHE_KB):
        try:
            yield store
        finally:
            if db.conn.in_transaction:
                db.conn.execute("COMMIT")


@dataclass(frozen=True)
class Incoming:
    """An article about to be stored: its text, keys and where it stands against the database.

    `stored_sha` is the hash of the text stored now (None for a new article); `old_version`
    the number of an earlier version with this very text (an edit that was undone)."""

    article: Article
    text: str
    sha: str
    article_id: str
    version_id: str
    outlet: tuple[str, str, str | None] | None
    stored_sha: str | None
    old_version: int | None

    @property
    def outlet_id(self) -> str | None:
        """The outlet's key, or None when neither a name nor a URL says who published it."""
        return self.outlet[0] if self.outlet else None

    @property
    def unchanged(self) -> bool:
        """The database holds this very text now: nothing to extract or store."""
        return self.stored_sha == self.sha

    @property
    def needs_extraction(self) -> bool:
        """Whether the text is new; an earlier version with this text gets its claims back."""
        return not self.unchanged and not self.old_version


@dataclass(frozen=True)
class Keys:
    """An article's stored text and the keys it is stored under."""

    text: str
    sha: str
    article_id: str
    version_id: str
    outlet: tuple[str, str, str | None] | None


def keys(article: Article, outlet: tuple[str, str, str | None] | None) -> Keys:
    """The text and keys of an article published by `outlet`; ValueError for an empty text.
    The database and the Parquet writer key articles alike through this."""
    text = article_text(article.title, article.body)
    if not text.strip():
        raise ValueError("empty text")
    aid = article_id(article.url, article.external_id, outlet[0] if outlet else None,
                     article.title, text)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Keys(text, sha, aid, stable_id(aid, sha), outlet)


def look_up(db: sqlite_utils.Database, article: Article) -> Incoming:
    """Key an article and look it up, before anything is extracted or written; ValueError
    for an empty text."""
    k = keys(article, _outlet(db, article))
    row = db.execute("SELECT sha256 FROM articles WHERE id = ?", [k.article_id]).fetchone()
    old = db.execute("SELECT version FROM article_versions WHERE id = ?",
                     [k.version_id]).fetchone()
    return Incoming(article, k.text, k.sha, k.article_id, k.version_id, k.outlet,
                    row[0] if row else None, old[0] if old else None)


def _store_outlet(db: sqlite_utils.Database, outlet: tuple[str, str, str | None]) -> None:
    """Add the outlet, or fill in its domain when it was first seen without one."""
    db.execute(
        "INSERT INTO outlets (id, name, domain) VALUES (?, ?, ?) ON CONFLICT (id) DO "
        "UPDATE SET domain = excluded.domain WHERE domain IS NULL "
        "AND excluded.domain IS NOT NULL",
        list(outlet),
    )


def _retire_current(db: sqlite_utils.Database, new: Incoming) -> int:
    """Mark the article's current version and its claims not current; nothing is deleted.
    Returns the number the incoming version gets."""
    aid = new.article_id
    # by version, not by article: a bulk load keeps no index of the claims by article
    db.execute("UPDATE claims SET is_current = 0 WHERE version_id IN "
               "(SELECT id FROM article_versions WHERE article_id = ?) AND is_current", [aid])
    db.execute("UPDATE article_versions SET is_current = 0 WHERE article_id = ? AND is_current",
               [aid])
    if new.old_version:
        return new.old_version
    return db.execute(
        "SELECT max(version) + 1 FROM article_versions WHERE article_id = ?", [aid]
    ).fetchone()[0]


def _store_version(db: sqlite_utils.Database, new: Incoming, number: int, now: str,
                   extractor_version: str) -> None:
    """Make the incoming text the current version: revive an earlier identical version with
    its claims, or add a new one."""
    if new.old_version:
        db.execute("UPDATE article_versions SET is_current = 1 WHERE id = ?", [new.version_id])
        db.execute("UPDATE claims SET is_current = 1 WHERE version_id = ?", [new.version_id])
        return
    a = new.article
    db.execute(
        "INSERT INTO article_versions (id, article_id, version, title, published, text, "
        "sha256, is_current, ingested_at, extractor_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        [new.version_id, new.article_id, number, a.title, a.published, new.text, new.sha, now,
         extractor_version],
    )


def _store_article_row(db: sqlite_utils.Database, new: Incoming, number: int,
                       now: str) -> None:
    """Insert the article row, or point the existing one at its new current version."""
    a = new.article
    url = normalise_url(a.url) if a.url else None
    values = [url, a.external_id, new.outlet_id, a.title, a.author, a.published, a.language,
              new.text, new.sha, number, new.version_id, now]
    if new.stored_sha is None:
        db.execute(
            "INSERT INTO articles (url, external_id, outlet_id, title, author, published, "
            "language, text, sha256, version, current_version_id, updated_at, ingested_at, "
            "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*values, now, new.article_id],
        )
    else:
        db.execute(
            "UPDATE articles SET url = ?, external_id = ?, outlet_id = ?, title = ?, "
            "author = ?, published = ?, language = ?, text = ?, sha256 = ?, version = ?, "
            "current_version_id = ?, updated_at = ? WHERE id = ?",
            [*values, new.article_id],
        )


@dataclass(frozen=True)
class Sketch:
    """A text's reprint sketch (claims.reprints): its MinHash signature as stored (None for a
    text too short to compare) and its band keys."""

    signature: bytes | None
    bands: tuple[int, ...] = ()


# Locality-sensitive hashing compares BANDS slices of BAND_ROWS values of a signature (64-bit
# values): datasketch's MinHashLSH choice for claims.reprints' threshold (tests/test_minhash.py).
BANDS, BAND_ROWS = 14, 4
BAND_BYTES = BAND_ROWS * 8


def band_keys(signature: bytes) -> tuple[int, ...]:
    """A signature's band keys, one signed 64-bit integer per band, as stored: read from the
    signature alone, so a bulk load can store them all at its end, in key order."""
    return tuple(int.from_bytes(hashlib.blake2b(
        signature[n * BAND_BYTES:(n + 1) * BAND_BYTES], digest_size=8,
        salt=n.to_bytes(8, "little")).digest(), "little", signed=True) for n in range(BANDS))


@dataclass(frozen=True)
class Extracted:
    """An article read and extracted, ready to store: `claims` (claim models or
    `claim_row`s) is None when the article was unchanged when looked up, so nothing was
    extracted. Plain data, so it can come back from another process."""

    article: Article
    claims: list[Claim | dict] | None
    version: str
    sketch: Sketch | None = None  # the text's reprint sketch, when the map step made one


def extract_article(db: sqlite_utils.Database, article: Article,
                    extractor: Extractor) -> Extracted:
    """Run the extractor on an article unless the database already holds its text (then
    nothing is extracted) or held it once (the old version's claims come back). Reads only:
    no lock is held while the extractor works."""
    new = look_up(db, article)
    if new.unchanged:
        return Extracted(article, None, extractor.version)
    if not new.needs_extraction:
        return Extracted(article, [], extractor.version)
    return Extracted(article, extractor.read(new.text, published_date(article.published),
                                             article.title), extractor.version)


def store_extracted(db: sqlite_utils.Database, extracted: Extracted,
                    bands: bool = True) -> tuple[str, int]:
    """Store an extracted article and its claims, all or nothing; a bulk load leaves the
    reprint sketch's `bands` to its end (`ready_to_regroup`).

    Returns ("added" | "unchanged" | "new_version", claims written). The article is looked
    up again under the write lock, so another writer's work since `extract_article` counts.
    Changed text becomes a new version; the old version keeps its claims, marked not current.
    """
    article = extracted.article
    with writing(db):
        new = look_up(db, article)
        if new.unchanged:
            return "unchanged", 0
        claims = [] if new.old_version else extracted.claims or []
        now = _now()
        if new.outlet:
            _store_outlet(db, new.outlet)
        number = 1 if new.stored_sha is None else _retire_current(db, new)
        _store_version(db, new, number, now, extracted.version)
        _store_article_row(db, new, number, now)
        written = write_claims(db, claims, extracted.version, new.article_id, new.version_id,
                               new.outlet_id, article.published, 1)
        if extracted.sketch is not None and not new.old_version:
            store_sketch(db, new.article_id, new.version_id, extracted.sketch, pending=True,
                         bands=bands)
    return ("added" if new.stored_sha is None else "new_version"), written


def store_sketch(db: sqlite_utils.Database, article_id: str, version_id: str,
                 sketch: Sketch, pending: bool = False, bands: bool = True) -> None:
    """Keep a text's reprint sketch in place of its article's old one; `pending` when no
    regroup has looked for its original yet. Without `bands` (a bulk load), its band keys
    are left to `store_missing_bands`."""
    if bands:
        db.execute("DELETE FROM reprint_bands WHERE article_id = ?", [article_id])
    db.execute(
        "INSERT INTO reprint_sketches (article_id, version_id, signature, pending) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
        "version_id = excluded.version_id, signature = excluded.signature, "
        "original_id = NULL, similarity = NULL, pending = excluded.pending",
        [article_id, version_id, sketch.signature, 1 if pending else None])
    if bands:
        db.conn.executemany(
            "INSERT OR IGNORE INTO reprint_bands (band, article_id) VALUES (?, ?)",
            [(band, article_id) for band in sketch.bands])


# The band keys of every sketch stored without them (a bulk load's, or one cut short), in key
# order: appended to the key's last page instead of written on a random page each.
MISSING_BANDS_SQL = """
    INSERT OR IGNORE INTO reprint_bands (band, article_id)
    SELECT band.value, s.article_id
    FROM reprint_sketches s, json_each(sketch_bands(s.signature)) band
    WHERE s.signature IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM reprint_bands b WHERE b.article_id = s.article_id)
    ORDER BY 1, 2
"""


def _bands_json(signature: bytes) -> str:
    """A signature's band keys as a JSON list, for SQL's json_each."""
    return json.dumps(band_keys(signature))


def store_missing_bands(db: sqlite_utils.Database) -> None:
    """Store the band keys a bulk load left out (`store_sketch` without `bands`): a key on
    hashes kept row by row is rewritten page after page at every commit, its largest share
    of a bulk load's writes (benchmarks/README.md, "Writes, twelfth session")."""
    db.conn.create_function("sketch_bands", 1, _bands_json, deterministic=True)
    db.execute(MISSING_BANDS_SQL)


def ready_to_regroup(db: sqlite_utils.Database) -> None:
    """After a bulk load's last article: store the band keys it left out and build the
    indexes the regroup's first reads need (READ_AHEAD) before the others, so the workers
    can make those reads while the others are built."""
    with writing(db):
        store_missing_bands(db)
        for name in READ_AHEAD:
            _create_index(db, name)


def add_article(db: sqlite_utils.Database, article: Article,
                extractor: Extractor) -> tuple[str, int]:
    """Extract and store one article (`extract_article`, then `store_extracted`)."""
    return store_extracted(db, extract_article(db, article, extractor))


def _version_key(version: str | None) -> tuple:
    """An extractor version as comparable numbers: "0.10.0" is newer than "0.9.1"."""
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.\-+]", version or "0"))


def older_versions(db: sqlite_utils.Database, current: str) -> list[str]:
    """The extractor versions stamped on stored article versions that are older than `current`."""
    key = _version_key(current)
    return [
        v or "" for (v,) in db.execute("SELECT DISTINCT extractor_version FROM article_versions")
        if _version_key(v) < key
    ]


def versions_extracted_by(db: sqlite_utils.Database, older: list[str]) -> list[tuple]:
    """(version id, article id, text, published, is_current, outlet id, title) of each
    article version whose claims came from one of the `older` extractor versions, oldest
    first."""
    if not older:
        return []
    marks = ", ".join("?" * len(older))
    return db.execute(
        "SELECT v.id, v.article_id, v.text, v.published, v.is_current, a.outlet_id, v.title "
        "FROM article_versions v JOIN articles a ON a.id = v.article_id "
        f"WHERE coalesce(v.extractor_version, '') IN ({marks}) ORDER BY v.rowid",
        older,
    ).fetchall()


def replace_claims(db: sqlite_utils.Database, version_row: tuple, claims: list[Claim],
                   version: str, older: list[str]) -> tuple[int, int]:
    """Swap one article version's claims from an older extractor for `claims`, in one
    transaction; claims a newer extractor wrote stay. Returns (removed, added)."""
    vid, aid, _, published, is_current, outlet_id, _ = version_row
    marks = ", ".join("?" * len(older))
    with writing(db):
        removed = db.execute(
            "DELETE FROM claims WHERE version_id = ? AND coalesce(extractor_version, '') "
            f"IN ({marks})",
            [vid, *older],
        ).rowcount
        kept = {r[0] for r in db.execute("SELECT id FROM claims WHERE version_id = ?", [vid])}
        fresh = [c for c in map(claim_row, claims)
                 if claim_id(vid, c["start"], c["end"]) not in kept]
        added = write_claims(db, fresh, version, aid, vid, outlet_id, published, is_current)
        db.execute("UPDATE article_versions SET extractor_version = ? WHERE id = ?",
                   [version, vid])
    return removed, added


def published_date(published: str | None) -> dt.date | None:
    """The day of a stored ISO publication date, or None when it has none."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def claims_fingerprint(db: sqlite_utils.Database) -> str:
    """What derived tables depend on: any claim added, removed or made (not) current
    changes it."""
    count, last, current = db.execute(
        "SELECT count(*), coalesce(max(rowid), 0), coalesce(sum(is_current), 0) FROM claims"
    ).fetchone()
    return f"{count}:{last}:{current}"


def is_grouped(db: sqlite_utils.Database) -> bool:
    """Whether the figures were built from the claims as they are now."""
    row = db.execute("SELECT value FROM state WHERE key = 'grouped'").fetchone()
    return row is not None and row[0] == claims_fingerprint(db)


def mark_grouped(db: sqlite_utils.Database) -> None:
    """Record that the figures now match the claims; call in the transaction that built them."""
    db.execute(
        "INSERT INTO state (key, value) VALUES ('grouped', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [claims_fingerprint(db)],
    )

