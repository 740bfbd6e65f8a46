"""Headlines in Title Case and ALL CAPS read like sentence case, in headlines written for
these tests: number words, metric verbs, qualifiers and place cues in capitals count, while
a capital in running text still marks a name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims import extract
from claims.extraction.headlines import is_headline_case, sentence_case


def killed(text: str) -> list[tuple[str, float, str]]:
    """(text, value, qualifier) of each killed claim."""
    return [(c.text, c.value, c.qualifier) for c in extract(text) if c.metric == "killed"]


@pytest.mark.parametrize("headline,expected", [
    ("Rebels Kill Seven Guards in Dawn Raid", [("Seven Guards", 7, "exact")]),
    ("ARMY SHELLING KILLS ELEVEN IN BORDER TOWN", [("ELEVEN", 11, "exact")]),
    ("AT LEAST THREE KILLED, NINE WOUNDED IN MARKET BLAST",
     [("AT LEAST THREE KILLED", 3, "at_least")]),
    ("Storm Leaves Four Dead Along the Coast", [("Four Dead", 4, "exact")]),
    ("Two Slain Outside Court After Dispute", [("Two Slain", 2, "exact")]),
])
def test_capitalised_headlines_give_their_toll(headline, expected):
    assert killed(headline) == expected


def test_a_hurt_count_in_a_headline_is_wounded_not_killed():
    found = {c.text: c.metric for c in extract("One Killed, Six Hurt as Crane Falls on Pier")}
    assert found == {"One Killed": "killed", "Six Hurt": "wounded"}


def test_place_cues_in_capitals_still_cue_a_place():
    (claim,) = extract("GUNMEN KILL FIVE VILLAGERS NEAR ALEPPO")
    assert claim.place == "Aleppo" and claim.text == "FIVE VILLAGERS"


@pytest.mark.parametrize("headline, place", [
    ("Blast Kills Four in New Delhi Market", "Delhi"),  # "new" is a change word elsewhere
    ("Gunmen Kill Six in South Sudan Village", "South Sudan"),
    ("FLOODS KILL NINE IN NEW MEXICO TOWNS", "New Mexico"),
])
def test_a_vocabulary_word_that_opens_a_place_name_stays_in_it(headline, place):
    (claim,) = extract(headline)
    assert claim.place == place


def test_a_capitalised_number_word_in_running_text_is_still_a_name():
    assert extract("She presented a show on Channel Four for years and later moved abroad.") == []
    assert extract("Viewers of the Famous Five films wrote in, the station said.") == []


@pytest.mark.parametrize("line,headline", [
    ("Gunmen Kill Four in Night Raid on Village", True),
    ("GUNMEN KILL FOUR", True),
    ("Gunmen killed four people in a night raid on the village.", False),
    ("Three Killed", False),  # too short to show a style
])
def test_which_lines_are_headline_case(line, headline):
    assert is_headline_case(line) is headline


@given(st.text(alphabet=st.sampled_from("aKILL Five\nTWO in sagaing İ-’."), max_size=60))
def test_recasing_keeps_every_offset(text):
    assert len(sentence_case(text)) == len(text)
    assert sentence_case(text).lower() == text.lower() or "İ" in text


def test_a_headline_word_the_article_writes_in_lower_case_is_no_place():
    headline = "Squall Kills Two Sailors in Cove Area"
    body = "The squall struck the yachts as they crossed the cove on Sunday afternoon."
    (alone,) = extract(headline)
    assert alone.place == "Cové"  # alone, a capitalised word after "in" may be a town
    first = extract(f"{headline}\n\n{body}")[0]
    assert first.text == "Two Sailors" and first.place is None


@pytest.mark.parametrize(("headline", "metric"), [
    ("Police Arrest 120 After Clashes In Corlbury", "arrested"),
    ("Gunmen kidnap 12 on highway near Brennick", "kidnapped"),
    ("Troops Kill 30 Fighters, Free 19 Civilians", "released"),
    ("Army evacuates 200 from besieged town", "evacuated"),
])
def test_a_headline_s_present_verb_right_before_its_figure_says_what_befell_it(headline, metric):
    assert extract(headline)[-1].metric == metric
