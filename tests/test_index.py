"""The index: every item's offsets round-trip, lines and columns are right."""

from __future__ import annotations

from conftest import CORPUS, needs_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citelint.document import Document
from citelint.guard import INERT
from citelint.index import build_index, iter_nodes


def index(text: str):
    return build_index(Document(text))


def test_repeated_reuse_positions_are_distinct() -> None:
    # text.find(str(node)) would put both at the first one
    text = 'A<ref name="x"/> B<ref name="x"/> C<ref name="x">X</ref>'
    ix = index(text)
    assert [(r.start, r.end) for r in ix.refs] == [(1, 16), (18, 33), (35, 56)]
    assert [r.content for r in ix.refs] == [None, None, "X"]


def test_ref_kinds_and_groups() -> None:
    text = (
        "{{Infobox|x=<ref name=ib>I</ref>}}{{r|a|b}}{{#tag:ref|T|name=t|group=g}}"
        "{{efn|E}}{{refn|R|name=rn}}<ref group=note>N</ref>"
        "{{reflist|refs=<ref name=a>A</ref>}}{{notelist}}<references group=g/>"
    )
    ix = index(text)
    got = [(r.source, r.name, r.group, r.content, r.list is not None) for r in ix.refs]
    assert got == [
        ("ref", "ib", "", "I", False),
        ("R", "a", "", None, False),
        ("R", "b", "", None, False),
        ("#tag:ref", "t", "g", "T", False),
        ("Efn", None, "lower-alpha", "E", False),
        ("Refn", "rn", "", "R", False),
        ("ref", None, "note", "N", False),
        ("ref", "a", "", "A", True),
    ]
    assert ix.refs[0].template is not None and ix.refs[0].template.name == "Infobox"
    assert [(rl.source, rl.group) for rl in ix.reflists] == [
        ("Reflist", ""),
        ("Notelist", "lower-alpha"),
        ("references", "g"),
    ]


def test_refs_in_comments_nowiki_pre_are_ignored() -> None:
    text = "<!-- <ref>a</ref> --><nowiki><ref>b</ref></nowiki><pre><ref>c</ref></pre><ref>d</ref>"
    assert [r.content for r in index(text).refs] == ["d"]


def test_template_names_are_normalised() -> None:
    ix = index("{{cite_web|a=1}}{{ Cite  web |a=2}}{{Template:cite web}}{{cite web<!--x-->|a=3}}")
    assert [t.name for t in ix.templates] == ["Cite web"] * 4


def test_param_offsets() -> None:
    text = "{{cite web |url=https://a.example/ |title= T }}"
    t = index(text).templates[0]
    p = t.get("title")
    assert text[p.name_start : p.name_end].strip() == "title"
    assert text[p.value_start : p.value_end] == " T "
    assert p.stripped == "T"


def test_positions_in_code_points() -> None:
    doc = Document("é😀\nab<ref>x</ref>")
    ix = build_index(doc)
    assert doc.position(ix.refs[0].start) == (2, 3)
    assert doc.position(0) == (1, 1)
    assert doc.position(2) == (1, 3)


def _same_but_masked(source: str, printed: str) -> bool:
    """``printed`` is ``source`` with some characters masked (citelint.guard.INERT)."""
    return len(source) == len(printed) and all(
        a == b or b == INERT for a, b in zip(source, printed, strict=True)
    )


def _roundtrip(text: str) -> None:
    ix = build_index(Document(text))
    for item in iter_nodes(ix):
        node = getattr(item, "node", None)
        assert 0 <= item.start <= item.end <= len(text)
        if node is not None:
            if ix.masked_openers:
                assert _same_but_masked(text[item.start : item.end], str(node))
            else:
                assert text[item.start : item.end] == str(node)
    for link in ix.links:
        assert text[link.url_start : link.url_end] == link.url
    for t in ix.templates:
        for p in t.params:
            assert text[p.value_start : p.value_end] == p.value
    for r in ix.refs:
        if r.content is not None:
            assert text[r.content_start : r.content_end] == r.content


PIECES = st.sampled_from(
    [
        "<ref>",
        "</ref>",
        "<ref name=a>",
        '<ref name="b"/>',
        "<ref group=g>",
        "<references/>",
        "<references>",
        "</references>",
        "{{",
        "}}",
        "|",
        "=",
        "{{cite web",
        "{{reflist",
        "{{r|",
        "{{efn|",
        "[[",
        "]]",
        "[http://a.example x]",
        "https://b.example/p ",
        "<!--",
        "-->",
        "<nowiki>",
        "</nowiki>",
        "\n",
        " ",
        "text",
        "é",
        "😀",
        "{|",
        "|}",
        "''",
        "==",
        "<pre>",
        "</pre>",
        "{{{",
        "}}}",
        "&amp;",
        "<br/>",
        "url=",
        "name=",
        "{{Infobox|x=<ref>",
        "<ref>{{cite web|url=",
        "{{reflist|refs=",
        "}",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_roundtrip_generated(text: str) -> None:
    _roundtrip(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_roundtrip_any_text(text: str) -> None:
    _roundtrip(text)


@needs_shared(CORPUS)
def test_roundtrip_corpus_sample() -> None:
    for path in sorted(CORPUS.glob("*.wiki"))[:40]:
        _roundtrip(path.read_text(encoding="utf-8"))


def test_roundtrip_opaque_refs() -> None:
    _roundtrip("{{Infobox|x=<ref>{{cite web|url=a</ref>|y=b}}<ref>{{{{c}}</ref>")
    _roundtrip("{{reflist|refs=<ref name=a>{{cite web|url=a</ref><ref name=b>{{b}}</ref>}}")
