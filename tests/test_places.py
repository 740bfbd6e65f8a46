import pickle
import re

import pytest
import regex

from claims import extract
from claims.extraction import places
from claims.extraction.patterns import folded
from claims.extraction.places import GAZETTEER, locate, normalise


def where(sentence, figure="12"):
    start = sentence.index(figure)
    return locate(sentence, 0, len(sentence), start, start + len(figure))


def test_town_with_region_country_and_coordinates():
    place = where("At least 12 people were killed in Aleppo, according to the monitor.")
    assert (place.name, place.surface) == ("Aleppo", "Aleppo")
    assert place.region == "Aleppo Governorate"
    assert place.country == "Syria"
    assert 35 < place.latitude < 37 and 36 < place.longitude < 38


def test_spelling_variants_meet():
    a = where("Air strikes on Khan Shaykhun killed 12 people.")
    b = where("Air strikes on Khan Sheikhoun killed 12 people.")
    c = where("Shelling of Duma killed 12 people.")
    assert a.name == b.name == "Khan Sheikhoun"
    assert a.surface == "Khan Shaykhun" and b.surface == "Khan Sheikhoun"
    assert a.region == "Idlib Governorate"
    assert (c.name, c.region) == ("Douma", "Rif Dimashq Governorate")


def test_gazetteer_town_maps_to_its_governorate():
    place = where("Clashes near Saraqib left 12 people dead.")
    assert place.region == "Idlib Governorate"
    iraq = where("A car bomb in Tikrit killed 12 people.")
    assert (iraq.country, iraq.region) == ("Iraq", "Salah al-Din Governorate")


def test_province_cue_gives_the_region():
    place = where("At least 12 people were killed in Idlib province on Tuesday.")
    assert place.name == "Idlib Governorate" and place.region == "Idlib Governorate"
    rural = where("Shelling killed 12 people in rural Damascus.")
    assert rural.name == "Rif Dimashq Governorate"
    countryside = where("Shelling killed 12 people in the Deir Ezzor countryside.")
    assert countryside.name == "Deir ez-Zor Governorate"


def test_bare_capital_name_is_the_city_and_damascus_stays_damascus():
    assert where("Mortars killed 12 people in Damascus.").region == "Damascus Governorate"


def test_town_preferred_to_its_province_and_nearest_place_wins():
    place = where("Air strikes on Saraqeb in Idlib province killed 12 people.")
    assert place.name == "Saraqeb"
    near = where("After the fighting in Homs, 12 people were killed in Hama.")
    assert near.name == "Hama"


def test_possessive_country_is_a_cue_and_country_is_last_resort():
    assert where("A blast in Syria's Idlib killed 12.").name == "Idlib"
    assert where("A blast in Syrias Idlib killed 12.").name == "Idlib"
    country = where("More than 12 people were killed in Syria.")
    assert (country.name, country.region, country.country) == ("Syria", None, "Syria")


@pytest.mark.parametrize("sentence", [
    # common words, people, months
    "Mobile phone sales rose by 12 percent.",
    "The Deal was worth 12 million dollars.",
    "President Bashar al-Assad said 12 people were freed.",
    "In March 12 people were arrested.",
    "Victoria said 12 people were hurt.",  # a gazetteer town without a cue is not trusted
    # institutions, surnames, attributes, borders
    "Researchers at the University of Munich tested 12 samples.",
    "Officials of the Obama administration said 12 people were hurt.",
    "According to a Brookings analysis, 12 percent of jobs went.",
    "The White House said 12 people were hurt.",
    "Shelling near the Turkey border killed 12 people.",
])
def test_names_that_are_no_place(sentence):
    assert where(sentence) is None


def test_cue_words_admit_gazetteer_towns():
    place = where("A storm in Mobile killed 12 people.")
    assert place is None  # "Mobile" is on the list of words that are rarely places
    assert where("A storm in Houston killed 12 people.").country == "United States"


def test_the_syrian_capital():
    place = where("Shells hit the Syrian capital, killing 12 people.")
    assert place.name == "Damascus"


def test_sentence_bounds_are_respected():
    text = "Fighting raged in Aleppo. Elsewhere 12 people died."
    start = text.index("12")
    end_of_first = text.index(" Elsewhere")
    assert locate(text, end_of_first + 1, len(text), start, start + 2) is None


def test_capitalised_cue_and_full_stop():
    assert where("In Syria 12 people died.").name == "Syria"
    place = where("Twelve people, 12 in all, died in Aleppo.")
    assert place.surface == "Aleppo"  # the sentence's full stop is not part of the name
    assert where("The 12 people died in the U.S.").surface == "U.S."


def test_organisations_are_not_places():
    assert where("According to the UN 12 people died.") is None
    assert where("According to SANA 12 people died.") is None


def place_of(text, figure="12"):
    """The place extract() gives the first claim whose text starts with `figure`."""
    return next(c for c in extract(text) if c.text.startswith(figure))


STORM = "Storms hit Texas\n\nThe worst came overnight. "


def cars(text):
    """The place of the claim on 12 cars in a storm story whose headline names Texas."""
    claim = next(c for c in extract(STORM + text, published="2016-01-05") if "12" in c.text)
    return claim.place


def test_a_figure_takes_the_one_place_the_sentence_before_names():
    assert cars("Roads iced over in Dallas. More than 12 cars crashed.") == "Dallas"
    assert cars("\n\nRoads iced over in Dallas.\n\nMore than 12 cars crashed.") == "Dallas"


