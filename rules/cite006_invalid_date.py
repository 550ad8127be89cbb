from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.dates import citation_dates, explain, today_of
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Option, Rule


class InvalidDate(Rule):
    """A date in a citation that CS1 rejects, so the page shows "Check date values in:
    |date=". CS1 accepts the MOS:DATEFORMAT formats (``2020-05-01``, ``1 May 2020``,
    ``May 1, 2020``, ``May 2020``, ``2020``, ranges with an en dash, seasons and quarters in
    ``|date=``, ``c. 1900``, ``n.d.``), with the month spelled out or abbreviated to three
    letters without a dot. Also rejected: impossible dates (31 April, 29 February 2019),
    years more than one year ahead of today, an ``|access-date=`` that is not a single full
    date between 2001-01-15 (before Wikipedia, nobody retrieved anything for it) and
    tomorrow, and a ``|year=`` that disagrees with ``|date=``.

    Key: ``bad_date``; one finding per citation, as CS1 writes one message listing every bad
    date parameter. Dates built by templates (``{{dts|…}}``) are not checked. The option
    ``today`` pins the current date (ISO ``YYYY-MM-DD``) for reproducible runs."""

    code = "CITE006"
    name = "invalid-date"
    summary = "Invalid or impossible date in a citation"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#bad_date"
    bad = (
        "<ref>{{cite web |url=https://example.org/a |title=A |date=31 April 2019 "
        "|access-date=2 May 2020}}</ref>"
    )
    good = (
        "<ref>{{cite web |url=https://example.org/a |title=A |date=30 April 2019 "
        "|access-date=2 May 2020}}</ref>"
    )
    options = (Option("today", str, "", "the current date as YYYY-MM-DD (default: today)"),)

    def check(self, index: Index) -> Iterator[Problem]:
        today = today_of(self.settings["today"])
        for c in checked_citations(index):
            checks, mismatch = citation_dates(c, today)
            bad = [d for d in checks if d.info is None]
            if not bad and not mismatch:
                continue
            bad_arg = None
            reasons = [f"|{d.arg.name}= ({explain(d.arg.value, d.param, today)})" for d in bad]
            if mismatch:
                year = c.first_set("Year")
                date = c.first_set("Date") or c.first_set("PublicationDate")
                if year is not None and date is not None:
                    reasons.append(f"|{year.name}= / |{date.name}= mismatch")
                    if not bad:
                        bad_arg = year
            first = min((d.arg for d in bad), key=lambda a: a.start) if bad else bad_arg
            if first is None:
                continue
            yield cs1_problem(
                first.start,
                first.end,
                "Check date values in: " + "; ".join(reasons),
                "bad_date",
            )
