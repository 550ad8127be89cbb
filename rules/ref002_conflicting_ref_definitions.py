from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class ConflictingRefDefinitions(Rule):
    """Two refs with the same name (and group) carry different text. MediaWiki keeps the
    first and shows "Cite error: Invalid <ref> tag; name x defined multiple times with
    different content". The text must be identical character for character: MediaWiki
    does not trim it, and comments count. Reuse the name with ``<ref name="x"/>``
    instead of repeating it. Reported at each later definition that differs from the
    first; like MediaWiki, only for groups a reference list shows, and each list starts
    its group afresh (a name may be defined again after it)."""

    code = "REF002"
    name = "conflicting-ref-definitions"
    severity = Severity.ERROR
    summary = "Same ref name defined with different content"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_duplicate_key"
    bad = 'A.<ref name="a">Smith 2001.</ref> B.<ref name="a">Smith 2002.</ref>\n\n{{reflist}}'
    good = 'A.<ref name="a">Smith 2001.</ref> B.<ref name="a"/>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