def test_a_place_two_paragraphs_back_or_named_in_passing_is_not_carried():
    far = "Roads iced over in Dallas.\n\nSchools closed.\n\nMore than 12 cars crashed."
    assert cars(far) == "Texas"
    passing = "\n\nDrivers headed to Dallas.\n\nMore than 12 cars crashed."
    assert cars(passing) == "Texas"


def test_a_sentence_naming_several_places_passes_on_none():
    text = "Roads iced over in Dallas and in Tulsa. More than 12 cars crashed."
    assert cars(text) == "Texas"


def test_a_place_the_gazetteer_does_not_know_keeps_the_sentence_its_own():
    text = "Roads iced over in Dallas. More than 12 cars crashed on Elm Street."
    assert cars(text) == "Texas"


def test_extract_takes_the_headline_place_when_the_sentence_names_none():
    text = (
        "Shelling hits Douma\n\n"
        "At least 12 people were killed, a monitor said. Another 40 were wounded in Harasta."
    )
    killed, wounded = extract(text)
    assert (killed.value, killed.place, killed.place_text) == (12, "Douma", "Douma")
    assert killed.region == "Rif Dimashq Governorate"
    assert (wounded.value, wounded.place_text) == (40, "Harasta")
    assert extract("At least 12 people were killed, a monitor said.")[0].place is None


def test_the_lead_gives_the_place_when_the_headline_names_none():
    text = "Shelling in the north\n\nJets struck the town of Saraqib. Rescuers said 12 died."
    assert place_of(text).place == "Saraqeb"
    two = "Shelling in the north\n\nJets struck Saraqib and Douma. Rescuers said 12 died."
    assert place_of(two).place is None  # two places: the lead says no one place


def test_national_figures_take_the_country_the_article_is_about():
    text = (
        "Growth returns\n\n"
        "Nigeria's factories are busy again. The Nigerian economy grew 12 percent, the "
        "statistics office said."
    )
    claim = place_of(text)
    assert (claim.place, claim.country) == ("Nigeria", "Nigeria")


def test_a_demonym_alone_says_whose_not_where():
    assert place_of("Russian jets killed 12 people on Sunday.").place is None


def test_dateline_gives_the_article_place_in_its_country():
    text = "Storm hits the coast\n\nTIJUANA, Mexico (Wire) - Police said 12 people had died."
    claim = place_of(text)
    assert (claim.place, claim.country) == ("Tijuana", "Mexico")
    elsewhere = (
        "Museum attack\n\nCAIRO — Gunmen stormed a museum in Tunisia on Wednesday. "
        "Officials in Tunisia said 12 people died."
    )
    assert place_of(elsewhere).place == "Tunisia"  # the reporter was in Cairo


def test_first_level_divisions_of_any_country():
    state = where("Gunmen killed 12 people in Guerrero state on Friday.")
    assert (state.name, state.region, state.country) == ("Guerrero", "Guerrero", "Mexico")
    region = where("Air strikes killed 12 villagers in Sagaing Region.")
    assert (region.name, region.country) == ("Sagaing", "Myanmar")
    shan = where("Troops killed 12 people in northern Shan State.")
    assert (shan.region, shan.country) == ("Shan", "Myanmar")


def test_towns_of_any_country_and_their_everyday_names():
    assert where("Gunmen killed 12 men in Acapulco.").country == "Mexico"
    assert where("Gunmen killed 12 men in Zitlala.").country == "Mexico"  # 6,000 people
    assert where("A shooting in Juarez left 12 dead.").name == "Ciudad Juárez"
    assert where("Gunmen killed 12 men in Caborca.").name == "Heroica Caborca"  # 60,000 people
    assert where("Gunmen killed 12 men in Zitácuaro.").name == "Heróica Zitácuaro"  # accented
    assert where("Police found 12 bodies in Cd. Mante.").name == "Ciudad Mante"  # abbreviated


def test_a_town_in_a_province_named_like_its_capital_is_the_town():
    found = where("Jets hit the town of Saraqib in Idlib, killing 12 people.")
    assert (found.name, found.region) == ("Saraqeb", "Idlib Governorate")
    assert where("Jets hit Idlib, killing 12 people.").name == "Idlib"


@pytest.mark.parametrize("sentence, place, region", [
    ("Gunmen killed 12 people in Springfield, Massachusetts, on Sunday.", "Springfield",
     "Massachusetts"),  # not Missouri's, the largest Springfield
    ("Gunmen killed 12 people in Springfield, Mass., on Sunday.", "Springfield", "Massachusetts"),
    ("A shootout in Cuauhtémoc, Chih., left 12 dead.", "Cuauhtémoc", "Chihuahua"),
    ("A shootout in Cuauhtémoc, Chihuahua, left 12 dead.", "Cuauhtémoc", "Chihuahua"),
    ("A storm killed 12 people in Paris, Texas.", "Paris", "Texas"),
    ("Gunmen killed 12 men in Jerez, Zacatecas.", "Jerez de García Salinas", "Zacatecas"),
    # a town the gazetteer does not know in that state: the state, not a namesake elsewhere
    ("A storm killed 12 people in Cuauhtémoc, Yuc.", "Yucatán", "Yucatán"),
])
def test_a_town_followed_by_its_state_is_that_states_town(sentence, place, region):
    found = where(sentence)
    assert (found.name, found.region) == (place, region)


