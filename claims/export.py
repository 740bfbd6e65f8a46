"""Claims out of the database as CSV, JSON, JSON lines or schema.org ClaimReview JSON-LD.

Rows are streamed, so a million claims export in constant memory. Every format carries the
claim's columns plus the outlet name, article URL and title, source name and figure label.

ClaimReview (https://schema.org/ClaimReview) is written as one JSON-LD document with an
`@graph` of reviews, one per claim:

- `claimReviewed`: the sentence the claim appears in; `itemReviewed` is a `Claim` whose `name`
  is the claim's surface text, `appearance` the article (`NewsArticle` with url, headline,
  publisher = outlet), `author` the source it is attributed to, `spatialCoverage` the place
  (with `GeoCoordinates`), `temporalCoverage` the date the figure refers to.
- The number is `itemReviewed.about`, a `QuantitativeValue`: `value`; `minValue`/`maxValue`
  from a range, or the stated bound for at_least/more_than (`minValue`) and
  at_most/less_than/up_to (`maxValue`); `unitText` the unit, and for a rate what it is per
  ("usd per month"). Its `additionalProperty` list holds `PropertyValue`s with `propertyID`
  metric, qualifier, unit, and when set per, subject, direction, cumulative and vague, so
  nothing the database knows is lost.
- `reviewRating` (a `Rating` with `alternateName` and `ratingExplanation`) says how the figure
  compares across outlets, or why the claim is not compared; claims makes no verdict on truth.
- Every review has a `url`, its claim's page on the site (`{base}/-/claims/claim/{id}`, the
  local `claims serve` unless a base URL is given), the same `@id`, an `author` (claims, at
  that site) and a `datePublished`: the day of the export, as the comparison stands that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import IO
from urllib.parse import quote

import sqlite_utils

from claims import formats
from claims.formats import coerce_date, format_number
from claims.models import GROUPED_METRICS

FORMATS = ("csv", "json", "jsonl", "claimreview")
#: Where ClaimReview links point when no base URL is given: the site `claims serve` runs.
DEFAULT_BASE_URL = "http://127.0.0.1:8001"

EXPORT_SQL = """
select c.*, o.name as outlet_name, a.url as article_url, a.title as article_title,
  s.name as source_name, f.label as figure_label, f.outlets as figure_outlets,
  f.min_value as figure_min, f.max_value as figure_max, f.median_value as figure_median
from claims c
left join outlets o on o.id = c.outlet_id
left join articles a on a.id = c.article_id
left join sources s on s.id = c.source_id
left join figures f on f.id = c.figure_id
where {where}
order by c.published, c.article_id, c.start
"""

DAY = "coalesce(c.date, substr(c.published, 1, 10))"


def _many(clause: str, values: tuple[str, ...], name: str) -> tuple[str, dict]:
    """`clause` (using :v) OR-ed once per value, with distinct parameter names."""
    parts, params = [], {}
    for i, value in enumerate(values):
        parts.append(clause.replace(":v", f":{name}{i}"))
        params[f"{name}{i}"] = value
    return "(" + " or ".join(parts) + ")", params


def select_claims(
    db: sqlite_utils.Database,
    *,
    metrics: tuple[str, ...] = (),
    outlets: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    all_versions: bool = False,
) -> Iterator[dict]:
    """Claims matching every filter given; several values of one filter match any of them.

    Outlets match by id, name or domain; places by normalised name or as written; since and
    until (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) apply to the date the figure refers to,
    else the publication date. Claims from superseded article versions are left out unless
    `all_versions`.
    """
    where, params = ["1 = 1"], {}
    since, until = (coerce_date(bound) if bound else None for bound in (since, until))
    if not all_versions:
        where.append("coalesce(c.is_current, 1) = 1")
    for values, clause, name in (
        (metrics, "c.metric = :v", "metric"),
        (outlets, "(c.outlet_id = :v or o.name = :v collate nocase or o.domain = :v)", "outlet"),
        (places, "(c.place = :v collate nocase or c.place_text = :v collate nocase)", "place"),
    ):
        if values:
            sql, more = _many(clause, tuple(values), name)
            where.append(sql)
            params.update(more)
    if since:
        where.append(f"{DAY} >= :since")
        params["since"] = since
    if until:
        where.append(f"substr({DAY}, 1, length(:until)) <= :until")
        params["until"] = until
    cursor = db.execute(EXPORT_SQL.format(where=" and ".join(where)), params)
    columns = [d[0] for d in cursor.description]
    return (dict(zip(columns, row)) for row in cursor)


def export_columns(db: sqlite_utils.Database) -> list[str]:
    """The columns every export row has, known even when no row matches."""
    cursor = db.execute(EXPORT_SQL.format(where="0"))
    return [d[0] for d in cursor.description]


def quantity(row: dict) -> dict:
    """The claim's number as a schema.org QuantitativeValue."""
    value: dict = {"@type": "QuantitativeValue", "value": row["value"]}
    qualifier = row.get("qualifier") or "exact"
    if row.get("low") is not None:
        value["minValue"], value["maxValue"] = row["low"], row["high"]
    elif qualifier in ("at_least", "more_than"):
        value["minValue"] = row["value"]
    elif qualifier in ("at_most", "less_than", "up_to"):
        value["maxValue"] = row["value"]
    if row.get("unit"):
        value["unitText"] = row["unit"] + (f" per {row['per']}" if row.get("per") else "")
    properties = [
        ("metric", row.get("metric")), ("qualifier", qualifier), ("unit", row.get("unit")),
        ("per", row.get("per")),
    ]
    properties += [(key, row.get(key)) for key in ("subject", "direction")]
    properties += [(key, bool(row[key])) for key in ("cumulative", "vague") if row.get(key)]
    value["additionalProperty"] = [
        {"@type": "PropertyValue", "propertyID": key, "value": item}
        for key, item in properties
        if item is not None and item != ""
    ]
    return value


