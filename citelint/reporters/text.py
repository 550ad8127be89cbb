"""``--format text``: grouped by file, the source line with a caret underline.

Colour comes from rich when writing to a terminal; piped output is plain text.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from citelint.reporters.summary import summarize
from citelint.runner import FileResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def frame(source: str, start: int, f, context: int = 40, span: int = 80) -> tuple[str, int, int]:
    """A window of a long source line around the finding: (text, caret start, caret width).

    Wikitext paragraphs are often one line of thousands of characters; show the part
    that matters, with an ellipsis where it was cut."""
    src = source.expandtabs(1)
    width = f.end_column - f.column if f.end_line == f.line else len(src) - start
    width = max(1, min(width, span))
    if len(src) <= context + span + context:
        return src, start, width
    lo = max(0, start - context)
    hi = min(len(src), start + width + context)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(src) else ""
    return prefix + src[lo:hi] + suffix, start - lo + len(prefix), width


def report(results: list[FileResult], out: TextIO, options: dict) -> None:
    color = options.get("color")
    console = Console(
        file=out,
        force_terminal=color if color is not None else None,
        no_color=color is False,
        color_system="auto" if color is not False else None,
        width=10_000 if not out.isatty() else None,
        highlight=False,
        soft_wrap=True,
    )
    for r in results:
        if not r.findings:
            continue
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
                snippet, start, width = frame(f.source_line, f.column - 1, f)
                line = Text(f"{f.line:>6} | ", style="dim")
                line.append(snippet)
                console.print(line)
                caret = Text(" " * 6 + " | ", style="dim")
                caret.append(" " * start + "^" * width, style=_STYLE[sev])
                console.print(caret)
        console.print()
    s = summarize(results)
    if s["findings"]:
        parts = [
            _plural(n, sev)
            for sev, n in sorted(
                s["by_severity"].items(), key=lambda kv: ["error", "warning", "info"].index(kv[0])
            )
        ]
        console.print(
            f"Found {_plural(s['findings'], 'problem')} ({', '.join(parts)}) "
            f"in {_plural(sum(1 for r in results if r.findings), 'file')}."
        )
    elif not options.get("quiet"):
        console.print(f"All clean: {_plural(s['files'], 'file')} checked, no problems.")
