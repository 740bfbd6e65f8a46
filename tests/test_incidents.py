"""Incidents and figures: one quantity of one incident, across outlets, parts kept apart."""

import datetime as dt
from dataclasses import replace

import pytest
import sqlite_utils

from claims.compare import (
    _breakdowns,
    _members_where,
    _spans_told_as_totals,
    group_figures,
    series_start,
)
from claims.db import Article, ensure
from claims.extraction.times import dateline
from claims.incidents import Mention, Place
from claims.ingest import store

REPORTS = [
    # One market bombing in Douma, told by three outlets over two days.
    ("Wire One", "2023-06-12", "Car bomb kills 25 in Douma market",
     ("A car bomb killed 25 people in a crowded market in Douma on Monday, including six "
      "children, medics said.")),
    ("Daily Two", "2023-06-13", "Douma market bombing toll rises",
     ("The toll of Monday's market car bombing in Douma rose to 31 people, rescuers said. "
      "Nine of the dead were women.")),
    ("Gazette Three", "2023-06-12", "Market blast in Douma",
     ("At least 28 people were killed when a car bomb hit the market in Douma, a monitor "
      "said. In Harasta, shelling killed 4 people on the same day.")),
    # The same town, a week later: another incident.
    ("Wire One", "2023-06-20", "Shelling in Douma",
     "Shelling killed 3 people in Douma on Tuesday, residents said."),
    # A running total, and money with nothing to say what it pays for.
    ("Daily Two", "2023-06-14", "War toll",
     ("The war in Syria has killed more than 500,000 people since 2011, the monitor said. "
      "Donors pledged $40 million on Wednesday.")),
    ("Wire One", "2023-06-15", "War toll update",
     ("The conflict in Syria has killed at least 510,000 people since the war began in "
      "2011. A fund of $45 million was announced.")),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return grouped(tmp_path_factory.mktemp("inc"), REPORTS)


def claim(db, text: str) -> dict:
    """The one current claim with this surface."""
    (row,) = db.query("select * from claims where text = ?", [text])
    return row


def incident(db, text: str) -> str:
    """The incident of the one current claim with this surface."""
    return claim(db, text)["incident_id"]


def test_three_outlets_reporting_one_bombing_share_one_figure(db):
    tolls = [claim(db, t) for t in ("25 people", "31 people", "At least 28 people")]
    assert len({t["figure_id"] for t in tolls}) == 1
    figure = db["figures"].get(tolls[0]["figure_id"])
    assert figure["outlets"] == 3 and figure["place"] == "Douma"
    assert (figure["min_value"], figure["max_value"]) == (25, 31)


def test_parts_keep_their_incident_but_stay_out_of_the_figure(db):
    total, children, women = (claim(db, t) for t in ("25 people", "six children", "Nine"))
    assert children["role"] == "part" and women["role"] == "part"
    assert children["figure_id"] is None and women["figure_id"] is None
    assert children["incident_id"] == women["incident_id"] == total["incident_id"]
    assert children["part_of_claim"] == total["id"]


def test_another_town_in_the_same_report_is_another_incident(db):
    harasta, douma = claim(db, "4 people"), claim(db, "At least 28 people")
    assert harasta["incident_id"] != douma["incident_id"]
    assert harasta["figure_id"] != douma["figure_id"]


def test_the_same_town_a_week_later_is_another_figure(db):
    later, first = claim(db, "3 people"), claim(db, "25 people")
    assert later["incident_id"] != first["incident_id"]
    assert later["figure_id"] != first["figure_id"]


def test_running_totals_form_a_series_of_their_own(db):
    a, b = claim(db, "more than 500,000 people"), claim(db, "at least 510,000 people")
    assert a["role"] == b["role"] == "running"
    assert a["figure_id"] == b["figure_id"] and a["incident_id"] is None
    assert db["figures"].get(a["figure_id"])["cumulative"] == 1


@pytest.mark.parametrize(("counted_between", "one"), [(True, True), (False, False)])
def test_the_wounded_told_beside_the_dead_keep_the_stretch_of_the_dead(
        tmp_path, counted_between, one):
    reports = [
        ("Wire One", "2023-07-02", "War toll",
         "The war in Syria has killed 230,000 people and wounded at least a million, the UN says."),
        ("Daily Two", "2023-07-30", "War toll",
         ("The war in Syria has killed 240,000 people and wounded at least 1.1 million, the UN "
          "says.")),
    ]
    if counted_between:
        reports.append(("Gazette Three", "2023-07-16", "War toll",
                        "The war in Syria has killed 235,000 people since 2011, a monitor said."))
    db = grouped(tmp_path, reports)
    million, more = claim(db, "at least a million"), claim(db, "at least 1.1 million")
    assert million["role"] == more["role"] == "running"
    assert (million["figure_id"] == more["figure_id"]) is one


def test_money_that_does_not_say_what_it_pays_for_is_no_figure(db):
    assert claim(db, "$40 million")["figure_id"] is None
    assert claim(db, "$45 million")["figure_id"] is None


def test_incidents_are_stored_with_their_reach(db):
    douma = db["incidents"].get(claim(db, "25 people")["incident_id"])
    assert douma["outlets"] == 3 and douma["articles"] == 3 and douma["place"] == "Douma"
    assert douma["date_from"] == "2023-06-12"


def test_regrouping_changes_nothing(db):
    before = list(db.query("select id, figure_id, incident_id from claims order by id"))
    group_figures(db)
    assert list(db.query("select id, figure_id, incident_id from claims order by id")) == before


@pytest.mark.parametrize(("text", "expected"), [
    ("Wed 05 Apr 2017 Strikes hit the town", dt.date(2017, 4, 5)),
    ("April 5, 2017 - Strikes hit the town", dt.date(2017, 4, 5)),
    ("2017-04-05 Strikes", dt.date(2017, 4, 5)),
    ("Last updated at Jul 282016 A bomb blast", dt.date(2016, 7, 28)),
    ("x" * 200 + " on 5 April 2017", None),
    ("31 Feb 2017 nonsense", None),
])
def test_a_date_line_is_read_only_at_the_top(text, expected):
    assert dateline(text) == expected


WIRE_STORY = (
    "A suicide bomber blew himself up at a checkpoint at the entrance of Azaz on Thursday, "
    "killing 14 people and wounding dozens more, a war monitor said. The blast struck as "
    "traders queued with their lorries to cross towards the border, and rescue workers "
    "carried the wounded to the town's only hospital, which appealed for blood donors as "
    "night fell over the crowded market streets."
)


def test_a_reprint_is_one_report_and_says_whom_it_repeats(tmp_path):
    db = ensure(sqlite_utils.Database(tmp_path / "wire.db"))
    store(db, Article(title="Bomb kills 14 in Azaz", body=WIRE_STORY, outlet="Agency Wire",
                      published="2023-03-02", url="https://agency.example/azaz"))
    store(db, Article(title="Checkpoint bombing", body="Agency report. " + WIRE_STORY,
                      outlet="Town Herald", published="2023-03-03",
                      url="https://herald.example/azaz"))
    store(db, Article(title="Azaz attack", outlet="Border Times", published="2023-03-02",
                      url="https://border.example/azaz",
                      body="At least 16 people died in a car bombing at a checkpoint in Azaz "
                           "on Thursday, local officials said."))
    group_figures(db)
    (copy,) = db["reprints"].rows
    agency = db.execute("select id from articles where url like '%agency%'").fetchone()[0]
    assert copy["original_id"] == agency and copy["similarity"] >= 0.5
    (figure,) = db.query("select * from figures where metric = 'killed'")
    assert (figure["outlets"], figure["reports"], figure["reprints"]) == (3, 2, 1)
    repeats = {r["outlet"]: r["reprints_outlet"] for r in db.query(
        "select outlet, reprints_outlet from figure_claims")}
    assert repeats == {"Agency Wire": None, "Town Herald": "Agency Wire", "Border Times": None}


def test_the_figure_page_shows_parts_beside_the_figure(db):
    import asyncio

    from claims.serve import build_datasette

    path = db.execute("pragma database_list").fetchone()[2]
    db.execute("pragma wal_checkpoint(truncate)")  # the site opens the file read-only
    site = build_datasette(path)
    asyncio.run(site.invoke_startup())
    figure = claim(db, "25 people")["figure_id"]
    html = asyncio.run(site.client.get(f"/-/claims/figure/{figure}")).text
    beside = html.split("Beside it", 1)[1]
    assert "six children" in beside and "Nine" in beside
    assert "Why these claims are one figure" in html


# Two sentences that push a report's later sentences past its lead (incidents.LEAD_CHARS).
FILLER = 2 * ("Rescue workers dug through the rubble for hours, and a reporter saw them "
              "carry out the bodies of people covered in dust. Residents said the jets came "
              "back twice in the afternoon, and that the nearest clinic ran short of blood. ")


def grouped(tmp_path, reports: list[tuple[str, str, str, str]]) -> sqlite_utils.Database:
    """A fresh database holding these (outlet, published, title, body) reports, grouped."""
    database = ensure(sqlite_utils.Database(tmp_path / "g.db"))
    for n, (outlet, published, title, body) in enumerate(reports):
        store(database, Article(title=title, body=body, outlet=outlet, published=published,
                                url=f"https://example.org/{n}"))
    group_figures(database)
    return database


def test_a_night_attack_told_as_of_two_days_is_one_incident_of_its_province(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-02", "Police station bombed",
         ("Two suicide bombers killed 17 people at a police station in Damascus province "
         "late on Monday, the interior ministry said.")),
        ("Daily Two", "2023-10-03", "Police station bombing",
         ("Two suicide bombers killed 19 people at a police station in Damascus province on "
         "Tuesday, the interior ministry said.")),
    ])
    assert claim(db, "17 people")["figure_id"] == claim(db, "19 people")["figure_id"]


