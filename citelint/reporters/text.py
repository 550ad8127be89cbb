"""``--format text``: grouped by file, the source line with a caret underline.

Colour comes from rich when writing to a terminal; piped output is plain text.
"""

from __future__ import annotations

import os
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from citelint.reporters.stream import Stream, Tally
from citelint.runner import FileResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


#: room taken before a snippet on its line: "{line:>6} | "
_GUTTER = 9


def frame(
    source: str, start: int, f, context: int = 40, span: int = 80, width: int | None = None
) -> tuple[str, int, int]:
    """A window of a long source line around the finding: (text, caret start, caret width),
    the caret measured in terminal cells (wide characters take two).

    Wikitext paragraphs are often one line of thousands of characters; show the part
    that matters, with an ellipsis where it was cut. With ``width`` (cells for the
    snippet) the window never takes more than that."""
    src = source.expandtabs(1)
    length = f.end_column - f.column if f.end_line == f.line else len(src) - start
    length = max(1, min(length, span))
    if width is None:
        if len(src) <= context + span + context:
            return src, cell_len(src[:start]), max(1, cell_len(src[start : start + length]))
        lo = max(0, start - context)
        hi = min(len(src), start + length + context)
    elif cell_len(src) <= max(width, 8):
        lo, hi = 0, len(src)
    else:
        width = max(width, 8)
        room = width - 2  # two ellipses at most
        length = max(1, min(length, room - min(context, room // 4)))
        lead = min(context, max(0, (room - length) // 2), start)
        lo = start - lead
        hi = min(len(src), start + length)
        # spend the room left on context after the finding, then before it
        while hi < len(src) and cell_len(src[lo : hi + 1]) <= room:
            hi += 1
        while lo > 0 and cell_len(src[lo - 1 : hi]) <= room:
            lo -= 1
        while cell_len(src[lo:hi]) > room and hi > start + 1:  # wide characters
            hi -= 1
        length = min(length, hi - start)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(src) else ""
    text = prefix + src[lo:hi] + suffix
    caret_at = cell_len(prefix + src[lo:start])
    caret_width = max(1, cell_len(src[start : start + length]))
    return text, caret_at, caret_width


class _Console(Console):
    """A closed pipe (``citelint … | head``) is the caller's business: rich would exit
    with status 1 on its own; let the command line decide."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def fix_counts(results: list[FileResult] | Tally, unsafe: bool) -> tuple[int, int]:
    """(findings fixable with the current setting, findings with only an unsafe fix that
    ``--unsafe-fixes`` would enable)."""
    tally = Tally.of(results)
    if unsafe:
        return tally.safe_fixes + tally.unsafe_fixes, 0
    return tally.safe_fixes, tally.unsafe_fixes


def fix_note(results: list[FileResult] | Tally, unsafe: bool) -> str:
    """ " 3 fixable with --fix." and the unsafe fixes it leaves out, ruff style."""
    tally = Tally.of(results)
    fixable, hidden = fix_counts(tally, unsafe)
    fixes = "hidden fix" if hidden == 1 else "hidden fixes"
    more = f" ({hidden} {fixes} can be enabled with --unsafe-fixes)" if hidden else ""
    if fixable:
        flag = "--fix --unsafe-fixes" if unsafe and tally.unsafe_fixes else "--fix"
        return f" {fixable} fixable with {flag}{more}."
    if hidden:
        return f" No fixes available{more}."
    return ""


def summary_line(results: list[FileResult] | Tally, options: dict) -> str | None:
    """The last line of the report; None when there is nothing to say (``--quiet``)."""
    tally = Tally.of(results)
    s = tally.summary()
    failed = tally.failed
    failed_note = f"{_plural(failed, 'input')} could not be checked." if failed else ""
    if s["findings"]:
        parts = [
            _plural(n, sev)
            for sev, n in sorted(
                s["by_severity"].items(), key=lambda kv: ["error", "warning", "info"].index(kv[0])
            )
        ]
        line = (
            f"Found {_plural(s['findings'], 'problem')} ({', '.join(parts)}) "
            f"in {_plural(tally.with_findings, 'file')}."
        )
        if options.get("fix_hint", True):
            line += fix_note(tally, bool(options.get("unsafe_fixes")))
        return line + (" " + failed_note if failed_note else "")
    if options.get("quiet"):
        return None
    if not failed:
        return f"All clean: {_plural(s['files'], 'file')} checked, no problems."
    if s["files"]:
        return f"No problems in {_plural(s['files'], 'file')} checked, but {failed_note}"
    return f"Nothing checked: {failed_note}"


class TextStream(Stream):
    """Each file's findings as it comes, the summary line at the end (unless the
    option ``summary`` is False)."""

    def __init__(self, out: TextIO, options: dict) -> None:
        super().__init__(out, options)
        color = options.get("color")
        tty = out.isatty()
        no_color = color is False or (color is None and bool(os.environ.get("NO_COLOR")))
        self.console = _Console(
            file=out,
            force_terminal=color if color is not None else None,
            no_color=no_color,
            color_system=None if no_color else "auto",
            width=None if tty else 10_000,
            highlight=False,
            soft_wrap=True,
        )
        # on a terminal snippets fit its width; piped output keeps the fixed window
        self.room = _terminal_width(out, self.console.width) - _GUTTER if tty else None

    def add(self, r: FileResult) -> None:
        if not r.findings:
            return
        console, room = self.console, self.room
        console.print(Text(r.path or "-", style="bold underline"))
        for f in r.findings:
            sev = str(f.severity)
            head = Text("  ")
            head.append(f"{f.line}:{f.column}", style="dim")
            head.append("  ")
            head.append(f"{sev:<7}", style=_STYLE[sev])
            head.append(" ")
            head.append(f.code, style="bold")
            head.append(f"  {f.message}  ")
            head.append(f"[{f.name}]", style="dim")
            if f.fix is not None:
                head.append(
                    " (fixable)" if f.fix.applicability == "safe" else " (unsafe fix)",
                    style="green",
                )
            console.print(head)
            if f.source_line.strip():
                snippet, start, width = frame(f.source_line, f.column - 1, f, width=room)
                line = Text(f"{f.line:>6} | ", style="dim")
                line.append(snippet)
                console.print(line)
                caret = Text(" " * 6 + " | ", style="dim")
                caret.append(" " * start + "^" * width, style=_STYLE[sev])
                console.print(caret)
        console.print()

    def close(self, tally: Tally) -> None:
        if self.options.get("summary", True):
            line = summary_line(tally, self.options)
            if line is not None:
                self.console.print(line)


def _terminal_width(out: TextIO, fallback: int) -> int:
    """Columns of the terminal ``out`` is (``$COLUMNS`` wins, as in rich)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(out.fileno()).columns or fallback
    except (OSError, ValueError, AttributeError):
        return fallback
