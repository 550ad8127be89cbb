from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class InvalidDirective(Rule):
    """A ``<!-- citelint: … -->`` comment that citelint cannot read: an unknown action or
    an unknown rule code. It would otherwise silently suppress nothing."""

    code = "CL001"
    name = "invalid-directive"
    severity = Severity.ERROR
    summary = "Malformed citelint suppression comment"
    bad = "A claim<ref>A.</ref>. <!-- citelint: disable-lines REF012 -->\n\n{{reflist}}"
    good = "A claim<ref>A.</ref>. <!-- citelint: disable-line REF012 -->\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        sup = index.suppressions
        if sup is None:
            return
        for err in sup.errors:
            yield Problem(err.comment.start, err.comment.end, err.message)