@pytest.mark.parametrize("sentence, region", [
    ("Gunmen killed 12 men in Caborca.", "Sonora"),  # geonames code MX.26
    ("Floods killed 12 people in Chennai.", "Tamil Nādu"),  # IN.25
    ("A bus crash killed 12 near Pune.", "Mahārāshtra"),  # pycountry's spelling
])
def test_towns_of_numbered_divisions_carry_their_region(sentence, region):
    assert where(sentence).region == region


def test_a_province_cue_takes_the_towns_own_countrys_region():
    # "Plateaux" is a region of Togo and of the Congo: Ngo in the Congo stays in the Congo
    found = where("Troops killed 12 people in the Ngo region.")
    assert found is None or found.country != "Togo"


def test_the_hierarchy_picks_the_country():
    helmand = where("Two civilians and 12 police were killed in Nawa district of Helmand province.")
    assert (helmand.name, helmand.country) == ("Helmand", "Afghanistan")  # not Nawa in Syria
    shan = where("Shelling killed 12 people in Lashio, Shan State.")
    assert (shan.name, shan.country) == ("Lashio", "Myanmar")


def test_the_article_country_chooses_between_towns_of_one_name():
    text = "Tornadoes across the United States\n\nA tornado killed 12 people in Linden."
    assert place_of(text).country == "United States"
    assert where("A tornado killed 12 people in El Carmen.") is None  # anyone's El Carmen


def test_headline_capitals_do_not_hide_a_town():
    assert place_of("Twelve Dead in Acapulco Shooting", "Twelve").place == "Acapulco de Juárez"
    assert place_of("Acapulco Massacre: 12 People Killed", "12").place == "Acapulco de Juárez"


def test_an_attribute_country_gives_way_and_a_bank_is_no_town():
    assert where("Police found 12 rifles in a US truck parked in Mexico.").name == "Mexico"
    bank = place_of("The Bank of Canada raised its rate by 12 basis points.")
    assert bank.place == "Canada"  # the national figure, never a town called Bank


def test_gazetteer_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = places._cache_path()
    assert path.is_relative_to(tmp_path) and not path.exists()
    built = places._tables()  # builds and stores
    assert path.exists()
    assert places._tables() == built == pickle.loads(path.read_bytes())
    assert built["gazetteer"] == GAZETTEER
    path.write_bytes(b"not a pickle")
    assert places._tables() == built  # a broken cache is rebuilt, never an error


def test_normalise_folds_accents_and_hyphens():
    assert normalise("Dūmā") == normalise("duma") == "duma"
    assert normalise("Deir ez-Zor") == "deir ez zor"
    assert places.lookup(normalise("Ḩamāh")).region == "Hama Governorate"


def test_a_place_people_came_from_is_not_where_they_were_killed():
    text = ("A car bomb killed 98 evacuees from the northern towns of Foua and Kafraya at a "
            "transit point west of Aleppo, the monitor said.")
    (toll,) = extract(text, published="2017-04-16")
    assert toll.place == "Aleppo"


def test_a_figure_whose_only_place_is_an_origin_takes_none_from_it():
    text = ("The coastguard said on Tuesday that it was searching for survivors after a boat "
            "capsized. Officials said 40 migrants from Foua drowned when the boat sank.")
    (toll,) = [c for c in extract(text, published="2017-04-16") if c.value == 40]
    assert toll.place != "Foua"


def test_the_state_points_back_at_the_state_named_before_in_its_paragraph():
    text = ("Hiring report\n\nHiring slowed across the region last year. Officials in Nevada "
            "said the casinos were hiring again. There were 4,000 new jobs in the state last "
            "year, the governor said.\n\nIn the country as a whole, 200,000 jobs were added.")
    jobs = {c.value: c for c in extract(text, published="2016-03-01")}
    assert jobs[4000].place == "Nevada"


def test_a_name_goes_on_through_its_possessive():
    text = "New Mexico’s economy shed 5 percent of its jobs last year, a report said."
    assert all(c.place != "Mexico" for c in extract(text, published="2016-03-01"))


def test_a_language_is_no_place():
    (count,) = extract("In English, the word appears 300 times.", published="2016-01-01")
    assert count.place is None


def test_tables_of_earlier_versions_are_pruned_once_a_day_old(tmp_path):
    import os
    import time

    kept, stale, fresh = (tmp_path / f"gazetteer-{n}.pickle" for n in ("new", "old", "other"))
    for path in (kept, stale, fresh):
        path.write_bytes(b"x")
    day_old = time.time() - places.STALE_CACHE_SECONDS - 60
    os.utime(stale, (day_old, day_old))
    places._prune(kept)
    assert kept.exists() and fresh.exists() and not stale.exists()


def test_a_where_clause_takes_the_place_it_hangs_from():
    text = ("Snow fell across Pennsylvania, and the storm moved north into Canada, where more "
            "than 30 centimetres were forecast.")
    (snow,) = [c for c in extract(text, published="2016-01-01") if c.value == 30]
    assert snow.place == "Canada"


def test_a_direction_of_a_place_puts_the_figure_there():
    text = ("Rockets killed 6 children in the west of Aleppo city on Thursday, a day after "
            "air strikes on a school in Idlib.")
    (toll,) = extract(text, published="2016-10-27")
    assert toll.place == "Aleppo"


