"""Linting one big page costs what linting its parts costs: operation counts, no clock.

mwparserfromhell's tokenizer reads on to the end of the page for every opener that never
closes (and again for each enclosing construct that then fails), so a few such openers
in a multi-megabyte page made its parse quadratic; citelint.guard masks them once they
would cost more than ``SCAN_BUDGET`` characters of re-reading. These tests count the
characters the (pure Python, same algorithm) tokenizer reads on a doubling input, with
the budget scaled down so that small pages show the effect.
"""

from __future__ import annotations

import pytest
from mwparserfromhell import parser as mwp
from mwparserfromhell.parser.tokenizer import Tokenizer

import citelint
from citelint import guard
from citelint.document import Document
from citelint.index import build_index

# As in the corpus: "<500 g" inside a ref (Abortion), a DOI's "<1135::AID-…" (Chemical
# biology); mwparserfromhell takes both for tags, MediaWiki for text.
CHUNK = (
    "Fetuses weighing <500 g are not counted (<500g).<ref>{{cite journal |title=T "
    "|doi=10.1002/1097-0142(19950315)75:6<1135::AID-CNCR2820750613>3.0.CO;2-P}}</ref> "
    "{{cn|date=May 2024}} More text [[link|words]] and [https://example.org a link].\n\n"
)


@pytest.fixture
def reads(monkeypatch):
    """Use the Python tokenizer and count how many times it reads a character."""
    counter = {"n": 0}
    original = Tokenizer._read

    def counting(self, delta=0):
        counter["n"] += 1
        return original(self, delta)

    monkeypatch.setattr(mwp, "use_c", False)
    monkeypatch.setattr(Tokenizer, "_read", counting)
    return counter


def _cost(reads, text: str) -> int:
    reads["n"] = 0
    build_index(Document(text))
    return reads["n"]


def test_odd_tag_openers_are_those_mwparserfromhell_tries() -> None:
    text = "a <500 g b <0.1%) c <1135::AID-X> d <b>e</b> f < 5 g <7>h</7>"
    assert [text[o : o + 4] for o in guard.odd_tag_openers(text)] == ["<500", "<0.1", "<113"]


def test_a_page_twice_as_long_costs_twice_as_much(reads, monkeypatch) -> None:
    monkeypatch.setattr(guard, "SCAN_BUDGET", 5_000)
    small, big = CHUNK * 20, CHUNK * 40
    ratio = _cost(reads, big) / _cost(reads, small)
    assert 1.8 < ratio < 2.3


def test_without_the_budget_the_same_pages_are_quadratic(reads, monkeypatch) -> None:
    # the control: what the test above would see if the guard did nothing
    monkeypatch.setattr(guard, "SCAN_BUDGET", 10**12)
    small, big = CHUNK * 20, CHUNK * 40
    ratio = _cost(reads, big) / _cost(reads, small)
    assert ratio > 3.0


def test_masking_keeps_findings_and_offsets(monkeypatch) -> None:
    text = CHUNK * 30 + "{{reflist}}\n"
    before = [(f.code, f.offset, f.end_offset) for f in citelint.lint_text(text)]
    monkeypatch.setattr(guard, "SCAN_BUDGET", 5_000)
    ix = build_index(Document(text))
    assert ix.masked_openers == 90  # three per chunk
    assert len(ix.refs) == 30 and all(text[r.start : r.end].startswith("<ref>") for r in ix.refs)
    after = [(f.code, f.offset, f.end_offset) for f in citelint.lint_text(text)]
    assert after == before


def test_ordinary_pages_are_untouched_by_the_budget() -> None:
    # one odd opener in a 150 KB article costs at most 150 K characters: not masked
    text = CHUNK[:50] + "Plain text. " * 12_000
    _, masked = guard.defuse(text)
    assert masked == 0
