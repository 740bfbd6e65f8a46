"""The timeline chart, piece by piece: axes, placement of points that coincide, ranges,
the legend, and escaping of what came from articles."""

from __future__ import annotations

import datetime as dt
import re

from claims.datasette_plugin import chart


def point(i: int, value: float | None, day: str | None = "2024-03-05", outlet: str = "A",
          **extra) -> dict:
    """A chart point as the pages' POINTS_SQL returns it."""
    return {"id": f"c{i}", "value": value, "day": day, "outlet": outlet, "text": f"claim {i}",
            "low": None, "high": None, **extra}


def href(claim_id: str) -> str:
    """Claim links as the pages build them (without base_url)."""
    return f"/-/claims/claim/{claim_id}"


def test_days_are_read_at_any_precision():
    """Dates, months and years place a point; anything else leaves it out."""
    assert chart.parse_day("2024-03-05T10:00") == dt.date(2024, 3, 5)
    assert chart.parse_day("2024-03") == dt.date(2024, 3, 1)
    assert chart.parse_day("2024") == dt.date(2024, 1, 1)
    assert chart.parse_day("March") is None and chart.parse_day(None) is None


def test_ticks_are_round_and_cover_the_range():
    """Ticks start at or below the lowest value and end at or above the highest."""
    assert chart.nice_ticks(0, 20) == [0, 5, 10, 15, 20]
    ticks = chart.nice_ticks(0, 1234)
    assert ticks[0] == 0 and ticks[-1] >= 1234 and len(ticks) <= 7


def test_nothing_to_chart_says_so():
    """Points without a date or a value give a sentence, not an empty frame."""
    svg = chart.timeline_svg([point(1, None), point(2, 5, day="soon")], href)
    assert svg == '<p class="claims-empty">No dated claims to chart.</p>'


def test_frame_spans_dates_values_and_ranges():
    """One day is widened to three, plus half a day either side so no point sits on an axis;
    ranges count towards the value axis; it starts at zero."""
    frame = chart.frame_for(chart.dated_points([point(1, 10, low=5, high=30)]))
    assert frame.last - frame.first == 3
    assert frame.ticks[0] == 0 and frame.ticks[-1] >= 30
    assert frame.x(frame.first) == frame.left
    assert frame.x(dt.date(2024, 3, 5).toordinal()) == frame.left + frame.width / 2
    assert frame.y(frame.ticks[0]) == chart.TOP + chart.PLOT_H


def test_the_left_margin_fits_the_widest_tick_label():
    """Nine-digit values get the room "900,000,000" needs beside the value axis's title, so
    no label is cut to "00,000,000"; small values leave the plot its width."""
    wide = chart.frame_for(chart.dated_points([point(1, 40_000_000), point(2, 900_000_000)]))
    widest = max(len(chart.format_number(t)) for t in wide.ticks)
    assert widest == len("1,000,000,000")
    assert wide.left - chart.TICK_GAP - widest * chart.CHAR_W >= chart.TITLE_ROOM
    narrow = chart.frame_for(chart.dated_points([point(1, 12)]))
    assert narrow.left < wide.left and narrow.width > wide.width


def test_axes_have_titles():
    """The value axis says what is counted, the date axis which date it is."""
    svg = chart.timeline_svg([point(1, 10)], href, value_title="people <killed>")
    titles = re.findall(r'<text class="claims-axis-title"[^>]*>([^<]*)</text>', svg)
    assert titles == ["people &lt;killed&gt;", chart.DATE_TITLE]


def line_points(svg: str) -> list[list[tuple[float, float]]]:
    """Each polyline's points, to see what a line joins."""
    return [
        [tuple(map(float, pair.split(","))) for pair in found.split()]
        for found in re.findall(r'<polyline points="([^"]+)"', svg)
    ]


def test_same_day_values_are_a_bar_not_a_zigzag():
    """One outlet giving 12, 20 and 38 on one day and 40 the next: the line goes once
    through each day (its highest value), and a pale bar spans the first day's values."""
    svg = chart.timeline_svg(
        [point(1, 12), point(2, 20), point(3, 38), point(4, 40, day="2024-03-06")], href
    )
    (line,) = line_points(svg)
    assert len(line) == 2 and len({x for x, _ in line}) == 2
    frame = chart.frame_for(chart.dated_points([point(1, 12), point(4, 40, day="2024-03-06")]))
    assert line[0][1] == round(frame.y(38), 1)
    spread = re.findall(r'<line class="claims-day-spread"[^>]*y1="([\d.]+)" y2="([\d.]+)"', svg)
    assert [tuple(map(float, s)) for s in spread] == [
        (round(frame.y(38), 1), round(frame.y(12), 1))
    ]


