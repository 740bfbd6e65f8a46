"""The named steps of extraction, one sentence each, through `claims.extract`.

Reading numbers (`candidates.py`), the steps that turn a number into a claim (`claim.py`) and
the speaker read backwards from a reporting verb (`attribution._speaker_before`).
"""

from __future__ import annotations

import pytest

from claims import extract
from claims.extraction import claim


def only(sentence: str):
    """The one claim in `sentence`."""
    found = extract(sentence)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def fields(found, *names: str) -> tuple:
    """The named fields of a claim, to compare in one assert."""
    return tuple(getattr(found, name) for name in names)


# Reading numbers: candidates.py


def test_digits_with_words_of_scale():
    found = only("He has 3 hundred and 21 stamps.")
    assert fields(found, "text", "value", "subject") == ("3 hundred and 21 stamps", 321, "stamps")


def test_lower_case_m_before_a_counted_noun_is_millions():
    assert only("The firm posted 2.7m combined sales.").value == 2_700_000


def test_lower_case_m_before_an_adjective_is_metres():
    assert fields(only("The wall is 2.7m high."), "value", "unit") == (2.7, "m")


def test_a_capital_t_after_money_is_trillions():
    assert fields(only("The fund is worth $2.5T."), "value", "unit") == (2.5e12, "usd")


@pytest.mark.parametrize("sentence", ["The clinic bought a 3T scanner.", "A 5t lorry tipped over."])
def test_a_t_without_money_is_no_trillion(sentence):
    assert only(sentence).value in (3, 5)


def test_minus_makes_the_number_negative():
    found = only("Temperatures fell to minus 12 Celsius.")
    assert fields(found, "text", "value", "unit") == ("minus 12 Celsius", -12, "c")


def test_a_slashed_fraction_before_a_unit():
    found = only("About 1/2 pound of flour was used.")
    assert fields(found, "value", "unit", "qualifier") == (0.5, "lb", "approximately")


def test_a_fraction_in_words():
    assert only("They drank three-quarters of the soup.").value == 0.75


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was hurt in the fire.",  # a pronoun
        "Bodies lay under blankets and one with only a shoe lay by the road.",  # a pronoun
        "Children lay in the ward, one with a broken arm.",  # a pronoun
        "The Ten Commandments were read aloud.",  # a capitalised number word inside a name
        "The sign read 4WD only.",  # letters glued to digits: a code
        "Harbour Town won 2-1 against the visitors.",  # a score
    ],
)
def test_numbers_that_are_no_amount(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Gunmen killed one with a knife and wounded two.",
    "One person was killed when the roof fell.",
    "The shell hit a bus, killing one.",
])
def test_one_counted_as_a_victim_is_a_toll(sentence):
    assert next((c.value, c.metric) for c in extract(sentence)) == (1, "killed")


def test_a_range_with_between():
    found = only("Between 30 and 40 families were moved to the shelter.")
    assert fields(found, "text", "low", "high", "qualifier", "subject") == (
        "Between 30 and 40 families", 30, 40, "range", "families"
    )


def test_a_range_with_a_hyphen_shares_the_unit():
    found = only("Turnout was 30-40% in the northern wards.")
    assert fields(found, "low", "high", "unit") == (30, 40, "percent")


def test_a_range_from_one_price_to_another():
    found = only("Prices ranged from $5 to $7 a bag.")
    assert fields(found, "text", "low", "high", "unit") == ("$5 to $7", 5, 7, "usd")


def test_a_change_and_the_level_it_reached_are_no_range():
    change, level = extract("The index rose 12 points to 1850 in early trade.")
    assert fields(change, "value", "unit", "direction") == (12, "points", "up")
    assert fields(level, "value", "unit", "direction") == (1850, "points", None)


# Turning a number into a claim: claim.py


def test_every_step_is_named_and_documented():
    assert [step.__name__ for step in claim.STEPS][:7] == [
        "_qualifier_before", "_prefix_word_unit", "_quake_magnitude", "_between",
        "_noun_said_before", "_crowd_now", "_counted_noun",
    ]
    assert all(step.__doc__ and "\"" in step.__doc__ for step in claim.STEPS)


def test_qualifier_before():
    found = only("Rescuers pulled at least 12 people from the rubble.")
    assert fields(found, "text", "qualifier", "unit") == (
        "at least 12 people", "at_least", "people"
    )


