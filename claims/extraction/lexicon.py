"""The words extraction reads figures by: one vocabulary per concept, each written once.

Every module that needs a concept imports it from here, grouping included (`claims.compare`
keeps the kinds of people below apart), and word lists reach regular expressions only
through `patterns.alternation`. A word list that is another concept (the words that end a
counted noun phrase, the capitalised words that are no place) takes what it shares from
these by set union rather than by copying. Entries are lower case; tests/test_lexicon.py
checks that no vocabulary lists an entry twice.
"""

from __future__ import annotations

# Months as news copy writes them: the full name first, then its abbreviations. A month's
# number is its place in the list.
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(MONTH_SPELLINGS, start=1) for name in names
}
MONTH_NAMES: tuple[str, ...] = tuple(names[0] for names in MONTH_SPELLINGS)
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(n for names in MONTH_SPELLINGS for n in names[1:])

# Words of a photo credit in parentheses after a caption's date: "... in Aleppo Syria August 1
# 2016 (Reuters Photo) Ten civilians were killed". One of them makes the parentheses a
# credit, and the caption a block of its own (claims.extraction.sentences).
PHOTO_CREDIT_WORDS = frozenset([
    "photo", "photos", "picture", "file", "reuters", "afp", "ap", "epa", "getty", "images",
    "agencies", "anadolu", "xinhua", "handout", "courtesy", "credit", "dpa", "pool", "via",
])

# Weekdays the same way; a day's number is its place in the list, Monday 0 as in `datetime`.
WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)
WEEKDAYS: dict[str, int] = {
    name: number for number, names in enumerate(WEEKDAY_SPELLINGS) for name in names
}
WEEKDAY_NAMES: tuple[str, ...] = tuple(names[0] for names in WEEKDAY_SPELLINGS)
# Ordinal endings of a day or a number: "March 3rd", "the 21st".
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
# The ordinals a tens word is hyphened to: "the forty-fifth day", "the twenty-first century".
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth")

# What opens a noun phrase before its noun: articles, and the possessives that work alike.
ARTICLES = ("a", "an", "the")
POSSESSIVES = ("its", "their", "his", "her", "our")

# Nouns that count people, by the kind of people they count. Figures are compared only
# within a kind, so every word for one kind must be listed under it: "12 schoolchildren
# were killed" and "12 children were killed" are one figure, "12 soldiers" another. Words
# for the dead count people; "citizens" is how state media say civilians.
# Left out on purpose: "them" (a pronoun: "watch them"), "forces" ("two forces" are units),
# and the singulars "terrorist" and "jihadist", which news copy uses as adjectives ("23
# terrorist targets").
PEOPLE_KINDS: dict[str, tuple[str, ...]] = {
    "civilians": ("civilian", "civilians", "citizens"),
    "children": (
        "child", "children", "kid", "kids", "minor", "minors", "boys", "girls", "infants",
        "babies", "toddlers", "schoolchildren", "pupils", "schoolboys", "schoolgirls",
    ),
    "women": ("woman", "women"),
    "men": ("man", "men"),
    "combatants": (
        "soldier", "soldiers", "troops", "fighter", "fighters", "rebel", "rebels", "militant",
        "militants", "jihadists", "jihadis", "insurgent", "insurgents", "member",
        "members", "mercenaries", "loyalists", "terrorists", "personnel",
        "police", "policemen", "officer", "officers", "guards", "gunmen", "militiamen",
        "combatants", "servicemen", "recruits", "commanders", "extremists",
    ),
    "people": (
        "people", "persons", "person", "others", "residents", "inhabitants", "victims",
        "syrians", "individuals", "martyrs", "bodies", "corpses", "deaths", "dead", "fatalities",
        "lives", "casualties", "injuries", "homicides", "murders", "killings", "casualty",
        "fatality", "victim",
        # an aid convoy's or a rescue's dead, as often the whole toll as a part of it
        "volunteers",
    ),
    "protesters": ("protesters", "protestors", "demonstrators"),
}
# People named by their trade, side or plight: each noun is a kind of its own, since "12
# journalists were killed" is not a count of all the people killed.
PEOPLE_OF_THEIR_OWN_KIND = (
    "adults", "elderly", "teenagers", "youths", "families", "relatives", "villagers",
    "refugees", "homeless", "migrants", "nationals", "patients", "doctors", "nurses", "medics",
    "paramedics", "journalists",
    "workers", "employees", "staff", "students", "teachers", "prisoners", "detainees",
    "hostages", "pilgrims", "passengers", "supporters", "followers", "voters", "worshippers",
    "mourners", "bystanders", "pedestrians", "survivors", "users", "customers", "fans",
    "pilots", "co-pilots", "attendants", "crew", "motorists", "drivers", "riders",
    "witnesses", "tourists", "visitors", "foreigners", "immigrants", "politicians",
    "lawmakers", "legislators", "policymakers", "economists", "analysts", "investors",
    "executives", "christians", "muslims", "jews", "islamists", "realtors", "attackers",
    "assailants", "suspects", "kidnappers", "robbers", "smugglers", "hitmen", "criminals",
    "travellers", "travelers", "commuters", "organisers", "organizers", "shoppers",
    "spectators", "farmers", "fishermen", "miners", "inmates", "athletes", "players",
    "activists", "evacuees", "colleagues", "tribesmen", "natives", "locals",
    "bodyguards", "shepherds", "herders", "herdsmen", "officials", "lawyers", "judges",
    "priests", "monks", "nuns", "clerics", "imams", "engineers", "contractors", "firefighters",
    "rescuers", "peacekeepers", "diplomats", "ministers", "senators",
    "candidates", "councillors", "mayors", "cadets", "conscripts", "reservists", "sailors",
    "marines", "truckers", "cyclists", "hikers", "climbers", "traffickers", "poachers",
    "looters", "bandits", "pirates", "captives", "abductees", "defectors", "deserters",
    "coworkers", "neighbours", "neighbors", "guests", "parents", "mothers", "fathers", "sons",
    "daughters", "brothers", "sisters", "husbands", "wives", "newborns", "pensioners",
    "retirees", "veterans", "laborers", "labourers", "porters", "cleaners", "rangers",
    "respondents", "participants", "applicants", "recipients", "tenants",
    "homeowners", "borrowers", "taxpayers", "consumers",
    "wardens", "jailers", "convicts", "gangsters", "assassins", "snipers", "onlookers",
    "viewers", "listeners", "readers", "subscribers",
)
# The singulars left out above as adjectives, which name their kind when they end the counted
# phrase, its head: "30 Terrorist Killed" in a headline, not "23 terrorist targets".
HEAD_ONLY_KIND = {"terrorist": "combatants", "jihadist": "combatants"}
# Every people noun with its kind: what `metrics.is_people` and `compare.subject_kind` read.
PEOPLE_KIND: dict[str, str] = {
    noun: kind for kind, nouns in PEOPLE_KINDS.items() for noun in nouns
} | {noun: noun for noun in PEOPLE_OF_THEIR_OWN_KIND}
PEOPLE_NOUNS = frozenset(PEOPLE_KIND)
# The sides of a war, by the words that name a combatant's: "regime soldiers", "rebel
# fighters", "IS militants". Grouping keeps the dead of one side apart from the other's:
# "18 regime forces" and "50 rebels" killed in one battle are two quantities.
COMBATANT_SIDES: dict[str, tuple[str, ...]] = {
    "government forces": (
        "soldier", "soldiers", "troops", "army", "regime", "pro-regime", "government",
        "pro-government", "loyalist", "loyalists", "police", "policemen", "servicemen",
        "conscripts",
    ),
    "members of armed groups": (
        "rebel", "rebels", "opposition", "militant", "militants", "jihadist", "jihadists",
        "jihadis", "insurgent", "insurgents", "terrorist", "terrorists", "extremists",
        "mercenaries", "gunmen", "islamist", "islamists",
    ),
}
SIDE_OF: dict[str, str] = {
    word: side for side, words in COMBATANT_SIDES.items() for word in words
}
# Nouns that count households, not persons: "all the dead were from six families" is no
# count of the dead (claims.compare reads named groups of people apart from them; a count of
# them after ORIGIN_CUES is a count, not a toll: claims.extraction.claim).
HOUSEHOLD_NOUNS = frozenset({"families", "households", "clans", "tribes",
                             "family", "household", "clan", "tribe"})
# Words that date a day within a month, not the whole month: "in early October", "mid-May".
MONTH_PARTS = frozenset({"early", "mid", "late"})
# Armed bodies: not people by themselves ("two forces" are units), but the killed or wounded
# of "five pro-government forces" are combatants (claims.compare).
ARMED_BODIES = frozenset(["forces"])


# The people who work somewhere, named by their work, not their trade: "staff", "workers".
STAFF_NOUNS = frozenset(["staff", "workers", "employees", "personnel"])
# Trades, by the words that name their field: the staff of a field are its trade's people,
# whatever the noun calling them ("medical staff", "health workers", "staff of a clinic" and
# "medics" are one kind of victim).
TRADE_FIELDS: dict[str, frozenset[str]] = {
    "medics": frozenset([
        "medical", "health", "healthcare", "hospital", "hospitals", "clinic", "clinics",
        "ambulance",
    ]),
}


