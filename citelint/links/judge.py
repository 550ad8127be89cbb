"""From link results to LINK001–LINK005 problems, once per document.

The link phase stores a :class:`DocLinks` in ``index.cache[LINKS_KEY]`` before the
rules run; every LINK rule reads :func:`problems_for`, which judges each cited URL once,
so one defect gets exactly one finding under one code:

=============================  ==================================================
URL use and result             finding
=============================  ==================================================
url dead, no archive, unmarked LINK001 (error)
url inconclusive / refused     LINK002 (warning), unless archived or marked dead
url soft 404 (root, /404 page) LINK003 (warning), unless archived or marked dead
url moved permanently          LINK003 (info) with the new URL (unsafe fix)
archive-url dead or soft 404   LINK004 (error)
archive-url inconclusive       LINK002 (warning)
url answers 2xx but marked     LINK005 (info) at ``url-status=dead`` / ``{{dead link}}``
=============================  ==================================================
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.links.collect import ARCHIVE, LinkUse, collect
from citelint.links.result import DEAD, OK, LinkResult

LINKS_KEY = "links"
CODES = ("LINK001", "LINK002", "LINK003", "LINK004", "LINK005")


@dataclass
class DocLinks:
    """What the link phase found for one document."""

    uses: list[LinkUse]
    results: dict[str, LinkResult] = field(default_factory=dict)


#: results of the current run's link phase, for documents indexed after it (``--fix``
#: re-lints the fixed text); a URL missing from it was not checked and is not judged
_RUN_RESULTS: ContextVar[dict[str, LinkResult] | None] = ContextVar(
    "citelint_link_results", default=None
)


@contextmanager
def run_results(results: dict[str, LinkResult]) -> Iterator[None]:
    """Make a run's link results visible to every document linted inside the block."""
    token = _RUN_RESULTS.set(results)
    try:
        yield
    finally:
        _RUN_RESULTS.reset(token)


def problems_for(index: Index, code: str) -> list[Problem]:
    """The problems of one LINK rule; empty when links were not checked."""
    return index.derived("link-problems", _judge_all).get(code, [])


def _doc_links(index: Index) -> DocLinks | None:
    doc: DocLinks | None = index.cache.get(LINKS_KEY)
    if doc is None:
        results = _RUN_RESULTS.get()
        if results is not None:
            doc = index.cache[LINKS_KEY] = DocLinks(collect(index), results)
    return doc


def _short(url: str, limit: int = 90) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _judge_all(index: Index) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {c: [] for c in CODES}
    doc = _doc_links(index)
    if doc is None:
        return out
    markers_done: set[int] = set()
    for use in doc.uses:
        result = doc.results.get(use.key)
        if result is None:
            continue
        code, problem = _judge(use, result)
        if code is None or problem is None:
            continue
        if code == "LINK005":
            if problem.start in markers_done:
                continue
            markers_done.add(problem.start)
        out[code].append(problem)
    return out


def _judge(use: LinkUse, r: LinkResult) -> tuple[str | None, Problem | None]:
    url = _short(use.url)
    if use.role == ARCHIVE:
        if r.verdict == DEAD:
            return "LINK004", Problem(
                use.start, use.end, f"Archive URL is dead: {url} ({r.reason})"
            )
        if r.verdict == OK and r.soft404:
            msg = f"Archive URL has no snapshot: {url} redirects to {_short(r.final_url or '')}"
            return "LINK004", Problem(use.start, use.end, msg)
        if r.verdict == OK:
            return None, None
        return "LINK002", Problem(
            use.start, use.end, f"Archive URL could not be checked: {url} ({r.reason})"
        )
    covered = use.archived or use.marked_dead is not None
    if r.verdict == DEAD:
        if covered:
            return None, None
        msg = f"Dead link: {url} ({r.reason}); add an archive-url (or mark it {{{{dead link}}}})"
        return "LINK001", Problem(use.start, use.end, msg)
    if r.verdict != OK:
        if covered:
            return None, None
        return "LINK002", Problem(
            use.start, use.end, f"Link could not be checked: {url} ({r.reason})"
        )
    if r.soft404:
        if covered:
            return None, None
        msg = (
            f"Soft 404: {url} redirects to {_short(r.final_url or '')}, a site root or "
            "error page; the cited page is probably gone"
        )
        return "LINK003", Problem(use.start, use.end, msg, severity=Severity.WARNING)
    if use.marked_dead is not None:
        start, end, what = use.marked_dead
        msg = (
            f"Marked dead ({what}) but {url} answers {r.reason}; check that it still "
            "supports the claim and set url-status=live or remove the tag"
        )
        return "LINK005", Problem(start, end, msg)
    if r.moved_to and r.moved_to != use.key:
        fix = Fix(
            f"Replace the URL with {r.moved_to}",
            (Edit(use.value_start, use.value_end, r.moved_to),),
            applicability="unsafe",
        )
        msg = f"Permanent redirect: {url} has moved to {_short(r.moved_to)}"
        return "LINK003", Problem(use.start, use.end, msg, fix=fix, severity=Severity.INFO)
    return None, None
