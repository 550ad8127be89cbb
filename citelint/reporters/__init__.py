"""Output formats. Every format renders the same list of :class:`FileResult`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from citelint.runner import FileResult

Reporter = Callable[[list[FileResult], TextIO, dict], None]


def get(name: str) -> Reporter:
    from citelint.reporters import concise, github, json_report, sarif, text

    formats: dict[str, Reporter] = {
        "text": text.report,
        "concise": concise.report,
        "json": json_report.report,
        "jsonl": json_report.report_lines,
        "github": github.report,
        "sarif": sarif.report,
    }
    return formats[name]


FORMATS = ("text", "concise", "json", "jsonl", "github", "sarif")
