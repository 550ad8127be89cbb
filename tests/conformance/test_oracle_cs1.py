"""CS1 conformance with a real MediaWiki running the current Module:Citation/CS1 over the
265 corpus articles.

For every article and every CS1 *error* key (the anchors of Help:CS1 errors that the
oracle reports as ``cs1:<key>``, hidden ones included), citelint's CITE findings carrying
that key (``(CS1: key)`` at the end of the message, see citelint.cs1.cs1_key) are counted
beside the oracle's. The agreement table is printed; the test fails when precision drops
below 98 % or recall below 95 %, when a difference is not listed with its reason in
cs1_artifacts.toml, when a listed difference is gone (stale), or when the oracle shows a
key that has no citelint code. Skipped without the oracle, failed in CI without it.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
import refparity
from refparity import CORPUS, format_table, oracle_marks, publish, require_oracle

import citelint
from citelint.cs1 import cs1_key

ARTIFACTS = Path(__file__).parent / "cs1_artifacts.toml"
MIN_PRECISION = 0.98
MIN_RECALL = 0.95

pytestmark = oracle_marks()


def catalog() -> dict[str, list[str]]:
    text = resources.files("citelint").joinpath("data/cs1-catalog.json").read_text("utf-8")
    return json.loads(text)["errors"]


def load_artifacts() -> dict[tuple[str, str], tuple[int, str]]:
    keys = {k for ks in catalog().values() for k in ks}
    return refparity.load_artifacts(ARTIFACTS, "key", keys)


def test_cs1_artifacts_file_is_well_formed() -> None:
    for article, _ in load_artifacts():
        assert (CORPUS / article).exists(), article


def citelint_keys(text: str) -> Counter[str]:
    found = citelint.lint_text(text, config={"select": ["CITE"]})
    keys = (cs1_key(f.message) for f in found)
    return Counter(k for k in keys if k is not None and not k.startswith("maint:"))


def test_cs1_corpus_against_the_oracle(
    corpus_oracle: dict[str, dict], request: pytest.FixtureRequest
) -> None:
    require_oracle()
    known = {k for ks in catalog().values() for k in ks}
    artifacts = load_artifacts()
    used: set[tuple[str, str]] = set()
    rows: dict[str, Counter[str]] = {}
    problems: list[str] = []
    for name in sorted(p.name for p in CORPUS.glob("*.wiki")):
        data = corpus_oracle.get(name)
        if data is None or "fatal" in data:
            problems.append(f"{name}: no oracle verdict")
            continue
        oracle = Counter(e["key"][4:] for e in data["errors"] if e["source"] == "cs1")
        for key in sorted(set(oracle) - known):
            problems.append(f"{name}: CS1 key {key} has no citelint code (cs1-catalog.json)")
        mine = citelint_keys((CORPUS / name).read_text(encoding="utf-8"))
        for key in set(oracle) | set(mine):
            o, c = oracle[key], mine[key]
            row = rows.setdefault(key, Counter())
            row["oracle"] += o
            row["citelint"] += c
            row["tp"] += min(o, c)
            row["fp"] += max(c - o, 0)
            row["fn"] += max(o - c, 0)
            if o == c:
                continue
            expected = artifacts.get((name, key))
            if expected is not None and expected[0] == c - o:
                used.add((name, key))
                row["artifact"] += c - o
            else:
                problems.append(
                    f"{name}: {key} oracle {o}, citelint {c} (not in cs1_artifacts.toml)"
                )
    for key in sorted(set(artifacts) - used):
        problems.append(f"stale artifact (no longer differs as listed): {key}")
    total = Counter()
    for row in rows.values():
        total.update(row)
    precision = total["tp"] / max(total["tp"] + total["fp"], 1)
    recall = total["tp"] / max(total["tp"] + total["fn"], 1)
    table_rows = [
        [k, r["oracle"], r["citelint"], r["tp"], r["fp"], r["fn"], r["artifact"] or ""]
        for k, r in sorted(rows.items(), key=lambda kv: (-kv[1]["oracle"], kv[0]))
    ]
    table_rows.append(
        ["all keys", total["oracle"], total["citelint"], total["tp"], total["fp"], total["fn"], ""]
    )
    table = format_table(
        ["CS1 key", "oracle", "citelint", "TP", "FP", "FN", "artifacts (delta)"], table_rows
    )
    table += (
        f"\n\nprecision {precision:.1%} (>= {MIN_PRECISION:.0%}), recall {recall:.1%} "
        f"(>= {MIN_RECALL:.0%}); documented artifacts: {len(used)}, unexplained: {len(problems)}"
    )
    reasons = Counter(artifacts[k][1] for k in used)
    for reason, n in reasons.most_common():
        table += f"\n  {n} x {reason}"
    publish(request.config, "CS1 over the corpus: citelint vs MediaWiki + current CS1", table)
    assert problems == [], table + "\n\n" + "\n".join(problems)
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, table
