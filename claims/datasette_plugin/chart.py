"""The timeline chart: value by date, one colour and line per outlet, drawn as SVG server-side.

No JavaScript and no CDN: the chart is part of the page, works without scripts and prints.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from claims.formats import format_number

#: Tableau 10: distinguishable on white and for most colour-blind readers.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)

WIDTH, HEIGHT = 860, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 190, 20, 40
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

#: Outlets named in the legend; the rest are counted.
LEGEND_SIZE = 15


@dataclass(frozen=True)
class Frame:
    """The date and value ranges the plot area spans, and the mapping of both onto it."""

    first: int
    last: int
    ticks: tuple[float, ...]

    def x(self, ordinal: int) -> float:
        """Horizontal position of a day (a date's ordinal): earliest left, latest right."""
        return LEFT + (ordinal - self.first) / (self.last - self.first) * PLOT_W

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


def frame_for(dated: list[tuple[dt.date, dict]]) -> Frame:
    """Axes spanning every date and every value (ranges included), the values from zero."""
    days = [day.toordinal() for day, _ in dated]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 1, last + 1
    values = [p["value"] for _, p in dated] + [
        p[k] for _, p in dated for k in ("low", "high") if p.get(k) is not None
    ]
    return Frame(first, last, tuple(nice_ticks(min(0.0, min(values)), max(values))))


def value_grid(frame: Frame) -> list[str]:
    """A line and a label at each round value, so a point's value can be read off."""
    return [
        f'<line x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{frame.y(tick):.1f}" '
        f'y2="{frame.y(tick):.1f}" stroke="#e5e5e5"/><text x="{LEFT - 8}" '
        f'y="{frame.y(tick) + 4:.1f}" text-anchor="end" font-size="12" '
        f'fill="#555">{format_number(tick)}</text>'
        for tick in frame.ticks
    ]


def date_axis(frame: Frame) -> list[str]:
    """About six dated ticks and the axis line, so dates read without crowding."""
    bottom = TOP + PLOT_H
    step = max(1, (frame.last - frame.first) // 6)
    parts = [
        f'<line x1="{frame.x(ordinal):.1f}" x2="{frame.x(ordinal):.1f}" y1="{bottom}" '
        f'y2="{bottom + 5}" stroke="#999"/><text x="{frame.x(ordinal):.1f}" '
        f'y="{bottom + 20}" text-anchor="middle" font-size="12" '
        f'fill="#555">{dt.date.fromordinal(ordinal).isoformat()}</text>'
        for ordinal in range(frame.first, frame.last + 1, step)
    ]
    parts.append(
        f'<line x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{bottom}" y2="{bottom}" stroke="#999"/>'
    )
    return parts


def median_line(frame: Frame, median: float | None) -> list[str]:
    """The figure's median as a dashed line, the value each outlet's report is compared to."""
    if median is None or not frame.ticks[0] <= median <= frame.ticks[-1]:
        return []
    return [(
        f'<line x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{frame.y(median):.1f}" '
        f'y2="{frame.y(median):.1f}" stroke="#333" stroke-dasharray="4 4"/><text '
        f'x="{LEFT + PLOT_W - 4}" y="{frame.y(median) - 6:.1f}" text-anchor="end" '
        f'font-size="12" fill="#333">median {format_number(median)}</text>'
    )]


def outlet_of(point: dict) -> str:
    """The point's outlet name; claims without one are grouped rather than dropped."""
    return point["outlet"] or "unknown"


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


def range_bar(point: dict, cx: float, colour: str, frame: Frame) -> list[str]:
    """A bar from low to high, so a claim that gives a range shows all of it."""
    if point.get("low") is None or point.get("high") is None:
        return []
    return [(
        f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{frame.y(point["low"]):.1f}" '
        f'y2="{frame.y(point["high"]):.1f}" stroke="{colour}" stroke-width="2"/>'
    )]


def point_mark(point: dict, spot: tuple[float, float], colour: str, href: str) -> str:
    """A point linking to its claim, its tooltip saying who claimed what, when."""
    cx, cy = spot
    tip = escape(f"{outlet_of(point)}, {point['day']}: {point['text']}")
    return (
        f'<a href="{escape(href)}"><circle class="claims-point" '
        f'cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}" stroke="#fff" '
        f'stroke-width="1.5"><title>{tip}</title></circle></a>'
    )


def outlet_series(
    mine: list[dict], colour: str, place: dict, frame: Frame, claim_href: Callable[[str], str]
) -> list[str]:
    """One outlet's claims: a line through them in date order, so its revisions show, then
    each point on top of it."""
    parts = []
    if len(mine) > 1:
        path = " ".join(f"{place[p['id']][0]:.1f},{place[p['id']][1]:.1f}" for p in mine)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="2" stroke-opacity="0.7"/>'
        )
    for p in mine:
        parts.extend(range_bar(p, place[p["id"]][0], colour, frame))
        parts.append(point_mark(p, place[p["id"]], colour, claim_href(p["id"])))
    return parts


def legend(colour: dict[str, str]) -> list[str]:
    """Outlet names beside the plot: the first few by name, and a count of the rest."""
    names = list(colour)
    parts = []
    for i, name in enumerate(names[:LEGEND_SIZE]):
        ly = TOP + 10 + i * 20
        parts.append(
            f'<circle cx="{LEFT + PLOT_W + 20}" cy="{ly}" r="5" fill="{colour[name]}"/>'
            f'<text x="{LEFT + PLOT_W + 30}" y="{ly + 4}" font-size="12" '
            f'fill="#333">{escape(name[:24])}</text>'
        )
    if len(names) > LEGEND_SIZE:
        parts.append(
            f'<text x="{LEFT + PLOT_W + 20}" y="{TOP + 10 + LEGEND_SIZE * 20 + 4}" '
            f'font-size="12" fill="#777">+{len(names) - LEGEND_SIZE} more</text>'
        )
    return parts


def timeline_svg(
    points: list[dict], claim_href: Callable[[str], str], median: float | None = None
) -> Markup:
    """Value by date, one colour and line per outlet, each point linking (through
    `claim_href(claim_id)`) to its claim in context."""
    dated = dated_points(points)
    if not dated:
        return Markup('<p class="claims-empty">No dated claims to chart.</p>')
    frame = frame_for(dated)
    colour = outlet_colours(dated)
    place = positions(dated, frame)
    parts = [
        (
            f'<svg class="claims-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
            f'role="img" xmlns="http://www.w3.org/2000/svg">'
        ),
        "<title>Value by date, per outlet</title>",
        *value_grid(frame),
        *date_axis(frame),
        *median_line(frame, median),
    ]
    for name in colour:
        mine = sorted(
            (p for _, p in dated if outlet_of(p) == name),
            key=lambda p: (place[p["id"]][0], p["id"]),
        )
        parts.extend(outlet_series(mine, colour[name], place, frame, claim_href))
    parts.extend(legend(colour))
    parts.append("</svg>")
    return Markup("".join(parts))
