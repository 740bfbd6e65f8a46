"""Extraction rules found by property tests and by reading the demo corpus: each test is one
general rule, written in sentences of our own."""

import pytest

from claims import extract


def only(text):
    found = extract(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "1,600 hundred 29",
        "2,000 dozen 40 hundred",
        "between 90 and 12 bn",
        "between two and 1.5",
        "minus dozens of people",
        "-tens of thousands",
        "4 dozen and 1/2",
    ],
)
def test_odd_number_runs_extract_without_raising(text):
    for claim in extract(text):
        assert text[claim.start : claim.end] == claim.text
        if claim.low is not None:
            assert claim.low <= claim.value <= claim.high


def test_between_needs_a_rising_pair_to_be_a_range():
    assert [c.qualifier for c in extract("Readings between 90 and 12 were recorded.")] == [
        "exact", "exact"
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Residents in Tarnholm said at least 14 houses burned down.", "Residents in Tarnholm"),
        ("Doctors at the district hospital said 9 people were wounded.",
         "Doctors at the district hospital"),
        ("Officials in the capital told reporters that 30 people died.", "Officials in the capital"),
    ],
)
def test_speaker_keeps_its_place(text, speaker):
    assert only(text).attributed_to == speaker


def test_place_after_an_event_is_not_the_speaker():
    claim = only("Eight people killed in Tarnholm said the Red Crescent")
    assert claim.attributed_to == "the Red Crescent"


@pytest.mark.parametrize(
    "line",
    [
        "Listen to this article (4 min)",
        "Support independent journalism: donate from £3 a month",
        "Subscribe from $2 a week",
        "Sign up for our newsletter: 5 stories every morning",
        "Donate 10 euros today",
    ],
)
def test_page_furniture_lines_give_no_claims(line):
    text = f"{line}\nThe flood displaced 3,000 families, the council said."
    assert [c.value for c in extract(text)] == [3000]


def test_furniture_words_inside_long_copy_do_not_hide_figures():
    text = (
        "Subscribers to the regional water scheme, who already pay more than most households in "
        "the province, will see bills rise by 12 percent next year under the plan the council "
        "approved on Monday evening after a long debate."
    )
    assert [c.value for c in extract(text)] == [12]


@pytest.mark.parametrize(
    "text",
    [
        "For help, call 0300 123 4567 or text 80080.",
        "Send a text message to 70123 to get updates.",
        "Text HELP to 60123 for advice.",
    ],
)
def test_phone_numbers_and_short_codes_are_not_claims(text):
    assert extract(text) == []


def test_figure_with_its_own_verb_does_not_take_the_previous_cue():
    first, second = extract("Nine people drowned and 54 were pulled from the water.")
    assert first.metric == "killed"
    assert second.value == 54 and second.metric != "killed"
    assert second.unit == "people"


def test_nearer_verb_after_the_figure_wins():
    first, second = extract("Thirty died and 12 are still missing after the landslide.")
    assert (first.metric, second.metric) == ("killed", "missing")


def test_elliptic_figure_still_shares_the_verb():
    first, second = extract("Four soldiers died and two civilians.")
    assert first.metric == second.metric == "killed"


def test_comparative_difference_is_not_a_count():
    claims = extract("The union counts 15 dead, two more than the company's figure.")
    assert [c.value for c in claims] == [15]


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "Call f(2) then g(3)", '<img width="300" height="200">'],
)
def test_code_and_markup_give_no_claims(text):
    assert extract(text) == []


def test_number_in_parentheses_after_a_space_is_still_a_claim():
    assert [c.value for c in extract("The death toll (17) was revised.")] == [17]
