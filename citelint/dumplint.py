"""``citelint dump``: lint every page of a dump on all cores and stream the findings.

The parent reads pages (citelint.dump), hands them to workers (citelint.parallel; each
builds its rules once), and writes each page's findings in dump order as soon as that
page and every page before it is done. Nothing is kept per page but the counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from citelint.config import Config
from citelint.document import Document
from citelint.dump import BadPage, DumpStats, Page, RawPage, iter_pages, open_dump
from citelint.finding import Finding
from citelint.interrupts import interrupts_deferred
from citelint.parallel import ordered_map
from citelint.reporters.stream import Stream, Tally
from citelint.runner import LINT_FAILURES, drop_source_lines, failure_reason, lint_document


@dataclass
class PageResult:
    """The findings of one page (or why it could not be linted), as reporters read them."""

    page_id: int | None
    title: str | None
    revision_id: int | None
    ns: int | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    offset: int = 0
    text_bytes: int = 0

    @property
    def path(self) -> str | None:
        return self.title

    def report_fields(self) -> dict[str, Any]:
        return {"page_id": self.page_id, "title": self.title, "revision_id": self.revision_id}


_WORKER: dict[str, Any] = {}


def init_worker(config: Config, codes: list[str], keep_source: bool) -> None:
    """Build the rules once per worker process."""
    _WORKER["config"] = config
    _WORKER["rules"] = config.instantiate(codes)
    _WORKER["keep_source"] = keep_source


def lint_item(item: Page | RawPage | BadPage) -> PageResult:
    if isinstance(item, RawPage):
        item = item.parse()
    if isinstance(item, BadPage):
        return PageResult(item.id, item.title, None, None, error=item.reason, offset=item.offset)
    size = len(item.text.encode("utf-8"))
    result = PageResult(item.id, item.title, item.revision_id, item.ns, offset=item.offset)
    result.text_bytes = size
    doc = Document(text=item.text, path=item.title, title=item.title)
    try:
        result.findings = lint_document(doc, _WORKER["config"], _WORKER["rules"])
    except LINT_FAILURES as exc:
        result.error = failure_reason(exc)
    if not _WORKER["keep_source"]:
        drop_source_lines(result.findings)
    return result


def crashed_item(item: Page | RawPage | BadPage, why: str) -> PageResult:
    """The result of a page whose worker process died on it: reported and skipped."""
    if isinstance(item, RawPage):
        item = item.parse()  # only to name it; a page that parses here is no danger
    return PageResult(item.id, item.title, None, None, error=why, offset=item.offset)


@dataclass
class DumpRun:
    """What a run did, for the summary and the exit code."""

    stats: DumpStats = field(default_factory=DumpStats)
    tally: Tally = field(default_factory=Tally)
    linted: int = 0
    last_page_id: int | None = None  # the last page whose findings were all written
    failed: bool = False  # a finding at or above fail-on
    interrupted: bool = False


def run_dump(
    path: str,
    stream: Stream,
    config: Config,
    *,
    namespaces: set[int] | None,
    start_after: int | None,
    limit: int | None,
    jobs: int,
    max_page_bytes: int,
    keep_source: bool,
    on_error: Callable[[str], None],
    on_progress: Callable[[DumpRun], None] | None = None,
    run: DumpRun | None = None,
) -> DumpRun:
    """Lint the dump at ``path`` (or ``-``) into ``stream``. A bad page is reported
    through ``on_error`` and skipped. Ctrl-C ends the run cleanly (``interrupted``):
    everything written so far is whole, and ``last_page_id`` says where to resume."""
    run = run or DumpRun()
    data, raw = open_dump(path)
    codes = config.enabled_codes()
    pages: Iterator[Page | RawPage | BadPage] = iter_pages(
        data,
        run.stats,
        namespaces=namespaces,
        start_after=start_after,
        max_page_bytes=max_page_bytes,
        raw=raw if path != "-" else None,
        parse=False,
    )
    if limit is not None:
        pages = islice(pages, limit)
    results = ordered_map(
        lint_item,
        pages,
        jobs,
        initializer=init_worker,
        initargs=(config, codes, keep_source),
        on_crash=crashed_item,
    )
    try:
        for result in results:
            with interrupts_deferred():  # the page is written and recorded, or neither
                if result.error is not None:
                    where = f"page {result.page_id}" if result.page_id is not None else "a page"
                    title = f" {result.title!r}" if result.title is not None else ""
                    on_error(f"{path}: {where}{title} (byte {result.offset}): {result.error}")
                else:
                    run.linted += 1
                    run.stats.text_bytes += result.text_bytes
                stream.add(result)
                run.tally.add(result)
                if any(f.severity >= config.fail_on for f in result.findings):
                    run.failed = True
                if result.page_id is not None:
                    run.last_page_id = result.page_id
            if on_progress is not None:
                on_progress(run)
    except KeyboardInterrupt:
        run.interrupted = True
    finally:
        results.close()  # stops the workers (cancels what has not started)
        data.close()
    return run


def summary_lines(run: DumpRun, elapsed: float | None = None) -> list[str]:
    """Findings per rule, most first, and a closing line with the counts."""
    tally, stats = run.tally, run.stats
    rows = sorted(tally.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = [f"{n:>8}  {code:<8} {tally.names.get(code, '')}" for code, n in rows]
    skipped = []
    if stats.redirects:
        skipped.append(f"{stats.redirects} redirect{'' if stats.redirects == 1 else 's'}")
    if stats.other_namespaces:
        n = stats.other_namespaces
        skipped.append(f"{n} page{'' if n == 1 else 's'} in other namespaces")
    if stats.before_start:
        skipped.append(f"{stats.before_start} before --start-after")
    line = (
        f"Linted {run.linted} page{'' if run.linted == 1 else 's'} "
        f"({stats.text_bytes / 1e6:.1f} MB of wikitext): "
        f"{tally.findings} finding{'' if tally.findings == 1 else 's'}"
    )
    if tally.failed:
        line += f", {tally.failed} bad page{'' if tally.failed == 1 else 's'} skipped"
    if skipped:
        line += "; skipped " + ", ".join(skipped)
    if elapsed:
        line += f"; {elapsed:.1f} s, {run.linted / elapsed:.1f} pages/s"
    lines.append(line + ".")
    return lines


class Progress:
    """A rich progress bar on a terminal: pages, MB, pages/s, findings."""

    def __init__(self, console: Any, total: int | None) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("[bold]dump"),
            BarColumn(),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[mb]:.1f} MB"),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("{task.fields[findings]} findings"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.start = time.monotonic()
        self.task = self.progress.add_task(
            "dump", total=total, pages=0, mb=0.0, rate=0.0, findings=0
        )
        self.last = 0.0

    def __enter__(self) -> Progress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, run: DumpRun) -> None:
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-6)
        self.progress.update(
            self.task,
            completed=run.stats.compressed or run.stats.bytes,
            pages=run.linted,
            mb=run.stats.bytes / 1e6,
            rate=run.linted / elapsed,
            findings=run.tally.findings,
        )
