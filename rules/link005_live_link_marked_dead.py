from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.links.judge import problems_for
from citelint.rule import Rule


class LiveLinkMarkedDead(Rule):
    """A citation says its URL is dead (``url-status=dead`` or a ``{{dead link}}`` tag)
    but the URL answers 200. Readers are sent to the archive, or told the source is lost,
    for nothing. Check that the page still supports the claim, then set
    ``url-status=live`` or remove the tag. Points at the marking. Needs
    ``--check-links``."""

    code = "LINK005"
    name = "live-link-marked-dead"
    severity = Severity.INFO
    default_enabled = False
    needs_network = True
    summary = "url-status=dead or {{dead link}} on a URL that answers 200"
    help_url = "https://en.wikipedia.org/wiki/Template:Dead_link"
    bad = (
        "A claim.<ref>{{cite web |url=http://example.org/ok |title=Fine "
        "|archive-url=http://archive.example.org/snapshot |archive-date=1 May 2020 "
        "|url-status=dead}}</ref>"
    )
    good = (
        "A claim.<ref>{{cite web |url=http://example.org/ok |title=Fine "
        "|archive-url=http://archive.example.org/snapshot |archive-date=1 May 2020 "
        "|url-status=live}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        yield from problems_for(index, self.code)
