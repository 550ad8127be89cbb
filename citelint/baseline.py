"""Baselines: record today's findings so CI fails only on new ones.

Findings are matched by path, code and fingerprint (the flagged source text and its
occurrence number), not by line, so edits elsewhere in the article do not resurrect them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from citelint.fixes import write_atomically
from citelint.runner import FileResult

VERSION = 1


class BaselineError(Exception):
    pass


def where(result: FileResult) -> str | None:
    """What a finding is recorded against: the file's path, or a wiki page's title (not
    ``Title@revision``), so that a baseline taken today still holds after the next edit."""
    return result.title if result.title is not None else result.path


def write(path: Path, results: list[FileResult]) -> int:
    rows = [
        {"path": where(r), "code": f.code, "fingerprint": f.fingerprint}
        for r in results
        for f in r.findings
    ]
    data = {"version": VERSION, "tool": "citelint", "findings": rows}
    write_atomically(path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())
    return len(rows)


def load(path: Path) -> Counter[tuple[str | None, str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r}")
        return Counter((row["path"], row["code"], row["fingerprint"]) for row in data["findings"])
    except FileNotFoundError:
        raise BaselineError(f"baseline file not found: {path}") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: not a citelint baseline ({exc})") from None


def apply(results: list[FileResult], known: Counter[tuple[str | None, str, str]]) -> int:
    """Drop findings present in the baseline; returns how many were hidden."""
    remaining = Counter(known)
    return sum(hide(r, remaining) for r in results)


def hide(result: FileResult, remaining: Counter[tuple[str | None, str, str]]) -> int:
    """Drop one file's findings that are still in ``remaining`` (used up as they match);
    returns how many were hidden. Lets a streaming report apply a baseline file by file."""
    kept = []
    hidden = 0
    for f in result.findings:
        key = (where(result), f.code, f.fingerprint)
        if remaining[key] > 0:
            remaining[key] -= 1
            hidden += 1
        else:
            kept.append(f)
    result.findings = kept
    return hidden
