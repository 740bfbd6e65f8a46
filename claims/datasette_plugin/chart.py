"""The timeline chart: value by date, one colour per outlet, drawn as SVG server-side.

No JavaScript and no CDN: the chart is part of the page, works without scripts and prints.

What the marks mean, so a sub-count never reads as a revision of the total:

- a line joins one outlet's reports of one figure, through the highest value it gave each day
  (its headline number that day); the other values it gave that day sit on a pale bar spanning
  them, on the same day, instead of a zigzag;
- a hollow marker, never joined, is a part: a claim counting another subject than the chart's
  totals ("nine children" among people killed: people when any claim counts people, else
  what most claims count), or under a quarter of what the same outlet had already reported
  for that figure ("five of them in the market").
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from claims.compare import subject_kind
from claims.formats import format_number

#: Tableau 10: distinguishable on white and for most colour-blind readers.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)

WIDTH, HEIGHT = 860, 380
RIGHT, TOP, BOTTOM = 190, 20, 60
PLOT_H = HEIGHT - TOP - BOTTOM
FONT = 12
#: Widest glyph of a 12px tick label (digits, commas, points) in a sans-serif font, with slack.
CHAR_W = 7.5
#: Room left of the tick labels for the rotated value-axis title.
TITLE_ROOM = 24
TICK_GAP = 8

#: Outlets named in the legend; the rest are counted.
LEGEND_SIZE = 15
#: A claim under 1/PART_RATIO of what its outlet already reported for the figure is a part.
PART_RATIO = 4

DATE_TITLE = "Date the figure refers to (else the publication date)"


@dataclass(frozen=True)
class Frame:
    """The date and value ranges the plot area spans, and the mapping of both onto it."""

    first: float
    last: float
    ticks: tuple[float, ...]
    left: float

    @property
    def width(self) -> float:
        """The plot area's width: what the tick labels and the legend leave."""
        return WIDTH - self.left - RIGHT

    def x(self, ordinal: float) -> float:
        """Horizontal position of a day (a date's ordinal): earliest left, latest right."""
        return self.left + (ordinal - self.first) / (self.last - self.first) * self.width

    def y(self, value: float) -> float:
        """Vertical position of a value: the lowest tick at the bottom, the highest at the top."""
        low, high = self.ticks[0], self.ticks[-1]
        return TOP + PLOT_H - (value - low) / (high - low) * PLOT_H


def parse_day(day: str | None) -> dt.date | None:
    """First day of an ISO date, month or year; None for anything else."""
    if not day:
        return None
    for size, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return dt.date.fromisoformat(day[:size] + suffix)
        except ValueError:
            continue
    return None


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, tick = [], first
    while tick < high + step * 0.999:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


def dated_points(points: list[dict]) -> list[tuple[dt.date, dict]]:
    """The points that can be placed: those with a readable date and a value."""
    dated = [(parse_day(p["day"]), p) for p in points]
    return [(day, p) for day, p in dated if day is not None and p["value"] is not None]


def left_margin(ticks: list[float]) -> float:
    """Room for the widest tick label and the axis title, so "900,000,000" is never cut."""
    widest = max(len(format_number(tick)) for tick in ticks)
    return TITLE_ROOM + widest * CHAR_W + TICK_GAP


def frame_for(dated: list[tuple[dt.date, dict]]) -> Frame:
    """Axes spanning every date and every value (ranges included), the values from zero; half
    a day's margin either side keeps the first and last points off the axes."""
    days = [day.toordinal() for day, _ in dated]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 1, last + 1
    pad = max(0.5, (last - first) * 0.03)
    values = [p["value"] for _, p in dated] + [
        p[k] for _, p in dated for k in ("low", "high") if p.get(k) is not None
    ]
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    return Frame(first - pad, last + pad, tuple(ticks), left_margin(ticks))