def test_qualifier_after():
    found = only("Officials expect 50 visitors or more.")
    assert fields(found, "text", "qualifier") == ("50 visitors or more", "at_least")


def test_counted_noun():
    found = only("The storm damaged 14 boats in the marina.")
    assert fields(found, "text", "unit", "subject") == ("14 boats", "items", "boats")


def test_measured_noun():
    bottles, measure = extract("The plant filled eight million 330ml cans last year.")
    assert fields(bottles, "text", "value", "subject") == ("eight million", 8_000_000, "cans")
    assert measure.unit == "millilitre"


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge was finished in 1998 after long delays.",
        "Its 2019 earnings beat forecasts.",
    ],
)
def test_a_year_is_not_a_claim(sentence):
    assert extract(sentence) == []


def test_a_year_shaped_count_of_people_is_a_claim():
    found = only("Some 2000 people marched in Corlbury on Sunday.")
    assert fields(found, "value", "qualifier", "unit") == (2000, "approximately", "people")


def test_stated_age():
    found = only("His niece, who was 9, waved from the window.")
    assert fields(found, "text", "unit", "metric") == ("9", "years", "age")


def test_age_apposition():
    found = only("Jamie Armstrong, 25, said the river rose overnight.")
    assert fields(found, "value", "unit", "metric") == (25, "years", "age")


def test_age_in_units():
    found = only("A 30-year-old cyclist was taken to hospital.")
    assert fields(found, "text", "unit", "metric") == ("30-year-old", "years", "age")


def test_dropped_numbers():
    assert extract("The crowd was two more than the organisers expected.") == []  # a difference


def test_a_hyphened_duration_before_a_noun_is_a_duration():
    found = only("She signed a two-year deal with the club.")
    assert fields(found, "text", "value", "unit", "metric") == ("two-year", 2, "years", "duration")


def test_state_after():
    found = only("The blast left 15 dead near the market.")
    assert fields(found, "text", "unit", "metric") == ("15 dead", "people", "killed")


def test_suspended_hyphen():
    seven, eight = extract("The shop sells 7- or 8-inch plates.")
    assert fields(seven, "text", "unit") == ("7", "in")
    assert fields(eight, "text", "unit") == ("8-inch", "in")


def test_elliptic_unit():
    sale, tender = extract("The council sold 435 homes by sale and 187 by tender.")
    assert fields(sale, "value", "subject") == (435, "homes")
    assert fields(tender, "text", "value", "unit", "subject") == ("187", 187, "items", "homes")


def test_share_of_control():
    assert only("Rebels control 60% of the valley.").metric == "control"


def test_strong_subject_metric():
    strikes, wounded = extract("The jets flew three strikes that wounded 9.")
    assert fields(strikes, "text", "metric") == ("three strikes", "strikes")
    assert fields(wounded, "text", "metric", "unit") == ("9", "wounded", "people")


def test_included_metric():
    people, children = extract("Shelling killed 15 people including three children.")
    assert fields(people, "text", "metric") == ("15 people", "killed")
    assert fields(children, "text", "metric") == ("three children", "killed")


def test_included_metric_over_a_nearer_event():
    found = extract("The fire killed 15 people including three evacuated from the clinic.")
    assert fields(found[-1], "text", "metric") == ("three", "killed")


def test_cue_metric_and_people_unit():
    found = only("The raid on the depot ended, killing 12.")
    assert fields(found, "text", "metric", "unit") == ("12", "killed", "people")


def test_own_verb_keeps_the_cues_of_the_figure_before():
    missing = extract("The ferry carried 200 passengers and 41 are still missing.")[-1]
    assert fields(missing, "text", "metric", "subject") == ("41", "missing", "passengers")


@pytest.mark.parametrize("sentence,metric", [
    ("Raiders executed four farmers at dawn.", "killed"),
    ("The gang murdered two drivers.", "killed"),
    ("Militants assassinate 3 councillors.", "killed"),
    ("Rebels beheaded five captives.", "killed"),
    ("Six guards were slain.", "killed"),
    ("Seven men gunned down outside a bar.", "killed"),
])
def test_verbs_of_killing(sentence, metric):
    assert only(sentence).metric == metric


