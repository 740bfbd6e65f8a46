"""Amounts news copy writes without plain digits, in sentences written for these tests:
vague words with their documented bounds, "a pair of", "half-a-dozen", "a"/"an" after a
qualifier, units and durations hyphened into a modifier, mixed fractions, and multipliers
after a qualifier."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims import extract


def read(text: str) -> list[tuple]:
    """(text, value, low, high, unit) of each claim."""
    return [(c.text, c.value, c.low, c.high, c.unit) for c in extract(text)]


@pytest.mark.parametrize("text,expected", [
    ("Several lorries overturned on the ring road.", ("Several lorries", 3, 3, 9, "items")),
    ("The ferry was held for a few hours at the pier.", ("a few hours", 2, 2, 5, "hours")),
    ("Prices should settle over the next few weeks.", ("few weeks", 2, 2, 5, "weeks")),
    ("Several hundred people queued.", ("Several hundred people", 300, 300, 900, "people")),
    ("A few thousand fans stayed outside.", ("A few thousand fans", 2000, 2000, 5000, "people")),
    ("Tickets now sell for triple digits.", ("triple digits", 100, 100, 999, None)),
    ("Tens of thousands of pupils stayed home.",
     ("Tens of thousands of pupils", 20_000, 20_000, 100_000, "people")),
])
def test_vague_amounts_and_their_bounds(text, expected):
    assert read(text) == [expected]


@pytest.mark.parametrize("text", [
    "She was one of the few who stayed behind.",
    "Quite a few voters changed their minds.",
    "Few other trades pay as well as this one.",
    "It took a year to build the bridge.",  # "a year" without a qualifier
    "It was a double murder, the court heard.",
    "The mayor won a second term after over a year-long campaign.",
])
def test_words_that_look_like_amounts_but_are_not(text):
    assert extract(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Rescuers sent a pair of drones over the ridge.", ("a pair of drones", 2, "items")),
    ("Delegates from half-a-dozen nations met in the hall.", ("half-a-dozen nations", 6, "items")),
    ("He lived abroad for nearly a year.", ("nearly a year", 1, "years")),
    ("Up to a foot of rain is forecast.", ("Up to a foot", 1, "ft")),
    ("The lake has not frozen in more than a decade.", ("more than a decade", 1, "decades")),
    ("Turnout rose to 61-per-cent this time.", ("61-per-cent", 61, "percent")),
    ("A 40-square-kilometre zone was closed.", ("40-square-kilometre", 40, "km2")),
    ("It is a three-hour walk to the hut.", ("three-hour", 3, "hours")),
    ("A one-day strike shut the port.", ("one-day", 1, "days")),
    ("The cable is 2-1/2 inches thick.", ("2-1/2 inches", 2.5, "in")),
    ("Each washer is 5/16 of an inch wide.", ("5/16 of an inch", 5 / 16, "in")),
    ("The central bank cut its rate by a quarter-point.", ("a quarter-point", 0.25, "points")),
    ("Rents are nearly double what they were.", ("nearly double", 2, "times")),
    # a larger scale after a smaller one multiplies it
    ("The plan costs four lakh crore rupees.", ("four lakh crore rupees", 4e12, "inr")),
    ("The dam cost two thousand million dollars.", ("two thousand million dollars", 2e9, "usd")),
    ("Some one million two hundred thousand people voted.",  # "some one" is no "someone"
     ("Some one million two hundred thousand people", 1_200_000, "people")),
])
def test_amounts_written_in_words_or_hyphens(text, expected):
    assert [(c.text, c.value, c.unit) for c in extract(text)] == [expected]


def test_one_day_spaced_is_still_an_idiom():
    assert extract("One day the river simply changed course.") == []


def test_dates_with_one_separator_are_still_dates():
    assert extract("The letters were dated 4/5/17 and 30.11.2019.") == []


@given(st.integers(1, 99), st.integers(1, 30), st.integers(2, 64))
def test_mixed_fractions_add_the_whole_part(whole, top, bottom):
    if top >= bottom:
        top = bottom - 1
    (claim,) = extract(f"The bar was {whole}-{top}/{bottom} inches long.")
    assert claim.value == pytest.approx(whole + top / bottom) and claim.unit == "in"


@pytest.mark.parametrize(("text", "value"), [
    ("The agency got a half billion dollars more.", 500_000_000),
    ("The agency got more than a half a billion dollars above its request.", 500_000_000),
])
def test_a_half_before_a_scale_word_halves_it(text, value):
    (found,) = extract(text)
    assert (found.value, found.unit) == (value, "usd")