def test_sub_counts_are_apart_from_the_total():
    """"Nine children" among an outlet's people killed, and "two of them" after its 40, are
    hollow rings off the line, which joins only the totals."""
    svg = chart.timeline_svg([
        point(1, 30), point(2, 9, subject="children"), point(3, 40, day="2024-03-06"),
        point(4, 2, day="2024-03-07"), point(5, 45, day="2024-03-08"),
    ], href)
    parts = re.findall(r'<a href="[^"]+/(c\d)"><circle class="claims-point claims-part"', svg)
    assert parts == ["c2", "c4"]
    (line,) = line_points(svg)
    assert len(line) == 3
    assert "counts children, not people" in svg


def test_lines_join_one_figure_at_a_time():
    """An outlet's reports of two incidents are two lines, not one revision."""
    svg = chart.timeline_svg([
        point(1, 10, figure_id="a"), point(2, 12, day="2024-03-06", figure_id="a"),
        point(3, 30, day="2024-03-08", figure_id="b"), point(4, 33, day="2024-03-09",
                                                             figure_id="b"),
    ], href)
    assert [len(line) for line in line_points(svg)] == [2, 2]


def test_points_at_the_same_spot_sit_side_by_side():
    """Three outlets reporting 12 on the same day are three visible points."""
    dated = chart.dated_points([point(i, 12, outlet=name) for i, name in enumerate("ABC")])
    place = chart.positions(dated, chart.frame_for(dated))
    assert len({x for x, _ in place.values()}) == 3
    assert len({y for _, y in place.values()}) == 1


def test_each_point_links_to_its_claim_and_ranges_get_a_bar():
    """Every point is a link through `claim_href`; a range claim also gets a vertical bar."""
    svg = chart.timeline_svg(
        [point(1, 10), point(2, 20, day="2024-03-07", low=15, high=25), point(3, 8, outlet="B")],
        href,
    )
    assert re.findall(r'<a href="([^"]+)"><circle class="claims-point"', svg) == [
        "/-/claims/claim/c1", "/-/claims/claim/c2", "/-/claims/claim/c3",
    ]
    assert svg.count("<polyline") == 1
    assert len(re.findall(r'<line class="claims-range" x1="([\d.]+)" x2="\1" ', svg)) == 1


def test_median_is_drawn_only_inside_the_axis():
    """A median within the values is a dashed line; one outside them is left out."""
    dated = chart.dated_points([point(1, 10), point(2, 20)])
    frame = chart.frame_for(dated)
    assert "median 15" in chart.median_line(frame, 15)[0]
    assert chart.median_line(frame, 10_000) == [] and chart.median_line(frame, None) == []


def test_legend_names_fifteen_outlets_and_counts_the_rest():
    """A crowded chart keeps a readable legend."""
    dated = chart.dated_points([point(i, i, outlet=f"Outlet {i:02}") for i in range(17)])
    parts = chart.legend(chart.outlet_colours(dated))
    assert len(parts) == 16 and parts[-1].endswith(">+2 more</text>")


def test_article_text_in_tooltips_and_legend_is_escaped():
    """Outlet names and claim text are markup-free in the SVG."""
    svg = chart.timeline_svg(
        [point(1, 3, outlet="<b>Bad</b>", text="<script>alert(1)</script>")], href
    )
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "&lt;b&gt;Bad&lt;/b&gt;" in svg


def test_people_are_the_total_whatever_most_claims_count():
    """Two claims of miners and one of people: the people claim is the total, the miners
    parts of it; without people, what most claims count is the total."""
    dated = chart.dated_points([
        point(1, 9, subject="miners"), point(2, 9, outlet="B", subject="miners"),
        point(3, 12, outlet="C"),
    ])
    assert set(chart.parts(dated)) == {"c1", "c2"}
    no_people = chart.dated_points([point(1, 3, unit="usd"), point(2, 4, unit="usd"),
                                    point(3, 5, unit="eur")])
    assert set(chart.parts(no_people)) == {"c3"}
