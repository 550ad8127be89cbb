from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import group_of
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
        last_list: dict[str, int] = {}
        for rl in index.reflists:
            last_list[rl.group] = max(last_list.get(rl.group, -1), rl.start)
        reported: set[str] = set()
        for ref in index.refs:
            if ref.list is not None:
                continue
            group = group_of(ref)
            if not group or group in reported:
                continue
            if ref.start > last_list.get(group, -1):
                reported.add(group)
                yield Problem(
                    ref.start,
                    ref.open_end,
                    f'Refs of group "{group}" have no reference list after them '
                    f'(add {{{{reflist|group={group}}}}} or <references group="{group}"/>)',
                )
