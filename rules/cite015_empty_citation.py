from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.model import citations
from citelint.cs1.resolve import is_empty
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule


class EmptyCitation(Rule):
    """A citation template with nothing in it that CS1 can show: no title, author, date,
    work, URL or identifier, only empty or unknown parameters (``{{cite web}}``, a template
    left from a citation tool, ``{{cite book |deadurl=no}}``). Readers see "Empty
    citation" where the source should be.

    Key: ``empty_citation``. As CS1 does, the other CITE rules stay silent about such a
    citation: one defect, one finding."""

    code = "CITE015"
    name = "empty-citation"
    summary = "Citation template with no content"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#empty_citation"
    bad = "A claim.<ref>{{cite web |url= |title= }}</ref>\n\n{{reflist}}"
    good = "A claim.<ref>{{cite web |url=https://example.org/ |title=A page}}</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        for c in citations(index):
            if is_empty(c):
                yield cs1_problem(c.start, c.end, "Empty citation", "empty_citation")