def value_grid(frame: Frame) -> list[str]:
    """A line and a label at each round value, so a point's value can be read off."""
    return [
        f'<line x1="{frame.left:.1f}" x2="{frame.left + frame.width:.1f}" '
        f'y1="{frame.y(tick):.1f}" y2="{frame.y(tick):.1f}" stroke="#e5e5e5"/>'
        f'<text class="claims-tick" x="{frame.left - TICK_GAP:.1f}" '
        f'y="{frame.y(tick) + 4:.1f}" text-anchor="end" font-size="{FONT}" '
        f'fill="#555">{format_number(tick)}</text>'
        for tick in frame.ticks
    ]


def date_axis(frame: Frame) -> list[str]:
    """About six dated ticks and the axis line, so dates read without crowding."""
    bottom = TOP + PLOT_H
    start, end = math.ceil(frame.first), math.floor(frame.last)
    step = max(1, (end - start) // 6)
    parts = [
        f'<line x1="{frame.x(ordinal):.1f}" x2="{frame.x(ordinal):.1f}" y1="{bottom}" '
        f'y2="{bottom + 5}" stroke="#999"/><text x="{frame.x(ordinal):.1f}" '
        f'y="{bottom + 20}" text-anchor="middle" font-size="{FONT}" '
        f'fill="#555">{dt.date.fromordinal(ordinal).isoformat()}</text>'
        for ordinal in range(start, end + 1, step)
    ]
    parts.append(
        f'<line x1="{frame.left:.1f}" x2="{frame.left + frame.width:.1f}" y1="{bottom}" '
        f'y2="{bottom}" stroke="#999"/>'
    )
    return parts


def axis_titles(frame: Frame, value_title: str) -> list[str]:
    """What each axis measures: the value's unit and metric up the left, dates below."""
    middle = TOP + PLOT_H / 2
    value_axis = (
        f'<text class="claims-axis-title" x="{FONT + 2}" y="{middle:.1f}" '
        f'transform="rotate(-90 {FONT + 2} {middle:.1f})" text-anchor="middle" '
        f'font-size="{FONT}" fill="#333">{escape(value_title)}</text>'
    )
    date_title = (
        f'<text class="claims-axis-title" x="{frame.left + frame.width / 2:.1f}" '
        f'y="{HEIGHT - 10}" text-anchor="middle" font-size="{FONT}" '
        f'fill="#333">{DATE_TITLE}</text>'
    )
    return [value_axis, date_title]


def median_line(frame: Frame, median: float | None) -> list[str]:
    """The figure's median as a dashed line, the value each outlet's report is compared to."""
    if median is None or not frame.ticks[0] <= median <= frame.ticks[-1]:
        return []
    right = frame.left + frame.width
    return [(
        f'<line x1="{frame.left:.1f}" x2="{right:.1f}" y1="{frame.y(median):.1f}" '
        f'y2="{frame.y(median):.1f}" stroke="#333" stroke-dasharray="4 4"/><text '
        f'x="{right - 4:.1f}" y="{frame.y(median) - 6:.1f}" text-anchor="end" '
        f'font-size="{FONT}" fill="#333">median {format_number(median)}</text>'
    )]


def outlet_of(point: dict) -> str:
    """The point's outlet name; claims without one are grouped rather than dropped."""
    return point["outlet"] or "unknown"


def kind_of(point: dict) -> str:
    """What the claim counts (people, children, civilians, eur...), as figures are grouped."""
    return subject_kind(point.get("subject"), point.get("unit"))


def outlet_colours(dated: list[tuple[dt.date, dict]]) -> dict[str, str]:
    """One colour per outlet in name order, so the same outlet keeps its colour on reload."""
    outlets = sorted({outlet_of(p) for _, p in dated})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(outlets)}


