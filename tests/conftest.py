"""Shared fixtures: where ../shared is, and a helper that lints a snippet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import citelint

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CITELINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
#: a revision of "Fall of Damascus" that still defines the ref seed 000 lost
SEED003 = SHARED / "seeds" / "003_a84632c9366c1337.txt"
#: that definition, as seed 003 has it
AP_DEFINITION = (
    '<ref name="ap-assad-fled">{{cite news |title=War monitor says Assad fled Syria ahead '
    "of rebels entering the capital |url=https://apnews.com/article/syria-assad-sweida-daraa-"
    "homs-hts-qatar-7f65823bbf0a7bd331109e8dff419430 |publisher=Associated Press News "
    "|date=7 December 2024 |last1=Mroue |first1=Bassem |last2=Karam |first2=Zeina}}</ref>"
)
SAMPLES = ROOT / "samples"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (../shared)")


def lint(text: str, select: list[str] | None = None, **config) -> list:
    cfg = {"select": select} if select else {}
    cfg.update(config)
    return citelint.lint_text(text, config=cfg or None)


def codes(text: str, select: list[str] | None = None) -> list[tuple[str, int, int]]:
    """(code, line, column) of every finding, in order."""
    return [(f.code, f.line, f.column) for f in lint(text, select)]


@pytest.fixture(scope="session")
def corpus_oracle() -> dict[str, dict]:
    """One live run of the MediaWiki oracle over the corpus (minutes: MediaWiki renders 265
    articles with the current CS1 modules), shared by the REF and CS1 conformance tests,
    which skip without the oracle (or fail in CI, see tests/conformance/refparity.py).
    File name → the oracle's verdict (errors, categories)."""
    import json
    import subprocess

    oracle = SHARED / "oracle" / "oracle.sh"
    proc = subprocess.run(
        ["bash", str(oracle), "--batch", str(CORPUS)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    out: dict[str, dict] = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            data = json.loads(line)
            out[Path(data["file"]).name] = data
    assert out, f"the oracle printed nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    return out
