"""A rich progress bar for the link phase: URLs done / total and dead so far.

Only drawn on a terminal (the CLI asks for it only with the text format); it writes to
stderr so that the report on stdout stays clean.
"""

from __future__ import annotations

import sys
from typing import Any

from citelint.links.result import DEAD, LinkResult


class LinkProgress:
    """Context manager; call :meth:`advance` with each result."""

    def __init__(self, total: int, stream: Any = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        console = Console(file=stream or sys.stderr)
        self.dead = 0
        self._progress = Progress(
            TextColumn("Checking links"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[dead]} dead"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task("links", total=total, dead=0)

    def __enter__(self) -> LinkProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def advance(self, result: LinkResult) -> None:
        if result.verdict == DEAD:
            self.dead += 1
        self._progress.update(self._task, advance=1, dead=self.dead)
