"""TAG005: maintenance tags without a ``date=`` (or with one that is not ``Month YYYY``)."""

from __future__ import annotations

from collections.abc import Iterator

from citelint.rules import _tags
from citelint.rules._tags import month_year, normalise_date, tags

from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.rule import Option, Rule


class UndatedMaintenanceTag(Rule):
    """A citation maintenance tag (any of TAG001–TAG004) without ``date=``, or with a
    date that is not a month and year. Undated tags cannot be sorted by age into
    Wikipedia's monthly maintenance categories, and a bot would have to come by to date
    them. The safe fix adds ``|date=Month YYYY`` with the current month (or rewrites a
    readable date such as ``Feb 2025`` as ``February 2025``); the ``date`` option sets the
    month to write instead (for reproducible runs)."""

    code = "TAG005"
    name = "undated-maintenance-tag"
    severity = Severity.INFO
    summary = "Maintenance tag without date="
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Bots/Requests_for_approval/AnomieBOT"
    options = (
        Option(
            "date",
            str,
            "",
            "the Month YYYY the fix writes; empty: the current month",
        ),
    )
    bad = "The bridge opened in 1901.{{citation needed}}\n"
    good = "The bridge opened in 1901.{{citation needed|date=March 2025}}\n"

    def _month(self) -> str:
        chosen = normalise_date(self.settings["date"]) if self.settings["date"] else None
        return chosen or month_year(_tags.clock())

    def check(self, index: Index) -> Iterator[Problem]:
        month: str | None = None
        for tag in tags(index):
            if tag.status in ("dated", "computed"):
                continue
            tpl = tag.template
            shown = "{{" + tpl.raw_name.strip() + "}}"
            param = tag.date
            if tag.status == "malformed" and param is not None:
                if tag.when is None:
                    message = f"{shown} has date={param.stripped!r}, which is not a month and year"
                    yield Problem(param.start, param.end, message)
                    continue
                lead = len(param.value) - len(param.value.lstrip())
                edit = Edit(
                    param.value_start + lead,
                    param.value_start + len(param.value.rstrip()),
                    tag.when,
                )
                fix = Fix(f"Write the date as {tag.when}", (edit,))
                message = f"{shown} has date={param.stripped!r}; write it as {tag.when}"
                yield Problem(param.start, param.end, message, fix=fix)
                continue
            if month is None:
                month = self._month()
            if param is not None:  # date= present but empty
                edit = Edit(
                    param.value_start,
                    param.value_end,
                    month + param.value[len(param.value.rstrip()) :],
                )
            else:
                edit = Edit(tpl.end - 2, tpl.end - 2, f"|date={month}")
            fix = Fix(f"Add date={month}", (edit,))
            yield Problem(tpl.start, tpl.end, f"{shown} has no date=", fix=fix)
