from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1.data import article_date_format
from citelint.cs1.dates import citation_dates, order_of, reformat, today_of
from citelint.cs1.resolve import checked_citations
from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.rule import Option, Rule


class DateFormatMismatch(Rule):
    """A citation date written in the other day/month order than the article's
    ``{{Use dmy dates}}`` or ``{{Use mdy dates}}`` asks for (MOS:DATEUNIFY): ``May 1,
    2020`` in a dmy article, ``1 May 2020`` in an mdy one. ISO dates (``2020-05-01``) and
    dates without a day are left alone, as MOS allows them; so is a citation with its own
    ``|df=``. The fix rewrites the date in the article's order, keeping the month names.
    Only dates CS1 accepts are considered (CITE006 reports the others)."""

    code = "CITE018"
    name = "date-format-mismatch"
    severity = Severity.INFO
    summary = "Citation date not in the article's date format"
    help_url = "https://en.wikipedia.org/wiki/MOS:DATEUNIFY"
    bad = "{{Use dmy dates|date=May 2020}}\nText.<ref>{{cite web |url=https://example.org/ |title=T |date=May 1, 2020}}</ref>"
    good = "{{Use dmy dates|date=May 2020}}\nText.<ref>{{cite web |url=https://example.org/ |title=T |date=1 May 2020}}</ref>"
    options = (Option("today", str, "", "the current date as YYYY-MM-DD (default: today)"),)

    def check(self, index: Index) -> Iterator[Problem]:
        wanted = article_date_format(index)
        if wanted is None:
            return
        today = today_of(self.settings["today"])
        label = "Use dmy dates" if wanted == "dmy" else "Use mdy dates"
        for c in checked_citations(index):
            if c.first_set("DF") is not None:
                continue
            checks, _ = citation_dates(c, today)
            for d in checks:
                if d.info is None:
                    continue
                order = order_of(d.info)
                if order is None or order == wanted:
                    continue
                a = d.arg
                new = reformat(a.value, d.info, wanted)
                fix = None
                start, end = a.value_span
                if new is not None and a.param.value.strip() == a.value:
                    fix = Fix(f"Write the date as {new}", (Edit(start, end, new),))
                shown = f" ({new})" if new else ""
                yield Problem(
                    a.start,
                    a.end,
                    f"|{a.name}={a.value} is not in the article's {wanted} format"
                    f"{shown}, set by {{{{{label}}}}}",
                    fix,
                )
