"""Units: what follows (or, for currencies, precedes) a number, normalised to one code.

Each table row is surface -> (unit code, metric). Codes are short where the trade has a
short form (km, usd, percent) and singular English names otherwise (barrel, volt).
"""

from __future__ import annotations

import re

import regex

from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, group_numbers

# Written before the number: "$3m", "US$ 40", "£2bn", "RM5".
CURRENCY_PREFIXES = {
    "$": "usd", "us$": "usd", "usd": "usd", "a$": "aud", "au$": "aud", "aud": "aud",
    "c$": "cad", "ca$": "cad", "cad": "cad", "hk$": "hkd", "hkd": "hkd", "nz$": "nzd",
    "s$": "sgd", "r$": "brl", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp",
    "¥": "jpy", "jpy": "jpy", "cny": "cny", "rmb": "cny", "₹": "inr", "rs": "inr",
    "rs.": "inr", "inr": "inr", "₪": "ils", "nis": "ils", "rm": "myr", "myr": "myr",
    "chf": "chf", "₽": "rub", "₩": "krw", "₺": "try", "sr": "sar",
    # Spaced and inverted forms of agency copy: "US $473", "$US113", "$A82".
    "us $": "usd", "$us": "usd", "hk $": "hkd", "a $": "aud", "au $": "aud", "$a": "aud",
    "nz $": "nzd", "c $": "cad", "s $": "sgd", "$nz": "nzd", "sgd": "sgd", "nzd": "nzd",
    # What ¥ and £ become when copy is transliterated to ASCII ("Y=590 billion", "PS2.7m").
    "y=": "jpy", "ps": "gbp",
}
# Prefixes that are also names ("PS4" is a console): money only before a money-shaped
# figure, with a separator, decimals or a scale ("PS21,700", "PS2.7m").
MONEY_SHAPED_ONLY = {"ps"}
MONEY_SCALES = ("m", "bn", "k", "million", "billion")
MONEY_SHAPED_RE = regex.compile(
    rf"\d{{1,3}}(?:,\d{{3}})+|\d+\.\d|\d+[ \t]?(?i:{alternation(MONEY_SCALES)})\b"
)

