from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule


class MissingUrl(Rule):
    """A ``{{cite web}}`` (or ``{{cite podcast}}``, ``{{cite mailing list}}``, or a
    ``{{citation}}`` with ``|website=``) has no ``|url=``. A web source without its address
    cannot be checked; CS1 shows "Missing or empty |url=". If the source is printed, use
    ``{{cite book}}``, ``{{cite news}}`` or ``{{cite journal}}`` instead.

    Key: ``cite_web_url``."""

    code = "CITE010"
    name = "missing-url"
    summary = "Web citation without a URL"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#cite_web_url"
    bad = "<ref>{{cite web |title=A page |website=Example |date=1 May 2020}}</ref>"
    good = (
        "<ref>{{cite web |url=https://example.org/a |title=A page |website=Example "
        "|date=1 May 2020}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        needs = frozenset(config()["url_required"])
        for c in checked_citations(index):
            if c.cls in needs:
                pass
            elif c.cls == "citation":
                p = parts(c)
                origin = p.periodical.name if p.periodical is not None else ""
                sorigin = p.script_periodical.name if p.script_periodical is not None else ""
                if origin != "website" and sorigin != "script-website":
                    continue
            else:
                continue
            if c.first_set("URL") is None:
                yield cs1_problem(c.start, c.end, "Missing or empty |url=", "cite_web_url")
