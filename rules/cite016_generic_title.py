from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import is_generic
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


def is_generic_title(title: str) -> bool:
    """A placeholder title per CS1's generic_titles list."""
    return is_generic("generic_titles", title)


class GenericTitle(Rule):
    """A placeholder instead of the real title: "Wayback Machine", "Page not found", "Are
    you a robot?", "404"…. Bots and citation tools write these when the page
    they fetched had no usable title; readers learn nothing about the source.

    Key: ``generic_title`` (CS1's list of placeholders, ``citelint/data/cs1-config.json``).
    "Archived copy" with an archive URL is only a hidden maintenance message in CS1
    (``archived_copy``, rule CITE900). A title wrapped in ``((…))`` is accepted as written."""

    code = "CITE016"
    name = "generic-title"
    severity = Severity.WARNING
    summary = "Placeholder title such as 'Page not found'"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#generic_title"
    bad = "<ref>{{cite web |url=https://example.org/a |title=404 Not Found}}</ref>"
    good = (
        "<ref>{{cite web |url=https://example.org/a |title=Annual report 2019 "
        "|archive-url=https://web.archive.org/web/20200501000000/https://example.org/a "
        "|archive-date=1 May 2020}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        for c in checked_citations(index):
            title = parts(c).title
            if title is None or title.opaque:
                continue
            value = title.value
            if value.startswith("((") and value.endswith("))"):
                continue
            if is_generic_title(value):
                yield cs1_problem(
                    title.start,
                    title.end,
                    f'|{title.name}= is a generic placeholder ("{value}"): give the real title',
                    "generic_title",
                )
