"""Property tests: whatever the text, the extractor neither crashes nor reports bad offsets."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import extract

NEWS_WORDS = [
    "at", "least", "over", "about", "killed", "people", "percent", "%", "$", "3m", "1,600",
    "1600", "forty-five", "thousand", "million", "dozens", "of", "between", "and", "to",
    "-", "said", "according", "the", "ministry", "km", "in", "Aleppo", "on", "Sunday", ".",
    ",", "2017", "March", "29", "COVID-19", "a", "half", "hundred", "\n", "rose", "by",
    "2 min read", "Updated", "ago", "0.5", "bn", "€", "£", "9", "tens", "left", "dead",
    "out", "or", "older", "p", "from", "back", "up",
]

news_like = st.lists(st.sampled_from(NEWS_WORDS), max_size=40).map(" ".join)


def check(text):
    for claim in extract(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        sentence_end = claim.sentence_start + len(claim.sentence)
        assert text[claim.sentence_start : sentence_end] == claim.sentence
        if claim.low is not None:
            assert claim.low <= claim.value <= claim.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text):
    check(text)


@settings(max_examples=500, deadline=None)
@given(news_like)
def test_news_like_text(text):
    check(text)