def positions(dated: list[tuple[dt.date, dict]], frame: Frame) -> dict[str, tuple[float, float]]:
    """Each point's place; points at the same date and value sit side by side, not on top."""
    seen: dict[tuple, int] = {}
    place: dict[str, tuple[float, float]] = {}
    for day, p in sorted(dated, key=lambda d: (d[0], d[1]["outlet"] or "", d[1]["id"])):
        spot = (day, p["value"])
        shift = seen.get(spot, 0)
        seen[spot] = shift + 1
        nudge = (shift + 1) // 2 * 9 * (1 if shift % 2 else -1)
        place[p["id"]] = (frame.x(day.toordinal()) + nudge, frame.y(p["value"]))
    return place


def usual_kind(dated: list[tuple[dt.date, dict]]) -> str:
    """What the chart's totals count: people when any claim counts people (children,
    civilians or miners are parts of them), else the kind most claims count."""
    kinds = Counter(kind_of(p) for _, p in dated)
    return "people" if "people" in kinds else kinds.most_common(1)[0][0]


def parts(dated: list[tuple[dt.date, dict]]) -> dict[str, str]:
    """The claims drawn apart from their outlet's line, each with the reason: another subject
    than the chart's totals, or much smaller than what the outlet already reported for the
    same figure (each day's values are taken largest first, so the day's total counts)."""
    usual = usual_kind(dated)
    apart: dict[str, str] = {}
    highest: dict[tuple, float] = {}
    for _, p in sorted(dated, key=lambda d: (d[0], -d[1]["value"], d[1]["id"])):
        kind = kind_of(p)
        series = (outlet_of(p), p.get("figure_id"))
        if kind != usual:
            apart[p["id"]] = f"counts {kind}, not {usual}"
        elif p["value"] * PART_RATIO < highest.get(series, 0):
            apart[p["id"]] = "a part: much smaller than this outlet's earlier figure"
        else:
            highest[series] = max(highest.get(series, p["value"]), p["value"])
    return apart


def range_bar(point: dict, cx: float, colour: str, frame: Frame) -> list[str]:
    """A bar from low to high, so a claim that gives a range shows all of it."""
    if point.get("low") is None or point.get("high") is None:
        return []
    return [(
        f'<line class="claims-range" x1="{cx:.1f}" x2="{cx:.1f}" '
        f'y1="{frame.y(point["low"]):.1f}" y2="{frame.y(point["high"]):.1f}" '
        f'stroke="{colour}" stroke-width="2"/>'
    )]


def point_mark(point: dict, spot: tuple[float, float], colour: str, href: str,
               apart: str | None = None) -> str:
    """A point linking to its claim, its tooltip saying who claimed what, when; a part is a
    hollow ring, so it does not read as the outlet's total."""
    cx, cy = spot
    note = f" ({apart})" if apart else ""
    tip = escape(f"{outlet_of(point)}, {point['day']}: {point['text']}{note}")
    style = (
        f'class="claims-point claims-part" r="4.5" fill="#fff" stroke="{colour}" '
        f'stroke-width="2"' if apart else
        f'class="claims-point" r="5" fill="{colour}" stroke="#fff" stroke-width="1.5"'
    )
    return (
        f'<a href="{escape(href)}"><circle {style} cx="{cx:.1f}" cy="{cy:.1f}">'
        f"<title>{tip}</title></circle></a>"
    )


def series_marks(mine: list[dict], colour: str, place: dict) -> list[str]:
    """One outlet's reports of one figure: a pale bar through the values it gave on one day,
    and a line through each day's highest value, so revisions show and same-day values do
    not zigzag."""
    by_day: dict[dt.date, list[dict]] = defaultdict(list)
    for p in mine:
        by_day[parse_day(p["day"])].append(p)
    marks, path = [], []
    for day in sorted(by_day):
        same_day = by_day[day]
        top = max(same_day, key=lambda p: (p["value"], p["id"]))
        ys = [place[p["id"]][1] for p in same_day]
        if max(ys) - min(ys) > 0.5:
            x = place[top["id"]][0]
            marks.append(
                f'<line class="claims-day-spread" x1="{x:.1f}" x2="{x:.1f}" '
                f'y1="{min(ys):.1f}" y2="{max(ys):.1f}" stroke="{colour}" stroke-width="6" '
                f'stroke-opacity="0.25" stroke-linecap="round"/>'
            )
        path.append(place[top["id"]])
    if len(path) > 1:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in path)
        marks.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="2" stroke-opacity="0.7"/>'
        )
    return marks