def trade_of(words: list[str]) -> str | None:
    """The trade whose field a staff noun's phrase names ("medical staff", "staff of the
    hospital": medics), or None: who the staff are, more surely than the noun calling them."""
    return next((trade for trade, field in TRADE_FIELDS.items()
                 if not field.isdisjoint(words)), None)


# Nouns that count the people of a body named after "of": "15 members of the medical staff"
# are staff, "700 members of a tribe" people; "members" alone, in war copy, are fighters.
MEMBER_NOUNS = ("members", "member")
# Bodies whose members are people in general, not fighters: "members of a tribe".
CIVIL_BODIES = frozenset([
    "tribe", "tribes", "clan", "clans", "family", "families", "community", "communities",
    "congregation", "household", "households", "village", "villages",
])


def kind_of_subject(subject: str | None) -> str:
    """The kind of people a counted noun phrase names (PEOPLE_KIND, its first word listed
    there): "people" for people in general or no noun at all, else its last word ("forces");
    members of a body are the body's kind when it names one ("members of a tribe": people);
    staff of a trade's field are that trade's ("members of the medical staff": medics)."""
    words = (subject or "").lower().split()
    if words and words[-1] in HEAD_ONLY_KIND:  # "30 Terrorist Killed"
        return HEAD_ONLY_KIND[words[-1]]
    for at, word in enumerate(words):
        if word in MEMBER_NOUNS and words[at + 1 : at + 2] == ["of"]:
            body = words[at + 2:]
            if not CIVIL_BODIES.isdisjoint(body):
                return "people"
            if not PEOPLE_NOUNS.isdisjoint(body):
                return kind_of_subject(" ".join(body))
        if word in PEOPLE_KIND:
            return (word in STAFF_NOUNS and trade_of(words)) or PEOPLE_KIND[word]
    return words[-1] if words else "people"

# The dead and the hurt counted together: "killed or injured 40 people", "40 dead or wounded".
KILLED_AND_WOUNDED = tuple(
    f"{dead} {joint} {hurt}"
    for dead, hurt in (
        ("killed", "wounded"), ("killed", "injured"), ("killing", "wounding"),
        ("killing", "injuring"), ("dead", "wounded"), ("dead", "injured"), ("killing", "injury"),
        ("death", "injury"),
    )
    for joint in ("and", "or", "&")
)

