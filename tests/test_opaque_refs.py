"""A ``<ref>…</ref>`` is one opaque unit, as in MediaWiki's preprocessor: braces left open
inside it stay inside it (citelint.guard). Every expectation here was checked with the
MediaWiki oracle (../shared/oracle), which shows no Cite error for any of these pages."""

from __future__ import annotations

import citelint
from citelint.document import Document
from citelint.guard import INERT, defuse, ext_tags, opaque_tag_openers
from citelint.index import build_index


def codes(text: str) -> list[list]:
    findings = citelint.lint_text(text)  # the default rules
    return [[f.code, f.line, f.column] for f in findings]


INFOBOX = """{{Infobox person
| name = X
| birth_date = 1900<ref>{{cite web |url=https://example.org/a |title=A</ref>
| occupation = Writer
}}
Text.<ref name="b">{{cite web |url=https://example.org/b |title=B |date=32 May 2020}}</ref>

== References ==
{{reflist}}
"""

REFLIST = """Text.<ref name="a"/> More.<ref name="b"/>

== References ==
{{reflist|refs=
<ref name="a">{{cite web |url=https://example.org/a |title=A</ref>
<ref name="b">{{cite news |url=https://example.org/b |title=B |work=W |date=32 May 2020}}</ref>
}}
"""


def test_unclosed_citation_in_infobox_ref_is_one_finding() -> None:
    # Before: REF009 at the <ref>, CITE003 for the infobox's |occupation= swallowed into
    # the citation. MediaWiki: only the bad date of the other citation (cs1:bad_date).
    assert codes(INFOBOX) == [["CITE001", 3, 25], ["CITE006", 6, 67]]


def test_unclosed_citation_in_list_defined_ref_is_one_finding() -> None:
    # Before: REF001 for "a", REF009, REF010 and a CITE014 strip marker.
    assert codes(REFLIST) == [["CITE001", 5, 15], ["CITE006", 6, 71]]


def test_the_infobox_and_its_refs_are_indexed() -> None:
    ix = build_index(Document(INFOBOX))
    infobox = ix.templates[0]
    assert infobox.name == "Infobox person"
    assert INFOBOX[infobox.start : infobox.end].endswith("Writer\n}}")
    assert [p.name for p in infobox.params] == ["name", "birth_date", "occupation"]
    ref = ix.refs[0]
    assert ref.template is infobox
    assert ref.content == "{{cite web |url=https://example.org/a |title=A"


def test_ext_tags_like_the_preprocessor() -> None:
    text = "<!-- <ref> -->a<ref name=x/>b<REF>c<nowiki></ref>d</ref >e<ref>f"
    tags = ext_tags(text)
    assert [(n, text[s:e]) for n, s, e, _ in tags] == [
        ("!--", "<!-- <ref> -->"),
        ("ref", "<ref name=x/>"),
        ("ref", "<REF>c<nowiki></ref>"),  # the first </ref> closes it, nowiki or not
    ]
    assert [c for *_, c in tags] == [-1, -1, text.index("c<nowiki>")]


def test_only_unclosed_braces_inside_refs_are_masked() -> None:
    text = "{{a|<ref>{{{{b}}</ref>}} {{c <ref>{{d}}</ref> <ref>{{e|[[f}}]]</ref>"
    # {{{{b}}: the inner {{b}} closes, the first two braces are literal;
    # {{e|[[f}}]]: }} cannot close {{e while [[ is open, so {{e stays open
    e = text.index("{{e")
    assert opaque_tag_openers(text) == [9, 10, e, e + 1]
    masked, count = defuse(text)
    assert count == 4 and len(masked) == len(text)
    assert masked[9:11] == INERT * 2 and masked[e : e + 2] == INERT * 2


def test_nothing_to_mask_in_ordinary_text() -> None:
    text = "{{a|<ref>{{b|c}}</ref>}} <references><ref name=x>{{d}}</ref></references>"
    assert opaque_tag_openers(text) == []
    assert defuse(text) == (text, 0)
