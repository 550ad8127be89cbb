from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule


class MissingTitle(Rule):
    """A citation has no title. CS1 needs one to say what the source is, and shows "Missing
    or empty |title=". Counts as a title what CS1 counts after its remapping:
    ``|title=``, ``|trans-title=``, ``|script-title=``; the ``|encyclopedia=`` of
    ``{{cite encyclopedia}}`` when only ``|article=`` is given; ``|book-title=`` in
    ``{{cite conference}}``; ``|series=`` in ``{{cite episode}}``.

    Keys: ``citation_missing_title``; ``trans_missing_title`` (a translated title or chapter
    without the original); ``bare_url_missing_title`` (a chapter URL without a chapter, shown
    as a bare URL). Only one of these per citation, as in CS1."""

    code = "CITE002"
    name = "missing-title"
    summary = "Citation has no title"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#citation_missing_title"
    bad = "<ref>{{cite web |url=https://example.org/a |website=Example}}</ref>"
    good = "<ref>{{cite web |url=https://example.org/a |title=A page |website=Example}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        for c in checked_citations(index):
            p = parts(c)
            if p.title is None and p.trans_title is None and p.script_title is None:
                yield cs1_problem(
                    c.start,
                    c.end,
                    f"Missing or empty |{p.title_param}=",
                    "citation_missing_title",
                )
                continue
            if p.trans_title is not None and p.title is None and p.script_title is None:
                a = p.trans_title
                yield cs1_problem(
                    a.start, a.end, f"|{a.name}= requires |title=", "trans_missing_title"
                )
                continue
            if p.chapters_ignored:
                continue
            if p.trans_chapter is not None and p.chapter is None:
                a = p.trans_chapter
                yield cs1_problem(
                    a.start, a.end, f"|{a.name}= requires |chapter=", "trans_missing_title"
                )
            elif p.chapter_url is not None and p.chapter is None:
                a = p.chapter_url
                yield cs1_problem(
                    a.start,
                    a.end,
                    f"|{a.name}= has no |chapter= to link: shown as a bare URL",
                    "bare_url_missing_title",
                )
