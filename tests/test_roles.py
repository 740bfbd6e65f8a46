"""A figure's role in the reporting of its incident: total, part, period, update, running."""

import pytest

from claims import extract
from claims.db import Article
from claims.ingest import store

PUBLISHED = "2024-05-08"


def roles_of(text: str) -> list[tuple[str, str, str | None]]:
    """(claim text, role, role words) of every claim of a metric compared across outlets."""
    return [(c.text, c.role, c.role_text) for c in extract(text, PUBLISHED)
            if c.metric not in ("duration", "count")]


@pytest.mark.parametrize(("text", "expected"), [
    ("A car bomb killed 23 people, including seven children, in Tarvel.",
     [("23 people", "total", None), ("seven children", "part", "including")]),
    ("Air raids killed 40 civilians in Tarvel, including 9 women, six children and one medic.",
     [("40 civilians", "total", None), ("9 women", "part", "including"),
      ("six children", "part", "including"), ("one medic", "part", "including")]),
    ("Shelling killed 12 people including four children and 20 soldiers died in the hills.",
     [("12 people", "total", None), ("four children", "part", "including"),
      ("20 soldiers", "total", None)]),
    ("Divers found 24 bodies in Tarvel; three of the bodies were not identified.",
     [("24 bodies", "total", None), ("three of the bodies", "part", "of the bodies")]),
    ("Three nurses among at least 28 dead in hospital strike in Tarvel",
     [("Three nurses", "part", "among at least"), ("at least 28 dead", "total", None)]),
    ("At least 12 children were among 30 people killed in the bombing of a school in Tarvel.",
     [("At least 12 children", "part", "were among"), ("30 people", "total", None)]),
    ("Rockets killed 30 people in Tarvel. Nine of the dead were soldiers.",
     [("30 people", "total", None), ("Nine", "part", "of the dead")]),
    ("The blast wounded 40 people. Six of the wounded are in critical condition.",
     [("40 people", "total", None), ("Six", "part", "of the wounded")]),
    ("Shelling killed 18 people. Among the dead were four women.",
     [("18 people", "total", None), ("four women", "part", "Among the dead were")]),
    ("Raids killed 12 fighters on Monday. Another 20 fighters were killed on Tuesday.",
     [("12 fighters", "total", None), ("20 fighters", "update", "Another")]),
    ("The strike killed 12 people and another 20 were wounded.",
     [("12 people", "total", None), ("20", "total", None)]),
    ("More than 300 people have been killed in the province in the last month.",
     [("More than 300 people", "period", "in the last month")]),
    ("Since Sunday at least 60 civilians have died in the city.",
     [("at least 60 civilians", "period", "Since Sunday")]),
    (("The monitor said 52 civilians have been killed in raids on rebel districts in and "
     "around the old city since the ceasefire broke down on Thursday."),
     [("52 civilians", "period", "since the ceasefire broke down on Thursday")]),
    ("Shelling has killed 19 people since a truce collapsed Monday.",
     [("19 people", "period", "since a truce collapsed Monday")]),
    ("Shelling killed 11 people on Friday, bringing the toll in the last week to 45.",
     [("11 people", "total", None), ("45", "period", "in the last week")]),
    ("The war has killed more than 300,000 people since 2011.",
     [("more than 300,000 people", "running", None)]),
    ("Shelling has killed 40 people in the city since November.",
     [("40 people", "period", "since November")]),
    ("More than 100 civilians were killed in the city in August.",
     [("More than 100 civilians", "period", "in August")]),
    ("In March a truck bomb killed 27 people at a checkpoint in the town.",
     [("27 people", "total", None)]),
    ("In March a string of bomb attacks killed 27 people in the town.",
     [("27 people", "period", "In March")]),
    ("Three days of shelling killed 40 people in the town.",
     [("40 people", "period", "Three days of")]),
    ("Raids killed 40 people in the town on Monday and Tuesday.",
     [("40 people", "period", "on Monday and Tuesday")]),
    ("At least 70 people were killed across the country on Monday.",
     [("At least 70 people", "period", "across the country")]),
    ("It ended six years of war in which 40,000 people were killed.",
     [("40,000 people", "total", None)]),
])
def test_roles_are_read_from_the_words_next_to_the_figure(text, expected):
    assert roles_of(text) == expected


