"""A reader for MediaWiki's parserTests file format (``tests/parser/*.txt``).

The format is line based: ``!! test`` starts a case and ``!! end`` closes it; in between,
``!! <section>`` lines start sections (``wikitext``, ``html/php``, ``html``, ``options``,
``config``, …) whose bodies are the lines up to the next ``!!`` line. ``!! article`` /
``!! text`` / ``!! endarticle`` define helper pages (``Template:1x``) that the cases
transclude; ``!! hooks`` … ``!! endhooks`` names required extension tags. Lines starting
with ``#`` between items are comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ParserTest:
    name: str
    line: int  # 1-based line of the ``!! test`` marker
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def wikitext(self) -> str:
        return self.sections.get("wikitext", "")

    @property
    def php_html(self) -> str | None:
        """What the legacy (PHP) parser must produce: ``html/php``, else ``html``."""
        for key in ("html/php", "html"):
            if key in self.sections:
                return self.sections[key]
        return None

    @property
    def options(self) -> str:
        return self.sections.get("options", "")


@dataclass
class ParserTestFile:
    tests: list[ParserTest]
    articles: dict[str, str]  # helper pages: title -> wikitext
    file_options: str = ""


def _body(lines: list[str]) -> str:
    # A section's text ends with the line break before the next ``!!`` line; the
    # parserTests runner drops that final newline.
    return "\n".join(lines)


def parse(path: Path) -> ParserTestFile:
    """Read a parserTests file into its cases and helper articles."""
    raw = path.read_text(encoding="utf-8").split("\n")
    tests: list[ParserTest] = []
    articles: dict[str, str] = {}
    file_options = ""
    i = 0
    n = len(raw)

    def read_section(start: int) -> tuple[list[str], int]:
        j = start
        body: list[str] = []
        while j < n and not raw[j].startswith("!!"):
            body.append(raw[j])
            j += 1
        return body, j

    while i < n:
        line = raw[i]
        if not line.startswith("!!"):
            i += 1  # comments and blank lines between items
            continue
        head = line[2:].strip()
        kind = head.lower()
        if kind == "test":
            test = ParserTest("", i + 1)
            body, i = read_section(i + 1)
            test.name = _body(body).strip()
            while i < n:
                marker = raw[i][2:].strip()
                if marker.lower() == "end":
                    i += 1
                    break
                body, i = read_section(i + 1)
                test.sections[marker.lower()] = _body(body)
            tests.append(test)
        elif kind == "article":
            body, i = read_section(i + 1)
            title = _body(body).strip()
            text = ""
            while i < n:
                marker = raw[i][2:].strip().lower()
                if marker == "endarticle":
                    i += 1
                    break
                body, i = read_section(i + 1)
                if marker == "text":
                    text = _body(body)
            articles[title] = text
        elif kind == "options" and not tests:
            body, i = read_section(i + 1)
            file_options = _body(body)
            if i < n and raw[i][2:].strip().lower() == "end":
                i += 1
        elif kind in ("hooks", "functionhooks"):
            _, i = read_section(i + 1)
            if i < n and raw[i][2:].strip().lower().startswith("end"):
                i += 1
        else:
            i += 1
    return ParserTestFile(tests, articles, file_options)