# Written after the number. Longer surfaces win ("square kilometres" before "kilometres").
SUFFIX_UNITS: dict[str, tuple[str, str]] = {
    # money
    "dollars": ("usd", "money"), "dollar": ("usd", "money"), "us dollars": ("usd", "money"),
    "u.s. dollars": ("usd", "money"), "usd": ("usd", "money"), "euros": ("eur", "money"),
    "euro": ("eur", "money"), "eur": ("eur", "money"), "€": ("eur", "money"),
    "pounds sterling": ("gbp", "money"),
    "sterling": ("gbp", "money"), "yen": ("jpy", "money"), "yuan": ("cny", "money"),
    "renminbi": ("cny", "money"), "rupees": ("inr", "money"), "ringgit": ("myr", "money"),
    "shekels": ("ils", "money"), "shekel": ("ils", "money"), "riyals": ("sar", "money"),
    "dirhams": ("aed", "money"), "liras": ("try", "money"), "lira": ("try", "money"),
    "rubles": ("rub", "money"), "roubles": ("rub", "money"), "francs": ("chf", "money"),
    "pesos": ("mxn", "money"), "rand": ("zar", "money"), "naira": ("ngn", "money"),
    "syrian pounds": ("syp", "money"), "egyptian pounds": ("egp", "money"),
    "lebanese pounds": ("lbp", "money"), "cents": ("cent", "money"), "cent": ("cent", "money"),
    "chinese yuan": ("cny", "money"), "australian dollars": ("aud", "money"),
    "canadian dollars": ("cad", "money"), "new zealand dollars": ("nzd", "money"),
    "hong kong dollars": ("hkd", "money"), "singapore dollars": ("sgd", "money"),
    "danish kroner": ("dkk", "money"), "danish crowns": ("dkk", "money"),
    "swedish kronor": ("sek", "money"), "norwegian kroner": ("nok", "money"),
    "swiss francs": ("chf", "money"), "jpy": ("jpy", "money"), "gbp": ("gbp", "money"),
    "cny": ("cny", "money"), "inr": ("inr", "money"), "aud": ("aud", "money"),
    "cad": ("cad", "money"), "chf": ("chf", "money"), "hkd": ("hkd", "money"),
    "sgd": ("sgd", "money"), "nzd": ("nzd", "money"), "rmb": ("cny", "money"),
    "pence": ("pence", "money"), "p": ("pence", "money"), "sen": ("sen", "money"),
    # share
    "%": ("percent", "share"), "percent": ("percent", "share"), "per cent": ("percent", "share"),
    "pc": ("percent", "share"), "pct": ("percent", "share"),
    "percentage points": ("points", "share"), "percentage point": ("points", "share"),
    "basis points": ("basis point", "share"), "basis point": ("basis point", "share"),
    "bps": ("basis point", "share"),
    "bp": ("basis point", "share"), "points": ("points", "count"), "point": ("points", "count"),
    "pts": ("points", "count"),
    # length
    "km": ("km", "distance"), "kms": ("km", "distance"), "kilometres": ("km", "distance"),
    "kilometers": ("km", "distance"), "kilometre": ("km", "distance"),
    "kilometer": ("km", "distance"), "m": ("m", "distance"), "metres": ("m", "distance"),
    "meters": ("m", "distance"), "metre": ("m", "distance"), "meter": ("m", "distance"),
    "cm": ("cm", "distance"), "centimetres": ("cm", "distance"),
    "centimeters": ("cm", "distance"), "centimetre": ("cm", "distance"),
    "centimeter": ("cm", "distance"), "mm": ("mm", "distance"),
    "millimetres": ("mm", "distance"), "millimeters": ("mm", "distance"),
    "millimetre": ("mm", "distance"), "millimeter": ("mm", "distance"),
    "nanometres": ("nanometre", "distance"), "nanometers": ("nanometre", "distance"),
    "nanometre": ("nanometre", "distance"), "nanometer": ("nanometre", "distance"),
    "μm": ("micrometre", "distance"), "µm": ("micrometre", "distance"),
    "miles": ("mi", "distance"), "mile": ("mi", "distance"), "mi": ("mi", "distance"),
    "feet": ("ft", "distance"), "foot": ("ft", "distance"), "ft": ("ft", "distance"),
    "inches": ("in", "distance"), "inch": ("in", "distance"), "″": ("in", "distance"),
    "′": ("ft", "distance"), "yards": ("yd", "distance"),
    "yard": ("yd", "distance"), "yds": ("yd", "distance"),
    "nautical miles": ("nautical mile", "distance"), "micrometres": ("micrometre", "distance"),
    "microns": ("micrometre", "distance"), "light years": ("light year", "distance"),
    "light-years": ("light year", "distance"),
    # area
    "square kilometres": ("km2", "area"), "square kilometers": ("km2", "area"),
    "square kilometre": ("km2", "area"), "square kilometer": ("km2", "area"),
    "square metre": ("m2", "area"), "square meter": ("m2", "area"),
    "square mile": ("square mile", "area"), "square foot": ("square foot", "area"),
    "sq km": ("km2", "area"), "km2": ("km2", "area"), "km²": ("km2", "area"),
    "square metres": ("m2", "area"), "square meters": ("m2", "area"), "sq m": ("m2", "area"),
    "m2": ("m2", "area"), "m²": ("m2", "area"), "square miles": ("square mile", "area"),
    "sq miles": ("square mile", "area"), "square feet": ("square foot", "area"),
    "sq ft": ("square foot", "area"), "hectares": ("ha", "area"), "hectare": ("ha", "area"),
    "ha": ("ha", "area"), "acres": ("acre", "area"), "acre": ("acre", "area"),
    "sq feet": ("square foot", "area"), "sq. ft.": ("square foot", "area"),
    "sqft": ("square foot", "area"), "sqm": ("m2", "area"), "sq. m": ("m2", "area"),
    "dunams": ("dunam", "area"),
    # mass
    "tonnes": ("tonnes", "weight"), "tonne": ("tonnes", "weight"), "tons": ("ton", "weight"),
    "ton": ("ton", "weight"), "metric tons": ("tonnes", "weight"), "kg": ("kg", "weight"),
    "gigatonnes": ("gigaton", "weight"), "gigatons": ("gigaton", "weight"),
    "megatonnes": ("megaton", "weight"), "megatons": ("megaton", "weight"),
    "kilogram": ("kg", "weight"), "gram": ("g", "weight"), "mg": ("milligram", "weight"),
    "milligrams": ("milligram", "weight"), "milligram": ("milligram", "weight"),
    "micrograms": ("microgram", "weight"),
    "kilograms": ("kg", "weight"), "kilogrammes": ("kg", "weight"),
    "kilos": ("kg", "weight"), "grams": ("g", "weight"), "g": ("g", "weight"),
    "pounds": ("lb", "weight"), "pound": ("lb", "weight"), "lbs": ("lb", "weight"),
    "lb": ("lb", "weight"), "ounces": ("ounce", "weight"), "ounce": ("ounce", "weight"),
    "oz": ("ounce", "weight"),
    # volume
    "litres": ("l", "count"), "liters": ("l", "count"), "litre": ("l", "count"),
    "liter": ("l", "count"), "l": ("l", "count"), "gallons": ("gallon", "count"),
    "barrels": ("barrel", "count"),
    "gallon": ("gallon", "count"), "barrel": ("barrel", "count"), "ml": ("millilitre", "count"),
    "millilitres": ("millilitre", "count"), "milliliters": ("millilitre", "count"),
    "cubic feet": ("cubic foot", "count"), "cubic foot": ("cubic foot", "count"),
    "calories": ("calorie", "count"),
    "kilocalories": ("kilocalorie", "count"), "kcal": ("kilocalorie", "count"),
    "bpd": ("barrel", "count"), "cubic metres": ("m3", "count"),
    "cubic meters": ("m3", "count"),
    # time
    "seconds": ("seconds", "duration"), "second": ("seconds", "duration"),
    "secs": ("seconds", "duration"), "sec": ("seconds", "duration"),
    "yrs": ("years", "duration"), "yr": ("years", "duration"),
    "minutes": ("minutes", "duration"), "minute": ("minutes", "duration"),
    "mins": ("minutes", "duration"), "min": ("minutes", "duration"),
    "hours": ("hours", "duration"), "hour": ("hours", "duration"), "hrs": ("hours", "duration"),
    "days": ("days", "duration"), "day": ("days", "duration"), "weeks": ("weeks", "duration"),
    "week": ("weeks", "duration"), "months": ("months", "duration"),
    "month": ("months", "duration"), "years": ("years", "duration"),
    "year": ("years", "duration"), "decades": ("decades", "duration"),
    "decade": ("decades", "duration"), "centuries": ("centuries", "duration"),
    # speed
    "mph": ("mph", "speed"), "miles per hour": ("mph", "speed"),
    "miles an hour": ("mph", "speed"), "m.p.h.": ("mph", "speed"), "m.p.h": ("mph", "speed"),
    "km/h": ("km/h", "speed"), "kph": ("km/h", "speed"),
    "kmh": ("km/h", "speed"), "kilometres per hour": ("km/h", "speed"),
    "kilometers per hour": ("km/h", "speed"), "knots": ("knot", "speed"),
    "km/hr": ("km/h", "speed"), "kt": ("knot", "speed"), "kts": ("knot", "speed"),
    "metres per second": ("metre per second", "speed"),
    "meters per second": ("metre per second", "speed"), "m/s": ("metre per second", "speed"),
    "mpg": ("mile per gallon", "count"), "miles per gallon": ("mile per gallon", "count"),
    "rpm": ("revolutions per minute", "count"),
    # temperature
    "degrees celsius": ("c", "temperature"), "degrees fahrenheit": ("f", "temperature"),
    "°c": ("c", "temperature"), "°f": ("f", "temperature"), "c": ("c", "temperature"),
    "celsius": ("c", "temperature"), "fahrenheit": ("f", "temperature"),
    "degree celsius": ("c", "temperature"), "degree fahrenheit": ("f", "temperature"),
    "degree c": ("c", "temperature"), "degrees c": ("c", "temperature"),
    "deg c": ("c", "temperature"), "degc": ("c", "temperature"),
    "degree f": ("f", "temperature"), "degrees f": ("f", "temperature"),
    "deg f": ("f", "temperature"), "degf": ("f", "temperature"),
    "f": ("f", "temperature"), "degrees": ("degrees", "temperature"),
    "degree": ("degrees", "temperature"),
    # data, energy, power, frequency
    "gb": ("gb", "count"), "gigabytes": ("gb", "count"), "mb": ("mb", "count"),
    "megabytes": ("mb", "count"), "tb": ("tb", "count"), "terabytes": ("tb", "count"),
    "hz": ("hz", "count"), "ghz": ("ghz", "count"), "mhz": ("megahertz", "count"),
    "khz": ("kilohertz", "count"), "kilohertz": ("kilohertz", "count"),
    "megahertz": ("megahertz", "count"), "gigahertz": ("ghz", "count"),
    "kw": ("kw", "count"), "kilowatts": ("kw", "count"), "mw": ("mw", "count"),
    "megawatts": ("mw", "count"), "gw": ("gw", "count"), "gigawatts": ("gw", "count"),
    "megawatt": ("mw", "count"), "kilowatt": ("kw", "count"), "gigawatt": ("gw", "count"),
    "kwh": ("kilowatt hour", "count"), "kilowatt hours": ("kilowatt hour", "count"),
    "kilowatt-hours": ("kilowatt hour", "count"), "mwh": ("megawatt hour", "count"),
    "gwh": ("gigawatt hour", "count"), "twh": ("terawatt hour", "count"),
    "mah": ("milliampere-hour", "count"), "hp": ("hp", "count"),
    "horsepower": ("hp", "count"), "bhp": ("brake horsepower", "count"),
    "lb-ft": ("foot pound-force", "count"), "pound-feet": ("pound-foot", "count"),
    "pound-foot": ("pound-foot", "count"), "newton metres": ("newton metre", "count"),
    "volts": ("volt", "count"), "volt": ("volt", "count"), "watts": ("watt", "count"),
    "watt": ("watt", "count"), "kv": ("kilovolt", "count"), "kilovolts": ("kilovolt", "count"),
    "mpa": ("megapascal", "count"), "gpa": ("gigapascal", "count"), "kpa": ("kilopascal", "count"),
    "psi": ("pound per square inch", "count"), "ksi": ("kilopound per square inch", "count"),
    "mbps": ("megabit per second", "count"), "gbps": ("gigabit per second", "count"),
    "kbps": ("kilobit per second", "count"),
    "ppm": ("parts-per-million", "count"), "ppb": ("parts-per-billion", "count"),
    "parts per million": ("part per million", "count"),
    "parts per billion": ("part per billion", "count"),
    "kv/cm": ("kilovolt per centimetre", "count"), "pints": ("pint", "count"),
    "pint": ("pint", "count"), "quarts": ("quart", "count"), "quart": ("quart", "count"),
    "fluid ounces": ("fluid ounce", "count"), "fluid ounce": ("fluid ounce", "count"),
    # multipliers: "a 3-fold rise" ("sixfold" is read as a number word)
    "fold": ("times", "count"),
    # sport
    "ppg": ("point per game", "count"), "rpg": ("rebound per game", "count"),
    "apg": ("assist per game", "count"),
    # earthquakes: "a 6.8-magnitude quake", "6.8 on the Richter scale"
    "magnitude": ("magnitude", "count"), "on the richter scale": ("magnitude", "count"),
}
# Units written as a word before the figure: "a magnitude 6.8 earthquake", "a magnitude of
# 7.2".
PREFIX_WORD_UNITS = {"magnitude": "magnitude"}
PREFIX_WORD_UNIT_RE = ending_at(
    rf"(?i:\b(?P<word>{alternation(PREFIX_WORD_UNITS)})(?:[ \t]+of)?)[ \t]+")
