"""``--format json`` (one document) and ``--format jsonl`` (one finding per line)."""

from __future__ import annotations

import json
from typing import TextIO

from citelint import __version__
from citelint.reporters.summary import summarize
from citelint.runner import FileResult

SCHEMA_VERSION = 1


def report(results: list[FileResult], out: TextIO, options: dict) -> None:
    doc = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "citelint", "version": __version__},
        "files": [
            {
                "path": r.path,
                "title": r.title,
                "findings": [f.to_dict() for f in r.findings],
            }
            for r in results
            if r.error is None
        ],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error is not None],
        "summary": summarize(results),
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def report_lines(results: list[FileResult], out: TextIO, options: dict) -> None:
    for r in results:
        if r.error is not None:
            continue
        for f in r.findings:
            row = {"path": r.path, "title": r.title, **f.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
