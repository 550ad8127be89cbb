from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class MissingPeriodical(Rule):
    """A ``{{cite journal}}`` has no ``|journal=`` (or a ``{{cite magazine}}`` no
    ``|magazine=``). Readers cannot find an article without the periodical it is in; CS1
    says "Cite journal requires |journal=". Any periodical alias counts (``|work=``,
    ``|website=``, ``|script-journal=``…). If the source is not in a periodical, a
    different template fits better (``{{cite book}}``, ``{{cite report}}``, ``{{cite web}}``).

    A ``{{cite document}}`` needs its ``|publisher=`` the same way.

    Keys: ``missing_periodical``, ``missing_publisher``. Which templates need a periodical is data
    (``periodical_required`` in ``citelint/data/cs1-config.json``)."""

    code = "CITE012"
    name = "missing-periodical"
    severity = Severity.WARNING
    summary = "Journal or magazine citation without the periodical"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#missing_periodical"
    bad = "<ref>{{cite journal |last=Roe |first=A. |title=On things |volume=3 |year=1999}}</ref>"
    good = (
        "<ref>{{cite journal |last=Roe |first=A. |title=On things |journal=Nature "
        "|volume=3 |year=1999}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        required = config()["periodical_required"]
        for c in checked_citations(index):
            if c.cls == "document" and c.first_set("PublisherName") is None:
                yield cs1_problem(
                    c.start, c.end, "Cite document requires |publisher=", "missing_publisher"
                )
                continue
            param = required.get(c.cls)
            if param is None:
                continue
            p = parts(c)
            if p.periodical is None and p.script_periodical is None:
                yield cs1_problem(
                    c.start,
                    c.end,
                    f"Cite {c.cls} requires |{param}=",
                    "missing_periodical",
                )
