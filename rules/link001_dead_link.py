from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.links.judge import problems_for
from citelint.rule import Rule


class DeadLink(Rule):
    """A cited URL is dead: it answers 404 or 410 (or another 4xx that means "gone"), its
    host name does not exist, the connection is refused or TLS fails, after retries, and
    the citation has no archive copy. Readers cannot verify the claim. Add an
    ``archive-url`` (with ``url-status=dead``) from the Wayback Machine, or mark the link
    ``{{dead link}}`` if no archive exists. Needs ``--check-links``."""

    code = "LINK001"
    name = "dead-link"
    severity = Severity.ERROR
    default_enabled = False
    needs_network = True
    summary = "Cited URL is dead and not archived"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Link_rot"
    bad = "A claim.<ref>{{cite web |url=http://example.org/missing |title=Gone}}</ref>"
    good = (
        "A claim.<ref>{{cite web |url=http://example.org/missing |title=Gone "
        "|archive-url=http://archive.example.org/snapshot |archive-date=1 May 2020 "
        "|url-status=dead}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        yield from problems_for(index, self.code)
