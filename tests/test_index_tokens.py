"""The token walk (citelint.index) builds exactly the items the tree walk builds
(tests/tree_index.py): same kinds, offsets, names, values and nesting, on every corpus
article, the seeds, the shipped samples, and generated wikitext."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, needs_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_index import PIECES
from tree_index import build_tree_index

from citelint.document import Document
from citelint.index import Index, build_index

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
LISTS = ("refs", "reflists", "templates", "links", "comments", "headings", "raw_texts")
LINKS = {"list", "template", "param", "ref", "maker", "parent", "param_in_parent"}


def _ident(item: Any) -> Any:
    """A linked item by what it is and where, so the two walks' objects compare."""
    return None if item is None else (type(item).__name__, item.start, item.end)


def _flat(item: Any) -> tuple:
    out = []
    for f in fields(item):
        value = getattr(item, f.name)
        if f.name in LINKS:
            out.append((f.name, _ident(value)))
        elif isinstance(value, list):
            out.append((f.name, [_flat(v) if is_dataclass(v) else v for v in value]))
        else:
            out.append((f.name, value))
    return tuple(out)


def _items(ix: Index) -> dict[str, list[tuple]]:
    return {name: [_flat(x) for x in getattr(ix, name)] for name in LISTS}


def assert_same(text: str) -> None:
    doc = Document(text)
    tokens, tree = build_index(doc), build_tree_index(doc)
    assert tokens.masked_openers == tree.masked_openers
    got, want = _items(tokens), _items(tree)
    for name in LISTS:
        assert got[name] == want[name], name


CASES = [
    "",
    "plain",
    'A<ref name="a" group=g >x</ref>B<ref name=a/>C<ref name = "b" / >',
    "<ref>{{cite web|url=http://a.example|title=T|{{{1|}}}=v|=|x}}</ref>",
    "{{Infobox|x=<ref>{{cite web|url=a</ref>|y=b}}<ref>{{{{c}}</ref>",
    "{{reflist|refs=<ref name=a>A</ref>|2=<ref name=b>B</ref>}}{{notelist|refs=}}",
    "{{#tag:ref|T|name=t|group=g}}{{efn|E|name=}}{{refn|R|name=rn}}{{r|a|b|group=g}}",
    "{|class=x\n|-\n| a || b<ref>T</ref>\n! h !! i\n|style=y|c\n|}\n* li\n# n\n; dt : dd\n----\n",
    "== H<ref>in heading</ref> ==\n=== {{x}} ===\n",
    "<!-- c <ref>hidden</ref> -->[[File:X.jpg|thumb|cap<ref>F</ref>]] [[a]] [[b|c]]",
    "[http://a.example t<ref>x</ref>] [https://b.example] http://c.example/p?q=1 [//d.example]",
    "&amp; &#38; &#x26; &#X26; &bogus; <br> <br/> <hr /> </br>",
    "<nowiki><ref>n</ref></nowiki><pre>{{p}}</pre><math>x<ref>m</ref></math><includeonly>{{i}}</includeonly>",
    "<gallery>\nA.jpg|cap<ref>G</ref>{{g}}\n</gallery>",
    "<references group=g>\n<ref name=a>A</ref>\n</references><references/>",
    "<ref>unclosed {{cite web|title=x</ref> and <ref name=x> never closed",
    "{{{a|{{b|c=<ref>d</ref>}}}}}{{{x}}}",
    "<span title=\"{{t}}\" {{u}}>s</span><div style='a'>d</div><ref name='q'>q</ref>",
    "'''b''' ''i'' {{cite book|author=[[A|B]]|title=''T''<!--x-->|url=http://x}}",
    "<REF NAME=A>a</REF><Ref name=a/><references/>",
    "x\u00e9\U0001f600<ref>\U0001f600</ref>",
    "{{x|a<ref>b</ref>c=d|{{y}}=e|f {{ g=h|<ref name=k/>=l|m<ref>=n}}",
]


@pytest.mark.parametrize("text", CASES)
def test_cases(text: str) -> None:
    assert_same(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=50).map("".join))
def test_generated(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}[]|=<>/!-'&#;:*\n refabcx\"1"), max_size=120))
def test_generated_punctuation(text: str) -> None:
    assert_same(text)


def test_samples() -> None:
    for path in sorted((ROOT / "samples").glob("*.wiki")):
        assert_same(path.read_text(encoding="utf-8"))


@needs_shared(SEEDS)
def test_seeds() -> None:
    for path in sorted(SEEDS.glob("*")):
        if path.is_file():
            assert_same(path.read_text(encoding="utf-8", errors="replace"))


@needs_shared(CORPUS)
def test_corpus() -> None:
    paths = sorted(CORPUS.glob("*.wiki"))
    assert len(paths) == 265
    for path in paths:
        assert_same(path.read_text(encoding="utf-8"))