def test_a_part_names_its_total_in_the_database(tmp_path):
    import sqlite_utils

    from claims.db import ensure

    db = ensure(sqlite_utils.Database(tmp_path / "roles.db"))
    store(db, Article(body="A car bomb killed 23 people, including seven children, in Tarvel.",
                      outlet="Wire", published=PUBLISHED))
    rows = {r["text"]: r for r in db["claims"].rows}
    assert rows["seven children"]["part_of_claim"] == rows["23 people"]["id"]
    assert rows["23 people"]["part_of_claim"] is None


def test_a_running_total_is_cumulative_and_nothing_else_is():
    for claim in extract("The war has killed 300,000 people since 2011. Rockets killed "
                         "five people in the last week.", PUBLISHED):
        assert claim.cumulative == (claim.role == "running")


@pytest.mark.parametrize(("text", "parts"), [
    ("Fighting killed 70 people. The monitor said 30 soldiers and 39 rebel fighters died.",
     ["30 soldiers", "39 rebel fighters"]),
    (("Rockets killed 14 people on Wednesday. Rockets on the old quarter killed 13 people "
      "and wounded 25 others. Shelling of another district killed one person."),
     ["13 people", "one person"]),
    # "another" after the first piece is the rest of the toll, not an update of it.
    (("Raids killed 30 civilians in the valley, 18 in the lower town and another 12 in the "
      "hamlets above it."), ["18", "12"]),
    # A piece listed on by place far from the verb keeps the toll's metric, and so is a part.
    (("The monitor said 21 civilians had been killed in the raids on the area 15 in a "
      "northern district of the old city and another six in the farms beyond the river."),
     ["15", "six"]),
    # Counts that do not add up to the toll are not its breakdown.
    ("Fighting killed 70 people. Separately, 12 soldiers and 9 rebels died in the north.", []),
])
def test_counts_that_add_up_to_a_toll_are_its_parts(text, parts):
    claims = extract(text, PUBLISHED)
    assert [c.text for c in claims if c.role == "part"] == parts
    whole = claims[0]
    assert all(c.part_of == whole.start for c in claims if c.role == "part")


@pytest.mark.parametrize(("text", "metrics"), [
    ("Three civilians killed, 12 others injured in rocket attacks on the market.",
     ["killed", "wounded"]),
    ("A woman was killed and seven others were injured by the shells.", ["wounded"]),
])
def test_the_words_after_a_counted_noun_say_what_befell_it(text, metrics):
    assert [c.metric for c in extract(text, PUBLISHED) if c.unit == "people"] == metrics


@pytest.mark.parametrize("text", [
    "Two guards were killed and nine more wounded when the convoy was ambushed.",
    "Shells killed 3 civilians on the bridge and 14 more injured near the school.",
])
def test_more_people_of_another_fate_are_their_own_count_not_an_update(text):
    last = extract(text, PUBLISHED)[-1]
    assert (last.metric, last.role) == ("wounded", "total")


def test_a_span_after_a_list_of_counts_is_each_counts():
    claims = extract("Clashes near the dam killed 21 soldiers and 17 insurgents since Friday "
                     "night, the monitor said.", PUBLISHED)
    assert [(c.text, c.role) for c in claims] == [("21 soldiers", "period"),
                                                 ("17 insurgents", "period")]


@pytest.mark.parametrize(("text", "role"), [
    (("Posted on 7 May 2024 by the Valley Courier Gas shells killed 64 people in the hills "
      "near Tarn in the worst attack in the six-year war. Rescuers were still searching the "
      "ruins of the clinic."), "total"),
    ("More than 300,000 people have been killed in the civil war, the monitor said on Monday.",
     "running"),
    ("Since the uprising began, 300,000 people have been killed, the monitor said on Monday.",
     "running"),
    ("Drone strikes since 3 March have killed 96 civilians overall, the monitor said.",
     "running"),
])
def test_a_count_of_one_day_is_no_running_total_for_naming_the_war(text, role):
    assert extract(text, PUBLISHED)[0].role == role


