"""Golden outputs: samples/ rendered in every format, compared byte for byte.

Regenerate after an intended change with CITELINT_UPDATE_GOLDEN=1 pytest tests/test_golden.py
and review the diff.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from conftest import ROOT

from citelint.cli import main

GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ["samples/broken-citations.wiki", "samples/clean.wiki", "samples/fall-of-damascus.wiki"]
FORMATS = ["text", "concise", "json", "jsonl", "github", "sarif"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_golden(sample: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["--isolated", "--format", fmt, "--no-color", sample])
    stem = sample.split("/")[-1].removesuffix(".wiki")
    golden = GOLDEN / f"{stem}.{fmt}"
    if os.environ.get("CITELINT_UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")
    # fall-of-damascus has warnings and infos but no error
    assert result.exit_code == (1 if "broken" in sample else 0)
