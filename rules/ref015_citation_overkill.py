from __future__ import annotations

from collections.abc import Iterator

from citelint.rules._placement import ref_runs

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Option, Rule


class CitationOverkill(Rule):
    """More refs than needed on one point (WP:CITEKILL): a long row of footnote markers
    makes the text hard to read and usually means the best sources were not chosen."""

    code = "REF015"
    name = "citation-overkill"
    severity = Severity.INFO
    summary = "Too many refs on one point"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Citation_overkill"
    options = (Option("max", int, 3, "Most refs allowed in a row"),)
    bad = "A claim.<ref>A.</ref><ref>B.</ref><ref>C.</ref><ref>D.</ref>\n\n{{reflist}}"
    good = "A claim.<ref>A.</ref><ref>B.</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        limit = self.settings["max"]
        for run in ref_runs(index):
            if len(run) > limit:
                extra = run[limit]
                yield Problem(
                    extra.start,
                    run[-1].end,
                    f"{len(run)} refs in a row (more than {limit})",
                )