# The last two letters of those words or of "of", in either case, which the text before a
# figure and its space must end with for the pattern to be tried: most figures follow none.
PREFIX_WORD_TAILS = frozenset(
    tail for word in (*PREFIX_WORD_UNITS, "of") for tail in (word[-2:], word[-2:].upper()))
# Nouns of an earthquake: a figure with one decimal right before one is its magnitude ("a 5.6
# quake", "the 7.8 earthquake"), where a whole number counts them ("two quakes").
QUAKE_NOUNS = ("quake", "earthquake", "temblor", "tremor", "aftershock")
QUAKE_NOUN_RE = regex.compile(rf"[ \t]+(?i:{alternation(QUAKE_NOUNS)})\b")
# Abbreviations that hold a rate's denominator ("400,000 bpd" is barrels a day): the
# claim's `per`, as "400,000 barrels a day" writes it out.
RATE_ABBREVIATIONS = {"bpd": "day"}
RATE_ABBREVIATION_UNITS = frozenset(SUFFIX_UNITS[key][0] for key in RATE_ABBREVIATIONS)
# Units whose letter case decides what they are: "450 Nm" of torque, "7 nm" chips.
SUFFIX_EXACT: dict[str, tuple[str, str]] = {
    "Nm": ("newton metre", "count"), "nm": ("nanometre", "distance"), "W": ("watt", "count"),
    "C": ("c", "temperature"), "F": ("f", "temperature"), "WAR": ("win above replacement", "count"),
    "G": ("generation wireless", "count"), "PS": ("hp", "count"),
}
# Units written glued to a digit only ("5p", "30C"): too ambiguous with a space before them.
GLUED_ONLY = {"p", "c", "f", "g", "in", "min", "bp", "l", "€", "″", "′"}
# Pence are written spaced in market copy ("down 68 p at 1112 p"), not before a digit (a
# page, "p 12") nor as "p.m." or "p m".
SPACED_PENCE_RE = regex.compile(r"(?![ \t]*\d|\.\w|[ \t]m\b)")
# Units that must be written in lower case to count ("50 M" is not metres).
CASE_SENSITIVE = {"m", "g", "p", "mi", "pc", "ha", "mm", "cm", "c", "f", "min", "kt", "bp"}

