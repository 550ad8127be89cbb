from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config, whitelist
from citelint.cs1.model import Arg, Citation, name_role
from citelint.cs1.resolve import PERIODICAL_CLASSES, checked_citations
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

#: classes whose title is an article in a periodical: CS1 shows no chapter there
#: the chapter parameters in the order CS1 looks for one to name
_CHAPTER_METAS = ("Chapter", "TransChapter", "ChapterURL", "ScriptChapter", "ChapterFormat")
#: the periodical parameters {{cite book}} and {{cite encyclopedia}} ignore, in CS1's order
_PERIODICAL_METAS = ("Periodical", "TransPeriodical", "ScriptPeriodical")
_ARXIV_NEW = re.compile(r"[0-9]")


def _first(c: Citation, meta: str) -> Arg | None:
    """CS1's ``A[meta]``: the first set alias that the citation's template accepts (CS1 empties
    an unknown parameter before it reads the aliases)."""
    wl = whitelist()
    for a in c.set_aliases(meta):
        if wl.valid(a.name, c.cls):
            return a
    return None


class IgnoredParameter(Rule):
    """A known citation parameter that this kind of citation does not show, so the
    information is lost to the reader. CS1 names the parameter "… ignored":

    - ``periodical_ignored``: a periodical (``|work=``, ``|journal=``, ``|website=``,
      their ``trans-``/``script-`` forms…) in ``{{cite book}}`` or ``{{cite encyclopedia}}``,
      or beside ``|encyclopedia=`` in ``{{citation}}``. A book has a ``|publisher=``; an
      article in a journal is a ``{{cite journal}}``; a book series is ``|series=``.
    - ``chapter_ignored``: a chapter (``|chapter=``, ``|section=``, ``|article=``,
      ``|chapter-url=``, ``|trans-chapter=``…) in a citation of a periodical (``{{cite web}}``,
      ``{{cite news}}``, ``{{cite journal}}``…, or ``{{citation}}`` with a periodical): the
      ``|title=`` is already the article. Use ``|department=`` or ``|at=`` for a section.
    - ``contributor_ignored``: ``|contributor=`` outside ``{{cite book}}`` and a
      ``{{citation}}`` of a book (no periodical): only a book has contributions.
    - ``class_ignored``: ``|class=`` of ``{{cite arXiv}}`` with an identifier of the old
      form (``hep-th/9901001``), which names its class already.

    One message per kind and citation, at the parameter CS1 names."""

    code = "CITE019"
    name = "ignored-parameter"
    severity = Severity.ERROR
    summary = "Citation parameter that this kind of citation ignores"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#periodical_ignored"
    bad = "<ref>{{cite book |title=A book |work=A series |publisher=P |year=2001}}</ref>"
    good = "<ref>{{cite book |title=A book |series=A series |publisher=P |year=2001}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        for c in checked_citations(index):
            yield from _contributor(c)
            yield from _periodical(c)
            yield from _class(c)
            yield from _chapter(c)


def _periodical(c: Citation) -> Iterator[Problem]:
    cls = c.cls
    if cls in ("book", "encyclopaedia"):
        for meta in _PERIODICAL_METAS:
            a = _first(c, meta)
            if a is not None:
                yield cs1_problem(
                    a.start,
                    a.end,
                    f"|{a.name}= ignored: {{{{{c.template.name}}}}} shows no periodical "
                    "(a book series is |series=; an article in a periodical is "
                    "{{cite journal}}, {{cite news}}…)",
                    "periodical_ignored",
                )
                return
    elif cls == "citation":
        encyclopedia = _first(c, "Encyclopedia")
        periodical = _first(c, "Periodical")
        if encyclopedia is not None and periodical is not None:
            yield cs1_problem(
                periodical.start,
                periodical.end,
                f"|{periodical.name}= ignored: |{encyclopedia.name}= is the work this "
                "citation is in",
                "periodical_ignored",
            )


def _chapter(c: Citation) -> Iterator[Problem]:
    cls = c.cls
    if cls == "citation":
        periodical = _first(c, "Periodical")
        script_periodical = _first(c, "ScriptPeriodical")
        if _first(c, "Encyclopedia") is not None:
            return
        if periodical is None and script_periodical is None:
            return
    elif cls not in PERIODICAL_CLASSES:
        return
    for meta in _CHAPTER_METAS:
        a = _first(c, meta)
        if a is not None:
            yield cs1_problem(
                a.start,
                a.end,
                f"|{a.name}= ignored: the title of a {{{{{c.template.name}}}}} is already "
                "the article (a section of a periodical is |department= or |at=)",
                "chapter_ignored",
            )
            return


def _contributor(c: Citation) -> Iterator[Problem]:
    if c.cls in ("book", "citation") and _first(c, "Periodical") is None:
        return
    wl = whitelist()
    for a in c.order:
        if a.positional or not a.is_set or not wl.valid(a.name, c.cls):
            continue
        if any(r[:3] == ("ContributorList", "Last", 1) for r in name_role(a.name)):
            yield cs1_problem(
                a.start,
                a.end,
                f"|{a.name}= ignored: only {{{{cite book}}}} and a {{{{citation}}}} of a book "
                "show contributors",
                "contributor_ignored",
            )
            return


def _class(c: Citation) -> Iterator[Problem]:
    klass = _first(c, "Class")
    if klass is None:
        return
    ident = None
    for name in config()["identifiers"]["arxiv"]:
        a = c.arg(name)
        if a is not None and whitelist().valid(name, c.cls):
            ident = a
            break
    if ident is None or ident.opaque:
        return
    value = ident.value
    if value.startswith("((") and value.endswith("))") and len(value) > 4:
        value = value[2:-2]  # CS1's accept-as-written markup
    if _ARXIV_NEW.match(value) is None:
        yield cs1_problem(
            klass.start,
            klass.end,
            f"|{klass.name}= ignored: only an arXiv identifier of the form YYMM.NNNNN takes a "
            f"class, not |{ident.name}={value}",
            "class_ignored",
        )