def test_a_part_of_a_running_total_is_a_part():
    claims = extract("The war has killed 300,000 people since 2011, including 25,000 children.",
                     PUBLISHED)
    assert [(c.text, c.role, c.cumulative) for c in claims] == [
        ("300,000 people", "running", True), ("25,000 children", "part", False)]


@pytest.mark.parametrize(("text", "roles"), [
    ("At least 61 civilians were killed in the province over the last 48 hours.", ["period"]),
    ("Rebels killed 7 soldiers at the dam, and 3 more died in the past 24 hours.",
     ["total", "update"]),
])
def test_a_span_with_a_number_of_its_own_is_the_figures_before_it(text, roles):
    found = [c for c in extract(text, PUBLISHED) if c.metric in ("killed", "fighters")]
    assert [c.role for c in found] == roles


def parts_of(text: str) -> list[tuple[str, str, str | None]]:
    """(claim text, role, text of the claim it is a part of) of every claim."""
    claims = extract(text, PUBLISHED)
    whole = {c.start: c.text for c in claims}
    return [(c.text, c.role, whole.get(c.part_of)) for c in claims]


@pytest.mark.parametrize(("text", "expected"), [
    # a share counted after the figure makes the figure the whole
    ("Shelling killed at least 21 civilians eight of them children in Tarvel.",
     [("at least 21 civilians", "total", None),
      ("eight of them children", "part", "at least 21 civilians")]),
    # the same number again "of them" is the total restated, not a part of it
    ("Gunmen killed 14 villagers in Tarvel. They opened fire on the houses, killing 14 of them.",
     [("14 villagers", "total", None), ("14 of them", "total", None)]),
    # a part larger than the last total is no part of it
    (("Jets take out seven fighters in Tarvel. A camp of mercenaries including about 40 "
     "militants from abroad was destroyed."),
     [("seven fighters", "total", None), ("about 40 militants", "part", None)]),
])
def test_a_part_is_of_a_larger_total_and_a_restated_total_is_none(text, expected):
    assert parts_of(text) == expected


@pytest.mark.parametrize(("text", "metrics"), [
    # A bare count listed on by place takes the metric of the toll before it...
    (("Officials said 40 people were killed in the quake in the capital and its crowded "
      "suburbs on the long coast and 12 in the southern province."), ["killed", "killed"]),
    # ...not a count of things, nor one with a noun of its own.
    ("The firm sold 30 cars in Ohio in the last quarter of the year and 12 in Texas.",
     ["count", "count"]),
    (("Gunmen killed 14 soldiers in the northern countryside of the city near the border "
      "posts and 5 vehicles were destroyed."), ["killed", "count"]),
])
def test_a_bare_count_listed_on_by_place_is_of_the_toll_before_it(text, metrics):
    assert [c.metric for c in extract(text, PUBLISHED)] == metrics


@pytest.mark.parametrize(("text", "expected"), [
    ("Four days of bombing had left more than 30 villagers dead and another 70 wounded.",
     [("more than 30 villagers", "period", "Four days of"),
      ("70 wounded", "period", "Four days of")]),
    ("Three days of raids killed 25 people and wounded 60 in Kessen.",
     [("25 people", "period", "Three days of"), ("60", "period", "Three days of")]),
])
def test_a_count_joined_to_a_period_total_shares_its_span(text, expected):
    assert roles_of(text) == expected


def test_a_count_joined_to_a_total_of_one_attack_stays_a_total():
    assert roles_of("The blast in Kessen killed 14 people and wounded another 40.") == [
        ("14 people", "total", None), ("40", "total", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The crash brought the total number of Ruritanian airmen killed in Karsk to 23.",
     ("23", "running", "total number")),
    ("The overall number of dead in the uprising has now reached 4,000, the monitor said.",
     ("4,000", "running", "overall number")),
    # The death toll of one attack, raised, stays that attack's total, "overall" or not.
    ("Two more victims died in hospital overnight, raising the death toll to 40.",
     ("40", "total", None)),
    ("A wounded guard died in hospital, bringing the overall toll of the siege to 41.",
     ("41", "total", None)),
    ("The total number of people killed in the bombing rose to 40.", ("40", "total", None)),
    ("Shelling had brought the total number of civilians killed in the past ten days to 300.",
     ("300", "period", "in the past ten days")),
])
def test_a_total_number_raised_to_a_level_is_every_incident_so_far(text, expected):
    assert roles_of(text)[-1] == expected


