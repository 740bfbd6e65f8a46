"""The same figure across outlets: group claims that report one quantity, then compare them.

The grouping rule, in full (each figure's `rule` column says it again in words):

1. Only figures worth comparing: current, non-vague claims of a countable metric (killed,
   wounded, displaced, control, money, ...), not bare counts, ages, durations or distances.
2. Claims fall in the same partition when they share metric, unit, subject kind (civilians,
   children, women, combatants and all people are kept apart), cumulative-or-single
   incident, and place: the town when the claim names one, else the region, else the country.
   A claim whose sentence names no place has, from extraction, the last town or region its
   article named before that sentence (the headline or lead usually says where); a claim
   with no place at all is not grouped.
3. Within a partition, claims are ordered by date (the claim's own date when the text gives
   a day or a week, else the article's publication date) and a figure holds every claim
   dated within WINDOW_DAYS of its first claim. Undated claims form one figure per partition.
4. A claim naming only a region ("in Idlib province") joins a town's figure in that region
   when exactly one town figure of the same partition covers its date, so "Khan Sheikhoun"
   and "Idlib province" reports of one attack meet; otherwise it stays a region figure.
   The province's namesake city ("Idlib", "Aleppo") does not count here: news copy uses
   the bare name for the province as often as for the city.

A new figure's id hashes the partition and the first date; a figure regrouped with more
claims keeps the id of the figure most of its claims were in, so links to it keep working.
Re-grouping the same claims gives the same ids and the same rows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import statistics
from collections import defaultdict
from typing import NamedTuple

import sqlite_utils

from claims.db import mark_grouped, writing
from claims.extraction.lexicon import PEOPLE_KIND
from claims.formats import format_number
from claims.ids import stable_id
from claims.models import GROUPED_METRICS, METRICS

FORMATS = ("table", "json")
WINDOW_DAYS = 3
# Claims of one figure are within this factor of each other; further apart is another quantity.
MAGNITUDE = 10

# Metrics whose claims are never figures: ages, durations, distances and bare counts mean
# nothing side by side (claims.models.METRIC_TABLE says which).
UNGROUPED_METRICS = frozenset(METRICS) - GROUPED_METRICS
# Head nouns of a claim's subject, by the kind of people they count: the extractor's own
# table (claims.extraction.lexicon), so a noun it counts as people is grouped by its kind.
SUBJECT_KINDS: dict[str, str] = PEOPLE_KIND


def subject_kind(subject: str | None, unit: str | None) -> str:
    """The kind of thing counted: the first word of the subject we know, else the subject."""
    if not subject:
        return "people" if unit in (None, "people") else unit
    words = subject.lower().split()
    for word in words:
        if word in SUBJECT_KINDS:
            return SUBJECT_KINDS[word]
    return words[-1]


class _Row(NamedTuple):
    id: str
    metric: str
    unit: str | None
    kind: str
    cumulative: int
    country: str | None
    region: str | None
    place: str | None
    level: str
    day: dt.date | None
    value: float
    outlet_id: str | None
    latitude: float | None
    longitude: float | None
    from_context: bool


def _day(date: str | None, published: str | None) -> dt.date | None:
    """The day a claim is about: its own date at day or week precision, else publication."""
    if date and len(date) == 10:
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            pass
    if date and len(date) == 8 and date[4:6] == "-W":
        try:
            return dt.date.fromisocalendar(int(date[:4]), int(date[6:]), 4)
        except ValueError:
            pass
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None


# Every claim grouping looks at, in groups that can never share a figure (metric, unit,
# running total or not, country, region): a region's towns and the region itself are in one
# group, so grouping reads one group at a time and its memory does not grow with the corpus.
# Within a group, the order is the claims' storage order.
GROUPED_SQL = """
    SELECT id, metric, unit, subject, cumulative, country, region, place, date, published,
           value, outlet_id, latitude, longitude, place_text, sentence, figure_id,
           coalesce(cumulative, 0) != 0 AS running
    FROM claims
    WHERE coalesce(is_current, 1) AND NOT coalesce(vague, 0) AND value IS NOT NULL
      AND metric NOT IN ({marks}) AND coalesce(place, region, country) IS NOT NULL
    ORDER BY metric, unit, running, country, region, version_id, id