def test_a_country_that_opens_its_clause_is_its_figures_place():
    text = "Canada is now expected to grow 3.3% this year, the fund said."
    assert extract(text, published="2022-10-11")[0].place == "Canada"
    assert where("The United States has sent 12 ships.").name == "United States"
    assert where("Malaysia and the United States have sent 12 ships.") is None  # a list
    assert where("In 2014, Jordan said 12 ships were sent.") is None  # also a name


def test_a_country_is_never_read_as_its_namesake_town():
    text = ("Fund trims outlook\n\nThe fund cut its forecast for the United States. "
            "It sees China’s economy growing 3.2% this year.")
    (growth,) = [c for c in extract(text, published="2022-10-11") if c.value == 3.2]
    assert (growth.place, growth.region) == ("China", None)


def test_a_word_that_is_no_noun_leaves_the_country_a_place():
    text = "About 12 million phones are thrown away in the United States every year."
    assert where(text).name == "United States"


def test_a_large_town_ends_at_its_possessive():
    text = "She waited 12 minutes at Washington's Reagan National Airport."
    assert where(text).name == "Washington"


def test_a_town_with_a_hyphened_place_noun_is_a_place():
    text = "Winds closed 12 runways at New York-area airports on Wednesday."
    assert where(text).name == "New York City"
    assert where("A Lagos-based trader sold 12 cars.") is None


def test_the_country_points_back_across_one_paragraph():
    text = ("Border fears\n\nOfficials worry about the collapse of Libya.\n\n"
            "Militants killed 12 people along the country's coast.")
    assert place_of(text).place == "Libya"


def test_a_place_outside_the_articles_countries_is_not_carried():
    assert cars("Officials met in Lyon. More than 12 cars crashed.") == "Texas"


def test_a_paragraph_gone_abroad_takes_not_the_towns_place():
    lead = "Flu patient treated in Leeds\n\nA nurse was admitted to a hospital in Leeds. "
    abroad = "The virus first spread in Peru and in Japan. Health officials counted 12,400 cases."
    assert place_of(lead + abroad, "12,400").place is None
    at_home = "Cases were found in Leeds and York. Health officials counted 12,400 cases."
    assert place_of(lead + at_home, "12,400").place == "Leeds"


def test_a_paragraph_gone_abroad_to_one_part_of_the_world_takes_that_part():
    text = ("Flu patient treated in Leeds\n\nA nurse was admitted to a hospital in Leeds.\n\n"
            "The virus began in Peru and spread to Chile.\n\nOfficials counted 12,400 cases.")
    found = place_of(text, "12,400")
    assert (found.place, found.region, found.country) == ("South America", None, None)


@pytest.mark.parametrize("sentence, figure, place", [
    ("Unemployment in the Middle East is at 12 percent, the report said.", "12", "Middle East"),
    ("Growth stays below sub-Saharan Africa's average rate of 3.5% this year.", "3.5%",
     "sub-Saharan Africa"),
    ("Sub-Saharan Africa's economy grew 3.5% last year.", "3.5%", "sub-Saharan Africa"),
    ("Sales across Southeast Asia fell 4 percent.", "4", "Southeast Asia"),
    ("Latin America's largest economy grew 2 percent.", "2", None),  # one of its countries
    ("Africa's second-largest economy grew 2 percent.", "2", None),
])
def test_a_part_of_the_world_is_a_place_with_no_country(sentence, figure, place):
    found = place_of("Markets report\n\n" + sentence, figure)
    assert (found.place, found.country) == (place, None)


@pytest.mark.parametrize("sentence, figure, place", [
    (("Omar Haddad, an activist who currently lives in Europe, said 12 people were killed in the "
     "strike."), "12", "Syria"),
    ("The monitor, based in Britain, said 12 people died in the shelling.", "12", "Syria"),
    ("About 3.5 million Syrians living in Turkey were registered.", "About 3.5 million",
     "Turkey"),
])
def test_where_a_speaker_lives_is_not_the_place_of_the_figures_after_it(sentence, figure, place):
    assert place_of("Shelling in Syria\n\n" + sentence, figure).place == place


def test_a_country_keeps_national_figures_after_a_list_of_foreign_backers():
    text = ("Fighting goes on in Syria\n\nThe rebels are backed by Turkey and Qatar. More "
            "than 12,000 people have been killed.")
    assert place_of(text, "More than 12,000").place == "Syria"


@pytest.mark.parametrize("sentence, place, written", [
    ("Storms killed 12 people in Peru, Bolivia and Chile.", None, None),
    ("Storms killed 12 people in Sonora and Sinaloa.", "Mexico", "Sonora and Sinaloa"),
    ("In Douma, Harasta and Saqba, 12 people died.", "Rif Dimashq Governorate",
     "Douma, Harasta and Saqba"),
    ("Shelling killed 12 in Aleppo, Syria.", "Aleppo", "Aleppo"),  # the town and its country
    ("Shelling killed 12 in Saraqib, Idlib.", "Saraqeb", "Saraqib"),  # the town and province
    ("Jets killed 12 in Aleppo and Russia denied it.", "Aleppo", "Aleppo"),  # two clauses
])
def test_a_figure_told_of_a_list_of_places_takes_what_they_share(sentence, place, written):
    found = place_of("Storms hit Texas\n\n" + sentence)
    assert (found.place, found.place_text) == (place, written)


