import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims import extract
from claims.extraction.times import WEEKDAYS, resolve

WEDNESDAY = dt.date(2017, 4, 5)


def when(sentence, published=WEDNESDAY, figure="12"):
    start = sentence.index(figure)
    return resolve(sentence, 0, len(sentence), start, start + len(figure), published)


def test_weekday_is_the_latest_such_day_up_to_publication():
    ref = when("At least 12 people were killed on Tuesday.")
    assert (ref.date, ref.date_text, ref.cumulative) == ("2017-04-04", "on Tuesday", False)
    assert when("At least 12 people were killed on Wednesday.").date == "2017-04-05"
    assert when("At least 12 people were killed last Wednesday.").date == "2017-03-29"
    assert when("At least 12 people were killed on Thursday.").date == "2017-03-30"


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_weekday_property(published, day):
    ref = when(f"Shelling killed 12 people on {day}.", published)
    date = dt.date.fromisoformat(ref.date)
    assert 0 <= (published - date).days <= 6
    assert date.weekday() == WEEKDAYS[day.lower()]


def test_relative_days_and_periods():
    assert when("12 people died yesterday.").date == "2017-04-04"
    assert when("12 people died today.").date == "2017-04-05"
    assert when("Last week 12 people died.").date == "2017-W13"
    assert when("Last month 12 people died.").date == "2017-03"
    assert when("Last year 12 people died.").date == "2016"


def test_month_without_year_is_the_latest_such_month():
    assert when("In March 2017 12 people died.").date == "2017-03"
    assert when("In March, 12 people died.").date == "2017-03"
    assert when("In May, 12 people died.").date == "2016-05"
    assert when("This may be 12 people.") is None


def test_explicit_dates():
    assert when("On 4 April 2017, 12 people died.").date == "2017-04-04"
    assert when("12 people died on April 4 2017.").date == "2017-04-04"
    assert when("12 people died on 2017-04-04.").date == "2017-04-04"
    assert when("12 people died on April 2.").date == "2017-04-02"
    assert when("The toll in 2016 was 12.").date == "2016"


def test_nearest_expression_wins():
    ref = when("After Monday's raid, 12 people were killed on Tuesday.")
    assert ref.date == "2017-04-04"


def test_cumulative_markers():
    for sentence in [
        "More than 12 people have died since 2011.",
        "Since the war began in 2011, 12 people have died.",
        "So far 12 people have been evacuated.",
        "In total, 12 people died.",
        "The war has killed 12 people.",
        "12 people have been killed since Syria's war started.",
        "To date 12 people have died.",
        "The long war in Karsk has left an estimated 12 dead.",
        "Karsk's civil war, now in its fifth year, has killed 12 people.",
        "The conflict that began with protests in 2012 has since killed 12 people.",
        "The conflict has caused 12 deaths.",
    ]:
        ref = when(sentence)
        assert ref.cumulative, sentence
        assert ref.date == "2017-04-05", sentence  # a running total holds as of publication
    assert when("By Sunday, the toll since March 2011 reached 12.").date == "2017-04-02"


@pytest.mark.parametrize("sentence", [
    "A car bomb killed 12 people in the war-torn city on Monday.",
    "The war plane that has killed 12 people was shot down.",
    "Rebels said the war on Tuesday killed 12 fighters.",
])
def test_a_war_named_beside_one_days_toll_makes_no_running_total(sentence):
    ref = when(sentence)
    assert ref is None or not ref.cumulative


def test_without_publication_date_relative_dates_stay_unresolved():
    ref = when("At least 12 people were killed on Tuesday.", published=None)
    assert (ref.date, ref.date_text) == (None, "on Tuesday")
    assert when("On 4 April 2017, 12 people died.", published=None).date == "2017-04-04"


def test_no_time_expression():
    assert when("At least 12 people were killed in Aleppo.") is None


