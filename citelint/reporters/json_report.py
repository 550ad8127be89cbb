"""``--format json`` (one document) and ``--format jsonl`` (one finding per line)."""

from __future__ import annotations

from typing import TextIO

from citelint.reporters.stream import write_all
from citelint.runner import FileResult

SCHEMA_VERSION = 1


def report(results: list[FileResult], out: TextIO, options: dict) -> None:
    write_all("json", results, out, options)


def report_lines(results: list[FileResult], out: TextIO, options: dict) -> None:
    write_all("jsonl", results, out, options)
