"""A figure's page stays where it was: regrouping with more claims keeps the figure's id."""

from __future__ import annotations

from claims.compare import group_figures
from claims.db import Article, open_db
from claims.ingest import store


def figure_of(db, outlet: str) -> str:
    """The figure id of the killed claim an outlet made."""
    return db.execute(
        "SELECT figure_id FROM claims WHERE outlet_id = ? AND metric = 'killed'", [outlet]
    ).fetchone()[0]


def test_a_figure_keeps_its_id_when_an_earlier_lower_report_joins(tmp_path):
    db = open_db(tmp_path / "claims.db")
    for outlet, value, day in (("wire-one", 20, "2026-03-05"), ("wire-two", 22, "2026-03-05")):
        store(db, Article(body=f"At least {value} people were killed when shells hit the "
                               "market in Aleppo, rescuers said.", outlet=outlet,
                          published=day, external_id=f"{outlet}-1"))
    group_figures(db)
    before = figure_of(db, "wire-one")
    assert figure_of(db, "wire-two") == before
    store(db, Article(body="At least 12 people were killed when shells hit the market in "
                           "Aleppo, rescuers said.", outlet="wire-three",
                      published="2026-03-04", external_id="wire-three-1"))
    group_figures(db)
    assert figure_of(db, "wire-three") == figure_of(db, "wire-one") == before
    assert db.execute("SELECT count(*) FROM figures WHERE id = ?", [before]).fetchone() == (1,)


def test_regrouping_the_same_claims_changes_nothing(tmp_path):
    db = open_db(tmp_path / "claims.db")
    store(db, Article(body="At least 20 people were killed in Aleppo, rescuers said.",
                      outlet="wire-one", published="2026-03-05", external_id="a"))
    group_figures(db)
    rows = list(db["figures"].rows)
    group_figures(db)
    assert list(db["figures"].rows) == rows