@pytest.mark.parametrize("sentence, figure, place", [
    ("Prices fell amid an outbreak in China, below Nigeria's benchmark of $57 a barrel.", "$57",
     "Nigeria"),
    ("After talks in Geneva, Syria's 22 million people wait.", "22 million", "Syria"),
    ("In Geneva, 22 people marched past Syria's embassy.", "22", "Geneva"),  # owns the embassy
])
def test_a_possessive_place_owns_the_figure_of_its_noun_phrase(sentence, figure, place):
    assert place_of("Storms hit Texas\n\n" + sentence, figure).place == place


def test_a_place_after_a_figure_set_against_this_one_is_that_figures():
    text = ("Jobs Report\n\nOhio lost jobs. The state has 24 percent of workers in "
            "government, compared with 16 percent in the U.S.")
    assert place_of(text, "24").place == "Ohio"
    assert place_of(text, "16").place == "United States"


def test_a_running_total_keeps_the_articles_place():
    text = ("Shelling hits Syria\n\nJets struck the town of Saraqib on Monday. The war has "
            "killed more than 12,000 people since 2011.")
    (toll,) = [c for c in extract(text, published="2016-01-05") if c.value == 12000]
    assert (toll.role, toll.place) == ("running", "Syria")


@pytest.mark.parametrize("text", [
    "A Boeing 777 en route to Lisbon vanished with 211 on board.",
    "The coach, headed for Tarvel, was hit and 12 passengers died.",
])
def test_where_people_were_headed_is_no_figures_place(text):
    (found,) = extract(text, published="2017-04-16")
    assert found.place is None


def test_the_province_said_of_an_origin_is_no_figures_place_either():
    (toll,) = extract("Rockets fired from Douma, Rif Dimashq, killed 5 people.",
                      published="2016-08-15")
    assert toll.place is None
    (toll,) = extract("Rockets fired from Douma killed 5 people in Damascus.",
                      published="2016-08-15")
    assert toll.place == "Damascus"


def test_a_photo_caption_lends_neither_its_date_nor_another_towns_place():
    text = ("Strikes hit Idlib\n\nA boy walks past rubble in Homs Syria May 2 2016 (Reuters "
            "Photo) Eleven civilians were killed on Tuesday in air strikes, activists said.")
    (toll,) = extract(text, published="2016-05-20")
    assert toll.date == "2016-05-17"
    assert toll.place == "Idlib"


@pytest.mark.parametrize(("headline", "post"), [
    ("Aid halted near Aleppo", "Aid is entering besieged Madaya today"),  # an aside
    ("Aid halted in Syria", "Aid trucks are burning near Aleppo tonight"),  # the story's
])
def test_an_embedded_post_lends_its_place_only_on_the_articles_topic(headline, post):
    text = (f"{headline}\n\nThe UN stopped deliveries after a strike on trucks near "
            f"Aleppo, a spokesman said. {post} pic.twitter.com/AbC12 Relief Office "
            "(ReliefOffice) September 21 2016 The strike on the convoy killed 21 civilians, "
            "medics said.")
    (toll,) = [c for c in extract(text, published="2016-09-22") if c.value == 21]
    assert toll.place == "Aleppo"


def test_a_town_the_gazetteer_does_not_know_is_still_no_other_towns():
    text = ("Strikes pound Manbij\n\nJets struck Manbij on Sunday. The toll from strikes on the "
            "opposition-held city of Quzrabad has risen to 82 people, the monitor said.")
    (toll,) = extract(text, published="2016-06-26")
    assert toll.place is None


def test_the_town_points_back_past_a_post_to_the_town_it_names():
    text = ("Supplies reach Syrian town\n\nAid was delivered to Daraya today "
            "pic.twitter.com/Xy12 Relief Office (ReliefOffice) June 10 2016 Early on Friday the "
            "town came under shelling that killed 9 people, the monitor said.")
    (toll,) = extract(text, published="2016-06-11")
    assert toll.place == "Daraya"


def test_literal_hints_fold_letters_as_the_case_insensitive_patterns_do():
    """A word looked for before a case-insensitive pattern is looked for in folded text, where
    each letter `re` or `regex` takes for an ASCII one without regard to case is that letter."""
    written = "The C\u0130TY, \u017ftate, \u212aM and c\u0131ty"
    assert folded(written) == "the city, state, km and city"
    for char in "\u0130\u0131\u017f\u212aK\u00c5\u00e9":  # İ ı ſ, the Kelvin sign, K Å é
        for engine in (re, regex):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if engine.fullmatch(f"(?i){letter}", char):
                    assert folded(char) == letter


def test_origin_and_anaphor_cues_in_capitals_still_count():
    text = ("The coastguard said on Tuesday that it was searching for survivors after a boat "
            "capsized. Officials said 40 migrants FROM Foua drowned when the boat sank.")
    (toll,) = [c for c in extract(text, published="2017-04-16") if c.value == 40]
    assert toll.place != "Foua"
    text = ("Hiring report\n\nHiring slowed across the region last year. Officials in Nevada "
            "said the casinos were hiring again. There were 4,000 new jobs in THE STATE last "
            "year, the governor said.")
    jobs = {c.value: c for c in extract(text, published="2016-03-01")}
    assert jobs[4000].place == "Nevada"


