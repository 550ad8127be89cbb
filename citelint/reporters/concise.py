"""``--format concise``: ``path:line:col: CODE message``, one line per finding."""

from __future__ import annotations

from typing import TextIO

from citelint.reporters.stream import write_all
from citelint.runner import FileResult


def report(results: list[FileResult], out: TextIO, options: dict) -> None:
    write_all("concise", results, out, options)