@pytest.mark.parametrize("sentence,metric", [
    ("The storm killed and injured 40 people.", "casualties"),
    ("The fire left 16 people dead or wounded.", "casualties"),
    ("Ten casualties and scores of injuries were counted in the raid.", "killed"),
    ("The battle caused 200 casualties.", "casualties"),
])
def test_dead_and_wounded_together(sentence, metric):
    assert extract(sentence)[0].metric == metric


def test_own_verb_keeps_a_cue_of_another_clause_away():
    found = extract("One guard died, and four others may have escaped on foot.")
    assert fields(found[-1], "text", "metric") == ("four others", "count")


def test_own_verb_cue_of_the_figure_itself():
    found = extract("About 8 people were killed and 30 members of the crew are trapped.")
    assert fields(found[-1], "text", "metric") == ("30 members of the crew", "besieged")


def test_own_verb_with_a_state():
    assert only("Four hikers were found dead.").metric == "killed"


@pytest.mark.parametrize("sentence,metric", [
    ("Medics said 20 villagers were counted among those killed on Monday.", "killed"),
    ("As many as 300 are thought to have been killed in the flood.", "killed"),
    ("Two crates were discarded as unrelated to the missing ship.", "count"),
    ("One report claimed that the crew fled.", None),
])
def test_own_verb_and_a_cue_among_its_complements(sentence, metric):
    assert [c.metric for c in extract(sentence)][:1] == ([metric] if metric else [])


@pytest.mark.parametrize("sentence,metric", [
    ("Dozens of prisoners have starved to death in the jail.", "killed"),
    ("Nearly 90 people are feared to have died in the camp.", "killed"),
    ("Six boys were being treated for severe injuries.", "wounded"),
    ("Two guards were killed and 5 others sustained serious injuries.", "wounded"),
    ("Thousands have been forced to flee the valley.", "displaced"),
])
def test_own_verb_with_its_complement(sentence, metric):
    assert extract(sentence)[-1].metric == metric


def test_a_participle_with_a_figure_after_it_still_reads_the_figure_before():
    found = extract("Five people including a nurse killed seven others injured in the blast.")
    assert [(c.text, c.metric) for c in found] == [
        ("Five people", "killed"), ("seven others", "wounded")
    ]


@pytest.mark.parametrize("sentence,text", [
    ("Rockets hit the market claiming the life of one vendor.", "one vendor"),
    ("The raid ended in the martyrdom of 4 farmers.", "4 farmers"),
])
def test_death_written_as_a_noun(sentence, text):
    assert fields(only(sentence), "text", "metric") == (text, "killed")


def test_a_place_home_to_people():
    found = only("The valley which is home to some 80000 people has endured a drought.")
    assert fields(found, "unit", "metric") == ("people", "population")


def test_a_noun_after_the_own_verb_is_its_object_not_a_state():
    found = extract("Divers searching for a ferry carrying 140 people pulled bodies ashore.")
    assert fields(found[0], "text", "metric") == ("140 people", "count")


@pytest.mark.parametrize("sentence", [
    "He was charged with attempting to kill three guards.",
    "The cell plotted to murder two judges.",
])
def test_an_intended_killing_tells_of_no_death(sentence):
    assert only(sentence).metric == "count"


def test_a_participle_before_a_preposition_is_no_own_verb():
    assert only("Five sailors stationed on the island were killed.").metric == "killed"


def test_a_verb_of_no_event_before_a_cue_of_another_clause():
    found = extract("Two divers asked harbour control for help.")
    assert fields(found[0], "text", "metric") == ("Two divers", "count")


def test_a_cue_with_a_figure_of_its_own_is_not_the_figure_before():
    found = extract("Guards shot three prisoners near the gate, killing one.")
    assert [(c.text, c.metric) for c in found] == [("three prisoners", "count"), ("one", "killed")]


def test_a_part_named_by_a_pronoun():
    found = extract("Divers recovered 11 bodies, 3 of them children.")
    assert fields(found[-1], "value", "unit", "metric") == (3, "people", "killed")


def test_a_part_named_by_a_pronoun_with_a_verb_of_its_own():
    found = extract("Officials said 90 people were hurt, and 4 of them later died.")
    assert fields(found[-1], "metric") == ("killed",)


def test_a_part_with_a_verb_or_state_of_its_own():
    found = extract("Troops shot 12 and injured dozens of them.")
    assert [(c.text, c.metric) for c in found][-1] == ("dozens of them", "wounded")
    found = extract("There were 30 dead including 4 guards and dozens more wounded.")
    assert found[-1].metric == "wounded"