@pytest.mark.parametrize("text", [
    "A bomb killed six people in the Salah al-Din district of Aleppo on Wednesday.",
    "Shells killed four people in the Salah al-Din neighbourhood of Aleppo.",
])
def test_a_part_of_a_town_named_like_a_province_is_in_the_town(text):
    assert [(c.place, c.country) for c in extract(text)] == [("Aleppo", "Syria")]


def test_a_town_named_as_a_district_of_its_province_keeps_its_own_place():
    assert [c.place for c in extract("Shelling killed 5 in the Douma district of Rif Dimashq.")
            ] == ["Douma"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling killed 7 people on Tariq Hama in Homs on Sunday.", ["Homs"]),
    ("Rockets hit Sharia Baghdad, killing 4 people.", [None]),
    ("A car bomb killed 9 people on Baghdad Street in Damascus.", ["Damascus"]),
    ("A mortar killed 3 people on the Idlib road.", [None]),
    ("Shelling killed 7 people in Hama.", ["Hama"]),
])
def test_a_street_named_after_a_town_is_not_the_town(text, expected):
    assert [c.place for c in extract(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    (("Air strikes killed 30 fighters near Raqqa, the army said, adding 25 were killed around "
     "the town of Tabqa."), ["Raqqa", "Tabqa"]),
    (("Up to 70 fighters were killed in the area of Raqqa the army said adding that 25 more "
     "were killed around the town of Tabqa."), ["Raqqa", "Tabqa"]),
    ("Raids killed 14 south of Homs, 9 around Palmyra and 6 at Hama, the ministry said.",
     ["Homs", "Palmyra", "Hama"]),
    (("Shelling on 12 May killed 6 people in Saraqib, 2 of them children in the province of "
     "Idlib."), ["Saraqeb", "Saraqeb"]),
    ("Strike kills 9 in Douma Monitor An air strike killed 9 civilians in Syria on Sunday.",
     ["Douma", "Douma"]),
    ("At least 12 people were killed in Aleppo and 5 wounded, the monitor said.",
     ["Aleppo", "Aleppo"]),
    (("At least 19 people were killed near Homs on Tuesday including six children, hours after "
     "an attack left dozens dead in the town of Saraqib."), ["Homs", "Homs", "Saraqeb"]),
])
def test_each_count_of_a_list_takes_its_own_items_place(text, expected):
    assert [c.place for c in extract(text) if c.metric in ("killed", "wounded")] == expected


@pytest.mark.parametrize(("sentence", "place"), [
    ("Warplanes of the US-led coalition killed at least 25 civilians on Friday.", None),
    (("Raids in northern Syria by warplanes of the US-led coalition killed at least 25 "
      "civilians on Friday."), "Syria"),
    ("Fighters of the Turkey-backed group killed 12 people on Friday.", None),
])
def test_a_country_hyphened_to_a_participle_is_who_acts_not_where(sentence, place):
    (claim,) = extract(sentence)
    assert claim.place == place


_BORROWING = (
    "Syria war report\n\n"
    "Shelling hit the town of Douma on Monday. Two men and three women were killed and 8 "
    "wounded.\n\nJets struck the city of Homs. The city reported 12 dead and 30 hurt.\n\n"
    "Floods hit Peru and Chile on Sunday. They left 3 dead and 2 hurt."
)


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_a_sentence_borrows_the_place_it_would_read_afresh(order):
    """`borrowed` is read once per sentence and kept: whatever sentences were read before,
    it is what a fresh article reads for that sentence alone."""
    from claims.extraction.sentences import Sentences

    sentences = Sentences(_BORROWING)
    bounds = list(zip(sentences.starts, sentences.ends))
    kept = places.Article(_BORROWING, sentences)
    for start, end in bounds if order == "forward" else bounds[::-1]:
        fresh = places.Article(_BORROWING, sentences)
        assert places.borrowed(kept, start, end) == places._borrowed(fresh, start, end)
        assert places.borrowed(kept, start, end) is places.borrowed(kept, start, end)


def test_every_figure_of_a_sentence_borrows_the_same_place():
    claims = [c for c in extract(_BORROWING) if c.sentence_start == _BORROWING.index("Two")]
    assert len(claims) == 3
    assert {(c.place, c.country) for c in claims} == {(claims[0].place, claims[0].country)}


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 people in nearby Fresnillo.",
    "Gunmen killed 12 people in neighbouring Fresnillo.",
])
def test_a_place_cue_reaches_past_nearby(text):
    (claim,) = extract(text)
    assert (claim.place, claim.country) == ("Fresnillo", "Mexico")


@pytest.mark.parametrize("text", [
    "The city saw 400 homicides last year.",
    "Police counted 37 murders in March.",
])
def test_homicides_and_murders_are_deaths(text):
    (claim,) = extract(text)
    assert (claim.metric, claim.unit) == ("killed", "people")


@pytest.mark.parametrize(("text", "place"), [
    # a country named before the means of its attack, turned on a target, is who struck
    ("US missile strikes on an airbase killed 4 people.", None),
    ("Six civilians were among 22 people killed in U.S. air strikes on a stronghold.", None),
    ("Seven militants were killed in US-led air strikes on Wednesday.", None),
    # an attack in a country, and an attack whose place is named, keep their place
    ("7 fighters were killed in a Syria air strike.", "Syria"),
    ("A Turkey drone strike killed 3 fighters in Hasakah.", "Hasakah"),
    ("Myanmar army shelling killed 5 villagers.", "Myanmar"),
])
def test_a_country_that_struck_is_no_place_of_the_dead(text, place):
    assert {c.place for c in extract(text)} == {place}