@pytest.mark.parametrize(("douma_day", "harasta_day", "one"), [
    ("on Tuesday", "on Tuesday", True),
    ("on May 8", "on May 9", False),  # both state their days, and the days differ
])
def test_a_village_and_the_town_beside_it_are_one_incident_when_told_alike(
        tmp_path, douma_day, harasta_day, one):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-09", "Air strikes on Douma",
         f"Coalition air strikes killed 30 civilians in Douma {douma_day}, a monitor said."),
        ("Daily Two", "2023-05-09", "Air strikes on Harasta",
         f"Coalition air strikes killed 34 civilians in Harasta {harasta_day}, a monitor said."),
        ("Wire One", "2023-05-09", "Bombing in Qatana",
         "A car bomb killed 12 civilians in Qatana on Tuesday, a monitor said."),
    ])
    douma, harasta = claim(db, "30 civilians"), claim(db, "34 civilians")
    assert (douma["incident_id"] == harasta["incident_id"]) is one
    assert claim(db, "12 civilians")["incident_id"] != douma["incident_id"]


def test_a_background_mention_is_told_apart_by_its_own_sentence(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-02", "Police station bombed in Damascus province",
         ("Two suicide bombers killed 17 people at a police station in Damascus province on "
         "Monday, the interior ministry said.")),
        ("Daily Two", "2023-10-16", "Rebel shelling kills four in Damascus province",
         ("Rebel mortar shelling killed four civilians in Damascus province on Sunday, a monitor "
         "said. The mortar rounds fell on a crowded street of shops and cafes in the old city "
         "as families walked home from evening prayers, and medics carried the wounded to "
         "nearby clinics. Residents said the mortar fire had grown heavier over the past week "
         "despite the local truce announced in the summer, and several shopkeepers said they "
         "would close until it stops. Two suicide bombers killed 17 people at a police station "
         "in Damascus province on October 2, the ministry said then.")),
    ])
    tolls = list(db.query("select figure_id from claims where text = '17 people'"))
    assert len({t["figure_id"] for t in tolls}) == 1


def test_killed_forces_are_combatants_like_killed_fighters_of_their_side(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-29", "Drone strike in Quneitra",
         ("A drone strike killed five pro-government forces near Quneitra on Wednesday, a "
         "monitor said.")),
        ("Daily Two", "2023-07-29", "Drone strike kills fighters in Quneitra",
         ("A drone strike killed four pro-government fighters near Quneitra on Wednesday, the "
         "militia said.")),
    ])
    forces = claim(db, "five pro-government forces")
    fighters = claim(db, "four pro-government fighters")
    assert forces["figure_id"] == fighters["figure_id"]
    assert db["figures"].get(forces["figure_id"])["subject_kind"] == "government forces"


def test_the_figure_page_names_each_claims_source_and_links_its_article(tmp_path):
    import asyncio

    from claims.serve import build_datasette

    db = grouped(tmp_path, [
        ("Wire One", "2023-03-02", "Checkpoint bombing in Azaz",
         ("A car bomb killed 14 people at a checkpoint in Azaz on Thursday, the Syrian "
         "Observatory for Human Rights said.")),
        ("Daily Two", "2023-03-02", "Azaz blast",
         ("A car bomb killed 16 people at a checkpoint in Azaz on Thursday, the health "
         "ministry said.")),
    ])
    db.execute("pragma wal_checkpoint(truncate)")  # the site opens the file read-only
    site = build_datasette(str(tmp_path / "g.db"))
    asyncio.run(site.invoke_startup())
    toll = claim(db, "14 people")
    html = asyncio.run(site.client.get(f"/-/claims/figure/{toll['figure_id']}")).text
    table = html.split("Who reported what", 1)[1]
    assert "Syrian Observatory for Human Rights" in table
    assert f'href="/-/claims/article/{toll["article_id"]}"' in table
    assert "Checkpoint bombing in Azaz" in table and "Azaz blast" in table


def test_claims_compare_says_why_and_marks_who_repeats_whom(tmp_path):
    from claims.compare import compare, format_table

    db = ensure(sqlite_utils.Database(tmp_path / "wire.db"))
    store(db, Article(title="Bomb kills 14 in Azaz", body=WIRE_STORY, outlet="Agency Wire",
                      published="2023-03-02", url="https://agency.example/azaz"))
    store(db, Article(title="Checkpoint bombing", body="Agency report. " + WIRE_STORY,
                      outlet="Town Herald", published="2023-03-03",
                      url="https://herald.example/azaz"))
    group_figures(db)
    table = format_table(compare(db, metric="killed"))
    assert "2 outlets (1 independent report, 1 reprint)" in table
    assert "why one figure: the totals of one incident" in table
    assert "Town Herald (reprint of Agency Wire)" in table


def test_two_quantities_of_one_place_and_day_are_told_apart_by_their_values(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-18", "Raids on Douma",
         ("Air raids killed 60 civilians in Douma on Monday, a monitor said. Separately, a "
         "landmine killed 2 civilians in Douma on Monday, police said.")),
    ])
    labels = [r["label"] for r in db.query("select label from figures order by min_value")]
    assert len(labels) == len(set(labels)) == 2
    assert labels[0].endswith("a count of 2") and labels[1].endswith("a count of 60")


def test_a_figure_is_named_by_how_its_reports_say_the_attack_was_carried_out(db):
    figure = db["figures"].get(claim(db, "25 people")["figure_id"])
    assert figure["label"].startswith("People killed in Douma")
    assert figure["label"].endswith(", bombing")
    assert db["incidents"].get(figure["incident_id"])["means"] == "bombing"


def test_things_counted_near_an_evacuation_are_no_figure_of_people_evacuated(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-04-15", "Evacuation from Douma",
         ("Buses evacuated 3,000 people from Douma on Saturday; the evacuation runs in two "
         "stages, officials said.")),
        ("Daily Two", "2023-04-15", "Douma evacuation",
         ("About 3,200 people were evacuated from Douma on Saturday, the evacuation held up at "
         "two transit points, officials said.")),
    ])
    figures = {r["label"]: r for r in db.query("select * from figures where metric = 'evacuated'")}
    assert all(f["min_value"] >= 1000 for f in figures.values()), figures


def test_medics_and_the_staff_of_a_clinic_are_one_figure(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-09-20", "Clinic bombed in Douma",
         "An air strike on a clinic in Douma killed four medics on Tuesday, a monitor said."),
        ("Daily Two", "2023-09-20", "Clinic hit in Douma",
         ("Six staff of the Douma Medical Relief Union were killed when an air strike hit "
          "their clinic in Douma on Tuesday, the union said.")),
        ("Gazette Three", "2023-09-20", "Strike on Douma clinic",
         "An air strike on a clinic in Douma killed five medical workers on Tuesday."),
    ])
    medics = claim(db, "four medics")["figure_id"]
    assert claim(db, "Six staff of the Douma Medical Relief Union")["figure_id"] == medics
    assert claim(db, "five medical workers")["figure_id"] == medics


def test_the_dead_of_each_side_of_a_battle_are_two_figures(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-29", "Battle for Douma",
         "Fighting killed 18 regime soldiers in Douma on Saturday, a monitor said."),
        ("Daily Two", "2023-10-29", "Douma battle",
         "Fighting killed 50 rebels in Douma on Saturday, the monitor said."),
        ("Gazette Three", "2023-10-29", "Rebels lose fighters in Douma",
         "Fighting killed 47 rebel fighters in Douma on Saturday, the monitor said."),
    ])
    soldiers, rebels = claim(db, "18 regime soldiers"), claim(db, "50 rebels")
    assert soldiers["figure_id"] != rebels["figure_id"]
    assert claim(db, "47 rebel fighters")["figure_id"] == rebels["figure_id"]
    assert db["figures"].get(soldiers["figure_id"])["subject_kind"] == "government forces"


