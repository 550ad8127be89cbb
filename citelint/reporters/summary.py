"""Counts shared by the reporters that print a summary."""

from __future__ import annotations

from collections import Counter

from citelint.runner import FileResult


def summarize(results: list[FileResult]) -> dict:
    by_severity: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    total = 0
    for r in results:
        for f in r.findings:
            total += 1
            by_severity[str(f.severity)] += 1
            by_code[f.code] += 1
    return {
        "files": sum(1 for r in results if r.error is None),
        "findings": total,
        "by_severity": dict(sorted(by_severity.items())),
        "by_code": dict(sorted(by_code.items())),
    }