def test_a_part_among_the_figure_after_it():
    found = extract("7 nurses among 20 dead in the blast.")
    assert [(c.text, c.metric) for c in found] == [("7 nurses", "killed"), ("20 dead", "killed")]


def test_a_toll_named_far_before_its_level():
    found = extract(
        "The death toll from the rebel groups' rocket attacks on the old market in the city "
        "centre rose to 8 civilians in addition to 12 injured."
    )
    assert [(c.text, c.metric) for c in found] == [
        ("8 civilians", "killed"), ("12 injured", "wounded")
    ]
    farther = extract(
        "The death toll in the car bomb attack on buses carrying families evacuated from two "
        "besieged villages in the north has risen to at least 112, a monitor said."
    )
    assert [(c.text, c.metric) for c in farther][-1] == ("at least 112", "killed")


def test_martyrdom_counts_only_the_figure_after_it():
    assert only("He wrote several poems praising martyrdom.").metric == "count"


def test_the_next_part_of_the_same_count():
    found = extract("Shelling killed 9 people including 2 medics and 3 other people.")
    assert fields(found[-1], "text", "metric") == ("3 other people", "killed")


def test_a_figure_in_the_of_phrase_of_a_counted_noun():
    found = extract("4 young men of one clan killed by gunfire.")
    assert [(c.text, c.metric) for c in found] == [("4 young men", "killed")]


@pytest.mark.parametrize("sentence,text", [
    ("Nearly a third of voters stayed home.", "Nearly a third"),
    ("Two-thirds of the members backed the plan.", "Two-thirds"),
    ("Less than half the staff came.", "Less than half"),
])
def test_a_fraction_in_words_is_a_share(sentence, text):
    assert fields(only(sentence), "text", "unit", "metric") == (text, None, "share")


@pytest.mark.parametrize("sentence", [
    "A third shell fell near the school.",
    "He was the fifth driver stopped, after a fourth driver fled.",
])
def test_an_ordinal_is_no_fraction(sentence):
    assert [c.value for c in extract(sentence) if c.value < 1] == []


@pytest.mark.parametrize("sentence,text", [
    ("Costs were cut by a third last year.", "a third"),
    ("Rebels hold roughly a third mostly hills in the south.", "roughly a third"),
])
def test_a_fraction_after_by_or_a_qualifier_is_a_share(sentence, text):
    assert fields(only(sentence), "text", "unit", "metric") == (text, None, "share")


@pytest.mark.parametrize("sentence,text", [
    ("The bank kept interest rates near zero long after the slump.", "zero"),
    ("The jobless rate of 7 held for a year.", "7"),
])
def test_the_level_of_a_rate_is_a_share(sentence, text):
    assert fields(only(sentence), "text", "unit", "metric") == (text, None, "share")


def test_a_rate_of_a_counted_noun_counts_it():
    assert only("Cases rose at a rate of 40 infections a week.").metric == "affected"


@pytest.mark.parametrize("sentence", [
    "A crowd of 3,000 filled the square.",
    "About 600 people marched to the ministry.",
    "Hundreds rallied outside the court.",
    # a headline's present
    "Police fire tear gas as 10,000 protest in the capital",
    "Thousands rally against pension reform",
    "Hundreds march over shooting",
])
def test_crowds_are_protesters(sentence):
    assert only(sentence).metric == "protesters"


@pytest.mark.parametrize("sentence, text", [
    ("Police arrested 200 protest organisers.", "200 protest organisers"),
    ("A 1,000 march against the war.", "1,000"),
])
def test_a_crowds_word_that_is_a_noun_counts_no_protesters(sentence, text):
    claim = only(sentence)
    assert (claim.text, claim.metric != "protesters") == (text, True)


@pytest.mark.parametrize("sentence", [
    "Veldoria, a nation of about 9 million people, votes today.",
    "The city of 2 million was quiet.",
])
def test_population_of_a_place(sentence):
    assert fields(only(sentence), "unit", "metric") == ("people", "population")


@pytest.mark.parametrize("sentence,metric", [
    ("Health officials counted 3,200 suspected cases and 41 deaths.", "affected"),
    ("More than 90,000 have contracted the virus.", "affected"),
    ("The clinic reported 85 new infections.", "affected"),
])
def test_cases_of_disease(sentence, metric):
    found = extract(sentence)[0]
    assert fields(found, "unit", "metric") == ("people", metric)