def test_fighters_count_with_the_one_side_an_incident_names(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-14", "Bus bombing in Douma",
         "A bomb on a bus killed 30 rebels in Douma on Sunday, a monitor said."),
        ("Daily Two", "2023-08-14", "Douma bus bomb",
         "A bomb on a bus killed 32 fighters in Douma on Sunday, the monitor said."),
    ])
    assert claim(db, "30 rebels")["figure_id"] == claim(db, "32 fighters")["figure_id"]


def test_a_day_told_with_an_earlier_stage_of_a_toll_is_no_other_days_toll(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-15", "Bus bombing in Douma",
         ("The Islamic State on Monday claimed a bombing that killed more than 30 rebels on a "
          "bus in Douma. The bombing killed 34 rebels, the monitor said, updating an earlier "
          "toll on Sunday evening of 15.")),
        ("Daily Two", "2023-08-15", "Douma bus bomb",
         "A bomb on a bus killed 33 rebels in Douma, the monitor said."),
    ])
    assert claim(db, "more than 30 rebels")["figure_id"] == claim(db, "34 rebels")["figure_id"]


def test_a_toll_raised_on_a_later_day_stays_with_its_incident(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-03-05", "Market shelled in Douma",
         "Shelling killed 14 people at the market in Douma on Sunday, medics said."),
        ("Daily Two", "2023-03-06", "Douma toll rises",
         ("The death toll from Sunday's shelling of the market in Douma rose to 27 on Monday, "
         "the health ministry said.")),
    ])
    assert claim(db, "14 people")["figure_id"] == claim(db, "27")["figure_id"]


def test_a_small_count_beside_a_raid_does_not_cut_the_raids_toll_in_two(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-18", "Raids on Douma",
         ("Air raids on a market killed 14 civilians in Douma on Monday, a monitor said. "
          "Separately, a landmine killed 2 civilians in Douma on Monday, police said.")),
        ("Daily Two", "2023-07-18", "Market raids in Douma",
         "Air raids on the market killed 25 civilians in Douma on Monday, medics said."),
        ("Gazette Three", "2023-07-18", "Douma market raids",
         "Air raids on the market killed 31 civilians in Douma on Monday, rescuers said."),
    ])
    tolls = {claim(db, t)["figure_id"] for t in ("14 civilians", "25 civilians", "31 civilians")}
    assert len(tolls) == 1
    assert claim(db, "2 civilians")["figure_id"] not in tolls


def test_two_reports_of_one_province_and_day_with_the_same_toll_are_one_incident(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-10", "Rebel fire on the city",
         ("Rebel rocket fire on the government-held Hamdaniyeh district of Aleppo province "
          "killed 14 people on Wednesday, official television reported, blaming insurgent "
          "brigades entrenched around the southwestern outskirts.")),
        ("Daily Two", "2023-08-10", "Shells hit a bus",
         ("Explosive canisters struck a crowded passenger coach beside a vegetable bazaar "
          "across Aleppo province during Wednesday's morning rush, killing 14 people, "
          "according to interior ministry officials quoted by a news agency.")),
        ("Gazette Three", "2023-08-10", "Checkpoint attack",
         ("Gunmen opened fire on a checkpoint near Manbij in Aleppo province on Wednesday, "
          "leaving 3 people dead, police said.")),
        *[(f"Outlet {n}", f"2023-08-{n:02d}", f"Attack {n}",
           f"An attack in {town} province on Monday killed {n + 20} people, a monitor said.")
          for n, town in enumerate(("Homs", "Hama", "Idlib", "Daraa", "Raqqa", "Latakia"), 1)],
    ])
    tolls = {r["figure_id"] for r in db.query("select figure_id from claims where value = 14")}
    assert len(tolls) == 1 and None not in tolls
    assert claim(db, "3 people")["figure_id"] not in tolls


def test_a_sketch_made_by_the_map_step_is_the_one_a_regroup_makes(tmp_path):
    from claims import reprints
    from claims.ingest import ingest

    rows = [("w1", "Bomb kills 14 in Azaz", WIRE_STORY, "Agency Wire", "2023-03-02"),
            ("h1", "Checkpoint bombing", "Agency report. " + WIRE_STORY, "Town Herald",
             "2023-03-03")]
    db = ensure(sqlite_utils.Database(tmp_path / "mapped.db"))
    for row in rows:  # one ingest each: the copy's original was stored by an earlier run
        path = tmp_path / f"{row[0]}.csv"
        path.write_text("id,title,text,outlet,date\n" + ",".join(f'"{v}"' for v in row) + "\n")
        ingest(db, [str(path)])
    stored = {r["article_id"]: r for r in db["reprint_sketches"].rows}
    texts = dict(db.execute("select article_id, text from article_versions"))
    assert all(r["signature"] == reprints.sketch(texts[a]).signature and r["pending"] is None
               for a, r in stored.items())
    (copy,) = db["reprints"].rows
    assert db["articles"].get(copy["original_id"])["title"] == "Bomb kills 14 in Azaz"


def test_two_reports_known_only_by_their_country_join_when_they_give_the_same_tolls(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-15", "Rebels killed in suicide blast",
         ("A suicide bomber killed more than 30 rebel fighters in Syria on Monday. The attack "
          "killed 32 rebels as they boarded a bus, the monitor said.")),
        ("Daily Two", "2023-08-15", "Suicide blast on rebel bus",
         ("Jihadists said a bomber struck a coach of insurgents in Syria on Monday, killing more "
          "than 30 rebels; the monitor later counted 32 rebels dead.")),
        ("Gazette Three", "2023-08-15", "Shelling in Syria",
         "Shelling killed 32 people in Syria on Monday, state media said."),
    ])
    bus = {r["incident_id"] for r in db.query(
        "select incident_id from claims where value = 32 and subject like '%rebel%'")}
    assert len(bus) == 1
    assert claim(db, "32 people")["incident_id"] not in bus


def test_the_day_a_source_spoke_is_not_the_day_of_the_attack(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-09-16", "Car bomb in Douma",
         "A car bomb killed 30 people in Douma on Saturday, medics said."),
        ("Daily Two", "2023-09-17", "Douma car bomb toll",
         "A car bomb killed 34 people in Douma, a monitor said on Sunday."),
    ])
    assert claim(db, "30 people")["figure_id"] == claim(db, "34 people")["figure_id"]


def test_the_day_a_text_opens_with_is_the_day_it_tells_not_the_day_of_the_attack(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-11", "Shelling near Douma",
         "Artillery fire killed at least 20 civilians in Douma on Sunday, a monitor said."),
        ("Daily Two", "2023-06-12", "Douma shelling",
         "Mon Jun 12 2023 Artillery fire killed 40 civilians in Douma, a monitor said."),
    ])
    assert claim(db, "at least 20 civilians")["figure_id"] == claim(db, "40 civilians")["figure_id"]


def test_a_days_total_and_one_strikes_toll_in_one_report_are_two_figures(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-02", "Raids on Aleppo",
         ("Government air raids in and around Aleppo killed 31 civilians on Friday, rescuers "
          "said. A raid on a bus on the main road killed 10 civilians.")),
        ("Daily Two", "2023-06-02", "Bus hit near Aleppo",
         "An air strike hit a bus near Aleppo on Friday, killing 10 civilians, a monitor said."),
        ("Gazette Three", "2023-06-02", "Aleppo raids",
         "Air raids killed 30 civilians in Aleppo on Friday, the civil defence said."),
    ])
    day = {claim(db, t)["figure_id"] for t in ("31 civilians", "30 civilians")}
    bus = {r["figure_id"] for r in db.query("select figure_id from claims where value = 10")}
    assert len(day) == len(bus) == 1 and not day & bus


def test_two_days_tolls_in_one_report_are_two_figures_however_close(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-08", "Rockets hit Aleppo again",
         ("Rockets killed 15 people in Aleppo on Wednesday, a monitor said. Rockets had "
          "killed 12 people in the city on Tuesday.")),
        ("Daily Two", "2023-06-07", "Rockets hit Aleppo",
         "Rockets fired at Aleppo killed 12 people on Tuesday, state media said."),
    ])
    wednesday = claim(db, "15 people")["figure_id"]
    tuesday = {r["figure_id"] for r in db.query("select figure_id from claims where value = 12")}
    assert len(tuesday) == 1 and wednesday not in tuesday


def test_a_toll_told_with_its_earlier_count_or_by_two_sources_stays_one_figure(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-04-15", "Bus station bombing toll rises",
         ("A car bomb killed at least 70 people at a bus station in Aleppo on Saturday, a "
          "source said. The previous death toll was 20.")),
        ("Daily Two", "2023-04-15", "Bus station bombing",
         ("A car bomb killed 32 people at a bus station in Aleppo on Saturday, the Syrian "
          "Civil Defence said. The Islamic State, which claimed the attack, said it killed 80 "
          "people.")),
    ])
    figures = {r["figure_id"] for r in db.query(
        "select figure_id from claims where value in (70, 32, 80) and metric = 'killed'")}
    assert len(figures) == 1 and None not in figures