def test_a_date_line_in_the_text_is_the_day_relative_dates_count_from():
    text = ("Station bombed\n\nDate of publication 3 October 2023 Two bombs killed 17 people "
            "in the capital on Monday, the ministry said.")
    (toll,) = [c for c in extract(text, published="2023-09-29") if c.text == "17 people"]
    assert toll.date == "2023-10-02"


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The bus fare rises to 3 euros from April, the council said.", "2024-03-10", "2024-04"),
    ("Rents will go up 5 percent in April, the agency said.", "2024-03-10", "2024-04"),
    ("The levy of 2 percent is due to start in January.", "2024-11-10", "2025-01"),
    ("Rents went up 5 percent in April, the agency said.", "2024-03-10", "2023-04"),
    ("Exports fell 8 percent in March.", "2024-03-10", "2024-03"),
])
def test_a_month_looked_ahead_to_is_the_coming_one(text, published, expected):
    (figure,) = extract(text, published=published)
    assert figure.date == expected


def test_a_street_named_for_a_day_is_no_date():
    from claims import extract

    (shells,) = [c for c in extract("Shells hit the camp off April 7th Street, wounding 4 "
                                    "people.", "2016-11-21") if c.value == 4]
    assert shells.date is None


@pytest.mark.parametrize(("text", "dates"), [
    # a sentence that goes on with the report before it is of that report's day
    (("Troops shelled the old town on Tuesday, the monitor reporting a new barrel bomb attack "
      "on its market. It said five civilians were killed."), ["2016-07-26"]),
    # not when it names a day of its own, nor when it is another speaker's sentence
    ("Troops shelled the town on Tuesday. It said 5 civilians were killed on Monday.",
     ["2016-07-25"]),
    ("Troops shelled the town on Tuesday. Medics said 5 civilians were killed.", [None]),
    # a month before is no day to carry
    ("Fighting went on last month. It said 5 civilians were killed.", [None]),
])
def test_a_continued_report_keeps_the_day_of_the_sentence_before(text, dates):
    assert [c.date for c in extract(text, dt.date(2016, 7, 27))] == dates


@pytest.mark.parametrize(("text", "date"), [
    ("The Valley Today page said 27 people were killed.", None),
    ("Shelling killed 12 people in the town today, USA Today reported.", "2016-07-27"),
    ("Today 12 people were killed in the town.", "2016-07-27"),
])
def test_today_ending_a_name_is_no_time(text, date):
    assert extract(text, dt.date(2016, 7, 27))[0].date == date


@pytest.mark.parametrize(("post", "day"), [
    ("after the village was struck last night", "2016-10-23"),  # the night before the post
    ("after the village was struck on Tuesday", "2016-10-18"),  # the Tuesday before the post
])
def test_a_pasted_post_dates_its_words_from_its_own_day(post, day):
    """A post pasted into a report two days later counts "last night" and weekdays from the
    day it was written, not from the report's."""
    text = ("Air strikes on a school killed 22 children on Wednesday, the agency said. "
            f"Initial reports of 6 killed and many injured {post} pic.example.com/Ab12 "
            "Rescue Crew (RescueCrew) October 24 2016 The agency said more.")
    (toll,) = [c for c in extract(text, published="2016-10-26") if c.value == 6]
    assert toll.date == day


def test_a_source_in_parentheses_is_no_post():
    """Only a pasted post, its author's handle followed by a date, has a day of its own: a
    source named in parentheses keeps the report's day for "last night"."""
    text = "The monitor (SOHR) said shelling killed 6 people in the town last night."
    (toll,) = extract(text, published="2016-10-26")
    assert toll.date == "2016-10-25"


@pytest.mark.parametrize(("published", "week"), [
    (dt.date(2016, 8, 9), "2016-W31"),  # a Tuesday: the Saturday and Sunday before
    (dt.date(2016, 8, 7), "2016-W31"),  # a Sunday: the weekend it ends
    (dt.date(2016, 8, 6), "2016-W31"),
])
def test_the_weekend_is_the_week_of_the_last_saturday(published, week):
    ref = when("Air strikes over the weekend killed 12 people, a monitor said.", published)
    assert (ref.date, ref.date_text) == (week, "over the weekend")


@pytest.mark.parametrize(("sentence", "date"), [
    (("A clinic was destroyed by air strikes over the weekend that killed 12 people the "
      "charity said on Monday."), "2016-W31"),
    ("Air strikes killed 12 people on Saturday the monitor said on Monday.", "2016-08-06"),
    ("The monitor said on Monday that 12 people were killed.", "2016-08-08"),
])
def test_the_day_a_source_spoke_dates_a_figure_only_when_nothing_else_does(sentence, date):
    assert when(sentence, dt.date(2016, 8, 9)).date == date
