from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.links.judge import problems_for
from citelint.rule import Rule


class LinkUnreachable(Rule):
    """A cited URL could not be checked: it timed out, answered a server error (5xx) or
    "too many requests" (429) even after retries, or stood behind a bot wall (401/403,
    Cloudflare's challenge, LinkedIn's 999). That is no evidence the page is gone, so it
    is not called dead; look at it in a browser. Also reported: URLs the checker refused
    to request (a non-http scheme, or a host on a private network without
    ``--allow-private``). Needs ``--check-links``."""

    code = "LINK002"
    name = "link-unreachable"
    severity = Severity.WARNING
    default_enabled = False
    needs_network = True
    summary = "Cited URL could not be checked (timeout, 5xx, 429, bot wall)"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Link_rot"
    bad = "A claim.<ref>{{cite web |url=http://example.org/down |title=Busy}}</ref>"
    good = "A claim.<ref>{{cite web |url=http://example.org/ok |title=Fine}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        yield from problems_for(index, self.code)