def test_fire_on_the_side_of_a_city_the_other_side_holds_is_another_attack(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-24", "Barrel bomb on Aleppo",
         ("A barrel bomb killed 15 civilians in a rebel-held district of Aleppo on Thursday, "
          "a monitor said. Rescue workers dug through the rubble of collapsed buildings for "
          "hours, and a reporter saw them carry out the bodies of children covered in dust. "
          "Residents said the helicopters came back twice in the afternoon, and that the "
          "nearest clinic had run short of blood and of fuel for its generator by nightfall. "
          "The monitor also reported 8 civilians killed on Thursday by shells fired on the "
          "government-held west of the city.")),
    ])
    assert claim(db, "15 civilians")["figure_id"] != claim(db, "8 civilians")["figure_id"]


def test_a_part_beside_a_days_total_keeps_another_reports_equal_toll_apart(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-02", "Raids on Aleppo",
         ("Government air raids in and around Aleppo killed 31 civilians on Friday, including "
          "10 when their bus was hit, rescuers said in a revised toll.")),
        ("Daily Two", "2023-06-02", "Bus hit near Aleppo",
         "An air strike hit a bus near Aleppo on Friday, killing 10 civilians, a monitor said."),
        ("Gazette Three", "2023-06-02", "Aleppo raids",
         "Air raids killed 30 civilians in Aleppo on Friday, the civil defence said."),
    ])
    day = {claim(db, t)["figure_id"] for t in ("31 civilians", "30 civilians")}
    assert len(day) == 1 and claim(db, "10 civilians")["figure_id"] not in day


def test_a_toll_told_as_another_attacks_is_no_part_of_the_reports_figure(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-11", "Market strike in Idlib",
         ("Air strikes on a vegetable market killed 20 people in Idlib on Sunday, a monitor "
          "said. Rescue workers dug through the rubble of the stalls for hours, and a reporter "
          "saw them carry out the bodies of shoppers covered in dust. Residents said the jets "
          "came back twice in the afternoon, and that the nearest clinic had run short of "
          "blood by nightfall. Three people were also killed in another town of the province, "
          "the monitor said. Elsewhere, shelling killed 12 people in Idlib, medics said. "
          "Meanwhile, rebel fire killed 14 people in Idlib, state media said.")),
        ("Daily Two", "2023-06-11", "Idlib market strike",
         "Air strikes on a market in Idlib killed 22 people on Sunday, medics said."),
    ])
    market = {claim(db, t)["figure_id"] for t in ("20 people", "22 people")}
    assert len(market) == 1
    assert claim(db, "12 people")["figure_id"] not in market
    assert claim(db, "14 people")["figure_id"] not in market


def test_a_headline_toll_its_report_gives_over_two_days_is_that_periods(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-04-09", "Air strikes kill 40 civilians in Idlib",
         ("At least 40 civilians were killed in Idlib over the last 48 hours by air strikes, "
          "a monitor said.")),
        ("Daily Two", "2023-04-09", "Market strike in Idlib",
         "An air strike on a market killed 25 civilians in Idlib on Sunday, a monitor said."),
    ])
    (headline,) = db.query("select * from claims where value = 40 and sentence_start = 0")
    assert headline["figure_id"] is None
    assert claim(db, "25 civilians")["figure_id"] is not None


def test_two_tolls_told_as_other_attacks_are_not_joined_by_their_sentences_words(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-11", "Air strikes on Aleppo",
         ("Air strikes on a market killed 26 people in Aleppo province on Tuesday, a monitor "
          f"said. {FILLER}Four people were also killed and 14 wounded on Tuesday in Aleppo "
          "province, medics said.")),
        ("Daily Two", "2023-10-11", "Convoy bombed near Aleppo",
         ("A car bomb hit a convoy of buses in Aleppo province on Tuesday, killing 31 people, "
          f"officials said. {FILLER}At least 10 people were also killed and 20 wounded on "
          "Tuesday in Aleppo province, medics said.")),
    ])
    assert claim(db, "Four people")["figure_id"] != claim(db, "At least 10 people")["figure_id"]


def test_an_attack_recalled_by_its_week_joins_that_weeks_incident_not_the_reports(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-02", "Gas attack on Kafr Zita",
         ("A suspected nerve gas attack killed 64 people in Kafr Zita in Hama province on "
          "Tuesday, doctors said.")),
        ("Daily Two", "2023-05-06", "Jets strike a bakery in Hama province",
         ("An air strike on a bakery killed 9 people in Hama province on Saturday, a monitor "
          "said. Earlier this week a suspected nerve gas attack on the town of Kafr Zita "
          "killed at least 70 people, doctors said.")),
        ("Gazette Three", "2023-05-06", "Shelling in Hama province",
         ("Shelling killed 11 people in Hama province on Saturday, a monitor said. Last "
          "week a car bomb killed 40 people at a checkpoint, police said.")),
    ])
    gas = claim(db, "at least 70 people")
    assert gas["figure_id"] == claim(db, "64 people")["figure_id"]
    assert gas["incident_id"] != incident(db, "9 people")
    recalled = db["incidents"].get(claim(db, "40 people")["incident_id"])
    assert recalled["id"] != claim(db, "11 people")["incident_id"]
    assert (recalled["date_from"], recalled["date_to"]) == ("2023-04-24", "2023-04-30")


def test_an_attack_recalled_by_its_month_joins_the_incident_its_own_sentence_places(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-09", "Car bomb in Hama province",
         "A car bomb killed 27 people at a checkpoint in Hama province on Tuesday, police said."),
        ("Daily Two", "2023-05-28", "Shelling of Kafr Zita",
         ("Shelling killed 5 people in Kafr Zita on Sunday, medics said. In May a car bomb "
          "killed 29 people at a checkpoint in Hama province, police said.")),
    ])
    assert claim(db, "29 people")["figure_id"] == claim(db, "27 people")["figure_id"]
    assert incident(db, "29 people") != incident(db, "5 people")


def test_a_named_group_and_the_people_its_report_counts_alike_are_one_toll(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-03-05", "Nine pilgrims killed in Homs bus bombing",
         ("A bomb on a bus killed at least nine people in Homs on Sunday, police said. "
          "Most of the passengers were on their way to a shrine.")),
        ("Daily Two", "2023-03-05", "Bus bombing in Homs",
         "A bomb hit a bus in Homs on Sunday and killed 11 people, a monitor said."),
    ])
    (pilgrims,) = db.query("select * from claims where text like '%pilgrims'")
    assert pilgrims["figure_id"] == claim(db, "11 people")["figure_id"] is not None


def test_a_named_group_counted_below_its_reports_headline_toll_is_a_part_of_it(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-03-05", "At least 60 killed in attack on Homs convoy",
         ("A car bomb hit a convoy of buses in Homs on Sunday, a monitor said. "
          "It said 48 evacuees were killed when the car bomb hit their buses on the road "
          "out of the city.")),
        ("Daily Two", "2023-03-05", "Convoy bombed in Homs",
         "A car bomb hit a convoy of buses in Homs on Sunday and killed 50 people, medics said."),
    ])
    assert claim(db, "48 evacuees")["figure_id"] is None
    (headline,) = db.query("select * from claims where value = 60")
    assert headline["figure_id"] == claim(db, "50 people")["figure_id"] is not None


def test_teachers_killed_as_many_as_the_dead_of_a_later_shelling_stay_apart(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-03-05", "Air strike on a school in Idlib kills seven teachers",
         ("An air strike hit a school in Idlib on Sunday, the education ministry said. "
          "Rescue workers searched the rubble of the classrooms until night, and parents "
          "waited at the gates of the school for news of their children, a reporter saw. "
          "The ministry said the school had been hit once before, in the spring, and had "
          "reopened only weeks ago after repairs paid for by a charity. On Sunday evening, "
          "shelling killed seven people in Idlib, medics said.")),
    ])
    (teachers,) = db.query("select * from claims where text like '%teachers'")
    assert teachers["figure_id"] != claim(db, "seven people")["figure_id"]


def test_a_regroup_takes_a_claim_out_of_a_figure_that_no_longer_holds_it(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-03-05", "Car bomb kills 30 in Homs",
         ("A car bomb killed 30 people in Homs on Sunday, including 12 children, a monitor "
          "said.")),
    ])
    figure = claim(db, "30 people")["figure_id"]
    db.execute("UPDATE claims SET figure_id = ? WHERE text = '12 children'", [figure])
    group_figures(db)
    assert claim(db, "12 children")["figure_id"] is None
    assert claim(db, "30 people")["figure_id"] == figure


