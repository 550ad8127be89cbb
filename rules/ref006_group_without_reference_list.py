from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class GroupWithoutReferenceList(Rule):
    """Refs of a named group (``group=note``, ``{{efn}}``) with no reference list for
    that group after them. MediaWiki appends a list only for the default group; for
    any other group it shows "Cite error: <ref> tags exist for a group named "note", but
    no corresponding <references group="note"/> tag was found". Reported once per group,
    at the first ref left without a list."""

    code = "REF006"
    name = "group-without-reference-list"
    severity = Severity.ERROR
    summary = "Group refs with no reference list for that group"
    help_url = (
        "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_group_refs_without_references"
    )
    bad = "A.{{efn|A note.}}\n\n{{reflist}}"
    good = "A.{{efn|A note.}}\n\n{{notelist}}\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
