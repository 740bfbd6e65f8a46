"""Sources merged as a reader would: desks and people join their source, descriptors don't."""

import pytest
import sqlite_utils

from claims.db import Article, ensure
from claims.ingest import store
from claims.sources import resolve


@pytest.mark.parametrize("name", [
    "SANA reporter", "SANA reporter in Homs", "SANA news agency",
    "Observatory director Rami Abdel Rahman",
    "Rami Abdel Rahman director of the Syrian Observatory for Human Rights",
])
def test_a_sources_people_and_desks_join_it(name):
    assert resolve(name)[0] in ("sana", "sohr")


@pytest.mark.parametrize("name", [
    "a monitor", "activists", "the ministry", "a military source", "Media reports",
    "a Britain-based monitor",
])
def test_descriptors_are_no_source(name):
    assert resolve(name) is None


@pytest.mark.parametrize("name", [
    "A source at the Homs Police Command", "Reuters", "Konashenkov",
])
def test_names_stay_sources_of_their_own(name):
    found = resolve(name)
    assert found is not None and found[0] not in ("sana", "sohr")


def test_a_descriptor_is_kept_as_written_and_never_merged_across_articles(tmp_path):
    db = ensure(sqlite_utils.Database(tmp_path / "s.db"))
    for outlet in ("Paper One", "Paper Two"):
        store(db, Article(body="Shelling killed 9 people in Douma, a monitor said.",
                          outlet=outlet, published="2023-01-04",
                          url=f"https://{outlet.replace(' ', '').lower()}.example/a"))
    rows = list(db.query("select source_id, attributed_to from claims"))
    assert rows == [{"source_id": None, "attributed_to": "a monitor"}] * 2
    assert db.execute("select count(*) from sources where name = 'a monitor'").fetchone()[0] == 0


def test_a_countrys_state_media_is_no_other_countrys_agency():
    """"state media" in a report from anywhere is a descriptor, not Syria's SANA; "Syrian
    state media" is SANA."""
    assert resolve("state media") is None
    assert resolve("Syrian state media")[0] == "sana"
