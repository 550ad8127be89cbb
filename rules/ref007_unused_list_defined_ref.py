from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class UnusedListDefinedRef(Rule):
    """A ref defined inside a reference list (``<references>…</references>``,
    ``{{reflist|refs=…}}``, ``{{notelist|refs=…}}``) that the text does not cite before
    that list. MediaWiki shows "Cite error: <ref> tag with name x defined in
    <references> is not used in prior text" (MediaWiki 1.39 says "…has group attribute
    "" which does not appear in prior text" when the group has no refs at all)."""

    code = "REF007"
    name = "unused-list-defined-ref"
    severity = Severity.ERROR
    summary = "List-defined ref never used in the text"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_missing_key"
    bad = 'A.<ref name="a"/>\n\n{{reflist|refs=\n<ref name="a">A.</ref>\n<ref name="b">B.</ref>\n}}'
    good = 'A.<ref name="a"/> B.<ref name="b"/>\n\n{{reflist|refs=\n<ref name="a">A.</ref>\n<ref name="b">B.</ref>\n}}'

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
