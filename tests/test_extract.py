"""The extractor on sentences written for these tests: one test per phenomenon of the spec."""

import pytest

from claims import Claim, extract


def only(text, **expected):
    """The single claim in `text`, checked against `expected` field values."""
    found = extract(text)
    assert len(found) == 1, [c.text for c in found]
    claim = found[0]
    for field, value in expected.items():
        assert getattr(claim, field) == value, (field, getattr(claim, field), value)
    return claim


def values(text):
    return [c.value for c in extract(text)]


@pytest.mark.parametrize(
    "text,value",
    [
        ("Officials counted 1,600 boats in the harbour.", 1600),
        ("Officials counted 1600 boats in the harbour.", 1600),
        ("The camp now shelters 230000 people.", 230000),
        ("The river rose by 1.5 metres overnight.", 1.5),
        ("Three boats sank near the pier.", 3),
        ("The town has forty-five thousand residents.", 45000),
        ("A hundred and two families returned home.", 102),
        ("The budget reached 1.5 million dollars.", 1_500_000),
        ("The company lost 2bn dollars last year.", 2_000_000_000),
        ("The charity raised $3m for the clinic.", 3_000_000),
        ("Half a million people signed the petition.", 500_000),
        ("Two and a half million voters stayed home.", 2_500_000),
        ("The ministry hired twelve hundred teachers.", 1200),
    ],
)
def test_numbers(text, value):
    assert values(text) == [value]


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("Tens of thousands of people marched on the capital.", 20_000, 100_000),
        ("Dozens of shops were looted.", 24, 100),
        ("Hundreds of families fled the valley.", 100, 1_000),
    ],
)
def test_vague_amounts_keep_their_wording_and_a_documented_range(text, low, high):
    claim = extract(text)[0]
    assert claim.vague is True
    assert (claim.low, claim.high) == (low, high)
    assert claim.low <= claim.value <= claim.high
    assert claim.text.split()[0].lower() in text.lower()


@pytest.mark.parametrize(
    "text", ["Turnout was 90 percent.", "Turnout was 90 per cent.", "Turnout was 90%."]
)
def test_percentages(text):
    only(text, value=90, unit="percent")


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("Between 30 and 40 people were hurt.", 30, 40),
        ("Some 30 to 40 people were hurt.", 30, 40),
        ("Some 30-40 people were hurt.", 30, 40),
        ("Four to five thousand people attended.", 4000, 5000),
        ("Two or three people were hurt.", 2, 3),
        ("The talks went on for 10 or 12 days.", 10, 12),
        ("A ticket costs eight or nine euros.", 8, 9),
    ],
)
def test_ranges(text, low, high):
    claim = only(text, qualifier="range", low=low, high=high)
    assert claim.low <= claim.value <= claim.high


@pytest.mark.parametrize("text, expected", [
    ("Either 5 or 50 people came to the hall.", [5, 50]),  # two guesses, far apart
    ("That makes it 25,000 or 40,000 cheaper than its rivals respectively.", [25000, 40000]),
])
def test_numbers_joined_by_or_that_are_two_figures(text, expected):
    assert values(text) == expected


def test_a_unit_written_once_serves_a_figure_and_even_the_next():
    claims = extract("Lenders pushed rates above five and even six per cent.")
    assert [(c.value, c.unit) for c in claims] == [(5, "percent"), (6, "percent")]


@pytest.mark.parametrize(
    "phrase,qualifier",
    [
        ("over", "more_than"), ("more than", "more_than"), ("at least", "at_least"),
        ("about", "approximately"), ("approximately", "approximately"),
        ("nearly", "approximately"), ("almost", "approximately"), ("up to", "up_to"),
        ("fewer than", "less_than"), ("at most", "at_most"),
    ],
)
def test_qualifiers(phrase, qualifier):
    claim = only(f"The storm destroyed {phrase} 300 houses on the coast.", value=300,
                 qualifier=qualifier)
    assert claim.text.lower().startswith(phrase)


def test_doubled_qualifier_in_real_copy():
    only("The agency put the death toll at at least 70 on Friday.", value=70, qualifier="at_least",
         metric="killed")


@pytest.mark.parametrize(
    "text,metric,value",
    [
        ("The shelling killed over 1,600 people in two months.", "killed", 1600),
        ("In all 1,600 people were killed in the offensive.", "killed", 1600),
        ("The death toll rose to 112 after rescuers reached the village.", "killed", 112),
        ("The explosion left 15 dead.", "killed", 15),
        ("About 45,000 fighters and civilians were transported out of the district.", "evacuated",
         45000),
        ("Rebels still control more than 90 percent of the valley.", "control", 90),
        ("The base is approximately 50 kilometres northeast of the capital.", "distance", 50),
        ("Police arrested 40 protesters outside parliament.", "arrested", 40),
        ("The clashes wounded 23 people.", "wounded", 23),
        ("The floods displaced 8,000 families.", "displaced", 8000),
        ("Donors pledged $250 million for reconstruction.", "money", 250_000_000),
        ("The siege lasted 18 months.", "duration", 18),
    ],
)
def test_what_is_counted(text, metric, value):
    claims = [c for c in extract(text) if c.value == value]
    assert claims and claims[0].metric == metric, [(c.text, c.metric) for c in extract(text)]


