"""citelint: a linter for the citations of Wikipedia articles written in wikitext.

For bots::

    import citelint
    for finding in citelint.lint_text(text):
        print(finding.line, finding.code, finding.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from citelint.config import Config
    from citelint.finding import Finding

__all__ = ["__version__", "lint_text"]


def lint_text(
    text: str, path: str | None = None, config: Config | dict | None = None
) -> list[Finding]:
    """Lint one wikitext string and return its findings, sorted by position.

    ``config`` is a :class:`citelint.config.Config` or a mapping shaped like the
    ``[tool.citelint]`` table (``{"select": ["REF"], "rules": {...}}``).
    """
    from citelint.config import Config, from_mapping
    from citelint.document import Document
    from citelint.runner import lint_document

    if isinstance(config, dict):
        config = from_mapping(config, "<lint_text config>")
    return lint_document(Document(text=text, path=path), config or Config())