@pytest.mark.parametrize(("sentence", "part"), [
    (("At least 32 people were killed in the city during the air strikes, with 18 bodies "
      "pulled from flattened buildings in the worst-hit district."), "18 bodies"),
    ("The death toll over the whole weekend was at least 44.", None),
])
def test_a_count_after_with_below_its_sentences_total_is_a_part(sentence, part):
    claims = extract(sentence)
    roles = {c.text: c.role for c in claims}
    if part:
        assert roles[part] == "part"
        assert roles["At least 32 people"] == "total"
    else:
        assert roles == {"at least 44": "period"}


def test_with_and_a_count_of_another_metric_is_no_part():
    claims = extract("The blast killed 12 people with 30 wounded.")
    roles = {c.text: (c.metric, c.role) for c in claims}
    assert roles == {"12 people": ("killed", "total"), "30 wounded": ("wounded", "total")}


@pytest.mark.parametrize(("text", "expected"), [
    (("The governor said 41 people were confirmed dead and that the toll could reach as many "
      "as 150 in the valley."),
     [("41 people", "total", None), ("as many as 150", "projected", "could reach")]),
    ("The death toll is expected to rise to 260, the ministry said.",
     [("260", "projected", "expected to rise")]),
    ("Rescuers said the number of dead may climb above 70.",
     [("above 70", "projected", "may climb")]),
    ("The toll could well exceed 1,000, aid groups fear.",
     [("1,000", "projected", "could well exceed")]),
    ("The flood killed 35 people in Tarvel and could rise further to as many as 60.",
     [("35 people", "total", None), ("as many as 60", "projected", "could rise")]),
    # an expecting verb before the infinitive of rising; what people may yet come to
    ("Officials expect the toll to rise above 100.",
     [("above 100", "projected", "expect the toll to rise")]),
    ("Aid groups fear thousands more could die.", [("thousands", "projected", "could die")]),
    ("Up to 2 million people may be displaced by the fighting.",
     [("Up to 2 million people", "projected", "may be displaced")]),
])
def test_what_a_toll_may_come_to_is_a_projection_not_a_count(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text", [
    "The death toll reached 200 on Monday, the ministry said.",
    "The shelling killed 20 people and could kill more, medics said.",
    "The toll, which may rise further, stood at 45 on Monday.",
    "The toll had climbed to 90 by the evening.",
    "The toll continued to rise to 45 on Sunday.",
])
def test_a_count_made_is_no_projection_for_a_modal_elsewhere(text):
    assert {role for _, role, _ in roles_of(text)} == {"total"}


def test_a_total_a_toll_is_brought_up_to_is_a_period_of_the_same_metric():
    toll, total = extract(
        "Corlbury's death toll from the quake rose to 4,218, the agency said, bringing the "
        "total in Corlbury and Vell to more than 5,000.")
    assert (toll.metric, toll.role) == ("killed", "total")
    assert (total.metric, total.unit, total.role) == ("killed", "people", "period")


@pytest.mark.parametrize("text", [
    "Inflation eased to 11.8% in July, the lowest since October 2021.",
    "The economy has added 80,000 jobs since July, the ministry said.",
])
def test_a_figure_compared_across_outlets_alone_has_a_role(text):
    assert extract(text)[0].role == "total"


@pytest.mark.parametrize("text", [
    "At least 40 people were killed, the highest toll since the war began.",
    "It was the deadliest attack since the war began, killing 40.",
])
def test_a_superlative_since_a_start_compares_and_totals_nothing(text):
    claim = extract(text)[0]
    assert (claim.metric, claim.role) == ("killed", "total")


def test_a_war_s_toll_since_it_began_stays_a_running_total():
    assert extract("The war has killed 400,000 people since 2011.")[0].role == "running"
