from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import ref_graph
from citelint.rule import Rule

_LOOKALIKE = str.maketrans(
    {
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "−": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "_": " ",
    }
)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).translate(_LOOKALIKE).casefold().strip()


def did_you_mean(name: str, candidates: list[str]) -> str | None:
    """The defined name the user most likely meant: same letters up to case, dashes or
    quotes first, then a close spelling."""
    folded = _fold(name)
    for c in candidates:
        if _fold(c) == folded:
            return c
    by_fold = {_fold(c): c for c in candidates}
    close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.75)
    return by_fold[close[0]] if close else None


class UndefinedNamedRef(Rule):
    """A named ref is used (``<ref name="x"/>``, ``{{r|x}}``) but no ref with that name
    and group has any text. MediaWiki shows "Cite error: The named reference x was used
    but no text was provided" in the reference list. Reported once per name, at its first
    use; when a defined name is close, the message suggests it."""

    code = "REF001"
    name = "undefined-named-ref"
    severity = Severity.ERROR
    summary = "Named ref used but never defined"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_no_text"
    bad = 'Assad fled.<ref name="ap-assad-fled"/>\n\n{{reflist}}'
    good = (
        'Assad fled.<ref name="ap-assad-fled">{{cite news |title=Assad flees '
        "|work=AP |date=8 December 2024}}</ref>\n\n{{reflist}}"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        graph = ref_graph(index)
        for (group, name), uses in graph.uses.items():
            if (group, name) in graph.definitions:
                continue
            first = uses[0]
            if first.list is not None and first.kind == "tag":
                continue  # an empty list-defined ref: REF003
            where = f' in group "{group}"' if group else ""
            message = f'The named ref "{name}"{where} is used but never defined'
            hint = did_you_mean(name, graph.defined_names(group))
            if hint:
                message += f'; did you mean "{hint}"?'
            yield Problem(first.start, first.open_end, message)
