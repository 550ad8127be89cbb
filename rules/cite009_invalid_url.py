from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config, whitelist
from citelint.cs1.model import Arg
from citelint.cs1.resolve import checked_citations, parts
from citelint.cs1.urls import check_url, has_ext_link
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

_WIKILINK = re.compile(r"\[\[.*?\]\]", re.S)
# a pipe encoded as %7C and what follows it: "…html%7C website=First Post"
_SWALLOWED = re.compile(r"%7C\s*([A-Za-z][A-Za-z0-9_ -]*?)\s*=", re.I)
_AFTER_LINK = re.compile(r"\s*([A-Za-z][A-Za-z0-9_-]*)\s*=")


class InvalidUrl(Rule):
    """A URL that CS1 cannot link, or a link where CS1 wants plain text.

    - ``bad_url``: a ``|url=``, ``|chapter-url=``, ``|archive-url=``… value with a space, a
      scheme MediaWiki does not link, or no plausible host (``http//example.com``,
      ``https://example``); an ``|archive-url=`` equal to the ``|url=``.
    - A pipe swallowed into the URL as ``%7C``: ``|url=https://…html%7C website=First Post``.
      Citation tools encode a ``|`` typed inside the URL, so the next parameter becomes part
      of the address, and when it was the last ``|`` the template never closes (see
      CITE001). Also found in links of unclosed templates.
    - ``param_has_ext_link``: an external link or URL in a parameter that is not meant to
      hold one (anything but the URL parameters, ``|id=`` and the page locators): put it
      in ``|url=``. One finding per citation, naming every such parameter, as CS1 does.
    - ``wikilink_in_url``: a wikilink in a title that is also linked to ``|url=``, or both
      ``|title-link=`` and ``|url=``: one text cannot link to two places.
    """

    code = "CITE009"
    name = "invalid-url"
    summary = "Malformed URL or link in a citation"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#bad_url"
    bad = (
        "<ref>{{cite news |title=X |url=https://example.org/x.html%7C website=First Post "
        "|date=8 December 2024}}</ref>"
    )
    good = (
        "<ref>{{cite news |title=X |url=https://example.org/x.html |website=First Post "
        "|date=8 December 2024}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        url_metas = config()["url_params"]
        url_skip = frozenset(config()["url_skip"])
        wl = whitelist()
        in_citations: set[int] = set()
        for c in checked_citations(index):
            p = parts(c)
            url = c.first_set("URL")
            chapter_url = c.first_set("ChapterURL")
            metas = c.metas
            for meta in url_metas:
                found = metas.get(meta)
                if not found or found[0].opaque:
                    continue
                a = found[0]
                in_citations.add(a.param.value_start)
                if meta == "ChapterURL" and p.chapters_ignored:
                    continue
                swallowed = _swallowed(a, wl)
                if swallowed is not None:
                    good = check_url(a.value)
                    msg = (
                        f"A pipe was swallowed into |{a.name}= as %7C before "
                        f"'{swallowed}=': replace %7C with |"
                    )
                    if good:
                        yield Problem(a.start, a.end, msg)
                    else:
                        yield cs1_problem(a.start, a.end, msg, "bad_url")
                    continue
                if not check_url(a.value):
                    yield cs1_problem(
                        a.start, a.end, f"Check |{a.name}= value: not a valid URL", "bad_url"
                    )
                elif meta == "ArchiveURL":
                    same = next((u for u in (url, chapter_url) if u and u.value == a.value), None)
                    if same is not None:
                        yield cs1_problem(
                            a.start,
                            a.end,
                            f"|{a.name}= is the same as |{same.name}=: link an archived copy",
                            "bad_url",
                        )
            # external links where plain text belongs: every named parameter that is not
            # meant to hold a URL (CS1's url_skip), one message per citation. CS1 blanks
            # unknown parameters it has no suggestion for, so those are not looked at.
            hits = [
                a
                for a in c.order
                if not a.positional
                and a.is_set
                and not a.opaque
                and a.name not in url_skip
                and has_ext_link(a.value)
                and (wl.valid(a.name, c.cls) or wl.suggest(a.name, c.cls) is not None)
            ]
            if hits:
                names = ", ".join(f"|{a.name}=" for a in sorted(hits, key=lambda a: a.name))
                first = min(hits, key=lambda a: a.start)
                yield cs1_problem(
                    first.start,
                    first.end,
                    f"External link in {names}: put the URL in |url=",
                    "param_has_ext_link",
                )
            # a title (or chapter) linked twice
            title_link = c.first_set("TitleLink")
            if p.title is not None and p.url is not None:
                if title_link is not None:
                    yield cs1_problem(
                        title_link.start,
                        title_link.end,
                        f"|{title_link.name}= and |{p.url.name}= both link the title",
                        "wikilink_in_url",
                    )
                elif _WIKILINK.search(p.title.value) and not p.title.opaque:
                    a = p.title
                    yield cs1_problem(
                        a.start,
                        a.end,
                        f"Wikilink in |{a.name}=, which |{p.url.name}= also links",
                        "wikilink_in_url",
                    )
            if (
                not p.chapters_ignored
                and p.chapter is not None
                and p.chapter_url is not None
                and _WIKILINK.search(p.chapter.value)
                and not p.chapter.opaque
            ):
                a = p.chapter
                yield cs1_problem(
                    a.start,
                    a.end,
                    f"Wikilink in |{a.name}=, which |{p.chapter_url.name}= also links",
                    "wikilink_in_url",
                )
        # links outside parsed citations, e.g. in the text of an unclosed {{cite …
        text = index.text
        for link in index.links:
            url = link.url
            if link.param is not None and link.param.value_start in in_citations:
                continue
            if url[-3:].upper() != "%7C":
                continue
            m = _AFTER_LINK.match(text, link.url_end)
            if m is None or not wl.valid(m.group(1), "citation"):
                continue
            yield Problem(
                link.url_end - 3,
                link.url_end,
                f"A pipe was swallowed into this URL as %7C before '{m.group(1)}=': "
                "replace %7C with |",
            )


def _swallowed(a: Arg, wl: object) -> str | None:
    """The parameter name after an encoded pipe in a URL value, when it is a CS1 one."""
    if "%7" not in a.value and "%7" not in a.value.upper():
        return None
    for m in _SWALLOWED.finditer(a.value):
        name = m.group(1).strip()
        if wl.valid(name, "citation"):  # type: ignore[attr-defined]
            return name
    return None
