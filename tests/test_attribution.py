"""Who a figure is credited to: reporting verbs beyond "said", sources without a verb, a
pronoun resolved to the speaker named before, a quotation or report that runs on into the
next sentence, and the fragments, appositions and action verbs that credit no one."""

from __future__ import annotations

import pytest

from claims import extract


def _source_of(text: str, figure: str) -> str | None:
    """The source credited for the claim whose text starts with `figure`."""
    claims = [claim for claim in extract(text) if claim.text.startswith(figure)]
    assert claims, f"no claim {figure!r} in {[c.text for c in extract(text)]}"
    return claims[0].attributed_to


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # Reporting verbs beyond "said": forecasting, expecting, finding, describing.
        ("The central bank sees two more rate cuts in 2027.", "two", "The central bank"),
        ("The agency forecast growth of 1.4% next year.", "1.4%", "The agency"),
        ("Nordland is forecasting growth of 6% this year.", "6%", "Nordland"),
        ("The lender foresees exports falling 3% in 2027.", "3%", "The lender"),
        ("(The council expects prices to rise 4.5% this year.)", "4.5%", "The council"),
        (
            "Surveyors at the Coastal Institute found that 40 percent of the wells were dry.",
            "40 percent",
            "Surveyors at the Coastal Institute",
        ),
        (
            "Ferry crews described a tense nine hours at sea.",
            "nine hours",
            "Ferry crews",
        ),
        (
            "The Regional Health Office (RHO) has reported 312 new cases.",
            "312",
            "The Regional Health Office",
        ),
        (
            "The 40-member panel forecast Monday that output would grow 2.2% next year.",
            "2.2%",
            "The 40-member panel",
        ),
        (
            "The minister said the first projects would start within 2 weeks.",
            "2 weeks",
            "The minister",
        ),
        (
            "According to a new report by the Tarn Institute, 40 wells are dry.",
            "40 wells",
            "a new report by the Tarn Institute",
        ),
        (
            "Roads filled with the 3 million drivers expected by the Motor Club to travel.",
            "3 million drivers",
            "the Motor Club",
        ),
        # Sources credited without a reporting verb.
        ("The singer earned $80 million last year, per Billboard.", "$80 million", "Billboard"),
        (
            "The actor earned $45 million and ranked 9th (Variety) among film stars.",
            "$45 million",
            "Variety",
        ),
        ("The average chief executive earns $12 million (paywatch.org).", "$12 million",
         "paywatch.org"),
        ("In the council's view, rents will rise 7% next year.", "7%", "the council"),
        (
            "In its latest estimates, the Harbour Board cut its forecast to 1.2% this year.",
            "1.2%",
            "the Harbour Board",
        ),
        (
            "Some 2 million travellers are expected by the Motor Club to drive this weekend.",
            "Some 2 million",
            "the Motor Club",
        ),
        (
            "Rates may rise 3 times, according to the board's “rate path” of projections.",
            "3 times",
            "the board's “rate path” of projections",
        ),
    ],
)
def test_credited_within_the_sentence(text, figure, source):
    assert _source_of(text, figure) == source


# Across sentences: a pronoun's speaker, a quotation's, a report going on.
ACROSS_SENTENCES = {
    "pronoun": (
        "Mara Lind, the port's director, said traffic fell. She said 40 ships were turned away.",
        "40 ships",
        "Mara Lind",
    ),
    "it": (
        "The Harbour Board said output fell. It expects growth of 0.8% in 2027.",
        "0.8%",
        "The Harbour Board",
    ),
    "pronoun in its own sentence": (
        "The Tarn Relief Office said it had counted 270 families in the camps.",
        "270 families",
        "The Tarn Relief Office",
    ),
    "another person may be meant": (
        ("Ola Dahl said the line was busy. Pia Norum called the delays serious. "
        "The airline cancelled 14 flights, he said."),
        "14 flights",
        None,
    ),
    "quotation closing in the next sentence": (
        '"It is cold; it is 12 degrees. Nobody is out," forecaster Ines Holm said.',
        "12 degrees",
        "forecaster Ines Holm",
    ),
    "quotation after another": (
        ("Broker Tomas Berg says rents are climbing.\n\n"
        '"Rents are wild," he said. "A flat that cost $900 a month now goes for $1,400."'),
        "$1,400",
        "Broker Tomas Berg",
    ),
    "quotation running on": (
        '"Before," Berg said, "you filled in one form, maybe two. “Now it is six or seven.',
        "six",
        "Berg",
    ),
    "passive forecast": (
        "The fund expects growth of 2% in 2027. Inflation is projected to ease to 3% next year.",
        "3%",
        "The fund",
    ),
    "forecast's consequence": (
        "The fund expects inflation of 3% in 2027. This would be the lowest rate in 4 years.",
        "4 years",
        "The fund",
    ),
    "example": (
        ("Eleven of 20 regions lost jobs, according to Labour Office data. "
        "Varnholm, for instance, had 6 percent fewer workers."),
        "6 percent",
        "Labour Office data",
    ),
    "between two of one speaker": (
        ('"Worse is coming," said chief economist Lena Ostrova. Four large economies are '
        "slowing. Output will fall 2% next year, she said Tuesday."),
        "Four large economies",
        "chief economist Lena Ostrova",
    ),
    "between a speaker and a quotation of his": (
        ("The valve is rated to 300 psi, says engineer Ola Dahl. The hose takes 150 psi. "
        "“It is strong,” he says."),
        "150 psi",
        None,
    ),
    "a quotation far from the last speaker's": (
        ('Ana Ruiz said: "We saw 12 boats." Rescuers searched the coast all night, and by '
        'dawn "at least 8 people" had been found.'),
        "at least 8 people",
        None,
    ),
    "it two sentences after the institution": (
        ("A state report said the dam was old. A group based outside the country said so. "
        "It said 30 people had fled."),
        "30 people",
        None,
    ),
    "pronoun for a fragment": (
        ("A group based outside the country said the roads were shut. "
        "It said 30 people had fled."),
        "30 people",
        None,
    ),
    "no source near": (
        "The minister said talks went well. The bridge is 400 metres long.",
        "400 metres",
        None,
    ),
}


