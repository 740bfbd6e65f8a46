import pickle

from claims import extract
from claims.extraction import places
from claims.extraction.places import GAZETTEER, Context, locate, normalise
from claims.extraction.sentences import Sentences


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


def test_common_words_and_people_are_not_places():
    assert where("Mobile phone sales rose by 12 percent.") is None
    assert where("The Deal was worth 12 million dollars.") is None
    assert where("President Bashar al-Assad said 12 people were freed.") is None
    assert where("In March 12 people were arrested.") is None
    # a gazetteer town without a cue is not trusted
    assert where("Victoria said 12 people were hurt.") is None


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


def context_before(text, sentence):
    return Context(text, Sentences(text)).before(text.index(sentence))


def test_context_is_the_last_town_or_region_named_before():
    text = (
        "Air strikes on Khan Shaykhun\n\n"
        "Jets struck the town of Saraqib. Syria denied it. Rescuers said 12 people died."
    )
    place = context_before(text, "Rescuers")
    assert (place.name, place.surface) == ("Saraqeb", "Saraqib")  # nearest, country skipped
    assert context_before(text, "Jets").surface == "Khan Shaykhun"  # the headline
    assert context_before(text, "Air strikes") is None


def test_context_skips_countries_and_remembers_answers():
    text = "Fighting in Idlib province. Russia and Syria said so. Turkey agreed. 12 died. 3 fled."
    context = Context(text, Sentences(text))
    assert context.before(text.index("3 fled")).name == "Idlib Governorate"
    assert context.before(text.index("12 died")).name == "Idlib Governorate"
    assert context_before("Syria said 12 people died. 3 fled.", "3 fled") is None


def test_extract_takes_the_place_from_context_only_when_the_sentence_names_none():
    text = (
        "Shelling hits Douma\n\n"
        "At least 12 people were killed, a monitor said. Another 40 were wounded in Harasta."
    )
    killed, wounded = extract(text)
    assert (killed.value, killed.place, killed.place_text) == (12, "Douma", "Douma")
    assert killed.region == "Rif Dimashq Governorate"
    assert (wounded.value, wounded.place_text) == (40, "Harasta")
    assert extract("At least 12 people were killed, a monitor said.")[0].place is None


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
    assert GAZETTEER[normalise("Ḩamāh")].region == "Hama Governorate"
