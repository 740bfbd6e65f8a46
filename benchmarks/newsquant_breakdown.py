"""Where claims.extract loses points on NewsQuant, and what the eval's unit mapping can reach.

    uv run python benchmarks/newsquant_breakdown.py [../shared/eval/newsquant] [--show N]

score.py gives three F1 figures; this explains them. It imports the eval's own
predict_claims.py (the fixed claim -> NewsQuant mapping) and score.py from the data folder,
runs claims.extract on each sentence and prints: the three one-to-one scores (same numbers as
score.py); which gold units the mapping can produce at all, with the value+unit F1 ceiling that
implies; and, among value-matched pairs, which (gold, ours) change labels disagree. --show N
prints examples; --misses lists every value missed and every claim the gold lacks;
--conflicts counts them by the cause newsquant_conflicts.json gives each (sentence id, side
and value, labelled by hand against the claim definition in ../shared/eval/articles/README.md)
and the value F1 an extractor that follows that definition exactly would reach. Skips
cleanly (exit 0) when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from claims import extract
from claims.extraction import units

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "newsquant"
CATEGORIES = (
    "(a) none / UNIT_NAMES value / people / year of age",
    "(b) single word, reachable as singular(subject head)",
    "(c) unit code from claims.units, passed through",
    "(d) unreachable (noun phrases, money per unit, ...)",
)


def run(data: Path, nq, sc):
    """Gold and predicted quantities per sentence, in score.py's in-memory form, plus claims."""
    items = json.loads((data / "NewsQuant.json").read_text(encoding="utf8"))
    gold, pred, found = [], [], []
    for item in items:
        gold.append(
            [
                quantity(sc.gold_value(q["value"]), sc.norm_unit(q["normalized_unit"]), q["change"])
                for q in item["quantities"]
            ]
        )
        claims = [c.model_dump(mode="json") for c in extract(item["text"])]
        pred.append(
            [
                quantity(sc.pred_value(value_of(c)), sc.norm_unit(nq.unit_name(c)), nq.change_of(c))
                for c in claims
            ]
        )
        found.append(claims)
    return gold, pred, found


def quantity(value, unit, change) -> dict:
    return {"value": value, "unit": unit, "change": change}


def value_of(c: dict):
    """As predict_claims.main writes it: [low, high] for a range, else the value."""
    return [c["low"], c["high"]] if c.get("qualifier") == "range" else c["value"]


def unit_codes(nq) -> set[str]:
    """Every unit code claims.units can produce, as unit_name() would return it."""
    codes = {code for code, _ in [*units.SUFFIX_UNITS.values(), *units.SUFFIX_EXACT.values()]}
    codes |= set(units.CURRENCY_PREFIXES.values())
    return {nq.UNIT_NAMES.get(code, code) for code in codes}


def category(unit: str | None, nq, codes: set[str]) -> int:
    if unit is None or unit in nq.UNIT_NAMES.values() or unit in ("people", "year of age"):
        return 0
    if " " not in unit and unit in (nq.singular(unit), nq.singular(unit + "s")):
        return 1
    return 2 if unit in codes else 3


def pairs(g: list, p: list, same, sc) -> list[tuple[int, int]]:
    """A maximum value matching preferring pairs where same(gold, pred) holds. Exact while
    values_match is an equivalence (every value group is a complete bipartite graph);
    checked against score.max_matching by the caller."""
    used, out = set(), []
    for want in (True, False):
        for gi, gq in enumerate(g):
            if any(gi == a for a, _ in out):
                continue
            for pi, pq in enumerate(p):
                ok = sc.values_match(gq["value"], pq["value"]) and (not want or same(gq, pq))
                if pi not in used and ok:
                    used.add(pi)
                    out.append((gi, pi))
                    break
    return out


def print_scores(gold, pred, sc) -> None:
    res = sc.score(gold, pred)
    print(f"one-to-one (as score.py): gold={res['value']['gold']} pred={res['value']['pred']}")
    for name, r in res.items():
        print(f"  {name:<13} P {r['P']:>5}  R {r['R']:>5}  F1 {r['F1']:>5}  TP {r['tp']:>4}")


