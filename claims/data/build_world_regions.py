"""Build world_regions.json: the parts of the world the news gives figures for ("West
Africa", "sub-Saharan Africa", "Latin America", "the Middle East"), each with its member
countries, so a figure told of one has a place and a list of countries has the region they
share.

    pip download --no-deps country_converter==1.3.2 && unzip country_converter-1.3.2-*.whl
    uv run python -m claims.data.build_world_regions country_converter/country_data.tsv

The members come from the table country_converter ships (its continents, its seven-continent
scheme and the UN M49 geographic regions); the names are those the news writes, with the M49
name as a variant. Two regions are not in M49 and are made of M49 parts: sub-Saharan Africa
(Africa without Northern Africa, as the UN's statistics define it) and the Middle East
(Western Asia without the Caucasus and Cyprus, with Egypt and Iran, as most style books
draw it). The euro area is the table's euro members. Only the build needs
country_converter; the package reads the JSON.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from claims.data import WORLD_REGIONS

# (name the news writes, variants, the table's column, the values of it that are members)
FROM_TABLE = (
    ("Africa", [], "continent", {"Africa"}),
    ("Europe", [], "continent", {"Europe"}),
    ("Asia", [], "continent", {"Asia"}),
    ("Oceania", [], "continent", {"Oceania"}),
    ("North America", [], "Continent_7", {"North America"}),
    ("South America", [], "Continent_7", {"South America"}),
    ("West Africa", ["Western Africa"], "UNregion", {"Western Africa"}),
    ("East Africa", ["Eastern Africa"], "UNregion", {"Eastern Africa"}),
    ("North Africa", ["Northern Africa"], "UNregion", {"Northern Africa"}),
    ("Central Africa", ["Middle Africa"], "UNregion", {"Middle Africa"}),
    ("Southern Africa", [], "UNregion", {"Southern Africa"}),
    ("sub-Saharan Africa", ["Sub-Saharan Africa", "subSaharan Africa"], "continent",
     {"Africa"}),
    ("Central Asia", [], "UNregion", {"Central Asia"}),
    ("South Asia", ["Southern Asia"], "UNregion", {"Southern Asia"}),
    ("East Asia", ["Eastern Asia"], "UNregion", {"Eastern Asia"}),
    ("Southeast Asia", ["South-East Asia", "South East Asia", "South-eastern Asia"], "UNregion",
     {"South-eastern Asia"}),
    ("Middle East", ["Mideast"], "UNregion", {"Western Asia"}),
    ("Eastern Europe", [], "UNregion", {"Eastern Europe"}),
    ("Western Europe", [], "UNregion", {"Western Europe"}),
    ("Northern Europe", [], "UNregion", {"Northern Europe"}),
    ("Southern Europe", [], "UNregion", {"Southern Europe"}),
    ("Central America", [], "UNregion", {"Central America"}),
    ("Caribbean", [], "UNregion", {"Caribbean"}),
    ("Latin America", ["Latin America and the Caribbean"], "UNregion",
     {"South America", "Central America", "Caribbean"}),
    ("Eurozone", ["Euro Area", "Euro Zone"], "EURO", None),
)
# Members taken out of, and added to, the table's: the UN's statistical regions, and the
# Middle East of the style books.
TAKEN_OUT = {
    "sub-Saharan Africa": {"DZ", "EG", "LY", "MA", "SD", "TN", "EH"},
    "Middle East": {"AM", "AZ", "GE", "CY"},
}
ADDED = {"Middle East": {"EG", "IR"}}
ISO2 = re.compile(r"[A-Z]{2}")


def rows(path: Path) -> list[dict]:
    """The table's countries that have an ISO code, each by its first code: the table writes
    some as the pattern of all their codes ("^GB$|^UK$")."""
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle, delimiter="\t"))
    return [r | {"ISO2": codes[0]} for r in table if (codes := ISO2.findall(r["ISO2"]))]


def members(table: list[dict], column: str, values: set[str] | None, name: str) -> list[str]:
    """The ISO codes of one region: the rows whose `column` is one of `values` (any value
    when None), less and plus the corrections above."""
    found = {r["ISO2"] for r in table if (r[column] in values if values else r[column])}
    return sorted((found - TAKEN_OUT.get(name, set())) | ADDED.get(name, set()))


def build(path: Path) -> list[dict]:
    """Every region with its variants and members, smallest first, so that the first region
    holding a list of countries is the one that says most."""
    table = rows(path)
    regions = [
        {"name": name, "variants": variants, "members": members(table, column, values, name)}
        for name, variants, column, values in FROM_TABLE
    ]
    return sorted(regions, key=lambda r: (len(r["members"]), r["name"]))


def main(path: str) -> None:
    """Write world_regions.json."""
    regions = build(Path(path))
    WORLD_REGIONS.write_text(
        json.dumps({"regions": regions}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(regions)} regions written to {WORLD_REGIONS}")


if __name__ == "__main__":
    main(sys.argv[1])
