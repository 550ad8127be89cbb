"""Applying fixes: non-overlapping edits, every other byte kept, files replaced atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from citelint.finding import Edit, Finding, Fix


def select_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """The fixes to apply, first come first served; a fix whose edits overlap one already
    chosen waits for the next run (two fixes may share a fix object, e.g. REF011)."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    seen: set[int] = set()
    for f in sorted(findings, key=lambda f: f.offset):
        fix = f.fix
        if fix is None or id(fix) in seen or (fix.applicability != "safe" and not unsafe):
            continue
        spans = [(e.offset, e.end_offset) for e in fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        seen.add(id(fix))
        chosen.append(fix)
        taken.extend(spans)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions touch only when at the same point
        return a[0] == b[0] or (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])
    return a[0] < b[1] and b[0] < a[1]


def apply(text: str, fixes: Iterable[Fix]) -> str:
    edits: list[Edit] = sorted(
        (e for fix in fixes for e in fix.edits), key=lambda e: (e.offset, e.end_offset)
    )
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.offset])
        out.append(e.replacement)
        pos = e.end_offset
    out.append(text[pos:])
    return "".join(out)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile="a" + ("" if path.startswith("/") else "/") + path,
            tofile="b" + ("" if path.startswith("/") else "/") + path,
        )
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over: a crash leaves either
    the old file or the new one, never half of each. The file's mode is kept, and a
    symbolic link stays a link: the file it points to is the one replaced."""
    path = Path(os.path.realpath(path))
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_document(doc, config, rules, unsafe: bool = False, passes: int = 8):
    """Apply fixes until none is left (fixes can unblock each other), re-linting each
    pass. Returns (fixed text, remaining findings, number of fixes applied)."""
    from citelint.document import Document
    from citelint.runner import lint_document

    text = doc.text
    findings = lint_document(doc, config, rules)
    applied = 0
    for _ in range(passes):
        chosen = select_fixes(findings, unsafe)
        if not chosen:
            break
        text = apply(text, chosen)
        applied += len(chosen)
        findings = lint_document(Document(text, doc.path, doc.title, doc.bom), config, rules)
    return text, findings, applied
