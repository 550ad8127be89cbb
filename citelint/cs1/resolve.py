"""The parts of a citation after CS1's remapping, as Module:Citation/CS1 ``citation0`` does
it before rendering: ``{{cite encyclopedia}}`` turns ``|title=`` into the article and
``|encyclopedia=`` into the title, ``{{cite conference}}`` uses ``|book-title=``,
``{{cite episode}}`` uses ``|series=`` as the title, and so on.

Several rules need the same answers (is there a title? which URL is linked?), so they are
computed once per citation and cached on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from citelint.cs1.data import config, whitelist
from citelint.cs1.model import Arg, Citation, citations
from citelint.refgraph import group_of, ref_graph

if TYPE_CHECKING:
    from citelint.index import Index

#: classes whose title is quoted as an article in a periodical; chapters are ignored there
PERIODICAL_CLASSES = frozenset(
    [
        "web",
        "news",
        "journal",
        "magazine",
        "pressrelease",
        "podcast",
        "newsgroup",
        "arxiv",
        "biorxiv",
        "citeseerx",
        "medrxiv",
        "ssrn",
    ]
)


@dataclass(eq=False)
class Parts:
    """Resolved citation parts; each is the argument that supplies it (None when unset)."""

    title: Arg | None
    trans_title: Arg | None
    script_title: Arg | None
    chapter: Arg | None
    trans_chapter: Arg | None
    chapter_url: Arg | None
    url: Arg | None
    periodical: Arg | None
    script_periodical: Arg | None
    encyclopedia: Arg | None  # set and honoured (encyclopaedia or citation class)
    encyclopedia_ignored: Arg | None  # set in a class that does not support it
    title_param: str  # "title", or "series" for cite episode
    chapters_ignored: bool  # periodical-style citation: chapter parameters are not rendered


def parts(c: Citation) -> Parts:
    cached = c.cache.get("parts")
    if cached is None:
        cached = c.cache["parts"] = _resolve(c)
    return cached


def _resolve(c: Citation) -> Parts:
    cls = c.cls
    title = c.first_set("Title")
    trans_title = c.first_set("TransTitle")
    script_title = c.first_set("ScriptTitle")
    chapter = c.first_set("Chapter")
    trans_chapter = c.first_set("TransChapter")
    chapter_url = c.first_set("ChapterURL")
    url = c.first_set("URL")
    periodical = c.first_set("Periodical")
    script_periodical = c.first_set("ScriptPeriodical")
    if cls == "mailinglist":
        periodical = c.first_set("MailingList")
    encyclopedia = c.first_set("Encyclopedia")
    ignored = None
    if encyclopedia is not None and cls not in ("encyclopaedia", "citation"):
        ignored, encyclopedia = encyclopedia, None
    if cls == "encyclopaedia" or (cls == "citation" and encyclopedia is not None):
        if encyclopedia is not None:
            periodical = encyclopedia
        if periodical is not None:
            if title is not None or script_title is not None:
                if chapter is None:
                    # |encyclopedia= and |title=: the title becomes the article
                    chapter, trans_chapter, chapter_url = title, trans_title, url
                    title, trans_title, url, script_title = periodical, None, None, None
                    periodical = None
            elif chapter is not None:
                title, periodical = periodical, None
    if cls == "conference":
        book_title = c.first_set("BookTitle")
        if book_title is not None:
            chapter, chapter_url, trans_chapter = title, url, trans_title
            title, url, trans_title = book_title, None, None
    title_param = "title"
    if cls == "episode":
        chapter, trans_chapter, chapter_url = title, trans_title, url
        title, trans_title, script_title, url = c.first_set("Series"), None, None, None
        title_param = "series"
    elif cls == "serial":
        chapter = c.arg("episode")
    chapters_ignored = cls in PERIODICAL_CLASSES or (
        cls == "citation"
        and (periodical is not None or script_periodical is not None)
        and encyclopedia is None
    )
    return Parts(
        title,
        trans_title,
        script_title,
        chapter,
        trans_chapter,
        chapter_url,
        url,
        periodical,
        script_periodical,
        encyclopedia,
        ignored,
        title_param,
        chapters_ignored,
    )


def is_empty(c: Citation) -> bool:
    """CS1's ``empty_citation``: nothing in the citation renders any text. CS1 then shows only
    "Empty citation" and drops its other error messages, so the CITE rules skip such
    citations and leave them to CITE015."""
    cached = c.cache.get("empty")
    if cached is None:
        cached = c.cache["empty"] = _empty(c)
    return cached


def _empty(c: Citation) -> bool:
    quiet = _non_rendering()
    wl = whitelist()
    for a in c.order:
        if not a.is_set:
            continue
        if a.positional:
            continue
        name = a.name
        if name in quiet or "mask" in name or "link" in name:
            continue
        if wl.valid(name, c.cls):
            return False
    return True


@lru_cache(maxsize=1)
def _non_rendering() -> frozenset[str]:
    return frozenset(config()["non_rendering"]["names"])


def checked_citations(index: Index) -> list[Citation]:
    """The citations CS1's messages are shown for: not empty (see :func:`is_empty`, CITE015
    reports those) and not inside a repeated definition of a named ref. Cite renders the
    first ``<ref name=x>…</ref>`` and drops later ones (REF002 reports a conflicting one), so
    a citation there is either a copy of one already checked or never shown."""
    return index.derived("cs1.checked", _checked)


def _checked(index: Index) -> list[Citation]:
    graph = ref_graph(index)
    out = []
    for c in citations(index):
        if is_empty(c):
            continue
        ref = c.ref
        if ref is not None and ref.name:
            defs = graph.definitions.get((group_of(ref), ref.name))
            if defs and defs[0] is not ref:
                continue
        out.append(c)
    return out
