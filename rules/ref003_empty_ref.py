from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import defines
from citelint.rule import Rule


class EmptyRef(Rule):
    """A ref with neither text nor a name (``<ref></ref>``, ``<ref/>``), or an empty
    ref inside a reference list, where refs exist only to be defined. MediaWiki shows
    "Cite error: Invalid <ref> tag; refs with no name must have content"."""

    code = "REF003"
    name = "empty-ref"
    severity = Severity.ERROR
    summary = "Ref with no content (and no name to reuse)"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_ref_no_input"
    bad = "A claim.<ref></ref>\n\n{{reflist}}"
    good = "A claim.<ref>{{cite book |title=A Book |year=2001}}</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        for ref in index.refs:
            if defines(ref):
                continue
            if ref.list is not None and ref.kind == "tag":
                if ref.name:
                    yield Problem(
                        ref.start,
                        ref.open_end,
                        f'The list-defined ref "{ref.name}" has no content',
                    )
                continue
            if ref.name is None or ref.name == "":
                if ref.kind == "template" and ref.source == "R":
                    continue
                what = (
                    "has no content"
                    if ref.content is not None
                    else "has neither content nor a name"
                )
                yield Problem(ref.start, ref.open_end, f"This ref {what}")
