from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class EmptyRef(Rule):
    """A ref with neither text nor a name (``<ref></ref>``, ``<ref/>``, an ``{{efn}}``
    without text), or an empty ref inside a reference list, where refs exist only to be
    defined. MediaWiki shows "Cite error: Invalid <ref> tag; refs with no name must
    have content" (or "…is malformed or has a bad name", "…defined in <references> has
    no content"). A named empty ref (``<ref name="x"></ref>``) is a reuse: see REF001."""

    code = "REF003"
    name = "empty-ref"
    severity = Severity.ERROR
    summary = "Ref with no content (and no name to reuse)"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_ref_no_input"
    bad = "A claim.<ref></ref>\n\n{{reflist}}"
    good = "A claim.<ref>{{cite book |title=A Book |year=2001}}</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
