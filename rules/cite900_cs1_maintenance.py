from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import archived_copy, config
from citelint.cs1.model import Citation
from citelint.cs1.names import name_issues
from citelint.cs1.resolve import checked_citations, parts
from citelint.cs1.urls import has_ext_link
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

_ARCHIVE_TODAY = re.compile(r"archive\.([a-z]+)")
_DIGIT = re.compile(r"[0-9]")
URL_METAS = ("URL", "ArchiveURL", "ChapterURL", "ConferenceURL", "MapURL", "TranscriptURL")


class CS1Maintenance(Rule):
    """CS1's maintenance messages that an editor can act on: hidden on Wikipedia (they only
    add a "CS1 maint:" category), so nobody sees them while editing. Off by default;
    ``--extend-select CITE900`` turns them on. Each message ends with its maintenance key:

    - ``mult_names``: several people in one ``|last=``/``|author=``; ``numeric_names``:
      digits in a name;
    - ``archived_copy``: ``|title=Archived copy`` left by a bot;
    - ``url_status``: ``|url-status=`` without ``|archive-url=``; ``bot:_unknown``:
      ``|url-status=bot: unknown`` (a bot could not tell whether the link is dead);
    - ``deprecated_archive``: an archive.today URL (deprecated by RfC);
    - ``location``: digits in ``|location=`` (usually a page number put in the wrong place);
    - ``others``: ``|others=`` without authors or editors;
    - ``postscript``: ``|postscript=`` longer than one character."""

    code = "CITE900"
    name = "cs1-maintenance"
    severity = Severity.INFO
    default_enabled = False
    summary = "CS1 maintenance message (hidden on Wikipedia)"
    help_url = "https://en.wikipedia.org/wiki/Category:CS1_maintenance"
    bad = "<ref>{{cite web |url=https://example.org/a |title=A |url-status=live}}</ref>"
    good = "<ref>{{cite web |url=https://example.org/a |title=A}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        tlds = frozenset(config()["archive_today_tlds"])
        for c in checked_citations(index):
            yield from _names(c)
            yield from _archive(c, tlds)
            yield from _misc(c)


def _maint(start: int, end: int, message: str, key: str) -> Problem:
    return cs1_problem(start, end, message, key, maint=True)


def _names(c: Citation) -> Iterator[Problem]:
    for issue in name_issues(c, generic=False):
        if not issue.maint or issue.arg is None:
            continue
        a = issue.arg
        base = issue.key.split("/")[0]
        what = "several names" if base == "mult_names" else "digits"
        yield _maint(a.start, a.end, f"|{a.name}= holds {what}", issue.key)


def _archive(c: Citation, tlds: frozenset[str]) -> Iterator[Problem]:
    archive = c.first_set("ArchiveURL")
    status = c.first_set("UrlStatus")
    if status is not None and archive is None:
        yield _maint(
            status.start,
            status.end,
            f"|{status.name}= does nothing without |archive-url=",
            "url_status",
        )
    elif status is not None and status.value == "bot: unknown" and c.first_set("URL") is not None:
        yield _maint(
            status.start,
            status.end,
            "|url-status=bot: unknown: check whether the original URL is dead",
            "bot:_unknown",
        )
    for meta in URL_METAS:
        a = c.first_set(meta)
        if a is None or a.opaque or not has_ext_link(a.value):
            continue
        m = _ARCHIVE_TODAY.search(a.value)
        if m is not None and m.group(1) in tlds:
            yield _maint(
                a.start,
                a.end,
                f"|{a.name}= is an archive.today URL (deprecated)",
                "deprecated_archive",
            )
    title = parts(c).title
    if archive is not None and title is not None and archived_copy().search(title.value.lower()):
        yield _maint(
            title.start,
            title.end,
            f'|{title.name}= is the placeholder "{title.value}": give the real title',
            "archived_copy",
        )


def _misc(c: Citation) -> Iterator[Problem]:
    place = c.first_set("Place")
    if place is not None and not place.opaque and _DIGIT.search(place.value):
        yield _maint(
            place.start,
            place.end,
            f"|{place.name}= has digits: a page belongs in |page=",
            "location",
        )
    others = c.first_set("Others")
    if others is not None and not c.names("AuthorList") and not c.names("EditorList"):
        yield _maint(
            others.start, others.end, f"|{others.name}= without |author= or |editor=", "others"
        )
    ps = c.first_set("PostScript")
    if ps is not None and not ps.opaque and len(ps.value) > 1 and ps.value.lower() != "none":
        yield _maint(ps.start, ps.end, f"|{ps.name}= longer than one character", "postscript")