MONEY_UNITS = {code for code, metric in SUFFIX_UNITS.values() if metric == "money"} | set(
    CURRENCY_PREFIXES.values()
)
UNIT_METRIC = {code: metric for code, metric in SUFFIX_UNITS.values()}
UNIT_METRIC.update({code: "money" for code in CURRENCY_PREFIXES.values()})


def _end(prefix: str) -> str:
    """The last two characters of a prefix's last word ("S$" of "US$"; "$" of "US $")."""
    return prefix.rsplit(" ", 1)[-1][-2:]


def _cases(end: str) -> set[str]:
    """Every spelling of `end` in upper and lower case, letter by letter ("us", "uS", "Us",
    "US")."""
    spellings = {""}
    for char in end:
        spellings = {done + case for done in spellings for case in {char.lower(), char.upper()}}
    return spellings


# Letter prefixes are written in capitals, and rupees also as "Rs" and "Rs.".
_LETTER_PREFIXES = [k.upper() for k in CURRENCY_PREFIXES if k[0].isalpha()] + ["Rs", "Rs."]
_SYMBOL_PREFIXES = [k for k in CURRENCY_PREFIXES if not k[0].isalpha()]
# Letter prefixes are tried first so "HK $3" reads as Hong Kong dollars, not "$".
CURRENCY_PREFIX_RE = ending_at(
    rf"(?:(?<![\w$])(?:{alternation(_LETTER_PREFIXES, backward=True)})"
    rf"|(?i:{alternation(_SYMBOL_PREFIXES, backward=True)}))[ \t]?"
)
# The last two characters of each prefix's last word (its one character, for "$"), letter
# prefixes in their case and symbols in every case: ASCII text must end with one right
# before a figure, or before the space or tab before it, for CURRENCY_PREFIX_RE to match.
_PREFIX_ENDS = frozenset(
    {_end(prefix) for prefix in _LETTER_PREFIXES}
    | {case for prefix in _SYMBOL_PREFIXES for case in _cases(_end(prefix))}
)
# The words of a unit may be hyphened as one modifier: "49-per-cent", "a 100-square-kilometre
# area".
UNIT_WORD_GAP = r"(?:[ \t]+|-)"
SUFFIX_UNIT_RE = regex.compile(
    rf"(?P<space>[ \t]?-?[ \t]?)"
    rf"(?P<unit>(?i:{alternation({*SUFFIX_UNITS, *SUFFIX_EXACT}, space=UNIT_WORD_GAP)}))"
    r"(?![\w%²°])"
)
_SUFFIX_UNIT = group_numbers(SUFFIX_UNIT_RE)
# The letters each unit opens with, in lower case ("km" of "km/h", "per" of "per cent"):
# a unit after a figure opens with the letters after its gap, or with none ("%", "°C").
_UNIT_OPENINGS = frozenset(
    regex.match(r"\p{L}*", unit).group().lower() for unit in (*SUFFIX_UNITS, *SUFFIX_EXACT)
)
# The gap SUFFIX_UNIT_RE allows, the ASCII letters after it and the character after those.
_UNIT_WORD_RE = re.compile(r"[ \t]?-?[ \t]?([A-Za-z]*)(.?)", re.DOTALL)


