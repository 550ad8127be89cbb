from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import defines, group_of
from citelint.rule import Rule


class UnusedListDefinedRef(Rule):
    """A ref defined inside a reference list (``<references>…</references>`` or
    ``{{reflist|refs=…}}``) that the text never cites. MediaWiki shows "Cite error: A
    list-defined reference named x is not used in the content"."""

    code = "REF007"
    name = "unused-list-defined-ref"
    severity = Severity.ERROR
    summary = "List-defined ref never used in the text"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_missing_key"
    bad = 'A.<ref name="a"/>\n\n{{reflist|refs=\n<ref name="a">A.</ref>\n<ref name="b">B.</ref>\n}}'
    good = 'A.<ref name="a"/> B.<ref name="b"/>\n\n{{reflist|refs=\n<ref name="a">A.</ref>\n<ref name="b">B.</ref>\n}}'

    def check(self, index: Index) -> Iterator[Problem]:
        used = {(group_of(r), r.name) for r in index.refs if r.list is None and r.name}
        for ref in index.refs:
            if ref.list is None or not ref.name or not defines(ref):
                continue
            if ref.kind == "tag" and ref.attr("group") is not None and ref.group != ref.list.group:
                continue  # REF008
            if (group_of(ref), ref.name) not in used:
                yield Problem(
                    ref.start,
                    ref.open_end,
                    f'The list-defined ref "{ref.name}" is not used in the text',
                )
