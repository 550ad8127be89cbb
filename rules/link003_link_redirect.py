from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.links.judge import problems_for
from citelint.rule import Rule


class LinkRedirect(Rule):
    """A cited URL redirects. A permanent redirect (301/308) to another page is a
    suggestion (info) to cite the new address; an unsafe fix replaces the URL. A redirect
    to the site's home page or to an error page (``/404``, ``notfound``) is a soft 404
    (warning): the cited page is most likely gone although the server answers 200.
    Temporary redirects are not reported. Needs ``--check-links``."""

    code = "LINK003"
    name = "link-redirect"
    severity = Severity.INFO
    default_enabled = False
    needs_network = True
    summary = "Cited URL redirects permanently, or to a site root or error page (soft 404)"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Link_rot"
    bad = "A claim.<ref>{{cite web |url=http://example.org/moved |title=Moved}}</ref>"
    good = "A claim.<ref>{{cite web |url=http://example.org/page2 |title=Moved}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        yield from problems_for(index, self.code)
