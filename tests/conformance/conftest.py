"""One live oracle run over the corpus, shared by the REF and CS1 conformance tests (it
takes minutes: MediaWiki renders 265 articles with the current CS1 modules)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from refparity import CORPUS, ORACLE, require_oracle


@pytest.fixture(scope="session")
def corpus_oracle() -> dict[str, dict]:
    """File name → the oracle's verdict (errors, categories) for every corpus article."""
    require_oracle()
    proc = subprocess.run(
        ["bash", str(ORACLE), "--batch", str(CORPUS)],
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
