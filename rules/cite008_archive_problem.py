from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import article_date_format
from citelint.cs1.dates import MONTHS_LONG, citation_dates, today_of
from citelint.cs1.model import Arg, Citation
from citelint.cs1.resolve import checked_citations
from citelint.finding import Edit, Fix, Problem
from citelint.index import Index
from citelint.rule import Option, Rule

_WAYBACK = re.compile(r"//(?:web|liveweb)\.archive\.org/", re.I)
_WAYBACK_PARTS = re.compile(r"//web\.archive\.org/([^0-9]*)([0-9]+)([^/]*)/")


def wayback_problem(url: str) -> str | None:
    """CS1's check of archive.org URLs: no save command, no liveweb, a full 14-digit
    timestamp, the ``web/`` path and a well-formed flag (``id_``, ``im_``…)."""
    if "archive.org" not in url or not _WAYBACK.search(url):
        return None
    if "//web.archive.org/save/" in url:
        return "a save command, not an archived copy"
    if "//liveweb.archive.org/" in url:
        return "liveweb is no longer available"
    m = _WAYBACK_PARTS.search(url)
    if m is None:
        return "no timestamp"
    path, stamp, flag = m.groups()
    if len(stamp) != 14:
        return "the timestamp is not 14 digits"
    if path and path != "web/":
        return "the path is not /web/"
    if flag and not path:
        return "a flag needs the /web/ path"
    if flag and not re.match(r"[A-Za-z]{2}_", flag):
        return "malformed flag"
    if _stamp_date(stamp) is None:
        return "the timestamp is not a date since 1996"
    return None


def _stamp_date(stamp: str) -> dt.date | None:
    try:
        day = dt.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    except ValueError:
        return None
    return day if day.year >= 1996 else None


_MONTH_NAMES = {n: name for name, n in MONTHS_LONG.items()}


def _spell(day: dt.date, order: str) -> str:
    """``day`` in the order of the ``|archive-date=`` it replaces, as CS1 suggests it."""
    month = _MONTH_NAMES[day.month]
    if order == "dmy":
        return f"{day.day} {month} {day.year}"
    if order == "mdy":
        return f"{month} {day.day}, {day.year}"
    return day.isoformat()


def timestamp_mismatch(
    c: Citation, archive: Arg, date: Arg, today: dt.date, article_df: str | None
) -> Problem | None:
    """``archive_date_url_ts_mismatch``: the Wayback timestamp names another day than
    ``|archive-date=``. CS1 looks only when every date of the citation is valid."""
    m = _WAYBACK_PARTS.search(archive.value)
    if m is None or date.opaque:
        return None
    stamp = _stamp_date(m.group(2))
    checks, year_mismatch = citation_dates(c, today)
    if stamp is None or year_mismatch or any(ch.info is None for ch in checks):
        return None
    info = next((ch.info for ch in checks if ch.arg is date), None)
    if info is None:
        return None
    if (
        info.day
        and info.month
        and not info.year2
        and dt.date(info.year, info.month, info.day) == stamp
    ):
        return None
    order = article_df or {"dMy": "dmy", "Mdy": "mdy"}.get(info.fmt, "ymd")
    df = c.first_set("DF")
    if df is not None and df.value.split("-")[0] in ("dmy", "mdy", "ymd"):
        order = df.value.split("-")[0]
    suggested = _spell(stamp, order)
    start, end = date.value_span
    fix = Fix(f"Set |{date.name}={suggested}", (Edit(start, end, suggested),), "unsafe")
    return cs1_problem(
        date.start,
        date.end,
        f"|{date.name}= / |{archive.name}= timestamp mismatch; {suggested} suggested",
        "archive_date_url_ts_mismatch",
        fix=fix,
    )


class ArchiveProblem(Rule):
    """A problem with the archived copy of a cited page:

    - ``archive_missing_date``: ``|archive-url=`` without ``|archive-date=``;
    - ``archive_missing_url``: ``|archive-url=`` without the original ``|url=`` (or
      ``|chapter-url=``): CS1 needs both to say what was archived;
    - ``archive_url``: a Wayback Machine URL that is a save command (following it archives
      the page again), a ``liveweb`` URL, or one without a full 14-digit timestamp (which
      lands on a calendar, not on a copy). CS1 then drops the archive link;
    - ``archive_date_url_ts_mismatch``: ``|archive-date=`` is not the day of the Wayback
      Machine timestamp in ``|archive-url=`` (checked only when all dates of the citation
      are valid, as CS1 does). The unsafe fix sets the timestamp's day.
    """

    code = "CITE008"
    name = "archive-problem"
    summary = "Archive URL without date or original URL, or malformed"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#archive_missing_date"
    bad = (
        "<ref>{{cite web |url=https://example.org/a |title=A "
        "|archive-url=https://web.archive.org/web/20200501000000/https://example.org/a}}</ref>"
    )
    good = (
        "<ref>{{cite web |url=https://example.org/a |title=A "
        "|archive-url=https://web.archive.org/web/20200501000000/https://example.org/a "
        "|archive-date=1 May 2020}}</ref>"
    )

    options = (Option("today", str, "", "the current date as YYYY-MM-DD (default: today)"),)

    def check(self, index: Index) -> Iterator[Problem]:
        today = today_of(self.settings["today"])
        article_df = article_date_format(index)
        for c in checked_citations(index):
            archive = c.first_set("ArchiveURL")
            if archive is None or archive.opaque:
                continue
            why = wayback_problem(archive.value)
            if why is not None:
                yield cs1_problem(
                    archive.start,
                    archive.end,
                    f"Check |{archive.name}= value: {why}",
                    "archive_url",
                )
                continue  # CS1 drops the archive: nothing else to say about it
            url = c.first_set("URL")
            chapter_url = c.first_set("ChapterURL")
            if url is not None and archive.value in (url.value, (chapter_url or url).value):
                continue  # CITE009 reports an archive equal to the original
            date: Arg | None = c.first_set("ArchiveDate")
            if date is None:
                yield cs1_problem(
                    archive.start,
                    archive.end,
                    f"|{archive.name}= requires |archive-date=",
                    "archive_missing_date",
                )
            if url is None and chapter_url is None:
                yield cs1_problem(
                    archive.start,
                    archive.end,
                    f"|{archive.name}= requires |url=",
                    "archive_missing_url",
                )
            if date is not None:
                mismatch = timestamp_mismatch(c, archive, date, today, article_df)
                if mismatch is not None:
                    yield mismatch