def print_reachability(gold, pred, nq, sc) -> None:
    codes = unit_codes(nq)
    counts, reach_tp, reachable = Counter(), 0, 0
    for g, p in zip(gold, pred):
        cats = [category(q["unit"], nq, codes) for q in g]
        counts.update(cats)
        ok = [q for q, cat in zip(g, cats) if cat < 3]
        reachable += len(ok)
        reach_tp += sc.max_matching(ok, p, "value")
    n_gold, n_pred = sum(map(len, gold)), sum(map(len, pred))
    print("\nunit reachability through predict_claims.unit_name():")
    for i, label in enumerate(CATEGORIES):
        print(f"  {label:<52} {counts[i]:>4}")
    ceiling = 200 * reach_tp / (n_gold + n_pred)
    print(
        f"  value+unit ceiling, our values: TP <= {reach_tp} reachable and value-matched, "
        f"F1 <= {ceiling:.1f}"
    )
    perfect = 200 * reachable / (2 * n_gold)
    print(f"  ... every value found, no false positives: TP <= {reachable}, F1 <= {perfect:.1f}")


def print_change(gold, pred, found, sc, show: int) -> None:
    agree, confusion, examples = 0, Counter(), {}
    for i, (g, p) in enumerate(zip(gold, pred)):
        matched = pairs(g, p, same_change, sc)
        check(len(matched), sc.max_matching(g, p, "value"), i, "value")
        ok = [(a, b) for a, b in matched if same_change(g[a], p[b])]
        check(len(ok), sc.max_matching(g, p, "value+change"), i, "value+change")
        agree += len(ok)
        for a, b in matched:
            key = (g[a]["change"], p[b]["change"])
            if (a, b) not in ok:
                confusion[key] += 1
                examples.setdefault(key, []).append((i, g[a], found[i][b]))
    disagree = sum(confusion.values())
    print(
        f"\nvalue+change, value-matched pairs: {agree} agree, {disagree} disagree (gold -> ours):"
    )
    for (want, got), n in confusion.most_common():
        print(f"  {want:>4} -> {got!s:<5} {n:>4}")
        for i, q, c in examples[(want, got)][:show]:
            ours = f"{c['text']!r} unit={c['unit']} qualifier={c['qualifier']}"
            print(f"      #{i} gold {fmt(q)} | ours {ours} direction={c['direction']}")


def print_unit_misses(gold, pred, found, sc, show: int) -> None:
    misses = []
    for i, (g, p) in enumerate(zip(gold, pred)):
        matched = pairs(g, p, same_unit, sc)
        agree = sum(same_unit(g[a], p[b]) for a, b in matched)
        check(agree, sc.max_matching(g, p, "value+unit"), i, "value+unit")
        misses += [(i, g[a], p[b], found[i][b]) for a, b in matched if not same_unit(g[a], p[b])]
    print(f"\nvalue+unit: {len(misses)} value-matched pairs with a different unit; first {show}:")
    for i, q, pq, c in misses[:show]:
        claim = f"{c['text']!r}, claim unit={c['unit']}, subject={c['subject']!r}"
        print(f"  #{i} gold {fmt(q)} | ours unit={pq['unit'] or '-'} ({claim})")


def print_value_misses(gold, pred, found, texts, sc) -> None:
    """Every gold quantity no prediction matches in value, and every prediction no gold
    quantity matches, with the sentence: the list to sort by cause."""
    missed = false = 0
    for i, (g, p) in enumerate(zip(gold, pred)):
        matched = pairs(g, p, same_unit, sc)
        gold_left = [q for a, q in enumerate(g) if a not in {x for x, _ in matched}]
        pred_left = [c for b, c in enumerate(found[i]) if b not in {y for _, y in matched}]
        if not (gold_left or pred_left):
            continue
        print(f"  #{i} {texts[i]}")
        for q in gold_left:
            print(f"      missed  {fmt(q)}")
        for c in pred_left:
            print(f"      false   {c['text']!r} value={c['value']} unit={c['unit']} "
                  f"qualifier={c['qualifier']} metric={c['metric']}")
        missed, false = missed + len(gold_left), false + len(pred_left)
    print(f"\nvalues: {missed} gold quantities missed, {false} predictions the gold lacks")


