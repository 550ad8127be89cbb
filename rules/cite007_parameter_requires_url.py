from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

# format parameter -> the URL meta-parameter it describes (CS1's style_format pairs)
_FORMATS = (
    ("Format", "URL"),
    ("ChapterFormat", "ChapterURL"),
    ("ArchiveFormat", "ArchiveURL"),
    ("ConferenceFormat", "ConferenceURL"),
    ("LayFormat", "LayURL"),
    ("TranscriptFormat", "TranscriptURL"),
)
_ACCESS = (("UrlAccess", "URL"), ("ChapterUrlAccess", "ChapterURL"), ("MapUrlAccess", "MapURL"))
_RELEVANT = frozenset(["AccessDate"] + [f for f, _ in _FORMATS] + [a for a, _ in _ACCESS])


class ParameterRequiresUrl(Rule):
    """A parameter that describes a URL is set but the URL is not: ``|access-date=`` without
    ``|url=`` (the date a web page was read means nothing for a printed book),
    ``|format=`` without ``|url=``, ``|url-access=`` without ``|url=``. CS1 shows an error
    and drops the parameter.

    Keys: ``accessdate_missing_url``, ``format_missing_url``, ``param_access_requires_param``.
    As in CS1, a ``|chapter-url=`` satisfies ``|access-date=``."""

    code = "CITE007"
    name = "parameter-requires-url"
    summary = "Parameter set without the URL it describes"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#accessdate_missing_url"
    bad = "<ref>{{cite book |title=A book |publisher=P |year=2001 |access-date=1 May 2020}}</ref>"
    good = "<ref>{{cite book |title=A book |publisher=P |year=2001}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        for c in checked_citations(index):
            if _RELEVANT.isdisjoint(c.metas):
                continue  # nothing that needs a URL
            p = parts(c)
            access = c.first_set("AccessDate")
            if (
                access is not None
                and c.first_set("URL") is None
                and c.first_set("ChapterURL") is None
            ):
                yield cs1_problem(
                    access.start,
                    access.end,
                    f"|{access.name}= requires |url=",
                    "accessdate_missing_url",
                )
            for fmt_meta, url_meta in _FORMATS:
                fmt = c.first_set(fmt_meta)
                if fmt is None or c.first_set(url_meta) is not None:
                    continue
                if fmt_meta == "ChapterFormat" and p.chapters_ignored:
                    continue  # CS1 reports nothing: chapters are not rendered here
                if fmt_meta == "Format" and p.url is None and c.cls == "encyclopaedia":
                    continue
                url_name = fmt.name.replace("format", "url")
                yield cs1_problem(
                    fmt.start, fmt.end, f"|{fmt.name}= requires |{url_name}=", "format_missing_url"
                )
            for access_meta, url_meta in _ACCESS:
                acc = c.first_set(access_meta)
                if acc is not None and c.first_set(url_meta) is None:
                    url_name = acc.name.removesuffix("-access")
                    yield cs1_problem(
                        acc.start,
                        acc.end,
                        f"|{acc.name}= requires |{url_name}=",
                        "param_access_requires_param",
                    )
