"""Units: what follows (or, for currencies, precedes) a number, normalised to one code.

Each table row is surface -> (unit code, metric). Codes are short where the trade has a
short form (km, usd, percent) and singular English names otherwise (barrel, volt).
"""

from __future__ import annotations

import regex

from claims.patterns import alternation, ending_at

# Written before the number: "$3m", "US$ 40", "£2bn", "RM5".
CURRENCY_PREFIXES = {
    "$": "usd", "us$": "usd", "usd": "usd", "a$": "aud", "au$": "aud", "aud": "aud",
    "c$": "cad", "ca$": "cad", "cad": "cad", "hk$": "hkd", "hkd": "hkd", "nz$": "nzd",
    "s$": "sgd", "r$": "brl", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp",
    "¥": "jpy", "jpy": "jpy", "cny": "cny", "rmb": "cny", "₹": "inr", "rs": "inr",
    "rs.": "inr", "inr": "inr", "₪": "ils", "nis": "ils", "rm": "myr", "myr": "myr",
    "chf": "chf", "₽": "rub", "₩": "krw", "₺": "try", "sr": "sar",
}

# Written after the number. Longer surfaces win ("square kilometres" before "kilometres").
SUFFIX_UNITS: dict[str, tuple[str, str]] = {
    # money
    "dollars": ("usd", "money"), "dollar": ("usd", "money"), "us dollars": ("usd", "money"),
    "u.s. dollars": ("usd", "money"), "usd": ("usd", "money"), "euros": ("eur", "money"),
    "euro": ("eur", "money"), "eur": ("eur", "money"), "pounds sterling": ("gbp", "money"),
    "sterling": ("gbp", "money"), "yen": ("jpy", "money"), "yuan": ("cny", "money"),
    "renminbi": ("cny", "money"), "rupees": ("inr", "money"), "ringgit": ("myr", "money"),
    "shekels": ("ils", "money"), "shekel": ("ils", "money"), "riyals": ("sar", "money"),
    "dirhams": ("aed", "money"), "liras": ("try", "money"), "lira": ("try", "money"),
    "rubles": ("rub", "money"), "roubles": ("rub", "money"), "francs": ("chf", "money"),
    "pesos": ("mxn", "money"), "rand": ("zar", "money"), "naira": ("ngn", "money"),
    "syrian pounds": ("syp", "money"), "egyptian pounds": ("egp", "money"),
    "lebanese pounds": ("lbp", "money"), "cents": ("cent", "money"), "cent": ("cent", "money"),
    "pence": ("pence", "money"), "p": ("pence", "money"), "sen": ("sen", "money"),
    # share
    "%": ("percent", "share"), "percent": ("percent", "share"), "per cent": ("percent", "share"),
    "pc": ("percent", "share"), "percentage points": ("points", "share"),
    "percentage point": ("points", "share"), "basis points": ("basis points", "share"),
    "bps": ("basis points", "share"), "points": ("points", "count"), "point": ("points", "count"),
    "pts": ("points", "count"),
    # length
    "km": ("km", "distance"), "kms": ("km", "distance"), "kilometres": ("km", "distance"),
    "kilometers": ("km", "distance"), "kilometre": ("km", "distance"),
    "kilometer": ("km", "distance"), "m": ("m", "distance"), "metres": ("m", "distance"),
    "meters": ("m", "distance"), "metre": ("m", "distance"), "meter": ("m", "distance"),
    "cm": ("cm", "distance"), "centimetres": ("cm", "distance"),
    "centimeters": ("cm", "distance"), "mm": ("mm", "distance"),
    "millimetres": ("mm", "distance"), "millimeters": ("mm", "distance"),
    "miles": ("mi", "distance"), "mile": ("mi", "distance"), "mi": ("mi", "distance"),
    "feet": ("ft", "distance"), "foot": ("ft", "distance"), "ft": ("ft", "distance"),
    "inches": ("in", "distance"), "inch": ("in", "distance"), "yards": ("yd", "distance"),
    "yard": ("yd", "distance"), "yds": ("yd", "distance"),
    "nautical miles": ("nautical mile", "distance"), "micrometres": ("micrometre", "distance"),
    "microns": ("micrometre", "distance"), "light years": ("light year", "distance"),
    "light-years": ("light year", "distance"),
    # area
    "square kilometres": ("km2", "area"), "square kilometers": ("km2", "area"),
    "sq km": ("km2", "area"), "km2": ("km2", "area"), "km²": ("km2", "area"),
    "square metres": ("m2", "area"), "square meters": ("m2", "area"), "sq m": ("m2", "area"),
    "m2": ("m2", "area"), "m²": ("m2", "area"), "square miles": ("square mile", "area"),
    "sq miles": ("square mile", "area"), "square feet": ("square foot", "area"),
    "sq ft": ("square foot", "area"), "hectares": ("ha", "area"), "hectare": ("ha", "area"),
    "ha": ("ha", "area"), "acres": ("acre", "area"), "acre": ("acre", "area"),
    "dunams": ("dunam", "area"),
    # mass
    "tonnes": ("tonnes", "weight"), "tonne": ("tonnes", "weight"), "tons": ("tonnes", "weight"),
    "ton": ("tonnes", "weight"), "metric tons": ("tonnes", "weight"), "kg": ("kg", "weight"),
    "kilograms": ("kg", "weight"), "kilogrammes": ("kg", "weight"),
    "kilos": ("kg", "weight"), "grams": ("g", "weight"), "g": ("g", "weight"),
    "pounds": ("lb", "weight"), "pound": ("lb", "weight"), "lbs": ("lb", "weight"),
    "lb": ("lb", "weight"), "ounces": ("ounce", "weight"), "oz": ("ounce", "weight"),
    # volume
    "litres": ("l", "count"), "liters": ("l", "count"), "litre": ("l", "count"),
    "liter": ("l", "count"), "gallons": ("gallon", "count"), "barrels": ("barrel", "count"),
    "barrels per day": ("barrel per day", "count"), "barrels a day": ("barrel per day", "count"),
    "bpd": ("barrel per day", "count"), "cubic metres": ("m3", "count"),
    "cubic meters": ("m3", "count"),
    # time
    "seconds": ("seconds", "duration"), "second": ("seconds", "duration"),
    "secs": ("seconds", "duration"), "minutes": ("minutes", "duration"),
    "minute": ("minutes", "duration"), "mins": ("minutes", "duration"),
    "hours": ("hours", "duration"), "hour": ("hours", "duration"), "hrs": ("hours", "duration"),
    "days": ("days", "duration"), "day": ("days", "duration"), "weeks": ("weeks", "duration"),
    "week": ("weeks", "duration"), "months": ("months", "duration"),
    "month": ("months", "duration"), "years": ("years", "duration"),
    "year": ("years", "duration"), "decades": ("decades", "duration"),
    "decade": ("decades", "duration"), "centuries": ("centuries", "duration"),
    # speed
    "mph": ("mph", "speed"), "miles per hour": ("mph", "speed"),
    "miles an hour": ("mph", "speed"), "km/h": ("km/h", "speed"), "kph": ("km/h", "speed"),
    "kmh": ("km/h", "speed"), "kilometres per hour": ("km/h", "speed"),
    "kilometers per hour": ("km/h", "speed"), "knots": ("knot", "speed"),
    "mpg": ("mile per gallon", "count"), "miles per gallon": ("mile per gallon", "count"),
    "rpm": ("revolutions per minute", "count"),
    # temperature
    "degrees celsius": ("c", "temperature"), "degrees fahrenheit": ("f", "temperature"),
    "°c": ("c", "temperature"), "°f": ("f", "temperature"), "c": ("c", "temperature"),
    "f": ("f", "temperature"), "degrees": ("degrees", "temperature"),
    "degree": ("degrees", "temperature"),
    # data, energy, power, frequency
    "gb": ("gb", "count"), "gigabytes": ("gb", "count"), "mb": ("mb", "count"),
    "megabytes": ("mb", "count"), "tb": ("tb", "count"), "terabytes": ("tb", "count"),
    "hz": ("hz", "count"), "ghz": ("ghz", "count"), "mhz": ("mhz", "count"),
    "kw": ("kw", "count"), "kilowatts": ("kw", "count"), "mw": ("mw", "count"),
    "megawatts": ("mw", "count"), "gw": ("gw", "count"), "gigawatts": ("gw", "count"),
    "kwh": ("kwh", "count"), "hp": ("hp", "count"), "horsepower": ("hp", "count"),
    "volts": ("volt", "count"), "volt": ("volt", "count"), "watts": ("watt", "count"),
    "ppm": ("parts-per-million", "count"), "ppb": ("parts-per-billion", "count"),
}
# Units written glued to a digit only ("5p", "30C"): too ambiguous with a space before them.
GLUED_ONLY = {"p", "c", "f", "g", "in"}
# Units that must be written in lower case to count ("50 M" is not metres).
CASE_SENSITIVE = {"m", "g", "p", "mi", "pc", "ha", "mm", "cm", "c", "f"}

