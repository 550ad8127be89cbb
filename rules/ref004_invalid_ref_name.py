from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class InvalidRefName(Rule):
    """A ref name MediaWiki rejects or misreads: a plain integer ("Cite error: Invalid
    <ref> tag; name cannot be a simple integer"); and, where MediaWiki shows no error but
    silently takes another name, quotes that garble the attributes (``name="x``,
    ``name=""x" y"``, CheckWiki 104) or an empty ``name=""`` on a ref with text (nothing
    can reuse it). The message says which name MediaWiki actually reads."""

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
