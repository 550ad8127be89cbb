from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import group_of
from citelint.rule import Rule


class MissingReferenceList(Rule):
    """The article has refs but no ``<references/>`` or ``{{reflist}}``. MediaWiki then
    appends the list at the very end of the page, below categories and navboxes, where
    readers do not expect it (CheckWiki 3)."""

    code = "REF010"
    name = "missing-reference-list"
    severity = Severity.WARNING
    summary = "Refs but no reference list"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:CHECKWIKI/003"
    bad = "A claim.<ref>A source.</ref>"
    good = "A claim.<ref>A source.</ref>\n\n== References ==\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        if any(rl.group == "" for rl in index.reflists):
            return
        for ref in index.refs:
            if ref.list is None and group_of(ref) == "":
                yield Problem(
                    ref.start,
                    ref.open_end,
                    "The article has refs but no reference list "
                    "(add == References == with {{reflist}})",
                )
                return
