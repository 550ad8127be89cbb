"""Lint wikitext with link checking against the local servers."""

from __future__ import annotations

from citelint.config import from_mapping
from citelint.document import Document
from citelint.links.phase import LinkRun, lint_documents
from citelint.links.settings import LinkSettings

#: the retry policy of the tests: at most RETRIES + 2 requests per URL and hop
#: (HEAD, GET, then RETRIES more GETs)
RETRIES = 2


def cite(url: str, extra: str = "") -> str:
    """Three lines of wikitext; the citation of ``url`` is on line 3."""
    return (
        "Intro line.\n"
        "Another line.\n"
        f"A claim.<ref>{{{{cite web |url={url} |title=T{extra}}}}}</ref>\n"
        "{{reflist}}\n"
    )


def check(
    text: str | list[str], settings: LinkSettings, select: tuple[str, ...] = ("LINK",)
) -> tuple[list[tuple[str, int, str]], LinkRun, list]:
    """((code, line, severity) of every finding, the link run, the raw findings)."""
    texts = [text] if isinstance(text, str) else text
    docs = [Document(t, f"doc{i}.wiki") for i, t in enumerate(texts)]
    config = from_mapping({"select": list(select)})
    per_doc, run = lint_documents(docs, config, settings)
    findings = [f for fs in per_doc for f in fs]
    return [(f.code, f.line, str(f.severity)) for f in findings], run, findings
