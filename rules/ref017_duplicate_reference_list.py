from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import group_of
from citelint.rule import Rule


class DuplicateReferenceList(Rule):
    """A second reference list for the same group with no new refs since the first
    (CheckWiki 78): it shows an empty list or a duplicate heading. Remove it."""

    code = "REF017"
    name = "duplicate-reference-list"
    severity = Severity.WARNING
    summary = "Two reference lists for one group"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:CHECKWIKI/078"
    bad = "A.<ref>A.</ref>\n\n{{reflist}}\n<references/>"
    good = "A.<ref>A.</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        body = [(r.start, group_of(r)) for r in index.refs if r.list is None]
        previous: dict[str, tuple[int, int]] = {}
        for rl in sorted(index.reflists, key=lambda x: x.start):
            if rl.template is not None and rl.kind == "tag":
                continue  # a <references/> made by a template's own code
            before = previous.get(rl.group)
            if before is not None:
                prev_end, prev_line = before
                if (
                    not any(prev_end <= s < rl.start and g == rl.group for s, g in body)
                    and not rl.refs
                ):
                    yield Problem(
                        rl.start,
                        rl.open_end,
                        f"A second reference list for {'group ' + repr(rl.group) if rl.group else 'the default group'} "
                        f"(the first is on line {prev_line}) with no refs since the first",
                    )
            previous[rl.group] = (rl.end, index.doc.position(rl.start)[0])
