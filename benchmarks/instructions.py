"""Instructions of claims.extract over the first N FA-KES texts, every cache emptied, counted
by callgrind around the extraction alone: a measure of speed that a shared machine's load does
not move (see benchmarks/README.md, "Speed, seventeenth session (lead)").

    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no \
        .venv/bin/python benchmarks/instructions.py [N] [path]

Run from a checkout's root; compare two trees each in its own fresh clone ("I refs" in
valgrind's summary). Without valgrind the script only extracts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import clear_caches, texts

from claims import extract


def instrument(on: bool) -> None:
    """Switch callgrind's counting on or off for this process, when running under it."""
    if shutil.which("callgrind_control"):
        subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
                       capture_output=True, check=False)


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    path = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/eval/fakes/fakes.csv")
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    articles = texts(path)[:count]
    for text in articles[:2]:  # the imports and tables, loaded before counting
        extract(text)
    clear_caches()
    instrument(True)
    for text in articles:
        extract(text)
    instrument(False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
