from __future__ import annotations

from collections.abc import Iterator

from citelint.rules._placement import ref_runs

from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

PUNCTUATION = ".,;:"


class RefBeforePunctuation(Rule):
    """A ref placed before a full stop or comma. Wikipedia's style (WP:REFPUNCT) puts refs
    after the punctuation they follow, with no space: ``claim.<ref>…</ref>``. The fix
    moves the punctuation before the refs."""

    code = "REF012"
    name = "ref-before-punctuation"
    severity = Severity.WARNING
    summary = "Ref placed before punctuation"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:REFPUNCT"
    bad = "A claim<ref>A source.</ref>. More text.\n\n{{reflist}}"
    good = "A claim.<ref>A source.</ref> More text.\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        text = index.text
        for run in ref_runs(index):
            first, last = run[0], run[-1]
            after = last.end
            if after >= len(text) or text[after] not in PUNCTUATION:
                continue
            mark = text[after]
            nxt = text[after + 1 : after + 2]
            if nxt == mark or (nxt and not nxt.isspace() and mark in ".,"):
                continue  # an ellipsis, or a decimal/abbreviation glued to what follows
            insert = first.start
            while insert > 0 and text[insert - 1] in " \t":
                insert -= 1
            before = text[insert - 1 : insert] if insert else ""
            if not before or before in "\n|=" or before in PUNCTUATION + "!?":
                continue
            fix = Fix(
                f"Move '{mark}' before the ref",
                (Edit(insert, insert, mark), Edit(after, after + 1, "")),
            )
            yield Problem(first.start, first.open_end, f"Ref placed before '{mark}'", fix=fix)
