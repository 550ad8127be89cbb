from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class InvalidRefName(Rule):
    """A ref name MediaWiki rejects or misreads: a plain integer ("Cite error: Invalid
    <ref> tag; name cannot be a simple integer"), or a name with a stray quote, which
    usually means an unbalanced ``name="x`` (CheckWiki 104)."""

    code = "REF004"
    name = "invalid-ref-name"
    severity = Severity.ERROR
    summary = "Ref name is numeric or has unbalanced quotes"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_ref_numeric_key"
    bad = 'A.<ref name="1">Smith 2001.</ref>\n\n{{reflist}}'
    good = 'A.<ref name="smith2001">Smith 2001.</ref>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
