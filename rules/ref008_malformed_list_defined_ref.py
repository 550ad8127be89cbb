from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class MalformedListDefinedRef(Rule):
    """A ref inside a reference list that cannot be list-defined: it has no name (so
    nothing can cite it), or its ``group`` differs from the list's. MediaWiki shows
    "Cite error: <ref> tag defined in <references> has no name attribute" or "…has
    conflicting group attribute"."""

    code = "REF008"
    name = "malformed-list-defined-ref"
    severity = Severity.ERROR
    summary = "List-defined ref without a name or in the wrong group"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_no_key"
    bad = "A.\n\n<references>\n<ref>An orphan.</ref>\n</references>"
    good = 'A.<ref name="a"/>\n\n<references>\n<ref name="a">A source.</ref>\n</references>'

    def check(self, index: Index) -> Iterator[Problem]:
        for ref in index.refs:
            rl = ref.list
            if rl is None or ref.kind != "tag":
                continue
            g = ref.attr("group")
            if g is not None and ref.group != rl.group:
                yield Problem(
                    ref.start,
                    ref.open_end,
                    f'This ref has group "{ref.group}" but sits in the reference list of '
                    f'group "{rl.group}"',
                )
            elif not ref.name and ref.content is not None and ref.content.strip():
                yield Problem(
                    ref.start, ref.open_end, "A ref inside a reference list must have a name"
                )