def test_a_report_dated_the_first_of_a_month_joins_the_story_it_tells_of_the_day_before(
        tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-30", "Battle north of Aleppo",
         ("At least 68 regime and rebel fighters have been killed in 24 hours of battle around "
          "the Mallah farms north of Aleppo, a monitor said on Friday.")),
        ("Daily Two", "2023-07-01", "Battle north of Aleppo leaves 70 dead",
         ("Last updated at Jul 01 2023 BEIRUT An army assault north of Aleppo has failed. At "
          "least 70 regime and rebel fighters have been killed in 24 hours of battle around "
          "the Mallah farms north of Aleppo, a monitor said Friday.")),
    ])
    first = claim(db, "At least 68 regime and rebel fighters")
    assert first["figure_id"] == claim(db, "At least 70 regime and rebel fighters")["figure_id"]


def test_fighters_of_both_sides_are_a_battles_toll_not_the_one_side_another_report_names(
        tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-29", "Battle north of Aleppo",
         ("At least 70 regime and rebel fighters were killed in battles around the Mallah "
          "farms north of Aleppo on Thursday, a monitor said.")),
        ("Daily Two", "2023-06-29", "Army repels attack north of Aleppo",
         ("The army killed over 100 terrorists in battles around the Mallah farms north of "
          "Aleppo on Thursday, state media said.")),
    ])
    both = claim(db, "At least 70 regime and rebel fighters")
    assert both["figure_id"] != claim(db, "over 100 terrorists")["figure_id"]
    assert db["figures"].get(both["figure_id"])["subject_kind"] == "combatants of both sides"


def test_a_headline_toll_its_text_gives_as_more_dead_is_that_update(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-30", "40 terrorists killed in latest army offensive in Aleppo",
         ("The army pressed its offensive north of Aleppo on Friday. Approximately 40 more "
          "terrorists were killed around the Mallah farms, a military source said.")),
    ])
    (headline,) = db.query("select * from claims where value = 40 and sentence_start = 0")
    assert headline["figure_id"] is None


def test_the_country_that_struck_is_not_where_the_attack_was(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-29", "Israeli strike kills pro-government fighters",
         ("An Israeli air strike on a government-held village killed five pro-government "
          "fighters on Wednesday, a monitor said. The village lies near the ceasefire line, "
          "where drones have struck cars and outposts several times this year, and where "
          "residents say they hear the planes most nights. The army did not comment on the "
          "strike, and the militia that lost its men gave no names. Neighbours said the "
          "dead were buried the same evening. \"The plane hit a car inside the town of "
          "Douma killing two men from a militia\" the monitor's director said.")),
        ("Daily Two", "2023-07-29", "Drone strike on Douma",
         ("A drone strike hit a car in Douma on Wednesday and killed four pro-government "
          "fighters, state media said.")),
    ])
    five = claim(db, "five pro-government fighters")
    assert five["figure_id"] == claim(db, "four pro-government fighters")["figure_id"]
    assert db["incidents"].get(five["incident_id"])["place"] == "Douma"


def test_a_toll_dated_early_in_a_month_is_an_attack_recalled_not_the_months_total(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-02", "Police station bombed in Damascus",
         ("Two suicide bombers blew themselves up at a police station in Damascus on Monday, "
          "killing 17 people, the interior ministry said.")),
        ("Daily Two", "2023-10-20", "Mortar fire on Damascus",
         ("Mortar fire killed three people in Damascus on Friday, medics said. In early "
          "October two suicide bombers blew themselves up at a police station in Damascus "
          "killing 16 people, the ministry said. In October more than 60 civilians were "
          "killed by shelling across the province, a monitor said.")),
    ])
    assert claim(db, "16 people")["figure_id"] == claim(db, "17 people")["figure_id"]
    assert claim(db, "more than 60 civilians")["figure_id"] is None


def test_a_part_larger_than_every_count_of_its_kind_in_its_report_is_a_total(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-02", "Wedding bombed in Homs",
         ("A suicide bomber killed 14 people at a wedding in Homs on Monday, and 25 were "
          "wounded, medics said. A police source said the initial toll also included 55 "
          "injured.")),
        ("Daily Two", "2023-10-02", "Wedding bombing in Homs",
         "A suicide bomber struck a wedding in Homs on Monday, wounding 60 people, police said."),
    ])
    assert claim(db, "55 injured")["figure_id"] == claim(db, "60 people")["figure_id"] is not None


def test_a_provinces_toll_beside_a_smaller_toll_in_it_is_the_provinces_day_total(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-04", "Raids kill 44 in Hama",
         ("Government and allied warplanes killed at least 44 people in the central province "
          "of Hama on Sunday, a monitor said. At least 40 people were killed when a strike "
          "hit the bakery queue in the attack, medics said.")),
        ("Daily Two", "2023-06-04", "Bakery struck in Hama",
         "An air strike on a bakery in Hama on Sunday killed 41 people, medics said."),
        ("Gazette Three", "2023-06-05", "Gas attack in Hama",
         ("A gas attack killed at least 25 people in the central province of Hama on "
          "Monday, a monitor said. Rescuers said more than 20 people died in the attack.")),
    ])
    day, bakery = claim(db, "at least 44 people"), claim(db, "41 people")
    assert day["figure_id"] != bakery["figure_id"] == claim(db, "At least 40 people")["figure_id"]
    gas = claim(db, "at least 25 people")["figure_id"]
    assert gas is not None and gas == claim(db, "more than 20 people")["figure_id"]


def test_the_same_toll_does_not_join_reports_that_state_consecutive_days(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-04", "Shelling hits Aleppo market",
         ("Mortar fire on a crowded vegetable market in Aleppo killed 7 civilians on "
          "Tuesday, according to paramedics working nearby.")),
        ("Daily Two", "2023-07-05", "Funeral struck in Aleppo",
         ("Mourners leaving a cemetery in Aleppo were among 7 civilians killed on Wednesday "
          "when mortars landed beside the procession, witnesses told reporters.")),
    ])
    market, funeral = (row["figure_id"] for row in db.query(
        "select figure_id from claims where text = '7 civilians' order by published"))
    assert market != funeral


def test_an_attack_recalled_by_the_day_it_writes_out_joins_that_days_incident(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-03-12", "Car bomb at Damascus shrine",
         ("A car bomb near the Sitt Zainab shrine south of Damascus killed 9 people on "
          "Sunday, state media said.")),
        ("Daily Two", "2023-04-20", "Bomb in Homs",
         ("A bomb killed 4 people at a bus stop in Homs on Thursday, police said. The shrine "
          "has been hit before: the last car bomb there, on March 12, killed 11 people.")),
    ])
    assert claim(db, "9 people")["figure_id"] == claim(db, "11 people")["figure_id"] is not None
    assert claim(db, "4 people")["figure_id"] != claim(db, "9 people")["figure_id"]


def test_places_in_a_pages_tags_line_do_not_place_the_claim_after_it(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-14", "Air strike on Idlib market kills 14",
         ("Date of publication 14 May 2023 Tags Syria Russia Hama shelling At least 14 "
          "civilians were killed when an air strike hit a market on Sunday, a monitor said.")),
        ("Daily Two", "2023-05-14", "Market struck in Idlib",
         "An air strike on a market in Idlib on Sunday killed 16 civilians, rescuers said."),
    ])
    assert claim(db, "At least 14 civilians")["figure_id"] == (
        claim(db, "16 civilians")["figure_id"]) is not None


def test_a_toll_placed_in_several_provinces_is_no_one_provinces_attack(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-02-07", "Army strikes kill 30 militants in Aleppo",
         ("Army air strikes killed 30 militants near Aleppo on Tuesday, the ministry said. "
          "On Tuesday at least 9 militants were killed in army attacks in Hama and Idlib.")),
        ("Daily Two", "2023-02-07", "Air strikes near Aleppo",
         ("Air strikes killed 9 militants near Aleppo on Tuesday and destroyed their "
          "vehicles, the ministry said.")),
    ])
    several = claim(db, "at least 9 militants")
    (main,) = {r["incident_id"] for r in db.query("select * from claims where value = 30")}
    assert several["incident_id"] != main
    assert several["figure_id"] != claim(db, "9 militants")["figure_id"]


def test_a_toll_placed_in_several_provinces_is_apart_from_a_countrys_report_too(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-02-07", "Army kills 80 militants across Syria",
         ("The army killed 80 militants across Syria on Tuesday, the ministry said. "
          "Its statement listed the positions taken back in the north and the east, and the "
          "weapons seized there, and said the operations would go on until the roads between "
          "the cities were safe again. It gave no figure for the army's own losses, and no "
          "monitor could confirm the toll. Reporters were not allowed near the front lines "
          "that day. Later on Tuesday at least 12 militants were "
          "killed in army attacks in Hama and Idlib.")),
    ])
    (country,) = {r["incident_id"] for r in db.query("select * from claims where value = 80")}
    assert claim(db, "at least 12 militants")["incident_id"] != country