# Metric cues. Event words: the nearest one in the clause says what happened to the
# counted people.
# What people are left without, said of them after their figure: "left 300,000 without
# power" are affected, not the dead of the storm's other figure.
DEPRIVATIONS = (
    "without power", "without electricity", "without water", "without running water",
    "without heat", "without heating", "without food",
)
# The plight people are left in, with the metric it gives them, read only right after their
# figure or noun ("left 4.3 million people in need of food aid" are affected, not killed;
# "forced more than 400,000 from their homes" are displaced); elsewhere in a clause these say
# nothing of its figures ("30 ambulances to help those in need", "evacuated from their homes,
# nearly double its figure of 4,000").
PLIGHTS: dict[str, str] = {
    **dict.fromkeys(("in need", "in urgent need", "in dire need", "stranded", "without shelter",
                     "without access"), "affected"),
    **dict.fromkeys(("from their homes", "out of their homes"), "displaced"),
}
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying",
        "deaths", "death", "death toll", "toll", "lives", "lost their lives", "massacred",
        "massacre", "slain", "executed", "perished", "fatalities", "bodies", "martyrs",
        "martyred", "murdered", "drowned", "casualty toll", "beheaded", "beheading",
        "beheadings", "assassinated", "assassination", "slaughtered", "gunned down",
        "shot dead", "decapitated", "deprived of their lives", "deprived of life",
        "to death",
    ),
    "wounded": (
        "wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt", "wounds",
        "injures", "injure", "wound", "hospitalised", "hospitalized", "inflicted harm on",
        "caused harm to", "treated in hospital", "treated in hospitals", "treated for injuries",
        "treated for wounds",
    ),
    "casualties": ("casualties", *KILLED_AND_WOUNDED),
    "missing": ("missing", "unaccounted for", "disappeared"),
    "evacuated": (
        "evacuated", "evacuating", "evacuate", "evacuation", "evacuations", "evacuees",
        "transported out", "bussed out", "bused out", "ferried out", "taken out",
        "granted safe passage", "given safe passage",
    ),
    "displaced": (
        "displaced", "displacing", "displace", "displaces", "fled", "flee", "fleeing",
        "refugees", "homeless", "uprooted", "driven from their homes", "fled their homes",
    ),
    "arrested": (
        "arrested", "arresting", "arrests", "detained", "detaining", "detentions",
        "detainees", "jailed", "imprisoned", "rounded up", "prisoners",
    ),
    "kidnapped": ("kidnapped", "kidnapping", "abducted", "abducting", "hostages", "taken hostage"),
    "released": ("released", "releasing", "freed", "freeing", "swap", "prisoner exchange"),
    "besieged": ("besieged", "trapped", "under siege", "encircled"),
    "affected": (
        "affected", "in need", "infected", "infections", "contracted", "tested positive",
        *DEPRIVATIONS,
        *(f"{need} {kind}{what}" for need in ("need", "needs", "needed")
          for kind in ("", "food ", "humanitarian ", "urgent ", "emergency ")
          for what in ("aid", "assistance", "help")),
    ),
    "control": (
        "control", "controls", "controlled", "controlling", "seized", "captured",
        "recaptured", "retook", "retaken", "held by", "holds", "territory",
    ),
    "population": ("population", "inhabitants", "home to", "populated"),
}
# Words before "lives" that make it the verb of living, no lives lost: "who lives with".
LIVING_SUBJECTS = ("who", "he", "she", "it", "which", "that", "now", "still", "currently")
# Verbs that make a crowd of the figure whose own verb they are, never of a figure near them:
# "5,000 people marched", "hundreds rallied outside the embassy" ("troops marched 18
# prisoners" is no crowd).
CROWD_VERBS = ("protested", "rallied", "marched", "demonstrated")
# The same said as joining a gathering: "20,000 people joined the march", "attended the rally".
CROWD_JOINING_VERBS = ("joined", "attended")
CROWD_EVENTS = (
    "march", "marches", "protest", "protests", "rally", "rallies", "demonstration",
    "demonstrations", "vigil", "sit-in",
)
# The same in a headline's present, read only right after a bare figure and before a
# preposition or a stop: "10,000 protest in Nairobi" ("200 protest organisers" is a noun).
CROWD_VERBS_NOW = ("protest", "rally", "march", "demonstrate")
# Verbs of an event with no passive, which after a noun are its clause's verb, never a
# participle describing it: "half of the 40 patients died" (40 did not).
INTRANSITIVE_EVENT_VERBS = (
    "died", "perished", "drowned", "fled", "escaped", "disappeared", "survived", "starved",
)
# People whose age a bound right after them gives: "children under 5", "people over 65",
# "adults aged over 40".
AGE_GROUP_NOUNS = (
    "children", "kids", "boys", "girls", "people", "adults", "women", "men", "infants",
    "babies", "those", "anyone", "patients", "residents", "workers", "voters",
)
# Plural nouns that end in no "s", which a counted phrase may end with: "1.5m people".
IRREGULAR_PLURALS = (
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle",
    "livestock", "sheep", "youth",
)
# Nouns of a gathering whose size is given as a level: "police estimated the crowd at 5,000".
CROWD_NOUNS = ("crowd", "crowds", "attendance")
# Verbs that give a count's size as a level ("put the number at 20,000"), restating in other
# words the figure said just before, or a crowd's size.
RESTATING_VERBS = (
    "put", "puts", "putting", "placed", "places", "placing", "estimated", "estimates",
    "estimating",
)
# The count such a verb sizes, which stands for the figure before it: "the number", "the
# figure", "their total".
RESTATED_NOUNS = ("number", "figure", "total", "tally", "count", "estimate")
# Places that "of" sizes by their people: "a nation of 11 million", "the city of 2 million
# people".
PEOPLED_PLACES = (
    "nation", "country", "city", "town", "village", "state", "island", "region", "province",
    "metropolis", "megacity", "kingdom", "republic", "enclave", "territory", "archipelago",
)
# Head nouns that name what is counted when no event word says otherwise.
# Diseases whose patients and cases a figure counts: "4,000 coronavirus patients".
DISEASE_NAMES = (
    "coronavirus", "covid", "covid-19", "ebola", "cholera", "measles", "malaria", "dengue",
    "influenza", "flu", "mpox", "polio", "tuberculosis", "hiv",
)
SUBJECT_CUES: dict[str, tuple[str, ...]] = {
    "fighters": (
        "fighters", "militants", "rebels", "troops", "soldiers", "gunmen", "jihadists",
        "combatants", "insurgents", "militiamen", "servicemen", "mercenaries", "terrorists",
        "commanders", "military officers", "army officers",
    ),
    "protesters": ("protesters", "protestors", "demonstrators", "marchers"),
    "strikes": (
        "airstrikes", "air strikes", "strikes", "raids", "air raids", "barrel bombs",
        "missiles", "rockets", "shells", "mortars", "mortar rounds", "bombs", "sorties",
        "attacks", "explosions", "blasts", "bombings", "car bombs", "ambushes",
    ),
    "population": ("residents", "inhabitants"),
    # "thousands of internally displaced people": the plight is in the phrase's head.
    "displaced": ("displaced people", "displaced persons"),
    "evacuated": ("evacuees",),
    "killed": (
        "martyrs", "bodies", "corpses", "fatalities", "deaths", "dead", "homicides", "murders",
        "killings",
    ),
    "wounded": ("injuries",),
    "casualties": ("casualties",),
    # Cases of a disease: "4,000 confirmed cases", "120 new infections".
    "affected": (
        "confirmed cases", "suspected cases", "new cases", "infections", "probable cases",
        *(f"{disease} {noun}" for disease in DISEASE_NAMES for noun in ("patients", "cases")),
    ),
    # Things, not people: "a strike destroyed two vehicles", "rebels took 3 villages"; the
    # machines and weapons among them are none of a killing's dead ("shot down 4 drones,
    # killing 3 officers").
    "count": (
        "vehicles", "cars", "trucks", "lorries", "buses", "motorcycles", "motorbikes",
        "bulldozers", "boats", "ships", "drones", "aircraft", "planes", "helicopters", "jets",
        "cannons", "guns", "machineguns", "villages", "towns", "neighborhoods",
        "neighbourhoods", "districts", "areas", "buildings", "houses", "homes", "schools",
        "hospitals", "positions", "checkpoints", "bases", "tanks", "command posts", "posts",
        "headquarters", "depots", "arms depots", "ammunition depots", "caches", "arms caches",
        "weapon caches", "weapons caches", "warehouses", "launchers", "rocket launchers",
        "armored vehicles", "armoured vehicles", "artillery pieces", "tunnels",
        "oil tankers", "tankers", "wells", "facilities", "ambulances", "cities", "hideouts",
        "bunkers", "points", "crossings", "bridges", "roads", "mosques", "churches", "markets",
        "targets", "sites", "outposts", "strongholds", "camps",
        # abstract nouns, never anyone killed: "a war between two factions", "on two sides"
        # (read as the end of a word: no "stages", the end of "hostages")
        "factions", "sides", "attempts", "incidents", "times", "occasions", "rounds", "phases",
        "regions", "clashes", "blocks", "borders", "apartments", "flats", "dwellings", "structures",
        "shops", "stores", "factories", "farms", "tents", "shelters",
        # one of them: "one house where a gunman opened fire" counts no one killed
        "vehicle", "car", "truck", "lorry", "bus", "motorcycle", "motorbike", "bulldozer",
        "boat", "ship", "drone", "plane", "helicopter", "jet", "cannon", "gun", "machinegun",
        "village", "town", "neighborhood",
        "neighbourhood", "district", "area", "building", "house", "home", "school", "hospital",
        "position", "checkpoint", "base", "tank", "depot", "cache", "warehouse", "launcher",
        "tunnel", "tanker", "well", "facility", "target", "site", "outpost", "stronghold",
        "camp",
    ),
}
# Verbs of killing besides "kill", in every form that takes its victims as object: "gunmen
# execute four men", "murdering two", "the execution of 3 men".
KILLING_VERBS = (
    "execute", "executes", "executed", "executing", "execution of", "executions of",
    "murder", "murders", "murdered", "murdering", "assassinate", "assassinates",
    "assassinated", "assassinating", "slay", "slays", "slew", "slaying", "behead", "beheads",
    "beheaded", "beheading", "massacre", "massacres", "massacred", "massacring", "slaughter",
    "slaughters", "slaughtered", "slaughtering",
)
# Verbs that, written right before a figure, say what it counts whatever else is near:
# "killing at least 100 and wounding hundreds", "Bombing Claims 5".
DIRECT_CUES: dict[str, tuple[str, ...]] = {
    "killed": (
        "claims", "claim", "claimed", "claiming", "claimed the lives of",
        "claiming the lives of", "claims the lives of", "killing", "kills", "killed", "kill",
        "left", "leaving", "claiming the life of", "claimed the life of",
        "claims the life of", "martyrdom of", *KILLING_VERBS,
    ),
    # "home to 350,000 people", "a population of 165,000"
    "population": ("home to", "population of"),
    "protesters": ("crowd of", "crowds of", "mob of", "throng of"),
    "casualties": KILLED_AND_WOUNDED,
    # a headline's present, right before its figure: "Police arrest 120", "Rebels free 30"
    # (not "release", which firms do to products)
    "arrested": ("arrest", "detain", "detains"),
    "kidnapped": ("kidnap", "kidnaps", "abduct", "abducts"),
    "released": ("free", "frees"),
    "evacuated": ("evacuate", "evacuates"),
}
# States of people that stand as the counted noun by themselves and say what befell them
# more surely than the clause's verb: "killed 14 people and left 3,000 homeless" (but "4
# homeless men" are men, whom the verb befell).
STATE_NOUNS = frozenset({"homeless", "displaced"})
# What befell people, said of them right after their figure or its verb: "left 15 dead",
# "12 injured", "were found dead".
PEOPLE_STATES = ("dead", "injured", "wounded", "missing", "killed", "hurt", "slain")
# What is released when nobody is freed: "released pictures of four rescue workers", "a
# statement released by the army".
PUBLISHED_THINGS = (
    "picture", "pictures", "photo", "photos", "photograph", "photographs", "image", "images",
    "video", "videos", "footage", "statement", "statements", "report", "reports", "figures",
    "data", "list", "details", "findings", "results", "recording", "recordings",
)
# Words that end a street's name: after a number, an address ("575 Wilbraham Road"); after a
# date, a street named for the day ("April 7th Street", "6 October Bridge" is no date).
STREET_WORDS = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Way", "Lane", "Ln", "Drive", "Dr",
    "Boulevard", "Blvd", "Place", "Pl", "Court", "Ct", "Square", "Sq", "Terrace", "Crescent",
    "Parkway", "Pkwy", "Highway", "Hwy", "Close", "Rue", "Via", "Strasse", "Straße",
)
# Words written right before a place's name that make the name a street's or a
# neighbourhood's named after the place, not the place: Arabic transliterations of "road"
# and "street" ("Tareeq al-Bab" is a district of Aleppo, not the town of al-Bab) and the
# street words that open a name in other languages ("Rue de Damas", "Avenida Bogota").
STREET_PREFIXES = (
    "tareeq", "tariq", "tarik", "tareq", "shari", "sharia", "shara", "shareh",
    "rue", "avenue", "avenida", "calle", "rua", "boulevard",
)
# Lower-case road words written right after a place's name that make it a road's named
# after the place, not the place: "on the Aleppo road", "the Homs highway".
ROAD_NOUNS = ("road", "street", "avenue", "highway", "motorway", "expressway", "boulevard")
# Where a bare figure's people are, right after it: "with 239 on board".
ABOARD_WORDS = ("on board", "aboard", "onboard")
# Nouns hyphened to a number that name a kind of thing rather than count it: "a three-star
# general", "a six-speed gearbox", "a two-storey house", "an 18-wheeler". The compound is a
# descriptive one, as "twin-engine" is, not a claim. Nouns whose compound sizes something ("a
# 300-bed hospital", "a 12-party coalition", "a 5-point lead", "a 2.4-litre four-cylinder
# engine") are not here.
DESCRIPTIVE_COMPOUND_NOUNS = frozenset([
    "star", "speed", "wheel", "wheeler", "door", "stroke", "seater", "storey", "story",
    "bedroom", "lane", "ply", "piece",
])
# Groups of people a bare figure sizes, right before it: "a crew of seven".
PEOPLE_GROUPS = ("crew", "family", "team", "delegation", "party", "band", "gang", "squad")
# Verbs of intent before a verb of killing, which then tells of no death: "attempting to
# kill three others", "plotted to murder two judges".
INTENT_VERBS = (
    "attempt", "attempts", "attempted", "attempting", "try", "tries", "tried", "trying",
    "threaten", "threatens", "threatened", "threatening", "plan", "plans", "planned",
    "planning", "plot", "plots", "plotted", "plotting", "vow", "vows", "vowed", "vowing",
    "seek", "seeks", "sought", "seeking", "intend", "intends", "intended", "intending",
    "want", "wants", "wanted", "wanting", "conspired", "conspiring",
)
# Auxiliaries, modals and the adverbs that stand with them between a figure's noun phrase
# and its own verb: "three others may have escaped", "20 members of the group are trapped",
# "4 of them later died".
AUXILIARIES = (
    "may", "might", "could", "would", "will", "can", "must", "should", "have", "has", "had",
    "were", "was", "are", "is", "be", "been", "being", "not", "also", "reportedly", "later",
    "then", "still", "since",
)
# Verbs whose object is what befell their subject: "four others sustained serious injuries".
UNDERGOING_VERBS = ("sustained", "suffered", "received", "incurred")
# Words that open a new clause after a figure's own verb, where its complements end: "were
# identified among those killed but others were not".
CLAUSE_OPENERS = ("but", "while", "whereas", "that", "who", "which", "when")
# Words that separate a figure from the next one in a list or a clause of its own: "40
# casualties, including 12 dead", "8 civilians in addition to 12 injured".
LIST_SEPARATORS = ("and", "including", "while", "but", "plus", "in addition to", "as well as")
# Words that stress a count of one, making it answer "how many": "only one name".
ONLY_WORDS = ("only", "just", "exactly", "merely")
# Charges a court counts, whose "one" answers "how many": "pleaded guilty to one count of fraud".
CHARGE_NOUNS = ("count", "charge")
# Prepositions after a bare past form that make it a participle describing the noun, not the
# noun's own verb: "five soldiers stationed in the town were killed".
PREPOSITIONS = (
    "in", "at", "on", "by", "with", "near", "from", "to", "for", "as", "after", "before",
    "during", "inside", "outside", "into", "onto", "across", "along", "around", "over",
    "under", "of", "between", "among", "through", "throughout", "within", "without", "since",
    "until", "against", "toward", "towards", "behind", "beside", "amid",
)
# Words that tell a toll as one stage of a count that changed, so an article may give two
# tolls of one attack: before a count's noun ("the previous death toll", "an earlier toll
# of 15", "the initial count"; not "earlier this week"), or on their own ("updating",
# "revised").
TOLL_STAGE_WORDS = ("earlier", "previous", "initial", "first", "new", "latest", "preliminary")
TOLL_COUNT_NOUNS = ("toll", "tolls", "count", "tally", "figure", "estimate")
TOLL_REVISION_WORDS = ("updated", "updating", "revised", "revising", "raised", "raising")
# Verbs of a toll that grows: a headline "Death toll mounts after bomb blast" reports the
# stages of one count.
TOLL_RISE_VERBS = (
    "rises", "rose", "risen", "rising", "climbs", "climbed", "climbing", "mounts", "mounted",
    "mounting", "jumps", "jumped", "soars", "soared", "increases", "increased",
)
# A death toll stated as a level: "the death toll rose to 112", "Death Toll in Blast ...
# Rises to 70", "putting the death toll at at least 70".
TOLL_LEVEL_VERBS = (
    "rises", "rose", "risen", "rising", "climbs", "climbed", "climbing", "jumps", "jumped",
    "reaches", "reached", "hits", "hit", "stands", "stood", "increased", "increases", "mounts",
    "mounted", "surpassed", "passed", "tops", "topped", "exceeds", "exceeded", "soared",
    "is", "was", "now", "went up", "has risen", "had risen",
)
# Verbs that raise a count to the level "to" gives: "raising the death toll to 40", "brought
# the total number of Russian soldiers killed in Syria to 18".
TALLY_RAISING_VERBS = (
    "bring", "brings", "brought", "bringing", "raise", "raises", "raised", "raising", "push",
    "pushes", "pushed", "pushing", "take", "takes", "took", "taking",
)
# Nouns of a count such a verb raises, or whose level a toll verb gives: "the toll", "the
# number killed", "the tally".
TALLY_NOUNS = ("toll", "number", "tally", "count")
# Counts that sum every incident so far, a running total: "the total number of Russian
# soldiers killed in Syria". A toll, even "the overall toll", is its incident's own.
RUNNING_TALLIES = ("total number", "overall number", "cumulative number")

