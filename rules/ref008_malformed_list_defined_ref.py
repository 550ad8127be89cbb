from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class MalformedListDefinedRef(Rule):
    """A ref inside a reference list that cannot be list-defined: it has no name (so
    nothing can cite it), or its ``group`` differs from the list's. MediaWiki shows
    "Cite error: <ref> tag defined in <references> has no name attribute" or "…has
    conflicting group attribute". A footnote template written inside a ``<ref>``'s text
    (``<ref>…{{efn|…}}</ref>``) is parsed only when the list shows that ref, inside the
    list, and fails the same way."""

    code = "REF008"
    name = "malformed-list-defined-ref"
    severity = Severity.ERROR
    summary = "List-defined ref without a name or in the wrong group"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_no_key"
    bad = "A.\n\n<references>\n<ref>An orphan.</ref>\n</references>"
    good = 'A.<ref name="a"/>\n\n<references>\n<ref name="a">A source.</ref>\n</references>'

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
