"""Findings, fixes and severities: what rules report and reporters print."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of {choices})") from None


@dataclass(frozen=True)
class Edit:
    """Replace ``text[offset:end_offset]`` with ``replacement``."""

    offset: int
    end_offset: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A change that resolves a finding; ``safe`` fixes never change what readers see
    beyond the problem itself."""

    message: str
    edits: tuple[Edit, ...]
    applicability: str = "safe"  # or "unsafe"

    def to_dict(self) -> dict:
        return {
            "applicability": self.applicability,
            "message": self.message,
            "edits": [
                {"offset": e.offset, "end_offset": e.end_offset, "replacement": e.replacement}
                for e in self.edits
            ],
        }


@dataclass(frozen=True)
class Problem:
    """What a rule yields: where and what. The runner adds code, name, severity, path."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's default, e.g. LINK003


@dataclass
class Finding:
    """A located, stamped problem, ready for filtering and reporting."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    fix: Fix | None = None
    source_line: str = field(default="", repr=False, compare=False)
    fingerprint: str = field(default="", repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "fix": self.fix.to_dict() if self.fix else None,
        }
