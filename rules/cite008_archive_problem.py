from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.model import Arg
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

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
    return None


class ArchiveProblem(Rule):
    """A problem with the archived copy of a cited page:

    - ``archive_missing_date``: ``|archive-url=`` without ``|archive-date=``;
    - ``archive_missing_url``: ``|archive-url=`` without the original ``|url=`` (or
      ``|chapter-url=``): CS1 needs both to say what was archived;
    - ``archive_url``: a Wayback Machine URL that is a save command (following it archives
      the page again), a ``liveweb`` URL, or one without a full 14-digit timestamp (which
      lands on a calendar, not on a copy). CS1 then drops the archive link.
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

    def check(self, index: Index) -> Iterator[Problem]:
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
