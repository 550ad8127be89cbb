from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

_BARE = re.compile(r"^\s*(?:\[\s*)?(?:https?:)?//[^\s\]]+(?:\s[^\]]*)?(?:\])?\s*$", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


class BareUrlRef(Rule):
    """A ref that is only a URL (``<ref>https://…</ref>``, ``<ref>[https://… label]</ref>``).
    Bare URLs rot: when the page moves, nothing says what the source was. Use a citation
    template with a title, author, date and publisher (WP:BAREURLS)."""

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
            content = ref.content
            if not content or "//" not in content or "{{" in content:
                continue
            if "<!--" in content:
                content = _COMMENT.sub("", content)
            if _BARE.match(content):
                yield Problem(
                    ref.start, ref.open_end, "The ref is only a URL; cite the source in full"
                )