CONFLICTS = Path(__file__).resolve().parent / "newsquant_conflicts.json"
# The kinds of conflict a claim-definition-following extractor cannot help: every label but
# these two ("ours": the extractor's own error; "unread": no label yet).
OWN_KINDS = ("ours", "unread")


def print_conflicts(gold, pred, sc) -> None:
    """Each value missed and each prediction the gold lacks, by the cause its label in
    newsquant_conflicts.json gives (read by hand against ../shared/eval/articles/README.md,
    the claim definition), and the value F1 an extractor would reach that follows that
    definition exactly and makes no error of its own."""
    labels = json.loads(CONFLICTS.read_text(encoding="utf8"))
    causes: Counter = Counter()
    for i, (g, p) in enumerate(zip(gold, pred)):
        matched = pairs(g, p, same_unit, sc)
        left = [("missed", q) for a, q in enumerate(g) if a not in {x for x, _ in matched}]
        left += [("extra", q) for b, q in enumerate(p) if b not in {y for _, y in matched}]
        for side, q in left:
            value = list(q["value"]) if isinstance(q["value"], tuple) else q["value"]
            causes[side, labels.get(f"{i}:{side}:{json.dumps(value)}", "unread")] += 1
    n_gold = sum(map(len, gold))
    missed = sum(n for (side, _), n in causes.items() if side == "missed")
    print("\nvalues missed and predictions the gold lacks, by cause:")
    for (side, cause), n in sorted(causes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {side:<6} {n:>4}  {cause}")
    helpless = {key: n for key, n in causes.items() if key[1] not in OWN_KINDS}
    tp = n_gold - sum(n for (side, _), n in helpless.items() if side == "missed")
    extra = sum(n for (side, _), n in helpless.items() if side == "extra")
    ours = 200 * (n_gold - missed) / (n_gold + sum(map(len, pred)))
    best = 200 * tp / (n_gold + tp + extra)
    print(f"  ours: value F1 {ours:.1f}; an extractor that follows the claim definition exactly "
          f"and makes no error of its own: TP {tp}, predictions {tp + extra}, value F1 {best:.1f}")


def same_change(g: dict, p: dict) -> bool:
    return p["change"] is not None and g["change"] == p["change"]


def same_unit(g: dict, p: dict) -> bool:
    return g["unit"] == p["unit"]


def fmt(q: dict) -> str:
    return f"{q['value']} {q['unit'] or '-'} {q['change']}"


def check(got: int, want: int, sentence: int, variant: str) -> None:
    if got != want:
        print(f"warning: sentence {sentence}: {variant} pairs {got} != max_matching {want}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="NewsQuant eval folder")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N examples each")
    parser.add_argument(
        "--misses", action="store_true", help="list every value missed and every false claim"
    )
    parser.add_argument(
        "--conflicts", action="store_true",
        help="count the values missed and false claims by their labelled cause",
    )
    args = parser.parse_args(argv)
    data = Path(args.path).resolve()
    if not (data / "NewsQuant.json").exists():
        print(f"skipped: {data / 'NewsQuant.json'} not found")
        return 0
    sys.path.insert(0, str(data))
    import predict_claims as nq
    import score as sc

    gold, pred, found = run(data, nq, sc)
    print_scores(gold, pred, sc)
    print_reachability(gold, pred, nq, sc)
    print_change(gold, pred, found, sc, args.show)
    if args.show:
        print_unit_misses(gold, pred, found, sc, args.show)
    if args.conflicts:
        print_conflicts(gold, pred, sc)
    if args.misses:
        items = json.loads((data / "NewsQuant.json").read_text(encoding="utf8"))
        print("\nvalue misses and false claims, by sentence:")
        print_value_misses(gold, pred, found, [item["text"] for item in items], sc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