def outlet_marks(
    mine: list[dict], colour: str, place: dict, frame: Frame, apart: dict[str, str],
    claim_href: Callable[[str], str],
) -> list[str]:
    """One outlet's claims: lines per figure through the ones that are not parts, then every
    point (ranges with their bar) on top."""
    series: dict[str | None, list[dict]] = defaultdict(list)
    for p in mine:
        if p["id"] not in apart:
            series[p.get("figure_id")].append(p)
    marks = [m for figure in series.values() for m in series_marks(figure, colour, place)]
    for p in mine:
        marks.extend(range_bar(p, place[p["id"]][0], colour, frame))
        marks.append(point_mark(p, place[p["id"]], colour, claim_href(p["id"]), apart.get(p["id"])))
    return marks


def legend(colour: dict[str, str]) -> list[str]:
    """Outlet names beside the plot: the first few by name, and a count of the rest."""
    names = list(colour)
    edge = WIDTH - RIGHT
    parts = []
    for i, name in enumerate(names[:LEGEND_SIZE]):
        ly = TOP + 10 + i * 20
        parts.append(
            f'<circle cx="{edge + 20}" cy="{ly}" r="5" fill="{colour[name]}"/>'
            f'<text x="{edge + 30}" y="{ly + 4}" font-size="{FONT}" '
            f'fill="#333">{escape(name[:24])}</text>'
        )
    if len(names) > LEGEND_SIZE:
        parts.append(
            f'<text x="{edge + 20}" y="{TOP + 10 + LEGEND_SIZE * 20 + 4}" '
            f'font-size="{FONT}" fill="#777">+{len(names) - LEGEND_SIZE} more</text>'
        )
    return parts


KEY = Markup(
    '<figcaption class="claims-chart-key">Each point links to its claim. A line joins one '
    "outlet's reports of one figure through the highest value it gave each day; a pale bar "
    "spans the other values it gave that day, a thin bar a range (&ldquo;between 30 and "
    "40&rdquo;). Hollow rings are parts drawn apart from the line: claims counting another "
    "subject (children among people killed), or under a quarter of what the outlet had "
    "already reported for that figure.</figcaption>"
)


def timeline_svg(
    points: list[dict], claim_href: Callable[[str], str], median: float | None = None,
    value_title: str = "value",
) -> Markup:
    """Value by date, one colour per outlet, each point linking (through
    `claim_href(claim_id)`) to its claim in context, with a key to the marks below."""
    dated = dated_points(points)
    if not dated:
        return Markup('<p class="claims-empty">No dated claims to chart.</p>')
    frame = frame_for(dated)
    colour = outlet_colours(dated)
    place = positions(dated, frame)
    apart = parts(dated)
    body = [
        (
            f'<svg class="claims-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
            f'role="img" xmlns="http://www.w3.org/2000/svg">'
        ),
        f"<title>{escape(value_title)} by date, per outlet</title>",
        *value_grid(frame),
        *date_axis(frame),
        *axis_titles(frame, value_title),
        *median_line(frame, median),
    ]
    by_outlet = defaultdict(list)
    for _, p in dated:
        by_outlet[outlet_of(p)].append(p)
    for name in colour:
        mine = sorted(by_outlet[name], key=lambda p: (place[p["id"]][0], p["id"]))
        body.extend(outlet_marks(mine, colour[name], place, frame, apart, claim_href))
    body.extend(legend(colour))
    body.append("</svg>")
    return Markup('<figure class="claims-figure">') + Markup("".join(body)) + KEY + Markup(
        "</figure>"
    )