def _spaced_pence(text: str, key: str, end: int) -> bool:
    """Is a spaced "p" pence, "down 68 p at 1112 p", not "5 p.m." or "p 12"?"""
    return key == "p" and SPACED_PENCE_RE.match(text, end) is not None


def prefix_currency(text: str, pos: int) -> tuple[str, int] | None:
    """Currency written just before `pos`: its code and where the symbol starts."""
    if not _may_end_prefix(text, pos):
        return None
    match = CURRENCY_PREFIX_RE.match(text, max(0, pos - 6), pos, KEEP_GIL)
    if not match:
        return None
    key = " ".join(match.group().lower().split())
    if key in MONEY_SHAPED_ONLY and not MONEY_SHAPED_RE.match(text, pos):
        return None
    return CURRENCY_PREFIXES[key], match.start()


def _may_end_prefix(text: str, pos: int) -> bool:
    """Whether a currency prefix may end right before `pos`, or before the space or tab
    there: always in text that is not ASCII, else only after a prefix's last characters
    (`_PREFIX_ENDS`), which most figures lack ("killed 12"), so the pattern is not tried."""
    end = pos - 1 if text[pos - 1 : pos] in (" ", "\t") else pos
    last = text[max(0, end - 2) : end]
    return last in _PREFIX_ENDS or last[-1:] in _PREFIX_ENDS or not last.isascii()


