"""Conformance with a real MediaWiki 1.39 + Cite over the 265 corpus articles.

../shared/oracle parses each article with MediaWiki and prints the Cite errors of the
rendered page. Per article, the multiset of REF codes those errors map to must equal the
multiset of citelint's REF001–REF009 findings, except for the differences listed, with
a reason, in oracle_artifacts.toml (the oracle lacks Wikipedia's templates). citelint's
documented additions (``citelint_*`` keys, see citelint.cite.EXTENSIONS) are counted
apart. The oracle runs live, in one PHP process for the whole corpus; nothing it
computes is stored. Skipped when MediaWiki or PHP is not installed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import refparity
from refparity import (
    PARITY_CODES,
    SHARED,
    format_table,
    oracle_marks,
    publish,
    require_oracle,
    verdict,
)

from citelint.cite import KEYS

ORACLE = SHARED / "oracle" / "oracle.sh"
CORPUS = SHARED / "corpus" / "articles"
ARTIFACTS = Path(__file__).parent / "oracle_artifacts.toml"


pytestmark = oracle_marks()


def load_artifacts() -> dict[tuple[str, str], tuple[int, str]]:
    return refparity.load_artifacts(ARTIFACTS, "code", PARITY_CODES)


def test_artifacts_file_is_well_formed() -> None:
    for article, _ in load_artifacts():
        assert (CORPUS / article).exists(), article


@pytest.fixture(scope="module")
def oracle_verdicts(corpus_oracle: dict[str, dict]) -> dict[str, dict]:
    require_oracle()
    return corpus_oracle


def test_oracle_corpus(oracle_verdicts: dict[str, dict], request: pytest.FixtureRequest) -> None:
    artifacts = load_artifacts()
    used: set[tuple[str, str]] = set()
    per_code: dict[str, Counter[str]] = {code: Counter() for code in PARITY_CODES}
    extensions: Counter[str] = Counter()
    problems: list[str] = []
    articles = sorted(p.name for p in CORPUS.glob("*.wiki"))
    agree = 0
    for name in articles:
        data = oracle_verdicts.get(name)
        if data is None or "fatal" in data:
            problems.append(f"{name}: no oracle verdict ({(data or {}).get('fatal')})")
            continue
        keys = [e["key"] for e in data["errors"] if e["source"] == "cite"]
        unknown = [k for k in keys if k not in KEYS]
        if unknown:
            problems.append(f"{name}: Cite keys without a REF code: {unknown}")
        oracle = Counter(KEYS[k] for k in keys if k in KEYS)
        got = verdict((CORPUS / name).read_text(encoding="utf-8"))
        mine = got.parity_codes
        for _, key in got.extensions:
            extensions[key] += 1
        same = True
        for code in PARITY_CODES:
            o, c = oracle[code], mine[code]
            row = per_code[code]
            row["oracle"] += o
            row["citelint"] += c
            delta = c - o
            if delta == 0:
                if o:
                    row["agree"] += 1
                continue
            same = False
            expected = artifacts.get((name, code))
            if expected is not None and expected[0] == delta:
                used.add((name, code))
                row["artifact"] += 1
            else:
                row["disagree"] += 1
                problems.append(
                    f"{name}: {code} oracle {o} ({[k for k in keys if KEYS.get(k) == code]}), "
                    f"citelint {c} {[k for cc, k in got.parity if cc == code]}"
                )
        agree += same
    for key in sorted(set(artifacts) - used):
        problems.append(f"stale artifact (no longer differs as listed): {key}")
    rows = [
        [code, r["oracle"], r["citelint"], r["agree"], r["disagree"], r["artifact"]]
        for code, r in per_code.items()
    ]
    table = format_table(
        ["code", "oracle", "citelint", "articles agree", "disagree", "artifacts"], rows
    )
    table += f"\n\narticles: {len(articles)}, same REF001-REF009 codes: {agree}, "
    table += f"documented artifacts: {len(used)}, unexplained: {len(problems)}"
    if extensions:
        table += "\ncitelint additions (not Cite errors): " + ", ".join(
            f"{k} {n}" for k, n in sorted(extensions.items())
        )
    publish(request.config, "MediaWiki oracle over the corpus: citelint vs MediaWiki 1.39", table)
    assert problems == [], table + "\n\n" + "\n".join(problems)