@pytest.mark.parametrize("sentence", [
    "Customs seized 40 crates at the port.",
    "The party holds 88 of the 150 seats.",
])
def test_control_is_of_territory(sentence):
    assert extract(sentence)[0].metric == "count"


@pytest.mark.parametrize("sentence", [
    "The ferry carried 212 Velmorans and 14 Iraqis.",
    "Two pilots and five flight attendants were aboard.",
    "Some 300 motorists were stranded.",
    "The panel heard 12 witnesses.",
    "Forty lawmakers signed the letter.",
    "Police held 4 suspects and 2 alleged kidnappers.",
])
def test_people_named_by_nation_trade_or_plight(sentence):
    assert {c.unit for c in extract(sentence)} == {"people"}


@pytest.mark.parametrize("sentence", [
    "The 3 New Orleans restaurants closed.",
    "He owns 3 Lamborghinis.",
])
def test_capitalised_plurals_that_are_no_people(sentence):
    assert only(sentence).unit == "items"


def test_direction():
    assert only("Shares in the miner rose 5% on Monday.").direction == "up"


def test_restated_figure_keeps_the_direction():
    points, percent = extract("The index lost 190 points, or 0.6%, on Friday.")
    assert fields(points, "unit", "direction") == ("points", "down")
    assert fields(percent, "unit", "direction") == ("percent", "down")


def test_elliptic_change():
    first, second = extract("Maple Foods was down 1.8%, Birchwood by 2.4%.")
    assert fields(first, "text", "direction") == ("1.8%", "down")
    assert fields(second, "text", "direction") == ("2.4%", "down")


def test_place_in_the_sentence_and_before_it():
    text = "Floods closed 40 schools in Manchester.\n\nRepairs at 12 sites began."
    schools, sites = extract(text)
    assert fields(schools, "place", "country") == ("Manchester", "United Kingdom")
    assert fields(sites, "text", "place") == ("12 sites", "Manchester")


def test_time_dated_from_the_publication_date():
    found = extract("Floods closed 40 schools on Tuesday.", "2021-03-11")[0]
    assert fields(found, "date", "date_text") == ("2021-03-09", "on Tuesday")


# Who speaks: attribution._speaker_before


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Twelve people were hurt, the fire service said.", "the fire service"),
        ("Medics in Corlbury said 9 houses burned.", "Medics in Corlbury"),
        ("WHO said 30 clinics had closed.", "WHO"),
        ("The Ministry of Fisheries said 120 boats stayed in port.", "The Ministry of Fisheries"),
        ("A group monitoring the strike said 300 workers joined.", "A group monitoring the strike"),
        # a count before the verb is no speaker: the name after it is
        ("The storm killed 40 people said the Coastal Agency.", "the Coastal Agency"),
        # an event and its place before the verb: no speaker at all
        ("12 people killed in Corlbury said the agency.", None),
    ],
)
def test_speaker_before_the_verb(sentence, speaker):
    assert extract(sentence)[-1].attributed_to == speaker


def test_a_count_ends_the_clause_before_the_speaker():
    children, homes = extract("Killing two children Radio Corlbury said 14 homes were hit.")
    assert children.attributed_to == homes.attributed_to == "Radio Corlbury"


@pytest.mark.parametrize(("text", "subject"), [
    ("In the raid 7 of the 40 tankers were burned and 12 drivers were killed.", "tankers"),
    ("Four of the six clinics were struck as shelling killed 9 people.", "clinics"),
])
def test_a_figure_out_of_a_counted_whole_counts_what_the_whole_counts(text, subject):
    first = extract(text)[0]
    assert (first.subject, first.metric) == (subject, "count")


@pytest.mark.parametrize(("text", "metric"), [
    ("Two police officers stopped the van at a checkpoint.", "count"),
    ("The army sent 4,000 soldiers to the border.", "fighters"),
    ("Thirty policemen were killed in the ambush.", "killed"),
])
def test_police_on_patrol_are_no_force_of_fighters(text, metric):
    assert extract(text)[0].metric == metric


@pytest.mark.parametrize(("text", "unit"), [
    ("The pilot had logged 9,200 flying hours.", "hours"),
    ("The siege lasted three straight weeks.", "weeks"),
])
def test_a_span_of_time_with_a_word_before_its_unit_is_a_duration(text, unit):
    (found,) = extract(text)
    assert (found.metric, found.unit) == ("duration", unit)


