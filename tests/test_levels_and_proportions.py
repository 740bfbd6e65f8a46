"""Proportions, the levels of a change, vague amounts of a unit, qualifiers written after a
figure, and counted phrases joined by "and": each test is one general rule, in sentences of
our own."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims import extract


def only(text):
    found = extract(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def by_text(text):
    return {c.text: c for c in extract(text)}


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("One in four farmers in Veltria sold their land.", "One in four", 0.25),
        ("Two out of five nurses said they would leave.", "Two out of five", 0.4),
        ("The survey found 3 in 10 renters behind on payments.", "3 in 10", 0.3),
    ],
)
def test_a_proportion_is_one_share(text, surface, value):
    claim = only(text)
    assert (claim.text, claim.value, claim.metric, claim.unit) == (surface, value, "share", None)


@given(st.integers(1, 999), st.integers(2, 1000))
def test_any_proportion_of_digits_is_its_quotient(part, whole):
    if part >= whole:
        return
    claim = only(f"Polls show {part} in {whole} adults agree.")
    assert claim.metric == "share" and claim.value == pytest.approx(part / whole)


@pytest.mark.parametrize(
    "text",
    [
        "She scored 3 in 2019 after a long injury.",  # a year is no whole
        "The crew fixed 2 in 10 days.",  # a span is no whole
        "Only 12 in 5 schools reopened.",  # a part larger than its whole
    ],
)
def test_no_proportion_where_the_second_number_is_no_whole(text):
    assert all(c.metric != "share" for c in extract(text))


@pytest.mark.parametrize(
    "text, first, value, unit",
    [
        ("Inflation rose from 3.1 to 3.6 percent in a year.", "3.1", 3.1, "percent"),
        ("Output grew from 1.2 to 1.5 million barrels.", "1.2", 1_200_000, "barrel"),
        ("The herd shrank from 900,000 to 1.1 million head.", "900,000", 900_000, None),
        ("Budgets were raised from 4.5 to 5-6 billion euros.", "4.5", 4_500_000_000, "eur"),
        ("Lift was increased from 11.5 to 12.0 mm.", "11.5", 11.5, "mm"),
    ],
)
def test_the_level_a_change_starts_from_takes_the_unit_of_the_next(text, first, value, unit):
    claim = by_text(text)[first]
    assert claim.value == value
    if unit:
        assert claim.unit == unit


def test_a_level_far_below_the_next_takes_no_scale():
    claim = by_text("Sales jumped from 2 to 30 million tickets.")["2"]
    assert claim.value == 2 and claim.unit is None


def test_a_row_of_levels_is_no_range():
    found = extract("The fare goes from $10 to $12 to $15 next year.")
    assert [(c.value, c.qualifier) for c in found] == [
        (10, "exact"), (12, "exact"), (15, "exact")
    ]


def test_a_range_revised_to_another_range_is_two_ranges():
    found = extract("The bank cut its forecast from 6 to 8 per cent to 2 to 4 per cent.")
    assert [(c.low, c.high) for c in found] == [(6, 8), (2, 4)]


def test_a_range_after_to_stays_a_range():
    claim = only("Prices are set to climb to 30 to 40 percent.")
    assert (claim.low, claim.high, claim.qualifier) == (30, 40, "range")


@pytest.mark.parametrize(
    "text, change, level",
    [
        ("The toll from the mine blast rose by 3 to 15.", 3, 15),
        ("The Veltria index fell 12 to 1,450 on Friday.", 12, 1450),
        ("Membership grew by 200 to 5,000 people.", 200, 5000),
    ],
)
def test_a_change_and_the_level_it_reached_are_no_range(text, change, level):
    found = extract(text)
    assert [(c.value, c.qualifier, c.direction) for c in found] == [
        (change, "exact", found[0].direction), (level, "exact", None)
    ]
    assert found[0].direction in ("up", "down")


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Night temperatures dropped by 1 to 1.5 degrees.", 1, 1.5),
        ("The firm will cut 30 to 50 percent of its staff.", 30, 50),
    ],
)
def test_close_numbers_after_a_change_bound_one_change(text, low, high):
    claim = only(text)
    assert (claim.low, claim.high, claim.qualifier) == (low, high, "range")


@pytest.mark.parametrize(
    "text, unit, metric",
    [
        ("The council spent millions of dollars on the bridge.", "usd", "money"),
        ("Repairs added tens of thousands of euros to each flat.", "eur", "money"),
        ("Storms closed hundreds of miles of coast road.", "mi", "distance"),
    ],
)
def test_a_vague_amount_of_a_unit_is_in_that_unit(text, unit, metric):
    claim = only(text)
    assert (claim.unit, claim.metric, claim.vague) == (unit, metric, True)


def test_a_unit_before_a_plural_is_its_modifier():
    claim = only("Dozens of barrel bombs fell on the market.")
    assert claim.unit == "items" and claim.subject == "barrel bombs"


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("Applicants must be 40 or older.", "at_least"),
        ("Patients scoring 30 or above were excluded.", "at_least"),
        ("Children aged 5 and under travel free.", "at_most"),
        ("Bids of 200 or lower were refused.", "at_most"),
    ],
)
def test_a_qualifier_after_the_figure(text, qualifier):
    assert only(text).qualifier == qualifier


def test_a_qualifier_before_the_next_figure_is_not_the_first_ones():
    first, second = extract("Nine dead and over 20 wounded were counted.")
    assert (first.qualifier, second.qualifier) == ("exact", "more_than")


def test_back_up_to_reaches_a_level():
    found = extract("The rate slipped to 2.1% before moving back up to 2.4%.")
    assert [c.qualifier for c in found] == ["exact", "exact"]


@pytest.mark.parametrize(
    "text, subject",
    [
        ("About 300 Ford and Fiat cars were recalled.", "Ford and Fiat cars"),
        ("The label sold 2.1m digital and vinyl albums.", "digital and vinyl albums"),
        ("The port is home to about 80 commercial fishermen.", "commercial fishermen"),
        ("The grid needs 15 moderately sized gas plants.", "moderately sized gas plants"),
        ("The plan shuts 20 fairly small regional gas plants.",
         "fairly small regional gas plants"),
        ("The plan shuts 20 decently sized coal-fired power plants.",
         "decently sized coal-fired power plants"),
        ("Over 18,000 civilians left government-controlled areas.", "civilians"),
        ("Rebels shelled 12 army and police posts.", "army and police posts"),
    ],
)
def test_a_counted_phrase_runs_to_its_plural_noun(text, subject):
    assert only(text).subject == subject


def test_one_thing_and_another_stays_one_thing():
    found = extract("One family and three children were hurt.")
    assert [c.subject for c in found] == ["family", "children"]


@pytest.mark.parametrize(
    "text, values",
    [
        ("Ardent Mining, down 14 p at 486 p, led the fallers.", [14, 486]),
        ("Corvel rose 3.5 p to 212.5 p.", [3.5, 212.5]),
    ],
)
def test_pence_written_spaced_in_market_copy(text, values):
    found = extract(text)
    assert [(c.value, c.unit) for c in found] == [(v, "pence") for v in values]


@pytest.mark.parametrize("text", ["Doors open at 7 p.m. sharp.", "Doors open at 7 p m sharp."])
def test_a_clock_time_is_no_pence(text):
    assert all(c.unit != "pence" for c in extract(text))


def test_displaced_people_are_displaced():
    claim = only("Thousands of internally displaced people reached the camp.")
    assert claim.metric == "displaced"


@pytest.mark.parametrize(
    "text, pers",
    [
        ("Holders get C$8 (US$5.90) per share.", ["share", "share"]),
        ("Tourism brings 4 billion pesos ($230 million) a year.", ["year", "year"]),
    ],
)
def test_a_rate_after_a_restatement_in_brackets(text, pers):
    assert [c.per for c in extract(text)] == pers


def test_a_bare_figure_takes_no_unit_from_a_restatement_in_brackets():
    found = extract("Sales and profits were 3.1 billion rand ($170 million) and 90 million.")
    assert (found[-1].unit, found[-1].metric) == ("zar", "money")


def test_a_bare_figure_takes_the_measure_of_the_figure_it_leaves_unsaid():
    found = extract("The siege lasted 40 hours, and the second 25.")
    assert [(c.unit, c.metric) for c in found] == [("hours", "duration"), ("hours", "duration")]


@pytest.mark.parametrize(
    "text",
    [
        "Life expectancy for women in Norland is around 84, while many die young.",
        "The retirement age will rise to 67 next decade.",
    ],
)
def test_the_bare_level_of_an_age_noun_is_an_age(text):
    claim = only(text)
    assert (claim.unit, claim.metric) == ("years", "age")


@pytest.mark.parametrize(
    "text, unit, subject",
    [
        ("The repairs will take a day or two.", "days", None),
        ("The club hopes to add another signing or two.", "items", "signing"),
    ],
)
def test_a_noun_said_once_before_or_and_a_number(text, unit, subject):
    claim = only(text)
    assert (claim.value, claim.unit, claim.subject) == (2, unit, subject)


def test_a_number_with_a_noun_of_its_own_after_or():
    found = extract("One guard or two drivers were hurt.")
    assert found[-1].subject == "drivers"



@pytest.mark.parametrize(
    "text, found",
    [
        ("Rovers slipped towards the bottom three after a bad run.", []),
        ("The top three teams qualify, and the top 5% pay most tax.", ["three teams", "5%"]),
    ],
)
def test_a_place_in_a_ranking_is_no_count(text, found):
    assert [c.text for c in extract(text)] == found


def test_one_ounce_is_a_weight():
    claim = only("One ounce of the alloy costs more than gold.")
    assert (claim.unit, claim.metric) == ("ounce", "weight")
