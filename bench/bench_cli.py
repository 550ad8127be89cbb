"""End to end, as users run it: ``citelint --jobs N`` over the corpus vs a bare parse.

    python bench/bench_cli.py [CORPUS_DIR] [--rounds N]

Each round times, side by side, a bare ``mwparserfromhell.parse(text)`` of every corpus
file in this process (its defaults, texts already in memory) and a real
``citelint --jobs 1`` and ``--jobs 2`` subprocess over the same folder (process start,
imports, reading files, workers, a JSON report to /dev/null: everything a user waits
for). The order of the three alternates between rounds so that a burst of load on this
shared machine does not always land on the same side. Prints each round and the median
ratios (targets: --jobs 1 <= 1.0, --jobs 2 <= 0.6 on two cores). It asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import mwparserfromhell

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"


def bare(texts: list[str]) -> float:
    t0 = time.perf_counter()
    for text in texts:
        mwparserfromhell.parse(text)
    return time.perf_counter() - t0


def cli(corpus: Path, jobs: int) -> float:
    args = [sys.executable, "-m", "citelint", "--jobs", str(jobs), "--isolated", "--exit-zero"]
    t0 = time.perf_counter()
    subprocess.run([*args, "--format", "json", "-o", "/dev/null", str(corpus)], check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files = sorted(corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"no *.wiki files in {corpus}")
    texts = [p.read_text(encoding="utf-8") for p in files]
    print(f"{len(files)} files, {sum(map(len, texts)) / 1e6:.1f} M characters")
    steps: list[tuple[str, Callable[[], float]]] = [
        ("bare", lambda: bare(texts)),
        ("jobs1", lambda: cli(corpus, 1)),
        ("jobs2", lambda: cli(corpus, 2)),
    ]
    ratios: dict[str, list[float]] = {"jobs1": [], "jobs2": []}
    for r in range(args.rounds):
        order = steps if r % 2 == 0 else steps[::-1]
        took = {name: run() for name, run in order}
        for name in ratios:
            ratios[name].append(took[name] / took["bare"])
        print(
            f"round {r + 1}: bare parse {took['bare']:.2f} s   "
            f"--jobs 1 {took['jobs1']:.2f} s ({took['jobs1'] / took['bare']:.2f})   "
            f"--jobs 2 {took['jobs2']:.2f} s ({took['jobs2'] / took['bare']:.2f})",
            flush=True,
        )
    print(
        f"median ratio to the bare parse: --jobs 1 {statistics.median(ratios['jobs1']):.2f} "
        f"(target <= 1.0), --jobs 2 {statistics.median(ratios['jobs2']):.2f} (target <= 0.6)"
    )


if __name__ == "__main__":
    main()