def _no_unit_opens(text: str, pos: int) -> bool:
    """Whether the word after `pos` and its gap is plain ASCII that opens no unit ("12
    people"), so that SUFFIX_UNIT_RE cannot match there."""
    word, after = _UNIT_WORD_RE.match(text, pos).groups()
    return bool(word) and after < "\x80" and word.lower() not in _UNIT_OPENINGS


def suffix_unit(text: str, pos: int) -> tuple[str, str, int] | None:
    """Unit written right after `pos`: (code, metric, end offset)."""
    if _no_unit_opens(text, pos):
        return None
    match = SUFFIX_UNIT_RE.match(text, pos, None, KEEP_GIL)
    if not match:
        return None
    surface, spaced = match.group(_SUFFIX_UNIT.unit, _SUFFIX_UNIT.space)
    key = " ".join(surface.lower().split())
    if key not in SUFFIX_UNITS and "-" in key:
        key = key.replace("-", " ")
    if surface in SUFFIX_EXACT:
        if key in GLUED_ONLY and spaced:
            return None
        code, metric = SUFFIX_EXACT[surface]
        return code, metric, match.end()
    if key not in SUFFIX_UNITS:
        return None
    if key in CASE_SENSITIVE and surface != key:
        return None
    if key in GLUED_ONLY and spaced and not _spaced_pence(text, key, match.end()):
        return None
    code, metric = SUFFIX_UNITS[key]
    return code, metric, match.end()
