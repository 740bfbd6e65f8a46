"""Text that broke the extractor: every claim it gives is finite, inside its sentence, and no
count is negative; characters it cannot read never raise."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import extract
from claims.models import PEOPLE_METRICS, Claim


def sound(claims: list[Claim]) -> bool:
    """Every claim finite, inside its sentence, and no negative count."""
    return all(
        all(math.isfinite(v) for v in (c.value, c.low, c.high) if v is not None)
        and c.sentence_start <= c.start < c.end <= c.sentence_start + len(c.sentence)
        and not (c.value < 0 and (c.unit in ("people", "items") or c.metric in PEOPLE_METRICS))
        for c in claims
    )


def test_a_dotted_capital_i_is_read_not_raised():
    (claim,) = extract("Twelve people were kİlled in the raid.")
    assert (claim.value, claim.metric) == (12, "killed")


@pytest.mark.parametrize("digits,value", [
    ("\u0663\u0660", 30),            # Arabic-Indic, which Python knows
    ("\U00016d71\U00016d72", 12),    # Kirat Rai, newer than Python's Unicode tables
])
def test_digits_of_any_script_have_their_value(digits, value):
    (claim,) = extract(f"At least {digits} people were killed.")
    assert claim.value == value


def test_a_run_of_hundreds_of_digits_is_no_figure():
    assert extract("9" * 400 + " people were killed in the raid.") == []


@pytest.mark.parametrize("text,first", [
    ("-5 people were killed in the raid.", ("5 people", 5)),
    ("Ledger Mar 5-2016 Dozens of Insurgents Killed As Army Advances",
     ("Dozens of Insurgents", 24)),
])
def test_a_dash_before_a_count_is_no_minus(text, first):
    claims = extract(text)
    assert (claims[0].text, claims[0].value) == first
    assert sound(claims)


def test_a_minus_still_signs_a_change_or_a_temperature():
    (change,) = extract("The index fell -0.6% on Monday.")
    (cold,) = extract("Overnight it was -5 degrees in the valley.")
    assert change.value == -0.6 and change.direction == "down"
    assert cold.value == -5


def test_a_vague_amount_broken_across_lines_stays_in_its_sentence():
    claims = extract("Rescuers said hundreds\nof thousands fled the floods.")
    assert sound(claims)


def test_the_record_refuses_what_the_extractor_must_never_give():
    base = {"text": "5 people", "start": 0, "end": 8, "sentence": "5 people died.",
            "sentence_start": 0, "value": 5.0, "unit": "people", "metric": "killed"}
    Claim.model_validate(base)
    for broken in ({"value": -5.0}, {"value": math.inf}, {"sentence": "5 peo"},
                   {"sentence_start": 3}):
        with pytest.raises(ValueError):
            Claim.model_validate({**base, **broken})


def test_each_invariant_of_the_record_has_its_own_refusal():
    """The record's invariants read its fields from its dict once (`Claim._invariants`):
    each broken claim is still refused, with the message of the check it breaks."""
    base = {"text": "5 people", "start": 0, "end": 8, "sentence": "5 people died.",
            "sentence_start": 0, "value": 5.0, "unit": "people", "metric": "killed"}
    broken = [
        ({"start": 8}, "bad offsets"),
        ({"end": 7}, "text length"),
        ({"sentence_start": 3}, "outside its sentence"),
        ({"value": math.nan}, "not finite"),
        ({"low": 1.0, "high": math.inf, "qualifier": "range"}, "not finite"),
        ({"low": -math.inf, "high": 6.0, "qualifier": "range"}, "not finite"),
        ({"value": -5.0}, "count cannot be negative"),
        ({"value": -5.0, "unit": None}, "count cannot be negative"),
        ({"low": 6.0, "high": 9.0, "qualifier": "range"}, "outside"),
        ({"low": 1.0}, "go together"),
        ({"cumulative": True}, "running total"),
        ({"role": "running"}, "running total"),
        ({"part_of": 0}, "only a part"),
        ({"role": "part", "part_of": 0}, "only a part"),
        ({"qualifier": "range"}, "a range needs"),
    ]
    for fields, message in broken:
        with pytest.raises(ValueError, match=message):
            Claim.model_validate({**base, **fields})
    with pytest.raises(ValueError, match="source"):
        Claim.model_validate(base, context={"source": "6 people died."})
    Claim.model_validate({**base, "value": -5.0, "unit": None, "metric": "share"})
    Claim.model_validate({**base, "low": 4.0, "high": 6.0, "qualifier": "range"},
                         context={"source": "5 people died."})
    Claim.model_validate({**base, "start": 2, "end": 10, "text": "people d", "role": "part",
                          "part_of": 0})


PIECES = ["killed", "kİlled", " people", "-", "−", "hundreds\nof thousands", "9" * 320,
          "\U00016d79", "\u0663", " million", "between ", " and ", "%", "$"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(PIECES),
                          st.integers(-10**9, 10**9).map(str)), max_size=10).map("".join))
def test_any_text_gives_sound_claims(text):
    assert sound(extract(text))
