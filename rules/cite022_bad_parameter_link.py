from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config
from citelint.cs1.model import Arg, Citation
from citelint.cs1.resolve import checked_citations
from citelint.cs1.urls import is_url, split_url
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

#: what a ``|…-link=`` may not contain: it names a Wikipedia article, not markup or a URL
_PROHIBITED = re.compile(r"[<>\[\]|{}]")
_WIKILINK = re.compile(r"\[\[[^\]]+\]\]\Z")


def link_ok(value: str) -> bool:
    """CS1's link_param_ok(): no markup characters and not a URL."""
    return _PROHIBITED.search(value) is None and not is_url(*split_url(value))


class BadParameterLink(Rule):
    """A ``|…-link=`` parameter (``|author-link=``, ``|title-link=``, ``|series-link=``) holds
    markup or a URL instead of an article name, or its text parameter is wikilinked as
    well (``|title=[[X]]`` with ``|title-link=Y``), or a ``|first=`` is a wikilink. CS1 then
    drops the link and says "Check |title-link= value". Put the article name, plain, in the
    ``-link`` parameter and leave the text unlinked.

    Key: ``bad_paramlink``."""

    code = "CITE022"
    name = "bad-parameter-link"
    summary = "Markup or URL in a -link parameter, or a link given twice"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#bad_paramlink"
    bad = "<ref>{{cite book |title=[[Moby-Dick]] |title-link=Moby-Dick |year=1851}}</ref>"
    good = "<ref>{{cite book |title=Moby-Dick |title-link=Moby-Dick |year=1851}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        lists = tuple(config()["name_lists"])
        for c in checked_citations(index):
            seen: set[int] = set()
            for problem in _problems(c, lists):
                if problem.start not in seen:  # one message per parameter
                    seen.add(problem.start)
                    yield problem


def _problems(c: Citation, lists: tuple[str, ...]) -> Iterator[Problem]:
    for list_name in lists:
        for entry in c.names(list_name):
            first = entry.first
            if first is not None and not first.opaque and _WIKILINK.match(first.value):
                yield _problem(first, "a first name cannot be a wikilink; use |author-link=")
            if entry.last is None:
                continue
            for text in (entry.last, first):
                bad = _link_title(entry.link, text)
                if bad is not None:
                    yield bad
                    break
    yield from _pair(c, "TitleLink", "Title")
    if c.cls in ("episode", "serial"):
        yield from _pair(c, "SeriesLink", "Series")


def _pair(c: Citation, link_meta: str, text_meta: str) -> Iterator[Problem]:
    link = c.first_set(link_meta)
    if link is not None and link.value in ("none", "pmc", "doi"):
        return  # |title-link= keywords
    bad = _link_title(link, c.first_set(text_meta))
    if bad is not None:
        yield bad


def _link_title(link: Arg | None, text: Arg | None) -> Problem | None:
    """CS1's link_title_ok(): the link is bad, or the text is linked too."""
    if link is None or link.opaque:
        return None
    if not link_ok(link.value):
        return _problem(link, "an article name, not markup or a URL")
    if text is not None and not text.opaque and "[[" in text.value:
        return _problem(text, f"wikilinked while |{link.name}= links it too")
    return None


def _problem(a: Arg, why: str) -> Problem:
    return cs1_problem(a.start, a.end, f"Check |{a.name}= value: {why}", "bad_paramlink")
