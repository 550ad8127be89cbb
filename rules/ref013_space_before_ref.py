from __future__ import annotations

from collections.abc import Iterator

from citelint.rules._placement import ref_runs

from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class SpaceBeforeRef(Rule):
    """Whitespace between the text and its ref (``claim <ref>``). The footnote marker then
    floats away from the text it supports and may wrap onto the next line. The fix
    removes the space."""

    code = "REF013"
    name = "space-before-ref"
    severity = Severity.INFO
    summary = "Whitespace between text and <ref>"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:REFSPACE"
    bad = "A claim. <ref>A source.</ref>\n\n{{reflist}}"
    good = "A claim.<ref>A source.</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        text = index.text
        for run in ref_runs(index):
            first = run[0]
            i = first.start
            while i > 0 and text[i - 1] in " \t":
                i -= 1
            if i == first.start or i == 0 or text[i - 1] in "\n|=":
                continue
            yield Problem(
                i,
                first.open_end,
                "Whitespace before the ref",
                fix=Fix("Remove the whitespace", (Edit(i, first.start, ""),)),
            )