@pytest.mark.parametrize("text", [
    "The ferry sank with 212 on board.",
    "The boat capsized with 40 aboard.",
    "A crew of seven was on the plane.",
])
def test_people_on_board_or_in_a_crew_are_people(text):
    (found,) = extract(text)
    assert found.unit == "people"


@pytest.mark.parametrize(("text", "units"), [
    (("Canadian rents climb\n\nA one-bedroom flat in Vancouver now rents for $2,400 a month, "
      "Canada's rental board said."), ["cad"]),
    (("Australian mine deal\n\nThe Australian miner paid $300 million, or US$210 million, "
      "for the Western Australia site."), ["aud", "usd"]),
    (("Australian fines\n\nAustralia will fine platforms 10.5 million Australian dollars "
      "($7.5 million)."), ["aud", "usd"]),
    ("Ohio plant closes\n\nThe Ohio plant cost $40 million to build.", ["usd"]),
])
def test_a_bare_dollar_sign_is_the_dollar_of_the_country_a_story_is_about(text, units):
    assert [c.unit for c in extract(text) if c.metric == "money"] == units


@pytest.mark.parametrize(("text", "metrics"), [
    ("Three suicide bombers killed at least 14 people at the checkpoint.", ["count", "killed"]),
    ("Four gunmen killed 9 villagers and wounded 20 others.", ["count", "killed", "wounded"]),
    # A list of tolls whose commas were lost is no killing done by the first.
    ("Two civilians killed 11 others injured in the shelling.", ["killed", "wounded"]),
    ("Three soldiers killed in an ambush on the road.", ["killed"]),
    # A verb before the figure takes it as object: the verb after opens a clause of its own.
    ("The blast killed 6 people injured 14 others and damaged the school.",
     ["killed", "wounded"]),
    ("The shelling claimed the lives of two farmers wounded three others.", ["killed", "wounded"]),
])
def test_who_did_the_killing_is_no_toll(text, metrics):
    assert [c.metric for c in extract(text)] == metrics


@pytest.mark.parametrize(("text", "metrics"), [
    ("A boy was killed and five others, including two women, were injured.",
     ["wounded", "wounded"]),
    ("A boy was killed and five others including two women and a child were injured.",
     ["wounded", "wounded"]),
    # the part holds a clause of its own: the total keeps the verb before it
    ("Rockets killed 20 people including four children and wounded another 60.",
     ["killed", "killed", "wounded"]),
    ("Some 300 people including 12 wounded crossed the border.", ["count", "wounded"]),
])
def test_a_figures_own_verb_is_read_past_the_part_set_in_it(text, metrics):
    assert [c.metric for c in extract(text)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    ("The rescuers released pictures of six volunteers digging through the rubble.", "count"),
    ("A video released by the ministry shows nine engineers at the dam.", "count"),
    ("The militia released 14 hostages at the border crossing.", "released"),
])
def test_what_is_published_frees_no_one(text, metric):
    assert extract(text)[0].metric == metric


def test_injuries_counted_beside_deaths_are_the_wounded():
    deaths, injuries = extract("The clinic recorded four deaths from the gas and 61 injuries.")
    assert (deaths.metric, injuries.metric, injuries.unit) == ("killed", "wounded", "people")


def test_weapons_and_posts_destroyed_beside_a_toll_are_no_dead():
    found = extract("Jets killed dozens of fighters while destroying three command posts and "
                    "five arms caches, the ministry said.")
    assert [c.metric for c in found if c.unit == "items"] == ["count", "count"]


@pytest.mark.parametrize("sentence, text, unit, metric", [
    ("A bombing killed more than 120 evacuees.", "more than 120 evacuees", "people", "killed"),
    ("Buses carried 5,000 evacuees out of the town.", "5,000 evacuees", "people", "evacuated"),
    ("The strike killed two activists.", "two activists", "people", "killed"),
])
def test_evacuees_and_activists_are_people(sentence, text, unit, metric):
    assert fields(only(sentence), "text", "unit", "metric") == (text, unit, metric)


def test_a_level_counts_the_people_a_preposition_names():
    claim = only("The death toll in the attack on evacuees hits 43")
    assert (claim.subject, claim.metric) == ("evacuees", "killed")


