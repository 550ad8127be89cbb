from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import group_of
from citelint.rule import Rule


class RefAfterReferenceList(Rule):
    """A ref placed after the last reference list (CheckWiki 111). Its footnote is not
    listed where readers look; MediaWiki adds a second list at the end of the page.
    Named groups are left to REF006, where MediaWiki shows an error."""

    code = "REF016"
    name = "ref-after-reference-list"
    severity = Severity.WARNING
    summary = "Ref after the last reference list"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:CHECKWIKI/111"
    bad = "A.<ref>A.</ref>\n\n{{reflist}}\n\nLate.<ref>B.</ref>"
    good = "A.<ref>A.</ref> Late.<ref>B.</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        lists = [rl for rl in index.reflists if rl.group == ""]
        if not lists:
            return
        last = max(rl.end for rl in lists)
        for ref in index.refs:
            if ref.list is None and ref.start >= last and group_of(ref) == "":
                yield Problem(ref.start, ref.open_end, "This ref comes after the reference list")
