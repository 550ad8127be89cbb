"""``--format concise``: ``path:line:col: CODE message``, one line per finding."""

from __future__ import annotations

from typing import TextIO

from citelint.runner import FileResult


def report(results: list[FileResult], out: TextIO, options: dict) -> None:
    for r in results:
        for f in r.findings:
            out.write(f"{r.path or '-'}:{f.line}:{f.column}: {f.code} {f.message}\n")
