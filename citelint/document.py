"""A wikitext document and the mapping from offsets to line/column positions."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Document:
    """The text of one page plus where it came from.

    Offsets are 0-based indexes into ``text`` (Unicode code points); lines and
    columns are 1-based, as editors show them.
    """

    text: str
    path: str | None = None
    title: str | None = None
    #: the file began with a UTF-8 byte order mark (kept when fixes are written back)
    bom: bool = False
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            text = self.text
            find = text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a 0-based offset."""
        starts = self.line_starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")
