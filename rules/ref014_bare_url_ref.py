from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

# One bare link: a URL, or a URL in brackets with no title ("[https://…]", "[https://… ]").
_LINK = r'(?:\[\s*)?(?:(?:https?|ftp):)?//[^\s\[\]<>{}|"]+(?:\s*\])?'
# A ref that is nothing but bare links (usually one), separated by spaces or commas.
_BARE = re.compile(rf"\s*{_LINK}(?:[\s,;]+{_LINK})*[\s,;.]*", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def is_bare_url(content: str | None) -> bool:
    """Whether a ref's text is a bare URL as Wikipedia defines it (WP:BAREURLS): a URL or
    ``[URL]`` with nothing else (comments aside). ``[URL title]`` and a URL followed by
    text say something about the source, so they are not bare."""
    if not content or "//" not in content or "{{" in content:
        return False
    if "<!--" in content:
        content = _COMMENT.sub("", content)
    m = _BARE.fullmatch(content)
    if m is None:
        return False
    # "[https://a" or "https://a]" alone: brackets must pair up
    return content.count("[") == content.count("]")


class BareUrlRef(Rule):
    """A ref that is only a URL (``<ref>https://…</ref>``) or a bracketed URL without a
    title (``<ref>[https://…]</ref>``), which readers see as a bare link or a number.
    Bare URLs rot: when the page moves, nothing says what the source was. Use a citation
    template with a title, author, date and publisher (WP:BAREURLS).

    A titled link (``[https://… The story]``) or a URL followed by any text is not bare;
    REF018 (off by default) reports refs without a citation template."""

    code = "REF014"
    name = "bare-url-ref"
    severity = Severity.WARNING
    summary = "Ref is a bare URL"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Bare_URLs"
    bad = "A claim.<ref>https://example.org/story</ref>\n\n{{reflist}}"
    good = (
        "A claim.<ref>{{cite web |url=https://example.org/story |title=The story "
        "|website=Example |date=1 May 2020}}</ref>\n\n{{reflist}}"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        for ref in index.refs:
            if is_bare_url(ref.content):
                yield Problem(
                    ref.start, ref.open_end, "The ref is only a URL; cite the source in full"
                )