@pytest.mark.parametrize(
    ("text", "figure", "source"), ACROSS_SENTENCES.values(), ids=ACROSS_SENTENCES.keys()
)
def test_credited_across_sentences(text, figure, source):
    assert _source_of(text, figure) == source


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ('"We are busy," said Rosa Velt, 44, a trader.', "44"),
        ('"There is no work," said Ivo Marsh, who has sent out 30 applications.', "30"),
        ('"It was fast," said Ana Ruiz, among the hundreds of riders stuck.', "hundreds"),
        ("Ana Ruiz, 36, the owner of a bakery, said she heard shots.", "36"),
        ("The 25-nation bloc forecast growth of 1% next year.", "25-nation"),
        ("Kai Brandt has added about 60 jobs to his workshop.", "about 60 jobs"),
        ("The bloc pledged $4 million, and the city said it would send boats.", "$4 million"),
        ("The group that represents 9,000 nurses across the country said pay fell.", "9,000"),
        ("Unemployment is double the bureau's projected 5% target.", "5%"),
        ("The budget and schedule estimates for the 2 probes are due.", "2 probes"),
        ("An internal report on the three-day closure of the port was released.", "three-day"),
    ],
)
def test_figures_about_the_speaker_or_in_no_report_are_not_credited(text, figure):
    assert _source_of(text, figure) is None


def test_a_reporting_verb_after_a_count_is_a_noun():
    text = "The man who the police said crossed two states was arrested."
    assert _source_of(text, "two states") == "the police"


def test_a_dateline_agency_in_brackets_is_no_source():
    text = "VELMORA, March 3 2026 (Wire) - Floods forced 4,000 people from their homes."
    assert _source_of(text, "4,000 people") is None


def test_a_report_going_on_after_the_name_is_still_credited():
    text = "Rebel fire killed 40 people, said the Monitor, adding that 12 of them were children."
    assert _source_of(text, "12 of them") == "the Monitor"


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        ("Shelling kills 14 in Tarn: monitor", "14", "monitor"),
        ("Velmora: 33 dead in bus depot blast - activists", "33", "activists"),
        ("Drone strike kills 6 near the dam — state media", "6", "state media"),
        ("Rebels kill 25 soldiers: state TV", "25", "state TV"),
        ("Rebels kill 25 soldiers, state TV says", "25", "state TV"),
        ("Bombing kills 19 at checkpoint: Ministry of Health", "19", "Ministry of Health"),
        ("Strikes kill 31 in Harem: SOHR", "31", "SOHR"),
        (
            ("March 3 2024 Convoy ambush kills 17 guards: monitoring group. The attack came "
             "at dawn."),
            "17",
            "monitoring group",
        ),
        ("Flood hits Brennick\nRiver bursts banks, 8 dead - rescuers\nThe water rose fast.",
         "8", "rescuers"),
    ],
)
def test_a_headlines_trailing_source_is_its_attribution(text, figure, source):
    assert _source_of(text, figure) == source


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Shelling kills 14 in Tarn: Velmora", "14"),
        ("Shelling kills 14 in Tarn - Monday", "14"),
        ("Shelling kills 14 in Tarn - Reuters", "14"),
        ("Air strike kills 12 in Tarn - among them two doctors", "12"),
        ("Shelling kills 14 in Tarn: the Karvonian Monitor's founder Ana Ruiz Sylvia Lee", "14"),
        ("Shelling kills 14 in Tarn - mostly farm workers", "14"),
        ("Blast kills 9 at police post — all police officers", "9"),
        # past the headline, a dash after a toll sets off the toll's own words
        ("Tarn shelled\nThe shells hit a bus depot. They killed 14 people - depot workers.", "14"),
    ],
)
def test_a_place_a_time_or_an_outlet_after_a_headline_is_no_source(text, figure):
    assert _source_of(text, figure) is None