"""


def _row(record: tuple) -> _Row:
    """One claim as grouping sees it: its place level, subject kind and day."""
    (cid, metric, unit, subject, cumulative, country, region, place, date, published, value,
     outlet_id, lat, lon, place_text, sentence, _, _) = record
    # a place named before the claim's sentence (see claims.extraction.places.Context)
    from_context = bool(place_text and sentence and place_text not in sentence)
    if place and place != region and place != country:
        level = "town"
    elif region:
        level, place = "region", region
    else:
        level, place = "country", country
    return _Row(cid, metric, unit, subject_kind(subject, unit), int(bool(cumulative)), country,
                region, place, level, _day(date, published), value, outlet_id, lat, lon,
                from_context)


def _groups(db: sqlite_utils.Database):
    """(claims, their current figure ids) for each group that can never share a figure."""
    marks = ", ".join("?" * len(UNGROUPED_METRICS))
    cursor = db.execute(GROUPED_SQL.format(marks=marks), sorted(UNGROUPED_METRICS))
    for _, records in itertools.groupby(cursor, key=lambda r: (r[1], r[2], r[17], r[5], r[6])):
        records = list(records)
        yield [_row(r) for r in records], {r[0]: r[16] for r in records}


def _clusters(rows: list[_Row], window: int) -> list[list[_Row]]:
    """Split date-sorted rows of one partition into runs that start within `window` days."""
    dated = sorted((r for r in rows if r.day), key=lambda r: (r.day, r.id))
    out: list[list[_Row]] = []
    for r in dated:
        if out and (r.day - out[-1][0].day).days <= window:
            out[-1].append(r)
        else:
            out.append([r])
    undated = [r for r in rows if r.day is None]
    if undated:
        out.append(undated)
    return out


def _bands(rows: list[_Row]) -> list[list[_Row]]:
    """Split sorted values where one is more than MAGNITUDE times the one below it: a town's
    fuel price and its fuel subsidy share metric, unit and days, but are not one quantity
    reported twice, while a toll rising 3, 12, 20, 31 stays one figure."""
    ordered = sorted(rows, key=lambda r: (r.value, r.id))
    bands: list[list[_Row]] = []
    for r in ordered:
        if bands and r.value <= MAGNITUDE * max(bands[-1][-1].value, 1e-9):
            bands[-1].append(r)
        else:
            bands.append([r])
    return [sorted(band, key=lambda r: (r.day or dt.date.min, r.id)) for band in bands]


def _partition(r: _Row) -> tuple:
    return (r.metric, r.unit, r.kind, r.cumulative, r.country, r.region, r.level, r.place)


def figures(rows: list[_Row], window: int = WINDOW_DAYS) -> list[dict]:
    """The figures of one group of claims (see `_groups`), each with its member claim ids."""
    partitions: dict[tuple, list[_Row]] = defaultdict(list)
    for r in rows:
        partitions[_partition(r)].append(r)
    groups: list[tuple[tuple, list[_Row], list[_Row]]] = []
    town_groups: dict[tuple, list[tuple[tuple, list[_Row], list[_Row]]]] = defaultdict(list)
    for key in sorted(partitions, key=repr):
        if key[6] == "region":
            continue
        for cluster in (b for c in _clusters(partitions[key], window) for b in _bands(c)):
            group = (key, cluster, [])
            groups.append(group)
            if key[6] == "town" and f"{key[7]} Governorate" != key[5]:
                town_groups[key[:6]].append(group)
    for key in sorted(partitions, key=repr):
        if key[6] != "region":
            continue
        alone = []
        for r in partitions[key]:
            covering = [
                g
                for g in town_groups.get(key[:6], [])
                if r.day and g[1][0].day and 0 <= (r.day - g[1][0].day).days <= window
            ]
            if len({g[0] for g in covering}) == 1 and len(covering) == 1:
                covering[0][2].append(r)
            else:
                alone.append(r)
        groups += [(key, band, []) for c in _clusters(alone, window) for band in _bands(c)]
    return [_figure(key, cluster, joined, window) for key, cluster, joined in groups]


def _figure(key: tuple, cluster: list[_Row], joined: list[_Row], window: int) -> dict:
    metric, unit, kind, cumulative, country, region, level, place = key
    members = cluster + joined
    values = [r.value for r in members]
    first = cluster[0].day
    days = sorted(r.day for r in members if r.day)
    lo, hi = min(values), max(values)
    where = place if level != "town" or not region else f"{place} ({region})"
    when = f"{days[0]}..{days[-1]}" if days else "undated"
    label = f"{metric} {kind} in {where}, {'total' if cumulative else 'incident'}, {when}"
    rule = (
        f"same metric ({metric}), unit ({unit}), subject kind ({kind}), "
        f"{'cumulative total' if cumulative else 'single incident'}, {level} {place}, "
        + (f"dated within {window} days of {first}" if first else "no date")
        + f", no value more than {MAGNITUDE:g} times the next smaller one"
    )
    if joined:
        rule += (
            f"; {len(joined)} claim(s) naming only {region} joined: the only {metric} "
            f"figure of a town in that region at that date (its namesake city aside)"
        )
    inherited = sum(r.from_context for r in members)
    if inherited:
        rule += (
            f"; {inherited} claim(s) name no place in their sentence and take the place "
            "the article named last before it"
        )
    located = [r for r in members if r.latitude is not None]
    return {
        "id": stable_id("figure", *key, first, min(r.value for r in cluster)),
        "label": label,
        "key": json.dumps([*key, str(first) if first else None, min(r.value for r in cluster)]),
        "rule": rule,
        "metric": metric,
        "unit": unit,
        "place": place,
        "level": level,
        "region": region,
        "country": country,
        "subject_kind": kind,
        "cumulative": cumulative,
        "date_from": str(days[0]) if days else None,
        "date_to": str(days[-1]) if days else None,
        "outlets": len({r.outlet_id for r in members if r.outlet_id}),
        "claims": len(members),
        "min_value": lo,
        "max_value": hi,
        "median_value": statistics.median(values),
        "spread": hi / lo if lo > 0 else None,
        "latitude": located[0].latitude if located else None,
        "longitude": located[0].longitude if located else None,
        "claim_ids": [r.id for r in members],
    }


# Each outlet's most recent claim about each figure. A window over every claim takes seconds
# at a million claims, so `materialise` runs it once per grouping, not once per page view.
LATEST_BY_OUTLET = """
    WITH ranked AS (
        SELECT fc.*, row_number() OVER (
            PARTITION BY figure_id, outlet_id
            ORDER BY published DESC, article_id DESC, start) AS rank
        FROM figure_claims fc
    ), cited AS (
        SELECT figure_id, outlet_id, count(*) AS claims,
               group_concat(DISTINCT source) AS sources
        FROM figure_claims GROUP BY figure_id, outlet_id
    )
    SELECT r.figure_id, r.outlet_id, r.value, r.published, cited.claims, cited.sources,
           r.claim_id
    FROM ranked r JOIN cited USING (figure_id, outlet_id)
    WHERE r.rank = 1
    ORDER BY r.figure_id, r.outlet_id
