"""Does the working tree extract exactly what COMMIT extracts? Every claim, field by field,
over FA-KES (with and without its dates), the 25 real articles and the UCDP headlines.

    uv run python benchmarks/same_output.py COMMIT [--eval /work/shared/eval] [--show 10]

Each side runs in a fresh process, COMMIT's package first on PYTHONPATH as in `speed.py
--against`. Each side also reads every text a second time, in reverse order with its memos
warm, so a memo keyed on too little shows as a difference. A speed-up must report no
difference; exit status 1 when there is one.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from speed import package_at

FIELDS_SHOWN = 6  # differing fields printed per differing claim


def _fakes_date(text: str) -> str | None:
    """FA-KES's M/D/YY date as ISO, or None when the cell is no such date."""
    try:
        return dt.datetime.strptime(text.strip(), "%m/%d/%y").date().isoformat()
    except ValueError:
        return None


def documents(root: Path) -> list[tuple[str, str, str | None]]:
    """(name, text, published) for every text of the evaluation sets found under `root`."""
    found = []
    fakes = root / "fakes" / "fakes.csv"
    if fakes.exists():
        with fakes.open(encoding="latin-1", newline="") as handle:
            for index, row in enumerate(csv.DictReader(handle)):  # unit_id repeats
                text = row["article_title"] + "\n\n" + row["article_content"]
                found.append((f"fakes:{index}", text, None))
                found.append((f"fakes-dated:{index}", text, _fakes_date(row["date"])))
    articles = root / "articles"
    if (articles / "articles.jsonl").exists():
        for line in (articles / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            text = (articles / article["file"]).read_text(encoding="utf-8")
            found.append((f"articles:{article['id']}", text, article["published"]))
    headlines = root / "ucdp_ged" / "headlines_dev.jsonl"
    if headlines.exists():
        for line in headlines.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found.append((f"ucdp:{row['row']}", row["text"], row["published"]))
    return found


def extracted(docs: list[tuple[str, str, str | None]]) -> dict[str, list[dict]]:
    """Every claim of every document, as JSON-ready records, by document name."""
    from claims import extract

    return {
        name: [claim.model_dump(mode="json") for claim in extract(text, published=published)]
        for name, text, published in docs
    }


def dump(root: Path, out: Path) -> None:
    """Write this process's claims to `out`, after checking a warm second pass agrees."""
    docs = documents(root)
    cold = extracted(docs)
    warm = extracted(docs[::-1])
    unstable = [name for name in cold if cold[name] != warm[name]]
    out.write_text(json.dumps({"claims": cold, "unstable": unstable}), encoding="utf-8")


def run_side(root: Path, out: Path, pythonpath: Path | None) -> dict:
    """The claims of one side, from a fresh process with `pythonpath` first on its path."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    subprocess.run(
        [sys.executable, __file__, "--eval", str(root), "--dump", str(out)], check=True, env=env
    )
    return json.loads(out.read_text(encoding="utf-8"))


def differences(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> list[str]:
    """One line per claim that differs, naming the document, the claim and its fields."""
    lines = []
    for name in old.keys() | new.keys():
        before, after = old.get(name, []), new.get(name, [])
        if len(before) != len(after):
            lines.append(f"{name}: {len(before)} claims before, {len(after)} now")
            continue
        for index, (was, now) in enumerate(zip(before, after, strict=True)):
            fields = sorted(k for k in was.keys() | now.keys() if was.get(k) != now.get(k))
            if fields:
                shown = ", ".join(f"{k}: {was.get(k)!r} -> {now.get(k)!r}"
                                  for k in fields[:FIELDS_SHOWN])
                lines.append(f"{name} claim {index} ({was.get('text')!r}): {shown}")
    return sorted(lines)


def compare(commit: str, root: Path, show: int) -> int:
    """Run COMMIT's package and the working tree's and report every claim that differs."""
    with tempfile.TemporaryDirectory() as scratch:
        old = run_side(root, Path(scratch) / "old.json", package_at(commit, Path(scratch)))
        new = run_side(root, Path(scratch) / "new.json", None)
    found = differences(old["claims"], new["claims"])
    claims = sum(map(len, old["claims"].values()))
    print(f"{len(old['claims'])} texts, {claims:,} claims at {commit}; "
          f"{len(found)} differences in the working tree")
    for side, result in ((commit, old), ("working tree", new)):
        if result["unstable"]:
            print(f"{side}: {len(result['unstable'])} texts read differently with warm memos: "
                  f"{', '.join(result['unstable'][:show])}")
    for line in found[:show]:
        print("  " + line)
    return 1 if found or new["unstable"] else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", nargs="?")
    parser.add_argument("--eval", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(args.eval, args.dump)
        return 0
    if not args.commit:
        parser.error("name the commit to compare against")
    if not args.eval.exists():
        print(f"skipped: {args.eval} not found")
        return 0
    return compare(args.commit, args.eval, args.show)


if __name__ == "__main__":
    sys.exit(main())
