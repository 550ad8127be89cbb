"""Inline citation maintenance tags (``{{cn}}``, ``{{dead link}}``, …) shared by TAG001–TAG005.

The template names, their redirects and the rule each belongs to come from
``citelint/data/maintenance_tags.json``, so a new redirect is a data change, not a code
change. Tags are found once per document (``index.derived``) and read by every TAG rule.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from citelint.citeref import in_tag_attributes, is_citation_name
from citelint.cs1.dates import MONTHS_LONG
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.maintenance import TagSpec, archive_hosts, archive_templates, tag_table
from citelint.model import ExtLink, Param, Ref, Template
from citelint.rule import Rule

#: Today's date; tests replace it to make "the current month" reproducible.
clock: Callable[[], datetime.date] = datetime.date.today

#: January … December, from the CS1 date model
MONTHS = tuple(MONTHS_LONG)
_MONTH_BY_PREFIX = {m[:3].lower(): m for m in MONTHS} | {"sept": "September"}
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$")
_DAY_MONTH_YEAR = re.compile(r"^\d{1,2}\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+\d{1,2},?\s+(\d{4})$")


def month_year(day: datetime.date) -> str:
    """``March 2025``: the form Wikipedia's bots and templates expect in ``date=``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def normalise_date(value: str) -> str | None:
    """The ``Month YYYY`` a tag date means, or None when it cannot be read.

    ``February 2025`` is already right; ``Feb 2025``, ``february 2025``, ``2025-02`` and
    full dates are understood (and a fix can rewrite them), anything else is not."""
    value = " ".join(value.split())
    for pattern in (_MONTH_YEAR, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        m = pattern.match(value)
        if m:
            word = m.group(1).lower()
            month = _MONTH_BY_PREFIX.get(word[:4]) or _MONTH_BY_PREFIX.get(word[:3])
            if month is None or not month.lower().startswith(word):
                return None
            return f"{month} {m.group(2)}"
    m = _YEAR_MONTH.match(value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return None


@dataclass(eq=False)
class Tag:
    """One maintenance tag in the document and what its ``date=`` says."""

    template: Template
    spec: TagSpec
    date: Param | None
    #: ``Month YYYY`` when the date can be read, else None
    when: str | None
    #: "dated" (valid), "undated" (missing or empty), "malformed" (present, not Month YYYY),
    #: "computed" (a template or parser function fills it in on save)
    status: str

    @property
    def label(self) -> str:
        return self.spec.label[:1].upper() + self.spec.label[1:]

    def describe(self) -> str:
        """``Citation needed since February 2025`` (the tag's age), or why there is none."""
        if self.when is not None:
            return f"{self.label} since {self.when}"
        if self.status == "undated":
            return f"{self.label} (undated)"
        if self.status == "computed":
            return self.label
        return f"{self.label} (date {self.date.stripped!r} is not a month and year)"  # type: ignore[union-attr]


def _read_tag(tpl: Template, spec: TagSpec) -> Tag:
    date = tpl.get("date")
    raw = date.stripped if date is not None else ""
    if "<!--" in raw:
        raw = re.sub(r"<!--.*?(?:-->|$)", "", raw, flags=re.S).strip()
    if not raw:
        return Tag(tpl, spec, date, None, "undated")
    if "{{" in raw or "{{{" in raw:
        return Tag(tpl, spec, date, None, "computed")
    when = normalise_date(raw)
    if when is None:
        return Tag(tpl, spec, date, None, "malformed")
    return Tag(tpl, spec, date, when, "dated" if when == raw else "malformed")


def tags(index: Index) -> list[Tag]:
    """All maintenance tags of the document, in order (computed once per document)."""

    def compute(ix: Index) -> list[Tag]:
        table = tag_table()
        return [
            _read_tag(t, table[t.name])
            for t in ix.templates_named(table)
            if not in_tag_attributes(ix, t.start)
        ]

    return index.derived("tags.maintenance", compute)


# -- what a {{dead link}} is about ------------------------------------------------------

ARCHIVE_PARAMS = ("archive-url", "archiveurl", "archive_url")


def _has_archive_param(tpl: Template) -> bool:
    p = tpl.get(*ARCHIVE_PARAMS)
    return p is not None and bool(p.stripped)


def _is_archive_link(link: ExtLink) -> bool:
    url = link.url.lower()
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    if host.startswith("www.") and host not in archive_hosts():
        host = host[4:]
    return host in archive_hosts()


@dataclass(frozen=True)
class DeadLinkTarget:
    """The citation a ``{{dead link}}`` tag is about and whether it has an archived copy."""

    kind: str  # "citation", "ref", "link" or "none"
    archived: bool


def _templates_in(index: Index, start: int, end: int) -> list[Template]:
    starts = index.derived("tags.template_starts", lambda ix: [t.start for t in ix.templates])
    lo = bisect_right(starts, start - 1)
    hi = bisect_right(starts, end - 1)
    return index.templates[lo:hi]


def _links_in(index: Index, start: int, end: int) -> list[ExtLink]:
    return [link for link in index.links if start <= link.start and link.end <= end]


def _in_ref(index: Index, ref: Ref, before: int) -> DeadLinkTarget:
    """The last citation template of ``ref`` before ``before``, else the ref's own links."""
    inside = [t for t in _templates_in(index, ref.content_start, before) if t.end <= before]
    archives = archive_templates()
    cite = None
    for t in reversed(inside):
        if is_citation_name(t.name) and (t.ref is ref or t.ref is None):
            cite = t
            break
    if cite is not None:
        later = (t for t in inside if t.start >= cite.end)
        archived = _has_archive_param(cite) or any(t.name in archives for t in later)
        return DeadLinkTarget("citation", archived)
    if any(t.name in archives for t in inside):
        return DeadLinkTarget("ref", True)
    links = _links_in(index, ref.content_start, ref.content_end)
    return DeadLinkTarget("ref", any(_is_archive_link(link) for link in links))


def dead_link_target(index: Index, tag: Template) -> DeadLinkTarget:
    """What a ``{{dead link}}`` refers to: the citation template it sits in or follows in
    the same ref, the ref it sits in, or the ref, citation or link just before it."""
    parent = tag.parent
    if parent is not None and is_citation_name(parent.name):
        return DeadLinkTarget("citation", _has_archive_param(parent))
    if tag.ref is not None and tag.ref.content is not None:
        return _in_ref(index, tag.ref, tag.start)
    # Outside a ref: the thing right before the tag, with only spaces between.
    text = index.text
    pos = tag.start
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    for ref in reversed(index.refs):
        if ref.end <= pos:
            if ref.end == pos and ref.content is not None:
                return _in_ref(index, ref, ref.content_end)
            break
    before = _templates_in(index, max(0, pos - 20000), pos)
    for t in reversed(before):
        if t.end == pos and is_citation_name(t.name):
            return DeadLinkTarget("citation", _has_archive_param(t))
        if t.end == pos and t.name in archive_templates():
            return DeadLinkTarget("citation", True)
    for link in reversed(index.links):
        if link.end == pos:
            return DeadLinkTarget("link", _is_archive_link(link))
        if link.end < pos:
            break
    return DeadLinkTarget("none", False)


# -- the shared rule shape ---------------------------------------------------------------


class TagRule(Rule):
    """Reports every tag whose spec belongs to this rule, with the tag's age."""

    severity = Severity.WARNING
    advice: ClassVar[str] = ""

    def check(self, index: Index) -> Iterator[Problem]:
        code = self.code
        for tag in tags(index):
            if tag.spec.rule == code:
                tpl = tag.template
                message = tag.describe()
                if self.advice:
                    message += f": {self.advice}"
                yield Problem(tpl.start, tpl.end, message)
