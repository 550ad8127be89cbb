"""citelint.fastbuild builds the very trees mwparserfromhell builds, and leaves no trace."""

from __future__ import annotations

import sys
from pathlib import Path

import mwparserfromhell
import pytest
from mwparserfromhell import utils
from mwparserfromhell.nodes import template

import citelint
from citelint.fastbuild import fast_builder
from citelint.index import _Walker

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
ORIGINAL = utils.parse_anything


def _dump(code) -> list:
    """Every node, recursively, with its type, text and attributes as the tree has them."""
    out = []
    for node in code.filter(recursive=True):
        out.append((type(node).__name__, str(node), sorted(vars(node))))
    return out


def _texts() -> list[str]:
    texts = [(ROOT / "samples" / "fall-of-damascus.wiki").read_text(encoding="utf-8")]
    texts.append(
        '== H ==\n{{cite web |url=http://x |title=T}}<ref name=a group="b">x {{{1|d}}}</ref>'
        "[[a|b]] [http://e f] &amp; <!-- c --> {| class=x\n| a || b\n|}\n<gallery>\nF.jpg|c"
        "<ref>g</ref>\n</gallery>"
    )
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.wiki"))[:8]]
    return texts


def _modules_point_at_the_original() -> bool:
    return all(
        getattr(m, "parse_anything", ORIGINAL) is ORIGINAL
        for name, m in list(sys.modules.items())
        if name.startswith("mwparserfromhell.") and m is not None
    )


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:20])
def test_same_tree(text: str) -> None:
    plain = mwparserfromhell.parse(text, skip_style_tags=True)
    with fast_builder():
        fast = mwparserfromhell.parse(text, skip_style_tags=True)
    assert str(fast) == text
    assert _dump(fast) == _dump(plain)


def test_swapped_only_during_the_parse() -> None:
    assert template.parse_anything is ORIGINAL
    with fast_builder():
        assert template.parse_anything is not ORIGINAL
        with fast_builder():
            pass
        assert template.parse_anything is not ORIGINAL
    assert _modules_point_at_the_original()
    citelint.lint_text("A.<ref>{{cite web|title=x}}</ref>")
    assert _modules_point_at_the_original()


def test_restored_when_the_parse_raises(monkeypatch) -> None:
    def fail(self, code, pos):
        raise RuntimeError("walk failed")

    monkeypatch.setattr(_Walker, "walk", fail)
    with pytest.raises(RuntimeError):
        citelint.lint_text("A.<ref>x</ref>")
    assert _modules_point_at_the_original()