def test_killing_with_including_gives_two_killed_claims():
    found = extract("A car bomb exploded at the market killing 15 people including three children.")
    assert [(c.value, c.metric) for c in found] == [(15, "killed"), (3, "killed")]
    assert found[1].subject == "children"


def test_subject_and_units():
    claim = only("Roughly 45,000 fighters and civilians were transported out.")
    assert claim.subject == "fighters and civilians"
    assert claim.unit == "people"
    assert only("The convoy carried 300 tonnes of flour.").unit == "tonnes"
    assert only("The lake covers 12 square kilometres.").unit == "km2"
    assert only("The fund holds 3 million euros.").unit == "eur"


def test_the_claim_text_covers_qualifier_number_and_counted_noun():
    text = "The campaign killed over 1,600 people in the north."
    claim = only(text)
    assert claim.text == "over 1,600 people"
    assert text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    "text,direction",
    [
        ("Exports rose 5 percent in March.", "up"),
        ("The number of checkpoints fell by 200 this year.", "down"),
        ("Food prices posted a 12% increase.", "up"),
        ("The death toll rose to 112.", None),
    ],
)
def test_direction_of_change(text, direction):
    assert extract(text)[0].direction == direction


@pytest.mark.parametrize(
    "text,source",
    [
        ("At least 12 people were killed, according to the Karvonian Monitor.",
         "the Karvonian Monitor"),
        ("At least 12 people were killed, the health ministry said.", "the health ministry"),
        ("At least 12 people were killed, said Dr Lina Haddad.", "Dr Lina Haddad"),
        ("The civil defence reported 12 people killed in the raid.", "The civil defence"),
        ("The ministry's figures show 12 people were killed.", "The ministry"),
        ("A spokesman told reporters that 12 people had been killed.", "A spokesman"),
    ],
)
def test_attribution(text, source):
    assert extract(text)[0].attributed_to == source


def test_own_voice_has_no_attribution():
    assert only("At least 12 people were killed in the raid.").attributed_to is None


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is on March 29, 2017.",
        "Talks resume on 4 April.",
        "The law was passed in 2016.",
        "The convoy left at 8.15 pm and arrived at 10:30.",
        "The vote is on Wednesday.",
        "She finished 3rd in the race.",
        "The clinic treated COVID-19 patients.",
        "The council adopted Resolution 2254 unanimously.",
        "A Su-24 jet was shot down.",
        "For details call 555-0123.",
        "2 min read",
        "Click to enlarge",
        "Updated 3 hours ago",
        "Photo 1 of 5",
    ],
)
def test_not_claims(text):
    assert extract(text) == [], [c.text for c in extract(text)]


def test_page_furniture_lines_do_not_hide_the_article():
    text = "2 min read\nUpdated 3 hours ago\nAt least 9 people were killed in the blast."
    assert [c.value for c in extract(text)] == [9]


def test_stripped_punctuation_still_works():
    text = "More than 230000 people have fled the Assads offensive the UNs agency said"
    claim = only(text, value=230000, qualifier="more_than", metric="displaced")
    assert claim.attributed_to == "the UNs agency"


def test_empty_and_blank_text():
    assert extract("") == []
    assert extract("   \n\t ") == []


def test_non_text_is_refused():
    with pytest.raises(TypeError):
        extract(b"12 people")


def test_offsets_and_sentence_are_exact():
    text = "First line.\n\nThe raid killed 7 people. Later 3 more died."
    for claim in extract(text):
        assert text[claim.start : claim.end] == claim.text
        assert (
            text[claim.sentence_start : claim.sentence_start + len(claim.sentence)]
            == claim.sentence
        )
        assert (
            claim.sentence_start
            <= claim.start
            < claim.end
            <= claim.sentence_start + len(claim.sentence)
        )


def test_claim_invariants_are_enforced():
    good = {"text": "12", "start": 0, "end": 2, "sentence": "12", "sentence_start": 0, "value": 12}
    Claim.model_validate(good, context={"source": "12 people"})
    with pytest.raises(ValueError):
        Claim.model_validate(good, context={"source": "13 people"})
    with pytest.raises(ValueError):
        Claim(**{**good, "low": 20, "high": 30})
    with pytest.raises(ValueError):
        Claim(**{**good, "qualifier": "roughly"})
    with pytest.raises(ValueError):
        Claim(**{**good, "metric": "vibes"})
    claim = Claim(**good)
    with pytest.raises(ValueError):
        claim.value = 13


def test_published_date_is_accepted_in_several_forms():
    import datetime as dt

    for published in ("2024-03-05", dt.date(2024, 3, 5), dt.datetime(2024, 3, 5, 12, 0)):
        assert extract("At least 12 people were killed on Sunday.", published=published)
