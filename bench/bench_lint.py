"""Lint time vs bare mwparserfromhell parse time over the corpus, measured side by side.

    python bench/bench_lint.py [CORPUS_DIR] [--rounds N]

Prints, per round and as medians: the bare parse (``mwparserfromhell.parse(text)``, its
defaults, garbage collector on), citelint's full lint of the same texts (all default
rules, JSON report written to /dev/null), their ratio (target: <= 1.0), and the cost of
each rule family on already-built indexes. Within a round each file is parsed and linted
in turn (which goes first alternates between rounds), so that machine noise hits both.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import mwparserfromhell

from citelint.config import Config
from citelint.document import Document
from citelint.gcpause import paused
from citelint.guard import defuse
from citelint.index import build_index, tokenize
from citelint.reporters import get as get_reporter
from citelint.runner import FileResult, lint_document, run_rules

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"


def side_by_side(
    docs: list[tuple[str, str]], config: Config, rules: list, lint_first: bool
) -> tuple[float, float]:
    """One round: each file parsed bare and linted in turn, so that a burst of load on
    this shared machine lands on both sides instead of on whichever ran during it.

    The bare parse is ``mwparserfromhell.parse(text)`` with its defaults, the garbage
    collector as the caller left it (on); citelint's lint pauses the collector itself
    (citelint.gcpause), which is part of what is measured."""
    perf = time.perf_counter
    t_parse = t_lint = 0.0
    results = []
    for path, text in docs:
        if lint_first:
            t0 = perf()
            results.append(FileResult(path, lint_document(Document(text, path), config, rules)))
            t1 = perf()
            mwparserfromhell.parse(text)
            t2 = perf()
            t_lint += t1 - t0
            t_parse += t2 - t1
        else:
            t0 = perf()
            mwparserfromhell.parse(text)
            t1 = perf()
            results.append(FileResult(path, lint_document(Document(text, path), config, rules)))
            t2 = perf()
            t_parse += t1 - t0
            t_lint += t2 - t1
    t0 = perf()
    with open("/dev/null", "w", encoding="utf-8") as out:
        get_reporter("json")(results, out, {})
    t_lint += perf() - t0
    return t_parse, t_lint


def family_costs(docs: list[tuple[str, str]], rules: list) -> dict[str, float]:
    indexes = [build_index(Document(text, path)) for path, text in docs]
    # All 265 indexes stay alive here (a lint holds one at a time): move them out of the
    # collector's reach, or a full collection over them lands in whichever family happens
    # to allocate when it is due and is billed to that family.
    gc.collect()
    gc.freeze()
    costs: dict[str, float] = defaultdict(float)
    try:
        for rule in rules:
            family = rule.code.rstrip("0123456789")
            t0 = time.perf_counter()
            for ix in indexes:
                ix.suppressions = None
                run_rules(ix, [rule])
            costs[family] += time.perf_counter() - t0
    finally:
        gc.unfreeze()
    return dict(costs)


def part_costs(docs: list[tuple[str, str]]) -> dict[str, float]:
    """The index's parts: the guard, mwparserfromhell's tokenizer, and the token walk
    (what building the index costs beyond the two)."""
    perf = time.perf_counter
    guard = tokens = build = 0.0
    with paused():
        for path, text in docs:
            t0 = perf()
            source, _ = defuse(text)
            t1 = perf()
            tokenize(source)
            t2 = perf()
            build_index(Document(text, path))
            t3 = perf()
            guard += t1 - t0
            tokens += t2 - t1
            build += t3 - t2
    return {"guard": guard, "tokenizer": tokens, "token walk": build - guard - tokens}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    files = sorted(Path(args.corpus).glob("*.wiki"))
    if not files:
        sys.exit(f"no *.wiki files in {args.corpus}")
    docs = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    size = sum(len(t) for _, t in docs)
    config = Config()
    rules = config.instantiate(config.enabled_codes())
    print(f"{len(docs)} files, {size / 1e6:.1f} M characters, {len(rules)} default rules")
    parse_times, lint_times = [], []
    for i in range(args.rounds):
        gc.collect()
        p, lint = side_by_side(docs, config, rules, lint_first=i % 2 == 1)
        parse_times.append(p)
        lint_times.append(lint)
        print(f"round {i + 1}: bare parse {p:.2f} s   lint {lint:.2f} s   ratio {lint / p:.2f}")
    mp, ml = statistics.median(parse_times), statistics.median(lint_times)
    ratio = statistics.median(lint / p for p, lint in zip(parse_times, lint_times, strict=True))
    print(
        f"median: bare parse {mp:.2f} s   lint {ml:.2f} s   "
        f"ratio {ratio:.2f} (median of the side-by-side rounds; target <= 1.0)"
    )
    print(f"throughput: {size / ml / 1e6:.2f} M characters/s, {len(docs) / ml:.0f} files/s")
    print("index parts (share of bare parse):")
    for part, cost in part_costs(docs).items():
        print(f"  {part:<11} {cost * 1000:8.0f} ms  {cost / mp:6.1%}")
    costs = family_costs(docs, rules)
    print("rule families on built indexes (share of bare parse):")
    for family, cost in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {family:<6} {cost * 1000:8.0f} ms  {cost / mp:6.1%}")


if __name__ == "__main__":
    main()
