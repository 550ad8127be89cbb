"""citelint.guard keeps the parse linear on openers that can never close."""

from __future__ import annotations

from citelint.document import Document
from citelint.guard import unclosable_openers
from citelint.index import build_index


def test_comment_openers_after_the_last_close_are_unclosable() -> None:
    assert unclosable_openers("a<!-- b --> c <!-- d") == [14]
    assert unclosable_openers("<!-->") == [0]  # "-->" must come after "<!--"
    assert unclosable_openers("<!--<!-- x -->") == []


def test_many_unclosed_comments_are_bounded() -> None:
    # mwparserfromhell retries every unclosed "<!--" to the end: 20,000 took minutes
    text = "<ref><!--" * 100_000
    ix = build_index(Document(text))
    assert ix.masked_openers == 200_000
    assert ix.comments == [] and ix.refs == []


def test_an_ordinary_page_with_one_unclosed_comment_is_parsed_untouched() -> None:
    text = "A.<ref>x</ref> <!-- left open\n" + "B.<ref>y</ref>\n" * 40 + "{{reflist}}"
    ix = build_index(Document(text))
    assert ix.masked_openers == 0
    assert len(ix.refs) == 41
