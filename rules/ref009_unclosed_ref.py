from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class UnclosedRef(Rule):
    """A ``<ref>`` that is never closed, or a ``</ref>`` with no ``<ref>`` before it. The
    parser then shows the markup as text and everything after an unclosed ref may be
    swallowed; inside a template MediaWiki shows "Cite error: Closing </ref> missing for
    <ref> tag"."""

    code = "REF009"
    name = "unclosed-ref"
    severity = Severity.ERROR
    summary = "Unclosed <ref> or stray </ref>"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_included_ref"
    bad = "A claim.<ref>{{cite web |url=https://example.org/ |title=Example}}\n\n{{reflist}}"
    good = "A claim.<ref>{{cite web |url=https://example.org/ |title=Example}}</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