@pytest.mark.parametrize("sentence, text", [
    # people forced from their homes are displaced, not the toll beside them
    ("Floods have killed 12 people and forced more than 400,000 from their homes.",
     "more than 400,000"),
    ("Floods kill 12 in the north, displace thousands", "thousands"),
])
def test_people_driven_from_their_homes_are_displaced(sentence, text):
    claim = next(c for c in extract(sentence) if c.text.startswith(text))
    assert claim.metric == "displaced"


def test_each_age_of_a_list_after_aged_is_an_age():
    found = extract("Among the dead were two minors, aged 12 and 15.")
    assert [(c.text, c.metric) for c in found] == [
        ("two minors", "killed"), ("12", "age"), ("15", "age")]


def test_the_verb_of_living_loses_no_lives():
    assert only("The boy, who lives with his 3 sisters, was unhurt.").metric == "count"
    assert only("The blast took the lives of 12 people.").metric == "killed"


def test_a_figure_hyphened_to_its_unit_lends_it_to_no_bare_figure():
    found = extract("Breaches of the 48-hour truce included 20 by army units and 13 by rebels.")
    assert [(c.text, c.unit) for c in found] == [("48-hour", "hours"), ("20", None), ("13", None)]


@pytest.mark.parametrize("sentence, text", [
    ("Shelling on the town left one casualty and several wounded", "one casualty"),
    ("Gunmen killed one victim in the car.", "one victim"),
])
def test_one_casualty_or_victim_is_a_person(sentence, text):
    claim = next(c for c in extract(sentence) if c.text == text)
    assert claim.unit == "people"


@pytest.mark.parametrize(("text", "part", "whole"), [
    ("Only 4 of the 15 hostages were freed on Monday.", ("hostages", "released"), "count"),
    ("Troops detained 31 of the 70 suspects overnight.", ("suspects", "arrested"), "count"),
    ("The alliance took 212 of 400 seats in the chamber.", ("seats", "count"), "count"),
])
def test_the_verb_of_a_part_taken_from_a_whole_is_the_part_s(text, part, whole):
    first, second = extract(text)
    assert (first.subject, first.metric) == part
    assert second.metric == whole


def test_a_participle_right_after_the_whole_is_the_whole_s():
    first, second = extract("Six of 52 villagers executed by the militia were children.")
    assert (first.metric, second.metric) == ("killed", "killed")


@pytest.mark.parametrize(("text", "metric"), [
    ("About 4,000 people marched in Corlbury, police said. Organisers put the number at 9,000.",
     "protesters"),
    ("Some 300 people were detained, the ministry said, while lawyers put the figure at 800.",
     "arrested"),
])
def test_a_count_put_at_a_level_restates_the_figure_before_it(text, metric):
    first, second = extract(text)
    assert (second.unit, second.metric) == ("people", metric)
    assert second.metric == first.metric


def test_a_crowd_estimated_at_a_level_counts_protesters():
    (crowd,) = extract("Police estimated the crowd at 7,500.")
    assert (crowd.value, crowd.unit, crowd.metric) == (7500, "people", "protesters")


@pytest.mark.parametrize("text", [
    "Radio Corlbury, citing two security sources, said 14 soldiers were killed.",
    "According to 3 medics in Brennick, 40 people died.",
])
def test_a_figure_a_source_phrase_opens_counts_the_sources(text):
    sources, dead = extract(text)
    assert (sources.metric, dead.metric) == ("count", "killed")


@pytest.mark.parametrize(("text", "metric"), [
    ("Some 9,000 people joined the march in Corlbury on Sunday.", "protesters"),
    ("About 2,500 supporters attended the rally outside parliament.", "protesters"),
    ("Fourteen marchers were treated in hospital after the clashes.", "wounded"),
    ("Six passengers were treated for injuries at the scene.", "wounded"),
])
def test_what_a_crowd_s_people_did_or_suffered_is_their_metric(text, metric):
    assert extract(text)[0].metric == metric


def test_the_cagayan_kind_of_province_is_no_town_s_region():
    """A province the gazetteer lacks, whose name is another name of a town elsewhere in the
    country (Cagayan de Oro), is no place at all rather than that town's region."""
    (evacuated,) = extract("The storm made landfall in Cagayan province, forcing 3,000 to flee.")
    assert evacuated.place is None