def test_counts_of_one_sentence_that_add_up_to_a_total_are_its_breakdown():
    first = "At least 26 soldiers were killed when jihadists overran a base on Saturday."
    later = ("The monitor said more than 20 soldiers were summarily executed 4 more were "
             "killed in a suicide attack and at least 2 others died in the assault.")
    other = "Elsewhere 6 soldiers and 3 civilians were killed in shelling."
    mentions = [mention(first, 0, 26), mention(later, 300, 20), mention(later, 300, 4, "update"),
                mention(later, 300, 2), mention(other, 500, 6), mention(other, 500, 3)]
    _breakdowns(mentions)
    assert [m.role for m in mentions] == ["total", "part", "part", "part", "total", "total"]


def test_counts_past_the_lead_that_add_up_to_its_total_are_its_breakdown():
    lead = "Rebel rockets killed at least 14 people in the west of the city on Wednesday."
    first = "State media said rockets on the Midan district killed 11 people."
    second = "Rockets on another district killed three people earlier in the day."
    mentions = [mention(lead, 0, 14), mention(first, 500, 11), mention(second, 600, 3)]
    _breakdowns(mentions)
    assert [m.role for m in mentions] == ["total", "part", "part"]
    mentions = [mention(lead, 0, 14), mention(first, 500, 11), mention(second, 600, 4)]
    _breakdowns(mentions)
    assert [m.role for m in mentions] == ["total", "total", "total"]


def test_the_other_tolls_of_a_place_by_place_breakdown_are_parts_too():
    lead = "Rebel rockets killed at least 9 people in the west of the city on Friday."
    first = "State media said rockets on the Midan district killed 6 people and wounded 20 others."
    second = "Rockets on another district killed three people and wounded 7 earlier in the day."
    later = "Doctors said 30 people were wounded in all."
    mentions = [mention(lead, 0, 9), mention(first, 500, 6), wounded(first, 500, 20),
                mention(second, 600, 3), wounded(second, 600, 7), wounded(later, 700, 30)]
    _breakdowns(mentions)
    assert [m.role for m in mentions] == ["total", "part", "part", "part", "part", "total"]
    mentions = [mention(lead, 0, 9), mention(first, 500, 6), wounded(first, 500, 20),
                mention(second, 600, 4), wounded(second, 600, 7)]
    _breakdowns(mentions)
    assert {m.role for m in mentions} == {"total"}


def test_a_span_its_report_also_gives_as_a_plain_total_is_that_total():
    lead = "At least 40 fighters were killed in a day of battle for the hills, a monitor said."
    later = "The monitor said 40 fighters had been killed in the past 24 hours."
    other = "More than 300 fighters have been killed there in the past month."
    mentions = [mention(lead, 60, 40), mention(later, 500, 40, "period"),
                mention(other, 600, 300, "period")]
    _spans_told_as_totals(mentions)
    assert [m.role for m in mentions] == ["total", "total", "period"]
    headline = "40 fighters killed in battle for the hills"
    mentions = [mention(headline, 0, 40), mention(later, 500, 40, "period")]
    _spans_told_as_totals(mentions)
    assert [m.role for m in mentions] == ["total", "period"]


def wounded(sentence: str, start: int, value: float) -> Mention:
    """A wounded count in a sentence starting at `start`, as grouping reads it."""
    return replace(mention(sentence, start, value), id=f"w{start}-{value}", metric="wounded")


def mention(sentence: str, start: int, value: float, role: str = "total") -> Mention:
    """A killed count in a sentence starting at `start`, as grouping reads it."""
    return Mention(id=f"{start}-{value}", article_id="a", outlet_id="o", start=start,
                   lead=start < 400, place=None, own_place=False, day=None, explicit_day=False,
                   role=role, metric="killed", unit="people", kind="fighters", value=value,
                   latitude=None, longitude=None, sentence=sentence, sentence_start=start)


def test_a_lead_that_names_other_incidents_keeps_their_toll_apart(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-10", "Jets pound Aleppo",
         ("Jets pounded eastern Aleppo on Tuesday, killing 26 people, rescuers said. Nineteen "
          "others were killed in two more incidents of violence. Nine people were also "
          "wounded in the raids.")),
        ("Daily Two", "2023-10-10", "Raids on eastern Aleppo",
         "Jets pounded eastern Aleppo on Tuesday, killing 24 people, a monitor said."),
    ])
    raid = claim(db, "26 people")["figure_id"]
    assert raid is not None and raid == claim(db, "24 people")["figure_id"]
    assert claim(db, "Nineteen others")["figure_id"] != raid
    assert incident(db, "Nine people") == incident(db, "26 people")


def test_a_span_that_measures_a_superlative_leaves_the_toll_one_attacks(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-15", "Strikes near Manbij",
         ("Air strikes killed at least 30 civilians in two villages near Manbij on Sunday, the "
          "first report of heavy civilian losses since the start of the offensive, a monitor "
          "said.")),
        ("Daily Two", "2023-05-15", "Villages near Manbij bombed",
         "Air strikes killed 30 civilians in two villages near Manbij on Sunday, medics said."),
        ("Gazette Three", "2023-05-16", "War toll",
         "The war has killed at least 45 civilians in Manbij since the start of the offensive."),
    ])
    strikes = claim(db, "at least 30 civilians")
    assert strikes["figure_id"] is not None
    assert strikes["figure_id"] == claim(db, "30 civilians")["figure_id"]
    war = claim(db, "at least 45 civilians")
    assert db["figures"].get(war["figure_id"])["cumulative"] == 1


def test_a_report_is_joined_by_its_likeness_to_the_reports_of_near_days_only(tmp_path):
    db = grouped(tmp_path, [
        ("Daily Two", "2023-10-05", "Mortar fire on Deir ez-Zor",
         ("Get short URL. Mortar shells fired by militants on the Qousour district in Deir "
          "ez-Zor province killed three civilians, the news agency reported.")),
        ("Wire One", "2023-10-06", "Deaths near Mayadin",
         "Fourteen people fleeing across the river died near Mayadin, rescuers told reporters."),
        ("Daily Two", "2023-10-07", "Militants shelled in Mayadin",
         ("Get short URL. Mortar shells fired by the army on militants in Mayadin killed 80 "
          "fighters, the news agency reported.")),
    ])
    assert incident(db, "three civilians") != incident(db, "Fourteen people")


def test_a_toll_told_as_another_attacks_is_dated_by_its_own_sentence(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-10", "Gas attack on Aleppo",
         ("A toxic gas attack on Aleppo killed four people on Wednesday, medics said. "
          f"{FILLER}Meanwhile 12 civilians were also killed on Tuesday in Aleppo, "
          "activists said.")),
    ])
    four, twelve = claim(db, "four people"), claim(db, "12 civilians")
    assert four["incident_id"] != twelve["incident_id"]
    row = db["incidents"].get(twelve["incident_id"])
    assert row["date_from"] == "2023-08-08"


def test_a_report_told_before_the_day_another_states_is_another_attacks(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-15", "Barrel bombs on Aleppo province",
         ("Helicopters dropped barrel bombs on villages in Aleppo province, killing eight "
          "civilians, a monitor said.")),
        ("Daily Two", "2023-07-16", "Barrel bombs on al-Bab",
         ("Helicopters dropped barrel bombs on the town of al-Bab in Aleppo province on "
          "Sunday, killing 11 civilians, a monitor said.")),
    ])
    assert incident(db, "eight civilians") != incident(db, "11 civilians")


def test_another_attack_with_no_place_of_its_own_is_where_the_text_before_it_was(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-02-22", "Car bomb in Qardaha",
         ("A car bomb killed four people in Qardaha on Sunday, a monitor said. "
          f"{FILLER}Rebels and troops fought on the edges of Aleppo through the day. Six "
          "people were also reported killed in rebel shelling of the city.")),
    ])
    six = claim(db, "Six people")
    assert six["incident_id"] != incident(db, "four people")
    assert db["incidents"].get(six["incident_id"])["region"] == "Aleppo Governorate"


def test_a_city_and_its_provinces_toll_with_one_raids_dead_among_it_is_no_raids_toll(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-12", "Air raid on aid convoy near Hama",
         ("At least 22 civilians were killed in overnight bombardment of Hama and the "
          f"surrounding province, a monitor said. {FILLER}Those killed included 9 aid workers "
          "who died in a raid on a convoy near the city.")),
        ("Daily Two", "2023-06-12", "Air raid on aid convoy near Hama",
         ("An air raid on an aid convoy near Hama killed 12 civilians overnight, the Red "
          "Crescent said.")),
    ])
    assert claim(db, "At least 22 civilians")["figure_id"] != claim(db, "12 civilians")["figure_id"]


