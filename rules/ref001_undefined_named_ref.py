from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues, did_you_mean
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

__all__ = ["UndefinedNamedRef", "did_you_mean"]


class UndefinedNamedRef(Rule):
    """A named ref is used (``<ref name="x"/>``, ``{{r|x}}``) but no ref with that name
    and group has any text. MediaWiki shows "Cite error: The named reference x was used
    but no text was provided" in the reference list. Reported once per name, at its first
    use; when a defined name is close (case, spaces or underscores, dash and quote
    look-alikes, a small misspelling), the message suggests it.

    Cite checks this when a reference list shows the group, so a name defined only
    after the list that shows its first use counts as undefined there."""

    code = "REF001"
    name = "undefined-named-ref"
    severity = Severity.ERROR
    summary = "Named ref used but never defined"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_no_text"
    bad = 'Assad fled.<ref name="ap-assad-fled"/>\n\n{{reflist}}'
    good = (
        'Assad fled.<ref name="ap-assad-fled">{{cite news |title=Assad flees '
        "|work=AP |date=8 December 2024}}</ref>\n\n{{reflist}}"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