@pytest.mark.parametrize("text", [
    "The agency said 1.2 million people needed food aid in the province.",
    "About 40,000 residents need humanitarian assistance after the floods.",
])
def test_people_who_need_aid_are_affected(text):
    assert extract(text)[0].metric == "affected"


@pytest.mark.parametrize(("text", "metric"), [
    ("The bodies of 3 men were discovered in a ravine near Brennick.", "killed"),
    ("The evacuation of 300 people was completed on Sunday.", "evacuated"),
])
def test_a_figure_in_an_event_noun_s_of_phrase_takes_its_metric(text, metric):
    assert extract(text)[0].metric == metric


@pytest.mark.parametrize("text", ["Death toll rises to 56; 200 still missing", "14 still trapped"])
def test_an_adverb_after_a_figure_is_no_counted_noun(text):
    claim = extract(text)[-1]
    assert (claim.subject, claim.unit) == (None, "people")


def test_a_bare_figure_after_a_closed_aside_goes_on_from_the_whole():
    text = "Medics said 11 people, among them 3 women, died in Brennick and 4 in Osterhald."
    _whole, part, other = extract(text)
    assert (part.role, other.subject, other.role) == ("part", "people", "total")


@pytest.mark.parametrize("text", [
    "Its warplanes struck 48 militant targets overnight.",
    "Troops overran 5 rebel outposts near the river.",
])
def test_places_struck_that_a_people_noun_modifies_are_things(text):
    assert extract(text)[0].unit == "items"


@pytest.mark.parametrize("text", [
    "A third of the 90 schools in the district were damaged.",
    "Nearly half of the 1,300 respondents said they had skipped meals.",
])
def test_a_fraction_of_a_counted_whole_is_a_share(text):
    part, whole = extract(text)
    assert (part.metric, part.unit, whole.metric) == ("share", None, "count")


def test_the_whole_a_fraction_of_which_died_did_not_all_die():
    part, whole = extract("Half of the 40 patients died after the power cut.")
    assert (part.metric, whole.metric) == ("share", "count")


@pytest.mark.parametrize(("text", "bound"), [
    ("About 1.3 million children under 5 are acutely malnourished.", 5),
    ("The ministry said 300 children under 18 had been detained.", 18),
])
def test_a_bound_right_after_a_group_of_people_is_their_age(text, bound):
    group, age = extract(text)
    assert (age.value, age.unit, age.metric) == (bound, "years", "age")
    assert group.unit == "people"


def test_a_level_of_counted_cases_is_theirs_whatever_else_died():
    cases, deaths = extract(
        "Dengue cases in Brazil have topped 4 million this year, with 2,000 deaths.")
    assert (cases.metric, cases.subject, deaths.metric) == ("affected", "Dengue cases", "killed")


@pytest.mark.parametrize("text", [
    "The fighting has left 500 dead since a war broke out between two factions of the cartel.",
    "Gunmen killed 9 people in three separate clashes on Sunday.",
])
def test_an_abstract_noun_counts_no_one_killed(text):
    assert extract(text)[-1].metric == "count"


def test_a_currency_level_after_its_change_is_no_percentage():
    change, level = extract("The peso weakened 1.5% to 18.60 per dollar.")
    assert (change.unit, level.unit) == ("percent", None)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Inflation hit 9,1% in August, the statistics office said.", 9.1, "percent"),
    ("The deficit widened to €12,5 billion last year.", 12.5e9, "eur"),
    ("Some 1.5m people lost power in Florida.", 1.5e6, "people"),
])
def test_continental_decimals_and_millions_of_people(text, value, unit):
    claim = extract(text)[0]
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


def test_a_decimal_comma_is_read_only_before_a_percentage_or_a_scale():
    assert [c.value for c in extract("Votes went 1,2 and 3 on the three motions.")] != [1.2, 3]


def test_a_clause_about_a_place_keeps_its_events_to_itself():
    crowd, dead = extract("Police fired tear gas at thousands of demonstrators in Corlbury, "
                          "where at least 23 people have been killed in two weeks.")[:2]
    assert (crowd.metric, dead.metric) == ("protesters", "killed")


def test_a_person_who_looked_a_bare_number_is_that_old():
    age = extract("Officers brought down a woman who looked about 30 in the lobby.")[0]
    assert (age.unit, age.metric) == ("years", "age")


def test_borders_crossed_are_no_one_displaced():
    assert extract("He crossed at least two borders since fleeing Brennick.")[0].metric == "count"