def test_a_provinces_toll_told_with_its_own_breakdown_stays_the_attacks(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-12", "Air raid on market in Hama province",
         ("At least 14 civilians including 3 children were killed in an air raid on a market "
          "in Hama province, a monitor said.")),
        ("Daily Two", "2023-06-12", "Air raid on market in Hama province",
         "An air raid on a market in Hama province killed 12 civilians, medics said."),
    ])
    assert claim(db, "At least 14 civilians")["figure_id"] == claim(db, "12 civilians")["figure_id"]


def test_tolls_whose_sentences_state_days_two_apart_are_not_joined_by_their_words(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-03", "Air strikes on Aleppo",
         ("Thursday 12 Oct 2023 Air strikes on the rebel-held east of Aleppo province killed "
          "30 people, a monitor said. Four people were also killed and 14 wounded "
          "during rebel fire on the government-held west of Aleppo province on Tuesday.")),
        ("Daily Two", "2023-10-30", "Rockets hit a school",
         ("Rebel rockets killed six children at a school in Aleppo province on Sunday, state "
          f"media said. {FILLER}Earlier, on October 12, state media reported that four people "
          "had been killed in rebel fire on a school in the government-held west of Aleppo.")),
    ])
    tuesday, thursday = claim(db, "Four people"), claim(db, "four people")
    assert tuesday["incident_id"] and thursday["incident_id"]
    assert tuesday["incident_id"] != thursday["incident_id"]


def test_a_countrys_toll_of_separate_raids_is_no_one_raids_figure(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-01", "Air raids kill 25 civilians",
         ("Separate air raids in northern Syria killed at least 25 civilians on Friday, a "
          "monitor said. Regime aircraft struck a crowded market in Manbij, killing 11 "
          "people.")),
        ("Daily Two", "2023-07-01", "Regime raid on Manbij market",
         "A regime air raid killed 16 civilians at a market in Manbij on Friday, medics said."),
    ])
    assert claim(db, "16 civilians")["figure_id"]
    assert claim(db, "at least 25 civilians")["figure_id"] != claim(db, "16 civilians")[
        "figure_id"]


@pytest.mark.parametrize(("where", "one"), [
    ("the eastern city of Deir ez-Zor", False),  # a town of its own, not Mayadin
    ("the eastern province of Deir ez-Zor", True),
])
def test_a_report_naming_its_provinces_city_joins_another_town_only_when_much_alike(
        tmp_path, where, one):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-05", "Strikes on civilians fleeing Mayadin",
         ("Russian air strikes killed 38 civilians crossing the Euphrates river near the town "
          "of Mayadin in Deir ez-Zor province on Thursday, a monitor said.")),
        ("Daily Two", "2023-10-05", "Missile hits a school",
         (f"A missile slammed into a school in {where} on Thursday evening and 15 civilians "
          "were killed, activists reported, blaming the jihadists besieging its "
          "government-held districts.")),
    ])
    school, crossing = incident(db, "15 civilians"), incident(db, "38 civilians")
    assert school and crossing
    assert (school == crossing) is one


SINCE_REPORTS = [
    ("Wire One", "2023-07-01", "Coalition toll",
     "Coalition air strikes have killed more than 1,200 people in Syria since September 2014."),
    ("Daily Two", "2023-07-03", "Coalition strikes",
     "Strikes by the coalition have killed at least 1,250 people in Syria since September 2014."),
    ("Gazette Three", "2023-07-02", "Toll of the war",
     "The war in Syria has killed more than 1,300 people in the north since 2011."),
    ("Wire One", "2023-07-04", "Northern toll",
     "The conflict began in 2011. Since then at least 1,320 people have been killed in Syria."),
]


@pytest.fixture(scope="module")
def since_db(tmp_path_factory):
    return grouped(tmp_path_factory.mktemp("since"), SINCE_REPORTS)


def test_running_totals_since_another_start_are_another_series(since_db):
    """The coalition's toll since September 2014 and the war's since 2011 are two series,
    however close their values; a total "since then" in a report on the war is the war's."""
    coalition = [claim(since_db, t) for t in ("more than 1,200 people", "at least 1,250 people")]
    war = [claim(since_db, t) for t in ("more than 1,300 people", "at least 1,320 people")]
    assert all(c["role"] == "running" for c in coalition + war)
    assert coalition[0]["figure_id"] == coalition[1]["figure_id"]
    assert war[0]["figure_id"] == war[1]["figure_id"] != coalition[0]["figure_id"]
    figure = since_db["figures"].get(coalition[0]["figure_id"])
    assert figure["since"] == "2014-09" and "since September 2014" in figure["label"]
    assert since_db["figures"].get(war[0]["figure_id"])["since"] is None


@pytest.mark.parametrize(("date_text", "sentence", "start"), [
    ("since the conflict began", None, ""),
    ("since then", None, ""),
    ("so far", None, ""),
    ("since the start of its", None, ""),
    ("since 2011", "The civil war, ongoing since 2011, has killed 900.", ""),
    ("since 2011", "Strikes have killed 900 since 2011.", "2011"),
    ("since March 2013", "Strikes have killed 900 since March 2013.", "2013-03"),
    ("Sunday; since the siege", "The siege has killed 90.", "since the siege"),
])
def test_a_series_starts_where_its_span_says(date_text, sentence, start):
    """The war's running totals share a start; a month, a year or a named event is its own."""
    assert series_start(date_text, sentence) == start


@pytest.mark.parametrize(("opening", "apart"), [
    ("The shelling came a day after rockets killed fifteen civilians in the district.", True),
    ("A day after the truce collapsed, the shells had killed fifteen civilians there.", False),
])
def test_a_toll_told_as_a_day_before_the_reports_attack_is_another_attack(
        tmp_path, opening, apart):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-10", "Shelling of an Aleppo district",
         ("Rebel shells killed 12 civilians in the Salah Eddin district of Aleppo on "
          f"Wednesday, state media said. {FILLER}{opening}")),
    ])
    twelve, fifteen = claim(db, "12 civilians"), claim(db, "fifteen civilians")
    assert (twelve["incident_id"] != fifteen["incident_id"]) is apart
    if apart:
        assert db["incidents"].get(fifteen["incident_id"])["date_from"] == "2023-05-09"


@pytest.mark.parametrize(("attack", "apart"), [
    ("A rebel barrage on the city", True),
    ("Regime air raids on the city", False),
])
def test_a_toll_told_as_another_sides_attack_than_the_leads_is_another_attack(
        tmp_path, attack, apart):
    db = grouped(tmp_path, [
        ("Wire One", "2023-02-13", "Air strikes on Aleppo",
         ("Government air strikes killed 15 people in Aleppo on Monday, a monitor said. "
          f"{FILLER}{attack} killed ten people, among them a child, the monitor said.")),
    ])
    fifteen, ten = claim(db, "15 people"), claim(db, "ten people")
    assert (fifteen["figure_id"] != ten["figure_id"]) is apart


def test_a_toll_also_killed_on_another_day_in_the_lead_is_another_attack(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-12", "Barrel bombs on an Aleppo village",
         ("Barrel bombs killed 18 civilians in a village of Aleppo province, a monitor said. "
          "Twenty-six civilians were also killed on Tuesday when jets pounded a district of "
          "Aleppo city.")),
    ])
    eighteen, twenty_six = claim(db, "18 civilians"), claim(db, "Twenty-six civilians")
    assert eighteen["figure_id"] != twenty_six["figure_id"]
    assert db["incidents"].get(eighteen["incident_id"])["date_from"] == "2023-07-12"


def test_a_toll_of_a_similar_attack_is_another_attacks(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-08-25", "Rockets on Aleppo",
         ("Rocket shells killed three people in the Hamdaniyeh district of Aleppo, state "
          f"media said. {FILLER}Two people were killed in a similar rocket attack on a "
          "district of Aleppo city.")),
    ])
    assert claim(db, "three people")["figure_id"] != claim(db, "Two people")["figure_id"]


def test_a_toll_another_report_gives_as_a_part_of_its_total_is_no_rival_count(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-17", "Raids on Manbij",
         ("Coalition raids killed 21 civilians in and around Manbij on Monday, including 15 "
          "in a northern district of the town, a monitor said.")),
        ("Daily Two", "2023-07-17", "Raids on Manbij",
         "Coalition raids killed 23 civilians in Manbij on Monday, activists said."),
        ("Gazette Three", "2023-07-17", "Raids on a Manbij district",
         "Coalition raids killed 15 civilians in a district of Manbij on Monday, medics said."),
    ])
    whole = claim(db, "21 civilians")["figure_id"]
    assert whole and claim(db, "23 civilians")["figure_id"] == whole
    assert claim(db, "15 civilians")["figure_id"] != whole