@pytest.mark.parametrize(("text", "place"), [
    # "the country" points at the country of the town named before, when the story is
    # about that country
    (("Shelling killed 12 people in Aleppo, Syria, on Monday. Since then more than 250,000 "
      "people have been killed across the war-battered country, the UN says."), "Syria"),
    (("Shelling killed 12 people in Aleppo, Syria, on Monday. Strikes killed 20 fighters in "
      "the northeast of the country."), "Syria"),
])
def test_the_country_is_the_country_of_the_town_named_before(text, place):
    assert extract(text)[-1].place == place


@pytest.mark.parametrize("text", [
    ("Syria's war has killed 12 people in Aleppo, Syria, this week. The Red Cross said in "
     "Geneva on Monday that 54 volunteers had died in the war-ravaged country."),
    "An opposition leader said in Turkey that the attack in Syria had killed 1300 people.",
])
def test_where_a_report_was_made_is_not_where_its_figure_is(text):
    assert extract(text)[-1].country == "Syria"


@pytest.mark.parametrize(("text", "places"), [
    # a list item naming a place the gazetteer lacks takes no other item's place
    ("Air strikes killed 5 people in Aleppo, 3 in Idlib and 2 in Kafr Zubayda on Monday.",
     ["Aleppo", "Idlib", None]),
    ("Medics counted 150 bodies in Douma 100 in Kfar Zubayda 67 in Saqba.",
     ["Douma", None, "Saqba"]),
    # a name that a known place soon places, or a nation's adjective, is no place of its own
    ("He saw at least 80 bodies at the Hajjah Hospital in Ain Tarma.", ["Ein Tarma"]),
    ("A bomb killed 31 people in the Kurdish-majority city of Qamishli.", ["Qamishli"]),
])
def test_a_list_item_with_a_place_of_its_own_takes_no_other_items(text, places):
    assert [c.place for c in extract(text)] == places


@pytest.mark.parametrize(("text", "place"), [
    # a neighbourhood or suburb of a named town is that town's part, not a namesake elsewhere
    ("Three children were killed at a school in the Shahba neighbourhood of Aleppo.", "Aleppo"),
    ("Two bombs killed 30 people in the al-Zahraa neighborhood of Homs.", "Homs"),
])
def test_a_part_of_a_named_town_is_no_namesake_town(text, place):
    assert extract(text)[0].place == place


@pytest.mark.parametrize("sentence, name", [
    # Portuguese, Spanish and Italian particles, one or two, go on inside a name
    ("Floods have killed 12 people in Rio Grande do Sul state.", "Rio Grande do Sul"),
    ("Gunmen killed 12 people at a bar in Playa del Carmen.", "Playa del Carmen"),
    ("Gunmen killed 12 men in San Juan de los Lagos, Jalisco.", "San Juan de los Lagos"),
    # "and" inside a place's own name
    ("Militants killed 12 soldiers in Jammu and Kashmir.", "Jammu and Kashmīr"),
    ("Floods killed 12 people in Bosnia and Herzegovina.", "Bosnia and Herzegovina"),
    ("Heavy rain killed 12 people in Trinidad and Tobago.", "Trinidad and Tobago"),
])
def test_a_name_goes_on_through_its_small_words(sentence, name):
    assert where(sentence).name == name


def test_and_joins_two_places_into_one_only_where_the_gazetteer_names_it():
    sentence = "Storms killed 12 people in Britain and France."
    assert [c.surface for c in places.candidates(sentence)] == ["Britain", "France"]
    sentence = "Storms killed 12 people in Georgia and Alabama."
    assert [c.surface for c in places.candidates(sentence)] == ["Georgia", "Alabama"]


@pytest.mark.parametrize("sentence, name", [
    # a town or division before a building or site locates it; a country stays an attribute
    ("A fire at a Baghdad hospital killed 12 patients.", "Baghdad"),
    ("A bomb in a Kabul mosque killed 12 worshippers.", "Kabul"),
    ("A gunman killed 12 children at a Texas school.", "Texas"),
    # a particle of names that is also a cue still cues: "at" in a headline run
    ("Fire at Baghdad hospital kills 12", "Baghdad"),
    # "the" before it names the building: "the Kabul hospital" may be any town's
    ("Doctors at the Kabul hospital in Herat treated 12 people.", "Herāt"),
    # nor does a smaller town's, which may be a neighbourhood's
    ("Gunmen killed 12 men in a Las Cruces bar.", None),
])
def test_a_town_before_a_building_is_where_it_stands(sentence, name):
    assert getattr(where(sentence), "name", None) == name


@pytest.mark.parametrize("sentence, name, country", [
    # divisions by the English names the news gives them, not only ISO's own spelling
    ("A landslide killed 12 people in West Java.", "West Java", "Indonesia"),
    ("Storms killed 12 people in Bavaria on Sunday.", "Bavaria", "Germany"),
    ("Fighting killed 12 civilians in Tigray, aid workers said.", "Tigray", "Ethiopia"),
    # a division outweighs a smaller namesake town abroad
    ("A ferry sank off Bali and 12 people died in Bali.", "Bali", "Indonesia"),
    ("Flooding forced 12 families from their homes in Ontario.", "Ontario", "Canada"),
    # and its own name outweighs another spelling of a town abroad (Qinzhou's "Chin")
    ("Junta troops killed 12 villagers in Chin.", "Chin", "Myanmar"),
    # but a town larger than all the towns of a namesake division abroad keeps its name
    ("Floods closed 12 schools in Manchester.", "Manchester", "United Kingdom"),
])
def test_a_division_is_found_by_its_english_name(sentence, name, country):
    place = where(sentence)
    assert (place.name, place.country) == (name, country)