def _not_compared(row: dict) -> dict:
    """The rating of a claim in no figure, saying why it has no comparison."""
    if row.get("is_current") == 0:
        why = "It comes from an earlier version of its article, which figures leave out."
    elif row.get("metric") not in GROUPED_METRICS:
        why = f"Claims of metric {row.get('metric')!r} are not compared across outlets."
    else:
        why = "Figures have not been grouped since it was stored (claims compare --regroup)."
    return {"@type": "Rating", "alternateName": "Not compared", "ratingExplanation": why}


def rating(row: dict) -> dict:
    """How the claim's figure compares across outlets, or why it is not compared: the
    comparison is the review, never a verdict on whether the number is true."""
    if row.get("is_current") == 0 or not row.get("figure_id") or row.get("figure_min") is None:
        return _not_compared(row)
    outlets = row.get("figure_outlets") or 1
    low, high = format_number(row["figure_min"]), format_number(row["figure_max"])
    plural = "s" if outlets != 1 else ""
    if outlets == 1:
        name = "One outlet only" + ("" if low == high else f": {low} to {high} over time")
    elif row["figure_min"] == row["figure_max"]:
        name = f"Same figure from {outlets} outlets"
    else:
        name = f"Outlets disagree: {low} to {high}"
    label = row.get("figure_label") or "this figure"
    explanation = f"{outlets} outlet{plural} reported {label} between {low} and {high}"
    if row.get("figure_median") is not None:
        explanation += f", median {format_number(row['figure_median'])}"
    return {"@type": "Rating", "alternateName": name, "ratingExplanation": explanation + "."}


def claim_review(row: dict, base_url: str | None = None,
                 date_published: str | None = None) -> dict:
    """One claim as a schema.org ClaimReview (see the module docstring for the mapping);
    `date_published` defaults to today, the day the comparison is made."""
    claim: dict = {"@type": "Claim", "name": row["text"], "about": quantity(row)}
    if row.get("published"):
        claim["datePublished"] = row["published"]
    appearance: dict = {"@type": "NewsArticle"}
    for key, column in (("url", "article_url"), ("headline", "article_title"),
                        ("datePublished", "published")):
        if row.get(column):
            appearance[key] = row[column]
    if not str(appearance.get("url", "http:")).lower().startswith(("http:", "https:")):
        del appearance["url"]  # a javascript: or file: address is no link to publish
    if row.get("outlet_name"):
        appearance["publisher"] = {"@type": "Organization", "name": row["outlet_name"]}
    claim["appearance"] = appearance
    author = row.get("source_name") or row.get("attributed_to") or row.get("outlet_name")
    if author:
        claim["author"] = {"@type": "Organization", "name": author}
    if row.get("place"):
        place: dict = {"@type": "Place", "name": row["place"]}
        if row.get("country"):
            place["address"] = {"@type": "PostalAddress", "addressCountry": row["country"]}
        if row.get("latitude") is not None and row.get("longitude") is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": row["latitude"],
                "longitude": row["longitude"],
            }
        claim["spatialCoverage"] = place
    if row.get("date"):
        claim["temporalCoverage"] = row["date"]
    site = (base_url or DEFAULT_BASE_URL).rstrip("/")
    url = f"{site}/-/claims/claim/{quote(row['id'], safe='')}"
    return {
        "@type": "ClaimReview",
        "@id": url,
        "url": url,
        "claimReviewed": row.get("sentence") or row["text"],
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": "claims", "url": f"{site}/"},
        "datePublished": date_published or dt.date.today().isoformat(),
        "reviewRating": rating(row),
    }


def write(
    rows: Iterator[dict],
    fp: IO[str],
    fmt: str = "csv",
    *,
    columns: list[str] | None = None,
    base_url: str | None = None,
) -> int:
    """Write `rows` to `fp` in `fmt`; returns how many were written.

    CSV, JSON and JSON lines go through the writer every command shares; ClaimReview is the
    one format only exports have.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if fmt == "claimreview":
        today = dt.date.today().isoformat()
        reviews = (claim_review(row, base_url, today) for row in rows)
        return formats.json_array(reviews, fp, '{"@context": "https://schema.org", "@graph": [',
                                  "]}")
    return formats.write(rows, fmt, fp, fields=columns)


def export(db: sqlite_utils.Database, fp: IO[str], fmt: str = "csv", *,
           base_url: str | None = None, **filters) -> int:
    """Write the claims matching `filters` (see select_claims) to `fp`."""
    return write(select_claims(db, **filters), fp, fmt, columns=export_columns(db),
                 base_url=base_url)
