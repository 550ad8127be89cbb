from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class UnclosedRef(Rule):
    """A ``<ref>`` left open. MediaWiki closes a ref at the next ``</ref>`` wherever it
    is, so a forgotten ``</ref>`` swallows the text up to the next ref, and MediaWiki
    shows "Cite error: Closing </ref> missing for <ref> tag"; a reference list inside
    another gives "Closing tag missing for <references>". citelint also reports, though
    MediaWiki prints them as text without a Cite error, a ``<ref>`` with no ``</ref>``
    anywhere after it and a ``</ref>`` with no ``<ref>`` before it."""

    code = "REF009"
    name = "unclosed-ref"
    severity = Severity.ERROR
    summary = "Unclosed <ref> or stray </ref>"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_included_ref"
    bad = (
        "A claim.<ref>{{cite web |url=https://example.org/ |title=Example}}\n"
        "Another claim.<ref>Smith 2001.</ref>\n\n{{reflist}}"
    )
    good = (
        "A claim.<ref>{{cite web |url=https://example.org/ |title=Example}}</ref>\n"
        "Another claim.<ref>Smith 2001.</ref>\n\n{{reflist}}"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
