from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.links.judge import problems_for
from citelint.rule import Rule


class DeadArchive(Rule):
    """The ``archive-url`` of a citation (or the ``url`` of a ``{{webarchive}}``) does
    not answer with a snapshot: it is dead, or it redirects to the archive's home page or
    an error page. The citation's fallback is broken; find another snapshot. Needs
    ``--check-links``."""

    code = "LINK004"
    name = "dead-archive"
    severity = Severity.ERROR
    default_enabled = False
    needs_network = True
    summary = "archive-url does not answer with a snapshot"
    help_url = "https://en.wikipedia.org/wiki/Help:Using_the_Wayback_Machine"
    bad = (
        "A claim.<ref>{{cite web |url=http://example.org/missing |title=Gone "
        "|archive-url=http://archive.example.org/missing |archive-date=1 May 2020 "
        "|url-status=dead}}</ref>"
    )
    good = (
        "A claim.<ref>{{cite web |url=http://example.org/missing |title=Gone "
        "|archive-url=http://archive.example.org/snapshot |archive-date=1 May 2020 "
        "|url-status=dead}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        yield from problems_for(index, self.code)