"""

# Lowest, highest and spread of the outlets' latest positive values, for figures with two or
# more such outlets.
LATEST_SPREAD = """
    UPDATE figures
    SET latest_low = spread.low, latest_high = spread.high,
        latest_spread = round(spread.high / spread.low, 2), values_by_outlet = spread.listed
    FROM (
        SELECT figure_id, min(latest_value) AS low, max(latest_value) AS high,
               group_concat(name || ': ' || latest_value, '; ') AS listed
        FROM (
            SELECT fo.figure_id, fo.outlet_id, fo.latest_value, o.name
            FROM figure_outlet_latest fo LEFT JOIN outlets o ON o.id = fo.outlet_id
            WHERE fo.latest_value > 0
            ORDER BY fo.figure_id, o.name, fo.outlet_id
        )
        GROUP BY figure_id
        HAVING count(DISTINCT outlet_id) >= 2
    ) AS spread
    WHERE figures.id = spread.figure_id
"""


def materialise(db: sqlite_utils.Database) -> None:
    """Store each outlet's latest value per figure and each figure's spread of them.

    Derived from the claims and figures alone and rebuilt whole, so a re-run writes the same
    rows; `figure_outlets` and `disagreements` read these instead of scanning every claim.
    """
    with writing(db):
        db.execute("DELETE FROM figure_outlet_latest")
        db.execute(
            "INSERT INTO figure_outlet_latest (figure_id, outlet_id, latest_value, published, "
            f"claims, sources, claim_id) {LATEST_BY_OUTLET}"
        )
        db.execute(
            "UPDATE figures SET latest_low = NULL, latest_high = NULL, latest_spread = NULL, "
            "values_by_outlet = NULL WHERE latest_low IS NOT NULL"
        )
        db.execute(LATEST_SPREAD)


def _inherit_ids(found: list[dict], current: dict[str, str | None], taken: set[str]) -> None:
    """Give each new figure the id of the old figure most of its claims were in, so a figure
    page someone bookmarked still answers after the next ingest regroups; an old id goes to
    one new figure only (the one with most of its claims), the rest keep their own. `taken`
    holds the ids given out so far and gains these."""
    overlap: dict[tuple[int, str], int] = defaultdict(int)
    for index, figure in enumerate(found):
        for cid in figure["claim_ids"]:
            if old := current.get(cid):
                overlap[index, old] += 1
    assigned: dict[int, str] = {}
    for (index, old), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if index not in assigned and old not in taken and old not in assigned.values():
            assigned[index] = old
    taken |= set(assigned.values())
    for index, figure in enumerate(found):
        if index in assigned:
            figure["id"] = assigned[index]
        else:
            while figure["id"] in taken:
                figure["id"] = stable_id(figure["id"], "split")
            taken.add(figure["id"])


def _store_figures(db: sqlite_utils.Database, found: list[dict],
                   current: dict[str, str | None]) -> None:
    """Point each claim of one group at its figure and upsert the group's figures by id."""
    changed = [(f["id"], cid) for f in found for cid in f["claim_ids"]
               if current.get(cid) != f["id"]]
    db.conn.executemany("UPDATE claims SET figure_id = ? WHERE id = ?", changed)
    rows = [{k: v for k, v in f.items() if k != "claim_ids"} for f in found]
    if rows:
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
        db.conn.executemany(
            f"INSERT INTO figures ({names}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            [[row[c] for c in columns] for row in rows],
        )