def test_a_leads_other_count_of_its_own_attack_also_told_stays_with_it(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-14", "Car bomb kills 21 in Daraa",
         ("A car bomb struck a rally in Daraa, a monitor said. The bomb killed 21 people late "
          "on Thursday and also wounded at least 30 people, the monitor said.")),
    ])
    assert len({r["incident_id"] for r in db.query("select incident_id from claims")}) == 1


def test_an_aircraft_downed_and_the_air_raids_on_its_town_that_day_are_two_figures(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-05", "Helicopter downed near Kafr Zita",
         ("A military helicopter was downed near Kafr Zita in Hama province on Monday, killing all "
          "four people "
          "on board, the defence ministry said.")),
        ("Daily Two", "2023-06-05", "Four dead as helicopter crashes",
         ("A helicopter crashed near Kafr Zita on Monday and 4 people on board were killed, "
          "officials said.")),
        ("Gazette Three", "2023-06-05", "Air raids kill 14 in Hama province",
         ("Army helicopters and jets struck Hama province on Monday, killing 14 people, "
          "rescuers said.")),
    ])
    crash = claim(db, "4 people")
    assert crash["figure_id"] == claim(db, "four people")["figure_id"]
    assert crash["figure_id"] != claim(db, "14 people")["figure_id"]


def test_a_deals_planned_evacuees_are_no_rival_of_those_a_convoy_carried(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-04-15", "Convoy leaves Douma",
         ("A convoy of buses evacuated 4,000 people from Douma on Saturday, officials said. "
          "The deal is set to see more than 20,000 people evacuated in two stages.")),
        ("Daily Two", "2023-04-15", "Douma evacuation under way",
         ("Buses evacuated about 4,200 people from Douma on Saturday, officials said. More "
          "than 20,000 people are set for evacuation under the deal.")),
    ])
    done, planned = claim(db, "4,000 people"), claim(db, "More than 20,000 people")
    assert done["figure_id"] == claim(db, "about 4,200 people")["figure_id"]
    assert planned["figure_id"] != done["figure_id"]
    label = db["figures"].get(planned["figure_id"])["label"]
    assert label.startswith("People evacuated (planned) in Douma"), label
    assert "planned" not in db["figures"].get(done["figure_id"])["label"]


def test_a_report_of_a_weekends_raid_keeps_its_headline_toll_apart_from_mondays(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-06-06", "Barrel bomb kills 6 in Idlib province",
         ("A barrel bomb killed 6 people in a market in Idlib province on Monday, a monitor "
          "said.")),
        ("Daily Two", "2023-06-06", "Air strikes destroy Idlib clinic leaving 11 dead",
         ("A clinic in Idlib province was destroyed by air strikes over the weekend that killed "
          "11 people the charity said on Monday.")),
    ])
    headline = claim(db, "11 dead")
    assert headline["figure_id"] == claim(db, "11 people")["figure_id"]
    assert headline["incident_id"] != incident(db, "6 people")
    recalled = db["incidents"].get(headline["incident_id"])
    assert (recalled["date_from"], recalled["date_to"]) == ("2023-06-03", "2023-06-04")


def test_a_round_up_of_strikes_on_two_towns_gives_two_figures(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-07", "Strikes kill dozens of fighters in Syria",
         ("Russian strikes killed dozens of fighters in Syria on Saturday, the ministry said. "
          "Some 40 fighters were killed around the town of Albu Kamal. Up to 80 fighters "
          "were killed in the area of Mayadin.")),
    ])
    assert claim(db, "Some 40 fighters")["figure_id"] != claim(db, "Up to 80 fighters")["figure_id"]


def test_a_country_report_summing_separate_raids_joins_no_towns_incident(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-01", "Air raids kill 25 civilians in Syria",
         ("Separate air raids in northern Syria killed at least 25 civilians on Friday, a "
          "monitor said.")),
        ("Daily Two", "2023-07-01", "Air raid kills 16 civilians in a market in Aleppo",
         ("An air raid on a market in Aleppo killed at least 16 civilians on Friday, a "
          "monitor said. Air raids also hit northern Syria.")),
    ])
    assert incident(db, "at least 25 civilians") != incident(db, "at least 16 civilians")


def test_a_headline_toll_follows_the_equal_toll_its_text_sets_apart(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-07-01", "Syria air raids kill 25 civilians",
         ("Separate air raids in northern Syria killed at least 25 civilians on Friday, a "
          "monitor said. An air raid on a market in Aleppo killed 11 people, the monitor "
          "said.")),
        ("Daily Two", "2023-07-01", "Air raid kills 16 civilians in Aleppo",
         ("An air raid on a market in Aleppo killed at least 16 civilians on Friday, a "
          "monitor said.")),
    ])
    headline = claim(db, "25 civilians")
    assert headline["incident_id"] == incident(db, "at least 25 civilians")
    assert headline["figure_id"] != claim(db, "at least 16 civilians")["figure_id"]


def test_a_weekday_that_is_the_texts_own_date_line_holds_whatever_the_feed_date(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-09-22", "Jets strike Kafr Zita",
         "Air strikes on Kafr Zita in Hama province killed 14 people on Friday, medics said."),
        ("Daily Two", "2023-09-14", "Jets strike Kafr Zita again",
         ("Published September 23 2023 Air strikes on Kafr Zita in Hama province killed 9 "
          "people on Saturday, medics said.")),
    ])
    assert incident(db, "14 people") != incident(db, "9 people")


def _placed(value: float, place: Place | None) -> Mention:
    """A total of one report, placed by its own sentence at `place`."""
    return replace(mention("", 0, value), article_id=f"a{value}", place=place,
                   own_place=place is not None)


SARAQEB = Place("town", "Saraqeb", "Idlib Governorate", "Syria")
INCIDENT_ROW = {"place": "Saraqeb", "level": "town", "region": "Idlib Governorate",
                "country": "Syria", "latitude": 35.86, "longitude": 36.8}


@pytest.mark.parametrize(("places", "label_place"), [
    # the reports name the incident's town, its province or its country: the incident's
    ([SARAQEB, Place("region", "Idlib Governorate", "Idlib Governorate", "Syria")], "Saraqeb"),
    ([Place("country", "Syria", None, "Syria"), None], "Saraqeb"),
    # the same town spelled with its article
    ([Place("town", "Al Saraqeb", "Idlib Governorate", "Syria")] * 2, "Saraqeb"),
    # most name another village: theirs, or the province it shares with the incident's
    ([Place("town", "Binnish", "Idlib Governorate", "Syria")] * 2, "Binnish"),
    ([Place("town", "Binnish", "Idlib Governorate", "Syria")] * 2 + [SARAQEB],
     "Idlib Governorate"),
    # most name other places that share only a province, or only a country: that
    ([Place("town", "Binnish", "Idlib Governorate", "Syria"),
      Place("town", "Taftanaz", "Idlib Governorate", "Syria")], "Idlib Governorate"),
    ([Place("town", "Binnish", "Idlib Governorate", "Syria"),
      Place("region", "Hama Governorate", "Hama Governorate", "Syria")], "Syria"),
])
def test_a_figure_is_placed_where_its_own_reports_place_it(places, label_place):
    members = [_placed(10 + n, p) for n, p in enumerate(places)]
    assert _members_where(INCIDENT_ROW, members)["place"] == label_place


def test_a_projected_toll_is_no_rival_of_the_counted_one(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-05-20", "Quake kills 40 in Latakia",
         ("An earthquake killed 40 people in Latakia on Saturday, officials said. The death toll "
          "could reach as many as 300, the governor warned.")),
        ("Daily Two", "2023-05-20", "Latakia quake toll at 42",
         ("The earthquake in Latakia on Saturday killed 42 people, rescuers said. The toll is "
          "expected to rise to 250.")),
    ])
    counted = claim(db, "40 people")
    assert counted["figure_id"] and counted["figure_id"] == claim(db, "42 people")["figure_id"]
    for projected in (claim(db, "as many as 300"), claim(db, "250")):
        assert projected["role"] == "projected"
        assert projected["figure_id"] is None
        assert projected["incident_id"] == counted["incident_id"]


def test_a_toll_spread_over_the_points_of_a_country_is_no_provinces_attack(tmp_path):
    db = grouped(tmp_path, [
        ("Wire One", "2023-10-13", "Strikes in Syria",
         ("Air strikes killed 21 civilians in the south and northeast of Syria on Friday, a "
          "monitor said.")),
        ("Daily Two", "2023-10-13", "Barrel bombs hit Daraa",
         "Barrel bombs killed 21 civilians in Daraa province on Friday, activists said."),
    ])
    rows = list(db.query("select * from claims where text = '21 civilians'"))
    spread, daraa = sorted(rows, key=lambda r: r["place"] != "Syria")
    assert spread["place"] == "Syria" and daraa["place"] == "Daraa Governorate"
    assert spread["figure_id"] != daraa["figure_id"]
