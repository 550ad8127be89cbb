"""Inline suppression comments, invisible to readers of the article.

    <!-- citelint: disable-line REF012 -->
    <!-- citelint: disable-next-line CITE006 -->
    <!-- citelint: disable CITE -->  …  <!-- citelint: enable CITE -->
    <!-- citelint: disable-file -->        (optionally with codes)

Codes may be codes, prefixes or names, separated by spaces or commas; none means all.
A comment that starts with ``citelint:`` but does not parse is reported (CL001), never
ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citelint.document import Document
from citelint.finding import Finding
from citelint.model import Comment
from citelint.registry import resolve

_DIRECTIVE = re.compile(r"^\s*citelint\s*:\s*(?P<body>.*?)\s*$", re.S | re.I)
ACTIONS = ("disable-line", "disable-next-line", "disable-file", "disable", "enable")


@dataclass
class DirectiveError:
    comment: Comment
    message: str


@dataclass
class Suppressions:
    """Where findings are silenced: whole file, per line, per offset range."""

    file_codes: set[str] | None = None  # None: nothing file-wide; empty set: everything
    lines: dict[int, set[str] | None] = field(default_factory=dict)  # None: all codes
    ranges: list[tuple[int, int, set[str] | None]] = field(default_factory=list)
    errors: list[DirectiveError] = field(default_factory=list)

    def hides(self, finding: Finding) -> bool:
        if finding.code == "CL001":
            return False
        code = finding.code
        if self.file_codes is not None and (not self.file_codes or code in self.file_codes):
            return True
        if finding.line in self.lines:
            codes = self.lines[finding.line]
            if codes is None or code in codes:
                return True
        for start, end, codes in self.ranges:
            if start <= finding.offset < end and (codes is None or code in codes):
                return True
        return False


def _codes(args: str) -> set[str] | None:
    parts = [p for p in re.split(r"[\s,]+", args) if p]
    if not parts:
        return None
    out: set[str] = set()
    for part in parts:
        out.update(resolve(part))
    return out


def parse(doc: Document, comments: list[Comment]) -> Suppressions:
    sup = Suppressions()
    open_ranges: list[tuple[int, set[str] | None, Comment]] = []
    for c in comments:
        m = _DIRECTIVE.match(c.text)
        if not m:
            continue
        body = m.group("body")
        action, _, args = body.partition(" ")
        action = action.lower()
        if action not in ACTIONS:
            sup.errors.append(
                DirectiveError(
                    c,
                    f"unknown citelint directive {action or body!r}; "
                    f"expected one of {', '.join(ACTIONS)}",
                )
            )
            continue
        try:
            codes = _codes(args)
        except ValueError as exc:
            sup.errors.append(DirectiveError(c, f"invalid citelint directive: {exc}"))
            continue
        line = doc.position(c.start)[0]
        if action == "disable-line":
            _merge(sup.lines, line, codes)
        elif action == "disable-next-line":
            _merge(sup.lines, doc.position(c.end)[0] + 1, codes)
        elif action == "disable-file":
            if codes is None:
                sup.file_codes = set()
            elif sup.file_codes != set():
                sup.file_codes = (sup.file_codes or set()) | codes
        elif action == "disable":
            open_ranges.append((c.end, codes, c))
        else:  # enable
            matched = False
            for i in range(len(open_ranges) - 1, -1, -1):
                start, rcodes, _ = open_ranges[i]
                if codes is None or rcodes is None or codes == rcodes or codes & (rcodes or set()):
                    sup.ranges.append((start, c.start, rcodes))
                    del open_ranges[i]
                    matched = True
                    break
            if not matched:
                sup.errors.append(
                    DirectiveError(c, "'enable' without a matching 'disable' before it")
                )
    end = len(doc.text)
    for start, codes, _ in open_ranges:
        sup.ranges.append((start, end, codes))
    return sup


def _merge(lines: dict[int, set[str] | None], line: int, codes: set[str] | None) -> None:
    if line in lines:
        old = lines[line]
        lines[line] = None if old is None or codes is None else old | codes
    else:
        lines[line] = codes