def test_a_division_named_by_generic_words_alone_is_no_place():
    assert places.lookup(normalise("Central")) is None
    assert places.lookup(normalise("Northern")) is None


@pytest.mark.parametrize("sentence, name", [
    # "from" names where people came from, but not through "in" or "at": the place is there
    ("Rescuers pulled 12 bodies from the rubble in Gaziantep.", "Gaziantep"),
    ("Police found 12 bodies hanging from bridges in Chihuahua", "Chihuahua"),
])
def test_a_place_after_from_and_a_locative_is_where_it_happened(sentence, name):
    assert where(sentence).name == name


@pytest.mark.parametrize("sentence", [
    "Storm surge of up to 12 feet was forecast for parts of the Gulf Coast.",
    "Tankers carrying 12 million barrels wait in the Gulf.",
    "Shipping on the Great Lakes fell 12% this year.",
])
def test_a_feature_of_land_or_sea_is_no_province_abroad(sentence):
    assert extract(sentence)[0].country is None


def test_a_province_named_after_a_feature_is_found_with_its_kind():
    assert where("Gunmen killed 12 people in Lakes State.").country == "South Sudan"


def test_a_running_total_with_no_place_of_its_own_is_the_countrys():
    text = ("Shelling kills 12 in Eastern Ghouta\n\n"
            "Shelling killed 12 people in Eastern Ghouta on Monday. "
            "The war has killed more than 300,000 people since 2011.")
    today, war = extract(text)[1:]
    assert (today.place, war.place, war.role) == ("Eastern Ghouta", "Syria", "running")


@pytest.mark.parametrize("speaker", ["Russia said", "Moldova says", "Norway told reporters"])
def test_a_country_that_speaks_is_no_place_of_what_it_says(speaker):
    text = f"Fighting raged across northern Syria.\n{speaker} its jets killed 40 militants."
    assert extract(text)[0].country == "Syria"


def test_a_country_that_reports_its_own_figures_is_their_place():
    text = "Floods swept through Pakistan on Monday. Japan reported 5 deaths among its nationals."
    assert extract(text)[0].country == "Japan"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Strikes killed at least 40 people across the Gaza Strip on Thursday.", "Gaza Strip"),
    ("Settlers attacked a village in the occupied West Bank, wounding 12 people.", "West Bank"),
])
def test_the_palestinian_territories_are_places(sentence, name):
    assert extract(sentence)[0].place == name


def test_a_place_named_after_a_later_count_is_that_count_s():
    text = ("Strikes killed at least 40 people across the Gaza Strip on Thursday, including 12 "
            "in a school in Jabalia, medics said.")
    whole, part = extract(text)
    assert (whole.place, part.country) == ("Gaza Strip", "Palestinian Territory")
    assert part.place != "Gaza Strip"


def test_a_list_of_countries_before_since_is_no_one_country_s():
    text = "The cyclone has killed more than 400 people in Malawi and Mozambique since it struck."
    assert extract(text)[0].place is None


@pytest.mark.parametrize(("sentence", "country"), [
    ("Floods killed 4 people in the Netherlands on Monday.", "The Netherlands"),
    ("Storms killed 4 people in the Czech Republic.", "Czechia"),
    ("Measles has killed 5,000 people in the Democratic Republic of Congo.",
     "Democratic Republic of the Congo"),
    ("Clashes killed 8 people in the Republic of Congo.", "Republic of the Congo"),
    ("Floods killed 12 people in Jammu and Kashmir.", "India"),
])
def test_countries_by_the_names_the_news_gives_them(sentence, country):
    assert extract(sentence)[0].country == country


def test_republic_alone_is_no_town():
    assert extract("Clashes killed 8 people across the Republic on Sunday.")[0].place is None


def test_the_place_of_a_speaker_s_institution_is_carried_to_no_figure():
    text = ("Temperatures in offices are set for men, says Ana Ruiz, a biologist at Corlbury "
            "University Medical Center in Norway. The standard assumes a 40-year-old man.")
    assert extract(text)[0].place is None


@pytest.mark.parametrize(("sentence", "country", "region"), [
    ("Floods killed 14 people in Henan on Sunday.", "China", "Henan Sheng"),
    ("The plane crashed in a mountainous area of Guangxi, killing 132 people.", "China",
     "Guangxi Zhuangzu Zizhiqu"),
    ("A blast at a plant in Shandong province killed 9 workers.", "China", "Shandong Sheng"),
])
def test_china_s_provinces_by_their_everyday_names(sentence, country, region):
    claim = extract(sentence)[-1]
    assert (claim.country, claim.region or claim.place) == (country, region)


def test_new_york_alone_stays_the_city():
    assert extract("Delays of 30 minutes hit three New York airports.")[0].place != "New York"


def test_a_place_in_brackets_after_an_origin_is_an_origin_too():
    text = ("Troops killed 50 militants in Aleppo, including several fighters from Chechnya, "
            "China (Xinjiang Province) and Uzbekistan.")
    assert all(c.country != "China" for c in extract(text))
