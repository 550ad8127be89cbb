"""``--format github``: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from typing import Any

from citelint.reporters.stream import Stream

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


class Github(Stream):
    def add(self, r: Any) -> None:
        path = _prop(r.path or "-")
        for f in r.findings:
            level = _LEVEL[str(f.severity)]
            self.out.write(
                f"::{level} file={path},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},"
                f"title={_prop(f.code + ' ' + f.name)}::{_data(f.message)}\n"
            )