@pytest.mark.parametrize(("text", "source"), [
    # a phrase a preposition governs is no speaker
    ("A teacher living in Midvale said 12 people died.", None),
    ("The rebels advanced 10 kilometres to the west said Omar Haddad.", "Omar Haddad"),
    # unless a place it governs ends there, its comma lost: the speaker follows
    ("In Homs state television said 12 people were wounded.", "state television"),
    ("Car bomb attack kills at least 26 in Syria war monitor says", "war monitor"),
    # "according to" is no governing preposition; words said after "said" are no name
    ("According to the UN 300 people died.", "the UN"),
    ("At the U.N. British Foreign Secretary Tom Hale said Russia should pay for the 20 dead.",
     None),
    # nobody speaks for "no group"
    ("No group announced responsibility for the blast that killed 12 people.", None),
])
def test_a_speaker_is_no_phrase_a_preposition_governs(text, source):
    assert [c.attributed_to for c in extract(text)] == [source]


@pytest.mark.parametrize(("text", "source"), [
    # a place in capitals before an agency in brackets is a date line, no one who reports
    ("Strikes kill 10 near the dam - Reports DAMASCUS (Wire) The agency gave no name.", None),
    ("Twelve people were killed, reported SANA (the state agency).", "SANA"),
])
def test_a_date_line_after_a_reporting_verb_is_no_source(text, source):
    assert extract(text)[0].attributed_to == source


@pytest.mark.parametrize(("text", "source"), [
    # a modifier before a figure noun credits nobody without the noun
    ("Exports fell 4.1% in March, official data showed on Tuesday.", "official data"),
    ("Preliminary figures show 1,200 homes were destroyed.", "Preliminary figures"),
    ("Exports fell 4.1% in March, government data showed.", "government data"),
    # a name before it is the source; so is an owner
    ("Exports fell 4.1% in March, Commerce Department data showed.", "Commerce Department"),
    ("UN figures show 1,200 homes were destroyed.", "UN"),
    ("Exports fell 4.1% in March, the ministry's figures show.", "the ministry"),
    # a name read after "data from" ends before the verb it reports with
    ("Exports fell 4.1% in March, data from the statistics office showed.",
     "the statistics office"),
])
def test_figures_shown_credit_whose_they_are(text, source):
    assert extract(text)[0].attributed_to == source


def test_figures_without_a_name_are_no_source_of_their_own():
    from claims import sources

    assert sources.resolve("official data") is None
    assert sources.resolve("Commerce Department data")[1] == "Commerce Department data"


@pytest.mark.parametrize(("text", "source"), [
    # "and" joins two who speak, each a speaker's noun or a name
    ("Gunmen abducted more than 80 students, police and residents said.", "police and residents"),
    ("At least 12 people were killed, the monitor and medics said.", "the monitor and medics"),
    ("Twelve people died, hospital officials and witnesses told reporters.",
     "hospital officials and witnesses"),
    # not a figure's clause before the speaker
    ("The strike killed 12 soldiers and Reuters reported the toll.", "Reuters"),
])
def test_two_speakers_joined_by_and_are_one_source(text, source):
    assert extract(text)[0].attributed_to == source


def test_a_live_blogs_time_before_a_speaker_is_no_count():
    text = "09.20 The Red Cross said 12 houses burned.\n\n08.55 UNICEF said 15 children died."
    assert [c.attributed_to for c in extract(text)] == ["The Red Cross", "UNICEF"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("However, Radio Corlbury, citing two medics, said 50 people were killed.", "Radio Corlbury"),
    ("Meanwhile, the Vell Monitor, which has sources on the ground, said 8 died.",
     "the Vell Monitor"),
    ("Yet, officials said 7 people had died.", "officials"),
])
def test_a_connective_opening_the_sentence_is_no_speaker(text, speaker):
    assert extract(text)[-1].attributed_to == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Vell Front claimed responsibility for the bombing, which killed 9 police officers.",
     None),
    (("The Vell Front claimed credit for the raid that killed 4 guards, officials in Corlbury "
     "said."), "officials in Corlbury"),
])
def test_claiming_a_deed_reports_no_figure(text, speaker):
    assert extract(text)[0].attributed_to == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("09:42 Rescuers say 14 people are still trapped under the rubble.", "Rescuers"),
    ("21:05 UNICEF said 30 children had been evacuated.", "UNICEF"),
])
def test_a_live_blog_time_with_a_colon_is_no_count_before_the_speaker(text, speaker):
    assert extract(text)[0].attributed_to == speaker


@pytest.mark.parametrize(("text", "source"), [
    ("The Corlbury Fund cut its forecast for global growth to 2.7%.", "The Corlbury Fund"),
    ("The Vell Bank left unchanged its forecast for growth this year, a modest 3.2%.",
     "The Vell Bank"),
    ("The World Bank raised its estimate of the death toll to 400.", "The World Bank"),
])
def test_who_acts_on_its_own_forecast_is_its_source(text, source):
    assert extract(text)[0].attributed_to == source


def test_a_named_poll_is_the_source_of_its_figures():
    claim = extract("Some 61% of voters backed the plan in a new Corlbury Institute poll.")[0]
    assert claim.attributed_to == "a new Corlbury Institute poll"