# Change verbs: a figure right after one of these is a change, not a level ("rose 5%").
UP_WORDS = (
    "rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases",
    "increasing", "climbed", "climb", "climbs", "jumped", "jump", "jumps", "surged",
    "surge", "surges", "soared", "soar", "soars", "gained", "gain", "gains", "grew", "grow",
    "grows", "grown", "up", "advanced", "advances", "rallied", "spiked", "added", "adds",
    "expanded", "boosted", "raised", "hiked", "higher", "swelled", "rebounded", "accelerated",
    "advancing", "gaining", "climbing", "jumping", "surging", "soaring", "growing", "upward",
    "strengthened", "firmed", "appreciated",
)
DOWN_WORDS = (
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "declined",
    "decline", "declines", "decreased", "decrease", "decreases", "slid", "slide", "slides",
    "slipped", "slips", "lost", "loses", "shed", "sheds", "plunged", "plunge", "plunges",
    "tumbled", "tumble", "sank", "sink", "down", "dipped", "dip", "dips", "shrank",
    "shrink", "contracted", "eased", "eases", "cut", "cuts", "reduced", "slumped", "slump",
    "retreated", "plummeted", "plummeting", "lower", "slashed", "tanked", "sagged",
    "dropping", "declining", "sliding", "slipping", "losing", "shedding", "plunging",
    "tumbling", "sinking", "dipping", "shrinking", "easing", "downward", "downwards",
    "weakened", "depreciated", "softened",
)
# Change nouns, written after the figure: "a 3% drop", "a 12 per cent rise".
CHANGE_NOUNS_UP = ("increase", "rise", "gain", "jump", "hike", "growth", "surge", "boost", "rally")
CHANGE_NOUNS_DOWN = ("decrease", "decline", "drop", "fall", "cut", "reduction", "loss", "slump")
# Change verbs that state a change only with "by": "raised $5 million" is money raised.
NEED_BY = frozenset(["raised"])
# Verbs whose "up"/"down" is a particle, not a change: "gave up 517 yards".
PARTICLE_VERBS = (
    "gave", "give", "gives", "giving", "given", "picked", "pick", "picks", "set", "sets",
    "made", "make", "makes", "took", "take", "takes", "put", "puts", "signed", "sign", "signs",
    "shut", "shuts", "turned", "turn", "turns", "broke", "break", "breaks", "backed", "wound",
    "handed", "hand", "hands", "cleared", "wrapped", "racked", "rack", "racks", "tied",
    "locked", "build", "built",
)

# Place language: the words around a name that say whether it is a place, and which.
# Capitalised words that are towns somewhere but almost never are in news copy; month and
# day names join them below.
NOT_PLACE_WORDS = (
    "of", "mobile", "deal", "police", "most", "split", "reading", "bath", "nice", "van",
    "batman", "male", "bar", "sale", "colon", "mandi", "bor", "buy", "gap", "opportunity",
    "university", "hospital", "state", "date", "time", "times", "god", "eid", "islam", "hamas",
    "un",  # the United Nations, not Un in India
    "sana",  # Syria's state news agency, not Saña in Peru
    "bank", "cat", "congress", "parliament", "senate", "airport", "church", "union",
    "republic", "kingdom", "federation", "commonwealth", "empire",
    # seats of government that stand for the government, not for a town of that name
    "white house", "kremlin", "pentagon", "capitol", "downing street", "elysee",
    # features of the land or sea that a far country names a province after: "the Gulf" is
    # no province of Papua New Guinea, "the Great Lakes" none of South Sudan (with its kind
    # they still are: "Gulf Province", "Lakes State")
    "gulf", "coast", "bay", "lakes", "delta", "littoral", "midlands",
)
# Languages: "In English" is no town in Indiana.
LANGUAGES = (
    "english", "arabic", "french", "spanish", "german", "russian", "chinese", "mandarin",
    "portuguese", "italian", "turkish", "persian", "farsi", "hebrew", "kurdish", "japanese",
    "korean", "hindi", "urdu", "dutch", "swahili", "latin", "greek",
)
NOT_PLACES = (frozenset(NOT_PLACE_WORDS) | frozenset(LANGUAGES) | frozenset(MONTH_NAMES)
              | frozenset(WEEKDAY_NAMES))
