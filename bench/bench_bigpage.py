"""One big page against the same text as separate pages: is linting linear in page size?

    python bench/bench_bigpage.py [CORPUS_DIR] [--mb 5] [--rounds 3]

Concatenates corpus articles (sorted by name, joined by a blank line) until the text
reaches ``--mb`` million characters, then lints that one page and the same articles one
by one with all default rules, alternating rounds so machine noise hits both. Prints each
round and the median ratio (one page ÷ separate pages; 1.0 is linear). With ``--profile``
it also writes a cProfile of one big-page lint to ``bigpage.prof``.
"""

from __future__ import annotations

import argparse
import cProfile
import statistics
import sys
import time
from pathlib import Path

from citelint.config import Config
from citelint.document import Document
from citelint.runner import lint_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"


def lint_all(texts: list[str], config: Config, rules: list) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = 0
    for text in texts:
        n += len(lint_document(Document(text), config, rules))
    return time.perf_counter() - t0, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    files = sorted(Path(args.corpus).glob("*.wiki"))
    if not files:
        sys.exit(f"no *.wiki files in {args.corpus}")
    texts: list[str] = []
    size = 0
    for p in files:
        texts.append(p.read_text(encoding="utf-8"))
        size += len(texts[-1])
        if size >= args.mb * 1e6:
            break
    big = "\n\n".join(texts)
    config = Config()
    rules = config.instantiate(config.enabled_codes())
    print(f"{len(texts)} articles, {len(big) / 1e6:.2f} M characters, {len(rules)} rules")
    ratios = []
    for i in range(args.rounds):
        sep, n_sep = lint_all(texts, config, rules)
        one, n_one = lint_all([big], config, rules)
        ratios.append(one / sep)
        print(
            f"round {i + 1}: separate {sep:.2f} s ({n_sep} findings)   "
            f"one page {one:.2f} s ({n_one} findings)   ratio {one / sep:.2f}"
        )
    print(
        f"median ratio {statistics.median(ratios):.2f} "
        f"(spread {min(ratios):.2f}-{max(ratios):.2f}; 1.0 = linear)"
    )
    if args.profile:
        cProfile.runctx(
            "lint_all([big], config, rules)", globals(), locals(), filename="bigpage.prof"
        )
        print("profile written to bigpage.prof")


if __name__ == "__main__":
    main()