def _drop_stale(db: sqlite_utils.Database, kept: set[str]) -> None:
    """Remove figures no claim belongs to any more, and figure ids from claims not grouped
    now (superseded, vague or placeless)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS kept_figures (id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM temp.kept_figures")
    db.conn.executemany("INSERT INTO temp.kept_figures (id) VALUES (?)", [(i,) for i in kept])
    db.execute("DELETE FROM figures WHERE id NOT IN (SELECT id FROM temp.kept_figures)")
    db.execute("UPDATE claims SET figure_id = NULL WHERE figure_id IS NOT NULL "
               "AND figure_id NOT IN (SELECT id FROM temp.kept_figures)")
    db.execute("DELETE FROM temp.kept_figures")


def group_figures(db: sqlite_utils.Database, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Assign every current claim its figure and rebuild the `figures` table.

    Claims are read one group at a time (`_groups`), so memory stays flat in corpus size.
    Figures are derived data, rebuilt in one write transaction that also records what they
    were built from (`claims.db.mark_grouped`): a run killed while grouping leaves the old
    figures whole and marked stale, and running this twice changes nothing."""
    counts = {"figures": 0, "claims": 0, "multi_outlet": 0}
    taken: set[str] = set()
    with writing(db):
        for rows, current in _groups(db):
            found = figures(rows, window)
            _inherit_ids(found, current, taken)
            _store_figures(db, found, current)
            counts["figures"] += len(found)
            counts["claims"] += sum(len(f["claim_ids"]) for f in found)
            counts["multi_outlet"] += sum(1 for f in found if f["outlets"] >= 2)
        _drop_stale(db, taken)
        materialise(db)
        mark_grouped(db)
    return counts


def compare(
    db: sqlite_utils.Database,
    metric: str | None = None,
    place: str | None = None,
    min_outlets: int = 2,
    limit: int | None = None,
) -> list[dict]:
    """Figures reported by at least `min_outlets` outlets, each with its outlets' latest values.

    `place` matches the figure's place, region or country, in any spelling the gazetteer knows.
    """
    where, params = ["outlets >= ?"], [min_outlets]
    if metric:
        where.append("metric = ?")
        params.append(metric)
    if place:
        names = place_names(place)
        marks = " OR ".join(["place LIKE ? OR region LIKE ? OR country LIKE ?"] * len(names))
        where.append(f"({marks})")
        params += [f"%{n}%" for n in names for _ in range(3)]
    sql = (
        f"SELECT * FROM figures WHERE {' AND '.join(where)} "
        "ORDER BY outlets DESC, claims DESC, date_from DESC, id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    result = []
    for row in db.query(sql, params):
        row["outlet_values"] = list(
            db.query(
                "SELECT outlet_id, outlet, latest_value, published, claims, sources, text "
                "FROM figure_outlets WHERE figure_id = ? ORDER BY latest_value DESC, outlet_id",
                [row["id"]],
            )
        )
        result.append(row)
    return result


def place_names(place: str) -> list[str]:
    from claims.extraction.places import GAZETTEER, REGION_BY_KEY, normalise

    names = [place]
    key = normalise(place)
    for entry in (GAZETTEER.get(key), REGION_BY_KEY.get(key)):
        if entry is not None and entry.name not in names:
            names.append(entry.name)
    return names


def format_table(figures: list[dict]) -> str:
    """The comparison as plain text: one block per figure, one line per outlet."""
    lines = []
    for f in figures:
        spread = f"{f['spread']:.2f}" if f["spread"] else "-"
        lines.append(f"{f['label']}")
        lines.append(
            f"  {f['outlets']} outlets, {f['claims']} claims; min {_num(f['min_value'])}, "
            f"median {_num(f['median_value'])}, max {_num(f['max_value'])}, spread {spread}"
        )
        width = max(
            (len(o["outlet"] or o["outlet_id"] or "?") for o in f["outlet_values"]), default=6
        )
        for o in f["outlet_values"]:
            name = o["outlet"] or o["outlet_id"] or "?"
            lines.append(
                f"    {name:<{width}}  {_num(o['latest_value']):>10}  "
                f"{(o['published'] or '')[:10]:<10}  {o['sources'] or '(no source named)'}"
            )
        lines.append("")
    return "\n".join(lines).rstrip()


def _num(value: float | None) -> str:
    """A figure in the comparison table; a dash where there is none."""
    return format_number(value, missing="-")