# Words before a name that make it a person, not a place.
TITLES = frozenset([
    "president", "minister", "mr", "mrs", "ms", "dr", "general", "gen", "prime", "king",
    "prince", "emir", "sheikh", "secretary", "spokesman", "spokeswoman", "commander",
    "colonel", "col", "lt", "lieutenant", "major", "maj", "captain", "capt", "judge",
    "senator", "rep", "ambassador", "envoy", "pope", "imam", "leader", "chief",
])
# Words just before a name that say it is a place ("in", "near", "rebel-held", "northern"),
# or just after it ("Idlib province").
PLACE_CUES = frozenset([
    "in", "of", "near", "outside", "around", "at", "across", "from", "into", "to", "towards",
    "toward", "inside", "throughout", "on", "over", "between", "hit", "struck", "targeted",
    "targeting", "besieged", "shelled", "shelling", "bombed", "bombing", "raided", "stormed",
    "captured", "entered", "retook", "recaptured", "seized", "attacked", "rural", "northern",
    "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "northwestern", "northeastern", "southwestern", "southeastern", "northwest", "northeast",
    "southwest", "southeast", "province", "governorate", "city", "town", "village",
    "district", "countryside", "suburbs", "suburb", "outskirts", "neighbourhood",
    "neighborhood", "area", "region", "camp", "township", "municipality", "county", "state",
    "downtown",
])
# The cues that follow a name and say what kind of place it is ("Idlib province", "Shan
# State", "Khin-U Township"); the other cues only go before a name.
PLACE_NOUN_CUES = frozenset([
    "province", "governorate", "city", "town", "village", "district", "countryside",
    "suburbs", "suburb", "outskirts", "neighbourhood", "neighborhood", "area", "region", "camp",
    "township", "municipality", "county", "state", "division", "department", "prefecture",
])
# The cues that name a part of a town after its own name: "the Salah al-Din district of
# Aleppo" is in Aleppo, whatever province or country shares the part's name.
PART_OF_TOWN_CUES = frozenset([
    "district", "neighbourhood", "neighborhood", "quarter", "suburb", "area",
])
# The parts of a town no province or country can be: "Karak neighborhood" is a town's part,
# whatever province shares its name.
NEIGHBOURHOOD_CUES = frozenset(["neighbourhood", "neighborhood", "quarter", "suburb"])
# Parts and directions of a place: "in the west of Aleppo city", "north of Hama" put a
# figure at the place as "in" does.
DIRECTION_WORDS = frozenset([
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "centre", "center", "heart", "edge", "part", "parts", "outskirts",
])
# Cues that put the figure at the place ("killed in X", "near X"), rather than naming a place
# it comes from or goes to ("from X", "to X").
LOCATIVE_CUES = frozenset([
    "in", "near", "outside", "inside", "around", "across", "throughout", "at", "off",
])
# Cues that put a figure on a street or road ("on West 27th Street"): with the locative cues,
# they show a sentence names a place of its own that the gazetteer does not know.
STREET_CUES = ("on",)
# Nouns that point back at a place named before ("in the state", "the city's"), by the
# level of the place they point at: a sentence naming none takes the last such place of its
# paragraph (claims.extraction.places.anaphor).
PLACE_ANAPHORS: dict[str, str] = {
    "state": "region", "province": "region", "region": "region", "governorate": "region",
    "city": "town", "town": "town", "village": "town",
    "country": "country", "nation": "country",
}
# Words that make a place where people or fire came from, not where a figure happened:
# "98 evacuees from the towns of Foua and Kafraya were killed west of Aleppo", "rockets
# fired from Idlib". Such a place is a figure's last choice in its sentence.
ORIGIN_CUES = ("from",)
# Words that make a place where someone lives or works, before "in": "an activist who lives
# in Europe said 10 people were killed" (the place is the activist's, not the figure's after
# it; but "Syrians living in Turkey number 3.5 million" is the figure's before it).
# Verbs of speaking before "in" and the place where the speaker was: "the Red Cross said in
# Geneva that 54 volunteers had died": where it was said, not where they died.
SPOKEN_IN_WORDS = (
    "said", "says", "told reporters", "told journalists", "told a news conference",
    "told a press conference", "announced", "spoke", "speaking",
)
# The last word of an institution's name, which a place after "in" locates, as where someone
# works, not where anything happened: "a biophysicist at Maastricht University Medical
# Center in the Netherlands". Not a hospital or a school, where attacks happen.
INSTITUTION_HEADS = (
    "University", "Institute", "College", "Center", "Centre", "Laboratory", "Laboratories",
    "Academy", "Foundation",
)
RESIDENCE_WORDS = (
    "live", "lives", "lived", "living", "based", "resides", "resided", "residing", "resident",
    "exiled", "works", "worked", "working",
)
# Words that make a place where people were headed, which is no figure's place either: "a
# Boeing 777 en route to Beijing disappeared with 239 on board", "halfway to Singapore".
DESTINATION_CUES = (
    "en route to", "headed for", "headed to", "heading for", "heading to", "bound for",
    "halfway to", "on its way to", "on their way to", "on the way to", "flight to",
    "flights to", "flying to", "travelling to", "traveling to", "destined for",
)
# Words after a capitalised name that end a name of an institution, a company or a building
# ("Brookings Institution", "Toyota Motor"): the town before them is part of that name.
ORGANISATION_WORDS = frozenset([
    "institution", "institute", "university", "college", "school", "bank", "house", "hospital",
    "museum", "motor", "motors", "group", "company", "corporation", "corp", "inc", "council",
    "foundation", "church", "airport", "station", "club", "party", "times", "post", "journal",
    "news", "herald", "magazine", "center", "centre", "committee", "association", "agency",
])
# Buildings and sites a town before them locates: "a Kabul mosque", "a Texas school" are in
# Kabul and Texas, where "a US vehicle" is no place (a country before them stays an attribute).
FACILITY_NOUNS = frozenset([
    "hospital", "clinic", "mosque", "church", "synagogue", "temple", "shrine", "market",
    "marketplace", "school", "university", "hotel", "prison", "jail", "factory", "mall",
    "supermarket", "restaurant", "cafe", "bar", "nightclub", "stadium", "airport", "courthouse",
    "mine", "refinery", "warehouse", "bakery", "office", "apartment", "neighbourhood",
    "neighborhood", "suburb", "street", "square", "hostel", "orphanage",
])
# Lower-case words after a place name that keep it a place: time words, verbs of report and
# words that are no noun ("in Aleppo today", "in the United States every year", "in India
# alone"); any other lower-case word after a country makes the country an
# attribute ("a US vehicle", "the Bangladesh border").
AFTER_PLACE_WORDS = frozenset([
    "today", "yesterday", "tonight", "earlier", "later", "last", "this", "since", "before",
    "when", "where", "while", "during", "until", "said", "says", "say", "were", "was", "is",
    "are", "has", "have", "had", "which", "who", "after", "every", "each", "alone", "itself",
])
# Words after a country that put a place beside it, not in it ("near the Thai border").
BORDER_WORDS = ("border", "borders", "frontier", "border-village")
# Country names that are also people's names or common words ("Jordan", "Chad", "Turkey"):
# they say what country an article is about only after a place cue.
AMBIGUOUS_COUNTRY_NAMES = frozenset([
    "jordan", "chad", "turkey", "georgia", "niger", "guinea",
])
# Lower-case words allowed between a cue and the name ("in the besieged town of").
PLACE_FILLER = frozenset(
    [*ARTICLES, "besieged", "city", "town", "village", "province", "district", "area", "of",
     "nearby", "neighbouring", "neighboring", "adjacent"]
)
# Words that make the name before or after them the province, not the town.
REGION_CUES = frozenset(
    ["province", "governorate", "countryside", "rural", "suburbs", "state", "region"]
)
# Particles of transliterated Arabic names, written before the name ("al-Bab", "Ras el Ain").
NAME_PARTICLES = (
    "al", "el", "an", "ar", "as", "ash", "ad", "at", "az", "ez", "ed", "es", "en", "de", "bin",
    "ibn", "do", "da", "dos", "das", "del", "di", "du", "la", "las", "los",
)
# Lower-case words hyphened to the name they open: "sub-Saharan Africa".
NAME_PREFIXES = ("sub",)
# Words after a part of the world's possessive that make the phrase one of its countries or
# towns, not the part itself: "Latin America's largest economy", "Africa's most populous
# nation".
MEMBER_SUPERLATIVES = (
    "largest", "biggest", "most populous", "richest", "poorest", "smallest", "oldest",
    "youngest", "top",
)
# Words that set a second figure against the first: "24 percent of workers, compared to 16
# percent in the U.S." (the place after the second figure is the second figure's).
COMPARISON_WORDS = ("compared to", "compared with", "versus", "vs", "as against")
# Honorific titles of official town names, longest first, which everyday usage drops:
# "Heroica Caborca" is Caborca, "Heroica Ciudad de Tlaxiaco" Tlaxiaco; geonames also writes
# it with an accent ("Heróica Zitácuaro").
OFFICIAL_NAME_TITLES = (
    "Heroica Ciudad de ", "Heroica Villa de ", "Heroica ", "Heróica Ciudad de ",
    "Heróica Villa de ", "Heróica ",
)
# The abbreviations the news writes for the first word of a town's name: "Cd. Mante" is
# Ciudad Mante, "Ft. Worth" Fort Worth.
NAME_ABBREVIATIONS = {
    "Ciudad": "Cd.", "Fort": "Ft.", "Mount": "Mt.", "Saint": "St.", "Sainte": "Ste.",
}
# The abbreviations the news writes for first-level divisions after a town ("Modesto,
# Calif.", "Cuauhtémoc, Chih."): the AP's for US states, the usual ones for Mexican states;
# only read right after a town and a comma, where they say which town of its name is meant.
DIVISION_ABBREVIATIONS = {
    "US": {
        "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
        "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
        "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
        "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
        "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
        "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
        "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
        "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
        "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
        "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
        "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
        "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    },
    "MX": {
        "Ags.": "Aguascalientes", "B.C.": "Baja California", "B.C.S.": "Baja California Sur",
        "Camp.": "Campeche", "Chis.": "Chiapas", "Chih.": "Chihuahua",
        "Coah.": "Coahuila de Zaragoza", "Dgo.": "Durango", "Gto.": "Guanajuato",
        "Gro.": "Guerrero", "Hgo.": "Hidalgo", "Jal.": "Jalisco", "Edomex": "México",
        "Mich.": "Michoacán de Ocampo", "Mor.": "Morelos", "Nay.": "Nayarit",
        "N.L.": "Nuevo León", "Oax.": "Oaxaca", "Pue.": "Puebla", "Qro.": "Querétaro",
        "Q. Roo": "Quintana Roo", "S.L.P.": "San Luis Potosí", "Sin.": "Sinaloa",
        "Son.": "Sonora", "Tab.": "Tabasco", "Tamps.": "Tamaulipas", "Tlax.": "Tlaxcala",
        "Ver.": "Veracruz de Ignacio de la Llave", "Yuc.": "Yucatán", "Zac.": "Zacatecas",
    },
}
# The articles among them, which a name is also written without ("Bab" for "al-Bab").
NAME_ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ez")
# "the Syrian capital" is the capital of the country the adjective names (capitalised, as
# written).
DEMONYMS: dict[str, str] = {
    "Syrian": "SY", "Iraqi": "IQ", "Yemeni": "YE", "Lebanese": "LB", "Turkish": "TR",
    "Russian": "RU", "Iranian": "IR", "Afghan": "AF", "Libyan": "LY", "Egyptian": "EG",
    "Jordanian": "JO", "Israeli": "IL", "Saudi": "SA", "Ukrainian": "UA", "Sudanese": "SD",
    "Somali": "SO", "Malian": "ML", "Nigerian": "NG", "Pakistani": "PK", "American": "US",
    "British": "GB", "French": "FR", "German": "DE", "Chinese": "CN",
    "Mexican": "MX", "Burmese": "MM", "Indonesian": "ID", "Malaysian": "MY", "Tunisian": "TN",
    "Algerian": "DZ", "Moroccan": "MA", "Canadian": "CA", "Indian": "IN", "Italian": "IT",
    "Spanish": "ES", "Japanese": "JP", "South Korean": "KR", "North Korean": "KP",
    "Brazilian": "BR", "Colombian": "CO",
    "Venezuelan": "VE", "Kenyan": "KE", "Ethiopian": "ET", "Congolese": "CD",
    "Bangladeshi": "BD", "Thai": "TH", "Filipino": "PH", "Vietnamese": "VN",
    "Australian": "AU", "Irish": "IE", "Polish": "PL", "Greek": "GR", "Dutch": "NL",
    "Belgian": "BE", "Swiss": "CH", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK",
    "Argentine": "AR", "Chilean": "CL", "Peruvian": "PE", "Cuban": "CU", "Haitian": "HT",
    "Palestinian": "PS", "Ghanaian": "GH", "Cameroonian": "CM",
    "Scottish": "GB", "Welsh": "GB", "Austrian": "AT", "Hungarian": "HU",
    "Romanian": "RO", "Serbian": "RS", "Nepali": "NP", "Sri Lankan": "LK", "Emirati": "AE",
    "Qatari": "QA", "Kuwaiti": "KW", "Bahraini": "BH", "Omani": "OM", "Sierra Leonean": "SL",
    "Liberian": "LR", "Ugandan": "UG", "Rwandan": "RW", "Tanzanian": "TZ", "Zimbabwean": "ZW",
    "Salvadoran": "SV", "Guatemalan": "GT", "Honduran": "HN", "Nicaraguan": "NI",
}

# The roles a figure plays in the reporting of its incident (claims.models.ROLE_TABLE), by
# the words that give them (claims.extraction.roles reads these).
# Words before a figure that put it inside a count already given: "15 people including three
# children", "among them four women".
INCLUDING_WORDS = (
    "including", "includes", "included", "among them", "among whom", "of whom", "of them",
    "among those",
)
# What a part is taken out of, after "of the" or "among the": "14 of the dead", "among the
# victims were". Words for the dead and the hurt; "them" and "those" stand for either.
TOLL_NOUNS = (
    "dead", "killed", "victims", "fatalities", "deaths", "bodies", "wounded", "injured",
    "casualties", "martyrs",
)
# Verbs that say which of a count a part is: "of those killed", "of the people wounded".
# Nouns that end in "-ing", the head of a counted phrase, not a participle before one: "one
# building where ...", "two weddings" aside.
ING_NOUNS = frozenset([
    "building", "wedding", "meeting", "gathering", "bombing", "shooting", "crossing",
    "dwelling", "thing", "king", "ring", "wing", "spring", "string", "sibling", "offspring",
    "evening", "morning", "ceiling", "uprising", "hearing", "ruling", "landing", "warning",
])
TOLL_PARTICIPLES = ("killed", "wounded", "injured", "hurt", "dead")
# What stands between a count and its toll participle: "Thirty were killed".
TOLL_AUXILIARIES = ("were", "are", "have been", "had been", "was")
# Phrases that name a source after them: "according to the ministry", "citing two medics".
ACCORDING_PHRASES = (
    "according to", "citing", "cited by", "quoting", "data from", "figures from",
    "statistics from", "estimates from", "a tally by", "figures released by",
    "figures compiled by",
)
# Words that open a sentence before a comma, linking it to the one before; never a speaker:
# "However, Reuters, citing a source, said".
SENTENCE_CONNECTIVES = (
    "however", "meanwhile", "separately", "elsewhere", "moreover", "furthermore", "still",
    "yet", "instead", "nevertheless", "nonetheless", "additionally", "also", "overall",
    "previously", "earlier", "later", "finally", "indeed", "similarly", "likewise", "then",
    "now", "today", "yesterday", "besides", "again", "thus", "therefore", "otherwise",
)
# Words that tell a toll is another attack's than its report's own: "Elsewhere, air strikes
# on Douma killed six", "in a separate attack", "in a similar attack"; and, before a toll
# participle, "Three people were also killed in another town".
OTHER_EVENT_WORDS = (
    "elsewhere", "separately", "in another", "in a separate", "another incident", "meanwhile",
    "more incidents", "other incidents", "separate incidents", "other attacks",
    "separate attacks",
)
# Words before an attack's words, a word or two between, that tell it as another attack like
# the report's own: "ten were killed in a similar terrorist attack on Tuesday".
LIKE_ATTACK_WORDS = ("similar",)
ADDED_TOLL_WORDS = ("also", "also reported", "also been")
# Nouns of an attack that a side's word before them names as that side's ("rebel barrage",
# "government air strikes", "terrorist rocket fire"), besides the means of ATTACK_MEANS: a
# toll past its report's lead told as another side's attack than the lead's is another
# attack's (claims.incidents).
SIDE_ATTACK_NOUNS = ("barrage", "fire", "attack", "attacks", "strike", "strikes", "assault")
# Words that may stand between a side's word and the words of its attack, with those words
# themselves: "government air strikes", "regime forces shelling", "rebel rocket fire".
SIDE_ATTACK_MODIFIERS = ("air", "forces")
# Words that tell the toll after them in their sentence as an earlier attack's, by the days
# between the two: "the shelling comes a day after eight civilians were killed in a similar
# attack" (claims.incidents).
EARLIER_ATTACK_DAYS: dict[str, int] = {
    "a day after": 1, "one day after": 1, "the day after": 1, "two days after": 2,
}
# Superlatives and ordinals that a span ("since the war began", "in the civil war") may
# measure instead of the toll before them: "killed 72, the latest atrocity in the civil
# war", "the first report of civilian deaths since the operation began" (claims.compare).
SPAN_SUPERLATIVES = (
    "first", "latest", "deadliest", "worst", "bloodiest", "biggest", "largest", "heaviest",
    "highest",
)
# Words that join the places of a list ("in Hama and Idlib"): a toll placed in several
# provinces, which places read as their country, is no one province's attack's (claims.compare).
PLACE_LIST_WORDS = ("and", "&", "or")
# Words before the means of attack that tell a toll as the sum of several attacks ("separate
# air raids in northern Syria killed 25 civilians"): placed at a country, it is no one
# attack's (claims.compare).
SEPARATE_ATTACK_WORDS = ("separate",)
# The points of the compass a toll may be spread over, two of them joined: "killed 21
# civilians in the south and northeast of the country" is a country's sum, no one attack's.
COMPASS_POINTS = (
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western",
)
# Words a division's name may be made of alone, which name no one division: "Central",
# "Northern", "Capital Region", "Federal District" (several countries have each).
GENERIC_DIVISION_WORDS = frozenset([
    *COMPASS_POINTS, "north-east", "north-west", "south-east", "south-west", "central",
    "centre", "center", "capital", "national", "nacional", "federal", "metropolitan",
    "region", "district", "province", "governorate", "city", "municipality", "territory",
    "upper", "lower", "middle", "coast", "coastal", "islands", "island", "the",
])
# Words of a division's kind ending the English name geonames gives it: "Tibet Autonomous
# Region" is Tibet, "Ganja City" Ganja.
DIVISION_KIND_WORDS = ("autonomous region", "region", "governorate", "province", "rayon",
                       "rayonu", "city", "district", "state", "marz",
                       # China's in pinyin: "Anhui Sheng", "Guangxi Zhuangzu Zizhiqu"
                       "zhuangzu zizhiqu", "uygur zizhiqu", "huizu zizhiqu", "zizhiqu", "sheng",
                       "shi")
# Words that open a page's list of subject tags, run on into its first sentence with no
# stop between ("Tags Syria Idlib airstrike Homs bombing At least 18 civilians were killed"):
# the places it names are the page's subjects, not where a claim after it happened.
TAG_LINE_OPENERS = ("Tags", "Topics", "Keywords")
# Words that call a place a province, next to its name ("Idlib province", "the province of
# Idlib"): a toll given for a whole province beside a smaller toll in it is the province's
# day total, not the attack's (claims.compare).
PROVINCE_WORDS = ("province", "provinces", "governorate", "governorates")
# Words that call a province's namesake the city, not the province ("Deir ez-Zor city", "the
# eastern city of Deir el-Zour"): a report so placed is a town's (claims.compare).
CITY_WORDS = ("city",)
# A city named with the province around it, which a toll then covers: "Aleppo and the
# surrounding province", "Idlib city and its province".
AROUND_CITY_WORDS = ("and the surrounding", "and its surrounding", "and its")
# One attack, named as one: "a suicide bomb", "another attack", "a double bombing": a toll
# it gave dated only by its month is that attack's, recalled, not the month's total.
ONE_ATTACK_ARTICLES = ("a", "an", "another")
ONE_ATTACK_NOUNS = (
    "attack", "bombing", "bomb", "blast", "explosion", "bomber", "strike", "airstrike",
    "air strike", "raid", "air raid", "massacre", "ambush",
)
# Words an attack's article and its noun may have between them: "a suspected chemical
# attack", "a devastating double bomb blast".
ONE_ATTACK_GAP = 3
# Words before a figure that add it to an earlier count of the same thing: "a further 12".
FURTHER_WORDS = ("a further", "an additional", "another", "an extra", "additional", "further")
# A span of time a total runs over: "in the last month", "over the past three days".
SPAN_LEADS = ("in", "over", "during", "within", "for", "throughout")
SPAN_EDGES = ("last", "past", "previous", "preceding")
SPAN_UNITS = (
    "hours", "days", "weeks", "months", "years", "hour", "day", "week", "month", "year",
    "weekend", "fortnight",
)
# A month named after these words, or in a sentence that looks ahead, is the coming one:
# "fares rise from April" written in March is this April, not last year's.
AHEAD_LEADS = ("from", "until", "starting")
FUTURE_MARKERS = (
    "will", "would", "shall", "is to", "are to", "is set to", "are set to", "is due to",
    "are due to", "plans to", "plan to", "is expected to", "are expected to", "next",
)
# Words beside a count that tell it as planned, not done: "the deal is set to see 30,000
# people evacuated", "5,000 people are set for evacuation", "could see 30,000 people moved
# over the next 60 days" (claims.compare keeps such a count
# apart from the count done: the convoy that carried 5,000).
PLAN_MARKERS = (
    *(w for w in FUTURE_MARKERS if w != "next"), "is set for", "are set for", "could see",
    "may see", "might see", "over the next",
)
# What a count may come to, not a count made: a modal or a verb of expecting, then a verb
# of rising, right before the figure: "the death toll could reach as many as 200", "is
# expected to rise to 300", "may climb above 50" (claims.extraction.roles: a projected
# count, kept out of the figure of counted totals). A past "reached 200" or a modal after
# the figure ("killed 20 and could rise") projects nothing.
PROJECTION_MODALS = (
    "could", "may", "might", "will", "would", "expected to", "likely to", "set to",
    "feared to", "projected to", "forecast to", "poised to", "bound to", "threatens to",
    "threatening to", "threatened to",
)
# Verbs that make the infinitive of rising after their object a projection: "officials
# expect the toll to rise above 100", "fear the number to climb".
PROJECTION_EXPECTING = (
    "expect", "expects", "expected", "fear", "fears", "feared", "predict", "predicts",
    "predicted", "forecast", "forecasts",
)
# What people may yet come to, said right after their figure and a modal: "thousands more
# could die", "up to 2 million may be displaced".
PROJECTION_OUTCOMES = (
    "die", "be killed", "perish", "lose their lives", "be displaced", "flee", "be wounded",
    "be injured", "be affected",
)
# Words between the modal and its verb: "could well exceed", "is expected to rise further".
PROJECTION_ADVERBS = (
    "still", "further", "well", "soon", "easily", "eventually", "even", "yet", "quickly",
    "likely", "probably", "possibly", "rapidly", "sharply",
)
# Verbs of rising, in the form a modal takes: "rise", "climb", "exceed".
PROJECTION_VERBS = (
    "reach", "rise", "climb", "exceed", "top", "surpass", "pass", "hit", "increase", "mount",
    "grow", "soar", "jump", "go up", "approach", "number", "be as high as",
)
# Words between the verb of rising and the figure: "rise to", "climb above", "rise further
# to as many as".
PROJECTION_LINKS = (
    "to", "above", "over", "beyond", "past", "by", "further", "as many as", "as high as",
    "more than", "at least", "well over", "well above", "into the",
)
# Words that say a count is complete as of now without saying since when: an incident's
# toll "so far" is still that incident's, not a running total of a war.
SO_FAR_WORDS = (
    "so far", "thus far", "to date", "in total", "overall", "until now", "up to now",
    "till now",
)
# "this week", "so far this month": a total of the running span.
SPAN_CURRENT = ("this", "so far this")
# Words that make a span's unit all of it: "over the whole weekend", "during the entire week".
WHOLE_SPAN_WORDS = ("whole", "entire")
# A total over more ground than one incident's: "50 killed across the country on Tuesday".
WIDE_SPANS = (
    "across the country", "across the nation", "nationwide", "across the province",
    "across the region", "throughout the country", "around the country",
)

# Headline capitals: the short words Title Case leaves in lower case ("Gunmen Kill 5 in
# Guerrero", "Two Dead as Storm Hits"); a line whose other words are all capitalised, or
# that has no lower-case letter at all, is a headline, where capitals name nothing.
TITLE_CASE_SMALL_WORDS = (
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
    "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over",
    "than", "that", "upon", "amid", "near", "after", "is", "are", "was", "be", "its",
)
# Place cues that never begin a name, so a headline's "NEAR", "Outside" or "Struck" reads as
# the cue it is; "North", "Central", "City" and "Province" stay, as in "North Korea",
# "Mexico City".
HEADLINE_PLACE_CUES = frozenset(PLACE_CUES) - {
    "rural", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
    "west", "northwestern", "northeastern", "southwestern", "southeastern", "northwest",
    "northeast", "southwest", "southeast", "province", "governorate", "city", "town",
    "village", "district", "countryside", "suburbs", "suburb", "outskirts", "neighbourhood",
    "neighborhood", "area", "region", "camp",
}

# Units a fraction takes after a hyphen: "a quarter-point", "a half-mile", "a half-hour".
HYPHENED_FRACTION_UNITS = ("point", "percentage-point", "mile", "hour", "inch", "pound")
# Units that "a"/"an" counts one of when a qualifier comes first: "nearly a year", "up to a
# foot", "more than a decade". "second" is left out: "over a second term" is no duration.
ONE_UNIT_NOUNS = (
    "minute", "hour", "day", "week", "month", "year", "decade", "inch", "foot", "yard",
    "mile", "metre", "meter", "kilometre", "kilometer", "pound", "kilogram", "ton", "tonne",
    "litre", "liter", "gallon", "dollar", "euro", "acre", "hectare",
)

# Nouns whose level, written bare after them, is an age in years: "life expectancy for men
# is around 73", "the retirement age will rise to 67".
AGE_LEVEL_NOUNS = (
    "life expectancy", "retirement age", "pension age", "pensionable age", "voting age",
    "drinking age", "median age", "average age", "mean age", "age of consent",
)

# Words that make "the ... three" a place in a ranking, not a count, when no noun follows:
# "slipped into the bottom three", "finished in the top 10".
RANK_EDGES = ("top", "bottom")

# What says a noun once before "or" and a number that counts it again: "a day or two",
# "another pick or two".
ONE_OF_A_NOUN = ("a", "an", "another", "one")

# Nouns of a source that "by one" or "according to one" names: "by one count, 500 died" says
# whose figure it is, not how many counts there were.
ONE_SOURCE_NOUNS = (
    "count", "estimate", "account", "measure", "reckoning", "tally", "calculation",
)
ONE_SOURCE_BEFORE = ("by", "according to")

# Words between the two numbers of a proportion: "one in three adults", "two out of five".
PROPORTION_LINKS = ("in", "out of")

# Nouns of a rate whose level, written bare after them, is a share: "interest rates near
# zero", "a jobless rate of 5".
RATE_LEVEL_NOUNS = ("rate", "rates")
# Words between such a noun and its level: "rates near zero", "cut rates to near zero".
RATE_LEVEL_LINKS = ("at", "near", "to", "of", "around", "above", "below", "from")
# Rates: what "a"/"an" may divide a figure by ("€1.92 a litre", "$3,500 a month", "400,000
# barrels a day"); after "per" any noun will do ("63 cents per share").
RATE_NOUNS = (
    "minute", "hour", "day", "night", "week", "month", "year", "decade", "season", "game",
    "match", "litre", "liter", "gallon", "barrel", "ounce", "tonne", "ton", "kilo",
    "kilogram", "pound", "share", "head", "person", "unit", "ticket", "bottle", "pack",
    "seat", "visit", "trip", "shift", "session",
)
# Words after "a day", "a year" that make it a time, not a rate: "5% a year earlier".
RATE_NOT_BEFORE = ("ago", "earlier", "later", "before", "after", "prior", "back", "since", "from")
# Denominators written in other words, as the record keeps them: "per annum" is per year.
PER_SYNONYMS = {
    "annum": "year", "capita": "person", "head": "person",
    # abbreviated areas and volumes, spelled out as the unsigned noun is: "$80 per sq m"
    "sq m": "square metre", "sq. m": "square metre", "sqm": "square metre",
    "sq ft": "square foot", "sq. ft": "square foot", "sqft": "square foot",
    "sq km": "square kilometre", "sq. km": "square kilometre",
    "sq mi": "square mile", "sq. mi": "square mile", "sq mile": "square mile",
    "cubic m": "cubic metre", "cubic ft": "cubic foot",
}
# The dollar a bare "$" is in a story about each of these countries (ISO 3166 codes): its own,
# as its press writes "US$" for the American one. Countries whose "$" is a peso are left out:
# English copy about them uses it for both.
LOCAL_DOLLARS = {
    "CA": "cad", "AU": "aud", "NZ": "nzd", "HK": "hkd", "SG": "sgd", "TW": "twd",
    "JM": "jmd", "TT": "ttd", "BB": "bbd", "BS": "bsd", "BZ": "bzd", "FJ": "fjd",
    "NA": "nad", "LR": "lrd", "GY": "gyd", "SB": "sbd", "BN": "bnd",
}

# How an attack was carried out, by the words a report's headline and lead name it with: two
# reports of one day and province that name only different means ("rocket shells" on one
# district, "air raids" on another) are two attacks (claims.incidents).
ATTACK_MEANS: dict[str, tuple[str, ...]] = {
    "shelling": (
        "shelling", "shells", "shell", "rocket", "rockets", "mortar", "mortars", "artillery",
        "missiles", "missile", "grad",
    ),
    "air": (
        "airstrike", "airstrikes", "air-strike", "air-strikes", "raids", "raid", "warplanes",
        "warplane", "jets", "aircraft", "barrel", "bombardment",
    ),
    # an aircraft brought down, not one that strikes: "a helicopter was downed near the town,
    # killing the five on board" beside the air raids on the town that day
    "crash": ("downed", "crashed", "crash", "crashes"),
    "bomb": (
        "bomb", "bombs", "bombing", "bombings", "blast", "blasts", "explosion", "explosions",
        "suicide", "bomber", "bombers", "booby-trapped", "explosive", "explosives",
    ),
    "chemical": ("chemical", "chlorine", "sarin", "toxic", "nerve"),
    "fighting": (
        "clashes", "fighting", "battle", "battles", "offensive", "assault", "ambush",
        "sniper", "gunmen", "gunfire", "shooting",
    ),
    "execution": ("executed", "execution", "executions", "beheaded", "massacre"),
}
# Who holds the place struck, as reports write it ("the rebel-held east", "the
# government-held west of the city"): one city's two sides are struck by two sides' fire.
HELD_BY: dict[str, tuple[str, ...]] = {
    "government": (
        "government-held", "regime-held", "government-controlled", "regime-controlled",
        "army-held", "loyalist-held",
    ),
    "opposition": (
        "rebel-held", "opposition-held", "rebel-controlled", "opposition-controlled",
        "insurgent-held", "moderate-held",
    ),
    "jihadist": (
        "daesh-held", "is-held", "isis-held", "isil-held", "state-held", "jihadist-held",
        "extremist-held", "qaeda-held", "daesh-controlled", "daish-controlled",
        "is-controlled", "isis-controlled", "isil-controlled",
    ),
    "kurdish": ("kurdish-held", "kurd-held", "kurdish-controlled", "ypg-held", "ypg-controlled"),
}
HOLDER_OF: dict[str, str] = {word: side for side, words in HELD_BY.items() for word in words}
# How a label names each means of attack: "People killed in Khan Sheikhoun, 4 April 2017,
# chemical attack". When reports name several, the first listed here that most name wins.
ATTACK_MEAN_LABELS: dict[str, str] = {
    "chemical": "chemical attack", "execution": "executions", "bomb": "bombing",
    "air": "air strikes", "shelling": "shelling", "fighting": "fighting", "crash": "crash",
}
ATTACK_MEAN_OF: dict[str, str] = {
    word: mean for mean, words in ATTACK_MEANS.items() for word in words
}

# Verbs that credit a figure to whoever comes before them ("the ministry said", "the fund
# foresees", "researchers found that") or after them ("said the ministry"): telling, counting,
# forecasting and finding.
REPORTING_VERBS = (
    "said", "says", "say", "reported", "reports", "report", "told", "tells", "estimated",
    "estimates", "estimate", "announced", "announces", "stated", "states", "confirmed", "confirms",
    "added", "adds", "claimed", "claims", "noted", "warned", "documented", "recorded",
    "counted", "tallied", "put the toll", "put the death toll", "put the number",
    "put the figure", "put the total", "put the crowd",
    "quoted", "cited", "wrote", "tweeted", "posted", "declared", "revealed", "disclosed",
    "sees", "expects", "expected", "forecast", "forecasts", "forecasting", "foresees",
    "predicted", "predicts", "projected", "described", "describes", "describe",
    "found that", "finds that",
)
# Verbs of speech that make the figure right before them the speaker, not a victim of the
# event told after them: "One man said 20 people died", "Two witnesses told AFP ...".
# "Said" and its kin also come before the speaker ("killed two soldiers said the monitor"),
# so only a figure they do not lead a name after speaks; "told" and "tells" take a listener.
SPEAKER_VERBS = (
    "said", "says", "say", "added", "adds", "stated", "warned", "noted", "wrote", "tweeted",
)
TELLING_VERBS = ("told", "tells")
# Reporting verbs whose passive names its source after "by": "expected by the motoring club".
PASSIVE_REPORTING_VERBS = (
    "reported", "estimated", "expected", "forecast", "predicted", "projected", "documented",
    "recorded", "counted", "tallied", "confirmed", "announced",
)
# Forms of "to be": before a participle they make it passive ("is expected to grow"), with
# no speaker before it.
BE_FORMS = ("is", "are", "was", "were", "be", "been", "being")
# Words that count or pick out a noun, so a reporting verb after them is a noun: "two states",
# "other reports", "several estimates".
QUANTIFIERS = (
    "other", "several", "many", "few", "some", "all", "both", "various", "numerous", "most",
    "multiple", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)
# Words that count a share of a figure just told, not the figure itself: "21 civilians,
# eight of them children", "47 people, most of them women" (the figure is the whole).
SHARE_WORDS = (*QUANTIFIERS, "half", "none", "each", "dozens", "scores", "hundreds", "thousands")
# Pronouns a speaker is referred back to with: "he said", "it expects".
SPEAKER_PRONOUNS = ("he", "she", "it")
# Pronouns that are subjects, never counted nouns: "wounded 22 it said", "killed 5 they say".
SUBJECT_PRONOUNS = ("we", "you", "he", "she", "it", "they")
# What a source holds a figure in: "in the fund's view", "in its latest estimates, the IMF".
VIEW_NOUNS = (
    "view", "opinion", "estimate", "estimates", "estimation", "forecast", "forecasts",
    "assessment", "reckoning", "calculation", "calculations", "projections", "report",
    "figures", "outlook", "count", "tally",
)
# What shows a sentence goes on with the report before it, credited to the same source:
# passive forecasts ("is projected to grow"), a modal on the forecast itself ("This would be")
# and examples ("for instance").
FORECAST_PASSIVES = ("expected", "projected", "forecast", "predicted", "estimated", "seen")
CONTINUING_OPENERS = ("this would", "that would", "this will", "that will")
EXAMPLE_PHRASES = ("for instance", "for example")