MONEY_UNITS = {code for code, metric in SUFFIX_UNITS.values() if metric == "money"} | set(
    CURRENCY_PREFIXES.values()
)
UNIT_METRIC = {code: metric for code, metric in SUFFIX_UNITS.values()}
UNIT_METRIC.update({code: "money" for code in CURRENCY_PREFIXES.values()})


CURRENCY_PREFIX_RE = ending_at(
    rf"(?:(?i:{alternation(k for k in CURRENCY_PREFIXES if not k[0].isalpha())})"
    rf"|(?<![\w$])(?:{alternation(k.upper() for k in CURRENCY_PREFIXES if k[0].isalpha())}"
    r"|Rs\.?))[ \t]?"
)
SUFFIX_UNIT_RE = regex.compile(
    rf"(?P<space>[ \t]?-?[ \t]?)(?P<unit>(?i:{alternation(SUFFIX_UNITS)}))(?![\w%²°])"
)


def prefix_currency(text: str, pos: int) -> tuple[str, int] | None:
    """Currency written just before `pos`: its code and where the symbol starts."""
    match = CURRENCY_PREFIX_RE.match(text, max(0, pos - 4), pos)
    if not match:
        return None
    return CURRENCY_PREFIXES[match.group().strip().lower()], match.start()


def suffix_unit(text: str, pos: int) -> tuple[str, str, int] | None:
    """Unit written right after `pos`: (code, metric, end offset)."""
    match = SUFFIX_UNIT_RE.match(text, pos)
    if not match:
        return None
    surface = match.group("unit")
    key = " ".join(surface.lower().split())
    if key not in SUFFIX_UNITS:
        return None
    if key in CASE_SENSITIVE and surface != key:
        return None
    if key in GLUED_ONLY and match.group("space"):
        return None
    code, metric = SUFFIX_UNITS[key]
    return code, metric, match.end()
