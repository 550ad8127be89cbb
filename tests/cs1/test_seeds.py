"""The seeds: seed 000 shows what readers see when a citation template is never closed;
seed 003 is the raw wikitext of the article (golden CITE output)."""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner
from conftest import ROOT, SHARED, needs_shared

import citelint
from citelint.cli import main

SEED000 = SHARED / "seeds" / "000_95c4cec520779e5b.txt"
SEED003 = "seeds/003_a84632c9366c1337.txt"
GOLDEN = ROOT / "tests" / "golden" / "seed003-cite.json"


@needs_shared(SEED000)
def test_seed000_unclosed_citation_and_swallowed_pipe() -> None:
    """Rebuild the wikitext behind the rendered reference 6 of seed 000, a raw
    ``{{cite news| …html%7C website=First Post| …|``, and find both defects."""
    rendered = SEED000.read_text(encoding="utf-8").splitlines()[24]
    raw = re.search(r"\{\{cite news\|.*\|$", rendered.strip())
    assert raw is not None
    text = f"The ministry stated.<ref>{raw.group(0)}</ref>\n\n{{{{reflist}}}}\n"
    findings = citelint.lint_text(text, config={"select": ["CITE"]})
    got = [(f.code, f.column, text[f.offset : f.end_offset][:20]) for f in findings]
    pipe = text.index("%7C")
    assert got == [
        ("CITE001", 26, "{{cite news| title=C"),
        ("CITE009", pipe + 1, "%7C"),
    ]
    assert "never closed" in findings[0].message
    assert "before 'website='" in findings[1].message


@needs_shared(SHARED / SEED003)
def test_seed003_golden_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """``citelint --format json --select CITE <seed 003>`` from ../shared: no CS1 error,
    five dates in mdy order in a ``{{Use dmy dates}}`` article (CITE018, with fixes) and the
    archive.today URL that CS1 marks for maintenance (CITE900, as the oracle shows).
    Regenerate with CITELINT_UPDATE_GOLDEN=1."""
    monkeypatch.chdir(SHARED)
    result = CliRunner().invoke(
        main, ["--isolated", "--format", "json", "--select", "CITE", SEED003]
    )
    if os.environ.get("CITELINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.output, encoding="utf-8")
    assert result.output == GOLDEN.read_text(encoding="utf-8")
    assert result.exit_code == 0
