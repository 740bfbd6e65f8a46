"""Print figures for reading: each outlet's claim, its sentence and its article, so a person can
judge whether a figure holds one quantity and whether a disagreement is real.

    uv run python benchmarks/read_figures.py DB [--disagreements 20] [--random 30] [--seed 11]

Writes Markdown to standard output: the top rows of the `disagreements` view, then a random
sample of figures reported by two or more outlets (the sample is drawn with `--seed`, so a
re-run on the same database shows the same figures). The verdicts go beside it, by hand, in
benchmarks/figures_read.md.
"""

from __future__ import annotations

import argparse
import random

import sqlite_utils

CLAIMS = """
    SELECT c.value, c.text, c.role, c.sentence, o.name AS outlet, a.title, a.published,
           fc.reprints_outlet
    FROM claims c JOIN articles a ON a.id = c.article_id
    LEFT JOIN outlets o ON o.id = c.outlet_id
    LEFT JOIN figure_claims fc ON fc.claim_id = c.id
    WHERE c.figure_id = ? ORDER BY a.published, o.name, c.start
"""


def show(db: sqlite_utils.Database, figure_id: str, number: int) -> list[str]:
    """One figure as Markdown: its label, rule and every claim with its sentence."""
    figure = db["figures"].get(figure_id)
    lines = [f"### {number}. {figure['label']}", "",
             f"`{figure_id}`; values by outlet: {figure['values_by_outlet'] or '-'}", ""]
    for c in db.query(CLAIMS, [figure_id]):
        copy = f" (reprint of {c['reprints_outlet']})" if c["reprints_outlet"] else ""
        sentence = " ".join(c["sentence"].split())[:300]
        lines.append(f"- **{c['outlet']}**{copy}, {c['published'][:10]}, "
                     f"\"{c['title'][:80]}\": **{c['text']}** ({c['value']:g}) - {sentence}")
    return [*lines, ""]


def main() -> None:
    """Print the top disagreements and a random sample of multi-outlet figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--disagreements", type=int, default=20)
    parser.add_argument("--random", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    db = sqlite_utils.Database(args.db)
    out = ["## Top disagreements", ""]
    top = [r["figure_id"] for r in db.query(
        f"SELECT figure_id FROM disagreements LIMIT {int(args.disagreements)}")]
    for n, figure_id in enumerate(top, 1):
        out += show(db, figure_id, n)
    multi = [r["id"] for r in db.query("SELECT id FROM figures WHERE outlets >= 2 ORDER BY id")]
    sample = random.Random(args.seed).sample(multi, min(args.random, len(multi)))
    out += ["## Random figures reported by two or more outlets", ""]
    for n, figure_id in enumerate(sample, 1):
        out += show(db, figure_id, n)
    print("\n".join(out))


if __name__ == "__main__":
    main()
